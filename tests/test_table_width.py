"""The `claims`, `conflicts` and `extract` tables fit the terminal they are printed on.

A reviewer on an 80-column terminal reads every line without it wrapping; ids, places
and figures are never cut; a CJK character counts as the two columns it takes.
"""

import json
import unicodedata

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.report import columns

RULE = """rules:
  - id: aldmoor-bridge-traffic
    title: Vehicles crossing the Aldmoor bridge each day
    select:
      kind: count
      about: [vehicles]
    agree: {}
"""
ARTICLES = {
    "news/Zürich_Tagesanzeiger_über_die_Brücke.txt": (
        "Aldmoor bridge opens to traffic\n\nAccording to Åsa Lindqvist-Øverby, the engineer "
        "who spent eleven years on the project and who insisted on speaking to reporters in "
        "the rain beside the northern tower, the bridge carries 38,000 vehicles a day.\n"
    ),
    "news/北京日报/大桥通车_记者报道.txt": (
        "大桥通车\n\n据北京日报记者报道，大桥全长一千二百米。The bridge carries 38,000 vehicles a "
        "day, according to the county's traffic office in Aldmoor, where officials said the "
        "new road had cut journeys by forty minutes.\n"
    ),
    "news/northern_builder.txt": (
        "Builder's figures\n\nThe bridge carries 52,000 vehicles a day, the contractor Ødegård "
        "& Søn said in a statement of 1,250 words that also praised the 2,400 workers.\n"
    ),
}
FIGURES = ["38,000", "52,000", "1,250", "2,400"]


def display_width(line: str) -> int:
    """Columns a line takes on a terminal, counted here independently of the code."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in line
    )


@pytest.fixture
def bridge(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "bridge.yaml").write_text(RULE, encoding="utf-8")
    for name, text in ARTICLES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        path.with_name(path.name + ".meta.json").write_text('{"published": "2025-04-14"}')
    result = CliRunner().invoke(cli, ["run", "news", "--rules", "rules", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    return tmp_path


def table_of(args: list[str], columns: str) -> str:
    result = CliRunner().invoke(cli, args, env={"COLUMNS": columns}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


COMMANDS = [
    ["conflicts", "--status", "all"],
    ["claims"],
    ["claims", "--unmatched"],
    ["extract", "news"],
]


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_line_fits_the_terminal_and_nothing_is_cut(bridge, args, width):
    out = table_of(args, str(width))
    lines = out.splitlines()
    assert max(display_width(line) for line in lines) <= width, out
    if args[0] in ("claims", "extract") and args[1:] != ["--unmatched"]:
        for figure in FIGURES:  # every figure whole, on one line
            assert any(figure in line for line in lines), out
        for name in ARTICLES:  # each place whole: the file name with its line
            assert f"{name}:3" in out, out


@pytest.mark.parametrize("width", [80, 120])
def test_the_finding_list_keeps_its_id_and_sources_whole(bridge, width):
    out = table_of(["conflicts", "--status", "all"], str(width))
    (finding,) = json.loads(table_of(["conflicts", "--format", "json"], str(width)))
    assert finding["id"] in out
    assert "news/northern_builder.txt:3" in out
    assert "news/Zürich_Tagesanzeiger_über_die_Brücke.txt:3" in out
    if width >= 120:  # room for the fact and its severity beside them
        assert "aldmoor-bridge-traffic" in out and "error" in out
    else:  # left out, and the reader is told so
        assert "not shown at this width: fact, severity, status" in out


def test_off_a_terminal_the_tables_are_laid_out_for_120_columns(bridge):
    out = table_of(["claims"], "")
    assert max(display_width(line) for line in out.splitlines()) <= 120
    assert out == table_of(["claims"], "120")


def test_a_long_cjk_sentence_wraps_by_display_width_and_keeps_its_figures():
    text = "据北京日报记者报道，地震造成至少1,284人死亡，另有3,905人受伤，救援人员仍在搜寻幸存者。"
    lines = columns.wrap(text, 16)
    assert all(display_width(line) <= 16 for line in lines)
    assert "".join(lines) == text
    assert any("1,284" in line for line in lines) and any("3,905" in line for line in lines)


def test_a_path_in_prose_breaks_after_a_slash_and_a_figure_never():
    lines = columns.wrap("outside the consensus 38,000 (news/北京日报/大桥通车_记者报道.txt)", 24)
    assert all(display_width(line) <= 24 for line in lines)
    assert "38,000" in " ".join(lines)
    assert "(news/北京日报/" in lines  # the folder, then the file name on the next line


@pytest.mark.parametrize("width", [110, 120, 150, 200])
def test_the_run_table_fits_and_keeps_the_fact_and_its_id_whole(bridge, width):
    result = CliRunner().invoke(
        cli, ["run", "news", "--rules", "rules", "--fail-on", "never"], env={"COLUMNS": str(width)}
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(display_width(line) for line in lines) <= width, result.stdout
    (finding,) = json.loads(table_of(["conflicts", "--format", "json"], str(width)))
    assert "aldmoor-bridge-traffic" in result.stdout  # never "aldmoor-bridge-traffi / c"
    assert f"[{finding['id']}]" in result.stdout
