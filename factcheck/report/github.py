"""GitHub workflow annotations: one line per finding that needs a look, capped per level.

Each points at the outlying figure: its file, line and column (`col`, in code points).

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step
and drops the rest silently, so past the cap one notice says how many more
there are and where to read them (a notice slot is kept free for it).
"""

from __future__ import annotations

from .base import PLAIN, Report, Terminal
from .helpers import finding_message, gh_data, gh_property

GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
PER_LEVEL = 10  # annotations GitHub shows per step for each level


def _line(level: str, props: dict[str, str], message: str) -> str:
    head = ",".join(f"{k}={gh_property(v)}" for k, v in props.items())
    return f"::{level} {head}::{gh_data(message)}"


def render(report: Report, terminal: Terminal = PLAIN, per_level: int = PER_LEVEL) -> str:
    """The findings as annotations, at most `per_level` per level, then one notice for the rest."""
    report = report.printable()
    by_level: dict[str, list] = {"error": [], "warning": [], "notice": []}
    for c in report.reported:
        # a dispute between parties is reported, never failing: a notice whatever its severity
        level = "notice" if c.status == "disputed" else GITHUB_LEVELS.get(c.severity, "warning")
        by_level[level].append(c)
    total = sum(len(v) for v in by_level.values())
    caps = {level: per_level for level in by_level}
    over = sum(max(0, len(v) - per_level) for v in by_level.values())
    if over or len(by_level["notice"]) > per_level:
        caps["notice"] = per_level - 1  # the last notice slot says how many more
    lines, shown = [], 0
    for level, found in by_level.items():
        for c in found[: caps[level]]:
            props = {"file": c.left.doc, "line": str(c.left.line)}
            if c.left.column:  # unknown for a claim stored before columns were: left out
                props["col"] = str(c.left.column)
            props["title"] = f"factcheck {report.fact_label(c.rule_id)} [{c.id}]"
            lines.append(_line(level, props, finding_message(c)))
            shown += 1
    for path, reason in report.skipped_files:  # a file not read: never hidden by the cap
        lines.append(_line("error", {"file": path, "title": "factcheck skipped file"}, reason))
    if shown < total:
        more = total - shown
        message = (
            f"{more} more factcheck finding{'s' if more != 1 else ''} not annotated "
            f"(GitHub shows {per_level} per level); see the full report "
            "(factcheck run --format html -o report.html, or the SARIF upload)"
        )
        lines.append(_line("notice", {"title": "factcheck: more findings"}, message))
    return "".join(line + "\n" for line in lines)
