"""Findings a reviewer reads (issue 25): figures in the articles' own units, splits that
name every side with none as "the" outlier, disputes listed and drawn by party, one count
of failing findings, and `agree: {ranges: same}` — each through the command line, on
articles written for these tests."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.vocab.shown import interval_in, range_in, shown_unit

from .helpers import claim

pytest.importorskip("factcheck.extract")

RULES = """\
rules:
  - id: krakow-outage
    title: Length of the Kraków grid outage
    select: {kind: duration, words: [outage]}
    agree: {tolerance: 0.15}
  - id: aero-pipeline
    title: Oil through the Ærøskøbing pipeline
    select: {words: [pipeline]}
    agree: {tolerance: 0.02}
  - id: sao-paulo-march
    title: People at the São Paulo march
    severity: error
    select: {kind: count, nouns: [people], words: [march]}
    agree: {tolerance: 0.1}
    attribution:
      parties:
        organisers: [organisers]
        police: [police]
  - id: zurich-evacuated
    title: People evacuated from Zürich
    severity: warning
    select: {kind: count, words: [evacuated]}
    agree: {tolerance: 0.05}
"""

ARTICLES = {  # one sentence a line, as an outlet's copy comes
    "kurier.txt": (
        "The grid outage that darkened Kraków's old town on Monday lasted 3.5 hours "
        "before engineers of the municipal utility restored power, a spokeswoman said.\n"
        "The Ærøskøbing pipeline carried 180,000 barrels a day before the leak was found "
        "by inspectors from the Danish energy agency on Tuesday.\n"
        "Organisers said 120,000 people joined the march through São Paulo on Sunday "
        "afternoon, the largest since 2016.\n"
        "Cantonal officials said 1,200 people were evacuated from Zürich after the Sihl "
        "burst its banks near the main station.\n"
    ),
    "gazette.txt": (
        "Engineers said the outage in Kraków lasted 4 hours, far longer than the utility "
        "had first admitted to the city council.\n"
        "Inspectors said the Ærøskøbing pipeline carried 182,000 barrels a day until the "
        "valve failed in the early hours of Wednesday.\n"
        "Police said 38,000 people joined the march through São Paulo, a fraction of the "
        "figure the organisers gave.\n"
        "City officials said 2,400 people were evacuated from Zürich as the water rose "
        "overnight in the districts along the river.\n"
    ),
    "wire.txt": (
        "Utility data show the outage across Kraków lasted 3.8 hours in the southern "
        "districts, according to the grid operator.\n"
    ),
}


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "news.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "news").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "news" / name).write_text(text, encoding="utf-8")
    return tmp_path


def run(*options: str):
    return CliRunner().invoke(
        cli, ["run", "news", "--db", "f.db", *options], catch_exceptions=False
    )


# -- the articles' own units ----------------------------------------------------------


def test_a_consensus_is_shown_in_the_unit_its_statements_use(newsroom):
    out = run("--format", "markdown").stdout
    # 3.5 hours, 3.8 hours and 4 hours agree within 15%: compared in seconds, shown in hours
    assert "12,600" not in out and "second" not in out
    data = json.loads(run("--format", "json").stdout)
    (split,) = [f for f in data["findings"] if f["rule_id"] == "zurich-evacuated"]
    assert split["check"] == "split"


def test_sides_and_consensus_keep_their_si_values_and_ids(newsroom):
    """Display only: the stored range and unit stay in SI, the ids are those of the rule,
    check and statements."""
    data = json.loads(run("--format", "json", "--fail-on", "never").stdout)
    outage = [f for f in data["findings"] if f["rule_id"] == "krakow-outage"]
    assert outage == []  # 3.5, 3.8 and 4 hours agree within 15%
    result = CliRunner().invoke(
        cli, ["extract", "news/kurier.txt", "--format", "jsonl"], catch_exceptions=False
    )
    hours = next(json.loads(x) for x in result.stdout.splitlines() if "3.5 hours" in x)
    assert (hours["si_value"], hours["si_unit"], hours["unit"]) == (12600.0, "second", "hour")


def test_an_outlier_and_its_consensus_read_in_hours_and_barrels_a_day(newsroom):
    (newsroom / "news" / "wire.txt").write_text(
        "Utility data show the outage across Kraków lasted 9 hours in the southern districts, "
        "according to the grid operator.\n"
        "The operator said the Ærøskøbing pipeline carried 250,000 barrels a day at its peak "
        "last winter, when the Tyra field was pumping at full capacity.\n",
        encoding="utf-8",
    )
    data = json.loads(run("--format", "json").stdout)
    reasons = {f["rule_id"]: f["reason"] for f in data["findings"] if f["check"] == "outlier"}
    assert reasons["aero-pipeline"] == (
        "250,000 barrels a day (245,000–255,000 barrels a day) is outside the consensus "
        "180,000–182,000 barrels a day of 2 sources within 2% tolerance"
    )
    outage = next(f for f in data["findings"] if f["rule_id"] == "krakow-outage")
    assert outage["reason"].startswith("9 hours is outside the consensus 3.5–4 hours of 2 sources")
    consensus = outage["details"]["consensus"]
    assert (consensus["range"], consensus["unit"]) == ([12600.0, 14400.0], "second")
    assert consensus["text"] == "3.5–4 hours"
    table = run("--format", "table").stdout
    assert "= 9 hours" in table and "3.5–4 hours" in table


def measured(text: str, value: float, unit: str, si: float, si_unit: str, dimension: str):
    made = claim(text=text, value=value, unit=unit, si_unit=si_unit, noun=None)
    return replace(made, si_value=si, interval_low=si, interval_high=si, dimension=dimension)


def test_one_statement_is_shown_in_its_own_unit():
    hours = measured("3.5 hours", 3.5, "hour", 12600.0, "second", "time")
    assert interval_in(hours) == "3.5 hours"
    one = measured("1 hour", 1.0, "hour", 3600.0, "second", "time")
    assert interval_in(one) == "1 hour"
    # an adjective ("an 8,000-foot tunnel") is shown in the unit's plural
    tunnel = measured("8,000-foot", 8000.0, "foot", 2438.4, "metre", "length")
    assert range_in((2438.4, 2438.4), [tunnel], "metre") == "8,000 feet"
    # the unit most statements use: two in km against one in miles
    km = [measured(f"{x:,} km", x, "km", x * 1000, "metre", "length") for x in (1250, 1310)]
    miles = measured("800 miles", 800.0, "mile", 1287475.2, "metre", "length")
    assert range_in((1250000.0, 1310000.0), [*km, miles], "metre") == "1,250–1,310 km"
    # a figure written in what it is compared in is never converted: a count
    people = claim(text="1,200 people", value=1200.0, noun="people")
    assert shown_unit([people]) is None
    assert range_in((1200.0, 2400.0), [people], None) == "1,200–2,400"


# -- splits and disputes: every side, none "the" outlier ---------------------------------


def test_a_one_against_one_split_names_both_sides_in_every_format(newsroom):
    table = run("--format", "table").stdout
    assert "2 sides, none the outlier:" in table
    # sides in the order of their statements' documents; neither is "the" outlier
    assert "side 1: news/gazette.txt:4 = 2,400" in table
    assert "side 2: news/kurier.txt:4 = 1,200" in table
    md = run("--format", "markdown").stdout
    row = next(line for line in md.splitlines() if line.startswith("| zurich-evacuated"))
    assert "2 sides, none the outlier:<br>side 1: news/gazette.txt:4 = 2,400 people<br>" in row
    assert "side 2: news/kurier.txt:4 = 1,200 people" in row
    sarif = json.loads(run("--format", "sarif").stdout)
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "zurich-evacuated"]
    assert "states" not in result["message"]["text"]  # no statement pinned as the outlier
    assert "2,400 (news/gazette.txt) against 1,200 (news/kurier.txt)" in result["message"]["text"]


def test_the_html_draws_a_split_with_no_outlier_and_names_both_sides(newsroom):
    run("--format", "html", "-o", "r.html")
    page = (newsroom / "r.html").read_text(encoding="utf-8")
    section = page[page.index('id="fact-zurich-evacuated"') :]
    section = section[: section.index("</section>")]
    assert "bar outlier" not in section and "marker-outlier" not in section
    items = re.findall(r'<li id="finding-[0-9a-f]+" class="finding">.*?</li>', page)
    (item,) = [i for i in items if "zurich-evacuated" in i]
    assert "Sources split, none the outlier: side 1:" in item
    # the charts' axes in the articles' units: hours, barrels a day (never seconds)
    assert "linear scale, hours<" in page and "linear scale, barrels a day<" in page
    assert "scale, second" not in page and "cubic metre per second" not in page
    assert "news/kurier.txt:4</a> states <strong>1,200 people</strong>" in item
    assert "news/gazette.txt:4</a> states <strong>2,400 people</strong>" in item


def test_a_dispute_is_listed_and_drawn_by_party(newsroom):
    md = run("--format", "markdown").stdout
    row = next(line for line in md.splitlines() if line.startswith("| sao-paulo-march"))
    assert "2 parties, none the outlier:<br>organisers: news/kurier.txt:3 = 120,000 people" in row
    assert "police: news/gazette.txt:3 = 38,000 people" in row
    run("--format", "html", "-o", "r.html")
    page = (newsroom / "r.html").read_text(encoding="utf-8")
    section = page[page.index('id="fact-sao-paulo-march"') :]
    section = section[: section.index("</section>")]
    # each party its own band, in its colour, under its name; never one consensus band
    assert section.count('class="party-band"') == 2 and "consensus-band" not in section
    assert ">organisers</text>" in section and ">police</text>" in section
    assert 'aria-label="organisers: news/kurier.txt:3' in section
    assert 'aria-label="police: news/gazette.txt:3' in section
    assert "<td>consensus</td>" not in section
    assert "<td>organisers</td>" in section and "<td>police</td>" in section
    assert "Parties disagree: organisers: " in page


# -- one count of failing findings ----------------------------------------------------------


def test_a_dispute_is_reported_apart_and_fails_nothing(newsroom):
    # the organisers against the police is a dispute; 1,200 against 2,400 evacuated a
    # warning split; nothing at the failing severity but the dispute's own error
    result = run()
    assert result.stdout.endswith("2 findings (1 warning), 1 disputed\n")
    assert result.exit_code == 0
    data = json.loads(run("--format", "json").stdout)
    assert (data["summary"]["failing"], data["summary"]["disputed"]) == (0, 1)
    assert run("--format", "markdown").stdout.startswith(
        "### factcheck: passed, with findings below the failing severity\n"
    )
    sarif = json.loads(run("--format", "sarif").stdout)
    levels = {r["ruleId"]: r["level"] for r in sarif["runs"][0]["results"]}
    assert levels == {"sao-paulo-march": "note", "zurich-evacuated": "warning"}
    junit = run("--format", "junit").stdout
    assert 'failures="0"' in junit


# -- agree: {ranges: same} ------------------------------------------------------------------

RANGES = """\
rules:
  - id: kivu-displaced
    title: People displaced by the Lake Kivu landslide
    select: {kind: count, words: [displaced]}
    agree: {ranges: same}
"""

KIVU = {
    "radio-okapi.txt": "The UN estimates that between 8,000 and 11,000 people were displaced "
    "by the landslide near Goma, where rescuers dug through the night.",
    "la-libre.txt": "Between 8,000 and 14,000 people were displaced by the landslide, the UN "
    "estimates, as rain kept falling on the slopes of Nyiragongo.",
    "actualité.txt": "Aid workers in Bukavu said 8,000 to 11,000 people were displaced by the "
    "landslide and that every school in the district was full.",
}


@pytest.fixture
def kivu(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "news").mkdir()
    for name, text in KIVU.items():
        (tmp_path / "news" / name).write_text(text + "\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "agree, found",
    [
        ("{}", []),  # overlapping ranges agree: never a conflict
        ("{ranges: overlap}", []),
        ("{ranges: same}", ["ranges"]),
        ("{ranges: same, tolerance: 0.3}", []),  # 14,000 is within 30% of 11,000
    ],
)
def test_stated_ranges_must_match_under_ranges_same(kivu, agree, found):
    (kivu / "rules" / "kivu.yaml").write_text(RANGES.replace("{ranges: same}", agree))
    data = json.loads(run("--format", "json").stdout)
    assert [f["check"] for f in data["findings"]] == found
    if found:
        (f,) = data["findings"]
        assert f["left"]["doc"] == "news/la-libre.txt"
        assert f["reason"] == (
            "the stated range 8,000–14,000 differs from the range 8,000–11,000 of 2 sources"
        )


def test_two_ranges_one_against_one_are_a_split(kivu):
    (kivu / "news" / "actualité.txt").unlink()
    (kivu / "rules" / "kivu.yaml").write_text(RANGES)
    result = run("--format", "markdown")
    assert result.exit_code == 1
    assert (
        "stated ranges differ with no consensus: 8,000–11,000 (news/radio-okapi.txt) against "
        "8,000–14,000 (news/la-libre.txt)" in result.stdout.replace("\\_", "_")
    )
    assert "2 sides, none the outlier:" in result.stdout


def test_show_names_the_parties_and_the_claims_read_in_their_units(newsroom):
    data = json.loads(run("--format", "json").stdout)
    (dispute,) = [f for f in data["findings"] if f["check"] == "disputed"]
    out = CliRunner().invoke(cli, ["show", dispute["id"], "--db", "f.db"]).stdout
    assert "\norganisers: news/kurier.txt:3\n" in out and "\npolice: news/gazette.txt:3\n" in out
    assert "\nsource:" not in out  # neither party is pinned as the outlying source
    listed = CliRunner().invoke(cli, ["claims", "--db", "f.db"]).stdout
    row = next(line for line in listed.splitlines() if line.startswith("news/kurier.txt:1"))
    assert row.count("3.5 hours") == 3 and "12,600" not in listed  # text, states, interval


def test_a_figure_no_party_is_named_for_is_shown_as_such_beside_a_dispute(newsroom):
    (newsroom / "news" / "radio.txt").write_text(
        "About 75,000 people joined the march through São Paulo on Sunday, filling the "
        "Avenida Paulista from end to end.\n",
        encoding="utf-8",
    )
    md = run("--format", "markdown").stdout
    row = next(line for line in md.splitlines() if line.startswith("| sao-paulo-march"))
    assert "<br>no party named: 75,000 (1 source: news/radio.txt), not compared" in row
    assert "no party named" in run().stdout
    found = json.loads(run("--format", "json").stdout)["findings"]
    (dispute,) = [f for f in found if f["status"] == "disputed"]
    assert dispute["details"]["parties"] == ["organisers", "police"]
    assert dispute["details"]["unattributed"]["documents"] == ["news/radio.txt"]
    assert dispute["reason"].endswith("no party named for 75,000 (news/radio.txt), not compared")
