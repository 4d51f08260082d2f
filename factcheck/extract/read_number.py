"""A number as written at a scanner match: numerals, spelled numbers, fractions, scale words."""

from __future__ import annotations

import re
from typing import Any

from . import numbers as nums
from . import patterns as pat
from .scanner import Num


def read_number(text: str, m: re.Match) -> Num | None:
    """The number at a digits/spelled/fscale match, with its scale word."""
    kind = m.lastgroup
    if kind == "fscale":
        return _fraction_of_scale(m)
    if kind != "digits":
        return _spelled(text, m)
    raw = m.group(0)
    parsed = nums.parse_numeral(raw.replace(" , ", ",").replace(" . ", "."))
    if parsed is None:
        return None
    num = Num(m.start(), m.end(), parsed[0], parsed[1], False, raw)
    num.fraction = "/" in raw or raw[-1] in nums.VULGAR
    if pat.DECIMAL_COMMA_RE.match(text, num.end):
        return None  # "1,3" or "1.111,11": a decimal comma, not read
    if text[num.end : num.end + 1] == "+" and not text[num.end + 1 : num.end + 2].isalnum():
        num.end += 1  # "600+ million", "40+ people"
        num.plus = True
    if not _scale_after(text, num):
        return None
    _and_fraction(text, num)
    return num


def _and_fraction(text: str, num: Num) -> None:
    """A mixed number: "four and a half hours", "one million and a half", "five and a
    quarter", "five and a half million"."""
    if num.plus or num.value != int(num.value):
        return
    m = pat.AND_FRACTION_RE.match(text, num.end)
    if not m:
        return
    last = re.findall(r"[A-Za-z]+", text[num.start : num.end])[-1:]
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


def _spelled(text: str, m: re.Match) -> Num | None:
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
    raw = text[m.start() : end]
    dm = pat.DENOMINATOR_RE.match(text, end)
    if dm and not dm.group(0).lower().rstrip("s").endswith("second"):
        return _spelled_fraction(text, m.start(), raw)
    num = Num(m.start(), end, value, nums.place_of(value), True, raw)
    if num.place == 1:
        num.place = 0.0
    if re.search(pat.BIG, raw, re.I) and value >= 100:
        num.scaled = True
        num.place = max(num.place, nums.place_of(value))
    _point(text, num)
    _and_fraction(text, num)
    return num


def _spelled_fraction(text: str, start: int, raw: str) -> Num | None:
    """ "one hundred and three quarters" = 100.75, "two and fifty-four hundredths" = 2.54;
    a bare fraction ("two thirds", "one eighth") is a Num marked as a fraction."""
    dm: re.Match = pat.DENOMINATOR_RE.match(text, start + len(raw))  # type: ignore[assignment]
    k = raw.lower().rfind(" and ")
    if k >= 0:
        mixed = _mixed_fraction(text, start, raw, k, dm)
        if mixed is not None:
            return mixed
    return _bare_fraction(text, start, raw, dm)


def _mixed_fraction(text: str, start: int, raw: str, k: int, dm: re.Match) -> Num | None:
    whole, numer = nums.words_of(raw[:k]), nums.words_of(raw[k + 5 :])
    den = nums.denominator(nums.words_of(dm.group(0)))
    pw, pn = nums.parse_words(whole), nums.parse_words(numer)
    if not den or not pw or not pn or pw[1] != len(whole) or pn[1] != len(numer):
        return None
    if pn[0] >= den:
        return None
    unit = nums.SCALES.get(whole[-1].lower(), 1.0)  # "six million and two thirds"
    end = dm.end()
    sm = re.match(r"[^\S\n]+(million|billion|trillion)\b", text[end:], re.I)
    if sm and unit >= 1000:  # "one billion and three quarters million"
        unit, end = nums.SCALES[sm.group(1).lower()], end + sm.end()
    value = pw[0] + pn[0] / den * (unit if unit >= 1000 else 1.0)
    num = Num(start, end, value, 0.0, True, text[start:end])
    num.fraction = value != int(value)
    return num


def _bare_fraction(text: str, start: int, raw: str, dm: re.Match) -> Num | None:
    """ "two thirds", "twenty-three fifths", "one hundred thirty-fifths", "a hundred
    thousand trillionths"; not an ordinal ("the one millionth visitor", "twenty fifth
    anniversary") nor a count of quarters of a year ("for three quarters in a row")."""
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


def _point(text: str, num: Num) -> None:
    """Decimals in words: "two hundred point seventy-one" = 200.71, "five point five"."""
    m = pat.POINT_RE.match(text, num.end)
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


def _scale_after(text: str, num: Num) -> bool:
    """A scale word after a numeral: "12 million", "5k", "$45m" (m, b: money only)."""
    sm = pat.SCALE_AFTER_RE.match(text, num.end)
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
            if sc == "K" or text[sm.end("sc") : sm.end("sc") + 1] == "/":
                return True  # "10 K", "37 b/d": units
            return False  # "10 k", "35 m": thousands or metres? not read
        num.money_scale = (sm.end("sc"), nums.SCALES[low])
        if not (low == "k" or sc == "M"):
            return True  # 5k, 5M: a scale anywhere; 5m, 5b: only for money
    if low == "hundred" and text[sm.end("sc") : sm.end("sc") + 1] == "-":
        return True  # "20 hundred-dollar bills": twenty bills
    if low == "hundred" and num.value >= 100 and not _hundreds_of(text, num, sm.end()):
        return False  # "0800 hundred hours", "322.5 hundred": not read
    factor, end = nums.SCALES[low], sm.end("sc")
    sc2 = (sm.group("sc2") or "").lower()
    if sc2 and nums.SCALES[sc2] > factor:  # "4 hundred million", "1.87 lakh crore"
        factor, end = factor * nums.SCALES[sc2], sm.end()
    num.money_scale = None
    scale(num, factor, end)
    _compound(text, num, factor)
    return True


def _compound(text: str, num: Num, factor: float) -> None:
    """ "4 thousand 3 hundred and 21" = 4321, "1 billion 200 million" = 1.2 billion: smaller
    groups after a scale word; never a figure of its own ("$3 million 12 months later")."""
    factor = _scaled_tail(text, num, factor)
    for _ in range(2):
        m = pat.COMPOUND_RE.match(text, num.end)
        if not m:
            return
        plain = m.group("n") and not m.group("h") and "and" not in m.group(0).lower()
        if plain and pat.WORD_AFTER_RE.match(text, m.end()):
            return  # "£4.6 billion 12 months earlier": 12 counts months
        words = nums.words_of(m.group("w") or "")
        n: Any = int(m.group("n")) if m.group("n") else nums.parse_words(words)
        if n is None or (not m.group("n") and n[1] != len(words)):
            return
        tail = (n if m.group("n") else n[0]) * (100 if m.group("h") else 1)
        if tail >= factor:
            return
        num.value += tail
        num.place = 0.0
        num.end = m.end()
        factor = 100.0 if m.group("h") else 1.0


def _scaled_tail(text: str, num: Num, factor: float) -> float:
    """Add a smaller scaled group ("1 billion 200 million"); the factor now in force."""
    m = pat.SCALED_TAIL_RE.match(text, num.end)
    if not m:
        return factor
    smaller = nums.SCALES[m.group("sc").lower()]
    tail = float(m.group("n")) * smaller
    if smaller >= factor or tail >= factor:
        return factor
    num.value += tail
    num.place = smaller
    num.end = m.end()
    return smaller


def scale(num: Num, factor: float, end: int) -> None:
    """Apply a scale word ending at end: "1.2 million" is good to a tenth of a million."""
    mantissa_place = num.place
    if mantissa_place == 0:
        # written decimals: "1.2 million" is good to a tenth of a million
        frac = num.raw.split(".")[1] if "." in num.raw else ""
        mantissa_place = 10.0 ** -len(frac) if frac else 1.0
    num.value *= factor
    num.place = mantissa_place * factor
    num.scaled = True
    num.end = end


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
