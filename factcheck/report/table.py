"""The table for people: one row per finding, fitted to the terminal.

Wide terminals get a grid (fact, severity, outlier, consensus, why) whose
columns share the width; terminals narrower than `STACK_BELOW` columns get
one block per finding, a field per line. A fact nobody wrote a rule for says
where it comes from (`deaths (template)`, `dead-killed (suggested)`). Severity
is coloured only when the caller says so (a terminal, and `NO_COLOR` unset).
"""

from __future__ import annotations

import textwrap

import click

from ..model import Conflict
from .base import PLAIN, Report, Terminal
from .columns import grid, width_of
from .helpers import context_lines, snippet, stated, statement_lines

STACK_BELOW = 110  # columns: under this a grid's cells get too narrow to read
COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}
HEADERS = ["fact", "severity", "statement", "consensus", "why"]


def _severity(report: Report, c: Conflict) -> str:
    state = report.standing(c)
    return c.severity if state == "open" else f"{c.severity}\n{state}"


def _paint(word: str, color: bool) -> str:
    """A severity word in its colour (after the layout: cells escape control bytes)."""
    if not color or word not in COLOURS:
        return word
    return click.style(word, fg=COLOURS[word], bold=True)


def _paint_grid(grid: str, color: bool) -> str:
    """Colour the severity column of a grid (the cell after the first bar)."""
    if not color:
        return grid
    out = []
    for line in grid.splitlines():
        parts = line.split("|")
        if len(parts) > 3 and parts[2].strip() in COLOURS:
            word = parts[2].strip()
            parts[2] = parts[2].replace(word, _paint(word, color), 1)
        out.append("|".join(parts))
    return "\n".join(out)


def _outlier(c: Conflict, width: int) -> str:
    sided = statement_lines(c)
    if sided is not None:  # a split or dispute: every side, none "the" outlier
        return "\n".join(sided)
    return f'{c.left.doc}:{c.left.line}\n"{snippet(c.left, width)}"\n= {stated(c.left)}'


def _why(c: Conflict) -> str:
    """Why, without repeating the sides the consensus column lists."""
    if c.check in ("split", "disputed"):  # the sides are listed: what is left is the head
        head, _, rest = c.reason.partition(":")
        earlier = rest.rpartition("; uses claims of ")[2] if "; uses claims of " in rest else ""
        return f"{head}; uses claims of {earlier}" if earlier else head
    return c.reason


def _natural(texts: list[str]) -> int:
    """The widest line of these cells, unwrapped."""
    return max((width_of(line) for t in texts for line in t.splitlines()), default=0)


def _widths(width: int, facts: list[str], places: list[str], natural: list[int]) -> list[int]:
    """Column widths (without padding) within `width` for a 5-column grid: the fact column
    as wide as its longest label or id (so neither is cut), the statement column as wide
    as its longest place (seeds/000_bd7df65e452f0e71.txt:23) within a share of the room,
    and no column wider than its widest line (`natural`: statement, consensus, why)."""
    room = width - 16  # a grid spends 3 characters per column and 1 more
    longest = max((width_of(f) for f in facts), default=0)
    fact = min(max(16, longest), room * 30 // 100)
    severity = len("severity") + 2  # tabulate pads a header by 2
    rest = room - fact - severity
    place = max((width_of(p) for p in places), default=0)
    outlier = min(max(28, rest * 45 // 100, place), rest * 55 // 100, max(28, natural[0]))
    remain = rest - outlier
    consensus = min(max(16, natural[1]), max(remain // 2, remain - max(16, natural[2])))
    return [fact, severity, outlier, consensus, remain - consensus]


def _grid(report: Report, width: int, color: bool) -> str:
    facts = [x for c in report.conflicts for x in (report.fact_label(c.rule_id), f"[{c.id}]")]
    places = [f"{c.left.doc}:{c.left.line}" for c in report.conflicts if c.left is not None]
    context = ["\n".join(context_lines(c)) for c in report.conflicts]
    whys = [_why(c) for c in report.conflicts]
    statements = [_outlier(c, width) for c in report.conflicts]
    widths = _widths(
        width, facts, places, [_natural(statements), _natural(context), _natural(whys)]
    )
    rows = [
        [
            f"{report.fact_label(c.rule_id)}\n[{c.id}]",
            _severity(report, c),
            _outlier(c, max(30, widths[2] * 2)),
            context[i],
            whys[i],
        ]
        for i, c in enumerate(report.conflicts)
    ]
    return _paint_grid(grid(rows, HEADERS, widths), color)


def _stacked(report: Report, width: int, color: bool) -> str:
    wrap = max(20, width - 12)
    blocks = []
    for c in report.conflicts:
        severity = _severity(report, c).replace("\n", ", ")
        fields = [
            ("fact", f"{report.fact_label(c.rule_id)} [{c.id}]"),
            ("severity", severity),
            ("statement", _outlier(c, wrap)),
            ("consensus", "\n".join(context_lines(c))),
            ("why", _why(c)),
        ]
        lines = []
        for name, value in fields:
            for i, line in enumerate(_wrapped(value, wrap)):
                lines.append(f"{name if i == 0 else '':<10}  {line}")
        if color:  # painted after wrapping, so escape codes do not count as width
            lines = [
                f"{'severity':<10}  " + _paint(c.severity, True) + line[12 + len(c.severity) :]
                if line.startswith("severity")
                else line
                for line in lines
            ]
        blocks.append("\n".join(lines))
    rule = "-" * min(width, 80)
    return f"\n{rule}\n".join(blocks)


def _wrapped(text: str, width: int) -> list[str]:
    out = []
    for line in text.splitlines() or [""]:
        out.extend(textwrap.wrap(line, width, break_on_hyphens=False) or [line])
    return out


def render(report: Report, terminal: Terminal = PLAIN) -> str:
    """The findings as a grid (or stacked blocks when narrow); empty when there are none."""
    if not report.conflicts:
        return ""
    report = report.printable()
    if terminal.width < STACK_BELOW:
        return _stacked(report, terminal.width, terminal.color) + "\n"
    return _grid(report, terminal.width, terminal.color) + "\n"
