"""docs/ci.md played end to end: the GitHub Actions job's factcheck step, run as the
workflow runs it, on a new repository with no database and no baseline yet; then the
first-time set-up the docs give (`factcheck baseline`, commit it), and the job again."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CI_DOC = ROOT / "docs" / "ci.md"

ARTICLES = {
    "wire.txt": (
        "Quake toll in Kahramanlı rises to 1,240\n\n"
        "KAHRAMANLI, Feb 7 (Central Wire) - The death toll from Monday's earthquake in "
        "Kahramanlı rose to 1,240 on Wednesday, the disaster agency said.\n"
    ),
    "daily.txt": (
        "Rescuers race the cold in Kahramanlı\n\n"
        "The disaster agency said on Wednesday that 1,240 people had died in the "
        "Kahramanlı earthquake, as rescuers searched collapsed blocks through the night.\n"
    ),
    "evening.txt": (
        "Kahramanlı mourns\n\n"
        "By Wednesday evening the agency put the number of dead in Kahramanlı at 12,400, "
        "as the search went on in the old town.\n"
    ),
}
RULES = """\
rules:
  - id: kahramanli-deaths
    title: Deaths in the Kahramanlı earthquake
    select: {kind: count, about: [dead], words: [Kahramanlı]}
    agree: {}
"""


def workflow_step(name: str) -> str:
    """The `run:` script of a step of the workflow docs/ci.md gives."""
    text = CI_DOC.read_text(encoding="utf-8")
    section = text[text.index("## GitHub Actions") :]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)[1]
    steps = yaml.safe_load(block)["jobs"]["factcheck"]["steps"]
    return next(s["run"] for s in steps if s.get("id") == name or s.get("name") == name)


@pytest.fixture
def repo(tmp_path):
    """A corpus repository as a newsroom starts one: articles and rules, nothing else."""
    (tmp_path / "corpus").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "quake.yaml").write_text(RULES, encoding="utf-8")
    bin_dir = tmp_path / ".bin"
    bin_dir.mkdir()
    shim = bin_dir / "factcheck"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m factcheck "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return tmp_path


def play(repo: Path, script: str) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    """Run a step's script with bash -e, as Actions does, and read what it set."""
    outputs = repo / ".github_output"
    outputs.write_text("", encoding="utf-8")
    env = dict(
        os.environ,
        PATH=f"{repo / '.bin'}{os.pathsep}{os.environ['PATH']}",
        GITHUB_OUTPUT=str(outputs),
    )
    done = subprocess.run(
        ["bash", "-e", "-c", script], cwd=repo, env=env, capture_output=True, text=True
    )
    lines = outputs.read_text(encoding="utf-8").splitlines()
    return done, dict(line.split("=", 1) for line in lines if "=" in line)


@pytest.mark.skipif(shutil.which("bash") is None, reason="the workflow's steps are bash")
def test_the_documented_job_works_on_a_new_repository_then_keeps_accepted_findings(repo):
    step = workflow_step("run")
    # 1. the first job: no database, no baseline. It reports and fails on the finding,
    #    and says how to write the baseline; it does not stop at "no baseline"
    done, out = play(repo, step)
    assert done.returncode == 0, done.stderr
    assert out["exit"] == "1", done.stderr
    assert "factcheck-baseline.json: no baseline yet, so every finding counts" in done.stderr
    sarif = json.loads((repo / "factcheck.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["kahramanli-deaths"]
    comment = (repo / "factcheck.md").read_text(encoding="utf-8")
    assert comment.startswith("### factcheck: 1 finding to fix")
    # 2. the set-up docs/ci.md gives: review, write the baseline, commit it
    ids = subprocess.run(
        [sys.executable, "-m", "factcheck", "conflicts", "--format", "json"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    (finding,) = json.loads(ids.stdout)
    assert "12,400" in json.dumps(finding)
    wrote = subprocess.run(
        [sys.executable, "-m", "factcheck", "baseline"], cwd=repo, capture_output=True, text=True
    )
    assert wrote.returncode == 0, wrote.stderr
    assert "wrote 1 finding to factcheck-baseline.json" in wrote.stdout + wrote.stderr
    # 3. the next job: the known finding no longer fails it, and no warning
    done, out = play(repo, step)
    assert out["exit"] == "0", done.stderr
    assert "no baseline yet" not in done.stderr
    # 4. a new wrong figure fails it again
    (repo / "corpus" / "radio.txt").write_text(
        "Officials said 2,140 people had died in the Kahramanlı earthquake.\n", encoding="utf-8"
    )
    done, out = play(repo, step)
    assert out["exit"] == "1", done.stderr
