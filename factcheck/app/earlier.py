"""Findings that use claims a run could not read again.

A file a run skips (undecodable, too large, not a regular file, unreadable)
keeps the claims an earlier run stored, so nothing is lost on bad input and
its findings do not vanish from a baseline. They are still checked, and each
finding that uses them says so: its reason ends with a note naming the file
and why this run could not read it, and its details list them
(`earlier_run`: doc and reason), in every format and in `factcheck conflicts`
and `show`, which read the last run's skipped files from the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..model import Conflict

EARLIER_RUN = "earlier_run"  # the details key: [{"doc": path, "reason": why}, ...]


def _documents(c: Conflict) -> list[str]:
    """The documents whose claims a finding uses: its statements and what it is measured
    against (the consensus, the sides, the earlier step, the related members)."""
    from ..report.helpers import related_claims

    docs = [c.left.doc] + ([c.right.doc] if c.right else [])
    docs += [r["doc"] for r in related_claims(c)]
    for key in ("consensus", "unattributed"):
        docs += (c.details.get(key) or {}).get("documents", [])
    for side in c.details.get("sides", []):
        docs += side.get("documents", [])
    return list(dict.fromkeys(d for d in docs if isinstance(d, str)))


def _skipped_for(doc: str, skipped: dict[str, str]) -> str | None:
    """The skipped path that covers a document (the file, or a folder it is under)."""
    if doc in skipped:
        return doc
    return next((p for p in skipped if doc.startswith(p.rstrip("/") + "/")), None)


def _short(path: str, reason: str) -> str:
    """A skip reason without the path it starts with nor its trailing advice:
    'at 1:8: invalid UTF-8 byte 0xff at byte offset 7'."""
    if reason.startswith(path):
        reason = reason[len(path) :].lstrip(":/ ")
        reason = f"at {reason}" if reason[:1].isdigit() else reason
    return reason.split(" (", 1)[0] if reason.endswith(")") else reason


def note(stale: dict[str, str]) -> str:
    """The note a finding's reason ends with, for the skipped files whose claims it uses."""
    paths = ", ".join(stale)
    files = "the file" if len(stale) == 1 else "the files"
    why = "; ".join(_short(p, r) for p, r in stale.items())
    return f"uses claims of {paths} from an earlier run: {files} could not be read this run ({why})"


def mark_earlier(conflicts: Iterable[Conflict], skipped: Iterable[tuple[str, str]]):
    """The findings, each that uses the claims of a skipped file saying so."""
    reasons = dict(skipped)
    if not reasons:
        return list(conflicts)
    out = []
    for c in conflicts:
        stale: dict[str, str] = {}
        for doc in _documents(c):
            path = _skipped_for(doc, reasons)
            if path is not None:
                stale.setdefault(path, reasons[path])
        if stale:
            listed = [{"doc": p, "reason": r} for p, r in stale.items()]
            details = {**c.details, EARLIER_RUN: listed}
            c = replace(c, reason=f"{c.reason}; {note(stale)}", details=details)
        out.append(c)
    return out
