"""Durations as news text writes them (issue 25): time frames ("the past nine days", "in 12
years", "within 48 hours"), parts of a unit ("half an hour", "a quarter of an hour"), a unit
with its article ("a fortnight", "less than a year"), with their qualifiers; and the forms
that stay what they were (ages, decades, ordinals, hyphenated terms, "two years ago").

The sentences are written for these tests in the habits of several kinds of outlet: wire
copy, local papers, broadcasters' web pages and business desks. The lexicon sections these
forms are built from are walked here too; `test_extract_lexicon.test_every_section_is_walked`
counts them.
"""

from __future__ import annotations

import pytest

from factcheck.extract import extract
from factcheck.vocab import units
from factcheck.vocab.lexicon import LEX

from .lexicon_walk import walks

HOUR, DAY, YEAR = 3600.0, 86400.0, units.CURATED["year"].factor


def durations(text: str) -> list:
    return [c for c in extract(text, "t.txt") if c.kind == "duration"]


def kinds(text: str) -> dict[str, str]:
    return {c.text: c.kind for c in extract(text, "t.txt") if c.kind not in ("date",)}


# sentence, the duration's text, value (or (low, high) of a range), unit, qualifier, seconds
POSITIVE = [
    # wire
    ("Rescue teams have been searching the collapsed tower for the past 36 hours, a fire "
     "brigade spokesman told reporters.", "36 hours", 36, "hour", "exact", 36 * HOUR),
    ("The central bank said it would publish the minutes within 48 hours of Thursday's "
     "decision.", "within 48 hours", 48, "hour", "at_most", 48 * HOUR),
    ("Talks in Geneva collapsed after almost two years of shuttle diplomacy, two diplomats "
     "said on Friday.", "almost two years", 2, "year", "nearly", 2 * YEAR),
    ("The rouble has weakened in each of the past nine days, according to exchange data.",
     "nine days", 9, "day", "exact", 9 * DAY),
    ("Investigators said the first 36 hours after the derailment were spent making 1,200 "
     "tonnes of chemicals safe.", "36 hours", 36, "hour", "exact", 36 * HOUR),
    ("The dockers' strike lasted less than eight hours, union officials said.",
     "less than eight hours", 8, "hour", "less_than", 8 * HOUR),
    ("The former minister faces between five to eight years in prison if convicted, "
     "prosecutors said.", "between five to eight years", (5, 8), "year", "range", None),
    ("Power was cut to 12,400 homes for nearly 16 hours, the utility said.",
     "nearly 16 hours", 16, "hour", "nearly", 16 * HOUR),
    ("The army said it had retaken the town within a fortnight of the offensive starting.",
     "within a fortnight", 1, "fortnight", "at_most", 14 * DAY),
    ("The ceasefire held for just under 48 hours before shelling resumed, the UN said.",
     "just under 48 hours", 48, "hour", "nearly", 48 * HOUR),
    # local papers
    ("Firefighters had the blaze at the Elm Street warehouse under control in a quarter of "
     "an hour.", "a quarter of an hour", 0.25, "hour", "exact", 900),
    ("Drivers on the A38 faced delays of half an hour on Saturday morning.",
     "half an hour", 0.5, "hour", "exact", 1800),
    ("The council meeting ran for an hour and a half before the vote on the bypass.",
     "an hour and a half", 1.5, "hour", "exact", 5400),
    ("Volunteers at the Bramley food bank have spent the last 150 days sorting donations.",
     "150 days", 150, "day", "exact", 150 * DAY),
    ("The old mill is expected to be demolished in 12 years, the parish council heard.",
     "12 years", 12, "year", "exact", 12 * YEAR),
    ("Residents of Marlow Road have been without a working lift for a fortnight.",
     "a fortnight", 1, "fortnight", "exact", 14 * DAY),
    ("The footbridge over the Avon was shut for three and a half days while engineers "
     "checked it.", "three and a half days", 3.5, "day", "exact", 3.5 * DAY),
    ("Bin collections in Hartley have been missed in the last 6 weeks, residents say.",
     "6 weeks", 6, "week", "exact", 42 * DAY),
    ("The café on the quay will open for half a day on Boxing Day.",
     "half a day", 0.5, "day", "exact", 0.5 * DAY),
    # broadcasters
    ("The head teacher told the programme that pupils had lost almost a year of lessons.",
     "almost a year", 1, "year", "nearly", YEAR),
    ("One patient waited more than 14 hours in A&E before being given a bed, the "
     "programme heard.", "more than 14 hours", 14, "hour", "more_than", 14 * HOUR),
    ("Voters told the station that the queue at the polling station took three-quarters "
     "of an hour.", "three-quarters of an hour", 0.75, "hour", "exact", 2700),
    ("The astronauts are due to return to Earth within the next six months, the space "
     "agency said.", "within the next six months", 6, "month", "at_most", YEAR / 2),
    ("The firefighters' union said crews had worked for the past 72 hours without a break.",
     "72 hours", 72, "hour", "exact", 72 * HOUR),
    ("Ministers have promised a decision on the third runway in less than a year.",
     "less than a year", 1, "year", "less_than", YEAR),
    ("Sirens sounded across the city for nearly 16 hours on Sunday, our correspondent "
     "reports.", "nearly 16 hours", 16, "hour", "nearly", 16 * HOUR),
    # business desks
    ("Shares in the retailer have fallen over the past 6 weeks, wiping £1.3bn off its value.",
     "6 weeks", 6, "week", "exact", 42 * DAY),
    ("The carmaker expects its new Ohio plant to break even in 20 months.",
     "20 months", 20, "month", "exact", 20 * YEAR / 12),
    ("The company has not paid a dividend in the past three years, its filing showed.",
     "three years", 3, "year", "exact", 3 * YEAR),
    ("The airline said its fleet was grounded for about four hours after an IT failure.",
     "about four hours", 4, "hour", "approx", 4 * HOUR),
    ("Under the agreement, the buyer has 28 days to complete its due diligence.",
     "28 days", 28, "day", "exact", 28 * DAY),
    ("The merger review could take between six to nine months, analysts said.",
     "between six to nine months", (6, 9), "month", "range", None),
    ("Inflation has stayed above the 2% target for more than a year.",
     "more than a year", 1, "year", "more_than", YEAR),
    ("Euro zone bond yields have not been this high in a quarter of a century.",
     "a quarter of a century", 0.25, "century", "exact", 25 * YEAR),
    ("The trading app said its services were down for half an hour on Monday, hitting "
     "1,800 customers.", "half an hour", 0.5, "hour", "exact", 1800),
    ("Within a day, 3,000 customers had moved their savings, the bank's rivals said.",
     "Within a day", 1, "day", "at_most", DAY),
    ("The broker's website was offline for a half-hour on Tuesday.",
     "a half-hour", 0.5, "hour", "exact", 1800),
    ("The chief executive, who has spent the last 150 days on a turnaround plan, said "
     "margins were improving.", "150 days", 150, "day", "exact", 150 * DAY),
]  # fmt: skip


@pytest.mark.parametrize(
    "text,span,value,unit,qualifier,seconds", POSITIVE, ids=[p[1] for p in POSITIVE]
)
def test_a_duration_is_read(text, span, value, unit, qualifier, seconds):
    found = [c for c in durations(text) if c.text == span]
    assert len(found) == 1, [(c.text, c.value) for c in durations(text)]
    c = found[0]
    assert (c.unit, c.qualifier, c.si_unit) == (unit, qualifier, "second")
    if isinstance(value, tuple):
        assert (c.value, c.low, c.high) == (None, *value)
    else:
        assert c.value == pytest.approx(value)
        assert c.si_value == pytest.approx(seconds)


# sentence, every claim it should give (text: kind), dates left out
NEGATIVE = [
    ("A 12-year-old boy was taken to hospital after the crash on the A40.",
     {"12-year-old": "age"}),
    ("House prices were far lower in the 1990s, the Land Registry said.", {}),
    ("In the 36th hour of the siege, police stormed the building.", {"36th": "rank"}),
    ("The shop has extended its opening hours in the run-up to Christmas.", {}),
    ("The bridge collapsed two years ago, killing 43 people.", {"43 people": "count"}),
    ("Three days later, divers recovered the bodies from the river.", {}),
    ("The 10-year Treasury yield rose to 4.21% on Tuesday.", {"4.21%": "percent"}),
    ("Residents have complained for years about the noise from the depot.", {}),
    ("Half an hour later the power came back on across the city.", {}),
    ("The choir meets once a fortnight in the village hall.", {}),
    ("The committee meets three times a fortnight during the budget round.", {}),
    ("A year after the flood, 230 families are still in temporary homes.",
     {"230 families": "count"}),
    ("Graduates earn £31,000 a year on average, the survey found.", {"£31,000": "money"}),
    ("The scheme will cost more than £30bn a decade, the watchdog warned.",
     {"more than £30bn": "money"}),
    ("Take the tablets twice a day with food, the leaflet says.", {}),
    ("The second half of the season was a disappointment for the club.", {}),
    ("A quarter of residents said they felt unsafe after dark.", {"A quarter": "percent"}),
    ("The economy grew 2.1% over a year, the statistics office said.", {"2.1%": "percent"}),
    ("Half a million people signed the petition.", {"Half a million people": "count"}),
    ("The mayor spent a day touring the flooded streets.", {}),
    ("A fortnight's rain fell on the town in a single afternoon.", {}),
    ("Opening hours at the tip will change from next week.", {}),
    # hyphenated terms stay the durations they were
    ("The council adopted a 10-year plan for the city centre.", {"10-year": "duration"}),
    ("The 24-hour news channel carried the speech live.", {"24-hour": "duration"}),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", NEGATIVE, ids=[n[0][:40] for n in NEGATIVE])
def test_what_is_no_duration_stays_so(text, expected):
    assert kinds(text) == expected


# --- the lexicon sections ------------------------------------------------------------


@walks("duration_qualifiers")
@pytest.mark.parametrize("word,qualifier", sorted(LEX["duration_qualifiers"].items()))
def test_a_duration_qualifier(word, qualifier):
    (c,) = durations(f"The agency must answer a complaint {word} 48 hours, the code says.")
    assert (c.text, c.value, c.qualifier) == (f"{word} 48 hours", 48, qualifier)


@walks("duration_qualifier_gaps")
@pytest.mark.parametrize("gap", LEX["duration_qualifier_gaps"])
def test_a_duration_qualifier_over_a_gap(gap):
    (c,) = durations(f"The 3,000 workers will be paid within {gap} 10 days, the firm said.")
    assert (c.text, c.value, c.qualifier) == (f"within {gap} 10 days", 10, "at_most")


def _a(unit: str) -> str:
    return "an" if unit[0] in "aeiouh" and unit != "hundred" else "a"


@walks("part_of_time_units")
@pytest.mark.parametrize("unit", LEX["part_of_time_units"])
def test_a_part_of_a_time_unit(unit):
    one = units.CURATED[unit].factor
    (c,) = durations(f"Crews needed half {_a(unit)} {unit} to reopen the road.")
    assert (c.value, c.unit, c.si_value) == (0.5, unit, pytest.approx(one / 2))
    (c,) = durations(f"The queue took a quarter of {_a(unit)} {unit} to clear.")
    assert (c.value, c.unit, c.si_value) == (0.25, unit, pytest.approx(one / 4))
    (c,) = durations(f"The 1,400 staff were furloughed for nearly {_a(unit)} {unit}.")
    assert (c.text, c.value, c.qualifier) == (f"nearly {_a(unit)} {unit}", 1, "nearly")


@walks("article_durations")
@pytest.mark.parametrize("unit", LEX["part_of_time_units"])
def test_a_unit_with_its_article_alone(unit):
    found = [c.text for c in durations(f"Repairs to the 1,900 homes took {_a(unit)} {unit}.")]
    assert found == ([f"{_a(unit)} {unit}"] if unit in LEX["article_durations"] else [])


@walks("rate_before_article")
@pytest.mark.parametrize("word", LEX["rate_before_article"])
def test_a_rate_is_no_duration(word):
    assert durations(f"The 4,000-member union meets {word} a fortnight.") == []


# a duration that frames a figure ("fell 14% over the past 6 weeks") takes none of the words
# the figure had when the frame was no claim: the subject stays the figure's
FRAMED = [
    ("Shares in the retailer have fallen 14% over the past 6 weeks, traders said.", "14%",
     {"shares", "retailer", "fallen"}),
    ("Investigators said the first 36 hours after the derailment were spent making 1,200 "
     "tonnes of chemicals safe.", "1,200 tonnes", {"derailment", "chemicals"}),
    ("Within 48 hours, the Mersey ferry operator had carried 3,400 stranded passengers.",
     "3,400 stranded passengers", {"ferry", "operator", "passengers"}),
]  # fmt: skip


@pytest.mark.parametrize("text,span,words", FRAMED, ids=[f[1] for f in FRAMED])
def test_a_time_frame_takes_no_words_from_the_figures_it_frames(text, span, words):
    found = {c.text: c for c in extract(text, "t.txt")}
    assert [c.kind for c in found.values() if c.kind == "duration"] == ["duration"]
    assert set(found[span].about.split()) >= words
