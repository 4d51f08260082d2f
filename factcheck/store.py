"""The SQLite store, through sqlite-utils. The only module that talks to SQLite.

The schema is created and upgraded by the named migrations in `MIGRATIONS`,
each recorded in `_factcheck_migrations` when applied, so a database made by an
older version upgrades itself when opened. A file that is not a factcheck
database is refused and left untouched.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import asdict, fields

import sqlite_utils

from .errors import StoreError
from .model import Claim, Conflict, Document

MIGRATIONS_TABLE = "_factcheck_migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_LOCK_TIMEOUT = 10.0  # seconds to wait for another run to release the database

CLAIM_FIELDS = [f.name for f in fields(Claim)]
CLAIM_PK = ("doc", "start", "end")

_migrations: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = []


def migration(fn: Callable[[sqlite_utils.Database], None]):
    """Register a schema migration; its function name is its permanent name."""
    _migrations.append((fn.__name__, fn))
    return fn


@migration
def m001_initial(db: sqlite_utils.Database) -> None:
    db["documents"].create(
        {
            "path": str,
            "sha256": str,
            "title": str,
            "published": str,
            "encoding": str,
            "chars": int,
            "extractor_version": str,
        },
        pk="path",
    )
    claim_cols = {
        "doc": str,
        "start": int,
        "end": int,
        "text": str,
        "kind": str,
        "value": float,
        "low": float,
        "high": float,
        "qualifier": str,
        "unit": str,
        "noun": str,
        "sentence": str,
        "line": int,
        "si_value": float,
        "si_unit": str,
        "dimension": str,
        "interval_low": float,
        "interval_high": float,
        "time": str,
        "time_source": str,
        "context": str,
    }
    db["claims"].create(claim_cols, pk=CLAIM_PK, foreign_keys=[("doc", "documents", "path")])
    db["claims"].create_index(["kind"])
    db["rules"].create(
        {
            "id": str,
            "file": str,
            "line": int,
            "title": str,
            "severity": str,
            "description": str,
            "spec": str,
        },
        pk="id",
    )
    db["matches"].create(
        {"rule_id": str, "doc": str, "start": int, "end": int},
        pk=("rule_id", "doc", "start", "end"),
    )
    db["conflicts"].create(
        {
            "id": str,
            "rule_id": str,
            "severity": str,
            "check": str,
            "reason": str,
            "status": str,
            "left_doc": str,
            "left_start": int,
            "left_end": int,
            "right_doc": str,
            "right_start": int,
            "right_end": int,
            "details": str,
            "run_id": int,
        },
        pk="id",
    )
    db["runs"].create(
        {
            "id": int,
            "started": str,
            "finished": str,
            "paths": str,
            "documents": int,
            "claims": int,
            "facts": int,
            "conflicts": int,
            "skipped": str,
        },
        pk="id",
    )


@migration
def m002_reviews(db: sqlite_utils.Database) -> None:
    # Review decisions outlive runs: a run replaces conflicts, never reviews.
    db["reviews"].create(
        {"conflict_id": str, "status": str, "reason": str, "decided": str},
        pk="conflict_id",
    )


MIGRATIONS = _migrations


class Store:
    """A factcheck database: documents, claims, rules, matches, conflicts and runs."""

    def __init__(self, path: str, lock_timeout: float = DEFAULT_LOCK_TIMEOUT):
        self.path = path
        _refuse_foreign_file(path)
        try:
            conn = sqlite3.connect(path, timeout=lock_timeout, isolation_level=None)
            self.db = sqlite_utils.Database(conn)
            self._check_integrity()
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise _store_error(path, e) from None

    # -- opening -------------------------------------------------------
    def _check_integrity(self) -> None:
        tables = set(self.db.table_names())
        if tables and MIGRATIONS_TABLE not in tables:
            raise StoreError(
                f"{self.path}: is an SQLite database but not a factcheck database "
                f"(tables: {', '.join(sorted(tables)[:5])}); it was left untouched. "
                "Pass another file with --db."
            )
        if tables:
            row = self.db.execute("PRAGMA quick_check").fetchone()
            if row and row[0] != "ok":
                raise StoreError(
                    f"{self.path}: the database is corrupt ({row[0]}); it was left untouched. "
                    "Move it away and run again to rebuild it from the articles."
                )

    def _migrate(self) -> None:
        with self.transaction():
            self.db[MIGRATIONS_TABLE].create(
                {"name": str, "applied": int}, pk="name", if_not_exists=True
            )
            done = {r["name"] for r in self.db[MIGRATIONS_TABLE].rows}
            for order, (name, fn) in enumerate(MIGRATIONS, 1):
                if name not in done:
                    fn(self.db)
                    self.db[MIGRATIONS_TABLE].insert({"name": name, "applied": order})

    def applied_migrations(self) -> list[str]:
        """Names of the migrations this database has, in order."""
        return [
            r["name"] for r in self.db[MIGRATIONS_TABLE].rows_where(order_by="applied")
        ]

    def transaction(self):
        """A context manager for one write transaction (BEGIN IMMEDIATE ... COMMIT)."""
        return _Transaction(self)

    def close(self) -> None:
        self.db.conn.close()

    # -- documents and claims -------------------------------------------
    def document_state(self, path: str) -> tuple[str, str] | None:
        """(sha256, extractor_version) of a stored document, or None."""
        row = self.db.execute(
            "select sha256, extractor_version from documents where path = ?", [path]
        ).fetchone()
        return (row[0], row[1]) if row else None

    def save_document(self, doc: Document, claims: Iterable[Claim], extractor_version: str) -> None:
        """Replace a document and all its claims, in one transaction."""
        rows = [_claim_row(c) for c in claims]
        with self.transaction():
            self.db["documents"].upsert(
                {
                    "path": doc.path,
                    "sha256": doc.sha256,
                    "title": doc.title,
                    "published": doc.published,
                    "encoding": doc.encoding,
                    "chars": len(doc.text),
                    "extractor_version": extractor_version,
                },
                pk="path",
            )
            self.db.execute("delete from claims where doc = ?", [doc.path])
            if rows:
                self.db["claims"].insert_all(rows, pk=CLAIM_PK)

    def update_document_meta(self, doc: Document) -> None:
        """Refresh a document's title and date when only its metadata changed."""
        with self.transaction():
            self.db.execute(
                "update documents set title = ?, published = ? where path = ?",
                [doc.title, doc.published, doc.path],
            )

    def remove_documents_except(self, keep: Iterable[str]) -> list[str]:
        """Delete documents (and their claims) that are not in keep; return their paths."""
        keep = set(keep)
        gone = [r[0] for r in self.db.execute("select path from documents") if r[0] not in keep]
        with self.transaction():
            for path in gone:
                self.db.execute("delete from claims where doc = ?", [path])
                self.db.execute("delete from documents where path = ?", [path])
        return sorted(gone)

    def documents(self) -> list[dict]:
        """Stored documents, by path."""
        return list(self.db["documents"].rows_where(order_by="path"))

    def claims(self, docs: Iterable[str] | None = None, kind: str | None = None) -> list[Claim]:
        """Stored claims in document order, optionally only some documents or one kind."""
        where, params = [], []
        if docs is not None:
            docs = list(docs)
            where.append(f"doc in ({', '.join('?' for _ in docs)})")
            params.extend(docs)
        if kind:
            where.append("kind = ?")
            params.append(kind)
        sql = "select * from claims"
        if where:
            sql += " where " + " and ".join(where)
        sql += ' order by doc, start, "end"'
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [_claim_from_row(dict(zip(names, r, strict=True))) for r in cursor]

    # -- results ----------------------------------------------------------
    def save_results(
        self,
        run: dict,
        rules: list[dict],
        matches: list[tuple[str, Claim]],
        conflicts: list[Conflict],
    ) -> int:
        """Replace rules, matches and conflicts with one run's, atomically; return the run id."""
        with self.transaction():
            run_id = self.db["runs"].insert(run).last_pk
            self.db.execute("delete from rules")
            self.db.execute("delete from matches")
            self.db.execute("delete from conflicts")
            if rules:
                self.db["rules"].insert_all(rules, pk="id")
            if matches:
                self.db["matches"].insert_all(
                    (
                        {"rule_id": rid, "doc": c.doc, "start": c.start, "end": c.end}
                        for rid, c in matches
                    ),
                    pk=("rule_id", "doc", "start", "end"),
                    ignore=True,
                )
            if conflicts:
                self.db["conflicts"].insert_all(
                    (_conflict_row(c, run_id) for c in conflicts), pk="id"
                )
        return run_id

    def conflict_rows(self) -> list[dict]:
        """Stored conflicts of the last completed run, by id."""
        return list(self.db["conflicts"].rows_where(order_by="id"))


class _Transaction:
    def __init__(self, store: Store):
        self.conn = store.db.conn
        self.store = store

    def __enter__(self):
        if self.conn.in_transaction:
            self.nested = True
            return self
        self.nested = False
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise _store_error(self.store.path, e) from None
        return self

    def __exit__(self, exc_type, exc, tb):
        if self.nested:
            return False
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.OperationalError as e:
                self.conn.execute("ROLLBACK")
                raise _store_error(self.store.path, e) from None
        else:
            self.conn.execute("ROLLBACK")
        return False


def _refuse_foreign_file(path: str) -> None:
    if os.path.isdir(path):
        raise StoreError(f"{path}: is a folder; give a database file with --db")
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        raise StoreError(f"{path}: folder {parent} does not exist")
    if not os.path.exists(path):
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
            f"{path}: is not an SQLite database; it was left untouched. Pass another file with --db."
        )


def _store_error(path: str, e: Exception) -> StoreError:
    text = str(e)
    if "locked" in text or "busy" in text:
        return StoreError(
            f"{path}: the database is locked by another factcheck run; "
            "wait for it to finish or use another --db"
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreError(f"{path}: cannot write the database ({text})")
    return StoreError(f"{path}: the database is corrupt or unreadable ({text}); it was left untouched")


def _claim_row(c: Claim) -> dict:
    return asdict(c)


def _claim_from_row(row: dict) -> Claim:
    return Claim(**{k: row[k] for k in CLAIM_FIELDS})


def _conflict_row(c: Conflict, run_id: int) -> dict:
    right = c.right
    return {
        "id": c.id,
        "rule_id": c.rule_id,
        "severity": c.severity,
        "check": c.check,
        "reason": c.reason,
        "status": c.status,
        "left_doc": c.left.doc,
        "left_start": c.left.start,
        "left_end": c.left.end,
        "right_doc": right.doc if right else None,
        "right_start": right.start if right else None,
        "right_end": right.end if right else None,
        "details": json.dumps(c.details, sort_keys=True),
        "run_id": run_id,
    }
