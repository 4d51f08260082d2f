"""Claims for `factcheck extract` and `factcheck claims`: listings, and the unmatched grouped."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import CLAIM_KINDS, Claim
from ..safe_text import printable
from ..vocab.shown import interval_in
from . import columns
from .columns import WIDTH, Column
from .helpers import dumps, finite, printable_claim, snippet, stated


def claims_jsonl(claims: Iterable[Claim]) -> str:
    """Claims in the eval claim format, one JSON object per line."""
    encode = _JSONL.encode  # one encoder for every line: json.dumps makes one per call
    return "".join(encode(c.to_json()) + "\n" for c in claims)


# what json.dumps(..., ensure_ascii=False, sort_keys=False) encodes with
_JSONL = json.JSONEncoder(ensure_ascii=False, sort_keys=False)


def claims_json(claims: Iterable[Claim]) -> str:
    """Claims as a JSON array."""
    return dumps([finite(c.to_json()) for c in claims])


CLAIM_COLUMNS = [
    Column("where"),
    Column("text", wrap=16, cap=44),
    Column("kind", keep=2),
    Column("states", wrap=12, cap=30),
    Column("interval", keep=1, wrap=10, cap=24),
    Column("when", keep=3),
]


def claims_table(claims: list[Claim], width: int = WIDTH) -> str:
    """Claims as a readable table `width` columns wide (narrower: the interval, kind and
    time left out in that order, the claim's words and what it states wrapped)."""
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
    return columns.render(rows, CLAIM_COLUMNS, width)


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


GROUP_COLUMNS = [
    Column("noun or unit", wrap=12, cap=30),
    Column("kind", keep=1),
    Column("documents", right=True),
    Column("claims", keep=2, right=True),
    Column("example", wrap=24, cap=70),
]


def groups_table(groups: list[ClaimGroup], width: int = WIDTH) -> str:
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
    return columns.render(rows, GROUP_COLUMNS, width)


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
