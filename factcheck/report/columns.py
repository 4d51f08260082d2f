"""A listing fitted to the terminal: the `claims`, `conflicts` and `extract` tables.

Each column says how it may give way when the table is wider than the terminal:
a text column (a claim's words, why a finding is one) wraps at word boundaries
down to a narrowest width; the columns least worth their room are left out,
least important first; an id, a path, a place or a figure is never cut. Widths
are display widths: a CJK character takes two columns, a combining mark none.
A table still wider than the terminal once everything that may give way has is
printed as it is rather than cutting an id.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..safe_text import printable

GAP = 2  # spaces between columns
WIDTH = 120  # off a terminal (a pipe, a file): as `factcheck run` lays its table out


@dataclass(frozen=True)
class Column:
    """One column of a fitted table."""

    header: str
    keep: int = 0  # the lowest goes first when the table is too wide; 0: never left out
    wrap: int | None = None  # a text column: the narrowest it wraps to; None: never wrapped
    cap: int | None = None  # a text column wraps at this width even when there is room
    right: bool = False  # aligned right (counts)


def width_of(text: str) -> int:
    """The columns text takes on a terminal: 2 for a wide (CJK) character, 0 for a
    combining mark or a zero-width format character."""
    n = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


# a figure, kept whole when a word has to be broken: 2,014 · $4.5 · 12:42 · 5,000–9,000 · 60%
_FIGURE = re.compile(r"[$€£¥]?\d(?:[\d,.:/–-]*\d)?%?")
_SEGMENT = re.compile(r"[^/]*/?")  # a path breaks after a slash first


def _pieces(word: str) -> list[str]:
    """A word as the pieces it may be broken between: each figure whole, the rest after
    each slash, or else between characters."""
    out: list[str] = []
    at = 0
    for m in [*_FIGURE.finditer(word), None]:
        text = word[at : m.start() if m else len(word)]
        out.extend(s for s in _SEGMENT.findall(text) if s)
        if m:
            out.append(m.group())
            at = m.end()
    return out


def _break_word(word: str, width: int) -> list[str]:
    """A word wider than `width` in pieces that fit (a figure wider stays whole)."""
    lines, line = [], ""
    for piece in _pieces(word):
        if width_of(piece) > width and not _FIGURE.fullmatch(piece):
            parts = list(piece)  # a segment too long: between characters
        else:
            parts = [piece]
        for part in parts:
            if line and width_of(line + part) > width:
                lines.append(line)
                line = ""
            line += part
    return lines + [line] if line else lines


def wrap(text: str, width: int) -> list[str]:
    """Text wrapped at spaces to lines of at most `width` columns; a word too long for a
    line is broken between characters, never inside a figure."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            if line and width_of(line) + 1 + width_of(word) <= width:
                line += " " + word
                continue
            if line:
                lines.append(line)
            parts = _break_word(word, width) if width_of(word) > width else [word]
            lines.extend(parts[:-1])
            line = parts[-1]
        lines.append(line)
    return lines


HARD_LEAST = 8  # a text column's narrowest when even its own narrowest leaves no room


def _narrowest(column: Column, cells: list[str], hard: bool = False) -> int:
    """The least width a column can have: for text its floor (or, `hard`, a few columns)
    and its widest figure, else its widest cell."""
    if column.wrap is None:
        return _natural(column, cells)
    figures = [width_of(m.group()) for c in cells for m in _FIGURE.finditer(c)]
    return max([min(column.wrap, HARD_LEAST) if hard else column.wrap, *figures])


def _natural(column: Column, cells: list[str]) -> int:
    widest = max([width_of(column.header)] + [width_of(x) for c in cells for x in c.split("\n")])
    if column.cap is not None and column.wrap is not None:
        widest = min(widest, max(column.cap, _narrowest(column, cells)))
    return widest


def _widths(columns: list[Column], cells: list[list[str]], room: int, hard: bool) -> list[int]:
    """Each column's width to fit `room` as near as it can: the widest text column
    narrowed a column at a time, down to its narrowest."""
    widths = [_natural(c, col) for c, col in zip(columns, cells, strict=True)]
    least = [_narrowest(c, col, hard) for c, col in zip(columns, cells, strict=True)]
    over = sum(widths) + GAP * (len(widths) - 1) - room
    while over > 0:
        give = [i for i, w in enumerate(widths) if w > least[i]]
        if not give:
            break
        i = max(give, key=lambda i: (widths[i], -i))
        widths[i] -= 1
        over -= 1
    return widths


def fit(rows: list[list], columns: list[Column], width: int) -> tuple[list[int], list[int]]:
    """The columns shown (their indexes) and their widths: the least important left out
    until the rest fit `width`; with none left to leave out, the text columns narrowed
    further (and the ids, places and figures kept whole even if they do not fit)."""
    cells = [[printable(row[i], newlines=True) for row in rows] for i in range(len(columns))]
    shown = list(range(len(columns)))
    while True:
        removable = [i for i in shown if columns[i].keep]
        widths = _widths([columns[i] for i in shown], [cells[i] for i in shown], width, False)
        if sum(widths) + GAP * (len(widths) - 1) <= width:
            return shown, widths
        if not removable:
            return shown, _widths(
                [columns[i] for i in shown], [cells[i] for i in shown], width, True
            )
        shown.remove(min(removable, key=lambda i: columns[i].keep))


def _pad(text: str, width: int, right: bool) -> str:
    space = " " * max(0, width - width_of(text))
    return space + text if right else text + space


def _line(parts: list[str], widths: list[int], aligns: list[bool]) -> str:
    cells = [_pad(p, w, r) for p, w, r in zip(parts, widths, aligns, strict=True)]
    return (" " * GAP).join(cells).rstrip()


def render(rows: list[list], columns: list[Column], width: int) -> str:
    """The rows as a table at most `width` columns wide where it can be: a header, a rule
    of dashes, and each row on as many lines as its wrapped cells need; a last line names
    the columns left out."""
    shown, widths = fit(rows, columns, width)
    cols = [columns[i] for i in shown]
    aligns = [c.right for c in cols]
    out = [
        _line([c.header for c in cols], widths, aligns),
        _line(["-" * w for w in widths], widths, [False] * len(widths)),
    ]
    for row in rows:
        texts = [printable(row[i], newlines=True) for i in shown]
        cells = [
            wrap(t, w) if c.wrap else t.split("\n")
            for t, w, c in zip(texts, widths, cols, strict=True)
        ]
        for n in range(max(len(c) for c in cells)):
            out.append(_line([c[n] if n < len(c) else "" for c in cells], widths, aligns))
    left_out = [columns[i].header for i in range(len(columns)) if i not in shown]
    if left_out and rows:
        note = f"(not shown at this width: {', '.join(left_out)}; --format json has them)"
        out.append(note if width_of(note) <= width else "(some columns not shown)")
    return "\n".join(out)


def grid(rows: list[list[str]], headers: list[str], widths: list[int]) -> str:
    """The rows as a boxed grid (the run's table), each cell wrapped to its width and
    padded by display width, so a CJK name keeps the bars in line. A column is as wide
    as its widest line and its header with two spaces, as tabulate's grid lays it out."""
    cells = [[wrap(printable(c, newlines=True), w) for c, w in zip(row, widths, strict=True)]
             for row in rows]  # fmt: skip
    sizes = [
        max([width_of(h) + 2, *(width_of(line) for row in cells for line in row[i])])
        for i, h in enumerate(headers)
    ]

    def rule(char: str) -> str:
        return "+" + "+".join(char * (s + 2) for s in sizes) + "+"

    def lines(row: list[list[str]]) -> list[str]:
        return [
            "| " + " | ".join(_pad(c[n] if n < len(c) else "", s, False)
                              for c, s in zip(row, sizes, strict=True)) + " |"
            for n in range(max(len(c) for c in row))
        ]  # fmt: skip

    out = [rule("-"), *lines([[h] for h in headers]), rule("=")]
    for row in cells:
        out += [*lines(row), rule("-")]
    return "\n".join(out)
