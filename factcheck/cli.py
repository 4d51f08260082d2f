"""The `factcheck` command: parse options, call one library function, print what it returns.

Exit codes: 0 clean, 1 conflicts at or above the failing severity, 2 bad usage,
rules or input. A user's mistake is reported as a message, never a traceback.
"""

from __future__ import annotations

import functools
import sys

import click

from . import report
from .errors import FactcheckError
from .model import SEVERITIES
from .rules import load_rules

EXIT_CLEAN, EXIT_CONFLICTS, EXIT_BAD_INPUT = 0, 1, 2


def friendly_errors(fn):
    """Turn library errors into a message on stderr and exit code 2."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except FactcheckError as e:
            click.echo(f"Error: {e}", err=True)
            sys.exit(e.exit_code)

    return wrapper


def fails(severity: str, fail_on: str) -> bool:
    """Whether a conflict of this severity fails a run with --fail-on."""
    if fail_on == "never":
        return False
    return SEVERITIES.index(severity) <= SEVERITIES.index(fail_on)


def _progress_bar():
    """A progress callback drawing on stderr when it is a terminal, else None."""
    if not sys.stderr.isatty():
        return None
    state = {}

    def progress(done: int, total: int) -> None:
        if "bar" not in state and total:
            state["bar"] = click.progressbar(
                length=total, label="Extracting", file=sys.stderr, show_pos=True
            )
            state["bar"].__enter__()
            state["done"] = 0
        bar = state.get("bar")
        if bar is not None:
            bar.update(done - state["done"])
            state["done"] = done
            if done >= total:
                bar.__exit__(None, None, None)

    return progress


@click.group()
@click.version_option(package_name="factcheck")
def cli():
    """Find numeric claims in news articles and check that sources agree.

    \b
    Example:
        factcheck run seeds/ --rules rules/
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rules", "rules_path", default="rules", show_default=True, help="Rules folder or file.")
@click.option("--db", "db_path", default="factcheck.db", show_default=True, help="SQLite database.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="Lowest conflict severity that makes the run exit 1.",
)
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes for extraction.")
@click.option("--allow-skipped", is_flag=True,
              help="Exit 0/1 even when some files could not be read (they are still listed).")
@friendly_errors
def run(paths, rules_path, db_path, fail_on, jobs, allow_skipped):
    """Extract claims from articles, store them, and report conflicts between sources.

    PATHS are article files or folders (default: seeds/).

    \b
    Example:
        factcheck run seeds/ --rules rules/ --db factcheck.db
    """
    from . import pipeline

    paths = list(paths) or ["seeds"]
    result = pipeline.run(paths, rules_path, db_path, jobs=jobs, progress=_progress_bar())
    table = report.conflicts_table(result.conflicts)
    if table:
        click.echo(table)
    for s in result.skipped:
        click.echo(f"skipped {s.reason}", err=True)
    click.echo(
        report.summary(
            len(result.documents),
            len(result.claims),
            result.facts,
            result.conflicts,
            len(result.skipped),
        )
    )
    if result.skipped and not allow_skipped:
        click.echo(
            "Error: some files were skipped (see above); fix them or pass --allow-skipped",
            err=True,
        )
        sys.exit(EXIT_BAD_INPUT)
    if any(fails(c.severity, fail_on) for c in result.conflicts if c.status == "open"):
        sys.exit(EXIT_CONFLICTS)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True, help="Output format.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes for extraction.")
@friendly_errors
def extract(paths, fmt, jobs):
    """List every numeric claim of the articles under PATHS.

    \b
    Example:
        factcheck extract seeds/ --format jsonl > claims.jsonl
    """
    from . import pipeline

    claims, skipped = pipeline.extract_paths(list(paths), jobs=jobs)
    for s in skipped:
        click.echo(f"skipped {s.reason}", err=True)
    if fmt == "jsonl":
        sys.stdout.write(report.claims_jsonl(claims))
    else:
        click.echo(report.claims_table(claims))
    if skipped:
        sys.exit(EXIT_BAD_INPUT)


@cli.group()
def rules():
    """Check and write rule files."""


@rules.command("lint")
@click.argument("path", default="rules", type=click.Path())
@friendly_errors
def rules_lint(path):
    """Validate rule files: report every problem with file:line:col and a hint.

    \b
    Example:
        factcheck rules lint rules/
    """
    loaded = load_rules(path)
    click.echo(f"{len(loaded)} rule{'s' if len(loaded) != 1 else ''} OK in {path}")
