"""Property tests: extract() holds its contract on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract

# pieces of news text that exercise the scanner, mixed with arbitrary characters
PIECES = st.sampled_from(
    [
        "more than ", "about ", "nearly ", "between ", " and ", " to ", "-", "–", " ", ", ",
        ". ", "\n", "5,000", "1,70,300", "12", "0", "3.5", "$", "US$", "£", "€", "Rs ",
        "₹", " million", "m", "bn", " crore", " lakh", "%", " percent", " per cent",
        " percentage points", " troops", " people", " km", " miles", " feet", " years",
        "tens of thousands of ", "dozens of ", "a third of", "half of", "one in four",
        "twenty-two", "Six died", "in 2014", "November 2007", "Dec 02, 2017", "3:45 a.m.",
        "second-largest", "3rd", "Route 9", "COVID-19", "voted 7-2", " cents", " yen",
        " dollars", "USD", "~", "(", ")", "/", "°C", "k", " of the ", "minus ", "¥",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=40).map("".join),
)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.one_of(st.none(), st.just("2020-01-03"), st.text(max_size=10)))
def test_extract_contract(text, published):
    claims = extract(text, "doc.txt", published)  # a bug raises: extraction swallows nothing
    assert claims == sorted(claims, key=lambda c: (c.start, c.end))
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
        assert c.text == text[c.start : c.end]
        assert c.doc == "doc.txt"
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
        if c.interval_low is not None and c.interval_high is not None:
            assert c.interval_low <= c.interval_high
        assert c.line == text.count("\n", 0, c.start) + 1
