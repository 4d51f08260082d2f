"""Implied precision: the interval a figure asserts under its qualifier.

- exact figures that are not round (5,324; 6; 8.10; 60.5) assert themselves: [x, x];
- round figures (a trailing zero, or a scale word: 5,000; 40; 12 million;
  1.2 billion) assert x ± half a unit of their last significant place, at most
  ±5% of x: 12 million → [11.5e6, 12.5e6], 5,000 → [4750, 5250];
- approx (about, some, around, roughly, an estimated, ~): ±10% of x, ±15% when
  x has a single significant digit (about 5,000 → [4250, 5750]);
- nearly (nearly, almost, close to, just under): [0.9x, x];
- at_least and more_than: [x, None] (closed at x: "more than 5,000" is
  compared as "at least 5,000");
- at_most and less_than: [0, x] (None below when x is negative);
- range: [low, high] as stated; vague: the table interval (dozens [24, 144],
  hundreds [100, 1000], thousands [1000, 10000], tens of thousands
  [10000, 100000], several thousand [3000, 10000], ...).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .numbers import SCALES

if TYPE_CHECKING:
    from .scanner import Num


def unscaled(num: Num) -> float:
    """The figure before its scale word: "5 million" → 5, "five thousand" → 5."""
    if num.spelled:
        words = re.findall(r"[a-z]+", num.raw.lower())
        scales = [SCALES[w.rstrip("s")] for w in words if w.rstrip("s") in SCALES]
        return num.value / max(scales) if scales and num.value >= max(scales) else num.value
    m = re.match(r"[-−]?[\d,]*\.?\d+", num.raw)
    if not m:
        return num.value
    try:
        v = float(m.group(0).replace(",", "").replace("−", "-"))
    except ValueError:
        return num.value
    return v or num.value


def interval(x: float, place: float, qual: str) -> tuple[float | None, float | None]:
    """The interval a single figure x asserts under its qualifier (see the module docstring)."""
    ax = abs(x)
    if qual == "exact":
        if not place:
            return x, x
        half = min(place / 2, 0.05 * ax)
        return x - half, x + half
    if qual == "approx":
        sig = len(str(int(ax)).rstrip("0")) if ax >= 1 and ax == int(ax) else 2
        r = 0.15 if sig <= 1 else 0.10
        return x - r * ax, x + r * ax
    if qual == "nearly":
        return x - 0.1 * ax, x
    if qual in ("at_least", "more_than"):
        return x, None
    if qual in ("at_most", "less_than"):
        return (0.0 if x >= 0 else None), x
    return x, x


def interval_for(value, low, high, place, qual):
    """The interval of a range as stated, or of a single value under its qualifier."""
    if value is None:
        return low, high
    return interval(value, place, qual)


def times(x: float | None, factor: float) -> float | None:
    """x times factor, None staying None."""
    return None if x is None else x * factor


def times_all(xs: tuple, factor: float) -> tuple:
    """Each of xs times factor, None staying None."""
    return tuple(times(x, factor) for x in xs)


def bounds(value, qual):
    """(low, high) a qualifier states of value: "more than 5" is (5, None)."""
    if qual in ("at_least", "more_than"):
        return value, None
    if qual in ("at_most", "less_than", "nearly"):
        return None, value
    return None, None


def stated_bounds(value, low, high, qual):
    """(low, high) of a range as stated, else the bounds of value under its qualifier."""
    if value is None:
        return low, high
    return bounds(value, qual)


_INF = float("inf")


def clean(x):
    """x as a float fit for output: None for NaN and infinities, rounded to 12 digits."""
    if x is None:
        return None
    x = float(x)
    if x != x or x == _INF or x == -_INF:
        return None
    if x.is_integer() and abs(x) < 1e12:
        return x  # what the rounding below gives for it, without formatting a string
    return float(f"{x:.12g}")  # 16.4 * 1e6 is 16399999.999999998; the text said 16.4 million
