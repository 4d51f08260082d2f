"""Days and hours named in a sentence, resolved against the publication date.

"On Tuesday" in an article of Thursday is the Tuesday before it; "yesterday" the day
before publication; "on Tuesday evening", "this morning", "last night" carry an hour,
and "at 6 p.m.", "18:00", "by nightfall" are hours of whatever day their clause names.
The words and the fixed hours of words ("evening" is 19:00) live in
factcheck/vocab/lexicon.yaml (`weekdays`, `relative_days`, `times_of_day`,
`hour_words`, `future_day_words`).

A day is only resolved when the publication date gives a day: without one, a weekday
names no date and nothing is said.
"""

from __future__ import annotations

import datetime as dt
import re

from ..vocab.lexicon import LEX
from ..vocab.tries import alternation

WEEKDAYS: dict[str, int] = LEX["weekdays"]
RELATIVE_DAYS: dict[str, int] = LEX["relative_days"]
TIMES_OF_DAY: dict[str, str] = LEX["times_of_day"]

_PART = alternation([w for w in TIMES_OF_DAY if w not in ("tonight", "nightfall", "dusk")])
_POSSESSIVE = r"(?P<poss>['’]s\b)?"
_DAY_RE = re.compile(
    rf"(?P<future>\b{alternation(LEX['future_day_words'])}\s+)?"
    rf"\b(?:(?P<wd>{alternation(WEEKDAYS)})|(?P<rel>{alternation(RELATIVE_DAYS)}))"
    rf"(?:\s+(?P<part>{_PART}))?\b{_POSSESSIVE}",
    re.IGNORECASE,
)
_AMPM = r"(?P<ap>[ap])\.?\s?m\b\.?"
_HOUR_RE = re.compile(
    rf"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*{_AMPM}"
    r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b(?!\s*[ap]\.?\s?m\b)"
    rf"|\b(?:by|at|around|until|before|after)\s+(?:the\s+)?(?P<word>{alternation(LEX['hour_words'])})\b"
    r"(?!['’]s)",
    re.IGNORECASE,
)
_FUTURE_RE = re.compile(rf"\b{alternation(LEX['future_words'])}\b", re.IGNORECASE)
# what any day or hour holds, found fast (most sentences name none): every weekday,
# relative day and time-of-day word holds one of these (tests/test_figure_time.py checks)
CUE_WORDS = ("day", "night", "morn", "noon", "even", "dawn", "dusk")
_AM_RE = re.compile(r"\d\s?am\b")


def publication_day(published: str | None) -> dt.date | None:
    """The day of a publication date that gives one (YYYY-MM-DD...), else None."""
    if not published or len(published) < 10:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def planned(text: str, clause_start: int, at: int) -> bool:
    """Whether a day or hour at `at` is a plan or a forecast: a word of the future before it
    in its clause ("will", "forecast", "expected")."""
    return bool(_FUTURE_RE.search(text, clause_start, at))


def day_mentions(text: str, start: int, end: int, day: dt.date) -> list[tuple[int, int, str]]:
    """(start, end, iso) of each day named in text[start:end] ("on Tuesday evening",
    "yesterday"), resolved against the publication day: iso is YYYY-MM-DD, with THH:MM
    when a time of day goes with it. A planned day ("next Monday") and one that names an
    event ("Tuesday's quake") are left out, and so is a weekday that opens a date
    ("Tuesday, March 3": the date says it)."""
    out = []
    for m in _DAY_RE.finditer(text, start, end):
        if m.group("future") or m.group("poss") or (m.group("wd") and _opens_date(text, m.end())):
            continue
        word = (m.group("wd") or m.group("rel")).lower()
        if m.group("wd"):
            back = (day.weekday() - WEEKDAYS[word]) % 7
        else:
            back = -RELATIVE_DAYS[" ".join(word.split())]
        iso = (day - dt.timedelta(days=back)).isoformat()
        hour = TIMES_OF_DAY.get((m.group("part") or word.split()[-1]).lower())
        at = m.start("wd") if m.group("wd") else m.start("rel")
        out.append((at, m.end(), f"{iso}T{hour}" if hour else iso))
    return out


_MONTH = alternation(LEX["months"])
_DATE_AFTER_RE = re.compile(
    rf",?\s+(?:{_MONTH}\.?\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b|\d{{1,2}}/\d)",
    re.IGNORECASE,
)


def _opens_date(text: str, at: int) -> bool:
    return bool(_DATE_AFTER_RE.match(text, at))


def hour_mentions(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, HH:MM) of each hour named in text[start:end]: "6 p.m.", "7:41PM",
    "18:00", "by nightfall" (the fixed hour of its word)."""
    out = []
    for m in _HOUR_RE.finditer(text, start, end):
        if m.group("word"):
            hhmm = TIMES_OF_DAY[m.group("word").lower()]
            out.append((m.start("word"), m.end(), hhmm))
            continue
        if m.group("h24"):
            h, mi = int(m.group("h24")), int(m.group("m24"))
        else:
            h, mi = int(m.group("h")) % 12, int(m.group("m") or 0)
            h += 12 if m.group("ap").lower() == "p" else 0
        out.append((m.start(), m.end(), f"{h:02d}:{mi:02d}"))
    return out


def may_name_day(sentence: str) -> bool:
    """Whether a sentence may name a day or an hour (a fast test before the searches)."""
    low = sentence.lower()
    for w in CUE_WORDS:
        if w in low:
            return True
    if ":" in low or ".m" in low or "pm" in low:
        return True
    return "am" in low and bool(_AM_RE.search(low))
