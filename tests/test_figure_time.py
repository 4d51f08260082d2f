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
