"""The run lock: one run at a time holds a database."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time

from ..errors import StoreError
from . import connection


@contextlib.contextmanager
def run_lock(path: str, timeout: float | None = None):
    """Hold the run lock of the database at `path` for a whole run.

    SQLite's own locks guard one transaction; two runs interleaving their
    transactions on one database could each see half the other's documents
    and report a false pass. The lock is an flock on `PATH.lock`, released
    by the kernel when the process ends however it ends (so a killed run
    never leaves a stale lock). A second run waits up to `timeout` seconds
    (10 by default), then fails with StoreError.
    """
    connection.refuse_foreign_file(path)  # before creating PATH.lock next to it
    timeout = connection.DEFAULT_LOCK_TIMEOUT if timeout is None else timeout
    lock_path = path + ".lock"
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise StoreError(f"{lock_path}: cannot create the run lock ({e.strerror})") from None
    try:
        _acquire(fd, path, timeout)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _acquire(fd: int, path: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"{path}: another factcheck run is using the database "
                    f"(waited {timeout:g} s); wait for it to finish or use another --db"
                ) from None
            time.sleep(0.05)
