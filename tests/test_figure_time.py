"""The time a figure holds (factcheck/extract/figure_time.py), read through the extractor."""

import pytest

from factcheck.extract import extract


def times(text: str, published: str | None) -> list[tuple[str, str | None, str | None]]:
    return [
        (c.text, c.time, c.time_source)
        for c in extract(text, "a.txt", published)
        if c.kind != "date"
    ]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # an event date names the quake, not the time the toll holds
        ("73,000 people died in the October 8 quake.", "2005-11-03", ("2005-11-03", "published")),
        (
            "Police killed 40 people in the 2014 offensive.",
            "2016-05-01",
            ("2016-05-01", "published"),
        ),
        # an explicit time of the figure's own clause
        ("There were 5,000 troops in the country in 2016.", "2018-01-01", ("2016", "text")),
        ("By May 12, 2008 some 9,000 people had died.", "2008-05-20", ("2008-05-12", "text")),
        # "since" starts a period: the figure holds now
        ("Since August 8, 300 people have died.", "2018-08-20", ("2018-08-20", "published")),
        ("Since May last year 300 people have died.", "2018-08-20", ("2018-08-20", "published")),
        (
            "Officials said 17 people had died since the storm struck on September 3.",
            "2025-09-06",
            ("2025-09-06", "published"),
        ),
        ("The company hired 300 people last year.", "2018-08-20", ("2017", "text")),
        # the dateline dates the article; its time of day is in the publication date
        (
            "ABERLEY, July 13 (Delta Wire) - The floods have killed 1,690 people.",
            "2025-07-13T19:00",
            ("2025-07-13T19:00", "published"),
        ),
        ("The floods have killed 1,690 people.", None, (None, None)),
        # a date and "when" open a clause of what happened then, even after "since"
        (
            "It was the worst storm to hit the port since 1987, when winds reached 185 km/h.",
            "2025-11-22",
            ("1987", "text"),
        ),
        (
            "The river last rose this high in March 2011, when floods forced 3,400 people "
            "from their homes.",
            "2024-02-02",
            ("2011-03", "text"),
        ),
    ],
)
def test_figure_time(text, published, expected):
    [(_, time, source)] = times(text, published)
    assert (time, source) == expected


THU = "2026-03-05"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a month named alone is of the publication year, or the year before when it is
        # still to come; a plan names no time
        (
            "Inflation eased to 2.8% in February from 3.1% in January, the statistics "
            "office said on Tuesday.",
            [("2.8%", "2026-02"), ("3.1%", "2026-01")],
        ),
        ("Police said 1,057 people were arrested in March.", [("1,057 people", "2026-03")]),
        ("By October, some 4,000 homes had been rebuilt.", [("some 4,000 homes", "2025-10")]),
        ("The plant will open in May, creating 3,000 jobs.", [("3,000 jobs", THU)]),
        # "two years ago" is a year; a year of a comparison's baseline dates nothing
        (
            "Two years ago the clinic saw 300 patients a week; it now sees 1,100.",
            [("300 patients", "2024"), ("1,100", THU)],
        ),
        (
            "In the first quarter, the airline carried 8.2 million passengers, 12% more "
            "than in the same period last year.",
            [("8.2 million passengers", THU), ("12%", THU)],
        ),
        ("Exports were 14% higher than in 2019.", [("14%", THU)]),
        ("More than 3,000 people died in 2019.", [("More than 3,000 people", "2019")]),
        # "last month" is the month before publication
        ("Exports totalled $41.3 billion last month.", [("$41.3 billion", "2026-02")]),
        ("The plant will hire 3,000 people next month.", [("3,000 people", THU)]),
        ("Donors pledged $2.6 billion at this month's conference.", [("$2.6 billion", THU)]),
        # a relative year right after its figure is its own, not a month named before it
        (
            "The agency in Lyon added 1,250 jobs in February, for a cumulative 3,900 this "
            "year.",
            [("1,250 jobs", "2026-02"), ("3,900", "2026")],
        ),
        (
            "Exports from Gdańsk fell 4% in January but are up 11% so far this year.",
            [("4%", "2026-01"), ("11%", "2026")],
        ),
    ],
)
def test_months_named_alone_relative_years_and_baselines(text, expected):
    assert [(t, time) for t, time, _ in times(text, THU)] == expected


def test_a_dateline_without_a_publication_date_still_dates_the_figure():
    [(_, time, source)] = times("ABERLEY, July 13, 2025 - The floods killed 1,690 people.", None)
    assert (time, source) == ("2025-07-13", "text")


def test_a_when_clause_dates_only_its_own_figures():
    found = times(
        "Gusts reached 150 km/h on November 24, the most since 1987, when they hit 185 km/h; "
        "some 2,300 homes lost power.",
        "2025-11-25",
    )
    assert [(text, time) for text, time, _ in found] == [
        ("150 km/h", "2025-11-24"),
        ("185 km/h", "1987"),
        ("some 2,300 homes", "2025-11-25"),
    ]


# Issue 25: a figure's own day and hour, read from its clause. The articles are of
# Thursday, March 5, 2026, unless a row says otherwise; Tuesday is March 3.
THU = "2026-03-05"
THU_EVENING = "2026-03-05T19:30"


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # wire: a fronted day
        ("On Tuesday, the mayor said 41 homes were flooded in Kessel Row.", THU, "2026-03-03"),
        # local paper: the day after the verb
        (
            "Volunteers from the Alder Street food bank handed out 1,250 parcels on Monday.",
            THU,
            "2026-03-02",
        ),
        # broadcaster: relative days
        ("Police in Wrexford arrested 57 people yesterday after the match.", THU, "2026-03-04"),
        (
            "Council inspectors said yesterday that 2,340 homes still had no heating.",
            THU,
            "2026-03-04",
        ),
        # a weekday a week back: Friday before a Thursday
        ("The county's ambulance crews answered 3,480 calls on Friday.", THU, "2026-02-27"),
        # the from/to pair: each figure takes its own day
        (
            "The death toll rose to 22 on Wednesday from 16 on Tuesday, the regional office said.",
            THU,
            "2026-03-04",
        ),
    ],
)
def test_a_day_named_in_the_clause_dates_the_figure(text, published, expected):
    [(_, time, source)] = times(text, published)[:1]
    assert (time, source) == (expected, "text")


@pytest.mark.parametrize(
    "text, published",
    [
        # the publication's own weekday is the publication day: the date with its hour
        ("On Thursday, Ostrava Fire said 1,400 firefighters were on duty.", THU_EVENING),
        ("Today, 2,300 people remain in the Penmor shelters.", THU),
        # a day that names an event is not the figure's time
        ("The toll from Tuesday's earthquake in the Aldor valley has risen to 24.", THU),
        ("Monday night's landslide in Talvern killed 18 people, rescuers say.", THU),
        # a plan or a forecast is no past day
        ("The council will vote next Monday on a plan to rehouse 400 families.", THU),
        ("Forecasters expect up to 60 mm more rain by Saturday in the Brask hills.", THU),
        # a span of days: a total as of the report
        (
            "More than 14,000 people were evacuated on Friday night and Saturday, officials said.",
            THU,
        ),
        # "last week" is no day
        ("Some 9,400 people fled the fighting last week, a UN tally showed.", THU),
        # without a day of publication a weekday dates nothing
        ("On Tuesday, the mayor said 41 homes were flooded.", "2026-03"),
    ],
)
def test_what_names_no_day_of_a_figure_leaves_the_publication_date(text, published):
    [(_, time, source)] = times(text, published)[:1]
    assert (time, source) == (published, "published")


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # clock times, American and British
        ("By 6 p.m., 1,690 people had been confirmed dead.", THU, "2026-03-05T18:00"),
        ("The agency put the toll at 1,610 at 18:00 local time.", THU, "2026-03-05T18:00"),
        ("At 7.30am some 310,000 homes were still without power.", THU, "2026-03-05T07:30"),
        # words of a time of day, at their fixed hours (lexicon: times_of_day)
        ("By nightfall the toll had reached 1,420, officials said.", THU, "2026-03-05T19:00"),
        ("The blaze had burned 11,000 acres by Monday morning.", THU, "2026-03-02T09:00"),
        ("Officials said 300 homes lost power last night.", THU, "2026-03-04T22:00"),
        ("This morning 2,140 people were confirmed dead.", THU_EVENING, "2026-03-05T09:00"),
        # an hour and a day of the same clause go together
        (
            "Rescuers had pulled 38 people from the water by 9 a.m. on Sunday.",
            THU,
            "2026-03-01T09:00",
        ),
        (
            "The toll stood at 16 on Tuesday evening, the district office said.",
            THU,
            "2026-03-03T19:00",
        ),
        ("At noon on March 3 the river gauge read 4.2 metres.", THU, "2026-03-03T12:00"),
    ],
)
def test_an_hour_in_the_clause_orders_same_day_updates(text, published, expected):
    [(_, time, source)] = times(text, published)[:1]
    assert (time, source) == (expected, "text")


@pytest.mark.parametrize(
    "text, published",
    [
        # an hour after the publication's own is a plan, not a time: the publication date
        ("Officials expect 2,000 more people to reach the camp by nightfall.", "2026-03-05T12:00"),
        ("Crews hope to restore power to 40,000 homes by 6 p.m.", "2026-03-05T12:00"),
        # an hour that starts a period
        ("Since 6 a.m., 420 people have been rescued from the rooftops.", THU),
        # "at night" is a habit, not an hour
        ("The shelter at Penmor takes in 120 people at night.", THU),
    ],
)
def test_an_hour_that_is_no_time_of_the_figure_is_not_read(text, published):
    [(_, time, source)] = times(text, published)[:1]
    assert (time, source) == (published, "published")


def test_two_updates_of_one_day_are_successive():
    early = times("The floods had killed 1,420 people by 9 a.m., the agency said.", "2026-07-13")
    late = times("By 6 p.m. the floods had killed 1,690 people, the agency said.", "2026-07-13")
    assert early[0][1] < late[0][1] and early[0][1][:10] == late[0][1][:10] == "2026-07-13"


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a date inside a relative clause is not the time of a figure outside it
        ("The factory, which was built in 1975, has 220 staff.", THU, [THU]),
        (
            "The Harbour Road clinic, which opened in 2019, treated 4,300 patients last month.",
            THU,
            ["2026-02"],
        ),
        ("Ms Okafor, who joined the board in 2019, said the fund held £1.4bn.", THU, [THU]),
        ("The 120 nurses who joined the ward in 2021 have all left the trust.", THU, [THU]),
        (
            "Lowhaven, where the sea wall was rebuilt in 1998, now has 3,100 homes at risk.",
            THU,
            [THU],
        ),
        ("The shelter, which opened on Monday, holds 400 people.", THU, [THU]),
        # ... and the figure inside the relative clause still takes it
        (
            "The plant, which employed 3,000 people in 1990, now has 220 staff.",
            THU,
            ["1990", THU],
        ),
        (
            "The storm, which struck on Friday night with gusts of 160 km/h, killed three people.",
            THU,
            ["2026-02-27T22:00", THU],
        ),
        # a toll is as of the report, not of the "when" clause naming the event
        (
            "Nineteen people died when the hillside collapsed on Monday night.",
            THU,
            [THU],
        ),
        # a date outside the relative clause still dates the figure
        (
            "Nurses who joined the ward in 2019 treated 340 patients on Monday.",
            THU,
            ["2026-03-02"],
        ),
    ],
)
def test_a_relative_clause_keeps_its_date(text, published, expected):
    assert [time for _, time, _ in times(text, published)] == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # the date of a founding dates its own phrase, no figure after a comma or "and"
        ("The mill was built in 1979 and had 40 staff when it closed.", THU, [THU]),
        ("The Kelso Road school, founded in 1921, now teaches 640 pupils.", THU, [THU]),
        ("The mill, built in 1979, employed 40 people until it closed.", THU, [THU]),
        ("The factory was set up in 1975, but today it has 2,200 staff.", THU, [THU]),
        (
            "Ms Ndlovu, born in 1961 in Bulawayo, said the fund held £4.2bn on Monday.",
            THU,
            ["2026-03-02"],
        ),
        # ... and a figure inside the phrase still takes it
        ("The co-operative was founded in 1979 with 12 members.", THU, ["1979"]),
        (
            "The bridge, completed in 1998 at a cost of €40 million, carries 45,000 cars a day.",
            THU,
            ["1998", THU],
        ),
    ],
)
def test_a_founding_date_dates_only_its_own_phrase(text, published, expected):
    assert [time for _, time, _ in times(text, published)] == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a running total since an event holds now, however far back the date
        (
            "The agency said 1,240 people had been moved since the dam failed on March 9.",
            "2026-05-12",
            ["2026-05-12"],
        ),
        (
            "Since the old earthen dam above the village of Talvern failed on March 9, "
            "1,240 people have left the valley.",
            "2026-05-12",
            ["2026-05-12"],
        ),
        (
            "Ever since the mine flooded in April 2019, 640 families have drawn river water.",
            "2026-05-12",
            ["2026-05-12"],
        ),
        (
            "Some 86,000 people have signed the petition since it opened on Tuesday.",
            THU,
            [THU],
        ),
        ("Since the strike began on 2 February, 48,000 rail staff have lost pay.", THU, [THU]),
        # "until" bounds a period
        (
            "Until the barrier was finished in 2019, the river flooded 300 homes a year.",
            THU,
            [THU],
        ),
        # a figure inside the since clause takes its date; one outside holds now
        (
            "The toll has doubled to 80 since the storm killed 40 people on Monday.",
            THU,
            [THU, "2026-03-02"],
        ),
        # a date after the since clause is the figure's own again
        (
            "Since the quake, 2,100 families have been rehoused, the ministry said on Tuesday.",
            THU,
            ["2026-03-03"],
        ),
    ],
)
def test_a_since_clause_is_a_baseline(text, published, expected):
    assert [time for _, time, _ in times(text, published)] == expected


def test_every_day_word_of_the_lexicon_passes_the_fast_test():
    """`day_time.may_name_day` skips sentences without a cue word: a word added to the
    lexicon's day lists must hold one, or its sentences are never searched."""
    from factcheck.extract import day_time, figure_time
    from factcheck.vocab.lexicon import LEX

    words = [*LEX["weekdays"], *LEX["relative_days"], *LEX["times_of_day"], *LEX["hour_words"]]
    assert all(day_time.may_name_day(w.title()) for w in words)
    openers = [*LEX["own_clause_openers"], *LEX["baseline_clause_openers"]]
    assert all(any(c in w for c in figure_time.OWN_CUES) for w in openers)
