"""Figures in the articles' own units, for people to read.

Statements are compared in SI units (3.5 hours is 12,600 seconds), but a reader
recognises the figures the articles wrote: a finding shows a consensus or a side
in the unit most of its statements use ("3.5–4 hours", "180,000–200,000 barrels a
day"), and one statement in its own unit. Display only: the stored ranges, units
and finding ids stay in SI.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..figures import compact_number, fmt_number
from ..model import Claim
from .units import CURATED, Unit

# scale words a unit as written may start with ("1.2 million barrels")
_SCALE = re.compile(r"^(?:thousand|million|billion|trillion|lakh|crore|bn|mn|k)\b\s*", re.I)
_DIGITS = re.compile(r"\d")
_IRREGULAR = {"foot": "feet"}  # plurals no "s" makes


@dataclass(frozen=True)
class Shown:
    """A unit figures are shown in: its words as the articles write them, and how an SI
    figure converts to it (si = shown * factor + offset)."""

    words: str  # "hours", "barrels a day"
    one: str  # its words for a figure of one: "hour"
    factor: float = 1.0
    offset: float = 0.0

    def __call__(self, si: float) -> float:
        """An SI figure in this unit, without the float noise of the conversion."""
        if not math.isfinite(si):
            return si
        x = (si - self.offset) / self.factor
        return float(f"{x:.10g}")

    def label(self, lo: float, hi: float) -> str:
        """The unit's words after a figure or range: singular for exactly one."""
        return self.one if lo == hi == 1 else self.words


def _unit(claim: Claim) -> Unit | None:
    """The unit the claim was written in, when it converts to the SI unit it compares in."""
    if not claim.unit or not claim.si_unit or claim.unit == claim.si_unit:
        return None
    if claim.dimension == "currency":
        return None
    unit = CURATED.get(claim.unit)
    if unit is not None and unit.factor and unit.si_unit == claim.si_unit:
        return unit
    if claim.value and claim.si_value:  # a unit of the long tail: its factor from the claim
        return Unit(claim.unit, claim.dimension or "", claim.si_unit, claim.si_value / claim.value)
    return None


def _written(claim: Claim, unit: Unit) -> str | None:
    """The unit's words as the claim writes them after its figure ("barrels a day", "km");
    None for an adjective ("a 3.5-hour outage") or words the unit table does not know."""
    tail = _DIGITS.split(claim.text)[-1]
    if tail.startswith("-"):
        return None
    tail = _SCALE.sub("", tail.strip()).strip(" .,;:)")
    known = CURATED.get(tail) or CURATED.get(tail.lower())
    return tail if known is not None and known.short == unit.short else None


def _plural(unit: Unit) -> str:
    """The unit's name for figures other than one: a word's plural when the table knows
    it as a form of the unit ("hours", "miles"), else its short name ("km", "°F")."""
    if not unit.short.isalpha() or len(unit.short) <= 3:
        return unit.short
    for plural in (_IRREGULAR.get(unit.short), unit.short + "es", unit.short + "s"):
        known = CURATED.get(plural) if plural else None
        if known is not None and known.short == unit.short:
            return plural
    return unit.short


def _one(words: str, unit: Unit) -> str:
    """The unit's words for a figure of exactly one ("hour" for "hours")."""
    single = CURATED.get(words[:-1]) if words.endswith("s") else None
    return words[:-1] if single is not None and single.short == unit.short else words


def shown_unit(members: Sequence[Claim]) -> Shown | None:
    """The unit most of the statements are written in (the first such on a tie), in the
    words they most often write it; None when their SI unit is what they wrote (or none)."""
    units = [(c, u) for c in members if (u := _unit(c)) is not None]
    if not units:
        return None
    counts = Counter(u.short for _, u in units)
    best = max(counts.values())
    unit = next(u for _, u in units if counts[u.short] == best)
    forms = Counter(w for c, u in units if u.short == unit.short and (w := _written(c, unit)))
    words = max(forms, key=lambda w: (forms[w], w.endswith("s"), w)) if forms else _plural(unit)
    return Shown(words, _one(words, unit), unit.factor or 1.0, unit.offset)


def _suffix(unit: str | None) -> str:
    if unit == "percent":
        return "%"
    return f" {unit}" if unit else ""


def range_in(span: tuple[float, float], members: Sequence[Claim], unit: str | None) -> str:
    """A figure range ("3.5–4 hours", "2.4 billion") in the unit most of the statements
    use, or in `unit` (their comparable unit) when they wrote that."""
    shown = shown_unit(members)
    lo, hi = span
    words = unit
    if shown is not None:
        lo, hi, words = shown(lo), shown(hi), shown.label(shown(lo), shown(hi))
    low, high = compact_number(lo), compact_number(hi)
    figure = low if low == high else f"{low}–{high}"  # 1,600–1,600.2 metres is 1.6 km
    return figure + _suffix(words)


def interval_in(claim: Claim) -> str:
    """The interval a statement asserts ("≥ 1,200", "3.4–3.6 hours"), in its own unit."""
    lo, hi = claim.interval()
    words = claim.comparable_unit()
    shown = shown_unit((claim,))
    if shown is not None:
        lo, hi, words = shown(lo), shown(hi), shown.label(shown(lo), shown(hi))
    if lo == hi:
        figure = fmt_number(lo)
    elif math.isinf(hi):
        figure = f"≥ {fmt_number(lo)}"
    elif math.isinf(lo):
        figure = f"≤ {fmt_number(hi)}"
    else:
        figure = f"{fmt_number(lo)}–{fmt_number(hi)}"
    return figure + _suffix(words)


def written_unit(claim: Claim) -> str | None:
    """The unit of a statement as its article writes it ("hours", "barrels a day"), or
    its unit's name when it converts to none."""
    shown = shown_unit((claim,))
    if shown is None:
        return claim.unit
    one = claim.value == 1 or (claim.low == claim.high == 1)
    return shown.one if one else shown.words
