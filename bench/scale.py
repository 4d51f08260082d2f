"""How factcheck scales with the corpus: first and unchanged second runs at several sizes.

For each size N it writes a corpus of N generated news articles (deterministic:
a seeded RNG), runs `python -m factcheck run` on it twice in fresh processes
(a first run on an empty database, then an unchanged second run) and prints
one table: the time of each run, their ratio, the peak memory of the largest
process, the database size, the findings, and the growth exponent of the
first run's time between consecutive sizes, log(t2/t1) / log(n2/n1): 1.0 is
linear, 2.0 quadratic.

    python bench/scale.py                       # 1,000, 10,000 and 100,000 articles
    python bench/scale.py --sizes 1000 4000     # a quick run
    python bench/scale.py --sizes 10000 --jobs 2 --keep /tmp/scale
    python bench/scale.py --sizes 10000 100000 --timeout 3600  # give up on a run after an hour

Each article (about 1.5 KB) has a dateline dating it in March 2025, a few
statements of shared facts (stated by many sources, most agreeing, a few
outliers: a troop count, a rising death toll, a cost in dollars and one in
rupees, a jobless rate, a tunnel's length, a force and its part, a ferry's
passengers and their sum, a budget and a share of it) and filler sentences
with figures no rule checks. `bench/scale_rules.yaml` (see --rules) has broad
rules of every check type: agreement with tolerance, bounds, over_time,
part_of, sum_of and percent_of.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: bench/ is not a package
    sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_corpus import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RULES = Path(__file__).resolve().parent / "scale_rules.yaml"
SUMMARY_RE = re.compile(
    r"([\d,]+) documents?, ([\d,]+) claims?, ([\d,]+) facts? checked, ([\d,]+) findings?"
)


@dataclass
class Run:
    seconds: float
    max_rss_mb: float
    returncode: int
    findings: int | None
    claims: int | None
    stderr: str
    timed_out: bool = False

    def time_text(self) -> str:
        return f">{self.seconds:.0f}" if self.timed_out else f"{self.seconds:.1f}"


def wait_for(proc: subprocess.Popen, timeout: float | None):
    """(status, rusage, timed out) of the process, killed after timeout seconds."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, 0 if deadline is None else os.WNOHANG)
        if pid:
            return status, usage, False
        if time.monotonic() > deadline:
            proc.kill()  # its --jobs workers die with it (parent-death signal)
            _, status, usage = os.wait4(proc.pid, 0)
            return status, usage, True
        time.sleep(0.2)


def run_once(corpus: Path, rules: Path, db: Path, args) -> Run:
    """One `factcheck run` in a fresh process; its wall time and peak RSS (via wait4)."""
    out = db.with_suffix(f".{args.format}")
    cmd = [sys.executable, "-m", "factcheck", "run", str(corpus), "--rules", str(rules)]
    cmd += ["--db", str(db), "--format", args.format, "-o", str(out), "--fail-on", "never"]
    cmd += ["--jobs", str(args.jobs), "--allow-skipped"]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=db.parent, env=env, stdout=err, stderr=err)
        status, usage, timed_out = wait_for(proc, args.timeout)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read()
    match = None if timed_out else SUMMARY_RE.search(text)
    findings = int(match.group(4).replace(",", "")) if match else None
    claims = int(match.group(2).replace(",", "")) if match else None
    rss = usage.ru_maxrss / 1024
    return Run(seconds, rss, proc.returncode, findings, claims, text, timed_out)


def db_mb(db: Path) -> float:
    files = [db, Path(f"{db}-wal"), Path(f"{db}-shm")]
    return sum(f.stat().st_size for f in files if f.exists()) / 1e6


@dataclass
class Row:
    size: int
    first: Run
    second: Run
    db_mb: float
    gen_seconds: float


def bench_size(size: int, work: Path, args) -> Row:
    corpus = work / f"corpus-{size}"
    start = time.perf_counter()
    if not corpus.exists():
        write_corpus(corpus, size, seed=args.seed)
    gen = time.perf_counter() - start
    db = work / f"scale-{size}.db"
    for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        stale.unlink(missing_ok=True)
    first = run_once(corpus, args.rules, db, args)
    check_run(first, size, "first")
    second = first if first.timed_out else run_once(corpus, args.rules, db, args)
    check_run(second, size, "second")
    return Row(size, first, second, db_mb(db), gen)


def check_run(run: Run, size: int, which: str) -> None:
    if run.timed_out:
        return
    if run.returncode not in (0, 1) or run.findings is None:
        tail = "\n".join(run.stderr.splitlines()[-15:])
        sys.exit(f"{which} run at {size} articles failed (exit {run.returncode}):\n{tail}")


def exponent(prev: Row | None, row: Row) -> str:
    if prev is None or prev.first.seconds <= 0 or prev.first.timed_out or row.first.timed_out:
        return "-"
    growth = math.log(row.first.seconds / prev.first.seconds)
    return f"{growth / math.log(row.size / prev.size):.2f}"


HEADER = ["articles", "first s", "second s", "2nd/1st", "peak MB", "db MB", "claims",
          "findings", "exponent"]  # fmt: skip


def _count(n: int | None) -> str:
    return "-" if n is None else f"{n:,}"


def table(rows: list[Row]) -> str:
    lines = [HEADER]
    for prev, row in zip([None, *rows], rows, strict=False):
        lines.append(
            [
                f"{row.size:,}",
                row.first.time_text(),
                "-" if row.first.timed_out else row.second.time_text(),
                "-" if row.second.timed_out else f"{row.second.seconds / row.first.seconds:.3f}",
                f"{max(row.first.max_rss_mb, row.second.max_rss_mb):.0f}",
                f"{row.db_mb:.1f}",
                _count(row.first.claims),
                _count(row.first.findings),
                exponent(prev, row),
            ]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]
    out = ["  ".join(c.rjust(w) for c, w in zip(line, widths, strict=True)) for line in lines]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def parse_args(argv: list[str] | None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    p.add_argument("--jobs", type=int, default=1, help="--jobs of factcheck run")
    p.add_argument("--rules", type=Path, default=RULES, help="rules file or folder")
    p.add_argument("--keep", type=Path, help="keep corpora and databases in this folder")
    p.add_argument("--format", default="json", help="report format of the runs (to a file)")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument(
        "--timeout",
        type=float,
        help="kill a run after this many seconds: shown as >T, and larger sizes are not run",
    )
    p.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.rules = args.rules.resolve()
    work = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    work = work.resolve()
    rows: list[Row] = []
    try:
        for size in sorted(args.sizes):
            rows.append(bench_size(size, work, args))
            r = rows[-1]
            print(
                f"{size:,} articles: generated in {r.gen_seconds:.1f} s, "
                f"first {r.first.time_text()} s, second {r.second.time_text()} s",
                file=sys.stderr,
                flush=True,
            )
            if r.first.timed_out or r.second.timed_out:
                break
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    sys.stderr.flush()
    print(f"factcheck run --jobs {args.jobs} --rules {args.rules.name} (peak MB: largest process)")
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps([as_dict(r) for r in rows], indent=2) + "\n")
    return 0


def as_dict(row: Row) -> dict:
    return {
        "articles": row.size,
        "first_s": round(row.first.seconds, 3),
        "second_s": round(row.second.seconds, 3),
        "timed_out": row.first.timed_out or row.second.timed_out,
        "peak_mb": round(max(row.first.max_rss_mb, row.second.max_rss_mb), 1),
        "db_mb": round(row.db_mb, 2),
        "claims": row.first.claims,
        "findings": row.first.findings,
    }


if __name__ == "__main__":
    sys.exit(main())
