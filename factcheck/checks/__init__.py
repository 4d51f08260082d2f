"""The check types, one module each, and how a rule's checks run together.

A rule turns a check on by its section (`agree:`, `bounds:`, ...), and `CHECKS` maps
each section to its check type. `evaluate_rule` runs one rule's checks over the
statements it selected: the statements each check flags alone (bounds) leave the fact;
the rest are grouped by unit, then by party, then by time (the partitions the check
types give), and each group is judged for agreement. Relations between facts are found
by `relation_findings`. Every check is linear or O(n log n) in the statements a rule
selects (`sweep`).

Adding a check type is a module here with a `CHECK` (see `base.CheckType`) and a line
in `CHECKS`. Nothing here selects claims or reads rule files: the `rules` package does.
"""

from __future__ import annotations

from ..model import Claim, Conflict, Fact, Rule
from . import agree, attribution, bounds, over_time, relations
from .base import CheckType, by_time, by_unit, figure_range, key, sort_findings, statements

__all__ = [
    "CHECKS",
    "evaluate_facts",
    "evaluate_rule",
    "relation_findings",
    "sort_findings",
    "statements",
]

# in the order they run: unit, then party, then time (the partitions in this order)
CHECKS: dict[str, CheckType] = {
    "bounds": bounds.CHECK,
    "agree": agree.CHECK,
    "attribution": attribution.CHECK,
    "over_time": over_time.CHECK,
    "relate": relations.CHECK,
}


def _active(rule: Rule) -> list[CheckType]:
    return [c for c in CHECKS.values() if getattr(rule, c.section) is not None]


def evaluate_rule(rule: Rule, statements: list[Claim]) -> tuple[list[Conflict], Fact]:
    """One rule's findings (bounds, consensus and outliers, splits, timeline, disputes;
    not relations, see `relation_findings`) over the statements it selected, sorted, and
    the fact to draw. For a caller that selects one rule's statements at a time."""
    active = _active(rule)
    found = [f for c in active if c.screen for f in c.screen(rule, statements)]
    flagged = {key(f.left) for f in found}
    usable = [c for c in statements if key(c) not in flagged]
    for check in active:
        if check.prepare:
            usable = check.prepare(rule, usable)
    consensus: list[Claim] = []
    bands = []
    for unit, members in by_unit(usable).items():
        unit_found, agreed = _unit_findings(rule, active, members, unit)
        found.extend(unit_found)
        for each in agreed:  # a party's consensus is its own band, never one across parties
            consensus.extend(each)
            # a timeline has one consensus per time; any other fact one band per consensus,
            # whatever the dates of its statements
            parts = [part for _, part in by_time(each)] if rule.over_time else [each]
            bands.extend(figure_range(part) for part in parts)
    fact = Fact(
        rule_id=rule.id,
        title=rule.title,
        severity=rule.severity,
        claims=tuple(sorted(statements, key=key)),
        consensus=tuple(sorted(set(consensus), key=key)),
        bands=tuple(sorted(set(bands))),
        timeline=rule.over_time is not None,
        outliers=tuple(f.id for f in found),
    )
    return sort_findings(found), fact


def _unit_findings(
    rule: Rule, active: list[CheckType], members: list[Claim], unit: str | None
) -> tuple[list[Conflict], list[list[Claim]]]:
    """The findings about one unit's statements, and the statements of each group's
    consensus (a group: one party, or all of the unit's statements)."""
    flagged = [f for c in active if c.unit for f in c.unit(rule, members, unit)]
    judges = [c for c in active if c.group]
    if not judges:
        return flagged, []
    found: list[Conflict] = []
    groups = [("", members)]
    for check in active:
        if check.partition:
            groups = _refined(rule, check, groups, unit, found)
    agreed: list[list[Claim]] = []
    for where, group in groups:
        for judge in judges:
            group_found, consensus = judge.group(rule, group, unit, where)
            found.extend(group_found)
            agreed.append(list(consensus))
    # a statement a unit check flags (one that fell below an earlier report) backs no
    # consensus of its own
    dropped = {key(f.left) for f in flagged}
    kept = [[c for c in each if key(c) not in dropped] for each in agreed]
    return found + flagged, [each for each in kept if each]


def _refined(rule: Rule, check: CheckType, groups, unit, found: list[Conflict]):
    """Each group split by a check's partition, its name extended; its findings to found."""
    out = []
    for where, group in groups:
        partition_found, parts = check.partition(rule, group, unit)
        found.extend(partition_found)
        out.extend((where + name, part) for name, part in parts)
    return out


def relation_findings(rules: list[Rule], selected: dict[str, list[Claim]]) -> list[Conflict]:
    """One finding per relation (part of, sum of, percent of) that the statements break,
    from each rule's statements alone (`selected`: rule id to its statements, in document
    order); sorted. O(n log n) in the statements of the related facts."""
    found = [
        f for rule in rules for c in _active(rule) if c.across for f in c.across(rule, selected)
    ]
    return sort_findings(found)


def evaluate_facts(
    rules: list[Rule], selected: dict[str, list[Claim]]
) -> tuple[list[Conflict], list[Fact]]:
    """Every rule's findings over the statements selected for it (rule id to statements),
    relations included, sorted; and each rule's fact to draw."""
    found: list[Conflict] = []
    facts = []
    for rule in rules:
        fact_found, fact = evaluate_rule(rule, selected.get(rule.id, []))
        found.extend(fact_found)
        facts.append(fact)
    found.extend(relation_findings(rules, selected))
    return sort_findings(found), facts
