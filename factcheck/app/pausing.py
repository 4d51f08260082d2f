"""A pause at a named step of a run, for tests that read or kill a run at a known point.

Tests only: with the environment variable FACTCHECK_TEST_PAUSE set to a comma-separated
list of step names (or `*` for every step), a run writes `paused at STEP` on standard
error when it reaches one of them and waits for a line on standard input before it goes
on. Unset, as it always is outside the tests, a step costs one lookup of the variable.

The steps, in the order a run reaches them: `documents-stored` (after each chunk of
extracted documents is stored), `documents-removed`, `matches-refreshed`,
`facts-checked` and `run-saved` (the run's findings written, not yet committed).
"""

from __future__ import annotations

import os
import sys

PAUSE_ENV = "FACTCHECK_TEST_PAUSE"


def step(name: str) -> None:
    """Pause at this step when the tests asked to (see the module's doc)."""
    wanted = os.environ.get(PAUSE_ENV)
    if not wanted or (wanted != "*" and name not in wanted.split(",")):
        return
    sys.stderr.write(f"paused at {name}\n")
    sys.stderr.flush()
    sys.stdin.readline()
