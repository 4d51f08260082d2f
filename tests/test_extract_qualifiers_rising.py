"""Qualifiers that hold only in context: "passed"/"past" after a figure that rises,
"plus" after a figure, and the second number of a name's range ("Route 9 to 12")."""

from __future__ import annotations

import pytest

from factcheck.extract import extract


def claims(text: str):
    return [(c.text, c.kind, c.value, c.qualifier) for c in extract(text, "t.txt")]


READ = [
    ("The death toll passed 2,000 on Monday, health officials said.", "passed 2,000", 2000,
     "more_than"),
    ("Sales have passed $1 billion since the launch.", "passed $1 billion", 1e9, "more_than"),
    ("Toll passes 2,000 as rescuers dig through rubble", "passes 2,000", 2000, "more_than"),
    ("The number of infections climbed past 300 on Sunday.", "past 300", 300, "more_than"),
    ("The crowd was estimated at 2,000 plus, police said.", "2,000 plus", 2000, "at_least"),
    ("Organisers expect 5,000 plus visitors at the fair.", "5,000 plus visitors", 5000, "at_least"),
    ("The appeal has raised $5 million plus.", "$5 million plus", 5e6, "at_least"),
    # a second figure the same verb phrase carries on rising past
    ("The Nikkei topped 40,000 and passed 45,000 before the close.", "passed 45,000", 45000,
     "more_than"),
    ("Pre-orders exceeded 1,200, then passed 3,500 by Friday.", "passed 3,500", 3500,
     "more_than"),
    ("Ticket sales rose above €8 million, and passed €9.5 million in May.", "passed €9.5 million",
     9.5e6, "more_than"),
]  # fmt: skip


@pytest.mark.parametrize("text,span,value,qualifier", READ, ids=[r[1] for r in READ])
def test_qualifier_in_context(text, span, value, qualifier):
    hits = [(v, q) for t, _, v, q in claims(text) if t == span]
    assert hits == [(pytest.approx(value), qualifier)], claims(text)


EXACT = [
    ("The convoy drove past 2 checkpoints before dawn.", "2 checkpoints", 2),
    ("Parliament passed 12 laws in its final session.", "12 laws", 12),
    ("Tickets cost $5 plus tax at the door.", "$5", 5),
    ("Protesters passed 300 riot police on the bridge.", None, None),
    ("The toll in the past 3 days rose to 50, officials said.", "50", 50),
    ("Prices climbed past 2019 levels in the spring.", None, None),
    ("Lawmakers approved 40 amendments and passed 45 bills before the recess.", "45 bills", 45),
]


@pytest.mark.parametrize("text,span,value", EXACT, ids=[r[0][:30] for r in EXACT])
def test_no_qualifier_out_of_context(text, span, value):
    assert all(q == "exact" for _, k, _, q in claims(text) if k != "date"), claims(text)
    if span is not None:
        assert (span, pytest.approx(value)) in [(t, v) for t, _, v, _ in claims(text)]


NAME_RANGES = [
    ("Route 9 to 12 was closed after the crash.", []),
    ("Interstate 95 to 10 is the busiest corridor.", []),
    ("Windows 10 to 400 million users, the company said.", [("400 million users", 4e8)]),
    ("Route 9 to 12 lanes were shut for repairs.", [("12 lanes", 12)]),
]


@pytest.mark.parametrize("text,expected", NAME_RANGES, ids=[r[0][:25] for r in NAME_RANGES])
def test_second_number_of_a_name_range(text, expected):
    got = [(t, v) for t, k, v, _ in claims(text) if k == "count"]
    assert got == [(t, pytest.approx(v)) for t, v in expected]


def test_a_bound_before_passes_on_only_through_the_same_verb_phrase():
    # "passed" after a bound that another clause stated is no bound of its own
    got = claims("More than 300 trucks left, and the convoy passed 12 checkpoints by noon.")
    assert ("12 checkpoints", "count", 12, "exact") in got
    got = claims("Shares topped 40,000 on Monday and passed 45,000 on Friday.")
    assert ("45,000", "count", 45000, "exact") in got  # unsure which figure rose: say less
