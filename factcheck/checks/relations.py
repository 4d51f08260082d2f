"""relate: how a fact stands to other facts: part of a whole, a sum of parts, a percentage.

One finding per relation a rule's statements break, whatever the number of statement
pairs that break it: each statement that breaks it is found once, with the statement it
breaks it with most (the smallest whole, the farthest part), by a few sort-based sweeps
(`sweep.best_compatible`), O(n log n) in the statements of both facts; then the
statements of one relation fold into one finding (`fold`).
"""

from __future__ import annotations

import math

from ..figures import fmt_span
from ..model import Claim, Conflict, Relation, Rule, period
from ..vocab.shown import interval_in
from .base import (
    MAX_LISTED,
    CheckType,
    Decoding,
    by_unit,
    claim_ref,
    finding,
    group_by,
    json_interval,
    key,
)
from .sweep import best_compatible


def decode(r: dict, ctx: Decoding) -> Relation:
    """The `relate:` section of a rule."""
    pct = r.get("percent_of") or {}
    sum_of = r.get("sum_of")
    return Relation(
        part_of=r.get("part_of"),
        sum_of=tuple([sum_of] if isinstance(sum_of, str) else sum_of or ()),
        percent_whole=pct.get("whole"),
        percent_part=pct.get("part"),
        tolerance=float(r.get("tolerance", 0) or 0),
    )


def _overlaps(a: str, b: str) -> bool:
    a0, a1 = period(a)
    b0, b1 = period(b)
    return a0 <= b1 and b0 <= a1


def _stated_times_differ(a: Claim, b: Claim) -> bool:
    """Whether both claims say in their text what time they refer to, and the times differ."""
    texts = a.time_source == "text" and b.time_source == "text"
    return texts and bool(a.time and b.time) and not _overlaps(a.time, b.time)


def _stated_period(claim: Claim) -> tuple[str, str] | None:
    """The period a claim's text says it refers to, or None (see `_stated_times_differ`)."""
    if claim.time_source == "text" and claim.time:
        return period(claim.time)
    return None


def _extremes(queries: list[Claim], items: list[Claim], value, k: int = 1) -> list[list]:
    """For each query, the k items with the smallest `value(item)` among those whose stated
    time does not differ from the query's: [(value, index, item), ...]. Items with no
    finite value (None) are left out. One sweep: O(n log n), see `sweep.best_compatible`."""
    entries = []
    for c in items:
        v = value(c)
        if v is not None:
            entries.append((v, _stated_period(c), c))
    return best_compatible([_stated_period(q) for q in queries], entries, k)


def _part_whole(rule: Rule, own: list[Claim], wholes: list[Claim], slack: str) -> list[Conflict]:
    """Each part above a whole of its unit whose time does not differ, with the smallest
    such whole: one sweep per unit, never every part against every whole."""
    r = rule.relate
    tol = r.tolerance
    out = []
    wholes_by_unit = by_unit(wholes)

    def top(w: Claim) -> float | None:
        hi = w.interval()[1]
        return hi * (1 + tol) if math.isfinite(hi) else None

    for unit, parts in by_unit(own).items():
        found = _extremes(parts, wholes_by_unit.get(unit, []), top, k=2)
        for p, best in zip(parts, found, strict=True):
            w = next((c for _, _, c in best if c is not p), None)
            if w is None or not p.interval()[0] > w.interval()[1] * (1 + tol):
                continue
            reason = (
                f"the part {interval_in(p)} exceeds the whole "
                f"{interval_in(w)} ('{r.part_of}'){slack}"
            )
            details = {"part": json_interval(p), "whole": json_interval(w)}
            out.append(finding(rule, "part_whole", p, w, reason, details, of=(p, w)))
    return out


def _spans(queries: list[Claim], items: list[Claim]) -> list[tuple[float, float] | None]:
    """For each query, the span of the items whose stated time does not differ from its."""
    lows = _extremes(queries, items, lambda c: c.interval()[0])
    highs = _extremes(queries, items, lambda c: -c.interval()[1])
    return [(lo[0][0], -hi[0][0]) if lo else None for lo, hi in zip(lows, highs, strict=True)]


def _sum(rule: Rule, own: list[Claim], selected: dict[str, list[Claim]], slack: str):
    """Each statement that is not the sum of the spans of its parts (of its unit, at a
    time that does not differ from its): one sweep per part, not one per statement."""
    r = rule.relate
    tol = r.tolerance
    out = []
    for unit, totals in by_unit(own).items():
        spans = {
            pid: _spans(totals, by_unit(selected.get(pid, [])).get(unit, [])) for pid in r.sum_of
        }
        for n, s in enumerate(totals):
            parts = [(pid, spans[pid][n]) for pid in r.sum_of]
            if any(span is None for _, span in parts):
                continue
            total = (sum(sp[0] for _, sp in parts), sum(sp[1] for _, sp in parts))
            lo, hi = s.interval()
            if lo > total[1] * (1 + tol) or hi < total[0] * (1 - tol):
                terms = " + ".join(f"'{pid}' {fmt_span(sp)}" for pid, sp in parts)
                reason = f"{interval_in(s)} is not the sum {terms} = {fmt_span(total)}{slack}"
                details = {"sum": list(total), "parts": {pid: list(sp) for pid, sp in parts}}
                out.append(finding(rule, "sum", s, None, reason, details))
    return out


def _percent(rule: Rule, own: list[Claim], selected: dict[str, list[Claim]], slack: str):
    """Each percentage whose share of the whole does not match the part: per unit of the
    part, one sweep for the whole's span and two for the part's extremes."""
    r = rule.relate
    found: dict[int, Conflict] = {}
    wholes = by_unit(selected.get(r.percent_whole, []))
    for unit, shares in sorted(by_unit(selected.get(r.percent_part, [])).items(), key=_unit):
        spans = _spans(own, wholes.get(unit, []))
        highest = _extremes(own, shares, lambda c: -c.interval()[0], k=2)
        lowest = _extremes(own, shares, lambda c: c.interval()[1], k=2)
        for n, p in enumerate(own):
            if n in found or spans[n] is None:
                continue
            for t in (_other(highest[n], p), _other(lowest[n], p)):
                broken = t is not None and _share_breaks(rule, p, spans[n], t, slack)
                if broken:
                    found[n] = broken
                    break
    return [found[n] for n in sorted(found)]


def _unit(item: tuple[str | None, list]) -> str:
    return item[0] or ""


def _other(best: list, claim: Claim) -> Claim | None:
    return next((c for _, _, c in best if c is not claim), None)


def _share_breaks(rule: Rule, p: Claim, span, t: Claim, slack: str) -> Conflict | None:
    """The conflict when the percentage p of the whole's span is not the part t, else None."""
    r = rule.relate
    tol = r.tolerance
    plo, phi = p.interval()
    expected = (plo * span[0] / 100, phi * span[1] / 100)
    tlo, thi = t.interval()
    if not (tlo > expected[1] * (1 + tol) or thi < expected[0] * (1 - tol)):
        return None
    reason = (
        f"{interval_in(p)} of '{r.percent_whole}' {fmt_span(span)} is "
        f"{fmt_span(expected)}, but '{r.percent_part}' is "
        f"{interval_in(t)}{slack}"
    )
    details = {"whole": list(span), "expected": list(expected)}
    return finding(rule, "percent_of", p, t, reason, details, of=(p, t))


def check_relations(rule: Rule, selected: dict[str, list[Claim]]) -> list[Conflict]:
    """Conflicts of a fact with the facts it relates to: part of a whole, sum, percentage.

    One conflict per statement of the rule that breaks a relation, naming the statement
    it breaks it with most (the smallest whole, the farthest part), never one per pair:
    each check is a few sort-based sweeps, O(n log n) in the statements of both facts.
    """
    r = rule.relate
    if r is None:
        return []
    own = selected.get(rule.id, [])
    slack = f" (tolerance {r.tolerance:.0%})" if r.tolerance else ""
    out: list[Conflict] = []
    if r.part_of:
        out += _part_whole(rule, own, selected.get(r.part_of, []), slack)
    if r.sum_of:
        out += _sum(rule, own, selected, slack)
    if r.percent_whole and r.percent_part:
        out += _percent(rule, own, selected, slack)
    return out


def fold(rule: Rule, found: list[Conflict]) -> list[Conflict]:
    """One finding per relation of a rule that its statements break (`found`: one conflict
    per statement that breaks it, with the statement it breaks it with most): they become
    its members; the finding lists at most MAX_LISTED of them and counts them all."""
    out = []
    for check, broken in sorted(group_by(found, lambda c: c.check).items()):
        broken = sorted(broken, key=lambda c: (key(c.left), c.id))
        first = broken[0]
        listed = {key(c): c for f in broken[:MAX_LISTED] for c in (f.left, f.right) if c}
        reason = first.reason
        if len(broken) > 1:
            more = len(broken) - 1
            reason += f" (and {more} more of its statement{'s' if more > 1 else ''})"
        details = {
            **first.details,
            "members": [claim_ref(listed[k]) for k in sorted(listed)[:MAX_LISTED]],
            "statements": len(broken),
        }
        # its id: the rule's own statements that break the relation
        of = [f.left for f in broken]
        out.append(finding(rule, check, first.left, first.right, reason, details, of=of))
    return out


def relation_findings(rule: Rule, selected: dict[str, list[Claim]]) -> list[Conflict]:
    """One finding per relation of the rule that its statements break."""
    return fold(rule, check_relations(rule, selected))


CHECK = CheckType("relate", decode, across=relation_findings)
