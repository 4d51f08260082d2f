"""Find the numeric claims in news text: what number, of what, how sure, and when.

`extract(text, doc, published)` returns every claim as a frozen `Claim`, sorted
by (start, end). A fast regular-expression scanner finds number phrases
(numerals, spelled numbers, vague amounts, fractions) and reads the words
around each: qualifier before ("more than", "some"), currency before or after
("$", "US$", "Rs", "euros"), scale ("12 million", "$45m", "1,200 crore"),
a second number of a range ("between 5,000 and 9,000", "5 to 10 million"),
a unit ("km", "percent", "percentage points") and, for counts, the counted noun
phrase. Calendar dates, times, years, ranks, identifiers (Route 9, COVID-19,
G7), phone numbers and scores are told apart from claims.
quantulum3 is used only through its unit tables, read lazily the first time a
number is followed by a word the curated unit table does not know.

Its words come from factcheck.vocab (the lexicon, the tries built from it, the
unit table). The package, in the order text flows through it: `patterns` (regexes
generated from the lexicon); `text` (the frozen `Text`: the document, its sentences,
lines and masks) and `scanner` (sentences, candidates, the `Num` record); the readers,
plain functions of the `Text`: `read_number` (numerals, spelled numbers, fractions,
scales; word tables in `numbers`), `read_around` (currency, qualifier, unit via
`unit_match`), `phrase` (a number phrase, with `ranges`), `special` (vague amounts,
fractions, ratios), `dates`; `emit` (a read phrase as a claim draft by kind, with
`nouns`, `filters` and `intervals`); `drafts` (the `ClaimDraft` records, the one
mutable collection, and their freezing into Claims); `frames` with `clauses` (about,
role, speaker), `figure_time` and `time` (the time a claim refers to); and
`extractor` (the driver).
"""

from __future__ import annotations

import os
import signal
import sys
from concurrent.futures import Future, ProcessPoolExecutor

from ..model import Claim
from .extractor import extract_text

EXTRACTOR_VERSION = "1.16"

__all__ = ["EXTRACTOR_VERSION", "Pool", "extract", "extract_many"]


def extract(text: str, doc: str = "", published: str | None = None) -> list[Claim]:
    """Every numeric claim in text, sorted by (start, end).

    An exception here is a bug in factcheck, and it is not swallowed: the
    pipeline reports the article like a skipped file (named, with a crash
    file) and keeps its earlier claims, rather than storing no claims for it.
    """
    if not isinstance(text, str) or not text:
        return []
    return extract_text(text, doc, published)


def _extract_chunk(items: list[tuple[str, str, str | None]]) -> list[list[Claim]]:
    return [extract(t, d, p) for t, d, p in items]


def _die_with_parent(parent: int) -> None:
    """Pool initializer: a worker ends when the run that started it dies, even by kill -9.

    Linux only (prctl PR_SET_PDEATHSIG); elsewhere the workers end when their
    pipes close, at their next task.
    """
    if sys.platform.startswith("linux"):
        import ctypes  # only in pool workers: extract() itself never needs it

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def extract_many(items: list[tuple[str, str, str | None]], jobs: int = 1) -> list[list[Claim]]:
    """extract() over (text, doc, published) items, in order; same output for any jobs."""
    items = list(items)
    if jobs <= 1 or len(items) < 2:
        return _extract_chunk(items)
    size = max(1, min(64, len(items) // (jobs * 4) or 1))
    with Pool(jobs) as pool:
        futures = [pool.submit(items[i : i + size]) for i in range(0, len(items), size)]
        return [claims for f in futures for claims in f.result()]


class Pool:
    """One pool of extraction processes for a whole run.

    `submit(items)` extracts a chunk of (text, doc, published) items in a
    worker and returns a future of its claim lists, in order. Workers start
    once, with `_die_with_parent`, so a run killed by any signal leaves none
    behind. Leaving the `with` block on an error (Ctrl-C, SIGTERM) cancels the
    chunks not started instead of waiting for them.
    """

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.executor = ProcessPoolExecutor(
            max_workers=jobs, initializer=_die_with_parent, initargs=(os.getpid(),)
        )

    def submit(self, items: list[tuple[str, str, str | None]]) -> Future:
        """A future of the claim lists of items, extracted in a worker."""
        return self.executor.submit(_extract_chunk, items)

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            # Stopped early (Ctrl-C, SIGTERM, an error): end the workers now rather than
            # wait for the chunks they hold, then let the pool's thread see them gone,
            # so nothing is left running when the interpreter exits.
            for process in list((self.executor._processes or {}).values()):
                process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=exc_type is not None)
