"""What a run reports: the `Report` record, which findings fail it, and its summary line."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

from ..model import SEVERITIES, Conflict, Fact, Rule, finding_order
from ..safe_text import printable
from .helpers import fact_label, origin_text, plural, printable_conflict


@dataclass(frozen=True)
class Terminal:
    """Where a report is shown: its width in columns and whether it may be coloured."""

    width: int = 120
    color: bool = False


PLAIN = Terminal()  # a file, a pipe or CI: 120 columns, no colour


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


def summary(
    documents: int,
    claims: int,
    facts: int,
    conflicts: list[Conflict],
    skipped: int,
    baseline: frozenset[str] | None = None,
) -> str:
    """The one-line summary of a run: the findings, those open by severity (what may fail
    the run), then those accepted, disputed or in the baseline, which never fail it."""
    by_sev: dict[str, int] = {}
    standings = [standing(c, baseline) for c in conflicts]
    for c, state in zip(conflicts, standings, strict=True):
        if state == "open":
            by_sev[c.severity] = by_sev.get(c.severity, 0) + 1
    detail = ", ".join(plural(by_sev[s], s) for s in SEVERITIES if s in by_sev)
    line = (
        f"{plural(documents, 'document')}, {plural(claims, 'claim')}, "
        f"{plural(facts, 'fact')} checked, {plural(len(conflicts), 'finding')}"
    )
    if detail:
        line += f" ({detail})"
    for label in ("accepted", "disputed", "baseline"):
        n = standings.count(label)
        if n:
            line += f", {n} {'in the baseline' if label == 'baseline' else label}"
    if skipped:
        line += f", {plural(skipped, 'file')} skipped"
    return line


@dataclass(frozen=True)
class Report:
    """What a run reports: its conflicts (reviews applied), its rules, and its counts."""

    conflicts: list[Conflict]
    # what a format reads of them: id, title, severity, description, file, line, origin, paste
    rules: list[Rule]
    documents: int = 0
    claims: int = 0
    skipped: int = 0
    fail_on: str = "error"
    baseline: frozenset[str] | None = None
    facts: list[Fact] = field(default_factory=list)  # one per rule, for the HTML charts
    root: str = ""  # the project folder the paths are relative to
    skipped_files: tuple[tuple[str, str], ...] = ()  # (path, reason) of each skipped file
    # what the run checked beyond rules files ("no rules found: checked 9 template facts
    # and 14 suggested facts"), or ''
    unwritten: str = ""

    def __post_init__(self) -> None:
        # every format lists the findings in one order, the most severe first
        object.__setattr__(self, "conflicts", sorted(self.conflicts, key=finding_order))

    def failing(self, conflict: Conflict) -> bool:
        """Whether this conflict fails the run."""
        return failing(conflict, self.fail_on, self.baseline)

    def standing(self, conflict: Conflict) -> str:
        """How this conflict stands: its status, or "baseline"."""
        return standing(conflict, self.baseline)

    @property
    def failures(self) -> list[Conflict]:
        """The conflicts that make the run exit 1."""
        return [c for c in self.conflicts if self.failing(c)]

    @property
    def reported(self) -> list[Conflict]:
        """The conflicts that need a look: neither accepted nor in the baseline."""
        return [c for c in self.conflicts if self.standing(c) in ("open", "disputed")]

    def printable(self) -> Report:
        """The report with control characters and line breaks escaped in every untrusted
        text, for the formats people read (JSON, SARIF and HTML escape their own)."""
        return replace(
            self,
            conflicts=[printable_conflict(c) for c in self.conflicts],
            skipped_files=tuple((printable(p), printable(r)) for p, r in self.skipped_files),
        )

    def summary(self) -> str:
        """The one-line summary of this run."""
        line = summary(
            self.documents,
            self.claims,
            len(self.rules),
            self.conflicts,
            self.skipped,
            self.baseline,
        )
        return f"{self.unwritten}; {line}" if self.unwritten else line

    def origin(self, rule_id: str) -> str:
        """Where the fact of a rule id comes from: "rule", "template" or "suggestion"."""
        return getattr(self.rules_by_id.get(rule_id), "origin", "rule")

    def paste(self, rule_id: str) -> str:
        """A suggested fact's rule as YAML to paste into a rules file, or ''."""
        return getattr(self.rules_by_id.get(rule_id), "paste", "")

    def fact_label(self, rule_id: str) -> str:
        """The fact's id as a finding names it: `deaths (template)`, `troops`."""
        return fact_label(rule_id, self.origin(rule_id))

    def origin_text(self, rule_id: str) -> str:
        """Where the fact comes from, in words (`rule: rules/news.yaml:12`), or ''."""
        rule = self.rules_by_id.get(rule_id)
        if rule is None:
            return ""
        return origin_text(rule_id, self.origin(rule_id), rule.file, rule.line)

    @functools.cached_property
    def rules_by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}
