"""Turn results into text: conflict tables, summaries, claim listings.

The only module that formats tables (tabulate), SARIF, JUnit XML and annotations.

`render(report, fmt)` writes a run's conflicts in one of `FORMATS`: a table for
people, JSON for programs, Markdown for a pull-request comment, SARIF 2.1.0 for
code scanning, JUnit XML for test dashboards, and GitHub workflow annotations.
Every format is deterministic: same inputs, same bytes, no timestamps.
"""

from __future__ import annotations

import json
import math
import re
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import quote

from tabulate import tabulate

from . import __version__
from .check import describe_interval, fmt_number
from .model import CLAIM_KINDS, SEVERITIES, Claim, Conflict
from .safe_text import printable

FORMATS = ("table", "json", "markdown", "sarif", "junit", "github")
TOOL_URI = "https://github.com/factcheck/factcheck"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}

SNIPPET_CHARS = 90


def _wrap_cell(cell: object, width: int | None) -> str:
    # our own layout puts line breaks in cells; anything else is escaped
    text = printable(cell, newlines=True)
    if width is None:
        return text
    return "\n".join(
        "\n".join(textwrap.wrap(line, width, break_on_hyphens=False)) or line
        for line in text.splitlines()
    )


def _table(rows: list[list], headers: list[str], tablefmt: str, widths: list, colalign=None) -> str:
    """A tabulate table whose cells are wrapped here and never parsed as numbers.

    tabulate 0.10's own ``maxcolwidths`` parses number-like cells ("2,014") even
    with ``disable_numparse`` and crashes, so cells are wrapped before it sees them.
    """
    wrapped = [[_wrap_cell(c, w) for c, w in zip(row, widths, strict=True)] for row in rows]
    return tabulate(
        wrapped, headers=headers, tablefmt=tablefmt, disable_numparse=True, colalign=colalign
    )


# Untrusted text (file names, sentences, titles) in human-readable output: a
# newline could start a GitHub workflow command (`::error ...`) on a line of
# its own, an escape byte could drive the terminal. JSON and SARIF escape
# their own strings and take the claims as they are.
_CLAIM_TEXTS = ("doc", "text", "sentence", "context", "noun", "unit")


def printable_claim(claim: Claim | None) -> Claim | None:
    """The claim with control characters and line breaks escaped in its texts."""
    if claim is None:
        return None
    return replace(claim, **{k: printable(getattr(claim, k)) for k in _CLAIM_TEXTS})


def printable_conflict(c: Conflict) -> Conflict:
    """The conflict with its rule id, reason and both claims printable."""
    return replace(
        c,
        rule_id=printable(c.rule_id),
        reason=printable(c.reason),
        left=printable_claim(c.left),
        right=printable_claim(c.right),
    )


def snippet(claim: Claim, width: int = SNIPPET_CHARS) -> str:
    """The claim in its sentence, cut to about `width` characters around the figure."""
    sentence = " ".join((claim.sentence or claim.text).split())
    text = " ".join(claim.text.split())
    at = sentence.find(text)
    if len(sentence) <= width or at < 0:
        return sentence if len(sentence) <= width else sentence[: width - 1] + "…"
    room = max(0, width - len(text))
    start = max(0, at - room // 2)
    end = min(len(sentence), start + width)
    start = max(0, end - width)
    out = sentence[start:end]
    return ("…" if start > 0 else "") + out + ("…" if end < len(sentence) else "")


def stated(claim: Claim) -> str:
    """What the claim states, in figures: the value or bounds and the qualifier."""
    if claim.kind == "date" and claim.value is not None:
        figure = f"{claim.value:g}"  # a year, never "2,014"
    elif claim.qualifier in ("range", "vague"):
        figure = f"{fmt_number(claim.low)}–{fmt_number(claim.high)}"
    else:
        figure = fmt_number(claim.value)
    unit = claim.unit or claim.noun or ""
    qual = "" if claim.qualifier == "exact" else f" ({claim.qualifier})"
    return f"{figure} {unit}".strip() + qual


def side(claim: Claim | None) -> str:
    if claim is None:
        return ""
    return f'{claim.doc}:{claim.line}\n"{snippet(claim, 60)}"\n= {stated(claim)}'


def failing(conflict: Conflict, fail_on: str, baseline: frozenset[str] | None = None) -> bool:
    """Whether a conflict fails a run: open, not in the baseline, severe enough for --fail-on."""
    if fail_on == "never" or conflict.status != "open":
        return False
    if baseline is not None and conflict.id in baseline:
        return False
    return SEVERITIES.index(conflict.severity) <= SEVERITIES.index(fail_on)


def standing(conflict: Conflict, baseline: frozenset[str] | None = None) -> str:
    """How a conflict stands: its status, or "baseline" when the baseline knows it."""
    if conflict.status == "open" and baseline is not None and conflict.id in baseline:
        return "baseline"
    return conflict.status


def conflicts_table(conflicts: list[Conflict], baseline: frozenset[str] | None = None) -> str:
    """The conflicts as a grid: fact, severity, each side, and why they disagree."""
    if not conflicts:
        return ""
    rows = [
        [
            f"{c.rule_id}\n[{c.id}]",
            c.severity + ("" if standing(c, baseline) == "open" else f"\n{standing(c, baseline)}"),
            side(c.left),
            side(c.right),
            c.reason,
        ]
        for c in conflicts
    ]
    return _table(
        rows,
        headers=["fact", "severity", "source", "other source", "why"],
        tablefmt="grid",
        widths=[24, 8, 46, 46, 36],
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 or word == 'info' else 's'}"


def summary(
    documents: int,
    claims: int,
    facts: int,
    conflicts: list[Conflict],
    skipped: int,
    baseline: frozenset[str] | None = None,
) -> str:
    """The one-line summary of a run."""
    by_sev = {}
    for c in conflicts:
        by_sev[c.severity] = by_sev.get(c.severity, 0) + 1
    detail = ", ".join(_plural(by_sev[s], s) for s in SEVERITIES if s in by_sev)
    line = (
        f"{_plural(documents, 'document')}, {claims} claims, "
        f"{facts} facts checked, {_plural(len(conflicts), 'conflict')}"
    )
    if detail:
        line += f" ({detail})"
    standings = [standing(c, baseline) for c in conflicts]
    for label in ("accepted", "disputed", "baseline"):
        n = standings.count(label)
        if n:
            line += f", {n} {'in the baseline' if label == 'baseline' else label}"
    if skipped:
        line += f", {_plural(skipped, 'file')} skipped"
    return line


def claims_jsonl(claims: Iterable[Claim]) -> str:
    """Claims in the eval claim format, one JSON object per line."""
    return "".join(
        json.dumps(c.to_json(), ensure_ascii=False, sort_keys=False) + "\n" for c in claims
    )


def claims_table(claims: list[Claim]) -> str:
    """Claims as a readable table."""
    claims = [printable_claim(c) for c in claims]
    rows = [
        [
            f"{c.doc}:{c.line}",
            c.text,
            c.kind,
            stated(c),
            describe_interval(c) if c.kind not in ("date", "rank") else "",
            c.time or "",
        ]
        for c in claims
    ]
    return _table(
        rows,
        headers=["where", "text", "kind", "states", "interval", "when"],
        tablefmt="simple",
        widths=[36, 44, 8, 30, 24, 10],
    )


# -- run reports in every format -------------------------------------------------


@dataclass(frozen=True)
class Report:
    """What a run reports: its conflicts (reviews applied), its rules, and its counts."""

    conflicts: list[Conflict]
    rules: list  # rule records with id, title, severity, description, file, line
    documents: int = 0
    claims: int = 0
    skipped: int = 0
    fail_on: str = "error"
    baseline: frozenset[str] | None = None
    skipped_files: tuple[tuple[str, str], ...] = ()  # (path, reason) of each skipped file

    def failing(self, conflict: Conflict) -> bool:
        return failing(conflict, self.fail_on, self.baseline)

    def standing(self, conflict: Conflict) -> str:
        return standing(conflict, self.baseline)

    @property
    def failures(self) -> list[Conflict]:
        """The conflicts that make the run exit 1."""
        return [c for c in self.conflicts if self.failing(c)]

    @property
    def reported(self) -> list[Conflict]:
        """The conflicts that need a look: neither accepted nor in the baseline."""
        return [c for c in self.conflicts if self.standing(c) in ("open", "disputed")]

    def summary(self) -> str:
        return summary(
            self.documents,
            self.claims,
            len(self.rules),
            self.conflicts,
            self.skipped,
            self.baseline,
        )


HUMAN_FORMATS = ("table", "markdown", "junit", "github")


def render(report: Report, fmt: str) -> str:
    """The report in one of FORMATS, ending with a newline (empty for a clean table)."""
    if fmt in HUMAN_FORMATS:
        report = replace(
            report,
            conflicts=[printable_conflict(c) for c in report.conflicts],
            skipped_files=tuple((printable(p), printable(r)) for p, r in report.skipped_files),
        )
    if fmt == "table":
        table = conflicts_table(report.conflicts, report.baseline)
        return table + "\n" if table else ""
    renderers = {
        "json": report_json,
        "markdown": report_markdown,
        "sarif": report_sarif,
        "junit": report_junit,
        "github": report_github,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return renderers[fmt](report)


def _dumps(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True, allow_nan=False) + "\n"


def _finite(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def conflict_json(conflict: Conflict, baseline: frozenset[str] | None = None) -> dict:
    """A conflict as a JSON-ready dict: both claims in full, its status and details."""
    return _finite(
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
    return _dumps([conflict_json(c) for c in conflicts])


def report_json(report: Report) -> str:
    """The run as one JSON object: a summary and every conflict."""
    conflicts = []
    for c in report.conflicts:
        item = conflict_json(c, report.baseline)
        item["failing"] = report.failing(c)
        conflicts.append(item)
    return _dumps(
        {
            "summary": {
                "documents": report.documents,
                "claims": report.claims,
                "facts": len(report.rules),
                "conflicts": len(report.conflicts),
                "failing": len(report.failures),
                "accepted": sum(c.status == "accepted" for c in report.conflicts),
                "skipped": report.skipped,
                "fail_on": report.fail_on,
                "text": report.summary(),
            },
            "conflicts": conflicts,
            "skipped": [{"path": p, "reason": r} for p, r in report.skipped_files],
        }
    )


# Markdown: every piece of article text is escaped so that it cannot close a
# table cell, start a tag, mention a user or run into the next line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#~|!])")


def md(text: str) -> str:
    """Text made inert for a Markdown table cell."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("@", "&#64;")
    text = _MD_SPECIAL.sub(r"\\\1", _XML_INVALID.sub("\ufffd", text))
    return " ".join(text.split())


def _md_side(claim: Claim | None) -> str:
    if claim is None:
        return ""
    return f"{md(claim.doc)}:{claim.line}<br>“{md(snippet(claim, 90))}”<br>= {md(stated(claim))}"


def _md_table(report: Report, conflicts: list[Conflict]) -> list[str]:
    lines = [
        "| fact | severity | source | other source | why |",
        "| --- | --- | --- | --- | --- |",
    ]
    for c in conflicts:
        state = report.standing(c)
        severity = c.severity + ("" if state == "open" else f" ({state})")
        if report.failing(c):
            severity = f"**{severity}**"
        lines.append(
            f"| {md(c.rule_id)} `{c.id}` | {severity} | {_md_side(c.left)} | "
            f"{_md_side(c.right)} | {md(c.reason)} |"
        )
    return lines


def report_markdown(report: Report) -> str:
    """The run as a pull-request comment: what needs a look, then the known conflicts."""
    failures = len(report.failures)
    if failures:
        head = f"### factcheck: {_plural(failures, 'conflict')} to fix"
    elif report.reported:
        head = "### factcheck: passed, with conflicts below the failing severity"
    else:
        head = "### factcheck: passed"
    lines = [head, "", md(report.summary()), ""]
    if report.reported:
        lines += _md_table(report, report.reported) + [""]
    known = [c for c in report.conflicts if c not in report.reported]
    if known:
        lines += [
            "<details><summary>"
            f"{_plural(len(known), 'known conflict')} (accepted or in the baseline)"
            "</summary>",
            "",
            *_md_table(report, known),
            "",
            "</details>",
            "",
        ]
    if report.skipped_files:
        lines += [f"**{_plural(len(report.skipped_files), 'file')} skipped:**", ""]
        lines += [f"- {md(reason)}" for _path, reason in report.skipped_files] + [""]
    lines.append(
        f"Fails on: {report.fail_on}. Review a conflict with `factcheck show ID`; "
        'accept it with `factcheck accept ID --reason "..."`.'
    )
    return "\n".join(lines) + "\n"


def _sarif_location(claim: Claim, message: str | None = None, id_: int | None = None) -> dict:
    location = {
        "physicalLocation": {
            "artifactLocation": {"uri": quote(claim.doc), "uriBaseId": "%SRCROOT%"},
            "region": {
                "startLine": claim.line,
                "snippet": {"text": " ".join((claim.sentence or claim.text).split())},
            },
        }
    }
    if message is not None:
        location["message"] = {"text": message}
    if id_ is not None:
        location["id"] = id_
    return location


def _sarif_message(c: Conflict) -> str:
    text = f"{c.reason}. {c.left.doc}:{c.left.line} states {stated(c.left)}"
    if c.right is not None:
        text += f"; {c.right.doc}:{c.right.line} states {stated(c.right)}"
    return text + f". (factcheck conflict {c.id})"


def report_sarif(report: Report) -> str:
    """The run as a SARIF 2.1.0 log: the rules, and each conflict located at its claim."""
    rules = sorted(report.rules, key=lambda r: r.id)
    index = {r.id: i for i, r in enumerate(rules)}
    results = []
    for c in report.conflicts:
        result = {
            "ruleId": c.rule_id,
            "level": SARIF_LEVELS.get(c.severity, "warning"),
            "message": {"text": _sarif_message(c)},
            "locations": [_sarif_location(c.left)],
            "partialFingerprints": {"factcheckConflictId/v1": c.id},
            "properties": {"conflictId": c.id, "check": c.check, "status": c.status},
        }
        if c.rule_id in index:
            result["ruleIndex"] = index[c.rule_id]
        if c.right is not None:
            result["relatedLocations"] = [
                _sarif_location(c.right, f"other source: {stated(c.right)}", 1)
            ]
        if c.status == "accepted":
            suppression = {"kind": "external", "status": "accepted"}
            if c.details.get("review_reason"):
                suppression["justification"] = c.details["review_reason"]
            result["suppressions"] = [suppression]
        if report.baseline is not None:
            result["baselineState"] = "unchanged" if c.id in report.baseline else "new"
        results.append(result)
    driver = {
        "name": "factcheck",
        "version": __version__,
        "informationUri": TOOL_URI,
        "rules": [
            {
                "id": r.id,
                "shortDescription": {"text": r.title},
                "fullDescription": {"text": " ".join((r.description or r.title).split())},
                "defaultConfiguration": {"level": SARIF_LEVELS.get(r.severity, "warning")},
                "properties": {"file": r.file, "line": r.line},
            }
            for r in rules
        ],
    }
    run = {"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}
    if report.skipped_files:
        run["invocations"] = [_sarif_invocation(report.skipped_files)]
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return _dumps(log)


def _sarif_invocation(skipped: tuple[tuple[str, str], ...]) -> dict:
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


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    """Text XML can hold: control characters it cannot are replaced."""
    return _XML_INVALID.sub("\ufffd", text)


def report_junit(report: Report) -> str:
    """The run as JUnit XML: one test case per rule, one failure per failing conflict."""
    by_rule: dict[str, list[Conflict]] = {}
    for c in report.conflicts:
        by_rule.setdefault(c.rule_id, []).append(c)
    rules = {r.id: r for r in report.rules}
    ids = sorted(set(rules) | set(by_rule))
    failures = len(report.failures)
    tests, errors = str(len(ids) + len(report.skipped_files)), str(len(report.skipped_files))
    suites = ET.Element(
        "testsuites", name="factcheck", tests=tests, failures=str(failures), errors=errors
    )
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="factcheck",
        tests=tests,
        failures=str(failures),
        errors=errors,
        skipped="0",
    )
    for path, reason in report.skipped_files:  # a file not read is an error, not a pass
        case = ET.SubElement(suite, "testcase", classname="factcheck.files", name=_xml(path))
        ET.SubElement(case, "error", type="skipped", message=_xml(reason))
    for rule_id in ids:
        case = ET.SubElement(suite, "testcase", classname="factcheck.rules", name=_xml(rule_id))
        rule = rules.get(rule_id)
        if rule is not None:
            case.set("file", _xml(rule.file))
            case.set("line", str(rule.line))
        others = []
        for c in by_rule.get(rule_id, []):
            text = _xml(_sarif_message(c))
            if report.failing(c):
                failure = ET.SubElement(case, "failure", type=c.severity, message=_xml(c.reason))
                failure.text = text
            else:
                others.append(f"{report.standing(c)} {c.severity}: {text}")
        if others:
            ET.SubElement(case, "system-out").text = "\n".join(others)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(report: Report) -> str:
    """The conflicts that need a look as GitHub workflow annotations, one line each."""
    lines = []
    for c in report.reported:
        props = {
            "file": c.left.doc,
            "line": str(c.left.line),
            "title": f"factcheck {c.rule_id} [{c.id}]",
        }
        head = ",".join(f"{k}={_gh_property(v)}" for k, v in props.items())
        level = GITHUB_LEVELS.get(c.severity, "warning")
        lines.append(f"::{level} {head}::{_gh_data(_sarif_message(c))}")
    for path, reason in report.skipped_files:
        head = f"file={_gh_property(path)},title=factcheck skipped file"
        lines.append(f"::error {head}::{_gh_data(reason)}")
    return "".join(line + "\n" for line in lines)


# -- reading results: one conflict, claims, unmatched claims --------------------


def _interval_text(value, claim: Claim) -> str:
    if isinstance(value, list | tuple) and len(value) == 2:
        lo, hi = value
        unit = claim.si_unit or claim.unit or claim.noun or ""
        if lo == hi:
            return f"{fmt_number(lo)} {unit}".strip()
        if lo is None:
            return f"≤ {fmt_number(hi)} {unit}".strip()
        if hi is None:
            return f"≥ {fmt_number(lo)} {unit}".strip()
        return f"{fmt_number(lo)}–{fmt_number(hi)} {unit}".strip()
    return describe_interval(claim)


def _detail_side(label: str, claim: Claim, interval, document: dict | None) -> list[str]:
    document = document or {}
    published = document.get("published") or "unknown"
    lines = [f"{label}: {claim.doc}:{claim.line}"]
    if document.get("title"):
        lines.append(f"  title:     {document['title']}")
    lines += [
        f"  published: {published}",
        f"  sentence:  {' '.join((claim.sentence or claim.text).split())}",
        f"  claim:     “{claim.text}” = {stated(claim)}",
        f"  interval:  {_interval_text(interval, claim)}",
        f"  refers to: {claim.time or 'unknown time'}"
        + (f" ({claim.time_source})" if claim.time_source else ""),
        f"  about:     {claim.about or '(nothing of its own)'}",
        f"  role:      {claim.role}",
        f"  speaker:   {claim.speaker or 'none named'}",
    ]
    return lines


def conflict_detail(conflict: Conflict, rule: dict | None, documents: dict[str, dict]) -> str:
    """Everything about one conflict: the rule, both claims in context, and why."""
    c = printable_conflict(conflict)
    details = {k: printable(v) if isinstance(v, str) else v for k, v in c.details.items()}
    documents = {
        path: {k: printable(v) if isinstance(v, str) else v for k, v in (row or {}).items()}
        for path, row in documents.items()
    }
    documents = {printable(path): row for path, row in documents.items()}
    rule_line = c.rule_id
    if rule:
        rule_line += (
            f": {printable(rule.get('title'))} ({printable(rule.get('file'))}:{rule.get('line')})"
        )
    lines = [
        f"conflict:  {c.id}",
        f"status:    {c.status}",
    ]
    if details.get("review_reason"):
        lines.append(f"review:    {details.pop('review_reason')}")
    lines += [
        f"rule:      {rule_line}",
        f"severity:  {c.severity}",
        f"check:     {c.check}",
        f"why:       {c.reason}",
    ]
    tolerance = details.pop("tolerance", None)
    absolute = details.pop("absolute", None)
    if tolerance is not None or absolute:
        text = f"{tolerance:.0%}" if tolerance is not None else "0%"
        if absolute:
            text += f" and ± {fmt_number(absolute)}"
        lines.append(f"tolerance: {text}")
    lines.append("")
    lines += _detail_side(
        "source", c.left, details.pop("left_interval", None), documents.get(c.left.doc)
    )
    if c.right is not None:
        lines.append("")
        lines += _detail_side(
            "other source",
            c.right,
            details.pop("right_interval", None),
            documents.get(c.right.doc),
        )
    else:
        details.pop("right_interval", None)
    if details:
        lines.append("")
        lines += [
            f"{k}: {json.dumps(_finite(v), ensure_ascii=False)}" for k, v in sorted(details.items())
        ]
    return "\n".join(lines)


def conflict_list_table(conflicts: list[Conflict]) -> str:
    """Conflicts as a compact listing: id, fact, severity, status, where, why."""
    conflicts = [printable_conflict(c) for c in conflicts]
    rows = [
        [
            c.id,
            c.rule_id,
            c.severity,
            c.status,
            f"{c.left.doc}:{c.left.line}" + (f"\n{c.right.doc}:{c.right.line}" if c.right else ""),
            c.reason,
        ]
        for c in conflicts
    ]
    return _table(
        rows,
        headers=["id", "fact", "severity", "status", "sources", "why"],
        tablefmt="simple",
        widths=[12, 28, 8, 8, 40, 50],
    )


def claims_json(claims: Iterable[Claim]) -> str:
    """Claims as a JSON array."""
    return _dumps([_finite(c.to_json()) for c in claims])


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
    return _table(
        rows,
        headers=["noun or unit", "kind", "documents", "claims", "example"],
        tablefmt="simple",
        widths=[30, 8, None, None, 70],
        colalign=("left", "left", "right", "right", "left"),
    )


def groups_json(groups: list[ClaimGroup]) -> str:
    """Unmatched claim groups as a JSON array."""
    return _dumps(
        [
            {
                "kind": g.kind,
                "label": g.label,
                "documents": g.documents,
                "claims": g.claims,
                "example": _finite(g.example.to_json()),
            }
            for g in groups
        ]
    )
