"""The publication date of an article, read from the lines news outlets put at its top.

Pure functions over the header of an article (its first lines). What counts, in order:

1. a stamp line: "Published 3 March 2026", "Updated: 7:41PM GMT 21/06/2011",
   "Last Updated : 03 Mar 2026, 02:20 PM IST", "First published on Tue 3 Mar 2026
   14.20 GMT"; when a line gives several, the latest (the text is as of its last update);
2. a wire dateline: "PUNE, March 3 (PTI) -", "LAGOS, Aug 9 (Reuters) -", "BHOPAL, 13
   February 2019 —", "ERBIL, Iraq — January 14, 2018 —", "NAIROBI, Kenya (AP) — March 3,
   2024 —", or with the place in title case "Erbil, Jan. 14, 2018:"; one without a year
   takes the year of a stamp or a "© 2026" line of the header, else it dates nothing;
3. a line that starts with a date: "Friday, 30 November 2017", "Mar 3, 2026, 2:20 PM
   ET", "3/3/2026", "March 5, 2018 — The floods ...";
4. a byline with a date: "By Ana Reyes | March 3, 2026".

A date in the middle of a sentence (the story's text) or in a photo caption ("Rescuers
search the rubble on March 4, 2026. (Photo: PTI)", "FILE PHOTO: ...") is never the
publication date. A time of day goes with the date as written (its zone is not converted):
"2011-06-21T19:41". A numeric date ("03/04/2026") is read day first or month first only
when it cannot be the other (a part above 12, or both parts alike) or when the header
tells the outlet's order (another numeric date that can only be read one way, or a time
zone: GMT, BST, IST read day first; EST, PDT, ET read month first); otherwise only its
year is said ("2026").
"""

from __future__ import annotations

import datetime
import re

from ..vocab.lexicon import LEX
from ..vocab.tries import alternation

_MONTHS: dict[str, int] = LEX["months"]
_MON = rf"(?P<mon>{alternation(_MONTHS)})\.?"
_MON2 = rf"(?P<mon2>{alternation(_MONTHS)})\.?"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_DATE = (
    rf"(?P<iso>(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d))"
    r"(?:[T ](?P<ih>[0-2]\d):(?P<imi>[0-5]\d))?"
    rf"|{_MON}\s+(?P<md>{_DAY})\b(?:,?\s+(?P<my>{_YEAR}))?"
    rf"|(?P<dd>{_DAY})\s+{_MON2}\b(?:,?\s+(?P<dy>{_YEAR}))?"
    rf"|(?P<ymd>{_YEAR})/(?P<ymdm>[01]?\d)/(?P<ymdd>[0-3]?\d)\b"
    rf"|(?P<na>[0-3]?\d)(?P<sep>[/.-])(?P<nb>[0-3]?\d)(?P=sep)(?P<ny>{_YEAR})\b"
)
_DATE_RE = re.compile(rf"(?<![\w/.-])(?:{_DATE})", re.IGNORECASE)
_CLOCK_RE = re.compile(
    r"(?<![\d/.:-])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
    r"|(?<![\d/.:-])(?P<h24>[01]?\d|2[0-3])[:.](?P<m24>[0-5]\d)(?![\d/.])",
    re.IGNORECASE,
)
_STAMP_RE = re.compile(
    r"\b(?:last\s+updated|updated|first\s+published|published|posted|modified|dated?)\b"
    r"(?:\s+(?:on|at))?\s*:?",
    re.IGNORECASE,
)
_STAMP_LINE_RE = re.compile(r"[\W_]*" + _STAMP_RE.pattern, re.IGNORECASE)
_WEEKDAY = (
    rf"(?:{alternation(LEX['weekdays'])}|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+"
)
# a dateline's place: a city in capitals ("SAN JUAN") or, since some outlets write it so,
# in title case ("Erbil"), then perhaps its region or country ("Puerto Rico"); before the
# date a comma, or an agency and a dash ("NAIROBI, Kenya (AP) — March 3, 2024 —")
_REGION = r"(?:,[^\S\n]*[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,2})?"
_BEFORE_DATE = r"(?:,[^\S\n]*|[^\S\n]*(?:\([^)\n]{1,40}\)[^\S\n]*)?[—–-][^\S\n]*)"
# a place: words of letters (any script's), the city in capitals or title case
_WIRE_RE = re.compile(
    r"[^\S\n]*[*_#>\s]*(?P<city>[^\W\d_][\w.'’-]*(?:[^\S\n]+[^\W\d_][\w.'’-]*){0,3})"
    + _REGION
    + rf"(?P<sep>{_BEFORE_DATE})"
)
# a first word that starts a sentence or a date line, never a place: "In March, 3,000..."
_NOT_PLACES = {*_MONTHS, *LEX["weekdays"], "in", "on", "by", "since", "until", "from", "as"}
_WIRE_END_RE = re.compile(r"[^\S\n]*(?:\([^)\n]{1,40}\))?[^\S\n]*(?:[-—–:]|$)")
_FIRST_RE = re.compile(rf"[^\S\n]*[*_#>\s]*(?:{_WEEKDAY})?", re.IGNORECASE)
# after a date that starts a line: nothing, a time, a zone, or a separator before a sentence
_AFTER_FIRST_RE = re.compile(
    r"[^\S\n]*[*_]*[^\S\n]*(?:$|[|•·»,—–-]|\d{1,2}[:.]\d\d|\d{1,2}\s*[ap]\.?m|\(|updated\b|at\s+\d"
    r"|(?-i:[A-Z]{2,4})\b)",
    re.IGNORECASE,
)
# "By Ana Reyes | March 3, 2026": a name, a separator, then the date ("By March 3, 2026
# some 9,000 had died" is a sentence)
_BYLINE_RE = re.compile(
    r"[^\S\n]*[*_]*by\s+(?P<who>[A-Z][^\d|•·—–,\n]{1,60}?)(?:,[^\d|•·—–\n]{1,60}?)?"
    rf"[^\S\n]*[|•·—–,][^\S\n]*(?:{_WEEKDAY})?",
    re.IGNORECASE,
)
# a stamp's date follows its word closely ("Updated: 7:41PM GMT 21/06/2011"); "Posted
# guards said 300 arrived on March 3, 2026" is a sentence
_STAMP_GAP = 24
# a caption line: one that starts with a caption word (matched at its start), or that holds
# a credit anywhere (searched: "(Photo: PTI)"); a line holds no newline, so searching the
# credit is matching ".*" and the credit, without backtracking over the line from its end
_CAPTION_START_RE = re.compile(
    r"[^\S\n]*[*_(\[]*(?:file\s+)?(?:photo|image|picture|pictured|caption|video|graphic)s?\b",
    re.IGNORECASE,
)
_CAPTION_CREDIT_RE = re.compile(
    r"\((?:photo|image|picture)|\bphoto\s*:|\bphotograph:|getty\s+images|reuters/|"
    r"\bap\s+photo|\bafp\s+via|\bphoto\s+credit",
    re.IGNORECASE,
)
_COPYRIGHT_RE = re.compile(rf"(?:©|\(c\)|copyright)\s*(?P<y>{_YEAR})\b", re.IGNORECASE)
# the time zones that tell an outlet writes numeric dates day first or month first
_DAY_FIRST_ZONES = {"gmt", "bst", "ist", "cet", "cest", "eet", "wat", "cat", "eat", "sast",
                    "pkt", "aest", "aedt", "nzst", "nzdt", "pht", "sgt", "hkt", "utc"}  # fmt: skip
_MONTH_FIRST_ZONES = {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "ct"}
# what every numeric date (_DATE_RE's "na" shape) holds: a digit, a separator, a digit
_NUMERIC_CUE_RE = re.compile(r"\d[/.-]\d")
_ZONE_RE = re.compile(r"\b[A-Za-z]{2,4}\b")


def publication_date(head: str) -> str | None:
    """The publication date of an article from its header lines (see the module), as
    YYYY-MM-DD, YYYY-MM-DDTHH:MM, or YYYY when a numeric date's order cannot be told."""
    lines = [ln for ln in head.splitlines() if ln.strip() and not _caption(ln)]
    order = _numeric_order(lines)
    stamps = [s for ln in lines if _STAMP_LINE_RE.match(ln) for s in _stamps(ln, order)]
    if stamps:
        return max(stamps, key=lambda s: (len(s) >= 10, s))
    year = _header_year(lines, order)
    for finder in (_wire, _first):
        for ln in lines:
            found = finder(ln, order, year)
            if found:
                return found
    for ln in lines:
        b = _BYLINE_RE.match(ln)
        if b and b.group("who").split()[0].lower().rstrip(".") not in _MONTHS:
            m = _DATE_RE.match(ln, b.end())
            found = _read(m, ln, order, None) if m else None
            if found:
                return found
    return None


# a word every credit of _CAPTION_CREDIT_RE holds, lowercase
_CREDIT_WORDS = ("photo", "image", "picture", "getty", "reuters/", "afp")
# the letters other than ASCII ones that an ASCII letter matches when case is ignored
_CASE_TWINS_RE = re.compile("[\u0130\u0131\u017f\u212a]")  # İ ı ſ K


def _caption(line: str) -> bool:
    """Whether a line (no newline in it) is a photo caption or credit. A credit is
    searched for only in a line that holds one of its words (most lines hold none)."""
    if _CAPTION_START_RE.match(line):
        return True
    if not _CASE_TWINS_RE.search(line):
        low = line.lower()
        if not any(w in low for w in _CREDIT_WORDS):
            return False
    return _CAPTION_CREDIT_RE.search(line) is not None


def _stamps(line: str, order: str | None) -> list[str]:
    """The date (and time) of each stamp of a line ("Published ... | Updated ...")."""
    keys = list(_STAMP_RE.finditer(line))
    out = []
    for k, key in enumerate(keys):
        end = keys[k + 1].start() if k + 1 < len(keys) else len(line)
        seg = line[key.end() : end]
        m = _DATE_RE.search(seg, 0, _STAMP_GAP + 30)
        found = _read(m, seg, order, None) if m and m.start() <= _STAMP_GAP else None
        if found:
            out.append(found)
    return out


def _wire(line: str, order: str | None, year: str | None) -> str | None:
    """The date of a wire dateline ("PUNE, March 3 (PTI) -") at the start of a line."""
    m = _WIRE_RE.match(line)
    if not m or not _place(m.group("city"), m.group("sep").strip().startswith(",")):
        return None
    d = _DATE_RE.match(line, m.end())
    if d and _WIRE_END_RE.match(line, d.end()):
        return _read(d, line, order, year)
    return None


def _place(city: str, comma: bool) -> bool:
    """Whether a dateline's first words name a place: in capitals ("ZÜRICH", "SAN
    JUAN"), or in title case before a comma ("Erbil, Jan. 14"), never a word that
    starts a sentence ("In Kano, March 3")."""
    words = city.split()
    if words[0].lower().rstrip(".") in _NOT_PLACES:
        return False
    if city.upper() == city:
        return True
    return comma and all(w[0].isupper() and w[1:].lower() == w[1:] for w in words)


def _first(line: str, order: str | None, year: str | None) -> str | None:
    """The date that starts a line ("Friday, 30 November 2017", "3/3/2026 10:15 GMT")."""
    d = _DATE_RE.match(line, _FIRST_RE.match(line).end())  # type: ignore[union-attr]
    if not d or not _AFTER_FIRST_RE.match(line, d.end()):
        return None
    return _read(d, line, order, None)


def _read(m: re.Match, line: str, order: str | None, year: str | None) -> str | None:
    """The ISO date of a date match, with the time of day written after or before it on
    the line; None when it has no year and none is given."""
    day = _day(m, _line_order(line, order), year)
    if day is None or len(day) < 10:
        return day
    if m.group("ih"):
        return f"{day}T{m.group('ih')}:{m.group('imi')}"
    rest = line[: m.start()] + " " * (m.end() - m.start()) + line[m.end() :]
    clock = _CLOCK_RE.search(rest)
    return f"{day}T{_hhmm(clock)}" if clock else day


def _day(m: re.Match, order: str | None, year: str | None) -> str | None:
    g = m.groupdict()
    if g["iso"]:
        y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
    elif g["mon"] or g["mon2"]:
        mo = _MONTHS[(g["mon"] or g["mon2"]).lower()]
        d = int(re.match(r"\d+", g["md"] or g["dd"]).group(0))  # type: ignore[union-attr]
        y = int(g["my"] or g["dy"] or year or 0)
    elif g["ymd"]:
        y, mo, d = int(g["ymd"]), int(g["ymdm"]), int(g["ymdd"])
    else:
        return _numeric(int(g["na"]), int(g["nb"]), int(g["ny"]), order)
    return iso_day(y, mo, d)


def iso_day(y: int, mo: int, d: int) -> str | None:
    """YYYY-MM-DD of a day that exists (no 30 February, no 31 April), else None."""
    try:
        return datetime.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _numeric(a: int, b: int, y: int, order: str | None) -> str | None:
    """A numeric date: day first or month first when it can be told, else the year."""
    if a > 12 and b > 12 or not (a and b):
        return None
    if a == b or a > 12 or (b <= 12 and order == "dmy"):
        d, mo = a, b
    elif b > 12 or order == "mdy":
        d, mo = b, a
    else:
        return f"{y:04d}"
    return iso_day(y, mo, d)


def _numeric_order(lines: list[str]) -> str | None:
    """ "dmy" or "mdy" when a numeric date of the header can only be read one way."""
    for ln in lines:
        if not _NUMERIC_CUE_RE.search(ln):
            continue  # no numeric date can be there: most lines
        for m in _DATE_RE.finditer(ln):
            if m.group("na"):
                a, b = int(m.group("na")), int(m.group("nb"))
                if a > 12 >= b:
                    return "dmy"
                if b > 12 >= a:
                    return "mdy"
    return None


def _line_order(line: str, order: str | None) -> str | None:
    """The header's order, else the one a time zone of the line tells."""
    if order:
        return order
    for z in _ZONE_RE.findall(line):
        if z.isupper() and z.lower() in _DAY_FIRST_ZONES:
            return "dmy"
        if z.isupper() and z.lower() in _MONTH_FIRST_ZONES:
            return "mdy"
    return None


def _header_year(lines: list[str], order: str | None) -> str | None:
    """The year a dateline without one takes: of a date that starts a line, else of a
    copyright line."""
    for ln in lines:
        found = _first(ln, order, None)
        if found:
            return found[:4]
    for ln in lines:
        m = _COPYRIGHT_RE.search(ln)
        if m:
            return m.group("y")
    return None


def _hhmm(m: re.Match) -> str:
    if m.group("h24"):
        return f"{int(m.group('h24')):02d}:{m.group('m24')}"
    h = int(m.group("h")) % 12 + (12 if m.group("ap").lower() == "p" else 0)
    return f"{h:02d}:{int(m.group('m') or 0):02d}"
