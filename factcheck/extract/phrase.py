"""A number phrase: a number with its qualifier, currency, unit, range partner and noun."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocab import units
from . import filters, nouns
from . import intervals as iv
from . import patterns as pat
from .scanner import Num


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


class PhraseMixin:
    def _phrase(self, num: Num, s_start: int, s_end: int) -> int | None:
        """Read the phrase around num, add its claim; return where scanning resumes."""
        ph = self._head(num, s_start, s_end)
        for step in (self._not_an_amount, self._tail, self._range):
            done = step(ph)
            if done is not None:
                return done
        return self._single(ph)

    def _head(self, num: Num, s_start: int, s_end: int) -> Phrase:
        """The currency, money scale, qualifier and sign written before the number."""
        lo = max(s_start, self.last_end)
        ph = Phrase(num, s_start, s_end, num.start, num.start)
        cur = self._currency_before(num.start, lo)
        if cur:
            code, label, ph.start, mscale = cur
            ph.money = (code, label, 1.0)
            if mscale != 1.0:
                _rescale(num, mscale)
        if num.money_scale and (ph.money or self._plural_follows(num.money_scale[0], s_end)):
            self._scale(num, num.money_scale[1], num.money_scale[0])
        elif num.money_scale and num.money_scale[1] == 1e3:
            self._scale(num, 1e3, num.money_scale[0])
        ph.qual, ph.qstart, ph.between, negative = self._qualifier_before(ph.start, lo)
        if negative:
            num.value = -num.value
            ph.start = ph.qstart  # "minus 5 degrees"
        if num.plus and not ph.qual:
            ph.qual = "at_least"  # "600+ million euros"
        ph.p = num.end
        return ph

    def _not_an_amount(self, ph: Phrase) -> int | None:
        """Where to resume when the number says who or when, not how many."""
        text, num, p = self.text, ph.num, ph.p
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
                return self._aged(ph, ph.qstart - len(before) + am.start())
        return None

    def _aged(self, ph: Phrase, start: int) -> int:
        """An age after "aged"/"age": one age, a range of ages, or an open end."""
        num = ph.num
        m = pat.AGE_SPAN_RE.match(self.text, ph.p)
        if not num.raw.isdigit() and not num.spelled or not 0 <= num.value < 150:
            return m.end()
        unit = units.CURATED["month" if (m.group("unit") or "").startswith("month") else "year"]
        value, low, high, qual = num.value, None, None, ph.qual or "exact"
        if m.group("high") and (ph.qual or float(m.group("high")) <= num.value):
            return self._age(start, ph.p, (value, low, high, qual), unit, num)  # "over 65 and 3"
        if m.group("high"):
            value, low, high, qual = None, num.value, float(m.group("high")), "range"
        elif m.group("up"):
            qual = "at_least"
        elif m.group("down"):
            qual = "at_most"
        return self._age(start, m.end(), (value, low, high, qual), unit, num)

    def _age(self, start: int, end: int, stated: tuple, u: units.Unit, num: Num) -> int:
        """An age ("a 74-year-old", "aged 18 to 24"): kept as its own kind, not a count."""
        value, low, high, qual = stated
        interval = iv.interval_for(value, low, high, num.place, qual)
        interval = tuple(units.to_si(x, u) if x is not None else None for x in interval)
        si = (u.si_unit, units.to_si(value, u), u.dimension)
        return self._claim(start, end, "age", value, low, high, qual, u.short, si, interval)

    def _tail(self, ph: Phrase) -> int | None:
        """The unit, percent or currency after the number; an age ends the phrase."""
        text, num = self.text, ph.num
        after = self._unit_after(num, ph.p, ph.money is not None)
        if after and after[0] == "unit":
            old = after[1].dimension == "time" and pat.AGE_AFTER_RE.match(text, after[2])
            if old:  # "the 10-year-old boy", "three months old", "3 years of age"
                start = ph.qstart if ph.qual else ph.start
                stated = (num.value, None, None, ph.qual or "exact")
                return self._age(start, old.end(), stated, after[1], num)
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

    def _range(self, ph: Phrase) -> int | None:
        """A range ("5 to 10 million", "between 3% and 4%"): its claim's end, or None."""
        text = self.text
        cm = pat.RANGE_CONN_RE.match(text, ph.p)
        unit_first = False  # "between 3% and 4%": the unit on both sides
        if cm is None and ph.after is not None:
            cm = pat.RANGE_CONN_RE.match(text, ph.after[2])
            unit_first = cm is not None
        if not cm:
            return None
        plain = ph.money is None and ph.after is None and not ph.num.spelled
        if plain and filters.is_identifier(text, ph.num, ph.qual, ph.s_start):
            # "Windows 10 to 400 million users": a name, not a range
            return self._name_range_end(ph)
        if not self._connector_ok(ph, cm):
            self._unit_of_change(ph, cm)
            return None
        conn = cm.group("c").strip()
        if conn in ("-", "–") and re.match(r"[\d-]*\d-\d", text[ph.num.start : ph.num.start + 40]):
            chain = re.match(r"\d+(?:-\d+){2,}|\d{5,}-\d+|\d+-\d{5,}", text[ph.num.start :])
            if chain:
                return ph.num.start + chain.end()  # an account or phone number
        second = self._second_number(cm.end(), ph.s_start, ph.s_end)
        if second is None or (second[1] is not None and ph.money is None and ph.after):
            return None
        return self._range_claim(ph, conn, unit_first, *second)

    def _unit_of_change(self, ph: Phrase, cm: re.Match) -> None:
        """ "rose from 5 to 6 percent": the figure a change starts from has the unit of the
        figure it ends at (5 percent), not a count of nothing."""
        if ph.money or ph.after or cm.group("c").strip().lower() != "to":
            return
        second = self._second_number(cm.end(), ph.s_start, ph.s_end)
        if second is None or second[1] is not None:
            return
        after2 = self._unit_after(second[0], second[0].end, False)
        if after2 and after2[0] == "percent":
            ph.after = (after2[0], after2[1], ph.p)

    def _connector_ok(self, ph: Phrase, cm: re.Match) -> bool:
        """Whether the word between two numbers makes them a range."""
        conn = cm.group("c").strip().lower()
        ok = conn not in ("and", "—") or (conn == "and" and ph.between)
        if conn == "or" and (ph.qual or ph.between):
            ok = False
        if ok and conn == "to":
            # "rose 5 percent to 10 percent" is a change, "won by 48% to 52%" a tally
            before = self.text[max(ph.s_start, ph.start - 60) : ph.qstart]
            ok = not pat.CHANGE_VERBS_RE.search(before)
            if ok and not ph.between:
                ok = not pat.SCORE_BEFORE_RE.search(before)
        return ok

    def _range_claim(self, ph: Phrase, conn: str, unit_first: bool, num2: Num, cur2) -> int | None:
        """The claim of a range whose second number is num2, or None when it is not one."""
        num, after = ph.num, ph.after
        after2, p2 = self._second_tail(ph, num2, cur2)
        consistent = True
        if after and after2 and (after[0] != after2[0] or after[1] != after2[1]):
            consistent = False
        if after and not after2 and after[0] == "unit":
            consistent = not unit_first
        if cur2 and ph.money and cur2 != ph.money[0]:
            consistent = False
        if not consistent:
            return None
        plain = ph.money is None and after is None and after2 is None
        if plain and conn in ("-", "–") and self._tally(ph, num2, p2):
            return p2  # a score or vote tally: nothing to report
        if plain and filters.yearish(num):
            if filters.yearish(num2) or (len(num2.raw) == 2 and conn in ("-", "–", "/")):
                return self._year(ph.start, p2, num.value)  # years: 2014-15, 1990-1995
        if num2.scaled and not num.scaled and 0 < num.value <= num2.value:
            factor = num2.value / iv.unscaled(num2)  # "4 to 5 million": both in millions
            if num.value * factor <= num2.value:
                num.value *= factor
                num.place = (num.place or 1.0) * factor
                num.scaled = True
        if num.value > num2.value or not (not after or after2 or after[0] == "unit"):
            return None
        unit_info = after2 or after
        end = unit_info[2] if unit_info and after2 else p2
        if ph.money and after2 is None and after is None:
            end = max(end, p2)
        return self._emit_range(ph, num2, unit_info, end)

    def _emit_range(self, ph: Phrase, num2: Num, unit_info, end: int) -> int:
        """The claim of a read range: an age range ("40-50 years old") or by its unit."""
        num = ph.num
        start = ph.start if not ph.qual else ph.qstart
        old = self._range_age(ph.money, unit_info, end)
        if old:  # "about 40 - 50 years old": a range of ages
            stated = (None, num.value, num2.value, "range")
            return self._age(start, old.end(), stated, unit_info[1], num)
        from_qual = ph.qstart if ph.between and not ph.qual else None
        return self._emit(start, end, None, num.value, num2.value, "range", ph.money, unit_info,
                          num, ph.s_start, ph.s_end, from_qual=from_qual)  # fmt: skip

    def _range_age(self, money, unit_info, end: int) -> re.Match | None:
        """ "40-50 years old", "18 to 24 years of age": where the age words end, or None."""
        if money or not unit_info or unit_info[0] != "unit" or unit_info[1].dimension != "time":
            return None
        return pat.AGE_AFTER_RE.match(self.text, end)

    def _second_tail(self, ph: Phrase, num2: Num, cur2) -> tuple[tuple | None, int]:
        """The unit after a range's second number, and where it ends; sets a currency found."""
        p2 = num2.end
        if num2.money_scale and (
            ph.money or cur2 or self._plural_follows(num2.money_scale[0], ph.s_end)
        ):
            self._scale(num2, num2.money_scale[1], num2.money_scale[0])
            p2 = num2.end
        after2 = self._unit_after(num2, p2, (ph.money or cur2) is not None)
        if after2 and after2[0] == "money" and ph.money is None and cur2 is None:
            ph.money = after2[1]
            p2 = after2[2]
            after2 = None
        elif after2 and after2[0] == "money":
            after2 = None
        if cur2 and ph.money is None:
            ph.money = (cur2, cur2, 1.0)
        return after2, p2

    def _tally(self, ph: Phrase, num2: Num, p2: int) -> bool:
        """Whether "48-52" reads as a score or a vote, not a range."""
        num, text = ph.num, self.text
        if num.scaled or num2.scaled or max(abs(num.value), abs(num2.value)) >= 1000:
            return False
        cue = bool(
            pat.SCORE_BEFORE_RE.search(text[max(ph.s_start, ph.start - 40) : ph.start])
            or pat.SCORE_AFTER_RE.match(text, p2)
        )
        if abs(num.value) >= 200 or abs(num2.value) >= 200:
            return cue  # "voted 230-197": a chamber's vote needs its word
        return cue or num2.value < num.value

    def _single(self, ph: Phrase) -> int | None:
        """The claim of one number (no range)."""
        num = ph.num
        if ph.between and not ph.qual:
            ph.qstart = ph.start  # "between" without its "and": no range
        end = ph.after[2] if ph.after else ph.p
        if ph.money and not ph.after:
            end = max(end, ph.p)
            # cents after the units: "3 dollars 50 cents", "15 dollars and 50"
            if ph.money[1] == ph.money[0] and not num.scaled and num.value == int(num.value):
                cents = self._cents(end, ph.s_end)
                if cents:
                    num.value += cents[0] / 100
                    end = cents[1]
        if ph.money is None and ph.after is None:
            # "2½ lengths" counts lengths; "two thirds" and "3/4 people" count nothing
            # ("2 1/4 people": the count filters never read a slash fraction as a count)
            if num.fraction and (
                abs(num.value) < 1
                or "/" in num.raw
                or not nouns.noun_after(self.text, num.end, ph.s_end)
            ):
                return self._number_claim(ph)
            done = self._joined_bounds(ph) or self._bare_number(ph)
            if done is not None:
                return done
        start = ph.qstart if ph.qual else ph.start
        return self._emit(start, end, num.value, None, None, ph.qual or "exact", ph.money,
                          ph.after, num, ph.s_start, ph.s_end)  # fmt: skip

    def _number_claim(self, ph: Phrase) -> int:
        """A bare fraction ("two thirds", "3/4"): a number of kind number, which no rule
        compares unless it selects that kind; "two thirds of the vote" is a percent."""
        num, text = ph.num, self.text
        if "/" in num.raw and pat.DATE_CUE_BEFORE_RE.search(text, max(0, num.start - 8), num.start):
            return num.end  # "on 3/4": a date, not three quarters
        start = ph.qstart if ph.qual else ph.start
        qual = ph.qual or "exact"
        interval = iv.interval(num.value, 0.0, qual)
        return self._claim(start, num.end, "number", num.value, None, None, qual, None,
                           None, interval)  # fmt: skip

    def _joined_bounds(self, ph: Phrase) -> int | None:
        """ "more than 10 but fewer than 20 boats": one range from two one-sided bounds."""
        if ph.qual not in ("more_than", "at_least"):
            return None
        m = pat.JOINED_BOUNDS_RE.match(self.text, ph.num.end)
        second = self._second_number(m.end(), ph.s_start, ph.s_end) if m else None
        if second is None or second[1] is not None or second[0].value <= ph.num.value:
            return None
        num2 = second[0]
        if self._unit_after(num2, num2.end, False) is not None:
            return None
        return self._emit(ph.qstart, num2.end, None, ph.num.value, num2.value, "range", None,
                          None, ph.num, ph.s_start, ph.s_end)  # fmt: skip

    def _bare_number(self, ph: Phrase) -> int | None:
        """A number with no unit or currency that is a date, rank or not a claim: its end."""
        text, num, qual = self.text, ph.num, ph.qual
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
            return self._name_range_end(ph)
        if verdict == "date":
            return self._year(num.start, num.end, num.value)
        if verdict == "rank":
            om = pat.ORDINAL_RE.match(text, num.end)
            e = om.end() if om else num.end
            self._add(num.start, e, "rank", num.value, None, None, "exact", None, None)
            return e
        return None

    def _name_range_end(self, ph: Phrase) -> int:
        """Where a skipped number ends; "Route 9 to 12" skips the name's second number too,
        unless it has a unit, a scale or a noun of its own ("Windows 10 to 400 million users")."""
        num, text = ph.num, self.text
        m = pat.IDENT_PARTNER_RE.match(text, num.end)
        if not m or not filters.is_identifier(text, num, ph.qual, ph.s_start):
            return num.end
        num2 = Num(m.start("n"), m.end("n"), float(m.group("n")), 1.0, False, m.group("n"))
        if (
            self._unit_after(num2, num2.end, False) is not None
            or pat.SCALE_AFTER_RE.match(text, num2.end)
            or nouns.noun_after(text, num2.end, ph.s_end)
        ):
            return num.end
        return m.end()

    def _emit(self, start, end, value, low, high, qual, money, unit_info, num, s_start, s_end,
              from_qual=None):  # fmt: skip
        """Add the claim of a read phrase by its kind; return where it ends."""
        if from_qual is not None:
            start = from_qual
        if money or unit_info:
            qual, end = self._qualifier_after(qual, end)
        place = num.place if num is not None else 0.0
        interval = iv.interval_for(value, low, high, place, qual)
        if money:
            code, label, factor = money
            si = (code, iv.times(value, factor), "currency")
            return self._claim(start, end, "money", value, low, high, qual, label, si,
                               iv.times_all(interval, factor))  # fmt: skip
        if unit_info and unit_info[0] == "percent":
            info = unit_info[1]
            si_unit = "percent" if info == "percent" else "percentage point"
            factor = 0.01 if info == "basis point" else 1.0
            si = (si_unit, iv.times(value, factor), si_unit)
            return self._claim(start, end, "percent", value, low, high, qual, info, si,
                               iv.times_all(interval, factor))  # fmt: skip
        if unit_info:
            return self._emit_measure(start, end, (value, low, high, qual), unit_info[1], num,
                                      interval, s_start)  # fmt: skip
        return self._emit_count(start, end, (value, low, high, qual), num, s_start, s_end)

    def _emit_measure(self, start, end, stated, u: units.Unit, num, interval, s_start) -> int:
        """A measure or a duration; a duration that places other events in time is none."""
        text = self.text
        value, low, high, qual = stated
        kind = "duration" if u.dimension == "time" else "measure"
        if (
            kind == "duration"
            and pat.TIME_FRAME_RE.search(text[max(s_start, start - 30) : start])
            and not (num and ("." in num.raw or text[num.end : num.end + 1] == "-"))
        ):
            return end  # "in the past three years": the time of other claims, not a claim
        if kind == "duration" and pat.TIME_SHIFT_AFTER_RE.match(text, end):
            return end  # "two years ago": a time, not an amount
        if kind == "duration" and "-" in text[start:end] and pat.TENOR_AFTER_RE.match(text, end):
            return end  # "the 10-year Treasury yield": the term names a bond, it is no claim
        if kind == "duration" and qual == "more_than" and self._over_a_period(start, end, s_start):
            return end  # "spend £2bn over five years": the period of another claim
        if u.factor is not None:
            interval = tuple(units.to_si(x, u) if x is not None else None for x in interval)
            si = (u.si_unit, units.to_si(value, u), u.dimension)
        else:
            si = (None, None, u.dimension)
        return self._claim(start, end, kind, value, low, high, qual, u.short, si, interval)

    def _emit_count(self, start, end, stated, num, s_start, s_end) -> int:
        """A count and what it counts; numbers that count nothing are skipped."""
        text = self.text
        value, low, high, qual = stated
        qual, end = self._qualifier_after(qual, end)  # "4,500 or more people"
        qual, end = self._plus_before_noun(qual, end, s_end)
        found, end, qual = self._counted(num, end, qual, s_end)
        if found:  # "4,500 people or more"
            qual, found_end = self._qualifier_after(qual, found[1])
            found = (found[0], found_end)
        skip = self._not_a_count(start, end, value, qual, num, found, s_start)
        if skip is not None:
            return skip
        large = num is not None and (num.scaled or (value or 0) >= 1000)
        if large and nouns.MONEY_NOUN_AFTER_RE.match(text, end):
            return end  # "a 2.0 billion deficit": money in a currency it does not name
        if found and qual == "vague" and _cut_short(text, found):
            # "thousands of small, friendly deals": the noun is past the comma; say none
            interval = iv.interval_for(value, low, high, 0.0, qual)
            return self._claim(start, end, "count", value, low, high, qual, None, _COUNT, interval)
        if found:
            noun, end = found
            if noun == "times":
                return end  # a multiplier or a number of occasions, not an amount
        else:
            decimal = num is not None and not num.spelled and "." in num.raw
            if value is not None and (value != int(value) or decimal) and not (num and num.scaled):
                return end  # a count is whole: 0.95 or 5.0 alone is a rate or an index, not a count
            if num and num.scaled and pat.PAREN_MONEY_AFTER_RE.match(text, end):
                return end  # "1.6 billion ($2.0 billion)": money in an unnamed currency
            noun = nouns.implied_by_verb(text, end) or nouns.partitive_noun(text, end, s_end)
            if noun is None:
                noun = self._implied_noun(start, s_start)
        place = num.place if num is not None else 0.0
        interval = iv.interval_for(value, low, high, place, qual)
        return self._claim(
            start, end, "count", value, low, high, qual, None, _COUNT, interval, noun
        )

    def _over_a_period(self, start: int, end: int, s_start: int) -> bool:
        """ "rose 40% over three years", "spend £2bn on roads over five years": after another
        figure of its sentence, and no word of lasting, "over" spans that figure's period.
        Fronted before a comma ("Over three years, the fund doubled") it may be either: no
        claim rather than a guess."""
        text = self.text
        if text[start : start + 4].lower() != "over" or pat.OF_AFTER_RE.match(text, end):
            return False
        before = text[s_start:start].split()
        if not before and text[end : end + 1] == ",":
            return True  # "Over three years, the fund doubled": a period, or more than one
        if before and before[-1].strip(",;:").lower() in pat.OVER_LASTING:
            return False  # "lasted over five years", "for over 12 hours"
        return any(
            s_start <= c["start"] and c["end"] <= start and c["kind"] not in ("date", "rank")
            for c in self.claims[-4:]
        )

    def _qualifier_after(self, qual: str, end: int) -> tuple[str, int]:
        """A qualifier written after an exact figure ("or so", "or more"), and its end."""
        if qual != "exact":
            return qual, end
        m = pat.QUAL_AFTER_RE.match(self.text, end)
        if m:
            return pat.QUAL_AFTER[m.group("q").lower()], m.end()
        m = pat.SPACED_QUAL_AFTER_RE.match(self.text, end)  # "2,000 plus."
        if m:
            return pat.SPACED_QUAL_AFTER[m.group("q").lower()], m.end()
        return qual, end

    def _plus_before_noun(self, qual: str, end: int, s_end: int) -> tuple[str, int]:
        """ "2,000 plus people": at least, when the counted noun follows "plus"."""
        m = pat.SPACED_QUAL_BEFORE_NOUN_RE.match(self.text, end)
        if qual != "exact" or not m or not nouns.noun_after(self.text, m.end(), s_end):
            return qual, end
        return pat.SPACED_QUAL_AFTER[m.group("q").lower()], m.end()

    def _counted(self, num, end: int, qual: str, s_end: int):
        """(noun found, end, qualifier) after a count, through "-odd", "-plus", "-strong"."""
        text = self.text
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

    def _not_a_count(self, start, end, value, qual, num, found, s_start) -> int | None:
        """Where a number that counts nothing ends (a model, a list size, a fraction), or None."""
        text = self.text
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
        if _NEXT_DIGIT_RE.match(text[end : end + 3]) and num and not num.spelled:
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


def _rescale(num: Num, factor: float) -> None:
    """A scale read around the number ("US$ million", "MUSD", "4 to 5 million")."""
    num.value *= factor
    num.place = (num.place or 1.0) * factor if num.place else 0.0
    num.scaled = True


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
