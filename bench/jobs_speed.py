"""How much faster a first run is with --jobs 2 than with --jobs 1, and that both agree.

Generates the news-like corpus of `incremental_speed.py` in a temporary
folder (nothing is kept), then times `factcheck.app.run` on it from an empty
database, each run in a fresh Python process as a user's `factcheck run` is
(start-up and imports included, no memory of the run before), alternating
--jobs 1 and --jobs 2 for several rounds (the order swapped every other
round, so a machine growing busier favours neither). It prints each round
with the load average before it, the median ratio with its spread, the CPU
seconds of the run's own process and of its workers, and whether every run
found the same findings. The target is a median ratio of at least 1.6 on a
machine with two free cores.

    .venv/bin/python bench/jobs_speed.py [--articles 2000] [--jobs 2] [--rounds 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from incremental_speed import ROOT, write_corpus  # noqa: E402

TARGET = 1.6


@dataclass(frozen=True)
class Timed:
    """One run in its own process: wall seconds (the whole process), CPU seconds of the
    run's process and of its workers, the load average before it, and its findings."""

    jobs: int
    wall: float
    own_cpu: float
    workers_cpu: float
    load: float
    claims: int
    findings: str  # a digest of every finding's id and reason


def child(corpus: str, db: str, jobs: int, rules: str) -> None:
    """The timed run, in this (fresh) process: prints its CPU split and findings as JSON."""
    from factcheck import app

    result = app.run([corpus], rules, db, jobs=jobs, facts=False)
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool's workers, ended
    digest = hashlib.sha256()
    for c in result.conflicts:
        digest.update(f"{c.id}\t{c.reason}\n".encode())
    record = {
        "own": own.ru_utime + own.ru_stime,
        "workers": kids.ru_utime + kids.ru_stime,
        "claims": result.claim_count,
        "findings": digest.hexdigest(),
    }
    print(json.dumps(record))


def timed_run(corpus: Path, db: Path, jobs: int, rules: str) -> Timed:
    """Run --jobs `jobs` in a fresh process on an empty database, timed from outside."""
    db.unlink(missing_ok=True)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    command = [sys.executable, __file__, "--child", str(corpus), str(db), str(jobs), rules]
    # the child runs this tree's factcheck, whatever the environment has installed
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"--jobs {jobs} failed:\n{done.stderr}")
    r = json.loads(done.stdout.strip().splitlines()[-1])
    db.unlink(missing_ok=True)
    return Timed(jobs, wall, r["own"], r["workers"], load, r["claims"], r["findings"])


def cpu_estimate(one: Timed, many: Timed) -> float:
    """The speed-up the CPU times allow: the parallel run cannot end before its busiest
    process (the run's own) nor before all its work is spread over its jobs."""
    bound = max(many.own_cpu, (many.own_cpu + many.workers_cpu) / many.jobs)
    return (one.own_cpu + one.workers_cpu) / bound if bound else float("nan")


def rounds(corpus: Path, tmp: Path, jobs: int, count: int, rules: str):
    """(--jobs 1 run, parallel run) per round, alternating which goes first."""
    pairs = []
    for n in range(count):
        order = (1, jobs) if n % 2 == 0 else (jobs, 1)
        runs = {j: timed_run(corpus, tmp / f"jobs{j}.db", j, rules) for j in order}
        one, many = runs[1], runs[jobs]
        pairs.append((one, many))
        print(round_line(n + 1, one, many), flush=True)
    return pairs


def round_line(n: int, one: Timed, many: Timed) -> str:
    """One round: both wall times, the ratio, the CPU split and the load before each run."""
    return (
        f"round {n}: --jobs 1 {one.wall:6.2f} s (CPU {one.own_cpu + one.workers_cpu:.1f}, "
        f"load {one.load:.1f})  --jobs {many.jobs} {many.wall:6.2f} s (CPU {many.own_cpu:.1f} "
        f"+ {many.workers_cpu:.1f} in workers, load {many.load:.1f})  "
        f"{one.wall / many.wall:.2f}x, {cpu_estimate(one, many):.2f}x from CPU"
    )


def summary(pairs: list[tuple[Timed, Timed]]) -> list[str]:
    """The verdict lines: median ratio and its spread, median CPU estimate, same findings."""
    ratios = [one.wall / many.wall for one, many in pairs]
    estimates = [cpu_estimate(one, many) for one, many in pairs]
    jobs = pairs[0][1].jobs
    median = statistics.median(ratios)
    verdict = "ok" if median >= TARGET else "MISSED"
    same = len({t.findings for pair in pairs for t in pair}) == 1
    return [
        f"speed-up:  {median:.2f}x median of {len(ratios)} rounds "
        f"(min {min(ratios):.2f}, max {max(ratios):.2f}; target >= {TARGET:.1f}x: {verdict})",
        f"speed-up on {jobs} free cores, from the CPU times: {statistics.median(estimates):.2f}x "
        f"median (min {min(estimates):.2f}, max {max(estimates):.2f})",
        f"same findings: {'yes' if same else 'NO'}",
    ]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        corpus, db, jobs, rules = argv[1:5]
        child(corpus, db, int(jobs), rules)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2, help="the parallel run's --jobs")
    parser.add_argument("--rounds", type=int, default=3, help="pairs of runs, alternating")
    parser.add_argument("--rules", default=str(ROOT / "rules"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="factcheck-jobs-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, args.articles)
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(f"{args.articles} articles; {cpus} CPUs; each run in a fresh process", flush=True)
        pairs = rounds(corpus, Path(tmp), args.jobs, max(1, args.rounds), args.rules)
    print(f"{pairs[0][0].claims} claims")
    lines = summary(pairs)
    print("\n".join(lines))
    ok = statistics.median(one.wall / many.wall for one, many in pairs) >= TARGET
    return 0 if ok and lines[-1].endswith("yes") else 1


if __name__ == "__main__":
    sys.exit(main())
