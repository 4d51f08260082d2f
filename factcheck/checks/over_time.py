"""over_time: a figure that may only rise (a toll) or only fall, read as a timeline.

A statement that moves against the allowed direction from an earlier report is one
finding naming that step, counting every earlier report it moved against. Sources are
compared for agreement only when they refer to the same time (`by_day_and_hour`).
Timelines are sort-based sweeps too (`sweep.count_greater`): O(n log n).
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left

from ..model import Claim, Conflict, OverTime, Rule, period
from ..vocab.shown import interval_in
from .base import (
    MAX_LISTED,
    CheckType,
    Decoding,
    Groups,
    by_time,
    claim_ref,
    finding,
    group_by,
    key,
    side_json,
)
from .sweep import count_greater


def decode(o: dict, ctx: Decoding) -> OverTime:
    """The `over_time:` section of a rule."""
    return OverTime(o["may_only"], float(o.get("tolerance", 0) or 0))


def timeline_findings(rule: Rule, claims: list[Claim], unit: str | None) -> list[Conflict]:
    """Statements that move against the allowed direction from an earlier time.

    Claims are taken in time order; the earlier statement that sets the bar
    (the highest floor for a figure that may only rise) is kept while sweeping,
    so each statement is compared once: O(n log n). A finding counts every earlier
    report it moved against (one more sweep, `_above_counts`) and lists the most
    extreme of them (`_Board`), never all pairs.
    """
    o = rule.over_time
    if o.may_only == "any":
        return []  # it may move either way: only reports of the same time are compared
    timed = sorted((c for c in claims if c.time), key=lambda c: (period(c.time)[0], key(c)))
    by_end = sorted(timed, key=lambda c: (period(c.time)[1], key(c)))
    rise = o.may_only == "rise"
    board = _Board(rule)
    steps, j, bar = [], 0, None
    for b in timed:
        start = period(b.time)[0]
        while j < len(by_end) and period(by_end[j].time)[1] < start:
            a = by_end[j]
            board.add(a, j)
            j += 1
            edge = a.interval()[0] if rise else a.interval()[1]
            if math.isfinite(edge) and (bar is None or (edge > bar[0] if rise else edge < bar[0])):
                bar = (edge, a)
        if bar is None or bar[1].doc == b.doc:
            continue
        if _moved_against(rule, bar[1], b):
            steps.append((bar[1], b, j, board.listed(b)))
    counts = _above_counts(rule, by_end, [(b, j) for _, b, j, _ in steps])
    refs: dict[tuple, dict] = {}  # an earlier report listed by many findings is one dict
    found, spikes = [], {}
    for (a, b, _, listed), count in zip(steps, counts, strict=True):
        before = _spike(a, b, by_end) if count == 1 else None
        if before is None:
            found.append(_fell(rule, a, b, unit, [_ref(refs, c) for c in listed], count))
        elif key(a) not in spikes:
            spikes[key(a)] = _spiked(rule, before, a, b, unit)
    return found + list(spikes.values())


SPIKE_LOOKBACK = 200  # earlier reports looked at for the figure a spike stands above


def _spike(a: Claim, b: Claim, by_end: list[Claim]) -> Claim | None:
    """The earlier report that shows `a` to be the one out of line, or None.

    b moved against a alone (no other earlier report); when a report before a, from
    another document than a's, states b's very figure, the figure went up to a and came
    back: a stands alone, and a is the finding, not b ("1,500 troops", then "5,100",
    then "1,500" again). A bound ("at least 3,400") is no figure to come back to. The
    latest such report is returned.
    """
    figure = _figure(b)
    if figure is None:
        return None
    start = period(a.time)[0]
    ended = [c for c in by_end if period(c.time)[1] < start][-SPIKE_LOOKBACK:]
    for c in reversed(ended):
        if c.doc != a.doc and _figure(c) is not None and math.isclose(_figure(c), figure):
            return c
    return None


def _figure(c: Claim) -> float | None:
    """The one figure a statement states (in its SI unit), or None for a bound or range."""
    if c.qualifier not in ("exact", "approx"):
        return None
    value = c.si_value if c.si_value is not None else c.value
    return value if value is not None and math.isfinite(value) else None


def _spiked(rule: Rule, before: Claim, a: Claim, after: Claim, unit: str | None) -> Conflict:
    """The finding of a, a figure out of line with the reports before it and after it."""
    o = rule.over_time
    verb = "rose" if o.may_only == "rise" else "fell"
    reason = (
        f"{verb} to {interval_in(a)} ({a.time}) from {interval_in(before)} "
        f"({before.time}, {before.doc}), and a later report ({after.time}, {after.doc}) "
        f"states {interval_in(after)} again: it may only {o.may_only}, so "
        f"{interval_in(a)} stands alone"
    )
    details = {
        "step": {"from": claim_ref(before), "to": claim_ref(a)},
        "above": [claim_ref(after)],
        "above_count": 1,
        "earlier": [before.time, *claim_ref(before)["interval"]],
        "later": [after.time, *claim_ref(after)["interval"]],
        "may_only": o.may_only,
        "tolerance": o.tolerance,
        "consensus": side_json((before, after), unit),
        "spike": True,
    }
    return finding(rule, "over_time", a, before, reason, details)


def _ref(refs: dict[tuple, dict], claim: Claim) -> dict:
    ref = refs.get(key(claim))
    if ref is None:
        ref = refs[key(claim)] = claim_ref(claim)
    return ref


def _score(rule: Rule, a: Claim) -> float | None:
    """How far a report sets the bar for later ones: a later report b moved against it
    when `_score(a) > _threshold(b)` (`_moved_against`, as one comparison); None when
    its edge is unbounded."""
    o = rule.over_time
    if o.may_only == "rise":
        edge = a.interval()[0]
        return edge - abs(edge) * o.tolerance if math.isfinite(edge) else None
    edge = a.interval()[1]
    return -(edge + abs(edge) * o.tolerance) if math.isfinite(edge) else None


def _threshold(rule: Rule, b: Claim) -> float:
    return b.interval()[1] if rule.over_time.may_only == "rise" else -b.interval()[0]


def _above_counts(rule: Rule, by_end: list[Claim], steps: list[tuple[Claim, int]]) -> list[int]:
    """For each (report b, how many reports ended before it), how many of those earlier
    reports from other documents b moved against: all of them less those of b's own
    document, each counted by one sweep (`count_greater`), O(n log n)."""
    scores = [_score(rule, a) for a in by_end]
    finite = [(n, x) for n, x in enumerate(scores) if x is not None]
    everyone = _counts_before([x for _, x in finite], [n for n, _ in finite], rule, steps)
    own_docs = group_by(range(len(steps)), lambda i: steps[i][0].doc)
    by_doc = group_by(finite, lambda nx: by_end[nx[0]].doc)
    for doc, asking in own_docs.items():
        mine = by_doc.get(doc, [])
        own = _counts_before(
            [x for _, x in mine], [n for n, _ in mine], rule, [steps[i] for i in asking]
        )
        for i, count in zip(asking, own, strict=True):
            everyone[i] -= count
    return everyone


def _counts_before(scores, positions, rule, steps) -> list[int]:
    """count_greater over reports at the given positions of the time-ordered list."""
    queries = [(bisect_left(positions, j), _threshold(rule, b)) for b, j in steps]
    return count_greater(scores, queries)


class _Board:
    """The earlier reports that set the highest bars (at most 2 × MAX_LISTED of them,
    all while there are few), for the examples a timeline finding lists."""

    def __init__(self, rule: Rule):
        self.rule = rule
        self.heap: list[tuple[float, int, Claim]] = []

    def add(self, a: Claim, order: int) -> None:
        score = _score(self.rule, a)
        if score is None:
            return
        if len(self.heap) < 2 * MAX_LISTED:
            heapq.heappush(self.heap, (score, order, a))
        elif score > self.heap[0][0]:
            heapq.heapreplace(self.heap, (score, order, a))

    def listed(self, b: Claim) -> list[Claim]:
        """The listed earlier reports from other documents that b moved against."""
        threshold = _threshold(self.rule, b)
        above = [a for score, _, a in self.heap if a.doc != b.doc and score > threshold]
        return sorted(above, key=key)[:MAX_LISTED]


def _moved_against(rule: Rule, a: Claim, b: Claim) -> bool:
    """Whether b, a later report, moves against the allowed direction from a."""
    o = rule.over_time
    if o.may_only == "rise":
        edge = a.interval()[0]
        return math.isfinite(edge) and b.interval()[1] < edge - abs(edge) * o.tolerance
    edge = a.interval()[1]
    return math.isfinite(edge) and b.interval()[0] > edge + abs(edge) * o.tolerance


def _fell(
    rule: Rule, a: Claim, b: Claim, unit: str | None, above: list[dict], count: int
) -> Conflict:
    """The finding of b, which moved against a (the bar) and `count` earlier reports, of
    which `above` are listed (all of them while there are at most MAX_LISTED)."""
    o = rule.over_time
    verb = "fell" if o.may_only == "rise" else "rose"
    slack = f" beyond {o.tolerance:.0%} tolerance" if o.tolerance else ""
    reason = (
        f"{verb} from {interval_in(a)} ({a.time}, {a.doc}) to {interval_in(b)} "
        f"({b.time}){slack}, but it may only {o.may_only}"
    )
    details = {
        "step": {"from": claim_ref(a), "to": claim_ref(b)},
        "above": above,
        "above_count": count,
        "earlier": [a.time, *claim_ref(a)["interval"]],
        "later": [b.time, *claim_ref(b)["interval"]],
        "may_only": o.may_only,
        "tolerance": o.tolerance,
        "consensus": side_json((a,), unit),
    }
    return finding(rule, "over_time", b, a, reason, details)


def _same_time(claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    """Groups of statements about the same time, for a fact that changes over time.

    Updates at different hours of one day are successive, never compared; a
    statement dated only by its day can be any hour of it, so it is compared
    with each hour's statements (a statement in several groups is reported
    once: its finding id does not depend on the group).
    """
    by_day: dict[str, list[Claim]] = {}
    for c in claims:
        by_day.setdefault((c.time or "")[:10], []).append(c)
    groups: list[tuple[str, list[Claim]]] = []
    for day, members in sorted(by_day.items()):
        dated = [c for c in members if "T" not in (c.time or "")]
        hours = by_time([c for c in members if "T" in (c.time or "")])
        if not hours:
            groups.append((day, dated))
        groups.extend((hour, dated + timed) for hour, timed in hours)
    return groups


def by_day_and_hour(
    rule: Rule, claims: list[Claim], unit: str | None
) -> tuple[list[Conflict], Groups]:
    """The statements of a timeline by the time they refer to (see `_same_time`)."""
    return [], [(f" (about {time})" if time else "", bucket) for time, bucket in _same_time(claims)]


CHECK = CheckType("over_time", decode, unit=timeline_findings, partition=by_day_and_hour)
