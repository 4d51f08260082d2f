"""Markdown for a pull-request comment: the findings that need a look, capped to fit.

GitHub refuses a comment longer than 65,536 characters, so rows are added
while they fit and the rest is counted in an "and N more" line that points
to the full report. Every piece of article text is made inert by `helpers.md`.
"""

from __future__ import annotations

from ..model import SEVERITIES, Conflict
from .base import PLAIN, Report, Terminal
from .helpers import context_lines, md, plural, snippet, stated, statement_lines

MAX_CHARS = 65_536  # GitHub's limit for a comment body
HEADER = [
    "| fact | severity | statement | consensus | why |",
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
    sided = statement_lines(c)  # a split or dispute: every side, none "the" outlier
    if sided is not None:
        outlier = "<br>".join(md(line) for line in sided)
    else:
        said = f"“{md(snippet(c.left, 90))}”<br>= {md(stated(c.left))}"
        outlier = f"{md(c.left.doc)}:{c.left.line}<br>{said}"
    consensus = "<br>".join(md(line) for line in context_lines(c))
    fact = md(report.fact_label(c.rule_id))
    return f"| {fact} `{c.id}` | {severity} | {outlier} | {consensus} | {md(c.reason)} |"


def _head(report: Report) -> list[str]:
    failures = len(report.failures)
    if failures:
        head = f"### factcheck: {plural(failures, 'finding')} to fix"
    elif report.reported:
        head = "### factcheck: passed, with findings below the failing severity"
    else:
        head = "### factcheck: passed"
    return [head, "", md(report.summary()), ""]


def _foot(report: Report) -> str:
    foot = f"Fails on: {report.fail_on}."
    if report.reported:  # something to review: how to review it
        foot += (
            " Review a finding with `factcheck show ID`; "
            'accept it with `factcheck accept ID --reason "..."`.'
        )
    if any(report.origin(c.rule_id) != "rule" for c in report.conflicts):
        foot += (
            " A fact marked (template) is built in, one marked (suggested) was suggested "
            "from the articles: `factcheck show ID` says how to keep checking it in a rules file."
        )
    return foot


def _more(n: int, cut: list | None = None) -> str:
    """The line that counts the findings cut for room, by severity (warnings go first)."""
    by = ""
    if cut:
        counts = {s: sum(1 for c in cut if c.severity == s) for s in SEVERITIES}
        by = " (" + ", ".join(plural(k, s) for s, k in counts.items() if k) + ")"
    return f"… and {n} more finding{'s' if n != 1 else ''}{by} not shown here; see {FULL_REPORT}."


def _skipped(report: Report, room: int) -> list[str]:
    """The files the run could not read, as many as fit in `room` characters."""
    if not report.skipped_files:
        return []
    lines = [f"**{plural(len(report.skipped_files), 'file')} skipped:**", ""]
    for n, (_path, reason) in enumerate(report.skipped_files):
        line = f"- {md(reason)}"
        if sum(len(x) + 1 for x in lines) + len(line) + 80 > room:
            lines.append(f"- … and {len(report.skipped_files) - n} more")
            break
        lines.append(line)
    return lines + [""]


def render(report: Report, terminal: Terminal = PLAIN, max_chars: int = MAX_CHARS) -> str:
    """The run as a pull-request comment of at most `max_chars` characters.

    The findings that need a look come first; known ones (accepted or in the
    baseline) follow in a folded section. Rows that do not fit are counted.
    """
    report = report.printable()
    head, foot = _head(report), _foot(report)
    reported = report.reported
    needs_look = {id(c) for c in reported}
    known = [c for c in report.conflicts if id(c) not in needs_look]
    folded = [
        f"<details><summary>{plural(len(known), 'known finding')} (accepted or in the "
        "baseline)</summary>",
        "",
    ]
    # what always goes in: head, both table headers and the folding, "and N more", foot
    fixed = (
        head + HEADER + folded + HEADER + ["", "</details>", "", _more(10**6) + " " * 64, "", foot]
    )
    reserve = 240 if report.skipped_files else 0  # the skipped files' heading, a line or two
    budget = max_chars - len("\n".join(fixed)) - 2 - reserve
    shown: dict[str, list[str]] = {"reported": [], "known": []}
    queue = [("reported", c) for c in reported] + [("known", c) for c in known]
    cut: list = []
    for n, (part, c) in enumerate(queue):
        row = _row(report, c)
        if len(row) + 1 > budget:
            cut = [c for _part, c in queue[n:]]
            break  # in order: a later, shorter row never jumps ahead of one cut
        shown[part].append(row)
        budget -= len(row) + 1
    lines = list(head)
    if shown["reported"]:
        lines += HEADER + shown["reported"] + [""]
    if shown["known"]:
        lines += folded + HEADER + shown["known"] + ["", "</details>", ""]
    left = len(report.conflicts) - len(shown["reported"]) - len(shown["known"])
    if left:
        lines += [_more(left, cut), ""]
    lines += _skipped(report, max_chars - sum(len(line) + 1 for line in lines) - len(foot) - 2)
    lines.append(foot)
    return "\n".join(lines) + "\n"
