"""What every check type shares: the check-type record the registry holds, one finding
factory with its stable id, statements (a repeated figure counts once), the partition by
unit and by time, and the statements and sides a finding lists.

Findings travel as `Conflict` records (the store, reviews and baselines know them), with
what they found in `details`. A finding lists at most MAX_LISTED statements with exact
counts, so the report grows with the findings per fact, never with pairs.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from ..model import Claim, Conflict, Pattern, Rule, finding_order
from ..vocab.shown import range_in

MAX_LISTED = 50  # members listed in one finding's details; the count is always exact
# statements and documents listed for each side of a finding (a consensus, a party): every
# outlier of a fact repeats its consensus, so this bounds a report's size and a run's memory
MAX_EXAMPLES = 10

Groups = list[tuple[str, list[Claim]]]  # (how the report names the group, its statements)


class Decoding(Protocol):
    """What a check's decoder asks of the rule loader, which knows aliases and units."""

    def phrases(self, items: list[str]) -> Pattern:
        """One pattern matching any of the phrases the items stand for ('@group' expanded)."""
        ...

    def unit(self, name: str) -> tuple[str, float] | None:
        """The SI unit and factor of a unit an editor writes, or None."""
        ...


@dataclass(frozen=True)
class CheckType:
    """One check type: the rule section that turns it on, how that section is decoded,
    and what the check does at each step of `checks.evaluate_rule` (each step optional).
    """

    section: str  # the key of a rule that holds the check's settings, and the Rule field
    decode: Callable[[dict, Decoding], Any]  # that section, validated, to its model record
    # each statement alone, before any grouping: what it flags leaves the fact's groups
    screen: Callable[[Rule, list[Claim]], list[Conflict]] | None = None
    # how the check reads each statement (e.g. as stated, not as worded)
    prepare: Callable[[Rule, list[Claim]], list[Claim]] | None = None
    # the statements of one unit together: what it flags backs no consensus
    unit: Callable[[Rule, list[Claim], str | None], list[Conflict]] | None = None
    # split a group of one unit further (by party, by time) before the group checks
    partition: Callable[[Rule, list[Claim], str | None], tuple[list[Conflict], Groups]] | None = (
        None
    )
    # one group's findings and the statements of its consensus
    group: (
        Callable[[Rule, list[Claim], str | None, str], tuple[list[Conflict], tuple[Claim, ...]]]
        | None
    ) = None
    # the statements of other facts too (rule id to its statements)
    across: Callable[[Rule, dict[str, list[Claim]]], list[Conflict]] | None = None


def key(c: Claim) -> tuple:
    """Where a statement is: its document and place, the order findings list statements in."""
    return (c.doc, c.start, c.end)


def group_by(items: Sequence[Any], by: Callable[[Any], Any]) -> dict[Any, list[Any]]:
    """Items by key, in their order; the keys in order of first appearance."""
    out: dict[Any, list[Any]] = {}
    for item in items:
        out.setdefault(by(item), []).append(item)
    return out


def by_unit(claims: list[Claim]) -> dict[str | None, list[Claim]]:
    """Statements by the unit they can be compared in, units in order."""
    out = group_by(claims, Claim.comparable_unit)
    return {u: out[u] for u in sorted(out, key=lambda u: u or "")}


def by_time(claims: list[Claim]) -> list[tuple[str, list[Claim]]]:
    """Statements by the time they refer to, in time order ('' for no time)."""
    out: dict[str, list[Claim]] = {}
    for c in claims:
        out.setdefault(c.time or "", []).append(c)
    return sorted(out.items())


# -- statements ----------------------------------------------------------------


def as_stated(claim: Claim) -> Claim:
    """The claim asserting exactly its stated figure ('an estimated 223' is 223), for rules
    with `agree: {precision: stated}`; bounds and ranges stay as stated."""
    if claim.qualifier not in ("exact", "approx"):
        return claim
    x = claim.si_value if claim.si_value is not None else claim.value
    if x is None:
        return claim
    return replace(claim, interval_low=x, interval_high=x)


def statements(claims: list[Claim]) -> list[Claim]:
    """One claim per statement: a figure a document repeats (a headline repeating its body,
    maybe without the body's "some") counts once, as its most cautious wording (the
    widest interval), so each pair of sources is compared once."""
    best: dict[tuple, Claim] = {}
    for c in claims:
        x = c.si_value if c.si_value is not None else c.value
        k = (c.doc, c.comparable_unit(), x, c.low, c.high, c.role, c.time)
        kept = best.get(k)
        if kept is None or _width(c) > _width(kept):
            best[k] = c
    chosen = {id(c) for c in best.values()}
    return [c for c in claims if id(c) in chosen]


def _width(claim: Claim) -> float:
    lo, hi = claim.interval()
    return hi - lo


# -- findings ------------------------------------------------------------------


def conflict_id(rule_id: str, check: str, claims: Iterable[Claim]) -> str:
    """An id that stays the same while the rule and both statements do.

    Built from the rule, the check, and each claim's document, sentence and
    text (not offsets), so edits elsewhere in a document do not change it.
    """
    parts = sorted(f"{c.doc}\x1f{' '.join(c.sentence.split())}\x1f{c.text}" for c in claims)
    digest = hashlib.sha256("\x1e".join([rule_id, check, *parts]).encode("utf-8")).hexdigest()
    return digest[:12]


def finding(
    rule: Rule,
    check: str,
    left: Claim,
    right: Claim | None,
    reason: str,
    details: dict,
    *,
    of: Iterable[Claim] | None = None,
    ident: str | None = None,
    status: str = "open",
) -> Conflict:
    """A finding of a rule's check about `left` (and `right`). Its id is `ident`, else made
    from the statements it is `of` (by default `left` alone)."""
    if ident is None:
        ident = conflict_id(rule.id, check, (left,) if of is None else of)
    return Conflict(
        id=ident,
        rule_id=rule.id,
        severity=rule.severity,
        check=check,
        reason=reason,
        left=left,
        right=right,
        status=status,
        details=details,
    )


def sort_findings(found: list[Conflict]) -> list[Conflict]:
    """Findings once each (by id), in report order: the most severe first (a dispute
    after the findings of its severity that fail), then by rule, document, place, check,
    id. So a capped report (a pull-request comment, annotations) cuts warnings before
    errors."""
    unique = {c.id: c for c in found}
    return sorted(unique.values(), key=finding_order)


# -- what a finding lists --------------------------------------------------------


def json_interval(claim: Claim) -> list[float | None]:
    """A statement's interval as JSON holds it (an open end is null)."""
    return [x if math.isfinite(x) else None for x in claim.interval()]


def documents(members: Sequence[Claim]) -> list[str]:
    """The documents of some statements, each once, sorted."""
    return sorted({c.doc for c in members})


def sources(members: Sequence[Claim]) -> str:
    """How many documents back some statements, in words ('3 sources')."""
    n = len(documents(members))
    return f"{n} source{'s' if n != 1 else ''}"


def _figures(claim: Claim) -> tuple[float, ...]:
    """The figures a statement gives, in its comparable unit: its value, or a range's ends."""
    lo, hi = claim.interval()
    if claim.qualifier in ("range", "vague"):
        return tuple(x for x in (lo, hi) if math.isfinite(x))
    point = claim.si_value if claim.si_value is not None else claim.value
    if point is not None and math.isfinite(point):
        return (point,)
    return tuple(x for x in (lo, hi) if math.isfinite(x))


def figure_range(members: tuple[Claim, ...] | list[Claim]) -> tuple[float, float]:
    """The range of the figures the statements give ("1,150–1,250"), as stated, not
    widened by their precision, so a reader recognises the sources' own numbers."""
    figures = [x for c in members for x in _figures(c)] or [0.0]
    return min(figures), max(figures)


def claim_ref(claim: Claim) -> dict:
    """A statement as findings list it: where it is, what it says, and when."""
    lo, hi = claim.interval()
    return {
        "doc": claim.doc,
        "line": claim.line,
        "column": claim.column,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "sentence": " ".join((claim.sentence or claim.text).split()),
        "time": claim.time,
        "interval": [lo if math.isfinite(lo) else None, hi if math.isfinite(hi) else None],
    }


def side_json(members: tuple[Claim, ...], unit: str | None, label: str | None = None) -> dict:
    """One side of a finding (a consensus, a party's figure): range, documents, statements."""
    span = figure_range(members)
    side = {
        "range": list(span),
        "unit": unit,
        "text": range_in(span, members, unit),  # in the articles' own unit
        # at most MAX_EXAMPLES names: a consensus of a thousand sources in every outlier's
        # details made the report grow with findings times sources
        "documents": (docs := documents(members))[:MAX_EXAMPLES],
        "document_count": len(docs),
        "statements": len(members),
        "claims": [claim_ref(c) for c in members[:MAX_EXAMPLES]],
    }
    if label is not None:
        side["label"] = label
    return side
