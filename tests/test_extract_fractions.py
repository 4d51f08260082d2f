"""Bare fractions and ratios: read as claims of kind `number`, never as a count.

"two thirds of the residents" stays a percent; a fraction or ratio that is not
"of" something counts nothing, so it is a `number` claim that no rule compares
unless it selects `kind: number`. Ordinals and quarters of a year are not fractions.
"""

from __future__ import annotations

import pytest

from factcheck.extract import extract


def found(text: str):
    return [(c.text, c.kind, c.value) for c in extract(text, "t.txt")]


READ = [
    ("Turnout in the by-election was barely two thirds, the council said.", "two thirds", 2 / 3),
    ("Inspectors rated 3/4 as safe after the storm.", "3/4", 0.75),
    ("The grant covers one fifth, the ministry said.", "one fifth", 0.2),
    ("Analysts put the odds at a half, no better.", "a half", 0.5),
    ("The recipe calls for five eighths, the chef said.", "five eighths", 0.625),
    ("The index stood at twenty-three fifths in the old notation.", "twenty-three fifths", 4.6),
    ("The gauge read 2 1/4 when the tide turned.", "2 1/4", 2.25),
    ("Crews laid 3 1/2 sections of pipe before dusk.", "3 1/2", 3.5),
    ("The ratio slipped to -4/5 in the final quarter.", "-4/5", -0.8),
    ("Engineers wrote the slope as one over three in the report.", "one over three", 1 / 3),
    ("Only 1 over 20 samples failed the test.", "1 over 20", 0.05),
    ("The tolerance is a hundredth, the maker said.", "a hundredth", 0.01),
    ("The rod measured two and fifty-four hundredths on the old scale.",
     "two and fifty-four hundredths", 2.54),
    ("The share was one hundred thirty-fifths in the filing.", "one hundred thirty-fifths",
     100 / 35),
    ("A fraction of a trillionth, the physicists said.", "a trillionth", 1e-12),
    ("The favourite was priced at ⅔ before the race.", "⅔", 2 / 3),
    ("More than a fifth said they would move.", "More than a fifth", 0.2),
    ("The dose was cut to negative one over 20 of the original.", "negative one over 20", -0.05),
]  # fmt: skip


@pytest.mark.parametrize("text,span,value", READ, ids=[r[1] for r in READ])
def test_bare_fraction_is_a_number(text, span, value):
    hits = [c for c in extract(text, "t.txt") if c.text == span]
    assert len(hits) == 1, found(text)
    assert hits[0].kind == "number"
    assert hits[0].value == pytest.approx(value)


NOT_FRACTIONS = [
    # "one over three people" is a ratio, never "three people" = 3
    ("Engineers wrote one over three people in the margin.", ("three people", "count")),
    ("Profits fell for three quarters in a row.", ("three quarters", "number")),
    ("Sales rose in two quarters of the year.", ("two quarters", "number")),
    ("She was the one millionth visitor to the museum.", ("one millionth", "number")),
    ("The town marked the twenty fifth anniversary of the flood.", ("twenty fifth", "number")),
    ("The team won for a fifth straight season.", ("a fifth", "number")),
    ("He was elected for a third time.", ("a third", "number")),
    ("The blast lasted two seconds, witnesses said.", ("two seconds", "number")),
    ("The board meets on 3/4 to vote on the plan.", ("3/4", "number")),
]


@pytest.mark.parametrize("text,absent", NOT_FRACTIONS, ids=[r[1][0] for r in NOT_FRACTIONS])
def test_not_a_bare_fraction(text, absent):
    assert absent not in [(c.text, c.kind) for c in extract(text, "t.txt")]


KEPT = [
    ("Two thirds of the residents voted to stay.", "Two thirds", "percent", 66.67),
    ("The blast lasted two seconds, witnesses said.", "two seconds", "duration", 2.0),
    ("Police killed 12 over three days.", "three days", "duration", 3.0),
    ("The runner covered 10 1/2 miles before dawn.", "10 1/2 miles", "measure", 10.5),
    ("The favourite won by 2½ lengths at Ascot.", "2½ lengths", "count", 2.5),
    ("One in four adults smokes, the survey found.", "One in four", "percent", 25.0),
    ("The trip took four and a half hours.", "four and a half hours", "duration", 4.5),
]


@pytest.mark.parametrize("text,span,kind,value", KEPT, ids=[r[1] for r in KEPT])
def test_fraction_with_a_unit_or_of_keeps_its_kind(text, span, kind, value):
    hits = [(c.kind, c.value) for c in extract(text, "t.txt") if c.text == span]
    assert hits == [(kind, pytest.approx(value))], found(text)
