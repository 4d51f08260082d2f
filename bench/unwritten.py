"""Checking with no rules and `factcheck suggest`, against a run with the shipped rules.

Writes the generated corpus of `bench/scale.py` (`scale_corpus.write_corpus`:
deterministic, 1,000 articles per subfolder, so 10,000 articles are ten story
folders) and runs, each in a fresh process with a fresh database:

  rules      factcheck run CORPUS --rules bench/scale_rules.yaml   (the baseline)
  no rules   factcheck run CORPUS   (from a folder with no ./rules: the built-in
             templates and the facts suggested from the corpus, by story folder)
  again      the same no-rules run, unchanged, on its database
  suggest    factcheck suggest CORPUS --format json   (to a file)

and prints, for each, the wall time, its ratio to the baseline's, the peak
memory (RSS, from wait4) and the findings (runs) or facts (suggest). The
target of issue 24: suggest and the no-rules run take at most twice the
baseline's time.

    python bench/unwritten.py                      # 10,000 articles
    python bench/unwritten.py --articles 1000 --json unwritten.json
"""

from __future__ import annotations

import argparse
import json
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
from scale import wait_for  # noqa: E402
from scale_corpus import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RULES = Path(__file__).resolve().parent / "scale_rules.yaml"
TARGET = 2.0
SUMMARY_RE = re.compile(
    r"([\d,]+) documents?, ([\d,]+) claims?, ([\d,]+) facts? checked, ([\d,]+) findings?"
)


@dataclass
class Timed:
    name: str
    command: str
    seconds: float
    peak_mb: float
    returncode: int
    findings: int | None  # a run's findings, or suggest's facts
    facts: int | None  # a run's facts checked
    output: str


def timed(name: str, cmd: list[str], cwd: Path, stdout: Path | None = None) -> Timed:
    """One command in a fresh process: its wall time and peak RSS (wait4)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with tempfile.TemporaryFile("w+") as err:
        out = open(stdout, "w") if stdout else err  # noqa: SIM115
        try:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err)
            status, usage, _ = wait_for(proc, None)
            seconds = time.perf_counter() - start
        finally:
            if stdout:
                out.close()
        err.seek(0)
        text = err.read()
    code = os.waitstatus_to_exitcode(status)
    shown = " ".join(cmd[2:]).replace(str(cwd) + "/", "")
    match = SUMMARY_RE.search(text)
    findings = int(match.group(4).replace(",", "")) if match else None
    facts = int(match.group(3).replace(",", "")) if match else None
    return Timed(name, shown, seconds, usage.ru_maxrss / 1024, code, findings, facts, text)


def factcheck(*args: str) -> list[str]:
    return [sys.executable, "-m", "factcheck", *args]


def run_args(corpus: Path, db: Path) -> list[str]:
    out = db.with_suffix(".json")
    return ["run", str(corpus), "--db", str(db), "--format", "json", "-o", str(out),
            "--fail-on", "never", "--allow-skipped"]  # fmt: skip


def bench(work: Path, corpus: Path, args) -> list[Timed]:
    """The four commands on the corpus, each with its own database under work."""
    done = []
    base = work / "rules"
    base.mkdir()
    cmd = factcheck(*run_args(corpus, base / "f.db"), "--rules", str(args.rules))
    done.append(timed("rules", cmd, base))
    bare = work / "norules"  # no ./rules here: the run finds none
    bare.mkdir()
    done.append(timed("no rules", factcheck(*run_args(corpus, bare / "f.db")), bare))
    if not args.no_again:
        done.append(timed("again", factcheck(*run_args(corpus, bare / "f.db")), bare))
    facts = work / "suggest.json"
    done.append(
        timed("suggest", factcheck("suggest", str(corpus), "--format", "json"), work, facts)
    )
    if done[-1].returncode == 0:
        done[-1].findings = len(json.loads(facts.read_text())["facts"])
    for t in done:
        if t.returncode not in (0, 1):
            tail = "\n".join(t.output.splitlines()[-15:])
            sys.exit(f"{t.name} failed (exit {t.returncode}):\n{tail}")
    return done


HEADER = ["command", "seconds", "ratio", "peak MB", "findings/facts", "facts checked"]


def _count(n: int | None) -> str:
    return "-" if n is None else f"{n:,}"


def table(rows: list[Timed]) -> str:
    base = rows[0].seconds
    lines = [HEADER]
    for t in rows:
        lines.append([t.name, f"{t.seconds:.1f}", f"{t.seconds / base:.2f}", f"{t.peak_mb:.0f}",
                      _count(t.findings), _count(t.facts)])  # fmt: skip
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]
    out = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        )
        for line in lines
    ]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def verdict(rows: list[Timed]) -> str:
    base = rows[0].seconds
    late = [t.name for t in rows[1:] if t.name != "again" and t.seconds > TARGET * base]
    if late:
        return f"MISSED: {', '.join(late)} over {TARGET:.0f}x the run with rules"
    return f"ok: no rules and suggest within {TARGET:.0f}x the run with rules"


def parse_args(argv: list[str] | None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10000)
    p.add_argument("--rules", type=Path, default=RULES, help="the baseline's rules")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--keep", type=Path, help="keep the corpus and databases in this new folder")
    p.add_argument("--no-again", action="store_true", help="skip the unchanged no-rules run")
    p.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.rules = args.rules.resolve()
    work = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-unwritten-"))
    work.mkdir(parents=True, exist_ok=args.keep is None)
    work = work.resolve()
    try:
        corpus = work / "corpus"
        write_corpus(corpus, args.articles, seed=args.seed)
        rows = bench(work, corpus, args)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{args.articles:,} articles; ratio: time over the run with --rules {args.rules.name}")
    print(table(rows))
    print(verdict(rows))
    if args.json:
        figures = {"articles": args.articles, "commands": [as_dict(t) for t in rows]}
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


def as_dict(t: Timed) -> dict:
    return {
        "name": t.name,
        "command": t.command,
        "seconds": round(t.seconds, 3),
        "peak_mb": round(t.peak_mb, 1),
        "findings": t.findings,
        "facts": t.facts,
    }


if __name__ == "__main__":
    sys.exit(main())
