"""Every figure as a reader sees it: numbers, intervals and ranges written out.

One home for number formatting, so the checks' messages, the reports and the
rule examples write 5,000, "≥ 1,200" and "2.4 billion" the same way. A figure with
its unit, in the unit the articles wrote, is `vocab/shown.py`'s.
"""

from __future__ import annotations

import math


def fmt_number(x: float | None) -> str:
    """A number as an editor writes it: 5,000; 0.25; 1.2e+12 for huge ones."""
    if x is None or (isinstance(x, float) and math.isinf(x)):
        return "…"
    if abs(x) >= 1e15:
        return f"{x:.3g}"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def fmt_span(span: tuple[float, float]) -> str:
    lo, hi = span
    if lo == hi:
        return fmt_number(lo)
    if math.isinf(hi):
        return f"≥ {fmt_number(lo)}"
    return f"{fmt_number(lo)}–{fmt_number(hi)}"


def compact_number(x: float) -> str:
    """A figure as a reader says it: 2.4 billion, 12.5 million, 1,250."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= size:
            return f"{x / size:,.3g} {word}"
    return fmt_number(x)
