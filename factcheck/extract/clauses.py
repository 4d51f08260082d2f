"""A sentence cut into clauses, and who speaks in each: the party it attributes its figures to.

A sentence is cut at ";", ": ", dashes and a comma before a clause opener ("while",
"but", "up from", "including"...). A clause's speaker is found in "X said N", "according
to X", "said X", "X's estimate" or a trailing ", X said"; a clause that continues the
one before ("..., up from 1,310") shares its speaker. An unknown speaker is better than
a wrong one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..vocab.lexicon import trie

CLAUSE_RE = re.compile(
    r";|:\s|\s[—–-]\s|,\s+(?=(?:" + trie("clause_openers") + r")\b)", re.IGNORECASE
)
OPENER_RE = re.compile(r"\s*(?:" + trie("clause_openers") + r")\b\s*", re.IGNORECASE)
FRONTED_RE = re.compile(r"\s*(?:" + trie("fronted_openers") + r")\b[^,;]*,\s*", re.I)
_VERBS = trie("attribution_verbs")
ANY_VERB_RE = re.compile(rf"\b(?:{_VERBS})\b", re.I)
_WHO = r"(?P<who>[A-Za-z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,6}?)"
_TRAILING_RE = re.compile(
    rf",\s*{_WHO}\s+(?:{_VERBS})\b(?P<rest>[^,;]{{0,60}}?)(?=\s*(?:[,;.]|$))", re.I
)
_INVERTED_RE = re.compile(rf",\s*said\s+{_WHO}(?=\s*(?:[,;.]|$))", re.I)
_ACCORDING_RE = re.compile(r"according\s+to\s+(?P<who>[^,;.]{2,60}?)(?=\s*(?:[,;.]|$))", re.I)
_LEADING_RE = re.compile(
    rf"\s*{_WHO}\s+(?:now\s+|also\s+|later\s+|earlier\s+|then\s+)?(?P<verb>{_VERBS})\b(?!\s+of\b)"
    r"(?:\s+on\s+\w+(?:\s+(?:morning|afternoon|evening|night))?)?(?:\s+that\b)?",
    re.I,
)
_OWNER_TAIL = r"(?:['’]s|s['’])\s+(?:own\s+)?(?:" + trie("attribution_owners") + r")\b"
OWNER_RE = re.compile(
    r"(?P<who>(?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}?)" + _OWNER_TAIL, re.I
)
# what every OWNER_RE match holds, found fast (it starts with an apostrophe or an s): a
# text without it needs no search for an owner, which tries every word as one
_OWNER_TAIL_RE = re.compile(_OWNER_TAIL, re.I)
# "the floods claimed at least five lives": a verb that takes lives, not a speaker's
_CLAIMED_LIVES_RE = re.compile(r"[^;]{0,60}?\b(?:" + trie("claimed_objects") + r")\b", re.I)
_AUXILIARY_END_RE = re.compile(r"\s+(?:are|is|was|were|have|has|had|been|will|would)$", re.I)
_DANGLING_RE = re.compile(r"\b(?:of|the|a|an|to|for|in|on|at|by|with|from|and|or)$", re.I)
_NOT_SPEAKERS = {
    *("he she they it we i you this that there a an the its their his her".split()),
}
# "Turnout was estimated at 85,000 by police": a passive names its speaker after "by"
_PASSIVE_RE = re.compile(r"\b(?:was|were|is|are|been|being)$", re.I)
_BY_RE = re.compile(rf"\bby\s+{_WHO}(?=\s*(?:[,;.]|$))", re.I)
_SPEAKER_TRIM_RE = re.compile(
    r"^(?:(?:and|but|while|whereas|although|though|as|that|so|yet)\s+)+|"
    r"(?:\s+(?:now|also|later|earlier|then|still|had|have|has))+$",
    re.I,
)
_CONTINUES = (
    "bringing",
    "taking",
    "pushing",
    "raising",
    "lifting",
    "up from",
    "down from",
    "and",
    "of whom",
    "of which",
    "including",
    "compared",
)


@dataclass
class Clause:
    """A clause of a sentence: its span, the word that opens it, and who speaks in it."""

    start: int  # offsets in the sentence string
    end: int
    opener: str = ""  # the conjunction that opens it ("while", "up from"), lower case
    speaker: str | None = None
    speaker_end: int = -1  # where a leading "X said (that)" ends
    trailing: bool = False  # its speaker comes from a ", X said." at its end
    by_span: tuple[int, int] | None = None  # "... by police": the passive's speaker


# hot-path patterns, compiled once
_RELATIVE_WORD_RE = re.compile(r"\b(?:that|which|who|whom|where)\s+")
_POSSESSIVE_END_RE = re.compile(r"(?:['’]s|['’])$")


def within(figures: Sequence[tuple], starts: list[int], start: int, end: int) -> list:
    """The figures (sorted, starts their start offsets) that start in [start, end)."""
    return list(figures[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)])


def _clean_speaker(who: str) -> str | None:
    who = " ".join(who.split())
    # "rains that officials said ...": the speaker is after the relative word
    who = _RELATIVE_WORD_RE.split(who)[-1]
    if _DANGLING_RE.search(who):
        return None  # "The number of (reported cases)": not a speaker
    who = _AUXILIARY_END_RE.sub("", who)  # "the police are (saying)"
    who = _POSSESSIVE_END_RE.sub("", who)  # "the organisers' (estimate)"
    who = _SPEAKER_TRIM_RE.sub("", who).strip(" ,")
    if who.endswith(".") and "." not in who.split()[-1][:-1]:
        who = who[:-1]  # "said Montakan Sriwipas." ends the sentence; "the U.S." keeps its dot
    if not who or who.lower() in _NOT_SPEAKERS or any(ch.isdigit() for ch in who):
        return None
    return who


def sentence_clauses(
    work: str, figures: Sequence[tuple[int, int]], verbs: list[int]
) -> list[Clause]:
    """The clauses of a (masked) sentence, each with its own speaker when it names one;
    verbs: where the sentence's attribution verbs start."""
    cuts = [(m.start(), m.end()) for m in CLAUSE_RE.finditer(work)]
    bounds = [0, *[e for _, e in cuts]]
    ends = [s for s, _ in cuts] + [len(work)]
    clauses = []
    for s, e in zip(bounds, ends, strict=True):
        m = OPENER_RE.match(work, s)
        opener = " ".join(m.group(0).lower().split()) if m and s else ""
        clauses.append(Clause(s, e, opener))
    starts = [f[0] for f in figures]
    for c in clauses:
        has_verb = bisect.bisect_left(verbs, c.start) < bisect.bisect_left(verbs, c.end)
        _find_speaker(work, c, within(figures, starts, c.start, c.end), has_verb)
    return clauses


def _find_speaker(work: str, c: Clause, figures: list[tuple[int, int]], has_verb: bool) -> None:
    """The clause's own speaker: "X said N" first (the figure's owner, even when the
    sentence then names who reported it), then "according to X", "said X", "X's
    estimate", then a trailing ", X said"."""
    body = work[c.start : c.end]
    first = figures[0][0] - c.start if figures else len(body)
    opener = OPENER_RE.match(body) if c.opener else None
    start = opener.end() if opener else 0
    fronted = FRONTED_RE.match(body, start)
    if fronted and fronted.end() <= first:
        start = fronted.end()
    tried = worth_trying(body, has_verb)
    m = _LEADING_RE.match(body, start) if _LEADING_RE in tried else None
    passive = m and not m.group("verb").lower().endswith("ing")  # "are saying" is active
    if m and m.end() <= first and passive and _PASSIVE_RE.search(m.group("who")):
        by = _BY_RE.search(body, first)
        if by and _clean_speaker(by.group("who")):
            c.speaker, c.by_span = _clean_speaker(by.group("who")), (c.start + by.start(), c.end)
        return
    if m and m.group("verb").lower().startswith("claim") and _CLAIMED_LIVES_RE.match(body, m.end()):
        m = None  # "the floods have claimed 12 lives": nobody speaks
    if m and m.end() <= first and _clean_speaker(m.group("who")):
        c.speaker, c.speaker_end = _clean_speaker(m.group("who")), c.start + m.end()
        return
    for regex, trailing in ((_ACCORDING_RE, False), (_INVERTED_RE, True), (OWNER_RE, False)):
        if regex not in tried:
            continue
        m = regex.search(body)
        who = _owner(m) if m and regex is OWNER_RE else m.group("who") if m else ""
        if m and _clean_speaker(who):
            c.speaker, c.trailing = _clean_speaker(who), trailing
            return
    for m in _TRAILING_RE.finditer(body) if _TRAILING_RE in tried else ():
        if m.start() >= first and _clean_speaker(m.group("who")):
            c.speaker, c.trailing = _clean_speaker(m.group("who")), True
            return


def _owner(m: re.Match) -> str:
    """The owner of "the organisers' estimate": from its last determiner on ("did not
    quarrel with the organisers' estimate" is the organisers'), plural when written so."""
    who = m.group("who")
    det = list(re.finditer(r"\b(?:the|its|their|a|an)\s", who, re.I))
    if det:
        who = who[det[-1].start() :]
    apostrophe = m.group(0)[len(m.group("who")) :]
    return who + "s" if apostrophe[:1] == "s" else who


def attribution_spans(work: str, has_verb: bool) -> list[tuple[int, int]]:
    """Where the sentence says who speaks: not part of any figure's frame."""
    spans = []
    for regex in worth_trying(work, has_verb):
        if regex is not OWNER_RE and regex is not _LEADING_RE:
            spans.extend(m.span() for m in regex.finditer(work))
    return spans


def worth_trying(text: str, has_verb: bool) -> list[re.Pattern]:
    """The speaker patterns that can match text at all (a cheap test first: most
    sentences have no "according to", no apostrophe, no attribution verb);
    has_verb: whether text holds an attribution verb."""
    low = text.lower()
    need = []
    if "according" in low:
        need.append(_ACCORDING_RE)
    if "said" in low:
        need.append(_INVERTED_RE)
    if ("'" in text or "’" in text) and _OWNER_TAIL_RE.search(text):
        need.append(OWNER_RE)
    if has_verb:
        need.append(_LEADING_RE)
        if "," in text:
            need.append(_TRAILING_RE)
    return need


def speaker_of(clause: Clause, before: Clause | None, final: Clause | None) -> str | None:
    """A clause's speaker: its own, else the one it continues, else a sentence-final one."""
    if clause.speaker is not None:
        return clause.speaker
    if before is not None and clause.opener.startswith(_CONTINUES):
        return before.speaker
    if final is not None and final.start >= clause.start:
        return final.speaker
    return None
