"""A corrupt database that a run refuses is left byte for byte as it was.

The database of a real run (the seeds and an article that contradicts them) is
damaged 40 ways, seeded: bytes flipped past the header, the file cut short, a
page zeroed. The next run, on a corpus with one more article, either works or
exits 2 saying the database was left untouched, and then the file's bytes are
unchanged and no -wal or -journal file is left beside it.
"""

from __future__ import annotations

import gc
import hashlib
import random

import pytest
from click.testing import CliRunner

from factcheck.cli import cli

PAGE = 4096


def _damaged(good: bytes, seed: int) -> bytes:
    raw = bytearray(good)
    rnd = random.Random(seed)
    how = seed % 3
    if how == 0:  # bytes flipped anywhere past the 100-byte header
        for _ in range(rnd.choice([1, 8, 64])):
            raw[rnd.randrange(100, len(raw))] = rnd.randrange(256)
    elif how == 1:  # cut short, as by a full disk or a copy stopped half-way
        del raw[rnd.randrange(PAGE, len(raw)) :]
    else:  # one page zeroed
        page = rnd.randrange(1, len(raw) // PAGE)
        raw[page * PAGE : (page + 1) * PAGE] = bytes(PAGE)
    return bytes(raw)


@pytest.fixture
def good_database(project) -> bytes:
    (project / "seeds" / "005.txt").write_text(
        "About 12,000 U.S. troops are in Iraq now, officials in Baghdad said on Tuesday.\n",
        encoding="utf-8",
    )
    assert CliRunner().invoke(cli, ["run"]).exit_code == 1
    (project / "seeds" / "006.txt").write_text(
        "Some 9,000 U.S. troops are in Iraq now, the Pentagon’s spokesman said.\n",
        encoding="utf-8",
    )
    return (project / "factcheck.db").read_bytes()


FAST = (11, 20, 27)  # three the store wrote to before it said so; the 37 others are slow
SEEDS = [pytest.param(s, marks=() if s in FAST else pytest.mark.slow) for s in range(40)]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_refused_corrupt_database_is_left_byte_for_byte(project, good_database, seed):
    db = project / "factcheck.db"
    damaged = _damaged(good_database, seed)
    db.write_bytes(damaged)
    result = CliRunner().invoke(cli, ["run"])
    code, stderr, output = result.exit_code, result.stderr, result.output
    del result
    gc.collect()  # what the process's end would let go of
    assert "Traceback" not in output
    assert code in (0, 1, 2), output
    if code == 2:
        assert stderr.startswith("Error: factcheck.db: "), stderr
        assert "left untouched" in stderr, stderr
        assert hashlib.sha256(db.read_bytes()).hexdigest() == hashlib.sha256(damaged).hexdigest()
        left = sorted(p.name for p in project.iterdir() if p.name.startswith("factcheck.db-"))
        assert left == []
