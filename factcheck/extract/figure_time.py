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
- a day ("on Tuesday", "yesterday", "last night") counts as a date of the clause,
  resolved against the publication date (factcheck/extract/day_time.py); an hour ("at
  6 p.m.", "by nightfall") goes with the clause's day, else the publication day. A day
  that is the publication day, or an hour at or after the publication's, gives the
  publication date; a planned day ("will vote on Friday") and a span of days ("on
  Friday and Saturday") give nothing;
- a date, day or hour inside a relative clause ("which was built in 1975") or a
  since/until clause ("since the dam failed on March 9") dates only the figures inside
  that clause;
- otherwise the publication date, with its time of day when the metadata gives
  one ("2008-05-13T19:00"), so that two updates of one day are successive.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..vocab.lexicon import LEX
from ..vocab.tries import alternation
from . import dates as timeref
from . import day_time, earlier_time

# a date after these is a baseline ("the highest since 1981", "since the storm struck on
# September 3"), not the figure's time
_BASELINE_WORDS = ("since", "from", "than", "before", "after", "until")
_BASELINE_RE = re.compile(
    rf"\b(?:{'|'.join(_BASELINE_WORDS)})\s+$|\b(?:since|until)\b[^,;.\d]{{0,40}}$"
    # "than in 2019", "compared with the same period last year", "against a year ago"
    r"|\b(?:than|compared\s+(?:with|to)|versus|vs\.?|against)\s+"
    r"(?:(?:in|during|at|for|over|on)\s+)?(?:the\s+(?:same\s+)?"
    r"(?:period|month|quarter|week|time|day|season|stage|point)\s+(?:of\s+|in\s+|a\s+)?)?$",
    re.IGNORECASE,
)
_COMPARING = ("than", "compared", "versus", "vs", "against")


def _ended(text: str, d: DateMention, published: str) -> DateMention:
    """d, or d a year back when it ends a period ("the fiscal year ended March 31") and
    falls after the publication: a period reported on has ended."""
    if len(d.iso) < 10 or d.iso[:10] <= published[:10] or not d.iso[:4].isdigit():
        return d
    if not timeref.PERIOD_END_BEFORE_RE.search(text[max(0, d.start - 40) : d.start]):
        return d
    iso = f"{int(d.iso[:4]) - 1}{d.iso[4:]}"
    return DateMention(d.start, d.end, iso, d.what) if iso[5:10] != "02-29" else d


def _is_baseline(before: str) -> bool:
    """Whether a date after these words is a baseline ("since May", "than in 2019"); the
    search, which tries every place, only when a baseline word ends the text or "since"
    or "until" is in it."""
    low = before.lower()
    if (
        "since" not in low
        and "until" not in low
        and not low.rstrip().endswith(_BASELINE_WORDS)
        and not any(w in low for w in _COMPARING)
    ):
        return False
    return bool(_BASELINE_RE.search(before))


# clauses that elaborate on the one before share its time; contrasting ones do not
# "since May last year": the relative year starts a period
_PERIOD_START_RE = re.compile(r"\b(?:since|from)\s+(?:[A-Za-z]+\s+){0,2}$", re.IGNORECASE)
_INHERITS_TIME_RE = re.compile(r"(?:with|which|who|of whom|of which|including)\b", re.I)
_CLAUSE_RE = re.compile(
    r";|:\s|\s[—–]\s|,\s+(?=(?:and|but|while|whereas|although|though|which|who|with|"
    r"compared|up from|down from|from|against|versus|vs)\b)"
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
    # "date" (a calendar date), "day" (a weekday or relative day), "hour" (iso is HH:MM),
    # "month" (a month named alone: "in January"), "year" (a relative year: "last year")
    what: str = "date"


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


def _relative_mentions(text: str, s: int, e: int, published: str | None) -> list[DateMention]:
    """The sentence's relative years ("last year", "two years ago") and months named
    alone ("in January"), but no baseline of a comparison ("12% more than in the same
    period last year")."""
    part = text[s:e]
    found = [(iso, a, b, "year") for iso, a, b in timeref.relative_years(part, published)]
    found += [(iso, a, b, "month") for iso, a, b in timeref.bare_months(part, published)]
    found += [(iso, a, b, "month") for iso, a, b in timeref.relative_months(part, published)]
    found += [(iso, a, b, "month") for iso, a, b in timeref.period_end_months(part, published)]
    return [
        DateMention(s + a, s + b, iso, what)
        for iso, a, b, what in found
        if not _is_baseline(text[max(s, s + a - 48) : s + a])
    ]


def figure_times(
    text: str,
    sentence: tuple[int, int],
    spans: Sequence[tuple[int, int]],
    dates: Sequence[DateMention],
    published: str | None,
    roles: Sequence[str] | None = None,
) -> list[tuple[str | None, str | None]]:
    """(time, source) of each figure at spans of one sentence: source is "text",
    "published" or None. A figure a phrase dates a span earlier ("up from 1,850 the year
    before") is counted back from its anchor (factcheck/extract/earlier_time.py); roles,
    when given, are the figures' roles (an earlier figure is no anchor of another)."""
    out = _own_times(text, sentence, spans, dates, published)
    found = earlier_time.phrases(text, *sentence) if spans else []
    if found or (len(spans) > 1 and earlier_time.span_clauses(text, *sentence)):
        _count_back(text, sentence, spans, out, found, (published, roles))
    return out


def _count_back(text: str, sentence, spans, out: list, found: list, given: tuple) -> None:
    """Date the figures the earlier phrases found date, counted back from an anchor: their
    own time from the text, else that of the nearest figure before them (no earlier
    figure) dated by the text, else, for a count of days after a figure of the
    publication day, the publication day; unknown (None) when there is no anchor."""
    published, roles = given
    cuts = list(_CLAUSE_RE.finditer(text, *sentence))
    day = published if valid_published(published) and len(published or "") >= 10 else None
    for i, (unit, n) in sorted(earlier_time.dated(text, sentence, spans, found, cuts).items()):
        before = [j for j in range(i) if not roles or roles[j] != "previous"]
        anchors = [out[j] for j in before[::-1]] if out[i][1] != "text" else [out[i]]
        anchor = next((t for t, src in anchors if src == "text"), None)
        if anchor is None and unit == "day" and n > 0:
            anchor = day if any(src == "published" for _, src in anchors) else None
        when = earlier_time.counted_back(anchor, unit, n)
        if when and day and when[:10] > day[: len(when[:10])]:
            when = None  # "later" past the publication: no time of a report
        out[i] = (when, "text") if when else (None, None)


def _own_times(
    text: str,
    sentence: tuple[int, int],
    spans: Sequence[tuple[int, int]],
    dates: Sequence[DateMention],
    published: str | None,
) -> list[tuple[str | None, str | None]]:
    """(time, source) of each figure from the dates of its own clause."""
    s, e = sentence
    known = valid_published(published)
    own = [
        d
        for d in dates
        if s <= d.start < e
        and not _is_baseline(text[max(s, d.start - 48) : d.start])
        and not names_event(text, d)
        and not (known and in_dateline(text, d))
    ]
    if known and len(published) >= 10:
        own = [_ended(text, d, published) for d in own]
    days, hours = _days_and_hours(text, sentence, published) if spans else ([], [])
    own += days
    if spans:
        own += _relative_mentions(text, s, e, published)
    whens = _when_clauses(text, sentence, dates, known)
    if not own and not hours and not whens:  # most sentences: the publication date
        return [_published(published if known else None)] * len(spans)
    read = _Sentence(text, sentence, sorted(own + hours, key=lambda d: d.start))
    read.shields = _own_clauses(text, sentence, own + hours)
    out: list[tuple[str | None, str | None]] = []
    for span in spans:
        when = next((iso for a, b, iso in whens if a <= span[0] < b), None)
        if when is not None:
            out.append((when, "text"))
            continue
        cs, ce = _clause_bounds(text, sentence, read.cuts, *span, ends=read.ends)
        if read.present and _says_now(text, cs, ce, span, read.mentions):
            out.append(_published(published if known else None))
            continue
        seen = read.seen(span, cs, ce)
        dated = [
            d
            for d in seen
            if d.what != "hour"
            and not (
                (d.what == "month" or _same_period(text, d)) and _figure_between(spans, span, d)
            )
        ]
        best = (_attached(text, span, dated) or _nearest(text, cs, span, dated)) if seen else None
        best = None if best is _NO_DATE else best
        hour = _nearest(text, cs, span, [d for d in seen if d.what == "hour"]) if hours else None
        out.append(_timed(best, hour, published if known else None))
    return out


class _Sentence:
    """What figure_times reads once per sentence: its clause cuts and its mentions."""

    def __init__(self, text: str, sentence: tuple[int, int], mentions: list) -> None:
        s, e = sentence
        self.text, self.mentions = text, mentions
        self.cuts = list(_CLAUSE_RE.finditer(text, s, e))
        self.ends = [m.end() for m in self.cuts]
        self.present = _PRESENT_RE.search(text, s, e) is not None
        self.at = [d.start for d in mentions]
        self.shields: list[tuple[int, int]] = []

    def seen(self, span: tuple[int, int], cs: int, ce: int) -> list[DateMention]:
        """The mentions of the figure's clause near enough to be read with it (a clause
        of news is a few hundred characters; one of 200,000, a table pasted as a line,
        must not make every figure look at every date of it), not shielded, no plan's."""
        lo = bisect.bisect_left(self.at, max(cs, span[0] - _NEAR))
        hi = bisect.bisect_right(self.at, min(ce, span[1] + _NEAR))
        return [
            d
            for d in self.mentions[lo:hi]
            if cs <= d.start
            and d.end <= ce
            and _visible(d, span, self.shields)
            and not (
                d.what in ("day", "hour", "month") and day_time.planned(self.text, cs, d.start)
            )
        ]


_NEAR = 1_000  # characters either side of a figure where its clause's dates are read
_PRESENT_RE = re.compile(rf"\b(?:{alternation(LEX['present_time_words'])})\b", re.IGNORECASE)
_PHRASE_CUT_RE = re.compile(r"[,;:()]|\s[—–]\s")


def _says_now(text: str, cs: int, ce: int, span: tuple[int, int], mentions) -> bool:
    """Whether the figure's own phrase (between commas, within its clause) says "now"
    and names no date: then it holds at publication, whatever year another phrase of
    the sentence names ("12,000 troops are there now, fewer than the 170,000 of the 2007
    surge")."""
    a = max((m.end() for m in _PHRASE_CUT_RE.finditer(text, cs, span[0])), default=cs)
    cut = _PHRASE_CUT_RE.search(text, span[1], ce)
    b = cut.start() if cut else ce
    if not _PRESENT_RE.search(text, a, b):
        return False
    return not any(a <= d.start < b for d in mentions)


# "passed 3 million in May", "2.8% in February": a date a preposition joins to the figure
_ATTACHED_RE = re.compile(
    r"[^\S\n]+(?:in|on|by|as\s+of|during|until|through)[^\S\n]+"
    r"(?:(?:early|late|mid-?|the\s+(?:end|start|middle)\s+of)[^\S\n]*)?$",
    re.IGNORECASE,
)


# "$1.9 billion in the same period last year": the comparison's period, of that figure only
_SAME_PERIOD_RE = re.compile(
    r"\bsame\s+(?:period|quarter|month|week|time|day|season|stage)\s+(?:of\s+|in\s+)?$", re.I
)


def _same_period(text: str, d: DateMention) -> bool:
    """Whether a mention names the period a comparison goes back to ("the same period last
    year"): it dates the figure right next to it, never one past another figure."""
    return "same" in text[max(0, d.start - 24) : d.start] and bool(
        _SAME_PERIOD_RE.search(text, max(0, d.start - 24), d.start)
    )


def _figure_between(spans, span: tuple[int, int], d: DateMention) -> bool:
    """Whether another figure stands between a figure and a mention: a month named alone
    dates the figure next to it ("topped 2 million, passed 3 million in May": May is
    3 million's), never one past another figure."""
    lo, hi = (span[1], d.start) if d.start >= span[1] else (d.end, span[0])
    return any(lo <= a and b <= hi for a, b in spans if (a, b) != span)


def _attached(text: str, span: tuple[int, int], found: list[DateMention]):
    """The date or month a preposition joins right after the figure ("passed 3 million
    in May and 4 million by June": each its own), or None."""
    for d in found:
        if d.what in ("date", "month") and 0 < d.start - span[1] <= 24:
            if _ATTACHED_RE.match(text, span[1], d.start):
                return _alone(text, d, found) or _NO_DATE
        elif d.what == "year" and 0 < d.start - span[1] <= 12:
            if _YEAR_ATTACHED_RE.match(text, span[1], d.start):
                return d  # "a cumulative 14,000 this year": the year, not May before it
    return None


# a relative year right after its figure ("14,000 this year", "up 11% so far this year")
_YEAR_ATTACHED_RE = re.compile(r"[^\S\n]+(?:so[^\S\n]+far[^\S\n]+)?$", re.IGNORECASE)


# what _attached gives for a date joined to another ("in 2019 and 2020"): no time of its own
_NO_DATE = DateMention(0, 0, "", "span")


def _nearest(text: str, cs: int, span: tuple[int, int], found: list[DateMention]):
    """The mention nearest the figure among those of its clause that are no baseline; a
    relative year ("last year") only when there is no other."""
    best = None
    for d in found:
        if d.what != "year" and not _is_baseline(text[max(cs, d.start - 48) : d.start]):
            dist = abs(d.start - span[0])
            if best is None or dist < best[0]:
                best = (dist, d)
    if best:
        return _alone(text, best[1], found)
    years = [d for d in found if d.what == "year"]
    if years and not _PERIOD_START_RE.search(text[cs : years[0].start]):
        return years[0]
    return None


# "on Friday night and Saturday", "from Monday to Wednesday": a figure of a span of days
_JOINED_RE = re.compile(r"\s*(?:,\s*)?(?:and|or|to|through|until|till|[-–])\s+(?:on\s+)?", re.I)


def _alone(text: str, d: DateMention, found: list[DateMention]) -> DateMention | None:
    """d, or None when another day is joined to it by "and", "to", "through": "evacuated
    on Friday night and Saturday" is a total over days, as of the report, not of either."""
    m = _JOINED_RE.match(text, d.end)
    joined = m and any(x.start == m.end() and x.what == d.what for x in found)
    return None if joined else d


def _timed(best, hour, published: str | None) -> tuple[str | None, str | None]:
    """(time, source) from the date or day nearest a figure and the hour nearest it.

    A day named by a word that is the publication day is the publication date (with its
    hour); an hour goes with a day ("at 6 p.m." of the day the clause names, else of the
    publication day); an hour later than the publication's own is a plan, not a time."""
    if best is None and hour is None:
        return (published, "published") if published else (None, None)
    iso = best.iso if best is not None else (published or "")[:10]
    if len(iso) < 10:  # a year or month: no hour goes with it; without a day, no hour
        return (iso, "text") if best is not None else _published(published)
    if hour is not None and "T" not in iso:
        iso = f"{iso}T{hour.iso}"
    same_day = published is not None and iso[:10] == published[:10]
    if same_day and "T" not in iso and (best is None or best.what == "day"):
        return published, "published"
    if same_day and "T" in iso and "T" in published and iso >= published:  # type: ignore[operator]
        return published, "published"
    return iso, "text"


def _published(published: str | None) -> tuple[str | None, str | None]:
    return (published, "published") if published else (None, None)


def _days_and_hours(
    text: str, sentence: tuple[int, int], published: str | None
) -> tuple[list[DateMention], list[DateMention]]:
    """The days ("on Tuesday", "yesterday") and hours ("at 6 p.m.") named in a sentence;
    days only when the publication date gives a day to count from."""
    s, e = sentence
    if not day_time.may_name_day(text[s:e]):
        return [], []
    pub = day_time.publication_day(published)
    days = (
        [DateMention(a, b, iso, "day") for a, b, iso in day_time.day_mentions(text, s, e, pub)]
        if pub
        else []
    )
    hours = [DateMention(a, b, hhmm, "hour") for a, b, hhmm in day_time.hour_mentions(text, s, e)]
    return [d for d in days if not names_event(text, d)], hours


# a relative clause ("which was built in 1975") or a clause that starts or bounds a period
# ("since the dam failed on March 9") keeps its dates to itself
_OWN_OPEN_RE = re.compile(
    rf"(?P<comma>,\s*)?\b(?:{alternation(LEX['own_clause_openers'])}"
    rf"|(?P<base>{alternation(LEX['baseline_clause_openers'])}))\b",
    re.IGNORECASE,
)
# what every one of those openers holds, found fast (tests/test_figure_time.py checks)
OWN_CUES = ("wh", "since", "until", "till")
_OWN_END_RE = re.compile(r"[,:](?=\s)|[;()]|\s[—–-]\s")


_FOUNDING_RE = re.compile(
    rf"\b(?:{alternation(LEX['founding_verbs'])})\s+(?:in|on)\s", re.IGNORECASE
)
_FOUNDING_END_RE = re.compile(r"[,;(]|\s(?:and|but|while)\s|\s[—–-]\s", re.IGNORECASE)


def _founding_phrases(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of the sentence's founding phrases ("built in 1979", up to a comma or
    "and"): their date is the founding's, no later figure's."""
    out = []
    for m in _FOUNDING_RE.finditer(text, s, e):
        stop = _FOUNDING_END_RE.search(text, m.end(), e)
        out.append((m.start(), stop.start() if stop else e))
    return out


def _own_clauses(
    text: str, sentence: tuple[int, int], mentions: list[DateMention]
) -> list[tuple[int, int]]:
    """Spans of the sentence's relative, since/until clauses and founding phrases: a
    date in one is the time of the figures inside it only. A relative clause with no
    comma before it ("staff who joined in 2019 number 340") ends after its first date,
    day or hour."""
    s, e = sentence
    out: list[tuple[int, int]] = _founding_phrases(text, s, e)
    low = text[s:e].lower()
    for w in OWN_CUES:
        if w in low:
            break
    else:
        return out
    for m in _OWN_OPEN_RE.finditer(text, s, e):
        stop = _OWN_END_RE.search(text, m.end(), e)
        end = stop.start() if stop else e
        if not m.group("comma") and not m.group("base"):
            end = min((d.end for d in mentions if m.end() <= d.start < end), default=end)
        out.append((m.start(), end))
    return out


def _visible(d: DateMention, span: tuple[int, int], shields: list[tuple[int, int]]) -> bool:
    """Whether a mention can date the figure at span: not inside a relative or since
    clause, unless the figure is inside it too."""
    for a, b in shields:
        if a <= d.start < b and not a <= span[0] < b:
            return False
    return True


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
