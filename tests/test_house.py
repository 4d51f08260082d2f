"""The house rules of the code itself (CONTRIBUTING.md): the layers hold, functions and
modules stay short, ruff's lint (complexity included) passes, and the format registry and
the CLI's format names agree."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "factcheck"
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 600


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def long_functions(path: Path, root: Path = ROOT) -> list[str]:
    """`file:line name (N lines)` for each function of a module over MAX_FUNCTION_LINES,
    counted from its `def` (a click command's option decorators are declarations)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.lineno
            lines = node.end_lineno - first + 1
            if lines > MAX_FUNCTION_LINES:
                found.append(f"{path.relative_to(root)}:{first} {node.name} ({lines} lines)")
    return found


def test_no_function_is_over_60_lines():
    assert [f for path in modules() for f in long_functions(path)] == []


@pytest.mark.parametrize("statements,found", [(59, []), (60, ["x.py:2 long (61 lines)"])])
def test_the_size_check_counts_a_function_from_its_def(tmp_path, statements, found):
    body = "\n".join(f"    x{i} = {i}" for i in range(statements))
    (tmp_path / "x.py").write_text(f"@decorator\ndef long():\n{body}\n", encoding="utf-8")
    assert long_functions(tmp_path / "x.py", tmp_path) == found


def test_no_module_is_over_600_lines():
    sizes = {
        str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines()) for p in modules()
    }
    assert {p: n for p, n in sizes.items() if n > MAX_MODULE_LINES} == {}


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_the_layers_hold():
    """import-linter's contracts of pyproject.toml: imports only point down the layers."""
    code = (
        "import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True))"
    )
    done = run("-c", code)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 kept, 0 broken" in done.stdout


def test_ruff_passes_with_its_complexity_check_on_every_module():
    done = run("-m", "ruff", "check", "--no-cache", "factcheck", "tests", "bench")
    assert done.returncode == 0, done.stdout + done.stderr
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"C90"' in config and "max-complexity = 12" in config
    assert "per-file-ignores" not in config


def test_the_cli_names_every_format_of_the_registry_in_order():
    from factcheck import report
    from factcheck.cli import FORMAT_NAMES

    assert FORMAT_NAMES == tuple(report.FORMATS)


@pytest.fixture(scope="module")
def cli_modules() -> list[str]:
    """The modules importing factcheck.cli loads, read once in a fresh interpreter."""
    done = run("-c", "import sys, factcheck.cli; print(' '.join(sorted(sys.modules)))")
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


# what `factcheck --help` starts without: the extractor (and quantulum3), every output
# format, SQLite and the run's machinery, and the records (commands import them)
@pytest.mark.parametrize(
    "package",
    [
        "factcheck.extract",
        "quantulum3",
        "factcheck.report",
        "factcheck.store",
        "sqlite_utils",
        "factcheck.app.running",
        "factcheck.model",
    ],
)
def test_factcheck_help_imports_none_of_what_only_commands_need(package, cli_modules):
    assert not [m for m in cli_modules if m == package or m.startswith(package + ".")]


def test_the_package_names_no_placeholder_project_and_not_the_strangers_name():
    # "factcheck" on the package index is an unrelated project; no URL of ours exists yet
    import importlib.metadata

    assert importlib.metadata.metadata("factcheck-news")["Name"] == "factcheck-news"
    shipped = [*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.json"), ROOT / ".pre-commit-hooks.yaml"]
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        assert "github.com/factcheck/" not in text, path
        assert "rev: v0.1.0" not in text, path
