"""Findings per fact: what most sources say, who says something else, and how it moved.

A fact-checker does not read conflicts as pairs of claims. For each rule the
statements it selects are grouped into agreement sets (sources whose intervals
overlap within the tolerance) by one sort-based sweep over the intervals' ends,
O(n log n), never by comparing all pairs. The consensus is the agreement set
backed by the most distinct documents. Every statement outside it is one
finding (`outlier`) that carries the consensus (figure range and documents).
When two or more sets tie for the most documents there is no consensus: the
fact gets one `split` finding listing each side, never an error per side.

A fact whose figure may only rise or fall (`over_time`) is read as a timeline:
sources about the same time are grouped as above, and a statement that moves
against the allowed direction from an earlier time is one finding naming that
step. Figures attributed to different parties (`attribution`) are each checked
within their party; parties whose figures disagree give one `disputed` finding
per fact listing each party's figure. Relation checks give one finding per
broken relation, whatever the number of statement pairs that break it.

Every check is linear or O(n log n) in the statements a rule selects: relations
and timelines are sort-based sweeps too (`sweep.py`), and a finding lists at most
MAX_LISTED statements with exact counts, so the report grows with the findings
per fact, never with pairs.

Findings travel as `Conflict` records (the store, reviews and baselines know
them), with the consensus and members in `details`; `Fact` records carry every
statement of a fact for the charts of the HTML report.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from .check import (
    Result,
    as_stated,
    check_bounds,
    check_relations,
    conflict_id,
    party,
    select,
    sort_findings,
)
from .figures import describe_interval, fmt_number, range_text
from .model import Claim, Conflict, Fact, Rule, period
from .sweep import count_greater, group_by

MAX_LISTED = 50  # members listed in one finding's details; the count is always exact
# statements and documents listed for each side of a finding (a consensus, a party): every
# outlier of a fact repeats its consensus, so this bounds a report's size and a run's memory
MAX_EXAMPLES = 10

RELATION_CHECKS = ("part_whole", "sum", "percent_of")


@dataclass(frozen=True)
class Grouping:
    """The agreement sets of one group of statements: the consensus, or the tied sides."""

    consensus: tuple[Claim, ...] | None  # None when the best sets tie (a split)
    tied: list[tuple[Claim, ...]]  # the sides of a split, at most MAX_LISTED of them
    side_count: int = 0  # how many sides the split has
    members: tuple[Claim, ...] = ()  # the statements of every side, for the split's id


def _key(c: Claim) -> tuple:
    return (c.doc, c.start, c.end)


def _widened(claim: Claim, tolerance: float, absolute: float) -> tuple[float, float]:
    """A claim's interval with its upper end pushed out by the tolerance.

    Two claims agree when their widened intervals overlap: that is the test
    the pair checks applied before findings, made symmetric.
    """
    lo, hi = claim.interval()
    if math.isfinite(hi):
        hi = hi + abs(hi) * tolerance + absolute
    return lo, hi


def _sweep(claims: list[Claim], tolerance: float, absolute: float):
    """The ends of the widened intervals in sweep order: (point, 0 open | 1 close, index)."""
    events = []
    for i, c in enumerate(claims):
        lo, hi = _widened(c, tolerance, absolute)
        events.append((lo, 0, i))  # opens sort before closes at one point: touching agrees
        events.append((hi, 1, i))
    events.sort()
    return events


def agreement_sets(
    claims: list[Claim], tolerance: float = 0.0, absolute: float = 0.0
) -> list[tuple[Claim, ...]]:
    """The maximal agreement sets backed by the most distinct documents.

    Intervals that pairwise overlap share a point (on a line), so a maximal
    agreement set is what is open just before an interval closes after one
    opened. A sweep over the sorted ends counts each such set's distinct
    documents incrementally (O(n log n), `_maximal`). Every best set is listed:
    their total size can grow like n², so the checks use `group` instead.
    """
    sweep = _Sweep(claims, tolerance, absolute)
    return sorted(sweep.each(sweep.best()), key=lambda s: [_key(c) for c in s])


@functools.lru_cache(maxsize=65536)
def _doc_hash(doc: str) -> int:
    """A document's 64-bit hash: the set of documents open in a sweep is identified by
    the XOR of theirs, kept up to date in O(1) as intervals open and close."""
    digest = hashlib.blake2b(doc.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


class _Sweep:
    """The maximal agreement sets of some statements, found by one sweep over the sorted
    ends of their widened intervals, each as a position of the sweep (not as members)."""

    def __init__(self, claims: list[Claim], tolerance: float, absolute: float):
        self.claims = claims
        events = _sweep(claims, tolerance, absolute)
        self.opened = [0] * len(claims)  # the position where each statement's interval opens
        self.closed = [0] * len(claims)
        for pos, (_, kind, i) in enumerate(events):
            (self.closed if kind else self.opened)[i] = pos
        self.events = events
        self.sets = {
            pos: (docs, size, docset) for pos, docs, size, docset in _maximal(claims, events)
        }

    def best(self) -> list[int]:
        """The positions of the sets backed by the most documents."""
        most = max((docs for docs, _, _ in self.sets.values()), default=0)
        return [pos for pos, (docs, _, _) in self.sets.items() if docs == most]

    def each(self, positions: list[int]) -> list[tuple[Claim, ...]]:
        """The statements of the set at each of these positions (sorted), by replaying
        the sweep: O(n + the sets' sizes)."""
        wanted, active, out = set(positions), {}, []
        for pos, (_, kind, i) in enumerate(self.events):
            if kind == 0:
                active[i] = None
                continue
            if pos in wanted:
                out.append(tuple(sorted((self.claims[j] for j in active), key=_key)))
            del active[i]
        return out

    def members(self, positions: list[int]) -> tuple[Claim, ...]:
        """The statements of the sets at these positions (sorted), each once: a statement
        is in the set at p when it opened before p and had not closed before p.
        O(n log k) for k positions."""
        at = sorted(positions)
        inside = []
        for i, c in enumerate(self.claims):
            k = bisect_right(at, self.opened[i])
            if k < len(at) and at[k] <= self.closed[i]:
                inside.append(c)
        return tuple(sorted(inside, key=_key))


def _maximal(claims: list[Claim], events: list):
    """Yield (event position, distinct documents, statements, hash of the documents) for
    each maximal agreement set, in sweep order."""
    docs: Counter[str] = Counter()
    opened, size, docset = False, 0, 0
    for pos, (_, kind, i) in enumerate(events):
        doc = claims[i].doc
        if kind == 0:
            size += 1
            docs[doc] += 1
            docset ^= _doc_hash(doc) if docs[doc] == 1 else 0
            opened = True
            continue
        if opened:
            yield pos, len(docs), size, docset
            opened = False
        size -= 1
        docs[doc] -= 1
        if not docs[doc]:
            del docs[doc]
            docset ^= _doc_hash(doc)


def _documents(members: tuple[Claim, ...]) -> list[str]:
    return sorted({c.doc for c in members})


def group(claims: list[Claim], tolerance: float, absolute: float) -> Grouping:
    """Agreement sets and the consensus; a tie for the most documents is a split.

    Sets backed by the same documents are one side (a document that states two
    figures does not split a fact by itself). While the best sets are small
    together (the usual case) each is listed, sides in order of their members;
    beyond that, sides are taken in the order of their figures and only the first
    MAX_LISTED are listed, so grouping stays O(n log n) however many sets tie.
    """
    sweep = _Sweep(claims, tolerance, absolute)
    best = sweep.best()
    if not best:
        return Grouping(None, [])
    sides = group_by(best, lambda p: sweep.sets[p][2])
    if sum(sweep.sets[p][1] for p in best) <= 8 * len(claims) + 1000:
        return _listed_sides(sweep, best)
    if len(sides) == 1:
        return Grouping(sweep.members(best), [], 1)
    tied = [sweep.members(at) for at in list(sides.values())[:MAX_LISTED]]
    return Grouping(None, tied, len(sides), sweep.members(best))


def _listed_sides(sweep: _Sweep, best: list[int]) -> Grouping:
    """The sides of the best sets, each set listed (in order of its members)."""
    sets = sorted(sweep.each(best), key=lambda s: [_key(c) for c in s])
    sides: dict[tuple[str, ...], dict] = {}
    for s in sets:  # sets backed by the same documents merge into one side
        sides.setdefault(tuple(_documents(s)), {}).update((_key(c), c) for c in s)
    tied = [tuple(sorted(side.values(), key=_key)) for side in sides.values()]
    if len(tied) == 1:
        return Grouping(tied[0], [], 1)
    return Grouping(None, tied[:MAX_LISTED], len(tied), tuple(c for t in tied for c in t))


def _figures(claim: Claim) -> tuple[float, ...]:
    """The figures a statement gives, in its comparable unit: its value, or a range's ends."""
    lo, hi = claim.interval()
    if claim.qualifier in ("range", "vague"):
        return tuple(x for x in (lo, hi) if math.isfinite(x))
    point = claim.si_value if claim.si_value is not None else claim.value
    if point is not None and math.isfinite(point):
        return (point,)
    return tuple(x for x in (lo, hi) if math.isfinite(x))


def figure_range(members: tuple[Claim, ...] | list[Claim]) -> tuple[float, float]:
    """The range of the figures the statements give ("1,150–1,250"), as stated, not
    widened by their precision, so a reader recognises the sources' own numbers."""
    figures = [x for c in members for x in _figures(c)] or [0.0]
    return min(figures), max(figures)


def claim_ref(claim: Claim) -> dict:
    """A statement as findings list it: where it is, what it says, and when."""
    lo, hi = claim.interval()
    return {
        "doc": claim.doc,
        "line": claim.line,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "sentence": " ".join((claim.sentence or claim.text).split()),
        "time": claim.time,
        "interval": [lo if math.isfinite(lo) else None, hi if math.isfinite(hi) else None],
    }


def side_json(members: tuple[Claim, ...], unit: str | None, label: str | None = None) -> dict:
    """One side of a finding (a consensus, a party's figure): range, documents, statements."""
    span = figure_range(members)
    side = {
        "range": list(span),
        "unit": unit,
        "text": range_text(span, unit),
        # at most MAX_EXAMPLES names: a consensus of a thousand sources in every outlier's
        # details made the report grow with findings times sources
        "documents": (docs := _documents(members))[:MAX_EXAMPLES],
        "document_count": len(docs),
        "statements": len(members),
        "claims": [claim_ref(c) for c in members[:MAX_EXAMPLES]],
    }
    if label is not None:
        side["label"] = label
    return side


def _sources(members: tuple[Claim, ...]) -> str:
    n = len(_documents(members))
    return f"{n} source{'s' if n != 1 else ''}"


def _finding(
    rule: Rule, check: str, left: Claim, right: Claim | None, reason: str, details: dict, **kw
) -> Conflict:
    ident = kw.pop("ident", None) or conflict_id(rule.id, check, [left])
    return Conflict(
        id=ident,
        rule_id=rule.id,
        severity=rule.severity,
        check=check,
        reason=reason,
        left=left,
        right=right,
        status=kw.pop("status", "open"),
        details=details,
    )


def _tolerance(rule: Rule) -> tuple[float, float, str]:
    agree = rule.agree
    if agree is None:
        return 0.0, 0.0, ""
    slack = f" within {agree.tolerance:.0%} tolerance" if agree.tolerance else ""
    if agree.absolute:
        slack += f" (± {fmt_number(agree.absolute)})"
    return agree.tolerance, agree.absolute, slack


def consensus_findings(
    rule: Rule, claims: list[Claim], unit: str | None, where: str = ""
) -> tuple[list[Conflict], tuple[Claim, ...]]:
    """The outlier findings (or one split) of one group; and its consensus statements."""
    tolerance, absolute, slack = _tolerance(rule)
    g = group(claims, tolerance, absolute)
    if g.consensus is None and g.tied:
        return [_split(rule, g, unit, where)], ()
    if g.consensus is None:
        return [], ()
    consensus = g.consensus
    inside = {_key(c) for c in consensus}
    backers = set(_documents(consensus))
    side = side_json(consensus, unit)
    sources = _sources(consensus)  # once per group: per outlier it made the check quadratic
    out = []
    for c in claims:
        # Two figures of one document are never compared with each other only:
        # the consensus must be backed by another document too.
        if _key(c) in inside or (len(backers) == 1 and c.doc in backers):
            continue
        reason = (
            f"{_as_stated(c, unit)} is outside the consensus {side['text']} of "
            f"{sources}{slack}{where}"
        )
        details = {"consensus": side, "tolerance": tolerance, "absolute": absolute}
        out.append(_finding(rule, "outlier", c, consensus[0], reason, details))
    return out, consensus


def _as_stated(claim: Claim, unit: str | None) -> str:
    """The statement's figure, with the interval it asserts when that says more."""
    figure = range_text(figure_range((claim,)), unit)
    asserted = describe_interval(claim)
    return figure if asserted == figure else f"{figure} ({asserted})"


def _split(rule: Rule, g: Grouping, unit: str | None, where: str) -> Conflict:
    sides = [side_json(s, unit) for s in g.tied[:MAX_LISTED]]
    listed = " against ".join(f"{s['text']} ({', '.join(s['documents'][:3])})" for s in sides[:4])
    if g.side_count > 4:
        listed += f" and {g.side_count - 4} more"
    tolerance, absolute, slack = _tolerance(rule)
    reason = f"sources split with no consensus{slack}: {listed}{where}"
    details = {"sides": sides, "tolerance": tolerance, "absolute": absolute}
    details["side_count"] = g.side_count
    first, second = _own(g.tied[0], g.tied[1]), _own(g.tied[1], g.tied[0])
    # the statements of every side: a split changes (and needs a new look) when they do
    ident = conflict_id(rule.id, "split" + where, g.members)
    return _finding(rule, "split", first, second, reason, details, ident=ident)


def _own(side: tuple[Claim, ...], other: tuple[Claim, ...]) -> Claim:
    """A side's first statement from a document the other side does not share."""
    shared = {c.doc for c in other}
    return next((c for c in side if c.doc not in shared), side[0])


def _by_unit(claims: list[Claim]) -> dict[str | None, list[Claim]]:
    out: dict[str | None, list[Claim]] = {}
    for c in claims:
        out.setdefault(c.comparable_unit(), []).append(c)
    return {u: out[u] for u in sorted(out, key=lambda u: u or "")}


def timeline_findings(rule: Rule, claims: list[Claim], unit: str | None) -> list[Conflict]:
    """Statements that move against the allowed direction from an earlier time.

    Claims are taken in time order; the earlier statement that sets the bar
    (the highest floor for a figure that may only rise) is kept while sweeping,
    so each statement is compared once: O(n log n). A finding counts every earlier
    report it moved against (one more sweep, `_above_counts`) and lists the most
    extreme of them (`_Board`), never all pairs.
    """
    o = rule.over_time
    timed = sorted((c for c in claims if c.time), key=lambda c: (period(c.time)[0], _key(c)))
    by_end = sorted(timed, key=lambda c: (period(c.time)[1], _key(c)))
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
    return [
        _fell(rule, a, b, unit, [_ref(refs, c) for c in listed], count)
        for (a, b, _, listed), count in zip(steps, counts, strict=True)
    ]


def _ref(refs: dict[tuple, dict], claim: Claim) -> dict:
    ref = refs.get(_key(claim))
    if ref is None:
        ref = refs[_key(claim)] = claim_ref(claim)
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
        return sorted(above, key=_key)[:MAX_LISTED]


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
        f"{verb} from {describe_interval(a)} ({a.time}, {a.doc}) to {describe_interval(b)} "
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
    return _finding(rule, "over_time", b, a, reason, details)


def _by_time(claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    out: dict[str, list[Claim]] = {}
    for c in claims:
        out.setdefault(c.time or "", []).append(c)
    return sorted(out.items())


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
        hours = _by_time([c for c in members if "T" in (c.time or "")])
        if not hours:
            groups.append((day, dated))
        groups.extend((hour, dated + timed) for hour, timed in hours)
    return groups


def _disputed(rule: Rule, named: dict[str, list[Claim]], unit) -> Conflict | None:
    """One finding when parties' figures do not agree; None when they agree.

    Each party's figure is its own consensus (all its statements when they
    split); the parties agree when one agreement set holds all of them.
    """
    tolerance, absolute, _ = _tolerance(rule)
    figures = {}
    for p, cs in named.items():
        g = group(cs, tolerance, absolute)
        figures[p] = g.consensus or tuple(cs)
    pooled = [c for p in sorted(figures) for c in figures[p]]
    sets = _Sweep(pooled, tolerance, absolute).sets.values()
    if any(size == len(pooled) for _, size, _ in sets):  # one set holds every figure
        return None
    if not rule.attribution.disputed:
        return None
    parties = sorted(named)
    sides = [side_json(tuple(named[p]), unit, label=p) for p in parties]
    listed = "; ".join(f"{s['label']} say {s['text']} ({', '.join(s['documents'])})" for s in sides)
    details = {"sides": sides, "parties": parties}
    ident = conflict_id(rule.id, "disputed", [c for p in parties for c in figures[p]])
    first, second = named[parties[0]][0], named[parties[1]][0]
    reason = f"disputed: {listed}"
    return _finding(
        rule, "disputed", first, second, reason, details, ident=ident, status="disputed"
    )


def fact_findings(rule: Rule, claims: list[Claim]) -> tuple[list[Conflict], Fact]:
    """A rule's findings over the statements it selected, and the fact to draw."""
    out: list[Conflict] = []
    consensus: list[Claim] = []
    bands = []
    out_of_bounds = check_bounds(rule, claims)
    out.extend(out_of_bounds)
    flagged = {_key(c.left) for c in out_of_bounds}
    usable = [c for c in claims if _key(c) not in flagged]
    if rule.agree is not None and rule.agree.precision == "stated":
        usable = [as_stated(c) for c in usable]  # "an estimated 223" agrees only with 223
    for unit, members in _by_unit(usable).items():
        fell = timeline_findings(rule, members, unit) if rule.over_time is not None else []
        if rule.agree is not None:
            found, agreed = _agreement(rule, members, unit)
            out.extend(found)
            # a statement that fell below an earlier report backs no consensus of its own
            dropped = {_key(f.left) for f in fell}
            agreed = [c for c in agreed if _key(c) not in dropped]
            consensus.extend(agreed)
            for part in _consensus_parts(agreed):
                bands.append(figure_range(part))
        out.extend(fell)
    fact = Fact(
        rule_id=rule.id,
        title=rule.title,
        severity=rule.severity,
        claims=tuple(sorted(claims, key=_key)),
        consensus=tuple(sorted(set(consensus), key=_key)),
        bands=tuple(sorted(set(bands))),
        timeline=rule.over_time is not None,
        outliers=tuple(f.id for f in out),
    )
    return out, fact


def _consensus_parts(agreed: list[Claim]) -> list[list[Claim]]:
    """The consensus statements split by time (a timeline has one consensus per time)."""
    return [members for _, members in _by_time(agreed)] if agreed else []


def _agreement(rule: Rule, claims: list[Claim], unit) -> tuple[list[Conflict], list[Claim]]:
    """Outliers and splits of one unit's statements: by party, and by time for a timeline."""
    groups: list[tuple[str, list[Claim]]] = [("", claims)]
    out: list[Conflict] = []
    by_party: dict[str, list[Claim]] = {}
    if rule.attribution is not None:
        for c in claims:
            by_party.setdefault(party(rule, c) or "", []).append(c)
    named = {p: cs for p, cs in by_party.items() if p}
    if len(named) > 1:
        # Each party is checked against itself; parties against each other
        # give at most one `disputed` finding (or none when the rule says so).
        dispute = _disputed(rule, named, unit)
        if dispute is not None:
            out.append(dispute)
        groups = [(f" (as {p} say)" if p else "", by_party[p]) for p in sorted(by_party)]
    agreed: list[Claim] = []
    for where, members in groups:
        buckets = _same_time(members) if rule.over_time is not None else [("", members)]
        for time, bucket in buckets:
            at = f"{where} (about {time})" if time else where
            found, consensus = consensus_findings(rule, bucket, unit, at)
            out.extend(found)
            agreed.extend(consensus)
    return out, agreed


def _fold(rules: list[Rule], found: list[Conflict]) -> list[Conflict]:
    """One finding per broken relation of a rule: the statements that break it (one
    conflict each, with the statement it breaks it with most) become its members; the
    finding lists at most MAX_LISTED of them and counts them all."""
    by_relation = group_by(found, lambda c: (c.rule_id, c.check))
    severity = {r.id: r.severity for r in rules}
    out = []
    for (rule_id, check), broken in sorted(by_relation.items()):
        broken = sorted(broken, key=lambda c: (_key(c.left), c.id))
        first = broken[0]
        listed = {_key(c): c for f in broken[:MAX_LISTED] for c in (f.left, f.right) if c}
        reason = first.reason
        if len(broken) > 1:
            more = len(broken) - 1
            reason += f" (and {more} more of its statement{'s' if more > 1 else ''})"
        details = {
            **first.details,
            "members": [claim_ref(listed[k]) for k in sorted(listed)[:MAX_LISTED]],
            "statements": len(broken),
        }
        out.append(
            Conflict(
                # the rule's own statements that break the relation
                id=conflict_id(rule_id, check, [f.left for f in broken]),
                rule_id=rule_id,
                severity=severity.get(rule_id, first.severity),
                check=check,
                reason=reason,
                left=first.left,
                right=first.right,
                details=details,
            )
        )
    return out


def relation_findings(rules: list[Rule], selected: dict[str, list[Claim]]) -> list[Conflict]:
    """One finding per relation (part of, sum of, percent of) that the statements break,
    from each rule's statements alone (`selected`: rule id to its statements, in document
    order); sorted. O(n log n) in the statements of the related facts."""
    found = [c for rule in rules for c in check_relations(rule, selected)]
    return sort_findings(_fold(rules, found))


def evaluate_rule(rule: Rule, statements: list[Claim]) -> tuple[list[Conflict], Fact]:
    """One rule's findings (bounds, consensus and outliers, splits, timeline, disputes;
    not relations, see `relation_findings`) over the statements it selected, sorted, and
    the fact to draw. For a caller that selects one rule's statements at a time."""
    found, fact = fact_findings(rule, statements)
    return sort_findings(found), fact


@dataclass(frozen=True)
class Findings(Result):
    """What evaluating the rules gave, as findings per fact, with each fact to draw."""

    facts: list[Fact] = field(default_factory=list)


def evaluate(rules: list[Rule], claims: list[Claim]) -> Findings:
    """Select each rule's statements and report findings per fact, sorted."""
    selection = select(rules, claims)
    found: list[Conflict] = []
    facts = []
    for rule in rules:
        fact_found, fact = evaluate_rule(rule, selection.selected.get(rule.id, []))
        found.extend(fact_found)
        facts.append(fact)
    found.extend(relation_findings(rules, selection.selected))
    return Findings(
        matches=selection.matches,
        conflicts=sort_findings(found),
        notes=selection.notes,
        selected=selection.selected,
        facts=facts,
    )
