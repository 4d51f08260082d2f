"""The baseline file: the conflicts a corpus already has, committed next to it.

`factcheck baseline` writes the current conflicts (accepted or not) to
`factcheck-baseline.json`; `factcheck run --baseline FILE` then fails only on
conflicts whose id is not in it. Conflict ids do not depend on offsets or
other documents, so the file changes only when a conflict appears or goes.
"""

from __future__ import annotations

import json
import os

from .errors import InputError
from .files import read_regular
from .model import Claim, Conflict

BASELINE_FILE = "factcheck-baseline.json"
BASELINE_VERSION = 1
MAX_BASELINE_BYTES = 64 * 1024 * 1024  # some 200,000 findings


def _side(claim: Claim | None) -> dict | None:
    if claim is None:
        return None
    return {"doc": claim.doc, "text": claim.text}


def baseline_json(conflicts: list[Conflict]) -> str:
    """The baseline file's text: one entry per conflict, sorted by id; no timestamps."""
    entries = []
    for c in sorted(conflicts, key=lambda c: c.id):
        entry = {
            "id": c.id,
            "rule_id": c.rule_id,
            "check": c.check,
            "severity": c.severity,
            "status": c.status,
            "left": _side(c.left),
            "right": _side(c.right),
        }
        if c.details.get("review_reason"):
            entry["review_reason"] = c.details["review_reason"]
        entries.append(entry)
    data = {"factcheck_baseline": BASELINE_VERSION, "conflicts": entries}
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def read_baseline(path: str) -> frozenset[str]:
    """The conflict ids of a baseline file; InputError when it cannot be read."""
    if not os.path.lexists(path):
        raise InputError(f"{path}: no such baseline file; write one with `factcheck baseline`")
    try:
        # a regular file of at most 64 MB: a FIFO or /dev/zero is refused, not read
        data = json.loads(read_regular(path, MAX_BASELINE_BYTES, "cannot read the baseline: "))
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: not a baseline file ({e})") from None
    except (ValueError, RecursionError) as e:  # a 5,000-digit number, JSON nested too deep
        raise InputError(f"{path}: not a baseline file ({_json_limit(e)})") from None
    version = data.get("factcheck_baseline") if isinstance(data, dict) else None
    if version is not None and version != BASELINE_VERSION:
        raise InputError(
            f"{path}: baseline version {str(version)[:20]!r} is not {BASELINE_VERSION}, the version"
            " this factcheck reads; write it again with `factcheck baseline`"
        )
    entries = data.get("conflicts") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("id"), str) for e in entries
    ):
        raise InputError(
            f'{path}: not a baseline file (expected {{"conflicts": [{{"id": ...}}, ...]}}); '
            "write one with `factcheck baseline`"
        )
    # ids are hexadecimal: `accept` takes them in any case, so does the baseline
    return frozenset(e["id"].strip().lower() for e in entries)


def _json_limit(error: Exception) -> str:
    if isinstance(error, RecursionError):
        return "JSON nested too deep"
    return "a number with too many digits"
