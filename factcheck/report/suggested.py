"""`factcheck suggest` in its three formats: a table for people, JSON for tools, YAML rules.

Every format lists the facts in the order `rules.suggest` ranks them (most
documents first) and is deterministic: the same corpus gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Claim
from ..rules.suggest import SuggestedFact
from ..rules.suggest_rules import aliases, rule_of
from ..safe_text import printable
from .helpers import dumps, plural, stated, table

HEADERS = ["#", "docs", "kind", "fact (about)", "figures and sources"]
WIDTHS = [3, 4, 8, 30, 70]


def _figures(claims: Sequence[Claim]) -> str:
    """One line per statement: its figure as stated, its document (file name) and line."""
    lines = []
    for c in claims:
        name = c.doc.rsplit("/", 1)[-1]
        lines.append(f"{stated(c)}  {name}:{c.line}")
    return "\n".join(printable(line) for line in lines)


def suggest_table(facts: list[SuggestedFact]) -> str:
    """The facts as a grid, one row each, and a closing count."""
    if not facts:
        return "no fact is reported by enough documents\n"
    rows = [
        [
            i,
            len(f.documents),
            f.key.kind,
            f"{printable(f.id)}\n{printable(f.title)}",
            _figures(f.claims),
        ]
        for i, f in enumerate(facts, 1)
    ]
    grid = table(rows, HEADERS, "simple_grid", WIDTHS)
    return f"{grid}\n{plural(len(facts), 'suggested fact')}\n"


def suggest_json(facts: list[SuggestedFact]) -> str:
    """{"facts": [...]}: each fact with every claim it grouped."""
    return dumps({"facts": [_fact_json(f) for f in facts]})


def _fact_json(f: SuggestedFact) -> dict:
    return {
        "id": f.id,
        "title": f.title,
        "kind": f.key.kind,
        "unit": f.key.unit or None,
        "noun": f.key.noun or None,
        "subject": f.key.subject or None,
        "party": f.key.party or None,
        "period": f.key.period or None,
        "about": list(f.about),
        "documents": list(f.documents),
        "rising": f.rising,
        "claims": [
            {
                "doc": c.doc,
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "value": c.value,
                "unit": c.unit,
                "qualifier": c.qualifier,
                "time": c.time,
                "speaker": c.speaker,
            }
            for c in f.claims
        ],
    }


def suggest_yaml(facts: list[SuggestedFact]) -> str:
    """A rules file with a rule per fact, ready for `factcheck rules lint` and `rules test`."""
    import yaml  # loaded only by the command that writes rules

    head = (
        "# Rules suggested by `factcheck suggest` from the articles themselves: one per\n"
        "# fact that two or more articles report. Read each before you keep it: rename\n"
        "# it, tighten `select` (not_about, words) and add no_match and conflict examples.\n"
        "# agree: {} compares each figure with its stated precision; over_time says a\n"
        "# toll-like count reported on several days may only rise.\n"
    )
    rules = [r for r in map(rule_of, facts) if r is not None]
    data = {"aliases": aliases(facts), "rules": rules} if rules else {"rules": []}
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    left = [f for f in facts if rule_of(f) is None]
    tail = "".join(
        f"# no rule: {f.id} ({len(f.documents)} articles give {f.key.figure} {f.key.unit} "
        "but share no word about it)\n"
        for f in left
    )
    return head + body + tail
