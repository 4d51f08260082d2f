"""What a figure is about, the role it plays and who gives it, read in its own clause.

Pure functions over a document's text, its sentence spans and the claims the
extractor found. A sentence is cut into clauses (at ";", dashes and a comma
before "while", "but", "up from", "including"...), each clause's figures share
out its words, and each figure gets:

- `about`: the content words that belong to it and no other figure: its counted
  noun, the subject it is the predicate of ("the death toll rose to 38,000"),
  what it pays for ("for schools"), its place; "dead" when a toll or casualty
  word names what it counts. In "41 of the 237 passengers were rescued" the
  verb belongs to 41; in "$800 million for schools and $410 million for public
  safety" each sum keeps its own purpose.
- `role`: value, previous ("up from X", the X of "from X to Y"), change ("rose
  by X", "X more than"), projection ("could reach X"), or limit ("a capacity
  of X", "the $3 billion target").
- `speaker`: the party its clause attributes it to ("police said", "according
  to organisers", "X said A, while police put it at B" gives B to police), or
  None: an unknown speaker is better than a wrong one.

`annotate` also sets each figure's time (factcheck/figure_time.py). The word
lists live in factcheck/vocab/lexicon.yaml.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.model import Claim

from ..vocab.lexicon import LEX
from ..vocab.tries import alternation
from .figure_time import DateMention, figure_times


def _words(key: str) -> str:
    """The trie of a word list of the lexicon: its phrases' words joined by any space."""
    return alternation(LEX[key])


_QUAL_WORDS = (
    "about", "around", "some", "roughly", "nearly", "almost", "approximately", "an estimated",
    "more than", "over", "at least", "up to", "as many as", "only", "just",
)  # fmt: skip
_QUAL = r"(?:(?:" + "|".join(q.replace(" ", r"\s+") for q in _QUAL_WORDS) + r")\s+)?"
_CLAUSE_RE = re.compile(
    r";|:\s|\s[—–-]\s|,\s+(?=(?:" + _words("clause_openers") + r")\b)", re.IGNORECASE
)
_OPENER_RE = re.compile(r"\s*(?:" + _words("clause_openers") + r")\b\s*", re.IGNORECASE)
_PARENTHETICAL_RE = re.compile(r",\s+(?:who|which|whose|citing|quoting)\b[^,;]*,|\([^()]*\)")
_FRONTED_RE = re.compile(r"\s*(?:" + _words("fronted_openers") + r")\b[^,;]*,\s*", re.I)
_VERBS = _words("attribution_verbs")
_ANY_VERB_RE = re.compile(rf"\b(?:{_VERBS})\b", re.I)
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
_OWNER_TAIL = r"(?:['’]s|s['’])\s+(?:own\s+)?(?:" + _words("attribution_owners") + r")\b"
_OWNER_RE = re.compile(
    r"(?P<who>(?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}?)" + _OWNER_TAIL, re.I
)
# what every _OWNER_RE match holds, found fast (it starts with an apostrophe or an s): a
# text without it needs no search for an owner, which tries every word as one
_OWNER_TAIL_RE = re.compile(_OWNER_TAIL, re.I)
# "the floods claimed at least five lives": a verb that takes lives, not a speaker's
_CLAIMED_LIVES_RE = re.compile(r"[^;]{0,60}?\b(?:" + _words("claimed_objects") + r")\b", re.I)
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
_PARTITIVE_RE = re.compile(
    r"^\s*of\s+(?:the|its|their|these|those|all)?\s*(?:[A-Za-z-]+['’]s\s+)?$", re.I
)
_CONNECTOR_RE = re.compile(
    r"\b"
    + alternation(
        "and or but while to than from with including plus against".split()
        + ["out of", "of whom", "of which"]
    )
    + r"\b",
    re.I,
)
# "38 of the ferry's" read as one claim: a part of the figure that follows
_PARTITIVE_TEXT_RE = re.compile(
    r"\s+of\s+(?:the|its|their|these|those)?\s*(?:[A-Za-z-]+['’]s)?\s*$", re.I
)
_NOUN_OF_RE = re.compile(r"\b([a-z]{3,})\s+of\s+(?:the\s+|its\s+|a\s+|their\s+)?$", re.I)
_RANGE_LINK_RE = re.compile(r"^\s*(?:to|and|or|-|–)\s*$", re.I)
_COMPARISONS = ("twice", "half", "times", "than", "thrice", "double", "triple", "as much as")
_COMPARISON_RE = re.compile(
    r"\b(?:" + "|".join(c.replace(" ", r"\s+") for c in _COMPARISONS) + r")\s+(?:the\s+)?$",
    re.I,
)
# the last words of _COMPARISON_RE's matches
_COMPARISON_ENDS = (*{c.split()[-1] for c in _COMPARISONS}, "the")


def _compares(before: str) -> bool:
    """Whether the text before a figure ends in a comparison ("twice the", "more than"):
    searched only when its last word can end one."""
    end = before.rstrip().lower()
    return end.endswith(_COMPARISON_ENDS) and bool(_COMPARISON_RE.search(before))


_PREVIOUS_RE = re.compile(
    r"\b(?:(?:"
    + _words("previous_before")
    + r")|(?:"
    + _words("previous_adjectives")
    + r")\s+(?:"
    + _words("previous_nouns")
    + rf")\s+of)\s+{_QUAL}$",
    re.I,
)
_FROM_RE = re.compile(rf"\bfrom\s+{_QUAL}$", re.I)
_UP_FROM_RE = re.compile(rf"\b(?:up|down)\s+(?:[\w,.]+\s+){{1,2}}from\s+{_QUAL}$", re.I)
# "two more bodies", "500 additional troops": the figure is an increment
_MORE_WORDS = "more|additional|extra|further"
_MORE_WITHIN_RE = re.compile(rf"^\S+(?:\s+\S+)*?\s+(?:{_MORE_WORDS})\b(?!\s+than)")
# what every _MORE_WITHIN_RE match holds: a figure without it needs no match
_MORE_WORD_RE = re.compile(_MORE_WORDS)
_TO_NEXT_RE = re.compile(r"^\s*to\b", re.I)
_CHANGE_RE = re.compile(
    r"(?:\b(?:"
    + _words("change_verbs")
    + r")\s+by|\b(?:"
    + _words("change_nouns")
    + rf")\s+of|\banother)\s+{_QUAL}$",
    re.I,
)
# "The toll rose to 17 as three of the injured died": the second figure is what was added
_RISE_TO_RE = re.compile(r"\b(?:" + _words("change_verbs") + r")\s+(?:to|past)\s+", re.I)
_BECAUSE_RE = re.compile(r"\b(?:as|after|when|because)\b", re.I)
_CHANGE_AFTER_RE = re.compile(r"^\s*(?:" + _words("change_after") + r")\b", re.I)
# case-sensitive: "could reach", but not "in May 2,000"; never "could not confirm"
_PROJECTION_RE = re.compile(
    r"\b(?:" + _words("projection_before") + rf")\b(?:\s+(?!not\b)[a-z]+){{0,3}}\s+{_QUAL}$"
)
_LIMIT_RE = re.compile(r"\b(?:" + _words("limit_before") + rf")\s+{_QUAL}$", re.I)
# the last word of every text that _PREVIOUS_RE, _FROM_RE, _UP_FROM_RE, _CHANGE_RE or
# _LIMIT_RE can match: words before a figure that end in none of them need no search
_CUE_ENDS = tuple(
    sorted(
        {p.split()[-1].lower() for p in (*_QUAL_WORDS, *LEX["previous_before"])}
        | {p.split()[-1].lower() for p in LEX["limit_before"]}
        | {"of", "from", "by", "another"}
    )
)
_LIMIT_AFTER_RE = re.compile(
    r"^\s*(?:(?:"
    + _words("limit_after")
    + r")\b|(?:[a-z]+\s+){0,4}?(?:"
    + _words("limit_after_near")
    + r")\b)",
    re.I,
)
_VERBISH_RE = re.compile(
    r"\b(?:were|was|is|are|have|has|had|will|would|could|can|may|did|do|does|"
    r"[a-z]{3,}ed)\b",
    re.I,
)
# a word of two letters or more (with its inner hyphens and apostrophes)
_CONTENT_WORD_RE = re.compile(r"[a-z][a-z'’-]*[a-z]")
_POSSESSIVE_RE = re.compile(r"(?<=[a-z])['’]s?\b")
_STOP = frozenset(LEX["stopwords"])
_CASUALTY = frozenset(w for w in LEX["casualty_words"] if " " not in w)
_NEW_TOTAL = ("bringing", "taking", "pushing", "raising", "lifting")
_SAME_QUANTITY = ("up from", "down from", "compared with", "compared to")
_ELLIPTICAL = ("while", "but", "whereas", "although", "though", "and", "")
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


@dataclass(frozen=True)
class Frame:
    """What one figure is about, the role it plays, and who gives it."""

    about: str = ""
    role: str = "value"
    speaker: str | None = None


@dataclass
class _Clause:
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


def _mask(text: str, spans: Sequence[tuple[int, int]], keep: Sequence[tuple[int, int]]) -> str:
    """text with each span blanked out, unless it holds the start of one of keep (sorted)."""
    if not spans:
        return text
    starts = [k for k, _ in keep]
    blank = []
    for s, e in spans:
        i = bisect.bisect_left(starts, s)
        if not (i < len(starts) and starts[i] < e):
            blank.append((s, e))
    if any(not 0 <= s <= e <= len(text) for s, e in blank):
        return _mask_chars(text, blank)
    blank.sort()
    out, pos = [], 0
    for s, e in blank:  # sorted: copy what lies between, blank the rest
        if e <= pos:
            continue
        s = max(s, pos)
        out.append(text[pos:s])
        out.append(" " * (e - s))
        pos = e
    out.append(text[pos:])
    return "".join(out)


def _mask_chars(text: str, spans: list[tuple[int, int]]) -> str:
    """_mask for spans that reach outside text or end before they start, as slice
    assignment treats them."""
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def _within(figures: Sequence[tuple], starts: list[int], start: int, end: int) -> list:
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


def _clauses(work: str, figures: Sequence[tuple[int, int]], verbs: list[int]) -> list[_Clause]:
    """The clauses of a (masked) sentence, each with its own speaker when it names one;
    verbs: where the sentence's attribution verbs start."""
    cuts = [(m.start(), m.end()) for m in _CLAUSE_RE.finditer(work)]
    bounds = [0, *[e for _, e in cuts]]
    ends = [s for s, _ in cuts] + [len(work)]
    clauses = []
    for s, e in zip(bounds, ends, strict=True):
        m = _OPENER_RE.match(work, s)
        opener = " ".join(m.group(0).lower().split()) if m and s else ""
        clauses.append(_Clause(s, e, opener))
    starts = [f[0] for f in figures]
    for c in clauses:
        has_verb = bisect.bisect_left(verbs, c.start) < bisect.bisect_left(verbs, c.end)
        _find_speaker(work, c, _within(figures, starts, c.start, c.end), has_verb)
    return clauses


def _find_speaker(work: str, c: _Clause, figures: list[tuple[int, int]], has_verb: bool) -> None:
    """The clause's own speaker: "X said N" first (the figure's owner, even when the
    sentence then names who reported it), then "according to X", "said X", "X's
    estimate", then a trailing ", X said"."""
    body = work[c.start : c.end]
    first = figures[0][0] - c.start if figures else len(body)
    opener = _OPENER_RE.match(body) if c.opener else None
    start = opener.end() if opener else 0
    fronted = _FRONTED_RE.match(body, start)
    if fronted and fronted.end() <= first:
        start = fronted.end()
    tried = _worth_trying(body, has_verb)
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
    for regex, trailing in ((_ACCORDING_RE, False), (_INVERTED_RE, True), (_OWNER_RE, False)):
        if regex not in tried:
            continue
        m = regex.search(body)
        who = _owner(m) if m and regex is _OWNER_RE else m.group("who") if m else ""
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


def _attribution_spans(work: str, has_verb: bool) -> list[tuple[int, int]]:
    """Where the sentence says who speaks: not part of any figure's frame."""
    spans = []
    for regex in _worth_trying(work, has_verb):
        if regex is not _OWNER_RE and regex is not _LEADING_RE:
            spans.extend(m.span() for m in regex.finditer(work))
    return spans


def _worth_trying(text: str, has_verb: bool) -> list[re.Pattern]:
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
        need.append(_OWNER_RE)
    if has_verb:
        need.append(_LEADING_RE)
        if "," in text:
            need.append(_TRAILING_RE)
    return need


def _content(text: str) -> list[str]:
    """The words of text that say what it is about: lowercase, "the town's" as the town, no
    stopword and no single letter."""
    low = text.lower()
    if "'" in low or "’" in low:
        low = _POSSESSIVE_RE.sub("", low)
    return [w for w in _CONTENT_WORD_RE.findall(low) if w not in _STOP]


def _role(pre: str, post: str, next_between: str | None, own: str = "", before: str = "") -> str:
    """The role a figure plays from the words just before and after it in its clause."""
    pre, post, before = pre[-80:], post[:60], before[-120:]  # the cues sit next to the figure
    if _MORE_WORD_RE.search(own) and _MORE_WITHIN_RE.match(own):
        return "change"
    cued = pre.rstrip().lower().endswith(_CUE_ENDS)
    if cued and (_PREVIOUS_RE.search(pre) or _UP_FROM_RE.search(pre)):
        return "previous"
    if (
        cued
        and _FROM_RE.search(pre)
        and (
            (next_between is not None and _TO_NEXT_RE.match(next_between))
            or _RISE_TO_RE.search(before)
        )
    ):
        return "previous"  # "from 5,000 to 1,200", "rose to $3 billion from $2.4 billion"
    if (cued and _CHANGE_RE.search(pre)) or _CHANGE_AFTER_RE.match(post):
        return "change"
    if _PROJECTION_RE.search(pre):
        return "projection"
    if (cued and _LIMIT_RE.search(pre)) or _LIMIT_AFTER_RE.match(post):
        return "limit"
    return "value"


def _about(words: list[str], own: str) -> str:
    """The about text: the figure's own words (its noun or unit), then its clause's words."""
    out: list[str] = []
    for w in [*_content(own), *words]:
        if w not in out:
            out.append(w)
    if any(w in _CASUALTY for w in out) and "dead" not in out:
        out.append("dead")
    return " ".join(out)


def _split_between(between: str) -> tuple[str, str, bool, bool]:
    """(words of the figure before, words of the figure after, partitive, range link)."""
    if _PARTITIVE_RE.match(between):
        return "", "", True, False
    if _RANGE_LINK_RE.match(between):
        return "", "", False, True
    last = None
    for m in _CONNECTOR_RE.finditer(between):
        last = m
    if last is None:
        # "killed 3,000 people, also destroyed 40,000 homes": after the comma, the next
        # figure's own predicate
        comma = between.rfind(",")
        return (
            (between[:comma], between[comma + 1 :], False, False)
            if comma >= 0
            else (
                between,
                "",
                False,
                False,
            )
        )
    return between[: last.start()], between[last.end() :], False, False


def _body_start(work: str, clause: _Clause, first_figure: int) -> int:
    """Where a clause's own words begin: after its opener, a fronted phrase and its speaker."""
    body_start = clause.start
    m = _OPENER_RE.match(work, clause.start) if clause.opener else None
    if m:
        body_start = m.end()
    fronted = _FRONTED_RE.match(work, body_start)
    if fronted and fronted.end() <= first_figure:
        body_start = fronted.end()
    return max(body_start, clause.speaker_end)


def _clause_parts(
    work: str, clause: _Clause, figs: list[tuple[int, int, str | None]], sent: str
) -> tuple[list[str], list[str], list[str], list[str | None]]:
    """Each figure's words before and after it, the raw text before it, and what follows it."""
    n = len(figs)
    pre, post = [""] * n, [""] * n
    # the clause's words before its first figure; before each later one, what lies between
    # the two (set below): never the clause up to each figure, which is quadratic in figures
    raw_pre = [work[clause.start : figs[0][0]]] + [""] * (n - 1)
    nxt: list[str | None] = [None] * n
    pre[0] = work[_body_start(work, clause, figs[0][0]) : figs[0][0]]
    partitive = [False] * n
    for i in range(1, n):
        between = work[figs[i - 1][1] : figs[i][0]]
        nxt[i - 1] = raw_pre[i] = between
        before, after, part, link = _split_between(between)
        post[i - 1], pre[i] = before, after
        of = _NOUN_OF_RE.search(between)
        if of and not pre[i].strip():
            pre[i] = of.group(1)  # "5% of its workforce of 60,000": 60,000 is the workforce
        if part or (
            not between.strip()
            and _PARTITIVE_TEXT_RE.search(sent[max(0, figs[i - 1][1] - 200) : figs[i - 1][1]])
        ):
            partitive[i - 1] = True
            pre[i] = ""
        if link:
            pre[i] = pre[i - 1]
    post[-1] = work[figs[-1][1] : clause.end]
    for i in range(n - 1, -1, -1):
        if i + 1 < n and partitive[i]:
            # "41 of the 237 passengers were rescued": the verb is 41's, not 237's
            tail = post[i + 1]
            v = _VERBISH_RE.search(tail)
            post[i] = f"{figs[i + 1][2]} {tail}"
            post[i + 1] = tail[: v.start()] if v else tail
        if _compares(raw_pre[i]):
            pre[i] = ""  # "twice the £320 million": the base of a comparison has no subject
    return pre, post, raw_pre, nxt


def _clause_frames(
    work: str, clause: _Clause, figs: list[tuple[int, int, str | None]], sent: str
) -> list:
    """[(about words, the figure's own text, role)] of the figures of one clause, in order."""
    start, n = clause.start, len(figs)
    pre, post, raw_pre, nxt = _clause_parts(work, clause, figs, sent)
    out = []
    for i, (_, _, own) in enumerate(figs):
        if i + 1 < n and _RANGE_LINK_RE.match(nxt[i] or "x"):
            post[i] = post[i] + " " + post[i + 1]  # "from 5,000 to 1,200 barrels a day"
        # _role reads the last 120 characters before the figure: no longer a slice
        before = work[max(start, figs[i][0] - 120) : figs[i][0]]
        role = _role(raw_pre[i], post[i], nxt[i], own, before)
        if role == "value" and i and _BECAUSE_RE.search(raw_pre[i]):
            if _RISE_TO_RE.search(work[max(start, figs[i - 1][0] - 30) : figs[i - 1][0]] + " "):
                role = "change"
        words = _content(pre[i]) + _content(post[i])
        if role in ("previous", "change") and not words and out:
            words = out[-1][0]  # "rose to $3 billion from $2.4 billion": the same quantity
        out.append((words, own, role))
    return out


def _speaker_of(clause: _Clause, before: _Clause | None, final: _Clause | None) -> str | None:
    """A clause's speaker: its own, else the one it continues, else a sentence-final one."""
    if clause.speaker is not None:
        return clause.speaker
    if before is not None and clause.opener.startswith(_CONTINUES):
        return before.speaker
    if final is not None and final.start >= clause.start:
        return final.speaker
    return None


def _borrowed(
    words: list[str],
    own: str,
    role: str,
    clause: _Clause,
    previous: tuple[list[str], str] | None,
    antecedent: list[str],
) -> list[str]:
    """A figure's words with what it shares with the clause before it."""
    if previous is None:
        return antecedent + words if clause.opener in ("which", "who") else words
    before, before_own = previous[0], _content(previous[1])
    if role in ("previous", "change") and clause.opener in _SAME_QUANTITY:
        return before + before_own + words  # "..., up from 1,310": the same quantity
    if clause.opener in _NEW_TOTAL:
        return words + before + before_own  # "two more bodies, bringing the total to 16"
    if clause.opener in ("of whom", "of which"):
        return words + before_own
    if clause.opener in ("which", "who"):
        return antecedent + words  # "The new bridge, which cost £640 million"
    if not _content(own) and not words and clause.opener in _ELLIPTICAL:
        return before + before_own  # "Organisers said 310,000, while police put it at 62,000"
    return words


def sentence_frames(
    text: str,
    sentence: tuple[int, int],
    figures: Sequence[tuple[int, int, str]],
    dates: Sequence[tuple[int, int]] = (),
) -> list[Frame]:
    """The frame of each figure (start, end, its own text) of one sentence, in order.

    dates: spans of the sentence's calendar dates, which are no figure's words.
    """
    s0, e0 = sentence
    sent = _mask(text[s0:e0], [(a - s0, b - s0) for a, b in dates if s0 <= a < e0], [])
    figs = sorted((a - s0, b - s0, own) for a, b, own in figures)
    spans = [(a, b) for a, b, _ in figs]
    work = _mask(sent, [m.span() for m in _PARENTHETICAL_RE.finditer(sent)], spans)
    verbs = [m.start() for m in _ANY_VERB_RE.finditer(work)]
    clauses = _clauses(work, spans, verbs)
    passive = [c.by_span for c in clauses if c.by_span]
    # attributions and the figures themselves are no figure's neighbouring words
    attributions = _attribution_spans(work, bool(verbs))
    masked = _mask(_mask(work, attributions + passive, spans), spans, [])
    frames: dict[tuple[int, int], Frame] = {}
    previous: tuple[list[str], str] | None = None
    before: _Clause | None = None
    final = next((c for c in reversed(clauses) if c.trailing), None)
    starts = [a for a, _, _ in figs]
    for clause in clauses:
        speaker = _speaker_of(clause, before, final)
        clause.speaker = speaker
        own = _within(figs, starts, clause.start, clause.end)
        if own:
            antecedent = _content(masked[before.start : before.end])[-3:] if before else []
            results = _clause_frames(masked, clause, own, sent)
            for (a, b, _), (words, text_own, role) in zip(own, results, strict=True):
                words = _borrowed(words, text_own, role, clause, previous, antecedent)
                frames[(a, b)] = Frame(_about(words, text_own), role, speaker)
            previous = (results[-1][0], own[-1][2])
        before = clause
    return [frames[(a, b)] for a, b, _ in figs]


def annotate(
    text: str, claims: list[Claim], sentences: Sequence[tuple[int, int]], published: str | None
) -> list[Claim]:
    """The claims with what each figure is about, its role, its speaker and its time.

    The claims are the ones the extractor has just made for this text: their fields are
    filled in where they are, not copied (one more claim object per figure)."""
    dates = sorted(
        (DateMention(c.start, c.end, c.time) for c in claims if c.kind == "date" and c.time),
        key=lambda d: d.start,
    )
    date_starts = [d.start for d in dates]
    starts = [s for s, _ in sentences]
    groups: dict[int, list[Claim]] = {}
    for c in claims:
        if c.kind != "date":
            k = max(bisect.bisect_right(starts, c.start) - 1, 0)
            groups.setdefault(k, []).append(c)
    for k, group in groups.items():
        sentence = sentences[k] if sentences else (0, len(text))
        mine = _within(dates, date_starts, *sentence)
        frames = sentence_frames(
            text,
            sentence,
            # a figure's own words: its counted noun or unit ("1,150 people", "11,000 acres")
            [(c.start, c.end, c.text) for c in group],
            [(d.start, d.end) for d in mine],
        )
        spans = [(c.start, c.end) for c in group]
        times = figure_times(text, sentence, spans, mine, published)
        for c, f, (time, source) in zip(group, frames, times, strict=True):
            # a frozen dataclass set without its __setattr__, as make_claim builds it
            c.__dict__.update(
                about=f.about, role=f.role, speaker=f.speaker, time=time, time_source=source
            )
    return claims
