"""Evaluate rules over claims: which claims each rule selects, and which disagree.

Pure functions over `Claim` and `Rule` records; nothing here reads files or
the database, so the checks can be tested on hand-made claims.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Claim, Conflict
from .rules import Rule, noun_words


@dataclass(frozen=True)
class Result:
    """What evaluating the rules gave: the matches and the conflicts, both sorted."""

    matches: list[tuple[str, Claim]]
    conflicts: list[Conflict]


# -- selection ---------------------------------------------------------------


def _period(time: str) -> tuple[str, str]:
    """The first and last day a time ('2016', '2007-11', '2017-12-02') covers, as ISO strings."""
    parts = time.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01", f"{parts[0]}-12-31"
    if len(parts) == 2:
        return f"{time}-01", f"{time}-31"
    return time, time


def in_window(claim_time: str | None, after: str | None, before: str | None, unknown: str) -> bool:
    """Whether a claim's time can fall inside [after, before]."""
    if after is None and before is None:
        return True
    if not claim_time:
        return unknown == "include"
    first, last = _period(claim_time)
    if after is not None and last < _period(after)[0]:
        return False
    return not (before is not None and first > _period(before)[1])


def selects(rule: Rule, claim: Claim) -> bool:
    """Whether a rule's selector picks this claim."""
    s = rule.select
    if s.kinds and claim.kind not in s.kinds:
        return False
    if s.nouns or s.noun_excludes:
        words = noun_words(claim.noun or "")
        if s.nouns and not any(len(n) <= len(words) and words[-len(n) :] == n for n in s.nouns):
            return False
        if s.noun_excludes & set(words):
            return False
    sentence = claim.sentence or claim.text
    if s.scope == "context" and claim.context:
        sentence = claim.context
    for pattern in s.words:
        if not pattern.search(sentence):
            return False
    if s.any_words is not None and not s.any_words.search(sentence):
        return False
    if s.not_words is not None and s.not_words.search(sentence):
        return False
    if s.regex is not None and not s.regex.search(sentence):
        return False
    return in_window(claim.time, s.after, s.before, s.unknown_time)


# -- agreement -----------------------------------------------------------------


def interval(claim: Claim) -> tuple[float, float]:
    """The interval a claim asserts (unbounded sides as infinities)."""
    lo, hi = claim.interval_low, claim.interval_high
    if lo is None and hi is None:
        lo = hi = claim.si_value if claim.si_value is not None else claim.value
    return (-math.inf if lo is None else lo, math.inf if hi is None else hi)


def comparable_unit(claim: Claim) -> str | None:
    return claim.si_unit or claim.unit


def disagree(a: Claim, b: Claim, tolerance: float, absolute: float) -> bool:
    """Whether two claims' intervals fail to overlap, even widened by the tolerances."""
    alo, ahi = interval(a)
    blo, bhi = interval(b)
    gap_slack_a = abs(ahi) * tolerance + absolute if math.isfinite(ahi) else 0
    gap_slack_b = abs(bhi) * tolerance + absolute if math.isfinite(bhi) else 0
    return blo > ahi + gap_slack_a or alo > bhi + gap_slack_b


def conflict_id(rule_id: str, check: str, claims: Iterable[Claim]) -> str:
    """An id that stays the same while the rule and both statements do.

    Built from the rule, the check, and each claim's document, sentence and
    text (not offsets), so edits elsewhere in a document do not change it.
    """
    parts = sorted(f"{c.doc}\x1f{' '.join(c.sentence.split())}\x1f{c.text}" for c in claims)
    digest = hashlib.sha256("\x1e".join([rule_id, check, *parts]).encode("utf-8")).hexdigest()
    return digest[:12]


def fmt_number(x: float | None) -> str:
    """A number as an editor writes it: 5,000; 0.25; 1.2e+12 for huge ones."""
    if x is None or (isinstance(x, float) and math.isinf(x)):
        return "…"
    if abs(x) >= 1e15:
        return f"{x:.3g}"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def describe_interval(claim: Claim) -> str:
    lo, hi = interval(claim)
    unit = comparable_unit(claim)
    suffix = f" {unit}" if unit and unit != "percent" else ("%" if unit == "percent" else "")
    if lo == hi:
        return f"{fmt_number(lo)}{suffix}"
    if math.isinf(hi):
        return f"≥ {fmt_number(lo)}{suffix}"
    if math.isinf(lo):
        return f"≤ {fmt_number(hi)}{suffix}"
    return f"{fmt_number(lo)}–{fmt_number(hi)}{suffix}"


def _json_interval(claim: Claim) -> list[float | None]:
    return [x if math.isfinite(x) else None for x in interval(claim)]


def check_agreement(rule: Rule, claims: list[Claim]) -> list[Conflict]:
    """Conflicts between claims of different documents whose intervals do not overlap."""
    agree = rule.agree
    if agree is None:
        return []
    out = []
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.doc == b.doc or comparable_unit(a) != comparable_unit(b):
                continue
            if not disagree(a, b, agree.tolerance, agree.absolute):
                continue
            left, right = sorted((a, b), key=lambda c: (c.doc, c.start))
            slack = f" within {agree.tolerance:.0%} tolerance" if agree.tolerance else ""
            if agree.absolute:
                slack += f" (± {fmt_number(agree.absolute)})"
            reason = (
                f"{describe_interval(left)} and {describe_interval(right)} do not overlap{slack}"
            )
            out.append(
                Conflict(
                    id=conflict_id(rule.id, "agreement", (left, right)),
                    rule_id=rule.id,
                    severity=rule.severity,
                    check="agreement",
                    reason=reason,
                    left=left,
                    right=right,
                    details={
                        "left_interval": _json_interval(left),
                        "right_interval": _json_interval(right),
                        "tolerance": agree.tolerance,
                        "absolute": agree.absolute,
                    },
                )
            )
    return out


def evaluate(rules: list[Rule], claims: list[Claim]) -> Result:
    """Run every rule over every claim; return matches and conflicts, sorted."""
    matches: list[tuple[str, Claim]] = []
    conflicts: list[Conflict] = []
    ordered = sorted(claims, key=lambda c: (c.doc, c.start, c.end))
    for rule in rules:
        selected = [c for c in ordered if selects(rule, c)]
        matches.extend((rule.id, c) for c in selected)
        conflicts.extend(check_agreement(rule, selected))
    conflicts.sort(key=lambda c: (c.rule_id, c.left.doc, c.left.start, c.id))
    return Result(matches=matches, conflicts=conflicts)
