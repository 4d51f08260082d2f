"""attribution: figures attributed to different parties are each checked within their party.

The statements of a unit are split by the party their speaker names; parties whose
figures disagree give one `disputed` finding per unit listing each party's figure (or
none, when the rule says `disputed: false`).
"""

from __future__ import annotations

from ..model import Attribution, Claim, Conflict, Rule
from .agree import tolerance
from .base import CheckType, Decoding, Groups, conflict_id, finding, side_json
from .sweep import all_agree, group


def decode(a: dict, ctx: Decoding) -> Attribution:
    """The `attribution:` section of a rule, each party's words as one pattern."""
    parties = tuple(
        (str(name), ctx.phrases(members))
        for name, members in sorted((a.get("parties") or {}).items())
    )
    disputed = a.get("disputed")
    return Attribution(parties, True if disputed is None else bool(disputed))


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


def by_party(rule: Rule, claims: list[Claim], unit: str | None) -> tuple[list[Conflict], Groups]:
    """The statements by party when two or more parties give figures (else all together),
    and the dispute between the parties, if any."""
    parties: dict[str, list[Claim]] = {}
    for c in claims:
        parties.setdefault(party(rule, c) or "", []).append(c)
    named = {p: cs for p, cs in parties.items() if p}
    if len(named) <= 1:
        return [], [("", claims)]
    # Each party is checked against itself; parties against each other
    # give at most one `disputed` finding (or none when the rule says so).
    dispute = _disputed(rule, named, unit, parties.get("", []))
    # a figure no party is named for is no third side: those are checked among themselves
    groups: Groups = [
        (f" (as {p} say)" if p else " (no party named)", parties[p]) for p in sorted(parties)
    ]
    return ([dispute] if dispute is not None else []), groups


def _disputed(
    rule: Rule, named: dict[str, list[Claim]], unit, unnamed: list[Claim]
) -> Conflict | None:
    """One finding when parties' figures do not agree; None when they agree.

    Each party's figure is its own consensus (all its statements when they
    split); the parties agree when one agreement set holds all of them. The figures
    no party is named for (unnamed) are listed as such, never as a side.
    """
    tol, absolute, _ = tolerance(rule)
    figures = {}
    for p, cs in named.items():
        g = group(cs, tol, absolute)
        figures[p] = g.consensus or tuple(cs)
    pooled = [c for p in sorted(figures) for c in figures[p]]
    if all_agree(pooled, tol, absolute):
        return None
    if not rule.attribution.disputed:
        return None
    parties = sorted(named)
    sides = [side_json(tuple(named[p]), unit, label=p) for p in parties]
    listed = "; ".join(f"{s['label']} say {s['text']} ({', '.join(s['documents'])})" for s in sides)
    details = {"sides": sides, "parties": parties}
    if unnamed:
        details["unattributed"] = side_json(tuple(unnamed), unit, label="no party named")
        u = details["unattributed"]
        listed += f"; no party named for {u['text']} ({', '.join(u['documents'])}), not compared"
    ident = conflict_id(rule.id, "disputed", [c for p in parties for c in figures[p]])
    first, second = named[parties[0]][0], named[parties[1]][0]
    reason = f"disputed: {listed}"
    return finding(rule, "disputed", first, second, reason, details, ident=ident, status="disputed")


CHECK = CheckType("attribution", decode, partition=by_party)
