"""Generated news articles for bench/scale.py: shared facts from many sources, plus noise.

`write_corpus(folder, n, seed)` writes n articles of about 1.5 KB, 1,000 per
subfolder, the same bytes for the same n and seed. Each article is dated by
its dateline (a day of March 2025) and states two to four of the facts below,
in varied words, with qualifiers ("about", "more than"), ranges, currencies
and units; about one statement in twenty-five is an outlier. The rest are
filler sentences with figures no rule of bench/scale_rules.yaml selects,
dated figures of other years, and speakers.

Run it alone to write a corpus: python bench/scale_corpus.py FOLDER N [SEED]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

OUTLIER = 0.04
DAYS = 30  # publication days: March 1 to 30, 2025

CITIES = ["VELDA", "TARSEN", "ORUN", "BRENNA", "KESSA", "MARLOW", "ALDMOOR", "PASHAN", "LORNE"]
SOURCES = ["Northern Wire", "Capital Post", "Harbor Times", "Lakes Wire", "Orun Observer",
           "Evening Standard", "County Herald", "Daily Ledger", "Coastal News", "Press Agency",
           "Morning Star", "Valley Gazette"]  # fmt: skip
SPEAKERS = ["officials said", "the ministry said", "according to the United Nations",
            "a spokesman told reporters", "local media reported", "the interior ministry said",
            "according to figures released on {weekday}", "aid agencies said",
            "the governor's office said", "a government statement said"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
PLACES = ["Velda", "Tarsen", "the capital", "the northern districts", "Orun", "Port Aris"]
NOUNS = ["residents", "families", "schools", "vehicles", "buses", "workers", "patients", "farms"]
TITLES = ["Floods deepen crisis in Kessa province", "Talvia weighs new spending plan",
          "Troops stay on in Veldmark", "Work on Orvane dam to resume", "Lorne ferry inquiry",
          "Marren Guard expands its ranks", "Brenna sets out budget", "Serin tunnel nears end",
          "Pashan rail line approved", "Regional round-up"]  # fmt: skip


def weekday(day: int) -> str:
    """The weekday of March `day`, 2025 (March 1 was a Saturday)."""
    return WEEKDAYS[(day + 4) % 7]


def _today(rng: random.Random, day: int) -> str:
    """The article's own weekday, drawing the random one the corpus once used in its place."""
    rng.choice(WEEKDAYS)
    return weekday(day)


def _speaker(rng: random.Random, day: int | None = None) -> str:
    """Who says it; "figures released on <weekday>" names the article's own day, so that a
    figure dated by it holds when its article says (the random pick keeps the corpus's
    other bytes as they were)."""
    picked = rng.choice(WEEKDAYS)
    return rng.choice(SPEAKERS).format(weekday=weekday(day) if day else picked)


def _qual(rng: random.Random, options=("", "", "", "about ", "nearly ", "some ", "roughly ")):
    return rng.choice(options)


def _near(rng: random.Random, value: float, spread: float, outlier: float) -> float:
    if rng.random() < OUTLIER:
        return value * outlier
    return value * (1 + rng.uniform(-spread, spread))


def troops(rng, day):
    n = round(_near(rng, 12000, 0.03, rng.choice([1.6, 0.55])), -2)
    s = _speaker(rng, day)
    return rng.choice(
        [
            f"{_qual(rng).capitalize()}{n:,.0f} troops are now deployed in Veldmark, {s}.",
            f"The mission in Veldmark has between {n - 1000:,.0f} and {n + 1000:,.0f} "
            f"soldiers, {s}.",
            f"Veldmark now hosts more than {n - 500:,.0f} foreign troops, {s}.",
            f"{n:,.0f} soldiers remain in Veldmark, {s}. In {rng.randint(2012, 2020)}, only "
            f"{rng.randint(20, 60) * 100:,} troops were stationed in Veldmark.",
        ]
    )


def toll(rng, day):
    n = round(_near(rng, 40 + 25 * day, 0.0, 0.4))
    s = _speaker(rng, day)
    return rng.choice(
        [
            f"The death toll from the Kessa floods rose to {n:,} on {_today(rng, day)}, {s}.",
            f"The Kessa floods have killed {_qual(rng, ('', 'at least '))}{n:,} people, {s}.",
            f"At least {n:,} people have died in the Kessa floods, {s}, up from "
            f"{max(n - 60, 10):,} earlier in the week.",
        ]
    )


def dam(rng, day):
    bn = round(_near(rng, 2.4, 0.02, 1.3), 1)
    money = rng.choice([f"${bn} billion", f"US${bn * 1000:,.0f} million", f"{bn} billion dollars"])
    return f"The Orvane dam will cost {_qual(rng)}{money}, {_speaker(rng, day)}."


def rail(rng, day):
    crore = round(_near(rng, 1200, 0.02, 1.5), -1)
    money = rng.choice([f"Rs {crore:,.0f} crore", f"₹{crore / 100:g} billion"])
    return f"The Pashan rail line will cost {money}, {_speaker(rng, day)}."


def jobless(rng, day):
    p = round(_near(rng, 7.4, 0.02, 1.35), 1)
    return rng.choice(
        [
            f"Unemployment in Talvia stood at {p} percent, {_speaker(rng, day)}.",
            f"Talvia's jobless rate is {p}%, {_speaker(rng, day)}.",
        ]
    )


def tunnel(rng, day):
    km = round(_near(rng, 14.2, 0.0, 100.0), 1)
    return rng.choice(
        [
            f"The Serin tunnel runs {km:,} km under the mountains, {_speaker(rng, day)}.",
            f"The Serin tunnel is {km / 1.609:,.1f} miles long, engineers said.",
            f"The Serin tunnel, {km:,} kilometres long, opens next spring.",
        ]
    )


def guard(rng, day):
    whole = round(_near(rng, 60000, 0.03, 1.0), -3)
    part = round(_near(rng, 20000, 0.05, 3.5), -3)
    s = _speaker(rng, day)
    return rng.choice(
        [
            f"The Marren Guard has {whole:,.0f} fighters in all, {s}.",
            f"The Marren Guard counts {part:,.0f} tribal fighters, {s}.",
            f"The Marren Guard has {_qual(rng)}{whole:,.0f} fighters in all. It counts "
            f"{part:,.0f} tribal fighters, {s}.",
        ]
    )


def ferry(rng, day):
    total = round(_near(rng, 240, 0.0, 1.25))
    return rng.choice(
        [
            f"The Lorne ferry carried {total} passengers, the coastguard said.",
            "The Lorne ferry carried 140 men and 100 women, survivors said.",
        ]
    )


def budget(rng, day):
    schools = round(_near(rng, 800, 0.02, 1.4), -1)
    return rng.choice(
        [
            f"The Brenna city budget is $3.2 billion, {_speaker(rng, day)}.",
            f"25 percent of the Brenna budget, about ${schools:,.0f} million, goes to schools.",
            f"The Brenna city budget is $3.2 billion. A quarter of it, some ${schools:,.0f} "
            f"million, goes to schools, the mayor said.",
        ]
    )


FACTS = [troops, toll, dam, rail, jobless, tunnel, guard, ferry, budget]
FACT_WEIGHTS = [3, 4, 2, 1, 2, 1, 2, 1, 1]

FILLER = [
    "Officials in {place} said {n:,} {noun} were affected by the flooding.",
    "About {n:,} {noun} in {place} received aid last week, the ministry said.",
    "The council approved {k} new clinics at a cost of {m} million dinars.",
    "Turnout in {place} was {p}% in the local elections.",
    "The new road will run {k} km from {place} to the border.",
    "More than {n:,} people attended the rally in {place} on {weekday}.",
    "Nearly {p} percent of {noun} reported shortages of water.",
    "Between {k} and {k2} {noun} were evacuated overnight.",
    "A convoy of {k} trucks left {place} for the north.",
    "Temperatures reached {c} degrees Celsius in {place} on {weekday}.",
    "Some {n:,} {noun} have returned since the fighting ended in {year}.",
    "In {month} {year}, the region exported {m} tonnes of grain.",
    "The ministry did not respond to a request for comment.",
    "Talks are expected to resume on {weekday}, diplomats said.",
    "Analysts said the plan could cost up to ${m} million over {k} years.",
    "The {k}-storey building was evacuated as a precaution.",
]


def _int(rng: random.Random, low: int, high: int) -> int:
    """rng.randint(low, high), about four times faster (generation must be quick at 100,000)."""
    return low + int(rng.random() * (high - low + 1))


def _pick(rng: random.Random, items):
    return items[int(rng.random() * len(items))]


class _Values(dict):
    """The fields of a filler template, each drawn only when the template uses it."""

    DRAW = {
        "place": lambda r, v: _pick(r, PLACES),
        "noun": lambda r, v: _pick(r, NOUNS),
        "n": lambda r, v: _int(r, 100, 90_000),
        "m": lambda r, v: _int(r, 2, 900),
        "k": lambda r, v: _int(r, 2, 90),
        "k2": lambda r, v: v["k"] + _int(r, 5, 50),
        "p": lambda r, v: _int(r, 3, 90) * (10 if r.random() < 0.01 else 1),  # a rare typo
        "c": lambda r, v: _int(r, 30, 48),
        "year": lambda r, v: _int(r, 2005, 2020),
        "month": lambda r, v: _pick(r, MONTHS),
        "weekday": lambda r, v: _pick(r, WEEKDAYS),
    }

    def __init__(self, rng: random.Random):
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str):
        value = self[key] = self.DRAW[key](self.rng, self)
        return value


def filler(rng: random.Random) -> str:
    return _pick(rng, FILLER).format_map(_Values(rng))


def article(rng: random.Random) -> str:
    """One article: a title, a dateline, 2-4 fact statements among 12-18 filler sentences."""
    day = rng.randint(1, DAYS)
    facts = [f(rng, day) for f in rng.choices(FACTS, FACT_WEIGHTS, k=rng.randint(2, 4))]
    sentences = [filler(rng) for _ in range(_int(rng, 12, 18))]
    for fact in facts:
        sentences.insert(rng.randint(0, len(sentences)), fact)
    paras, i = [], 0
    while i < len(sentences):
        step = _int(rng, 2, 4)
        paras.append(" ".join(sentences[i : i + step]))
        i += step
    dateline = f"{rng.choice(CITIES)}, March {day}, 2025 ({rng.choice(SOURCES)}) - "
    return f"{rng.choice(TITLES)}\n\n{dateline}" + "\n\n".join(paras) + "\n"


def write_corpus(folder: Path, count: int, seed: int = 13) -> None:
    """Write `count` articles under `folder`, 1,000 per subfolder."""
    rng = random.Random(seed)
    folder = Path(folder)
    for i in range(count):
        sub = folder / f"{i // 1000:03d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:06d}.txt").write_text(article(rng), encoding="utf-8")


if __name__ == "__main__":
    write_corpus(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 13)
