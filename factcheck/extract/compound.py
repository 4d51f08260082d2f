"""A duration written in two units, read as one: "jailed for four years and six months" is
4.5 years, "in 1 hour and 32 minutes" is 1.53 hours, "cut the journey from 4 hours 30 minutes
to 2 hours 50 minutes" gives two durations, not four. Read apart, "four years" states a
figure the text does not (a rule would compare 4 years with another outlet's 4.5).

A pass over the drafts in text order, before they are framed: two exact durations next to
each other, joined by a space, a comma or "and", the first whole and in the larger unit, the
second less than one of the first's unit (six months, not 18), become one draft.
"""

from __future__ import annotations

import re

from .drafts import ClaimDraft

# what may stand between the two parts: "four years and six months", "4 hours 30 minutes",
# "58 minutes, 10 seconds"
_JOIN_RE = re.compile(r"[^\S\n]*,?[^\S\n]*(?:and[^\S\n]+)?")


def join_durations(text: str, drafts: list[ClaimDraft]) -> list[ClaimDraft]:
    """drafts (in text order) with each duration written in two or three units made one
    ("2 hours, 14 minutes and 3 seconds")."""
    if sum(d.kind == "duration" for d in drafts) < 2:
        return drafts
    out: list[ClaimDraft] = []
    head_unit = 0.0  # seconds in one unit of out[-1] (joined so far)
    tail: ClaimDraft | None = None  # the last part joined into out[-1]
    for d in drafts:
        if tail is not None and _parts(text, out[-1].end, tail, d):
            _join(out[-1], d, head_unit)
        else:
            out.append(d)
            head_unit = _unit_seconds(d)
        tail = d
    return out


def _unit_seconds(d: ClaimDraft) -> float:
    """Seconds in one of a duration's units, or 0.0 when not a plain duration."""
    if d.kind != "duration" or not d.value or d.si_value is None:
        return 0.0
    return d.si_value / d.value


def _parts(text: str, end: int, a: ClaimDraft, b: ClaimDraft) -> bool:
    """Whether b, starting after a joined duration that ends at `end` and whose last part is
    a, is its next part ("four years" "six months")."""
    if a.kind != "duration" or b.kind != "duration" or b.qualifier != "exact":
        return False
    if a.value is None or b.value is None or a.si_value is None or b.si_value is None:
        return False
    if a.value <= 0 or b.value <= 0 or a.value != int(a.value) or a.unit == b.unit:
        return False
    m = _JOIN_RE.match(text, end)
    if m is None or m.end() != b.start:
        return False
    ratio = _unit_seconds(a) / _unit_seconds(b)  # months in a year: 12
    return ratio >= 2 and b.value < ratio * 0.99


def _join(a: ClaimDraft, b: ClaimDraft, a_unit: float) -> None:
    """Join b into a, a duration in a's unit (a_unit seconds each)."""
    value = round((a.si_value + b.si_value) / a_unit, 6)  # type: ignore[operator]
    a.end, a.value, a.si_value = b.end, value, a.si_value + b.si_value  # type: ignore[operator]
    a.low = value if a.low is not None else None
    a.high = value if a.high is not None else None
    if a.interval_low is not None and b.interval_low is not None:
        a.interval_low += b.interval_low
    if a.interval_high is not None and b.interval_high is not None:
        a.interval_high += b.interval_high
    a.frames_time = a.frames_time or b.frames_time
