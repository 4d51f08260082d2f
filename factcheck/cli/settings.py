"""`factcheck config`: the settings every command uses, and where each comes from."""

from __future__ import annotations

import json

import click

from ..safe_text import printable
from .base import friendly_errors


def unconfigured(config) -> bool:
    """Whether no project configuration was found; says so (for `run --if-configured`)."""
    if config and config.file:
        return False
    click.echo(
        "factcheck: no factcheck.toml or [tool.factcheck] in pyproject.toml here or above; "
        "nothing to check until one says which articles and rules to use",
        err=True,
    )
    return True


@click.command("config")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.pass_obj
@friendly_errors
def config_command(config, fmt):
    """Print the settings every command uses, and where each comes from.

    \b
    Example:
        factcheck config
        factcheck --config ci/factcheck.toml config --format json
    """
    from ..config import effective

    rows = effective(config)
    if fmt == "json":
        data = {
            "file": config.file,
            "settings": {k: {"value": v, "from": w} for k, v, w in rows},
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    click.echo(f"configuration file: {printable(config.file or '(none found)')}")
    width = max(len(k) for k, _v, _w in rows)
    for key, value, where in rows:
        shown = "(none)" if value in (None, []) else value
        click.echo(f"{key:<{width}}  {printable(str(shown))}  ({printable(where)})")
