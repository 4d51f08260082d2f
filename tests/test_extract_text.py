"""The text the extractor reads (factcheck/extract/text.py), its span set of masks, and the
drafts it keeps (drafts.py)."""

from __future__ import annotations

import random

import pytest

from factcheck.extract import extractor
from factcheck.extract.drafts import ClaimDraft, Drafts
from factcheck.extract.numbers import ascii_digits
from factcheck.extract.text import SpanSet, Text


def text_of(original: str, published: str | None = None) -> Text:
    return Text.read(original, ascii_digits(original), "t.txt", published)


def test_a_span_set_keeps_itself_in_order_and_merges_what_overlaps():
    spans = SpanSet([(40, 50), (5, 9)])
    for span in [(20, 30), (5, 7), (60, 61), (45, 55), (25, 28)]:
        spans.add(span)
    assert spans.spans == [(5, 9), (20, 30), (40, 55), (60, 61)]
    assert spans.starts == [5, 20, 40, 60]


def test_a_span_set_answers_like_every_span_it_was_given():
    rng = random.Random(7)
    for _ in range(2000):
        given = [(a, a + rng.randint(1, 12)) for a in rng.sample(range(80), rng.randint(0, 6))]
        spans = SpanSet(given[:2])
        for span in given[2:]:
            spans.add(span)
        for i in range(95):
            inside = [e for s, e in given if s <= i < e]
            assert (spans.blocked_at(i) is not None) == bool(inside), (given, i)


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


def test_the_mask_lookup_while_dating_sees_every_mask_and_every_date_found():
    rng = random.Random(3)
    for _ in range(3000):
        masks = SpanSet(
            (a, a + rng.randint(1, 9)) for a in rng.sample(range(100), rng.randint(0, 4))
        )
        found = extractor._Found()
        for a in sorted(rng.sample(range(0, 100, 10), rng.randint(0, 4))):
            found.spans.append((a, a + rng.randint(1, 9)))  # dates never overlap each other
            found.starts.append(a)
        i = rng.randint(0, 110)
        expected = any(s <= i < e for s, e in masks.spans + found.spans)
        assert extractor._masked_while_dating(masks, found, i) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The full report is at example.com/2019/05/12/flood-report and runs to 40 pages.",
        "On May 5 the ministry posted it at https://example.org/2019-05-12/story online.",
        "Readers can find the archive at news.kessa-times.co.uk/archive/2021/03/04 today.",
        "On Tuesday, 12 March, the agency (www.example.net/reports/2018/11) revised it.",
    ],
)
def test_no_date_or_figure_is_read_inside_a_web_address(text):
    from factcheck.extract import extract

    for claim in extract(text, "t.txt", "2025-03-14"):
        assert "/" not in claim.text, claim.text
        assert claim.time is None or claim.time.startswith(("2025", "2024")), claim


@pytest.mark.parametrize(
    "text,figure",
    [
        ("The minister's car was clocked at 140 km/h on the ring road.", "140 km/h"),
        ("Trade between the U.S./Mexico border towns rose to $4.2 billion.", "$4.2 billion"),
        ("The cliff edge retreated 1.6m/year at the Orvane plant.", "1.6m"),
    ],
)
def test_a_slash_after_a_figure_is_no_web_address(text, figure):
    from factcheck.extract import extract

    assert any(c.text.startswith(figure) for c in extract(text, "t.txt")), text
