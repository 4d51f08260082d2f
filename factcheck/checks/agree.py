"""agree: what most sources say about a fact, who says something else, and splits.

A fact-checker does not read conflicts as pairs of claims. The statements of a group
(one unit, one party, one time) are grouped into agreement sets, sources whose
intervals overlap within the tolerance, by one sweep (`sweep.group`). The consensus
is the agreement set backed by the most distinct documents. Every statement outside
it is one finding (`outlier`) that carries the consensus (figure range and documents).
When two or more sets tie for the most documents there is no consensus: the group
gets one `split` finding listing each side, never an error per side.

With `ranges: same`, stated ranges of one estimate must also have the same ends (within
the tolerance): 8,000–11,000 and 8,000–14,000 overlap, so they agree as figures, but as
ranges they differ. Ranges are grouped by their ends; a range whose ends differ from the
ends most documents state is a `ranges` finding, and a tie is one `split` of the ranges.
"""

from __future__ import annotations

from ..figures import fmt_number
from ..model import Agreement, Claim, Conflict, Rule
from ..vocab.shown import interval_in, range_in
from .base import (
    MAX_LISTED,
    CheckType,
    Decoding,
    as_stated,
    conflict_id,
    documents,
    figure_range,
    finding,
    key,
    side_json,
    sources,
)
from .sweep import Grouping, group


def decode(agree: dict, ctx: Decoding) -> Agreement:
    """The `agree:` section of a rule."""
    return Agreement(
        tolerance=float(agree.get("tolerance", 0) or 0),
        absolute=float(agree.get("absolute", 0) or 0),
        precision=agree.get("precision") or "implied",
        ranges=agree.get("ranges") or "overlap",
    )


def tolerance(rule: Rule) -> tuple[float, float, str]:
    """The rule's relative and absolute slack, and how a reason says them."""
    agree = rule.agree
    if agree is None:
        return 0.0, 0.0, ""
    slack = f" within {agree.tolerance:.0%} tolerance" if agree.tolerance else ""
    if agree.absolute:
        slack += f" (± {fmt_number(agree.absolute)})"
    return agree.tolerance, agree.absolute, slack


def as_asserted(rule: Rule, claims: list[Claim]) -> list[Claim]:
    """The statements as the rule reads them: each as stated under `precision: stated`."""
    if rule.agree is not None and rule.agree.precision == "stated":
        return [as_stated(c) for c in claims]  # "an estimated 223" agrees only with 223
    return claims


def consensus_findings(
    rule: Rule, claims: list[Claim], unit: str | None, where: str = ""
) -> tuple[list[Conflict], tuple[Claim, ...]]:
    """The outlier findings (or one split) of one group; and its consensus statements."""
    tol, absolute, slack = tolerance(rule)
    g = group(claims, tol, absolute)
    ranged = range_findings(rule, claims, unit, where)
    if g.consensus is None and g.tied:
        return [_split(rule, g, unit, where), *ranged], ()
    if g.consensus is None:
        return ranged, ()
    consensus = g.consensus
    inside = {key(c) for c in consensus}
    backers = set(documents(consensus))
    side = side_json(consensus, unit)
    backed_by = sources(consensus)  # once per group: per outlier it made the check quadratic
    out = []
    for c in claims:
        # Two figures of one document are never compared with each other only:
        # the consensus must be backed by another document too.
        if key(c) in inside or (len(backers) == 1 and c.doc in backers):
            continue
        reason = (
            f"{_as_stated(c, unit)} is outside the consensus {side['text']} of "
            f"{backed_by}{slack}{where}"
        )
        details = {"consensus": side, "tolerance": tol, "absolute": absolute}
        out.append(finding(rule, "outlier", c, consensus[0], reason, details))
    return out + ranged, consensus


def _as_stated(claim: Claim, unit: str | None) -> str:
    """The statement's figure, with the interval it asserts when that says more."""
    figure = range_in(figure_range((claim,)), (claim,), unit)
    asserted = interval_in(claim)
    return figure if asserted == figure else f"{figure} ({asserted})"


def _split(rule: Rule, g: Grouping, unit: str | None, where: str) -> Conflict:
    sides = [side_json(s, unit) for s in g.tied[:MAX_LISTED]]
    listed = " against ".join(f"{s['text']} ({', '.join(s['documents'][:3])})" for s in sides[:4])
    if g.side_count > 4:
        listed += f" and {g.side_count - 4} more"
    tol, absolute, slack = tolerance(rule)
    reason = f"sources split with no consensus{slack}: {listed}{where}"
    details = {"sides": sides, "tolerance": tol, "absolute": absolute}
    details["side_count"] = g.side_count
    first, second = _own(g.tied[0], g.tied[1]), _own(g.tied[1], g.tied[0])
    # the statements of every side: a split changes (and needs a new look) when they do
    ident = conflict_id(rule.id, "split" + where, g.members)
    return finding(rule, "split", first, second, reason, details, ident=ident)


def _own(side: tuple[Claim, ...], other: tuple[Claim, ...]) -> Claim:
    """A side's first statement from a document the other side does not share."""
    shared = {c.doc for c in other}
    return next((c for c in side if c.doc not in shared), side[0])


# -- ranges: same ---------------------------------------------------------------


def _same(a: float, b: float, tol: float, absolute: float) -> bool:
    return abs(a - b) <= max(abs(a), abs(b)) * tol + absolute


def _by_ends(ranged: list[Claim], tol: float, absolute: float) -> list[tuple[Claim, ...]]:
    """Stated ranges grouped by their ends: a range joins a group when both its ends are
    those of the group's first range, within the tolerance (ranges sorted by their ends)."""
    out: list[list[Claim]] = []
    for c in sorted(ranged, key=lambda c: (*c.interval(), key(c))):
        lo, hi = c.interval()
        if out:
            first_lo, first_hi = out[-1][0].interval()
            if _same(lo, first_lo, tol, absolute) and _same(hi, first_hi, tol, absolute):
                out[-1].append(c)
                continue
        out.append([c])
    return [tuple(sorted(g, key=key)) for g in out]


def range_findings(rule: Rule, claims: list[Claim], unit: str | None, where: str = "") -> list:
    """Under `ranges: same`: each stated range whose ends differ from the ranges most
    documents state (one finding each), or one split when no ends are stated most."""
    if rule.agree is None or rule.agree.ranges != "same":
        return []
    tol, absolute, slack = tolerance(rule)
    ranged = [c for c in claims if c.qualifier == "range"]
    groups = _by_ends(ranged, tol, absolute)
    if len(groups) < 2:
        return []
    most = max(len(documents(g)) for g in groups)
    best = [g for g in groups if len(documents(g)) == most]
    if len(best) > 1:
        return [_range_split(rule, groups, unit, where, slack)]
    consensus = best[0]
    side, backers = side_json(consensus, unit), set(documents(consensus))
    out = []
    for g in groups:
        for c in g if g is not consensus else ():
            if backers == {c.doc}:  # one document's two ranges are not compared alone
                continue
            reason = (
                f"the stated range {_as_stated(c, unit)} differs from the range "
                f"{side['text']} of {sources(consensus)}{slack}{where}"
            )
            details = {"consensus": side, "tolerance": tol, "absolute": absolute}
            out.append(finding(rule, "ranges", c, consensus[0], reason, details))
    return out


def _range_split(rule: Rule, groups: list, unit: str | None, where: str, slack: str) -> Conflict:
    """One finding for stated ranges that differ with no ends stated by the most sources."""
    sides = [side_json(g, unit) for g in groups[:MAX_LISTED]]
    listed = " against ".join(f"{s['text']} ({', '.join(s['documents'][:3])})" for s in sides[:4])
    if len(groups) > 4:
        listed += f" and {len(groups) - 4} more"
    tol, absolute, _ = tolerance(rule)
    reason = f"stated ranges differ with no consensus{slack}: {listed}{where}"
    details = {"sides": sides, "side_count": len(groups), "tolerance": tol, "absolute": absolute}
    members = [c for g in groups for c in g]
    ident = conflict_id(rule.id, "ranges-split" + where, members)
    first, second = _own(groups[0], groups[1]), _own(groups[1], groups[0])
    return finding(rule, "split", first, second, reason, details, ident=ident)


CHECK = CheckType("agree", decode, prepare=as_asserted, group=consensus_findings)
