"""SARIF 2.1.0 for code scanning: one result per finding at the outlying statement.

The statements it is measured against (the consensus, the other side of a
split, the earlier step of a timeline) are `relatedLocations`; the finding's
stable id is its `partialFingerprints`, so code scanning tracks it across runs.
Each result and each rule says where its fact comes from (`properties.origin`:
"rule", "template" or "suggestion"; a suggestion's rule carries its YAML to paste).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from .. import __version__
from ..figures import fmt_number
from ..model import Claim, Conflict
from .base import PLAIN, Report, Terminal
from .helpers import (
    dumps,
    finding_message,
    md,
    related_claims,
    save_note,
    template_name,
)

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
MAX_RELATED = 20


def _regions(ref: dict, sentence: str) -> dict:
    """Where a statement is: the figure's region (line, columns) and, around it, its line
    with the sentence as snippet. A claim stored before columns were has no column: its
    region is then the line, with the sentence, never a guessed column."""
    line = max(1, ref["line"])
    column = ref.get("column")
    if not column:
        return {"region": {"startLine": line, "snippet": {"text": sentence}}}
    text = ref["text"]
    region = {"startLine": line, "startColumn": column}
    context = {"startLine": line}
    breaks = text.count("\n")
    if breaks:  # a figure across a line break ends on a later line
        region["endLine"] = context["endLine"] = line + breaks
    region["endColumn"] = (column if not breaks else 1) + len(text.rsplit("\n", 1)[-1])
    region["snippet"] = {"text": text}
    context["snippet"] = {"text": sentence}
    return {"region": region, "contextRegion": context}


def _place(claim: Claim) -> dict:
    """A claim's place, as findings list the statements they are measured against."""
    return {"doc": claim.doc, "line": claim.line, "column": claim.column, "text": claim.text}


def _location(ref: dict, sentence: str, message: str | None = None, id_=None) -> dict:
    """A statement's location: ref is a claim's place as findings list it (`claim_ref`)."""
    location = {
        "physicalLocation": {
            "artifactLocation": {"uri": quote(ref["doc"]), "uriBaseId": "%SRCROOT%"},
            **_regions(ref, sentence),
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
        "locations": [_location(_place(c.left), sentence)],
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
        _location(r, r["sentence"], f"{_role(c)}: “{r['text']}”", i)
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
    # no helpUri: factcheck has no web page per rule (no invented URL); the help says it all
    return {
        "id": r.id,
        "shortDescription": {"text": r.title},
        "fullDescription": {"text": description},
        "help": {"text": help_text, "markdown": _help_markdown(report, r, description)},
        "defaultConfiguration": {"level": SARIF_LEVELS.get(r.severity, "warning")},
        "properties": properties,
    }


def _help_markdown(report: Report, r, description: str) -> str:
    """A rule's help as code scanning shows it: what it checks, how closely sources must
    agree, where it is defined, and how to look at a finding and accept it."""
    lines = [f"**{md(r.title)}**", ""]
    if description != " ".join(r.title.split()):
        lines += [md(description), ""]
    lines += [f"- Severity: {r.severity}", *_limits(r), f"- {_defined(report, r)}"]
    lines += [f"- Reference: {_link(ref)}" for ref in getattr(r, "references", ())]
    lines += [
        "",
        "To review a finding, check the outlying sentence against its sources: "
        "`factcheck show ID` prints it in context. If it is right, "
        '`factcheck accept ID --reason "..."` records that, and later runs report it '
        "as accepted.",
    ]
    if report.origin(r.id) == "suggestion":
        lines.append(f"{md(save_note(r.id))}: its YAML is this rule's property `paste`.")
    return "\n".join(lines)


def _percent(fraction: float) -> str:
    return f"{fmt_number(fraction * 100)}%"


def _limits(r) -> list[str]:
    """How far sources may differ, what values are plausible, and how the figure may move
    over time, as Markdown list items (what a rule has of them)."""
    lines = []
    agree, bounds, over = (getattr(r, k, None) for k in ("agree", "bounds", "over_time"))
    if agree is not None:
        absolute = f" and ± {fmt_number(agree.absolute)}" if agree.absolute else ""
        lines.append(f"- Tolerance: {_percent(agree.tolerance)}{absolute}")
    if bounds is not None and bounds.written:
        lines.append(f"- Plausible values: {md(bounds.written)}")
    if over is not None:
        move = "either way" if over.may_only == "any" else f"may only {over.may_only}"
        lines.append(f"- Over time: {move}, tolerance {_percent(over.tolerance)}")
    return lines


def _defined(report: Report, r) -> str:
    """Where the rule comes from, in Markdown."""
    origin = report.origin(r.id)
    if origin == "template":
        name = template_name(r.file)  # a built-in file's name: a code span as it is
        return f"A built-in template, `{name}`: use it in a rules file with `- use: {name}`"
    if origin == "suggestion":
        return "Suggested from the articles: a fact two or more report, which no rule checks yet"
    return f"Defined in {md(r.file)}, line {r.line}"


def _link(ref: str) -> str:
    """A rule's reference in Markdown: a web address as a link, anything else as text."""
    if re.fullmatch(r"https?://[^\s<>]+", ref):
        return f"<{ref}>"
    return md(ref)


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
