"""SARIF 2.1.0 for code scanning: one result per finding at the outlying statement.

The statements it is measured against (the consensus, the other side of a
split, the earlier step of a timeline) are `relatedLocations`; the finding's
stable id is its `partialFingerprints`, so code scanning tracks it across runs.
Each result and each rule says where its fact comes from (`properties.origin`:
"rule", "template" or "suggestion"; a suggestion's rule carries its YAML to paste).
"""

from __future__ import annotations

from urllib.parse import quote

from .. import __version__
from ..model import Conflict
from .base import PLAIN, Report, Terminal
from .helpers import dumps, finding_message, related_claims, save_note, template_name

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
MAX_RELATED = 20


def _location(doc: str, line: int, sentence: str, message: str | None = None, id_=None) -> dict:
    location = {
        "physicalLocation": {
            "artifactLocation": {"uri": quote(doc), "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": max(1, line), "snippet": {"text": sentence}},
        }
    }
    if message is not None:
        location["message"] = {"text": message}
    if id_ is not None:
        location["id"] = id_
    return location


def _result(report: Report, c: Conflict, index: dict[str, int]) -> dict:
    sentence = " ".join((c.left.sentence or c.left.text).split())
    result = {
        "ruleId": c.rule_id,
        # a dispute between parties is reported, never failing: a note whatever its severity
        "level": "note" if c.status == "disputed" else SARIF_LEVELS.get(c.severity, "warning"),
        "message": {"text": finding_message(c)},
        "locations": [_location(c.left.doc, c.left.line, sentence)],
        "partialFingerprints": {"factcheckFindingId/v1": c.id},
        "properties": {
            "findingId": c.id,
            "check": c.check,
            "status": c.status,
            "origin": report.origin(c.rule_id),
        },
    }
    if c.rule_id in index:
        result["ruleIndex"] = index[c.rule_id]
    related = [
        _location(r["doc"], r["line"], r["sentence"], f"{_role(c)}: “{r['text']}”", i)
        for i, r in enumerate(related_claims(c)[:MAX_RELATED], start=1)
    ]
    if related:
        result["relatedLocations"] = related
    if c.status == "accepted":
        suppression = {"kind": "external", "status": "accepted"}
        if c.details.get("review_reason"):
            suppression["justification"] = c.details["review_reason"]
        result["suppressions"] = [suppression]
    if report.baseline is not None:
        result["baselineState"] = "unchanged" if c.id in report.baseline else "new"
    return result


def _role(c: Conflict) -> str:
    if c.check == "over_time":
        return "earlier report"
    if "consensus" in c.details:
        return f"consensus {c.details['consensus']['text']}"
    return "other source"


def _rule(report: Report, r) -> dict:
    description = " ".join((r.description or r.title).split())
    help_text = (
        f"{description}. factcheck groups the statements this rule selects into sets of "
        "sources that agree; the set backed by the most documents is the consensus and "
        "every statement outside it is a finding. Check the outlying sentence against "
        "its sources; `factcheck show ID` prints the finding in context and "
        '`factcheck accept ID --reason "..."` records that it is right.'
    )
    origin = report.origin(r.id)
    properties = {"file": r.file, "line": r.line, "origin": origin}
    if origin == "template":  # where the fact comes from, and how to keep checking it
        name = template_name(r.file)
        help_text += f" A built-in template: use it in a rules file with `- use: {name}`."
    if origin == "suggestion":
        properties["paste"] = report.paste(r.id)
        help_text += (
            " A fact suggested from the articles, which no rule checks yet. "
            f"{save_note(r.id)}: its YAML is this rule's property `paste`."
        )
    return {
        "id": r.id,
        "shortDescription": {"text": r.title},
        "fullDescription": {"text": description},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": SARIF_LEVELS.get(r.severity, "warning")},
        "properties": properties,
    }


def _invocation(skipped: tuple[tuple[str, str], ...]) -> dict:
    """Skipped files as tool notifications: the run went on, but checked less."""
    return {
        "executionSuccessful": True,
        "toolExecutionNotifications": [
            {
                "descriptor": {"id": "skipped-file"},
                "level": "error",
                "message": {"text": reason},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": quote(path), "uriBaseId": "%SRCROOT%"}
                        }
                    }
                ],
            }
            for path, reason in skipped
        ],
    }


def render(report: Report, terminal: Terminal = PLAIN) -> str:
    """The run as a SARIF 2.1.0 log."""
    rules = sorted(report.rules, key=lambda r: r.id)
    index = {r.id: i for i, r in enumerate(rules)}
    driver = {
        "name": "factcheck",
        "version": __version__,
        "rules": [_rule(report, r) for r in rules],
    }
    run = {
        "tool": {"driver": driver},
        "results": [_result(report, c, index) for c in report.conflicts],
        "columnKind": "unicodeCodePoints",
    }
    if report.unwritten:  # facts nobody wrote a rule for were checked: say so
        run["properties"] = {"summary": report.summary()}
    if report.skipped_files:
        run["invocations"] = [_invocation(report.skipped_files)]
    if report.root:
        run["originalUriBaseIds"] = {"%SRCROOT%": {"description": {"text": "the project root"}}}
    return dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]})
