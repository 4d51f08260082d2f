"""Named checks that tell a bare number (no unit, no currency) that is not a claim.

Each check looks at one `Bare` number and answers a verdict or None (no
opinion): "date" (a year), "rank" (No. 3, 21st), "skip" (an identifier, a
multiplier, an age in apposition) or "count" (a claim, stop checking). The
checks run in the order of `CHECKS`; the first verdict wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import dates, nouns
from . import patterns as pat
from .scanner import Num

_NOT_NAME_WORDS = {"total", "some", "another", "nearly", "only", "just"}


@dataclass(frozen=True, slots=True)
class Bare:
    """A number with no unit or currency, and the text around it."""

    text: str
    num: Num
    qual: str | None
    s_start: int
    s_end: int
    before: str  # up to 30 characters before it, within its sentence
    after: str  # 30 characters after it


# hot-path patterns, compiled once
_POINT_BEFORE_RE = re.compile(r"\bpoint\s+$", re.I)
_ERA_AFTER_RE = re.compile(r"\s*(?:AD|BC|BCE|CE)\b")
_PREV_WORD_RE = re.compile(r"([A-Za-z.]+)\W*$")
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z]+)")
_GLUED_DIGIT_RE = re.compile(r"[.:/]\d")
_NAME_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)[^\S\n]*$")


def ordinal_suffix(b: Bare) -> str | None:
    """ "21st", "3rd": a rank."""
    if pat.ORDINAL_RE.match(b.text, b.num.end) and not b.num.spelled and b.num.raw.isdigit():
        return "rank"
    return None


def number_sign(b: Bare) -> str | None:
    """ "#3", "No. 3": a rank; "number 10": a name."""
    if b.before.endswith(("#", "No. ", "no. ", "No.", "number ")):
        return "rank" if b.before.endswith("#") or "o" in b.before[-4:] else "skip"
    return None


def decimal_words(b: Bare) -> str | None:
    """ "... point eleven": the decimals of a number in words, not a figure of their own."""
    return "skip" if _POINT_BEFORE_RE.search(b.before) else None


def multiplier(b: Bare) -> str | None:
    """ "3 times", "tenfold", "4x": a multiplier, not an amount; "struck 3 times." counts."""
    if not pat.TIMES_RE.match(b.text, b.num.end):
        return None
    return "count" if occasions(b.text, b.num, b.s_start) else "skip"


def occasions(text: str, num: Num, s_start: int) -> bool:
    """ "orbited the Earth 4,100 times before", "was struck 3 times.": a whole number of
    times that ends its clause, not after a verb of change ("rose 10 times" may be tenfold)."""
    if not _whole_digits(num) or not pat.OCCASION_TIMES_RE.match(text, num.end):
        return False
    return not pat.CHANGE_VERBS_RE.search(text[max(s_start, num.start - 60) : num.start])


def _whole_digits(num: Num) -> bool:
    """A whole number written in digits, not scaled: the shape of a count of occasions."""
    return not num.spelled and not num.scaled and num.value == int(num.value) and num.value > 0


def year(b: Bare) -> str | None:
    """A four-digit number from 1500 to 2100 is a year unless it counts a plural noun."""
    if not yearish(b.num):
        return None
    if pat.DATE_PREFIX_RE.search(b.before) or _ERA_AFTER_RE.match(b.after):
        return "date"
    prev = _PREV_WORD_RE.search(b.before)
    prev_word = prev.group(1).lower() if prev else ""
    nxt = _NEXT_WORD_RE.match(b.after)
    plural = bool(nxt and nouns.is_plural(nxt.group(1)))
    if plural and (b.qual or (b.num.value % 100 == 0 and prev_word not in dates.YEAR_CUES)):
        return "count"
    return "date"


def apposition_age(b: Bare) -> str | None:
    """ "The judge, 62, said", "said farmer Jane Okafor, 54.": an age, not a count; "Paris,
    75008": a postcode. An age is read when a person is plainly named (a person noun, or a
    full name beside a word of telling), else the number is skipped."""
    if b.qual or not b.num.raw.isdigit() or not pat.APPOSITIVE_END_RE.match(b.after):
        return None
    name = pat.APPOSITIVE_NAME_RE.search(b.before)
    if name is None:
        return None
    words = name.group(1).split()
    person = words[-1].lower() in nouns.PERSON_SINGULAR
    if not (person or words[-1][0].isupper()):
        return None
    if not 0 < b.num.value < 120:
        return "skip" if len(b.num.raw) >= 4 and not person else None  # "Paris, 75008"
    return "age" if person or _named_person(b, words) else "skip"


def _named_person(b: Bare, words: list[str]) -> bool:
    """A first and last name, with a word of telling before it or after the age."""
    caps = 0
    for w in reversed(words):
        if not w[0].isupper() or w.lower() in nouns.STOP:
            break
        caps += 1
    if caps < 2:
        return False
    first = b.before.rfind(words[-caps], 0, b.before.rfind(words[-1]) + 1)
    return bool(
        pat.APPOSITIVE_TELLS_BEFORE_RE.search(b.before[:first])
        or pat.APPOSITIVE_TELLS_AFTER_RE.match(b.after)
    )


def rate_denominator(b: Bare) -> str | None:
    """ "7 per 100,000 residents": a rate and its base, neither a count; "129 to the dollar":
    an exchange rate (lexicon exchange_rate_links)."""
    if pat.RATE_BASE_BEFORE_RE.search(b.before) or pat.RATE_AFTER_RE.match(b.after):
        return "skip"
    head = b.after[:9].lower()
    if ("to " in head or "per" in head or "ainst" in head or "vers" in head) and (
        pat.EXCHANGE_AFTER_RE.match(b.after)
    ):
        return "skip"  # "129 to the dollar": an exchange rate, no count
    return None


def spelled_one(b: Bare) -> str | None:
    """Spelled numbers: "one of", "the one": not counts; any other spelled number is one."""
    if not b.num.spelled:
        return None
    if b.num.raw.lower() in ("one", "a dozen", "zero", "nought", "naught"):
        if re.match(r"\s+(?:of|another|day|time|point|way|side|hand|thing)\b", b.after, re.I):
            return "skip"
        if nouns.noun_after(b.text, b.num.end, b.s_end) is None:
            return "skip"
        if re.search(r"\b(?:no|the|this|that|any|every|each|which|the only)\s+$", b.before, re.I):
            return "skip"
    return "count"


def glued_identifier(b: Bare) -> str | None:
    """Letters or digits glued to the number: G7, MH17, COVID-19, F-35, 3D, 1.2.3, 3/4."""
    text, num = b.text, b.num
    # never text[-1]: a figure that opens the text has nothing before it (a negative
    # index would read the text's last characters: "1,200 ... in 2019." lost its 1,200)
    ch_before = text[num.start - 1] if num.start else ""
    two_before = text[num.start - 2] if num.start > 1 else ""
    if ch_before.isalpha():
        return "skip"
    if ch_before == "-" and two_before.isalnum():
        return "date" if pat.DATE_PREFIX_RE.search(b.before) else "skip"
    if text[num.end : num.end + 1].isalpha():
        return "skip"
    if _GLUED_DIGIT_RE.match(text[num.end : num.end + 2]):
        return "skip"  # versions, ratios, fractions written 1/4
    if ch_before and ch_before in "/:," and two_before.isdigit():
        return "skip"  # "3:1", "1,3", "5,00": not a figure of its own
    if pat.OVER_NUMBER_RE.match(text, num.end):
        return "skip"  # "2000 over 3": a ratio
    return None


_NOT_SPACE_RE = re.compile(r"\S")  # \S is what str.strip() keeps (both use str.isspace)


def _blank(text: str, start: int, end: int) -> bool:
    """not text[start:end].strip(), without copying the span (a sentence can be megabytes)."""
    if start < 0 or end < 0:
        return not text[start:end].strip()
    return _NOT_SPACE_RE.search(text, start, max(start, end)) is None


def _sentence_initial(b: Bare, word_start: int) -> bool:
    """Whether only blanks come before the word at word_start of b.before in its sentence."""
    return _blank(b.text, b.s_start, b.num.start - len(b.before) + word_start)


def named_identifier(b: Bare) -> str | None:
    """A name before the number: Route 9, Article 370, Boeing 737, iPhone 15."""
    prev = _NAME_BEFORE_RE.search(b.before)
    if not prev or b.qual:
        return None
    word = prev.group(1)
    low = word.lower().rstrip(".")
    if low in pat.IDENT_WORDS or _plural_of_identifier(low):
        return "skip"  # "Route 9", "junctions 10 and 11"
    if (
        word != word.lower()
        and low not in nouns.STOP
        and low not in pat.QUAL_OF
        and low not in _NOT_NAME_WORDS
        and dates.month_number(low) is None
        and not (low in pat.STARTERS and _sentence_initial(b, prev.start()))
    ):
        return "skip"
    return None


def _plural_of_identifier(word: str) -> bool:
    """ "junctions", "gates", "categories": the plural of a word that names by number."""
    return (word.endswith("s") and word[:-1] in pat.IDENT_WORDS) or (
        word.endswith("ies") and word[:-3] + "y" in pat.IDENT_WORDS
    )


def street_address(b: Bare) -> str | None:
    """ "10 Downing Street": an address."""
    return "skip" if pat.ADDRESS_AFTER_RE.match(b.text, b.num.end) else None


CHECKS = (
    ordinal_suffix,
    number_sign,
    decimal_words,
    multiplier,
    year,
    apposition_age,
    rate_denominator,
    spelled_one,
    glued_identifier,
    named_identifier,
    street_address,
)


def yearish(num: Num) -> bool:
    """A four-digit numeral that can be a year."""
    return (
        not num.spelled
        and not num.scaled
        and len(num.raw) == 4
        and num.raw.isdigit()
        and 1500 <= num.value <= 2100
    )


def is_identifier(text: str, num: Num, qual: str | None, s_start: int) -> bool:
    """Whether a number is part of a name (Windows 10, G7, Route 9), whatever follows it."""
    before = text[max(s_start, num.start - 30) : num.start]
    b = Bare(text, num, qual, s_start, s_start, before, text[num.end : num.end + 30])
    return glued_identifier(b) == "skip" or named_identifier(b) == "skip"


def verdict(text: str, num: Num, qual: str | None, s_start: int, s_end: int) -> str | None:
    """'date', 'rank', 'skip' or None (a count) for a number with no unit or currency."""
    before = text[max(s_start, num.start - 30) : num.start]
    b = Bare(text, num, qual, s_start, s_end, before, text[num.end : num.end + 30])
    for check in CHECKS:
        v = check(b)
        if v is not None:
            return None if v == "count" else v
    return None
