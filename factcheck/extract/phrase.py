"""A number phrase: a number with its qualifier, currency, unit, range partner and noun."""

from __future__ import annotations

import re

from . import intervals as iv
from . import nouns, units
from . import patterns as pat
from .scanner import Num


class PhraseMixin:
    def _phrase(self, num: Num, s_start: int, s_end: int) -> int | None:
        text = self.text
        start = num.start
        lo = max(s_start, self.last_end)
        cur = self._currency_before(start, lo)
        money = None  # (code, label, factor)
        if cur:
            code, label, start, mscale = cur
            money = (code, label, 1.0)
            if mscale != 1.0:
                num.value *= mscale
                num.place = (num.place or 1.0) * mscale if num.place else 0.0
                num.scaled = True
        if num.money_scale and (money or self._plural_follows(num.money_scale[0], s_end)):
            self._scale(num, num.money_scale[1], num.money_scale[0])
        elif num.money_scale and num.money_scale[1] == 1e3:
            self._scale(num, 1e3, num.money_scale[0])
        qual, qstart, between, negative = self._qualifier_before(start, lo)
        if negative:
            num.value = -num.value
            start = qstart  # "minus 5 degrees"
        p = num.end
        if num.spelled and re.match(r"(?:a|one)\s+(?:day|time)\b", num.raw + text[p : p + 6], re.I):
            return p  # "one day", "one time": not amounts
        before = text[max(s_start, qstart - 12) : qstart]
        if money is None and "ag" in before.lower() and pat.AGE_BEFORE_RE.search(before):
            return pat.AGE_SPAN_RE.match(text, p).end()  # "aged 18 to 24": who, not how many
        after = self._unit_after(num, p, money is not None)
        if after and after[0] == "unit":
            if after[1].dimension == "time" and pat.AGE_AFTER_RE.match(text, after[2]):
                return pat.AGE_AFTER_RE.match(text, after[2]).end()  # "the 10-year-old boy"
        elif (
            money is None and after is None and "agnitude" in text[max(s_start, start - 12) : start]
        ):
            mag = pat.MAGNITUDE_BEFORE_RE.search(text[max(s_start, start - 12) : start])
            if mag:  # "a magnitude 6.4 earthquake"
                after = ("unit", units.CURATED["magnitude"], p)
                start = qstart = start - len(mag.group(0))
        if money is None and after and after[0] == "money":
            code, label, factor = after[1]
            money = after[1]
            if factor != 1.0 and label == code:  # "75 USD million", "30 MUSD"
                num.value *= factor
                num.place = (num.place or 1.0) * factor if num.place else 0.0
                num.scaled = True
                money = (code, label, 1.0)
            p = after[2]
            after = None
        elif after and after[0] != "money":
            pass
        else:
            after = None
        # a second number: a range
        second = None
        cm = pat.RANGE_CONN_RE.match(text, p)
        unit_first = False  # "between 3% and 4%": the unit on both sides
        if cm is None and after is not None:
            cm = pat.RANGE_CONN_RE.match(text, after[2])
            unit_first = cm is not None
        if cm:
            conn = cm.group("c").strip().lower()
            ok = conn not in ("and", "—") or (conn == "and" and between)
            if conn == "or" and (qual or between):
                ok = False
            if conn in ("-",) and (cm.group("c") != "-" and cm.group("c").strip() != "-"):
                ok = False
            if ok and between and conn == "to":
                ok = not pat.CHANGE_VERBS_RE.search(text[max(s_start, start - 60) : qstart])
            if ok and conn == "to" and not between:
                # "rose 5 percent to 10 percent" is a change, "won by 48% to 52%" a tally
                before = text[max(s_start, start - 60) : qstart]
                ok = not (pat.CHANGE_VERBS_RE.search(before) or pat.SCORE_BEFORE_RE.search(before))
            if (
                ok
                and conn in ("-", "–")
                and re.match(r"[\d-]*\d-\d", text[num.start : num.start + 40])
            ):
                chain = re.match(r"\d+(?:-\d+){2,}|\d{5,}-\d+|\d+-\d{5,}", text[num.start :])
                if chain:
                    return num.start + chain.end()  # an account or phone number
            if ok:
                second = self._second_number(cm.end(), s_start, s_end)
                if second is not None and second[1] is not None and money is None and after:
                    second = None
        if second is not None:
            num2, cur2 = second
            p2 = num2.end
            if num2.money_scale and (
                money or cur2 or self._plural_follows(num2.money_scale[0], s_end)
            ):
                self._scale(num2, num2.money_scale[1], num2.money_scale[0])
                p2 = num2.end
            after2 = self._unit_after(num2, p2, (money or cur2) is not None)
            if after2 and after2[0] == "money" and money is None and cur2 is None:
                money = after2[1]
                p2 = after2[2]
                after2 = None
            elif after2 and after2[0] == "money":
                after2 = None
            if cur2 and money is None:
                money = (cur2, cur2, 1.0)
            consistent = True
            if after and after2 and (after[0] != after2[0] or after[1] != after2[1]):
                consistent = False
            if after and not after2 and after[0] == "unit":
                consistent = not unit_first
            if cur2 and money and cur2 != money[0]:
                consistent = False
            if consistent:
                # score or vote tally: nothing to report
                if (
                    cm.group("c").strip() in ("-", "–")
                    and money is None
                    and after is None
                    and after2 is None
                    and not num.scaled
                    and not num2.scaled
                    and abs(num.value) < 200
                    and abs(num2.value) < 200
                    and (
                        pat.SCORE_BEFORE_RE.search(text[max(s_start, start - 40) : start])
                        or pat.SCORE_AFTER_RE.match(text, p2)
                        or num2.value < num.value
                    )
                ):
                    return p2
                # years: 2014-15, 1990-1995
                if self._yearish(num) and money is None and after is None and after2 is None:
                    if self._yearish(num2) or (
                        len(num2.raw) == 2 and cm.group("c").strip() in ("-", "–", "/")
                    ):
                        return self._year(start, p2, num.value)
                if num2.scaled and not num.scaled and num.value > 0 and num.value <= num2.value:
                    factor = num2.value / iv.unscaled(num2)
                    if num.value * factor <= num2.value:
                        num.value *= factor
                        num.place = (num.place or 1.0) * factor
                        num.scaled = True
                if num.value <= num2.value and (not after or after2 or after[0] == "unit"):
                    unit_info = after2 or after
                    end = unit_info[2] if unit_info and after2 else p2
                    if money and after2 is None and after is None:
                        end = max(end, p2)
                    return self._emit(
                        start if not qual else qstart,
                        end,
                        None,
                        num.value,
                        num2.value,
                        "range",
                        money,
                        unit_info,
                        num,
                        s_start,
                        s_end,
                        from_qual=qstart if between and not qual else None,
                    )
        if between and not qual:
            qstart = start  # "between" without its "and": no range
        end = after[2] if after else p
        if money and not after:
            end = max(end, p)
            # cents after the units: "3 dollars 50 cents", "15 dollars and 50"
            if money[1] == money[0] and not num.scaled and num.value == int(num.value):
                cents = self._cents(end, s_end)
                if cents:
                    num.value += cents[0] / 100
                    end = cents[1]
        # bare numbers: dates, identifiers, multipliers
        if money is None and after is None:
            if (
                qual in ("more_than", "less_than")
                and num.raw.isdigit()
                and num.value < 120
                and pat.AGE_GROUP_BEFORE_RE.search(text[max(s_start, qstart - 14) : qstart])
                and nouns.noun_after(text, num.end, s_end) is None
            ):
                return num.end  # "adults over 65": an age bracket
            verdict = self._bare(num, start, qual, s_start, s_end)
            if verdict == "skip":
                return num.end
            if verdict == "date":
                return self._year(num.start, num.end, num.value)
            if verdict == "rank":
                om = pat.ORDINAL_RE.match(text, num.end)
                e = om.end() if om else num.end
                self._add(num.start, e, "rank", num.value, None, None, "exact", None, None)
                return e
        return self._emit(
            qstart if qual else start,
            end,
            num.value,
            None,
            None,
            qual or "exact",
            money,
            after,
            num,
            s_start,
            s_end,
        )

    def _emit(self, start, end, value, low, high, qual, money, unit_info, num, s_start, s_end,
              from_qual=None):  # fmt: skip
        text = self.text
        if from_qual is not None:
            start = from_qual
        place = num.place if num is not None else 0.0
        noun = None
        if money:
            code, label, factor = money
            interval = iv.interval_for(value, low, high, place, qual)
            si = (code, iv.times(value, factor), "currency")
            return self._claim(start, end, "money", value, low, high, qual, label, si,
                               iv.times_all(interval, factor))  # fmt: skip
        if unit_info:
            what, info, _ = unit_info
            if what == "percent":
                si_unit = "percent" if info == "percent" else "percentage point"
                factor = 0.01 if info == "basis point" else 1.0
                interval = iv.interval_for(value, low, high, place, qual)
                si = (si_unit, iv.times(value, factor), si_unit)
                return self._claim(start, end, "percent", value, low, high, qual, info, si,
                                   iv.times_all(interval, factor))  # fmt: skip
            u: units.Unit = info
            kind = "duration" if u.dimension == "time" else "measure"
            if (
                kind == "duration"
                and pat.TIME_FRAME_RE.search(text[max(s_start, start - 30) : start])
                and not (num and ("." in num.raw or text[num.end : num.end + 1] == "-"))
            ):
                return end  # "in the past three years": the time of other claims, not a claim
            if kind == "duration" and pat.TIME_SHIFT_AFTER_RE.match(text, end):
                return end  # "two years ago": a time, not an amount
            interval = iv.interval_for(value, low, high, place, qual)
            if u.factor is not None:
                interval = tuple(units.to_si(x, u) if x is not None else None for x in interval)
                si = (u.si_unit, units.to_si(value, u), u.dimension)
            else:
                si = (None, None, u.dimension)
            return self._claim(start, end, kind, value, low, high, qual, u.short, si, interval)
        # a count: what does it count
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
        if found and text[end : found[1]].isupper():
            if all(len(w) > 1 for w in re.findall(r"[A-Za-z]+", text[end : found[1]])):
                return found[1]  # "the 737 MAX": a model name, not a count
        if num is not None and "/" in num.raw:
            return found[1] if found else end  # "1 / 4 point": a fraction, not a count
        if re.search(r"\b(?:the|top)\s+$", text[max(s_start, start - 6) : start]) and re.match(
            r"\s+(?:most|least|best|worst|biggest|largest|top)\b", text[end : end + 10]
        ):
            return end  # "the 20 most expensive": the size of a list, not a count
        if re.match(r"[^\S\n]+\d", text[end : end + 3]) and num and not num.spelled:
            return end  # "50 50 dollar bills": a table or list, not a count
        small = (
            num is not None
            and num.spelled
            and value is not None
            and value <= 10
            and qual == "exact"
        )
        if small and not (found and found[0].split()[-1] in nouns.PERSON_NOUNS):
            if nouns.implied_by_verb(text, found[1] if found else end) is None:
                # small spelled counts are context ("two governments") unless they count people
                return found[1] if found else end
        if found:
            noun, end = found
            if noun == "times":
                return end  # a multiplier or a number of occasions, not an amount
        else:
            if value is not None and value != int(value) and not (num and num.scaled):
                return end  # a count is whole: 0.95 alone is a price move or an index, not a count
            noun = nouns.implied_by_verb(text, end)
            if noun is None:
                noun = self._implied_noun(start, s_start)
        interval = iv.interval_for(value, low, high, place, qual)
        si = (None, None, "count")
        return self._claim(start, end, "count", value, low, high, qual, None, si, interval, noun)

    def _implied_noun(self, start: int, s_start: int) -> str | None:
        for c in reversed(self.claims):
            if c["kind"] == "count" and c["noun"] and c["end"] <= start:
                if c["start"] >= s_start:
                    return c["noun"]
                break
        found = nouns.noun_before(self.text[s_start:start])
        if found:
            return found
        prev = self._sent(s_start - 1) if s_start > 0 else None
        if prev:
            for c in reversed(self.claims):
                if c["kind"] == "count" and c["noun"] and prev[0] <= c["start"] < prev[1]:
                    return c["noun"]
        return None
