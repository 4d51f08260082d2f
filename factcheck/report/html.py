"""A self-contained HTML page for a reviewer: a summary, the findings, and a chart per fact.

One file, no script and nothing fetched from the network: the charts are SVG
written here. Each fact gets a number line (log scale when its figures span
more than a factor of ten) with one bar per statement, labelled with its
document, date and the figure as stated, on an axis in the unit the articles
use; the consensus band is shaded; outliers are drawn with a hatched bar and a
triangle, consensus statements with a solid bar and a circle, others with a
square, so colour is never the only cue. In a dispute each party's band is
shaded in its own colour under its name and its statements are labelled with it
(circles, then diamonds); a split marks no statement as the outlier. A fact
whose figure may only rise or fall also gets a timeline (time across, value
up). Every finding links to its statement's sentence in context; bars and links
are reachable with the keyboard. Each fact says where it comes
from: its rules file and line, a built-in template, or a fact suggested from the
articles with its rule to paste into a rules file. The page reflows
from 1280 pixels down to a 390-pixel phone (a chart keeps its size and
scrolls sideways there, so its labels stay readable).
"""

from __future__ import annotations

import hashlib
import math
from datetime import date
from html import escape

from ..figures import compact_number
from ..model import Claim, Conflict, Fact, period
from ..vocab.shown import Shown, shown_unit
from .base import PLAIN, Report, Terminal
from .helpers import ORIGIN_LABELS, SIDED, save_note, side_heads, stated, template_name, xml

WIDTH = 720  # the charts' coordinate width (SVG user units)
MARGIN = 24
ROW = 40  # height of one statement in a number line: its label, then its bar
LABEL_CHARS = 86
NOT_OUTLIERS = SIDED  # findings about a whole fact's sides, not one statement
PARTY_SHAPES = 4  # parties drawn apart by colour and marker; more share them in turn

STYLE = """
:root{--consensus:#2166ac;--outlier:#d95f02;--other:#666;--band:#2166ac;--party-0:#2166ac;
--party-1:#7b3294;--party-2:#1b7837;--party-3:#8c510a;font-family:system-ui,
-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.45;color:#1a1a1a;background:#fff}
body{margin:0 auto;max-width:1200px;padding:0 16px 48px}
a{color:#0b57d0}a:focus,g[tabindex]:focus,.chart-wrap:focus{outline:3px solid #f9ab00;
outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px}
h1{font-size:1.6rem;margin:16px 0 4px}h2{font-size:1.25rem;margin:28px 0 6px}
.summary{font-size:1.05rem}code{font-size:.9em;background:#f2f2f2;padding:0 3px;border-radius:3px}
ol.findings{padding-left:1.4em}ol.findings li{margin:0 0 10px}
.sev{font-weight:600;text-transform:uppercase;font-size:.8em;padding:1px 6px;border-radius:3px;
border:1px solid currentColor}.sev-error{color:#b3261e}.sev-warning{color:#8a5300}
.sev-info{color:#0b57d0}
.chart-wrap{overflow-x:auto;border:1px solid #ddd;border-radius:6px;margin:8px 0}
.chart-wrap svg{display:block;width:100%;min-width:640px;max-width:960px;height:auto}
svg text{font-size:13px;fill:#1a1a1a}svg .axis text{font-size:12px;fill:#444}
.legend{display:flex;flex-wrap:wrap;gap:4px 18px;font-size:.9rem;margin:4px 0}
table.sources{border-collapse:collapse;width:100%;font-size:.92rem}
table.sources th,table.sources td{border-top:1px solid #e3e3e3;padding:6px;text-align:left;
vertical-align:top}table.sources tr:target{background:#fff4ce}
mark{background:#ffe08a;padding:0 2px}
.origin{font-size:.8em;padding:1px 6px;border-radius:3px;background:#eef2f7;color:#1a1a1a;
border:1px dashed #667}.paste pre{background:#f6f6f6;padding:8px;overflow-x:auto}
@media (max-width:700px){table.sources thead{display:none}table.sources tr{display:block;
border-top:1px solid #ccc;padding:6px 0}table.sources td{display:block;border:0;padding:2px 0}}
"""

LEGEND = """<div class="legend" aria-hidden="true">
<span><svg width="26" height="14"><rect x="1" y="3" width="16" height="8" fill="var(--consensus)"/>
<circle cx="21" cy="7" r="4" fill="var(--consensus)"/></svg> consensus</span>
<span><svg width="26" height="14"><rect x="1" y="3" width="16" height="8" fill="url(#hatch-legend)"
stroke="var(--outlier)"/><path d="M21 2 L25.5 11 L16.5 11 Z" fill="var(--outlier)"/></svg>
outlier</span>
<span><svg width="26" height="14"><rect x="1" y="3" width="16" height="8" fill="var(--other)"/>
<rect x="17" y="3" width="8" height="8" fill="var(--other)"/></svg> other source</span>
<span><svg width="26" height="14"><rect x="1" y="1" width="24" height="12" fill="var(--band)"
fill-opacity=".15"/></svg> consensus range</span></div>"""


def _t(text: object) -> str:
    """Text as HTML: escaped, and its line breaks as character references, so no name or
    sentence starts a line of its own in a log the page is printed to (`::error ...`)."""
    return escape(xml(str(text)), quote=True).replace("\r", "&#13;").replace("\n", "&#10;")


def statement_anchor(claim: Claim) -> str:
    """The id of a statement's row: stable for the same document and place."""
    return _anchor(claim.doc, claim.start, claim.end)


def _anchor(doc: str, start: int, end: int) -> str:
    key = f"{doc}\x1f{start}\x1f{end}".encode()
    return "s-" + hashlib.sha256(key).hexdigest()[:12]


def _figure(claim: Claim) -> float | None:
    lo, hi = claim.interval()
    point = claim.si_value if claim.si_value is not None else claim.value
    if point is not None and lo <= point <= hi:
        return point
    finite = [x for x in (lo, hi) if math.isfinite(x)]
    return sum(finite) / len(finite) if finite else None


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


def _kind(claim: Claim, outliers: set, consensus: set, parties: Parties | None = None) -> str:
    """How a statement is drawn: outlier, a party's figure (`party-N`), consensus, other."""
    key = (claim.doc, claim.start, claim.end)
    if key in outliers:
        return "outlier"
    if parties and key in parties:
        return f"party-{parties[key][0] % PARTY_SHAPES}"
    return "consensus" if key in consensus else "other"


def _role(claim: Claim, kind: str, parties: Parties | None) -> str:
    """What a reader is told a statement is: its party's name ("police"), or its kind."""
    party = (parties or {}).get((claim.doc, claim.start, claim.end))
    return party[1] if party and party[1] else kind


def _marker(kind: str, x: float, y: float) -> str:
    if kind in ("party-1", "party-3"):  # a second party's figures: diamonds, not circles
        return (
            f'<path class="marker marker-{kind}" d="M{x:.1f} {y - 7:.1f} L{x + 7:.1f} {y:.1f} '
            f'L{x:.1f} {y + 7:.1f} L{x - 7:.1f} {y:.1f} Z" fill="var(--{kind})" stroke="#fff"/>'
        )
    if kind.startswith("party-"):
        return (
            f'<circle class="marker marker-{kind}" cx="{x:.1f}" cy="{y:.1f}" r="5.5" '
            f'fill="var(--{kind})" stroke="#fff"/>'
        )
    if kind == "outlier":
        return (
            f'<path class="marker marker-outlier" d="M{x:.1f} {y - 7:.1f} L{x + 7:.1f} {y + 6:.1f} '
            f'L{x - 7:.1f} {y + 6:.1f} Z" fill="var(--outlier)" stroke="#fff"/>'
        )
    if kind == "consensus":
        return (
            f'<circle class="marker marker-consensus" cx="{x:.1f}" cy="{y:.1f}" r="5.5" '
            'fill="var(--consensus)" stroke="#fff"/>'
        )
    return (
        f'<rect class="marker marker-other" x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" '
        'height="10" fill="var(--other)" stroke="#fff"/>'
    )


def _label(claim: Claim, party: str = "") -> str:
    text = f"{claim.doc}:{claim.line} · {claim.time or 'undated'} · {stated(claim)}"
    text = f"{party} · {text}" if party else text
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def _bar(claim: Claim, kind: str, scale: Scale, y: float, pattern: str, role: str = "") -> str:
    """A statement's bar; a party's figure is labelled with the party's name (`role`)."""
    lo, hi = claim.interval()
    x0, x1 = scale(lo), scale(hi)
    if x1 - x0 < 4:
        x0, x1 = (x0 + x1) / 2 - 2, (x0 + x1) / 2 + 2
    fill = f"url(#{pattern})" if kind == "outlier" else f"var(--{kind})"
    point = _figure(claim)
    party = role if kind.startswith("party-") else ""
    label = _label(claim, party)
    role = role or kind
    parts = [
        f'<g class="bar {kind}" tabindex="0" role="img" data-doc="{_t(claim.doc)}" '
        f'aria-label="{_t(role + ": " + _label(claim))}"><title>{_t(label)}</title>',
        f'<text x="{MARGIN}" y="{y - 6:.1f}">{_t(label)}</text>',
        f'<rect class="interval" x="{x0:.1f}" y="{y:.1f}" width="{x1 - x0:.1f}" height="10" '
        f'fill="{fill}" stroke="var(--{kind})"/>',
    ]
    if hi == math.inf:
        parts.append(f'<path d="M{x1:.1f} {y - 2:.1f} l8 7 l-8 7 Z" fill="var(--{kind})"/>')
    if point is not None:
        parts.append(_marker(kind, scale(point), y + 5))
    parts.append("</g>")
    return "".join(parts)


def _axis(scale: Scale, y: float, top: float, unit: str) -> str:
    out = [
        f'<g class="axis"><line x1="{MARGIN}" x2="{WIDTH - MARGIN}" y1="{y}" y2="{y}" '
        'stroke="#888"/>'
    ]
    for v in scale.ticks():
        x = scale.place(v)
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{y}" stroke="#eee"/>'
            f'<text x="{x:.1f}" y="{y + 16}" text-anchor="middle">{_t(compact_number(v))}</text>'
        )
    note = ("log scale" if scale.log else "linear scale") + (f", {unit}" if unit else "")
    out.append(f'<text x="{WIDTH - MARGIN}" y="{y + 32}" text-anchor="end">{_t(note)}</text></g>')
    return "".join(out)


def _defs(uid: str) -> str:
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


def _band(fact: Fact, band, scale: Scale, top: float, bottom: float, parties: Parties) -> str:
    """A consensus's figure range, shaded; a party's in its colour, under its name."""
    x0, x1 = scale(band[0]), scale(band[1])
    party = _band_party(fact, band, parties)
    fill = "var(--band)" if party is None else f"var(--party-{party[0] % PARTY_SHAPES})"
    name = "consensus-band" if party is None else "party-band"
    out = (
        f'<rect class="{name}" x="{x0:.1f}" y="{top}" width="{max(x1 - x0, 3):.1f}" '
        f'height="{bottom - top}" fill="{fill}" fill-opacity=".15"/>'
    )
    if party is not None:
        out += (
            f'<text class="party-name" x="{(x0 + x1) / 2:.1f}" y="{top - 4}" '
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
    dispute, each party's band in its colour under its name, its figures labelled with it."""
    parties = parties or {}
    claims = sorted(fact.claims, key=lambda c: (_figure(c) or 0, c.doc, c.start))
    ends = [x for c in claims for x in c.interval()] + [x for b in fact.bands for x in b]
    shown = shown_unit(claims)
    scale = Scale(ends, MARGIN, WIDTH - MARGIN, shown)
    top = 28 if parties else 12  # room above the bands for the parties' names
    height = top + ROW * len(claims) + 44
    axis_y = top + ROW * len(claims) + 6
    consensus = {(c.doc, c.start, c.end) for c in fact.consensus}
    unit = shown.words if shown else next((c.si_unit or c.unit or "" for c in claims), "")
    out = [
        f'<svg class="chart number-line" viewBox="0 0 {WIDTH} {height}" '
        f'xmlns="http://www.w3.org/2000/svg" role="group" aria-label="{_t(fact.title)}: '
        f'{len(claims)} statements on a number line">',
        _defs(uid),
    ]
    bands = fact.bands if parties else _merged(fact.bands)
    out += [_band(fact, band, scale, top, axis_y, parties) for band in bands]
    out.append(_axis(scale, axis_y, top, unit if unit != "percent" else "%"))
    for i, c in enumerate(claims):
        kind = _kind(c, outliers, consensus, parties)
        role = _role(c, kind, parties)
        out.append(_bar(c, kind, scale, top + ROW * i + 22, f"hatch-{uid}", role))
    out.append("</svg>")
    return "".join(out)


def _day(time: str) -> int:
    first, _ = period(time)
    return date.fromisoformat(first[:10]).toordinal()


def timeline(fact: Fact, outliers: set, uid: str, parties: Parties | None = None) -> str:
    """An over_time fact: each dated statement at its date, its interval upright."""
    dated = sorted((c for c in fact.claims if c.time), key=lambda c: (_day(c.time), c.doc))
    if not dated:
        return '<p class="timeline-empty">No statement of this fact is dated.</p>'
    height, top, bottom = 300, 16, 250
    values = [x for c in dated for x in c.interval() if math.isfinite(x)]
    ys = Scale(values, bottom, top, shown_unit(dated))
    days = [_day(c.time) for c in dated]
    xs = Scale([float(d) for d in days], 90, WIDTH - MARGIN)
    xs.log = False
    consensus = {(c.doc, c.start, c.end) for c in fact.consensus}
    out = [
        f'<svg class="chart timeline" viewBox="0 0 {WIDTH} {height}" '
        f'xmlns="http://www.w3.org/2000/svg" role="group" '
        f'aria-label="{_t(fact.title)}: timeline of {len(dated)} dated statements">',
        _defs(uid + "-t"),
        f'<g class="axis"><line x1="90" x2="{WIDTH - MARGIN}" y1="{bottom}" y2="{bottom}" '
        'stroke="#888"/>',
    ]
    for v in ys.ticks():
        y = ys.place(v) + 4
        out.append(f'<text x="84" y="{y:.1f}" text-anchor="end">{_t(compact_number(v))}</text>')
    # by day, then by time: labels of one day come out in one order whatever the hash seed
    labels = sorted(
        {(c.time, d) for c, d in zip(dated, days, strict=True)}, key=lambda t: (t[1], t[0])
    )
    for c, d in labels[:8]:
        out.append(
            f'<text x="{xs(float(d)):.1f}" y="{bottom + 18}" text-anchor="middle">{_t(c)}</text>'
        )
    out.append("</g>")
    for c, d in zip(dated, days, strict=True):
        kind = _kind(c, outliers, consensus, parties)
        lo, hi = c.interval()
        x = xs(float(d))
        y0, y1 = (
            ys(hi if math.isfinite(hi) else max(values)),
            ys(lo if math.isfinite(lo) else min(values)),
        )
        point = _figure(c)
        fill = f"url(#hatch-{uid}-t)" if kind == "outlier" else f"var(--{kind})"
        out.append(
            f'<g class="step {kind}" tabindex="0" role="img" '
            f'aria-label="{_t(_role(c, kind, parties) + ": " + _label(c))}">'
            f"<title>{_t(_label(c))}</title>"
            f'<rect x="{x - 4:.1f}" y="{y0:.1f}" width="8" height="{max(y1 - y0, 3):.1f}" '
            f'fill="{fill}" stroke="var(--{kind})"/>'
            + (_marker(kind, x, ys(point)) if point is not None else "")
            + "</g>"
        )
    out.append("</svg>")
    return "".join(out)


def _in_context(claim: Claim) -> str:
    """The statement's sentence (and the one before, when known), its figure marked."""
    text = " ".join((claim.context or claim.sentence or claim.text).split())
    figure = " ".join(claim.text.split())
    at = text.rfind(figure)
    if at < 0:
        return _t(text)
    return f"{_t(text[:at])}<mark>{_t(figure)}</mark>{_t(text[at + len(figure) :])}"


def _sources_table(fact: Fact, outliers: set, parties: Parties | None = None) -> str:
    """Every statement: its role (a party's name in a dispute), source, date, figure."""
    consensus = {(c.doc, c.start, c.end) for c in fact.consensus}
    rows = []
    for c in fact.claims:
        kind = _kind(c, outliers, consensus, parties)
        rows.append(
            f'<tr id="{statement_anchor(c)}" class="{kind}"><td>{_t(_role(c, kind, parties))}</td>'
            f"<td><code>{_t(c.doc)}:{c.line}</code></td><td>{_t(c.time or 'undated')}</td>"
            f"<td>{_t(stated(c))}</td><td>{_in_context(c)}</td></tr>"
        )
    return (
        '<table class="sources"><thead><tr><th>role</th><th>source</th><th>date</th>'
        "<th>figure as stated</th><th>in context</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _origin_badge(report: Report, rule_id: str) -> str:
    """A label for a fact nobody wrote a rule for ("template", "suggested"), or ''."""
    label = ORIGIN_LABELS.get(report.origin(rule_id))
    return f' <span class="origin">{label}</span>' if label else ""


def _origin(report: Report, rule_id: str) -> str:
    """Where a fact comes from: its rules file and line, the template, or the suggestion
    with its rule to paste."""
    rule = report.rules_by_id.get(rule_id)
    if rule is None:
        return ""
    origin = report.origin(rule_id)
    if origin == "template":
        name = _t(template_name(rule.file))
        return (
            f'<p class="where">A built-in template, <code>{name}</code>: use it in a rules '
            f"file with <code>- use: {name}</code>.</p>"
        )
    if origin == "suggestion":
        return (
            '<p class="where">A fact suggested from the articles: no rule checks it yet.</p>'
            f'<details class="paste"><summary>{_t(save_note(rule_id))}</summary>'
            f"<pre><code>{_t(report.paste(rule_id))}</code></pre></details>"
        )
    return f'<p class="where">Rule: <code>{_t(rule.file)}:{rule.line}</code></p>'


def _fact_section(
    fact: Fact, findings: list[Conflict], index: int, origin: str = "", badge: str = ""
) -> str:
    """A fact: its title, where it comes from (`origin`, `badge`), its charts and sources."""
    outliers = {
        (c.left.doc, c.left.start, c.left.end) for c in findings if c.check not in NOT_OUTLIERS
    }
    uid = f"f{index}"
    status = _count(len(findings), "finding") if findings else "sources agree"
    parts = [
        f'<section class="fact" id="fact-{_t(fact.rule_id)}" data-fact="{_t(fact.rule_id)}" '
        f'data-statements="{len(fact.claims)}">',
        f"<h2>{_t(fact.title)} <code>{_t(fact.rule_id)}</code>{badge}</h2>",
        f"<p>{_count(len(fact.claims), 'statement')} from "
        f"{_count(len({c.doc for c in fact.claims}), 'document')}; {status}.</p>",
        origin,
    ]
    if not fact.claims:
        return "".join(parts) + "<p>No statement selected.</p></section>"
    label = f"Chart of {fact.title}; scroll sideways on a narrow screen"
    parts.append(f'<div class="chart-wrap" tabindex="0" role="region" aria-label="{_t(label)}">')
    parties = parties_of(findings)
    parts.append(number_line(fact, outliers, uid, parties) + "</div>")
    if fact.timeline:
        parts.append(
            f'<h3>Over time</h3><div class="chart-wrap" tabindex="0" role="region" '
            f'aria-label="{_t("Timeline of " + fact.title)}">'
        )
        parts.append(timeline(fact, outliers, uid, parties) + "</div>")
    parts.append(_sources_table(fact, outliers, parties) + "</section>")
    return "".join(parts)


def _source_list(side: dict) -> str:
    """The documents of a side, with how many more than those listed ("and 950 more")."""
    docs = side["documents"]
    more = side.get("document_count", len(docs)) - len(docs)
    return ", ".join(docs) + (f" and {more:,} more" if more > 0 else "")


def _what(c: Conflict) -> str:
    """What a finding's statement says; for a split or dispute, each side's (none is the
    outlier), a party by its name."""
    heads = side_heads(c) if c.check in SIDED else []
    if not heads:
        return (
            f'<a href="#{statement_anchor(c.left)}">{_t(c.left.doc)}:{c.left.line}</a> '
            f"states <strong>{_t(stated(c.left))}</strong>"
        )
    lead = "Parties disagree" if c.check == "disputed" else "Sources split, none the outlier"
    sides = "; ".join(
        f'{_t(h["label"])}: <a href="#{_anchor(h["doc"], h["start"], h["end"])}">'
        f"{_t(h['doc'])}:{h['line']}</a> states <strong>{_t(' '.join(h['text'].split()))}</strong>"
        for h in heads
    )
    return f"{lead}: {sides}"


def _finding_item(report: Report, c: Conflict) -> str:
    state = report.standing(c)
    flag = "" if state == "open" else f" ({_t(state)})"
    consensus = c.details.get("consensus") if c.check == "outlier" else None
    context = f"Consensus sources: {_source_list(consensus)}." if consensus else ""
    return (
        f'<li id="finding-{c.id}" class="finding"><span class="sev sev-{_t(c.severity)}">'
        f"{_t(c.severity)}</span>{flag} {_what(c)} — "
        f'{_t(c.reason)}. <span class="context">{_t(context)}</span> '
        f'<a href="#fact-{_t(c.rule_id)}">{_t(c.rule_id)}</a>{_origin_badge(report, c.rule_id)} '
        f"<code>{c.id}</code></li>"
    )


def render(report: Report, terminal: Terminal = PLAIN) -> str:
    """The run as one self-contained HTML page."""
    by_rule: dict[str, list[Conflict]] = {}
    for c in report.conflicts:
        by_rule.setdefault(c.rule_id, []).append(c)
    nav = "".join(
        f'<li><a href="#fact-{_t(f.rule_id)}">{_t(f.title)}</a>'
        f"{_origin_badge(report, f.rule_id)} ({len(by_rule.get(f.rule_id, []))})</li>"
        for f in report.facts
    )
    findings = "".join(_finding_item(report, c) for c in report.conflicts) or "<li>None.</li>"
    sections = "".join(
        _fact_section(
            f,
            by_rule.get(f.rule_id, []),
            i,
            _origin(report, f.rule_id),
            _origin_badge(report, f.rule_id),
        )
        for i, f in enumerate(report.facts)
    )
    hatch = _defs("legend")
    skipped = "".join(f"<li><code>{_t(p)}</code>: {_t(r)}</li>" for p, r in report.skipped_files)
    if skipped:
        skipped = f'<section id="skipped"><h2>Files not read</h2><ul>{skipped}</ul></section>'

    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>factcheck report</title><style>{STYLE}</style></head><body>"
        '<a class="skip" href="#findings">Skip to the findings</a>'
        f'<svg width="0" height="0" aria-hidden="true" style="position:absolute">{hatch}</svg>'
        f'<header><h1>factcheck report</h1><p class="summary">{_t(report.summary())}</p>'
        f'<nav aria-label="Facts"><ul>{nav}</ul></nav></header><main>'
        f'<section id="findings"><h2>Findings</h2>{LEGEND}<ol class="findings">{findings}</ol>'
        f"</section>{skipped}{sections}</main></body></html>\n"
    )
