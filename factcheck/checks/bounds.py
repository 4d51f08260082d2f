"""bounds: a statement wholly outside the plausible values of a fact is a finding.

Each statement is judged alone, before grouping; a statement out of bounds backs no
consensus and is no outlier of one.
"""

from __future__ import annotations

from ..model import Bounds, Claim, Conflict, Rule
from ..vocab.shown import interval_in
from .base import CheckType, Decoding, finding, json_interval


def decode(b: dict, ctx: Decoding) -> Bounds:
    """The `bounds:` section of a rule, its limits converted to the claims' SI unit."""
    si_unit, factor = ctx.unit(b["unit"]) if b.get("unit") else (None, 1.0)
    unit = f" {b['unit']}" if b.get("unit") else ""
    written = " and ".join(
        f"{word} {b[k]:g}{unit}"
        for k, word in (("min", "at least"), ("max", "at most"))
        if b.get(k) is not None
    )
    return Bounds(
        low=b["min"] * factor if b.get("min") is not None else None,
        high=b["max"] * factor if b.get("max") is not None else None,
        si_unit=si_unit,
        written=written,
    )


def check_bounds(rule: Rule, claims: list[Claim]) -> list[Conflict]:
    """A conflict for each claim wholly outside the rule's plausible bounds."""
    b = rule.bounds
    if b is None:
        return []
    out = []
    for c in claims:
        if b.si_unit is not None and (c.comparable_unit() or "").lower() != b.si_unit.lower():
            continue
        lo, hi = c.interval()
        if not (b.high is not None and lo > b.high) and not (b.low is not None and hi < b.low):
            continue
        reason = f"{interval_in(c)} is not plausible: it must be {b.written}"
        details = {"interval": json_interval(c), "bounds": [b.low, b.high]}
        out.append(finding(rule, "bounds", c, None, reason, details))
    return out


CHECK = CheckType("bounds", decode, screen=check_bounds)
