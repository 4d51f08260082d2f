"""Extraction within a run: chunks of documents to a process pool, a failing document skipped.

The extractor is any module with `EXTRACTOR_VERSION` and `extract_many()`
(and, for --jobs above 1, a `Pool`): `factcheck.extract`, imported only when
a command extracts, or a small stand-in in tests.
"""

from __future__ import annotations

import collections
import contextlib
from collections.abc import Iterator
from types import ModuleType

from ..crash import write_traceback
from ..documents import Skipped
from ..model import Claim, Document

AHEAD = 2  # chunks per worker submitted beyond the one being stored


def extract_guarded(
    documents: list[Document], jobs: int, extractor: ModuleType
) -> tuple[list[tuple[Document, list[Claim]]], list[Skipped]]:
    """Extract a batch; a document whose extraction raises is skipped, not the run.

    The batch is tried whole (fast, parallel); when it fails, each document
    is tried alone so that one hostile article costs only itself. The
    traceback of each failure is written to a crash file named in its message.
    """
    return guarded(documents, _Later(extractor.extract_many, _items(documents), jobs), extractor)


def guarded(documents: list[Document], future, extractor: ModuleType):
    """The documents paired with their claims from `future`, retried one by one if it failed."""
    try:
        return list(zip(documents, future.result(), strict=True)), []
    except Exception as e:  # a bug in the extractor: retried one by one below
        if len(documents) == 1:
            return [], [_failed(documents[0], e)]
    done, failed = [], []
    for doc in documents:
        try:
            done.append((doc, _extract([doc], 1, extractor)[0]))
        except Exception as e:  # reported as a skipped file, with its crash file
            failed.append(_failed(doc, e))
    return done, failed


def _extract(documents: list[Document], jobs: int, extractor: ModuleType) -> list[list[Claim]]:
    return extractor.extract_many(_items(documents), jobs=jobs)


def _items(documents: list[Document]) -> list[tuple[str, str, str | None]]:
    return [(d.text, d.path, d.published) for d in documents]


class _Later:
    """A chunk extracted in this process when its result is asked for (like a Future)."""

    def __init__(self, extract_many, items, jobs: int):
        self.extract_many, self.items, self.jobs = extract_many, items, jobs

    def result(self) -> list[list[Claim]]:
        return self.extract_many(self.items, jobs=self.jobs)


@contextlib.contextmanager
def extraction(extractor: ModuleType, jobs: int):
    """(submit, chunks to keep in flight) for the run: one process pool for all of it.

    With --jobs above 1 and an extractor that offers a `Pool`, its workers
    start once and extract chunk after chunk while this process stores the
    claims of the chunks before; otherwise each chunk is extracted here, in turn.
    """
    pool = getattr(extractor, "Pool", None)
    if jobs > 1 and pool is not None:
        with pool(jobs) as workers:
            yield workers.submit, jobs * AHEAD
        return
    yield (lambda items: _Later(extractor.extract_many, items, jobs)), 0


def ahead(submit, chunks: Iterator[list[Document]], more: int):
    """(documents, future of their claims) in order, with up to `more` chunks submitted ahead."""
    pending: collections.deque = collections.deque()
    for docs in chunks:
        pending.append((docs, submit(_items(docs))))
        if len(pending) > more:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def _failed(doc: Document, error: Exception) -> Skipped:
    where = write_traceback(error)
    return Skipped(
        doc.path,
        f"{doc.path}: the extractor failed on this article (a bug in factcheck; traceback in "
        f"{where}); its earlier claims are kept",
    )
