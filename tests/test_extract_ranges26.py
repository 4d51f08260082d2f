"""Ranges, pairs and runs of time as news text writes them (issue 26): a range after a verb
of change ("will rise 2 to 2.5 degrees", "cut prices by 3 to 4 per cent"), a range whose
first figure takes its partner's scale ("1.2m-1.5m people", "between 40 and 50,000"), a
currency written before both figures ("between Rs 5 lakh and Rs 10 lakh"), a temperature
range ("highs of 30-32C"); the two figures of a change with a time between them ("from
$4,210 on Monday to $3,980 on Friday": the first previous, the second the value), and the
first figure of such a change taking the scale, unit or currency of the second ("rose from
12 to 15 million"); a duration with a word of an unbroken run ("for 14 straight months").

The sentences are written for these tests in the habits of several kinds of outlet: wire
copy, local papers, broadcasters' web pages and business desks. The lexicon sections these
forms are built from are walked here too; `test_extract_lexicon.test_every_section_is_walked`
counts them.
"""

from __future__ import annotations

import pytest

from factcheck.extract import extract
from factcheck.vocab.lexicon import LEX

from .lexicon_walk import walks


def claims(text: str) -> dict:
    return {c.text: c for c in extract(text, "t.txt", "2026-03-12") if c.kind != "date"}


# sentence, the range's text, kind, low, high, its unit (or counted noun for a count)
RANGES = [
    # wire
    ("Temperatures across the Po valley are expected to rise 2 to 2.5 degrees Celsius by "
     "the end of the week, Italy's civil protection agency said.",
     "2 to 2.5 degrees Celsius", "measure", 2, 2.5, "°C"),
    ("The Bundesbank expects the German economy to grow 1.5 to 2 percent next year, its "
     "president told reporters in Frankfurt on Tuesday.",
     "1.5 to 2 percent", "percent", 1.5, 2, "percent"),
    ("Organisers said between 40 and 50,000 people marched through the centre of Santiago "
     "on Sunday, while police put the crowd at 18,000.",
     "between 40 and 50,000 people", "count", 40000, 50000, "people"),
    ("Shares in Ørsted fell 10 to 12 percent in early trading in Copenhagen after the "
     "company wrote down 4,800 megawatts of US projects.",
     "10 to 12 percent", "percent", 10, 12, "percent"),
    # local papers
    ("Between 1.2m and 1.5m visitors are expected at the Kraków Christmas market this "
     "year, the city's tourism office said.",
     "Between 1.2m and 1.5m visitors", "count", 1.2e6, 1.5e6, "visitors"),
    ("Forecasters warned of highs of 30-32C across Kent and Sussex on Saturday, with "
     "water companies urging 1,400 homes in Hastings to save water.",
     "30-32C", "measure", 30, 32, "°C"),
    ("The weather service said highs of 86-90F were likely in Tucson through Thursday.",
     "86-90F", "measure", 86, 90, "°F"),
    ("Some 8 to 10,000 residents of the Łazienki district lost power after the storm, "
     "the utility said.", "Some 8 to 10,000 residents", "count", 8000, 10000, "residents"),
    # broadcasters
    ("Waiting times at Hull Royal Infirmary's emergency department rose by 2 to 3 hours "
     "over the winter, the programme found.", "2 to 3 hours", "duration", 2, 3, "hour"),
    ("Supermarkets will cut the price of 1,300 everyday items by 3 to 4 per cent from "
     "Monday, the British Retail Consortium told the station.",
     "3 to 4 per cent", "percent", 3, 4, "percent"),
    ("An estimated 1.2m-1.5m pilgrims are expected in Częstochowa for the August feast, "
     "the bishop's office told our correspondent.",
     "An estimated 1.2m-1.5m pilgrims", "count", 1.2e6, 1.5e6, "pilgrims"),
    # business desks
    ("Annual fees at the Bengaluru business school range between Rs 5 lakh and Rs 10 lakh, "
     "the admissions office said.",
     "between Rs 5 lakh and Rs 10 lakh", "money", 5e5, 1e6, "INR"),
    ("The state cabinet approved grants of Rs5 crore to Rs10 crore for each of its 31 "
     "districts.", "Rs5 crore to Rs10 crore", "money", 5e7, 1e8, "INR"),
    ("Brokers expect the lender's dividend to rise 4 to 6 percent when it reports on "
     "Thursday, according to a LSEG poll of 14 analysts.",
     "4 to 6 percent", "percent", 4, 6, "percent"),
]  # fmt: skip


@pytest.mark.parametrize("text,span,kind,low,high,label", RANGES, ids=[r[1] for r in RANGES])
def test_a_range_is_read(text, span, kind, low, high, label):
    found = claims(text)
    assert span in found, [(c.text, c.kind, c.value) for c in found.values()]
    c = found[span]
    assert (c.kind, c.value, c.qualifier) == (kind, None, "range")
    assert (c.low, c.high) == (pytest.approx(low), pytest.approx(high))
    assert (c.noun if kind == "count" else c.unit) == label


# sentence, [(text, kind, value, unit, role)] of the two figures of a change
PAIRS = [
    ("The price of a tonne of cocoa fell from $4,210 on Monday to $3,980 on Friday, "
     "ICE Futures data showed.",
     [("$4,210", "money", 4210, "USD", "previous"), ("$3,980", "money", 3980, "USD", "value")]),
    ("Turnout in Île-de-France fell from 61% at the last election to 54%, the interior "
     "ministry said.",
     [("61%", "percent", 61, "percent", "previous"), ("54%", "percent", 54, "percent", "value")]),
    ("The number of beds at St Mary's fell from 1,240 last year to 980, the trust's annual "
     "report said.",
     [("1,240", "count", 1240, None, "previous"), ("980", "count", 980, None, "value")]),
    ("Visitor numbers at the Uffizi rose from 12 to 15 million over the decade, the gallery "
     "said.",
     [("12", "count", 12e6, None, "previous"), ("15 million", "count", 15e6, None, "value")]),
    ("Revenue at the Munich-based group rose from 4.1 to 5.3 billion euros, the company "
     "said on Wednesday.",
     [("4.1", "money", 4.1e9, "EUR", "previous"),
      ("5.3 billion euros", "money", 5.3e9, "EUR", "value")]),
    ("The Rhine at Köln rose from 2 to 5 metres within a week, the waterways authority said.",
     [("2", "measure", 2, "m", "previous"), ("5 metres", "measure", 5, "m", "value")]),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", PAIRS, ids=[p[1][0][0] for p in PAIRS])
def test_the_two_figures_of_a_change(text, expected):
    found = claims(text)
    for span, kind, value, unit, role in expected:
        assert span in found, [(c.text, c.kind, c.value) for c in found.values()]
        c = found[span]
        assert (c.kind, c.unit, c.role, c.qualifier) == (kind, unit, role, "exact")
        assert c.value == pytest.approx(value)


# "from X <a time> to Y": each word of from_to_time_words stands in one of these
TIME_PHRASES = [
    "on Monday", "in the second half", "at the last election", "during the third quarter",
    "by the end of March", "this morning", "a year earlier", "in an early survey",
    "in the first week", "in the fourth month", "on the previous night",
    "in the same period", "in late evening", "in earlier years", "on Friday afternoon",
    "on Sunday evening", "at the weekend", "at the start of the season", "at the last census",
    "at the beginning of the year", "at the peak", "the week before", "a year ago",
]  # fmt: skip


def _phrase_of(word: str) -> str | None:
    return next((p for p in TIME_PHRASES if word in p.lower().split()), None)


@walks("from_to_time_words")
@pytest.mark.parametrize("word", LEX["from_to_time_words"])
def test_a_time_between_from_and_to(word):
    phrase = _phrase_of(word)
    assert phrase is not None, f"no phrase of TIME_PHRASES holds {word!r}"
    found = claims(
        f"Membership of the Zagreb rowing club fell from 1,240 {phrase} to 980, its secretary said."
    )
    assert (found["1,240"].role, found["980"].role) == ("previous", "value")


# sentence, the duration's text, value, unit
RUNS = [
    ("Rents in Dublin have risen for 14 straight months, according to the property site's "
     "quarterly report.", "14 straight months", 14, "month"),
    ("Factory output in Łódź has contracted for three consecutive years, the regional "
     "statistics office said.", "three consecutive years", 3, "year"),
]  # fmt: skip


@pytest.mark.parametrize("text,span,value,unit", RUNS, ids=[r[1] for r in RUNS])
def test_a_run_of_time(text, span, value, unit):
    found = claims(text)
    assert span in found, [(c.text, c.kind, c.value) for c in found.values()]
    c = found[span]
    assert (c.kind, c.value, c.unit, c.qualifier) == ("duration", value, unit, "exact")


@walks("run_of_time_words")
@pytest.mark.parametrize("word", LEX["run_of_time_words"])
def test_a_run_word(word):
    found = claims(f"Exports from the port of Gdańsk have grown for 9 {word} weeks.")
    c = found[f"9 {word} weeks"]
    assert (c.kind, c.value, c.unit) == ("duration", 9, "week")
