"""Claims for `factcheck extract` and `factcheck claims`: listings, and the unmatched grouped."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import CLAIM_KINDS, Claim
from ..safe_text import printable
from ..vocab.shown import interval_in
from .helpers import dumps, finite, printable_claim, snippet, stated, table


def claims_jsonl(claims: Iterable[Claim]) -> str:
    """Claims in the eval claim format, one JSON object per line."""
    encode = _JSONL.encode  # one encoder for every line: json.dumps makes one per call
    return "".join(encode(c.to_json()) + "\n" for c in claims)


# what json.dumps(..., ensure_ascii=False, sort_keys=False) encodes with
_JSONL = json.JSONEncoder(ensure_ascii=False, sort_keys=False)


def claims_json(claims: Iterable[Claim]) -> str:
    """Claims as a JSON array."""
    return dumps([finite(c.to_json()) for c in claims])


def claims_table(claims: list[Claim]) -> str:
    """Claims as a readable table."""
    claims = [printable_claim(c) for c in claims]
    rows = [
        [
            f"{c.doc}:{c.line}",
            c.text,
            c.kind,
            stated(c),
            interval_in(c) if c.kind not in ("date", "rank") else "",
            c.time or "",
        ]
        for c in claims
    ]
    return table(
        rows,
        headers=["where", "text", "kind", "states", "interval", "when"],
        tablefmt="simple",
        widths=[36, 44, 8, 30, 24, 10],
    )


@dataclass(frozen=True)
class ClaimGroup:
    """Claims no rule selected that count the same noun (or share a unit)."""

    kind: str
    label: str  # the counted noun, or the unit
    claims: int
    documents: int
    example: Claim


def group_unmatched(claims: Iterable[Claim]) -> list[ClaimGroup]:
    """Group claims by kind and counted noun or unit; most documents first."""
    groups: dict[tuple[str, str], list[Claim]] = {}
    for c in claims:
        if c.kind not in CLAIM_KINDS:
            continue
        label = (c.noun if c.kind == "count" else c.unit) or "(none)"
        groups.setdefault((c.kind, label), []).append(c)
    out = [
        ClaimGroup(
            kind=kind,
            label=label,
            claims=len(members),
            documents=len({c.doc for c in members}),
            example=min(members, key=lambda c: (c.doc, c.start)),
        )
        for (kind, label), members in groups.items()
    ]
    out.sort(key=lambda g: (-g.documents, -g.claims, g.kind, g.label))
    return out


def _example(claim: Claim) -> str:
    claim = printable_claim(claim)
    return f'{claim.doc}:{claim.line} "{snippet(claim, 60)}"'


def groups_table(groups: list[ClaimGroup]) -> str:
    """Unmatched claim groups as a table, with one example each."""
    rows = [
        [
            printable(g.label),
            g.kind,
            g.documents,
            g.claims,
            _example(g.example),
        ]
        for g in groups
    ]
    return table(
        rows,
        headers=["noun or unit", "kind", "documents", "claims", "example"],
        tablefmt="simple",
        widths=[30, 8, None, None, 70],
        colalign=("left", "left", "right", "right", "left"),
    )


def groups_json(groups: list[ClaimGroup]) -> str:
    """Unmatched claim groups as a JSON array."""
    return dumps(
        [
            {
                "kind": g.kind,
                "label": g.label,
                "documents": g.documents,
                "claims": g.claims,
                "example": finite(g.example.to_json()),
            }
            for g in groups
        ]
    )
