"""The scanner's records and sentence splitter."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import patterns as pat

if TYPE_CHECKING:
    from .text import SpanSet


class Num:
    """One number as written: its span, value, last significant place and how it was written."""

    __slots__ = (
        "start", "end", "value", "place", "spelled", "scaled", "raw", "money_scale", "plus",
        "fraction",
    )  # fmt: skip

    def __init__(self, start, end, value, place, spelled, raw):
        self.start, self.end, self.value, self.place = start, end, value, place
        self.spelled, self.raw = spelled, raw
        self.scaled = False
        self.money_scale = None  # an attached m/b/k read as a scale only for money
        self.plus = False  # "600+": at least 600
        self.fraction = False  # "two thirds", "3/4": a bare fraction, not a count


# hot-path patterns, compiled once
_LAST_WORD_RE = re.compile(r"([A-Za-z]+)$")
_NEXT_WORD_RE = re.compile(r"[\"'“‘(\[]*([A-Za-z]+)")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of text: split at sentence punctuation and at every newline."""
    spans = []
    start = 0
    for m in pat.SENT_END_RE.finditer(text):
        if m.group(0) != "\n":
            before = text[max(start, m.start() - 12) : m.start()]
            w = _LAST_WORD_RE.search(before)
            if w:
                word = w.group(1)
                nxt = _NEXT_WORD_RE.match(text[m.end() : m.end() + 20])
                # "U.S. presence" continues a sentence; "U.S. The" does not
                if len(word) == 1 and before[-2:-1] == ".":
                    if not (nxt and nxt.group(1).lower() in pat.STARTERS):
                        continue
                elif word.lower() in pat.ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                    continue
        end = m.start() + len(m.group(0).rstrip())
        if m.group(0) == "\n":
            end = m.start()
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def masks(text: str) -> list[tuple[int, int]]:
    """Spans never read as numbers: URLs and e-mail addresses."""
    blocked: list[tuple[int, int]] = []
    if "://" in text or "www." in text:
        blocked.extend(m.span() for m in pat.URL_RE.finditer(text))
    if "/" in text:
        blocked.extend(m.span() for m in pat.BARE_URL_RE.finditer(text))
    if "@" in text:
        blocked.extend(m.span() for m in pat.EMAIL_RE.finditer(text))
    if "_" in text:  # "5_000", "run_2024_v3": code or a file name, never a reporter's figure
        blocked.extend(m.span() for m in _UNDERSCORED_RE.finditer(text))
    return blocked


_UNDERSCORED_RE = re.compile(r"\w*(?:\d_|_\d)\w*")


def candidates(text: str, masks: SpanSet) -> list[tuple[int, bool]]:
    """Where a number, a number word or a month starts, and whether it is a digit.

    One pass of `CAND_RE`, which finds the same places as looking each word and digit
    run of `TOKEN_RE` up in `STARTS`; the scanner's patterns are then tried only there.
    Phone numbers met on the way are added to `masks`.
    """
    cands = []
    phone_end = 0
    for m in pat.CAND_RE.finditer(text):
        if m.lastgroup is None:  # a number word or a month: most words are never matched
            cands.append((m.start(), False))
            continue
        start, e = m.span()
        if start >= phone_end and text[e : e + 1] in " .-)" and e < len(text):
            pm = pat.PHONE_RE.match(text, start - 1 if start and text[start - 1] in "+(" else start)
            if pm:
                masks.add(pm.span())
                phone_end = pm.end()
        cands.append((start, True))
    return cands
