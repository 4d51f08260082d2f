"""Sort-based sweeps that answer, for many statements at once, questions about many
others, in O((n + m) log n) instead of comparing every pair.

- `best_compatible`: for each query statement, the few items with the smallest value
  among those whose stated time does not differ from the query's (the relation checks:
  the smallest whole a part is measured against, the widest sum of parts, ...).
- `count_greater`: for each query, how many items before a position have a score above a
  threshold (a timeline: how many earlier reports a statement fell below).

Both use a Fenwick tree over ranks; the entries are tuples (value, order, payload) whose
`order` is unique, so payloads are never compared and ties break deterministically.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Any

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


def group_by(items: Sequence[Any], key: Callable[[Any], Any]) -> dict[Any, list[Any]]:
    """Items by key, in their order; the keys in order of first appearance."""
    out: dict[Any, list[Any]] = {}
    for item in items:
        out.setdefault(key(item), []).append(item)
    return out
