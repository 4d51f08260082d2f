"""`python -m factcheck`: the same as the `factcheck` command."""

from .cli import cli

cli(prog_name="factcheck")
