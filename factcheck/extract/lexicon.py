"""The extractor's vocabulary, read once from `lexicon.yaml`, and the regex pieces made from it.

Every word list lives in the YAML file; the modules that read text take their
tables from here and build their patterns with `alternation`, so a word added
to the file is seen by every pattern that uses its list.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

_PATH = Path(__file__).with_name("lexicon.yaml")


def _load() -> dict:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(_PATH, encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)  # noqa: S506 - a safe loader


LEX: dict = _load()


def words(key: str) -> list[str]:
    """A list of the lexicon (a mapping gives its keys)."""
    return list(LEX[key])


def table(key: str) -> dict:
    """A mapping of the lexicon."""
    return dict(LEX[key])


def alternation(phrases, flexible_space: bool = True) -> str:
    """A regex alternation of phrases, longest first, each escaped; spaces match any run."""
    out = []
    for p in sorted(set(phrases), key=lambda p: (-len(p), p)):
        esc = re.escape(p)
        if flexible_space:
            esc = esc.replace(r"\ ", r"\s+")
        out.append(esc)
    return "(?:" + "|".join(out) + ")"
