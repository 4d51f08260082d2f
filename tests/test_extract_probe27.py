"""Shapes found by probing real news figures (issue 26, helper probe27): figures that were read
wrongly (a tennis score read as a share or a count, a percent given the currency of the price
after it, a poll's "plus or minus 3 points" read as minus three, an exchange rate read as a
count, "45 rand" read as a count of rands) and roles that were read as levels (the share of an
index's move after a comma and "or", "a 0.4 per cent rise", a verb of change with its object
before "by", "from a revised $71.1 billion", "down from a peak of 7.77 million", "slowed to",
"depreciated by").

The sentences are written for these tests in the habits of several kinds of outlet: wire
copy, business desks in India, Australia, the Gulf and South Africa, local papers and
broadcasters' web pages. The lexicon sections these forms are built from are walked here too;
`test_extract_lexicon.test_every_section_is_walked` counts them.
"""

from __future__ import annotations

import pytest

from factcheck.extract import extract

from .lexicon_walk import walks


def claims(text: str) -> list:
    return [c for c in extract(text, "t.txt", "2026-03-12") if c.kind != "date"]


def by_text(text: str) -> dict:
    return {c.text: c for c in claims(text)}


# a set score before "in <time>" is no share ("4 in 87" is not 4.6%) and no count
SCORES = [
    ("Świątek beat Sabalenka 6-4, 6-2 in 87 minutes at Roland Garros on Saturday.",
     "87 minutes"),
    ("Müller won 7-5, 6-3 in 1 hour and 41 minutes to reach the last eight in Halle.",
     "1 hour and 41 minutes"),
    ("Gauff needed only 58 minutes, winning 6-1, 6-1 in 58 minutes on Court Suzanne-Lenglen.",
     "58 minutes"),
    ("Alcaraz came through 4-6, 6-3, 6-2 in 2 hours on Arthur Ashe Stadium, his 1,000th day "
     "in the top ten.", None),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "duration"), SCORES)
def test_a_set_score_is_no_share_and_no_count(sentence, duration):
    found = claims(sentence)
    assert not [c for c in found if c.kind == "percent"], found
    assert not [c for c in found if c.kind == "count" and c.value in (1, 2, 3, 4, 5, 6, 7)], found
    if duration:
        assert duration in {c.text for c in found if c.kind == "duration"}


# a percent before "to <price> <currency name>" keeps its percent; the price its currency
PERCENT_THEN_PRICE = [
    ("Shares in Al Rajhi Bank added 1.4% to 86.20 riyals in Riyadh trading on Sunday.",
     "1.4%", "86.20 riyals", "SAR"),
    ("Emaar Properties added 0.8% to 8.95 dirhams, while Aldar Properties rose 1.2% in Abu Dhabi.",
     "0.8%", "8.95 dirhams", "AED"),
    ("Vodacom added 2.1% to 124.50 rand on the JSE after the Safaricom results.",
     "2.1%", "124.50 rand", "ZAR"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "share", "price", "code"), PERCENT_THEN_PRICE)
def test_a_percent_never_takes_the_next_prices_currency(sentence, share, price, code):
    found = by_text(sentence)
    assert found[share].kind == "percent"
    assert found[price].kind == "money" and found[price].unit == code


# "rand" and "lari" in lower case after any figure are money, never a count of rands
SMALL_MONEY = [
    ("Petrol will cost 23.45 rand a litre in Gauteng from Wednesday, the department said.",
     "23.45 rand a litre", 23.45, "ZAR/litre"),
    ("A loaf of brown bread now costs 18 rand in Soweto, up from 16 rand a year ago.",
     "18 rand", 18, "ZAR"),
    ("The Tbilisi metro fare rose to 1.5 lari for the 2,400 daily commuters from Rustavi.",
     "1.5 lari", 1.5, "GEL"),
]  # fmt: skip


@walks("guarded_small_money")
@pytest.mark.parametrize(("sentence", "text", "value", "unit"), SMALL_MONEY)
def test_rand_after_a_small_figure_is_money(sentence, text, value, unit):
    c = by_text(sentence)[text]
    assert (c.kind, c.value, c.unit) == ("money", value, unit)


# "plus or minus 3 points" is a margin either way: never minus three
MARGINS = [
    ("The poll of 1,204 voters in Nuevo León has a margin of error of plus or minus 2.8 "
     "percentage points.", "2.8 percentage points", 2.8),
    ("The YouGov survey of 2,011 adults, carried out online, has a margin of error of plus or "
     "minus 3 percentage points.", "3 percentage points", 3),
    ("Its margin of error is plus/minus 4.5 percentage points, the institute said.",
     "4.5 percentage points", 4.5),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "value"), MARGINS)
def test_plus_or_minus_is_no_negative(sentence, text, value):
    found = claims(sentence)
    assert not [c for c in found if c.value is not None and c.value < 0], found
    assert by_text(sentence)[text].value == value


# a bare figure before "to the dollar", "per dollar", "against the greenback": an exchange
# rate, no count
EXCHANGE_RATES = [
    "The Kenyan shilling traded at 129 to the dollar on Tuesday, the central bank said.",
    "The naira closed at 1,482 against the greenback on the official window in Lagos.",
    "The Ugandan shilling weakened to 3,812 per dollar as coffee receipts fell.",
    "The Egyptian pound weakened to 48 against the US dollar after the float.",
]


@walks("exchange_rate_links")
@pytest.mark.parametrize("sentence", EXCHANGE_RATES)
def test_an_exchange_rate_is_no_count(sentence):
    found = claims(sentence)
    assert not [c for c in found if c.kind == "count"], found


# sentence, the figure's text, its role
ROLES = [
    # the share of a move after a comma and "or": wire and Indian and Australian business desks
    ("The Nifty gained 118.9 points, or 0.49 per cent, to 24,215.6 on Thursday.",
     "0.49 per cent", "change"),
    ("The S&P/ASX200 closed lower by 21.4 points, or 0.29 per cent, to 7412.8 on Tuesday.",
     "0.29 per cent", "change"),
    ("The Dow Jones Industrial Average fell 312.4 points, or 0.8%, to 38,441.2 in New York.",
     "0.8%", "change"),
    ("Gold rose $12.40, or 0.6 per cent, to $2,041.70 an ounce in Singapore.",
     "0.6 per cent", "change"),
    ("Brent slipped 48 cents, or 0.6%, to $81.02 a barrel by 1120 GMT.", "0.6%", "change"),
    # "a 0.4 per cent rise": the share names a change
    ("Retail sales fell 1.1 per cent in November after a 0.4 per cent rise in October.",
     "0.4 per cent", "change"),
    ("The trust spent £3.4m on agency nurses in Göteborg last year, a 40% increase on 2022.",
     "40%", "change"),
    ("Ryanair carried 18.7 million passengers in July, a 5% increase on a year earlier.",
     "5%", "change"),
    # a verb of change, its object, then "by" and a share
    ("The Reserve Bank of India cut the repo rate by 25 basis points to 6.25% on Friday.",
     "25 basis points", "change"),
    ("The drug cut the risk of death by 21 per cent compared with a placebo in 4,300 patients.",
     "21 per cent", "change"),
    ("The new rules cut emissions by 30% compared with 2005 levels, the ministry said.",
     "30%", "change"),
    # "from a revised", "from a record", "down from a peak of": the figure it started at
    ("The trade deficit narrowed to $68.9 billion in December from a revised $71.1 billion in "
     "November.", "$71.1 billion", "previous"),
    ("Profit dropped to $4.1 billion in the second quarter from a record $5.6 billion.",
     "$5.6 billion", "previous"),
    ("Waiting lists in England stood at 7.6 million in September, down from a peak of 7.77 "
     "million.", "7.77 million", "previous"),
    # "slowed to", "depreciated by": verbs of a figure that moves
    ("Inflation slowed to 6.4% in January from 6.5% in December, Statistics Poland said.",
     "6.5%", "previous"),
    ("The Ghana cedi depreciated by 19.2% against the US dollar in the first half.",
     "19.2%", "change"),
    ("Egypt devalued the pound by 38% on Wednesday, its third cut in 14 months.", "38%",
     "change"),
    # "make up 82%": "up" is the verb's particle, no move
    ("Electric cars rose by 20% in Norway, where they now make up 82% of new registrations.",
     "82%", "value"),
    ("Women made up 38 per cent of the 1,204 new officer cadets at Sandhurst.",
     "38 per cent", "value"),
    ("Rent now takes up 41% of the average renter's income in Sydney, the report found.",
     "41%", "value"),
    # "the previous record of X": an earlier figure
    ("The mercury touched 40.3C in Coningsby, beating the previous record of 38.7C.",
     "38.7C", "previous"),
    ("Turnout reached 71.2% in Łódź, well above the previous record of 64.3% set in 2016.",
     "64.3%", "previous"),
]  # fmt: skip


# a duration written in two or three units is one figure in the first unit
COMPOUND_DURATIONS = [
    ("Dariusz Nowak, 41, was jailed for four years and six months at Leeds Crown Court.",
     "four years and six months", 4.5, "year", "exact"),
    ("Rybakina won 6-3, 6-4 in 1 hour and 32 minutes on Centre Court.",
     "1 hour and 32 minutes", 1.533333, "hour", "exact"),
    ("The new line will cut the journey from Mumbai to Ahmedabad from 4 hours 30 minutes to "
     "2 hours 50 minutes.", "4 hours 30 minutes", 4.5, "hour", "exact"),
    ("He must serve a minimum of 22 years and six months before he can apply for parole.",
     "a minimum of 22 years and six months", 22.5, "year", "at_least"),
    ("Kiptum finished in 2 hours, 14 minutes and 3 seconds, 1,204 metres ahead of the pack.",
     "2 hours, 14 minutes and 3 seconds", 2.234167, "hour", "exact"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "qual"), COMPOUND_DURATIONS)
def test_a_duration_in_two_units_is_one(sentence, text, value, unit, qual):
    c = by_text(sentence)[text]
    assert (c.kind, c.value, c.unit, c.qualifier) == ("duration", value, unit, qual)


# not one duration: the second part is a whole unit of the first or more, or words stand
# between the two (guards: they pass without the change too)
APART = [
    ("She was sentenced to two years and 18 months on the second count.", "two years"),
    ("He spent 5 years in Lagos and 6 months in Accra before moving to Nairobi.", "5 years"),
]


@pytest.mark.parametrize(("sentence", "text"), APART)
def test_durations_apart_stay_apart(sentence, text):
    assert by_text(sentence)[text].kind == "duration"


@walks(
    "from_fillers",
    "change_verbs",
    "change_acts",
    "change_nouns",
    "previous_nouns",
    "up_particle_verbs",
)
@pytest.mark.parametrize(("sentence", "text", "role"), ROLES)
def test_roles_of_moves(sentence, text, role):
    assert by_text(sentence)[text].role == role


# guards (they pass without the change above too): levels stay levels, no change is read
# where none is written
LEVELS = [
    ("The Sensex closed at 79,486.32, or 0.2% below its record, on Monday.", "0.2%"),
    ("Funds raised by 1,200 donors reached £45,000, or 30% of the target.", "30%"),
    ("Turnout was 66.1%, a record for the borough of Tower Hamlets.", "66.1%"),
    ("The motion to cut fees was backed by 54% of the 2,310 delegates in Brighton.", "54%"),
]


@pytest.mark.parametrize(("sentence", "text"), LEVELS)
def test_levels_stay_values(sentence, text):
    assert by_text(sentence)[text].role == "value"
