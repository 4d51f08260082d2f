"""Every check grows like n·log n in the statements a rule selects, never like pairs.

Each test times one broad rule of a check type on n and 8·n statements: a
quadratic check takes 64 times as long on 8·n, an n·log n one about 9 times.
The bar (20) leaves room for a busy machine; n is large enough that the
quadratic checks of before issue 13 took seconds and failed it.
"""

import gc
import textwrap
import time
from datetime import date, timedelta

import pytest

from factcheck.checks import evaluate_rule, relation_findings, sort_findings
from factcheck.checks.base import MAX_EXAMPLES, MAX_LISTED
from factcheck.rules import evaluate, load_rules

from .helpers import claim

RULES = """
    rules:
      - id: crowd
        title: People at the rally
        select: {nouns: [people]}
        agree: {tolerance: 0.05}
        bounds: {min: 100}
      - id: toll
        title: Deaths in the floods
        select: {nouns: [dead]}
        agree: {}
        over_time: {may_only: rise}
      - {id: whole, title: Fighters, select: {nouns: [fighters]}}
      - id: part
        title: Tribal fighters
        select: {nouns: [tribesmen]}
        relate: {part_of: whole}
      - id: total
        title: Total
        select: {nouns: [residents]}
        relate: {sum_of: [men, women], tolerance: 0.05}
      - {id: men, title: Men, select: {nouns: [men]}}
      - {id: women, title: Women, select: {nouns: [women]}}
      - {id: jobs, title: Jobs, select: {nouns: [jobs]}}
      - {id: staff, title: Staff, select: {nouns: [employees]}}
      - id: share
        title: Share cut
        select: {kind: percent}
        relate: {percent_of: {whole: staff, part: jobs}, tolerance: 0.1}
"""


@pytest.fixture(scope="module")
def rules(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rules")
    (folder / "r.yaml").write_text(textwrap.dedent(RULES), encoding="utf-8")
    return load_rules(str(folder))


def said(i: int, noun: str, value: float, source: str = "", **kw):
    doc = f"{source or noun}{i:06d}.txt"
    return claim(doc=doc, value=value, noun=noun, sentence=f"{i} {noun}.", **kw)


def crowd(n: int) -> list:
    """Half of the sources say "thousands of people" (a floor), half a figure above every
    floor: each figure with the floors is an agreement set, all tied; some out of bounds."""
    floors = [said(i, "people", 1000.0 + i, qualifier="vague") for i in range(n // 2)]
    figures = [said(i, "people", 10_000.0 * 1.06**i, "figure") for i in range(n // 2)]
    return floors + figures + [said(i, "people", 5.0 + i % 50, "low") for i in range(n // 50)]


def toll(n: int) -> list:
    """A toll reported lower every day, from n sources: each report fell below all earlier."""
    return [
        said(i, "dead", float(n - i), time=(date(2000, 1, 1) + timedelta(days=i)).isoformat())
        for i in range(n)
    ]


def relations(n: int) -> list:
    """Parts above their wholes, totals that are not the sums, shares that do not match."""
    out = []
    for i in range(n // 5):
        out += [said(i, "fighters", 1000.0 + i), said(i, "tribesmen", 5000.0 + i)]
        out += [said(i, "residents", 9000.0 + i), said(i, "men", 300.0 + i)]
        out += [said(i, "women", 200.0 + i), said(i, "employees", 10_000.0 + i)]
        out += [said(i, "jobs", 3000.0 + i)]
        out.append(said(i, "share", 3.0 + i % 7, kind="percent", si_unit="percent"))
    return out


def seconds(rule_ids: list[str], rules, claims, repeat: int) -> float:
    chosen = [r for r in rules if r.id in rule_ids]
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()  # a collection that lands in one run only is not the check's cost
        try:
            started = time.process_time()  # not the time other processes take
            evaluate(chosen, claims)
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


@pytest.mark.parametrize(
    "rule_ids, make, n",
    [
        (["crowd"], crowd, 1000),
        (["toll"], toll, 400),
        (["whole", "part"], relations, 4000),
        (["total", "men", "women"], relations, 4000),
        (["share", "staff", "jobs"], relations, 4000),
    ],
    ids=["agreement+bounds", "over_time", "part_of", "sum_of", "percent_of"],
)
def test_a_check_grows_like_n_log_n_not_like_pairs(rules, rule_ids, make, n):
    small = seconds(rule_ids, rules, make(n), repeat=3)
    large = seconds(rule_ids, rules, make(8 * n), repeat=2)
    assert large / small < 20, (small, large)


def test_a_broad_rule_over_thousands_of_statements_gives_bounded_findings(rules):
    claims = crowd(4000) + toll(4000) + relations(4000)
    result = evaluate(rules, claims)
    by_check: dict[str, int] = {}
    for c in result.conflicts:
        by_check[c.check] = by_check.get(c.check, 0) + 1
        listed = sum(len(v) for v in c.details.values() if isinstance(v, list))
        assert listed <= 4 * MAX_LISTED * MAX_LISTED, c.check  # never all pairs
    # one split for the tied crowd figures, one finding per broken relation, and
    # at most one finding per statement (an outlier, a bound, a fall in the toll)
    assert by_check["split"] == 1
    assert by_check["part_whole"] == by_check["sum"] == by_check["percent_of"] == 1
    assert by_check["bounds"] == 4000 // 50
    assert by_check["over_time"] <= 4000
    assert len(result.conflicts) <= 2 * 4000 + 10
    # counts are exact while the lists are bounded: each relation broken by all
    # 800 statements of its rule, each report of the toll below all earlier ones
    for c in result.conflicts:
        if c.check in ("part_whole", "sum", "percent_of"):
            assert c.details["statements"] == 800 and len(c.details["members"]) == MAX_LISTED
    falls = sorted(
        (c.details["above_count"], len(c.details["above"]))
        for c in result.conflicts
        if c.check == "over_time"
    )
    assert falls == [(n, min(n, MAX_LISTED)) for n in range(1, 4000)]


def test_one_rule_at_a_time_gives_what_evaluate_gives(rules):
    claims = crowd(200) + toll(200) + relations(200)
    whole = evaluate(rules, claims)
    found = []
    for rule in rules:
        found += evaluate_rule(rule, whole.selected[rule.id])[0]
    found += relation_findings(rules, whole.selected)
    assert sort_findings(found) == whole.conflicts


def test_a_report_lists_a_bounded_number_of_sources_per_finding(rules):
    """1,000 sources agree and 20 outliers each say their own figure: every outlier's
    consensus names at most MAX_EXAMPLES documents and counts them all, so the report
    grows with the findings, not with findings times sources."""
    agree = [said(i, "people", 50_000.0) for i in range(1000)]
    odd = [said(i, "people", 90_000.0 + 7_000 * i, "odd") for i in range(20)]
    crowd_rule = [r for r in rules if r.id == "crowd"]
    found = evaluate(crowd_rule, agree + odd).conflicts
    outliers = [c for c in found if c.check == "outlier"]
    assert len(outliers) == 20
    for c in outliers:
        side = c.details["consensus"]
        assert side["document_count"] == 1000 and len(side["documents"]) == MAX_EXAMPLES
        assert side["statements"] == 1000 and len(side["claims"]) == MAX_EXAMPLES
