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


def parse_words(words: list[str]) -> tuple[float, int] | None:
    """Value of a spelled number and how many of `words` it used ("twenty-two" → 22).

    Stops at the first word that cannot continue the number ("two three" → 2, 1).
    """
    total = 0.0
    current = 0.0
    used = 0
    last = None  # kind of the previous word: small, tens, hundred, scale, and
    seen = False
    for i, w in enumerate(words):
        w = w.lower()
        if w in ("a", "an") and i == 0:
            current = 1
            last = "a"
            continue
        if w == "and":
            if last in ("hundred", "scale"):
                last = "and"
                continue
            break
        if w in SMALL:
            if last in ("small", "a") or (
                last == "tens" and SMALL[w] >= 10 or SMALL[w] == 0 and seen
            ):
                break
            current += SMALL[w]
            last = "small"
        elif w in TENS:
            if last in ("small", "tens", "a"):
                break
            current += TENS[w]
            last = "tens"
        elif w == "dozen":
            current = (current or 1) * 12
            last = "scale"
        elif w == "hundred":
            if last == "hundred":
                break
            current = (current or 1) * 100
            last = "hundred"
        elif w.rstrip("s") in ("thousand", "million", "billion", "trillion", "lakh", "crore"):
            scale = SCALES[w.rstrip("s")]
            if last == "scale" and total and total < scale:
                break
            total += (current or 1) * scale
            current = 0
            last = "scale"
        else:
            break
        seen = True
        used = i + 1
    if not seen or last == "a":
        return None
    # trailing "and" is not part of the number
    while used and words[used - 1].lower() == "and":
        used -= 1
    return total + current, used


def words_of(s: str) -> list[str]:
    """Split a spelled number into its words ("twenty-two thousand" → 3 words)."""
    return [w for w in _SPLIT_RE.split(s) if w]
