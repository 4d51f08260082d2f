"""Evaluate rules over claims: which claims each rule selects, and which disagree.

Pure functions over `Claim` and `Rule` records; nothing here reads files or
the database, so the checks can be tested on hand-made claims.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .figures import describe_interval, fmt_span
from .model import SELECTED_ONLY_KINDS, Claim, Conflict, Rule, period
from .rules import noun_words
from .sweep import best_compatible, group_by


@dataclass(frozen=True)
class Result:
    """What evaluating the rules gave: the matches and the conflicts, both sorted."""

    matches: list[tuple[str, Claim]]
    conflicts: list[Conflict]
    notes: list[str] = field(default_factory=list)  # warnings for the editor, e.g. a rule too broad
    selected: dict[str, list[Claim]] = field(default_factory=dict)  # each rule's statements


# -- selection ---------------------------------------------------------------


def in_window(claim_time: str | None, after: str | None, before: str | None, unknown: str) -> bool:
    """Whether a claim's time can fall inside [after, before]."""
    if after is None and before is None:
        return True
    if not claim_time:
        return unknown == "include"
    first, last = period(claim_time)
    if after is not None and last < period(after)[0]:
        return False
    return not (before is not None and first > period(before)[1])


def selects(rule: Rule, claim: Claim) -> bool:
    """Whether a rule's selector picks this claim."""
    return why_not(rule, claim) is None


def _words_of(pattern: re.Pattern) -> str:
    """A phrase pattern as the editor wrote it, for messages."""
    words = re.findall(r"\(\?<!\\w\)(.*?)\(\?!\\w\)", pattern.pattern)
    shown = [w.replace(r"\s+", " ").replace("\\", "") for w in words[:4]]
    return ", ".join(f"'{w}'" for w in shown) + (", ..." if len(words) > 4 else "")


def scoped_text(rule: Rule, claim: Claim) -> str:
    """The text a rule's words look at: the claim's sentence, or its context."""
    if rule.select.scope == "context" and claim.context:
        return claim.context
    return claim.sentence or claim.text


@functools.lru_cache(maxsize=1024)
def _noun_index(nouns: tuple[tuple[str, ...], ...]) -> tuple[frozenset, tuple[int, ...]]:
    return frozenset(nouns), tuple(sorted({len(n) for n in nouns}))


@functools.lru_cache(maxsize=65536)  # nouns repeat across claims and rules
def _noun_matches(nouns: tuple[tuple[str, ...], ...], words: tuple[str, ...]) -> bool:
    """Whether the counted noun ends with one of the rule's nouns (word by word)."""
    index, lengths = _noun_index(nouns)
    return any(n <= len(words) and words[-n:] in index for n in lengths)


def why_not(rule: Rule, claim: Claim) -> str | None:
    """Why a rule's selector does not pick this claim (the first reason), or None if it does."""
    s = rule.select
    if claim.kind in SELECTED_ONLY_KINDS and claim.kind not in s.kinds:
        what = "an age" if claim.kind == "age" else "a bare number"
        return f"it is {what}; only a rule with kind: {claim.kind} selects it"
    if s.kinds and claim.kind not in s.kinds:
        return f"its kind is {claim.kind}, not {' or '.join(s.kinds)}"
    if s.dimensions and (claim.dimension or claim.kind) not in s.dimensions:
        return f"it measures {claim.dimension or 'nothing known'}, not {' or '.join(s.dimensions)}"
    if s.units:
        stated = {u.lower() for u in (claim.unit, claim.si_unit) if u}
        if not stated & s.units:
            shown = claim.unit or claim.si_unit or "no unit"
            return f"its unit is {shown}, not {' or '.join(sorted(s.units))}"
    if s.nouns or s.noun_excludes:
        words = noun_words(claim.noun or "")
        if s.nouns and not _noun_matches(s.nouns, words):
            return f"its counted noun is '{claim.noun or ''}', which is not one of the rule's nouns"
        excluded = sorted(s.noun_excludes & set(words))
        if excluded:
            return f"its counted noun '{claim.noun}' has the excluded word '{excluded[0]}'"
    reason = _why_not_frame(s, claim)
    if reason:
        return reason
    text = scoped_text(rule, claim)
    where = "context" if s.scope == "context" else "sentence"
    for pattern in s.words:
        if not pattern.search(text):
            return f"the {where} has none of {_words_of(pattern)}"
    if s.any_words is not None and not s.any_words.search(text):
        return f"the {where} has none of {_words_of(s.any_words)}"
    if s.not_words is not None:
        m = s.not_words.search(text)
        if m:
            return f"the {where} has the excluded word '{m.group(0)}'"
    if s.regex is not None and not s.regex.search(text):
        return f"the {where} does not match regex {s.regex.pattern!r}"
    if s.not_regex is not None and s.not_regex.search(text):
        return f"the {where} matches not_regex {s.not_regex.pattern!r}"
    if not in_window(claim.time, s.after, s.before, s.unknown_time):
        if not claim.time:
            return "its time is unknown and the rule excludes unknown times"
        window = (
            f"as of {s.after}"
            if s.after == s.before
            else " and ".join(
                x for x in (s.after and f"after {s.after}", s.before and f"before {s.before}") if x
            )
        )
        return f"it refers to {claim.time}, not {window}"
    return None


def _has_phrase(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def _why_not_frame(s, claim: Claim) -> str | None:
    """Why the figure's own frame (about, role, speaker) keeps the selector from it, or None."""
    if claim.role not in s.roles:
        return f"its role is {claim.role}, not {' or '.join(s.roles)}"
    if s.about or s.not_about:
        words = noun_words(claim.about or "")
        for group in s.about:
            if not any(_has_phrase(words, p) for p in group):
                shown = ", ".join(sorted(" ".join(p) for p in group)[:4])
                return f"it is about '{claim.about}', which has none of {shown}"
        for p in sorted(s.not_about):
            if _has_phrase(words, p):
                return f"it is about '{claim.about}', which has the excluded '{' '.join(p)}'"
    if s.speaker is not None:
        if not claim.speaker:
            return "no speaker is named for it"
        if not s.speaker.search(claim.speaker):
            return f"its speaker is '{claim.speaker}', not one of the rule's"
    return None


# -- agreement -----------------------------------------------------------------


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
        key = (c.doc, c.comparable_unit(), x, c.low, c.high, c.role, c.time)
        kept = best.get(key)
        if kept is None or _width(c) > _width(kept):
            best[key] = c
    chosen = {id(c) for c in best.values()}
    return [c for c in claims if id(c) in chosen]


def _width(claim: Claim) -> float:
    lo, hi = claim.interval()
    return hi - lo


def conflict_id(rule_id: str, check: str, claims: Iterable[Claim]) -> str:
    """An id that stays the same while the rule and both statements do.

    Built from the rule, the check, and each claim's document, sentence and
    text (not offsets), so edits elsewhere in a document do not change it.
    """
    parts = sorted(f"{c.doc}\x1f{' '.join(c.sentence.split())}\x1f{c.text}" for c in claims)
    digest = hashlib.sha256("\x1e".join([rule_id, check, *parts]).encode("utf-8")).hexdigest()
    return digest[:12]


def _json_interval(claim: Claim) -> list[float | None]:
    return [x if math.isfinite(x) else None for x in claim.interval()]


def _overlaps(a: str, b: str) -> bool:
    a0, a1 = period(a)
    b0, b1 = period(b)
    return a0 <= b1 and b0 <= a1


def _stated_times_differ(a: Claim, b: Claim) -> bool:
    """Whether both claims say in their text what time they refer to, and the times differ."""
    texts = a.time_source == "text" and b.time_source == "text"
    return texts and bool(a.time and b.time) and not _overlaps(a.time, b.time)


def party(rule: Rule, claim: Claim) -> str | None:
    """The party the claim's figure is attributed to: the rule's party its speaker names.

    Only the figure's own speaker counts (the party its clause attributes it to),
    never a party named elsewhere in the sentence; no speaker, no party.
    """
    if rule.attribution is None or not claim.speaker:
        return None
    for name, pattern in rule.attribution.parties:
        if pattern.search(claim.speaker):
            return name
    return None


def _conflict(
    rule: Rule, check: str, claims: tuple, reason: str, details: dict, status: str = "open"
) -> Conflict:
    """A conflict of a rule's check about one or two claims, with its stable id."""
    return Conflict(
        id=conflict_id(rule.id, check, claims),
        rule_id=rule.id,
        severity=rule.severity,
        check=check,
        reason=reason,
        left=claims[0],
        right=claims[1] if len(claims) > 1 else None,
        status=status,
        details=details,
    )


def check_bounds(rule: Rule, claims: list[Claim]) -> list[Conflict]:
    """A conflict for each claim wholly outside the rule's plausible bounds."""
    b = rule.bounds
    if b is None:
        return []
    out = []
    for c in claims:
        if b.si_unit is not None and (c.comparable_unit() or "").lower() != b.si_unit.lower():
            continue
        lo, hi = c.interval()
        if not (b.high is not None and lo > b.high) and not (b.low is not None and hi < b.low):
            continue
        reason = f"{describe_interval(c)} is not plausible: it must be {b.written}"
        details = {"interval": _json_interval(c), "bounds": [b.low, b.high]}
        out.append(_conflict(rule, "bounds", (c,), reason, details))
    return out


def _span(claims: list[Claim]) -> tuple[float, float] | None:
    """The smallest interval holding every claim's interval (what the sources say, together)."""
    if not claims:
        return None
    spans = [c.interval() for c in claims]
    return min(lo for lo, _ in spans), max(hi for _, hi in spans)


def _stated_period(claim: Claim) -> tuple[str, str] | None:
    """The period a claim's text says it refers to, or None (see `_stated_times_differ`)."""
    if claim.time_source == "text" and claim.time:
        return period(claim.time)
    return None


def _extremes(queries: list[Claim], items: list[Claim], value, k: int = 1) -> list[list]:
    """For each query, the k items with the smallest `value(item)` among those whose stated
    time does not differ from the query's: [(value, index, item), ...]. Items with no
    finite value (None) are left out. One sweep: O(n log n), see `sweep.best_compatible`."""
    entries = []
    for c in items:
        v = value(c)
        if v is not None:
            entries.append((v, _stated_period(c), c))
    return best_compatible([_stated_period(q) for q in queries], entries, k)


def _by_unit(claims: list[Claim]) -> dict[str | None, list[Claim]]:
    return group_by(claims, Claim.comparable_unit)


def _part_whole(rule: Rule, own: list[Claim], wholes: list[Claim], slack: str) -> list[Conflict]:
    """Each part above a whole of its unit whose time does not differ, with the smallest
    such whole: one sweep per unit, never every part against every whole."""
    r = rule.relate
    tol = r.tolerance
    out = []
    by_unit = _by_unit(wholes)

    def top(w: Claim) -> float | None:
        hi = w.interval()[1]
        return hi * (1 + tol) if math.isfinite(hi) else None

    for unit, parts in _by_unit(own).items():
        found = _extremes(parts, by_unit.get(unit, []), top, k=2)
        for p, best in zip(parts, found, strict=True):
            w = next((c for _, _, c in best if c is not p), None)
            if w is None or not p.interval()[0] > w.interval()[1] * (1 + tol):
                continue
            reason = (
                f"the part {describe_interval(p)} exceeds the whole "
                f"{describe_interval(w)} ('{r.part_of}'){slack}"
            )
            details = {"part": _json_interval(p), "whole": _json_interval(w)}
            out.append(_conflict(rule, "part_whole", (p, w), reason, details))
    return out


def _spans(queries: list[Claim], items: list[Claim]) -> list[tuple[float, float] | None]:
    """For each query, the span of the items whose stated time does not differ from its."""
    lows = _extremes(queries, items, lambda c: c.interval()[0])
    highs = _extremes(queries, items, lambda c: -c.interval()[1])
    return [(lo[0][0], -hi[0][0]) if lo else None for lo, hi in zip(lows, highs, strict=True)]


def _sum(rule: Rule, own: list[Claim], selected: dict[str, list[Claim]], slack: str):
    """Each statement that is not the sum of the spans of its parts (of its unit, at a
    time that does not differ from its): one sweep per part, not one per statement."""
    r = rule.relate
    tol = r.tolerance
    out = []
    for unit, totals in _by_unit(own).items():
        spans = {
            pid: _spans(totals, _by_unit(selected.get(pid, [])).get(unit, [])) for pid in r.sum_of
        }
        for n, s in enumerate(totals):
            parts = [(pid, spans[pid][n]) for pid in r.sum_of]
            if any(span is None for _, span in parts):
                continue
            total = (sum(sp[0] for _, sp in parts), sum(sp[1] for _, sp in parts))
            lo, hi = s.interval()
            if lo > total[1] * (1 + tol) or hi < total[0] * (1 - tol):
                terms = " + ".join(f"'{pid}' {fmt_span(sp)}" for pid, sp in parts)
                reason = f"{describe_interval(s)} is not the sum {terms} = {fmt_span(total)}{slack}"
                details = {"sum": list(total), "parts": {pid: list(sp) for pid, sp in parts}}
                out.append(_conflict(rule, "sum", (s,), reason, details))
    return out


def _percent(rule: Rule, own: list[Claim], selected: dict[str, list[Claim]], slack: str):
    """Each percentage whose share of the whole does not match the part: per unit of the
    part, one sweep for the whole's span and two for the part's extremes."""
    r = rule.relate
    found: dict[int, Conflict] = {}
    wholes = _by_unit(selected.get(r.percent_whole, []))
    for unit, shares in sorted(_by_unit(selected.get(r.percent_part, [])).items(), key=_unit):
        spans = _spans(own, wholes.get(unit, []))
        highest = _extremes(own, shares, lambda c: -c.interval()[0], k=2)
        lowest = _extremes(own, shares, lambda c: c.interval()[1], k=2)
        for n, p in enumerate(own):
            if n in found or spans[n] is None:
                continue
            for t in (_other(highest[n], p), _other(lowest[n], p)):
                broken = t is not None and _share_breaks(rule, p, spans[n], t, slack)
                if broken:
                    found[n] = broken
                    break
    return [found[n] for n in sorted(found)]


def _unit(item: tuple[str | None, list]) -> str:
    return item[0] or ""


def _other(best: list, claim: Claim) -> Claim | None:
    return next((c for _, _, c in best if c is not claim), None)


def _share_breaks(rule: Rule, p: Claim, span, t: Claim, slack: str) -> Conflict | None:
    """The conflict when the percentage p of the whole's span is not the part t, else None."""
    r = rule.relate
    tol = r.tolerance
    plo, phi = p.interval()
    expected = (plo * span[0] / 100, phi * span[1] / 100)
    tlo, thi = t.interval()
    if not (tlo > expected[1] * (1 + tol) or thi < expected[0] * (1 - tol)):
        return None
    reason = (
        f"{describe_interval(p)} of '{r.percent_whole}' {fmt_span(span)} is "
        f"{fmt_span(expected)}, but '{r.percent_part}' is "
        f"{describe_interval(t)}{slack}"
    )
    details = {"whole": list(span), "expected": list(expected)}
    return _conflict(rule, "percent_of", (p, t), reason, details)


def check_relations(rule: Rule, selected: dict[str, list[Claim]]) -> list[Conflict]:
    """Conflicts of a fact with the facts it relates to: part of a whole, sum, percentage.

    One conflict per statement of the rule that breaks a relation, naming the statement
    it breaks it with most (the smallest whole, the farthest part), never one per pair:
    each check is a few sort-based sweeps, O(n log n) in the statements of both facts.
    """
    r = rule.relate
    if r is None:
        return []
    own = selected.get(rule.id, [])
    slack = f" (tolerance {r.tolerance:.0%})" if r.tolerance else ""
    out: list[Conflict] = []
    if r.part_of:
        out += _part_whole(rule, own, selected.get(r.part_of, []), slack)
    if r.sum_of:
        out += _sum(rule, own, selected, slack)
    if r.percent_whole and r.percent_part:
        out += _percent(rule, own, selected, slack)
    return out


def select(rules: list[Rule], claims: list[Claim]) -> Result:
    """Each rule's matches and statements (a repeated figure is one statement), in
    document order; no conflicts. Linear in the claims of the kinds each rule names."""
    matches: list[tuple[str, Claim]] = []
    ordered = sorted(claims, key=lambda c: (c.doc, c.start, c.end))
    # Most rules name their kinds; looking only at claims of those kinds keeps
    # evaluation cheap on a large corpus, where it is most of an unchanged run.
    by_kind = group_by(ordered, lambda c: c.kind)
    selected: dict[str, list[Claim]] = {}
    for rule in rules:
        kinds = rule.select.kinds
        pool = [c for k in sorted(kinds) for c in by_kind.get(k, [])] if kinds else ordered
        if len(kinds) > 1:
            pool.sort(key=lambda c: (c.doc, c.start, c.end))
        chosen = [c for c in pool if selects(rule, c)]
        matches.extend((rule.id, c) for c in chosen)
        selected[rule.id] = statements(chosen)  # a repeated figure is one statement
    return Result(matches=matches, conflicts=[], selected=selected)


def evaluate(rules: list[Rule], claims: list[Claim]) -> Result:
    """Select each rule's claims and check the relations between facts; sorted.

    Agreement, bounds and timelines are judged per fact by `findings.evaluate`,
    which folds the relation conflicts (one per statement that breaks a relation)
    into one finding per relation.
    """
    selection = select(rules, claims)
    conflicts = [c for rule in rules for c in check_relations(rule, selection.selected)]
    return replace(selection, conflicts=sort_findings(conflicts))


def sort_findings(found: list[Conflict]) -> list[Conflict]:
    """Findings once each (by id), in report order: by rule, document, place, check, id."""
    unique = {c.id: c for c in found}
    return sorted(
        unique.values(), key=lambda c: (c.rule_id, c.left.doc, c.left.start, c.check, c.id)
    )
