"""How fast the one SQLite writer stores claims, against how fast one process extracts them.

A run on many machines (issue 28: `run --engine dask`) still stores every
document's claims through one writer, `Store.save_documents`, in the driver.
This prints how many documents a second that writer takes, early and late in
a growing store, and the same figure for extraction in one process, measured
in the same run on the same articles: their ratio is the number of extracting
workers at which the writer, not the cluster, bounds a run.

    .venv/bin/python bench/writer_speed.py [--articles 5000] [--batch 64]

Articles come from `incremental_speed.py`'s generator (about 13 claims each);
they are extracted once, timed, and the claims stored a batch at a time into a
fresh database in a temporary folder (nothing is kept), timed per batch.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from incremental_speed import article  # noqa: E402

from factcheck.extract import EXTRACTOR_VERSION, extract  # noqa: E402
from factcheck.model import Document  # noqa: E402
from factcheck.store import Store  # noqa: E402


def documents(count: int, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for i in range(count):
        text = article(rng, i, 0.1)
        sha = hashlib.sha256(text.encode()).hexdigest()
        docs.append(Document(f"news/{i:06d}.txt", text, sha, f"Report {i}", "2017-12-01"))
    return docs


def extracted(docs: list[Document]) -> tuple[list[tuple[Document, list]], float]:
    """Each document with its claims, and the CPU seconds extraction took in this process."""
    start = time.process_time()
    pairs = [(d, extract(d.text, d.path, d.published)) for d in docs]
    return pairs, time.process_time() - start


def stored(pairs: list, db: str, batch: int) -> list[float]:
    """Seconds (wall: the writer waits on the disk too) of each batch's save_documents."""
    store = Store(db)
    times = []
    try:
        for i in range(0, len(pairs), batch):
            start = time.perf_counter()
            store.save_documents(pairs[i : i + batch], EXTRACTOR_VERSION)
            times.append(time.perf_counter() - start)
    finally:
        store.close()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=64, help="documents per transaction")
    args = parser.parse_args(argv)
    docs = documents(args.articles)
    pairs, extract_cpu = extracted(docs)
    claims = sum(len(c) for _, c in pairs)
    with tempfile.TemporaryDirectory(prefix="factcheck-writer-") as tmp:
        times = stored(pairs, str(Path(tmp) / "w.db"), args.batch)
    per_batch = [args.batch / t for t in times]
    tenth = max(1, len(per_batch) // 10)
    early, late = statistics.median(per_batch[:tenth]), statistics.median(per_batch[-tenth:])
    overall = len(pairs) / sum(times)
    worker = len(pairs) / extract_cpu
    print(f"{len(pairs):,} documents, {claims:,} claims ({claims / len(pairs):.1f} a document)")
    print(f"extraction, one process: {worker:,.0f} documents/s (CPU)")
    print(
        f"writer: {overall:,.0f} documents/s overall, {overall * claims / len(pairs):,.0f} "
        f"claims/s; batches of {args.batch}: median {early:,.0f}/s in the first tenth, "
        f"{late:,.0f}/s in the last (spread {min(per_batch):,.0f} to {max(per_batch):,.0f})"
    )
    ratio = overall / worker
    print(f"writer / one extracting process: {ratio:.1f} (the workers it can keep up with)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
