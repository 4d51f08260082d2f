"""The text being read: the document as written and as read, its sentences, lines and masks."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from . import patterns as pat
from . import scanner


class SpanSet:
    """Spans of text never read as numbers (URLs, e-mail addresses, phone numbers, dates),
    kept in order and merged where they overlap, so one lookup answers for all of them
    (a phone number inside a URL is inside the URL)."""

    __slots__ = ("spans", "starts")

    def __init__(self, spans=()):
        self.spans: list[tuple[int, int]] = []
        self.starts: list[int] = []
        for span in sorted(spans):
            self.add(span)

    def add(self, span: tuple[int, int]) -> None:
        """Add a span where its order puts it, merged with the spans it overlaps."""
        start, end = span
        k = bisect.bisect_right(self.starts, start)
        if k and self.spans[k - 1][1] > start:  # the span before reaches into this one
            k -= 1
            start = self.spans[k][0]
        j = k
        while j < len(self.spans) and self.spans[j][0] < end:
            end = max(end, self.spans[j][1])
            j += 1
        self.spans[k:j] = [(start, end)]
        self.starts[k:j] = [start]

    def blocked_at(self, i: int) -> int | None:
        """The end of the span holding offset i, or None."""
        k = bisect.bisect_right(self.starts, i) - 1
        if k >= 0 and self.spans[k][0] <= i < self.spans[k][1]:
            return self.spans[k][1]
        return None


@dataclass(frozen=True, slots=True)
class Text:
    """One document as the extractor reads it.

    `original` is quoted by claims; `text` is what is read (Arabic-Indic and Persian
    digits as ASCII ones, `numbers.ascii_digits`, offsets unchanged). `sentences` are
    spans in order, `starts` their start offsets, `newlines` the offsets of the line
    breaks. `masks` is the one
    part that grows while reading: dates join the URLs, e-mail addresses and phone
    numbers once they are found.
    """

    original: str
    text: str
    doc: str
    published: str | None
    sentences: list[tuple[int, int]]
    starts: list[int]
    newlines: list[int]
    masks: SpanSet

    @classmethod
    def read(cls, original: str, text: str, doc: str, published: str | None) -> Text:
        """The Text of a document read as text (`nums.ascii_digits(original)`); published
        must already be a valid date or None."""
        sentences = scanner.sentences(text)
        return cls(
            original,
            text,
            doc,
            published,
            sentences,
            [s for s, _ in sentences],
            [m.start() for m in pat.NEWLINE_RE.finditer(text)],
            SpanSet(scanner.masks(text)),
        )

    def sentence_index(self, i: int) -> int:
        """The index of the sentence holding offset i (the first before any sentence)."""
        return max(bisect.bisect_right(self.starts, i) - 1, 0)

    def sentence_of(self, i: int) -> tuple[int, int]:
        """The span of the sentence holding offset i."""
        return self.sentences[max(bisect.bisect_right(self.starts, i) - 1, 0)]

    def previous_sentence(self, i: int) -> str:
        """The sentence before the one holding offset i, as written ("" for the first)."""
        k = bisect.bisect_right(self.starts, i) - 2
        if k < 0:
            return ""
        s, e = self.sentences[k]
        return self.original[s:e].strip()

    def line_of(self, i: int) -> int:
        """The line (from 1) of offset i."""
        return bisect.bisect_left(self.newlines, i) + 1

    def column_of(self, i: int) -> int:
        """The column (from 1) of offset i in its line, in code points: what an editor
        shows, so a byte-order mark at the start of the text is not counted."""
        k = bisect.bisect_left(self.newlines, i)
        if k:
            return i - self.newlines[k - 1]
        return i + 1 - self.original.startswith("\ufeff")
