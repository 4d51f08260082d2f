"""How long `factcheck --help` and `factcheck rules lint` take to start, against a baseline.

Runs each command in fresh processes, alternating this checkout and a baseline
checkout (another version of factcheck, e.g. a `git worktree` of an older
commit) so that both see the same machine load, and prints the median time of
each and their ratio (this / baseline), with the spread (lowest and highest of
the per-round ratios):

    git worktree add /tmp/factcheck-base 4283a2b
    python bench/startup.py --baseline /tmp/factcheck-base            # 20 rounds
    python bench/startup.py --baseline /tmp/factcheck-base --rounds 50

Without --baseline it prints this checkout's times alone. The interpreter is
the one running this script; each checkout is put first on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "factcheck --help": ["--help"],
    "factcheck rules lint rules": ["rules", "lint", "rules"],
}


def timed(checkout: Path, args: list[str]) -> float:
    """Seconds one `python -m factcheck ARGS` takes, run from the checkout's root."""
    env = dict(os.environ, PYTHONPATH=str(checkout))
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        cwd=checkout,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - started


def measure(checkouts: list[Path], args: list[str], rounds: int) -> list[list[float]]:
    """Per checkout, the time of each round; the checkouts take turns within a round."""
    times: list[list[float]] = [[] for _ in checkouts]
    for _ in range(rounds):
        for i, checkout in enumerate(checkouts):
            times[i].append(timed(checkout, args))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="another factcheck checkout to compare")
    parser.add_argument("--rounds", type=int, default=20)
    opts = parser.parse_args(argv)
    checkouts = [ROOT] + ([opts.baseline.resolve()] if opts.baseline else [])
    print(f"{opts.rounds} rounds, {sys.executable}")
    for name, args in COMMANDS.items():
        times = measure(checkouts, args, opts.rounds)
        line = f"{name:28} this {statistics.median(times[0]) * 1000:6.0f} ms"
        if opts.baseline:
            ratios = [a / b for a, b in zip(times[0], times[1], strict=True)]
            line += (
                f"   baseline {statistics.median(times[1]) * 1000:6.0f} ms"
                f"   ratio {statistics.median(ratios):.2f}"
                f" (spread {min(ratios):.2f}-{max(ratios):.2f})"
            )
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
