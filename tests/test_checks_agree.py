"""Findings per fact: consensus and outliers, splits, timelines and stable ids."""

import os
import shutil
import textwrap
import time

import pytest

from factcheck import app as pipeline
from factcheck.checks.sweep import agreement_sets
from factcheck.rules import evaluate, load_rules

from . import fake_extract
from .helpers import claim

RULES = """
    rules:
      - id: evacuees
        title: People evacuated from the Zürich flood zone
        severity: error
        select: {kind: count, nouns: [people]}
        agree: {tolerance: 0.05}
"""


@pytest.fixture
def rule(tmp_path):
    (tmp_path / "r.yaml").write_text(textwrap.dedent(RULES), encoding="utf-8")
    return load_rules(str(tmp_path))[0]


def said(doc: str, value: float, qualifier: str = "exact", **kw):
    """A statement of `doc` in a long sentence, as an article would write it."""
    text = f"{value:,.0f} people"
    sentence = (
        f"Authorities in Zürich said on Tuesday that {text} had been evacuated from the "
        "flooded Limmat quarter overnight, while the fire brigade kept pumps running."
    )
    precision = value * (0.1 if qualifier == "approx" else 0.004)
    return claim(
        doc=doc,
        value=value,
        noun="people",
        text=text,
        sentence=sentence,
        qualifier=qualifier,
        interval_low=kw.pop("interval_low", value - precision),
        interval_high=kw.pop("interval_high", value + precision),
        start=kw.pop("start", 44),
        **kw,
    )


def test_five_sources_one_wrong_is_one_finding_not_four(rule):
    claims = [
        said("nzz.txt", 1240),
        said("srf.txt", 1250, "approx"),
        said("tagi.txt", 1200, "approx"),
        said("blick.txt", 1150, "more_than", interval_high=None),
        said("wire.txt", 12400),
    ]
    (finding,) = evaluate([rule], claims).conflicts
    assert (finding.check, finding.left.doc, finding.severity) == ("outlier", "wire.txt", "error")
    consensus = finding.details["consensus"]
    assert consensus["documents"] == ["blick.txt", "nzz.txt", "srf.txt", "tagi.txt"]
    assert consensus["text"] == "1,150–1,250"
    assert finding.reason == (
        "12,400 (12,350.4–12,449.6) is outside the consensus 1,150–1,250 of 4 sources "
        "within 5% tolerance"
    )


def test_two_wrong_of_five_are_two_findings(rule):
    claims = [
        said("nzz.txt", 2400),
        said("srf.txt", 2400),
        said("tagi.txt", 2450),
        said("blick.txt", 3900),
        said("wire.txt", 3800),  # agrees with blick, but two sources are not the most
    ]
    found = evaluate([rule], claims).conflicts
    assert [(c.check, c.left.doc) for c in found] == [
        ("outlier", "blick.txt"),
        ("outlier", "wire.txt"),
    ]
    assert all(
        c.details["consensus"]["documents"] == ["nzz.txt", "srf.txt", "tagi.txt"] for c in found
    )


def test_two_against_two_is_one_split_listing_both_sides(rule):
    claims = [
        said("nzz.txt", 1240),
        said("srf.txt", 1250),
        said("blick.txt", 4000),
        said("wire.txt", 4010),
    ]
    (split,) = evaluate([rule], claims).conflicts
    assert split.check == "split" and split.status == "open"
    sides = [side["documents"] for side in split.details["sides"]]
    assert sides == [["blick.txt", "wire.txt"], ["nzz.txt", "srf.txt"]]
    assert split.reason == (
        "sources split with no consensus within 5% tolerance: 4,000–4,010 (blick.txt, wire.txt) "
        "against 1,240–1,250 (nzz.txt, srf.txt)"
    )


def test_a_repeated_figure_does_not_outvote_other_documents(rule):
    # one document saying 4,000 three times is still one source against two, and
    # its repeated statement (same sentence, same words) is one finding
    claims = [said("a.txt", 1240), said("b.txt", 1250)] + [
        said("c.txt", 4000, start=s) for s in (10, 200, 400)
    ]
    found = evaluate([rule], claims).conflicts
    assert [(c.check, c.left.doc) for c in found] == [("outlier", "c.txt")]
    assert found[0].details["consensus"]["documents"] == ["a.txt", "b.txt"]


def test_agreement_sets_are_found_without_comparing_all_pairs():
    # 20,000 statements from 20,000 documents; all pairs would be 200 million
    claims = [said(f"{i:05d}.txt", 1000.0 + (i % 50) * 0.5) for i in range(19_990)]
    claims += [said(f"x{i}.txt", 90_000.0 + i * 1000) for i in range(10)]
    started = time.perf_counter()
    (best,) = agreement_sets(claims, 0.05)
    assert time.perf_counter() - started < 5
    assert len(best) == 19_990


TIMELINE = """
    rules:
      - id: toll
        title: Deaths in the Valais landslide
        select: {kind: count, nouns: [people]}
        agree: {}
        over_time: {may_only: rise}
"""


def test_a_timeline_names_the_step_where_it_fell(tmp_path):
    (tmp_path / "r.yaml").write_text(textwrap.dedent(TIMELINE), encoding="utf-8")
    (rule,) = load_rules(str(tmp_path))
    claims = [
        said("nzz.txt", 12, time="2024-06-03", interval_low=12, interval_high=12),
        said("srf.txt", 12, "at_least", time="2024-06-03", interval_low=12, interval_high=None),
        said("tagi.txt", 21, "at_least", time="2024-06-04", interval_low=21, interval_high=None),
        said("wire.txt", 9, time="2024-06-05", interval_low=9, interval_high=9),
        said("late.txt", 30, time="2024-06-06", interval_low=30, interval_high=30),
    ]
    result = evaluate([rule], claims)
    (fell,) = result.conflicts
    assert (fell.check, fell.left.doc, fell.right.doc) == ("over_time", "wire.txt", "tagi.txt")
    assert fell.reason.startswith("fell from ≥ 21 (2024-06-04, tagi.txt) to 9 (2024-06-05)")
    (fact,) = result.facts
    assert fact.timeline and len(fact.claims) == 5


# -- ids -----------------------------------------------------------------------------


def ids(result) -> list[str]:
    return sorted(c.id for c in result.conflicts)


def five_sources(root) -> None:
    fake_extract.write_newsroom(root)
    for name, figure in [("a1", "5,000"), ("a2", "5,000"), ("a3", "about 5,000"), ("a4", "5,000")]:
        (root / "news" / f"{name}.txt").write_text(
            f"Dec 02, 2017\n\nThe U.S. has {figure} troops in Iraq, officials said.\n",
            encoding="utf-8",
        )


def test_ids_survive_an_unrelated_document(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    five_sources(tmp_path)
    first = pipeline.run(["news"], "rules", "f.db", extractor=fake_extract)
    troops = [c for c in first.conflicts if c.rule_id == "troops"]
    assert [(c.check, c.left.doc) for c in troops] == [("outlier", "news/a, b: c.txt")]
    (tmp_path / "news" / "zz_weather.txt").write_text(
        "Dec 09, 2017\n\nRain is expected over the islands of Lake Zürich.\n", encoding="utf-8"
    )
    second = pipeline.run(["news"], "rules", "f.db", extractor=fake_extract)
    assert ids(second) == ids(first)


def test_ids_do_not_depend_on_how_the_corpus_path_is_typed(tmp_path, monkeypatch):
    project = tmp_path / "project"
    project.mkdir()
    five_sources(project)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    runs = {}
    for how, cwd, corpus, rules in [
        ("relative", project, "news", "rules"),
        ("dot-slash", project, "./news/", "./rules"),
        ("absolute", project, str(project / "news"), str(project / "rules")),
        (
            "another folder",
            elsewhere,
            os.path.join("..", "project", "news"),
            str(project / "rules"),
        ),
    ]:
        monkeypatch.chdir(cwd)
        db = str(tmp_path / f"{how}.db")
        result = pipeline.run([corpus], rules, db, extractor=fake_extract)
        runs[how] = (ids(result), sorted(d.path for d in result.documents))
    first = runs["relative"]
    assert first[1][:2] == ["news/a, b: c.txt", "news/a1.txt"]  # relative to the project
    assert all(found == first for found in runs.values()), runs


def test_a_config_file_marks_the_project_root(tmp_path, monkeypatch):
    project = tmp_path / "project"
    (project / "checks").mkdir(parents=True)
    five_sources(project / "checks")
    (project / "factcheck.toml").write_text("# factcheck settings\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = pipeline.run(
        [str(project / "checks" / "news")],
        str(project / "checks" / "rules"),
        "f.db",
        extractor=fake_extract,
    )
    assert result.documents[0].path == "checks/news/a, b: c.txt"
    shutil.rmtree(project / "checks" / "news")
