"""Special phrases: vague amounts, spelled fractions, ratios and percent-of."""

from __future__ import annotations

import re

from ..vocab import units
from . import intervals as iv
from . import nouns
from . import numbers as nums
from . import patterns as pat
from .scanner import Num


class SpecialMixin:
    def _vague(self, m: re.Match, s_start: int, s_end: int) -> int:
        text = self.text
        words = m.group(0).lower().split()
        if words[0] in ("several", "a", "few", "many"):
            scale = 12 if words[-1] == "dozen" else nums.SCALES[words[-1]]
            lo, hi = (
                (2 * scale, 10 * scale) if words[0] in ("a", "few") else (3 * scale, 10 * scale)
            )
            if words[0] == "many":
                lo = 3 * scale
        elif len(words) == 3:  # tens of thousands, hundreds of millions
            lo, hi = nums.VAGUE[words[0]]
            unit = nums.VAGUE[words[2]][0]
            lo, hi = lo * unit, hi * unit
            if words[0] == "tens":
                lo, hi = 10 * unit, 100 * unit
        else:
            lo, hi = nums.VAGUE[words[0]]
        start, end = m.start(), m.end()
        qual, qstart, _, _ = self._qualifier_before(start, s_start)
        money = None
        cm = pat.OF_CURRENCY_RE.match(text, end)
        cb = self._currency_before(start, s_start)
        if cm:
            name = units.CURRENCY_FORMS.get(cm.group("name").lower())
            default, adjs = units.CURRENCY_NAMES[name]
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
        return self._emit(
            start, end, None, float(lo), float(hi), "vague", money, None, None, s_start, s_end
        )

    def _fraction(self, m: re.Match, s_start: int, s_end: int) -> int | None:
        words = nums.words_of(m.group(0).lower())
        if re.search(
            r"\b(?:first|second|third|fourth|latter|other|last|the|final|back|front)\s+$",
            self.text[max(s_start, m.start() - 10) : m.start()],
            re.I,
        ):
            return m.end()  # "the second half of the year": a part of a period
        denom = nums.FRACTIONS[words[-1]]
        numer = 1 if len(words) == 1 or words[0] in ("a", "one") else nums.SMALL[words[0]]
        return self._share(m, round(100.0 * numer / denom, 2), s_start)

    def _a_fraction(self, m: re.Match, s_start: int, s_end: int) -> int | None:
        """ "a fifth", "a hundredth", "a twenty-first": one over the denominator."""
        den = nums.denominator(nums.words_of(m.group("ad")))
        if not den or (den == 4 and pat.TIME_SPAN_BEFORE_RE.search(self.text, s_start, m.start())):
            return m.end()
        num = Num(m.start(), m.end(), 1.0 / den, 0.0, True, m.group(0))
        num.fraction = True
        return self._phrase(num, s_start, s_end)

    def _share(self, m: re.Match, value: float, s_start: int) -> int:
        """A share written as a fraction or ratio ("two-thirds", "one in four"), as a percent."""
        qual, qstart, _, _ = self._qualifier_before(m.start(), s_start)
        qual = qual or "exact"
        start = qstart if qual != "exact" else m.start()
        interval = iv.interval(value, 0.0, qual)
        return self._claim(start, m.end(), "percent", value, None, None, qual, "percent",
                           ("percent", value, "percent"), interval)  # fmt: skip

    def _and_a_half_unit(self, m: re.Match, s_start: int, s_end: int) -> int | None:
        """ "an hour and a half", "a mile and a half": one and a half of the unit."""
        u = units.CURATED.get(m.group("au").lower())
        if u is None:
            return m.end()
        qual, qstart, _, _ = self._qualifier_before(m.start(), s_start)
        start = qstart if qual else m.start()
        return self._emit(start, m.end(), 1.5, None, None, qual or "exact", None,
                          ("unit", u, m.end()), None, s_start, s_end)  # fmt: skip

    def _ratio(self, m: re.Match, s_start: int, s_end: int) -> int | None:
        def val(s):
            s = s.lower()
            if s.isdigit():
                return float(s)
            parsed = nums.parse_words(nums.words_of(s))
            return parsed[0] if parsed else None

        if pat.SCALE_WORD_AFTER_RE.match(self.text, m.end()):
            return m.end()  # "two out of five hundreds": not read
        n, d = val(m.group("rn")), val(m.group("rd"))
        raw_d = m.group("rd")
        if n is not None and d and m.group("over") and self._over_ratio_ok(m, n, d):
            return self._over_ratio(m, n / d, s_start)
        if (
            n is None
            or not d
            or n >= d
            or d > 1000
            or m.group("over")
            or (raw_d.isdigit() and len(raw_d) == 4)
            or not re.match(r"[\s,;:)]|\.(?!\d)|$", self.text[m.end() : m.end() + 2])
        ):
            # not a ratio: read the first number alone
            m2 = pat.CORE_RE.match(self.text, m.start() + 0)
            sub = re.compile(rf"(?P<spelled>{pat.NW})|(?P<digits>\d+)", re.I).match(
                self.text, m.start()
            )
            if not sub or m2 is None:
                return None
            num = self._number(sub)
            return self._phrase(num, s_start, s_end) if num else None
        return self._share(m, round(100.0 * n / d, 2), s_start)

    def _over_ratio_ok(self, m: re.Match, n: float, d: float) -> bool:
        """ "one over three", "1 over 20 people": a ratio; not "12 over three days" (a time
        span), nor "300 over 40 were turned away" (a count, then an age bracket)."""
        if (m.group("rd").isdigit() and len(m.group("rd")) == 4) or d > 1000:
            return False
        word_after = re.match(r"[\s-]*[A-Za-z]", self.text[m.end() : m.end() + 3])
        if not word_after:
            return True
        if n >= d:
            return False
        sub = pat.CORE_RE.match(self.text, m.start("rd"))
        num = self._number(sub) if sub and sub.lastgroup in ("digits", "spelled") else None
        return num is not None and self._unit_after(num, num.end, False) is None

    def _over_ratio(self, m: re.Match, value: float, s_start: int) -> int:
        """A ratio written with "over": a number (kind number), which no rule compares."""
        _, qstart, _, negative = self._qualifier_before(m.start(), s_start)
        start = qstart if negative else m.start()
        value = -value if negative else value
        return self._claim(start, m.end(), "number", value, None, None, "exact", None, None,
                           iv.interval(value, 0.0, "exact"))  # fmt: skip

    def _percent_of(self, m: re.Match, s_end: int) -> int | None:
        text = self.text
        before = text[max(0, m.start() - 20) : m.start()]
        if re.search(r"(?:\d|\b" + pat.NW + r")\s*$", before, re.I):
            return None
        m2 = pat.CORE_RE.match(text, m.end())
        if not m2 or m2.lastgroup not in ("digits", "spelled"):
            return None
        num = self._number(m2)
        if num is None or nouns.noun_after(text, num.end, s_end):
            return None
        interval = iv.interval(num.value, num.place, "exact")
        return self._claim(m.start(), num.end, "percent", num.value, None, None, "exact",
                           "percent", ("percent", num.value, "percent"), interval)  # fmt: skip
