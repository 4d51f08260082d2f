"""Extraction of one long document is linear in its length.

A long article (a report, a transcript, a live blog of megabytes) used to cost
the square of its length: each date rebuilt the list of blocked spans, each
count without a noun of its own searched every claim before it for an implied
noun, and each figure copied its sentence up to itself. The timing is
generous (4 times the text may take up to 6 times as long: a quadratic cost
takes 16), and each size is timed at its best of a few runs, in CPU time, so
that other work on a busy machine does not count.
"""

from __future__ import annotations

import gc
import random
import time

from factcheck.extract import extract

WEEKDAYS = ["Monday", "Tuesday", "Friday", "Sunday"]
MONTHS = ["March", "June", "October", "December"]


def long_document(kb: int, seed: int = 4) -> str:
    """A dateline, then paragraphs of dates, counts with no noun of their own, percentages."""
    rng = random.Random(seed)
    parts = ["Live report\n\nVELDA, March 3, 2025 (Northern Wire) - The count goes on.\n\n"]
    size = 0
    while size < kb * 1000:
        para = (
            f"On {rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2000, 2024)}, the toll "
            f"was {rng.randint(10, 900)}. It was {rng.randint(10, 900):,} on "
            f"{rng.choice(WEEKDAYS)}. Then {rng.randint(10, 900)}.\n"
        )
        parts.append(para)
        size += len(para)
    return "".join(parts)


def best_time(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()  # a collection that lands in one run only is not extraction's cost
        try:
            start = time.process_time()
            claims = extract(text, "long.txt", "2025-03-03")
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    assert len(claims) > len(text) // 60  # it did read the figures
    return best


def test_a_four_times_longer_document_takes_less_than_six_times_as_long():
    extract("warm up: 5 km and $3 million in 2020")
    short, long = long_document(40), long_document(160)
    t_short = best_time(short, 3)
    t_long = best_time(long, 2)
    assert t_long < 6 * t_short, f"{t_short:.2f} s for 40 KB, {t_long:.2f} s for 160 KB"


def test_a_line_of_thousands_of_figures_costs_no_more_than_its_length():
    """A table pasted as one 200 KB line: every figure's frame and time are read from
    its own neighbourhood, so the work grows with the line, not with its square."""
    import time

    def line(n: int) -> str:
        parts = [f"about {1_000 + 7 * i:,} people left district {i} on Monday" for i in range(n)]
        return "Evacuations\n\n" + ", ".join(parts) + ".\n"

    def cost(n: int) -> float:
        text = line(n)
        started = time.process_time()
        found = [c for c in extract(text, "a.txt") if c.kind == "count"]
        assert len(found) >= n
        return time.process_time() - started

    small, large = cost(500), cost(2_000)
    assert large < 4 * small * 2.5, (small, large)  # four times the figures: linear, with slack
