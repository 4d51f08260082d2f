"""Where findings point: the outlying figure's line and column, in SARIF regions and GitHub
annotations. Columns count Unicode code points (SARIF's `unicodeCodePoints`), so a figure
after Greek text and an emoji is where an editor shows it; a database written before
claims had columns still reports, by line only, until a run fills them in."""

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.report import Report, github, sarif
from factcheck.store import Store

from . import fake_extract

pytest.importorskip("factcheck.extract")

STORE_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "store"

# three reports of one evacuation; the third, a Greek paper's English service, opens its
# long paragraph with the mayor's words in Greek (and an emoji, two UTF-16 units) and gives
# a figure a third of the others'
FLOOD = {
    "01_brennvik_post.txt": (
        "Floods force thousands from their homes in Brennvik\n\n"
        "BRENNVIK, March 14 - Some 12,400 people were evacuated from their homes in Brennvik on "
        "Friday after the river Sølvå burst its banks following three days of torrential rain, "
        "the regional authority said.\n"
    ),
    "02_fjord_radio.txt": (
        "Brennvik evacuated as Sølvå floods\n\n"
        "Emergency services said 12,400 residents were evacuated from low-lying streets of "
        "Brennvik on Friday, and the army sent 300 soldiers with boats to reach those who "
        "stayed behind.\n"
    ),
    "03_kathimerini_en.txt": (
        "Ελληνικά νέα: πλημμύρες στη Νορβηγία\n\n"
        "Στο Μπρένβικ 🌊 «η κατάσταση είναι δραματική», είπε η δήμαρχος Ελένη Παπαδοπούλου "
        "στην Καθημερινή, while the regional authority said about 4,300 people were evacuated "
        "from their homes in Brennvik on Friday as the Sølvå flooded the market square.\n"
    ),
}
OUTLIER = "flood/03_kathimerini_en.txt"


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def flood(tmp_path, monkeypatch):
    """The three reports as `flood/`, dated, in the current folder (no rules: the
    `displaced` template checks them)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "flood").mkdir()
    for name, text in FLOOD.items():
        (tmp_path / "flood" / name).write_text(text, encoding="utf-8")
        (tmp_path / "flood" / f"{name}.meta.json").write_text('{"published": "2026-03-14"}')
    return tmp_path


def _line(doc: str, n: int) -> str:
    return Path(doc).read_text(encoding="utf-8").split("\n")[n - 1]


def test_a_figure_after_greek_text_and_an_emoji_is_pointed_at_in_code_points(flood):
    line = _line(OUTLIER, 3)
    column = line.index("about 4,300") + 1
    # neither UTF-8 bytes nor UTF-16 units: the emoji and the Greek letters count one each
    assert column == 133
    assert len(line[: column - 1].encode("utf-8")) + 1 == 217
    assert len(line[: column - 1].encode("utf-16-le")) // 2 + 1 == 134

    log = json.loads(invoke("run", "flood", "--db", "f.db", "--format", "sarif").stdout)
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    (result,) = run["results"]
    place = result["locations"][0]["physicalLocation"]
    assert place["artifactLocation"]["uri"] == "flood/03_kathimerini_en.txt"
    region = place["region"]
    assert (region["startLine"], region["startColumn"]) == (3, column)
    assert region["endColumn"] == column + len("about 4,300 people")
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "about 4,300 people"
    assert region["snippet"]["text"] == "about 4,300 people"
    assert place["contextRegion"]["startLine"] == 3
    assert "είπε η δήμαρχος" in place["contextRegion"]["snippet"]["text"]
    # the consensus it is measured against: each figure where its own line has it
    related = [r["physicalLocation"] for r in result["relatedLocations"]]
    assert len(related) == 2
    for other in related:
        doc = other["artifactLocation"]["uri"]
        r = other["region"]
        text = _line(doc, r["startLine"])[r["startColumn"] - 1 : r["endColumn"] - 1]
        assert text == r["snippet"]["text"] and "12,400" in text

    out = invoke("run", "flood", "--db", "f.db", "--format", "github").stdout
    (annotation,) = [a for a in out.splitlines() if a.startswith("::warning ")]
    assert f"file={OUTLIER},line=3,col={column},title=" in annotation


def test_a_byte_order_mark_is_not_counted_as_a_column():
    from factcheck.extract import extract

    text = "Officials said on Friday that about 4,300 people were evacuated from Brennvik.\n"
    plain, marked = extract(text, "a.txt", "2026-03-14"), extract("\ufeff" + text, "b.txt")
    assert [c.column for c in plain] == [c.column for c in marked] == [text.index("about") + 1]
    assert [c.start for c in marked] == [c.start + 1 for c in plain]


def _registry_database(path: Path) -> None:
    """The database main made at 4283a2b of the newsroom corpus, before claims had columns,
    as if this extractor had made it (so only the schema is old)."""
    from factcheck.extract import EXTRACTOR_VERSION

    conn = sqlite3.connect(path)
    conn.executescript((STORE_FIXTURES / "registry-4283a2b.sql").read_text(encoding="utf-8"))
    conn.execute("UPDATE documents SET extractor_version = ?", (EXTRACTOR_VERSION,))
    conn.commit()
    conn.close()


def test_a_database_from_before_columns_reports_lines_then_a_run_fills_in_columns(
    tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    fake_extract.write_newsroom(tmp_path)
    path = tmp_path / "factcheck.db"
    _registry_database(path)
    raw = path.read_bytes()
    # read as it is: each finding at its line, no column rather than a wrong one
    s = Store(str(path), readonly=True)
    found = s.conflicts()
    s.close()
    assert len(found) == 3 and all(c.left.column is None for c in found)
    report = Report(conflicts=found, rules=[])
    for result in json.loads(sarif.render(report))["runs"][0]["results"]:
        for loc in [*result["locations"], *result.get("relatedLocations", [])]:
            region = loc["physicalLocation"]["region"]
            assert region["startLine"] >= 3 and "startColumn" not in region, region
            # the region is the line, and its snippet the whole sentence
            assert "contextRegion" not in loc["physicalLocation"]
            assert re.fullmatch(r"[A-Z].* \d[\d,]* .*\.", region["snippet"]["text"]), region
    annotations = github.render(report).splitlines()
    assert len(annotations) == len(report.reported) == 2  # the third finding was accepted
    assert all(re.search(r",line=\d+,title=", a) and "col=" not in a for a in annotations)
    assert path.read_bytes() == raw
    # the first run after the upgrade reads the articles again: every finding gets its column
    ran = invoke("run", "news", "--format", "sarif", "-v")
    assert ran.exit_code == 1 and "extracted 2, reused 0" in ran.stderr
    results = json.loads(ran.stdout)["runs"][0]["results"]
    text = (tmp_path / "news" / "a, b: c.txt").read_text(encoding="utf-8").split("\n")
    for result in results:
        region = result["locations"][0]["physicalLocation"]["region"]
        line = text[region["startLine"] - 1]
        assert (
            line[region["startColumn"] - 1 : region["endColumn"] - 1] == (region["snippet"]["text"])
        )


def test_sarif_rules_carry_their_help_and_the_log_invents_no_web_address(flood):
    """No helpUri or informationUri (factcheck has no web page to point to): each rule's
    help in Markdown says how closely sources must agree, where the rule comes from and
    how to accept a finding; the tool gives its version."""
    from factcheck import __version__

    log = json.loads(invoke("run", "flood", "--db", "f.db", "--format", "sarif").stdout)
    assert log.pop("$schema") == "https://json.schemastore.org/sarif-2.1.0.json"
    rest = json.dumps(log)
    assert "helpUri" not in rest and "informationUri" not in rest and "://" not in rest
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["version"] == __version__
    rule = next(r for r in driver["rules"] if r["id"] == "displaced")
    help_md = rule["help"]["markdown"]
    assert help_md.startswith(f"**{rule['shortDescription']['text']}**\n\n")
    assert "\n- Severity: warning\n- Tolerance: 10%\n" in help_md
    assert (
        "- A built-in template, `displaced`: use it in a rules file with `- use: displaced`\n"
    ) in help_md
    assert '`factcheck accept ID --reason "..."`' in help_md
