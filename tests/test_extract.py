"""Tests of factcheck.extract on news-style sentences, as case tables."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from factcheck.extract import EXTRACTOR_VERSION, extract, extract_many
from factcheck.model import Claim


def only(text: str, published: str | None = None) -> Claim:
    """The single claim-kind claim in text."""
    claims = [c for c in extract(text, "t.txt", published) if c.kind not in ("date", "rank")]
    assert len(claims) == 1, [(c.text, c.kind) for c in claims]
    return claims[0]


def find(text: str, span: str) -> Claim:
    """The claim whose text is span."""
    for c in extract(text, "t.txt"):
        if c.text == span:
            return c
    raise AssertionError(f"{span!r} not in {[c.text for c in extract(text)]}")


# --- qualifiers ----------------------------------------------------------------------

QUALIFIERS = [
    (
        "The United States has more than 5,000 troops in Iraq.",
        "more than 5,000 troops",
        "more_than",
        5000,
    ),
    ("Officials said about 300 families fled.", "about 300 families", "approx", 300),
    ("Some 40 groups joined the alliance.", "Some 40 groups", "approx", 40),
    ("Roughly 1,200 workers were laid off.", "Roughly 1,200 workers", "approx", 1200),
    ("An estimated 2,500 people attended.", "An estimated 2,500 people", "approx", 2500),
    ("The convoy had ~80 vehicles.", "~80 vehicles", "approx", 80),
    ("Nearly 4,000 soldiers were deployed.", "Nearly 4,000 soldiers", "nearly", 4000),
    ("Almost 90 students passed.", "Almost 90 students", "nearly", 90),
    ("Close to 700 homes were destroyed.", "Close to 700 homes", "nearly", 700),
    ("Just under 2,000 runners finished.", "Just under 2,000 runners", "nearly", 2000),
    ("At least 60 people died in the flood.", "At least 60 people", "at_least", 60),
    ("No fewer than 12 ministers resigned.", "No fewer than 12 ministers", "at_least", 12),
    ("Over 1,000 protesters gathered.", "Over 1,000 protesters", "more_than", 1000),
    (
        "Upwards of 500 firefighters battled the blaze.",
        "Upwards of 500 firefighters",
        "more_than",
        500,
    ),
    ("Losses were in excess of 300 vehicles.", "in excess of 300 vehicles", "more_than", 300),
    ("The stadium holds up to 60,000 fans.", "up to 60,000 fans", "at_most", 60000),
    ("No more than 30 journalists were allowed in.", "No more than 30 journalists", "at_most", 30),
    ("Fewer than 100 residents remain.", "Fewer than 100 residents", "less_than", 100),
    ("Less than 20 percent voted.", "Less than 20 percent", "less_than", 20),
    ("Under 50 families stayed behind.", "Under 50 families", "less_than", 50),
]


@pytest.mark.parametrize("text,span,qualifier,value", QUALIFIERS)
def test_qualifiers(text, span, qualifier, value):
    c = find(text, span)
    assert (c.qualifier, c.value) == (qualifier, value)


# --- ranges and vague amounts ------------------------------------------------------------

RANGES = [
    (
        "It has between 5,000 and 9,000 troops in Iraq.",
        "between 5,000 and 9,000 troops",
        "count",
        5000,
        9000,
        None,
    ),
    (
        "There are 25000 to 30,000 Sunni tribal fighters.",
        "25000 to 30,000 Sunni tribal fighters",
        "count",
        25000,
        30000,
        None,
    ),
    ("From 200 to 300 people were evacuated.", "From 200 to 300 people", "count", 200, 300, None),
    ("The plan needs 5 to 10 million doses.", "5 to 10 million doses", "count", 5e6, 1e7, None),
    ("Bids of $1m-$2m were received.", "$1m-$2m", "money", 1e6, 2e6, "USD"),
    (
        "Temperatures of 30-35 degrees Celsius are expected.",
        "30-35 degrees Celsius",
        "measure",
        30,
        35,
        "°C",
    ),
    ("Some 1,500–2,000 migrants arrived.", "Some 1,500–2,000 migrants", "count", 1500, 2000, None),
    ("Prices rose 5% to 10% this year.", None, None, None, None, None),
]


@pytest.mark.parametrize("text,span,kind,low,high,unit", RANGES)
def test_ranges(text, span, kind, low, high, unit):
    if span is None:  # a change from one figure to another is not a range
        assert all(c.qualifier != "range" for c in extract(text))
        return
    c = find(text, span)
    assert (c.kind, c.qualifier, c.value, c.low, c.high, c.unit) == (
        kind,
        "range",
        None,
        low,
        high,
        unit,
    )
    shift = 273.15 if unit == "°C" else 0.0  # intervals are in SI units: kelvin
    assert c.interval_low == pytest.approx(low + shift)
    assert c.interval_high == pytest.approx(high + shift)


VAGUE = [
    ("Dozens of people were hurt.", "Dozens of people", 24, 144, "people"),
    ("Hundreds of families fled.", "Hundreds of families", 100, 1000, "families"),
    ("Thousands of residents lost power.", "Thousands of residents", 1000, 10000, "residents"),
    (
        "It trained tens of thousands of elite Iraqi soldiers.",
        "tens of thousands of elite Iraqi soldiers",
        1e4,
        1e5,
        "elite iraqi soldiers",
    ),
    (
        "Hundreds of thousands of refugees crossed.",
        "Hundreds of thousands of refugees",
        1e5,
        1e6,
        "refugees",
    ),
    ("Millions of voters stayed home.", "Millions of voters", 1e6, 1e9, "voters"),
    ("Lakhs of farmers protested.", "Lakhs of farmers", 1e5, 1e7, "farmers"),
    ("Several thousand workers walked out.", "Several thousand workers", 3000, 10000, "workers"),
]


@pytest.mark.parametrize("text,span,low,high,noun", VAGUE)
def test_vague(text, span, low, high, noun):
    c = find(text, span)
    assert (c.kind, c.qualifier, c.value, c.low, c.high, c.noun) == (
        "count",
        "vague",
        None,
        low,
        high,
        noun,
    )
    assert (c.interval_low, c.interval_high) == (low, high)


def test_vague_money():
    c = find("The storm caused billions of dollars in damage.", "billions of dollars")
    assert (c.kind, c.unit, c.low, c.high) == ("money", "USD", 1e9, 1e12)


# --- scales and notation ----------------------------------------------------------------

NUMBERS = [
    ("The highest number of US forces was recorded at 1,70,300 in 2007.", "1,70,300", 170300),
    ("The fund holds 12,34,567 shares.", "12,34,567 shares", 1234567),
    ("About 12 million people voted.", "About 12 million people", 12e6),
    ("The city has 2.5 lakh residents.", "2.5 lakh residents", 250000),
    ("Twenty-two soldiers were wounded.", "Twenty-two soldiers", 22),
    ("Forty-seven candidates applied.", "Forty-seven candidates", 47),
    ("A dozen schools were closed.", "A dozen schools", 12),
    ("Half a million people signed.", "Half a million people", 500000),
    ("One hundred and twenty villages were flooded.", "One hundred and twenty villages", 120),
    ("The company hired 5k workers.", "5k workers", 5000),
    ("Three thousand troops arrived.", "Three thousand troops", 3000),
]


@pytest.mark.parametrize("text,span,value", NUMBERS)
def test_numbers(text, span, value):
    c = find(text, span)
    assert (c.kind, c.value) == ("count", value)


# --- money ---------------------------------------------------------------------------------

MONEY = [
    ("The contract is worth $45m.", "$45m", 45e6, "USD"),
    ("Revenue reached £1.2bn last year.", "£1.2bn", 1.2e9, "GBP"),
    ("The state approved Rs 1,200 crore for roads.", "Rs 1,200 crore", 1.2e10, "INR"),
    ("He paid Rs. 500 in fines.", "Rs. 500", 500, "INR"),
    ("The budget is ₹3 lakh.", "₹3 lakh", 3e5, "INR"),
    ("It raised US$150 million.", "US$150 million", 150e6, "USD"),
    ("The deal is worth C$16.4 million.", "C$16.4 million", 16.4e6, "CAD"),
    ("A$2 billion was pledged.", "A$2 billion", 2e9, "AUD"),
    ("Exports fell to HK$10.05 billion.", "HK$10.05 billion", 10.05e9, "HKD"),
    ("The fine was €2 million.", "€2 million", 2e6, "EUR"),
    ("Tickets cost ¥5,000.", "¥5,000", 5000, "JPY"),
    ("The bank lent 100 billion yuan.", "100 billion yuan", 1e11, "CNY"),
    ("Salaries of 500,000 Iraqi dinars were paid.", "500,000 Iraqi dinars", 5e5, "IQD"),
    ("It sold for 323 million euros.", "323 million euros", 323e6, "EUR"),
    ("They paid 361 million pounds.", "361 million pounds", 361e6, "GBP"),
    ("The loan is 35 lakh rupees.", "35 lakh rupees", 3.5e6, "INR"),
    ("Aid of USD 200 arrived.", "USD 200", 200, "USD"),
    ("Costs were 75 USD million.", "75 USD million", 75e6, "USD"),
    ("He earns 10 dollars an hour.", "10 dollars", 10, "USD"),
    ("The fee rose to 10,000 Swiss francs.", "10,000 Swiss francs", 10000, "CHF"),
]


@pytest.mark.parametrize("text,span,value,code", MONEY)
def test_money(text, span, value, code):
    c = find(text, span)
    assert (c.kind, c.value, c.unit, c.si_unit, c.dimension) == (
        "money",
        value,
        code,
        code,
        "currency",
    )
    assert c.si_value == value


def test_cents_are_money_in_hundredths():
    c = find("Shares fell 34 cents on Friday.", "34 cents")
    assert (c.kind, c.value, c.unit, c.si_unit, c.si_value) == ("money", 34, "cent", "USD", 0.34)


def test_words_that_spell_codes_are_not_money():
    assert [c.kind for c in extract("ALL 5 solutions are wrong.")] == ["count"]
    assert extract("Silica gel is used to absorb moisture.") == []


# --- percentages and fractions ------------------------------------------------------------

PERCENT = [
    ("Turnout was 62%.", "62%", 62, "percent"),
    ("Turnout was 62 percent.", "62 percent", 62, "percent"),
    ("Turnout was 62 per cent.", "62 per cent", 62, "percent"),
    ("Support fell 3 percentage points.", "3 percentage points", 3, "percentage point"),
    ("A quarter of the land is forest.", "A quarter", 25, "percent"),
    ("About a third of voters were undecided.", "About a third", 33.33, "percent"),
    ("Two-thirds of the staff left.", "Two-thirds", 66.67, "percent"),
    ("Half of the homes were damaged.", "Half", 50, "percent"),
    ("One in four adults smokes.", "One in four", 25, "percent"),
    ("3 out of 10 patients recovered.", "3 out of 10", 30, "percent"),
]


@pytest.mark.parametrize("text,span,value,unit", PERCENT)
def test_percent(text, span, value, unit):
    c = find(text, span)
    assert (c.kind, c.value, c.unit) == ("percent", value, unit)
    assert c.si_unit == unit and c.dimension == unit


def test_second_half_is_not_a_fraction():
    assert all(c.kind != "percent" for c in extract("Sales grew in the second half of the year."))


# --- measures and durations -----------------------------------------------------------------

MEASURES = [
    ("The tunnel is 1.6 km long.", "1.6 km", "measure", "km", "metre", 1600),
    ("The peak rises 5,250 feet.", "5,250 feet", "measure", "foot", "metre", 1600.2),
    ("The convoy drove 12 miles.", "12 miles", "measure", "mile", "metre", 19312.128),
    (
        "The ship carried 40,000 tonnes of grain.",
        "40,000 tonnes",
        "measure",
        "tonne",
        "kilogram",
        4e7,
    ),
    ("CO2 reached 415 ppm.", "415 ppm", "measure", "ppm", "ratio", 415e-6),
    (
        "Winds of 120 km/h hit the coast.",
        "120 km/h",
        "measure",
        "km/h",
        "metre per second",
        120 / 3.6,
    ),
    (
        "The fire burned 2,000 hectares.",
        "2,000 hectares",
        "measure",
        "hectare",
        "square metre",
        2e7,
    ),
    ("The talks lasted 45 minutes.", "45 minutes", "duration", "minute", "second", 2700),
    (
        "He served 12 years in prison.",
        "12 years",
        "duration",
        "year",
        "second",
        12 * 365.25 * 86400,
    ),
    (
        "A five-year plan was adopted.",
        "five-year",
        "duration",
        "year",
        "second",
        5 * 365.25 * 86400,
    ),
    (
        "The reservoir holds 3 million litres.",
        "3 million litres",
        "measure",
        "litre",
        "cubic metre",
        3000,
    ),
]


@pytest.mark.parametrize("text,span,kind,unit,si_unit,si_value", MEASURES)
def test_measures(text, span, kind, unit, si_unit, si_value):
    c = find(text, span)
    assert (c.kind, c.unit, c.si_unit) == (kind, unit, si_unit)
    assert c.si_value == pytest.approx(si_value)


def test_long_tail_units_come_from_quantulum3_tables():
    c = find("Pressure reached 250 kilopascals.", "250 kilopascals")
    assert (c.kind, c.dimension, c.si_unit) == ("measure", "pressure", "pascal")
    assert c.si_value == pytest.approx(2.5e5)


# --- numbers that are not claims -------------------------------------------------------------

NOT_COUNTS = [
    ("Kirkuk fell in 2014 after the army fled.", [("2014", "date")]),
    ("Dec 02, 2017", [("Dec 02, 2017", "date")]),
    ("The law passed on 30 November 2017.", [("30 November 2017", "date")]),
    ("Troops arrived in November 2007.", [("November 2007", "date")]),
    ("The blast came at 3:45 a.m. local time.", [("3:45 a.m.", "date")]),
    ("Spending is set to rise in fiscal 2027.", [("2027", "date")]),
    ("He was elected in late 2016.", [("2016", "date")]),
    ("On February 7, the group spoke.", [("February 7", "date")]),
    ("Mosul is the nation's second-largest city.", [("second-largest", "rank")]),
    ("She finished 3rd in the race.", [("3rd", "rank")]),
    ("Route 9 was closed.", []),
    ("A Boeing 737 landed safely.", []),
    ("He tested positive for COVID-19 last week.", []),
    ("Leaders met at the G7 summit.", []),
    ("It was run by Task Force 134.", []),
    ("Call 555-867-5309 for details.", []),
    ("He lives at 221 Baker Street.", []),
    ("The court voted 7-2 to uphold the law.", []),
    ("City won 3-1 on Saturday.", []),
    ("Prices are three times higher.", []),
    ("One of the more moderate groups spoke.", []),
    ("See https://example.com/page?id=2024&n=30%25 for more.", []),
    ("The two governments should coordinate.", []),
]


@pytest.mark.parametrize("text,expected", NOT_COUNTS)
def test_not_counts(text, expected):
    assert [(c.text, c.kind) for c in extract(text)] == expected


# --- what is counted -----------------------------------------------------------------------

NOUNS = [
    (
        "There are 25000 to 30,000 Sunni tribal fighters.",
        "25000 to 30,000 Sunni tribal fighters",
        "sunni tribal fighters",
    ),
    (
        "There were 5000 US military personnel stationed in Iraq.",
        "5000 US military personnel",
        "us military personnel",
    ),
    ("They joined the 100,000 strong force.", "100,000 strong force", "strong force"),
    ("Six died, and 31 people were injured.", "Six", "dead"),
    ("Six died, and 31 people were injured.", "31 people", "people"),
    (
        "There were 5000 personnel in 2016, with nearly 4000 deployed abroad.",
        "nearly 4000",
        "personnel",
    ),
    ("The number of US forces in Iraq peaked at 170,300.", "170,300", "us forces"),
    ("Police said 14 were arrested.", "14", "arrested"),
    ("Some 40 of the passengers were rescued.", "Some 40 of the passengers", "passengers"),
]


@pytest.mark.parametrize("text,span,noun", NOUNS)
def test_nouns(text, span, noun):
    assert find(text, span).noun == noun


# --- time ------------------------------------------------------------------------------------

TIMES = [
    ("There were 5,000 troops in Iraq in 2016.", None, "2016", "text"),
    ("The highest number was recorded at 170,300 in November 2007.", None, "2007-11", "text"),
    ("About 300 families fled.", "2020-01-03", "2020-01-03", "published"),
    ("About 300 families fled.", None, None, None),
    ("About 300 families fled last year.", "2020-01-03", "2019", "text"),
    ("In 2014 the army fled; now 5,000 troops remain.", "2020-01-03", "2020-01-03", "published"),
]


@pytest.mark.parametrize("text,published,time,source", TIMES)
def test_time(text, published, time, source):
    c = only(text, published)
    assert (c.time, c.time_source) == (time, source)


# --- implied precision -------------------------------------------------------------------

INTERVALS = [
    ("They counted 5,324 ballots.", 5324, 5324),
    ("They counted 5,000 ballots.", 4750, 5250),
    ("They counted 12 million ballots.", 11.5e6, 12.5e6),
    ("They counted about 5,000 ballots.", 4250, 5750),
    ("They counted about 5,300 ballots.", 4770, 5830),
    ("They counted nearly 4,000 ballots.", 3600, 4000),
    ("They counted more than 5,000 ballots.", 5000, None),
    ("They counted at least 5,000 ballots.", 5000, None),
    ("They counted up to 5,000 ballots.", 0, 5000),
    ("They counted fewer than 5,000 ballots.", 0, 5000),
    ("They counted 6 ballots.", 6, 6),
    ("Turnout was 60.5 percent.", 60.5, 60.5),
]


@pytest.mark.parametrize("text,low,high", INTERVALS)
def test_intervals(text, low, high):
    c = only(text)
    assert c.interval_low == pytest.approx(low) if low is not None else c.interval_low is None
    assert c.interval_high == pytest.approx(high) if high is not None else c.interval_high is None


# --- the claim record ------------------------------------------------------------------------


def test_spans_sentence_and_line():
    text = "Headline\n\nThe army said 40 soldiers died. Another 12 were hurt.\n"
    claims = extract(text, "d.txt")
    assert [(c.text, c.line) for c in claims] == [("40 soldiers", 3), ("12", 3)]
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert c.doc == "d.txt"
    assert claims[0].sentence == "The army said 40 soldiers died."
    assert claims[1].noun == "injured"


def test_sorted_and_json_ready():
    text = "In 2016, 30 people died; by 2018 about 2,000 had fled."
    claims = extract(text)
    assert claims == sorted(claims, key=lambda c: (c.start, c.end))
    json.dumps([c.to_json() for c in claims])


def test_extract_many_same_for_any_jobs():
    items = [
        (f"Report {i}: about {i * 100} people fled in 2016.", f"d{i}", None) for i in range(12)
    ]
    assert extract_many(items, jobs=2) == extract_many(items, jobs=1)
    assert extract_many([], jobs=2) == []


def test_version_is_a_string():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


@pytest.mark.parametrize("text", ["", "   ", "no numbers at all here", "\x00\ufffd", "1" * 500])
def test_odd_inputs(text):
    for c in extract(text):
        assert text[c.start : c.end] == c.text


def test_no_number_no_quantulum3():
    code = (
        "import sys; from factcheck.extract import extract; from factcheck.vocab import units;"
        "extract('The minister spoke to reporters on Tuesday.');"
        "assert not units.QUANTULUM_LOADED;"
        "assert not any(m.startswith('quantulum3') for m in sys.modules), 'imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
