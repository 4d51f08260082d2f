"""agree: what most sources say about a fact, who says something else, and splits.

A fact-checker does not read conflicts as pairs of claims. The statements of a group
(one unit, one party, one time) are grouped into agreement sets, sources whose
intervals overlap within the tolerance, by one sweep (`sweep.group`). The consensus
is the agreement set backed by the most distinct documents. Every statement outside
it is one finding (`outlier`) that carries the consensus (figure range and documents).
When two or more sets tie for the most documents there is no consensus: the group
gets one `split` finding listing each side, never an error per side.
"""

from __future__ import annotations

from ..figures import describe_interval, fmt_number, range_text
from ..model import Agreement, Claim, Conflict, Rule
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
    if g.consensus is None and g.tied:
        return [_split(rule, g, unit, where)], ()
    if g.consensus is None:
        return [], ()
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
    return out, consensus


def _as_stated(claim: Claim, unit: str | None) -> str:
    """The statement's figure, with the interval it asserts when that says more."""
    figure = range_text(figure_range((claim,)), unit)
    asserted = describe_interval(claim)
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


CHECK = CheckType("agree", decode, prepare=as_asserted, group=consensus_findings)
