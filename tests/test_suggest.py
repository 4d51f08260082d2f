"""`factcheck suggest`: facts that two or more articles report, proposed from the corpus itself.

An invented flood story told by three outlets over three days, and a fourth article
with a figure no one else reports. The deaths (rising), the injured (agreeing) and
the reconstruction pledge (one outlet transposes the digits) are proposed; the
injured are not merged with the dead, nor the pledge with the flood-defence budget
(both in dollars); the river's 4.2 metres (one source) is not proposed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.rules.suggest import Key, key_of, subject_of

GOLDEN = Path(__file__).parent / "golden" / "suggest.txt"

ARTICLES = {
    "01_delta_wire.txt": (
        "2026-02-10",
        "Floods in the Merrow delta kill at least 1,240\n\n"
        "MERROW — Floods in the Merrow delta have killed at least 1,240 people, officials "
        "said on Tuesday.\n\n"
        "About 3,500 people were injured when the river burst its banks near "
        "Séville-sur-Merrow, the health ministry said.\n\n"
        "The government pledged $2.4 billion to rebuild roads and schools. The delta's "
        "budget for flood defences was $310 million this year.\n",
    ),
    "02_river_post.txt": (
        "2026-02-11",
        "Merrow toll rises as waters recede\n\n"
        "The floods have now killed 1,310 people in the Merrow delta, the interior ministry "
        "said on Wednesday.\n\n"
        "Some 3,500 people were injured, most of them in the low-lying districts.\n\n"
        "The government has pledged $2.4 billion for reconstruction, and the finance minister "
        "said the $310 million budget for flood defences would be reviewed.\n",
    ),
    "03_evening_ledger.txt": (
        "2026-02-12",
        "Anger in the delta over slow aid\n\n"
        "The death toll from the floods in the Merrow delta stands at 1,340, officials said "
        "on Thursday.\n\n"
        "In all 3,480 people were injured, according to hospitals in the region.\n\n"
        "The government has pledged $4.2 billion for reconstruction, a spokesman said.\n",
    ),
    "04_coast_radio.txt": (
        "2026-02-12",
        "The river crest passes Lenham\n\n"
        "The water at Lenham rose 4.2 metres above its normal level before it began to fall "
        "on Thursday, the river authority said.\n",
    ),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("flood")
    for name, (published, text) in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps({"published": published}))
    return folder


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def facts_of(corpus: Path, *more: str) -> list[dict]:
    result = invoke("suggest", str(corpus), "--format", "json", *more)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["facts"]


def by_subject(facts: list[dict]) -> dict[str, dict]:
    return {f["subject"]: f for f in facts}


def test_the_agreeing_and_the_disagreeing_facts_are_proposed(corpus):
    facts = by_subject(facts_of(corpus))
    assert sorted(facts) == ["budget", "dead", "injured", "pledged"]
    dead = facts["dead"]
    assert [c["value"] for c in dead["claims"]] == [1240.0, 1240.0, 1310.0, 1340.0]
    assert dead["rising"] is True  # a toll reported on three days
    assert [c["value"] for c in facts["injured"]["claims"]] == [3500.0, 3500.0, 3480.0]
    # the transposed pledge is proposed with the two right ones, so a run can flag it
    assert [c["value"] for c in facts["pledged"]["claims"]] == [2.4e9, 2.4e9, 4.2e9]


def test_a_figure_of_one_source_only_is_not_proposed(corpus):
    texts = [c["text"] for f in facts_of(corpus) for c in f["claims"]]
    assert "4.2 metres" not in texts and "rose 4.2 metres" not in " ".join(texts)


def test_two_facts_with_the_same_unit_are_not_merged(corpus):
    facts = by_subject(facts_of(corpus))
    injured = {c["text"] for c in facts["injured"]["claims"]}
    assert not injured & {c["text"] for c in facts["dead"]["claims"]}
    assert {c["value"] for c in facts["budget"]["claims"]} == {310e6}
    assert 310e6 not in {c["value"] for c in facts["pledged"]["claims"]}
    assert facts["budget"]["unit"] == facts["pledged"]["unit"] == "USD"


def test_json_lists_every_claim_it_grouped_with_its_span(corpus):
    facts = facts_of(corpus)
    assert [f["documents"][0].endswith(".txt") for f in facts] == [True] * 4
    for f in facts:
        assert {"id", "title", "kind", "about", "documents", "claims"} <= set(f)
        for c in f["claims"]:
            text = Path(c["doc"]).read_text(encoding="utf-8")
            assert text[c["start"] : c["end"]] == c["text"]
    assert [len(f["documents"]) for f in facts] == [3, 3, 3, 2]  # ranked by documents


def test_the_table_lists_each_fact_with_its_figures_and_sources(corpus):
    result = invoke("suggest", str(corpus))
    assert result.exit_code == 0
    assert result.output == GOLDEN.read_text(encoding="utf-8")


def test_the_yaml_rules_pass_lint_and_test_as_written(corpus, tmp_path):
    result = invoke("suggest", str(corpus), "--format", "yaml")
    assert result.exit_code == 0
    rules = tmp_path / "suggested.yaml"
    rules.write_text(result.output, encoding="utf-8")
    lint = invoke("rules", "lint", str(rules))
    assert lint.exit_code == 0, lint.output
    assert lint.output == f"4 rules OK in {rules}\n"
    tested = invoke("rules", "test", str(rules))
    assert tested.exit_code == 0, tested.output
    assert "8 examples: 8 passed, 0 failed" in tested.output
    data = yaml.safe_load(result.output)
    over_time = {r["select"]["about"][0]: r.get("over_time") for r in data["rules"]}
    # a toll may only rise; the injured, reported on two days, may move either way, so only
    # the figures of one day are compared; sums pledged and budgeted are the same any day
    assert over_time == {
        "@suggested-dead": {"may_only": "rise"},
        "@suggested-injured": {"may_only": "any"},
        "@suggested-pledged": None,
        "@suggested-budget": None,
    }
    # the rules find the transposed pledge when run on the articles
    db, out = tmp_path / "run.db", tmp_path / "run.json"
    invoke(
        "run",
        str(corpus),
        "--rules",
        str(rules),
        "--db",
        str(db),
        "--format",
        "json",
        "-o",
        str(out),
    )
    found = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert [(f["rule_id"], f["left"]["text"]) for f in found] == [
        ("pledged-usd-government-reconstruction", "$4.2 billion")
    ]


def test_min_sources(corpus):
    assert sorted(by_subject(facts_of(corpus, "--min-sources", "3"))) == [
        "dead",
        "injured",
        "pledged",
    ]
    assert len(facts_of(corpus, "--min-sources", "4")) == 0


def test_a_fact_a_rule_already_covers_is_not_proposed(corpus, tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "rules:\n"
        "  - id: merrow-flood-deaths\n"
        "    title: People killed by the Merrow floods\n"
        "    select: {kind: count, about: [killed]}\n"
        "    agree: {}\n",
        encoding="utf-8",
    )
    # "killed" is in two of the toll's four statements: not most of them, still proposed
    assert "dead" in by_subject(facts_of(corpus, "--rules", str(rules)))
    rules.write_text(
        "rules:\n"
        "  - id: merrow-injured\n"
        "    title: People injured in the Merrow floods\n"
        "    select: {kind: count, about: [injured]}\n"
        "    agree: {}\n",
        encoding="utf-8",
    )
    assert sorted(by_subject(facts_of(corpus, "--rules", str(rules)))) == [
        "budget",
        "dead",
        "pledged",
    ]
    table = invoke("suggest", str(corpus), "--rules", str(rules))
    assert table.output.endswith(f"1 more already covered by a rule in {rules}\n")


def test_the_output_is_the_same_bytes_every_time(corpus):
    for fmt in ("table", "json", "yaml"):
        first = invoke("suggest", str(corpus), "--format", fmt).output
        assert invoke("suggest", str(corpus), "--format", fmt).output == first


@pytest.mark.parametrize(
    ("about", "subject"),
    [
        ("people killed floods dead", "dead"),
        ("people injured", "injured"),
        ("people killed injured", None),  # two subjects: left out
        ("euros union pledged", "pledged"),
        ("homes without power", "outage"),
        ("people took part", "crowd"),
        ("tractors lorries joined procession", ""),
    ],
)
def test_the_subject_of_a_figure(about, subject):
    assert subject_of(about) == subject


def test_a_count_of_people_needs_a_subject(corpus):
    from tests.helpers import claim

    people = claim(kind="count", noun="people", about="people village")
    assert key_of(people, {}) is None
    houses = claim(kind="count", noun="houses", about="houses buried")
    assert key_of(houses, {}) == Key("count", "", "house", "", "")
    dead = claim(kind="count", noun="dead", about="dead")
    assert key_of(dead, {}) == Key("count", "", "", "dead", "")
    previous = claim(kind="count", noun="dead", about="dead", role="previous")
    assert key_of(previous, {}) is None


TWO_STORIES = {
    "flood": {
        "01_valley_wire.txt": (
            "2026-03-02",
            "Floods sweep the Oder valley\n\n"
            "Floods in the Oder valley have killed 1,120 people, officials said on Monday.\n",
        ),
        "02_valley_post.txt": (
            "2026-03-03",
            "Valley toll rises\n\n"
            "The floods in the Oder valley have now killed 1,160 people, the interior "
            "ministry said on Tuesday.\n",
        ),
    },
    "fire": {
        "01_forest_wire.txt": (
            "2026-07-14",
            "Wildfire reaches Łódź suburbs\n\n"
            "The wildfire north of Łódź has killed 2,130 people, firefighters said on "
            "Tuesday.\n",
        ),
        "02_forest_post.txt": (
            "2026-07-15",
            "Fire toll climbs\n\n"
            "The wildfire north of Łódź has now killed 2,170 people, the regional governor "
            "said on Wednesday.\n",
        ),
    },
}


def test_two_story_folders_with_the_same_subject_give_two_facts(tmp_path):
    """Deaths in a flood and deaths in a fire, each in its own folder, are two facts named
    for their folders, each holding its own folder's figures only."""
    for story, articles in TWO_STORIES.items():
        (tmp_path / story).mkdir()
        for name, (published, text) in articles.items():
            (tmp_path / story / name).write_text(text, encoding="utf-8")
            (tmp_path / story / f"{name}.meta.json").write_text(
                json.dumps({"published": published})
            )
    dead = [f for f in facts_of(tmp_path) if f["subject"] == "dead"]
    assert sorted(f["id"].split(".")[0] for f in dead) == ["fire", "flood"]
    by_story = {f["id"].split(".")[0]: f for f in dead}
    assert [c["value"] for c in by_story["flood"]["claims"]] == [1120, 1160]
    assert [c["value"] for c in by_story["fire"]["claims"]] == [2130, 2170]
    assert all(d.split("/")[-2] == "fire" for d in by_story["fire"]["documents"])
    assert "(fire)" in by_story["fire"]["title"]
