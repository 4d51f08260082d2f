"""Numbers as news text writes them: numerals, spelled numbers, scales, fractions.

Pure functions over strings; the word tables come from the lexicon. The
extractor calls these on the small spans its scanner finds.
"""

from __future__ import annotations

import math
import re

from ..vocab.lexicon import LEX

SMALL: dict[str, int] = LEX["number_words"]["small"]
TENS: dict[str, int] = LEX["number_words"]["tens"]
# scale words after a number ("12 million", "Rs 1,200 crore"); abbreviations too
SCALES: dict[str, float] = {k: float(v) for k, v in LEX["scales"].items()}
BIG_WORDS: tuple[str, ...] = tuple(LEX["big_words"])
ORDINALS: dict[str, int] = LEX["ordinals"]
# denominators of spelled fractions ("two-thirds", "a quarter")
FRACTIONS: dict[str, int] = LEX["fractions"]
# every word that can name a fraction's denominator, singular and plural: the
# fraction words, the ordinals but "first" and "second" ("two seconds" is a
# duration), and the ordinals only fractions use ("a thirtieth", "trillionths")
_DENOM_SINGULAR = {
    **{w: d for w, d in ORDINALS.items() if w not in ("first", "second")},
    **LEX["fraction_ordinals"],
}
DENOMINATORS: dict[str, int] = {
    **_DENOM_SINGULAR,
    **{w + "s": d for w, d in _DENOM_SINGULAR.items()},
    **FRACTIONS,
}
# the ones place of a compound denominator ("twenty-first", "one hundred fifth")
UNIT_ORDINALS: dict[str, int] = {w: d for w, d in ORDINALS.items() if d < 10 and w != "second"}
# one-character fractions: "½" → 0.5
VULGAR: dict[str, float] = {c: n / d for c, (n, d) in LEX["vulgar_fractions"].items()}
# vague amounts as [low, high] intervals
VAGUE: dict[str, tuple[float, float]] = {k: tuple(v) for k, v in LEX["vague"].items()}

_SPLIT_RE = re.compile(r"[\s\-]+")
# a digit-group separator other than a bare comma: 5 000, 5 000, 5'000, 80, 000
_GROUP_SEP_RE = re.compile(r"(?<=\d)(?:[ \u00a0\u2009\u202f'’]|,[ ])(?=\d{3}(?!\d))")
# Arabic-Indic and Persian digits, with the Arabic group and decimal separators:
# one character each, so offsets into the text stay the same
DIGIT_MAP = str.maketrans(
    {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)},
     "\u066c": ",", "\u066b": "."}
)  # fmt: skip
_MAPPED_DIGIT_RE = re.compile("[\u0660-\u0669\u066b\u066c\u06f0-\u06f9]")


def ascii_digits(text: str) -> str:
    """text with Arabic-Indic and Persian digits as ASCII ones (offsets unchanged); the
    translation, slow on long text, only when there is something to translate."""
    if text.isascii() or not _MAPPED_DIGIT_RE.search(text):
        return text
    return text.translate(DIGIT_MAP)


_NUMERAL_RE = re.compile(r"[−-]?(\d[\d,]*)(?:\.(\d+))?$")


def parse_numeral(s: str) -> tuple[float, float] | None:
    """Value and unit of last significant place of a digit numeral ("1,70,300" → 170300, 100).

    None for what is not a finite number ("1" * 500 overflows a float): no claim
    rather than an infinite one.
    """
    parsed = _parse_numeral(s)
    if parsed is None or not all(math.isfinite(x) for x in parsed):
        return None
    return parsed


def _parse_numeral(s: str) -> tuple[float, float] | None:
    """parse_numeral, which may give inf for a huge numeral.

    Commas group digits in any style (Western 1,000,000 or Indian 10,00,000).
    The place is 0 for figures that assert themselves (no trailing zero, or
    written decimals): only round integers carry implied imprecision.
    """
    s = s.strip().replace("−", "-")
    whole = s.replace(",", "")
    if whole.isascii() and whole.isdigit() and s[0] != ",":
        return _whole_number(whole)  # "5324", "1,70,300": most numerals, no pattern needed
    if "/" in s or s[-1:] in VULGAR:  # 1/2, 10 1/2, and "7 3 / 4" as tokenized text writes it
        return _fraction(s)
    if "10" in s and ("x" in s.lower() or "×" in s or "*" in s or s[-1] in _SUPER):
        return _power(s)
    if "^" in s:
        return _exponent(s)
    if "e" in s.lower():
        try:
            return float(s), 0.0  # 1.2e6
        except ValueError:
            return None
    if s.startswith((".", "-.")):
        s = s.replace(".", "0.", 1)  # ".08"
    m = _NUMERAL_RE.match(_GROUP_SEP_RE.sub(",", s))
    if not m:
        return None
    whole, frac = m.group(1).replace(",", ""), m.group(2)
    try:
        value = float(whole + ("." + frac if frac else ""))
    except ValueError:
        return None
    if s.startswith("-"):
        value = -value
    if frac:
        return value, 0.0
    return value, _place(whole)


def _whole_number(digits: str) -> tuple[float, float]:
    """Value and place of a run of ASCII digits."""
    return float(digits), _place(digits)


def _place(whole: str) -> float:
    """The unit of the last significant place of a whole number's digits: 100 for
    "5300", 0 when it asserts itself ("5324", "0")."""
    stripped = whole.rstrip("0")
    zeros = len(whole) - len(stripped)
    if not stripped or zeros == 0:
        return 0.0
    return float(10**zeros)


_SUPER = {c: str(i) for i, c in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")} | {"⁻": "-"}
_POWER_RE = re.compile(
    r"(?:(?P<m>\d+(?:\.\d+)?)\s?[xX×*]\s?)?10(?:\^(?P<e>-?\d+)|(?P<s>[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))$"
)


def _vulgar(s: str) -> tuple[float, float] | None:
    """A number ending in a one-character fraction: "½" → 0.5, "7½" → 7.5."""
    whole = parse_numeral(s[:-1]) if s[:-1].strip(" -") else (0.0, 0.0)
    if whole is None:
        return None
    sign = -1.0 if s.startswith("-") else 1.0
    return whole[0] + sign * VULGAR[s[-1]], 0.0


def _fraction(s: str) -> tuple[float, float] | None:
    """A fraction or mixed number: "1/2" → 0.5, "10 1/2" → 10.5; None for 5/4 or 24/7."""
    if s[-1] in VULGAR:  # "½", "7½", "2 ¾"
        return _vulgar(s)
    sign = -1.0 if s.startswith("-") else 1.0
    parts = s.lstrip("-").replace("/", " ").split()
    try:
        whole = float(parts[0]) if len(parts) == 3 else 0.0
        num, den = float(parts[-2]), float(parts[-1])
    except (ValueError, IndexError):
        return None
    if not 0 < num < den:
        return None
    return sign * (whole + num / den), 0.0


def _power(s: str) -> tuple[float, float] | None:
    """A power of ten: "10^6", "10⁹", "3 x 10^6" → 3e6."""
    m = _POWER_RE.match(s)
    if not m:
        return None
    exp = m.group("e") or "".join(_SUPER[c] for c in m.group("s"))
    try:
        value = float(m.group("m") or 1) * 10.0 ** int(exp)
    except (ValueError, OverflowError):
        return None
    return value, 0.0


def _exponent(s: str) -> tuple[float, float] | None:
    """ "1.1^23", "2.5^-1", "-2500^-1": a power written with a caret."""
    base, _, exp = s.partition("^")
    sign = -1.0 if base.startswith("-") else 1.0
    negative = exp.count("-") % 2 == 1
    try:
        power = int(exp.strip("+-"))
        value = abs(float(base)) ** (-power if negative else power)
    except (ValueError, OverflowError, ZeroDivisionError):
        return None
    return sign * value, 0.0


def place_of(value: float) -> float:
    """Unit of the last significant place of a whole number (5000 → 1000, 5324 → 1, 6 → 1)."""
    if value == 0 or not math.isfinite(value) or value != int(value):
        return 0.0
    v = abs(int(value))
    place = 1
    while v % 10 == 0:
        v //= 10
        place *= 10
    return float(place)


class _Spelled:
    """The running state of a spelled number: total so far, current group, last word's kind."""

    __slots__ = ("total", "current", "last", "seen", "and_base")

    def __init__(self) -> None:
        self.total = 0.0
        self.current = 0.0
        self.last: str | None = None  # small, tens, hundred, scale, and, a
        self.seen = False
        self.and_base: float | None = None  # the current group when "and" was read

    def small(self, w: str) -> bool:
        """Add a unit or a ten ("two", "twenty"); False when it cannot follow."""
        if w in SMALL:
            v = SMALL[w]
            if (
                self.last in ("small", "a")
                or (self.last == "tens" and v >= 10)
                or (v == 0 and self.seen)
            ):
                return False
            self.current += v
            self.last = "small"
            return True
        if self.last in ("small", "tens", "a"):
            return False
        self.current += TENS[w]
        self.last = "tens"
        return True

    def scale(self, w: str) -> bool | None:
        """Apply a scale word ("dozen", "hundred", "million"); False when it cannot follow."""
        if w in ("dozen", "dozens"):
            if self.and_base is not None and self.last in ("small", "tens"):
                # "three hundred and two dozens" = 300 + 2 x 12: the dozens after "and"
                self.current = self.and_base + (self.current - self.and_base) * 12
                self.last = "scale"
                return True
            if self.current >= 100 or self.total:
                return None  # "three hundred two dozen": not read
            self.current = (self.current or 1) * 12
            self.last = "scale"
            return True
        if w == "hundred":
            if self.last == "hundred":
                return False
            self.current = (self.current or 1) * 100
            self.last = "hundred"
            return True
        scale = SCALES[w.rstrip("s")]
        if self.last == "scale" and self.total and self.total < scale:
            self.total *= scale  # "three lakh crore", "two thousand million"
            return True
        self.total += (self.current or 1) * scale
        self.current = 0.0
        self.last = "scale"
        return True


_SCALE_WORDS = ("thousand", "million", "billion", "trillion", "lakh", "crore")
_BARE_SCALES = {"hundred", *_SCALE_WORDS, *(w + "s" for w in _SCALE_WORDS)}


def _bare_scale(words: list[str]) -> bool:
    """ "million" alone is not a number; "a million", "hundred thousand" are."""
    if not words or words[0].lower() not in _BARE_SCALES:
        return False
    return not (words[0].lower() == "hundred" and len(words) > 1 and words[1].lower() in SCALES)


def parse_words(words: list[str]) -> tuple[float, int] | None:
    """Value of a spelled number and how many of `words` it used ("twenty-two" → 22).

    Stops at the first word that cannot continue the number ("two three" → 2, 1).
    """
    if _bare_scale(words):
        return None
    st = _Spelled()
    used = 0
    for i, w in enumerate(words):
        w = w.lower()
        if w in ("a", "an") and i == 0:
            st.current, st.last = 1.0, "a"
            continue
        if w == "and":
            if st.last not in ("hundred", "scale"):
                break
            st.last, st.and_base = "and", st.current
            continue
        if w in SMALL or w in TENS:
            ok: bool | None = st.small(w)
        elif w in ("dozen", "dozens", "hundred") or w.rstrip("s") in _SCALE_WORDS:
            ok = st.scale(w)
        else:
            ok = False
        if ok is None:
            return None
        if not ok:
            break
        st.seen = True
        used = i + 1
    if not st.seen or st.last == "a":
        return None
    # trailing "and" is not part of the number
    while used and words[used - 1].lower() == "and":
        used -= 1
    return st.total + st.current, used


def words_of(s: str) -> list[str]:
    """Split a spelled number into its words ("twenty-two thousand" → 3 words)."""
    return [w for w in _SPLIT_RE.split(s) if w]


def is_plural_denominator(word: str) -> bool:
    """ "fifths", "halves", "thirds": a denominator for a numerator other than one."""
    return word.lower().endswith("s")


def denominator(words: list[str]) -> float | None:
    """The denominator a fraction's last words name ("fifths" → 5, "twenty-first" → 21,
    "one hundred fifth" → 105, "trillionths" → 1e12); None when they name none."""
    if not words:
        return None
    last = words[-1].lower()
    single = last.removesuffix("s")
    if len(words) == 1:
        return float(DENOMINATORS[last]) if last in DENOMINATORS else None
    ones = UNIT_ORDINALS.get(single)
    parsed = parse_words(words[:-1])
    if ones is None or parsed is None or parsed[1] != len(words) - 1 or parsed[0] % 10:
        return None
    return parsed[0] + ones
