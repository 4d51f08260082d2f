"""The README's worked example is what factcheck prints: the table after adding an
article to the seeds, byte for byte (a stale id or count in the README fails here)."""

import shutil
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "About 12,000 U.S. troops are in Iraq now.\n"


def readme_example() -> str:
    """The fenced block after "Add an article that says" in README.md."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    after = text.split("Add an article that says", 1)[1]
    return after.split("```\n", 2)[1]


def test_the_readme_example_is_what_a_run_prints(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    (tmp_path / "seeds" / "005_new.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["run"], env={"COLUMNS": "", "NO_COLOR": "1"})
    assert result.exit_code == 1, result.output
    assert result.stdout == readme_example()
