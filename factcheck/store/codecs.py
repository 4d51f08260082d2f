"""Records to database rows and back: claims, conflicts, rules, runs, facts, and findings as JSON.

Stored findings are JSON that keeps what JSON alone would lose (tuples,
claims), so they read back equal to the ones computed, and a report from
them is byte-for-byte the same.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zlib
from dataclasses import dataclass, fields, replace
from operator import attrgetter

from ..model import Claim, Conflict

CLAIM_FIELDS = [f.name for f in fields(Claim)]
# A claim's sentence and context are stored once per document in `sentences`
# (m004_sentences) and referred to by number: one long line holding 2,000
# figures would otherwise be stored 4,000 times. The Claim record is unchanged.
TEXT_REFS = {"sentence": "sentence_id", "context": "context_id"}
_STORED = [TEXT_REFS.get(name, name) for name in CLAIM_FIELDS]
INSERT_CLAIM = "insert into claims ({}) values ({})".format(
    ", ".join(f'"{f}"' for f in _STORED), ", ".join("?" for _ in _STORED)
)


def claim_select(stored: set[str] | None = None) -> str:
    """`select` of every Claim field in order, the texts joined back from `sentences`.

    stored: the claims table's columns when it may lack some (a database read, not
    upgraded, before m009_claim_columns): a field without one reads as null (unknown).
    """
    cols = []
    for name in CLAIM_FIELDS:
        if name in TEXT_REFS:
            cols.append(f"coalesce({name}_text.text, '')")
        elif stored is not None and name not in stored:
            cols.append("null")
        else:
            cols.append(f'claims."{name}"')
    joins = " ".join(
        f"left join sentences {name}_text on {name}_text.doc = claims.doc"
        f" and {name}_text.n = claims.{ref}"
        for name, ref in TEXT_REFS.items()
    )
    return f"select {', '.join(cols)} from claims {joins}"


CLAIM_SELECT = claim_select()


# -- claims ---------------------------------------------------------------------


def claim_rows(claims) -> tuple[list[tuple], dict[str, int]]:
    """A document's claims as `claims` rows, and the number of each sentence or context text."""
    numbers: dict[str, int] = {}
    rows = []
    for c in claims:
        row = list(_CLAIM_VALUES(c))  # every field in one C call
        for i in _TEXT_AT:
            row[i] = numbers.setdefault(row[i], len(numbers))
        rows.append(tuple(row))
    return rows, numbers


_CLAIM_VALUES = attrgetter(*CLAIM_FIELDS)
_TEXT_AT = [i for i, f in enumerate(CLAIM_FIELDS) if f in TEXT_REFS]  # ascending


def claim_from_row(row) -> Claim:
    """A Claim from a row in CLAIM_FIELDS order, without the frozen __init__.

    A frozen dataclass sets each of its fields through object.__setattr__; for
    the tens of thousands of claims an unchanged run loads, filling __dict__ in
    one step is three times faster and gives an equal object.
    """
    claim = object.__new__(Claim)
    claim.__dict__.update(zip(CLAIM_FIELDS, row, strict=True))
    return claim


def content_hash(row: tuple) -> tuple[int, int]:
    """Two 31-bit hashes of a stored claim's every field (its row): its content's identity."""
    digest = int.from_bytes(hashlib.blake2b(repr(row).encode(), digest_size=8).digest(), "big")
    return digest & 0x7FFFFFFF, (digest >> 32) & 0x7FFFFFFF


class Shared:
    """One object for each repeated value of the rows read in one query.

    SQLite gives every row its own string and float objects: the kind,
    qualifier, unit, noun, role, time, document name and sentence of 60,000
    claims of one fact are mostly repeats. Sharing them (per query, keyed by
    type and value, so 5 and 5.0 stay apart) cuts a loaded claim by about a
    third; equal values give equal claims, so nothing a run finds changes.
    """

    def __init__(self):
        self.seen: dict = {}

    def row(self, row: tuple) -> tuple:
        """The row with each repeated string or float replaced by the first one seen."""
        seen = self.seen
        return tuple(
            v if v is None or type(v) is int else seen.setdefault((type(v), v), v) for v in row
        )


# -- conflicts, rules and runs ---------------------------------------------------------


def conflict_row(c: Conflict, run_id: int) -> dict:
    """A `conflicts` row: the finding with its claims by place."""
    right = c.right
    return {
        "id": c.id,
        "rule_id": c.rule_id,
        "severity": c.severity,
        "check": c.check,
        "reason": c.reason,
        "status": c.status,
        "left_doc": c.left.doc,
        "left_start": c.left.start,
        "left_end": c.left.end,
        "right_doc": right.doc if right else None,
        "right_start": right.start if right else None,
        "right_end": right.end if right else None,
        "details": json.dumps(c.details, sort_keys=True),
        "run_id": run_id,
    }


def conflict_from_row(row: dict, left: Claim, right: Claim | None) -> Conflict:
    """The Conflict of a `conflicts` row, its claims read by their places."""
    return Conflict(
        id=row["id"],
        rule_id=row["rule_id"],
        severity=row["severity"],
        check=row["check"],
        reason=row["reason"],
        left=left,
        right=right,
        status=row["status"] or "open",
        details=json.loads(row["details"] or "{}"),
    )


def rule_row(rule) -> dict:
    """A `rules` row: what `factcheck show` tells of a rule, and its whole spec."""
    return {
        "id": rule.id,
        "file": rule.file,
        "line": rule.line,
        "title": rule.title,
        "severity": rule.severity,
        "description": rule.description,
        "spec": json.dumps(rule.spec, sort_keys=True, default=str),
        "origin": rule.origin,
        "paste": rule.paste,
    }


@dataclass(frozen=True)
class RunRecord:
    """One run, as the `runs` table keeps it."""

    started: str
    finished: str | None = None
    paths: tuple[str, ...] = ()
    documents: int = 0
    claims: int = 0
    facts: int = 0
    conflicts: int = 0
    skipped: tuple[tuple[str, str], ...] = ()  # (path, reason) of each skipped file


def run_row(run: RunRecord) -> dict:
    """A `runs` row (its id is given by SQLite)."""
    return {
        "started": run.started,
        "finished": run.finished,
        "paths": json.dumps(list(run.paths)),
        "documents": run.documents,
        "claims": run.claims,
        "facts": run.facts,
        "conflicts": run.conflicts,
        "skipped": json.dumps([list(s) for s in run.skipped]),
    }


# -- facts: findings kept across runs ---------------------------------------------------


@dataclass(frozen=True)
class Packed:
    """A long text held compressed until it is written (`Store.save_run` unpacks it).

    A run keeps each checked fact's serialized findings and chart data until
    it saves them all in one transaction; as text they were most of its
    memory at 100,000 articles (the statements of every fact, in JSON).
    """

    data: bytes

    @classmethod
    def of(cls, text: str) -> Packed:
        """The text, compressed."""
        return cls(zlib.compress(text.encode("utf-8", "surrogatepass"), 1))

    @property
    def text(self) -> str:
        """The text, decompressed."""
        return zlib.decompress(self.data).decode("utf-8", "surrogatepass")


def unpacked(value):
    """The text of a Packed value; any other value as it is."""
    return value.text if isinstance(value, Packed) else value


@dataclass(frozen=True)
class FactRow:
    """A `facts` row to write: whole, or (findings None) only its relation columns."""

    rule_id: str
    relation_key: str | None
    relations: Packed | str
    spec: str | None = None
    fingerprint: str | None = None
    findings: Packed | str | None = None
    fact: Packed | str | None = None

    def columns(self) -> dict:
        """The columns to write, by name, their texts unpacked."""
        names = ["spec", "fingerprint", "findings", "fact"] if self.findings is not None else []
        names += ["relation_key", "relations"]
        return {n: unpacked(getattr(self, n)) for n in names}


class _Codec:
    """Findings to JSON and back, keeping a dict that several findings share (each outlier of
    a fact carries the same consensus) once in the text and once in memory: written in full
    the first time, as {"$ref": n} after, and read back as the same object."""

    def __init__(self, shared: set[int] | None = None):
        self.shared = shared or set()  # ids of the dicts met more than once
        self.refs: dict[int, int] = {}  # encoding: id of a shared dict -> its number
        self.table: dict[int, object] = {}  # decoding: number -> the dict read

    def encode(self, value):
        if isinstance(value, Claim):
            return {"$claim": [getattr(value, f) for f in CLAIM_FIELDS]}
        if isinstance(value, tuple):
            return {"$tuple": [self.encode(v) for v in value]}
        if isinstance(value, list):
            return [self.encode(v) for v in value]
        if isinstance(value, dict):
            return self._encode_dict(value)
        return value

    def _encode_dict(self, value: dict):
        if id(value) in self.refs:
            return {"$ref": self.refs[id(value)]}
        if not all(isinstance(k, str) for k in value):
            out = {"$items": [[self.encode(k), self.encode(v)] for k, v in value.items()]}
        else:
            out = {k: self.encode(v) for k, v in value.items()}
        if id(value) in self.shared:
            self.refs[id(value)] = len(self.refs)
            out = {"$def": self.refs[id(value)], "$value": out}
        return out

    def decode(self, value):
        if isinstance(value, list):
            return [self.decode(v) for v in value]
        if isinstance(value, dict):
            if "$ref" in value:
                return self.table[value["$ref"]]
            if "$def" in value:
                self.table[value["$def"]] = found = self.decode(value["$value"])
                return found
            if "$claim" in value:
                return claim_from_row(value["$claim"])
            if "$tuple" in value:
                return tuple(self.decode(v) for v in value["$tuple"])
            if "$items" in value:
                return {self.decode(k): self.decode(v) for k, v in value["$items"]}
            return {k: self.decode(v) for k, v in value.items()}
        return value


def _shared_dicts(records) -> set[int]:
    """The ids of the dicts reachable more than once from the records' fields."""
    seen: set[int] = set()
    twice: set[int] = set()
    stack = [getattr(r, f.name) for r in records for f in dataclasses.fields(r)]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if id(value) in seen:
                twice.add(id(value))
                continue
            seen.add(id(value))
            stack.extend(value.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
    return twice


def encode_records(records) -> str:
    """Dataclass records (findings, a fact) as JSON text that `decode_records` reads back equal."""
    codec = _Codec(_shared_dicts(records))
    rows = [
        {f.name: codec.encode(getattr(r, f.name)) for f in dataclasses.fields(r)} for r in records
    ]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def decode_records(text: str | None, cls) -> list | None:
    """The records `encode_records` wrote; None when the text is missing or damaged."""
    if not text:
        return None
    codec = _Codec()
    try:
        return [cls(**{k: codec.decode(v) for k, v in row.items()}) for row in json.loads(text)]
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # a damaged page: the fact is checked again


def encode_findings(found: list[Conflict]) -> str:
    """Findings as JSON text (`encode_records`)."""
    return encode_records(found)


def decode_findings(text: str | None) -> list[Conflict] | None:
    """The findings `encode_findings` wrote; None when missing or damaged."""
    return decode_records(text, Conflict)


def with_review(conflict: Conflict, review: dict | None) -> Conflict:
    """The conflict with a reviewer's decision applied to its status."""
    if review is None:
        return conflict
    details = dict(conflict.details)
    if review.get("reason"):
        details["review_reason"] = review["reason"]
    return replace(conflict, status=review["status"], details=details)
