"""The vocabulary, read once from `lexicon.yaml` and checked.

Every word list lives in the YAML file; the modules that read text take their
tables from `LEX` and build their patterns with `trie` or `tries.alternation`, so a word
added to the file is seen by every pattern that uses its list.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .tries import alternation

_PATH = Path(__file__).with_name("lexicon.yaml")


class LexiconError(ValueError):
    """lexicon.yaml is not a mapping of word lists, word tables and text blocks."""


def _load(path: Path = _PATH) -> dict:
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


LEX: dict = _load()


def trie(key: str) -> str:
    """The regex alternation (a trie) of a word list of the lexicon: each phrase's words
    match any run of spaces."""
    return alternation(LEX[key])
