"""The extractor: one pass over a document's number candidates, then its claims built."""

from __future__ import annotations

import bisect
import re

from ..model import Claim, make_claim
from . import dates, nouns, scanner
from . import intervals as iv
from . import numbers as nums
from . import patterns as pat
from .figure_time import valid_published
from .frames import annotate
from .phrase import PhraseMixin
from .readers import ReaderMixin
from .special import SpecialMixin
from .time import date_times


class Extractor(ReaderMixin, PhraseMixin, SpecialMixin):
    """One document's extraction: scan, read each number phrase, add claims, build them."""

    def __init__(self, text: str, doc: str, published: str | None):
        self.original = text  # claims quote the text as written
        # Arabic-Indic and Persian digits read as ASCII ones, offsets unchanged
        self.text = nums.ascii_digits(text)
        self.doc = doc
        self.published = published if valid_published(published) else None
        self.claims: list[dict] = []
        # the counts with a noun, in the order of `claims`, all and by sentence: the implied
        # noun of a later count is looked up there, not in every claim of the document
        self.noun_counts: list[dict] = []
        self.noun_counts_by_sent: dict[int, list[dict]] = {}
        self.first_figure: dict[int, int] = {}  # sentence index -> start of its first figure
        self.blocked: list[tuple[int, int]] = []
        self.last_end = 0  # end of the last claim: words before a number stop there

    # --- driver ------------------------------------------------------------------

    def run(self) -> list[Claim]:
        """Every claim of the document, in text order."""
        text = self.text
        if not pat.ANYNUM_RE.search(text):
            return []
        self.blocked = scanner.masks(text)
        self.sents = scanner.sentences(text)
        self.sent_starts = [s for s, _ in self.sents]
        self.newlines = [m.start() for m in pat.NEWLINE_RE.finditer(text)]
        cands = scanner.candidates(text, self.blocked)
        self.blocked.sort()
        self.block_starts = [s for s, _ in self.blocked]
        self._dates(cands)
        self.last_end = 0
        self.blocked.sort()
        self.block_starts = [s for s, _ in self.blocked]
        self._scan(cands)
        date_times(self.claims)
        # what each figure is about, its role, its speaker and the time it holds
        return annotate(self.text, self._build(), self.sents, self.published)

    def _scan(self, cands: list[tuple[int, bool]]) -> None:
        """Read a number phrase at each candidate the previous phrase did not cover."""
        text = self.text
        pos = 0
        for start, digit in cands:
            if start < pos:
                continue
            m = None
            core = pat.CORE_DIGIT_RE if digit else pat.CORE_RE
            if digit and start and text[start - 1] in "-−.":
                m = core.match(text, start - 1)
            elif digit:
                m = pat.PLAIN_DIGITS_RE.match(text, start)
            if m is None:
                m = core.match(text, start)
            if m is None or m.start() < pos:
                continue
            b = self._blocked_at(m.start())
            if b is not None:
                pos = max(b, m.start() + 1)
                continue
            nxt = self._core(m)
            pos = nxt if nxt and nxt > m.start() else m.end()

    def _blocked_at(self, i: int) -> int | None:
        k = bisect.bisect_right(self.block_starts, i) - 1
        if k >= 0 and self.blocked[k][0] <= i < self.blocked[k][1]:
            return self.blocked[k][1]
        return None

    def _sent(self, i: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sent_starts, i) - 1
        return self.sents[max(k, 0)]

    def _previous_sent(self, i: int) -> str:
        """The sentence before the one holding offset i ("" for the first)."""
        k = bisect.bisect_right(self.sent_starts, i) - 2
        if k < 0:
            return ""
        s, e = self.sents[k]
        return self.original[s:e].strip()

    # --- dates -------------------------------------------------------------------

    def _dates(self, cands: list[tuple[int, bool]]) -> None:
        """Calendar dates and times: each holds a digit, maybe after a month name."""
        text = self.text
        done = 0
        prev = None  # the last month-like word before the current digit run
        for start, digit in cands:
            if not digit:
                prev = start
                continue
            if start < done:
                continue
            tries = [start]
            if prev is not None and start - prev <= 14:
                tries.insert(0, prev)
            if start and text[start - 1] in "'’":
                tries.append(start - 1)
            for t in tries:
                m = (dates.DATE_DIGIT_RE if t == start else dates.DATE_RE).match(text, t)
                if m and m.end() > start and self._date(m):
                    done = m.end()
                    break
            prev = None

    def _date(self, m: re.Match) -> bool:
        if self._blocked_at(m.start()) is not None or not dates.plausible(m, self.text):
            return False
        iso = dates.resolve(m, self.published)
        value = None
        year = m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4")
        if year:
            value = float(year)
        self.blocked.append((m.start(), m.end()))
        self.block_starts.append(m.start())  # as [s for s, _ in self.blocked], in O(1)
        self._add(m.start(), m.end(), "date", value, None, None, "exact", None, None, iso=iso)
        return True

    # --- one number phrase ----------------------------------------------------------

    def _core(self, m: re.Match) -> int | None:
        kind = m.lastgroup
        s_start, s_end = self._sent(m.start())
        if kind == "ordw":
            word = re.match(r"[a-z]+", m.group(0), re.I).group(0).lower()
            self._add(
                m.start(),
                m.end(),
                "rank",
                float(nums.ORDINALS[word]),
                None,
                None,
                "exact",
                None,
                None,
            )
            return m.end()
        if kind == "ratio":
            return self._ratio(m, s_start, s_end)
        if kind == "frac":
            return self._fraction(m, s_start, s_end)
        if kind == "pctof":
            return self._percent_of(m, s_end)
        if kind == "vague":
            return self._vague(m, s_start, s_end)
        if kind == "ahalf":
            return self._and_a_half_unit(m, s_start, s_end)
        if kind == "afrac":
            return self._a_fraction(m, s_start, s_end)
        num = self._number(m)
        if num is None:
            return None
        return self._phrase(num, s_start, s_end)

    def _year(self, start: int, end: int, year: float) -> int:
        """A year ("in 2014") or a span of years ("2014-15"), dated by its first year."""
        self._add(start, end, "date", year, None, None, "exact", None, None, iso=str(int(year)))
        return end

    def _claim(self, start, end, kind, value, low, high, qual, unit, si, interval, noun=None):
        """Add a claim with the bounds its qualifier states; return where it ends."""
        bounds = iv.stated_bounds(value, low, high, qual)
        self._add(start, end, kind, value, *bounds, qual, unit, noun, si=si, interval=interval)
        return end

    def _sent_index(self, i: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, i) - 1, 0)

    def _implied_noun(self, start: int, s_start: int) -> str | None:
        for c in reversed(self.noun_counts):
            if c["end"] <= start:
                if c["start"] >= s_start:
                    return c["noun"]
                break
        # only the words before the sentence's first figure: in "71 to firefighters, and
        # 27 to civilians" the firefighters are 71's
        first = self._first_figure(s_start, start)
        found = nouns.noun_before(self.text[s_start:first])
        if found is not None:
            return found or None
        if first < start:
            return None  # the sentence's own figures came first: no earlier sentence speaks here
        if ":" in self.text[s_start:start]:
            return None  # "Personnel on site: 3,216": a label names it, not the line before
        if nouns.names_own_subject(self.text[s_start:start]):
            return None  # "Police put the crowd at 12,000": not the last sentence's noun
        if s_start > 0:
            k = self._sent_index(s_start - 1)
            s, e = self.sents[k]
            for c in reversed(self.noun_counts_by_sent.get(k, ())):
                if s <= c["start"] < e:
                    return c["noun"]
        return None

    def _first_figure(self, s_start: int, start: int) -> int:
        """Where the first figure (not a date or rank) of the sentence from s_start begins,
        or start when none comes before it."""
        return min(start, self.first_figure.get(self._sent_index(s_start), start))

    def _index_count(self, claim: dict) -> None:
        """Remember a count with a noun for `_implied_noun`."""
        self.noun_counts.append(claim)
        k = self._sent_index(claim["start"])
        self.noun_counts_by_sent.setdefault(k, []).append(claim)

    def _add(self, start, end, kind, value, low, high, qual, unit, noun, iso=None, si=None,
             interval=None):  # fmt: skip
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if self.claims and start < self.claims[-1]["end"] and kind in ("date", "rank"):
            pass
        si_unit, si_value, dim = si if si else (None, None, None)
        lo_i, hi_i = interval if interval else (None, None)
        if lo_i is not None and hi_i is not None and lo_i > hi_i:
            lo_i, hi_i = hi_i, lo_i
        if low is not None and high is not None and low > high:
            low, high = high, low
        self.last_end = max(self.last_end, end)
        claim = dict(
            start=start,
            end=end,
            kind=kind,
            value=value,
            low=low,
            high=high,
            qualifier=qual,
            unit=unit,
            noun=noun,
            iso=iso,
            si_unit=si_unit,
            si_value=si_value,
            dimension=dim,
            interval_low=lo_i,
            interval_high=hi_i,
        )
        self.claims.append(claim)
        if kind not in ("date", "rank"):
            k = self._sent_index(start)
            self.first_figure[k] = min(start, self.first_figure.get(k, start))
        if kind == "count" and noun:
            self._index_count(claim)

    def _sentence_and_context(self, i: int, cache: dict) -> tuple[str, str]:
        """The sentence holding offset i, and it after the sentence before: an article names
        its subject once, then counts it in the next sentence. Made once per sentence (one
        long sentence with many figures would otherwise be copied for each)."""
        k = bisect.bisect_right(self.sent_starts, i) - 1
        if k not in cache:
            s, e = self.sents[max(k, 0)]
            sentence = self.original[s:e].strip()
            cache[k] = (sentence, f"{self._previous_sent(i)} {sentence}".strip())
        return cache[k]

    def _build(self) -> list[Claim]:
        text = self.original
        out = []
        seen = set()
        cache: dict[int, tuple[str, str]] = {}
        for c in sorted(self.claims, key=lambda c: (c["start"], c["end"])):
            key = (c["start"], c["end"])
            if key in seen or c["end"] <= c["start"]:
                continue
            seen.add(key)
            sentence, context = self._sentence_and_context(c["start"], cache)
            line = bisect.bisect_left(self.newlines, c["start"]) + 1
            out.append(
                make_claim(
                    doc=self.doc,
                    start=c["start"],
                    end=c["end"],
                    text=text[c["start"] : c["end"]],
                    kind=c["kind"],
                    value=iv.clean(c["value"]),
                    low=iv.clean(c["low"]),
                    high=iv.clean(c["high"]),
                    qualifier=c["qualifier"],
                    unit=c["unit"],
                    noun=c["noun"],
                    sentence=sentence,
                    line=line,
                    si_value=iv.clean(c["si_value"]),
                    si_unit=c["si_unit"],
                    dimension=c["dimension"],
                    interval_low=iv.clean(c["interval_low"]),
                    interval_high=iv.clean(c["interval_high"]),
                    time=c.get("time"),
                    time_source=c.get("time_source"),
                    context=context,
                )
            )
        return out
