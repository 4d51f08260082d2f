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

from ..vocab.lexicon import LEX, trie
from ..vocab.tries import alternation
from . import earlier_time

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
_NOUN_VERB_RE = re.compile(r"\s+(?:" + trie("noun_verb_followers") + r")\b", re.I)
# "according to figures released on Tuesday": what was published; "figures from the
# ministry": the party after "from" or "by"
_DATA_RE = re.compile(
    r"^(?:the\s+)?(?:(?:official|latest|new|preliminary|provisional|final|weekly|monthly)\s+)?"
    r"(?:" + trie("data_nouns") + r")(?:\s+(?:from|by)\s+(?P<who>.+)|\s+(?:released|published|"
    r"issued|compiled|collected|obtained|seen|provided|gathered|on|for|in)\b"
    r"(?:.*?\b(?:from|by)\s+(?P<by>.+)|.*)|)$",
    re.I,
)
_SUBORDINATE_RE = re.compile(r"^(?:\S+\s+){0,2}?(?:" + trie("speaker_subordinators") + r")\s", re.I)
# "the floods claimed at least five lives": a verb that takes lives, not a speaker's
_CLAIMED_LIVES_RE = re.compile(r"[^;]{0,60}?\b(?:" + trie("claimed_objects") + r")\b", re.I)
_AUXILIARY_END_RE = re.compile(r"\s+(?:are|is|was|were|have|has|had|been|will|would)$", re.I)
_AUXILIARIES_RE = re.compile(
    r"(?:(?:are|is|was|were|have|has|had|been|will|would|also|later|first|initially|"
    r"earlier)\s*)+",
    re.I,
)
_RELATIVE_OPENERS = ("which", "who", "that")
_DANGLING_RE = re.compile(r"\b(?:of|the|a|an|to|for|in|on|at|by|with|from|and|or)$", re.I)
_NOT_SPEAKERS = {
    *("he she they it we i you this that there a an the its their his her".split()),
    *("are is was were have has had been will would".split()),
}
# "Turnout was estimated at 85,000 by police": a passive names its speaker after "by"
_PASSIVE_RE = re.compile(r"\b(?:was|were|is|are|been|being)$", re.I)
_BY_RE = re.compile(rf"\bby\s+{_WHO}(?=\s*(?:[,;.]|$))", re.I)
_SPEAKER_TRIM_RE = re.compile(
    r"^(?:(?:and|but|while|whereas|although|though|as|that|so|yet)\s+)+|"
    r"(?:\s+(?:now|also|later|earlier|then|still|had|have|has))+$",
    re.I,
)
_DAY_WORDS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|"
    r"night|week|month|year|day|weekend|nightfall|dawn|noon|midnight)"
)
# "Earlier the ministry", "On Monday the ministry", "by Wednesday it", "Police first",
# "The agency had initially": when it spoke, not who it is
_SPEAKER_WHEN_RE = re.compile(
    r"^(?:(?:" + trie("speaker_time_words") + r")\s+|"
    rf"(?:on|by|until|last|this|late|early)\s+(?:\w+\s+){{0,1}}{_DAY_WORDS}\s+|"
    r"(?:at|by|until|around|shortly\s+after|shortly\s+before)\s+\d{1,2}(?:[:.]\d{2})?\s*"
    r"(?:[ap]\.?m\.?|o'clock|GMT|BST|UTC|local\s+time)?\s+)+|"
    r"(?:\s+(?:had|has|have|" + trie("speaker_time_words") + r"))+$",
    re.I,
)
# "A UN tally", "the police estimate": the owner of the figure, not the figure
_OWNED_RE = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?P<who>.+?)\s+(?:own\s+|official\s+|latest\s+)?(?:"
    + trie("attribution_owners")
    + r")$",
    re.I,
)
PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
# "The provincial government raised its count of the dead to 610": the owner of the count
_REVISES_RE = re.compile(
    rf"\s*{_WHO}\s+(?P<verb>(?:{trie('estimate_verbs')})\s+(?:its|their|his|her|an|a)\s+"
    r"(?:own\s+|official\s+|initial\s+|earlier\s+|latest\s+|previous\s+|new\s+)?(?:"
    + trie("attribution_owners")
    + r"))\b",
    re.I,
)
# what every _REVISES_RE match holds, found fast
_MOVES_OWN_RE = re.compile(rf"\b(?:{trie('estimate_verbs')})\s+(?:its|their|his|her|an|a)\s", re.I)
# "The police estimate of 38,000", "A UN tally put the displaced at 9,400": a party's
# figure, named before the figure (written after it, "the organisers' figure" may be
# another party's)
_ADJUNCT_RE = re.compile(
    r"\b(?:the|a|an)\s+(?P<who>[\w.'’-]+(?:\s+[\w.'’-]+){0,2}?)\s+"
    r"(?:own\s+|official\s+|latest\s+)?(?:" + trie("attribution_owners") + r")\b",
    re.I,
)
_OWNER_WORD_RE = re.compile(r"\b(?:" + trie("attribution_owners") + r")\b", re.I)
# words before "figure", "estimate" or "count" that say which one, not whose
_NOT_OWNERS = frozenset(
    "official final initial latest new earlier previous first own revised provisional "
    "preliminary overall total daily weekly updated unofficial".split()
)
# "At 7 a.m. officials said ...": an hour that opens the clause, with no comma after it
_FRONTED_HOUR_RE = re.compile(
    r"\s*(?:at|by|until|around|before|after)\s+\d{1,2}(?:[:.]\d{2})?\s*"
    r"(?:[ap]\.?m\.?|o'clock|GMT|BST|UTC)?\s+(?=[A-Za-z])",
    re.I,
)
# the weekdays and months written in full, lower case (not "jan", which names people too)
CALENDAR = frozenset(LEX["weekdays"]) | frozenset(
    m for m in LEX["months"] if not any(o != m and o.startswith(m) for o in LEX["months"])
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
    pronoun: str | None = None  # "she said": the party an earlier sentence names
    antecedent: bool = False  # "..., which had put": its speaker is the clause before's


# hot-path patterns, compiled once
_RELATIVE_WORD_RE = re.compile(r"\b(?:that|which|who|whom|where)\s+")
_POSSESSIVE_END_RE = re.compile(r"(?:['’]s|['’])$")


_PARENTHETICAL_RE = re.compile(r",\s+(?:who|which|whose|citing|quoting)\b[^,;]*,|\([^()]*\)")


def parentheticals(sent: str) -> list[tuple[int, int]]:
    """Spans of the asides of a sentence (", who ...,", "(...)"), no figure's words: searched
    only when it holds a bracket or one of their words (the pattern ignores no case)."""
    # every match without a bracket holds one of its words ("whose" holds "who")
    if not (
        "(" in sent or "who" in sent or "which" in sent or "citing" in sent or "quoting" in sent
    ):
        return []
    return [m.span() for m in _PARENTHETICAL_RE.finditer(sent)]


def within(figures: Sequence, starts: list[int], start: int, end: int) -> list:
    """The figures (sorted, starts their start offsets) that start in [start, end)."""
    return list(figures[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)])


def _clean_speaker(words: str) -> str | None:
    who = _trimmed(words)
    if who is None or who.lower() in PRONOUNS:
        return None
    return _final(who)


def _trimmed(who: str) -> str | None:
    """The words of a speaker without what only says when it spoke, or None."""
    who = " ".join(who.split())
    if _SUBORDINATE_RE.match(who):
        return None  # "a day after the government (put it at)": says when, no speaker
    lead = earlier_time.LEADING_RE.match(who)  # "a day earlier they", "The previous day('s)"
    who = who[lead.end() :] if lead else who
    data = _DATA_RE.match(who)
    if data:  # "figures released on Tuesday" names nobody; "data from the ministry" does
        who = data.group("who") or data.group("by") or ""
    # "rains that officials said ...": the speaker is after the relative word
    who = _RELATIVE_WORD_RE.split(who)[-1]
    if _DANGLING_RE.search(who):
        return None  # "The number of (reported cases)": not a speaker
    who = _AUXILIARY_END_RE.sub("", who)  # "the police are (saying)"
    who = _POSSESSIVE_END_RE.sub("", who)  # "the organisers' (estimate)"
    who = _SPEAKER_TRIM_RE.sub("", who).strip(" ,")
    if " " in who and "," not in who:  # "Earlier the ministry", "Police first"
        who = _SPEAKER_WHEN_RE.sub("", who).strip(" ,")
    owned = _OWNED_RE.match(who)
    if owned and is_party(owned.group("who")):
        who = owned.group("who")  # "A UN tally" is the UN's; "the death toll" stays
    return who or None


_PARTY_NOUNS = frozenset(w for words in LEX["party_nouns"].values() for w in words)


def is_party(words: str) -> bool:
    """Whether words can name who gives a figure: a name ("UN", "Red Cross") or a party
    noun ("police", "the interior ministry"), never "death" of "the death toll"."""
    tokens = words.split()
    if not tokens or _DANGLING_RE.search(words):
        return False
    last = tokens[-1].lower().rstrip(".")
    if last in CALENDAR:
        return False  # "the Monday figure", "the March count"
    return last in _PARTY_NOUNS or last.rstrip("s") in _PARTY_NOUNS or tokens[-1][:1].isupper()


def pronoun_of(who: str) -> str | None:
    """The pronoun a speaker is ("She", "by Wednesday it"), lower case, or None."""
    trimmed = _trimmed(who)
    return trimmed.lower() if trimmed and trimmed.lower() in PRONOUNS else None


def _final(who: str) -> str | None:
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
    for k, c in enumerate(clauses):
        has_verb = bisect.bisect_left(verbs, c.start) < bisect.bisect_left(verbs, c.end)
        _find_speaker(work, c, within(figures, starts, c.start, c.end), has_verb)
        if c.antecedent and k:
            _antecedent(work, c, clauses[k - 1])
    return clauses


def _antecedent(work: str, c: Clause, before: Clause) -> None:
    """ "The ministry, which had put the toll at 212": the relative clause's speaker is
    the party the clause before ends with, when that clause is a party's name alone."""
    who = _clean_speaker(work[before.start : before.end].strip(" ,"))
    if who and is_party(who) and len(who.split()) <= 6:
        c.speaker = who


def _find_speaker(work: str, c: Clause, figures: list[tuple[int, int]], has_verb: bool) -> None:
    """The clause's own speaker: "X said N" first (the figure's owner, even when the
    sentence then names who reported it), then the figure's owner before it ("the police
    estimate of"), "according to X", "said X", "X's estimate", then a trailing ", X said"
    (or one set off by commas before the figure)."""
    body = work[c.start : c.end]
    first = figures[0][0] - c.start if figures else len(body)
    opener = OPENER_RE.match(body) if c.opener else None
    start = opener.end() if opener else 0
    fronted = FRONTED_RE.match(body, start) or _FRONTED_HOUR_RE.match(body, start)
    if fronted and fronted.end() <= first:
        start = fronted.end()
    tried = worth_trying(body, has_verb)
    if _LEADING_RE in tried and _leading(body, start, first, c):
        return
    if _owns_before(body, start, first, c) or _named(body, tried, c):
        return
    if _TRAILING_RE in tried:
        _trailing(body, first, c)


def _leading(body: str, start: int, first: int, c: Clause) -> bool:
    """ "X said N", "N was estimated by X", "she said N": set on c; whether it decides."""
    m = _LEADING_RE.match(body, start)
    if m is None or m.end() > first:
        return False
    who = m.group("who")
    passive = not m.group("verb").lower().endswith("ing")  # "are saying" is active
    if passive and _PASSIVE_RE.search(who):
        by = _BY_RE.search(body, first)
        if by and _clean_speaker(by.group("who")):
            c.speaker, c.by_span = _clean_speaker(by.group("who")), (c.start + by.start(), c.end)
        return True
    if m.group("verb").lower().startswith("claim") and _CLAIMED_LIVES_RE.match(body, m.end()):
        return False  # "the floods have claimed 12 lives": nobody speaks
    if _NOUN_VERB_RE.match(body, m.end()):
        return False  # "Jobless claims rose by 12,000": "claims" is the subject
    if c.opener in _RELATIVE_OPENERS and _AUXILIARIES_RE.fullmatch(who):
        c.antecedent, c.speaker_end = True, c.start + m.end()  # "which had put ... at"
        return True
    if _clean_speaker(who):
        c.speaker, c.speaker_end = _clean_speaker(who), c.start + m.end()
        return True
    if pronoun_of(who):
        c.pronoun, c.speaker_end = pronoun_of(who), c.start + m.end()
        return True
    return False


def _named(body: str, tried: list[re.Pattern], c: Clause) -> bool:
    """ "according to X", "said X", "X's estimate" anywhere in the clause: set on c."""
    for regex, trailing in ((_ACCORDING_RE, False), (_INVERTED_RE, True), (OWNER_RE, False)):
        if regex not in tried:
            continue
        m = regex.search(body)
        who = _owner(m) if m and regex is OWNER_RE else m.group("who") if m else ""
        if m and _clean_speaker(who):
            c.speaker, c.trailing = _clean_speaker(who), trailing
            return True
    return False


def _trailing(body: str, first: int, c: Clause) -> None:
    """ ", X said." after the figure, or set off by commas before it ("The damage, he said,
    ran to"): set on c."""
    for m in _TRAILING_RE.finditer(body):
        if m.start() < first and not body.startswith(",", m.end()):
            continue
        if _clean_speaker(m.group("who")):
            c.speaker, c.trailing = _clean_speaker(m.group("who")), True
            return
        if pronoun_of(m.group("who")):
            c.pronoun, c.trailing = pronoun_of(m.group("who")), True  # ", she said."
            return


def _owns_before(body: str, start: int, first: int, c: Clause) -> bool:
    """A party named as the owner of the figure before it: "The ministry raised its count
    of the dead to 610", "The police estimate of 38,000"; set on c when found."""
    if _MOVES_OWN_RE.search(body, start, first):
        m = _REVISES_RE.match(body, start)
        if m and m.end() <= first and _clean_speaker(m.group("who")):
            c.speaker, c.speaker_end = _clean_speaker(m.group("who")), c.start + m.start("verb")
            return True
    if not _OWNER_WORD_RE.search(body, start, first):
        return False
    for m in _ADJUNCT_RE.finditer(body, start, first):
        if m.group("who").lower() in _NOT_OWNERS:
            continue  # "the official figure", "the final count"
        if is_party(m.group("who")) and _clean_speaker(m.group("who")):
            c.speaker = _clean_speaker(m.group("who"))
            return True
    return False


_DETERMINER_RE = re.compile(r"\b(?:the|its|their|a|an)\s", re.I)


def _from_last_determiner(who: str) -> str:
    """who from its last determiner on ("with the organisers" is "the organisers")."""
    det = list(_DETERMINER_RE.finditer(who))
    return who[det[-1].start() :] if det else who


def _owner(m: re.Match) -> str:
    """The owner of "the organisers' estimate": from its last determiner on ("did not
    quarrel with the organisers' estimate" is the organisers'), plural when written so."""
    who = _from_last_determiner(m.group("who"))
    apostrophe = m.group(0)[len(m.group("who")) :]
    return who + "s" if apostrophe[:1] == "s" else who


def attribution_spans(work: str, has_verb: bool) -> list[tuple[int, int]]:
    """Where the sentence says who speaks: not part of any figure's frame."""
    spans: list[tuple[int, int]] = []
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


def pronoun_of_clause(clause: Clause, before: Clause | None, final: Clause | None) -> str | None:
    """A clause's pronoun speaker ("she said"), found as `speaker_of` finds a speaker."""
    if clause.pronoun is not None:
        return clause.pronoun
    if before is not None and clause.opener.startswith(_CONTINUES):
        return before.pronoun
    if final is not None and final.start >= clause.start:
        return final.pronoun
    return None


# a qualifier between an owner's words and its figure ("the police estimate of about 38,000")
_LEAD_QUAL = r"(?:(?:about|around|some|roughly|nearly|almost|over|more\s+than|at\s+least)\s+)?"
# "... than the organisers' count of 120,000": the owner named right before a figure gives
# that figure, whoever gives the clause's others
_OWNER_JUST_BEFORE_RE = re.compile(
    r"(?:(?P<poss>(?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?)(?:['’]s|s['’])|"
    r"\b(?:the|a|an)\s+(?P<adj>[\w.'’-]+(?:\s+[\w.'’-]+){0,2}?))\s+(?:own\s+)?(?:"
    + trie("attribution_owners")
    + r")\s+(?:of|at|was|is|stood\s+at)\s+"
    + _LEAD_QUAL
    + r"$",
    re.I,
)


# "... which police put at 18,000 and organisers at 60,000": the second party's figure
_GAPPED_RE = re.compile(
    r"\b(?:and|while|but|whereas)\s+(?P<who>(?:the\s+)?[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)"
    r"{0,2}?)\s+(?:at|put\s+it\s+at)\s+" + _LEAD_QUAL + r"$",
    re.I,
)


_OWNER_LAST_WORDS = frozenset(
    "of at was is about around some roughly nearly almost over than least".split()
)


def owner_just_before(before: str) -> str | None:
    """The party whose figure the words right before a figure say it is, or None."""
    tail = before[-12:].split()
    if not tail or tail[-1].lower() not in _OWNER_LAST_WORDS:
        return None  # every match ends in one of these words
    gapped = _GAPPED_RE.search(before) if before.rstrip().endswith("at") else None
    if gapped and is_party(gapped.group("who")):
        return _clean_speaker(gapped.group("who"))
    if "'" not in before and "’" not in before and not _OWNED_TAIL_RE.search(before):
        return None
    m = _OWNER_JUST_BEFORE_RE.search(before)
    if m is None:
        return None
    who = m.group("poss") or m.group("adj")
    plural = bool(m.group("poss")) and m.group(0)[len(who) :].startswith("s")
    who = _from_last_determiner(who)  # "than the organisers' count": the organisers'
    if who.lower() in _NOT_OWNERS or not is_party(who):
        return None
    return _clean_speaker(who + ("s" if plural else ""))


_OWNED_TAIL_RE = re.compile(r"\b(?:" + trie("attribution_owners") + r")\s+\w+\s+\S*$", re.I)

# where an agent's words end: punctuation, or a word that starts what follows it
_AGENT_END = (
    r"(?=\s*(?:[,;.)]|$|\s(?:and|but|while|whereas|on|in|at|late|early|last|this|after|"
    r"before|during|as|when|overnight|yesterday|today|for|with|from|who|which|amid)\b))"
)
_GIVER = r"[A-Za-z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,3}?"
_GIVER_VERBS = alternation(list(LEX["giver_verbs_after"]))
GIVEN_BY = alternation(sorted(set(LEX["giver_verbs_after"].values())))
# "the 90,000 (that) the organisers claimed", "90,000 (marchers) claimed by organisers"
_GIVER_AFTER_RE = re.compile(
    rf"\s*(?:(?:that|which)\s+(?:the\s+)?|the\s+)(?P<who>{_GIVER})\s+(?:had\s+|have\s+|has\s+)?"
    rf"(?:{_GIVER_VERBS})\b|"
    rf"\s*(?:[a-z]+\s+)?(?:{GIVEN_BY})\s+by\s+(?:the\s+)?(?P<by>{_GIVER})" + _AGENT_END,
    re.I,
)


# "The crowd was put at 4,000 by the mayor and at 9,000 by the union": in a passive
# clause, the agent right after each figure gives it
_AGENT_AFTER_RE = re.compile(
    rf"\s*by\s+(?:the\s+)?(?P<by>{_GIVER})" + _AGENT_END,
    re.I,
)


def giver_just_after(after: str, passive: bool = False) -> str | None:
    """The party the words right after a figure say gives it ("the 90,000 the organisers
    claimed", and in a passive clause "at 4,000 by the mayor"), or None; only a party
    noun or a name, never the figure's own noun."""
    m = _GIVER_AFTER_RE.match(after) or (_AGENT_AFTER_RE.match(after) if passive else None)
    if m is None:
        return None
    who = m.groupdict().get("who") or m.group("by")
    if not who or not is_party(who):
        return None
    return _clean_speaker(who)
