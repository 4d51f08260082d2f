"""The sort-based sweeps of the checks: each answers, for many statements at once, a
question about many others in O(n log n), never by comparing every pair.

- `group`: the agreement sets of some statements (sources whose intervals overlap within
  a tolerance), found by one sweep over the sorted ends of their intervals, and the
  consensus: the set backed by the most distinct documents, or, when sets tie for the
  most, the sides of a split.
- `best_compatible`: for each query statement, the few items with the smallest value
  among those whose stated time does not differ from the query's (the relation checks:
  the smallest whole a part is measured against, the widest sum of parts, ...).
- `count_greater`: for each query, how many items before a position have a score above a
  threshold (a timeline: how many earlier reports a statement fell below).

The last two use a Fenwick tree over ranks; the entries are tuples (value, order,
payload) whose `order` is unique, so payloads are never compared and ties break
deterministically.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Claim
from .base import MAX_LISTED, documents, group_by, key


@dataclass(frozen=True)
class Grouping:
    """The agreement sets of one group of statements: the consensus, or the tied sides."""

    consensus: tuple[Claim, ...] | None  # None when the best sets tie (a split)
    tied: list[tuple[Claim, ...]]  # the sides of a split, at most MAX_LISTED of them
    side_count: int = 0  # how many sides the split has
    members: tuple[Claim, ...] = ()  # the statements of every side, for the split's id


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
    return sorted(sweep.each(sweep.best()), key=lambda s: [key(c) for c in s])


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
                out.append(tuple(sorted((self.claims[j] for j in active), key=key)))
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
        return tuple(sorted(inside, key=key))


def all_agree(claims: list[Claim], tolerance: float, absolute: float) -> bool:
    """Whether one agreement set holds every statement."""
    sets = _Sweep(claims, tolerance, absolute).sets.values()
    return any(size == len(claims) for _, size, _ in sets)


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
    sets = sorted(sweep.each(best), key=lambda s: [key(c) for c in s])
    sides: dict[tuple[str, ...], dict] = {}
    for s in sets:  # sets backed by the same documents merge into one side
        sides.setdefault(tuple(documents(s)), {}).update((key(c), c) for c in s)
    tied = [tuple(sorted(side.values(), key=key)) for side in sides.values()]
    if len(tied) == 1:
        return Grouping(tied[0], [], 1)
    return Grouping(None, tied[:MAX_LISTED], len(tied), tuple(c for t in tied for c in t))


# -- Fenwick trees ---------------------------------------------------------------

Entry = tuple[float, int, Any]  # (value, unique order, payload)
Period = tuple[str, str] | None  # first and last moment, ISO strings; None: time not stated


def _merge(a: list[Entry], b: list[Entry], k: int) -> list[Entry]:
    if not a:
        return b[:k]
    if not b:
        return a[:k]
    return heapq.nsmallest(k, a + b)


class _BestTree:
    """A Fenwick tree keeping the k smallest entries of each prefix of ranks."""

    def __init__(self, size: int, k: int):
        self.k = k
        self.tree: list[list[Entry]] = [[] for _ in range(size + 1)]

    def add(self, rank: int, entry: Entry) -> None:
        i = rank + 1
        while i < len(self.tree):
            self.tree[i] = _merge(self.tree[i], [entry], self.k)
            i += i & -i

    def smallest(self, ranks: int) -> list[Entry]:
        """The k smallest entries added at ranks below `ranks`."""
        out: list[Entry] = []
        i = ranks
        while i > 0:
            out = _merge(out, self.tree[i], self.k)
            i -= i & -i
        return out


def best_compatible(
    queries: Sequence[Period], items: Sequence[tuple[float, Period, Any]], k: int = 1
) -> list[list[Entry]]:
    """For each query period, the k items with the smallest value among the items it is
    compatible with, smallest first, as (value, item index, payload).

    A query and an item are compatible unless both state a period and the periods do not
    overlap. Items overlapping a period [a0, a1] are those starting at or before a1 and
    ending at or after a0: the items are added in order of start while the queries are
    taken in order of a1, into a tree over the items' ends (descending), so the ends at or
    after a0 are one prefix. O((n + m) log n · k log k).
    """
    entries = [(value, i, payload) for i, (value, _, payload) in enumerate(items)]
    everything = heapq.nsmallest(k, entries)
    untimed = heapq.nsmallest(k, [entries[i] for i, item in enumerate(items) if item[1] is None])
    timed = sorted(
        ((item[1], entries[i]) for i, item in enumerate(items) if item[1] is not None),
        key=lambda x: x[0][0],
    )
    ends = sorted({p[1] for p, _ in timed})
    tree = _BestTree(len(ends), k)
    out = [everything if q is None else [] for q in queries]
    asked = sorted((q[1], n) for n, q in enumerate(queries) if q is not None)
    j = 0
    for last, n in asked:
        while j < len(timed) and timed[j][0][0] <= last:
            period, entry = timed[j]
            tree.add(len(ends) - 1 - bisect_left(ends, period[1]), entry)
            j += 1
        first = queries[n][0]  # type: ignore[index]
        overlapping = tree.smallest(len(ends) - bisect_left(ends, first))
        out[n] = _merge(untimed, overlapping, k)
    return out


class _CountTree:
    def __init__(self, size: int):
        self.tree = [0] * (size + 1)

    def add(self, rank: int) -> None:
        i = rank + 1
        while i < len(self.tree):
            self.tree[i] += 1
            i += i & -i

    def count(self, ranks: int) -> int:
        """How many were added at ranks below `ranks`."""
        total, i = 0, ranks
        while i > 0:
            total += self.tree[i]
            i -= i & -i
        return total


def count_greater(scores: Sequence[float], queries: Sequence[tuple[int, float]]) -> list[int]:
    """For each query (position, threshold), how many of scores[:position] are greater
    than the threshold. O((n + m) log n)."""
    ranks = sorted(set(scores))
    tree = _CountTree(len(ranks))
    out = [0] * len(queries)
    added = 0
    for n in sorted(range(len(queries)), key=lambda n: queries[n][0]):
        position, threshold = queries[n]
        while added < min(position, len(scores)):
            tree.add(bisect_left(ranks, scores[added]))
            added += 1
        out[n] = added - tree.count(bisect_right(ranks, threshold))
    return out
