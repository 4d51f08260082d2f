"""What every command shares: library errors as messages and exit codes, the group that
turns a bug into exit 3 and Ctrl-C into 130, and a command's finish."""

from __future__ import annotations

import functools
import sys

import click

from ..crash import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_PIPE,
    handle_termination,
    silence_stdout,
    stop_workers,
    write_traceback,
)
from ..errors import FactcheckError
from ..safe_text import printable

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
DB_OPTION = click.option(
    "--db", "db_path", default="factcheck.db", show_default=True, help="SQLite database."
)


CONFIG_ERROR = "factcheck.config_error"


def friendly_errors(fn):
    """Turn library errors into a message on stderr and exit code 2. A broken project
    configuration, found before the command, stops the command here: so `--help` (which
    click answers before) still works with it."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            ctx = click.get_current_context(silent=True)
            broken = ctx.meta.get(CONFIG_ERROR) if ctx is not None else None
            if broken is not None and ctx.parent is not None:
                raise broken
            return fn(*args, **kwargs)
        except FactcheckError as e:
            click.echo(f"Error: {e.message()}", err=True)
            sys.exit(e.exit_code)

    return wrapper


class FactcheckGroup(click.Group):
    """The command group: a bug exits 3 with the traceback's file, Ctrl-C exits 130.

    click turns Ctrl-C into "Aborted!" and exit 1, which in CI reads as "findings
    found", and lets any other exception escape with a traceback and exit 1.
    """

    def invoke(self, ctx: click.Context):
        with handle_termination():
            try:
                return super().invoke(ctx)
            except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
                raise
            except KeyboardInterrupt:
                stop_workers()
                click.echo("\nInterrupted.", err=True)
                ctx.exit(EXIT_INTERRUPTED)
            except BrokenPipeError:  # `factcheck run | head`: the reader has all it wants
                stop_workers()
                silence_stdout()
                ctx.exit(EXIT_PIPE)
            except Exception as e:  # a bug, not the user's mistake: keep the traceback
                where = write_traceback(e)
                click.echo(
                    f"Internal error: {printable(type(e).__name__)}: {printable(str(e)[:200])}"
                    f" (a bug in factcheck; the traceback is in {where})",
                    err=True,
                )
                ctx.exit(EXIT_INTERNAL)


_SLICE = 1 << 16


def write_stdout(text: str) -> None:
    """Write text to standard output in slices: a reader that goes away (`| head`) then
    raises BrokenPipeError at the next slice, where one huge write could lose the rest
    without a word."""
    out = sys.stdout
    for i in range(0, len(text), _SLICE):
        out.write(text[i : i + _SLICE])
    out.flush()


def finish(outcome) -> None:
    """Say why a command fails, if it does, and exit with its code."""
    if outcome.error:
        click.echo(f"Error: {outcome.error}", err=True)
    if outcome.exit_code:
        sys.exit(outcome.exit_code)
