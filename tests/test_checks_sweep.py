"""The sweeps that replace pairwise comparisons give what comparing every pair gives."""

import math
import random
import textwrap
from dataclasses import replace

import pytest

from factcheck.checks.relations import _stated_times_differ, check_relations
from factcheck.checks.sweep import best_compatible, count_greater
from factcheck.rules import load_rules

from .helpers import claim

TIMES = [None, "2020", "2020-03", "2020-03-04", "2020-03-05", "2020-03-04T10:00", "2021-01"]


def _overlap(a, b) -> bool:
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


@pytest.mark.parametrize("seed", range(30))
def test_best_compatible_is_the_best_of_all_compatible_pairs(seed):
    rnd = random.Random(seed)
    periods = [None, ("a", "c"), ("b", "b"), ("c", "e"), ("d", "d"), ("f", "g")]
    items = [(float(rnd.randint(0, 20)), rnd.choice(periods), n) for n in range(rnd.randint(0, 30))]
    queries = [rnd.choice(periods) for _ in range(20)]
    found = best_compatible(queries, items, k=2)
    for q, best in zip(queries, found, strict=True):
        pool = sorted((v, n, x) for n, (v, p, x) in enumerate(items) if _overlap(q, p))
        assert best == pool[:2]


@pytest.mark.parametrize("seed", range(30))
def test_count_greater_counts_like_a_scan(seed):
    rnd = random.Random(seed)
    scores = [float(rnd.randint(0, 9)) for _ in range(rnd.randint(0, 40))]
    queries = [(rnd.randint(0, 45), rnd.choice([rnd.randint(-1, 10), math.inf])) for _ in range(30)]
    expected = [sum(1 for s in scores[:p] if s > t) for p, t in queries]
    assert count_greater(scores, queries) == expected


RELATIONS = """
    rules:
      - {id: whole, title: W, select: {nouns: [fighters]}}
      - {id: part, title: P, select: {nouns: [fighters]}, relate: {part_of: whole, tolerance: 0.1}}
      - id: total
        title: Total
        select: {nouns: [fighters]}
        relate: {sum_of: [men, women], tolerance: 0.05}
      - {id: men, title: M, select: {nouns: [fighters]}}
      - {id: women, title: F, select: {nouns: [fighters]}}
      - id: share
        title: Share
        select: {nouns: [fighters]}
        relate: {percent_of: {whole: whole, part: part}, tolerance: 0.1}
"""


def _pairs_part_of(rule, selected):
    """Every part that exceeds some whole, as the pairwise check before issue 13 found."""
    r, out = rule.relate, set()
    for p in selected[rule.id]:
        for w in selected[r.part_of]:
            if p is w or p.comparable_unit() != w.comparable_unit() or _stated_times_differ(p, w):
                continue
            whi = w.interval()[1]
            if math.isfinite(whi) and p.interval()[0] > whi * (1 + r.tolerance):
                out.add(id(p))
    return out


def _span(claims):
    return (min(c.interval()[0] for c in claims), max(c.interval()[1] for c in claims))


def _pairs_sum(rule, selected):
    r, out = rule.relate, set()
    for s in selected[rule.id]:
        spans = []
        for pid in r.sum_of:
            parts = [
                c
                for c in selected[pid]
                if c.comparable_unit() == s.comparable_unit() and not _stated_times_differ(c, s)
            ]
            spans.append(_span(parts) if parts else None)
        if None in spans:
            continue
        lo, hi = s.interval()
        total = (sum(sp[0] for sp in spans), sum(sp[1] for sp in spans))
        if lo > total[1] * (1 + r.tolerance) or hi < total[0] * (1 - r.tolerance):
            out.add(id(s))
    return out


def _pairs_percent(rule, selected):
    r, out, tol = rule.relate, set(), rule.relate.tolerance
    for p in selected[rule.id]:
        wholes = [c for c in selected[r.percent_whole] if not _stated_times_differ(c, p)]
        for t in selected[r.percent_part]:
            same = [w for w in wholes if w.comparable_unit() == t.comparable_unit()]
            if t is p or not same or _stated_times_differ(p, t):
                continue
            span = _span(same)
            (plo, phi), (tlo, thi) = p.interval(), t.interval()
            expected = (plo * span[0] / 100, phi * span[1] / 100)
            if tlo > expected[1] * (1 + tol) or thi < expected[0] * (1 - tol):
                out.add(id(p))
    return out


def _random_claim(rnd, n):
    value = float(rnd.choice([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]))
    qualifier = rnd.choice(["exact", "exact", "at_least", "range"])
    time = rnd.choice(TIMES)
    made = claim(
        doc=f"{n}.txt",
        value=value,
        noun="fighters",
        qualifier=qualifier,
        interval_low=value * 0.9 if qualifier == "range" else value,
        interval_high=None
        if qualifier == "at_least"
        else value * (1.1 if qualifier == "range" else 1),
        time=time,
        si_unit=rnd.choice([None, None, "percent"]),
    )
    return replace(made, time_source=rnd.choice(["text", "published"]) if time else None)


@pytest.mark.parametrize("seed", range(40))
def test_relation_sweeps_find_what_all_pairs_find(tmp_path, seed):
    (tmp_path / "r.yaml").write_text(textwrap.dedent(RELATIONS), encoding="utf-8")
    rules = {r.id: r for r in load_rules(str(tmp_path))}
    rnd = random.Random(seed)
    pool = [_random_claim(rnd, n) for n in range(40)]
    selected = {rid: rnd.sample(pool, rnd.randint(0, 15)) for rid in rules}
    for rid, reference in [
        ("part", _pairs_part_of),
        ("total", _pairs_sum),
        ("share", _pairs_percent),
    ]:
        found = check_relations(rules[rid], selected)
        assert {id(c.left) for c in found} == reference(rules[rid], selected), rid
        assert len(found) == len({id(c.left) for c in found})  # one per statement, not per pair
