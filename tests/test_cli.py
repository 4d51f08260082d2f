"""The command line: report formats against golden files, review decisions,
baselines, listings, exit codes and help.

The corpus and rules come from `tests/fake_extract.py`, read by its stand-in
extractor, so these outputs change only when the report does. Regenerate the
golden files after an intended change with `FACTCHECK_UPDATE_GOLDEN=1 pytest`.
"""

import io
import json
import os
import re
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from factcheck import app
from factcheck.cli import cli
from factcheck.cli.progress import ProgressBar, progress_bar

from . import fake_extract

GOLDEN = Path(__file__).resolve().parent / "golden"
SUFFIX = {  # format: golden file of `factcheck run news --format FORMAT`
    "table": "run.txt",
    "json": "run.json",
    "markdown": "run.md",
    "sarif": "run.sarif",
    "junit": "run.junit.xml",
    "github": "run.github.txt",
}
SUMMARY = "2 documents, 6 claims, 4 facts checked, 3 findings (1 error, 1 warning, 1 info)\n"


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A corpus with one error, one warning and one info conflict, as the cwd."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(app, "default_extractor", lambda: fake_extract)
    fake_extract.write_newsroom(tmp_path)
    return tmp_path


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def matches_golden(name: str, text: str) -> bool:
    path = GOLDEN / name
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    return text == path.read_text(encoding="utf-8")


def ids() -> dict[str, str]:
    rows = json.loads(invoke("conflicts", "--status", "all", "--format", "json").stdout)
    return {c["rule_id"]: c["id"] for c in rows}


# -- formats -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(SUFFIX))
def test_run_report_matches_golden(newsroom, fmt):
    result = invoke("run", "news", "--format", fmt)
    assert result.exit_code == 1
    assert matches_golden(SUFFIX[fmt], result.stdout)
    if fmt == "table":
        assert result.stdout.endswith(SUMMARY)
    else:  # the report stays machine-readable; the summary goes to stderr
        assert result.stderr == SUMMARY


@pytest.mark.parametrize("fmt", list(SUFFIX))
def test_output_file_gets_the_report_and_the_terminal_the_summary(newsroom, fmt):
    stdout = invoke("run", "news", "--format", fmt).stdout
    result = invoke("run", "news", "--format", fmt, "--output", "report.out")
    assert result.stdout == SUMMARY
    written = (newsroom / "report.out").read_text(encoding="utf-8")
    expected = stdout[: -len(SUMMARY)] if fmt == "table" else stdout
    assert written == expected


@pytest.mark.parametrize("fmt", list(SUFFIX))
def test_every_format_is_deterministic(newsroom, fmt, tmp_path_factory):
    first = invoke("run", "news", "--format", fmt).stdout
    again = invoke("run", "news", "--format", fmt).stdout  # incremental run
    fresh = invoke("run", "news", "--format", fmt, "--db", "other.db").stdout  # from scratch
    assert first == again == fresh


def test_sarif_log(newsroom):
    log = json.loads(invoke("run", "news", "--format", "sarif").stdout)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "factcheck"
    assert [r["id"] for r in driver["rules"]] == ["fighters", "groups", "quiet", "troops"]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {"troops": "error", "groups": "warning", "fighters": "note"}
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        (loc,) = result["locations"]
        assert loc["physicalLocation"]["artifactLocation"]["uri"] == "news/a%2C%20b%3A%20c.txt"
        assert loc["physicalLocation"]["region"]["startLine"] in (3, 4, 5)
        other = result["relatedLocations"][0]["physicalLocation"]
        assert other["artifactLocation"]["uri"] == "news/plain.txt"
    troops = next(r for r in run["results"] if r["ruleId"] == "troops")
    place = troops["locations"][0]["physicalLocation"]
    # the region is the figure, its context the line, with the sentence as its snippet
    assert place["region"]["snippet"]["text"] == "About 12,000 troops"
    snippet = place["contextRegion"]["snippet"]["text"]
    assert '"senior" official said | ::error file=x,line=1::pwned </testcase> 100%' in snippet


def test_junit_parses_with_one_case_per_rule_and_a_failure_per_failing_conflict(newsroom):
    out = invoke("run", "news", "--format", "junit", "--fail-on", "warning").stdout
    root = ET.fromstring(out.encode("utf-8"))
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert sorted(cases) == ["fighters", "groups", "quiet", "troops"]
    assert [f.get("type") for f in cases["troops"].findall("failure")] == ["error"]
    assert [f.get("type") for f in cases["groups"].findall("failure")] == ["warning"]
    assert cases["fighters"].findall("failure") == []  # info does not fail --fail-on warning
    # a split names both sides, neither as the outlier
    assert "900 (news/a, b: c.txt) against 100 (news/plain.txt). (factcheck finding" in (
        cases["fighters"].find("system-out").text
    )
    assert root.get("failures") == "2" and root.find("testsuite").get("tests") == "4"


def test_github_annotations(newsroom):
    lines = invoke("run", "news", "--format", "github").stdout.splitlines()
    assert len(lines) == 3
    form = re.compile(
        r"^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),title=([^,:]+)::(.+)$"
    )
    for line in lines:
        m = form.match(line)
        assert m, line
        assert m[2] == "news/a%2C b%3A c.txt"  # ',' and ':' escaped in a property
        assert "10%25 tolerance" in m[6]  # '%' escaped in the message
    assert [form.match(line)[1] for line in lines] == ["error", "warning", "notice"]


def test_markdown_cells_cannot_be_broken(newsroom):
    out = invoke("run", "news", "--format", "markdown").stdout
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    assert len(rows) == 5  # header, rule, three conflicts
    for row in rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 6, row
    assert "</testcase>" not in out and "&lt;" not in out.split("\n")[0]


def test_hostile_sentence_is_inert_in_markdown():
    from factcheck.report.helpers import md

    text = 'a "q" | b ::error file=x:: </testcase> <script> @someone *x* [l](u) `c`\nnext'
    out = md(text)
    assert "|" not in out.replace("\\|", "")
    assert "<" not in out and ">" not in out and "@" not in out and "\n" not in out
    assert "`" not in out.replace("\\`", "")


# -- exit codes ------------------------------------------------------------------


@pytest.mark.parametrize("fail_on, code", [("error", 1), ("warning", 1), ("never", 0)], ids=str)
def test_fail_on(newsroom, fail_on, code):
    assert invoke("run", "news", "--fail-on", fail_on).exit_code == code


def test_fail_on_counts_only_severe_enough_conflicts(newsroom):
    rules = newsroom / "rules" / "news.yaml"
    rules.write_text(rules.read_text().replace("severity: error", "severity: info"))
    assert invoke("run", "news").exit_code == 0
    assert invoke("run", "news", "--fail-on", "warning").exit_code == 1


# -- review decisions and baselines ---------------------------------------------------


def test_accept_baseline_and_a_new_conflict(newsroom):
    assert invoke("run", "news").exit_code == 1
    troops = ids()["troops"]

    result = invoke("accept", troops[:6], "--reason", "different dates")
    assert result.stdout == f"accepted {troops}\n"
    run = invoke("run", "news")
    assert run.exit_code == 0  # accepted conflicts do not fail the run
    # the accepted error is counted apart, never among the errors
    assert run.stdout.endswith("3 findings (1 warning, 1 info), 1 accepted\n")
    assert re.search(r"\| accepted +\|", run.stdout)  # under the severity

    assert invoke("baseline").stdout == "wrote 3 findings to factcheck-baseline.json\n"
    saved = json.loads((newsroom / "factcheck-baseline.json").read_text())
    assert [c["id"] for c in saved["conflicts"]] == sorted(ids().values())
    accepted = next(c for c in saved["conflicts"] if c["id"] == troops)
    assert accepted["status"] == "accepted" and accepted["review_reason"] == "different dates"

    assert invoke("reopen", troops).stdout == f"reopened {troops}\n"
    assert invoke("run", "news").exit_code == 1  # reopened: fails again
    baselined = invoke("run", "news", "--baseline", "factcheck-baseline.json")
    assert baselined.exit_code == 0  # every conflict is in the baseline
    assert baselined.stdout.endswith(", 3 in the baseline\n")

    (newsroom / "news" / "new.txt").write_text("Dec 04, 2017\n\nAbout 30,000 troops in Iraq.\n")
    new = invoke("run", "news", "--baseline", "factcheck-baseline.json", "--format", "markdown")
    assert new.exit_code == 1  # a three-way split the baseline does not know
    assert new.stdout.startswith("### factcheck: 1 finding to fix\n")
    assert "news/new.txt" in new.stdout


def test_baseline_is_deterministic_and_survives_unrelated_edits(newsroom):
    invoke("run", "news")
    first = invoke("baseline", "-o", "-").stdout
    (newsroom / "news" / "other.txt").write_text("Dec 05, 2017\n\nNothing to count here.\n")
    plain = newsroom / "news" / "plain.txt"
    plain.write_text(plain.read_text().replace("\n\n", "\n\nAn unrelated opening line.\n\n", 1))
    invoke("run", "news")
    assert invoke("baseline", "-o", "-").stdout == first


@pytest.mark.parametrize(
    "args, message",
    [
        (["accept", "ffffffffffff", "--reason", "x"], "no finding 'ffffffffffff'"),
        (["accept", "0", "--reason", "x"], "no finding '0'"),
        (["show", "nope"], "no finding 'nope'"),
        (["run", "news", "--baseline", "rules/news.yaml"], "rules/news.yaml: not a baseline file"),
    ],
)
def test_review_mistakes_are_messages(newsroom, args, message):
    invoke("run", "news")
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_a_baseline_not_written_yet_counts_every_finding_and_says_so(newsroom):
    result = invoke("run", "news", "--baseline", "missing.json")
    assert result.exit_code == 1  # the newsroom's error fails it, as with no baseline
    assert result.stderr.startswith(
        "Warning: missing.json: no baseline yet, so every finding counts; after this run, "
        "`factcheck baseline` writes it"
    )
    assert not (newsroom / "missing.json").exists()


@pytest.mark.parametrize("command", [["conflicts"], ["show", "abcd"], ["claims"], ["baseline"]])
def test_reading_a_missing_database_is_a_message(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    result = invoke(*command, "--db", "none.db")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: none.db: no such database; run `factcheck run` first or pass --db FILE\n"
    )
    assert not (tmp_path / "none.db").exists()


def test_accept_needs_a_reason(newsroom):
    invoke("run", "news")
    result = CliRunner().invoke(cli, ["accept", ids()["troops"]])
    assert result.exit_code == 2
    assert "Missing option '--reason'" in result.stderr


# -- reading results ---------------------------------------------------------------


def test_conflicts_by_status(newsroom):
    invoke("run", "news")
    troops = ids()["troops"]
    invoke("accept", troops, "--reason", "known")
    open_ = invoke("conflicts").stdout
    assert troops not in open_ and "groups" in open_
    accepted = json.loads(invoke("conflicts", "--status", "accepted", "--format", "json").stdout)
    assert [(c["id"], c["status"]) for c in accepted] == [(troops, "accepted")]
    assert len(json.loads(invoke("conflicts", "--status", "all", "--format", "json").stdout)) == 3


def test_show(newsroom):
    invoke("run", "news")
    troops = ids()["troops"]
    invoke("accept", troops, "--reason", "different dates")
    out = invoke("show", troops).stdout
    assert out == (
        f"finding:   {troops}\n"
        "status:    accepted\n"
        "review:    different dates\n"
        "rule:      troops: Troops in Iraq (rules/news.yaml:2)\n"
        "severity:  error\n"
        "check:     split\n"
        "why:       sources split with no consensus within 10% tolerance: 12,000 "
        "(news/a, b: c.txt) against 5,000 (news/plain.txt)\n"
        "tolerance: 10%\n"
        "\n"
        "side 1: news/a, b: c.txt:3\n"  # a split names its sides, neither the outlier
        "  title:     Dec 03, 2017\n"
        "  published: 2017-12-03\n"
        '  sentence:  About 12,000 troops are in Iraq now, a "senior" official said | '
        "::error file=x,line=1::pwned </testcase> 100% sure.\n"
        "  claim:     “About 12,000 troops” = 12,000 troops (approx)\n"
        "  interval:  10,800–13,200\n"
        "  refers to: 2017-12-03 (published)\n"
        "  about:     (nothing of its own)\n"
        "  role:      value\n"
        "  speaker:   none named\n"
        "\n"
        "side 2: news/plain.txt:3\n"
        "  title:     Dec 02, 2017\n"
        "  published: 2017-12-02\n"
        "  sentence:  The U.S. has 5,000 troops in Iraq, officials said.\n"
        "  claim:     “5,000 troops” = 5,000 troops\n"
        "  interval:  5,000\n"
        "  refers to: 2017-12-02 (published)\n"
        "  about:     (nothing of its own)\n"
        "  role:      value\n"
        "  speaker:   none named\n"
        "\n"
        "measured against:\n"
        "  no consensus; sides:\n"
        "  12,000 (1 source: news/a, b: c.txt)\n"
        "  5,000 (1 source: news/plain.txt)\n"
        "  news/plain.txt:3: “5,000 troops”\n"
    )
    as_json = json.loads(invoke("show", troops, "--format", "json").stdout)
    assert isinstance(as_json, dict)  # one finding, one object
    assert as_json["details"]["tolerance"] == 0.1 and as_json["origin"] == "rule"
    assert as_json["right"]["doc"] == "news/plain.txt"


def test_claims_filters_and_unmatched(newsroom):
    (newsroom / "news" / "ships.txt").write_text(
        "Dec 05, 2017\n\nThere are 7 troops on deck and 3 fighters.\n"
    )
    invoke("run", "news")
    by_rule = json.loads(invoke("claims", "--rule", "troops", "--format", "json").stdout)
    assert [c["text"] for c in by_rule] == ["About 12,000 troops", "5,000 troops"]
    by_doc = json.loads(invoke("claims", "--doc", "news/ships.txt", "--format", "json").stdout)
    assert [c["text"] for c in by_doc] == ["7 troops", "3 fighters"]
    assert json.loads(invoke("claims", "--kind", "money", "--format", "json").stdout) == []
    unmatched = invoke("claims", "--unmatched").stdout
    example = 'news/ships.txt:3 "There are 7 troops on deck and 3 fighters."'
    assert unmatched == (
        "noun or unit  kind   documents  claims  example\n"
        f"------------  -----  ---------  ------  {'-' * len(example)}\n"
        f"troops        count          1       1  {example}\n"
    )
    groups = json.loads(invoke("claims", "--unmatched", "--format", "json").stdout)
    assert [(g["label"], g["documents"], g["claims"]) for g in groups] == [("troops", 1, 1)]


# -- progress and help -----------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_waits_a_second_then_draws():
    now = [0.0]
    stream = Terminal()
    bar = ProgressBar(stream, delay=1.0, clock=lambda: now[0])
    bar(0, 10)
    bar(5, 10)
    assert stream.getvalue() == ""  # a quick run draws nothing
    now[0] = 1.5
    bar(6, 10)
    assert "Extracting" in stream.getvalue() and "6/10" in stream.getvalue()
    bar(10, 10)
    assert "10/10" in stream.getvalue() and bar.bar is None


def test_quick_run_draws_no_bar():
    stream = Terminal()
    bar = ProgressBar(stream, delay=1.0, clock=lambda: 0.0)
    bar(0, 3)
    bar(3, 3)
    bar.close()
    assert stream.getvalue() == ""


def test_no_progress_bar_off_a_terminal():
    assert progress_bar(io.StringIO()) is None
    assert isinstance(progress_bar(Terminal()), ProgressBar)


def _commands(group: click.Group, prefix=()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + (name,))
        else:
            yield prefix + (name,), command


@pytest.mark.parametrize("path", [p for p, _ in _commands(cli)], ids=" ".join)
def test_every_command_has_help_with_an_example(path):
    result = invoke(*path, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout


# where "conflict" may still be read: the command's own name, and the rule files' keys
_NAMES = re.compile(r"(factcheck|cli) conflicts|`(no_)?conflict:`")


@pytest.mark.parametrize("path", [(), *(p for p, _ in _commands(cli))], ids=" ".join)
def test_help_says_finding_as_the_reports_do(path):
    text = _NAMES.sub("", invoke(*path, "--help").stdout)
    assert "conflict" not in text.replace("  conflicts  ", "").lower()
    if path in (("run",), ("accept",), ("baseline",), ("conflicts",), ("show",)):
        assert "finding" in text


def test_commands_say_finding_in_their_messages(newsroom):
    invoke("run", "news")
    assert invoke("conflicts", "--status", "accepted").stdout == "no accepted findings\n"
    assert invoke("baseline").stdout == "wrote 3 findings to factcheck-baseline.json\n"
    wrong = invoke("show", "abcdef")
    assert "Error: no finding 'abcdef' in the last run" in wrong.stderr
    assert invoke("findings", "--status", "all").stdout == (
        invoke("conflicts", "--status", "all").stdout
    )


@pytest.mark.parametrize(
    "command",
    ["run", "accept", "reopen", "baseline", "conflicts", "findings", "show", "claims", "export"],
)
def test_database_commands_accept_db(command):
    assert "--db" in invoke(command, "--help").stdout


@pytest.mark.parametrize("path", [p for p, _ in _commands(cli)], ids=" ".join)
def test_every_command_is_in_the_readme(path):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"`factcheck {' '.join(path)}" in readme


def test_every_table_renders_four_digit_figures_and_unicode(tmp_path, monkeypatch):
    """Tables with figures such as 2,014 and 12,500 and non-ASCII text render, never crash."""
    monkeypatch.chdir(tmp_path)
    news = tmp_path / "news"
    news.mkdir()
    (news / "städte.txt").write_text(
        "Zürich, March 3 2014 — Some 12,500 residents of the canton were moved to shelters "
        "after the river rose 2,014 millimetres above its usual level, officials said on "
        "Tuesday, and about 1,200 volunteers from São Paulo and Kraków helped.\n",
        encoding="utf-8",
    )
    extracted = invoke("extract", "news")
    assert extracted.exit_code == 0, extracted.output
    assert "12,500 residents" in extracted.stdout and "2014" in extracted.stdout
    assert "2,014" not in extracted.stdout.split("2014")[0].splitlines()[-1]  # a year is 2014
    rules = Path(__file__).resolve().parents[1] / "rules"
    ran = invoke("run", "news", "--rules", str(rules), "--fail-on", "never")
    assert ran.exit_code == 0, ran.output
    for args in (("claims",), ("claims", "--unmatched"), ("conflicts",)):
        result = invoke(*args)
        assert result.exit_code == 0, (args, result.output)
    assert "12,500" in invoke("claims").stdout
    assert "residents" in invoke("claims", "--unmatched").stdout


def test_conflict_tables_render_four_digit_figures(project):
    """The run table, `conflicts` and `show` on a real conflict: 12,000 against 5,000-9,000."""
    (project / "seeds" / "005_städte.txt").write_text(
        "Baghdad, Dec 02 2017 — About 12,000 U.S. troops are in Iraq now, officials in Zürich "
        "said on Tuesday.\n",
        encoding="utf-8",
    )
    ran = invoke("run")
    assert ran.exit_code == 1, ran.output
    # "more than 5,000" agrees with both sides: a split of two sources against two
    flat = "".join(ch for ch in ran.stdout if ch not in " |\n")  # cells wrap long paths
    assert "5,000–12,000" in ran.stdout and "seeds/005_städte.txt" in flat
    listed = invoke("conflicts")
    assert listed.exit_code == 0 and "seeds/005_städte.txt:1" in listed.stdout
    (conflict,) = json.loads(invoke("conflicts", "--format", "json").stdout)
    shown = invoke("show", conflict["id"])
    assert shown.exit_code == 0 and "12,000" in shown.stdout


def test_reread_reads_every_file_even_with_its_stored_stamp(newsroom, monkeypatch):
    from factcheck import documents

    monkeypatch.setattr(documents, "RACY_NS", 0)  # times trusted at once
    opened = []
    real = documents._read_bytes
    monkeypatch.setattr(
        documents, "_read_bytes", lambda p, *a, **k: opened.append(p) or real(p, *a, **k)
    )
    first = invoke("run", "news", "--format", "json")
    opened.clear()
    again = invoke("run", "news", "--format", "json", "-v")
    assert opened == [] and "extracted 0, reused 2" in again.stderr
    reread = invoke("run", "news", "--format", "json", "--reread", "-v")
    assert sorted(os.path.basename(p) for p in opened) == ["a, b: c.txt", "plain.txt"]
    assert "extracted 0, reused 2" in reread.stderr
    assert first.stdout == again.stdout == reread.stdout


# -- layers and databases of earlier versions -----------------------------------------


REGISTRY = Path(__file__).resolve().parent / "fixtures" / "store"


def test_a_database_of_the_old_migration_registry_reads_and_runs_the_same(tmp_path, monkeypatch):
    """A database main made at 4283a2b (its migrations in `_factcheck_migrations`, one review)
    lists the same conflicts read-only, untouched, their claims' columns unknown; a run adopts
    it, extracts the articles again once for their columns, and reports what main reported,
    now with columns."""
    pytest.importorskip("factcheck.extract")
    monkeypatch.chdir(tmp_path)
    fake_extract.write_newsroom(tmp_path)
    conn = sqlite3.connect("factcheck.db")
    conn.executescript((REGISTRY / "registry-4283a2b.sql").read_text(encoding="utf-8"))
    # as if this extractor had made it (4283a2b's was 1.9): what changes here is the schema's
    # bookkeeping, and a newer extractor would rightly read the articles again
    from factcheck.extract import EXTRACTOR_VERSION

    conn.execute("UPDATE documents SET extractor_version = ?", (EXTRACTOR_VERSION,))
    conn.commit()
    conn.close()
    raw = Path("factcheck.db").read_bytes()
    listed = invoke("conflicts", "--status", "all", "--format", "json")
    expected = (REGISTRY / "registry-4283a2b.conflicts.json").read_text(encoding="utf-8")
    # the same findings; listed now the most severe first, where 4283a2b listed them by fact
    assert listed.exit_code == 0
    assert by_id(_columns(json.loads(listed.stdout), known=False)) == by_id(json.loads(expected))
    assert Path("factcheck.db").read_bytes() == raw
    ran = invoke("run", "news", "--format", "json", "-v")
    assert ran.exit_code == 1 and "extracted 2, reused 0" in ran.stderr
    old = json.loads((REGISTRY / "registry-4283a2b.run.json").read_text(encoding="utf-8"))
    new = json.loads(ran.stdout)
    found = _columns(new.pop("findings"), known=True)
    assert by_id(found) == by_id(old.pop("findings")) and new == old


def _columns(value, known: bool):
    """The JSON without its claims' columns: each a column (from 1) if known, else null."""
    if isinstance(value, list):
        return [_columns(v, known) for v in value]
    if isinstance(value, dict):
        if "column" in value:
            column = value["column"]
            assert (isinstance(column, int) and column >= 1) if known else column is None, value
        return {k: _columns(v, known) for k, v in value.items() if k != "column"}
    return value


def by_id(findings: list[dict]) -> list[dict]:
    return sorted(findings, key=lambda f: f["id"])


# -- facts nobody wrote a rule for -----------------------------------------------------

FLOOD = {  # three reports of one flood: a slip of a digit, and a rainfall a third higher
    "01_brennvik_post.txt": (
        "Floods force thousands from their homes in Brennvik\n\n"
        "BRENNVIK, March 14 - Some 12,400 people were evacuated from their homes in Brennvik on "
        "Friday after the river Sølvå burst its banks following three days of torrential rain, "
        "the regional authority said.\n"
        "Forecasters said 180 mm of rain had fallen on the valley since Tuesday, more than "
        "twice the March average.\n"
    ),
    "02_fjord_radio.txt": (
        "Brennvik evacuated as Sølvå floods\n\n"
        "Emergency services said 12,400 residents were evacuated from low-lying streets of "
        "Brennvik on Friday, and the army sent 300 soldiers with boats to reach those who "
        "stayed behind.\n"
        "The weather service said 180 mm of rain fell in three days, and it warned that more "
        "was on the way over the weekend.\n"
    ),
    "03_dagblad_ø.txt": (
        "Hundreds leave Brennvik as river rises\n\n"
        "About 1,240 people were evacuated from their homes in Brennvik on Friday, the regional "
        "authority said, as the Sølvå flooded the market square and the railway line to the "
        "coast was closed.\n"
        "Some 210 mm of rain fell on the hills above the town this week, flooding cellars "
        "along the embankment.\n"
    ),
}


def test_a_run_with_no_rules_says_where_each_finding_comes_from(tmp_path, monkeypatch):
    """No rules folder: the `displaced` template and a suggested rainfall fact each find the
    third paper's figure; every format and `factcheck show` say which, and a suggestion's
    show prints its rule to paste."""
    pytest.importorskip("factcheck.extract")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "flood").mkdir()
    for name, text in FLOOD.items():
        (tmp_path / "flood" / name).write_text(text, encoding="utf-8")
        (tmp_path / "flood" / f"{name}.meta.json").write_text('{"published": "2026-03-14"}')
    db = str(tmp_path / "facts.db")
    ran = invoke("run", "flood", "--db", db)
    assert ran.exit_code == 0  # warnings only
    assert ran.stdout.endswith(
        "no rules found: checked 1 template fact and 1 suggested fact; 3 documents, "
        "12 claims, 14 facts checked, 2 findings (2 warnings)\n"
    )
    assert "| displaced (template) " in ran.stdout and "| rain-metre (suggested) |" in ran.stdout
    found = json.loads(invoke("run", "flood", "--db", db, "--format", "json").stdout)
    by_fact = {f["rule_id"]: f for f in found["findings"]}
    assert {k: f["origin"] for k, f in by_fact.items()} == {
        "displaced": "template",
        "rain-metre": "suggestion",
    }
    assert by_fact["displaced"]["left"]["doc"] == "flood/03_dagblad_ø.txt"
    assert found["summary"]["text"].startswith("no rules found: checked 1 template fact")
    template = invoke("show", by_fact["displaced"]["id"], "--db", db).stdout
    assert (
        "origin:    template: displaced (built in; use it in a rules file with "
        "`- use: displaced`)\n"
    ) in template
    assert "Save this as a rules file" not in template
    suggested = invoke("show", by_fact["rain-metre"]["id"], "--db", db).stdout
    assert "rule:      rain-metre: Rain (measure in metre) - fell\n" in suggested
    assert "origin:    suggestion: a fact two or more articles report" in suggested
    save = "Save this as a rules file (rules/rain-metre.yaml) to keep checking this fact:"
    paste = suggested.split(f"\n{save}\n\n", 1)[1]
    assert paste == by_fact["rain-metre"]["paste"]
    as_json = json.loads(
        invoke("show", by_fact["rain-metre"]["id"], "--db", db, "--format", "json").stdout
    )
    assert (as_json["origin"], as_json["paste"]) == ("suggestion", paste)
    (tmp_path / "rules").mkdir()  # pasted as the line says, the fact is a written rule
    (tmp_path / "rules" / "rain-metre.yaml").write_text(paste, encoding="utf-8")
    kept = json.loads(invoke("run", "flood", "--db", db, "--format", "json").stdout)
    assert [(f["id"], f["origin"]) for f in kept["findings"]] == [
        (by_fact["rain-metre"]["id"], "rule")
    ]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--doc", "news/nowhere.txt", "news/nowhere.txt: no such document in factcheck.db"),
        ("--rule", "no-such-fact", "no-such-fact: no such rule in the last run"),
    ],
)
def test_claims_of_an_unknown_document_or_rule_is_a_message_not_an_empty_table(
    newsroom, option, value, message
):
    invoke("run", "news")
    result = invoke("claims", option, value)
    assert result.exit_code == 2
    assert message in result.stderr
