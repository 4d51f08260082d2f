"""Opening the database file: refusing what cannot hold results, connecting, transactions,
and SQLite's errors turned into StoreError (each the user's to fix)."""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import urllib.parse

from ..errors import StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_LOCK_TIMEOUT = 10.0  # seconds to wait for another run to release the database


def check_path(path: str) -> None:
    """Refuse a database path that cannot hold results (empty, in-memory)."""
    if not path or not path.strip():
        raise StoreError("--db is empty; give a database file, e.g. --db factcheck.db")
    if path == ":memory:" or path.startswith("file:"):
        raise StoreError(f"{path}: give a database file; results kept in memory would be lost")


def refuse_foreign_file(path: str, readonly: bool = False) -> None:
    """StoreError for a path that is a folder, in a missing folder, or not an SQLite file."""
    check_path(path)
    if os.path.isdir(path):
        raise StoreError(f"{path}: is a folder; give a database file with --db")
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        raise StoreError(f"{path}: folder {parent} does not exist")
    if not os.path.exists(path) and not readonly:
        if not os.access(parent, os.W_OK):
            raise StoreError(f"{path}: cannot create the database, folder {parent} is not writable")
        return
    if os.path.getsize(path) == 0:
        return
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError as e:
        raise StoreError(f"{path}: cannot read the database ({e.strerror})") from None
    if head != SQLITE_MAGIC:
        raise StoreError(
            f"{path}: is not an SQLite database; it was left untouched. "
            "Pass another file with --db."
        )


def connect(
    path: str, timeout: float, readonly: bool, immutable: bool = False
) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are begun explicitly).

    immutable (read-only only): the caller knows no write-ahead log holds changes and
    no run can write the file while it reads (it holds `lock.read_lock`). Read as
    immutable, SQLite creates no -wal or -shm file, so a database in a folder we may
    not write can be read.
    """
    if not readonly:
        return sqlite3.connect(path, timeout=timeout, isolation_level=None)
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro"
    if immutable:
        return sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
    return sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)


def store_error(path: str, e: Exception) -> StoreError:
    """The StoreError a user reads for an error of SQLite's on the database at path."""
    text = str(e)
    if "locked" in text or "busy" in text:
        return StoreError(
            f"{path}: the database is locked by another factcheck run; "
            "wait for it to finish or use another --db"
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreError(
            f"{path}: cannot write the database ({text}); earlier results are unchanged. "
            "Check its permissions, or pass another file with --db."
        )
    if "full" in text:
        return StoreError(
            f"{path}: the disk is full ({text}); earlier results are unchanged. "
            "Free some space and run again."
        )
    return StoreError(
        f"{path}: the database is corrupt or unreadable ({text}); it was left untouched"
    )


def database_errors(cls):
    """Make every public method of cls raise StoreError, never sqlite3's errors.

    Corruption, a full disk or a file made read-only can surface in any query,
    not only when the database is opened; each is the user's to fix.
    """

    def wrap(fn):
        @functools.wraps(fn)
        def method(self, *args, **kwargs):
            try:
                return fn(self, *args, **kwargs)
            except (sqlite3.Error, UnicodeDecodeError) as e:  # a corrupt page can hold bad text
                error = store_error(self.path, e)
            # raised outside the handler, so it holds no traceback of SQLite's error: that
            # one's frames keep the failed query's cursor, and so the database, open
            raise error

        return method

    for name, fn in list(vars(cls).items()):
        if callable(fn) and not name.startswith("_") and name != "transaction":
            setattr(cls, name, wrap(fn))
    return cls


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection, path: str):
    """One write transaction (BEGIN IMMEDIATE ... COMMIT); inside another, part of it.

    Not sqlite-utils' `db.atomic()`: it begins a deferred transaction, and a
    run's transactions read before they write. In WAL mode a deferred reader
    that then writes after another connection committed fails at once with
    SQLITE_BUSY, without the busy timeout; BEGIN IMMEDIATE takes the write lock
    first, so a second writer waits. It also turns a failed COMMIT (a full
    disk, a read-only file) into StoreError, and a failed ROLLBACK never hides
    the error that caused it.
    """
    if conn.in_transaction:
        yield
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:
        raise store_error(path, e) from None
    try:
        yield
    except sqlite3.Error as e:
        _rollback(conn)
        raise store_error(path, e) from None
    except BaseException:
        _rollback(conn)
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as e:
        _rollback(conn)
        raise store_error(path, e) from None


def _rollback(conn: sqlite3.Connection) -> None:
    # After a full disk or an I/O error SQLite may have rolled back already;
    # a failed ROLLBACK must not hide the error that caused it.
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
