"""Stored conflicts for `factcheck conflicts` (a listing) and `factcheck show` (one in full,
with where its fact comes from: a rules file, a built-in template, or a suggestion and the
rule to paste to keep checking it)."""

from __future__ import annotations

import json

from ..figures import fmt_number
from ..model import Claim, Conflict
from ..safe_text import printable
from ..vocab.shown import interval_in, shown_unit
from . import columns
from .columns import WIDTH, Column
from .helpers import (
    SIDED,
    context_lines,
    finite,
    origin_text,
    printable_conflict,
    related_claims,
    row_origin,
    save_note,
    side_heads,
    stated,
)

# the details `conflict_detail` shows as "measured against" rather than as data
_CONTEXT_KEYS = (
    "consensus",
    "sides",
    "side_count",
    "step",
    "above",
    "above_count",
    "members",
    "statements",
    "pairs",
)


LIST_COLUMNS = [
    Column("id"),
    Column("fact", keep=2),
    Column("severity", keep=3),
    Column("status", keep=1),
    Column("sources"),
    Column("why", wrap=20, cap=50),
]


def conflict_list_table(conflicts: list[Conflict], width: int = WIDTH) -> str:
    """Findings as a compact listing `width` columns wide: id, fact, severity, status,
    where, why (narrower: the status, fact and severity left out in that order, the
    reason wrapped)."""
    conflicts = [printable_conflict(c) for c in conflicts]
    rows = [
        [
            c.id,
            c.rule_id,
            c.severity,
            c.status,
            f"{c.left.doc}:{c.left.line}" + (f"\n{c.right.doc}:{c.right.line}" if c.right else ""),
            c.reason,
        ]
        for c in conflicts
    ]
    return columns.render(rows, LIST_COLUMNS, width)


def conflict_detail(conflict: Conflict, rule: dict | None, documents: dict[str, dict]) -> str:
    """Everything about one conflict: the rule, both claims in context, and why."""
    c = printable_conflict(conflict)
    details = _printable_values(c.details)
    documents = {printable(path): _printable_values(row or {}) for path, row in documents.items()}
    lines = _head(c, rule, details)
    lines.append("")
    # a split's or dispute's statements are its sides' (a party's name), neither the outlier
    heads = [h["label"] for h in side_heads(c)] if c.check in SIDED else []
    first, second = heads[:2] if len(heads) >= 2 else ("source", "other source")
    lines += _detail_side(
        first, c.left, details.pop("left_interval", None), documents.get(c.left.doc)
    )
    right_interval = details.pop("right_interval", None)
    if c.right is not None:
        lines.append("")
        lines += _detail_side(second, c.right, right_interval, documents.get(c.right.doc))
    for key in _CONTEXT_KEYS:
        details.pop(key, None)
    shown = context_lines(c)
    if shown:
        lines += ["", "measured against:", *(f"  {line}" for line in shown)]
        lines += [f"  {r['doc']}:{r['line']}: “{r['text']}”" for r in related_claims(c)[:10]]
    if details:
        lines.append("")
        lines += [
            f"{k}: {json.dumps(finite(v), ensure_ascii=False)}" for k, v in sorted(details.items())
        ]
    return "\n".join(lines + _paste(c.rule_id, rule))


def _paste(rule_id: str, rule: dict | None) -> list[str]:
    """A suggested fact's rule to paste, after a line that says what to do with it."""
    text = (rule or {}).get("paste") or ""
    if row_origin(rule) != "suggestion" or not text:
        return []
    yaml_lines = [printable(line) for line in text.rstrip("\n").splitlines()]
    return ["", f"{save_note(rule_id)}:", "", *yaml_lines]


def _printable_values(row: dict) -> dict:
    return {k: printable(v) if isinstance(v, str) else v for k, v in row.items()}


def _head(c: Conflict, rule: dict | None, details: dict) -> list[str]:
    """The conflict's id, review, rule and tolerance (taking those out of `details`)."""
    rule_line, origin = c.rule_id, row_origin(rule)
    if rule and origin == "rule":
        rule_line += (
            f": {printable(rule.get('title'))} ({printable(rule.get('file'))}:{rule.get('line')})"
        )
    elif rule:  # a template's file is in the installed package, a suggestion has none
        rule_line += f": {printable(rule.get('title'))}"
    lines = [f"finding:   {c.id}", f"status:    {c.status}"]
    if details.get("review_reason"):
        lines.append(f"review:    {details.pop('review_reason')}")
    lines.append(f"rule:      {rule_line}")
    if rule and origin != "rule":
        text = origin_text(c.rule_id, origin, rule.get("file") or "", rule.get("line"))
        lines.append(f"origin:    {printable(text)}")
    lines += [
        f"severity:  {c.severity}",
        f"check:     {c.check}",
        f"why:       {c.reason}",
    ]
    tolerance = details.pop("tolerance", None)
    absolute = details.pop("absolute", None)
    if tolerance is not None or absolute:
        text = f"{tolerance:.0%}" if tolerance is not None else "0%"
        if absolute:
            text += f" and ± {fmt_number(absolute)}"
        lines.append(f"tolerance: {text}")
    return lines


def _interval_text(value, claim: Claim) -> str:
    """The interval a finding stored for a statement (in SI), in the statement's own unit."""
    if not (isinstance(value, list | tuple) and len(value) == 2):
        return interval_in(claim)
    lo, hi = value
    unit = claim.si_unit or claim.unit or claim.noun or ""
    shown = shown_unit((claim,))
    if shown is not None:
        lo = None if lo is None else shown(lo)
        hi = None if hi is None else shown(hi)
        unit = shown.label(lo, hi)
    if lo == hi:
        return f"{fmt_number(lo)} {unit}".strip()
    if lo is None:
        return f"≤ {fmt_number(hi)} {unit}".strip()
    if hi is None:
        return f"≥ {fmt_number(lo)} {unit}".strip()
    return f"{fmt_number(lo)}–{fmt_number(hi)} {unit}".strip()


def _detail_side(label: str, claim: Claim, interval, document: dict | None) -> list[str]:
    document = document or {}
    published = document.get("published") or "unknown"
    lines = [f"{label}: {claim.doc}:{claim.line}"]
    if document.get("title"):
        lines.append(f"  title:     {document['title']}")
    lines += [
        f"  published: {published}",
        f"  sentence:  {' '.join((claim.sentence or claim.text).split())}",
        f"  claim:     “{claim.text}” = {stated(claim)}",
        f"  interval:  {_interval_text(interval, claim)}",
        f"  refers to: {claim.time or 'unknown time'}"
        + (f" ({claim.time_source})" if claim.time_source else ""),
        f"  about:     {claim.about or '(nothing of its own)'}",
        f"  role:      {claim.role}",
        f"  speaker:   {claim.speaker or 'none named'}",
    ]
    return lines
