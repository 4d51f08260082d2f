"""What lets a run reuse a fact's findings: the version of each rule and the key of its relations.

A fact is unchanged when two things are: the rule's version (`rule_version`:
a hash of the compiled rule, the extractor's version and the source of the
modules that select and judge claims) and the fingerprint of the claims it
selects (`Store.match_fingerprints`: how many, and two sums of hashes of
each selected claim's every stored field). Findings are a function of those
two, so a run stores them with both and uses them again while both hold
(how they are stored: `factcheck.store.codecs`).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
from pathlib import Path

from .. import __version__

# the modules whose code decides what a rule selects and what it finds, and how
# its findings are stored and read back (patterns under the package folder)
_CODE = (
    "checks/*.py",
    "rules/*.py",
    "model.py",
    "app/checking.py",
    "app/incremental.py",
    "store/codecs.py",
)


@functools.cache
def code_version() -> str:
    """A hash of the code that selects and judges claims: new code checks every fact again."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent.parent
    for pattern in _CODE:
        for path in sorted(package.glob(pattern)):
            try:
                source = path.read_bytes()
            except OSError:  # unreadable: the package version and the other files
                source = b""
            name = path.relative_to(package).as_posix()
            digest.update(name.encode() + b"\0" + source)
    return digest.hexdigest()[:16]


def _canonical(value):
    """A value as plain JSON data that does not depend on hash order or object ids."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, re.Pattern):
        return ["re", value.pattern, int(value.flags)]
    if hasattr(value, "pattern") and hasattr(value, "search"):
        # an editor's regex compiled by RE2: its text, not the object (hashed by address, so
        # the rule's version would change in every process and its findings never be reused)
        return ["re2", value.pattern]
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
