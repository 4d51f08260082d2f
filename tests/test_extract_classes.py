"""The classes of issue 10, one table each, on news-style sentences written for these tests.

A row says what a reader of the sentence would take from it: the span, the value
(or bounds) and the qualifier. `NOT_READ` rows are figures that are ambiguous or
not claims: the extractor must state no value for them rather than a wrong one.
"""

from __future__ import annotations

import pytest

from factcheck.extract import extract
from factcheck.model import CLAIM_KINDS

KINDS = (*CLAIM_KINDS, "age")


def claim_at(text: str, span: str):
    for c in extract(text, "t.txt", "2024-06-01"):
        if c.text == span and c.kind in KINDS:
            return c
    found = [(c.text, c.kind, c.value) for c in extract(text)]
    raise AssertionError(f"{span!r} not a claim of {text!r}: {found}")


def check(text, span, kind, value, qualifier="exact", low=None, high=None, unit=None):
    c = claim_at(text, span)
    assert c.kind == kind
    assert c.qualifier == qualifier
    if value is None:
        assert (c.value, c.low, c.high) == (None, pytest.approx(low), pytest.approx(high))
    else:
        assert c.value == pytest.approx(value)
    if unit is not None:
        assert c.unit == unit


DIGIT_GROUPS = [
    (
        "About 5 000 U.S. troops are stationed in the country.",
        "About 5 000 U.S. troops",
        5000,
        "approx",
    ),
    ("Some 5\u00a0000 people were evacuated overnight.", "Some 5\u00a0000 people", 5000, "approx"),
    (
        "The flood displaced 12\u2009500 families, the agency said.",
        "12\u2009500 families",
        12500,
        "exact",
    ),
    ("The canton counted 5'000 cases last winter.", "5'000 cases", 5000, "exact"),
    (
        "The census found 1 234 567 residents in the region.",
        "1 234 567 residents",
        1234567,
        "exact",
    ),
    ("Organisers said 80, 000 fans filled the stadium.", "80, 000 fans", 80000, "exact"),
    ("Officials said ٥٬٠٠٠ families had fled the district.", "٥٬٠٠٠ families", 5000, "exact"),
    ("The ministry listed ۱۲۰ schools as damaged.", "۱۲۰ schools", 120, "exact"),
]


@pytest.mark.parametrize("text,span,value,qualifier", DIGIT_GROUPS)
def test_digit_groups(text, span, value, qualifier):
    check(text, span, "count", value, qualifier)


SCALES = [
    ("The lender booked a loss of £2.7m in the quarter.", "£2.7m", "money", 2.7e6),
    ("The firm said 35m of its devices needed a patch.", "35m of its devices", "count", 35e6),
    ("The new tower is 35m high.", "35m", "measure", 35),
    ("Roughly 8 B people live on the planet today.", "Roughly 8 B people", "count", 8e9),
    ("Its population grew to 4 hundred million by then.", "4 hundred million", "count", 4e8),
    ("Half-million visitors came to the fair.", "Half-million visitors", "count", 5e5),
    (
        "Officials expect a half million pilgrims this year.",
        "a half million pilgrims",
        "count",
        5e5,
    ),
    ("The bridge cost €600+ million to build.", "€600+ million", "money", 6e8),
    ("Farmers received Rs 1.87 lakh crore in support.", "Rs 1.87 lakh crore", "money", 1.87e12),
    ("Police counted 3 dozen protesters outside.", "3 dozen protesters", "count", 36),
    ("About half a dozen boats were seized.", "About half a dozen boats", "count", 6),
    # a name before "to" does not start a range
    ("Windows 10 went to 400 million users.", "400 million users", "count", 4e8),
]


@pytest.mark.parametrize("text,span,kind,value", SCALES)
def test_scale_suffix_and_scale_words(text, span, kind, value):
    c = claim_at(text, span)
    assert (c.kind, c.value) == (kind, pytest.approx(value))


FRACTIONS = [
    ("Add 1/2 pound of flour to the mix.", "1/2 pound", 0.5),
    ("The trail runs 10 1/2 miles along the coast.", "10 1/2 miles", 10.5),
    ("The talks lasted four and a half hours.", "four and a half hours", 4.5),
    ("The siege went on for 2 and a half years.", "2 and a half years", 2.5),
    ("The fund lost two million and one half dollars.", "two million and one half dollars", 2.5e6),
    ("The estate is worth one hundred and three quarters million euros.", None, None),
]


@pytest.mark.parametrize("text,span,value", FRACTIONS)
def test_fractions_and_mixed_numbers(text, span, value):
    if span is None:  # an unusual phrase: no value rather than a wrong one
        assert all(c.value != pytest.approx(103e6) for c in extract(text))
        return
    assert claim_at(text, span).value == pytest.approx(value)


SHARES = [
    ("More than a third of voters stayed home.", "More than a third", 33.33, "more_than"),
    ("Three-quarters of the staff backed the strike.", "Three-quarters", 75, "exact"),
    ("One in four adults smokes, the survey found.", "One in four", 25, "exact"),
    ("Nearly two-thirds of the wells ran dry.", "Nearly two-thirds", 66.67, "nearly"),
]


@pytest.mark.parametrize("text,span,value,qualifier", SHARES)
def test_shares_written_as_fractions(text, span, value, qualifier):
    check(text, span, "percent", value, qualifier)


# A part of one percent is a share of the percent, never of a whole: "nine-tenths of a
# percent" was 90 percent, "a tenth of a percent" 10 and "two-tenths of 1 percent" 20.
PARTS_OF_PERCENT = [
    ("Factory output in Łódź climbed nine-tenths of a percent in March, the statistics office "
     "said on Thursday.", "nine-tenths of a percent", 0.9, "exact", "percent"),
    ("Retail sales edged up two-tenths of 1 percent last month, to 7,412 billion forints.",
     "two-tenths of 1 percent", 0.2, "exact", "percent"),
    ("Spending on clothing rose a tenth of a percent in May after a 1,300-store chain closed.",
     "a tenth of a percent", 0.1, "exact", "percent"),
    ("The jobless rate fell half a percentage point, to 5.3%, its lowest since 2019.",
     "half a percentage point", 0.5, "exact", "percentage point"),
    ("Mortgage rates rose about three-quarters of a percentage point over the summer.",
     "about three-quarters of a percentage point", 0.75, "approx", "percentage point"),
    ("Nine-tenths of the 4,000 voters surveyed in Göteborg backed the plan.", "Nine-tenths",
     90, "exact", "percent"),
]  # fmt: skip


@pytest.mark.parametrize("text,span,value,qualifier,unit", PARTS_OF_PERCENT)
def test_a_part_of_one_percent(text, span, value, qualifier, unit):
    check(text, span, "percent", value, qualifier, unit=unit)
    assert not [
        c
        for c in extract(text)
        if c.kind == "percent" and c.value in (10, 20, 90) and c.text != "Nine-tenths"
    ]


RANGES = [
    (
        "Organisers expect four to five thousand visitors.",
        "four to five thousand visitors",
        4000,
        5000,
    ),
    ("The plan may cost US$89 to $93 billion.", "US$89 to $93 billion", 89e9, 93e9),
    (
        "Estimates were in the range of 12,000 and 19,000 deaths.",
        "in the range of 12,000 and 19,000 deaths",
        12000,
        19000,
    ),
    (
        "The field pumps between 1,000 and 5,000 barrels a day.",
        "between 1,000 and 5,000 barrels a day",
        1000,
        5000,
    ),
    (
        "Between HK$5 million and HK$7 million was raised.",
        "Between HK$5 million and HK$7 million",
        5e6,
        7e6,
    ),
]


@pytest.mark.parametrize("text,span,low,high", RANGES)
def test_ranges(text, span, low, high):
    c = claim_at(text, span)
    assert (c.qualifier, c.value) == ("range", None)
    assert (c.low, c.high) == (pytest.approx(low), pytest.approx(high))


QUALIFIERS = [
    ("Sales topped 2 million units in May.", "topped 2 million units", "more_than"),
    ("Deaths exceeded 300 by Friday.", "exceeded 300", "more_than"),
    ("The index surpassed 5,000 points.", "surpassed 5,000 points", "more_than"),
    ("The chain has upwards of 400 stores.", "upwards of 400 stores", "more_than"),
    ("Bonuses north of $1 million were paid.", "north of $1 million", "more_than"),
    ("Losses in excess of $90 million were reported.", "in excess of $90 million", "more_than"),
    ("A crowd of 20,000 or so gathered.", "20,000 or so", "approx"),
    ("Inspectors found 5,000 or more violations.", "5,000 or more violations", "at_least"),
    ("Some 300 people or more were stranded.", "Some 300 people", "approx"),
    ("The trip takes 40 minutes or less.", "40 minutes or less", "at_most"),
    ("The fund needs 40+ donors to start.", "40+ donors", "at_least"),
    ("Patients younger than 5 years were excluded.", "younger than 5 years", "less_than"),
]


@pytest.mark.parametrize("text,span,qualifier", QUALIFIERS)
def test_qualifiers(text, span, qualifier):
    assert claim_at(text, span).qualifier == qualifier


SIGNS_AND_POWERS = [
    ("Temperatures fell to minus 30 degrees overnight.", "minus 30 degrees", -30),
    ("The currency slid −4.5% against the dollar.", "−4.5%", -4.5),
    ("The town woke to -3C and thick fog.", "-3C", -3),
    ("The survey catalogued 1.2e6 stars.", "1.2e6 stars", 1.2e6),
    ("Each sample holds 3 x 10^6 cells.", "3 x 10^6 cells", 3e6),
    ("The galaxy may hold 10⁹ suns.", "10⁹ suns", 1e9),
    ("The core reached minus five point five degrees.", "minus five point five degrees", -5.5),
]


@pytest.mark.parametrize("text,span,value", SIGNS_AND_POWERS)
def test_negatives_and_powers(text, span, value):
    assert claim_at(text, span).value == pytest.approx(value)


IDENTIFIERS = [
    "The 787 Dreamliner made its first flight from the plant.",
    "The A320neo order was confirmed on Tuesday.",
    "The S&P 500 closed lower as the FTSE 100 rose.",
    "Fans still talk about Euro 2020 in the city.",
    "Leaders arrived for the G20 in the capital.",
    "Protesters gathered outside 10 Downing Street.",
    "Flight BA 117 was diverted after a warning light.",
    "Police imposed Section 144 in the district.",
    "The court heard petitions on Article 370.",
    "Parcels to ZIP code 90210 were delayed.",
]


@pytest.mark.parametrize("text", IDENTIFIERS)
def test_identifiers_are_not_claims(text):
    assert [c.text for c in extract(text) if c.kind in KINDS] == []


NOT_READ = [
    "The runners covered 10 k in the heat.",  # thousand or kilometres?
    "The council approved 322 hundred in grants.",
    "Officials said 1,3 was the ratio.",  # a decimal comma
    "Officials put the odds at one over three.",
    "The valuation was 1.1^23 on paper.",
    "He earned a hundred trillionths of a cent.",
    "It took one eighth people by surprise.",
]


@pytest.mark.parametrize("text", NOT_READ)
def test_ambiguous_figures_state_no_wrong_value(text):
    wrong = {10, 322, 1, 3, 23, 100, 0}
    assert not [c for c in extract(text) if c.kind in KINDS and c.value in wrong]


@pytest.mark.parametrize(
    "text, span, value, code",
    [
        ("The charity handed out 3 GBP100 vouchers to every family.", "GBP100", 100, "GBP"),
        ("Each of the 12 winners got a USD2,500 prize in Nairobi.", "USD2,500", 2500, "USD"),
    ],
)
def test_a_code_glued_to_the_next_amount_is_not_the_one_before(text, span, value, code):
    money = [c for c in extract(text) if c.kind == "money"]
    assert [(c.text, c.value, c.unit) for c in money] == [(span, value, code)]


SMALL_AND_DURATIONS = [
    (
        "The fire was contained some 14 hours after it began.",
        "some 14 hours",
        "duration",
        14,
        "approx",
    ),
    ("Crews fought a nine-hour blaze at the depot.", "nine-hour", "duration", 9, "exact"),
    (
        "Three critically injured workers were flown out.",
        "Three critically injured workers",
        "count",
        3,
        "exact",
    ),
]


@pytest.mark.parametrize("text,span,kind,value,qualifier", SMALL_AND_DURATIONS)
def test_small_counts_and_durations(text, span, kind, value, qualifier):
    check(text, span, kind, value, qualifier)


AGES = [
    ("A 74-year-old mother was pulled from the rubble.", "74-year-old", 74, "exact"),
    ("Tourists flock to the 800-year-old cathedral.", "800-year-old", 800, "exact"),
    ("The baby was three months old.", "three months old", 3, "exact"),
    ("Voters aged 65 and over turned out in force.", "aged 65 and over", 65, "at_least"),
    ("The patient, at the age of 87, recovered.", "age of 87", 87, "exact"),
]


@pytest.mark.parametrize("text,span,value,qualifier", AGES)
def test_ages_are_their_own_kind(text, span, value, qualifier):
    check(text, span, "age", value, qualifier)


def test_age_range():
    check("Residents aged 18 to 24 voted most.", "aged 18 to 24", "age", None, "range", 18, 24)


TEMPERATURES = [
    ("Temperatures hit 41C in the capital on Monday.", "41C", 41),
    ("The mercury climbed to 105F in Phoenix.", "105F", 105),
    ("Forecasters expect a hot day of 38c on Friday.", "38c", 38),
]


@pytest.mark.parametrize("text,span,value", TEMPERATURES)
def test_temperatures(text, span, value):
    c = claim_at(text, span)
    assert (c.kind, c.value, c.dimension) == ("measure", value, "temperature")


LETTER_NAMES = [
    "The SCP-173C entry was rewritten by fans.",
    "The airline took delivery of the 777F freighter.",
    "The fund's 13F filing showed new stakes.",
    "Profit was 14.7C/ per unit in the period.",
    "Shares rose from 11c to 17c in early trade.",
]


@pytest.mark.parametrize("text", LETTER_NAMES)
def test_a_letter_after_a_figure_is_not_always_a_temperature(text):
    assert [c.text for c in extract(text) if c.dimension == "temperature"] == []


MORE_QUALIFIERS = [
    ("Turnout was >= 60% in most wards.", ">= 60%", "at_least"),
    ("Wait times were ≤ 15 minutes at most sites.", "≤ 15 minutes", "at_most"),
    ("Doses less than or equal to 5 mg were safe.", "less than or equal to 5 mg", "at_most"),
    ("The true toll is closer to 5,000 deaths.", "closer to 5,000 deaths", "approx"),
]


@pytest.mark.parametrize("text,span,qualifier", MORE_QUALIFIERS)
def test_symbol_and_long_qualifiers(text, span, qualifier):
    assert claim_at(text, span).qualifier == qualifier


def test_two_one_sided_bounds_make_one_range():
    text = "There were more than 10 but fewer than 20 boats in the harbour."
    check(text, "more than 10 but fewer than 20 boats", "count", None, "range", 10, 20)


@pytest.mark.parametrize(
    "text,span,value,unit",
    [
        ("Negotiators met for an hour and a half on Monday.", "an hour and a half", 1.5, "hour"),
        ("The queue stretched a mile and a half.", "a mile and a half", 1.5, "mile"),
    ],
)
def test_a_unit_and_a_half(text, span, value, unit):
    c = claim_at(text, span)
    assert (c.value, c.unit) == (value, unit)


def test_a_change_starts_in_the_unit_it_ends_in():
    text = "The jobless rate rose from 5 to 6 percent last year."
    assert [(c.text, c.kind, c.value) for c in extract(text) if c.kind in KINDS] == [
        ("5", "percent", 5),
        ("6 percent", "percent", 6),
    ]


# what an elided count counts, read from the words around it, never a wrong noun
IMPLIED_NOUNS = [
    (
        "Nine people were killed and about 220 injured, with 47 still listed as missing.",
        "47",
        "missing",
    ),
    (
        "The death toll from the floods in Rio Grande do Sul rose to at least 1,066.",
        "at least 1,066",
        "dead",
    ),
    (
        "Fourteen climbers were feared dead and 3,120 remain missing after the avalanche.",
        "3,120",
        "missing",
    ),
    ("The toll of injured in the blasts rose to 1,300 on Tuesday.", "1,300", "injured"),
    # a part of a whole counts what the whole counts
    ("Voters turned out. The party won 199 of the 389 seats in São Paulo.", "199", "seats"),
    ("Only 1,041 of 2,237 passengers reached Ålesund.", "1,041", "passengers"),
]


@pytest.mark.parametrize("text, span, noun", IMPLIED_NOUNS)
def test_an_elided_count_gets_its_implied_noun(text, span, noun):
    assert claim_at(text, span).noun == noun


# "up to" after a verb of motion is where the figure went, not a bound
MOVED_UP_TO = [
    ("The death toll went up to 1,208 on Monday, officials said.", "1,208", "exact"),
    ("The ministry's estimate was revised up to 4,350 homes.", "4,350 homes", "exact"),
    ("Up to 3,000 people may have been trapped in the district.", "Up to 3,000 people", "at_most"),
    ("The new ferry can carry up to 1,200 passengers.", "up to 1,200 passengers", "at_most"),
]


@pytest.mark.parametrize("text, span, qualifier", MOVED_UP_TO)
def test_up_to_after_a_verb_of_motion(text, span, qualifier):
    assert claim_at(text, span).qualifier == qualifier


# a subunit with its currency named before it is money, never a count of "us cents"
@pytest.mark.parametrize(
    "text, span, code",
    [
        (
            "Profit came to 31 US cents a share, from 25 U.S. cents a year earlier.",
            "31 US cents",
            "USD",
        ),
        (
            "Profit came to 31 US cents a share, from 25 U.S. cents a year earlier.",
            "25 U.S. cents",
            "USD",
        ),
        ("A stamp for Zürich costs 1,020 euro cents after the rise.", "1,020 euro cents", "EUR"),
    ],
)
def test_subunits_with_their_currency(text, span, code):
    c = claim_at(text, span)
    assert (c.kind, c.unit, c.si_unit) == ("money", "cent", code)


# an elided count takes no noun from another figure's phrase, nor from the line before a label
@pytest.mark.parametrize(
    "text, span",
    [
        ("Injuries: 71 to firefighters, and 1,027 to civilians.", "1,027"),
        ("- Evacuations: 88,000 residents\n- Personnel on site: 3,216\n", "3,216"),
        ("- Acres burned: 132,000\n- Structures destroyed: 1,401\n", "1,401"),
    ],
)
def test_an_elided_count_borrows_no_other_figures_noun(text, span):
    assert claim_at(text, span).noun is None


# a chamber's vote is a tally, not a count; a range of big numbers stays a range
@pytest.mark.parametrize(
    "text, wanted",
    [
        ("Lawmakers voted 230-197 to approve the $95 billion package.", [("money", 95e9)]),
        ("The bill passed the Bundestag 412-215 on Friday.", []),
        ("Between 300-400 people gathered in Köln.", [("count", None)]),
    ],
)
def test_votes_are_tallies(text, wanted):
    assert [(c.kind, c.value) for c in extract(text) if c.kind in KINDS] == wanted


# figures that are no count: the base of a rate, a decimal index, an age after a name
@pytest.mark.parametrize(
    "text",
    [
        "The murder rate was 6.5 per 100,000 residents in Malmö.",
        "There is one doctor for every 1,000 patients in the district.",
        "The index stood at 5.0, its lowest reading in a decade.",
        '"We lost everything," said farmer Jane Okafor, 54.',
    ],
)
def test_figures_that_count_nothing(text):
    assert [c for c in extract(text) if c.kind == "count"] == []


def test_a_scale_suffix_before_named_plural_is_millions():
    assert (
        claim_at("The pay deal covers 1.2m NHS staff in England.", "1.2m NHS staff").value == 1.2e6
    )
    assert claim_at("They swam in a 35m Olympic pool.", "35m").unit == "m"


@pytest.mark.parametrize(
    "text",
    [
        "1,200 people fled in 2019.",
        "4,300 homes lost power on March 3.",
        "2,014 workers walked out, 1,1",
    ],
)
def test_a_figure_that_opens_the_text_is_read(text):
    """Nothing comes before it: its neighbours are not the text's last characters (a
    document ending in "2019." once made its opening 1,200 look glued to a digit)."""
    first = text.split()[0]
    assert any(c.text.startswith(first) for c in extract(text, "a.txt", None))


@pytest.mark.parametrize(
    "text, figures",
    [
        # a bare figure after a scale that counts something of its own is its own figure
        (
            "Revenue was £5.2 billion, up from £4.6 billion 12 months earlier.",
            [5.2e9, 4.6e9],
        ),
        ("Profit reached $3 million 12 months after the launch in Lagos.", [3e6, 12.0]),
        # a smaller scaled group after a scale is part of the figure
        ("The works cost 1 billion 200 million dollars, the ministry said.", [1.2e9]),
        ("The city of Łódź has 2 million 300 thousand residents.", [2.3e6]),
        ("The temple trust received Rs 1 crore 20 lakh in March.", [1.2e7]),
        # and the spelled and "and" compounds stay whole
        ("Officials said 4 thousand 3 hundred and 21 people were affected.", [4321.0]),
        ("Officials said 4 thousand and 21 people were affected.", [4021.0]),
    ],
)
def test_a_figure_after_a_scale_joins_it_only_when_it_is_a_smaller_group(text, figures):
    got = [c.value for c in extract(text, "a.txt", "2026-03-12") if c.kind != "date"]
    assert got == figures
