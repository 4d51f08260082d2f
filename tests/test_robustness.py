"""Bad input, faults and hostile rule files: a clear message, the documented exit code,
and the results already in the database left intact.

Each row of CASES is one case of docs/robustness.md: what the user does, the
message they must see, and the exit code. After every failing run the database
must hold exactly what it held before.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import string
import sys
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
            query = f'select * from "{t}"'
            if t == "_sqlite_migrations":  # which were applied; when differs between databases
                query = "select migration_set, name from _sqlite_migrations"
            rows.append((t, sorted(map(repr, conn.execute(query).fetchall()))))
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

    real_open = os.open

    def deny(path, *a, **k):  # chmod 000 cannot stop root, who may run the tests
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **k)

    (project / "seeds" / "locked.txt").write_text("5 troops", encoding="utf-8")
    monkeypatch.setattr(documents.os, "open", deny)
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
    from factcheck.store import connection

    assert run().exit_code == 0
    monkeypatch.setattr(connection, "DEFAULT_LOCK_TIMEOUT", 0.2)
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
    from factcheck.store import Store

    (project / "seeds" / "005.txt").write_text(
        "About 12,000 U.S. troops are in Iraq now, officials said.\n", encoding="utf-8"
    )
    assert run("--db", "clean.db").exit_code == 1
    clean = dump(project / "clean.db")

    class Killed(BaseException):
        """Stands for SIGKILL: nothing after it runs, no handler catches it."""

    calls = {"n": 0}
    real = Store._save_one  # one document, inside the transaction of its chunk

    def dies_on_third(self, *a, **k):
        calls["n"] += 1
        if calls["n"] == 3:
            raise Killed  # the process dies while storing documents
        return real(self, *a, **k)

    with monkeypatch.context() as m, pytest.raises(Killed):
        m.setattr(Store, "_save_one", dies_on_third)
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
    from factcheck.store import connection

    monkeypatch.setattr(connection, "DEFAULT_LOCK_TIMEOUT", 0.2)
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
    sentences = [
        r[0] for r in conn.execute("select sentence from claim_documents where doc like '%005%'")
    ]
    assert any("DROP TABLE claims;--" in s and "</testcase>" in s for s in sentences)
    assert conn.execute("select count(*) from claims").fetchone()[0] > 10


@pytest.mark.parametrize("text", ["5,000 troops", HOSTILE, "\x00\x01", "Ⅻ ½ ١٢٣ 10^6 1e9"])
def test_extractor_takes_any_text(text):
    for c in extract(text):
        assert text[c.start : c.end] == c.text


def test_no_eval_exec_or_pickle_in_the_package():
    package = ROOT / "factcheck"
    # the top-level modules and the packages they moved into (extract/ passes a safe
    # loader to yaml.load)
    for path in [*package.glob("*.py"), *package.glob("store/*.py"), *package.glob("app/*.py")]:
        source = path.read_text(encoding="utf-8")
        assert not re.search(
            r"\b(eval|exec)\(|\bpickle\b|yaml\.load\(|Loader=yaml\.Loader", source
        ), path


# -- exit codes: a bug or an interruption never looks like "conflicts found" ------


def _raise_in_run(monkeypatch, error: BaseException):
    from factcheck.app import checking

    def boom(*a, **k):
        raise error

    monkeypatch.setattr(checking, "_check_fact", boom)  # checking a fact, every run


def test_internal_error_exits_3_with_the_traceback_file(project, monkeypatch):
    assert run().exit_code == 0
    before = dump(project / "factcheck.db")
    monkeypatch.setenv("FACTCHECK_CRASH_DIR", str(project))
    _raise_in_run(monkeypatch, ZeroDivisionError("division by zero in rule 'troops-2,014'"))
    result = run()
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    line = result.stderr.strip()
    assert line.startswith("Internal error: ZeroDivisionError: division by zero in rule")
    crash = re.search(r"the traceback is in (\S+)\)$", line).group(1)
    assert Path(crash).parent == project
    assert "Traceback (most recent call last)" in Path(crash).read_text(encoding="utf-8")
    assert "ZeroDivisionError" in Path(crash).read_text(encoding="utf-8")
    assert dump(project / "factcheck.db") == before


def test_ctrl_c_exits_130_and_keeps_results(project, monkeypatch):
    assert run().exit_code == 0
    before = dump(project / "factcheck.db")
    _raise_in_run(monkeypatch, KeyboardInterrupt())
    result = run()
    assert result.exit_code == 130
    assert result.stderr.strip() == "Interrupted."
    assert dump(project / "factcheck.db") == before


def _default_sigint() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_long_run(project, *args):
    """A real `factcheck run` on 200 long articles, returned once it has stored one.

    A run commits nothing before it ends, so it is asked to pause once it has
    stored its first chunk (the tests' pause hook, `factcheck.app.pausing`): it
    waits on its standard input, which nothing writes to, with its workers busy.
    """
    import subprocess
    import sys

    para = "Officials said about 5,000 troops remain in the north of the country.\n\n" * 400
    for i in range(200):
        (project / "seeds" / f"slow{i:03d}.txt").write_text(para, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "run", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, FACTCHECK_TEST_PAUSE="documents-stored"),
        # a suite started in the background (`cmd &`) inherits an ignored SIGINT,
        # which Python keeps ignoring: give the run the Ctrl-C a terminal would
        preexec_fn=_default_sigint,
    )
    while line := proc.stderr.readline():
        if line.startswith("paused at documents-stored"):
            return proc
    raise AssertionError("the run ended before it could be interrupted")


def test_sigint_to_a_real_run_exits_130(project):
    import signal

    proc = _start_long_run(project, "--jobs", "2")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip().endswith("Interrupted.")


# -- rule regexes run on RE2: linear time, whatever the pattern --------------------

BACKTRACKER = "(a|aa)*c"  # exponential on a run of a's for Python's re


def test_python_re_hangs_on_the_pattern_that_re2_runs_at_once(tmp_path):
    import subprocess
    import sys

    line = "a" * 60
    probe = f"import re; re.search({BACKTRACKER!r}, {line!r})"
    with pytest.raises(subprocess.TimeoutExpired):
        subprocess.run([sys.executable, "-c", probe], timeout=3)
    from factcheck.rules.regex import compile_rule_regex

    assert compile_rule_regex(BACKTRACKER).search(line * 1000) is None


def test_a_run_with_a_backtracking_rule_regex_finishes(project):
    import subprocess
    import sys

    (project / "rules" / "slow.yaml").write_text(
        "rules:\n  - id: slow\n    title: Slow\n"
        f"    select: {{kind: count, regex: '{BACKTRACKER}'}}\n",
        encoding="utf-8",
    )
    (project / "seeds" / "005.txt").write_text(
        "In 2,014 villages " + "a" * 5000 + " said 9,000 troops.\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "run"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "6 documents" in done.stdout


REGEX_CASES = [
    # (pattern, message) -- refused when the rules are loaded, with the place
    ("(\\\\w+) \\\\1", r"x\.yaml:4:27: \[E016\] .*invalid escape sequence: \\1"),
    ("troops(?= withdrew)", r"x\.yaml:4:27: \[E016\] .*invalid perl operator: \(\?="),
    ("a{4294967295}", r"x\.yaml:4:27: \[E016\] .*repetition count 4294967295"),
    ("a" * 10_001, r"x\.yaml:4:27: \[E016\] .*the pattern is 10001 characters, over 10000"),
    # a 4,000-digit count is named, not printed whole
    (
        "a{" + "9" * 4000 + "}",
        r"x\.yaml:4:27: \[E016\] .*repetition count 999999…\(4,000 digits\) ",
    ),
]


@pytest.mark.parametrize(
    "pattern, message",
    REGEX_CASES,
    ids=["backref", "lookahead", "a{2^32}", "10,001 chars", "4,000 digits"],
)
def test_regexes_re2_refuses_stop_the_run_with_the_place(project, pattern, message):
    assert run().exit_code == 0
    before = dump(project / "factcheck.db")
    (project / "rules" / "x.yaml").write_text(
        f'rules:\n  - id: x\n    title: X\n    select: {{kind: count, regex: "{pattern}"}}\n',
        encoding="utf-8",
    )
    result = run()
    assert result.exit_code == 2
    assert re.search(message, result.stderr), result.stderr
    assert len(result.stderr) < 1000  # the message, not the pattern
    assert dump(project / "factcheck.db") == before


def test_three_thousand_nested_groups_load_and_run(project):
    # Python's re gave up with a RecursionError traceback; RE2 compiles it.
    nested = "(" * 3000 + "troops" + ")" * 3000
    (project / "rules" / "x.yaml").write_text(
        f'rules:\n  - id: x\n    title: X\n    select: {{kind: count, regex: "{nested}"}}\n',
        encoding="utf-8",
    )
    result = run()
    assert result.exit_code == 0, result.output
    assert "6 facts checked" in result.stdout


# -- hostile folder entries -----------------------------------------------------


def _claims_of(db: Path, doc: str) -> list:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            'select start, "end", text from claims where doc = ? order by start', [doc]
        ).fetchall()
    finally:
        conn.close()


def _stored(project) -> list:
    """The documents and claims tables: what a skipped entry must leave as it was."""
    return [t for t in dump(project / "factcheck.db") if t[0] in ("claims", "documents")]


def test_fifo_named_like_an_article_is_skipped_not_read(project):
    assert run().exit_code == 0
    before = _stored(project)
    os.mkfifo(project / "seeds" / "x.txt")
    result = run()
    assert result.exit_code == 2
    assert "skipped seeds/x.txt: not a regular file (a FIFO); not read" in result.stderr
    assert "5 documents" in result.stdout
    assert _stored(project) == before


def test_symlink_to_dev_zero_is_skipped(project):
    assert run().exit_code == 0
    before = _stored(project)
    os.symlink("/dev/zero", project / "seeds" / "zero.txt")
    result = run("--follow-links")  # even when links may leave the folder
    assert result.exit_code == 2
    assert "seeds/zero.txt: not a regular file (a device); not read" in result.stderr
    assert _stored(project) == before


def test_symlink_out_of_the_corpus_is_not_followed_unless_asked(project):
    secret = project / "secret.txt"
    secret.write_text("The vault code is 4,812 and 1,200 troops guard it.\n", encoding="utf-8")
    os.symlink(secret, project / "seeds" / "leak.txt")
    os.symlink(project / "rules", project / "seeds" / "outside")
    result = run()
    before = _stored(project)
    assert result.exit_code == 2
    assert (
        "skipped seeds/leak.txt: symbolic link to " + str(secret) + ", outside the corpus folder;"
        " not followed (pass --follow-links to read it)"
    ) in result.stderr
    assert "skipped seeds/outside: symbolic link to" in result.stderr
    assert _claims_of(project / "factcheck.db", "seeds/leak.txt") == []
    assert run().exit_code == 2 and _stored(project) == before  # and again: nothing changes
    followed = run("--follow-links")
    assert followed.exit_code == 0, followed.stderr
    assert "6 documents" in followed.stdout
    assert any("4,812" in t for _s, _e, t in _claims_of(project / "factcheck.db", "seeds/leak.txt"))


def test_unreadable_subfolder_is_reported_and_keeps_its_claims(project, monkeypatch):
    sub = project / "seeds" / "wire"
    sub.mkdir()
    (sub / "a.txt").write_text(
        "Rescuers said 1,450 people were evacuated from the coastal district.\n",
        encoding="utf-8",
    )
    assert run().exit_code == 0
    before = dump(project / "factcheck.db")
    assert _claims_of(project / "factcheck.db", "seeds/wire/a.txt")
    real_scandir = os.scandir

    def deny(path="."):  # chmod 000 cannot stop root, who may run the tests
        if str(path).endswith("wire"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", deny)
    result = run()
    assert result.exit_code == 2
    assert "skipped seeds/wire/: cannot list the folder (permission denied)" in result.stderr
    assert "1 file skipped" in result.stdout
    after = dump(project / "factcheck.db")
    assert [t for t in after if t[0] == "claims"] == [t for t in before if t[0] == "claims"]


def test_file_name_that_is_not_utf8_is_skipped_and_later_runs_work(project):
    assert run().exit_code == 0
    before = _stored(project)
    (project / "seeds").joinpath(os.fsdecode(b"caf\xe9.txt")).write_text(
        "About 2,500 troops.\n", encoding="utf-8"
    )
    for _ in range(2):  # the second run crashed too, before
        result = run()
        assert result.exit_code == 2
        assert (
            "skipped seeds/caf\\xe9.txt: the file name is not valid UTF-8; rename the file"
            in result.stderr
        )
        assert "5 documents" in result.stdout
        assert _stored(project) == before


def _poison_first_seed(project):
    """After a clean run, the first seed gains a "Poison" line: (its path, the database dump)."""
    assert run().exit_code == 0
    before = dump(project / "factcheck.db")
    first = sorted((project / "seeds").iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nPoison: 7,777 dogs.\n")
    return first, before


def test_extractor_failure_skips_the_article_and_keeps_its_claims(project, monkeypatch):
    import factcheck.extract as extract_module

    first, before = _poison_first_seed(project)
    real = extract_module.extract_many
    monkeypatch.setenv("FACTCHECK_CRASH_DIR", str(project))

    def fails_on_poison(items, jobs=1):
        if any("Poison" in text for text, _doc, _pub in items):
            raise RecursionError("maximum recursion depth exceeded")
        return real(items, jobs)

    monkeypatch.setattr(extract_module, "extract_many", fails_on_poison)
    result = run()
    assert result.exit_code == 2
    assert re.search(
        rf"skipped seeds/{first.name}: the extractor failed on this article \(a bug in factcheck;"
        r" traceback in .*factcheck-crash-.*\.txt\); its earlier claims are kept",
        result.stderr,
    ), result.stderr
    assert "4 documents" in result.stdout and "1 file skipped" in result.stdout
    after = dump(project / "factcheck.db")
    assert [t for t in after if t[0] in ("claims", "documents")] == [
        t for t in before if t[0] in ("claims", "documents")
    ]
    assert run("--allow-skipped").exit_code == 0


def test_a_bug_deep_in_the_extractor_is_not_swallowed(project, monkeypatch):
    """A phrase reader that raises on one article: that article is skipped and keeps its
    earlier claims; it is never stored with no claims, as a silent catch-all would."""
    from factcheck.extract import extractor

    first, before = _poison_first_seed(project)
    real = extractor.read_at
    monkeypatch.setenv("FACTCHECK_CRASH_DIR", str(project))

    def fails_on_poison(t, drafts, m):
        if "Poison" in t.text:
            raise ZeroDivisionError("float division by zero")
        return real(t, drafts, m)

    monkeypatch.setattr(extractor, "read_at", fails_on_poison)
    result = run()
    assert result.exit_code == 2
    assert f"skipped seeds/{first.name}: the extractor failed on this article" in result.stderr
    after = dump(project / "factcheck.db")
    assert [t for t in after if t[0] == "claims"] == [t for t in before if t[0] == "claims"]


# -- one run at a time ---------------------------------------------------------------


def test_second_concurrent_run_waits_then_exits_2(project, monkeypatch):
    import fcntl

    from factcheck.store import connection

    assert run().exit_code == 0
    before = dump(project / "factcheck.db")
    monkeypatch.setattr(connection, "DEFAULT_LOCK_TIMEOUT", 0.3)
    with open(project / "factcheck.db.lock", "w") as holder:
        fcntl.flock(holder, fcntl.LOCK_EX)  # what a first run holds while it runs
        result = run()
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "Error: factcheck.db: another factcheck run is using the database (waited 0.3 s);"
        " wait for it to finish or use another --db"
    )
    assert dump(project / "factcheck.db") == before
    assert run().exit_code == 0  # the lock goes with its holder


@pytest.mark.parametrize(
    "trials",
    [pytest.param(3, id="3 trials"), pytest.param(8, id="8 trials", marks=pytest.mark.slow)],
)
def test_concurrent_runs_never_report_a_partial_pass(project, trials):
    """Soak: runs over different parts of one corpus at once, on one database.

    Without the run lock a run could evaluate the rules while another one,
    over fewer paths, had just removed the rest: it reported a pass on part
    of the corpus. Each run must report exactly what it reports alone.
    """
    import subprocess
    import sys

    (project / "seeds" / "005.txt").write_text(
        "About 12,000 U.S. troops are in Iraq now, officials said.\n", encoding="utf-8"
    )
    for i in range(30):
        (project / "seeds" / f"w{i:02d}.txt").write_text(
            f"Report {i}: some {1000 + i * 37:,} people were moved to shelters in Basra.\n",
            encoding="utf-8",
        )
    parts = [["seeds"], ["seeds/005.txt", "seeds/w00.txt"], ["seeds"], ["seeds/w01.txt"]]
    alone = []
    for i, paths in enumerate(parts):
        done = subprocess.run(
            [sys.executable, "-m", "factcheck", "run", *paths, "--db", f"alone{i}.db"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        alone.append((done.returncode, done.stdout.splitlines()[-1]))
    assert alone[0] == (1, "36 documents, 71 claims, 5 facts checked, 1 finding (1 error)")
    for _trial in range(trials):
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "factcheck", "run", *paths],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for paths in parts
        ]
        for p, expected in zip(procs, alone, strict=True):
            out, err = p.communicate(timeout=120)
            assert "Traceback" not in err
            if p.returncode == 2:
                assert "another factcheck run is using the database" in err, err
            else:
                assert (p.returncode, out.splitlines()[-1]) == expected


def test_empty_db_path_is_refused(project):
    result = run("--db", "")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "Error: --db is empty; give a database file, e.g. --db factcheck.db"
    )


# -- the traceback cases: each a clear message and exit 2, earlier results intact ----

BIG = "9" * 5000


def _meta(content: str):
    def setup(project):
        (project / "seeds" / "new.txt").write_text(
            "Dec 02, 2017\n\nAbout 2,400 troops arrived in Mosul on Friday.\n", encoding="utf-8"
        )
        (project / "seeds" / "new.txt.meta.json").write_text(content, encoding="utf-8")

    return setup


SKIP_CASES = [
    # (case, set-up, message on stderr): the file is skipped, the run goes on, exit 2
    (
        "meta title is a list",
        _meta('{"title": ["Iraq", "troops"]}'),
        r"seeds/new\.txt\.meta\.json: 'title' must be a string, not list",
    ),
    (
        "meta title is a mapping",
        _meta('{"title": {"en": "Iraq"}}'),
        r"seeds/new\.txt\.meta\.json: 'title' must be a string, not dict",
    ),
    (
        "meta nested 100,000 deep",
        _meta("[" * 100_000 + "]" * 100_000),
        r"seeds/new\.txt\.meta\.json: cannot read metadata: JSON nested too deep",
    ),
    (
        "meta 5,000-digit number",
        _meta('{"title": "Iraq", "words": ' + BIG + "}"),
        r"seeds/new\.txt\.meta\.json: cannot read metadata: a number with too many digits",
    ),
    (
        "meta published is a number",
        _meta('{"published": 20171202}'),
        r"seeds/new\.txt\.meta\.json: 'published' is '20171202'; write a date as YYYY-MM-DD",
    ),
    (
        "byte-order mark only",
        lambda p: (p / "seeds" / "new.txt").write_bytes(b"\xef\xbb\xbf\n"),
        r"seeds/new\.txt: empty file",
    ),
]


@pytest.mark.parametrize("case, setup, message", SKIP_CASES, ids=[c[0] for c in SKIP_CASES])
def test_bad_file_is_skipped_with_its_message(project, case, setup, message):
    assert run().exit_code == 0
    before = [t for t in dump(project / "factcheck.db") if t[0] in ("claims", "documents")]
    setup(project)
    result = run()
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert re.search("skipped " + message, result.stderr), result.stderr
    assert "5 documents" in result.stdout and "1 file skipped" in result.stdout
    after = [t for t in dump(project / "factcheck.db") if t[0] in ("claims", "documents")]
    assert after == before


def _rule(body: str):
    def setup(project):
        (project / "rules" / "x.yaml").write_text(body, encoding="utf-8")

    return setup


def _rule_key(yaml_tail: str):
    return _rule(
        "rules:\n  - id: troops-2014\n    title: Troops in 2,014 villages\n"
        "    select:\n      kind: count\n" + yaml_tail
    )


def _baseline(content: str):
    def setup(project):
        (project / "b.json").write_text(content, encoding="utf-8")

    return setup


def _newer_schema(project):
    conn = sqlite3.connect(project / "factcheck.db")
    conn.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at)"
        " values ('factcheck', 'm099_future', '2099-01-01 00:00:00+00:00')"
    )
    conn.commit()
    conn.close()


def _connect_with(monkeypatch, pragma: str | None = None, readonly: bool = False):
    from factcheck.store import connection

    real = connection.connect

    def connect(path, timeout, ro):
        if readonly:  # the file as a read-only mount or a root-owned file shows it
            uri = f"file:{os.path.abspath(path)}?mode=ro"
            return sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
        conn = real(path, timeout, ro)
        if pragma:
            conn.execute(pragma)
        return conn

    monkeypatch.setattr(connection, "connect", connect)


def _full_disk(project):
    # max_page_count caps the file at its current size, as a full disk does
    _connect_with(project.monkeypatch, pragma="PRAGMA max_page_count = 1")
    para = "The ministry said 1,250 families had returned to the district.\n\n" * 2000
    # the only new article, so its write is the first one and fails whole
    (project / "seeds" / "006.txt").write_text(para, encoding="utf-8")


FATAL_CASES = [
    # (case, set-up, arguments, message on stderr): the run stops, nothing is written
    (
        "rule bounds with 5,000 digits",
        _rule_key(f"    bounds: {{max: {BIG}}}\n"),
        [],
        r"rules/x\.yaml:6:19: \[E019\] the number is 5000 characters long",
    ),
    (
        "rule file nested 5,000 deep",
        _rule("rules: " + "[" * 5000 + "]" * 5000 + "\n"),
        [],
        r"rules/x\.yaml:1:1: \[E002\] nested more than 40 levels deep",
    ),
    (
        "rules: 5",
        _rule("rules: 5\n"),
        [],
        r"rules/x\.yaml:1:1: \[E012\] 'rules' must be a list of mappings, not a number",
    ),
    (
        "tolerance .nan",
        _rule_key("    agree: {tolerance: .nan}\n"),
        [],
        r"rules/x\.yaml:6:13: \[E019\] rule 'troops-2014': 'tolerance' is nan, not a finite",
    ),
    (
        "tolerance .inf",
        _rule_key("    agree: {tolerance: .inf}\n"),
        [],
        r"rules/x\.yaml:6:13: \[E019\] rule 'troops-2014': 'tolerance' is inf, not a finite",
    ),
    (
        "after 2021-02-30",
        _rule_key("      time: {after: 2021-02-30}\n"),
        [],
        r"rules/x\.yaml:6:14: \[E018\] rule 'troops-2014': 'after' is '2021-02-30', not a date",
    ),
    (
        "after later than before",
        _rule_key("      time: {after: 2021-06-01, before: 2020-01-01}\n"),
        [],
        r"rules/x\.yaml:6:14: \[E022\] rule 'troops-2014': 'after' \(2021-06-01\) is later than"
        r" 'before' \(2020-01-01\)",
    ),
    (
        "baseline with 5,000 digits",
        _baseline('{"factcheck_baseline": 1, "conflicts": [{"id": ' + BIG + "}]}"),
        ["--baseline", "b.json"],
        r"b\.json: not a baseline file \(a number with too many digits\)",
    ),
    (
        "baseline nested 100,000 deep",
        _baseline("[" * 100_000 + "]" * 100_000),
        ["--baseline", "b.json"],
        r"b\.json: not a baseline file \(JSON nested too deep\)",
    ),
    (
        "baseline of another version",
        _baseline('{"factcheck_baseline": 7, "conflicts": []}'),
        ["--baseline", "b.json"],
        r"b\.json: baseline version '7' is not 1",
    ),
    (
        "-o is the database",
        None,
        ["--format", "json", "-o", "factcheck.db"],
        r"factcheck\.db: is the database; refusing to overwrite it",
    ),
    (
        "-o is the database by another path",
        lambda p: (p / "sub").mkdir(),
        ["--format", "sarif", "-o", "sub/../factcheck.db"],
        r"sub/\.\./factcheck\.db: is the database; refusing to overwrite it",
    ),
    (
        "database from a newer schema",
        _newer_schema,
        [],
        r"factcheck\.db: was written by a newer factcheck \(schema m099_future\); it was left"
        r" untouched",
    ),
    (
        "read-only database",
        lambda p: _connect_with(p.monkeypatch, readonly=True),
        [],
        r"factcheck\.db: cannot write the database \(attempt to write a readonly database\);"
        r" earlier results are unchanged",
    ),
    (
        "full disk",
        lambda p: _full_disk(p),
        [],
        r"factcheck\.db: the disk is full \(database or disk is full\); earlier results are"
        r" unchanged",
    ),
]


class _Project(type(Path())):
    monkeypatch = None


@pytest.mark.parametrize("case, setup, args, message", FATAL_CASES, ids=[c[0] for c in FATAL_CASES])
def test_fatal_case_exits_2_and_keeps_results(project, monkeypatch, case, setup, args, message):
    (project / "seeds" / "005.txt").write_text(
        "About 12,000 U.S. troops are in Iraq now, officials said.\n", encoding="utf-8"
    )
    assert run().exit_code == 1
    (project / "seeds" / "006.txt").write_text("Some 9,000 troops are in Iraq.\n")
    here = _Project(project)
    here.monkeypatch = monkeypatch
    if setup:
        setup(here)
    before = dump(project / "factcheck.db")
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert re.search(message, result.stderr), result.stderr
    assert dump(project / "factcheck.db") == before


@pytest.mark.parametrize("seed", range(40))
def test_random_corruption_gives_a_result_or_a_clear_error(project, seed):
    import random

    assert run().exit_code == 0
    db = project / "factcheck.db"
    raw = bytearray(db.read_bytes())
    rnd = random.Random(seed)
    for _ in range(rnd.choice([1, 8, 64])):
        at = rnd.randrange(100, len(raw))  # past the header, which is checked on its own
        raw[at] = rnd.randrange(256)
    db.write_bytes(bytes(raw))
    result = run()
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 2:
        assert result.stderr.startswith("Error: factcheck.db: "), result.stderr


def test_utf32_article_is_read_as_utf32(project):
    text = "Dec 02, 2017\n\nAbout 2,400 troops arrived in Mosul — officials said.\n"
    (project / "seeds" / "new.txt").write_bytes(text.encode("utf-32"))
    result = CliRunner().invoke(cli, ["extract", "seeds/new.txt", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    import json

    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert [c["text"] for c in claims if c["kind"] == "count"] == ["About 2,400 troops"]
    assert all(text[c["start"] : c["end"]] == c["text"] for c in claims)


# -- injection through names: no output line can start a workflow command ---------

EVIL_NAME = "evil\n::error file=x::name injected\x1b[2J.txt"
EVIL_TITLE = "Iraq\n::error file=t::title injected\x1b]0;owned\x07"


def _forged(text: str) -> list[str]:
    return [
        line
        for line in text.splitlines()
        if re.match(r"::error file=[xyt]::", line) or "\x1b" in line
    ]


@pytest.mark.parametrize("fmt", ["table", "markdown", "junit", "github", "json", "sarif", "html"])
def test_file_name_and_title_cannot_inject_commands_or_escapes(project, fmt):
    (project / "seeds" / EVIL_NAME).write_text(
        "About 12,000 U.S. troops are in Iraq now, officials said.\n", encoding="utf-8"
    )
    (project / "seeds" / (EVIL_NAME + ".meta.json")).write_text(
        json.dumps({"title": EVIL_TITLE, "published": "2018-02-14"}), encoding="utf-8"
    )
    (project / "seeds" / "bad\n::error file=y::skip injected.txt").write_bytes(b"\xff\xfe\x00")
    result = run("--format", fmt)
    assert result.exit_code == 2  # the undecodable file is skipped
    assert _forged(result.stdout) == [] and _forged(result.stderr) == []
    assert "skip injected" in result.stderr  # named, on one line
    ids = json.loads(invoke("conflicts", "--format", "json").stdout)
    (conflict,) = [c for c in ids if "injected" in json.dumps(c)]
    for args in (["show", conflict["id"]], ["conflicts"], ["claims"], ["extract", "seeds"]):
        out = invoke(*args)
        assert _forged(out.stdout) == [] and _forged(out.stderr) == [], args
    shown = invoke("show", conflict["id"]).stdout
    assert "evil\\n::error file=x::name injected\\x1b[2J.txt" in shown


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize(
    "fmt, expected",
    [
        ("json", '"reason": "seeds/new.txt: binary file (contains NUL bytes), not an article"'),
        ("markdown", "- seeds/new.txt: binary file (contains NUL bytes), not an article"),
        ("junit", '<testcase classname="factcheck.files" name="seeds/new.txt">'),
        ("github", "::error file=seeds/new.txt,title=factcheck skipped file::seeds/new.txt: bin"),
        ("sarif", '"descriptor": {\n                "id": "skipped-file"'),
    ],
)
def test_skipped_files_appear_in_every_format(project, fmt, expected):
    (project / "seeds" / "new.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00")
    result = run("--format", fmt)
    assert result.exit_code == 2
    assert expected in result.stdout, result.stdout


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to find the workers")
def _workers_of(proc) -> list[int]:
    """The run's worker processes, once both of its --jobs 2 workers have started."""
    import time

    workers = []
    deadline = time.monotonic() + 20
    while len(workers) < 2 and time.monotonic() < deadline:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, workers
    return workers


def _still_alive_after(workers: list[int], seconds: float) -> list[int]:
    """The workers still alive once they have had `seconds` to end."""
    import time

    deadline = time.monotonic() + seconds
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [w for w in workers if _alive(w)]


def test_sigterm_stops_the_workers_of_a_parallel_run(project):
    import signal

    proc = _start_long_run(project, "--jobs", "2")
    workers = _workers_of(proc)
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 143, err
    assert "Traceback" not in err
    assert _still_alive_after(workers, 5) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_kill_9_of_a_parallel_run_leaves_no_workers(project):
    import signal

    proc = _start_long_run(project, "--jobs", "2")
    workers = _workers_of(proc)
    proc.send_signal(signal.SIGKILL)  # no handler runs: the workers must notice on their own
    proc.communicate(timeout=30)
    assert _still_alive_after(workers, 5) == []


# -- smaller cases ------------------------------------------------------------------


def test_reading_commands_do_not_write_next_to_the_database(project):
    (project / "seeds" / "005.txt").write_text(
        "About 12,000 U.S. troops are in Iraq now, officials said.\n", encoding="utf-8"
    )
    assert run().exit_code == 1
    files = sorted(p.name for p in project.iterdir())
    raw = (project / "factcheck.db").read_bytes()
    (conflict,) = json.loads(invoke("conflicts", "--format", "json").stdout)
    for args in (["conflicts"], ["show", conflict["id"]], ["claims"], ["baseline", "-o", "-"]):
        assert invoke(*args).exit_code == 0, args
    assert sorted(p.name for p in project.iterdir()) == files  # no -wal, -shm or journal
    assert (project / "factcheck.db").read_bytes() == raw


def test_a_failed_report_write_keeps_the_old_report(project, monkeypatch):
    import factcheck.output as output

    (project / "out.json").write_text('{"earlier": "report"}\n', encoding="utf-8")

    def disk_full(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", disk_full)
    result = run("--format", "json", "-o", "out.json")
    assert result.exit_code == 2
    assert "Error: out.json: cannot write the report (No space left on device)" in result.stderr
    assert (project / "out.json").read_text(encoding="utf-8") == '{"earlier": "report"}\n'
    assert sorted(p.name for p in project.iterdir() if p.name.endswith(".tmp")) == []


def test_baseline_ids_match_in_any_case(project):
    (project / "seeds" / "005.txt").write_text(
        "About 12,000 U.S. troops are in Iraq now, officials said.\n", encoding="utf-8"
    )
    assert run().exit_code == 1
    assert invoke("baseline").exit_code == 0
    data = json.loads((project / "factcheck-baseline.json").read_text(encoding="utf-8"))
    for entry in data["conflicts"]:
        entry["id"] = entry["id"].upper()
    (project / "factcheck-baseline.json").write_text(json.dumps(data), encoding="utf-8")
    assert run("--baseline", "factcheck-baseline.json").exit_code == 0


def test_baseline_output_on_the_database_is_refused(project):
    assert run().exit_code == 0
    before = dump(project / "factcheck.db")
    result = invoke("baseline", "-o", "./factcheck.db")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "Error: ./factcheck.db: is the database; refusing to overwrite it."
        " Give -o another file name."
    )
    assert dump(project / "factcheck.db") == before


@pytest.mark.parametrize("command", [["conflicts"], ["claims"], ["show", "abcd"], ["baseline"]])
def test_empty_db_path_is_refused_by_every_command(project, command):
    result = CliRunner().invoke(cli, [*command, "--db", ""])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "Error: --db is empty; give a database file, e.g. --db factcheck.db"
    )


def test_ctrl_c_while_the_modules_load_is_interrupted_not_a_traceback(monkeypatch, capsys):
    import builtins

    import factcheck.__main__ as entry

    real_import = builtins.__import__

    def interrupted(name, *args, **kwargs):
        if name == "cli" or name.endswith(".cli"):
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", interrupted)
    with pytest.raises(SystemExit) as stopped:
        entry.main()
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "\nInterrupted.\n"


def test_an_article_replaced_by_a_folder_mid_run_is_skipped_with_its_name(project):
    """The run reads each article twice: once to see what changed, then a chunk at a
    time to extract it. An article that becomes a folder in between is skipped like any
    unreadable file (exit 2, named), not a crash (exit 3)."""
    import shutil
    import subprocess
    import sys

    text = "Officials in Łódź said 1,250 people were moved to shelters on Tuesday.\n"
    for i in range(200):
        (project / "seeds" / f"z{i:03d}.txt").write_text(text, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "run", "--jobs", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, FACTCHECK_TEST_PAUSE="documents-stored"),
    )
    assert proc.stderr.readline().startswith("paused at documents-stored")
    last = project / "seeds" / "z199.txt"  # in the last chunk, not read yet
    last.unlink()
    last.mkdir()
    out, err = proc.communicate("\n" * 20, timeout=120)
    assert proc.returncode == 2, err
    assert "seeds/z199.txt" in err and "folder" in err, err
    assert "Traceback" not in err and "Internal error" not in err
    shutil.rmtree(last)
