"""A unit of measure written after a number: the curated table first, then quantulum3's."""

from __future__ import annotations

import re
from typing import Literal

from ..vocab import units
from ..vocab.tries import lower_alternation

# the spaced "2" of "280 km 2)": alone, before a bracket or punctuation, never a figure
_SQUARED_RE = re.compile(r"[ ]2(?=[ ]?[()\[\],;:]|\.(?!\d)|\s*$|\s*\n)")
# a trie of the written forms, the longest tried first, so "square kilometres" wins over
# "kilometres"; lowercase, as the pattern ignores case (case variants are one branch)
UNIT_RE = re.compile(
    lower_alternation(units.CURATED) + r"(?![\w²³])",
    re.IGNORECASE,
)
_WORDS_RE = re.compile(r"[A-Za-z]+(?:[ -][A-Za-z]+){0,2}")


def match_unit(text: str, pos: int, attached: bool) -> tuple[units.Unit, int] | None:
    """The unit written at text[pos:], and where it ends; None if there is none.

    `attached` says the unit touches the number ("5km"): single letters and
    symbols that are also words count only then.
    """
    m = UNIT_RE.match(text, pos)
    if m:
        found = _curated(text, m, attached)
        if found is not False:
            return found
    # the long tail: quantulum3's names, only for words the curated table lacks
    w = _WORDS_RE.match(text, pos)
    if not w:
        return None
    table = units.quantulum_units()
    words = w.group(0).lower().replace("-", " ").split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        unit = table.get(phrase)
        if unit is not None:
            end = pos
            for _ in range(n):
                wm = re.compile(r"[ -]?[A-Za-z]+").match(text, end)
                end = wm.end()  # type: ignore[union-attr]
            return unit, end
    return None


def _curated(
    text: str, m: re.Match, attached: bool
) -> tuple[units.Unit, int] | None | Literal[False]:
    """The curated unit a match of UNIT_RE reads, None for no unit, False to try the long tail."""
    form = m.group(0)
    low = form.lower()
    if form != low and form in units.CURATED:  # "420 Nm", "150 PS": read in their case
        return units.CURATED[form], m.end()
    found = units.CURATED.get(low)
    if found is None:
        return None  # "ps", "MAH": a form the table writes with capitals, not so written
    if found.short in units.SQUARED and _SQUARED_RE.match(text, m.end()):
        return units.CURATED[units.SQUARED[found.short]], m.end() + 2
    if low in units.LOWERCASE_ONLY and not form.islower():
        return None  # "5G" is a network, not five grams
    if low in units.SPACED_LOWERCASE and form.islower():
        return units.CURATED[low], m.end()
    if low in units.ATTACHED_ONLY and not attached and not (form.isupper() and len(form) > 1):
        return False
    if low in units.ATTACHED_LOWERCASE and form.islower():
        return (units.CURATED[low], m.end()) if attached else False
    return units.CURATED[low], m.end()
