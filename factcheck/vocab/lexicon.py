"""The vocabulary, read once from `lexicon.yaml` and checked.

Every word list lives in the YAML file; the modules that read text take their
tables from `LEX` and build their patterns with `trie` or `tries.alternation`, so a word
added to the file is seen by every pattern that uses its list.
"""

from __future__ import annotations

from pathlib import Path

from .data import LexiconError, check, load
from .tries import alternation

_PATH = Path(__file__).with_name("lexicon.yaml")
__all__ = ["LEX", "LexiconError", "check", "trie"]

LEX: dict = load(_PATH)


def trie(key: str) -> str:
    """The regex alternation (a trie) of a word list of the lexicon: each phrase's words
    match any run of spaces."""
    return alternation(LEX[key])
