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
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(cli_module.sys.stdout, "isatty", lambda: False, raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")  # a CI log that shows colour
    assert cli_module._terminal(None)[1] is True
    assert cli_module._terminal("report.txt")[1] is False
    monkeypatch.setenv("FORCE_COLOR", "0")
    assert cli_module._terminal(None)[1] is False
    monkeypatch.setenv("NO_COLOR", "1")
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
    m = re.search(r"… and (\d+) more findings \(([^)]*)\) not shown here; see the full", out)
    assert m and len(rows) + int(m[1]) == 2000
    cut = dict(reversed(part.split(" ", 1)) for part in m[2].split(", "))
    assert sum(int(k) for k in cut.values()) == int(m[1])
    assert out.rstrip().endswith('`factcheck accept ID --reason "..."`.')


def test_the_errors_that_fail_the_job_are_in_the_capped_comment_first():
    # 1,770 warnings of facts that sort first and 2 errors of one that sorts last
    found = [finding(i, "warning", rule_id=f"a-fact-{i % 9}") for i in range(1770)]
    found += [finding(5000 + i, "error", rule_id="zz-toll") for i in range(2)]
    big = report.Report(conflicts=found, rules=rules_for(found), documents=9, claims=9)
    out = report.render(big, "markdown")
    rows = [line for line in out.splitlines() if line.startswith("| ")][2:]
    assert rows[0].startswith("| zz-toll") and rows[1].startswith("| zz-toll")
    assert rows[2].startswith("| a-fact-")
    left = 1772 - len(rows)
    assert f"… and {left} more findings ({left} warnings) not shown here" in out
    for fmt in ("json", "sarif", "junit", "github", "table"):
        text = report.render(big, fmt, width=200)
        assert text.index("zz-toll") < text.index("a-fact-"), fmt


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


# -- where a fact comes from ---------------------------------------------------------

RAIN_PASTE = """\
aliases:
  suggested-rain:
  - rain
  - rainfall
rules:
- id: rain-metre
  title: Rain (measure in metre) - fell
  severity: warning
  select:
    kind: measure
    unit:
    - metre
    about:
    - '@suggested-rain'
  agree: {}
"""
SAVE_RAIN = "Save this as a rules file (rules/rain-metre.yaml) to keep checking this fact"
UNWRITTEN = "no rules found: checked 1 template fact and 1 suggested fact"
EVACUATED = (
    "About 1,240 people were evacuated from their homes in Brennvik on Friday, the regional "
    "authority said, as the Sølvå flooded the market square and the railway line to the "
    "coast was closed."
)


def _unwritten_finding(id_: str, rule_id: str, left, agreeing, reason: str) -> Conflict:
    return Conflict(
        id=id_,
        rule_id=rule_id,
        severity="warning",
        check="outlier",
        reason=reason,
        left=left,
        right=agreeing[0],
        details={"consensus": side_json(agreeing, None)},
    )


def unwritten_run(fail_on: str = "error") -> report.Report:
    """A run with no rules: the `displaced` template and a suggested rain fact each find an
    outlier in a Norwegian paper (`flood/03_dagblad_ø.txt`), beside one written rule."""
    from dataclasses import replace

    from factcheck.rules import auto
    from factcheck.rules.load import load_rules_text

    (displaced,) = [r for r in auto.template_rules(auto.Story("")) if r.id == "displaced"]
    (rain,) = load_rules_text(RAIN_PASTE, "<suggested fact rain-metre>")
    rain = replace(rain, origin="suggestion", paste=RAIN_PASTE)
    (written,) = load_rules_text(
        "rules:\n- id: soldiers\n  title: Soldiers sent\n"
        "  select: {kind: count, nouns: [soldier]}\n",
        "rules/news.yaml",
    )
    ours = "flood/03_dagblad_ø.txt"
    people = [
        claim(
            doc=f"flood/0{j}_brennvik.txt",
            value=12400.0,
            text="12,400 people",
            noun="people",
            sentence="Some 12,400 people were evacuated from their homes in Brennvik on Friday.",
        )
        for j in (1, 2)
    ]
    in_mm = dict(kind="measure", noun=None, unit="mm", si_unit="metre")
    rain_said = [
        claim(
            doc=f"flood/0{j}_brennvik.txt",
            value=180.0,
            text="180 mm",
            sentence="The weather service said 180 mm of rain fell in three days.",
            **in_mm,
        )
        for j in (1, 2)
    ]
    sentence = "Some 210 mm of rain fell on the hills above the town this week, flooding cellars."
    found = [
        _unwritten_finding(
            "68d3912e645f",
            "displaced",
            claim(
                doc=ours, value=1240.0, text="About 1,240 people", noun="people", sentence=EVACUATED
            ),
            people,
            "1,240 (1,116–1,364) is outside the consensus 12,400 of 2 sources within 10% "
            "tolerance (about 2026-03-14)",
        ),
        _unwritten_finding(
            "b072060f9323",
            "rain-metre",
            claim(doc=ours, value=210.0, text="210 mm", sentence=sentence, **in_mm),
            rain_said,
            "0.21 metre is outside the consensus 0.18 metre of 2 sources",
        ),
    ]
    return report.Report(
        conflicts=found,
        rules=sorted([displaced, rain, written], key=lambda r: r.id),
        documents=3,
        claims=11,
        fail_on=fail_on,
        unwritten=UNWRITTEN,
    )


def test_the_table_names_a_template_or_suggested_fact():
    out = report.render(unwritten_run(), "table", width=140)
    assert "| displaced (template)   | warning " in out
    assert "| rain-metre (suggested) | warning " in out
    assert "flood/03_dagblad_ø.txt:1" in out and "= 1,240 people" in out
    narrow = report.render(unwritten_run(), "table", width=80)
    assert "fact        displaced (template) [68d3912e645f]" in narrow
    assert "fact        rain-metre (suggested) [b072060f9323]" in narrow


def test_markdown_and_annotations_name_where_a_fact_comes_from():
    md = report.render(unwritten_run(), "markdown")
    assert md.startswith("### factcheck: passed, with findings below the failing severity\n\n")
    assert f"{UNWRITTEN}; 3 documents, 11 claims, 3 facts checked, 2 findings (2 warnings)" in md
    assert "| displaced (template) `68d3912e645f` | warning |" in md
    assert "| rain-metre (suggested) `b072060f9323` | warning |" in md
    assert "`factcheck show ID` says how to keep checking it in a rules file." in md
    lines = report.render(unwritten_run(), "github").splitlines()
    assert [line.split("::")[1] for line in lines] == [
        "warning file=flood/03_dagblad_ø.txt,line=1,title=factcheck displaced (template) "
        "[68d3912e645f]",
        "warning file=flood/03_dagblad_ø.txt,line=1,title=factcheck rain-metre (suggested) "
        "[b072060f9323]",
    ]


def test_json_says_each_findings_origin_and_a_suggestions_rule_to_paste():
    data = json.loads(report.render(unwritten_run(), "json"))
    assert [(f["rule_id"], f["origin"]) for f in data["findings"]] == [
        ("displaced", "template"),
        ("rain-metre", "suggestion"),
    ]
    assert "paste" not in data["findings"][0]
    assert data["findings"][1]["paste"] == RAIN_PASTE
    assert data["summary"]["text"].startswith(UNWRITTEN + "; 3 documents")


def test_sarif_results_and_rules_carry_their_origin():
    (run,) = json.loads(report.render(unwritten_run(), "sarif"))["runs"]
    assert [r["properties"]["origin"] for r in run["results"]] == ["template", "suggestion"]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert {k: r["properties"]["origin"] for k, r in rules.items()} == {
        "displaced": "template",
        "rain-metre": "suggestion",
        "soldiers": "rule",
    }
    assert rules["soldiers"]["properties"] == {
        "file": "rules/news.yaml",
        "line": 2,
        "origin": "rule",
    }
    assert rules["displaced"]["help"]["text"].endswith(
        "A built-in template: use it in a rules file with `- use: displaced`."
    )
    assert rules["rain-metre"]["properties"]["paste"] == RAIN_PASTE
    assert SAVE_RAIN in rules["rain-metre"]["help"]["text"]
    assert run["properties"]["summary"].startswith(UNWRITTEN)


def test_junit_says_where_each_fact_comes_from():
    root = ET.fromstring(report.render(unwritten_run("warning"), "junit").encode("utf-8"))
    (suite,) = root.findall("testsuite")
    (summary,) = suite.findall("properties/property")
    assert summary.get("name") == "summary" and summary.get("value").startswith(UNWRITTEN)
    out = {c.get("name"): c.find("system-out").text for c in suite.findall("testcase")}
    assert out["soldiers"] == "rule: rules/news.yaml:2"
    assert out["displaced"] == (  # its finding fails the run: it is the case's failure
        "template: displaced (built in; use it in a rules file with `- use: displaced`)"
    )
    assert out["rain-metre"].startswith(
        "suggestion: a fact two or more articles report, which no rule checks yet\n"
    )
    assert out["rain-metre"].endswith(f"\n\n{SAVE_RAIN}:\n{RAIN_PASTE.rstrip()}")


def test_a_run_of_written_rules_only_reads_as_before():
    for fmt in ("table", "markdown", "github"):
        out = report.render(many(3), fmt)
        assert "(template)" not in out and "(suggested)" not in out and "no rules" not in out
    log = json.loads(report.render(many(3), "sarif"))
    assert "properties" not in log["runs"][0]
    assert {r["properties"]["origin"] for r in log["runs"][0]["results"]} == {"rule"}
