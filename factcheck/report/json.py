"""JSON for programs: the run as one object, a summary and every finding in full.

Each finding of a run says where its fact comes from (`origin`: "rule", "template" or
"suggestion"; a suggestion's rule to paste into a rules file is its `paste`).

The same finding object is what `factcheck conflicts` and `factcheck show`
print with `--format json`. The run is written a finding at a time, so a
large run's report is never held whole in memory.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Conflict
from .base import PLAIN, Report, Terminal
from .helpers import dumps, finite, row_origin


def conflict_json(conflict: Conflict, baseline: frozenset[str] | None = None) -> dict:
    """A conflict as a JSON-ready dict: both claims in full, its status and details."""
    return finite(
        {
            "id": conflict.id,
            "rule_id": conflict.rule_id,
            "severity": conflict.severity,
            "check": conflict.check,
            "status": conflict.status,
            "in_baseline": baseline is not None and conflict.id in baseline,
            "reason": conflict.reason,
            "left": conflict.left.to_json(),
            "right": conflict.right.to_json() if conflict.right else None,
            "details": conflict.details,
        }
    )


def conflicts_json(conflicts: list[Conflict]) -> str:
    """Conflicts as a JSON array."""
    return dumps([conflict_json(c) for c in conflicts])


def shown_json(conflict: Conflict, rule: dict | None) -> str:
    """One conflict as `factcheck show --format json` prints it: one object, with where its
    fact comes from (`rule`, the stored row of its rule, or None)."""
    item = conflict_json(conflict)
    item["origin"] = row_origin(rule)
    if item["origin"] == "suggestion":
        item["paste"] = (rule or {}).get("paste") or ""
    return dumps(item)


def _summary(report: Report) -> dict:
    return {
        "documents": report.documents,
        "claims": report.claims,
        "facts": len(report.rules),
        "findings": len(report.conflicts),
        "failing": len(report.failures),
        "accepted": sum(c.status == "accepted" for c in report.conflicts),
        # reported, never failing: the summary text counts them apart too
        "disputed": sum(c.status == "disputed" for c in report.conflicts),
        "skipped": report.skipped,
        "fail_on": report.fail_on,
        "text": report.summary(),
    }


def render(report: Report, terminal: Terminal = PLAIN) -> Iterator[str]:
    """The run as one JSON object, in pieces: byte for byte what `dumps` of the whole writes."""
    summary = _summary(report)
    skipped = [{"path": p, "reason": r} for p, r in report.skipped_files]
    if not report.conflicts:
        yield '{\n  "findings": [],\n'
    else:
        yield '{\n  "findings": [\n'
        for i, c in enumerate(report.conflicts):
            item = conflict_json(c, report.baseline)
            item["failing"] = report.failing(c)
            item["origin"] = report.origin(c.rule_id)  # "rule", "template" or "suggestion"
            if item["origin"] == "suggestion":
                item["paste"] = report.paste(c.rule_id)
            yield ("" if i == 0 else ",\n") + _indented(item, "    ", first=True)
        yield "\n  ],\n"
    yield '  "skipped": ' + _indented(skipped, "  ") + ",\n"
    yield '  "summary": ' + _indented(summary, "  ") + "\n}\n"


def _indented(value, prefix: str, first: bool = False) -> str:
    """value as `dumps` writes it nested under prefix (its first line too when first)."""
    text = dumps(value)[:-1].replace("\n", "\n" + prefix)
    return prefix + text if first else text
