"""Report formats on hand-made conflicts, including text built to break each format."""

import importlib
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from factcheck import report
from factcheck.checks.base import side_json
from factcheck.model import Conflict
from factcheck.report.helpers import dumps

from .helpers import claim

HOSTILE = 'He said "no" | ::error file=x,line=1::boom </testcase> ]]> 100%\r\nnext,line: \x07end'


def rule(id, severity="error", title="Troops"):
    return SimpleNamespace(
        id=id, title=title, severity=severity, description="", file="rules/r.yaml", line=3
    )


def conflict(id, rule_id="troops", severity="error", status="open", right=True, reason=None):
    left = claim(doc='x/a, "b": c.txt', sentence=HOSTILE + " 5,000 troops")
    other = claim(doc="x/d.txt", value=12000.0, text="12,000 troops") if right else None
    return Conflict(
        id=id,
        rule_id=rule_id,
        severity=severity,
        check="outlier" if right else "bounds",
        reason=reason or HOSTILE,
        left=left,
        right=other,
        status=status,
        details={
            **({"consensus": side_json((other,), None)} if right else {}),
            **({"review_reason": "known"} if status == "accepted" else {}),
        },
    )


def sample(**kw) -> report.Report:
    conflicts = [
        conflict("aaaaaaaaaaaa"),
        conflict("bbbbbbbbbbbb", severity="warning", rule_id="groups"),
        conflict("cccccccccccc", severity="info", rule_id="fighters", right=False),
        conflict("dddddddddddd", status="accepted"),
    ]
    rules = [rule("troops"), rule("groups", "warning", HOSTILE), rule("fighters", "info")]
    return report.Report(conflicts=conflicts, rules=rules, documents=2, claims=4, **kw)


@pytest.mark.parametrize(
    "status, severity, fail_on, baseline, fails",
    [
        ("open", "error", "error", None, True),
        ("open", "warning", "error", None, False),
        ("open", "warning", "warning", None, True),
        ("open", "info", "warning", None, False),
        ("open", "error", "never", None, False),
        ("accepted", "error", "error", None, False),
        ("disputed", "error", "error", None, False),
        ("open", "error", "error", frozenset({"aaaaaaaaaaaa"}), False),
        ("open", "error", "error", frozenset({"other"}), True),
    ],
)
def test_what_fails_a_run(status, severity, fail_on, baseline, fails):
    c = conflict("aaaaaaaaaaaa", severity=severity, status=status)
    assert report.failing(c, fail_on, baseline) is fails


def test_a_format_is_a_module_and_its_line_in_the_registry():
    # not run formats: shared pieces, the HTML page's charts, and the listings of other
    # commands (claims, conflicts, `factcheck suggest`)
    shared = {"__init__", "base", "helpers", "chart", "columns", "claims", "conflicts", "suggested"}
    modules = {p.stem for p in Path(report.__file__).parent.glob("*.py")} - shared
    assert set(report.FORMATS) == modules
    for name, render in report.FORMATS.items():
        assert render is importlib.import_module(f"factcheck.report.{name}").render


@pytest.mark.parametrize("fmt", report.FORMATS)
def test_same_inputs_same_bytes(fmt):
    assert report.render(sample(), fmt) == report.render(sample(), fmt)


def test_sarif():
    log = json.loads(report.render(sample(baseline=frozenset({"bbbbbbbbbbbb"})), "sarif"))
    assert log["version"] == "2.1.0"
    driver = log["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == ["fighters", "groups", "troops"]
    assert driver["rules"][1]["shortDescription"]["text"] == HOSTILE
    results = {r["properties"]["findingId"]: r for r in log["runs"][0]["results"]}
    assert {k: r["level"] for k, r in results.items()} == {
        "aaaaaaaaaaaa": "error",
        "bbbbbbbbbbbb": "warning",
        "cccccccccccc": "note",
        "dddddddddddd": "error",
    }
    location = results["aaaaaaaaaaaa"]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "x/a%2C%20%22b%22%3A%20c.txt"
    assert location["region"]["startLine"] == 1
    assert "relatedLocations" not in results["cccccccccccc"]  # a single-claim bound
    (consensus,) = results["aaaaaaaaaaaa"]["relatedLocations"]
    assert consensus["physicalLocation"]["artifactLocation"]["uri"] == "x/d.txt"
    assert consensus["message"]["text"] == "consensus 12,000: “12,000 troops”"
    assert results["aaaaaaaaaaaa"]["partialFingerprints"] == {
        "factcheckFindingId/v1": "aaaaaaaaaaaa"
    }
    assert results["dddddddddddd"]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "known"}
    ]
    assert results["bbbbbbbbbbbb"]["baselineState"] == "unchanged"
    assert results["aaaaaaaaaaaa"]["baselineState"] == "new"
    assert HOSTILE in results["aaaaaaaaaaaa"]["message"]["text"]


def test_junit_survives_hostile_text():
    out = report.render(sample(fail_on="warning"), "junit")
    root = ET.fromstring(out.encode("utf-8"))
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert sorted(cases) == ["fighters", "groups", "troops"]
    (failure,) = cases["troops"].findall("failure")  # the accepted one is not a failure
    # line breaks and control characters are shown escaped, so no line of the
    # XML printed in a CI log can start a workflow command
    escaped = HOSTILE.replace("\r\n", "\\r\\n").replace("\x07", "\\x07")
    assert failure.get("message") == "1 finding: " + escaped
    assert "accepted error" in cases["troops"].find("system-out").text
    assert root.get("failures") == "2"


def test_github_lines_cannot_be_split_or_forged():
    out = report.render(sample(), "github")
    lines = out.splitlines()
    assert len(lines) == 3  # one per conflict that needs a look; not the accepted one
    form = re.compile(r"^::(error|warning|notice) file=[^,:]+,line=\d+,title=[^,:]+::[^\r\n]+$")
    assert all(form.match(line) for line in lines), lines
    assert lines[0].startswith('::error file=x/a%2C "b"%3A c.txt,line=1,title=factcheck ')
    assert "100%25\\r\\nnext,line: \\x07end" in lines[0]


def test_markdown_table_cannot_be_broken():
    out = report.render(sample(), "markdown")
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    assert len(rows) == 2 + 3 + 2 + 1  # header and rule of each table, 3 open, 1 accepted
    for row in rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 6, row
    assert "</testcase>" not in out and "\r" not in out and "\x07" not in out
    assert out.startswith("### factcheck: 1 finding to fix\n")
    assert "<details><summary>1 known finding (accepted or in the baseline)</summary>" in out


def test_json_report():
    data = json.loads(report.render(sample(), "json"))
    assert data["summary"]["failing"] == 1 and data["summary"]["accepted"] == 1
    # the most severe first, then by fact
    assert [c["id"][:4] for c in data["findings"]] == ["aaaa", "dddd", "bbbb", "cccc"]
    assert [c["failing"] for c in data["findings"]] == [True, False, False, False]
    assert data["findings"][3]["right"] is None
    assert data["findings"][0]["details"]["consensus"]["documents"] == ["x/d.txt"]


@pytest.mark.parametrize(
    "made", [lambda: sample(), lambda: report.Report(conflicts=[], rules=[])], ids=["some", "none"]
)
def test_json_report_written_a_finding_at_a_time_is_the_same_document(made):
    """The streamed report is byte for byte what one json.dumps of the whole gives."""
    r = made()
    pieces = list(report.render_chunks(r, "json"))
    whole = "".join(pieces)
    assert whole == dumps(json.loads(whole))
    assert len(pieces) >= 3 + len(r.conflicts)  # one piece per finding, never the whole


@pytest.mark.parametrize(
    "baseline, expected",
    [
        # by severity only the open findings (what may fail a run); the rest apart
        (None, "2 documents, 4 claims, 3 facts checked, 4 findings "
               "(1 error, 1 warning, 1 info), 1 accepted"),
        (frozenset({"aaaaaaaaaaaa"}), "2 documents, 4 claims, 3 facts checked, 4 findings "
         "(1 warning, 1 info), 1 accepted, 1 in the baseline"),
    ],
)  # fmt: skip
def test_summary(baseline, expected):
    assert sample(baseline=baseline).summary() == expected


def test_a_dispute_is_counted_apart_from_the_errors_in_every_format():
    """A dispute between parties is reported, never failing: the summary counts it apart,
    JSON's `failing`, JUnit's failures and the Markdown heading leave it out, SARIF gives it
    level note and GitHub a notice."""
    r = replace(
        sample(),
        conflicts=[
            conflict("aaaaaaaaaaaa"),
            conflict("eeeeeeeeeeee", status="disputed", rule_id="groups"),
        ],
    )
    assert r.summary() == "2 documents, 4 claims, 3 facts checked, 2 findings (1 error), 1 disputed"
    data = json.loads(report.render(r, "json"))
    assert (data["summary"]["failing"], data["summary"]["disputed"]) == (1, 1)
    levels = {
        x["properties"]["findingId"]: x["level"]
        for x in json.loads(report.render(r, "sarif"))["runs"][0]["results"]
    }
    assert levels == {"aaaaaaaaaaaa": "error", "eeeeeeeeeeee": "note"}
    assert 'failures="1"' in report.render(r, "junit")
    assert report.render(r, "markdown").startswith("### factcheck: 1 finding to fix\n")
    levels = [line.split(" ", 1)[0] for line in report.render(r, "github").splitlines()]
    assert levels == ["::error", "::notice"]


def test_a_clean_table_is_empty():
    assert report.render(report.Report(conflicts=[], rules=[]), "table") == ""


def test_unmatched_groups_most_documents_first():
    claims = [
        claim(doc="a.txt", noun="buses"),
        claim(doc="b.txt", noun="buses", start=40),
        claim(doc="a.txt", noun="tanks", start=60),
        claim(doc="a.txt", noun="tanks", start=80),
        claim(doc="a.txt", kind="date", noun=None, start=90),
    ]
    groups = report.group_unmatched(claims)
    assert [(g.label, g.documents, g.claims) for g in groups] == [("buses", 2, 2), ("tanks", 1, 2)]


@pytest.mark.parametrize(
    "row, head, tail",
    [
        (  # a database older than m008 has no origin nor paste: a rules file's rule
            {"id": "troops", "title": "Troops", "file": "rules/news.yaml", "line": 12},
            "rule:      troops: Troops (rules/news.yaml:12)\nseverity:",
            "",
        ),
        (
            {
                "id": "troops",
                "title": "Soldiers deployed",
                "file": "/venv/site-packages/factcheck/rules/templates/troops.yaml",
                "line": 7,
                "origin": "template",
                "paste": "",
            },
            "rule:      troops: Soldiers deployed\norigin:    template: troops (built in; use "
            "it in a rules file with `- use: troops`)\nseverity:",
            "",
        ),
        (
            {
                "id": "troops",
                "title": "Troops (count) - iraq",
                "file": "<suggested fact troops>",
                "line": 5,
                "origin": "suggestion",
                "paste": "rules:\n- id: troops\n  title: Troops (count) - iraq\n",
            },
            "rule:      troops: Troops (count) - iraq\norigin:    suggestion: a fact two or "
            "more articles report, which no rule checks yet\nseverity:",
            "\n\nSave this as a rules file (rules/troops.yaml) to keep checking this fact:\n\n"
            "rules:\n- id: troops\n  title: Troops (count) - iraq",
        ),
    ],
)
def test_show_says_where_the_fact_comes_from(row, head, tail):
    text = report.conflict_detail(conflict("aaaaaaaaaaaa", right=False), row, {})
    assert head in text
    assert text.endswith(tail) and text.count("Save this as a rules file") == (1 if tail else 0)


def test_a_summary_of_one_says_one():
    one = report.Report(
        conflicts=[conflict("aaaaaaaaaaaa")], rules=[rule("troops")], documents=1, claims=1
    )
    assert one.summary() == "1 document, 1 claim, 1 fact checked, 1 finding (1 error)"


def test_a_passing_comment_has_no_review_hint_and_a_failing_one_has():
    passing = report.render(report.Report(conflicts=[], rules=[rule("troops")]), "markdown")
    assert passing.startswith("### factcheck: passed\n")
    assert passing.rstrip().endswith("Fails on: error.")
    assert "factcheck accept" not in passing
    assert "`factcheck accept ID --reason" in report.render(sample(), "markdown")


def test_a_snippet_is_cut_at_whole_words_around_the_figure():
    from factcheck.report.helpers import snippet

    sentence = (
        "Officials in Kahramanmaraş said on Wednesday evening that 12,400 people had died in "
        "the earthquake, far more than the provincial governor had announced at midday."
    )
    c = claim(sentence=sentence, text="12,400 people", value=12400.0, noun="people")
    cut = snippet(c, 60)
    assert "12,400 people" in cut and cut.startswith("…") and cut.endswith("…")
    words = set(sentence.replace(",", " ").split())
    inner = cut.strip("…").replace(",", " ").split()
    assert all(w in words for w in inner), cut  # no word cut in half
