"""The extractor's fast paths find what the plain patterns they stand for find.

Each fast path (a pattern rewritten to open with one character class, a cue test before a
search) is checked against the plain form on news-style sentences and on random strings of
the characters the pattern turns on.
"""

from __future__ import annotations

import random
import re

import pytest

from factcheck.extract import clauses, frames
from factcheck.extract import patterns as pat

SENTENCES = [
    "Officials said 1,250 people were evacuated. The storm, which hit Ōsaka on Monday, "
    "killed 14.\nMore than 300 homes (most of them in Sakai) lost power!",
    "The ministry, citing police, put the toll at 38; the UN said 41. “It is over.” Aid "
    "arrived at 3 p.m.?! Then 12 more",
    "Turnout was estimated at 85,000 by police, although organisers claimed 200,000.",
    "The toll Was Raised to 310 by the ministry, quoting hospital staff, whose figures...",
    "Prices rose 4.2% in İzmir and 3.1% in Kraków — a ſmall rise, officials said.",
    "",
    "No asides, no brackets, and 5 figures here",
]


def _random_strings(alphabet: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(n)]


def _spans(regex: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(text)]


def test_sentence_end_is_the_plain_alternation():
    plain = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])|\n")
    alphabet = [*".!?\n \t\"'”’)]([“‘", "A", "z", "9", "é"]
    for text in SENTENCES + _random_strings(alphabet, 5000, 26):
        assert _spans(pat.SENT_END_RE, text) == _spans(plain, text), text


@pytest.mark.parametrize("text", SENTENCES)
def test_parentheticals_are_every_aside(text):
    assert clauses.parentheticals(text) == _spans(clauses._PARENTHETICAL_RE, text)


def test_parentheticals_of_random_text():
    alphabet = [", ", "who", "whose", "which", "citing", "quoting", "(", ")", "Who", "x", ";"]
    for text in _random_strings(alphabet, 5000, 27):
        assert clauses.parentheticals(text) == _spans(clauses._PARENTHETICAL_RE, text), text


def test_passive_word_lookahead_changes_no_match():
    plain = re.compile(frames._PASSIVE_WORD_RE.pattern.replace(r"(?=[abiw])", "", 1), re.I)
    assert plain.pattern != frames._PASSIVE_WORD_RE.pattern
    alphabet = ["was ", "WERE ", "ıs ", "is ", "are ", "been ", "Being ", "put ", "given ", "x "]
    for text in SENTENCES + _random_strings(alphabet, 5000, 28):
        assert _spans(frames._PASSIVE_WORD_RE, text) == _spans(plain, text), text


@pytest.mark.parametrize("text", ["", " ", ".", "a", "ab", " of the ", "The town's"])
def test_content_of_short_text(text):
    low = text.lower()
    if "'" in low:
        low = frames._POSSESSIVE_RE.sub("", low)
    words = [w for w in frames._CONTENT_WORD_RE.findall(low) if w not in frames._STOP]
    assert frames._content(text) == words
