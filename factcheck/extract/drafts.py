"""Claims while a document is read: drafts in the order found, then frozen into Claims."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from ..model import Claim, make_claim
from . import intervals as iv
from .text import Text

# what a phrase states: (value, low, high, qualifier); a range has no value
Stated = tuple[float | None, float | None, float | None, str]
# a claim's SI unit, its value in it, and its dimension
SI = tuple[str | None, float | None, str | None]


@dataclass(slots=True)
class ClaimDraft:
    """A claim being made: its span, what it says, and (set before freezing) its frame."""

    start: int
    end: int
    kind: str
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    noun: str | None = None
    iso: str | None = None  # a date's ISO form
    si_unit: str | None = None
    si_value: float | None = None
    dimension: str | None = None
    interval_low: float | None = None
    interval_high: float | None = None
    time: str | None = None
    time_source: str | None = None
    about: str = ""
    role: str = "value"
    speaker: str | None = None
    # a duration that frames its sentence's other figures ("in the past three years")
    frames_time: bool = False


def stated_claim(
    kind: str,
    span: tuple[int, int],
    stated: Stated,
    unit: str | None = None,
    si: SI | None = None,
    interval: tuple | None = None,
    noun: str | None = None,
) -> ClaimDraft:
    """The draft of a claim with the bounds its qualifier states ("more than 5": low 5)."""
    value, low, high, qual = stated
    low, high = iv.stated_bounds(value, low, high, qual)
    si_unit, si_value, dim = si if si else (None, None, None)
    lo_i, hi_i = interval if interval else (None, None)
    return ClaimDraft(
        span[0], span[1], kind, value, low, high, qual, unit, noun, None, si_unit, si_value, dim,
        lo_i, hi_i,
    )  # fmt: skip


class Drafts:
    """The claims of one document so far, and the indexes later reads consult: where each
    sentence's first figure starts, and the counts with a noun, all and by sentence (the
    implied noun of a later count is looked up there, not in every claim)."""

    __slots__ = ("t", "items", "last_end", "first_figure", "noun_counts", "noun_counts_by_sent")

    def __init__(self, t: Text):
        self.t = t
        self.items: list[ClaimDraft] = []
        self.last_end = 0  # end of the last claim: words before a number stop there
        self.first_figure: dict[int, int] = {}  # sentence index -> start of its first figure
        self.noun_counts: list[ClaimDraft] = []
        self.noun_counts_by_sent: dict[int, list[ClaimDraft]] = {}

    def add(self, d: ClaimDraft) -> None:
        """Keep a draft: its end before trailing spaces, its bounds and interval in order."""
        text, start = self.t.text, d.start
        end = d.end
        while end > start and text[end - 1].isspace():
            end -= 1
        d.end = end
        if d.interval_low is not None and d.interval_high is not None:
            if d.interval_low > d.interval_high:
                d.interval_low, d.interval_high = d.interval_high, d.interval_low
        if d.low is not None and d.high is not None and d.low > d.high:
            d.low, d.high = d.high, d.low
        self.last_end = max(self.last_end, end)
        self.items.append(d)
        if d.kind not in ("date", "rank"):
            k = self.t.sentence_index(start)
            self.first_figure[k] = min(start, self.first_figure.get(k, start))
        if d.kind == "count" and d.noun:
            self.noun_counts.append(d)
            self.noun_counts_by_sent.setdefault(self.t.sentence_index(start), []).append(d)

    def last(self) -> ClaimDraft | None:
        """The draft added last, or None."""
        return self.items[-1] if self.items else None

    def first_figure_before(self, s_start: int, start: int) -> int:
        """Where the first figure (not a date or rank) of the sentence from s_start begins,
        or start when none comes before it."""
        return min(start, self.first_figure.get(self.t.sentence_index(s_start), start))

    def in_text_order(self) -> list[ClaimDraft]:
        """The drafts sorted by (start, end), one per span, none empty."""
        out, seen = [], set()
        for d in sorted(self.items, key=attrgetter("start", "end")):
            key = (d.start, d.end)
            if key in seen or d.end <= d.start:
                continue
            seen.add(key)
            out.append(d)
        return out


def freeze(t: Text, drafts: list[ClaimDraft]) -> list[Claim]:
    """The Claims of drafts in text order, with their sentence, context, line and column."""
    original, doc = t.original, t.doc
    cache: dict[int, tuple[str, str]] = {}
    out = []
    for d in drafts:
        sentence, context = _sentence_and_context(t, d.start, cache)
        out.append(
            make_claim(
                doc=doc,
                start=d.start,
                end=d.end,
                text=original[d.start : d.end],
                kind=d.kind,
                value=iv.clean(d.value),
                low=iv.clean(d.low),
                high=iv.clean(d.high),
                qualifier=d.qualifier,
                unit=d.unit,
                noun=d.noun,
                sentence=sentence,
                line=t.line_of(d.start),
                column=t.column_of(d.start),
                si_value=iv.clean(d.si_value),
                si_unit=d.si_unit,
                dimension=d.dimension,
                interval_low=iv.clean(d.interval_low),
                interval_high=iv.clean(d.interval_high),
                time=d.time,
                time_source=d.time_source,
                context=context,
                about=d.about,
                role=d.role,
                speaker=d.speaker,
            )
        )
    return out


def _sentence_and_context(t: Text, i: int, cache: dict) -> tuple[str, str]:
    """The sentence holding offset i, and it after the sentence before: an article names
    its subject once, then counts it in the next sentence. Made once per sentence (one
    long sentence with many figures would otherwise be copied for each)."""
    k = t.sentence_index(i)
    if k not in cache:
        s, e = t.sentences[k]
        sentence = t.original[s:e].strip()
        cache[k] = (sentence, f"{t.previous_sentence(i)} {sentence}".strip())
    return cache[k]
