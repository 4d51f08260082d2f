"""A suggested fact as a rule (a mapping ready for YAML) that `rules lint` and `rules test` pass.

The rule selects what the fact was grouped by: the kind; the unit for sums and
measures; the counted noun; the subject through an alias group of its words
(`@suggested-dead`: dead, killed, died, toll, ...); the party as speaker; and the
time: the year for a figure of another year, else from the fact's earliest day
on (so an older event's figure stays out). A fact grouped by its figure alone (the
same "24-inch" in two articles) selects by the word its articles share about it, and
gets no rule when they share none. Its `match` examples are the sentences
of two of its statements from different articles. `agree: {}` compares with each
figure's stated precision ("about 400" is 360-440, "26" is 26). A toll-like count
(`suggest_rising` in the lexicon: dead, arrested) reported for several times also
gets `over_time: {may_only: rise}`; a figure of a state that comes and goes (the
missing, the evacuated, homes without power: `suggest_status`) reported for several
times may rise or fall, so it gets `over_time: {may_only: any}`: only its figures of
the same time are compared.
"""

from __future__ import annotations

from ..vocab.lexicon import LEX
from .select import noun_words
from .suggest import SuggestedFact

ALIAS_PREFIX = "suggested-"
MAX_SENTENCE = 400  # characters: a longer "sentence" is a run-on the reader cannot check


def subject_words(subject: str) -> list[str]:
    """The lexicon's words and phrases for a subject, sorted."""
    return sorted(w for w, s in LEX["suggest_subjects"].items() if s == subject)


STATUS_GROUP = ALIAS_PREFIX + "status"  # what a count by its noun alone is not about


def aliases(facts: list[SuggestedFact]) -> dict[str, list[str]]:
    """The alias group of each subject the facts select by (and of the states a count by
    its noun alone leaves out)."""
    names = sorted({f.key.subject for f in facts if f.key.subject})
    groups = {ALIAS_PREFIX + s: subject_words(s) for s in names}
    if any(_noun_only(f) for f in facts):
        groups[STATUS_GROUP] = sorted({w for s in LEX["suggest_status"] for w in subject_words(s)})
    return groups


def _noun_only(fact: SuggestedFact) -> bool:
    return bool(fact.key.noun and not fact.key.subject and not fact.key.figure)


def rule_of(fact: SuggestedFact) -> dict | None:
    """The rule of a suggested fact, as a mapping in the order an editor reads it; None for
    a fact grouped by its figure alone whose articles share no word about it (a rule
    would select every figure in its unit)."""
    if fact.key.figure and not fact.about:
        return None
    rule: dict = {
        "id": fact.id,
        "title": fact.title,
        "severity": "warning",
        "select": _select(fact),
        "agree": {},
    }
    if fact.rising:
        rule["over_time"] = {"may_only": "rise"}
    elif fact.moving:
        rule["over_time"] = {"may_only": "any"}
    examples = _match_examples(fact)
    if examples:
        rule["examples"] = {"match": examples}
    return rule


def _select(fact: SuggestedFact) -> dict:
    key = fact.key
    select: dict = {"kind": key.kind}
    if key.unit:
        select["unit"] = [key.unit]
    if key.noun:
        select["nouns"] = [key.noun]
    if _noun_only(fact):  # its figures name no state: "41 of the 237 passengers were rescued"
        select["not_about"] = ["@" + STATUS_GROUP]
    if key.subject:
        select["about"] = ["@" + ALIAS_PREFIX + key.subject]
    elif key.figure:
        select["about"] = [fact.about[0]]  # the word most of its articles use
    if key.party:
        select["speaker"] = [w for w, p in sorted(LEX["suggest_parties"].items()) if p == key.party]
    if key.period:
        select["time"] = {"as_of": key.period}
    else:
        times = sorted(c.time[:10] for c in fact.claims if c.time)
        if times:
            select["time"] = {"after": times[0]}  # an older event's figure stays out
    return select


def _match_examples(fact: SuggestedFact) -> list[str]:
    """The sentences of the first statement of (up to) two articles: one line each."""
    out: list[str] = []
    seen_docs = set()
    word = fact.about[0] if fact.key.figure else None  # what the rule selects by
    for c in fact.claims:
        if word and word not in noun_words(c.about or ""):
            continue
        sentence = " ".join(c.sentence.split())
        if c.doc in seen_docs or not sentence or len(sentence) > MAX_SENTENCE or sentence in out:
            continue
        seen_docs.add(c.doc)
        out.append(sentence)
        if len(out) == 2:
            break
    return out
