"""Reports and baselines written the way careful tools write them (factcheck/output.py):
a regular file replaced whole with the umask's mode (an existing one keeps its own), a
device, pipe or symbolic link written through and never replaced, `-` as standard
output, inputs and folders refused; and a closed pipe ends a run quietly.

Every special file here is one the test makes in its own temporary folder."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

ARTICLES = {
    "wire.txt": (
        "Głogów flood: 3,400 people evacuated\n\n"
        "GŁOGÓW, May 21 (Central Wire) - About 3,400 people were evacuated from riverside "
        "districts of Głogów on Tuesday as the Oder rose above its 1997 mark, officials said.\n"
    ),
    "radio.txt": (
        "Oder floods Głogów\n\n"
        "Officials said 3,500 people had been evacuated from the riverside districts of "
        "Głogów by Tuesday evening, with 1,150 of them in school gyms.\n"
    ),
    "gazette.txt": (
        "Thousands leave Głogów homes\n\n"
        "The city council said 4,300 people were evacuated from Głogów on Tuesday.\n"
    ),
}
RULES = """\
rules:
  - id: glogow-evacuated
    title: People evacuated from Głogów
    select: {kind: count, words: [evacuated, Głogów]}
    agree: {tolerance: 0.05}
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "news" / name).write_text(text, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    return tmp_path


def run(*args: str):
    base = ["run", "news", "--rules", "rules.yaml", "--db", "f.db", "--format", "json"]
    return CliRunner().invoke(cli, [*base, *args])


def findings_of(text: str) -> list[str]:
    return sorted({f["rule_id"] for f in json.loads(text)["findings"]})


@pytest.fixture
def umask():
    previous = os.umask(0o022)
    yield os.umask
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- regular files: whole, with the mode a user expects -----------------------------------


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_a_new_report_has_the_mode_the_umask_gives(project, umask, mask, expected):
    umask(mask)
    assert run("-o", "report.json").exit_code == 1
    assert mode(project / "report.json") == expected
    assert findings_of((project / "report.json").read_text(encoding="utf-8")) == [
        "glogow-evacuated"
    ]


@pytest.mark.parametrize("kept", [0o644, 0o600, 0o664])
def test_an_existing_report_keeps_its_mode(project, umask, kept):
    report = project / "report.json"
    report.write_text("{}", encoding="utf-8")
    report.chmod(kept)
    umask(0o077)
    assert run("-o", "report.json").exit_code == 1
    assert mode(report) == kept
    assert findings_of(report.read_text(encoding="utf-8")) == ["glogow-evacuated"]


def test_a_baseline_has_the_mode_the_umask_gives(project, umask):
    assert run().exit_code == 1
    result = CliRunner().invoke(cli, ["baseline", "--db", "f.db", "-o", "base.json"])
    assert result.exit_code == 0, result.output
    assert mode(project / "base.json") == 0o644


# -- links, devices and pipes: written through, never replaced -----------------------------


def test_a_symlinked_report_writes_its_target_and_keeps_the_link(project):
    (project / "published").mkdir()
    target = project / "published" / "latest.json"
    target.write_text("{}", encoding="utf-8")
    (project / "report.json").symlink_to(target)
    assert run("-o", "report.json").exit_code == 1
    assert (project / "report.json").is_symlink()
    assert findings_of(target.read_text(encoding="utf-8")) == ["glogow-evacuated"]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize("through_link", [False, True])
def test_a_null_device_is_written_through_not_replaced(project, through_link):
    node = project / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the null device's numbers
    path = node
    if through_link:
        path = project / "stdout-like"
        path.symlink_to(node)
    assert run("-o", str(path)).exit_code == 1
    assert stat.S_ISCHR(os.stat(node).st_mode)
    assert path.is_symlink() == through_link
    assert not list(project.glob(".factcheck-*.tmp"))


def test_a_fifo_is_written_through_to_its_reader(project):
    fifo = project / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = run("-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 1
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert findings_of(got[0].decode("utf-8")) == ["glogow-evacuated"]


def test_a_dash_is_standard_output(project):
    result = run("-o", "-")
    assert result.exit_code == 1
    assert findings_of(result.stdout) == ["glogow-evacuated"]
    assert not (project / "-").exists()


# -- refused before the run, results left as they were -------------------------------------


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("news", "'news' is a directory"),
        ("news/wire.txt", "news/wire.txt: is an input of this run (news); refusing"),
        ("news/report.md", "news/report.md: is an input of this run (news); refusing"),
        ("rules.yaml", "rules.yaml: is an input of this run (rules.yaml); refusing"),
    ],
)
def test_an_output_that_is_an_input_or_a_folder_is_refused(project, output, message):
    before = (project / "news" / "wire.txt").read_bytes()
    result = run("-o", output)
    assert result.exit_code == 2
    assert message in result.stderr
    assert (project / "news" / "wire.txt").read_bytes() == before
    assert not (project / "news" / "report.md").exists()
    assert not (project / "f.db").exists()


def test_a_socket_is_refused(project):
    import socket

    path = str(project / "sock")
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(path)
        result = run("-o", path)
    assert result.exit_code == 2
    assert "is not a regular file, a character device or a pipe" in result.stderr
    assert stat.S_ISSOCK(os.stat(path).st_mode)


def test_two_reports_to_standard_output_are_refused(project):
    result = run("-o", "-", "--report", "markdown:-")
    assert result.exit_code == 2
    assert "two reports would go to standard output" in result.stderr


# -- a closed pipe ----------------------------------------------------------------------


def test_a_reader_that_closes_the_pipe_ends_the_command_quietly(project, tmp_path):
    sentence = (
        "Officials said {:,} people were evacuated from Głogów on Tuesday, and {:,} of them "
        "spent the night in school gyms across the city, {} kilometres from the Oder.\n"
    )
    for i in range(200):  # about 1.5 MB of claims: far more than a pipe holds
        text = "".join(sentence.format(3_000 + i * 7 + k, 1_100 + k, 12 + k) for k in range(4))
        (project / "news" / f"extra{i:03d}.txt").write_text(text, encoding="utf-8")
    crashes = tmp_path / "crashes"
    crashes.mkdir()
    env = dict(os.environ, FACTCHECK_CRASH_DIR=str(crashes))
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "extract", "news", "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout.read(200).startswith(b"{")
    proc.stdout.close()
    with proc.stderr:
        err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 141  # 128 + SIGPIPE, as a shell reports `yes | head`
    assert "Internal error" not in err and "Traceback" not in err
    assert "BrokenPipe" not in err
    assert list(crashes.iterdir()) == []
