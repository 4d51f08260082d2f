"""The driver: one pass over a document's candidates for dates, one for number phrases,
then the drafts framed (about, role, speaker, time) and frozen into Claims."""

from __future__ import annotations

import bisect
import re

from ..model import Claim
from . import dates, scanner
from . import numbers as nums
from . import patterns as pat
from .compound import join_durations
from .drafts import ClaimDraft, Drafts, freeze
from .figure_time import valid_published
from .frames import annotate
from .phrase import read_phrase
from .read_number import read_number
from .special import READERS
from .text import SpanSet, Text
from .time import date_times


def extract_text(original: str, doc: str, published: str | None) -> list[Claim]:
    """Every claim of a document, in text order."""
    text = nums.ascii_digits(original)
    if not pat.ANYNUM_RE.search(text):
        return []
    t = Text.read(original, text, doc, published if valid_published(published) else None)
    drafts = Drafts(t)
    cands = scanner.candidates(text, t.masks)
    read_dates(t, drafts, cands)
    drafts.last_end = 0  # dates do not bound the words before a number
    scan(t, drafts, cands)
    kept = join_durations(text, drafts.in_text_order())
    date_times(kept)
    annotate(t, kept)  # what each figure is about, its role, its speaker and its time
    return freeze(t, kept)


def scan(t: Text, drafts: Drafts, cands: list[tuple[int, bool]]) -> None:
    """Read a number phrase at each candidate the previous phrase did not cover."""
    text, masks = t.text, t.masks
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
        b = masks.blocked_at(m.start())
        if b is not None:
            pos = max(b, m.start() + 1)
            continue
        nxt = read_at(t, drafts, m)
        pos = nxt if nxt and nxt > m.start() else m.end()


def read_at(t: Text, drafts: Drafts, m: re.Match) -> int | None:
    """Read what the scanner matched: a special shape by its reader, else a number phrase."""
    s_start, s_end = t.sentence_of(m.start())
    special = READERS.get(m.lastgroup)
    if special is not None:
        return special(t, drafts, m, s_start, s_end)
    num = read_number(t.text, m)
    if num is None:
        return None
    return read_phrase(t, drafts, num, s_start, s_end)


def read_dates(t: Text, drafts: Drafts, cands: list[tuple[int, bool]]) -> None:
    """Calendar dates and times: each holds a digit, maybe after a month name. Each date
    found joins the masks, so its digits are not read again as numbers."""
    text = t.text
    found = _Found()
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
        for at in tries:
            m = (dates.DATE_DIGIT_RE if at == start else dates.DATE_RE).match(text, at)
            if m and m.end() > start and _date(t, drafts, m, found):
                done = m.end()
                break
        prev = None
    for span in found.spans:
        t.masks.add(span)


class _Found:
    """The dates found so far, in the order found."""

    __slots__ = ("spans", "starts")

    def __init__(self):
        self.spans: list[tuple[int, int]] = []
        self.starts: list[int] = []


def _date(t: Text, drafts: Drafts, m: re.Match, found: _Found) -> bool:
    if _masked_while_dating(t.masks, found, m.start()) or not dates.plausible(m, t.text):
        return False
    iso = dates.resolve(m, t.published)
    value = None
    year = m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4")
    if year:
        value = float(year)
    found.spans.append((m.start(), m.end()))
    found.starts.append(m.start())
    drafts.add(ClaimDraft(m.start(), m.end(), "date", value, iso=iso))
    return True


def _masked_while_dating(masks: SpanSet, found: _Found, i: int) -> bool:
    """Whether offset i is masked (a URL, an address, a phone number) or inside a date
    found before it (dates are found in text order, so their spans are in order)."""
    if masks.blocked_at(i) is not None:
        return True
    k = bisect.bisect_right(found.starts, i) - 1
    return k >= 0 and found.spans[k][0] <= i < found.spans[k][1]
