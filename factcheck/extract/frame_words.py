"""The word lists that frames.py and figure_time.py read, from factcheck/data/frames.txt.

The file holds sections (`[name]`) of entries, one word or phrase a line, `#`
starting a comment. Each list is loaded once; the patterns are built from it,
so a word is added in one place.
"""

from __future__ import annotations

from importlib import resources

from . import lexicon


def _load() -> dict[str, tuple[str, ...]]:
    text = resources.files("factcheck").joinpath("data/frames.txt").read_text("utf-8")
    out: dict[str, list[str]] = {}
    section = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            out.setdefault(section, [])
        elif section is not None:
            out[section].append(line)
    return {k: tuple(v) for k, v in out.items()}


WORDS = _load()


def alternation(section: str) -> str:
    """A regex alternation of a section's phrases (a trie, longer phrases first), words
    joined by any space."""
    return lexicon.alternation(" ".join(p.split()) for p in WORDS[section])
