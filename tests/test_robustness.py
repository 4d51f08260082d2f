"""Bad input, faults and hostile rule files: a clear message, the documented exit code,
and the results already in the database left intact.

Each row of CASES is one case of docs/robustness.md: what the user does, the
message they must see, and the exit code. After every failing run the database
must hold exactly what it held before.
"""

from __future__ import annotations

import os
import re
import sqlite3
import string
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.cli import cli
from factcheck.errors import RuleError
from factcheck.extract import extract
from factcheck.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
BAD_RULES = Path(__file__).resolve().parent / "fixtures" / "rules" / "bad"


def run(*args: str):
    return CliRunner().invoke(cli, ["run", *args], catch_exceptions=False)


def dump(db: Path) -> list:
    """Every row of every table: what a reviewer would see in the database."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")]
        rows = []
        for t in sorted(tables):
            if t == "runs":  # a failed run must not add a run either
                rows.append((t, conn.execute(f'select count(*) from "{t}"').fetchall()))
                continue
            rows.append((t, sorted(map(repr, conn.execute(f'select * from "{t}"').fetchall()))))
        return rows
    finally:
        conn.close()


# -- documents ---------------------------------------------------------------


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)


DOC_CASES = [
    # (name, bytes written to seeds/new.txt, message on stderr, exit code)
    ("invalid utf-8", b"About 5,000 troops.\nCaf\xe9 5 ans\n", r"new\.txt:2:4: invalid UTF-8", 2),
    ("binary file", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", r"new\.txt: binary file", 2),
    ("empty file", b"", r"new\.txt: empty file", 2),
]


@pytest.mark.parametrize("name, data, message, code", DOC_CASES, ids=[c[0] for c in DOC_CASES])
def test_unusable_document_is_skipped_and_named(project, name, data, message, code):
    _write(project / "seeds" / "new.txt", data)
    result = run()
    assert result.exit_code == code
    assert re.search(message, result.stderr), result.stderr
    assert "1 file skipped" in result.stdout
    assert "5 documents" in result.stdout  # the rest were checked
    allowed = run("--allow-skipped")
    assert allowed.exit_code == 0


def test_skipped_document_keeps_its_earlier_results(project):
    assert run().exit_code == 0
    before = {k: v for k, v in dump(project / "factcheck.db") if k in ("claims", "documents")}
    seed = sorted((project / "seeds").iterdir())[0]
    seed.write_bytes(seed.read_bytes() + b"\xff")
    assert run().exit_code == 2
    after = {k: v for k, v in dump(project / "factcheck.db") if k in ("claims", "documents")}
    assert after == before


@pytest.mark.parametrize(
    "data",
    [
        "\ufeffAbout 5,000 troops were sent.\n".encode(),
        "About 5,000 troops were sent.\n".encode("utf-16"),
        b"Title\r\n\r\nAbout 5,000 troops were sent.\r\nThen 300 more.\r\n",
    ],
    ids=["utf-8 bom", "utf-16 bom", "crlf"],
)
def test_encodings_keep_offsets_and_lines(project, data):
    (project / "seeds" / "new.txt").write_bytes(data)
    result = CliRunner().invoke(cli, ["extract", "seeds/new.txt", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    text = data.decode("utf-16") if data.startswith(b"\xff\xfe") else data.decode("utf-8")
    import json

    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert claims
    for c in claims:
        assert text[c["start"] : c["end"]] == c["text"]
        assert c["line"] == text.count("\n", 0, c["start"]) + 1


def test_unreadable_file_is_skipped(project, monkeypatch):
    import factcheck.documents as documents

    real_open = open

    def deny(path, *a, **k):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **k)

    (project / "seeds" / "locked.txt").write_text("5 troops", encoding="utf-8")
    monkeypatch.setattr(documents, "open", deny, raising=False)
    result = run()
    assert result.exit_code == 2
    assert "locked.txt: permission denied" in result.stderr


def test_symlink_loop_does_not_hang(project):
    os.symlink(project / "seeds", project / "seeds" / "loop")
    assert run().exit_code == 0


def test_large_file_is_read(project):
    # 50 MB of prose with a figure every few kilobytes
    para = ("The ministry said the talks would continue next week. " * 60 + "\n\n").encode()
    block = para + b"Officials said about 5,000 troops remain.\n\n"
    (project / "big").mkdir()
    (project / "big" / "big.txt").write_bytes(block * (50_000_000 // len(block) + 1))
    result = CliRunner().invoke(cli, ["extract", "big", "--format", "jsonl"])
    assert result.exit_code == 0
    assert result.stdout.count("\n") > 10_000


def test_folder_of_ten_thousand_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(10_000):
        (corpus / f"{i:05d}.txt").write_text(f"Report {i}: {i % 97} people were hurt.\n")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "r.yaml").write_text(
        "rules:\n  - id: hurt\n    title: Hurt\n    select: {nouns: [people]}\n"
    )
    result = run("many")
    assert result.exit_code == 0, result.output
    assert "10000 documents" in result.stdout


# -- rules ---------------------------------------------------------------------


@pytest.mark.parametrize("fixture", sorted(p.name for p in BAD_RULES.glob("*.yaml")))
def test_broken_rules_stop_the_run_and_keep_results(project, fixture):
    assert run().exit_code == 0
    before = dump(project / "factcheck.db")
    (project / "rules" / fixture).write_bytes((BAD_RULES / fixture).read_bytes())
    result = run()
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"rules/{fixture}:" in result.stderr
    assert dump(project / "factcheck.db") == before


YAMLISH = st.text(alphabet=string.printable + "äé—“”", max_size=300) | st.lists(
    st.sampled_from(
        [
            "rules:",
            "- id: x",
            "  title: t",
            "  select:",
            "    kind: count",
            "  agree:",
            "    tolerance: 0.1",
            "aliases:",
            "  us: [U.S.]",
            "  - &a [1]",
            "  - *a",
            "!!python/none",
            "    words: ['@us']",
            "    regex: '(a+)+'",
            "  id: x",
            "    time: {after: 2017}",
            "  : :",
        ]
    ),
    max_size=25,
).map("\n".join)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(YAMLISH)
def test_rule_loader_never_crashes(tmp_path, text):
    path = tmp_path / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_rules(str(path))
    except RuleError as e:
        assert all(p.file == str(path) for p in e.problems)


# -- the database ----------------------------------------------------------------


def test_file_that_is_not_a_database_is_refused_untouched(project):
    (project / "notes.db").write_text("my notes", encoding="utf-8")
    result = run("--db", "notes.db")
    assert result.exit_code == 2
    assert "notes.db: is not an SQLite database; it was left untouched" in result.stderr
    assert (project / "notes.db").read_text(encoding="utf-8") == "my notes"


def test_corrupt_database_is_refused_untouched(project):
    assert run().exit_code == 0
    db = project / "factcheck.db"
    raw = bytearray(db.read_bytes())
    raw[100:4096] = b"\x00" * (4096 - 100)
    db.write_bytes(bytes(raw))
    result = run()
    assert result.exit_code == 2
    assert "factcheck.db" in result.stderr and "left untouched" in result.stderr
    assert db.read_bytes() == bytes(raw)


def test_unwritable_database_path(project):
    result = run("--db", "no/such/folder/f.db")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_locked_database_fails_after_a_bounded_wait(project, monkeypatch):
    import factcheck.store as store

    assert run().exit_code == 0
    monkeypatch.setattr(store, "DEFAULT_LOCK_TIMEOUT", 0.2)
    holder = sqlite3.connect(project / "factcheck.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = run()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 2
    assert "locked by another factcheck run" in result.stderr


def test_run_killed_midway_then_rerun_equals_an_uninterrupted_run(project, monkeypatch):
    import factcheck.store as store

    (project / "seeds" / "005.txt").write_text(
        "About 12,000 U.S. troops are in Iraq now, officials said.\n", encoding="utf-8"
    )
    assert run("--db", "clean.db").exit_code == 1
    clean = dump(project / "clean.db")

    class Killed(BaseException):
        """Stands for SIGKILL: nothing after it runs, no handler catches it."""

    calls = {"n": 0}
    real = store.Store.save_document

    def dies_on_third(self, *a, **k):
        calls["n"] += 1
        if calls["n"] == 3:
            raise Killed  # the process dies between two documents
        return real(self, *a, **k)

    with monkeypatch.context() as m, pytest.raises(Killed):
        m.setattr(store.Store, "save_document", dies_on_third)
        run("--db", "killed.db")
    assert calls["n"] == 3
    assert run("--db", "killed.db").exit_code == 1
    assert [t for t in dump(project / "killed.db") if t[0] != "runs"] == [
        t for t in clean if t[0] != "runs"
    ]


# -- every failing run leaves the earlier results as they were ------------------


def _lock(project):
    holder = sqlite3.connect(project / "factcheck.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


FAILED_RUNS = [
    # (case, set-up after a good run, arguments, message on stderr)
    (
        "broken rule file",
        lambda p: (p / "rules" / "x.yaml").write_text("rules: [\n"),
        [],
        r"rules/x\.yaml:2:1: \[E001\] YAML syntax error",
    ),
    ("missing rules folder", None, ["--rules", "nope"], r"nope: \[E005\] no such rules file"),
    ("missing corpus folder", None, ["nope/"], r"nope/: no such file or folder"),
    (
        "bad baseline file",
        lambda p: (p / "b.json").write_text("{"),
        ["--baseline", "b.json"],
        r"b\.json: not a baseline file",
    ),
    (
        "report folder missing",
        None,
        ["-o", "no/such/r.json", "--format", "json"],
        r"no/such/r\.json: cannot write the report, its folder does not exist",
    ),
    ("database locked", _lock, [], r"locked by another factcheck run"),
]


@pytest.mark.parametrize("case, setup, args, message", FAILED_RUNS, ids=[c[0] for c in FAILED_RUNS])
def test_failed_run_leaves_results_intact(project, monkeypatch, case, setup, args, message):
    import factcheck.store as store

    monkeypatch.setattr(store, "DEFAULT_LOCK_TIMEOUT", 0.2)
    (project / "seeds" / "005.txt").write_text(
        "About 12,000 U.S. troops are in Iraq now, officials said.\n", encoding="utf-8"
    )
    assert run().exit_code == 1
    before = dump(project / "factcheck.db")
    (project / "seeds" / "006.txt").write_text("Some 9,000 troops are in Iraq.\n")
    holder = setup(project) if setup else None
    try:
        result = run(*args)
    finally:
        if isinstance(holder, sqlite3.Connection):
            holder.execute("ROLLBACK")
            holder.close()
    assert result.exit_code == 2
    assert re.search(message, result.stderr), result.stderr
    assert "Traceback" not in result.output
    assert dump(project / "factcheck.db") == before


# -- output safety and code hygiene ------------------------------------------------

HOSTILE = (
    'Officials said "about 12,000" U.S. troops | are in Iraq now\'); DROP TABLE claims;-- '
    "::error file=x:: </testcase> <b>.\n"
)


def test_hostile_text_is_stored_verbatim(project):
    (project / "seeds" / "005.txt").write_text(HOSTILE, encoding="utf-8")
    assert run().exit_code == 1
    conn = sqlite3.connect(project / "factcheck.db")
    sentences = [r[0] for r in conn.execute("select sentence from claims where doc like '%005%'")]
    assert any("DROP TABLE claims;--" in s and "</testcase>" in s for s in sentences)
    assert conn.execute("select count(*) from claims").fetchone()[0] > 10


@pytest.mark.parametrize("text", ["5,000 troops", HOSTILE, "\x00\x01", "Ⅻ ½ ١٢٣ 10^6 1e9"])
def test_extractor_takes_any_text(text):
    for c in extract(text):
        assert text[c.start : c.end] == c.text


def test_no_eval_exec_or_pickle_in_the_package():
    for path in (ROOT / "factcheck").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(
            r"\b(eval|exec)\(|\bpickle\b|yaml\.load\(|Loader=yaml\.Loader", source
        ), path
