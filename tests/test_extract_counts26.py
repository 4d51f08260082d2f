"""Issue 26, counts and levels with no unit.

Counts whose noun holds a model name ("41,000 Series 5 phones" counts phones, never 5),
counts of times ("orbited the Earth 4,100 times before"), small counts before adjectives
("four badly burned workers"), an age written bare after a name ("Maria Lopez, 52, said"),
and the levels and moves of a market index, measured in index points. Numbers that only
name (years, ordinals, models, addresses, scores, "one of") stay no count.

Every case of READ, AGES and INDEX failed before this change; NOT_COUNTS marks the cases
that guard behaviour that already held ("guard") apart from those this change fixed ("new").
"""

from __future__ import annotations

import pytest

from factcheck.extract import extract
from factcheck.vocab.lexicon import LEX

from .lexicon_walk import walks


def found(text: str):
    return [(c.text, c.kind, c.value, c.unit, c.noun, c.role) for c in extract(text, "t.txt")]


def the(text: str, span: str):
    hits = [c for c in extract(text, "t.txt", "2026-03-12") if c.text == span]
    assert len(hits) == 1, found(text)
    return hits[0]


# (sentence, span, value, the counted noun's last word)
READ = [
    # a model name inside the counted noun
    ("Samsung shipped 41,000 Series 5 phones to retailers in Seoul in the first week, the "
     "company said.", "41,000 Series 5 phones", 41000, "phones"),
    ("Delta said on Thursday it would lease 9 more 767 jets to cover routes to São Paulo and "
     "Lagos.", "9 more 767 jets", 9, "jets"),
    ("Ryanair's fleet now counts 410 737-800 aircraft, according to its annual report.",
     "410 737-800 aircraft", 410, "aircraft"),
    ("Apple sold 3 million iPhone 15 handsets in India during the festival season.",
     "3 million iPhone 15 handsets", 3_000_000, "handsets"),
    ("Lufthansa took delivery of 12 Airbus A350-900 jets between 2024 and 2026.",
     "12 Airbus A350-900 jets", 12, "jets"),
    ("The Gulf carrier has 40 Boeing 787 Dreamliners on order, its chief executive told "
     "reporters in Dubai.", "40 Boeing 787 Dreamliners", 40, "dreamliners"),
    ("Vietnam Airlines expects to fly 120 A320 aircraft by the end of the decade.",
     "120 A320 aircraft", 120, "aircraft"),
    ("Fans in Busan bought 2,300 Galaxy S24 phones on launch day, the retailer said.",
     "2,300 Galaxy S24 phones", 2300, "phones"),
    # counts of times: occasions, not multipliers
    ("The space station orbited the Earth 4,100 times before the experiment ended.",
     "4,100 times", 4100, "times"),
    ("The coach carrying pilgrims from Kraków was struck 3 times by stones, police said.",
     "3 times", 3, "times"),
    ("Firefighters were called to the Blackwood estate 37 times last year, council records "
     "show.", "37 times", 37, "times"),
    ("The village of Saint-Étienne-de-Tinée has flooded 12 times since 1990.",
     "12 times", 12, "times"),
    # small counts before adjectives made of participles
    ("Helicopter crews lifted four badly burned workers from the refinery at Ras Tanura.",
     "four badly burned workers", 4, "workers"),
    ("Médecins Sans Frontières flew three severely malnourished children to Nairobi on Sunday.",
     "three severely malnourished children", 3, "children"),
    ("Police arrested seven masked men outside the Vélodrome after the match in Marseille.",
     "seven masked men", 7, "men"),
    ("Inspectors found five heavily damaged homes along the Rue Saint-Denis after the blast.",
     "five heavily damaged homes", 5, "homes"),
    ("Within 48 hours, the Mersey ferry operator had carried 3,400 stranded passengers.",
     "3,400 stranded passengers", 3400, "passengers"),
]  # fmt: skip


@pytest.mark.parametrize("text,span,value,noun", READ, ids=[r[1] for r in READ])
def test_count(text, span, value, noun):
    c = the(text, span)
    assert (c.kind, c.value, c.noun.split()[-1]) == ("count", value, noun)


# (sentence, the age as written, value)
AGES = [
    ("Maria Lopez, 52, said the water rose to her waist within minutes.", "52", 52),
    ("“We lost everything,” said Jürgen Weiß, 67, a retired baker from Passau.", "67", 67),
    ("“It came so fast,” said Aiyana Whitehorse, 34.", "34", 34),
    ("Nguyễn Thị Lan, 41, who runs a noodle stall near the market, said sales had halved.",
     "41", 41),
    ("The pilot, 58, had flown the route between Oslo and Tromsø for 11 years.", "58", 58),
]  # fmt: skip


@pytest.mark.parametrize("text,span,value", AGES, ids=[a[0][:30] for a in AGES])
def test_age_after_a_name(text, span, value):
    c = the(text, span)
    assert (c.kind, c.value, c.unit) == ("age", value, "year")


# A verb beside a bare count is never the thing it counts: "12,000 saw it" counts no saws,
# and "the stadium holds 60,000" no holds (both were the counted noun before)
VERB_BESIDE = [
    ("About 12,000 saw the fireworks over the harbour in Kraków, the city's police said.",
     "About 12,000"),
    ("The new stadium in Münster holds 60,000, and 45,000 attended the opening on Sunday.",
     "60,000"),
    ("The ferry carries 1,850 on a summer crossing, double its winter load.", "1,850"),
    ("Siemens Energy employs 4,200 at the plant near Görlitz, a spokeswoman said.", "4,200"),
]  # fmt: skip


@pytest.mark.parametrize("text,span", VERB_BESIDE, ids=[v[1] for v in VERB_BESIDE])
def test_a_verb_beside_a_bare_count_is_not_its_noun(text, span):
    assert the(text, span).noun is None


# A bare count after a word of a running total counts what the total counts: "2,117 new
# cases ..., bringing its total to 98,450" is 98,450 cases, never 98,450 new cases
@walks("total_words", "new_count_words")
@pytest.mark.parametrize("total", LEX["total_words"])
@pytest.mark.parametrize("new", LEX["new_count_words"])
def test_a_running_total_borrows_the_noun_without_new(total, new):
    if total in ("so far", "in all", "to date", "altogether"):
        rest = f"and {total} 98,450 have been recorded"
    else:
        rest = f"bringing the {total} figure to 98,450"
    text = f"Health officials in Kraków recorded 2,117 {new} cases on Sunday, {rest}."
    assert (the(text, f"2,117 {new} cases").noun, the(text, "98,450").noun) == (
        f"{new} cases",
        "cases",
    )


def test_a_count_that_goes_on_keeps_the_noun_with_new():  # guard: held before
    text = "The ministry in Montréal reported 3,400 new infections and 1,200 more on Monday."
    assert the(text, "1,200").noun == "new infections"


# (sentence, span, kind, value, unit, role)
INDEX = [
    ("The benchmark index closed up 0.4% at 7,215.32, led by miners.",
     "0.4%", "percent", 0.4, "percent", "change"),
    ("The benchmark index closed up 0.4% at 7,215.32, led by miners.",
     "7,215.32", "measure", 7215.32, "index point", "value"),
    ("London's FTSE 100 ended the week lower (8,912.44, down 31.20 points).",
     "8,912.44", "measure", 8912.44, "index point", "value"),
    ("London's FTSE 100 ended the week lower (8,912.44, down 31.20 points).",
     "31.20 points", "measure", 31.2, "index point", "change"),
    ("Tokyo's Nikkei gained 215 points to close at 39,102.56 on Friday.",
     "215 points", "measure", 215, "index point", "change"),
    ("The Sensex closed at 27,499.42 points on Wednesday, brokers in Mumbai said.",
     "27,499.42 points", "measure", 27499.42, "index point", "value"),
    ("The Nifty closed 1.23 percent or 59.4 points up at 4,905.05 points.",
     "59.4 points", "measure", 59.4, "index point", "change"),
    ("The Dow finished the session at 38,904 after a late sell-off.",
     "38,904", "measure", 38904, "index point", "value"),
]  # fmt: skip


@pytest.mark.parametrize("text,span,kind,value,unit,role", INDEX, ids=[i[1] for i in INDEX])
def test_index_level_and_move(text, span, kind, value, unit, role):
    c = the(text, span)
    assert (c.kind, c.value, c.unit, c.role) == (kind, pytest.approx(value), unit, role)


# (sentence, values that must not be read as a count, guard|new)
NOT_COUNTS = [
    ("Samsung shipped 41,000 Series 5 phones to retailers in Seoul.", [5], "guard"),
    ("Delta will lease 9 more 767 jets for its routes to Lagos.", [767], "new"),
    ("Ryanair's fleet now counts 410 737-800 aircraft.", [410737, 737, 800], "new"),
    ("She lives in the 8th arrondissement, at Paris, 75008.", [75008], "new"),
    ("The photograph was supplied by Reuters, 2026.", [2026], "guard"),
    ("Texas reported 40 cases; New York, 12, and New Jersey, 9.", [12, 9], "guard"),
    ("The Series 5 went on sale in Seoul on Friday.", [5], "guard"),
    ("Apple unveiled the iPhone 15 in Cupertino last September.", [15], "guard"),
    ("The A320 remains the best-selling jet in the Airbus range.", [320], "guard"),
    ("Protesters gathered outside the shop at 14 Rue de Rivoli on Saturday.", [14], "guard"),
    ("Tourists queued for hours at 221B Baker Street.", [221], "guard"),
    ("Arsenal won 3-1 at the Emirates on Saturday.", [3, 1], "guard"),
    ("The spending bill passed 218-214 after a night of talks in Washington.", [218, 214], "new"),
    ("The tribunal in Karlsruhe ruled 5-3 that the 2,400-page law stood.", [5, 3], "guard"),
    ("Nurse Ana Ruiz was one of the people who stayed behind.", [1], "guard"),
    ("Verstappen finished second for the third time this season.", [2, 3], "guard"),
    ("The flood of 1953 is still remembered in Zeeland.", [1953], "guard"),
    ("The Nasdaq 100 fell 2% on Tuesday.", [100], "guard"),
    ("Prices in Lagos are 3 times higher than a year ago.", [3], "guard"),
    ("Patients take the tablet three times a day.", [3], "guard"),
    ("The toll rose 10 times in a week.", [10], "guard"),
]

# a price beside an index is no index level (these held before this change: guards)
NOT_LEVELS = [
    "Gold rose to 2,345.10 an ounce as the dollar index fell.",
    "The benchmark test gave the chip a score of 1,204.5 per core.",
]


@pytest.mark.parametrize("text", NOT_LEVELS)
def test_a_price_is_no_index_level(text):
    assert [c for c in extract(text, "t.txt") if c.unit == "index point"] == []  # fmt: skip


@pytest.mark.parametrize("text,values,status", NOT_COUNTS, ids=[n[0][:40] for n in NOT_COUNTS])
def test_a_number_that_names_is_no_count(text, values, status):
    claims = extract(text, "t.txt", "2026-03-12")
    counts = [c.value for c in claims if c.kind in ("count", "age", "number")]
    assert not set(counts) & set(values), found(text)


def test_an_age_needs_a_plainly_named_person():  # guard: held before this change
    # "New York, 12, and": a list of counts by place, no age; "Smith, 45," alone: no claim
    for text in ("Texas reported 40 cases; New York, 12, and New Jersey, 9.",
                 "Smith, 45, declined to comment on the ruling."):  # fmt: skip
        assert [c for c in extract(text, "t.txt") if c.kind == "age"] == []


@walks("occasion_times_after")
@pytest.mark.parametrize("word", LEX["occasion_times_after"])
def test_times_before_these_count_occasions(word):
    c = the(f"The Tenby lifeboat launched 14 times {word} the winter gales.", "14 times")
    assert (c.kind, c.value) == ("count", 14)


@walks("move_words")
@pytest.mark.parametrize("word", LEX["move_words"])
def test_a_move_of_points(word):
    c = the(f"The Kospi closed {word} 31.20 points on Monday.", "31.20 points")
    assert (c.kind, c.unit, c.role) == ("measure", "index point", "change")


@walks("market_index_words")
@pytest.mark.parametrize("word", LEX["market_index_words"])
def test_a_level_of_an_index(word):
    c = the(f"The {word} closed at 7,215.32 on Friday.", "7,215.32")
    assert (c.kind, c.unit, c.role) == ("measure", "index point", "value")


@walks("appositive_age_tellers")
@pytest.mark.parametrize("word", LEX["appositive_age_tellers"])
def test_an_age_after_a_teller_and_a_name(word):
    c = the(f"“The water rose fast,” {word} Maria Lopez, 52.", "52")
    assert (c.kind, c.value) == ("age", 52)


@walks("appositive_age_after")
@pytest.mark.parametrize("word", LEX["appositive_age_after"])
def test_an_age_before_these(word):
    c = the(f"Maria Lopez, 52, {word} lived by the river in Tlacotalpan.", "52")
    assert (c.kind, c.value) == ("age", 52)
