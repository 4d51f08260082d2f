"""Readers: a scanner match as a number, and the currency, qualifier and unit around it."""

from __future__ import annotations

import re

from ..vocab import units
from . import nouns
from . import numbers as nums
from . import patterns as pat
from .scanner import Num
from .unit_match import match_unit


class ReaderMixin:
    def _number(self, m: re.Match) -> Num | None:
        """The number at a digits/spelled/fscale match, with its scale word."""
        kind = m.lastgroup
        if kind == "fscale":
            return _fraction_of_scale(m)
        if kind != "digits":
            return self._spelled(m)
        raw = m.group(0)
        parsed = nums.parse_numeral(raw.replace(" , ", ",").replace(" . ", "."))
        if parsed is None:
            return None
        num = Num(m.start(), m.end(), parsed[0], parsed[1], False, raw)
        num.fraction = "/" in raw or raw[-1] in nums.VULGAR
        text = self.text
        if pat.DECIMAL_COMMA_RE.match(text, num.end):
            return None  # "1,3" or "1.111,11": a decimal comma, not read
        if text[num.end : num.end + 1] == "+" and not text[num.end + 1 : num.end + 2].isalnum():
            num.end += 1  # "600+ million", "40+ people"
            num.plus = True
        if not self._scale_after(num):
            return None
        self._and_fraction(num)
        return num

    def _and_fraction(self, num: Num) -> None:
        """A mixed number: "four and a half hours", "one million and a half", "five and a
        quarter", "five and a half million"."""
        if num.plus or num.value != int(num.value):
            return
        m = pat.AND_FRACTION_RE.match(self.text, num.end)
        if not m:
            return
        last = re.findall(r"[A-Za-z]+", self.text[num.start : num.end])[-1:]
        unit = nums.SCALES.get(last[0].lower(), 1.0) if last else 1.0
        frac = _and_fraction_value(m)
        if frac is None or frac >= 1:
            return
        sign = -1 if num.value < 0 else 1
        if unit >= 1000 and m.group("sc"):  # "one billion and a half million"
            num.value += sign * frac * nums.SCALES[m.group("sc").lower()]
            num.end = m.end()
        elif unit >= 1000:  # "one million and a half": half a million more
            num.value += sign * frac * unit
            num.end = m.end("d")
        elif m.group("sc") and not num.scaled:  # "five and a half million"
            num.value = (num.value + sign * frac) * nums.SCALES[m.group("sc").lower()]
            num.scaled = True
            num.end = m.end()
        else:
            num.value += sign * frac
            num.end = m.end("d")
        num.place = 0.0
        num.fraction = num.value != int(num.value)  # "two and a half": counts nothing

    def _spelled(self, m: re.Match) -> Num | None:
        """A spelled number ("twenty-two thousand"), up to its last number word."""
        raw = m.group(0)
        parsed = nums.parse_words(nums.words_of(raw))
        if parsed is None:
            return None
        value, used = parsed
        end = m.start()
        for k, wm in enumerate(re.finditer(r"[A-Za-z]+", raw)):
            if k == used - 1:
                end = m.start() + wm.end()
                break
        raw = self.text[m.start() : end]
        dm = pat.DENOMINATOR_RE.match(self.text, end)
        if dm and not dm.group(0).lower().rstrip("s").endswith("second"):
            return self._spelled_fraction(m.start(), raw)
        num = Num(m.start(), end, value, nums.place_of(value), True, raw)
        if num.place == 1:
            num.place = 0.0
        if re.search(pat.BIG, raw, re.I) and value >= 100:
            num.scaled = True
            num.place = max(num.place, nums.place_of(value))
        self._point(num)
        self._and_fraction(num)
        return num

    def _spelled_fraction(self, start: int, raw: str) -> Num | None:
        """ "one hundred and three quarters" = 100.75, "two and fifty-four hundredths" = 2.54;
        a bare fraction ("two thirds", "one eighth") is a Num marked as a fraction."""
        dm = pat.DENOMINATOR_RE.match(self.text, start + len(raw))
        k = raw.lower().rfind(" and ")
        if k >= 0:
            mixed = self._mixed_fraction(start, raw, k, dm)
            if mixed is not None:
                return mixed
        return self._bare_fraction(start, raw, dm)

    def _mixed_fraction(self, start: int, raw: str, k: int, dm: re.Match) -> Num | None:
        whole, numer = nums.words_of(raw[:k]), nums.words_of(raw[k + 5 :])
        den = nums.denominator(nums.words_of(dm.group(0)))
        pw, pn = nums.parse_words(whole), nums.parse_words(numer)
        if not den or not pw or not pn or pw[1] != len(whole) or pn[1] != len(numer):
            return None
        if pn[0] >= den:
            return None
        unit = nums.SCALES.get(whole[-1].lower(), 1.0)  # "six million and two thirds"
        end = dm.end()
        sm = re.match(r"[^\S\n]+(million|billion|trillion)\b", self.text[end:], re.I)
        if sm and unit >= 1000:  # "one billion and three quarters million"
            unit, end = nums.SCALES[sm.group(1).lower()], end + sm.end()
        value = pw[0] + pn[0] / den * (unit if unit >= 1000 else 1.0)
        num = Num(start, end, value, 0.0, True, self.text[start:end])
        num.fraction = value != int(value)
        return num

    def _bare_fraction(self, start: int, raw: str, dm: re.Match) -> Num | None:
        """ "two thirds", "twenty-three fifths", "one hundred thirty-fifths", "a hundred
        thousand trillionths"; not an ordinal ("the one millionth visitor", "twenty fifth
        anniversary") nor a count of quarters of a year ("for three quarters in a row")."""
        text = self.text
        words, den_words = nums.words_of(raw), nums.words_of(dm.group(0))
        if (
            len(words) > 1
            and len(den_words) == 1
            and words[-1].lower() in nums.TENS
            and text[start + len(raw)] == "-"
        ):  # "one hundred thirty-fifths": 100 / 35
            den_words, words = [words[-1], *den_words], words[:-1]
        den, numer = nums.denominator(den_words), nums.parse_words(words)
        if not den or not numer or numer[1] != len(words):
            return None
        plural = nums.is_plural_denominator(den_words[-1])
        if (
            (numer[0] != 1 and not plural)
            or pat.DETERMINER_BEFORE_RE.search(text, max(0, start - 8), start)
            or (den == 4 and plural and _quarters_of_time(text, start, dm.end()))
        ):
            return None
        num = Num(start, dm.end(), numer[0] / den, 0.0, True, text[start : dm.end()])
        num.fraction = True
        return num

    def _point(self, num: Num) -> None:
        """Decimals in words: "two hundred point seventy-one" = 200.71, "five point five"."""
        m = pat.POINT_RE.match(self.text, num.end)
        if not m or num.value != int(num.value):
            return
        digits = ""
        for w in nums.words_of(m.group("d").lower()):
            if w in ("zero", "oh", "nought", "naught"):
                digits += "0"
            elif w in nums.SMALL or w in nums.TENS:
                digits += str(nums.SMALL.get(w, nums.TENS.get(w)))
            else:
                return
        digits = digits.replace("0", "", 1) if re.fullmatch(r"[1-9]0\d", digits) else digits
        sign = -1 if num.value < 0 else 1
        num.value += sign * float("0." + digits)
        num.place = 0.0
        num.end = m.end()

    def _scale_after(self, num: Num) -> bool:
        """A scale word after a numeral: "12 million", "5k", "$45m" (m, b: money only)."""
        sm = pat.SCALE_AFTER_RE.match(self.text, num.end)
        if not sm:
            return True
        sc = sm.group("sc")
        low = sc.lower()
        attached = not sm.group("sp")
        if low in ("k", "m", "b"):
            if not attached:
                if sc in ("B", "M") and sm.group("sp"):  # "8 B people": money or a count
                    num.money_scale = (sm.end("sc"), nums.SCALES[low])
                    return True
                if sc == "K" or self.text[sm.end("sc") : sm.end("sc") + 1] == "/":
                    return True  # "10 K", "37 b/d": units
                return False  # "10 k", "35 m": thousands or metres? not read
            num.money_scale = (sm.end("sc"), nums.SCALES[low])
            if not (low == "k" or sc == "M"):
                return True  # 5k, 5M: a scale anywhere; 5m, 5b: only for money
        if low == "hundred" and self.text[sm.end("sc") : sm.end("sc") + 1] == "-":
            return True  # "20 hundred-dollar bills": twenty bills
        if low == "hundred" and num.value >= 100 and not _hundreds_of(self.text, num, sm.end()):
            return False  # "0800 hundred hours", "322.5 hundred": not read
        factor, end = nums.SCALES[low], sm.end("sc")
        sc2 = (sm.group("sc2") or "").lower()
        if sc2 and nums.SCALES[sc2] > factor:  # "4 hundred million", "1.87 lakh crore"
            factor, end = factor * nums.SCALES[sc2], sm.end()
        num.money_scale = None
        self._scale(num, factor, end)
        self._compound(num, factor)
        return True

    def _compound(self, num: Num, factor: float) -> None:
        """ "4 thousand 3 hundred and 21" = 4321: smaller groups after a scale word."""
        for _ in range(2):
            m = pat.COMPOUND_RE.match(self.text, num.end)
            if not m:
                return
            words = nums.words_of(m.group("w") or "")
            n = int(m.group("n")) if m.group("n") else nums.parse_words(words)
            if n is None or (not m.group("n") and n[1] != len(words)):
                return
            tail = (n if m.group("n") else n[0]) * (100 if m.group("h") else 1)
            if tail >= factor:
                return
            num.value += tail
            num.place = 0.0
            num.end = m.end()
            factor = 100 if m.group("h") else 1

    @staticmethod
    def _scale(num: Num, factor: float, end: int) -> None:
        mantissa_place = num.place
        if mantissa_place == 0:
            # written decimals: "1.2 million" is good to a tenth of a million
            frac = num.raw.split(".")[1] if "." in num.raw else ""
            mantissa_place = 10.0 ** -len(frac) if frac else 1.0
        num.value *= factor
        num.place = mantissa_place * factor
        num.scaled = True
        num.end = end

    # --- around the number ----------------------------------------------------------

    def _currency_before(self, start: int, lo: int):
        """(code, label, start, million) of a currency written before text[start]."""
        window = self.text[max(lo, start - 14) : start]
        m = pat.CUR_BEFORE_RE.search(window, max(0, len(window.rstrip()) - pat.CUR_BEFORE_LONGEST))
        if not m:
            return None
        base = start - len(window)
        if m.group("sym"):
            sym = m.group("sym")
            code = units.SYMBOLS[sym]
            s = base + m.start("sym")
            pre = m.group("pre")
            if pre and sym == "$":
                p = pre.lower()
                spaced = bool(m.group("presp"))
                if p in units.DOLLAR_PREFIXES and not (spaced and p in ("a", "s", "r", "z")):
                    code = units.DOLLAR_PREFIXES[p]
                    s = base + m.start("pre")
            return code, code, s, 1.0
        if m.group("mcode"):
            return m.group("mcode")[1:].upper(), m.group("mcode")[1:].upper(), base + m.start(), 1e6
        word = m.group("word")
        code = units.code_for(word.rstrip(".")) or units.WORD_PREFIXES.get(word.lower())
        if code is None:
            return None
        return code, code, base + m.start("word"), 1.0

    def _qualifier_before(self, start: int, lo: int):
        """(qualifier, start, between, negative) of the words before text[start]."""
        window = self.text[max(lo, start - 40) : start]
        ends = window.rstrip().lower().endswith(pat.QUAL_BEFORE_ENDS)
        m = pat.QUAL_BEFORE_RE.search(window) if ends else None
        base = start - len(window)
        if not m:
            if "pas" in window[-10:].lower():  # "the toll passed 2,000"; the test is cheap
                return self._rising_qualifier(start, lo)
            return None, start, False, False
        if m.group("neg"):
            return None, base + m.start(), False, True
        if m.group("between2"):
            return None, base + m.start(), True, False
        q = "approx" if m.group("tilde") else pat.QUAL_OF[m.group("q").lower()]
        if q == "at_most" and pat.MOVED_UP_TO_RE.search(window):
            return None, start, False, False  # "went up to eight": eight, not at most eight
        return q, base + m.start(), bool(m.group("between")), False

    def _rising_qualifier(self, start: int, lo: int):
        """ "the toll passed 2,000", "sales have passed $1 billion": after a figure that rises."""
        rm = pat.RISING_QUAL_RE.search(self.text, max(lo, start - 60), start)
        if rm is None and self.claims and self.claims[-1]["qualifier"] in ("more_than", "at_least"):
            # "topped 40,000 and passed 45,000": the figure just before rose past a bound too
            rm = pat.RISING_CHAIN_RE.match(self.text, self.claims[-1]["end"], start)
            rm = rm if rm and self.claims[-1]["end"] >= lo else None
        if rm and not pat.YEAR_AHEAD_RE.match(self.text, start):
            return pat.RISING_QUALIFIERS[rm.group("q").lower()], rm.start("q"), False, False
        return None, start, False, False

    def _unit_after(self, num: Num, p: int, money_before: bool):
        """What follows the number: ('percent'|'money'|'unit', info, end) or None."""
        text = self.text
        pct = _percent_after(text, p)
        if pct or money_before:
            return pct
        m = pat.CUR_AFTER_RE.match(text, p)
        r = self._currency_after(num, m) if m else None
        if r:
            return r
        attached = p < len(text) and text[p - 1 : p].isdigit() and not text[p : p + 1].isspace()
        q = p
        hy = pat.HYPHEN_UNIT_RE.match(text, p)
        if hy:  # "a 2,000-pound bomb", "a 5-km race", "30 - year bonds" as wire text spaces it
            q = hy.end()
            attached = True
            m = pat.CUR_AFTER_RE.match(text, q)
            r = self._currency_after(num, m) if m and (m.group("sub") or m.group("name")) else None
            if r:
                return r
        if q < len(text) and text[q : q + 1] == " ":
            q += 1
        elif q == p and not attached:
            return None
        if not (text[q : q + 1].isalpha() or text[q : q + 1] in "°"):
            return None
        r = match_unit(text, q, attached)
        if r is None or text[r[1] : r[1] + 1].isalpha():
            return None
        if r[1] - q == 1 and r[0].dimension == "temperature" and not self._temperature(num, q):
            return None
        return "unit", r[0], r[1]

    def _temperature(self, num: Num, q: int) -> bool:
        """Whether a bare letter after a figure (30C, 86F, 40c) is a temperature, not a name
        (SCP-173C, the 777F, 13F filing) or cents (11c): only in a sentence about weather."""
        text = self.text
        before = text[max(0, num.start - 6) : num.start]
        if re.search(r"[A-Za-z0-9]-?$", before) or text[q + 1 : q + 2] in ("/", "-"):
            return False  # glued to a name, or "14.7C/ per share"
        if re.search(r"\b(?:the|a|an)\s+$", before, re.I) and num.value == int(num.value):
            return False  # "the 777F": a model
        if num.value < 0:
            return True  # "-3C": no model or price is written so
        # 40c is cents as often as Celsius, 13F a filing: only with weather words around
        s_start, s_end = self._sent(q)
        return bool(pat.WEATHER_RE.search(text, s_start, s_end))

    def _currency_after(self, num: Num, m: re.Match):
        """('money', (code, label, factor), end) for a currency after the number."""
        if m.group("sym"):
            code = units.SYMBOLS[m.group("sym")]
            return "money", (code, code, 1.0), m.end()
        if m.group("sub"):
            sub = m.group("sub").lower()
            if sub == "p" and (
                m.group("sp") or abs(num.value) >= 1000 or num.value in pat.VIDEO_LINES
            ):
                return None  # "12p" is pence; "12 p", "720p" are not
            label, parent, frac = units.SUBUNITS[sub]
            if m.group("subpre"):  # "31 US cents", "20 euro cents"
                parent = units.SUBUNIT_PREFIXES[" ".join(m.group("subpre").lower().split())]
            return "money", (parent, label, frac), m.end()
        if m.group("mcode"):
            code = m.group("mcode")[1:].upper()
            return "money", (code, code, 1e6), m.end()
        if m.group("code"):
            return self._code_after(num, m)
        if m.group("name"):
            return self._name_after(num, m)
        return None

    def _code_after(self, num: Num, m: re.Match):
        """An ISO code after the number, maybe with a scale: "75 USD million"."""
        text = self.text
        if m.group("sp") == "" and not text[m.start() - 1 : m.start()].isdigit():
            return None
        code = units.code_for(m.group("code"))
        if code is None or text[m.end() : m.end() + 1].isdigit():
            return None  # "3 USD50 cards": the code is the next amount's, glued to it
        end = m.end()
        sm = _CODE_SCALE_RE.match(text, end)
        factor = 1.0
        if sm and not num.scaled:
            factor = nums.SCALES[sm.group(1).lower()]
            end = sm.end()
        return "money", (code, code, factor), end

    def _name_after(self, num: Num, m: re.Match):
        """A currency name after the number: "5 euros", "3 million Hong Kong dollars"."""
        text = self.text
        if not m.group("sp") and text[m.start() - 1 : m.start()].isdigit():
            return None
        name = units.CURRENCY_FORMS[m.group("name").lower()]
        default, adjs = units.CURRENCY_NAMES[name]
        adj = (m.group("adj") or "").lower()
        code = adjs.get(adj, default)
        if name == "pound" and not adj and not num.scaled:
            hyphen = text[max(0, m.start() - 3) : m.start()].rstrip().endswith("-")
            if hyphen or pat.OF_GOODS_RE.match(text, m.end()):
                return None  # "4,000 pounds of cocaine", "a 2,000-pound bomb": weight
        if name in units.GUARDED_NAMES and not adj and not self._guarded_is_money(name, num, m):
            return None
        if m.group("name").lower() == "mark" and pat.MILESTONE_BEFORE_RE.search(
            text, max(0, num.start - 6), num.start
        ):
            return None  # "crossed the 10,000 mark": a milestone, not Deutsche marks
        if name == "satoshi":
            return "money", ("BTC", "satoshi", 1e-8), m.end()
        return "money", (code, code, 1.0), m.end()

    def _guarded_is_money(self, name: str, num: Num, m: re.Match) -> bool:
        """A name that is also a word ("real", "mark", "won") is money after a large figure,
        unless a noun follows it ("5 million real fans")."""
        if not (num.scaled or abs(num.value) >= 1000):
            return False
        if name in ("pound", "won"):
            return True
        nxt = re.match(r"[^\S\n]+([a-z]+)", self.text[m.end() : m.end() + 30])
        return not (nxt and nxt.group(1) not in nouns.STOP)

    def _second_number(self, p: int, lo: int, hi: int):
        """The number after a range connector at text[p:], with its currency before it."""
        text = self.text
        cur = None
        q = p
        cm = pat.SECOND_CUR_RE.match(text, q)
        if cm:
            cur = units.SYMBOLS[cm.group("s")]
            if cm.group("pre") and cur == "USD":
                cur = units.DOLLAR_PREFIXES[cm.group("pre").lower()]
            q = cm.end()
        m = pat.CORE_RE.match(text, q)
        if not m or m.lastgroup not in ("digits", "spelled") or m.end() > hi:
            return None
        num = self._number(m)
        if num is None:
            return None
        return num, cur

    def _cents(self, p: int, s_end: int):
        m = re.compile(
            r"\s+(?:and\s+)?(\d{1,2}(?!\d)(?![.,]\d)|[a-z]+(?:[\s-](?:one|two|three|four|five|six|"
            r"seven|eight|nine))?)(\s*(?:cents?|¢|pence|p\b))?",
            re.I,
        ).match(self.text, p)
        if not m or m.end() > s_end:
            return None
        raw = m.group(1)
        if raw.isdigit():
            value = float(raw)
        else:
            parsed = nums.parse_words(nums.words_of(raw))
            if parsed is None or parsed[1] != len(nums.words_of(raw)):
                return None
            value = parsed[0]
        if value >= 100 or value <= 0:
            return None
        if not m.group(2):
            rest = self.text[m.end() : m.end() + 12]
            if re.match(r"\s*(?:[A-Za-z$€£¥]|\d)", rest):
                return None
        return value, m.end()

    def _plural_follows(self, p: int, s_end: int) -> bool:
        of = pat.OF_DETERMINER_RE.match(self.text, p)  # "35m of its devices"
        # "1.2m NHS staff": up to two names or acronyms may stand before the plural
        pos = of.end() if of else p
        for _ in range(3):
            m = _WORD_AFTER_RE.match(self.text, pos)
            if not m or m.end() > s_end:
                return False
            if nouns.is_plural(m.group(1)):
                return True
            if not m.group(1)[0].isupper():
                return False
            pos = m.end()
        return False


_WORD_AFTER_RE = re.compile(r"\s+([A-Za-z][A-Za-z&]*)")


def _hundreds_of(text: str, num: Num, end: int) -> bool:
    """ "322 hundred" = 32,200 (a whole numeral); not "0800 hundred hours" (a time)."""
    return (
        not num.raw.startswith("0")
        and num.raw.isdigit()
        and not pat.HUNDRED_NOT_SCALE_RE.match(text, end)
    )


def _and_fraction_value(m: re.Match) -> float | None:
    """The fraction after "and": "a half" → 0.5, "fifty-four hundredths" → 0.54."""
    n = m.group("n").lower()
    words = nums.words_of(n)
    parsed = (1.0, 1) if n in ("a", "an") else nums.parse_words(words)
    den = nums.denominator(nums.words_of(m.group("d")))
    if not parsed or not den or (n not in ("a", "an") and parsed[1] != len(words)):
        return None
    return parsed[0] / den


def _quarters_of_time(text: str, start: int, end: int) -> bool:
    """ "for three quarters in a row", "in two quarters": quarters of a year, not 3/4."""
    return bool(
        pat.QUARTERS_OF_TIME_RE.match(text, end)
        or pat.TIME_SPAN_BEFORE_RE.search(text, max(0, start - 14), start)
    )


def _fraction_of_scale(m: re.Match) -> Num:
    """ "half a million", "three-quarters of a billion"."""
    raw = m.group(0)
    low = raw.lower()
    scale = nums.SCALES[nums.words_of(low)[-1]]
    frac = 0.5
    if "quarter" in low:
        frac = 0.75 if "three" in low else 0.25
        if "two" in low:
            frac = 0.5
    elif "third" in low:
        frac = 2 / 3 if "two" in low else 1 / 3
    num = Num(m.start(), m.end(), frac * scale, frac * scale, True, raw)
    num.scaled = True
    return num


_CODE_SCALE_RE = re.compile(r"\s+(million|billion|trillion|thousand|mn|bn)\b", re.I)


def _percent_after(text: str, p: int):
    """('percent', 'percent'|'percentage point'|'basis point', end) after a number, or None."""
    m = pat.PCT_RE.match(text, p)
    if m and not (m.group(0).strip().lower() in ("pp", "ppt", "bp") and m.start() != p):
        if m.group("pp"):
            return "percent", "percentage point", m.end()
        if m.group("bp"):
            return "percent", "basis point", m.end()
        return "percent", "percent", m.end()
    if pat.PC_ATTACHED_RE.match(text, p):
        return "percent", "percent", p + 2
    return None
