"""Named checks that tell a bare number that is not a claim (identifier, year, rank, age)."""

from __future__ import annotations

import re

from . import dates, nouns
from . import patterns as pat
from .scanner import Num


class FilterMixin:
    def _bare(self, num: Num, start: int, qual, s_start: int, s_end: int) -> str | None:
        """'date', 'rank', 'skip' or None (a count) for a number with no unit or currency."""
        text = self.text
        before = text[max(s_start, num.start - 30) : num.start]
        after = text[num.end : num.end + 30]
        if pat.ORDINAL_RE.match(text, num.end) and not num.spelled and num.raw.isdigit():
            return "rank"
        if before.endswith(("#", "No. ", "no. ", "No.", "number ")):
            return "rank" if before.endswith("#") or "o" in before[-4:] else "skip"
        if pat.TIMES_RE.match(text, num.end):
            return "skip"
        if self._yearish(num):
            if pat.DATE_PREFIX_RE.search(before):
                return "date"
            prev = re.search(r"([A-Za-z.]+)\W*$", before)
            prev_word = prev.group(1).lower() if prev else ""
            nxt = re.match(r"\s+([A-Za-z]+)", after)
            plural = bool(nxt and nouns.is_plural(nxt.group(1)))
            if re.match(r"\s*(?:AD|BC|BCE|CE)\b", after):
                return "date"
            if qual and plural:
                return None
            if plural and num.value % 100 == 0 and prev_word not in dates.YEAR_CUES:
                return None
            return "date"
        if (
            not qual
            and num.raw.isdigit()
            and 0 < num.value < 120
            and after.lstrip(" \t")[:1] == ","
            and pat.APPOSITIVE_BEFORE_RE.search(before)
        ):
            return "skip"  # "The judge, 62, said": an age
        if num.spelled:
            low = num.raw.lower()
            if low in ("one", "a dozen", "zero"):
                if re.match(r"\s+(?:of|another|day|time|point|way|side|hand|thing)\b", after, re.I):
                    return "skip"
                if nouns.noun_after(text, num.end, s_end) is None:
                    return "skip"
                if re.search(
                    r"\b(?:no|the|this|that|any|every|each|which|the only)\s+$", before, re.I
                ):
                    return "skip"
            return None
        # identifiers: G7, MH17, COVID-19, F-35, 3D, 11a
        ch_before = text[num.start - 1 : num.start]
        if ch_before.isalpha():
            return "skip"
        if ch_before == "-" and text[num.start - 2 : num.start - 1].isalnum():
            if pat.DATE_PREFIX_RE.search(before):
                return "date"
            return "skip"
        ch_after = text[num.end : num.end + 1]
        if ch_after.isalpha():
            return "skip"
        if re.match(r"[.:/]\d", text[num.end : num.end + 2]):
            return "skip"  # versions, ratios, fractions written 1/4
        if ch_before in "/:" and text[num.start - 2 : num.start - 1].isdigit():
            return "skip"
        prev = re.search(r"([A-Za-z][A-Za-z.]*)[^\S\n]*$", before)
        if prev and not qual:
            word = prev.group(1)
            low = word.lower().rstrip(".")
            if low in pat.IDENT_WORDS:
                return "skip"
            sent_initial = not text[s_start : num.start - len(before) + prev.start()].strip()
            if (
                word != word.lower()  # Boeing 737, iPhone 15
                and low not in nouns.STOP
                and low not in pat.QUAL_OF
                and low not in ("total", "some", "another", "nearly", "only", "just")
                and dates.month_number(low) is None
                and not (sent_initial and low in pat.STARTERS)
            ):
                return "skip"
        if pat.ADDRESS_AFTER_RE.match(text, num.end):
            return "skip"
        return None
