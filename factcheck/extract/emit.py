"""A read phrase made a claim draft by its kind: money, percent, measure, duration, count, age.

Numbers that count nothing (a model name, the size of a list, a duration that places
other events in time) are dropped here, and a count gets the noun it counts: the one
after it, the one a verb implies ("six died"), or the one its sentence or the sentence
before names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocab import currencies, units
from . import filters, nouns
from . import intervals as iv
from . import patterns as pat
from .drafts import ClaimDraft, Drafts, Stated, stated_claim
from .scanner import Num
from .text import Text


@dataclass(slots=True)
class Reading:
    """A read phrase as it becomes a claim: its span, what it states, its money or unit."""

    start: int
    end: int
    stated: Stated
    money: tuple | None  # (code, label, factor)
    after: tuple | None  # ('percent'|'unit', info, end) after the number
    num: Num | None
    s_start: int  # the sentence holding it
    s_end: int


def emit(t: Text, drafts: Drafts, r: Reading) -> int:
    """Add the claim of a read phrase by its kind; return where it ends."""
    value, low, high, qual = r.stated
    if r.money or r.after:
        qual, r.end = qualifier_after(t.text, qual, r.end)
        if qual == "exact" and r.after and r.after[0] == "unit":
            qual = _duration_qualifier(t, r)
        r.stated = (value, low, high, qual)
    place = r.num.place if r.num is not None else 0.0
    interval = iv.interval_for(value, low, high, place, qual)
    span = (r.start, r.end)
    if r.money:
        return _emit_money(t, drafts, r, interval)
    if r.after and r.after[0] == "percent":
        info = r.after[1]
        si_unit = "percent" if info == "percent" else "percentage point"
        factor = 0.01 if info == "basis point" else 1.0
        si = (si_unit, iv.times(value, factor), si_unit)
        interval = iv.times_all(interval, factor)
        drafts.add(stated_claim("percent", span, r.stated, info, si, interval))
        return r.end
    if r.after:
        return _emit_measure(t, drafts, r, interval)
    return _emit_count(t, drafts, r)


def _emit_money(t: Text, drafts: Drafts, r: Reading, interval: tuple) -> int:
    """A sum of money; a price per unit of quantity ("Rs 1,850 per quintal") keeps its
    denominator in its unit ("INR/quintal"), so it compares only with prices per quintal."""
    code, label, factor = r.money  # type: ignore[misc]
    per = pat.PER_QUANTITY_AFTER_RE.match(t.text, r.end)
    den = (
        currencies.PRICE_DENOMINATORS[per.group("den").lower()]
        if per
        else _partner_den(t, drafts, r, code)
    )
    if per:
        r.end = per.end()
    if den:
        code, label = f"{code}/{den}", f"{label}/{den}"
    si = (code, iv.times(r.stated[0], factor), "currency")
    interval = iv.times_all(interval, factor)
    draft = stated_claim("money", (r.start, r.end), r.stated, label, si, interval)
    drafts.add(draft)
    if per:
        _share_den(t, drafts, r, code)
    return r.end


def _partner_den(t: Text, drafts: Drafts, r: Reading, code: str) -> str | None:
    """The denominator of the price just before a sum that restates it from another time,
    "$4.10 a gallon, up from $3.95", or in another currency, "€1.80 a litre (about $1.95)"."""
    prev = drafts.items[-1] if drafts.items else None
    if prev is None or prev.kind != "money" or prev.start < r.s_start or "/" not in prev.si_unit:  # type: ignore[operator]
        return None
    base, den = prev.si_unit.split("/", 1)  # type: ignore[union-attr]
    if pat.RATE_PAREN_RE.fullmatch(t.text, prev.end, r.start):
        return den
    if base != code or not pat.RATE_PARTNER_AFTER_RE.fullmatch(t.text, prev.end, r.start):
        return None
    return den


def _share_den(t: Text, drafts: Drafts, r: Reading, code: str) -> None:
    """A sum in the same currency just before a price that states its other end: "from
    Rs 2,125 to Rs 2,275 per quintal", "between $3.95 and $4.10 a gallon"."""
    if len(drafts.items) < 2:
        return
    prev = drafts.items[-2]
    base = code.split("/", 1)[0]
    if prev.kind != "money" or prev.si_unit != base or prev.start < r.s_start:
        return
    if not pat.RATE_PARTNER_BEFORE_RE.fullmatch(t.text, prev.end, r.start):
        return
    if not pat.RATE_OPENER_RE.search(t.text, max(0, prev.start - 10), prev.start):
        return
    den = code.split("/", 1)[1]
    prev.si_unit = code
    prev.unit = f"{prev.unit}/{den}"


def emit_age(drafts: Drafts, span: tuple[int, int], stated: Stated, u: units.Unit, num: Num) -> int:
    """An age ("a 74-year-old", "aged 18 to 24"): kept as its own kind, not a count."""
    value, low, high, qual = stated
    interval = iv.interval_for(value, low, high, num.place, qual)
    interval = tuple(units.to_si(x, u) if x is not None else None for x in interval)
    si = (u.si_unit, units.to_si(value, u), u.dimension)
    drafts.add(stated_claim("age", span, stated, u.short, si, interval))
    return span[1]


def add_year(drafts: Drafts, start: int, end: int, year: float) -> int:
    """A year ("in 2014") or a span of years ("2014-15"), dated by its first year."""
    drafts.add(ClaimDraft(start, end, "date", year, iso=str(int(year))))
    return end


def add_number(drafts: Drafts, span: tuple[int, int], value: float, qual: str) -> int:
    """A number of kind number (a bare fraction, a ratio with "over"), which no rule
    compares unless it selects that kind."""
    interval = iv.interval(value, 0.0, qual)
    drafts.add(stated_claim("number", span, (value, None, None, qual), interval=interval))
    return span[1]


def _emit_measure(t: Text, drafts: Drafts, r: Reading, interval: tuple) -> int:
    """A measure or a duration; a duration that places other events in time ("two years
    ago") is none, but one that frames them ("in the past three years") is a claim."""
    text, start, end, u = t.text, r.start, r.end, r.after[1]  # type: ignore[index]
    kind = "duration" if u.dimension == "time" else "measure"
    if kind == "duration" and pat.TIME_SHIFT_AFTER_RE.match(text, end):
        return end  # "two years ago": a time, not an amount
    if kind == "duration" and "-" in text[start:end] and pat.TENOR_AFTER_RE.match(text, end):
        return end  # "the 10-year Treasury yield": the term names a bond, it is no claim
    if kind == "duration" and r.stated[3] == "more_than" and _over_a_period(t, drafts, r):
        return end  # "spend £2bn over five years": the period of another claim
    if u.factor is not None:
        interval = tuple(units.to_si(x, u) if x is not None else None for x in interval)
        si = (u.si_unit, units.to_si(r.stated[0], u), u.dimension)
    else:
        si = (None, None, u.dimension)
    draft = stated_claim(kind, (start, end), r.stated, u.short, si, interval)
    if kind == "duration":
        draft.frames_time = bool(pat.TIME_FRAME_RE.search(text, max(r.s_start, start - 30), start))
    drafts.add(draft)
    return end


def _duration_qualifier(t: Text, r: Reading) -> str:
    """ "within 48 hours", "within the next six months": at most that long; the reading
    then starts at the qualifier."""
    if r.after[1].dimension != "time":  # type: ignore[index]
        return "exact"
    m = pat.DURATION_QUAL_BEFORE_RE.search(t.text, max(r.s_start, r.start - 40), r.start)
    if m is None:
        return "exact"
    r.start = m.start()
    return pat.DURATION_QUALIFIERS[pat.key(m.group("q"))]


def _emit_count(t: Text, drafts: Drafts, r: Reading) -> int:
    """A count and what it counts; numbers that count nothing are skipped."""
    text, num, start = t.text, r.num, r.start
    value, low, high, qual = r.stated
    qual, end = qualifier_after(text, qual, r.end)  # "4,500 or more people"
    qual, end = _plus_before_noun(text, qual, end, r.s_end)
    found, end, qual = _counted(text, num, end, qual, r.s_end)
    if found:  # "4,500 people or more"
        qual, found_end = qualifier_after(text, qual, found[1])
        found = (found[0], found_end)
    skip = _not_a_count(text, r, end, qual, found)
    if skip is not None:
        return skip
    large = num is not None and (num.scaled or (value or 0) >= 1000)
    if large and nouns.MONEY_NOUN_AFTER_RE.match(text, end):
        return end  # "a 2.0 billion deficit": money in a currency it does not name
    stated = (value, low, high, qual)
    if found and qual == "vague" and _cut_short(text, found):
        # "thousands of small, friendly deals": the noun is past the comma; say none
        interval = iv.interval_for(value, low, high, 0.0, qual)
        drafts.add(stated_claim("count", (start, end), stated, None, _COUNT, interval))
        return end
    if _index_points(t, r, found, value):
        return _emit_index(t, drafts, r, found[1] if found else end)
    if found:
        noun, end = found
        if noun == "times" and (num is None or not filters.occasions(text, num, r.s_start)):
            return end  # a multiplier, not an amount ("struck 3 times." counts occasions)
    else:
        decimal = num is not None and not num.spelled and "." in num.raw
        if value is not None and (value != int(value) or decimal) and not (num and num.scaled):
            return end  # a count is whole: 0.95 or 5.0 alone is a rate or an index, not a count
        if num and num.scaled and pat.PAREN_MONEY_AFTER_RE.match(text, end):
            return end  # "1.6 billion ($2.0 billion)": money in an unnamed currency
        noun = nouns.implied_by_verb(text, end) or nouns.partitive_noun(text, end, r.s_end)
        if noun is None:
            noun = implied_noun(t, drafts, start, r.s_start)
    place = num.place if num is not None else 0.0
    interval = iv.interval_for(value, low, high, place, qual)
    drafts.add(stated_claim("count", (start, end), stated, None, _COUNT, interval, noun))
    return end


def _index_points(t: Text, r: Reading, found, value) -> bool:
    """ "(8,912.44, down 31.20 points)", "closed up 0.4% at 7,215.32", "to 33,450": a level
    of a market index (from 100 with decimals, from 1,000 without), or its points, in a
    sentence that names an index."""
    num = r.num
    if num is None or num.spelled or num.scaled or value is None or r.stated[3] != "exact":
        return False
    if found:
        if found[0] not in ("points", "point"):
            return False
    elif (
        value < (100 if "." in num.raw else 1000)
        or not _LEVEL_BEFORE_RE.search(t.text, max(r.s_start, r.start - 12), r.start)
        or _PRICE_AFTER_RE.match(t.text, r.end)
    ):
        return False  # "gold rose to 2,345.10 an ounce as the dollar index fell": a price
    return bool(pat.MARKET_INDEX_RE.search(t.text, r.s_start, r.s_end))


def _emit_index(t: Text, drafts: Drafts, r: Reading, end: int) -> int:
    """A market index's level or move, a measure in index points."""
    r.end = end
    r.after = ("unit", units.CURATED["index point"], end)
    place = r.num.place if r.num is not None else 0.0
    value, low, high, qual = r.stated
    return _emit_measure(t, drafts, r, iv.interval_for(value, low, high, place, qual))


# what comes right before an index level: "closed at 7,215.32", "(8,912.44", "to 7,190.05"
_PRICE_AFTER_RE = re.compile(r"[^\S\n]+(?:a|an|per)\b", re.I)
_LEVEL_BEFORE_RE = re.compile(r"(?:\b(?:at|to|from|of)\s+|\(\s*)$", re.I)


def implied_noun(t: Text, drafts: Drafts, start: int, s_start: int) -> str | None:
    """The noun a count with none after it counts: the last count's of its sentence, the
    one its sentence names before its first figure, or the last count's of the sentence
    before."""
    for c in reversed(drafts.noun_counts):
        if c.end <= start:
            if c.start >= s_start:
                return nouns.lent_noun(c.noun, t.text[c.end : start])
            break
    text = t.text
    # only the words before the sentence's first figure: in "71 to firefighters, and
    # 27 to civilians" the firefighters are 71's
    first = drafts.first_figure_before(s_start, start)
    found = nouns.noun_before(text[s_start:first])
    if found is not None:
        return found or None
    if first < start:
        return None  # the sentence's own figures came first: no earlier sentence speaks here
    if ":" in text[s_start:start]:
        return None  # "Personnel on site: 3,216": a label names it, not the line before
    if nouns.names_own_subject(text[s_start:start]):
        return None  # "Police put the crowd at 12,000": not the last sentence's noun
    if s_start > 0:
        k = t.sentence_index(s_start - 1)
        s, e = t.sentences[k]
        for c in reversed(drafts.noun_counts_by_sent.get(k, ())):
            if s <= c.start < e:
                return c.noun
    return None


def _over_a_period(t: Text, drafts: Drafts, r: Reading) -> bool:
    """ "rose 40% over three years", "spend £2bn on roads over five years": after another
    figure of its sentence, and no word of lasting, "over" spans that figure's period.
    Fronted before a comma ("Over three years, the fund doubled") it may be either: no
    claim rather than a guess."""
    text, start, end, s_start = t.text, r.start, r.end, r.s_start
    if text[start : start + 4].lower() != "over" or pat.OF_AFTER_RE.match(text, end):
        return False
    before = text[s_start:start].split()
    if not before and text[end : end + 1] == ",":
        return True  # "Over three years, the fund doubled": a period, or more than one
    if before and before[-1].strip(",;:").lower() in pat.OVER_LASTING:
        return False  # "lasted over five years", "for over 12 hours"
    return any(
        s_start <= c.start and c.end <= start and c.kind not in ("date", "rank")
        for c in drafts.items[-4:]
    )


def qualifier_after(text: str, qual: str, end: int) -> tuple[str, int]:
    """A qualifier written after an exact figure ("or so", "or more"), and its end."""
    if qual != "exact":
        return qual, end
    m = pat.QUAL_AFTER_RE.match(text, end)
    if m:
        return pat.QUAL_AFTER[pat.key(m.group("q"))], m.end()
    m = pat.SPACED_QUAL_AFTER_RE.match(text, end)  # "2,000 plus."
    if m:
        return pat.SPACED_QUAL_AFTER[pat.key(m.group("q"))], m.end()
    return qual, end


def _plus_before_noun(text: str, qual: str, end: int, s_end: int) -> tuple[str, int]:
    """ "2,000 plus people": at least, when the counted noun follows "plus"."""
    m = pat.SPACED_QUAL_BEFORE_NOUN_RE.match(text, end)
    if qual != "exact" or not m or not nouns.noun_after(text, m.end(), s_end):
        return qual, end
    return pat.SPACED_QUAL_AFTER[pat.key(m.group("q"))], m.end()


def _counted(text: str, num: Num | None, end: int, qual: str, s_end: int):
    """(noun found, end, qualifier) after a count, through "-odd", "-plus", "-strong"."""
    found = nouns.noun_after(text, end, s_end)
    hm = None
    if text[end : end + 1] == "-" and num and not num.spelled:
        hm = pat.HYPHEN_WORD_RE.match(text, end)
    if hm and not found:
        word = hm.group("w")
        if word in pat.HYPHEN_QUALIFIERS or word == "strong":
            if qual == "exact" and word in pat.HYPHEN_QUALIFIERS:
                qual = pat.HYPHEN_QUALIFIERS[word]
            end = hm.end() if word in pat.HYPHEN_QUALIFIERS else end + 1
            found = nouns.noun_after(text, end, s_end)
        elif nouns.is_content(word):
            found = (word, hm.end())
    return found, end, qual


def _not_a_count(text: str, r: Reading, end: int, qual: str, found) -> int | None:
    """Where a number that counts nothing ends (a model, a list size, a fraction), or None."""
    start, num, value, s_start = r.start, r.num, r.stated[0], r.s_start
    stop = found[1] if found else end
    if found and text[end : found[1]].isupper():
        if all(len(w) > 1 for w in re.findall(r"[A-Za-z]+", text[end : found[1]])):
            return found[1]  # "the 737 MAX": a model name, not a count
    if found and num is not None and not num.spelled and _names_a_thing(text, end, found):
        return found[1]  # "the 787 Dreamliner", "a 500 Series": a name, not a count
    if num is not None and "/" in num.raw:
        return stop  # "1 / 4 point": a fraction, not a count
    if _THE_TOP_RE.search(text[max(s_start, start - 6) : start]) and _SUPERLATIVE_RE.match(
        text[end : end + 10]
    ):
        return end  # "the 20 most expensive": the size of a list, not a count
    model = found and found[0][:1].isdigit()  # "410 737-800 aircraft": a model in the noun
    if _NEXT_DIGIT_RE.match(text[end : end + 3]) and num and not num.spelled and not model:
        return end  # "50 50 dollar bills": a table or list, not a count
    small = num is not None and num.spelled and value is not None and value <= 10
    counted = found and (
        found[0].split()[-1] in nouns.PERSON_NOUNS
        or (nouns.is_plural(found[0].split()[-1]) and " " in found[0])
    )  # "five border posts": a count; "two governments" alone is context
    if small and qual == "exact" and not counted:
        if nouns.implied_by_verb(text, stop) is None:
            # small spelled counts are context ("two governments") unless they count people
            return stop
    return None


_COUNT = (None, None, "count")  # a count's SI triple: no unit, its dimension
# hot-path patterns, compiled once
_THE_TOP_RE = re.compile(r"\b(?:the|top)\s+$")
_SUPERLATIVE_RE = re.compile(r"\s+(?:most|least|best|worst|biggest|largest|top)\b")
_NEXT_DIGIT_RE = re.compile(r"[^\S\n]+\d")


def _cut_short(text: str, found: tuple[str, int]) -> bool:
    """A singular word before a comma ends the noun phrase of a vague amount, which counts
    a plural: an adjective whose noun comes later ("hundreds of small, family-run shops")."""
    last = found[0].split()[-1]
    return not nouns.is_plural(last) and text[found[1] : found[1] + 2].strip()[:1] == ","


def _names_a_thing(text: str, end: int, found: tuple[str, int]) -> bool:
    """A capitalised singular word after a figure names a model: "787 Dreamliner"."""
    words = text[end : found[1]].split()
    if not words or not words[0][:1].isupper() or "." in words[0]:
        return False
    return not nouns.is_plural(words[-1])
