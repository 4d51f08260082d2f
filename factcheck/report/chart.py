"""The charts of the HTML report: a number line per fact, a timeline for a fact tracked
over time.

Both are drawn in the page's own pixels, not scaled down with the screen: positions
across are percentages of the chart's width, heights are pixels, and a statement's label
is HTML text above its bar that wraps. So a chart fits any width from a 1280-pixel
desktop to a 390-pixel phone with its text at its normal size, its bars and consensus
band on screen and no sideways scrolling.

A number line has one row per statement up to `ROWS` statements. Past that, statements
are grouped: one row per figure (or interval) and role, saying how many sources state it
("consensus · 1,240 people · 14 sources"); when there are still too many, neighbouring
figures of one role share a row ("1,180–1,260 people"). An outlier is never grouped: it
keeps its own row, named by its document, date and figure. A timeline is a fixed height
and draws the statements of one day, figure and role as one mark.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from ..figures import compact_number
from ..model import Claim, Conflict, Fact, period
from ..vocab.shown import Shown, shown_unit, written_unit
from .helpers import html_text as _t
from .helpers import plural, stated

ROWS = 30  # statements drawn one row each; past this, grouped into at most this many rows
MIN_GROUPS = 8  # rows left for the groups however many outliers have rows of their own
BINS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 100.0)  # widths (% of the axis) groups may span
LEFT, RIGHT = 1.0, 97.0  # the axis, in % of a chart's width (room for an open interval's arrow)
LABEL_CHARS = 86
LISTED = 5  # documents a group names before "and N more"
PARTY_SHAPES = 4  # parties drawn apart by colour and marker; more share them in turn
TIMELINE_HEIGHT, TIMELINE_TOP, TIMELINE_BOTTOM = 260, 16, 220


def _figure(claim: Claim) -> float | None:
    lo, hi = claim.interval()
    point = claim.si_value if claim.si_value is not None else claim.value
    if point is not None and lo <= point <= hi:
        return point
    finite = [x for x in (lo, hi) if math.isfinite(x)]
    return sum(finite) / len(finite) if finite else None


def _pct(x: float) -> str:
    return f"{x:.2f}%"


class Scale:
    """Values to coordinates, linear or (figures spanning more than 10x) logarithmic.

    Figures come in SI units; with a `shown` unit (the one the articles use) the axis is
    laid out and marked in that unit ("hours", not seconds).
    """

    def __init__(self, values: list[float], start: float, end: float, shown: Shown | None = None):
        self.shown = shown
        finite = [self._shown(v) for v in values if math.isfinite(v)] or [0.0, 1.0]
        lo, hi = min(finite), max(finite)
        self.log = lo > 0 and hi / lo > 10
        if self.log:
            lo, hi = math.log10(lo), math.log10(hi)
        if hi == lo:
            lo, hi = lo - (abs(lo) * 0.1 or 1), hi + (abs(hi) * 0.1 or 1)
        pad = (hi - lo) * 0.06
        self.lo, self.hi, self.start, self.end = lo - pad, hi + pad, start, end

    def _shown(self, value: float) -> float:
        return self.shown(value) if self.shown is not None else value

    def __call__(self, value: float) -> float:
        """Where an SI figure goes."""
        return self.place(self._shown(value))

    def place(self, value: float) -> float:
        """Where a figure in the shown unit (an axis mark) goes."""
        if value == math.inf:
            return self.end
        if value == -math.inf or (self.log and value <= 0):
            return self.start
        v = math.log10(value) if self.log else value
        x = self.start + (v - self.lo) / (self.hi - self.lo) * (self.end - self.start)
        first, last = sorted((self.start, self.end))  # a y axis runs from bottom to top
        return min(max(x, first), last)

    def ticks(self) -> list[float]:
        """Where to mark the axis, in the shown unit: 1, 2, 5 times powers of ten (log), else
        about five steps."""
        if self.log:
            first, last = math.floor(self.lo), math.ceil(self.hi)
            out = [10.0**e * m for e in range(first, last + 1) for m in (1, 2, 5)]
            out = [v for v in out if self.lo <= math.log10(v) <= self.hi]
            return out if len(out) <= 9 else [v for v in out if str(v)[0] == "1"]
        raw = (self.hi - self.lo) / 5
        step = 10 ** math.floor(math.log10(raw))
        step *= next(m for m in (1, 2, 5, 10) if step * m >= raw)
        first = math.ceil(self.lo / step) * step
        return [first + i * step for i in range(int((self.hi - first) / step) + 1)]


Parties = dict[tuple, tuple[int, str]]  # a statement's place to its party (number, name)


def parties_of(findings: list[Conflict]) -> Parties:
    """The party of each statement a dispute lists, by the statement's place."""
    out: Parties = {}
    for c in findings:
        if c.check != "disputed":
            continue
        for n, side in enumerate(c.details.get("sides", [])):
            for r in side.get("claims", []):
                out.setdefault((r["doc"], r["start"], r["end"]), (n, side.get("label") or ""))
    return out


def kind_of(claim: Claim, outliers: set, consensus: set, parties: Parties | None = None) -> str:
    """How a statement is drawn: outlier, a party's figure (`party-N`), consensus, other."""
    key = (claim.doc, claim.start, claim.end)
    if key in outliers:
        return "outlier"
    if parties and key in parties:
        return f"party-{parties[key][0] % PARTY_SHAPES}"
    return "consensus" if key in consensus else "other"


def role_of(claim: Claim, kind: str, parties: Parties | None) -> str:
    """What a reader is told a statement is: its party's name ("police"), or its kind."""
    party = (parties or {}).get((claim.doc, claim.start, claim.end))
    return party[1] if party and party[1] else kind


def _shape(kind: str) -> str:
    """A statement's marker around (0, 0): the shape tells the role as well as the colour."""
    if kind in ("party-1", "party-3"):  # a second party's figures: diamonds, not circles
        return (
            f'<path class="marker marker-{kind}" d="M0 -7 L7 0 L0 7 L-7 0 Z" '
            f'fill="var(--{kind})" stroke="#fff"/>'
        )
    if kind.startswith("party-"):
        return f'<circle class="marker marker-{kind}" r="5.5" fill="var(--{kind})" stroke="#fff"/>'
    if kind == "outlier":
        return (
            '<path class="marker marker-outlier" d="M0 -7 L7 6 L-7 6 Z" '
            'fill="var(--outlier)" stroke="#fff"/>'
        )
    if kind == "consensus":
        return (
            '<circle class="marker marker-consensus" r="5.5" fill="var(--consensus)" '
            'stroke="#fff"/>'
        )
    return (
        '<rect class="marker marker-other" x="-5" y="-5" width="10" height="10" '
        'fill="var(--other)" stroke="#fff"/>'
    )


def _at(x: str, y: float, inner: str) -> str:
    """`inner`, drawn around (0, 0), placed at `x` (a percentage) and `y` (pixels)."""
    return f'<svg x="{x}" y="{y:.1f}" overflow="visible">{inner}</svg>'


def statement_label(claim: Claim, party: str = "") -> str:
    text = f"{claim.doc}:{claim.line} · {claim.time or 'undated'} · {stated(claim)}"
    text = f"{party} · {text}" if party else text
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


@dataclass(frozen=True)
class Row:
    """One row of a number line: a statement, or statements of one role grouped."""

    kind: str
    role: str
    claims: tuple[Claim, ...]

    @property
    def interval(self) -> tuple[float, float]:
        ends = [c.interval() for c in self.claims]
        return min(lo for lo, _ in ends), max(hi for _, hi in ends)

    @property
    def point(self) -> float | None:
        """The middle figure of the row's statements (the statement's own figure)."""
        points = sorted(x for c in self.claims if (x := _figure(c)) is not None)
        return points[(len(points) - 1) // 2] if points else None


def rows_of(claims: list[Claim], kinds: list[tuple[str, str]], scale: Scale) -> list[Row]:
    """A row per statement up to ROWS; past that, one per figure and role, and when those
    are still too many, one per neighbourhood of the axis and role. Outliers stay alone."""
    rows = [Row(k, r, (c,)) for c, (k, r) in zip(claims, kinds, strict=True)]
    if len(rows) <= ROWS:
        return rows
    alone = [r for r in rows if r.kind == "outlier"]
    rest = [r for r in rows if r.kind != "outlier"]
    budget = max(ROWS - len(alone), MIN_GROUPS)
    groups: dict[tuple, list[Claim]] = {}
    for width in (0.0, *BINS):
        groups = {}
        for r in rest:
            c = r.claims[0]
            at = c.interval() if not width else math.floor(scale(_figure(c) or 0.0) / width)
            groups.setdefault((r.kind, r.role, at), []).append(c)
        if len(groups) <= budget:
            break
    merged = [Row(kind, role, tuple(cs)) for (kind, role, _), cs in groups.items()]
    order = {id(r): i for i, r in enumerate(alone + merged)}
    return sorted(alone + merged, key=lambda r: (r.point or 0.0, order[id(r)]))


def _group_text(row: Row, shown: Shown | None, unit: str) -> tuple[str, str]:
    """A group's label ("consensus · 1,240 people · 14 sources") and its longer description
    for a screen reader and a tooltip, naming its first documents."""
    first = row.claims[0]
    if all(c.interval() == first.interval() for c in row.claims):
        figure = stated(first)
    else:
        points = [x for c in row.claims if (x := _figure(c)) is not None] or [0.0]
        lo, hi = (shown(x) if shown else x for x in (min(points), max(points)))
        words = shown.label(lo, hi) if shown else written_unit(first) or first.noun or unit
        figure = f"{compact_number(lo)}–{compact_number(hi)} {words or ''}".strip()
    docs = sorted({c.doc for c in row.claims})
    n = len(row.claims)
    sources = (
        f"{len(docs):,} sources" if n == len(docs) else f"{n:,} statements, {len(docs):,} sources"
    )
    named = ", ".join(docs[:LISTED]) + (
        f" and {len(docs) - LISTED:,} more" if len(docs) > LISTED else ""
    )
    return f"{row.role} · {figure} · {sources}", f"{row.role}: {sources} state {figure}: {named}"


def _track(row: Row, scale: Scale, pattern: str) -> str:
    """A row's bar: its interval, an arrow when it is open above, its marker."""
    lo, hi = row.interval
    x0, x1 = scale(lo), scale(hi)
    if x1 - x0 < 0.6:
        x0, x1 = (x0 + x1) / 2 - 0.3, (x0 + x1) / 2 + 0.3
    kind = row.kind
    fill = f"url(#{pattern})" if kind == "outlier" else f"var(--{kind})"
    parts = [
        '<svg class="track" width="100%" height="18" aria-hidden="true">',
        f'<rect class="interval" x="{_pct(x0)}" y="4" width="{_pct(x1 - x0)}" height="10" '
        f'fill="{fill}" stroke="var(--{kind})"/>',
    ]
    if hi == math.inf:
        parts.append(_at(_pct(x1), 2, f'<path d="M0 0 l8 7 l-8 7 Z" fill="var(--{kind})"/>'))
    point = row.point
    if point is not None:
        parts.append(_at(_pct(scale(point)), 9, _shape(kind)))
    parts.append("</svg>")
    return "".join(parts)


def _bar(row: Row, scale: Scale, pattern: str, shown: Shown | None, unit: str) -> str:
    """A row: its label (the statement, or the group and its count) above its bar."""
    kind = row.kind
    if len(row.claims) == 1:
        claim = row.claims[0]
        label = statement_label(claim, row.role if kind.startswith("party-") else "")
        described = f"{row.role}: {statement_label(claim)}"
        head = f'<div class="bar {kind}" data-doc="{_t(claim.doc)}" data-statements="1"'
    else:
        label, described = _group_text(row, shown, unit)
        head = f'<div class="bar {kind} group" data-statements="{len(row.claims)}"'
    return (
        f'{head} tabindex="0" role="img" aria-label="{_t(described)}" title="{_t(described)}">'
        f'<span class="label" aria-hidden="true">{_t(label)}</span>'
        f"{_track(row, scale, pattern)}</div>"
    )


def _axis(scale: Scale, unit: str) -> str:
    """The axis under a number line: its marks, and the scale and unit."""
    out = [
        '<svg class="axis" width="100%" height="40" overflow="visible" aria-hidden="true">'
        f'<line x1="{_pct(LEFT)}" x2="{_pct(RIGHT)}" y1="1" y2="1" stroke="#888"/>'
    ]
    for i, v in enumerate(scale.ticks()):
        x = _pct(scale.place(v))
        out.append(
            f'<text class="tick{" odd" if i % 2 else ""}" x="{x}" y="16" text-anchor="middle">'
            f"{_t(compact_number(v))}</text>"
        )
    note = ("log scale" if scale.log else "linear scale") + (f", {unit}" if unit else "")
    out.append(f'<text x="{_pct(RIGHT)}" y="34" text-anchor="end">{_t(note)}</text></svg>')
    return "".join(out)


def defs(uid: str) -> str:
    """The hatching of outliers' bars, by id, for the bars of one chart (or the legend)."""
    return (
        f'<defs><pattern id="hatch-{uid}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fbe3cf"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="var(--outlier)" stroke-width="3"/>'
        "</pattern></defs>"
    )


def _band_party(fact: Fact, band: tuple[float, float], parties: Parties) -> tuple[int, str] | None:
    """The party whose consensus a band is, when a dispute names one."""
    lo, hi = band
    for c in fact.consensus:
        x = _figure(c)
        party = parties.get((c.doc, c.start, c.end))
        if party is not None and x is not None and lo <= x <= hi:
            return party
    return None


def _band(fact: Fact, band, scale: Scale, parties: Parties) -> str:
    """A consensus's figure range, shaded; a party's in its colour, under its name."""
    x0, x1 = scale(band[0]), scale(band[1])
    party = _band_party(fact, band, parties)
    fill = "var(--band)" if party is None else f"var(--party-{party[0] % PARTY_SHAPES})"
    name = "consensus-band" if party is None else "party-band"
    out = (
        f'<rect class="{name}" x="{_pct(x0)}" y="0" width="{_pct(max(x1 - x0, 0.4))}" '
        f'height="100%" fill="{fill}" fill-opacity=".15"/>'
    )
    if party is not None:
        out += (
            f'<text class="party-name" x="{_pct((x0 + x1) / 2)}" y="14" '
            f'text-anchor="middle" fill="{fill}">{_t(party[1])}</text>'
        )
    return out


def _merged(bands) -> list[tuple[float, float]]:
    """The consensus bands with those that overlap or touch drawn as one: the agreement
    sets of the days of one fact, not one strip per day."""
    out: list[list[float]] = []
    for lo, hi in sorted(bands):
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def number_line(fact: Fact, outliers: set, uid: str, parties: Parties | None = None) -> str:
    """The fact's statements as bars on one number line, the consensus band shaded; in a
    dispute, each party's band in its colour under its name, its figures labelled with it.
    Past ROWS statements, grouped (outliers never)."""
    parties = parties or {}
    claims = sorted(fact.claims, key=lambda c: (_figure(c) or 0, c.doc, c.start))
    ends = [x for c in claims for x in c.interval()] + [x for b in fact.bands for x in b]
    shown = shown_unit(claims)
    scale = Scale(ends, LEFT, RIGHT, shown)
    consensus = {(c.doc, c.start, c.end) for c in fact.consensus}
    unit = shown.words if shown else next((c.si_unit or c.unit or "" for c in claims), "")
    kinds = [kind_of(c, outliers, consensus, parties) for c in claims]
    roles = [(k, role_of(c, k, parties)) for c, k in zip(claims, kinds, strict=True)]
    rows = rows_of(claims, roles, scale)
    grouped = f", grouped in {len(rows)} rows" if len(rows) < len(claims) else ""
    bands = fact.bands if parties else _merged(fact.bands)
    grid = "".join(
        f'<line x1="{_pct(scale.place(v))}" x2="{_pct(scale.place(v))}" y1="0" y2="100%" '
        'stroke="#eee"/>'
        for v in scale.ticks()
    )
    return (
        f'<div class="chart number-line" role="group" aria-label="{_t(fact.title)}: '
        f'{len(claims)} statements on a number line{grouped}">'
        f'<svg class="defs" width="0" height="0" aria-hidden="true">{defs(uid)}</svg>'
        f'<div class="plot"><svg class="bands" aria-hidden="true">{grid}'
        + "".join(_band(fact, band, scale, parties) for band in bands)
        + f'</svg><div class="rows{" parties" if parties else ""}">'
        + "".join(_bar(r, scale, f"hatch-{uid}", shown, unit) for r in rows)
        + f"</div></div>{_axis(scale, unit if unit != 'percent' else '%')}</div>"
    )


def _day(time: str) -> int:
    first, _ = period(time)
    return date.fromisoformat(first[:10]).toordinal()


def _step(group: list[Claim], kind: str, role: str, x: str, ys: Scale, values, pattern) -> str:
    """The statements of one day, figure and role as one upright mark on a timeline."""
    c = group[0]
    lo, hi = c.interval()
    y0 = ys(hi if math.isfinite(hi) else max(values))
    y1 = ys(lo if math.isfinite(lo) else min(values))
    point = _figure(c)
    fill = f"url(#{pattern})" if kind == "outlier" else f"var(--{kind})"
    more = f" (and {plural(len(group) - 1, 'more source')})" if len(group) > 1 else ""
    text = _t(f"{role}: {statement_label(c)}{more}")
    return (
        f'<g class="step {kind}" tabindex="0" role="img" aria-label="{text}"><title>{text}</title>'
        + _at(
            x,
            y0,
            f'<rect x="-4" y="0" width="8" height="{max(y1 - y0, 3):.1f}" fill="{fill}" '
            f'stroke="var(--{kind})"/>',
        )
        + (_at(x, ys(point), _shape(kind)) if point is not None else "")
        + "</g>"
    )


def timeline(fact: Fact, outliers: set, uid: str, parties: Parties | None = None) -> str:
    """An over_time fact: each dated statement at its date, its interval upright; the
    statements of one day, figure and role share one mark, so the chart keeps its size."""
    dated = sorted((c for c in fact.claims if c.time), key=lambda c: (_day(c.time), c.doc, c.start))
    if not dated:
        return '<p class="timeline-empty">No statement of this fact is dated.</p>'
    height, top, bottom = TIMELINE_HEIGHT, TIMELINE_TOP, TIMELINE_BOTTOM
    values = [x for c in dated for x in c.interval() if math.isfinite(x)]
    ys = Scale(values, bottom, top, shown_unit(dated))
    xs = Scale([float(_day(c.time)) for c in dated], 4, 96)
    xs.log = False
    consensus = {(c.doc, c.start, c.end) for c in fact.consensus}
    marks: dict[tuple, list[Claim]] = {}
    for c in dated:
        kind = kind_of(c, outliers, consensus, parties)
        marks.setdefault((_day(c.time), c.interval(), kind, role_of(c, kind, parties)), []).append(
            c
        )
    ticks = "".join(
        f'<text x="78" y="{ys.place(v) + 4:.1f}" text-anchor="end">{_t(compact_number(v))}</text>'
        for v in ys.ticks()
    )
    # by day, then by time: labels of one day come out in one order whatever the hash seed
    days = sorted({(_day(c.time), c.time) for c in dated})
    labels = "".join(
        f'<text class="tick{" odd" if i % 2 else ""}" x="{_pct(xs(float(d)))}" y="{bottom + 18}" '
        f'text-anchor="middle">{_t(t)}</text>'
        for i, (d, t) in enumerate(days[:8])
    )
    steps = "".join(
        _step(group, kind, role, _pct(xs(float(day))), ys, values, f"hatch-{uid}-t")
        for (day, _, kind, role), group in marks.items()
    )
    return (
        f'<div class="chart timeline" role="group" aria-label="{_t(fact.title)}: timeline of '
        f'{len(dated)} dated statements"><svg class="y-axis axis" width="84" height="{height}" '
        f'aria-hidden="true">{ticks}</svg><svg class="area" height="{height}" overflow="visible">'
        f'{defs(uid + "-t")}<g class="axis"><line x1="0" x2="100%" y1="{bottom}" y2="{bottom}" '
        f'stroke="#888"/>{labels}</g>{steps}</svg></div>'
    )
