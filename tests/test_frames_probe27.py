"""Frames on real reporting shapes (issue 27): the time, speaker and role of figures in
sentences written in the habits of wire services, business desks, local papers and
broadcasters. Each case was wrong before: a time that put an earlier figure next to the
current one, a span of years read as its first year, a period's month missed, a noun read
as a speaker. When unsure the frame says less (None)."""

from __future__ import annotations

import pytest

from factcheck.extract import extract

PUB = "2026-03-12"  # a Thursday

# (sentence, the figure's text start, (time, source))
TIMES = [
    # a figure dated a span before the sentence's own time
    (
        "The death toll from the floods in Vălenii rose to 147 on Wednesday, up from 112 a day"
        " earlier, the civil protection agency said.",
        "112",
        ("2026-03-10", "text"),
    ),
    (
        "Some 4,812 new cases were recorded in the week to Sunday, up from 3,977 the week before,"
        " the health agency said.",
        "3,977",
        ("2026-03-01", "text"),
    ),
    (
        "Cases rose to 8,400 in the week to March 1, from 6,900 the previous week, data from the"
        " UKHSA show.",
        "6,900",
        ("2026-02-22", "text"),
    ),
    (
        "Police recorded 1,320 knife offences in 2025, compared with 1,190 the year before.",
        "1,190",
        ("2024", "text"),
    ),
    (
        "Burglaries fell to 24,600 in 2025, from 26,100 the previous year.",
        "26,100",
        ("2024", "text"),
    ),
    (
        "The trade deficit narrowed to $4.2 billion in January from $5.9 billion a year earlier.",
        "$5.9",
        ("2025-01", "text"),
    ),
    (
        "Unemployment stood at 5.9% in February, against 6.3% a year earlier, Istat said.",
        "6.3%",
        ("2025-02", "text"),
    ),
    (
        "The firm's revenue in fiscal 2024 was $8.8 billion; a year earlier, it was $8.1 billion.",
        "$8.1",
        ("2023", "text"),
    ),
    ("In 2023, the city recorded 312 homicides; the year before, 355.", "355", ("2022", "text")),
    (
        "The number of migrants arriving fell to 4,100 in January from 6,700 in December, the"
        " interior ministry said, compared with 8,200 a year earlier.",
        "8,200",
        ("2025-01", "text"),
    ),
    (
        "Stocks in Seoul fell 2.1% on Monday after falling 1.4% the previous day.",
        "1.4%",
        ("2026-03-08", "text"),
    ),
    (
        "The tally reached 5,000 on Thursday; a week earlier it stood at 3,200.",
        "3,200",
        ("2026-03-05", "text"),
    ),
    (
        "The death toll rose to 312 by Friday, up from 280 two days earlier, the Red Cross said.",
        "280",
        ("2026-03-04", "text"),
    ),
    (
        "Some 1,600 flights were cancelled on Sunday, after 2,300 the day before.",
        "2,300",
        ("2026-03-07", "text"),
    ),
    # a clause a count of units and "after" open happened that span before
    (
        "The mercury hit 46.7C in Jacobabad on Saturday, a day after it reached 45.9C.",
        "45.9C",
        ("2026-03-06", "text"),
    ),
    (
        "The number of dead stood at 1,134 on Sunday, a day after the government put it at 980.",
        "980",
        ("2026-03-07", "text"),
    ),
    (
        "The index closed at 5,120 on Friday, two days before it fell to 4,900.",
        "4,900",
        ("2026-03-08", "text"),
    ),
    # an adjective of an earlier period
    (
        "The company posted a loss of $210 million in the quarter to June, compared with a"
        " profit of $95 million in the prior-year period.",
        "$95",
        ("2024-06", "text"),
    ),
    (
        "Shipments reached 2.3 million phones in the quarter to June, against 1.9 million in the"
        " year-earlier quarter.",
        "1.9 million",
        ("2024-06", "text"),
    ),
    # a vote's figures are of its day
    ("Turnout in the 2021 election was 76.6%; this time it was 82.5%.", "76.6%", ("2021", "text")),
    # counted back from nothing: unknown, not the publication date of the current figure
    ("A year earlier, the unemployment rate in Łódź was 3.5%.", "3.5%", (None, None)),
    (
        "The bank reported a net profit of 3,420 million kronor, up from 2,960 million kronor a"
        " year earlier.",
        "2,960",
        (None, None),
    ),
    ("Attendance was 41,200, against 38,900 the previous season.", "38,900", (None, None)),
    # a period named by the month it ends in
    (
        "The unemployment rate rose to 4.6% in the three months to January, up from 4.4% in the"
        " previous quarter, the statistics office said.",
        "4.4%",
        ("2025-10", "text"),
    ),
    (
        "Net profit at Valbrenna Group rose to €1,240 million in the quarter to December, from"
        " €980 million a year earlier.",
        "€1,240",
        ("2025-12", "text"),
    ),
    (
        "Net profit at Valbrenna Group rose to €1,240 million in the quarter to December, from"
        " €980 million a year earlier.",
        "€980",
        ("2024-12", "text"),
    ),
    ("Pre-tax profit for the year to March was £2,150 million.", "£2,150", ("2025-03", "text")),
    (
        "House prices rose 4.2% in the year to February, Nationwide said.",
        "4.2%",
        ("2026-02", "text"),
    ),
    (
        "Crime fell 6% in the year to September, with 5.1 million offences recorded, the ONS said.",
        "5.1 million",
        ("2025-09", "text"),
    ),
    # a period reported on has ended: not the March 31 to come
    (
        "In the fiscal year ended March 31, net income at Kōbe Steelworks was ¥1.2 trillion.",
        "¥1.2",
        ("2025-03-31", "text"),
    ),
    # a span of years is no time of one figure
    (
        "Prosecutors said the scheme defrauded 1,420 investors of $71 million between 2018 and"
        " 2022.",
        "$71",
        (PUB, "published"),
    ),
    ("Total costs for 2019-2023 were $4.1 billion.", "$4.1", (PUB, "published")),
    ("The 2024-25 budget allocates $12 billion to health.", "$12", (PUB, "published")),
    ("The fund paid out €300,000 in 2019 and 2020.", "€300,000", (PUB, "published")),
    (
        "Her lawyer said she had repaid £12,000 in June and a further £8,000 two months later.",
        "£8,000",
        ("2025-08", "text"),
    ),
    (
        "The company, which employed 4,000 people a year earlier, now has 3,100.",
        "4,000",
        (None, None),
    ),
    # the same period last year is the time of the figure next to it only
    (
        "Profit before tax was $2.4 billion in the third quarter, versus $1.9 billion in the same"
        " period last year.",
        "$2.4",
        (PUB, "published"),
    ),
    (
        "Profit before tax was $2.4 billion in the third quarter versus $1.9 billion in the same"
        " period last year.",
        "$2.4",
        (PUB, "published"),
    ),
]

# (sentence, the figure's text start, speaker)
SPEAKERS = [
    (
        "Jobless claims rose by 12,000 to 231,000 in the week ended March 7, the Labor Department"
        " said.",
        "231,000",
        "the Labor Department",
    ),
    ("Jobless claims were 219,000 in the week ended February 28.", "219,000", None),
    (
        "Retail sales fell 0.7% in January from December, according to figures released on"
        " Tuesday.",
        "0.7%",
        None,
    ),
    (
        "Retail sales rose 2.1% in the quarter to December, according to data from the statistics"
        " bureau.",
        "2.1%",
        "the statistics bureau",
    ),
    (
        "Inflation was 4.4% in the year to January, according to figures published by the central"
        " bank.",
        "4.4%",
        "the central bank",
    ),
    (
        "The number of dead stood at 1,134 on Sunday, a day after the government put it at 980.",
        "1,134",
        None,
    ),
    (
        "Authorities said 14 people were killed and 47 injured; a day earlier they had reported"
        " 9 deaths.",
        "9 deaths",
        "Authorities",
    ),
    ("The previous day's toll of 61 was revised to 58.", "61", None),
    (
        "The mayor of Chişinău won 54.3% of the vote, according to official results released on"
        " Monday.",
        "54.3%",
        None,
    ),
]


def _figure(text: str, start: str):
    found = [c for c in extract(text, "a.txt", PUB) if c.kind != "date"]
    return next(c for c in found if c.text.startswith(start))


@pytest.mark.parametrize(("text", "start", "want"), TIMES)
def test_time(text, start, want):
    c = _figure(text, start)
    assert (c.time, c.time_source) == want


@pytest.mark.parametrize(("text", "start", "want"), SPEAKERS)
def test_speaker(text, start, want):
    assert _figure(text, start).speaker == want


# guards, right before and after: a baseline, a phrase that is no time of a figure
KEPT = [
    ("Output rose 1.4% in the quarter through September.", "1.4%", ("2025-09", "text")),
    ("Profits rose 18% to $3.4 billion from a year earlier.", "$3.4", (PUB, "published")),
    ("Sales rose 11% on a year earlier to £912 million.", "£912", (PUB, "published")),
    (
        "The government said 2,400 people were evacuated a day before the storm.",
        "2,400",
        (PUB, "published"),
    ),
    ("The firm had 4,000 staff a year earlier than planned.", "4,000", (PUB, "published")),
    (
        "Last year, the court handled 12,400 cases, 9% more than the year before.",
        "12,400",
        ("2025", "text"),
    ),
    (
        "The company expects revenue of $9.5 billion for the year to March.",
        "$9.5",
        (PUB, "published"),
    ),
    ("Sales hit 300 on 2024-03-05.", "300", ("2024-03-05", "text")),
    ("Two years after the war ended, 300,000 refugees returned.", "300,000", (PUB, "published")),
]


@pytest.mark.parametrize(("text", "start", "want"), KEPT)
def test_kept(text, start, want):
    c = _figure(text, start)
    assert (c.time, c.time_source) == want


@pytest.mark.parametrize(
    "text",
    [
        "Unemployment fell to 4.1%, Statistics Norway said.",
        "Unemployment fell to 4.1%, the statistics office said.",
    ],
)
def test_a_statistics_office_is_a_speaker(text):
    assert _figure(text, "4.1%").speaker is not None


@pytest.mark.parametrize("noun", ["election", "vote", "referendum"])
def test_a_date_before_a_vote_dates_its_figure(noun):
    c = _figure(f"Turnout in the 2021 {noun} in Ústí nad Labem was 76.6%.", "76.6%")
    assert (c.time, c.time_source) == ("2021", "text")
