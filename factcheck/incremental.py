"""What lets a run reuse a fact's findings: versions of rules and a lossless encoding of findings.

A fact is unchanged when two things are: the rule's version (`rule_version`:
a hash of the compiled rule, the extractor's version and the source of the
modules that select and judge claims) and the fingerprint of the claims it
selects (`Store.match_fingerprints`: how many, and two sums of hashes of
each selected claim's every stored field). Findings are a function of those
two, so a run stores them with both and uses them again while both hold.

Findings are stored as JSON that keeps what JSON alone would lose (tuples,
claims), so stored findings read back equal to the ones computed, and a
report from them is byte-for-byte the same.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
from pathlib import Path

from . import __version__
from .model import Claim, Conflict
from .store import CLAIM_FIELDS, claim_from_row

# the modules whose code decides what a rule selects and what it finds
_CODE = ("checks", "rules", "model.py", "pipeline.py", "incremental.py")


@functools.cache
def code_version() -> str:
    """A hash of the code that selects and judges claims: new code checks every fact again."""
    digest = hashlib.sha256(__version__.encode())
    here = Path(__file__).parent
    for name in _CODE:
        path = here / name
        for file in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            try:
                source = file.read_bytes()
            except OSError:  # installed without sources: the package version alone
                source = b""
            digest.update(file.relative_to(here).as_posix().encode() + b"\0" + source)
    return digest.hexdigest()[:16]


def _canonical(value):
    """A value as plain JSON data that does not depend on hash order or object ids."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, re.Pattern):
        return ["re", value.pattern, int(value.flags)]
    if isinstance(value, set | frozenset):
        return sorted((_canonical(v) for v in value), key=repr)
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    return value


def rule_version(rule, extractor_version: str) -> str:
    """A hash of everything a rule's selection and findings depend on but the claims.

    The compiled rule (its aliases expanded) less where it is written (file
    and line: moving a rule changes nothing it finds), the extractor's
    version and the code's (`code_version`).
    """
    data = {
        f.name: _canonical(getattr(rule, f.name))
        for f in dataclasses.fields(rule)
        if f.name not in ("file", "line")
    }
    text = json.dumps(
        [code_version(), extractor_version, data], sort_keys=True, default=str, ensure_ascii=False
    )
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def relation_key(rule, version: str, fingerprints: dict[str, str]) -> str | None:
    """What a rule's relation findings depend on: its version and the claims of every fact
    it relates (its own and the others'); None for a rule without relations."""
    r = rule.relate
    if r is None:
        return None
    ids = [rule.id, r.part_of, *r.sum_of, r.percent_whole, r.percent_part]
    parts = [version] + [f"{i}={fingerprints.get(i, EMPTY)}" for i in ids if i]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def related_ids(rule) -> list[str]:
    """The rule's own id and those of the facts it relates to, in order, once each."""
    r = rule.relate
    ids = [rule.id, r.part_of, *r.sum_of, r.percent_whole, r.percent_part] if r else [rule.id]
    return list(dict.fromkeys(i for i in ids if i))


EMPTY = "0:0:0"  # the fingerprint of a fact that selects nothing


# -- findings as JSON ------------------------------------------------------------


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
        return value

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
    return encode_records(found)


def decode_findings(text: str | None) -> list[Conflict] | None:
    return decode_records(text, Conflict)
