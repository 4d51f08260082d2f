"""How much faster a second run over an unchanged corpus is than the first.

Generates a corpus of news-like articles in a temporary folder (nothing is
kept), runs `factcheck.app.run` twice in this process against the
repository's rules, and prints both times and their ratio. The second run
must not extract anything again; the target is a ratio of at most 0.05.

    .venv/bin/python bench/incremental_speed.py [--articles 1000] [--jobs 1] [--fact-share 0.1]
"""

from __future__ import annotations

import argparse
import functools
import gc
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from factcheck import app

ROOT = Path(__file__).resolve().parent.parent
TARGET = 0.05  # issue 13: an unchanged run costs at most 5% of the first

PLACES = ["Baghdad", "Mosul", "Basra", "Erbil", "Kirkuk", "Najaf", "Tikrit", "Fallujah"]
NOUNS = ["residents", "families", "schools", "vehicles", "buses", "workers", "patients", "farms"]
SENTENCES = [
    "Officials in {place} said {n:,} {noun} were affected by the flooding.",
    "About {n:,} {noun} in {place} received aid last week, the ministry said.",
    "The city budget of ${m} million includes repairs to {k} bridges.",
    "Unemployment in {place} rose to {p}% in the third quarter.",
    "The new road will run {k} km from {place} to the border.",
    "More than {n:,} people attended the rally in {place} on Friday.",
    "Nearly {k} percent of {noun} reported shortages of water.",
    "Between {k} and {k2} {noun} were evacuated overnight.",
    "The council approved {k} new clinics at a cost of {m} million dinars.",
    "A convoy of {k} trucks left {place} for the north.",
    "Temperatures reached {c} degrees Celsius in {place} on Tuesday.",
    "Some {n:,} {noun} have returned since the fighting ended in {year}.",
]


# The one fact the repository's rules check. Evaluation compares every pair of
# claims a rule selects, so its cost grows with the square of how many
# articles state the same fact; --fact-share sets that share.
FACT = "The U.S. has about {t:,} troops in Iraq, a Pentagon spokesman said."


def article(rng: random.Random, i: int, fact_share: float) -> str:
    """One article: a dateline, a title and about a dozen sentences with figures."""
    day = rng.randint(1, 28)
    lines = [f"Report {i} from {rng.choice(PLACES)}", "", f"Dec {day:02d}, 2017", ""]
    templates = rng.choices(SENTENCES, k=rng.randint(10, 16))
    if rng.random() < fact_share:
        templates[rng.randrange(len(templates))] = FACT
    for template in templates:
        k = rng.randint(2, 90)
        lines.append(
            template.format(
                place=rng.choice(PLACES),
                noun=rng.choice(NOUNS),
                n=rng.randint(100, 90_000),
                m=rng.randint(2, 900),
                k=k,
                k2=k + rng.randint(5, 50),
                p=rng.randint(3, 40),
                t=rng.choice([5000, 5200, 5300] * 16 + [9000]),  # a rare outlier
                c=rng.randint(30, 50),
                year=rng.randint(2010, 2016),
            )
        )
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, count: int, fact_share: float = 0.1, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"{i:05d}.txt").write_text(article(rng, i, fact_share), encoding="utf-8")


def forget_caches() -> None:
    """Clear every functools cache of the package, as a fresh process would start."""
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper) and obj.__module__.startswith("factcheck"):
            obj.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--rules", default=str(ROOT / "rules"))
    parser.add_argument(
        "--fact-share",
        type=float,
        default=0.1,
        help="share of articles that state the U.S. troop figure the rules check",
    )
    parser.add_argument("--repeat", type=int, default=3, help="pairs of runs; medians are shown")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, args.articles, args.fact_share)
        firsts, seconds = [], []
        for n in range(args.repeat):
            db = str(Path(tmp) / f"bench{n}.db")  # each pair starts from an empty database
            for times in (firsts, seconds):
                forget_caches()  # as a new process would: no memo from the run before
                start = time.perf_counter()
                results = app.run([str(corpus)], args.rules, db, jobs=args.jobs)
                times.append((time.perf_counter() - start, results))
    # the median pair by each time, so one noisy run cannot decide the verdict
    first = sorted(firsts, key=lambda t: t[0])[len(firsts) // 2][1]
    second = sorted(seconds, key=lambda t: t[0])[len(seconds) // 2][1]
    times = [statistics.median(t for t, _ in firsts), statistics.median(t for t, _ in seconds)]
    ratio = times[1] / times[0]
    print(
        f"{len(first.documents)} articles, {first.claim_count} claims, "
        f"{len(first.rules)} rules, {len(first.conflicts)} conflicts"
    )
    print(f"first run:  {times[0]:8.2f} s  ({first.extracted} extracted; median of {args.repeat})")
    print(f"second run: {times[1]:8.2f} s  ({second.extracted} extracted, {second.reused} reused)")
    verdict = "ok" if ratio <= TARGET else "MISSED"
    print(f"ratio:      {ratio:8.3f}  (target <= {TARGET:.2f}: {verdict})")
    same = [c.id for c in first.conflicts] == [c.id for c in second.conflicts]
    print(f"same conflicts: {'yes' if same else 'NO'}")
    return 0 if ratio <= TARGET and second.extracted == 0 and same else 1


if __name__ == "__main__":
    sys.exit(main())
