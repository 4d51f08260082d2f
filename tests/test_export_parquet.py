"""`factcheck export --format parquet`: the store as a Parquet dataset that DuckDB reads back
with the store's counts and values, written whole or not at all."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from factcheck import app
from factcheck.cli import cli
from factcheck.store import export as tables

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "tests" / "stories"
PIP = "pip install 'factcheck-news[parquet]'"

# a desk's own articles beside two of the invented stories: four-digit figures, a range,
# money in euros, Unicode names and titles, and an article with no date
DESK = {
    "01_zurich.txt": (
        "Zürich council approves €1,250 million tram plan for Örlikon\n\n"
        "ZÜRICH, March 14, 2024 - The city council of Zürich approved a tram extension "
        "costing €1,250 million on Thursday, said Councillor Åsa Lindqvist-Nørgaard, after "
        "a debate that lasted into the night.\n"
        "Between 2,400 and 3,100 passengers an hour are expected on the new line, she said.\n"
        "About 1,875 households in Örlikon will be within five minutes of a stop.\n"
    ),
    "02_zurich.txt": (
        "Tram line for Örlikon will cost €1,400 million, opponents say\n\n"
        "ZÜRICH, March 21, 2024 - Opponents of the tram extension said on Thursday it would "
        "cost €1,400 million, not the figure the council gave.\n"
        "Between 2,400 and 3,100 passengers an hour would use it, the transport office said.\n"
    ),
    "03_lodz.txt": (
        "Notes from the Łódź archive\n\n"
        "The archive in Łódź holds 4,312 boxes of letters, said its keeper, Zofia Wąsowicz.\n"
    ),
}
DESK_RULES = """\
paths: {include: [desk/]}
rules:
  - id: orlikon-tram-cost
    title: Cost of the Örlikon tram extension
    select: {kind: money}
    agree: {}
  - id: orlikon-tram-riders
    title: Passengers an hour on the Örlikon tram
    select: {kind: count, nouns: [passengers]}
    agree: {}
"""


def write_project(folder: Path) -> None:
    """The flood and quake stories with their editors' rules, and the desk's articles."""
    (folder / "rules").mkdir(parents=True)
    for story in ("flood", "quake"):
        shutil.copytree(STORIES / story, folder / story)
        rules = (STORIES / "rules" / f"{story}.yaml").read_text(encoding="utf-8")
        scoped = f"paths: {{include: [{story}/]}}\n{rules}"
        (folder / "rules" / f"{story}.yaml").write_text(scoped, encoding="utf-8")
    (folder / "desk").mkdir()
    for name, text in DESK.items():
        (folder / "desk" / name).write_text(text, encoding="utf-8")
    (folder / "rules" / "desk.yaml").write_text(DESK_RULES, encoding="utf-8")


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> Path:
    """A project run once with `factcheck run` (checked.db), shared by the tests that
    only read it; copy it to change it."""
    folder = tmp_path_factory.mktemp("export")
    write_project(folder)
    with contextlib.chdir(folder):
        done = invoke("run", "flood", "quake", "desk", "--db", "checked.db", "-q")
    assert done.exit_code == 1, done.output  # the desk's tram cost and the stories' tolls
    return folder


@pytest.fixture
def project(checked, tmp_path, monkeypatch) -> Path:
    """A copy of the checked project, as the current folder."""
    shutil.copytree(checked, tmp_path / "p")
    monkeypatch.chdir(tmp_path / "p")
    return tmp_path / "p"


def read(folder: str, table: str, sql: str = "select * from t") -> list[dict]:
    """Rows of one exported table as DuckDB reads the dataset (hive partitions included)."""
    con = duckdb.connect()
    files = f"{folder}/{table}/*/*.parquet" if table != "rules" else f"{folder}/{table}/*.parquet"
    con.execute(f"create view t as select * from read_parquet('{files}', hive_partitioning=true)")
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def month(published: str | None) -> str:
    return published[:7] if published and re.match(r"\d{4}-\d\d", published) else "unknown"


def tree(folder: Path) -> dict[str, str]:
    """Every file under folder, by relative path, with a hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# -- what the export holds -----------------------------------------------------------------


def test_duckdb_reads_the_stores_counts_back_per_month(project):
    done = invoke("export", "--format", "parquet", "--db", "checked.db", "archive")
    assert done.exit_code == 0, done.output
    with contextlib.closing(sqlite3.connect("checked.db")) as db:
        docs = {p: month(d) for p, d in db.execute("select path, published from documents")}
    claims = app.claims("checked.db")
    findings = app.conflicts("checked.db", "all")
    assert (len(docs), len(claims), len(findings)) == (17, 59, 7)
    assert done.output == (
        "exported 17 documents, 59 claims, 7 findings and 4 rules (3 months and undated) "
        "to archive\n"
    )

    def per_month(table: str) -> dict[str, int]:
        rows = read("archive", table, "select month, count(*) n from t group by month")
        return {r["month"]: r["n"] for r in rows}

    by_doc = [docs[c.doc] for c in claims]
    assert per_month("documents") == {m: list(docs.values()).count(m) for m in set(docs.values())}
    assert per_month("claims") == {m: by_doc.count(m) for m in set(by_doc)}
    assert per_month("claims") == {"2024-03": 10, "2025-03": 25, "2025-07": 23, "unknown": 1}
    left = [docs[f.left.doc] for f in findings]
    assert per_month("findings") == {m: left.count(m) for m in set(left)}
    assert sorted(r["id"] for r in read("archive", "findings")) == sorted(f.id for f in findings)
    assert sorted(r["id"] for r in read("archive", "rules")) == [
        "brenna-flood-toll",
        "halvik-quake-toll",
        "orlikon-tram-cost",
        "orlikon-tram-riders",
    ]
    schema = json.loads(Path("archive/_schema.json").read_text(encoding="utf-8"))
    assert schema["tables"]["claims"]["partitions"] == per_month("claims")
    assert schema["extractor_versions"] == [app.default_extractor().EXTRACTOR_VERSION]


def test_every_claim_reads_back_equal_field_by_field(project):
    assert invoke("export", "--db", "checked.db", "archive").exit_code == 0
    rows = read("archive", "claims", 'select * from t order by doc, start, "end"')
    stored = app.claims("checked.db")
    fields = [c.name for c in tables.CLAIMS.columns if c.name != "rules"]
    assert [{f: r[f] for f in fields} for r in rows] == [
        {f: getattr(c, f) for f in fields} for c in stored
    ]
    tram = {r["text"]: r for r in rows if r["doc"] == "desk/01_zurich.txt"}
    assert tram["€1,250 million"]["value"] == 1_250_000_000.0
    assert tram["€1,250 million"]["unit"] == "EUR"
    assert tram["€1,250 million"]["rules"] == ["orlikon-tram-cost"]
    riders = tram["Between 2,400 and 3,100 passengers"]
    assert (riders["value"], riders["low"], riders["high"]) == (None, 2400.0, 3100.0)
    assert riders["qualifier"] == "range" and riders["time"] == "2024-03-14"
    assert riders["rules"] == ["orlikon-tram-riders"]
    assert "Åsa Lindqvist-Nørgaard" in tram["€1,250 million"]["sentence"]
    (boxes,) = [r for r in rows if r["doc"] == "desk/03_lodz.txt"]
    assert (boxes["text"], boxes["value"], boxes["month"]) == ("4,312 boxes", 4312.0, "unknown")
    assert boxes["time"] is None and boxes["time_source"] is None and boxes["rules"] == []
    titles = {r["path"]: r["title"] for r in read("archive", "documents")}
    assert titles["desk/03_lodz.txt"] == "Notes from the Łódź archive"


def test_a_finding_joins_its_claims_rule_and_review(project):
    tram = next(f for f in app.conflicts("checked.db", "all") if f.rule_id == "orlikon-tram-cost")
    reason = "Die Kosten stiegen; beide Zahlen stimmen"
    accepted = invoke("accept", tram.id[:6], "--reason", reason, "--db", "checked.db")
    assert accepted.exit_code == 0, accepted.output
    assert invoke("export", "--db", "checked.db", "archive").exit_code == 0
    sql = (
        "select f.status, f.review_reason, r.title, l.text as left_text, x.text as right_text"
        " from read_parquet('archive/findings/*/*.parquet', hive_partitioning=true) f"
        " join 'archive/rules/*.parquet' r on r.id = f.rule_id"
        " join read_parquet('archive/claims/*/*.parquet') l"
        "   on (l.doc, l.start, l.end) = (f.left_doc, f.left_start, f.left_end)"
        " join read_parquet('archive/claims/*/*.parquet') x"
        "   on (x.doc, x.start, x.end) = (f.right_doc, f.right_start, f.right_end)"
        f" where f.id = '{tram.id}'"
    )
    assert duckdb.sql(sql).fetchall() == [
        (
            "accepted",
            "Die Kosten stiegen; beide Zahlen stimmen",
            "Cost of the Örlikon tram extension",
            "€1,250 million",
            "€1,400 million",
        )
    ]


def test_the_database_of_the_configuration_is_exported(project):
    Path("factcheck.toml").write_text('db = "checked.db"\n', encoding="utf-8")
    done = invoke("export", "archive")
    assert done.exit_code == 0, done.output
    assert "17 documents, 59 claims, 7 findings" in done.output


def test_a_large_partition_is_split_into_files_and_row_groups(project, monkeypatch):
    from factcheck.store import parquet

    monkeypatch.setattr(parquet, "FILE_ROWS", 8)
    monkeypatch.setattr(parquet, "ROW_GROUP_ROWS", 4)
    monkeypatch.setattr(app.exporting, "BATCH_ROWS", 4)
    assert invoke("export", "--db", "checked.db", "archive").exit_code == 0
    files = sorted(Path("archive/claims/month=2025-07").iterdir())
    groups = [
        [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
        for meta in (parquet.pq.ParquetFile(f).metadata for f in files)
    ]
    assert groups == [[4, 4], [4, 4], [4, 3]]  # the month's 23 claims
    assert [f.name for f in files] == [f"part-{n:05d}.parquet" for n in range(3)]
    rows = read("archive", "claims", 'select doc, start from t order by doc, start, "end"')
    assert [(r["doc"], r["start"]) for r in rows] == [
        (c.doc, c.start) for c in app.claims("checked.db")
    ]


def test_a_store_without_findings_exports_a_findings_table_of_no_rows(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("desk").mkdir()
    Path("desk/03_lodz.txt").write_text(DESK["03_lodz.txt"], encoding="utf-8")
    Path("rules").mkdir()
    Path("rules/desk.yaml").write_text(DESK_RULES, encoding="utf-8")
    assert invoke("run", "desk", "-q").exit_code == 0
    done = invoke("export", "archive")
    assert done.exit_code == 0, done.output
    assert done.output.startswith("exported 1 document, 1 claim, 0 findings and 2 rules (undated)")
    assert read("archive", "findings", "select count(*) n from t") == [{"n": 0}]
    assert read("archive", "claims", "select text, month from t") == [
        {"text": "4,312 boxes", "month": "unknown"}
    ]


def test_the_same_store_gives_the_same_bytes(project):
    assert invoke("export", "--db", "checked.db", "one").exit_code == 0
    assert invoke("export", "--db", "checked.db", "two").exit_code == 0
    assert tree(Path("one")) == tree(Path("two"))


def test_the_documented_schema_lists_every_column(project):
    assert invoke("export", "--db", "checked.db", "archive").exit_code == 0
    described = json.loads(Path("archive/_schema.json").read_text(encoding="utf-8"))["tables"]
    docs = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    for table in tables.TABLES:
        got = read("archive", table.name, "describe select * from t")
        assert [r["column_name"] for r in got] == [c.name for c in table.columns] + (
            ["month"] if table.partition else []
        )
        assert [c["name"] for c in described[table.name]["columns"]] == [
            c.name for c in table.columns
        ]
        for c in table.columns:
            assert f"| `{c.name}` | {c.type} |" in docs, (table.name, c.name)


# -- written whole, or not at all ------------------------------------------------------------


def test_force_replaces_an_earlier_export_only_when_the_new_one_is_complete(project):
    assert invoke("export", "--db", "checked.db", "archive").exit_code == 0
    before = tree(Path("archive"))
    again = invoke("export", "--db", "checked.db", "archive")
    assert again.exit_code == 2
    assert "Error: archive: is not empty; pass --force to replace an earlier export" in again.output
    assert tree(Path("archive")) == before
    (project / "desk" / "03_lodz.txt").unlink()
    assert invoke("run", "flood", "quake", "desk", "--db", "checked.db", "-q").exit_code == 1
    replaced = invoke("export", "--db", "checked.db", "archive", "--force")
    assert replaced.exit_code == 0, replaced.output
    assert "16 documents, 58 claims" in replaced.output
    assert not Path("archive/claims/month=unknown").exists()
    assert not [n for n in os.listdir(project) if n.startswith(".archive")]


def test_a_failed_export_leaves_the_earlier_one_intact(project, monkeypatch):
    from factcheck.store import parquet

    assert invoke("export", "--db", "checked.db", "archive").exit_code == 0
    before = tree(Path("archive"))
    real = parquet.write_table

    def full_disk(folder, table, parts):
        if table.name == "findings":
            raise OSError(28, "No space left on device")
        return real(folder, table, parts)

    monkeypatch.setattr(parquet, "write_table", full_disk)
    done = invoke("export", "--db", "checked.db", "archive", "--force")
    assert done.exit_code == 2
    assert "cannot write the export (No space left on device)" in done.output
    assert "Traceback" not in done.output
    assert tree(Path("archive")) == before
    assert not [n for n in os.listdir(project) if n.startswith(".archive")]


def test_an_empty_folder_is_filled_and_a_folder_of_other_files_is_never_replaced(project):
    Path("empty").mkdir()
    assert invoke("export", "--db", "checked.db", "empty").exit_code == 0
    assert Path("empty/_schema.json").exists()
    done = invoke("export", "--db", "checked.db", "desk", "--force")
    assert done.exit_code == 2
    assert "desk: is not empty and holds no factcheck export (no _schema.json)" in done.output
    assert "refusing to replace it, even with --force" in done.output
    assert sorted(os.listdir("desk")) == sorted(DESK)


# -- what cannot be an export's folder -------------------------------------------------------


def _fifo(name: str) -> str:
    os.mkfifo(name)
    return name


def _device(name: str) -> str:
    """A character device node like /dev/null's (1, 3), made here (root only)."""
    if os.geteuid() != 0:
        pytest.skip("only root makes device nodes")
    os.mknod(name, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    return name


@pytest.mark.parametrize(
    "make,target,message",
    [
        (
            lambda: Path("notes.txt").write_text("Ålesund, 1,200 words\n", encoding="utf-8"),
            "notes.txt",
            "notes.txt: is a file; give a folder to export to (new or empty)",
        ),
        (
            lambda: _fifo("pipe"),
            "pipe",
            "pipe: is not a folder (a pipe or a device); give a folder to export to",
        ),
        (lambda: _fifo("pipe"), "pipe/archive", "pipe/archive: cannot export there, "),
        (
            lambda: _device("null"),
            "null",
            "null: is not a folder (a pipe or a device); give a folder to export to",
        ),
        (lambda: _device("null"), "null/archive", "null/archive: cannot export there, "),
        (lambda: None, "missing/archive", "missing/archive: cannot export there, "),
        (
            lambda: Path("notes.txt").write_text("x", encoding="utf-8"),
            "notes.txt/2024/archive",
            "notes.txt/2024/archive: a part of ",
        ),
    ],
)
def test_a_folder_that_cannot_hold_the_export_exits_2_naming_it(project, make, target, message):
    make()
    done = invoke("export", "--db", "checked.db", target)
    assert done.exit_code == 2, done.output
    assert done.output.startswith(f"Error: {message}")
    assert "Traceback" not in done.output
    assert not [n for n in os.listdir(project) if n.startswith(".")]


def test_a_folder_it_cannot_write_in_exits_2(project, monkeypatch):
    import tempfile

    def refused(**_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refused)
    done = invoke("export", "--db", "checked.db", "archive")
    assert done.exit_code == 2
    assert done.output == "Error: archive: cannot export there (Permission denied)\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes in a read-only folder")
def test_a_read_only_folder_exits_2(project):
    Path("ro").mkdir()
    os.chmod("ro", 0o555)
    try:
        done = invoke("export", "--db", "checked.db", "ro/archive")
    finally:
        os.chmod("ro", 0o755)
    assert done.exit_code == 2
    assert "is not writable" in done.output


def test_a_folder_holding_the_database_is_never_replaced(project):
    Path("archive").mkdir()
    shutil.move("checked.db", "archive/checked.db")
    assert invoke("export", "--db", "archive/checked.db", "elsewhere").exit_code == 0
    shutil.copy("elsewhere/_schema.json", "archive/_schema.json")  # looks like an export
    done = invoke("export", "--db", "archive/checked.db", "archive", "--force")
    assert done.exit_code == 2
    assert done.output == (
        "Error: archive: holds the database archive/checked.db; export to a folder of its own\n"
    )
    assert sorted(os.listdir("archive")) == ["_schema.json", "checked.db"]


def test_a_missing_database_exits_2_and_writes_nothing(project):
    done = invoke("export", "--db", "nothere.db", "archive")
    assert done.exit_code == 2
    assert "nothere.db: no such database" in done.output
    assert not Path("archive").exists()
    assert not [n for n in os.listdir(project) if n.startswith(".archive")]


def test_without_pyarrow_it_says_what_to_install(project, monkeypatch):
    monkeypatch.delitem(sys.modules, "factcheck.store.parquet", raising=False)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # `import pyarrow` raises ImportError
    done = invoke("export", "--format", "parquet", "--db", "checked.db", "archive")
    assert done.exit_code == 2
    assert done.output.startswith("Error: export --format parquet needs pyarrow")
    assert done.output.rstrip().endswith(f"install it with {PIP}")
    assert not Path("archive").exists()


def test_only_export_imports_pyarrow(project):
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from factcheck.cli import cli\n"
        "for args in (['run', 'flood', 'quake', 'desk', '--db', 'again.db', '-q'],\n"
        "             ['claims', '--db', 'again.db'], ['conflicts', '--db', 'again.db'],\n"
        "             ['show', '597b0bf4', '--db', 'again.db'], ['baseline', '-o', '-',\n"
        "             '--db', 'again.db'], ['--help'], ['export', '--help']):\n"
        "    CliRunner().invoke(cli, args, catch_exceptions=False)\n"
        "print('before', 'pyarrow' in sys.modules)\n"
        "done = CliRunner().invoke(cli, ['export', '--db', 'again.db', 'archive'])\n"
        "print('after', done.exit_code, 'pyarrow' in sys.modules)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.stdout == "before False\nafter 0 True\n", done.stderr


def test_an_export_during_a_run_sees_the_previous_run_whole(project):
    before = (len(app.claims("checked.db")), len(app.conflicts("checked.db", "all")))
    (project / "desk" / "04_bern.txt").write_text(
        "Bern adds 1,150 seats\n\nBERN, April 2, 2024 - The Bern theatre added 1,150 seats.\n",
        encoding="utf-8",
    )
    env = dict(os.environ, FACTCHECK_TEST_PAUSE="documents-stored", PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "factcheck", "run", "flood", "quake", "desk"]
    proc = subprocess.Popen(
        [*command, "--db", "checked.db", "-q"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr.readline() == "paused at documents-stored\n"
        done = invoke("export", "--db", "checked.db", "during")
        assert done.exit_code == 0, done.output
        proc.stdin.write("\n")
        proc.stdin.flush()
    finally:
        proc.stdin.close()
        code = proc.wait()
        proc.stderr.close()
    assert code == 1
    counted = [len(read("during", t)) for t in ("claims", "findings")]
    assert tuple(counted) == before
    assert invoke("export", "--db", "checked.db", "after").exit_code == 0
    after = [r["doc"] for r in read("after", "claims")]
    assert len(after) - after.count("desk/04_bern.txt") == before[0]
    assert "1,150 seats" in [r["text"] for r in read("after", "claims")]
    assert not Path("during/documents/month=2024-04").exists()
    assert Path("after/documents/month=2024-04").exists()
