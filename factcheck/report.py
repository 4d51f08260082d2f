"""Turn results into text: conflict tables, summaries, claim listings. The only module using tabulate."""

from __future__ import annotations

import json
from collections.abc import Iterable

from tabulate import tabulate

from .check import describe_interval, fmt_number
from .model import Claim, Conflict

SNIPPET_CHARS = 90


def snippet(claim: Claim, width: int = SNIPPET_CHARS) -> str:
    """The claim in its sentence, cut to about `width` characters around the figure."""
    sentence = " ".join((claim.sentence or claim.text).split())
    text = " ".join(claim.text.split())
    at = sentence.find(text)
    if len(sentence) <= width or at < 0:
        return sentence if len(sentence) <= width else sentence[: width - 1] + "…"
    room = max(0, width - len(text))
    start = max(0, at - room // 2)
    end = min(len(sentence), start + width)
    start = max(0, end - width)
    out = sentence[start:end]
    return ("…" if start > 0 else "") + out + ("…" if end < len(sentence) else "")


def stated(claim: Claim) -> str:
    """What the claim states, in figures: the value or bounds and the qualifier."""
    if claim.qualifier in ("range", "vague"):
        figure = f"{fmt_number(claim.low)}–{fmt_number(claim.high)}"
    else:
        figure = fmt_number(claim.value)
    unit = claim.unit or claim.noun or ""
    qual = "" if claim.qualifier == "exact" else f" ({claim.qualifier})"
    return f"{figure} {unit}".strip() + qual


def side(claim: Claim | None) -> str:
    if claim is None:
        return ""
    return f'{claim.doc}:{claim.line}\n"{snippet(claim, 60)}"\n= {stated(claim)}'


def conflicts_table(conflicts: list[Conflict]) -> str:
    """The conflicts as a grid: fact, severity, each side, and why they disagree."""
    if not conflicts:
        return ""
    rows = [
        [
            f"{c.rule_id}\n[{c.id}]",
            c.severity,
            side(c.left),
            side(c.right),
            c.reason,
        ]
        for c in conflicts
    ]
    return tabulate(
        rows,
        headers=["fact", "severity", "source", "other source", "why"],
        tablefmt="grid",
        maxcolwidths=[24, 8, 46, 46, 36],
    )


def summary(documents: int, claims: int, facts: int, conflicts: list[Conflict], skipped: int) -> str:
    """The one-line summary of a run."""
    by_sev = {}
    for c in conflicts:
        by_sev[c.severity] = by_sev.get(c.severity, 0) + 1
    detail = ", ".join(f"{n} {s}" for s, n in sorted(by_sev.items()))
    line = (
        f"{documents} document{'s' if documents != 1 else ''}, {claims} claims, "
        f"{facts} facts checked, {len(conflicts)} conflict{'s' if len(conflicts) != 1 else ''}"
    )
    if detail:
        line += f" ({detail})"
    if skipped:
        line += f", {skipped} file{'s' if skipped != 1 else ''} skipped"
    return line


def claims_jsonl(claims: Iterable[Claim]) -> str:
    """Claims in the eval claim format, one JSON object per line."""
    return "".join(
        json.dumps(c.to_json(), ensure_ascii=False, sort_keys=False) + "\n" for c in claims
    )


def claims_table(claims: list[Claim]) -> str:
    """Claims as a readable table."""
    rows = [
        [
            f"{c.doc}:{c.line}",
            c.text,
            c.kind,
            stated(c),
            describe_interval(c) if c.kind not in ("date", "rank") else "",
            c.time or "",
        ]
        for c in claims
    ]
    return tabulate(
        rows,
        headers=["where", "text", "kind", "states", "interval", "when"],
        tablefmt="simple",
        maxcolwidths=[36, 44, 8, 30, 24, 10],
    )
