"""`factcheck export`: the store as a dataset for DuckDB or Spark (a Parquet folder)."""

from __future__ import annotations

import click

from .. import app
from ..safe_text import printable
from .base import DB_OPTION, friendly_errors

# app.exporting.FORMATS, named here so that `factcheck --help` imports no app module
EXPORT_FORMATS = ("parquet",)


@click.command()
@click.argument("folder", metavar="DIR", type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="parquet",
    show_default=True,
    help="Dataset format: parquet, a folder per table, split by month of publication.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace DIR when it holds an earlier export (only once the new one is complete).",
)
@DB_OPTION
@friendly_errors
def export(folder, fmt, force, db_path):
    """Write the stored documents, claims, findings and rules to DIR, for DuckDB or Spark.

    DIR gets a folder per table (documents, claims and findings split by the month
    their document was published, `month=unknown` when undated; rules in one file)
    and _schema.json, which describes every column. The export is written beside
    DIR and put in its place when complete. Needs pyarrow:
    pip install 'factcheck-news[parquet]'. docs/export.md lists the columns.

    \b
    Example:
        factcheck export --format parquet archive/
        duckdb -c "select unit, count(*) from 'archive/claims/*/*.parquet' group by unit"
    """
    done = app.export(db_path, folder, fmt, force)
    for note in done.notes:
        click.echo(f"Warning: {printable(note)}", err=True)
    documents, claims, findings, rules = (
        _n(done.count(t), t) for t in ("documents", "claims", "findings", "rules")
    )
    click.echo(
        f"exported {documents}, {claims}, {findings} and {rules} "
        f"({_months(done.rows['documents'])}) to {printable(folder)}"
    )


def _n(count: int, things: str) -> str:
    """`1 claim`, `2,014 claims`."""
    return f"{count:,} {things if count != 1 else things[:-1]}"


def _months(rows: dict) -> str:
    """How many months the documents were published in: `3 months and undated`, `undated`."""
    dated = len([m for m, n in rows.items() if n and m != "unknown"])
    if not rows.get("unknown"):
        return _n(dated, "months")
    return f"{_n(dated, 'months')} and undated" if dated else "undated"
