"""How much faster a first run is with --jobs 2 than with --jobs 1, and that both agree.

Generates the news-like corpus of `incremental_speed.py` in a temporary
folder (nothing is kept), runs `factcheck.app.run` on it from an empty
database with --jobs 1, then with --jobs 2, and prints both times, their
ratio, and whether the findings are the same. The target is a ratio of at
least 1.6 on a machine with two free cores.

    .venv/bin/python bench/jobs_speed.py [--articles 2000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from incremental_speed import ROOT, forget_caches, write_corpus  # noqa: E402

from factcheck import app  # noqa: E402

TARGET = 1.6


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its ended children (the pool's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def timed_run(corpus: Path, db: str, jobs: int, rules: str):
    """(wall seconds, this process's CPU seconds, the workers' CPU seconds, result)."""
    forget_caches()
    start, (own0, kids0) = time.perf_counter(), _cpu()
    result = app.run([str(corpus)], rules, db, jobs=jobs, facts=False)
    own1, kids1 = _cpu()
    return time.perf_counter() - start, own1 - own0, kids1 - kids0, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2, help="the parallel run's --jobs")
    parser.add_argument("--rules", default=str(ROOT / "rules"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="factcheck-jobs-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, args.articles)
        one, one_cpu, _, first = timed_run(corpus, str(Path(tmp) / "one.db"), 1, args.rules)
        many, main_cpu, workers_cpu, second = timed_run(
            corpus, str(Path(tmp) / "many.db"), args.jobs, args.rules
        )
    ratio = one / many
    # On a busy machine the wall times share the cores with others; the CPU times
    # say what the split costs: the run cannot end before its busiest process
    # (this one) nor before all its work is spread over the jobs.
    bound = max(main_cpu, (main_cpu + workers_cpu) / args.jobs)
    estimate = one_cpu / bound if bound else float("nan")
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.articles} articles, {first.claim_count} claims; {cpus} CPUs, load {load:.1f}")
    print(f"--jobs 1:  {one:8.2f} s   (CPU {one_cpu:.2f} s)")
    print(
        f"--jobs {args.jobs}:  {many:8.2f} s   (CPU {main_cpu:.2f} s in the run's process, "
        f"{workers_cpu:.2f} s in its workers)"
    )
    print(f"speed-up on {args.jobs} free cores, from the CPU times: {estimate:.2f}x")
    verdict = "ok" if ratio >= TARGET else "MISSED"
    print(f"speed-up:  {ratio:8.2f}x  (target >= {TARGET:.1f}x: {verdict})")
    same = [(c.id, c.reason) for c in first.conflicts] == [
        (c.id, c.reason) for c in second.conflicts
    ]
    print(f"same findings: {'yes' if same else 'NO'}")
    return 0 if ratio >= TARGET and same else 1


if __name__ == "__main__":
    sys.exit(main())
