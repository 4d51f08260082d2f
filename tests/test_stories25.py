"""The stories of issue 25 (tests/stories25/): with no rules written, the planted errors
are found and the traps the claim frames guard are not, because each figure has the
right party, time and role."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.app import run
from factcheck.extract import extract

STORIES = Path(__file__).resolve().parent / "stories25"


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Each story run alone from its folder, with no rules (as a newcomer runs it)."""
    out = {}
    here = os.getcwd()
    for story in ("rally", "blaze"):
        db = tmp_path_factory.mktemp(story) / "f.db"
        os.chdir(STORIES / story)
        try:
            out[story] = run(["."], None, str(db))
        finally:
            os.chdir(here)
    return out


def findings(result) -> list[tuple[str, str, str, str]]:
    return sorted(
        (c.rule_id, c.check, Path(c.left.doc).stem, c.left.text) for c in result.conflicts
    )


def test_the_rally_reports_the_transposed_police_count_and_the_dispute(runs):
    assert findings(runs["rally"]) == [
        ("crowd", "disputed", "02_vennick_gazette", "about 60,000"),
        ("crowd", "outlier", "03_coast_radio", "81,000"),  # police against police
    ]
    [outlier] = [c for c in runs["rally"].conflicts if c.check == "outlier"]
    assert outlier.details["consensus"]["documents"] == [
        "01_harbour_wire.txt",
        "04_evening_ledger.txt",
        "05_fen_bulletin.txt",
    ]
    [dispute] = [c for c in runs["rally"].conflicts if c.check == "disputed"]
    assert dispute.status == "disputed"


def test_each_agent_of_a_passive_and_a_party_after_a_figure_give_their_own(runs):
    # "was put at 18,000 by police and at 60,000 by the organisers"; "far below the
    # 60,000 claimed by the dockers' union": read as one party, either would be that
    # party's outlier
    text = (STORIES / "rally" / "05_fen_bulletin.txt").read_text(encoding="utf-8")
    given = [(c.text, c.speaker) for c in extract(text, "05.txt") if c.value in (18000, 60000)]
    assert given == [
        ("18,000", "police"),
        ("60,000", "organisers"),
        ("18,000", None),
        ("60,000", "dockers' union"),
    ]


def test_the_blaze_reports_the_long_duration_and_the_fallen_injured_count(runs):
    assert findings(runs["blaze"]) == [
        ("duration", "split", "02_kelmar_post", "nearly 11 hours"),
        ("injured", "over_time", "05_health_weekly", "13"),
    ]


def test_the_toll_updated_by_the_hour_and_the_retold_toll_raise_nothing(runs):
    assert not [c for c in runs["blaze"].conflicts if c.rule_id == "deaths"]


def frame(story: str, doc: str, at: str):
    path = STORIES / story / f"{doc}.txt"
    published = __import__("json").loads(Path(f"{path}.meta.json").read_text())["published"]
    found = extract(path.read_text(encoding="utf-8"), doc, published)
    c = next(c for c in found if c.text.startswith(at) and c.kind not in ("date", "rank"))
    return c.speaker, c.role, c.time


@pytest.mark.parametrize(
    "story, doc, at, expected",
    [
        ("rally", "01_harbour_wire", "18,000", ("police", "value", "2026-04-11T18:30")),
        ("rally", "01_harbour_wire", "60,000", ("the organisers", "value", "2026-04-11T18:30")),
        ("rally", "02_vennick_gazette", "about 60,000", ("Organisers", "value", "2026-04-12")),
        ("rally", "02_vennick_gazette", "9,000", ("Police", "previous", "2026-04-12")),
        (
            "rally",
            "03_coast_radio",
            "62,000",
            ("dockers' union leader", "value", "2026-04-12T09:00"),
        ),
        ("rally", "04_evening_ledger", "60,000", ("organisers", "value", "2026-04-14")),
        ("blaze", "01_metro_wire", "4 people", ("officials", "value", "2026-05-04T07:00")),
        ("blaze", "02_kelmar_post", "9", ("the health ministry", "value", "2026-05-04T19:00")),
        ("blaze", "03_city_radio", "31", ("the health ministry", "value", "2026-05-05T07:30")),
        ("blaze", "04_daily_courier", "14 dead", ("The hospital", "previous", "2026-05-06T10:00")),
    ],
)
def test_each_deciding_statement_has_its_party_role_and_time(story, doc, at, expected):
    assert frame(story, doc, at) == expected
