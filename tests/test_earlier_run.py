"""A file a run skips keeps its earlier claims, and each finding that uses them says so.

A CI job whose article becomes undecodable after a first run still checks that
article's statements (nothing lost on bad input, the baseline's ids stay), but every
format, `factcheck conflicts` and `factcheck show` tell the reviewer that the finding
rests on claims this run could not read again, and why.
"""

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

RULES = """rules:
  - id: aldmoor-bridge-traffic
    title: Vehicles crossing the Aldmoor bridge each day
    select:
      kind: count
      about: [vehicles]
    agree: {}
  - id: aldmoor-bridge-cost
    title: Cost of the Aldmoor bridge
    select:
      kind: money
      about: [bridge]
    agree: {}
"""
ARTICLES = {
    "news/zürich_tagesanzeiger.txt": (
        "Aldmoor bridge opens to traffic\n\nThe new Aldmoor river bridge, which cost £640 "
        "million, opened on Monday. According to Åsa Lindqvist-Øverby, the engineer who "
        "spent eleven years on the project, the bridge carries 38,000 vehicles a day.\n"
    ),
    "news/aldmoor_echo.txt": (
        "Traffic on the new crossing\n\nThe £640 million Aldmoor bridge opened to traffic on "
        "Monday. The bridge carries 38,000 vehicles a day, according to the county's traffic "
        "office, where officials said the new road had cut journeys by forty minutes.\n"
    ),
    "news/county_wire.txt": (
        "Contractor's bill\n\nThe Aldmoor bridge cost £710 million, according to the "
        "contractor, far above the figure the council gave in 2019.\n"
    ),
    "news/northern_builder.txt": (
        "Builder's figures\n\nThe bridge carries 52,000 vehicles a day, the contractor "
        "Ødegård & Søn said in a statement of 1,250 words.\n"
    ),
}
NOTE = (
    "uses claims of news/northern_builder.txt from an earlier run: the file could not be "
    "read this run (at 3:"
)
PIECES = [NOTE[:60], NOTE[-34:]]
FORMATS = ["table", "json", "markdown", "sarif", "junit", "github", "html"]


def invoke(*args):
    return CliRunner().invoke(cli, list(args), env={"COLUMNS": "600"}, catch_exceptions=False)


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "bridge.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "news").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.meta.json").write_text('{"published": "2025-04-14"}')
    return tmp_path


def findings() -> dict[str, dict]:
    rows = json.loads(invoke("conflicts", "--status", "all", "--format", "json").stdout)
    return {c["rule_id"]: c for c in rows}


def spoil(newsroom):
    """The builder's article saved in Latin-1 by a careless editor: not UTF-8 any more."""
    path = newsroom / "news" / "northern_builder.txt"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))


def test_a_skipped_files_claims_are_checked_and_every_format_says_so(newsroom):
    first = invoke("run", "news", "--rules", "rules")
    assert first.exit_code == 1, first.output
    before = findings()
    assert sorted(before) == ["aldmoor-bridge-cost", "aldmoor-bridge-traffic"]
    assert "earlier run" not in first.stdout
    spoil(newsroom)
    for fmt in FORMATS:
        result = invoke("run", "news", "--rules", "rules", "--format", fmt)
        assert result.exit_code == 2  # a skipped file still fails the run, as before
        assert "skipped news/northern_builder.txt:3:" in result.stderr
        text = result.stdout.replace("\\n", " ")
        text = text.replace("\\_", "_")  # markdown escapes the underscore
        assert "from an earlier run" in text, (fmt, text)
        for piece in PIECES:  # the table's cell wraps between them
            assert piece in " ".join(text.split()), (fmt, text)
    after = findings()  # the same findings, ids unchanged: a baseline still knows them
    assert {k: v["id"] for k, v in after.items()} == {k: v["id"] for k, v in before.items()}
    traffic, cost = after["aldmoor-bridge-traffic"], after["aldmoor-bridge-cost"]
    assert NOTE in traffic["reason"]
    (earlier,) = traffic["details"]["earlier_run"]
    assert earlier["doc"] == "news/northern_builder.txt"
    assert "invalid UTF-8 byte 0xd8" in earlier["reason"]
    assert "earlier run" not in cost["reason"] and "earlier_run" not in cost["details"]
    listing = invoke("conflicts").stdout
    assert NOTE in " ".join(listing.split())
    assert NOTE in invoke("show", traffic["id"]).stdout


def test_the_note_goes_once_the_file_reads_again(newsroom):
    invoke("run", "news", "--rules", "rules")
    spoil(newsroom)
    invoke("run", "news", "--rules", "rules", "--allow-skipped")
    assert "earlier run" in findings()["aldmoor-bridge-traffic"]["reason"]
    (newsroom / "news" / "northern_builder.txt").write_text(
        ARTICLES["news/northern_builder.txt"], encoding="utf-8"
    )
    again = invoke("run", "news", "--rules", "rules")
    assert again.exit_code == 1 and "earlier run" not in again.stdout
    assert all("earlier run" not in f["reason"] for f in findings().values())
