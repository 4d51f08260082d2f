"""The run lock: one run at a time holds a database, and readers of an idle one share it."""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
import tempfile
import time

from ..errors import StoreError
from . import connection


@contextlib.contextmanager
def run_lock(path: str, timeout: float | None = None):
    """Hold the run lock of the database at `path` for a whole run.

    SQLite's own locks guard one transaction; two runs interleaving their
    transactions on one database could each see half the other's documents
    and report a false pass. The lock is an flock on `REAL.lock` beside the file
    a symbolic link leads to, and, for a database that exists, one keyed on the
    file's identity (device and inode) in the temporary folder, so a run through a
    symlink or a hard link waits for one through the file's own name. The kernel
    releases them when the process ends however it ends (so a killed run never
    leaves a stale lock). A second run waits up to `timeout` seconds (10 by
    default), then fails with StoreError.
    """
    connection.refuse_foreign_file(path)  # before creating REAL.lock next to it
    timeout = connection.DEFAULT_LOCK_TIMEOUT if timeout is None else timeout
    with contextlib.ExitStack() as held:
        for n, lock_path in enumerate(_lock_paths(path)):
            fd = _open_lock(lock_path, required=n == 0)
            if fd is None:
                continue  # a shared temporary folder another user locked down
            held.callback(os.close, fd)  # closing releases the lock
            _acquire(fd, path, timeout)
        yield


def _lock_paths(path: str) -> list[str]:
    """The lock files of a database: beside its real path, and by its identity."""
    real = os.path.realpath(path)
    paths = [real + ".lock"]
    try:
        st = os.stat(real)
    except OSError:
        return paths  # a new database: no other name can lead to it yet
    folder = os.path.join(tempfile.gettempdir(), "factcheck-locks")
    with contextlib.suppress(OSError):
        os.mkdir(folder)
        os.chmod(folder, 0o1777)  # every user's runs lock here, as in /tmp itself
    paths.append(os.path.join(folder, f"{st.st_dev}-{st.st_ino}.lock"))
    return paths


def _open_lock(lock_path: str, required: bool = True) -> int | None:
    try:
        return os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as e:
        if not required:
            return None
        raise StoreError(f"{lock_path}: cannot create the run lock ({e.strerror})") from None


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


def read_lock(path: str) -> list[int] | None:
    """Shared locks on the run lock files of the database at `path`, or None while a run
    holds one: a reader holding them knows no run writes the file until it lets them go
    (os.close of each). Created only in the temporary folder, never beside the database,
    whose folder a reader may not write; a lock file that cannot be opened is passed over.
    """
    fds: list[int] = []
    for n, lock_path in enumerate(_lock_paths(path)):
        flags = os.O_RDONLY if n == 0 else os.O_RDONLY | os.O_CREAT
        try:
            fd = os.open(lock_path, flags, 0o666)
        except OSError:
            continue  # none beside the database: no run made one there
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:  # a run holds it
            for held in [*fds, fd]:
                os.close(held)
            return None
        except OSError:  # a file system that cannot lock: passed over
            os.close(fd)
            continue
        fds.append(fd)
    return fds


def open_reader(path: str, timeout: float) -> tuple[sqlite3.Connection, list[int]]:
    """A read-only connection to the database, and the shared run locks it holds.

    While no write-ahead log exists and no run holds the run lock, the file is read as
    immutable (no -wal or -shm made beside it, so a read-only folder works) under the
    shared locks, so no run can change it meanwhile; the caller closes them (os.close)
    when done. Otherwise it is read through the log, holding no lock.
    """
    if not os.path.exists(path + "-wal"):
        held = read_lock(path)
        if held is not None:
            try:
                return connection.connect(path, timeout, True, immutable=True), held
            except BaseException:
                for fd in held:
                    os.close(fd)
                raise
    return connection.connect(path, timeout, True), []
