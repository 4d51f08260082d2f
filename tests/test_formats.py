"""The report formats of `factcheck.report` on many findings: fitting the terminal,
colour, the markdown and annotation caps, SARIF and JUnit structure."""

import json
import re
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from factcheck import app as pipeline
from factcheck import report
from factcheck.checks.base import side_json
from factcheck.cli import cli
from factcheck.model import Conflict
from factcheck.report import github, markdown

from . import fake_extract
from .helpers import claim

SEVERITIES = ("error", "warning", "info")


def finding(i: int, severity: str = "error", rule_id: str | None = None) -> Conflict:
    """An outlier of a long Unicode sentence, with a four-source consensus."""
    figure = 12_400 + i
    sentence = (
        f"In Zürich, the city said {figure:,} people were evacuated from the Limmat quarter "
        "overnight — a figure officials later called a typo, as pumps ran until dawn."
    )
    outlier = claim(
        doc=f"news/wire-{i:04d}.txt",
        value=float(figure),
        text=f"{figure:,} people",
        sentence=sentence,
        noun="people",
        start=30,
    )
    agreeing = tuple(
        claim(
            doc=f"news/src-{j}.txt",
            value=1200.0 + j * 10,
            text=f"{1200 + j * 10:,} people",
            sentence=f"Some {1200 + j * 10:,} people were evacuated in Zürich.",
            noun="people",
        )
        for j in range(4)
    )
    return Conflict(
        id=f"{i:012x}",
        rule_id=rule_id or f"evacuees-{i % 7}",
        severity=severity,
        check="outlier",
        reason=f"{figure:,} is outside the consensus 1,200–1,230 of 4 sources",
        left=outlier,
        right=agreeing[0],
        details={"consensus": side_json(agreeing, None)},
    )


def rules_for(findings):
    ids = sorted({c.rule_id for c in findings} | {"quiet-fact"})
    return [
        SimpleNamespace(
            id=i,
            title=f"Fact {i}",
            severity="error",
            description="",
            file="rules/r.yaml",
            line=n + 1,
        )
        for n, i in enumerate(ids)
    ]


def many(n: int, severity_of=lambda i: SEVERITIES[i % 3]) -> report.Report:
    found = [finding(i, severity_of(i)) for i in range(n)]
    return report.Report(conflicts=found, rules=rules_for(found), documents=n + 4, claims=n + 4)


# -- table ---------------------------------------------------------------------------


@pytest.mark.parametrize("width", [110, 120, 160, 220])
def test_a_wide_table_fits_the_terminal(width):
    out = report.render(many(3), "table", width=width)
    lines = out.splitlines()
    assert lines[0].startswith("+") and all(len(line) <= width for line in lines)
    assert "news/wire-0000.txt:1" in out and "= 12,400 people" in out


@pytest.mark.parametrize("width", [40, 60, 109])
def test_a_narrow_terminal_gets_one_block_per_finding(width):
    out = report.render(many(2), "table", width=width)
    assert "+--" not in out  # no grid
    assert all(len(line) <= width for line in out.splitlines()), out
    blocks = out.split("\n" + "-" * min(width, 80) + "\n")
    assert len(blocks) == 2
    assert blocks[0].startswith("fact        evacuees-0 [000000000000]")
    assert "error" in blocks[0].split("statement")[0]
    assert "consensus   1,200–1,230" in blocks[0]


def test_colour_by_severity_only_when_asked():
    plain = report.render(many(3), "table", width=140)
    assert "\x1b[" not in plain
    coloured = report.render(many(3), "table", width=140, color=True)
    assert "\x1b[31m\x1b[1merror" in coloured and "\x1b[33m\x1b[1mwarning" in coloured


def test_the_cli_colours_a_terminal_unless_no_color(monkeypatch, tmp_path):
    from factcheck import cli as cli_module

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(pipeline, "default_extractor", lambda: fake_extract)
    fake_extract.write_newsroom(tmp_path)
    monkeypatch.setattr(cli_module.sys.stdout, "isatty", lambda: True, raising=False)
    assert cli_module._terminal(None)[1] is True
    assert cli_module._terminal("report.txt")[1] is False  # a file is never coloured
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli_module._terminal(None)[1] is False
    monkeypatch.setenv("COLUMNS", "72")
    assert cli_module._terminal(None)[0] == 72
    out = CliRunner().invoke(cli, ["run", "news"]).stdout  # CliRunner: not a terminal
    assert "\x1b[" not in out and "fact        troops" in out  # stacked at 72 columns


# -- markdown and annotations ---------------------------------------------------------


def test_markdown_is_capped_for_a_pull_request_comment():
    big = many(2000)
    out = report.render(big, "markdown")
    assert len(out) <= markdown.MAX_CHARS
    rows = [line for line in out.splitlines() if line.startswith("| evacuees")]
    m = re.search(r"… and (\d+) more findings not shown here; see the full report", out)
    assert m and len(rows) + int(m[1]) == 2000
    assert out.rstrip().endswith('`factcheck accept ID --reason "..."`.')


def test_markdown_that_fits_has_no_more_line():
    out = report.render(many(5), "markdown")
    assert "more finding" not in out
    assert len([line for line in out.splitlines() if line.startswith("| evacuees")]) == 5


def test_a_small_cap_still_counts_every_finding():
    out = markdown.render(many(30), max_chars=4000)
    assert len(out) <= 4000
    shown = len([line for line in out.splitlines() if line.startswith("| evacuees")])
    assert f"… and {30 - shown} more findings" in out


def test_annotations_are_capped_per_level_then_one_notice():
    lines = report.render(many(75), "github").splitlines()  # 25 of each level
    levels = [line.split(" ", 1)[0] for line in lines]
    assert levels.count("::error") == 10 and levels.count("::warning") == 10
    assert levels.count("::notice") == 10  # 9 findings and the one that counts the rest
    assert lines[-1].startswith("::notice title=factcheck%3A more findings::")
    assert "46 more factcheck findings not annotated (GitHub shows 10 per level)" in lines[-1]


def test_annotations_under_the_cap_are_all_shown():
    lines = report.render(many(9), "github").splitlines()
    assert len(lines) == 9 and "more findings" not in lines[-1]
    ten_errors = github.render(many(10, severity_of=lambda i: "error"))
    assert ten_errors.count("::error") == 10 and "more findings" not in ten_errors


# -- SARIF and JUnit -------------------------------------------------------------------


def test_sarif_results_point_at_outliers_with_the_consensus_related():
    log = json.loads(report.render(many(6), "sarif"))
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert all(r["help"]["text"].startswith("Fact ") for r in rules)
    assert len(run["results"]) == 6
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["partialFingerprints"] == {
            "factcheckFindingId/v1": result["properties"]["findingId"]
        }
        (where,) = result["locations"]
        assert where["physicalLocation"]["artifactLocation"]["uri"].startswith("news/wire-")
        related = result["relatedLocations"]
        assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == [
            f"news/src-{j}.txt" for j in range(4)
        ]
        assert [r["id"] for r in related] == [1, 2, 3, 4]
        assert related[0]["message"]["text"] == "consensus 1,200–1,230: “1,200 people”"


def test_junit_one_case_per_fact_and_counts_add_up():
    rep = many(40)
    rep = report.Report(**{**rep.__dict__, "fail_on": "warning"})
    root = ET.fromstring(report.render(rep, "junit").encode("utf-8"))
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == sorted(r.id for r in rep.rules)  # 7 facts + quiet
    failing_facts = {c.rule_id for c in rep.failures}
    failed = [c for c in cases if c.find("failure") is not None]
    assert {c.get("name") for c in failed} == failing_facts
    assert int(suite.get("tests")) == len(cases) == 8
    assert int(suite.get("failures")) == len(failed) == int(root.get("failures"))
    for case in failed:
        (failure,) = case.findall("failure")
        n = sum(1 for c in rep.failures if c.rule_id == case.get("name"))
        assert failure.get("message").startswith(f"{n} findings: ")
        assert failure.text.count("(factcheck finding ") == n
