"""The scanner's records and sentence splitter."""

from __future__ import annotations

import re

from . import patterns as pat


class Num:
    """One number as written: its span, value, last significant place and how it was written."""

    __slots__ = ("start", "end", "value", "place", "spelled", "scaled", "raw", "money_scale")

    def __init__(self, start, end, value, place, spelled, raw):
        self.start, self.end, self.value, self.place = start, end, value, place
        self.spelled, self.raw = spelled, raw
        self.scaled = False
        self.money_scale = None  # an attached m/b/k read as a scale only for money


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of text: split at sentence punctuation and at every newline."""
    spans = []
    start = 0
    for m in pat.SENT_END_RE.finditer(text):
        if m.group(0) != "\n":
            before = text[max(start, m.start() - 12) : m.start()]
            w = re.search(r"([A-Za-z]+)$", before)
            if w:
                word = w.group(1)
                nxt = re.match(r"[\"'“‘(\[]*([A-Za-z]+)", text[m.end() : m.end() + 20])
                if word.lower() in pat.ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                    continue
                # "U.S. presence" continues a sentence; "U.S. The" does not
                if (
                    len(word) == 1
                    and before[-2:-1] == "."
                    and not (nxt and nxt.group(1).lower() in pat.STARTERS)
                ):
                    continue
        end = m.start() + len(m.group(0).rstrip())
        if m.group(0) == "\n":
            end = m.start()
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]
