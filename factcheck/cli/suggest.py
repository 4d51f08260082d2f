"""`factcheck suggest`: the facts the articles themselves report, as a table, JSON or rules."""

from __future__ import annotations

import click

from .. import app
from ..safe_text import printable
from .base import finish, friendly_errors, write_stdout
from .inputs import piped, stdin_name_option


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "yaml", "json"]),
    default="table",
    show_default=True,
    help="table: the facts and their figures; yaml: a rules file; json: for tools.",
)
@click.option(
    "--min-sources",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Propose a fact only when this many documents report it.",
)
@click.option(
    "--rules",
    "rules_path",
    type=click.Path(),
    help="Rules folder or file: leave out the facts a rule there already covers.",
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, help="Extract in parallel.")
@click.option(
    "--exclude",
    "patterns",
    multiple=True,
    metavar="PATTERN",
    help="Do not read files matching this gitignore-style pattern (repeatable).",
)
@stdin_name_option
@click.pass_obj
@friendly_errors
def suggest(config, paths, fmt, min_sources, rules_path, jobs, patterns, stdin_name):
    """Propose facts that two or more articles under PATHS report: start here.

    Facts are ranked by how many articles report them. --format yaml writes
    rules that `factcheck rules lint` and `factcheck rules test` pass as written.
    A path `-` adds an article from standard input, in the folder of --stdin-name.

    \b
    Example:
        factcheck suggest articles/
        factcheck suggest articles/ --format yaml > rules/suggested.yaml
    """
    from ..config import exclusions
    from ..report import suggested  # the formats load only when a command prints one

    exclude = exclusions(config, patterns)
    paths, article = piped(list(paths), stdin_name)
    done = app.suggest(
        paths, rules_path, min_sources=min_sources, jobs=jobs, exclude=exclude, piped=article
    )
    for s in done.skipped:
        click.echo(f"skipped {printable(s.reason)}", err=True)
    render = {
        "table": suggested.suggest_table,
        "json": suggested.suggest_json,
        "yaml": suggested.suggest_yaml,
    }[fmt]
    write_stdout(render(done.facts))
    if done.covered and fmt == "table":
        click.echo(f"{len(done.covered)} more already covered by a rule in {rules_path}")
    finish(done.outcome)
