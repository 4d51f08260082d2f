"""The SQLite store, through sqlite-utils. The only module that talks to SQLite.

The schema is created and upgraded by the named migrations in `MIGRATIONS`,
each recorded in `_factcheck_migrations` when applied, so a database made by an
older version upgrades itself when opened. A file that is not a factcheck
database is refused and left untouched.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import json
import os
import sqlite3
import time
import urllib.parse
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from typing import NamedTuple

import sqlite_utils

from .errors import InputError, StoreError
from .model import Claim, Conflict, Document

MIGRATIONS_TABLE = "_factcheck_migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"
CACHE_KB = 65536  # the page cache of a writing connection (64 MB)
DEFAULT_LOCK_TIMEOUT = 10.0  # seconds to wait for another run to release the database
# the small tables checked on opening (see Store._check_integrity)
CHECKED_TABLES = {MIGRATIONS_TABLE, "rules", "runs", "reviews", "selections"}

CLAIM_FIELDS = [f.name for f in fields(Claim)]
CLAIM_PK = ("doc", "start", "end")
# A claim's sentence and context are stored once per document in `sentences`
# (m004_sentences) and referred to by number: one long line holding 2,000
# figures would otherwise be stored 4,000 times. The Claim record is unchanged.
TEXT_REFS = {"sentence": "sentence_id", "context": "context_id"}
_STORED = [TEXT_REFS.get(name, name) for name in CLAIM_FIELDS]
_INSERT_CLAIM = "insert into claims ({}) values ({})".format(
    ", ".join(f'"{f}"' for f in _STORED), ", ".join("?" for _ in _STORED)
)


def _claim_select() -> str:
    """`select` of every Claim field in order, the texts joined back from `sentences`."""
    cols = []
    for name in CLAIM_FIELDS:
        if name in TEXT_REFS:
            cols.append(f"coalesce({name}_text.text, '')")
        else:
            cols.append(f'claims."{name}"')
    joins = " ".join(
        f"left join sentences {name}_text on {name}_text.doc = claims.doc"
        f" and {name}_text.n = claims.{ref}"
        for name, ref in TEXT_REFS.items()
    )
    return f"select {', '.join(cols)} from claims {joins}"


CLAIM_SELECT = _claim_select()

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


# Views for browsing the database (sqlite3, Datasette): each conflict with
# both claims' text, sentence, line and document, and the reviewed status.
CLAIM_DOCUMENTS_SQL = """
select
  claims.doc, claims.line, claims.start, claims."end", claims.text, claims.kind,
  claims.value, claims.low, claims.high, claims.qualifier, claims.unit, claims.noun,
  claims.interval_low, claims.interval_high, claims.si_unit, claims.time,
  claims.sentence, documents.title as doc_title, documents.published as doc_published
from claims join documents on documents.path = claims.doc
"""
CONFLICT_DETAILS_SQL = """
select
  conflicts.id, conflicts.rule_id, rules.title as rule_title, conflicts.severity,
  conflicts."check", coalesce(reviews.status, conflicts.status) as status,
  reviews.reason as review_reason, conflicts.reason,
  l.doc as left_doc, l.line as left_line, l.text as left_text,
  l.sentence as left_sentence, ld.published as left_published,
  r.doc as right_doc, r.line as right_line, r.text as right_text,
  r.sentence as right_sentence, rd.published as right_published,
  conflicts.details, conflicts.run_id
from conflicts
left join rules on rules.id = conflicts.rule_id
left join reviews on reviews.conflict_id = conflicts.id
left join claims l on l.doc = conflicts.left_doc and l.start = conflicts.left_start
  and l."end" = conflicts.left_end
left join documents ld on ld.path = l.doc
left join claims r on r.doc = conflicts.right_doc and r.start = conflicts.right_start
  and r."end" = conflicts.right_end
left join documents rd on rd.path = r.doc
"""


@migration
def m003_views(db: sqlite_utils.Database) -> None:
    db.create_view("claim_documents", CLAIM_DOCUMENTS_SQL.strip())
    db.create_view("conflict_details", CONFLICT_DETAILS_SQL.strip())


CLAIM_DOCUMENTS_SQL_4 = CLAIM_DOCUMENTS_SQL.replace(
    "  claims.sentence, documents.title",
    "  s.text as sentence, documents.title",
).replace(
    "from claims join documents on documents.path = claims.doc",
    "from claims join documents on documents.path = claims.doc\n"
    "left join sentences s on s.doc = claims.doc and s.n = claims.sentence_id",
)
CONFLICT_DETAILS_SQL_4 = (
    CONFLICT_DETAILS_SQL.replace("l.sentence as left_sentence", "ls.text as left_sentence")
    .replace("r.sentence as right_sentence", "rs.text as right_sentence")
    .replace(
        "left join documents ld on ld.path = l.doc",
        "left join documents ld on ld.path = l.doc\n"
        "left join sentences ls on ls.doc = l.doc and ls.n = l.sentence_id",
    )
    .replace(
        "left join documents rd on rd.path = r.doc",
        "left join documents rd on rd.path = r.doc\n"
        "left join sentences rs on rs.doc = r.doc and rs.n = r.sentence_id",
    )
)


@migration
def m004_sentences(db: sqlite_utils.Database) -> None:
    # Each distinct sentence or context text once per document; claims refer to it.
    db["sentences"].create(
        {"doc": str, "n": int, "text": str},
        pk=("doc", "n"),
        foreign_keys=[("doc", "documents", "path")],
    )
    db["claims"].add_column("sentence_id", int)
    db["claims"].add_column("context_id", int)
    conn = db.conn
    numbers: dict[tuple[str, str], int] = {}
    counts: dict[str, int] = {}
    updates = []
    for doc, start, end, sentence, context in conn.execute(
        'select doc, start, "end", sentence, context from claims order by doc, start, "end"'
    ).fetchall():
        ids = []
        for text in (sentence or "", context or ""):
            if (doc, text) not in numbers:
                numbers[(doc, text)] = counts.get(doc, 0)
                counts[doc] = numbers[(doc, text)] + 1
            ids.append(numbers[(doc, text)])
        updates.append((*ids, doc, start, end))
    conn.executemany(
        "insert into sentences (doc, n, text) values (?, ?, ?)",
        [(doc, n, text) for (doc, text), n in numbers.items()],
    )
    conn.executemany(
        "update claims set sentence_id = ?, context_id = ?"
        ' where doc = ? and start = ? and "end" = ?',
        updates,
    )
    # the views read claims.sentence: drop them, drop the columns, make them again
    db["conflict_details"].drop()
    db["claim_documents"].drop()
    db["claims"].transform(drop={"sentence", "context"})
    db.create_view("claim_documents", CLAIM_DOCUMENTS_SQL_4.strip())
    db.create_view("conflict_details", CONFLICT_DETAILS_SQL_4.strip())


@migration
def m005_claim_frames(db: sqlite_utils.Database) -> None:
    # what each figure is about, its role and its speaker (factcheck/extract/frames.py); the
    # extractor version changed with them, so stored documents are extracted again
    db["claims"].add_column("about", str, not_null_default="")
    db["claims"].add_column("role", str, not_null_default="value")
    db["claims"].add_column("speaker", str)


@migration
def m006_incremental_facts(db: sqlite_utils.Database) -> None:
    # Selection kept across runs: `matches` holds what each rule selects, with a
    # hash of each selected claim's content (h1, h2), kept up to date document by
    # document; a document is `matched` once every current rule has looked at its
    # claims. `selections` records which version of each rule the matches are of,
    # `facts` each rule's findings and the fingerprint they were computed for.
    # Everything starts empty here, so the first run after the upgrade selects
    # and checks everything once.
    db.execute("delete from matches")
    db["matches"].add_column("h1", int)
    db["matches"].add_column("h2", int)
    db["matches"].create_index(["doc"], index_name="matches_doc")
    db["conflicts"].create_index(["rule_id"], index_name="conflicts_rule")
    db["documents"].add_column("matched", int, not_null_default=0)
    # the documents saved since the last check, found without reading the others
    db.execute("create index documents_unmatched on documents(path) where matched = 0")
    db["selections"].create({"rule_id": str, "spec": str}, pk="rule_id")
    db["facts"].create(
        {
            "rule_id": str,
            "spec": str,
            "fingerprint": str,
            "findings": str,
            "fact": str,
            "relation_key": str,
            "relations": str,
        },
        pk="rule_id",
    )


@migration
def m007_document_stamps(db: sqlite_utils.Database) -> None:
    # each document's file stamp (documents.file_stamp): a run that finds the same
    # stamp does not read the file again; empty here, so the first run reads everything
    db["documents"].add_column("stamp", str)


MIGRATIONS = _migrations


class DocumentState(NamedTuple):
    """What is stored of a document: enough to tell, without its claims, whether it changed."""

    sha256: str
    extractor_version: str
    title: str | None
    published: str | None
    encoding: str
    stamp: str | None  # documents.file_stamp when it was read; None: read it again


REVIEW_STATUSES = ("accepted", "open")


def _database_errors(cls):
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
                raise _store_error(self.path, e) from None

        return method

    for name, fn in list(vars(cls).items()):
        if callable(fn) and not name.startswith("_") and name != "transaction":
            setattr(cls, name, wrap(fn))
    return cls


@_database_errors
class Store:
    """A factcheck database: documents, claims, rules, matches, conflicts and runs."""

    def __init__(
        self,
        path: str,
        lock_timeout: float | None = None,
        create: bool = True,
        readonly: bool = False,
    ):
        """Open (or create) the database; `readonly` never writes, not even the folder."""
        self.path = path
        check_path(path)
        if (readonly or not create) and not os.path.exists(path):
            raise StoreError(
                f"{path}: no such database; run `factcheck run` first or pass --db FILE"
            )
        _refuse_foreign_file(path, readonly)
        try:
            timeout = DEFAULT_LOCK_TIMEOUT if lock_timeout is None else lock_timeout
            conn = _connect(path, timeout, readonly)
            self.db = sqlite_utils.Database(conn)
            self._check_integrity()
            if readonly:
                self._check_schema(upgrade=False)
                return
            # WAL with synchronous=NORMAL survives a killed process (each document's
            # transaction is either in or out) and makes per-document commits cheap.
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            # SQLite's default page cache is 2 MB: at 100,000 articles the claims'
            # indexes outgrow it and each insert reads pages back from the file.
            conn.execute(f"PRAGMA cache_size=-{CACHE_KB}")
            self._migrate()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as e:
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
            # Not a quick_check of the whole file: that reads every page and was a
            # large part of an unchanged run. Reading the schema (above) refuses a
            # damaged first page; the small tables a run trusts before it reads
            # anything else are checked here, and a damaged page met later fails
            # its query with StoreError (every method is wrapped).
            for table in sorted(CHECKED_TABLES & tables):
                row = self.db.execute(f"PRAGMA quick_check({table})").fetchone()
                if row and row[0] != "ok":
                    raise StoreError(
                        f"{self.path}: the database is corrupt ({row[0]}); it was left "
                        "untouched. Move it away and run again to rebuild it from the articles."
                    )

    def _migrate(self) -> None:
        with self.transaction():
            self.db[MIGRATIONS_TABLE].create(
                {"name": str, "applied": int}, pk="name", if_not_exists=True
            )
            done = self._check_schema(upgrade=True)
            for order, (name, fn) in enumerate(MIGRATIONS, 1):
                if name not in done:
                    fn(self.db)
                    self.db[MIGRATIONS_TABLE].insert({"name": name, "applied": order})

    def _check_schema(self, upgrade: bool) -> set[str]:
        """The applied migrations; StoreError for a newer schema, or an older one read-only."""
        if MIGRATIONS_TABLE not in self.db.table_names():
            done = set()
        else:
            done = {r[0] for r in self.db.execute(f"select name from {MIGRATIONS_TABLE}")}
        known = {name for name, _fn in MIGRATIONS}
        newer = sorted(done - known)
        if newer:
            raise StoreError(
                f"{self.path}: was written by a newer factcheck (schema {', '.join(newer[:3])}); "
                "it was left untouched. Upgrade factcheck, or pass another file with --db."
            )
        if not upgrade and known - done:
            raise StoreError(
                f"{self.path}: was written by an older factcheck; run `factcheck run` once "
                "to upgrade it"
            )
        return done

    def applied_migrations(self) -> list[str]:
        """Names of the migrations this database has, in order."""
        return [r["name"] for r in self.db[MIGRATIONS_TABLE].rows_where(order_by="applied")]

    def transaction(self):
        """A context manager for one write transaction (BEGIN IMMEDIATE ... COMMIT)."""
        return _Transaction(self)

    def close(self) -> None:
        self.db.conn.close()

    # -- documents and claims -------------------------------------------
    def document_states(self) -> dict[str, DocumentState]:
        """Every stored document's state, by path."""
        rows = self.db.execute(
            "select path, sha256, extractor_version, title, published, encoding, stamp"
            " from documents"
        )
        return {r[0]: DocumentState(*r[1:]) for r in rows}

    def save_stamps(self, stamps: Iterable[tuple[str, str]]) -> None:
        """Record (path, stamp) for stored documents read again and found unchanged."""
        with self.transaction():
            self.db.conn.executemany(
                "update documents set stamp = ? where path = ?", [(s, p) for p, s in stamps]
            )

    def save_document(self, doc: Document, claims: Iterable[Claim], extractor_version: str) -> None:
        """Replace a document and all its claims, in one transaction."""
        self.save_documents([(doc, claims)], extractor_version)

    def save_documents(
        self, pairs: Iterable[tuple[Document, Iterable[Claim]]], extractor_version: str
    ) -> None:
        """Replace documents and all their claims, in one transaction.

        A saved document's earlier matches go with its claims, and it is marked
        not yet matched: the next check selects from its claims again.
        """
        # Plain parameterized statements: this runs once per document, and
        # sqlite-utils' per-call table introspection would dominate large corpora.
        with self.transaction():
            for doc, claims in pairs:
                self._save_one(doc, claims, extractor_version)

    def _save_one(self, doc: Document, claims: Iterable[Claim], extractor_version: str) -> None:
        numbers: dict[str, int] = {}
        rows = [
            tuple(
                numbers.setdefault(getattr(c, f), len(numbers)) if f in TEXT_REFS else getattr(c, f)
                for f in CLAIM_FIELDS
            )
            for c in claims
        ]
        self.db.execute(
            "insert or replace into documents (path, sha256, title, published, encoding, "
            "chars, extractor_version, stamp, matched) values (?, ?, ?, ?, ?, ?, ?, ?, 0)",
            [
                doc.path,
                doc.sha256,
                doc.title,
                doc.published,
                doc.encoding,
                len(doc.text),
                extractor_version,
                doc.stamp,
            ],
        )
        for table in ("claims", "sentences", "matches"):
            self.db.execute(f"delete from {table} where doc = ?", [doc.path])
        if rows:
            self.db.conn.executemany(
                "insert into sentences (doc, n, text) values (?, ?, ?)",
                [(doc.path, n, text) for text, n in numbers.items()],
            )
            self.db.conn.executemany(_INSERT_CLAIM, rows)

    def remove_documents_except(
        self, keep: Iterable[str], keep_under: Iterable[str] = ()
    ) -> list[str]:
        """Delete documents (and their claims) that are not in keep; return their paths.

        Documents under a folder of `keep_under` are kept too (a folder that
        could not be listed this time).
        """
        keep = set(keep)
        prefixes = tuple(folder.rstrip("/") + "/" for folder in keep_under)
        gone = [
            r[0]
            for r in self.db.execute("select path from documents")
            if r[0] not in keep and not (prefixes and r[0].startswith(prefixes))
        ]
        if not gone:
            return []
        with self.transaction():
            for path in gone:
                for table in ("claims", "sentences", "matches"):
                    self.db.execute(f"delete from {table} where doc = ?", [path])
                self.db.execute("delete from documents where path = ?", [path])
        return sorted(gone)

    def documents(self) -> list[dict]:
        """Stored documents, by path."""
        return list(self.db["documents"].rows_where(order_by="path"))

    def claims(
        self,
        docs: Iterable[str] | None = None,
        kind: str | None = None,
        rule: str | None = None,
        unmatched: bool = False,
        kinds: Iterable[str] | None = None,
    ) -> list[Claim]:
        """Stored claims in document order, optionally filtered.

        docs: only these documents; kind: only this kind; rule: only the claims
        that rule selected in the last run; unmatched: only claims no rule selected.
        """
        where, params = [], []
        if docs is not None:
            # Filtered here rather than with `doc in (?, ...)`: a corpus can
            # have more documents than SQLite allows parameters.
            wanted = set(docs)
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if kinds is not None:
            kinds = sorted(kinds)
            where.append(f"kind in ({', '.join('?' for _ in kinds)})")
            params.extend(kinds)
        match = (
            "exists (select 1 from matches m where m.doc = claims.doc"
            ' and m.start = claims.start and m."end" = claims."end"{})'
        )
        if rule:
            where.append(match.format(" and m.rule_id = ?"))
            params.append(rule)
        if unmatched:
            where.append("not " + match.format(""))
        sql = CLAIM_SELECT
        if where:
            sql += " where " + " and ".join(where)
        sql += ' order by claims.doc, claims.start, claims."end"'
        # Positional rows straight into Claim: the hot path of an unchanged run.
        shared = _Shared()
        claims = [_claim_from_row(shared.row(row)) for row in self.db.execute(sql, params)]
        if docs is not None:
            claims = [c for c in claims if c.doc in wanted]
        return claims

    def claim_count(self) -> int:
        """How many claims the store holds."""
        return self.db.execute("select count(*) from claims").fetchone()[0]

    def claim(self, doc: str, start: int, end: int) -> Claim | None:
        """One stored claim by its place, or None."""
        row = self.db.execute(
            f'{CLAIM_SELECT} where claims.doc = ? and claims.start = ? and claims."end" = ?',
            [doc, start, end],
        ).fetchone()
        return _claim_from_row(row) if row else None

    # -- what each rule selects, kept across runs ------------------------------
    def refresh_matches(self, specs: dict[str, str], kinds: dict, choose: Callable) -> list[str]:
        """Bring `matches` up to date with the rules; return the ids selected afresh.

        specs: each rule's version (a hash of everything its selection depends
        on); kinds: each rule's kinds, or None for any; choose(claim, ids): the
        ids among ids whose selector picks the claim. A rule whose version
        changed (or a new one) selects from every claim of its kinds; the
        others only from the claims of documents saved since the last check.
        """
        old = dict(self.db.execute("select rule_id, spec from selections").fetchall())
        stale = sorted(r for r in specs if old.get(r) != specs[r])
        kept = sorted(r for r in specs if r not in stale)
        with self.transaction():
            self.db.execute("delete from selections")
            self.db.conn.executemany(
                "insert into selections (rule_id, spec) values (?, ?)", sorted(specs.items())
            )
            self.db.execute(
                "delete from matches where rule_id not in (select rule_id from selections)"
            )
            for rule_id in stale:
                self.db.execute("delete from matches where rule_id = ?", [rule_id])
            if kept:
                new_docs = "claims.doc in (select path from documents where matched = 0)"
                self._select_into(kept, choose, new_docs, [])
            if stale:
                self._select_into(stale, choose, *_kinds_where([kinds[r] for r in stale]))
            self.db.execute("update documents set matched = 1 where matched = 0")
        return stale

    def _select_into(self, rule_ids: list[str], choose: Callable, where: str, params) -> None:
        """Run the selectors over the claims `where` says, a batch at a time, into `matches`."""
        cursor = self.db.conn.execute(f"{CLAIM_SELECT} where {where}", params)
        while rows := cursor.fetchmany(2000):
            found = []
            for row in rows:
                claim = _claim_from_row(row)
                chosen = choose(claim, rule_ids)
                if chosen:
                    h1, h2 = _content_hash(row)
                    found.extend((r, claim.doc, claim.start, claim.end, h1, h2) for r in chosen)
            self.db.conn.executemany(
                'insert or ignore into matches (rule_id, doc, start, "end", h1, h2)'
                " values (?, ?, ?, ?, ?, ?)",
                found,
            )

    def match_fingerprints(self) -> dict[str, str]:
        """Each rule's selection as 'count:sum1:sum2' of its selected claims' content hashes.

        Equal fingerprints mean, but for a 62-bit collision of sums, the same
        claims with the same content: the claims a fact is checked on.
        """
        rows = self.db.execute(
            "select rule_id, count(*), sum(h1), sum(h2) from matches group by rule_id"
        )
        return {r[0]: f"{r[1]}:{r[2]}:{r[3]}" for r in rows}

    def rule_claims(self, rule_id: str) -> list[Claim]:
        """The claims a rule selected, in document order (from `matches`)."""
        sql = (
            f"{CLAIM_SELECT} join matches m on m.doc = claims.doc and m.start = claims.start"
            ' and m."end" = claims."end" where m.rule_id = ?'
            ' order by claims.doc, claims.start, claims."end"'
        )
        shared = _Shared()
        return [_claim_from_row(shared.row(row)) for row in self.db.execute(sql, [rule_id])]

    def fact_states(self) -> dict[str, tuple[str, str, str | None]]:
        """Each stored fact's (spec, fingerprint, relation_key), by rule id."""
        rows = self.db.execute("select rule_id, spec, fingerprint, relation_key from facts")
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def fact_blob(self, rule_id: str, column: str) -> str | None:
        """One stored fact's serialized findings, fact or relation findings."""
        if column not in ("findings", "fact", "relations"):
            raise ValueError(column)
        row = self.db.execute(f"select {column} from facts where rule_id = ?", [rule_id])
        found = row.fetchone()
        return found[0] if found else None

    def save_run(
        self,
        run: dict,
        rules: list[dict],
        facts: list[dict],
        conflicts: dict[str, list[Conflict]],
    ) -> int:
        """Record a run: its rules, the facts checked again and the findings of their rules.

        The findings of rules not in `conflicts` are the earlier run's, still
        current (their rows keep the `run_id` of the run that computed them);
        those of rules no longer defined go. Atomic; returns the run id.
        """
        with self.transaction():
            run_id = self.db["runs"].insert(run).last_pk
            self.db.execute("delete from rules")
            if rules:
                self.db["rules"].insert_all(rules, pk="id")
            for table, column in (("conflicts", "rule_id"), ("facts", "rule_id")):
                self.db.execute(f"delete from {table} where {column} not in (select id from rules)")
            for rule_id, found in conflicts.items():
                self.db.execute("delete from conflicts where rule_id = ?", [rule_id])
                if found:
                    self.db["conflicts"].insert_all(
                        (_conflict_row(c, run_id) for c in found), pk="id", replace=True
                    )
            for fact in facts:
                self._save_fact(fact)
        return run_id

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
            # matches written here carry no content hashes: the next run selects afresh
            self.db.execute("delete from selections")
            self.db.execute("delete from facts")
            self.db.execute("update documents set matched = 0")
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

    def _save_fact(self, fact: dict) -> None:
        """A whole `facts` row (with its findings), or new columns of an existing one."""
        names = [n for n in fact if n != "rule_id"]
        if "findings" in fact:
            columns = ", ".join(["rule_id", *names])
            marks = ", ".join("?" for _ in range(len(names) + 1))
            sql = f"insert or replace into facts ({columns}) values ({marks})"
            self.db.execute(sql, [fact["rule_id"], *(_unpacked(fact[n]) for n in names)])
            return
        sets = ", ".join(f"{n} = ?" for n in names)
        sql = f"update facts set {sets} where rule_id = ?"
        self.db.execute(sql, [*(_unpacked(fact[n]) for n in names), fact["rule_id"]])

    def conflicts(self, status: str = "all") -> list[Conflict]:
        """The last completed run's conflicts with review decisions applied.

        status: "all"; "open" (everything not accepted); or one exact status.
        Sorted like `check.evaluate` sorts them.
        """
        reviews = self.reviews()
        out = []
        for row in self.db["conflicts"].rows:
            left = self.claim(row["left_doc"], row["left_start"], row["left_end"])
            right = None
            if row["right_doc"] is not None:
                right = self.claim(row["right_doc"], row["right_start"], row["right_end"])
            if left is None:
                continue  # its document is gone; the next run drops the conflict
            conflict = Conflict(
                id=row["id"],
                rule_id=row["rule_id"],
                severity=row["severity"],
                check=row["check"],
                reason=row["reason"],
                left=left,
                right=right,
                status=row["status"] or "open",
                details=json.loads(row["details"] or "{}"),
            )
            out.append(with_review(conflict, reviews.get(conflict.id)))
        if status == "open":
            out = [c for c in out if c.status != "accepted"]
        elif status != "all":
            out = [c for c in out if c.status == status]
        out.sort(key=lambda c: (c.rule_id, c.left.doc, c.left.start, c.id))
        return out

    def conflict(self, given: str) -> Conflict:
        """One conflict of the last run, by its id or a unique prefix, reviews applied."""
        full = self.find_conflict(given)
        return next(c for c in self.conflicts() if c.id == full)

    def find_conflict(self, given: str) -> str:
        """The full id of a stored conflict from its id or a unique prefix of it."""
        given = given.strip().strip("[]").lower()
        ids = [
            r[0]
            for r in self.db.execute("select id from conflicts order by id")
            if r[0].startswith(given)
        ]
        if given in ids:
            return given
        if len(ids) == 1 and len(given) >= 4:
            return ids[0]
        if len(ids) > 1 and len(given) >= 4:
            raise InputError(
                f"conflict id {given!r} is ambiguous ({', '.join(ids[:5])}); give more characters"
            )
        raise InputError(
            f"no conflict {given!r} in the last run of {self.path}; "
            "`factcheck conflicts --status all` lists them"
        )

    # -- reviews ------------------------------------------------------------
    def reviews(self) -> dict[str, dict]:
        """Every review decision, by conflict id."""
        return {r["conflict_id"]: r for r in self.db["reviews"].rows}

    def set_review(self, conflict_id: str, status: str, reason: str | None, decided: str) -> None:
        """Record a reviewer's decision on a conflict; it outlives runs."""
        if status not in REVIEW_STATUSES:
            raise ValueError(f"review status must be one of {REVIEW_STATUSES}, not {status!r}")
        with self.transaction():
            self.db["reviews"].upsert(
                {
                    "conflict_id": conflict_id,
                    "status": status,
                    "reason": reason,
                    "decided": decided,
                },
                pk="conflict_id",
            )

    # -- rules and runs -------------------------------------------------------
    def rule_rows(self) -> dict[str, dict]:
        """The last completed run's rules, by id."""
        return {r["id"]: r for r in self.db["rules"].rows_where(order_by="id")}

    def document_row(self, path: str) -> dict | None:
        """One stored document's row, or None."""
        rows = list(self.db["documents"].rows_where("path = ?", [path]))
        return rows[0] if rows else None


def with_review(conflict: Conflict, review: dict | None) -> Conflict:
    """The conflict with a reviewer's decision applied to its status."""
    if review is None:
        return conflict
    details = dict(conflict.details)
    if review.get("reason"):
        details["review_reason"] = review["reason"]
    return replace(conflict, status=review["status"], details=details)


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
                return False
            except sqlite3.Error as e:
                exc = e
        self._rollback()
        if isinstance(exc, sqlite3.Error):
            # a full disk, a read-only file, a corrupt page: the user's to fix
            raise _store_error(self.store.path, exc) from None
        return False

    def _rollback(self) -> None:
        # After a full disk or an I/O error SQLite may have rolled back already;
        # a failed ROLLBACK must not hide the error that caused it.
        if self.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")


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
    _refuse_foreign_file(path)  # before creating PATH.lock next to it
    timeout = DEFAULT_LOCK_TIMEOUT if timeout is None else timeout
    lock_path = path + ".lock"
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise StoreError(f"{lock_path}: cannot create the run lock ({e.strerror})") from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"{path}: another factcheck run is using the database "
                        f"(waited {timeout:g} s); wait for it to finish or use another --db"
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def check_path(path: str) -> None:
    """Refuse a database path that cannot hold results (empty, in-memory)."""
    if not path or not path.strip():
        raise StoreError("--db is empty; give a database file, e.g. --db factcheck.db")
    if path == ":memory:" or path.startswith("file:"):
        raise StoreError(f"{path}: give a database file; results kept in memory would be lost")


def _connect(path: str, timeout: float, readonly: bool) -> sqlite3.Connection:
    if not readonly:
        return sqlite3.connect(path, timeout=timeout, isolation_level=None)
    uri = "file:" + urllib.parse.quote(os.path.abspath(path)) + "?mode=ro"
    if not os.path.exists(path + "-wal"):
        # No write-ahead log: no run is writing and every committed change is in
        # the file itself. Reading it as immutable makes SQLite create no -shm
        # file, so a database in a folder we may not write can be read.
        return sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
    return sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)


def _refuse_foreign_file(path: str, readonly: bool = False) -> None:
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


def _store_error(path: str, e: Exception) -> StoreError:
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


def _kinds_where(kinds: list) -> tuple[str, list[str]]:
    """SQL for the claims of any of these kinds (each None: any kind), with its parameters."""
    if any(k is None or not k for k in kinds):
        return "1", []
    wanted = sorted({k for ks in kinds for k in ks})
    return f"claims.kind in ({', '.join('?' for _ in wanted)})", wanted


def _content_hash(row: tuple) -> tuple[int, int]:
    """Two 31-bit hashes of a stored claim's every field (its row): its content's identity."""
    digest = int.from_bytes(hashlib.blake2b(repr(row).encode(), digest_size=8).digest(), "big")
    return digest & 0x7FFFFFFF, (digest >> 32) & 0x7FFFFFFF


def _claim_from_row(row: tuple) -> Claim:
    """A Claim from a row in CLAIM_FIELDS order, without the frozen __init__.

    A frozen dataclass sets each of its fields through object.__setattr__; for
    the tens of thousands of claims an unchanged run loads, filling __dict__ in
    one step is three times faster and gives an equal object.
    """
    claim = object.__new__(Claim)
    claim.__dict__.update(zip(CLAIM_FIELDS, row, strict=True))
    return claim


@dataclass(frozen=True)
class Packed:
    """A long text held compressed until it is written (`Store.save_run` unpacks it).

    A run keeps each checked fact's serialized findings and chart data until
    it saves them all in one transaction; as text they were most of its
    memory at 100,000 articles (the statements of every fact, in JSON).
    """

    data: bytes

    @classmethod
    def of(cls, text: str) -> Packed:
        return cls(zlib.compress(text.encode("utf-8", "surrogatepass"), 1))

    @property
    def text(self) -> str:
        return zlib.decompress(self.data).decode("utf-8", "surrogatepass")


def _unpacked(value):
    return value.text if isinstance(value, Packed) else value


class _Shared:
    """One object for each repeated value of the rows read in one query.

    SQLite gives every row its own string and float objects: the kind,
    qualifier, unit, noun, role, time, document name and sentence of 60,000
    claims of one fact are mostly repeats. Sharing them (per query, keyed by
    type and value, so 5 and 5.0 stay apart) cuts a loaded claim by about a
    third; equal values give equal claims, so nothing a run finds changes.
    """

    def __init__(self):
        self.seen: dict = {}

    def row(self, row: tuple) -> tuple:
        seen = self.seen
        return tuple(
            v if v is None or type(v) is int else seen.setdefault((type(v), v), v) for v in row
        )


claim_from_row = _claim_from_row  # for records that keep claims as rows (factcheck.incremental)
