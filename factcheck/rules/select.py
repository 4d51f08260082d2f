"""Selection: which claims speak about each rule's fact, and why a claim is not picked.

A rule sees the claims of the documents its paths admit (`paths.py`); its selector (its
`select:` section, compiled into a `Selector`) looks at what a claim measures, its
counted noun, its own frame (about, role, speaker), the words of its sentence and the
time it refers to. `evaluate` selects each rule's statements and hands
them to the checks.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..checks import evaluate_facts, statements
from ..checks.base import group_by
from ..model import SELECTED_ONLY_KINDS, Claim, Conflict, Fact, Rule, Selector, period
from .paths import why_outside

ACRONYM = re.compile(r"[A-Z][A-Z.&-]*")


def normalize_word(word: str) -> str:
    """Lower-case singular form of a word, for comparing counted nouns."""
    w = word.lower().strip(".,;:'\"()")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@functools.lru_cache(maxsize=65536)  # every rule asks again for every claim
def noun_words(noun: str) -> tuple[str, ...]:
    """A counted noun phrase as normalized words."""
    return tuple(normalize_word(w) for w in re.findall(r"[\w'.-]+", noun) if w.strip(".-'"))


def phrase_pattern(phrases: list[str]) -> re.Pattern:
    """One regex matching any phrase as whole words; capitals-only acronyms match their case."""
    parts = []
    for p in sorted(set(phrases), key=lambda s: (-len(s), s)):
        body = r"\s+".join(re.escape(w) for w in p.split())
        body = rf"(?<!\w){body}(?!\w)"
        parts.append(body if ACRONYM.fullmatch(p) else f"(?i:{body})")
    return re.compile("|".join(parts) or r"(?!x)x")


@dataclass(frozen=True)
class Selection:
    """Each rule's matches and its statements (a repeated figure is one statement)."""

    matches: list[tuple[str, Claim]]
    selected: dict[str, list[Claim]]


@dataclass(frozen=True)
class Findings:
    """What evaluating the rules gave: the matches and the findings per fact, sorted, and
    each fact to draw."""

    matches: list[tuple[str, Claim]]
    conflicts: list[Conflict]
    notes: list[str] = field(default_factory=list)  # warnings for the editor, e.g. a rule too broad
    selected: dict[str, list[Claim]] = field(default_factory=dict)  # each rule's statements
    facts: list[Fact] = field(default_factory=list)


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
    return (
        _why_not_measure(s, claim)
        or _why_not_noun(s, claim)
        or _why_not_frame(s, claim)
        or _why_not_words(rule, claim)
        or _why_not_time(s, claim)
        # last: asked only of the few claims the selector picks, and decided once per
        # document (`paths.why_outside`), it costs a scoped rule next to nothing
        or (why_outside(rule.paths, claim.doc) if rule.paths is not None else None)
    )


def _why_not_measure(s: Selector, claim: Claim) -> str | None:
    """Why the claim's kind, dimension or unit keeps the selector from it, or None."""
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
    return None


def _why_not_noun(s: Selector, claim: Claim) -> str | None:
    """Why the claim's counted noun keeps the selector from it, or None."""
    if not (s.nouns or s.noun_excludes):
        return None
    words = noun_words(claim.noun or "")
    if s.nouns and not _noun_matches(s.nouns, words):
        return f"its counted noun is '{claim.noun or ''}', which is not one of the rule's nouns"
    excluded = sorted(s.noun_excludes & set(words))
    if excluded:
        return f"its counted noun '{claim.noun}' has the excluded word '{excluded[0]}'"
    return None


def _has_phrase(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


@dataclass(frozen=True)
class _HeadWords:
    """The word lists of head-first selection (factcheck/vocab/lexicon.yaml), read on
    first use: `rules lint` starts without parsing the lexicon."""

    open: frozenset
    endings: tuple
    things: frozenset
    prepositions: frozenset
    determiners: frozenset


@functools.cache
def _head_words() -> _HeadWords:
    from ..vocab.lexicon import LEX

    return _HeadWords(
        frozenset(w.lower() for w in (*LEX["person_nouns"], *LEX["open_heads"])),
        tuple(LEX["open_head_endings"]),
        frozenset(LEX["thing_heads"]),
        frozenset(LEX["head_prepositions"]),
        frozenset(LEX["head_determiners"]),
    )


def open_head(noun: str | None) -> bool:
    """Whether a counted noun leaves what its figure is about to the clause's words: no
    noun, or one that counts people or cases ("38 people were killed", "1,200 marchers")
    rather than a thing of its own ("9 provinces", "300 schools")."""
    if not noun:
        return True
    low = noun.lower().strip()
    last = low.rsplit(None, 1)[-1] if low else ""
    if last.endswith(("'s", "’s")):
        return True  # "38 of the ferry's 237 passengers": an owner, not what it counts
    lists = _head_words()
    if low in lists.open or last in lists.open:
        return True
    return last.endswith(lists.endings) and last not in lists.things


_WORD_RE = re.compile(r"[\w'’-]+")


def in_phrase(claim: Claim) -> bool:
    """Whether the figure sits in a phrase of a preposition ("teachers from 9 provinces",
    "homes in 14 villages"), so that its clause's verb tells of another noun."""
    at = claim.sentence.find(claim.text) if claim.text else -1
    if at <= 0:
        return False
    lists = _head_words()
    for word in reversed(_WORD_RE.findall(claim.sentence[max(0, at - 60) : at])[-3:]):
        low = word.lower()
        if low not in lists.determiners:
            return low in lists.prepositions
    return False


def head_words(claim: Claim) -> tuple[str, ...]:
    """The figure's head and its modifiers: the words of its own text, and its counted noun
    when what it is about holds it (not a noun carried over from a toll it does not count)."""
    own = noun_words(claim.text)
    noun = noun_words(claim.noun or "")
    if noun and _has_phrase(noun_words(claim.about or ""), noun):
        return own + noun
    return own


def _why_not_about(s: Selector, claim: Claim) -> str | None:
    """Why what the figure is about keeps the selector from it, or None. Head first: a
    figure that counts a thing of its own in a phrase of a preposition ("teachers from 9
    provinces marched") is selected by its own words only, unless the rule names that
    thing (in `nouns` or in one of its `about` groups); any other figure by its clause's
    words too."""
    words = noun_words(claim.about or "")
    head: tuple[str, ...] | None = None
    for group in s.about:
        if not any(_has_phrase(words, p) for p in group):
            head = head_words(claim) if head is None else head
            if not any(_has_phrase(head, p) for p in group):
                shown = ", ".join(sorted(" ".join(p) for p in group)[:4])
                return f"it is about '{claim.about}', which has none of {shown}"
    if s.nouns or open_head(claim.noun):
        return None
    head = head_words(claim) if head is None else head
    missing = [g for g in s.about if not any(_has_phrase(head, p) for p in g)]
    if not missing or len(missing) < len(s.about) or not in_phrase(claim):
        return None
    shown = ", ".join(sorted(" ".join(p) for p in missing[0])[:4])
    return (
        f"it counts {claim.noun} in a phrase of its own, and its own words "
        f"'{claim.text}' have none of {shown}"
    )


def _why_not_frame(s: Selector, claim: Claim) -> str | None:
    """Why the figure's own frame (about, role, speaker) keeps the selector from it, or None."""
    if claim.role not in s.roles:
        return f"its role is {claim.role}, not {' or '.join(s.roles)}"
    if s.about or s.not_about:
        words = noun_words(claim.about or "")
        why = _why_not_about(s, claim) if s.about else None
        if why:
            return why
        for p in sorted(s.not_about):
            if _has_phrase(words, p):
                return f"it is about '{claim.about}', which has the excluded '{' '.join(p)}'"
    if s.speaker is not None:
        if not claim.speaker:
            return "no speaker is named for it"
        if not s.speaker.search(claim.speaker):
            return f"its speaker is '{claim.speaker}', not one of the rule's"
    if s.not_speaker is not None and claim.speaker and s.not_speaker.search(claim.speaker):
        return f"its speaker is '{claim.speaker}', whom the rule leaves out"
    return None


def _why_not_words(rule: Rule, claim: Claim) -> str | None:
    """Why the words of the claim's sentence (or context) keep the selector from it, or None."""
    s = rule.select
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
    return None


def _why_not_time(s: Selector, claim: Claim) -> str | None:
    """Why the time the claim refers to keeps the selector from it, or None."""
    if s.periods == "exclude" and claim.time_source == "text" and len(claim.time or "?" * 10) < 10:
        whole = "year" if len(claim.time or "") <= 4 else "month"
        return f"its clause dates it to {claim.time}, a whole {whole}; the rule excludes periods"
    if in_window(claim.time, s.after, s.before, s.unknown_time):
        return None
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


def select(rules: list[Rule], claims: list[Claim]) -> Selection:
    """Each rule's matches and statements (a repeated figure is one statement), in
    document order. Linear in the claims of the kinds each rule names."""
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
    return Selection(matches=matches, selected=selected)


def evaluate(rules: list[Rule], claims: list[Claim]) -> Findings:
    """Select each rule's statements and report findings per fact, sorted."""
    selection = select(rules, claims)
    conflicts, facts = evaluate_facts(rules, selection.selected)
    return Findings(
        matches=selection.matches,
        conflicts=conflicts,
        selected=selection.selected,
        facts=facts,
    )
