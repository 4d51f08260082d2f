"""Figures dated a span before the sentence's own time: "up from 1,850 the year before".

A phrase of an earlier time ("a year earlier", "the previous week", "two days before",
"the year before") dates the figure right before it ("from 980 million a year
earlier") or, fronted, the figures of its clause after it ("A day earlier, officials
put the toll at 42"). Its time is counted back from an anchor (figure_time.py): the
figure's own time from the text, else that of the nearest figure before it in the
sentence dated by the text, else, for a count of days or weeks after a figure of the
publication day, the publication day. Counted back from nothing the time is unknown
(None): "a year earlier" in a February report of fourth quarter results is two
calendar years back, and the publication date would put the earlier figure next to the
current one. A count of units "later" counts forward the same way. A phrase after a
baseline word ("up 3% from a year earlier", "compared with the previous year") dates no
figure: it is the base of a change.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..vocab.lexicon import LEX
from ..vocab.tries import alternation

_UNITS: dict[str, list] = LEX["earlier_units"]
_UNIT = alternation(_UNITS)
# "earlier" counts back, "later" forward ("a further £8,000 two months later")
_WAYS: dict[str, int] = LEX["span_direction_words"]
_ADJECTIVES: dict[str, list] = LEX["earlier_period_adjectives"]
# "two days earlier", "12 months earlier", "twelve months earlier"
_WORDS = {w: n for w, n in LEX["number_words"]["small"].items() if 2 <= n <= 12}
_COUNT = rf"(?:a|an|one|[1-9]\d?|{alternation(_WORDS)})"
_EARLIER_RE = re.compile(
    rf"\b(?:(?P<n>{_COUNT})\s+(?P<u1>{_UNIT})\s+(?:(?P<w>{alternation(_WAYS)})|(?P<b1>before))"
    rf"|the\s+(?P<u2>{_UNIT})\s+(?P<b2>before)"
    rf"|the\s+(?:{alternation(LEX['previous_words'])})\s+(?P<u3>{_UNIT})"
    rf"|the\s+(?P<adj>{alternation(_ADJECTIVES)})\s+(?:{alternation(LEX['earlier_period_nouns'])}))"
    # not "a year earlier than planned", "the previous year's"; "before" ends its phrase:
    # not "the year before last", "a day before the vote"
    r"(?![\w'’-])(?!\s+than\b)(?(b1)(?=\s*(?:[,.;:)]|$|\s(?:and|but)\b))|(?(b2)(?=\s*(?:[,.;:)]|$|\s(?:and|but)\b))))",
    re.IGNORECASE,
)
# an earlier phrase that opens a speaker's words: "a day earlier they (had reported)", "the
# previous day('s toll)": when, not who
LEADING_RE = re.compile(rf"^(?:{_EARLIER_RE.pattern})[\s,]*", re.IGNORECASE)
# what every phrase holds, found fast (written in lower case: "A day earlier", "the Previous
# year" is no news style)
CUES = (*_WAYS, "before", "-ago", *LEX["previous_words"])
# "up 3% from a year earlier", "compared with the previous week", "up 9,000 on the
# quarter before": the base of a change, no figure's time
_BASE_BEFORE_RE = re.compile(
    r"\b(?P<w>from|than|on|over|against|versus|vs\.?|compared\s+(?:with|to))\s+"
    r"(?:(?:in|during|for|at)\s+)?(?:the\s+same\s+(?:period|month|quarter|week|time)\s+)?$",
    re.IGNORECASE,
)
_FIGURE_GAP = 40  # characters at most between a figure and its phrase after it


def phrases(text: str, s: int, e: int) -> list[tuple[int, int, str, int]]:
    """(start, end, unit, count) of each phrase of an earlier time in text[s:e] that is no
    base of a change; unit is "day", "month" or "year"."""
    out = []
    for m in _candidates(text, s, e):
        adjective = m.group("adj")
        unit, step = (
            _ADJECTIVES[adjective.lower()]
            if adjective
            else _UNITS[(m.group("u1") or m.group("u2") or m.group("u3")).lower()]
        )
        base = _BASE_BEFORE_RE.search(text[max(s, m.start() - 48) : m.start()])
        # "up 3% on a year earlier" is a base; "17 deaths on the previous day" a time
        if base and not (base.group("w").lower() == "on" and unit == "day" and step == 1):
            continue
        way = _WAYS[m.group("w").lower()] if m.group("w") else 1
        out.append((m.start(), m.end(), unit, way * step * _count(m.group("n"))))
    return out


def _candidates(text: str, s: int, e: int) -> list[re.Match]:
    """The matches of _EARLIER_RE in text[s:e], in order, sought only where a cue word is:
    a phrase starts at most _CUE_REACH characters before its cue."""
    found: dict[int, re.Match] = {}
    for cue in CUES:
        p = text.find(cue, s, e)
        while p >= 0:
            m = _EARLIER_RE.search(text, max(s, p - _CUE_REACH), min(e, p + _CUE_REACH))
            if m and m.start() <= p < m.end():
                m = _EARLIER_RE.match(text, m.start(), e)  # read to the sentence's end
                if m and p < m.end():
                    found[m.start()] = m
            p = text.find(cue, p + 1, e)
    return [found[k] for k in sorted(found)]


_CUE_REACH = 24  # "twelve quarters earlier": the cue is 16 characters in


# "on Saturday, a day after it reached 45.9C": the clause after the phrase tells what
# happened that span before (or, with "before", after) the figure it follows
_SPAN_CLAUSE_RE = re.compile(
    rf"\b(?P<n>{_COUNT})\s+(?P<u>{_UNIT})\s+(?P<w>after|before)\s+(?=[A-Za-z])", re.I
)
_CLAUSE_END_RE = re.compile(r"[,;:()]|\s[—–]\s")


def span_clauses(text: str, s: int, e: int) -> list[tuple[int, int, str, int]]:
    """(start, end, unit, count) of each clause that a count of units and "after" or
    "before" open ("a day after it reached 45.9C"): its figures are count units before
    (after: positive) or after (before: negative) the time of the sentence's figure."""
    if text.find("after", s, e) < 0 and text.find("before", s, e) < 0:
        return []
    out = []
    for m in _SPAN_CLAUSE_RE.finditer(text, s, e):
        stop = _CLAUSE_END_RE.search(text, m.end(), e)
        unit, step = _UNITS[m.group("u").lower()]
        way = 1 if m.group("w").lower() == "after" else -1
        out.append((m.end(), stop.start() if stop else e, unit, way * step * _count(m.group("n"))))
    return out


def _count(word: str | None) -> int:
    if word is None or word.lower() in ("a", "an", "one"):
        return 1
    return int(word) if word.isdigit() else _WORDS[word.lower()]


def dated(
    text: str,
    sentence: tuple[int, int],
    spans: Sequence[tuple[int, int]],
    found: list[tuple[int, int, str, int]],
    cuts: Sequence[re.Match],
) -> dict[int, tuple[str, int]]:
    """{index of a figure: (unit, count)} for the figures the phrases date: the figure
    right before a phrase (no other figure, no clause cut between), or, for a phrase that
    opens its clause with a comma after it, each figure of that clause after it."""
    out: dict[int, tuple[str, int]] = {}
    for a, b, unit, n in span_clauses(text, *sentence):
        for i, (x, _) in enumerate(spans):
            if a <= x < b and any(y <= a for _, y in spans):
                out[i] = (unit, n)
    for a, b, unit, n in found:
        # a figure may run into the phrase ("£4.6 billion twelve" of "twelve months earlier")
        before = [i for i, (x, y) in enumerate(spans) if x < a]
        if before and _joins(text[spans[before[-1]][1] : a]):
            out[before[-1]] = (unit, n)
            continue
        start = max((m.end() for m in cuts if m.end() <= a), default=sentence[0])
        if not _OPENS_RE.fullmatch(text, start, a) or not _COMMA_RE.match(text, b):
            continue
        end = min((m.start() for m in cuts if m.start() >= b), default=sentence[1])
        for i, (x, _) in enumerate(spans):
            if b <= x < end:
                out.setdefault(i, (unit, n))
    return out


_OPENS_RE = re.compile(
    r"[\s\"“‘'(]*(?:(?:and|but|yet|by\s+contrast|only)\s+)?(?:(?:in|on|during|over)\s+)?", re.I
)
# a fronted phrase ends at a comma or before the clause's subject ("a week earlier it stood")
_COMMA_RE = re.compile(r"\s*,|\s+(?:it|they|there|the|officials|police)\b", re.I)
_GAP_CUT_RE = re.compile(r"[,;:()]|\s[—–]\s")


def _joins(gap: str) -> bool:
    """Whether the words between a figure and a phrase after it join them ("980 million
    a year earlier", "4.4% in the previous quarter")."""
    return len(gap) <= _FIGURE_GAP and not _GAP_CUT_RE.search(gap)


def counted_back(anchor: str | None, unit: str, n: int) -> str | None:
    """anchor (YYYY, YYYY-MM or YYYY-MM-DD, maybe with a time of day) n units back, in
    the anchor's own precision; None when the anchor is too coarse for the unit."""
    if not anchor:
        return None
    iso = anchor[:10]
    if unit == "year":
        return f"{int(iso[:4]) - n}{iso[4:]}" if not iso[4:].startswith("-02-29") else None
    if unit == "month":
        if len(iso) < 7:
            return None
        months = int(iso[:4]) * 12 + int(iso[5:7]) - 1 - n
        return f"{months // 12}-{months % 12 + 1:02d}{iso[7:]}" if len(iso) == 7 else None
    if len(iso) < 10:
        return None
    return (dt.date.fromisoformat(iso) - dt.timedelta(days=n)).isoformat()
