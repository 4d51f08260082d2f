"""Selection and agreement on hand-made claims."""

import textwrap

import pytest

from factcheck.check import conflict_id, evaluate, in_window, selects
from factcheck.rules import load_rules

from .helpers import claim

RULES = textwrap.dedent(
    """
    aliases:
      us: [U.S., US, United States, American]
    rules:
      - id: us-troops
        title: U.S. troops in Iraq
        select:
          kind: count
          nouns: [troops, forces, soldiers]
          noun_excludes: [iraqi]
          words: ["@us", Iraq]
          not_words: [peak]
          time: {after: 2017-01-01}
        agree: {tolerance: 0.1}
    """
)


@pytest.fixture
def rule(tmp_path):
    (tmp_path / "r.yaml").write_text(RULES, encoding="utf-8")
    return load_rules(str(tmp_path))[0]


@pytest.mark.parametrize(
    "c, picked",
    [
        (claim(), True),
        (claim(noun="Iraqi soldiers"), False),
        (claim(noun="elite soldiers"), True),
        (claim(noun="groups"), False),
        (claim(kind="percent"), False),
        (claim(sentence="Iraq has 5,000 troops."), False),  # no U.S. word
        (claim(sentence="At the peak the U.S. had 5,000 troops in Iraq."), False),
        (claim(time="2016"), False),
        (claim(time="2017-12"), True),
        (claim(time=None), True),  # unknown time is included by default
    ],
)
def test_selection(rule, c, picked):
    assert selects(rule, c) is picked


@pytest.mark.parametrize(
    "time, after, before, unknown, inside",
    [
        ("2016", "2017-01-01", None, "include", False),
        ("2017", "2017-06", None, "include", True),  # a year overlaps its months
        ("2007-11", "2007", "2008-12", "include", True),
        ("2009-01-02", "2007", "2008-12", "include", False),
        (None, "2007", None, "exclude", False),
        (None, None, None, "exclude", True),
    ],
)
def test_time_window(time, after, before, unknown, inside):
    assert in_window(time, after, before, unknown) is inside


def test_overlapping_sources_agree(rule):
    a = claim(doc="a.txt", value=None, low=5000, high=9000, qualifier="range")
    b = claim(doc="b.txt", value=5000, interval_low=5000, interval_high=None, qualifier="more_than")
    assert evaluate([rule], [a, b]).conflicts == []


def test_disjoint_sources_conflict_with_both_sides(rule):
    a = claim(doc="a.txt", value=None, low=5000, high=9000, qualifier="range")
    b = claim(doc="b.txt", value=12000, interval_low=10800, interval_high=13200, qualifier="approx")
    result = evaluate([rule], [b, a])
    (c,) = result.conflicts
    assert (c.left.doc, c.right.doc) == ("a.txt", "b.txt")
    assert "5,000–9,000 and 10,800–13,200 do not overlap within 10% tolerance" == c.reason
    assert c.severity == "error"


def test_tolerance_absorbs_small_gaps(rule):
    a = claim(doc="a.txt", value=9000)
    b = claim(doc="b.txt", value=9800)
    assert evaluate([rule], [a, b]).conflicts == []


def test_claims_in_one_document_are_not_compared(rule):
    a = claim(doc="a.txt", value=5000)
    b = claim(doc="a.txt", value=50000, start=99)
    assert evaluate([rule], [a, b]).conflicts == []


def test_conflict_id_ignores_offsets_but_not_statements():
    a, b = claim(doc="a.txt"), claim(doc="b.txt", value=9)
    moved = claim(doc="a.txt", start=500)
    assert conflict_id("r", "agreement", [a, b]) == conflict_id("r", "agreement", [b, moved])
    other = claim(doc="a.txt", text="6,000 troops")
    assert conflict_id("r", "agreement", [a, b]) != conflict_id("r", "agreement", [other, b])
