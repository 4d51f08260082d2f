"""The project configuration: found walking up, options override it, errors name the file."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.config import find_config, load_config


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


CONFIG = """\
[tool.black]
line-length = 88

[tool.factcheck]
paths = ["corpus"]
rules = "checks"
db = "state/news.db"
fail-on = "warning"
exclude = ["drafts/", "*.draft.md"]
"""


@pytest.fixture
def newsroom(project):
    """The seeds moved to corpus/, the rules to checks/, configured in pyproject.toml."""
    os.rename(project / "seeds", project / "corpus")
    os.rename(project / "rules", project / "checks")
    (project / "state").mkdir()
    (project / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    (project / "corpus" / "drafts").mkdir()
    wrong = "About 12,000 U.S. troops are in Iraq now, officials said.\n"
    (project / "corpus" / "drafts" / "d.txt").write_text(wrong, encoding="utf-8")
    (project / "corpus" / "note.draft.md").write_text(wrong, encoding="utf-8")
    return project


def test_run_with_no_options_does_the_configured_run(newsroom):
    result = invoke("run")
    assert result.exit_code == 0, result.output
    assert result.stdout == "5 documents, 40 claims, 5 facts checked, 0 findings\n"
    assert (newsroom / "state" / "news.db").exists()
    assert not (newsroom / "factcheck.db").exists()


def test_configuration_is_found_from_a_subfolder_and_paths_stay_relative_to_it(newsroom):
    os.chdir(newsroom / "corpus")
    result = invoke("run", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["documents"] == 5
    assert find_config() == str(newsroom / "pyproject.toml")
    assert load_config().get("rules") == "../checks"


def test_command_line_overrides_the_configuration(newsroom):
    (newsroom / "corpus" / "005.txt").write_text(
        "About 12,000 U.S. troops are in Iraq now, officials said.\n", encoding="utf-8"
    )
    assert invoke("run").exit_code == 1
    result = invoke("run", "--fail-on", "never", "--db", "other.db")
    assert result.exit_code == 0
    assert (newsroom / "other.db").exists()
    listed = invoke("conflicts", "--format", "json")  # reads the configured database
    assert len(json.loads(listed.stdout)) == 1


def test_factcheck_toml_wins_over_pyproject(newsroom):
    (newsroom / "factcheck.toml").write_text(
        'paths = ["corpus/000_bd7df65e452f0e71.txt"]\nrules = "checks"\n', encoding="utf-8"
    )
    result = invoke("run")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 document, ")


@pytest.mark.parametrize(
    "text, message",
    [
        ('[tool.factcheck]\nrule = "checks"\n', "unknown key 'rule' (did you mean 'rules'?)"),
        ('[tool.factcheck]\npaths = "corpus"\n', "'paths' must be a list of strings"),
        ('[tool.factcheck]\nfail-on = "sometimes"\n', "'fail-on' is 'sometimes'; allowed"),
        ("[tool.factcheck]\npaths = [\n", "cannot read the configuration (Invalid value"),
    ],
)
def test_bad_configuration_names_the_file_and_exits_2(project, text, message):
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["run"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: pyproject.toml"), result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "command", [["run"], ["rules", "lint"], ["extract"], ["conflicts"], ["suggest"]]
)
def test_a_broken_configuration_never_breaks_help(project, command):
    (project / "pyproject.toml").write_text('[tool.factcheck]\nrule = "x"\n', encoding="utf-8")
    helped = CliRunner().invoke(cli, [*command, "--help"])
    assert helped.exit_code == 0, helped.output
    assert helped.stdout.startswith(f"Usage: cli {' '.join(command)} [OPTIONS]")
    assert CliRunner().invoke(cli, ["--version"]).stdout.startswith("factcheck, version ")
    ran = CliRunner().invoke(cli, [*command, "."] if command != ["conflicts"] else command)
    assert ran.exit_code == 2
    assert "pyproject.toml [tool.factcheck]: unknown key 'rule'" in ran.stderr


def test_several_reports_from_one_run(project):
    (project / "seeds" / "005.txt").write_text(
        "About 12,000 U.S. troops are in Iraq now, officials said.\n", encoding="utf-8"
    )
    result = invoke("run", "--report", "sarif:out.sarif", "--report", "markdown:comment.md", "-q")
    assert result.exit_code == 1
    sarif = json.loads((project / "out.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["us-troops-in-iraq-now"]
    comment = (project / "comment.md").read_text(encoding="utf-8")
    assert comment.startswith("### factcheck: 1 finding to fix")
    assert "| us-troops-in-iraq-now" in comment
    assert "conflicts (1 error)" not in result.stdout  # -q: no summary
    assert "us-troops-in-iraq-now" in result.stdout  # the table still goes to stdout


def test_report_option_errors_are_usage_errors(project):
    result = CliRunner().invoke(cli, ["run", "--report", "pdf:x.pdf"])
    assert result.exit_code == 2
    assert "'pdf:x.pdf': write FORMAT:FILE" in result.stderr


def test_verbose_says_what_was_extracted_and_reused(project):
    assert invoke("run").exit_code == 0
    (project / "seeds" / "005.txt").write_text("Some 9,000 troops are in Iraq.\n")
    result = invoke("run", "-v")
    assert "extracted 1, reused 5, removed 0" in result.stderr


def test_short_help(project):
    result = invoke("run", "-h")
    assert result.exit_code == 0
    assert "--report FORMAT:FILE" in result.stdout


def test_config_prints_the_settings_and_where_each_comes_from(project):
    (project / "sub").mkdir()
    (project / "rules").mkdir(exist_ok=True)
    (project / "pyproject.toml").write_text(
        '[tool.factcheck]\npaths = ["news"]\nfail-on = "warning"\n', encoding="utf-8"
    )
    os.chdir(project / "sub")
    data = json.loads(CliRunner().invoke(cli, ["config", "--format", "json"]).stdout)
    settings = data["settings"]
    assert settings["paths"] == {"value": ["../news"], "from": str(project / "pyproject.toml")}
    assert settings["fail-on"]["value"] == "warning"
    # keys the file leaves out are the defaults beside the file, not in the current folder
    assert settings["db"] == {
        "value": "../factcheck.db",
        "from": "default, beside the configuration file",
    }
    assert settings["rules"]["value"] == "../rules"
    assert settings["baseline"] == {"value": None, "from": "default"}
    table = CliRunner().invoke(cli, ["config"]).stdout
    assert "fail-on   warning  (" in table and "baseline  (none)  (default)" in table


def test_config_option_uses_that_file_and_a_missing_one_is_a_message(project):
    (project / "ci").mkdir()
    (project / "ci" / "strict.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    ran = CliRunner().invoke(cli, ["--config", "ci/strict.toml", "config", "--format", "json"])
    assert json.loads(ran.stdout)["settings"]["fail-on"]["value"] == "warning"
    missing = CliRunner().invoke(cli, ["--config", "ci/none.toml", "run"])
    assert missing.exit_code == 2
    assert "ci/none.toml: no such configuration file (--config)" in missing.stderr


def test_exclude_option_and_gitignore_keep_files_out_of_every_command(project):
    news = project / "seeds"
    (news / "drafts").mkdir()
    (news / "drafts" / "next.txt").write_text(
        "About 9,900 people were evacuated from Łódź on Monday.\n", encoding="utf-8"
    )
    (news / "scratch.tmp.txt").write_text(
        "About 5,500 people were evacuated from Łódź on Monday.\n", encoding="utf-8"
    )
    (project / ".gitignore").write_text("# editor files\n*.tmp.txt\n", encoding="utf-8")

    def docs(*args):
        out = CliRunner().invoke(cli, ["extract", "seeds", "--format", "jsonl", *args]).stdout
        return sorted({json.loads(line)["doc"] for line in out.splitlines()})

    everything = docs()
    assert "seeds/drafts/next.txt" in everything and "seeds/scratch.tmp.txt" not in everything
    assert "seeds/drafts/next.txt" not in docs("--exclude", "seeds/drafts/")
    ran = CliRunner().invoke(cli, ["run", "seeds", "--exclude", "drafts/", "--format", "json"])
    assert "9,900" not in ran.stdout and "5,500" not in ran.stdout


def test_rules_new_writes_into_the_configured_rules_folder(newsroom):
    made = CliRunner().invoke(cli, ["rules", "new", "museum-visitors"])
    assert made.exit_code == 0, made.output
    assert (newsroom / "checks" / "museum-visitors.yaml").exists()  # rules = "checks"
    assert not (newsroom / "rules").exists()


def test_the_pre_commit_run_hook_passes_quietly_where_factcheck_is_not_set_up(
    tmp_path, monkeypatch
):
    import shlex

    import yaml

    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text())
    entry = next(h["entry"] for h in hooks if h["id"] == "factcheck-run")
    monkeypatch.chdir(tmp_path)  # a repository with no configuration, no seeds/
    (tmp_path / "notes.md").write_text("About 1,200 people were evacuated.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, shlex.split(entry)[1:])
    assert result.exit_code == 0, result.output
    assert "no factcheck.toml or [tool.factcheck]" in result.stderr
    assert not (tmp_path / "factcheck.db").exists()


def _special_gitignore(project, kind: str) -> None:
    """A .gitignore that is no readable file: a FIFO nobody writes to, a link to an
    endless device, a link to a 4 GB sparse file, a folder (each made in the test's
    own folder; the device is only ever read)."""
    ignore = project / ".gitignore"
    if kind == "fifo":
        os.mkfifo(ignore)
    elif kind == "endless":
        ignore.symlink_to("/dev/zero")
    elif kind == "huge":
        with open(project / "huge.bin", "wb") as f:
            f.truncate(4 << 30)
        ignore.symlink_to(project / "huge.bin")
    else:
        ignore.mkdir()


@pytest.mark.parametrize(
    "kind, reason",
    [
        ("fifo", "not a regular file (a FIFO)"),
        ("endless", "not a regular file (a device)"),
        ("huge", "larger than the 1048576 byte limit"),
        ("folder", "is a folder"),
    ],
)
def test_a_gitignore_that_is_no_readable_file_is_named_and_exits_2(project, kind, reason):
    """The patterns of such a .gitignore cannot apply, so the run stops (exit 2) naming it,
    before reading a file the project keeps out; never a hang or all the memory."""
    import subprocess
    import sys

    (project / "seeds" / "scratch.tmp.txt").write_text(
        "About 5,500 people were evacuated from Łódź on Monday, the mayor said.\n",
        encoding="utf-8",
    )
    _special_gitignore(project, kind)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "extract", "seeds", "--format", "jsonl"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("Error: .gitignore: ") and reason in done.stderr
    assert "remove it" in done.stderr and "Traceback" not in done.stderr
    assert "5,500" not in done.stdout
