"""Numbers as news text writes them: numerals, spelled numbers, scales, fractions.

Pure functions over strings; the word tables come from the lexicon. The
extractor calls these on the small spans its scanner finds.
"""

from __future__ import annotations

import math
import re

from .lexicon import LEX

SMALL: dict[str, int] = LEX["number_words"]["small"]
TENS: dict[str, int] = LEX["number_words"]["tens"]
# scale words after a number ("12 million", "Rs 1,200 crore"); abbreviations too
SCALES: dict[str, float] = {k: float(v) for k, v in LEX["scales"].items()}
BIG_WORDS = tuple(LEX["big_words"])
ORDINALS: dict[str, int] = LEX["ordinals"]
# denominators of spelled fractions ("two-thirds", "a quarter")
FRACTIONS: dict[str, int] = LEX["fractions"]
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
_NUMERAL_RE = re.compile(r"[−-]?(\d[\d,]*)(?:\.(\d+))?$")


def parse_numeral(s: str) -> tuple[float, float] | None:
    """Value and unit of last significant place of a digit numeral ("1,70,300" → 170300, 100).

    Commas group digits in any style (Western 1,000,000 or Indian 10,00,000).
    The place is 0 for figures that assert themselves (no trailing zero, or
    written decimals): only round integers carry implied imprecision.
    """
    s = s.strip().replace("−", "-")
    if "/" in s:  # a spaced fraction as tokenized text writes it: "7 3 / 4"
        parts = s.replace("/", " ").split()
        try:
            whole = float(parts[0]) if len(parts) == 3 else 0.0
            return whole + float(parts[-2]) / float(parts[-1]), 0.0
        except (ValueError, ZeroDivisionError):
            return None
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
    stripped = whole.rstrip("0")
    zeros = len(whole) - len(stripped)
    if not stripped or zeros == 0:
        return value, 0.0
    return value, float(10**zeros)


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

    __slots__ = ("total", "current", "last", "seen")

    def __init__(self) -> None:
        self.total = 0.0
        self.current = 0.0
        self.last: str | None = None  # small, tens, hundred, scale, and, a
        self.seen = False

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

    def scale(self, w: str) -> bool:
        """Apply a scale word ("dozen", "hundred", "million"); False when it cannot follow."""
        if w == "dozen":
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
            return False
        self.total += (self.current or 1) * scale
        self.current = 0
        self.last = "scale"
        return True


_SCALE_WORDS = ("thousand", "million", "billion", "trillion", "lakh", "crore")


def parse_words(words: list[str]) -> tuple[float, int] | None:
    """Value of a spelled number and how many of `words` it used ("twenty-two" → 22).

    Stops at the first word that cannot continue the number ("two three" → 2, 1).
    """
    st = _Spelled()
    used = 0
    for i, w in enumerate(words):
        w = w.lower()
        if w in ("a", "an") and i == 0:
            st.current, st.last = 1, "a"
            continue
        if w == "and":
            if st.last not in ("hundred", "scale"):
                break
            st.last = "and"
            continue
        if w in SMALL or w in TENS:
            ok = st.small(w)
        elif w in ("dozen", "hundred") or w.rstrip("s") in _SCALE_WORDS:
            ok = st.scale(w)
        else:
            ok = False
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
