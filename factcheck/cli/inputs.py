"""The options every command that reads articles shares: what to leave out, links,
processes, and an article on standard input (`-`)."""

from __future__ import annotations

import sys

import click

from .. import app

exclude_option = click.option(
    "--exclude",
    multiple=True,
    metavar="PATTERN",
    help="Do not read files matching this gitignore-style pattern (repeatable); the "
    "configuration's exclude and the project's .gitignore apply too.",
)


def exclusions(config, patterns: tuple[str, ...]):
    from ..config import exclusions  # the configuration module loads when a command runs

    return exclusions(config, patterns)


follow_links_option = click.option(
    "--follow-links",
    is_flag=True,
    help="Read symbolic links that point outside the folders given (skipped by default).",
)
stdin_name_option = click.option(
    "--stdin-name",
    metavar="NAME",
    help="The name the article read from standard input ('-' among the paths) is stored "
    "and reported under, as a file of that name would be (e.g. news/draft.txt) "
    "[default: stdin].",
)


def piped(paths: list[str], name: str | None) -> tuple[list[str], object]:
    """The paths without '-', and the article read from standard input when '-' is one."""
    stream = getattr(sys.stdin, "buffer", sys.stdin)  # None when the shell closed it
    if "-" in paths and stream is not None and sys.stdin.isatty():
        click.echo("Reading the article from standard input (end it with Ctrl-D).", err=True)
    return app.piped_input(paths, stream, name)


jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes for extraction (output is the same for any number).",
)
