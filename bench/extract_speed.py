"""Throughput of factcheck.extract against raw quantulum3 on a generated news corpus.

Usage: python bench/extract_speed.py [--mb 1.0] [--q-chars 60000] [--seed 7]

Builds >= --mb megabytes of news-like articles from templated sentences (varied
numbers, qualifiers, ranges, units, money, dates), times `extract` on all of it
and `quantulum3.parser.parse` on a subsample (after one warm-up parse, so its
start-up is not counted), in rounds of CPU time in which the two take turns a
slice at a time, prints both as chars/s and the median of their ratios, and checks
that `extract_many(jobs=2)` returns what `jobs=1` does. Nothing is written.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import warnings

from factcheck.extract import extract, extract_many

NOUNS = ["troops", "people", "residents", "soldiers", "workers", "students", "fighters",
         "civilians", "homes", "schools", "vehicles", "refugees", "patients", "jobs"]  # fmt: skip
PLACES = ["Iraq", "Syria", "the capital", "the region", "Mosul", "the province", "Kirkuk"]
QUALS = ["", "", "about ", "nearly ", "more than ", "at least ", "up to ", "some ",
         "fewer than ", "an estimated ", "roughly "]  # fmt: skip
MONTHS = ["January", "March", "June", "September", "November", "December"]
UNITS = ["km", "miles", "kilometres", "feet", "tonnes", "metres", "hours", "days", "years"]
MONEY = ["${n} million", "${n}bn", "£{n}m", "€{n} billion", "Rs {n} crore", "{n} million euros",
         "US${n} million", "{n} yuan", "¥{n} billion"]  # fmt: skip
FILLER = [
    "Officials said the situation remained tense after talks stalled on {weekday}.",
    "The ministry did not respond to a request for comment.",
    "Analysts said the move could reshape the balance of power in {place}.",
    "Local media reported heavy fighting near {place} overnight.",
]
TEMPLATES = [
    "{Qual}{n:,} {noun} were deployed to {place} in {year}, officials said.",
    "The government said {qual}{n:,} {noun} had been displaced since {month} {year}.",
    "Between {a:,} and {b:,} {noun} remain in {place}, according to the United Nations.",
    "The project will cost {money} and take {k} {unit} to complete.",
    "Unemployment rose to {p}.{d} percent in {month}, up {d2} percentage points from a year ago.",
    "Tens of thousands of {noun} marched through {place} on {month} {day}, {year}.",
    "A {k}-mile convoy carrying {n:,} tonnes of aid reached {place} at 3:45 a.m.",
    "{Qual}{p} percent of {noun} said they supported the plan, a survey of {n:,} found.",
    "The road, {k}.{d} km long, links {place} with the border, {n:,} feet above sea level.",
    "Six died and {k} people were injured when the building collapsed in {place}.",
    "Route {k} was closed after the Boeing 737 made an emergency landing; call 555-1234.",
    "The {n2} strong force was founded in {year} with {qual}{a:,} to {b:,} members.",
    "Police arrested {k} suspects, and {qual}{n:,} were released on bail in {year}.",
    "Sales reached {money} in fiscal {year}, the company's second-largest quarter.",
]


def article(rng: random.Random) -> str:
    paras = []
    for _ in range(rng.randint(4, 9)):
        sents = []
        for _ in range(rng.randint(2, 5)):
            if rng.random() < 0.3:
                t = rng.choice(FILLER)
            else:
                t = rng.choice(TEMPLATES)
            a = rng.choice([500, 1200, 5000, 25000, 3000, 70])
            qual = rng.choice(QUALS)
            money = rng.choice(MONEY).format(n=rng.choice([1.2, 45, 3, 250, 12.5, 900]))
            sents.append(
                t.format(
                    n=rng.choice([5324, 5000, 100000, 1700, 250, 42, 170300, 8000]),
                    n2=rng.choice(["100,000", "5,000", "40,000"]),
                    a=a,
                    b=a * rng.choice([2, 3]),
                    k=rng.randint(2, 60),
                    p=rng.randint(1, 95),
                    d=rng.randint(0, 9),
                    d2=rng.randint(1, 4),
                    noun=rng.choice(NOUNS),
                    place=rng.choice(PLACES),
                    year=rng.randint(1990, 2024),
                    month=rng.choice(MONTHS),
                    day=rng.randint(1, 28),
                    weekday=rng.choice(["Monday", "Tuesday", "Friday"]),
                    unit=rng.choice(UNITS),
                    money=money,
                    qual=qual,
                    Qual=qual.capitalize(),
                )
            )
        paras.append(" ".join(sents))
    return "Headline about the war\n\n" + "\n\n".join(paras) + "\n"


def corpus(mb: float, seed: int) -> list[str]:
    rng = random.Random(seed)
    docs, size = [], 0
    while size < mb * 1_000_000:
        docs.append(article(rng))
        size += len(docs[-1])
    return docs


def _ours(docs: list[str], first: int = 0) -> tuple[float, int]:
    t0 = time.process_time()
    claims = sum(len(extract(d, f"doc{first + i}")) for i, d in enumerate(docs))
    return time.process_time() - t0, claims


def _theirs(sample: list[str]) -> float:
    from quantulum3 import parser

    t0 = time.process_time()
    for d in sample:
        parser.parse(d)
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--q-chars", type=int, default=60_000, help="quantulum3 subsample size")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the median counts")
    ap.add_argument("--slices", type=int, default=10, help="turns each side takes in a round")
    a = ap.parse_args()
    warnings.simplefilter("ignore")  # quantulum3's own warnings
    from quantulum3 import parser

    docs = corpus(a.mb, a.seed)
    chars = sum(map(len, docs))
    sample, n = [], 0
    for d in docs:
        if n >= a.q_chars:
            break
        sample.append(d)
        n += len(d)
    extract("warm up: 5 km and $3 million")  # load the unit tables once, like quantulum3 below
    parser.parse("warm up: 5 km")
    ratios = []
    for r in range(a.rounds):
        # CPU time of this process, both sides alike: a busy machine slows both less
        # unevenly than wall time; and in turns, a slice of each side at a time, so a
        # machine whose speed drifts within a round (these VMs' does) slows both alike
        ours_s = theirs_s = 0.0
        claims = 0
        for k in range(a.slices):
            lo, hi = len(docs) * k // a.slices, len(docs) * (k + 1) // a.slices
            took, found = _ours(docs[lo:hi], lo)
            ours_s, claims = ours_s + took, claims + found
            theirs_s += _theirs(sample[k :: a.slices])
        ours, theirs = chars / ours_s, n / theirs_s
        ratios.append(ours / theirs)
        print(
            f"round {r + 1}: factcheck.extract {ours:,.0f} chars/s ({claims:,} claims in "
            f"{len(docs)} articles, {chars:,} chars); quantulum3.parser.parse {theirs:,.0f} "
            f"chars/s (on {n:,} chars); ratio {ratios[-1]:.1f}x"
        )
    print(f"ratio: {statistics.median(ratios):.1f}x (median of {a.rounds} rounds)")

    items = [(d, f"doc{i}", "2020-01-01") for i, d in enumerate(docs[:300])]
    t0 = time.perf_counter()
    one = extract_many(items, jobs=1)
    t1 = time.perf_counter()
    two = extract_many(items, jobs=2)
    t2 = time.perf_counter()
    same = one == two
    print(f"extract_many: jobs=1 {t1 - t0:.2f}s, jobs=2 {t2 - t1:.2f}s, identical={same}")
    if not same:
        raise SystemExit("extract_many(jobs=2) differs from jobs=1")


if __name__ == "__main__":
    main()
