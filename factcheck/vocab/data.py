"""Reading the vocabulary's data files: YAML mappings of word lists, word tables and texts,
checked for shape so that a bad entry fails at start with its section named."""

from __future__ import annotations

from pathlib import Path

import yaml


class LexiconError(ValueError):
    """lexicon.yaml is not a mapping of word lists, word tables and text blocks."""


def load(path: Path) -> dict:
    """The data file at path, checked."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as f:
        lex = yaml.load(f, Loader=loader)  # noqa: S506 - a safe loader
    check(lex, str(path))
    return lex


def check(lex: object, where: str = "lexicon.yaml") -> None:
    """Raise LexiconError unless lex maps each key to a list of phrases, a table or a text."""
    if not isinstance(lex, dict):
        raise LexiconError(f"{where}: a mapping of sections expected")
    problems = []
    for key, value in lex.items():
        if isinstance(value, list):
            bad = [w for w in value if not isinstance(w, str) or not w or w != w.strip()]
            if bad:
                problems.append(f"{key}: {bad[0]!r} is no phrase (quote 'on', 'no' and 'off')")
        elif not isinstance(value, dict | str):
            problems.append(f"{key}: a list, a mapping or a text expected")
    if problems:
        raise LexiconError(f"{where}: " + "; ".join(problems))
