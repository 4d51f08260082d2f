"""The time a figure holds: an explicit time of its own clause, else the publication date.

Pure functions over a document's text, one sentence span, one figure's span,
the calendar dates found in the text and the publication date. The rules:

- a date in the figure's clause (nearest first) is its time ("5,000 troops in
  2016"); a clause that elaborates on the one before ("..., with nearly 4000
  deployed") shares that clause's dates;
- a date that starts or bounds a period ("since August 8", "higher than in
  2014") is a baseline, not the figure's time;
- a date inside a noun phrase naming an event ("the October 8 quake", "the 2014
  offensive", "Saturday's march") is not the figure's time: "73,000 died in the
  October 8 quake" in an article of November 3 holds on November 3;
- a dateline ("TARSEN, March 3 (Wire) - ...") dates the article: the publication
  date, which may carry a time of day, is used instead when known;
- a relative year of the sentence ("last year") counts as a date of the clause;
- otherwise the publication date, with its time of day when the metadata gives
  one ("2008-05-13T19:00"), so that two updates of one day are successive.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..vocab.lexicon import LEX
from . import dates as timeref

# a date after these is a baseline ("the highest since 1981", "since the storm struck on
# September 3"), not the figure's time
_BASELINE_WORDS = ("since", "from", "than", "before", "after", "until")
_BASELINE_RE = re.compile(
    rf"\b(?:{'|'.join(_BASELINE_WORDS)})\s+$|\b(?:since|until)\b[^,;.\d]{{0,40}}$",
    re.IGNORECASE,
)


def _is_baseline(before: str) -> bool:
    """Whether a date after these words is a baseline ("since May", "than in 2019"); the
    search, which tries every place, only when a baseline word ends the text or "since"
    or "until" is in it."""
    low = before.lower()
    if "since" not in low and "until" not in low and not low.rstrip().endswith(_BASELINE_WORDS):
        return False
    return bool(_BASELINE_RE.search(before))


# clauses that elaborate on the one before share its time; contrasting ones do not
# "since May last year": the relative year starts a period
_PERIOD_START_RE = re.compile(r"\b(?:since|from)\s+(?:[A-Za-z]+\s+){0,2}$", re.IGNORECASE)
_INHERITS_TIME_RE = re.compile(r"(?:with|which|who|of whom|of which|including)\b", re.I)
_CLAUSE_RE = re.compile(
    r";|:\s|\s[—–]\s|,\s+(?=(?:and|but|while|whereas|although|though|which|who|with|"
    r"compared|up from|down from|from|against)\b)"
)
_EVENT_AFTER_RE = re.compile(
    r"(?:[^\S\n]*,[^\S\n]*\d{4})?[^\S\n]+(?:" + "|".join(LEX["event_nouns"]) + r")\b",
    re.IGNORECASE,
)
# "TARSEN, March 3 (Northern Wire) - ...": a dateline dates the article, not its figures
_DATELINE_BEFORE_RE = re.compile(r"(?:^|\n)[^\S\n]*[A-Z][A-Z .'’-]*,[^\S\n]*$")
_DATELINE_AFTER_RE = re.compile(r"[^\S\n]*(?:\([^)\n]*\))?[^\S\n]*[-—–]")
_DATE_FORMAT_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?)?")


@dataclass(frozen=True)
class DateMention:
    """A calendar date found in the text: where it is and what day, month or year it names."""

    start: int
    end: int
    iso: str


def valid_published(published: str | None) -> bool:
    """Whether a publication date is YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM."""
    return isinstance(published, str) and bool(_DATE_FORMAT_RE.fullmatch(published))


def names_event(text: str, date: DateMention) -> bool:
    """Whether a date only names an event ("the October 8 quake"), not a time of a figure."""
    return bool(_EVENT_AFTER_RE.match(text, date.end))


def in_dateline(text: str, date: DateMention) -> bool:
    """Whether a date is the dateline of an article ("ABERLEY, May 10 (Wire) - ...")."""
    return bool(
        _DATELINE_BEFORE_RE.search(text[max(0, date.start - 40) : date.start])
        and _DATELINE_AFTER_RE.match(text, date.end)
    )


def _clause_bounds(
    text: str, sentence: tuple[int, int], cuts: list[re.Match], at: int, end: int, ends: list
) -> tuple[int, int]:
    """The span of the clause holding [at, end) that can give its time; cuts are the
    sentence's clause boundaries in order, ends their end offsets."""
    s, e = sentence
    k = bisect.bisect_right(ends, at)  # the cuts ending at or before the figure
    cs = cuts[k - 1].end() if k else s
    ce = e
    for m in cuts[k:]:
        if m.start() >= end:
            ce = m.start()
            break
    if k and _INHERITS_TIME_RE.match(text, cuts[k - 1].end()):
        cs = cuts[k - 2].end() if k > 1 else s
    return cs, ce


def figure_times(
    text: str,
    sentence: tuple[int, int],
    spans: Sequence[tuple[int, int]],
    dates: Sequence[DateMention],
    published: str | None,
) -> list[tuple[str | None, str | None]]:
    """(time, source) of each figure at spans of one sentence: source is "text",
    "published" or None."""
    s, e = sentence
    known = valid_published(published)
    cuts = list(_CLAUSE_RE.finditer(text, s, e))
    ends = [m.end() for m in cuts]
    own = [
        d
        for d in dates
        if s <= d.start < e
        and not _is_baseline(text[max(s, d.start - 48) : d.start])
        and not names_event(text, d)
        and not (known and in_dateline(text, d))
    ]
    rel = timeref.relative_year(text[s:e], published) if spans else None
    whens = _when_clauses(text, sentence, dates, known)
    out = []
    for span in spans:
        when = next((iso for a, b, iso in whens if a <= span[0] < b), None)
        if when is not None:
            out.append((when, "text"))
            continue
        cs, ce = _clause_bounds(text, sentence, cuts, *span, ends=ends)
        best = None
        for d in own:
            if cs <= d.start and d.end <= ce:
                if _is_baseline(text[max(cs, d.start - 48) : d.start]):
                    continue
                dist = abs(d.start - span[0])
                if best is None or dist < best[0]:
                    best = (dist, d.iso)
        if best is None and rel and cs <= s + rel[1] < ce:
            if not _PERIOD_START_RE.search(text[cs : s + rel[1]]):
                best = (0, rel[0])
        if best:
            out.append((best[1], "text"))
        elif known:
            out.append((published, "published"))
        else:
            out.append((None, None))
    return out


# "since 1993, when gusts reached 172 km/h", "in March 2011, when 40 died": the clause
# after a date and "when" tells what happened then
_WHEN_AFTER_RE = re.compile(r"[^\S\n]*,?[^\S\n]*when\b", re.IGNORECASE)
_WHEN_END_RE = re.compile(r"[;:]|\s[—–]\s|,\s+(?:but|while|whereas|although|though)\b")


def _when_clauses(
    text: str, sentence: tuple[int, int], dates: Sequence[DateMention], known: bool
) -> list[tuple[int, int, str]]:
    """(start, end, date) of each clause of the sentence that a date and "when" open: its
    figures hold at that date, even one a baseline word precedes ("since 1993, when")."""
    s, e = sentence
    out = []
    for d in dates:
        if not s <= d.start < e or (known and in_dateline(text, d)):
            continue
        m = _WHEN_AFTER_RE.match(text, d.end)
        if m:
            stop = _WHEN_END_RE.search(text, m.end(), e)
            out.append((m.end(), stop.start() if stop else e, d.iso))
    return out


def figure_time(
    text: str,
    sentence: tuple[int, int],
    span: tuple[int, int],
    dates: Sequence[DateMention],
    published: str | None,
) -> tuple[str | None, str | None]:
    """(time, source) of the figure at span: source is "text", "published" or None."""
    return figure_times(text, sentence, [span], dates, published)[0]
