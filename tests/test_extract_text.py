"""The text the extractor reads (factcheck/extract/text.py), its span set of masks, and the
drafts it keeps (drafts.py)."""

from __future__ import annotations

import bisect
import random

import pytest

from factcheck.extract import extractor
from factcheck.extract.drafts import ClaimDraft, Drafts
from factcheck.extract.numbers import ascii_digits
from factcheck.extract.text import SpanSet, Text


def text_of(original: str, published: str | None = None) -> Text:
    return Text.read(original, ascii_digits(original), "t.txt", published)


def test_a_span_set_keeps_itself_in_order():
    spans = SpanSet([(40, 50), (5, 9)])
    for span in [(20, 30), (5, 7), (60, 61)]:
        spans.add(span)
    assert spans.spans == [(5, 7), (5, 9), (20, 30), (40, 50), (60, 61)]
    assert spans.starts == [5, 5, 20, 40, 60]


@pytest.mark.parametrize("i,end", [(4, None), (5, 9), (8, 9), (9, None), (25, 30), (30, None)])
def test_blocked_at_gives_the_end_of_the_span_holding_an_offset(i, end):
    assert SpanSet([(20, 30), (5, 9)]).blocked_at(i) == end


def test_a_text_knows_its_sentences_and_lines():
    t = text_of("The toll rose to 12.\nIt was 9 a day ago. Now ٣٠ more.")
    assert t.text.endswith("Now 30 more.") and t.original.endswith("Now ٣٠ more.")
    assert [t.original[s:e] for s, e in t.sentences] == [
        "The toll rose to 12.", "It was 9 a day ago.", "Now ٣٠ more.",
    ]  # fmt: skip
    now = t.original.index("Now")
    assert t.sentence_of(now) == t.sentences[2] and t.sentence_index(now) == 2
    assert t.previous_sentence(now) == "It was 9 a day ago."
    assert t.previous_sentence(0) == ""
    assert (t.line_of(0), t.line_of(now)) == (1, 2)


def test_masks_hold_urls_and_phone_numbers():
    t = text_of("See https://example.org/12 or call 555-123-4567 today.")
    assert [t.text[s:e] for s, e in t.masks.spans] == ["https://example.org/12"]


def test_drafts_trim_order_and_index():
    t = text_of("Officials counted 5,000 people and left. Then 200 more.")
    a, b = t.text.index("5,000"), t.text.index("200")
    drafts = Drafts(t)
    drafts.add(ClaimDraft(b, b + 8, "count", 200.0, noun="people"))
    drafts.add(ClaimDraft(a, a + 13, "count", 5000.0, low=9.0, high=1.0, noun="people"))
    drafts.add(ClaimDraft(a, a + 12, "count", 5000.0))  # the same span, trimmed: one claim
    first = drafts.items[1]
    assert (first.end, first.low, first.high) == (a + 12, 1.0, 9.0)  # no space, in order
    assert drafts.first_figure == {0: a, 1: b} and drafts.last_end == b + 8
    assert drafts.first_figure_before(0, a + 20) == a
    assert [d.start for d in drafts.noun_counts_by_sent[0]] == [a]
    assert [(d.start, d.end) for d in drafts.in_text_order()] == [(a, a + 12), (b, b + 8)]


def test_the_mask_lookup_while_dating_searches_as_one_list_of_masks_then_dates():
    """What the extractor has always done while it reads dates (not in order: a bug that
    issue 23 keeps), checked against bisect over the list it stands for."""
    rng = random.Random(3)
    for _ in range(3000):
        masks = SpanSet(
            (a, a + rng.randint(1, 9)) for a in rng.sample(range(100), rng.randint(0, 4))
        )
        found = extractor._Found()
        for a in sorted(rng.sample(range(100), rng.randint(0, 4))):
            found.spans.append((a, a + rng.randint(1, 9)))
            found.starts.append(a)
        spans, starts = masks.spans + found.spans, masks.starts + found.starts
        i = rng.randint(0, 110)
        k = bisect.bisect_right(starts, i) - 1
        expected = k >= 0 and spans[k][0] <= i < spans[k][1]
        assert extractor._masked_while_dating(masks, found, i) == expected
