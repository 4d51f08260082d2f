"""A number phrase: a number with its qualifier, currency, unit, range partner and noun."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocab import units
from . import filters, nouns
from . import patterns as pat
from .drafts import ClaimDraft, Drafts
from .emit import Reading, add_number, add_year, emit, emit_age
from .ranges import joined_bounds, name_range_end, read_range
from .read_around import (
    cents,
    code_follows,
    currency_before,
    metres_in_doubt,
    plural_follows,
    qualifier_before,
    unit_after,
)
from .read_number import scale
from .scanner import Num
from .text import Text


@dataclass(slots=True)
class Phrase:
    """A number phrase being read: the number and what has been found around it so far."""

    num: Num
    s_start: int  # the sentence holding it
    s_end: int
    start: int  # where the phrase starts: the number, or a currency or sign before it
    qstart: int  # where its qualifier starts (start when there is none)
    qual: str | None = None
    between: bool = False  # "between"/"from" before it: a range may follow
    money: tuple | None = None  # (code, label, factor)
    after: tuple | None = None  # ('percent'|'unit', info, end) after the number
    p: int = 0  # where the number (and a currency after it) ends


def read_phrase(t: Text, drafts: Drafts, num: Num, s_start: int, s_end: int) -> int | None:
    """Read the phrase around num, add its claim; return where scanning resumes."""
    ph = _head(t, drafts, num, s_start, s_end)
    for step in _STEPS:
        done = step(t, drafts, ph)
        if done is not None:
            return done
    return _single(t, drafts, ph)


def _rescale(num: Num, factor: float) -> None:
    """A scale read around the number ("US$ million", "MUSD", "4 to 5 million")."""
    num.value *= factor
    num.place = (num.place or 1.0) * factor if num.place else 0.0
    num.scaled = True


def _head(t: Text, drafts: Drafts, num: Num, s_start: int, s_end: int) -> Phrase:
    """The currency, money scale, qualifier and sign written before the number."""
    text = t.text
    lo = max(s_start, drafts.last_end)
    ph = Phrase(num, s_start, s_end, num.start, num.start)
    cur = currency_before(text, num.start, lo)
    if cur:
        code, label, ph.start, mscale = cur
        ph.money = (code, label, 1.0)
        if mscale != 1.0:
            _rescale(num, mscale)
    ms = num.money_scale
    if ms and (ph.money or plural_follows(text, ms[0], s_end) or code_follows(text, ms[0])):
        scale(num, ms[1], ms[0])
    elif ms and ms[1] == 1e3:
        scale(num, 1e3, ms[0])
    ph.qual, ph.qstart, ph.between, negative = qualifier_before(text, drafts, ph.start, lo)
    if negative:
        num.value = -num.value
        ph.start = ph.qstart  # "minus 5 degrees"
    if num.plus and not ph.qual:
        ph.qual = "at_least"  # "600+ million euros"
    ph.p = num.end
    return ph


def _not_an_amount(t: Text, drafts: Drafts, ph: Phrase) -> int | None:
    """Where to resume when the number says who or when, not how many."""
    text, num, p = t.text, ph.num, ph.p
    if num.spelled and re.match(r"(?:a|one)\s+(?:day|time)\b", num.raw + text[p : p + 6], re.I):
        return p  # "one day", "one time": not amounts
    if ph.qual == "more_than" and text[ph.qstart : ph.qstart + 4].lower() == "over":
        if pat.NUMBER_BEFORE_RE.search(text[max(ph.s_start, ph.qstart - 20) : ph.qstart]):
            # "killed 12 over three days", "one over three": not "more than three"
            ph.qual, ph.qstart = None, ph.start
    before = text[max(ph.s_start, ph.qstart - 12) : ph.qstart]
    if ph.money is None and "ag" in before.lower():
        am = pat.AGE_BEFORE_RE.search(before)
        if am:  # "aged 18 to 24", "at the age of 87": who, not how many
            return _aged(text, drafts, ph, ph.qstart - len(before) + am.start())
    return None


def _aged(text: str, drafts: Drafts, ph: Phrase, start: int) -> int:
    """An age after "aged"/"age": one age, a range of ages, or an open end."""
    num = ph.num
    m: re.Match = pat.AGE_SPAN_RE.match(text, ph.p)  # type: ignore[assignment]
    if not num.raw.isdigit() and not num.spelled or not 0 <= num.value < 150:
        return m.end()
    unit = units.CURATED["month" if (m.group("unit") or "").startswith("month") else "year"]
    low: float | None
    high: float | None
    value, low, high, qual = num.value, None, None, ph.qual or "exact"
    if m.group("high") and (ph.qual or float(m.group("high")) <= num.value):
        return emit_age(
            drafts, (start, ph.p), (value, low, high, qual), unit, num
        )  # "over 65 and 3"
    if m.group("high"):
        value, low, high, qual = None, num.value, float(m.group("high")), "range"
    elif m.group("up"):
        qual = "at_least"
    elif m.group("down"):
        qual = "at_most"
    return emit_age(drafts, (start, m.end()), (value, low, high, qual), unit, num)


def _tail(t: Text, drafts: Drafts, ph: Phrase) -> int | None:
    """The unit, percent or currency after the number; an age ends the phrase."""
    text, num = t.text, ph.num
    after = unit_after(t, num, ph.p, ph.money is not None)
    if after and after[0] == "unit" and _doubtful_m(t, ph, after):
        return after[2]  # "the project cost 40m": millions or metres? not read
    if after and after[0] == "unit":
        old = after[1].dimension == "time" and pat.AGE_AFTER_RE.match(text, after[2])
        if old:  # "the 10-year-old boy", "three months old", "3 years of age"
            start = ph.qstart if ph.qual else ph.start
            stated = (num.value, None, None, ph.qual or "exact")
            return emit_age(drafts, (start, old.end()), stated, after[1], num)
    elif ph.money is None and after is None:
        window = text[max(ph.s_start, ph.start - 12) : ph.start]
        mag = "agnitude" in window and pat.MAGNITUDE_BEFORE_RE.search(window)
        if mag:  # "a magnitude 6.4 earthquake"
            after = ("unit", units.CURATED["magnitude"], ph.p)
            ph.start = ph.qstart = ph.start - len(mag.group(0))
    if ph.money is None and after and after[0] == "money":
        code, label, factor = after[1]
        ph.money = after[1]
        if factor != 1.0 and label == code:  # "75 USD million", "30 MUSD"
            _rescale(num, factor)
            ph.money = (code, label, 1.0)
        ph.p = after[2]
        after = None
    elif after and after[0] == "money":
        after = None
    ph.after = after
    return None


def _doubtful_m(t: Text, ph: Phrase, after: tuple) -> bool:
    """An attached "m" read as metres with no word of length near it."""
    num = ph.num
    return (
        after[1].short == "m"
        and num.money_scale is not None
        and after[2] == ph.p + 1
        and metres_in_doubt(t.text, num, after[2], ph.s_start, ph.s_end)
    )


def _single(t: Text, drafts: Drafts, ph: Phrase) -> int | None:
    """The claim of one number (no range)."""
    num = ph.num
    if ph.between and not ph.qual:
        ph.qstart = ph.start  # "between" without its "and": no range
    end = ph.after[2] if ph.after else ph.p
    if ph.money and not ph.after:
        end = max(end, ph.p)
        # cents after the units: "3 dollars 50 cents", "15 dollars and 50"
        if ph.money[1] == ph.money[0] and not num.scaled and num.value == int(num.value):
            found = cents(t.text, end, ph.s_end)
            if found:
                num.value += found[0] / 100
                end = found[1]
    if ph.money is None and ph.after is None:
        # "2½ lengths" counts lengths; "two thirds" and "3/4 people" count nothing
        # ("2 1/4 people": the count filters never read a slash fraction as a count)
        if num.fraction and (
            abs(num.value) < 1 or "/" in num.raw or not nouns.noun_after(t.text, num.end, ph.s_end)
        ):
            return _number_claim(t.text, drafts, ph)
        done = joined_bounds(t, drafts, ph) or _bare_number(t, drafts, ph)
        if done is not None:
            return done
    start = ph.qstart if ph.qual else ph.start
    stated = (num.value, None, None, ph.qual or "exact")
    r = Reading(start, end, stated, ph.money, ph.after, num, ph.s_start, ph.s_end)
    return emit(t, drafts, r)


def _number_claim(text: str, drafts: Drafts, ph: Phrase) -> int:
    """A bare fraction ("two thirds", "3/4"): a number of kind number, which no rule
    compares unless it selects that kind; "two thirds of the vote" is a percent."""
    num = ph.num
    if "/" in num.raw and pat.DATE_CUE_BEFORE_RE.search(text, max(0, num.start - 8), num.start):
        return num.end  # "on 3/4": a date, not three quarters
    start = ph.qstart if ph.qual else ph.start
    return add_number(drafts, (start, num.end), num.value, ph.qual or "exact")


def _bare_number(t: Text, drafts: Drafts, ph: Phrase) -> int | None:
    """A number with no unit or currency that is a date, rank or not a claim: its end."""
    text, num, qual = t.text, ph.num, ph.qual
    if (
        qual in ("more_than", "less_than")
        and num.raw.isdigit()
        and num.value < 120
        and pat.AGE_GROUP_BEFORE_RE.search(text[max(ph.s_start, ph.qstart - 14) : ph.qstart])
        and nouns.noun_after(text, num.end, ph.s_end) is None
    ):
        return num.end  # "adults over 65": an age bracket
    verdict = filters.verdict(text, num, qual, ph.s_start, ph.s_end)
    if verdict == "skip":
        return name_range_end(t, ph)
    if verdict == "date":
        return add_year(drafts, num.start, num.end, num.value)
    if verdict == "age":  # "Maria Lopez, 52, said"
        return emit_age(drafts, (num.start, num.end), (num.value, None, None, "exact"),
                        units.CURATED["year"], num)  # fmt: skip
    if verdict == "rank":
        om = pat.ORDINAL_RE.match(text, num.end)
        e = om.end() if om else num.end
        drafts.add(ClaimDraft(num.start, e, "rank", num.value))
        return e
    return None


_STEPS = (_not_an_amount, _tail, read_range)
