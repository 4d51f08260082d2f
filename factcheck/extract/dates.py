"""Calendar dates and times in news text.

`DATE_RE` finds calendar expressions (Dec 02, 2017; 30 November 2017;
November 2007; 3:45 a.m.; 2017-12-02) so their numbers are never read as
counts. `resolve` turns one into ISO form (YYYY, YYYY-MM or YYYY-MM-DD).
"""

from __future__ import annotations

import re

from ..vocab.lexicon import LEX
from ..vocab.tries import alternation, narrowed

MONTHS: dict[str, int] = LEX["months"]
_MONTH = alternation(MONTHS) + r"\b(?:\s?\.)?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_AMPM = r"(?:[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)"
# each shape of date, in the order they are tried; the first two start with a month name
_SHAPES = {
    "mdy": rf"""\b(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\b(?:\s?,?\s+(?P<y1>{_YEAR})\b)?
       (?!\s*(?:%|percent|[-–]\d|,\d))""",
    "my": rf"\b(?P<m3>{_MONTH})\s?,?\s+(?P<y3>{_YEAR})\b",
    "dmy": rf"\b(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:\s?,?\s+(?P<y2>{_YEAR})\b)?",
    "iso": rf"\b(?P<y4>{_YEAR})-(?P<m4>0[1-9]|1[0-2])-(?P<d4>[0-3]\d)\b",
    "slash": r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b",
    "clock": rf"\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*{_AMPM})?",
    "ampm": rf"\b(?:1[0-2]|0?[1-9])\s*{_AMPM}",
    "decade": r"\b(?:1[5-9]|20)\d0['’]?s\b|['’]\d0s\b",
}
_ORDER = ("mdy", "dmy", "my", "iso", "slash", "clock", "ampm", "decade")
DATE_RE = re.compile("|".join(f"(?P<{k}>{_SHAPES[k]})" for k in _ORDER), re.VERBOSE | re.IGNORECASE)
# DATE_RE where a digit starts: the shapes that open with a month cannot match there; their
# groups are kept (never set), so a match reads the same
DATE_DIGIT_RE = narrowed(
    DATE_RE,
    "|".join(f"(?P<{k}>{_SHAPES[k]})" for k in _ORDER if k not in ("mdy", "my")),
    DATE_RE.flags,
)
# month names that are also words: in lower case a date only as "on 1 may"
AMBIGUOUS_MONTHS = set(LEX["ambiguous_months"])
# words before a bare four-digit number that make it a year
YEAR_CUES = set(LEX["year_cues"])
RELATIVE_YEARS: dict[str, int] = LEX["relative_years"]
# "two years ago" up to ten; a larger count of years is a span read as written elsewhere
NUMBER_WORDS = {w: n for w, n in LEX["number_words"]["small"].items() if 2 <= n <= 10}
_RELATIVE_RE = re.compile(
    r"\b(this|last|next) year\b|\ba year ago\b"
    rf"|\b(?P<n>[2-9]|10|{alternation(NUMBER_WORDS)})\s+years\s+ago\b",
    re.IGNORECASE,
)
# a month named alone after a word of time ("in January", "by March"), in capitals as
# a month is written ("may" and "march" are verbs); one followed by a figure is a date
# DATE_RE reads ("in March 2011", "March 3")
_FULL_MONTHS: dict[int, str] = {}
for _word, _number in MONTHS.items():  # the lexicon lists each month's full name first
    _FULL_MONTHS.setdefault(_number, _word.title())
_CAPITAL_MONTHS = sorted(_FULL_MONTHS.values(), key=len, reverse=True)
# a month's full name alone: found first, then the words before it are tested (a search
# that opened with the words would try them at every place of every sentence)
_MONTH_ALONE_RE = re.compile(
    rf"\b(?P<mon>{'|'.join(_CAPITAL_MONTHS)})(?![\w-])(?!\s+\d|\s*,\s*\d{{4}})"
)
_BARE_BEFORE_RE = re.compile(
    r"\b(?i:in|during|for|since|from|by|until|till|through|of|early|late|mid-|end of|start of)"
    r"\s+$"
)
_PERIOD_END_BEFORE_RE = re.compile(
    rf"\b(?i:{alternation(LEX['period_end_nouns'])})\s+(?i:{alternation(LEX['period_end_links'])})"
    r"\s+$"
)
_BEFORE_WINDOW = 60  # characters before a month where its preposition or period is read


def _months_after(text: str, before: re.Pattern) -> list[re.Match]:
    """The months named alone in text that `before` matches the words before."""
    return [
        m
        for m in _MONTH_ALONE_RE.finditer(text)
        if before.search(text, max(0, m.start() - _BEFORE_WINDOW), m.start())
    ]


# "between 2019 and 2023", "in 2019-2023", "the 2024-25 season": a span of years, no
# time of one figure (a total over it holds as of the report)
YEAR_SPAN_RE = re.compile(
    r"\b\d{4}(?:\s*[-–/]\s*|\s+(?:and|to|through|until|till)\s+)(?:\d{4}|\d{2})\b(?![-–/]\d)"
)


# what a month that ends a period has before it, found fast: a link and a capital month
_MONTH_HEADS = "|".join(m[:3] for m in _CAPITAL_MONTHS)
_PERIOD_END_CUE_RE = re.compile(
    rf"\s(?i:{alternation(LEX['period_end_links'])})\s+(?:{_MONTH_HEADS})"
)
# what ends a period before a date: "the fiscal year ended March 31", "the week to March 1"
PERIOD_END_BEFORE_RE = re.compile(
    rf"\b(?:{alternation(LEX['period_end_nouns'])})\s+(?:{alternation(LEX['period_end_links'])})\s+$",
    re.IGNORECASE,
)


def plausible(m: re.Match, text: str) -> bool:
    """False for a DATE_RE match that is a word, not a month ("you may 5")."""
    month = m.group("m1") or m.group("m2") or m.group("m3")
    if not month or not month[0].islower():
        return True
    if month.rstrip(". ") not in AMBIGUOUS_MONTHS:
        return True
    if m.group("m1") and month.endswith(".") and (month.rstrip(". ") not in ("may", "march")):
        return True
    return bool(m.group("dmy")) and text[max(0, m.start() - 3) : m.start()].lower() == "on "


def month_number(word: str) -> int | None:
    """The number of a month name or abbreviation ("Sept." → 9), or None."""
    return MONTHS.get(word.lower().rstrip(". "))


def resolve(m: re.Match, published: str | None) -> str | None:
    """ISO form of a DATE_RE match; a month without a year takes the publication year."""
    g = m.groupdict()
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    pub_month = int(published[5:7]) if published and published[5:7].isdigit() else None
    if g["iso"]:
        return f"{g['y4']}-{g['m4']}-{g['d4']}"
    if g["mdy"] or g["dmy"]:
        mon = month_number(g["m1"] or g["m2"])
        day = int(re.match(r"\d+", g["d1"] or g["d2"]).group(0))  # type: ignore[union-attr]
        year = g["y1"] or g["y2"]
        if year is None:
            if pub_year is None:
                return None
            y = pub_year - 1 if pub_month and mon and mon > pub_month else pub_year
            year = str(y)
        return f"{year}-{mon:02d}-{day:02d}"
    if g["my"]:
        return f"{g['y3']}-{month_number(g['m3']):02d}"
    return None


def relative_years(text: str, published: str | None) -> list[tuple[str, int, int]]:
    """Each relative year ("last year", "two years ago") in text with its span, resolved
    against published."""
    if not published or not published[:4].isdigit():
        return []
    low = text.lower()
    if "year" not in low:
        return []
    out = []
    for m in _RELATIVE_RE.finditer(text):
        key = m.group(0).lower()
        if m.group("n"):
            shift = -_count(m.group("n").lower())
        else:
            shift = RELATIVE_YEARS.get(key, 0)
        out.append((str(int(published[:4]) + shift), m.start(), m.end()))
    return out


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


# not one that names an event ("this month's donor conference")
_RELATIVE_MONTH_RE = re.compile(
    rf"\b(?:{alternation(LEX['relative_months'])})\b(?!['’]s)", re.IGNORECASE
)


def relative_months(text: str, published: str | None) -> list[tuple[str, int, int]]:
    """Each relative month ("last month") with its span, as YYYY-MM before publication."""
    if "month" not in text or not published or not published[5:7].isdigit():
        return []
    out = []
    for m in _RELATIVE_MONTH_RE.finditer(text):
        shift = LEX["relative_months"][" ".join(m.group(0).lower().split())]
        months = int(published[:4]) * 12 + int(published[5:7]) - 1 + shift
        out.append((f"{months // 12}-{months % 12 + 1:02d}", m.start(), m.end()))
    return out


def has_month_name(text: str) -> bool:
    """Whether text holds a month's full name as a month is written (a cheap test before
    the month patterns: most sentences hold none)."""
    return any(name in text for name in _CAPITAL_MONTHS)


def bare_months(text: str, published: str | None) -> list[tuple[str, int, int]]:
    """Each month named without a day or year after a preposition ("in January", "since
    March") with its span, as YYYY-MM of the publication year, or of the year before when
    that month is still to come; none when the publication date has no month."""
    if not published or not published[5:7].isdigit() or not has_month_name(text):
        return []
    year, month = int(published[:4]), int(published[5:7])
    out = []
    for m in _months_after(text, _BARE_BEFORE_RE):
        mon = month_number(m.group("mon"))
        y = year - 1 if mon > month else year  # type: ignore[operator]
        out.append((f"{y}-{mon:02d}", m.start("mon"), m.end("mon")))
    return out


def period_end_months(text: str, published: str | None) -> list[tuple[str, int, int]]:
    """Each month that ends a period ("in the three months to January", "the year to
    March") with its span, as YYYY-MM of the last such month ended before publication
    (a period that ends in the month of publication is last year's); none when the
    publication date has no month."""
    if not published or not published[5:7].isdigit():
        return []
    if not has_month_name(text) or not _PERIOD_END_CUE_RE.search(text):
        return []
    year, month = int(published[:4]), int(published[5:7])
    out = []
    for m in _months_after(text, _PERIOD_END_BEFORE_RE):
        mon = month_number(m.group("mon"))
        y = year - 1 if mon >= month else year
        out.append((f"{y}-{mon:02d}", m.start("mon"), m.end("mon")))
    return out
