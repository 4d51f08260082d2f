"""Checking a corpus nobody wrote rules for (factcheck/rules/auto.py, app/running.py):
`factcheck run` with no rules checks the built-in templates and the facts suggested
from the corpus, one story folder at a time, as warnings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from factcheck.app import run
from factcheck.cli import cli
from factcheck.rules import auto
from factcheck.rules.load import load_rules_text

# Two stories in two folders, invented for this test. Both have a death toll, so a
# toll compared across folders would be a false conflict; each has one planted error.
STORIES = {
    "harbour-fire": {
        "01_coast_wire.txt": (
            "2026-02-03T09:00",
            "Fire sweeps through Port Ellin fish market\n\n"
            "PORT ELLIN, Feb 3 (Coast Wire) - A fire that broke out before dawn in the "
            "fish market of Port Ellin has killed 4 people, the fire brigade said. About "
            "1,300 traders lost their stalls, and 62 fire engines were sent to the quay.",
        ),
        "02_ellin_herald.txt": (
            "2026-02-03T18:00",
            "Market fire: four dead, hundreds of stalls lost\n\n"
            "Four people died when fire tore through the covered fish market on Tuesday, "
            "the brigade said. The blaze destroyed the stalls of some 1,300 traders, and "
            "62 fire engines fought it for most of the morning.",
        ),
        "03_weekly_ledger.txt": (
            "2026-02-05",
            "Traders count the cost of the Ellin market fire\n\n"
            "The fire at the Ellin fish market left 4 people dead, officials said on "
            "Thursday. Roughly 3,100 traders lost their stalls, according to the market "
            "association; 62 fire engines were needed to bring it under control.",
        ),
    },
    "valley-flood": {
        "01_river_news.txt": (
            "2026-02-03",
            "Floods in the Sarrow valley\n\n"
            "Floods in the Sarrow valley have killed 27 people, the regional government "
            "said on Tuesday, and 4,800 residents were evacuated from riverside towns.",
        ),
        "02_valley_times.txt": (
            "2026-02-04",
            "Sarrow flood toll rises\n\n"
            "The death toll from the Sarrow valley floods rose to 31 on Wednesday, the "
            "regional government said. Some 4,800 residents remain in emergency shelters.",
        ),
        "03_daily_post.txt": (
            "2026-02-05",
            "Waters recede in the Sarrow valley\n\n"
            "Thirteen people have died in the Sarrow valley floods, the regional "
            "government said on Thursday, as the river began to fall.",
        ),
    },
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("newsroom")
    for story, articles in STORIES.items():
        (root / story).mkdir()
        for name, (published, text) in articles.items():
            (root / story / name).write_text(text, encoding="utf-8")
            meta = json.dumps({"published": published})
            (root / story / f"{name}.meta.json").write_text(meta, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def result(corpus, tmp_path_factory):
    """The run from the corpus folder, the project root with no rules: documents are named
    from it (harbour-fire/01_coast_wire.txt)."""
    db = tmp_path_factory.mktemp("db") / "f.db"
    here = os.getcwd()
    os.chdir(corpus)
    try:
        return run(["."], None, str(db))
    finally:
        os.chdir(here)


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


# -- story folders --------------------------------------------------------------------


def test_each_folder_is_a_story_with_a_prefix_of_its_own():
    found = auto.stories(
        ["a/Storm Hedda/1.txt", "a/Storm Hedda/2.txt", "b/storm-hedda/1.txt", "c/Ürün/1.txt"]
    )
    assert [(s.folder, s.prefix) for s in found] == [
        ("a/Storm Hedda", "storm-hedda"),
        ("b/storm-hedda", "storm-hedda-2"),
        ("c/Ürün", "r-n"),
    ]


def test_one_folder_keeps_plain_ids_and_sees_every_document():
    [story] = auto.stories(["news/1.txt", "news/2.txt"])
    rules = auto.template_rules(story)
    assert "deaths" in {r.id for r in rules}
    assert all(r.paths is None and r.severity == "warning" for r in rules)
    assert {r.origin for r in rules} == {"template"}


def test_a_story_s_templates_see_only_its_own_documents():
    stories = auto.stories(["flood/1.txt", "fire/1.txt"])
    fire = next(s for s in stories if s.folder == "fire")
    deaths = next(r for r in auto.template_rules(fire) if r.id == "fire.deaths")
    assert deaths.title.endswith("(fire)")
    from factcheck.rules.paths import why_outside

    assert why_outside(deaths.paths, "fire/1.txt") is None
    assert "not in the story folder" in why_outside(deaths.paths, "flood/1.txt")
    assert why_outside(deaths.paths, "fire/old/1.txt") is not None  # not a subfolder's


# -- the run ----------------------------------------------------------------------------


def test_no_rules_finds_each_story_s_planted_error_and_nothing_across_stories(result):
    found = sorted((c.rule_id, Path(c.left.doc).name, c.left.text) for c in result.conflicts)
    assert found == [
        ("harbour-fire.trader", "03_weekly_ledger.txt", "Roughly 3,100 traders"),
        ("valley-flood.deaths", "03_daily_post.txt", "Thirteen people"),
    ]
    assert {c.severity for c in result.conflicts} == {"warning"}


def test_every_fact_of_a_no_rules_run_names_its_origin(result):
    origins = {r.id: r.origin for r in result.rules}
    assert origins["valley-flood.deaths"] == "template"
    assert origins["harbour-fire.trader"] == "suggestion"
    assert set(origins.values()) == {"template", "suggestion"}


def test_the_summary_says_what_was_checked_without_rules(result):
    note = "no rules found: checked 2 template facts and 2 suggested facts"
    assert result.unwritten.note() == note


def test_a_suggestion_keeps_the_rule_to_paste_and_it_loads_as_written(result):
    rule = next(r for r in result.rules if r.id == "harbour-fire.trader")
    data = yaml.safe_load(rule.paste)
    assert data["rules"][0]["id"] == "harbour-fire.trader"
    assert data["rules"][0]["paths"] == {"include": ["harbour-fire/*"]}
    [again] = load_rules_text(rule.paste, "pasted.yaml")
    assert again.select == rule.select


def test_a_suggestion_that_cannot_load_is_left_out_with_a_note(monkeypatch):
    broken = {"id": "x", "title": "Deaths", "select": {"kind": "cow"}}
    monkeypatch.setattr(auto, "rule_of", lambda fact: broken)
    claims = _claims_of_two_documents()
    out = auto.suggested_rules(auto.Story("news"), claims, [])
    assert out.rules == []
    assert out.notes and out.notes[0].startswith("suggested fact 'dead' left out:")
    assert "'kind' cannot be 'cow'" in out.notes[0]


def _claims_of_two_documents():
    from factcheck.extract import extract

    texts = {
        "news/a.txt": "The floods have killed 1,240 people, officials said.",
        "news/b.txt": "The floods killed 1,240 people in the valley, officials said.",
    }
    return [c for doc, text in texts.items() for c in extract(text, doc, "2026-02-03")]


# -- the command ------------------------------------------------------------------------


def test_run_with_no_rules_folder_reports_warnings_and_exits_0(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ./rules here
    ran = invoke("run", str(corpus), "--db", str(tmp_path / "f.db"))
    assert ran.exit_code == 0, ran.output
    last = ran.stdout.strip().splitlines()[-1]
    assert last.startswith("no rules found: checked 2 template facts and 2 suggested facts; ")
    assert "6 documents" in last and "2 findings (2 warnings)" in last
    failing = invoke("run", str(corpus), "--db", str(tmp_path / "f.db"), "--fail-on", "warning")
    assert failing.exit_code == 1


def test_rules_named_but_missing_are_an_error_not_a_no_rules_run(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ran = invoke("run", str(corpus), "--rules", "rulez", "--db", str(tmp_path / "f.db"))
    assert ran.exit_code == 2
    assert "E005" in ran.stderr and "rulez" in ran.stderr


def test_a_rules_folder_in_the_current_folder_is_used_and_suggest_adds_to_it(
    corpus, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "toll.yaml").write_text(
        "rules:\n  - use: deaths\n    severity: error\n", encoding="utf-8"
    )
    db = str(tmp_path / "f.db")
    plain = invoke("run", str(corpus), "--db", db, "--format", "json")
    assert plain.exit_code == 1  # the deaths template as a rule: across both folders
    assert "no rules found" not in plain.stderr
    rules = {f["rule_id"] for f in json.loads(plain.stdout)["findings"]}
    assert rules == {"deaths"}
    more = invoke("run", str(corpus), "--db", db, "--format", "json", "--suggest")
    assert "also checked 2 suggested facts; " in more.stderr
    rules = {f["rule_id"] for f in json.loads(more.stdout)["findings"]}
    assert "harbour-fire.trader" in rules
