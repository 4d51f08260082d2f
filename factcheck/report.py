"""Turn results into text: conflict tables, summaries, claim listings.

The only module that formats tables (tabulate), SARIF, JUnit XML and annotations.

`render(report, fmt)` writes a run's conflicts in one of `FORMATS`: a table for
people, JSON for programs, Markdown for a pull-request comment, SARIF 2.1.0 for
code scanning, JUnit XML for test dashboards, and GitHub workflow annotations.
Every format is deterministic: same inputs, same bytes, no timestamps.
"""

from __future__ import annotations

import importlib
import json
import math
import re
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from tabulate import tabulate

from .figures import describe_interval, fmt_number
from .model import CLAIM_KINDS, SEVERITIES, Claim, Conflict
from .safe_text import printable

FORMATS = ("table", "json", "markdown", "sarif", "junit", "github", "html")
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


def _printable_data(value):
    """Every string of a finding's details (documents, sentences of its consensus) printable."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {k: _printable_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_printable_data(v) for v in value]
    return value


def printable_conflict(c: Conflict) -> Conflict:
    """The finding with its rule id, reason, claims and details printable."""
    return replace(
        c,
        rule_id=printable(c.rule_id),
        reason=printable(c.reason),
        left=printable_claim(c.left),
        right=printable_claim(c.right),
        details=_printable_data(c.details),
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
        f"{facts} facts checked, {_plural(len(conflicts), 'finding')}"
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
    facts: list = field(default_factory=list)  # findings.Fact per rule, for charts
    root: str = ""  # the project folder the paths are relative to
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


def render(report: Report, fmt: str, width: int = 120, color: bool = False) -> str:
    """The report in one of FORMATS, ending with a newline (empty for a clean table).

    Each format lives in its own module of `factcheck.formats`; `width` and
    `color` matter only to the table. Formats for people get the findings'
    texts with control characters escaped (JSON, SARIF and HTML escape their own).
    """
    return "".join(render_chunks(report, fmt, width, color))


def render_chunks(report: Report, fmt: str, width: int = 120, color: bool = False) -> Iterator[str]:
    """`render` in pieces to write one after the other: JSON a finding at a time."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in HUMAN_FORMATS:
        report = replace(
            report,
            conflicts=[printable_conflict(c) for c in report.conflicts],
            skipped_files=tuple((printable(p), printable(r)) for p, r in report.skipped_files),
        )
    return _chunks(report, fmt, width, color)


def _chunks(report: Report, fmt: str, width: int, color: bool) -> Iterator[str]:
    if fmt == "json":
        yield from report_json_chunks(report)
        return
    module = importlib.import_module(f".formats.{fmt}", __package__)
    if fmt == "table":
        yield module.render(report, width=width, color=color)
    else:
        yield module.render(report)


def context_lines(c: Conflict) -> list[str]:
    """What a finding is measured against, in short lines: the consensus and its
    sources, each side of a split or dispute, or the earlier step of a timeline."""
    d = c.details
    if "consensus" in d and c.check != "over_time":
        side = d["consensus"]
        return [side["text"], _backers(side)]
    if c.check == "over_time" and "step" in d:
        a = d["step"]["from"]
        return [f"earlier: {d['consensus']['text']} ({a['time']})", f"{a['doc']}:{a['line']}"]
    if "sides" in d:
        lines = ["parties disagree:" if c.check == "disputed" else "no consensus; sides:"]
        for side in d["sides"][:4]:
            label = f"{side['label']}: " if side.get("label") else ""
            lines.append(f"{label}{side['text']} ({_backers(side)})")
        more = d.get("side_count", len(d["sides"])) - (len(lines) - 1)
        if more > 0:
            lines.append(f"and {more} more")
        return lines
    if "members" in d:
        n = d["statements"]  # the rule's statements that break the relation
        return [f"{n} statement{'s break' if n != 1 else ' breaks'} it"]
    return []


def finding_message(c: Conflict) -> str:
    """A finding in one line of prose: why, what the outlying statement says, its id."""
    text = f"{c.reason}. {c.left.doc}:{c.left.line} states {stated(c.left)}"
    return text + f". (factcheck finding {c.id})"


def _backers(side: dict) -> str:
    docs = side["documents"]
    n = side.get("document_count", len(docs))
    shown = ", ".join(docs[:3]) + (f" +{n - 3}" if n > 3 else "")
    return f"{n} source{'s' if n != 1 else ''}: {shown}"


def related_claims(c: Conflict) -> list[dict]:
    """The statements a finding is measured against, as listed in its details."""
    d = c.details
    refs: list[dict] = []
    if c.check == "over_time" and "step" in d:
        step = d["step"]["from"]
        refs = [step, *(r for r in d.get("above", []) if r != step)]
    elif "consensus" in d:
        refs = list(d["consensus"]["claims"])
    elif "sides" in d:
        refs = [r for side in d["sides"] for r in side["claims"]]
    elif "members" in d:
        refs = list(d["members"])
    own = (c.left.doc, c.left.start, c.left.end)
    return [r for r in refs if (r["doc"], r["start"], r["end"]) != own]


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
    """The run as one JSON object: a summary and every finding with its consensus and members."""
    return "".join(report_json_chunks(report))


def report_json_chunks(report: Report) -> Iterator[str]:
    """`report_json` a finding at a time, byte for byte: a large run's report is written
    as it is made, never held whole in memory."""
    summary = {
        "documents": report.documents,
        "claims": report.claims,
        "facts": len(report.rules),
        "findings": len(report.conflicts),
        "failing": len(report.failures),
        "accepted": sum(c.status == "accepted" for c in report.conflicts),
        "skipped": report.skipped,
        "fail_on": report.fail_on,
        "text": report.summary(),
    }
    skipped = [{"path": p, "reason": r} for p, r in report.skipped_files]
    if not report.conflicts:
        yield '{\n  "findings": [],\n'
    else:
        yield '{\n  "findings": [\n'
        for i, c in enumerate(report.conflicts):
            item = conflict_json(c, report.baseline)
            item["failing"] = report.failing(c)
            yield ("" if i == 0 else ",\n") + _indented(item, "    ", first=True)
        yield "\n  ],\n"
    yield '  "skipped": ' + _indented(skipped, "  ") + ",\n"
    yield '  "summary": ' + _indented(summary, "  ") + "\n}\n"


def _indented(value, prefix: str, first: bool = False) -> str:
    """value as `_dumps` writes it nested under prefix (its first line too when first)."""
    text = _dumps(value)[:-1].replace("\n", "\n" + prefix)
    return prefix + text if first else text


# Markdown: every piece of article text is escaped so that it cannot close a
# table cell, start a tag, mention a user or run into the next line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#~|!])")


def md(text: str) -> str:
    """Text made inert for a Markdown table cell."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("@", "&#64;")
    text = _MD_SPECIAL.sub(r"\\\1", _XML_INVALID.sub("\ufffd", text))
    return " ".join(text.split())


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    """Text XML can hold: control characters it cannot are replaced."""
    return _XML_INVALID.sub("\ufffd", text)


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


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
    shown = context_lines(c)
    for key in (
        "consensus",
        "sides",
        "side_count",
        "step",
        "above",
        "above_count",
        "members",
        "statements",
        "pairs",
    ):
        details.pop(key, None)
    if shown:
        lines += ["", "measured against:", *(f"  {line}" for line in shown)]
        lines += [f"  {r['doc']}:{r['line']}: “{r['text']}”" for r in related_claims(c)[:10]]
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
