"""A self-contained HTML page for a reviewer: a summary, the findings, and a chart per fact.

One file, no script and nothing fetched from the network: the charts (`chart.py`)
are HTML and SVG written here. Each fact gets a number line (log scale when its
figures span more than a factor of ten) with one bar per statement, labelled with
its document, date and the figure as stated, on an axis in the unit the articles
use; past 30 statements, statements of one figure and role share a bar that says
how many sources state it, and each outlier keeps its own. The consensus band is
shaded; outliers are drawn with a hatched bar and a triangle, consensus statements
with a solid bar and a circle, others with a square, so colour is never the only
cue. In a dispute each party's band is shaded in its own colour under its name and
its statements are labelled with it (circles, then diamonds); a split marks no
statement as the outlier. A fact whose figure may only rise or fall also gets a
timeline (time across, value up). Every finding links to its statement's sentence
in context; bars and links are reachable with the keyboard. Each fact says where
it comes from: its rules file and line, a built-in template, or a fact suggested
from the articles with its rule to paste into a rules file. The page reflows from
1280 pixels down to a 390-pixel phone: a chart takes the width there is, its
labels wrap above their bars at their normal size, and nothing needs scrolling
sideways.
"""

from __future__ import annotations

import hashlib

from ..model import Claim, Conflict, Fact
from .base import PLAIN, Report, Terminal
from .chart import Parties, defs, kind_of, number_line, parties_of, role_of, timeline
from .helpers import ORIGIN_LABELS, SIDED, save_note, side_heads, stated, template_name
from .helpers import html_text as _t

NOT_OUTLIERS = SIDED  # findings about a whole fact's sides, not one statement

STYLE = """
:root{--consensus:#2166ac;--outlier:#d95f02;--other:#666;--band:#2166ac;--party-0:#2166ac;
--party-1:#7b3294;--party-2:#1b7837;--party-3:#8c510a;font-family:system-ui,
-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.45;color:#1a1a1a;background:#fff}
body{margin:0 auto;max-width:1200px;padding:0 16px 48px}
a{color:#0b57d0}a:focus,g[tabindex]:focus,.bar:focus{outline:3px solid #f9ab00;
outline-offset:2px}main,header{overflow-wrap:break-word}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px}
h1{font-size:1.6rem;margin:16px 0 4px}h2{font-size:1.25rem;margin:28px 0 6px}
.summary{font-size:1.05rem}code{font-size:.9em;background:#f2f2f2;padding:0 3px;border-radius:3px}
ol.findings{padding-left:1.4em}ol.findings li{margin:0 0 10px}
.sev{font-weight:600;text-transform:uppercase;font-size:.8em;padding:1px 6px;border-radius:3px;
border:1px solid currentColor}.sev-error{color:#b3261e}.sev-warning{color:#8a5300}
.sev-info{color:#0b57d0}
.chart-wrap{border:1px solid #ddd;border-radius:6px;margin:8px 0;padding:8px 12px 2px;
max-width:960px}.chart svg{display:block}.chart .axis,.chart .track{width:100%}
.plot{position:relative}.plot .bands{position:absolute;left:0;top:0;width:100%;height:100%}
.rows{position:relative}.rows.parties{padding-top:20px}.bar{padding:3px 0 2px}
.bar .label{display:block;font-size:13px;line-height:1.3}
svg text{font-size:13px;fill:#1a1a1a}svg.axis text,svg .axis text{font-size:12px;fill:#444}
.timeline{display:flex}.timeline .y-axis{flex:0 0 84px}.timeline .area{flex:1 1 auto;
min-width:0;width:100%}
.legend{display:flex;flex-wrap:wrap;gap:4px 18px;font-size:.9rem;margin:4px 0}
table.sources{border-collapse:collapse;width:100%;font-size:.92rem}
table.sources th,table.sources td{border-top:1px solid #e3e3e3;padding:6px;text-align:left;
vertical-align:top}table.sources tr:target{background:#fff4ce}
mark{background:#ffe08a;padding:0 2px}
.origin{font-size:.8em;padding:1px 6px;border-radius:3px;background:#eef2f7;color:#1a1a1a;
border:1px dashed #667}.paste pre{background:#f6f6f6;padding:8px;overflow-x:auto}
@media (max-width:700px){.tick.odd{display:none}table.sources thead{display:none}
table.sources tr{display:block;border-top:1px solid #ccc;padding:6px 0}
table.sources td{display:block;border:0;padding:2px 0}}
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


def statement_anchor(claim: Claim) -> str:
    """The id of a statement's row: stable for the same document and place."""
    return _anchor(claim.doc, claim.start, claim.end)


def _anchor(doc: str, start: int, end: int) -> str:
    key = f"{doc}\x1f{start}\x1f{end}".encode()
    return "s-" + hashlib.sha256(key).hexdigest()[:12]


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
        kind = kind_of(c, outliers, consensus, parties)
        rows.append(
            f'<tr id="{statement_anchor(c)}" class="{kind}">'
            f"<td>{_t(role_of(c, kind, parties))}</td>"
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
    parts.append(
        f'<div class="chart-wrap" role="region" aria-label="{_t("Chart of " + fact.title)}">'
    )
    parties = parties_of(findings)
    parts.append(number_line(fact, outliers, uid, parties) + "</div>")
    if fact.timeline:
        parts.append(
            f'<h3>Over time</h3><div class="chart-wrap" role="region" '
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
    hatch = defs("legend")
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
