"""Markdown for a pull-request comment: the findings that need a look, capped to fit.

GitHub refuses a comment longer than 65,536 characters, so rows are added
while they fit and the rest is counted in an "and N more" line that points
to the full report. Every piece of article text is made inert by `report.md`.
"""

from __future__ import annotations

from ..model import Conflict
from ..report import Report, _plural, context_lines, md, snippet, stated

MAX_CHARS = 65_536  # GitHub's limit for a comment body
HEADER = [
    "| fact | severity | outlier | consensus | why |",
    "| --- | --- | --- | --- | --- |",
]
FULL_REPORT = (
    "the full report: `factcheck run --format html -o report.html` "
    "(or the SARIF upload in code scanning)"
)


def _row(report: Report, c: Conflict) -> str:
    state = report.standing(c)
    severity = c.severity + ("" if state == "open" else f" ({state})")
    if report.failing(c):
        severity = f"**{severity}**"
    outlier = (
        f"{md(c.left.doc)}:{c.left.line}<br>“{md(snippet(c.left, 90))}”<br>= {md(stated(c.left))}"
    )
    consensus = "<br>".join(md(line) for line in context_lines(c))
    return f"| {md(c.rule_id)} `{c.id}` | {severity} | {outlier} | {consensus} | {md(c.reason)} |"


def _head(report: Report) -> list[str]:
    failures = len(report.failures)
    if failures:
        head = f"### factcheck: {_plural(failures, 'finding')} to fix"
    elif report.reported:
        head = "### factcheck: passed, with findings below the failing severity"
    else:
        head = "### factcheck: passed"
    return [head, "", md(report.summary()), ""]


def _foot(report: Report) -> str:
    return (
        f"Fails on: {report.fail_on}. Review a finding with `factcheck show ID`; "
        'accept it with `factcheck accept ID --reason "..."`.'
    )


def _more(n: int) -> str:
    return f"… and {n} more finding{'s' if n != 1 else ''} not shown here; see {FULL_REPORT}."


def render(report: Report, max_chars: int = MAX_CHARS) -> str:
    """The run as a pull-request comment of at most `max_chars` characters."""
    head, foot = _head(report), _foot(report)
    # what always goes in: the head, the table header, the "and N more" line, the foot
    reserve = len("\n".join(head + HEADER + ["", _more(10**6), "", foot])) + 2
    rows, used = [], reserve
    ordered = report.reported + [c for c in report.conflicts if c not in report.reported]
    for c in ordered:
        row = _row(report, c)
        if used + len(row) + 1 > max_chars:
            break
        rows.append(row)
        used += len(row) + 1
    lines = list(head)
    if rows:
        lines += HEADER + rows + [""]
    left = len(ordered) - len(rows)
    if left:
        lines += [_more(left), ""]
    lines.append(foot)
    return "\n".join(lines) + "\n"
