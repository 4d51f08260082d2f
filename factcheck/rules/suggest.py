"""Suggested facts: figures that two or more documents report about the same thing.

`suggest(claims)` groups the claims of a corpus by exact keys, with no pairwise
comparison, so it runs in time linear in the claims (plus a sort of the groups):

- only figures as now stated (role `value`) of the kinds count, percent, money,
  measure and duration;
- what the figure is about: its *subject*, read from its `about` words through the
  `suggest_subjects` table of the lexicon (dead, injured, missing, evacuated,
  pledged, damage, rain, magnitude, ...). A figure whose about words name two
  subjects is left out: it may be either, and a wrong grouping is a false conflict;
- a count also by its counted noun (its last word, singular): "soldiers" and
  "houses" say what they count, "people" does not, so a count of people needs a
  subject; other kinds by their unit (the SI unit: metres, seconds, a currency);
- the period: a figure dated by its own text in another year than its article
  (the 1987 landslide's toll) is kept apart from the figures of the story;
- the party: where a fact's figures are given by two or more parties
  (`suggest_parties`: police, organisers, ...), each party's figures are a fact
  of their own, and the figures no party is named for another.

A group becomes a fact when its claims come from at least `min_sources`
documents. Facts are ranked by how many documents report them, then by id.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..model import Claim, Rule
from ..vocab.lexicon import LEX
from .select import normalize_word, noun_words, selects

SUGGESTED_KINDS = ("count", "percent", "money", "measure", "duration")
FIGURE_KINDS = ("money", "measure")  # kinds whose same figure in the same unit is one fact
SUBJECTS: dict[str, str] = LEX["suggest_subjects"]
GENERIC_NOUNS = frozenset(normalize_word(w) for w in LEX["suggest_generic_nouns"])
PARTIES: dict[str, str] = LEX["suggest_parties"]
RISING = frozenset(LEX["suggest_rising"])
STATUS = frozenset(LEX["suggest_status"])
SAME_NOUNS: dict[str, str] = LEX["suggest_same_nouns"]
_SUBJECT_RE = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(w) for w in sorted(SUBJECTS, key=len, reverse=True))
    + r")(?![\w-])"
)
_PARTY_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(PARTIES)) + r")\b", re.I)


@dataclass(frozen=True)
class Key:
    """What makes two figures the same fact (every field must be equal)."""

    kind: str
    unit: str  # the SI unit, the currency, or '' for a count
    noun: str  # a count's counted noun (singular), '' when it only says "people"
    subject: str  # from the about words, '' for a count whose noun says what it counts
    period: str  # '' for the story's own time, else the year the figure's text names
    party: str = ""  # who gives it, when the fact's figures come from two or more parties
    figure: str = ""  # for a sum or a measure with no subject: the figure all its claims state


@dataclass(frozen=True)
class SuggestedFact:
    """A fact that `min_sources` or more documents report: its claims, in document order."""

    id: str
    title: str
    key: Key
    about: tuple[str, ...]  # the about words most of its claims share, most shared first
    claims: tuple[Claim, ...]

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(sorted({c.doc for c in self.claims}))

    @property
    def times(self) -> int:
        """How many times (days, or hours of a day) its figures are reported for."""
        return len({c.time for c in self.claims if c.time})

    @property
    def rising(self) -> bool:
        """A running total (`suggest_rising`: the dead, the arrested, a spill), not a
        duration, reported for several times: it may only rise."""
        return self.key.subject in RISING and self.key.kind != "duration" and self.times > 1

    @property
    def moving(self) -> bool:
        """A figure of a state that comes and goes (`suggest_status` but not rising: the
        missing, homes without power) reported for several times: its figures of different
        times need not agree, and need not rise."""
        return self.key.subject in STATUS and self.key.subject not in RISING and self.times > 1


def subject_of(about: str, only: frozenset | None = None) -> str | None:
    """The one subject the about words name (of `only`, when given), '' for none, None for
    two or more."""
    found = {SUBJECTS[m.group(1)] for m in _SUBJECT_RE.finditer(about.lower())}
    if only is not None:
        found &= only
    if len(found) > 1:
        return None
    return found.pop() if found else ""


def party_of(claim: Claim) -> str:
    """The party (police, organisers, ...) the figure's speaker names, or ''."""
    m = _PARTY_RE.search(claim.speaker or "")
    return PARTIES[m.group(1).lower()] if m else ""


def key_of(claim: Claim, story_years: dict[str, str]) -> Key | None:
    """The claim's key, or None when it is not a candidate (or may be about two things)."""
    if claim.kind not in SUGGESTED_KINDS or claim.role != "value" or claim.value is None:
        return None
    noun = ""
    if claim.kind == "count":
        words = noun_words(claim.noun or "")
        noun = words[-1] if words else ""
        noun = SAME_NOUNS.get(noun, noun)
    specific = noun and noun not in GENERIC_NOUNS and noun not in SUBJECTS
    subject = subject_of(claim.about or "", STATUS if specific else None)
    if subject is None:
        return None
    if claim.kind == "count":
        if noun in GENERIC_NOUNS or SUBJECTS.get(noun) == subject:
            noun = ""  # "people", or "16 dead" with dead in its about words
        elif noun in SUBJECTS and not subject:
            noun, subject = "", SUBJECTS[noun]  # "24 missing": the noun is the subject
        if not noun and not subject:
            return None
    elif not subject:
        return None  # a measure, a sum or a duration is about too many things without one
    unit = "" if claim.kind == "count" else (claim.comparable_unit() or "")
    return Key(claim.kind, unit, noun, subject, _period(claim, story_years))


def figure_key(claim: Claim, story_years: dict[str, str]) -> Key | None:
    """For a sum or a measure with no subject: a key that holds only the same figure in the
    same unit ("24-inch" in two articles), so the fact it proposes can only agree."""
    if (
        claim.kind not in FIGURE_KINDS
        or claim.role != "value"
        or claim.qualifier in ("range", "vague")
    ):
        return None
    value = claim.si_value if claim.si_value is not None else claim.value
    if not value:
        return None
    figure = f"{float(f'{value:.3g}'):f}".rstrip("0").rstrip(".")  # 3 significant digits
    period = _period(claim, story_years)
    return Key(claim.kind, claim.comparable_unit() or "", "", "", period, figure=figure)


def _period(claim: Claim, story_years: dict[str, str]) -> str:
    year = (claim.time or "")[:4]
    return year if claim.time_source == "text" and year != story_years.get(claim.doc) else ""


def _story_years(claims: list[Claim]) -> dict[str, str]:
    """Each document's year: that of its publication date (its claims dated by it)."""
    years: dict[str, str] = {}
    for c in claims:
        if c.time_source == "published" and c.time and c.doc not in years:
            years[c.doc] = c.time[:4]
    return years


def _by_party(claims: list[Claim]) -> dict[str, list[Claim]]:
    """The claims by party when two or more parties give them, else all under ''."""
    parties: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        parties[party_of(c)].append(c)
    named = [p for p in parties if p]
    return parties if len(named) > 1 else {"": claims}


def group(claims: list[Claim]) -> dict[Key, list[Claim]]:
    """The candidate claims by key (and by party where parties differ), in claim order."""
    years = _story_years(claims)
    groups: dict[Key, list[Claim]] = defaultdict(list)
    for c in claims:
        key = key_of(c, years) or figure_key(c, years)
        if key is not None:
            groups[key].append(c)
    out: dict[Key, list[Claim]] = {}
    for key, members in groups.items():
        for party, some in _by_party(members).items():
            out[Key(key.kind, key.unit, key.noun, key.subject, key.period, party, key.figure)] = (
                some
            )
    return out


def suggest(claims: list[Claim], min_sources: int = 2) -> list[SuggestedFact]:
    """The facts that at least min_sources documents report, most documents first."""
    facts = []
    for key, members in group(claims).items():
        if len({c.doc for c in members}) >= min_sources:
            members = sorted(members, key=lambda c: (c.doc, c.start, c.end))
            facts.append(_fact(key, members))
    facts.sort(key=lambda f: (-len(f.documents), f.id))
    return _unique_ids(facts)


def _fact(key: Key, claims: list[Claim]) -> SuggestedFact:
    about = _shared_about(key, claims)
    return SuggestedFact(_slug(key, about), _title(key, about), key, about, tuple(claims))


def _slug(key: Key, about: tuple[str, ...] = ()) -> str:
    head = [w for w in (key.subject, key.noun, key.figure) if w]
    unit = key.unit.lower().replace(" ", "-") if key.unit not in ("", key.subject) else ""
    words = head + ([unit] if unit else []) + [w for w in about if w not in head][:2]
    words += [key.period, key.party]
    slug = "-".join(re.sub(r"[^a-z0-9]+", "-", w.lower()).strip("-") for w in words if w)
    return slug or key.kind


def key_id(fact: SuggestedFact) -> str:
    """An id of the fact from what it was grouped by alone, not the words its articles
    share about it: it stays while articles are added (a run's finding ids rest on it)."""
    return _slug(fact.key)


def _shared_about(key: Key, claims: list[Claim]) -> tuple[str, ...]:
    """About words that two or more documents use for the fact, by how many use them."""
    words_of: dict[str, set[str]] = defaultdict(set)  # each document's words, in one pass
    for c in claims:
        words_of[c.doc].update(w for w in noun_words(c.about or "") if len(w) > 2 and w.isalpha())
    docs: Counter = Counter()
    for words in words_of.values():
        docs.update(words)
    skip = {key.subject, key.noun, normalize_word(key.unit or "-")} | GENERIC_NOUNS
    ranked = sorted(
        (w for w, n in docs.items() if n > 1 and w not in skip), key=lambda w: (-docs[w], w)
    )
    return tuple(ranked[:5])


def _title(key: Key, about: tuple[str, ...]) -> str:
    what = " ".join(w for w in (key.noun, key.subject) if w) or key.kind
    if key.figure:
        v = float(key.figure)
        what = f"{v:,.0f} {key.unit}" if v.is_integer() else f"{v:,} {key.unit}"
    parts = [what[0].upper() + what[1:]]
    if key.kind != "count" and not key.figure:
        parts.append(f"({key.kind} in {key.unit})")
    if about:
        parts.append("- " + ", ".join(about[:3]))
    if key.party:
        parts.append(f"as the {key.party} say")
    if key.period:
        parts.append(f"in {key.period}")
    return " ".join(parts)


def _unique_ids(facts: list[SuggestedFact]) -> list[SuggestedFact]:
    seen: Counter = Counter()
    out = []
    for f in facts:
        seen[f.id] += 1
        if seen[f.id] > 1:
            f = SuggestedFact(f"{f.id}-{seen[f.id]}", f.title, f.key, f.about, f.claims)
        out.append(f)
    return out


def covered(fact: SuggestedFact, rules: list[Rule], share: float = 0.5) -> str | None:
    """The id of a rule that selects more than `share` of the fact's claims (0: any), or
    None."""
    for rule in rules:
        if sum(selects(rule, c) for c in fact.claims) > share * len(fact.claims):
            return rule.id
    return None
