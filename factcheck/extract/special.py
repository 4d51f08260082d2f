"""Special phrases: vague amounts, spelled fractions, ratios, percent-of and ordinal words.

Each reader takes the scanner's match of its shape and the sentence holding it, adds its
claim, and returns where scanning resumes (None: nothing read, scan on).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..vocab import currencies, units
from . import intervals as iv
from . import nouns
from . import numbers as nums
from . import patterns as pat
from .drafts import ClaimDraft, Drafts, stated_claim
from .emit import Reading, add_number, emit
from .phrase import read_phrase
from .read_around import currency_before, qualifier_before, unit_after
from .read_number import read_number
from .scanner import Num
from .text import Text


def ordinal_word(t: Text, drafts: Drafts, m: re.Match, s_start: int, s_end: int) -> int:
    """ "the third-largest": a rank."""
    word = re.match(r"[a-z]+", m.group(0), re.I).group(0).lower()  # type: ignore[union-attr]
    drafts.add(ClaimDraft(m.start(), m.end(), "rank", float(nums.ORDINALS[word])))
    return m.end()


def vague(t: Text, drafts: Drafts, m: re.Match, s_start: int, s_end: int) -> int:
    """ "dozens", "tens of thousands", "several hundred million dollars": a vague amount."""
    text = t.text
    words = m.group(0).lower().split()
    lo, hi = _vague_bounds(words)
    start, end = m.start(), m.end()
    money = None
    cm = pat.OF_CURRENCY_RE.match(text, end)
    cb = currency_before(text, start, s_start)
    if cm:
        name = currencies.CURRENCY_FORMS.get(cm.group("name").lower())
        default, adjs = currencies.CURRENCY_NAMES[name]  # type: ignore[index]
        code = adjs.get((cm.group("adj") or "").lower(), default)
        money = (code, code, 1.0)
        end = cm.end()
    elif cb:
        money = (cb[0], cb[0], 1.0)
        start = cb[2]
    elif words[-1] in ("dozens", "hundreds", "thousands", "millions") and re.match(
        r"\s+of\s+(?:years|miles|kilometres|kilometers|hours|days|tonnes|tons|acres)\b",
        text[end:],
    ):
        return end
    stated = (None, float(lo), float(hi), "vague")
    return emit(t, drafts, Reading(start, end, stated, money, None, None, s_start, s_end))


def _vague_bounds(words: list[str]) -> tuple[float, float]:
    """The interval a vague amount names: "several dozen" [36, 120], "tens of thousands"."""
    if words[0] in ("several", "a", "few", "many"):
        scale = 12 if words[-1] == "dozen" else nums.SCALES[words[-1]]
        lo, hi = (2 * scale, 10 * scale) if words[0] in ("a", "few") else (3 * scale, 10 * scale)
        if words[0] == "many":
            lo = 3 * scale
        return lo, hi
    if len(words) == 3:  # tens of thousands, hundreds of millions
        lo, hi = nums.VAGUE[words[0]]
        unit = nums.VAGUE[words[2]][0]
        lo, hi = lo * unit, hi * unit
        if words[0] == "tens":
            lo, hi = 10 * unit, 100 * unit
        return lo, hi
    return nums.VAGUE[words[0]]


def fraction(t: Text, drafts: Drafts, m: re.Match, s_start: int, s_end: int) -> int | None:
    """ "two-thirds of", "half the", "cut by a quarter": a share, as a percent."""
    words = nums.words_of(m.group(0).lower())
    if re.search(
        r"\b(?:first|second|third|fourth|latter|other|last|the|final|back|front)\s+$",
        t.text[max(s_start, m.start() - 10) : m.start()],
        re.I,
    ):
        return m.end()  # "the second half of the year": a part of a period
    denom = nums.FRACTIONS[words[-1]]
    numer = 1 if len(words) == 1 or words[0] in ("a", "one") else nums.SMALL[words[0]]
    return _share(t.text, drafts, m, round(100.0 * numer / denom, 2), s_start)


def a_fraction(t: Text, drafts: Drafts, m: re.Match, s_start: int, s_end: int) -> int | None:
    """ "a fifth", "a hundredth", "a twenty-first": one over the denominator."""
    den = nums.denominator(nums.words_of(m.group("ad")))
    if not den or (den == 4 and pat.TIME_SPAN_BEFORE_RE.search(t.text, s_start, m.start())):
        return m.end()
    num = Num(m.start(), m.end(), 1.0 / den, 0.0, True, m.group(0))
    num.fraction = True
    return read_phrase(t, drafts, num, s_start, s_end)


def part_of_percent(t: Text, drafts: Drafts, m: re.Match, s_start: int, s_end: int) -> int:
    """ "nine-tenths of a percent", "half a percentage point": a part of one percent."""
    if m.group("ppd"):
        den = nums.FRACTIONS[m.group("ppd").lower()]
        n = m.group("ppn").lower()
        value = round((1 if n in ("a", "one") else nums.SMALL[n]) / den, 4)
    else:
        value = 0.5
    unit = "percentage point" if m.group("ppp") else "percent"
    return _share(t.text, drafts, m, value, s_start, unit)


def _share(
    text: str, drafts: Drafts, m: re.Match, value: float, s_start: int, unit: str = "percent"
) -> int:
    """A share written as a fraction or ratio ("two-thirds", "one in four"), as a percent;
    or a part of one percent ("half a percentage point") in its unit."""
    qual, qstart, _, _ = qualifier_before(text, drafts, m.start(), s_start)
    qual = qual or "exact"
    start = qstart if qual != "exact" else m.start()
    interval = iv.interval(value, 0.0, qual)
    si = (unit, value, unit)
    stated = (value, None, None, qual)
    drafts.add(stated_claim("percent", (start, m.end()), stated, unit, si, interval))
    return m.end()


def and_a_half(t: Text, drafts: Drafts, m: re.Match, s_start: int, s_end: int) -> int | None:
    """ "an hour and a half", "a mile and a half": one and a half of the unit."""
    u = units.CURATED.get(m.group("au").lower())
    if u is None:
        return m.end()
    qual, qstart, _, _ = qualifier_before(t.text, drafts, m.start(), s_start)
    start = qstart if qual else m.start()
    stated = (1.5, None, None, qual or "exact")
    after = ("unit", u, m.end())
    return emit(t, drafts, Reading(start, m.end(), stated, None, after, None, s_start, s_end))


def part_of_unit(t: Text, drafts: Drafts, m: re.Match, s_start: int, s_end: int) -> int:
    """ "half an hour", "a quarter of an hour", "three-quarters of an hour": a duration."""
    u = units.CURATED[m.group("pu").lower()]
    value = 0.5 if m.group("ph") else 0.75 if m.group("pq")[:5].lower() == "three" else 0.25
    return _time_unit(t, drafts, m, (value, u), (s_start, s_end), bare_ok=True)


def article_unit(t: Text, drafts: Drafts, m: re.Match, s_start: int, s_end: int) -> int:
    """ "a fortnight", "less than an hour", "nearly a decade": one unit as a duration, when a
    qualifier stands before it or the unit is one that alone names a stretch of time."""
    text = t.text
    if pat.RATE_BEFORE_RE.search(text, max(s_start, m.start() - 12), m.start()):
        return m.end()  # "once a fortnight", "$5 a day": a rate
    word = m.group("un").lower()
    u = units.CURATED[word]
    return _time_unit(t, drafts, m, (1.0, u), (s_start, s_end), word in pat.ARTICLE_DURATIONS)


def _time_unit(
    t: Text,
    drafts: Drafts,
    m: re.Match,
    amount: tuple[float, units.Unit],
    sentence: tuple[int, int],
    bare_ok: bool,
) -> int:
    """A duration read from words alone (its value and unit), with the qualifier before it;
    with none, only when bare_ok or "within" stands before it."""
    (value, u), (s_start, s_end) = amount, sentence
    qual, qstart, _, _ = qualifier_before(t.text, drafts, m.start(), s_start)
    if qual is None and not bare_ok:
        if not pat.DURATION_QUAL_BEFORE_RE.search(t.text, max(s_start, m.start() - 40), m.start()):
            return m.end()  # "a year after the flood": a time, not an amount
    start = qstart if qual else m.start()
    stated = (value, None, None, qual or "exact")
    after = ("unit", u, m.end())
    return emit(t, drafts, Reading(start, m.end(), stated, None, after, None, s_start, s_end))


def ratio(t: Text, drafts: Drafts, m: re.Match, s_start: int, s_end: int) -> int | None:
    """ "one in four", "3 out of 10": a share; "one over three": a number; else the first
    number alone."""
    text = t.text
    if pat.SCALE_WORD_AFTER_RE.match(text, m.end()):
        return m.end()  # "two out of five hundreds": not read
    if re.search(r"\d[-–]$", text[max(s_start, m.start() - 2) : m.start()]):
        return m.end()  # "won 6-3, 6-4 in 92 minutes": a score's second figure, no share
    n, d = _ratio_term(m.group("rn")), _ratio_term(m.group("rd"))
    raw_d = m.group("rd")
    if n is not None and d and m.group("over") and _over_ratio_ok(t, m, n, d):
        return _over_ratio(text, drafts, m, n / d, s_start)
    if (
        n is None
        or not d
        or n >= d
        or d > 1000
        or m.group("over")
        or (raw_d.isdigit() and len(raw_d) == 4)
        or not re.match(r"[\s,;:)]|\.(?!\d)|$", text[m.end() : m.end() + 2])
    ):
        # not a ratio: read the first number alone
        m2 = pat.CORE_RE.match(text, m.start() + 0)
        sub = re.compile(rf"(?P<spelled>{pat.NW})|(?P<digits>\d+)", re.I).match(text, m.start())
        if not sub or m2 is None:
            return None
        num = read_number(text, sub)
        return read_phrase(t, drafts, num, s_start, s_end) if num else None
    return _share(text, drafts, m, round(100.0 * n / d, 2), s_start)


def _ratio_term(s: str) -> float | None:
    s = s.lower()
    if s.isdigit():
        return float(s)
    parsed = nums.parse_words(nums.words_of(s))
    return parsed[0] if parsed else None


def _over_ratio_ok(t: Text, m: re.Match, n: float, d: float) -> bool:
    """ "one over three", "1 over 20 people": a ratio; not "12 over three days" (a time
    span), nor "300 over 40 were turned away" (a count, then an age bracket)."""
    text = t.text
    if (m.group("rd").isdigit() and len(m.group("rd")) == 4) or d > 1000:
        return False
    word_after = re.match(r"[\s-]*[A-Za-z]", text[m.end() : m.end() + 3])
    if not word_after:
        return True
    if n >= d:
        return False
    sub = pat.CORE_RE.match(text, m.start("rd"))
    num = read_number(text, sub) if sub and sub.lastgroup in ("digits", "spelled") else None
    return num is not None and unit_after(t, num, num.end, False) is None


def _over_ratio(text: str, drafts: Drafts, m: re.Match, value: float, s_start: int) -> int:
    """A ratio written with "over": a number (kind number), which no rule compares."""
    _, qstart, _, negative = qualifier_before(text, drafts, m.start(), s_start)
    start = qstart if negative else m.start()
    value = -value if negative else value
    return add_number(drafts, (start, m.end()), value, "exact")


def percent_of(t: Text, drafts: Drafts, m: re.Match, s_start: int, s_end: int) -> int | None:
    """ "percent of 40": a percent whose figure comes after it."""
    text = t.text
    before = text[max(0, m.start() - 20) : m.start()]
    if re.search(r"(?:\d|\b" + pat.NW + r")\s*$", before, re.I):
        return None
    m2 = pat.CORE_RE.match(text, m.end())
    if not m2 or m2.lastgroup not in ("digits", "spelled"):
        return None
    num = read_number(text, m2)
    if num is None or nouns.noun_after(text, num.end, s_end):
        return None
    interval = iv.interval(num.value, num.place, "exact")
    si = ("percent", num.value, "percent")
    stated = (num.value, None, None, "exact")
    drafts.add(stated_claim("percent", (m.start(), num.end), stated, "percent", si, interval))
    return num.end


# the reader of each special shape of the scanner's CORE_RE, by its group name
READERS: dict[str | None, Callable[..., int | None]] = {
    "pctpart": part_of_percent,
    "ordw": ordinal_word,
    "ratio": ratio,
    "frac": fraction,
    "pctof": percent_of,
    "vague": vague,
    "ahalf": and_a_half,
    "partof": part_of_unit,
    "aunit": article_unit,
    "afrac": a_fraction,
}
