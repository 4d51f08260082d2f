"""Turn results into text: a run's report in every format, claim listings, one conflict in full.

`render(report, fmt)` writes a run's conflicts in one of `FORMATS`: a table for
people, JSON for programs, Markdown for a pull-request comment, SARIF 2.1.0 for
code scanning, JUnit XML for test dashboards, GitHub workflow annotations and
a self-contained HTML page. Every format is deterministic: same inputs, same
bytes, no timestamps.

A format is one module with `render(report, terminal)` returning its text (or
its pieces in order) plus one line in `FORMATS`; the shared pieces are in
`helpers`. The formats people read escape untrusted text with
`Report.printable()`; JSON, SARIF and HTML escape their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from . import github, html, json, junit, markdown, sarif, table
from .base import PLAIN, Report, Terminal, failing, standing, summary
from .claims import (
    ClaimGroup,
    claims_json,
    claims_jsonl,
    claims_table,
    group_unmatched,
    groups_json,
    groups_table,
)
from .conflicts import conflict_detail, conflict_list_table
from .json import conflict_json, conflicts_json, shown_json

Render = Callable[[Report, Terminal], str | Iterable[str]]

FORMATS: dict[str, Render] = {
    "table": table.render,
    "json": json.render,
    "markdown": markdown.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "html": html.render,
}


def render(report: Report, fmt: str, width: int = 120, color: bool = False) -> str:
    """The report in one of FORMATS, ending with a newline (empty for a clean table).

    `width` and `color` (the terminal's) matter only to the table.
    """
    return "".join(render_chunks(report, fmt, width, color))


def render_chunks(report: Report, fmt: str, width: int = 120, color: bool = False) -> Iterator[str]:
    """`render` in pieces to write one after the other: JSON a finding at a time."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return _pieces(FORMATS[fmt], report, Terminal(width, color))


def _pieces(render_format: Render, report: Report, terminal: Terminal) -> Iterator[str]:
    # rendered when the first piece is asked for, as the writer opens its file
    text = render_format(report, terminal)
    if isinstance(text, str):
        yield text
    else:
        yield from text


__all__ = [
    "FORMATS",
    "PLAIN",
    "ClaimGroup",
    "Render",
    "Report",
    "Terminal",
    "claims_json",
    "claims_jsonl",
    "claims_table",
    "conflict_detail",
    "conflict_json",
    "conflict_list_table",
    "conflicts_json",
    "failing",
    "group_unmatched",
    "groups_json",
    "groups_table",
    "render",
    "render_chunks",
    "shown_json",
    "standing",
    "summary",
]
