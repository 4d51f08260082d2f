"""The publication date read from an article's header (factcheck/extract/datelines.py,
through `documents.find_published`): stamps, wire datelines, date lines and bylines, in
the habits of wires, local papers and broadcasters; never a caption or the story's text."""

import json

import pytest

from factcheck.documents import find_published, read_document

BODY = "Water from the breached canal flooded 41 homes in the low-lying wards, officials said."


@pytest.mark.parametrize(
    "head, date",
    [
        (
            "Canal breach floods Pune wards\n\nPUNE, March 3 (PTI) - " + BODY + "\n© 2026 PTI",
            "2026-03-03",
        ),
        (
            "Fuel queues lengthen\nLAGOS, Aug 9 (Reuters) - Queues ran 2 km.\n© 2023 Reuters",
            "2023-08-09",
        ),
        ("Canal breach\nPUNE, March 3, 2026 (PTI) - " + BODY, "2026-03-03"),
        ("Farmers march\nBHOPAL, 13 February 2019 — Some 250,000 farmers joined.", "2019-02-13"),
        ("Storm\nMARROWBY, Nov 22, 2025 (Coastline Wire) - Gusts hit 160 km/h.", "2025-11-22"),
        ("Militia\nARDEN, 2019-09-10 — The Northern Guard has 60,000 fighters.", "2019-09-10"),
        (
            "Quake\nSAN JUAN, Puerto Rico, Jan. 7, 2026 (AP) — The quake damaged 800 homes.",
            "2026-01-07",
        ),
        # the place's country and the agency before a dash, then the date
        (
            "Garrison shrinks\nERBIL, Iraq — January 14, 2018 — The base holds 1,250 troops.",
            "2018-01-14",
        ),
        ("Clinic\nNAIROBI, Kenya (AP) — March 3, 2024 — Some 4,500 people fled.", "2024-03-03"),
        ("Clinic\nKANO (Wire) - 3 March 2024 - Some 4,500 people fled.", "2024-03-03"),
        # a place with letters beyond ASCII
        ("Bank\nZÜRICH, 2024-06-03 — The bank will cut 4,000 jobs.", "2024-06-03"),
        ("Bank\nZürich, 3 June 2024 — The bank will cut 4,000 jobs.", "2024-06-03"),
        # a place in title case, as some outlets write it
        ("Garrison\nErbil, Jan. 14, 2018: The base holds 1,250 troops.", "2018-01-14"),
        ("Port\nPort Harcourt, Nigeria, 3 March 2024 — Some 4,500 fled.", "2024-03-03"),
        # a dateline without a year takes the year of a stamp of the header
        ("Canal breach\nUpdated: 04 Mar 2026\nPUNE, March 3 (PTI) - " + BODY, "2026-03-04"),
        ("Canal breach\nNEW DELHI, March 3 (IANS): " + BODY + "\nCopyright 2026", "2026-03-03"),
    ],
)
def test_wire_datelines(head, date):
    assert find_published(head) == date


@pytest.mark.parametrize(
    "line",
    [
        "In Kano, March 3, 2024 - Some 4,500 people fled.",
        "NAIROBI, Kenya (AP) — Some 4,500 people fled on March 3, 2024.",
        "NAIROBI (AP) — March 3 was the day 4,500 people fled.",
    ],
)
def test_a_sentence_is_no_dateline(line):
    assert find_published("Clinic\n" + line) is None


@pytest.mark.parametrize(
    "head, date",
    [
        (
            "Ministers defend cuts\nBy Tom Hale\nUpdated: 7:41PM GMT 21/06/2011\nThe cuts...",
            "2011-06-21T19:41",
        ),
        ("Town hall roof\nPublished 3 March 2026\nThe council approved £1.2m.", "2026-03-03"),
        ("Roof\nLast Updated : 03 Mar 2026, 02:20 PM IST\n" + BODY, "2026-03-03T14:20"),
        ("Roof\nFirst published on Tue 3 Mar 2026 14.20 GMT\n" + BODY, "2026-03-03T14:20"),
        ("Roof\nPosted: December 2, 2025 at 10:41 a.m. EST\n" + BODY, "2025-12-02T10:41"),
        ("Roof\nPublished 2019-04-05T10:00\n" + BODY, "2019-04-05T10:00"),
        # several stamps: the text is as of the last update
        (
            "Roof\nPublished: March 3, 2026 | Updated: March 4, 2026 8:05 a.m.\n" + BODY,
            "2026-03-04T08:05",
        ),
        # a stamp wins over a dateline
        ("Roof\nUpdated 5 March 2026\nPUNE, March 3, 2026 (PTI) - " + BODY, "2026-03-05"),
    ],
)
def test_stamp_lines(head, date):
    assert find_published(head) == date


@pytest.mark.parametrize(
    "head, date",
    [
        # one reading only: a part above 12, or both parts alike
        ("Flood warning\n3/3/2026\n" + BODY, "2026-03-03"),
        ("Flood warning\n21/06/2011 10:15\n" + BODY, "2011-06-21T10:15"),
        ("Flood warning\n06/21/2011\n" + BODY, "2011-06-21"),
        # the outlet's order from its time zone
        ("Flood warning\n03/04/2026 09:15 GMT\n" + BODY, "2026-04-03T09:15"),
        ("Flood warning\n03/04/2026 09:15 EST\n" + BODY, "2026-03-04T09:15"),
        # ... or from another numeric date of the header that reads one way only
        ("Flood warning\n03/04/2026\nFirst published 14/03/2026\n" + BODY, "2026-03-14"),
        ("Flood warning\nPublished 03/04/2026 | Updated 03/14/2026\n" + BODY, "2026-03-14"),
        # otherwise say less: the year alone
        ("Flood warning\n03/04/2026\n" + BODY, "2026"),
        ("Flood warning\nUpdated: 05.06.2026\n" + BODY, "2026"),
    ],
)
def test_numeric_dates(head, date):
    assert find_published(head) == date


@pytest.mark.parametrize(
    "head, date",
    [
        ("Title\n\nDec 02, 2017\n  • Print", "2017-12-02"),
        ("Skip to Content\n\nJanuary 3, 2020 » Today News »", "2020-01-03"),
        ("Title\nFriday, 30 November 2017\nBody", "2017-11-30"),
        (
            "Flood toll rises\nMarch 5, 2018 — The Valley floods have killed 15 people.",
            "2018-03-05",
        ),
        (
            "Bridge opens\nMar 3, 2026, 2:20 PM ET\nThe bridge cost £640 million.",
            "2026-03-03T14:20",
        ),
        ("Bridge opens\nBy Ana Reyes | March 3, 2026\nThe bridge cost £640 million.", "2026-03-03"),
        (
            "Bridge opens\nBy Ana Reyes, Transport Editor · 4 March 2026\nThe bridge...",
            "2026-03-04",
        ),
        ("Bridge opens\n**Wednesday 4 March 2026**\nThe bridge cost £640 million.", "2026-03-04"),
    ],
)
def test_date_lines_and_bylines(head, date):
    assert find_published(head) == date


@pytest.mark.parametrize(
    "head",
    [
        # a photo caption near the top
        "Storm batters coast\nResidents wade through water in Marrowby on November 21, 2025. "
        "(Photo: Coastline Wire)\nThe storm cut power to 310,000 homes.",
        "Fuel queues\nFILE PHOTO: A fuel station in Lagos, Nigeria, August 9, 2023. "
        "REUTERS/Ana Obi\nQueues stretched for 2 km.",
        "Quake\nPhoto: March 4, 2026\nRescuers searched the rubble.",
        "Quake\nImage caption, Rescuers at work in Tarsen, 4 March 2026\nThe toll rose.",
        # a date in the story's text, even in its first line
        "Quake anniversary\nThe quake of March 3, 2016 killed 3,400 people.\nThe town rebuilt.",
        "Quake\nMarch 3, 2016 was the day the town fell silent; 3,400 died.",
        "Dam\nOn 9 March 2026 the dam failed, and 1,240 people have left since.",
        # a dateline without a year, and no year in the header: nothing is said
        "Fuel queues\nLAGOS, Aug 9 (Reuters) - Queues stretched for 2 km.",
        # a sentence that opens like a byline or a stamp
        "Quake\nBy March 3, 2026 some 9,000 people had died in the province.",
        "Border\nPosted guards said 300 people crossed on the night of March 3, 2026.",
        # a title with a date is no date line
        "March 3 rally draws 40,000\nThe rally filled the square.",
    ],
)
def test_what_is_no_publication_date(head):
    assert find_published(head) is None


def test_metadata_wins_over_the_dateline(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Canal breach\nPUNE, March 3, 2026 (PTI) - " + BODY, encoding="utf-8")
    assert read_document(str(path)).published == "2026-03-03"
    (tmp_path / "a.txt.meta.json").write_text(
        json.dumps({"published": "2026-03-04T08:00"}), encoding="utf-8"
    )
    assert read_document(str(path)).published == "2026-03-04T08:00"


@pytest.mark.parametrize(
    "head",
    [
        "Updated: 7:41PM GMT 31/02/2011\n\nAbout 1,200 people were evacuated.",
        "LAGOS, Feb 30, 2026 (Reuters) - About 1,200 people were evacuated.",
        "2025-04-31\n\nAbout 1,200 people were evacuated from Ibadan.",
    ],
)
def test_a_day_that_does_not_exist_is_no_publication_date(head):
    assert find_published(head) is None


def test_a_sidecar_with_a_day_that_does_not_exist_is_refused():
    from factcheck.documents import parse_metadata
    from factcheck.errors import InputError

    with pytest.raises(InputError, match="'published' is '2026-02-30'"):
        parse_metadata("a.txt.meta.json", b'{"published": "2026-02-30"}')
    assert parse_metadata("a.txt.meta.json", b'{"published": "2024-02-29"}')["published"] == (
        "2024-02-29"
    )
