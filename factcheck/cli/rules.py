"""`factcheck rules`: check, test and write rule files."""

from __future__ import annotations

import click

from .. import app
from .base import finish, friendly_errors


@click.group()
def rules():
    """Check and write rule files."""


@rules.command("lint")
@click.argument("path", default="rules", type=click.Path())
@click.option(
    "--corpus",
    multiple=True,
    type=click.Path(),
    metavar="DIR",
    help="Articles (files or folders, read as `run` reads them) to check the rules' "
    "`paths: include` patterns against: warn about each pattern that matches none. Repeat "
    "for several.",
)
@click.pass_obj
@friendly_errors
def rules_lint(config, path, corpus):
    """Validate rule files: report every problem with file:line:col and a hint.

    With --corpus, also warn (exit 0) about each `include` pattern of a rule's or a
    file's `paths:` that matches no article of the corpus. Patterns are paths from
    the project root: the nearest folder at or above the rules with factcheck.toml
    or [tool.factcheck], else the folder holding the rules.

    \b
    Example:
        factcheck rules lint rules/
        factcheck rules lint rules/ --corpus stories/
    """
    exclude = config.exclude if config else None
    linted = app.lint_rules(path, corpus, exclude=exclude)
    for warning in linted.warnings:
        click.echo(str(warning))
    n, w = len(linted.rules), len(linted.warnings)
    warned = f", {w} warning{'s' if w != 1 else ''}" if w else ""
    click.echo(f"{n} rule{'s' if n != 1 else ''} OK in {path}{warned}")


@rules.command("schema")
def rules_schema():
    """Print the JSON Schema of rule files, for editors (completion and checks as you type).

    The same file ships as factcheck/rules/rules.schema.json; docs/rules.md shows the
    VS Code setting that uses it.

    \b
    Example:
        factcheck rules schema > .vscode/factcheck-rules.schema.json
    """
    click.echo(app.rule_schema(), nl=False)


@rules.command("test")
@click.argument("path", default="rules", type=click.Path())
@friendly_errors
def rules_test(path):
    """Run the examples of every rule: exit 1 when one fails, 2 when a rule is invalid.

    Each rule's `examples:` lists sentences it must (match) and must not
    (no_match) select, and small cases that must give a finding (`conflict:`) and
    must not (`no_conflict:`). Each failure is printed with file:line:col.

    \b
    Example:
        factcheck rules test rules/
    """
    tested = app.test_rules(path)
    for failure in tested.result.failures:
        click.echo(str(failure))
    click.echo(tested.result.summary())
    finish(tested.outcome)


@rules.command("templates")
@click.argument("name", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "yaml"]),
    default="table",
    show_default=True,
    help="table: one line per template; yaml: the named template's rule file, to copy.",
)
@friendly_errors
def rules_templates(name, fmt):
    """List the built-in fact templates, or print one as YAML.

    A rules file takes a template with `- use: NAME`, plus the keys it
    changes (id, title, severity, words, time, after, before, agree, select):
    docs/rules.md, Templates.

    \b
    Example:
        factcheck rules templates
        factcheck rules templates deaths --format yaml
    """
    click.echo(app.rule_templates(name, fmt), nl=False)


@rules.command("new")
@click.argument("rule_id", metavar="ID")
@click.option(
    "--dir",
    "folder",
    default="rules",
    show_default=True,
    type=click.Path(),
    help="Rules folder to write ID.yaml into.",
)
@friendly_errors
def rules_new(rule_id, folder):
    """Write a commented skeleton rule file, FOLDER/ID.yaml (never overwrites).

    \b
    Example:
        factcheck rules new museum-visitors && factcheck rules test
    """
    path = app.new_rule(folder, rule_id)
    click.echo(f"wrote {path}; edit it, then run: factcheck rules lint && factcheck rules test")
