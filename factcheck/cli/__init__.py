"""The `factcheck` command, click only: parse options, call `factcheck.app`, print the result.

A finished command exits with its `app.Outcome`'s code. Exit codes: 0 clean,
1 findings at or above the failing severity, 2 bad usage, rules, input or
database, 3 an internal error (a bug: the traceback is written to a file and
its path printed), 130 interrupted (Ctrl-C), 143 terminated. A user's mistake
is reported as a message, never a traceback.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import sys

import click

from .. import app
from ..errors import FactcheckError
from ..kinds import KINDS
from ..output import write_atomic
from ..safe_text import printable
from .base import (
    CONFIG_ERROR,
    CONTEXT_SETTINGS,
    DB_OPTION,
    FactcheckGroup,
    finish,
    friendly_errors,
    write_stdout,
)
from .export import export
from .inputs import (
    exclude_option,
    exclusions,
    follow_links_option,
    jobs_option,
    piped,
    stdin_name_option,
)
from .progress import progress_bar
from .rules import rules
from .settings import config_command, unconfigured
from .suggest import suggest

# The names of factcheck.report.FORMATS, the formats' registry: the report package (and
# every format module) is imported only by a command that writes a report, so that
# `factcheck --help` and `factcheck rules lint` start fast. tests/test_house.py keeps the two equal.
FORMAT_NAMES = ("table", "json", "markdown", "sarif", "junit", "github", "html")


def _terminal(output: str | None) -> tuple[int, bool]:
    """The width to fit a table to, and whether to colour it.

    Off a terminal (a pipe, a file, CI) the width is $COLUMNS or 120 and there
    is no colour, so the output is the same bytes every time; `NO_COLOR`
    turns colour off on a terminal too (https://no-color.org), and `FORCE_COLOR`
    (not empty, not 0) turns it on for standard output off a terminal (a CI log
    that shows colour); never in a file.
    """
    tty = output is None and sys.stdout.isatty()
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        width = int(columns)
    else:
        width = shutil.get_terminal_size((120, 24)).columns if tty else 120
    if os.environ.get("NO_COLOR"):
        return width, False
    forced = os.environ.get("FORCE_COLOR", "") not in ("", "0")
    return width, tty or (forced and output is None)


@click.group(cls=FactcheckGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(package_name="factcheck-news", prog_name="factcheck")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    envvar="FACTCHECK_CONFIG",
    help="The configuration file to use, instead of the nearest one found.",
)
@click.pass_context
@friendly_errors
def cli(ctx, config_file):
    """Find numeric claims in news articles and check that sources agree.

    Settings come from the nearest factcheck.toml, or [tool.factcheck] in
    pyproject.toml, found from the current folder upwards (or from --config);
    options override them. `factcheck config` prints them and where each came from.

    \b
    Example:
        factcheck run seeds/ --rules rules/
    """
    from ..config import Config, load_config

    try:
        config = load_config(path=config_file)
    except FactcheckError as e:  # reported by the command itself, after its --help
        ctx.meta[CONFIG_ERROR] = e
        config = Config()
    ctx.obj = config
    ctx.default_map = _default_map(config)


def _default_map(config) -> dict:
    """Option defaults from the project configuration, per command (click's default_map)."""
    db = {"db_path": config.get("db")} if config.get("db") else {}
    run = dict(db)
    for key, param in (
        ("rules", "rules_path"),
        ("fail_on", "fail_on"),
        ("baseline", "baseline_path"),
    ):
        if config.get(key):
            run[param] = config.get(key)
    rules = {"path": config.get("rules")} if config.get("rules") else {}
    commands = (
        "accept",
        "reopen",
        "baseline",
        "conflicts",
        "findings",
        "show",
        "claims",
        "export",
    )
    folder = config.get("rules")
    new = {"folder": folder} if folder and not folder.endswith((".yaml", ".yml")) else {}
    return {
        "run": run,
        **{name: dict(db) for name in commands},
        "rules": {"lint": dict(rules), "test": dict(rules), "new": new},
        "suggest": {"rules_path": folder} if folder else {},
    }


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--rules",
    "rules_path",
    help="Rules folder or file [default: rules, when it exists; else no rules: the built-in "
    "fact templates and the facts suggested from the corpus are checked, as warnings].",
)
@click.option(
    "--suggest",
    is_flag=True,
    help="With rules: also check the facts suggested from the corpus that no rule covers.",
)
@click.option(
    "--if-configured",
    is_flag=True,
    help="Run only where a project configuration is found; elsewhere say so and exit 0 "
    "(the pre-commit hook, in a repository that has not set factcheck up yet).",
)
@DB_OPTION
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="Lowest finding severity that makes the run exit 1.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMAT_NAMES),
    default="table",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to this file; the summary still goes to the terminal.",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    help="Only findings not in this baseline file fail the run.",
)
@click.option(
    "--report",
    "reports",
    multiple=True,
    metavar="FORMAT:FILE",
    help="Also write the report in FORMAT to FILE; repeat for several "
    "(--report sarif:factcheck.sarif --report markdown:comment.md).",
)
@jobs_option
@follow_links_option
@exclude_option
@stdin_name_option
@click.option(
    "--allow-skipped",
    is_flag=True,
    help="Exit 0/1 even when some files could not be read (they are still listed).",
)
@click.option(
    "--reread",
    is_flag=True,
    help="Read and hash every file, even one whose size, times and inode are as stored "
    "(by default such a file is taken as unchanged without being read).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the report.")
@click.option("-v", "--verbose", is_flag=True, help="Also say what was extracted, reused, removed.")
@click.pass_obj
@friendly_errors
def run(config, paths, **opts):
    """Extract claims from articles, store them, and report where sources disagree.

    PATHS are article files or folders, `-` an article on standard input (default:
    `paths` of the configuration, else seeds/). Each rule's statements are
    grouped into sources that agree; every statement outside the consensus (the
    set backed by most documents) is one finding. Formats: table, json, markdown (a
    pull-request comment), sarif (code scanning), junit, github (workflow
    annotations), html (a self-contained page with a chart per fact).
    Without --output, a table is followed by the summary on stdout; any other
    format goes to stdout and the summary to stderr. --report FORMAT:FILE
    writes more reports from the same run. Paths in reports, finding ids and
    the rules' `paths:` patterns are relative to the project root: the nearest
    folder at or above the rules with factcheck.toml or [tool.factcheck], else
    the folder holding the rules.

    With no rules (no --rules, no `rules` setting, no rules/ folder here), the
    built-in fact templates and the facts suggested from the articles are
    checked as warnings, each folder of articles as a story of its own; --suggest
    adds the suggested facts beside rules. The project root is then the folder
    of the nearest configuration at or above this one, else this folder.

    Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad usage,
    input, rules or database (or files skipped), 3 internal error, 130 Ctrl-C.

    \b
    Example:
        factcheck run seeds/ --rules rules/ --db factcheck.db
        factcheck run new-story/            # no rules yet: templates and suggested facts
        factcheck run corpus/ --format sarif -o factcheck.sarif --baseline factcheck-baseline.json
        factcheck run corpus/ --format html -o report.html
        factcheck run --report sarif:factcheck.sarif --report markdown:comment.md
    """
    if opts.pop("if_configured") and unconfigured(config):
        return
    o = RunOptions(**opts)
    request = _request(config, list(paths), o)
    progress = None if o.quiet else progress_bar()
    try:
        done = app.run_and_report(request, progress)
    finally:
        if progress:
            progress.close()
    _print_run(o, request.outputs, done.report, done.result)
    finish(done.outcome)


def _request(config, paths: list[str], o: RunOptions) -> app.RunRequest:
    """What `factcheck run` is asked to do: PATHS (else the configuration's, else seeds/),
    the article on standard input when one of them is `-`, and the options."""
    paths, article = piped(paths or (config and config.get("paths")) or ["seeds"], o.stdin_name)
    return app.RunRequest(
        paths=paths,
        rules_path=app.find_rules(o.rules_path),
        db_path=o.db_path,
        outputs=tuple(_outputs(o)),
        fail_on=o.fail_on,
        baseline=_baseline(o),
        baseline_path=o.baseline_path,
        allow_skipped=o.allow_skipped,
        jobs=o.jobs,
        follow_links=o.follow_links,
        exclude=exclusions(config, o.exclude),
        reread=o.reread,
        suggest=o.suggest,
        piped=article,
    )


def _baseline(o: RunOptions) -> frozenset[str] | None:
    """The baseline's finding ids; a file not written yet (a new repository's first run)
    is an empty baseline, with a warning."""
    first = app.missing_baseline(o.baseline_path)
    if first is None:
        return app.load_baseline(o.baseline_path)
    if not o.quiet:
        click.echo(f"Warning: {printable(first)}", err=True)
    return frozenset()


@dataclasses.dataclass(frozen=True)
class RunOptions:
    """The options of `factcheck run`, as click parsed them."""

    rules_path: str | None
    suggest: bool
    db_path: str
    fail_on: str
    fmt: str
    output: str | None
    baseline_path: str | None
    reports: tuple[str, ...]
    jobs: int
    follow_links: bool
    exclude: tuple[str, ...]
    stdin_name: str | None
    allow_skipped: bool
    reread: bool
    quiet: bool
    verbose: bool


def _outputs(o: RunOptions) -> list[tuple[str, str | None]]:
    """(format, file) of every report to write; file None is standard output."""
    outputs = [(o.fmt, _file(o.output))]
    for spec in o.reports:
        fmt, sep, path = spec.partition(":")
        if not sep or not path or fmt not in FORMAT_NAMES:
            raise click.BadParameter(
                f"{spec!r}: write FORMAT:FILE, FORMAT one of {', '.join(FORMAT_NAMES)}",
                param_hint="--report",
            )
        outputs.append((fmt, _file(path)))
    files = [path for _fmt, path in outputs if path]
    if len(set(files)) != len(files):
        raise click.BadParameter("two reports would go to the same file", param_hint="--report")
    if sum(1 for _fmt, path in outputs if path is None) > 1:
        raise click.BadParameter(
            "two reports would go to standard output; give one of them a file",
            param_hint="--report",
        )
    return outputs


def _file(path: str | None) -> str | None:
    """A report's file; None (and `-`) is standard output."""
    return None if path in (None, "", "-") else path


def _print_run(o: RunOptions, outputs, outcome, result) -> None:
    """Write every report, then the skipped files, warnings and the summary on the terminal."""
    from .. import report  # the formats load only when a command prints one

    for fmt, path in outputs:
        width, color = _terminal(path)
        pieces = report.render_chunks(outcome, fmt, width=width, color=color)
        if path:
            write_atomic(path, pieces)
        else:
            for text in pieces:
                if text:
                    write_stdout(text)
    summary_to_stderr = o.fmt != "table" and not _file(o.output)
    for s in result.skipped:
        click.echo(f"skipped {printable(s.reason)}", err=True)
    if o.quiet:
        return
    for note in result.notes:
        click.echo(f"Warning: {printable(note)}", err=True)
    if o.verbose:
        click.echo(
            f"extracted {result.extracted}, reused {result.reused}, removed {len(result.removed)}"
            + "".join(f"\nremoved {printable(p)}" for p in result.removed)
            + "".join(f"\nnot read (not .txt or .md): {printable(p)}" for p in result.others),
            err=True,
        )
    click.echo(outcome.summary(), err=summary_to_stderr)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@jobs_option
@follow_links_option
@exclude_option
@stdin_name_option
@click.pass_obj
@friendly_errors
def extract(config, paths, fmt, jobs, follow_links, exclude, stdin_name):
    """List every numeric claim of the articles under PATHS.

    A path `-` reads one article from standard input: UTF-8 (or with a UTF-16/32
    byte-order mark), dated by a dateline in its first lines, named `stdin` or
    --stdin-name (as a file of that name would be). Undecodable or empty input
    exits 2 naming '<stdin>'. A file called `-` is `./-`.

    \b
    Example:
        factcheck extract seeds/ --format jsonl > claims.jsonl
        curl -s https://example.org/story.txt | factcheck extract - --stdin-name story.txt
    """
    from .. import report  # the formats load only when a command prints one

    paths, article = piped(list(paths), stdin_name)
    done = app.extract_claims(
        paths,
        jobs=jobs,
        follow_links=follow_links,
        exclude=exclusions(config, exclude),
        piped=article,
    )
    for s in done.skipped:
        click.echo(f"skipped {printable(s.reason)}", err=True)
    if fmt == "jsonl":
        write_stdout(report.claims_jsonl(done.claims))
    else:
        click.echo(report.claims_table(done.claims, _terminal(None)[0]))
    finish(done.outcome)


def _json_option(*choices: str):
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", *choices]),
        default="table",
        show_default=True,
        help="Output format.",
    )


@cli.command()
@click.argument("conflict_id", metavar="ID")
@click.option("--reason", required=True, help="Why the finding is acceptable (kept with it).")
@DB_OPTION
@friendly_errors
def accept(conflict_id, reason, db_path):
    """Accept a finding: it stays listed but no longer fails a run.

    ID is the finding id from the report, or a unique prefix of it (4+ characters).

    \b
    Example:
        factcheck accept 3f1c0d9a2b7e --reason "different dates; both figures are right"
    """
    full = app.review(db_path, conflict_id, "accepted", reason)
    click.echo(f"accepted {full}")


@cli.command()
@click.argument("conflict_id", metavar="ID")
@click.option("--reason", help="Why the finding needs another look.")
@DB_OPTION
@friendly_errors
def reopen(conflict_id, reason, db_path):
    """Reopen an accepted finding: it fails runs again.

    \b
    Example:
        factcheck reopen 3f1c0d9a2b7e
    """
    full = app.review(db_path, conflict_id, "open", reason)
    click.echo(f"reopened {full}")


@cli.command()
@click.option(
    "--output",
    "-o",
    default="factcheck-baseline.json",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Baseline file to write ('-' for stdout).",
)
@DB_OPTION
@friendly_errors
def baseline(output, db_path):
    """Write the last run's findings, accepted or not, to a baseline file to commit.

    `factcheck run --baseline FILE` then fails only on findings not in it.

    \b
    Example:
        factcheck baseline && git add factcheck-baseline.json
    """
    written = app.write_baseline(db_path, output)
    if output == "-":
        click.echo(written.text, nl=False)
        return
    n = written.count
    click.echo(f"wrote {n} finding{'s' if n != 1 else ''} to {output}")


@cli.command()
@click.option(
    "--status",
    type=click.Choice(["open", "accepted", "disputed", "all"]),
    default="open",
    show_default=True,
    help="Which findings: open (not accepted), accepted, disputed or all.",
)
@_json_option("json")
@DB_OPTION
@friendly_errors
def conflicts(status, fmt, db_path):
    """List the findings of the last run.

    `factcheck findings` is the same command.

    \b
    Example:
        factcheck conflicts --status all --format json
    """
    from .. import report  # the formats load only when a command prints one

    found = app.conflicts(db_path, status)
    if fmt == "json":
        click.echo(report.conflicts_json(found), nl=False)
    elif found:
        click.echo(report.conflict_list_table(found, _terminal(None)[0]))
    else:
        click.echo(f"no {'' if status == 'all' else status + ' '}findings")


@cli.command()
@click.argument("conflict_id", metavar="ID")
@_json_option("json")
@DB_OPTION
@friendly_errors
def show(conflict_id, fmt, db_path):
    """Show one finding: the rule, both claims in their sentences, and why they disagree.

    \b
    Example:
        factcheck show 3f1c0d9a2b7e
    """
    from .. import report  # the formats load only when a command prints one

    shown = app.show(db_path, conflict_id)
    if fmt == "json":
        click.echo(report.shown_json(shown.conflict, shown.rule), nl=False)
    else:
        click.echo(report.conflict_detail(shown.conflict, shown.rule, shown.documents))


@cli.command()
@click.option("--doc", help="Only this document's claims (its path as stored).")
@click.option("--rule", "rule_id", help="Only the claims this rule selected in the last run.")
@click.option("--kind", type=click.Choice(KINDS), help="Only claims of this kind.")
@click.option(
    "--unmatched", is_flag=True, help="Claims no rule selects, grouped by counted noun or unit."
)
@_json_option("json")
@DB_OPTION
@friendly_errors
def claims(doc, rule_id, kind, unmatched, fmt, db_path):
    """List stored claims, or (--unmatched) what no rule checks yet.

    \b
    Example:
        factcheck claims --rule us-troops-in-iraq-now
        factcheck claims --unmatched
    """
    from .. import report  # the formats load only when a command prints one

    found = app.claims(db_path, doc=doc, rule=rule_id, kind=kind, unmatched=unmatched)
    width = _terminal(None)[0]
    if unmatched:
        groups = report.group_unmatched(found)
        out = report.groups_json(groups) if fmt == "json" else report.groups_table(groups, width)
    else:
        out = report.claims_json(found) if fmt == "json" else report.claims_table(found, width)
    out += "" if fmt == "json" else "\n"
    click.echo(out, nl=False)


# the same command by the name the reports use: a copy, so that the list of commands says so
cli.add_command(
    click.Command(
        "findings",
        callback=conflicts.callback,
        params=conflicts.params,
        help=conflicts.help,
        short_help="The same as `factcheck conflicts`.",
        context_settings=CONTEXT_SETTINGS,
    )
)
cli.add_command(rules)
cli.add_command(config_command)
cli.add_command(suggest)
cli.add_command(export)
