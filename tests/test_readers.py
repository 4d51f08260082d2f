"""Readers see the last committed run, whole: while a run works and after it is killed.

A run that removes documents and changes another replaces its findings in one
transaction, so `conflicts` and `baseline`, read at any step of it, or after a
`kill -9` at that step, give the previous run's findings, never a part of them.
The run is paused at each step through the tests' pause hook
(`factcheck.app.pausing`, FACTCHECK_TEST_PAUSE).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import app
from factcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
STEPS = ["documents-stored", "documents-removed", "matches-refreshed", "facts-checked", "run-saved"]
TROOPS = (
    "Dec 0{day}, 2017\n\nAbout {n:,} U.S. troops are in Iraq now, officials in Baghdad "
    "said on Tuesday, after the talks with Prime Minister Haider al-Abadi’s advisers.\n"
)


def _read(db: str) -> tuple[list[str], str]:
    """What a reviewer reads: the ids `conflicts` lists, and the baseline `baseline` writes."""
    ids = sorted(c.id for c in app.conflicts(db, "all"))
    return ids, app.write_baseline(db, "-").text


def _before_and_after(project: Path) -> tuple[tuple, tuple]:
    """A database with findings (old.db), the corpus changed for the next run, and what
    that run's readers must see before it commits and after."""
    for day in range(1, 7):
        text = TROOPS.format(day=day, n=10_000 + 1_000 * day)
        (project / "seeds" / f"extra_{day:02d}.txt").write_text(text, encoding="utf-8")
    first = CliRunner().invoke(cli, ["run", "--db", "old.db"])
    assert first.exit_code == 1, first.output
    old = _read("old.db")
    assert len(old[0]) >= 2
    for day in (1, 2, 3):  # three documents with findings go
        (project / "seeds" / f"extra_{day:02d}.txt").unlink()
    (project / "seeds" / "extra_04.txt").write_text(  # and one changes
        TROOPS.format(day=4, n=21_500), encoding="utf-8"
    )
    shutil.copy(project / "old.db", project / "new.db")
    second = CliRunner().invoke(cli, ["run", "--db", "new.db"])
    assert second.exit_code in (0, 1), second.output
    new = _read("new.db")
    assert new != old
    return old, new


def _start(db: str, steps: str) -> subprocess.Popen:
    env = dict(os.environ, FACTCHECK_TEST_PAUSE=steps, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck", "run", "--db", db],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _paused_at(proc: subprocess.Popen) -> str | None:
    """The step the run paused at next, or None when it ended without pausing."""
    while line := proc.stderr.readline():
        if line.startswith("paused at "):
            return line.removeprefix("paused at ").strip()
    return None


@pytest.mark.slow  # 15 s: five runs killed, each a new Python process
def test_a_run_killed_at_any_step_leaves_the_previous_findings_whole(project):
    old, new = _before_and_after(project)
    for at in STEPS:
        shutil.copy(project / "old.db", project / "killed.db")
        proc = _start("killed.db", at)
        try:
            assert _paused_at(proc) == at
            assert _read("killed.db") == old, f"read while paused at {at}"
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            proc.stdin.close()
            proc.stderr.close()
        assert _read("killed.db") == old, f"read after kill -9 at {at}"
        rerun = CliRunner().invoke(cli, ["run", "--db", "killed.db"])
        assert rerun.exit_code in (0, 1), rerun.output
        assert _read("killed.db") == new, f"rerun after kill -9 at {at}"


def test_readers_during_a_run_see_the_previous_run_then_the_new_one(project):
    old, new = _before_and_after(project)
    shutil.copy(project / "old.db", project / "live.db")
    proc = _start("live.db", "*")
    seen = []
    try:
        while (at := _paused_at(proc)) is not None:
            seen.append(at)
            assert _read("live.db") == old, f"read while paused at {at}"
            proc.stdin.write("\n")
            proc.stdin.flush()
    finally:
        proc.stdin.close()
        code = proc.wait()
        proc.stderr.close()
    assert code in (0, 1)
    assert [s for s in STEPS if s in seen] == STEPS
    assert _read("live.db") == new


def test_baseline_read_again_and_again_during_a_run_is_the_old_or_the_new_set(project):
    old, new = _before_and_after(project)
    shutil.copy(project / "old.db", project / "live.db")
    done = threading.Event()
    reads: list = []

    def reader():
        while not done.is_set():
            reads.append(_read("live.db"))

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "factcheck", "run", "--db", "live.db"],
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
            capture_output=True,
            check=False,
        )
    finally:
        done.set()
        thread.join()
    assert result.returncode in (0, 1), result.stderr
    assert len(reads) >= 5
    # `conflicts` and `baseline` are two reads: each gives the old set or the new one
    assert all(ids in (old[0], new[0]) for ids, _ in reads)
    assert all(text in (old[1], new[1]) for _, text in reads)
    assert _read("live.db") == new
