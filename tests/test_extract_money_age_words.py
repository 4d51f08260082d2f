"""Money next to converted figures, ages given as a range, and spelled or digit
hundreds and dozens: each table on news-style sentences written for these tests."""

from __future__ import annotations

import pytest

from factcheck.extract import extract


def claims(text: str):
    return [(c.text, c.kind, c.value, c.low, c.high) for c in extract(text, "t.txt")]


# a figure followed by its conversion in brackets is money in a currency the text does
# not name: no count of it, and the bracketed figure stays money
CONVERSIONS = [
    ("The trade deficit widened to 3.4 billion ($4.1 billion) in May.", "$4.1 billion", 4.1e9),
    ("Exports reached 12 million (about €11 million) last year.", "about €11 million", 11e6),
    ("The club sold 2.5 million (US$3 million) worth of shirts.", "US$3 million", 3e6),
]


@pytest.mark.parametrize("text,money,value", CONVERSIONS, ids=[r[1] for r in CONVERSIONS])
def test_converted_figure_is_not_a_count(text, money, value):
    got = claims(text)
    assert not [c for c in got if c[1] == "count"], got
    assert (money, "money", pytest.approx(value)) in [(t, k, v) for t, k, v, _, _ in got]


def test_small_figure_before_brackets_is_still_a_count():
    got = claims("About 300 (each worth $5) were sold at the fair.")
    assert ("About 300", "count", 300) in [(t, k, v) for t, k, v, _, _ in got]


# "a 30-year lease" as wire text spaces it is a duration, never a count of 30 (a bond term is
# neither: test_extract_news.TENORS)
SPACED_HYPHEN = [
    ("The bank signed a 30 - year lease on Tuesday.", "30 - year", "duration", 30),
    ("Rescuers walked a 12 - mile trail to the village.", "12 - mile", "measure", 12),
    ("A 2,000 - pound bomb was found near the port.", "2,000 - pound", "measure", 2000),
]


@pytest.mark.parametrize("text,span,kind,value", SPACED_HYPHEN, ids=[r[1] for r in SPACED_HYPHEN])
def test_spaced_hyphen_before_a_unit(text, span, kind, value):
    got = claims(text)
    assert (span, kind, pytest.approx(value)) in [(t, k, v) for t, k, v, _, _ in got], got
    assert not [c for c in got if c[1] == "count"], got


AGE_RANGES = [
    ("The victims were about 40 - 50 years old, police said.", "about 40 - 50 years old", 40, 50),
    ("Most recruits are 18 to 24 years old.", "18 to 24 years old", 18, 24),
    ("The twins, 5-7 years old at the time, survived.", "5-7 years old", 5, 7),
]


@pytest.mark.parametrize("text,span,low,high", AGE_RANGES, ids=[r[1] for r in AGE_RANGES])
def test_range_of_ages(text, span, low, high):
    assert (span, "age", None, low, high) in claims(text), claims(text)


def test_range_of_years_without_old_is_a_duration():
    got = claims("The project will take 3 to 5 years to finish.")
    assert ("3 to 5 years", "duration", None, 3, 5) in got


HUNDREDS = [
    ("Organisers counted 322 hundred visitors at the show.", "322 hundred visitors", 32200),
    ("About 15 hundred troops arrived on Monday.", "About 15 hundred troops", 1500),
    ("Some 4 hundred million people watched the final.", "Some 4 hundred million people", 4e8),
    ("The bakery sold three hundred and two dozens rolls.", "three hundred and two dozens rolls",
     324),
    ("Volunteers packed three thousand and two dozen boxes.",
     "three thousand and two dozen boxes", 3024),
    ("The thief took 20 hundred-dollar bills from the till.", "20 hundred-dollar bills", 20),
]  # fmt: skip


@pytest.mark.parametrize("text,span,value", HUNDREDS, ids=[r[1] for r in HUNDREDS])
def test_hundreds_and_dozens(text, span, value):
    got = [(t, v) for t, k, v, _, _ in claims(text) if k == "count"]
    assert got == [(span, pytest.approx(value))], claims(text)


NOT_READ = [
    "The patrol left at 1300 hundred hours.",
    "The shop sold three hundred two dozen rolls.",
]


@pytest.mark.parametrize("text", NOT_READ)
def test_ambiguous_hundreds_are_not_read(text):
    assert [c for c in claims(text) if c[1] == "count"] == []


# "the 10,000 mark" is a milestone; "5,000 marks" is still Deutsche marks
MARKS = [
    ("The index crossed the 10,000 mark on Friday.", "10,000 mark", "count"),
    ("The death toll has passed the 2,000 mark, officials said.", "2,000 mark", "count"),
    ("In 1990 the fine was 5,000 marks.", "5,000 marks", "money"),
]


@pytest.mark.parametrize("text,span,kind", MARKS, ids=[r[1] for r in MARKS])
def test_mark_as_milestone_or_money(text, span, kind):
    assert (span, kind) in [(t, k) for t, k, _, _, _ in claims(text)], claims(text)
