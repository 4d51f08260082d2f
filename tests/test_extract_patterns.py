"""The scanner's fast paths match what the patterns they stand in for match."""

import bisect
import random
import re

import pytest

from factcheck.extract import clauses, dates, extract, figure_time, frames
from factcheck.extract import patterns as pat
from factcheck.vocab.tries import alternation

# news-style text with every shape a digit can start: ratios, fractions, powers, signs,
# grouped thousands in several styles, decimals, years, times and phone numbers
TEXT = (
    "About 1 in 5 residents, or 12,400 people, left after the 2019 floods; 3 out of every "
    "10 homes lost power. The fund grew to $4.75bn (Rs 1,70,300 crore) in 2023, while "
    "1.2e6 tonnes and 3 x 10^6 litres were shipped, 10⁹ bytes a second. Temperatures fell "
    "to -3C and −4.5% growth was forecast; 7½ miles, 10 1/2 hours, 7 3 / 4 inches. "
    "Crowds of 5 000 to 5'000 and 80, 000 marched at 3:45 p.m., call 555-1234. "
    "Sales rose .08 points, 2000 over 3, and 312-108 was the vote on 3/4."
)


def test_core_digit_re_matches_what_core_re_does_at_every_digit():
    for m in re.finditer(r"\d", TEXT):
        for start in (m.start(), m.start() - 1):
            fast, full = pat.CORE_DIGIT_RE.match(TEXT, start), pat.CORE_RE.match(TEXT, start)
            fast_span = fast and (fast.span(), fast.lastgroup, fast.groupdict())
            full_span = full and (full.span(), full.lastgroup, full.groupdict())
            assert fast_span == full_span, TEXT[start : start + 20]
        plain = pat.PLAIN_DIGITS_RE.match(TEXT, m.start())
        if plain:  # a plain run of digits reads as the full pattern reads it
            full = pat.CORE_DIGIT_RE.match(TEXT, m.start())
            assert (plain.span(), plain.groupdict()) == (full.span(), full.groupdict())


DATES = (
    "On 30 November 2017 the count stood at 1,700; by Dec 02, 2017 it was 2,100 and on "
    "2018-01-15 it passed 3,000. Polls closed at 8 p.m. and 21:30:05, on 4/11/2016 and in "
    "the 1990s and '80s, and on the 3rd of March 2020 a further 40 were reported."
)


def test_date_digit_re_matches_what_date_re_does_at_every_digit():
    for m in re.finditer(r"(?<!\d)\d", DATES):
        fast, full = (
            dates.DATE_DIGIT_RE.match(DATES, m.start()),
            dates.DATE_RE.match(DATES, m.start()),
        )
        assert (fast and (fast.span(), fast.groupdict())) == (
            full and (full.span(), full.groupdict())
        )
    assert dates.DATE_DIGIT_RE.match(DATES, DATES.index("30 November")).group("dmy")


@pytest.mark.parametrize(
    "window",
    ["killed more than ", "— about ", "a toll of at least ", "between ", "ranging from ",
     "temperatures of minus ", "up to\u00a0", "C. ", "approx ~", "fewer than\n", "said "],
)  # fmt: skip
def test_qualifier_precheck_never_skips_a_window_the_pattern_reads(window):
    if pat.QUAL_BEFORE_RE.search(window):
        assert window.rstrip().lower().endswith(pat.QUAL_BEFORE_ENDS)


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_trie_alternation_matches_like_the_longest_first_list(flags):
    phrases = ["KM", "km/hr", "km/h", "kilometre", "kilometres", "Hong Kong dollar", "$", "US$"]
    flat = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    plain = re.compile(f"(?:{flat})(?!\\w)", flags)
    # a pattern that ignores case gets its phrases lowercased, as the extractor's do
    written = [p.lower() for p in phrases] if flags else phrases
    trie = re.compile(alternation(written, flexible_space=False) + r"(?!\w)", flags)
    for text in ["5 km/hr.", "9 KM/H", "12 kilometres east", "HK$ 40", "3 hong kong dollars",
                 "US$9", "a $5,000 fine"]:  # fmt: skip
        assert [m.span() for m in trie.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text


def _mask_by_assignment(text, spans, keep):
    """What frames._mask did before it masked by slices: blank each span by assignment."""
    chars, starts = list(text), [k for k, _ in keep]
    for s, e in spans:
        i = bisect.bisect_left(starts, s)
        if not (i < len(starts) and starts[i] < e):
            chars[s:e] = " " * (e - s)
    return "".join(chars)


def test_mask_blanks_what_slice_assignment_blanks():
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice("ab c,é") for _ in range(rng.randint(0, 40)))
        spans = [(a, a + rng.randint(-2, 9)) for a in (rng.randint(-3, 42) for _ in range(4))]
        keep = sorted((a, a + 2) for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 3))))
        assert frames._mask(text, spans, keep) == _mask_by_assignment(text, spans, keep)


WINDOWS = [
    "it was twice the ", "costs rose more than ", "about half ", "as much as ", "since May ",
    "up from ", "higher than in ", "until the end of ", "before ", "the organisers' estimate of ",
    "police's own count of ", "the town’s tally of ", "said ", "it's ", "", "  ",
    "down from nearly ", "compared with about ", "rose by more than ", "an increase of ",
    "another ", "capped at ", "a maximum of ", "limited to at least ", "up sharply from ",
    "Cases went up 40% from ", "the toll was previously ",
]  # fmt: skip
ROLE_CUES = ("_PREVIOUS_RE", "_FROM_RE", "_UP_FROM_RE", "_CHANGE_RE", "_LIMIT_RE")


@pytest.mark.parametrize("window", WINDOWS)
def test_cheap_tests_never_skip_a_window_their_pattern_reads(window):
    assert frames._compares(window) == bool(frames._COMPARISON_RE.search(window))
    assert figure_time._is_baseline(window) == bool(figure_time._BASELINE_RE.search(window))
    if clauses.OWNER_RE.search(window):
        assert clauses.OWNER_RE in clauses.worth_trying(window, has_verb=False)
    if any(getattr(frames, name).search(window) for name in ROLE_CUES):
        assert window.rstrip().lower().endswith(frames._CUE_ENDS)


SPACES = ["  ", "\u00a0", "\t", " \u00a0"]


@pytest.mark.parametrize("space", SPACES)
@pytest.mark.parametrize(
    ("words", "qualifier", "value"),
    [
        ("Police said more than 5,000 people marched through Łódź.", "more_than", 5000),
        ("At least 1,240 homes were flooded in the Oder valley.", "at_least", 1240),
        ("The council can house up to 4,800 evacuees in São Bento.", "at_most", 4800),
        ("The quake destroyed 3,400 homes or more across Kahramanlı.", "at_least", 3400),
        ("The crowd was put at 2,000 or so by the stewards in Zürich.", "approx", 2000),
    ],
)
def test_a_two_word_qualifier_is_read_whatever_space_joins_it(words, space, qualifier, value):
    # a no-break space, two spaces or a tab between the words, as pasted copy has them
    text = words
    for phrase in ("more than", "At least", "up to", "or more", "or so"):
        text = text.replace(phrase, phrase.replace(" ", space))
    (c,) = [c for c in extract(text, "a.txt") if c.kind == "count"]
    assert (c.value, c.qualifier) == (value, qualifier)


def test_a_word_list_key_is_the_words_with_one_space():
    assert pat.key("More\u00a0 than") == "more than" and pat.key("at\tleast") == "at least"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("The silo holds 5_000 tonnes of grain, the co-operative said.", []),
        ("Some 12_500 people marched, and 300 more joined later.", [300.0]),
        ("The file flood_2024_v3.csv lists 1,240 damaged homes.", [1240.0]),
    ],
)
def test_a_figure_written_with_underscores_is_not_read_in_pieces(text, read):
    # "5_000" is code or a file name: never 5 and a count of 0 tonnes
    assert [c.value for c in extract(text, "a.txt") if c.kind != "date"] == read
