"""The SQLite store, through sqlite-utils: the only module that talks to SQLite.

The schema is created and upgraded by the named migrations of
`factcheck.store.schema`, so a database made by an older version upgrades
itself when opened. A file that is not a factcheck database is refused and
left untouched.
"""

from __future__ import annotations

import contextlib
import json
import os
import posixpath
import sqlite3
from collections.abc import Callable, Iterable
from typing import NamedTuple

import sqlite_utils

from ..errors import InputError, StoreError
from ..model import Claim, Conflict, Document, finding_order
from . import connection, lock, schema
from .codecs import (
    CLAIM_SELECT,
    INSERT_CLAIM,
    FactRow,
    RunRecord,
    Shared,
    claim_from_row,
    claim_rows,
    claim_select,
    conflict_from_row,
    conflict_row,
    content_hash,
    rule_row,
    run_row,
    with_review,
)

CACHE_KB = 65536  # the page cache of a writing connection (64 MB)


class DocumentState(NamedTuple):
    """What is stored of a document: enough to tell, without its claims, whether it changed."""

    sha256: str
    extractor_version: str
    title: str | None
    published: str | None
    encoding: str
    stamp: str | None  # documents.file_stamp when it was read; None: read it again


REVIEW_STATUSES = ("accepted", "open")


@connection.database_errors
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
        connection.check_path(path)
        if (readonly or not create) and not os.path.exists(path):
            raise StoreError(
                f"{path}: no such database; run `factcheck run` first or pass --db FILE"
            )
        connection.refuse_foreign_file(path, readonly)
        self.claim_select = CLAIM_SELECT
        self._held: list[int] = []  # shared run locks a reader holds (`lock.read_lock`)
        try:
            timeout = connection.DEFAULT_LOCK_TIMEOUT if lock_timeout is None else lock_timeout
            if readonly:  # immutable, holding the run lock shared, while no run has it open
                conn, self._held = lock.open_reader(path, timeout)
            else:
                conn = connection.connect(path, timeout, readonly)
            self.db = sqlite_utils.Database(conn)
            if readonly:
                # One read transaction for the reader's life: every query sees the
                # same committed run, however many commits happen meanwhile.
                conn.execute("BEGIN")
            schema.check_integrity(self.db, self.path)
            if readonly:
                schema.check_schema(self.db, path, upgrade=False)
                # not upgraded: a claim column it lacks (m009's) reads as unknown
                self.claim_select = claim_select(set(self.db["claims"].columns_dict))
                return
            # WAL with synchronous=NORMAL survives a killed process (a run's one
            # transaction is either in or out), and readers see the last committed
            # run while a run writes.
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            # SQLite's default page cache is 2 MB: at 100,000 articles the claims'
            # indexes outgrow it and each insert reads pages back from the file.
            conn.execute(f"PRAGMA cache_size=-{CACHE_KB}")
            self._migrate()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as e:
            self._abandon()
            raise connection.store_error(path, e) from None
        except BaseException:
            self._abandon()
            raise

    # -- opening -------------------------------------------------------
    def _abandon(self) -> None:
        """Close what a failed opening opened: a connection left open keeps its -wal file."""
        with contextlib.suppress(sqlite3.Error, AttributeError):
            self.db.conn.close()
        self._release()

    def _release(self) -> None:
        while self._held:
            os.close(self._held.pop())

    def _migrate(self) -> None:
        with self.transaction():
            schema.migrate(self.db, self.path)

    def applied_migrations(self) -> list[str]:
        """Names of the migrations this database has, in order."""
        return schema.applied(self.db)

    def transaction(self):
        """A context manager for one write transaction (BEGIN IMMEDIATE ... COMMIT)."""
        return connection.transaction(self.db.conn, self.path)

    def close(self) -> None:
        """Close the connection (and let go of a reader's shared run lock)."""
        try:
            self.db.conn.close()
        finally:
            self._release()

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
        rows, numbers = claim_rows(claims)
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
            self.db.conn.executemany(INSERT_CLAIM, rows)

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
        sql = self.claim_select
        if where:
            sql += " where " + " and ".join(where)
        sql += ' order by claims.doc, claims.start, claims."end"'
        # Positional rows straight into Claim: the hot path of an unchanged run.
        shared = Shared()
        claims = [claim_from_row(shared.row(row)) for row in self.db.execute(sql, params)]
        if docs is not None:
            claims = [c for c in claims if c.doc in wanted]
        return claims

    def claim_count(self) -> int:
        """How many claims the store holds."""
        return self.db.execute("select count(*) from claims").fetchone()[0]

    def claim(self, doc: str, start: int, end: int) -> Claim | None:
        """One stored claim by its place, or None."""
        row = self.db.execute(
            f'{self.claim_select} where claims.doc = ? and claims.start = ? and claims."end" = ?',
            [doc, start, end],
        ).fetchone()
        return claim_from_row(row) if row else None

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
        cursor = self.db.conn.execute(f"{self.claim_select} where {where}", params)
        while rows := cursor.fetchmany(2000):
            found = []
            for row in rows:
                claim = claim_from_row(row)
                chosen = choose(claim, rule_ids)
                if chosen:
                    h1, h2 = content_hash(row)
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
            f"{self.claim_select} join matches m on m.doc = claims.doc and m.start = claims.start"
            ' and m."end" = claims."end" where m.rule_id = ?'
            ' order by claims.doc, claims.start, claims."end"'
        )
        shared = Shared()
        return [claim_from_row(shared.row(row)) for row in self.db.execute(sql, [rule_id])]

    def folder_claims(self, folder: str, kinds: Iterable[str], role: str) -> list[Claim]:
        """The claims of these kinds and role of the documents directly in a folder (by their
        stored names; '' for those at the project root), in document order."""
        kinds = sorted(kinds)
        where = [f"claims.kind in ({', '.join('?' for _ in kinds)})", "claims.role = ?"]
        params: list = [*kinds, role]
        if folder:  # the folder's documents and its subfolders', by a range of the key
            where.append("claims.doc > ? and claims.doc < ?")
            params += [folder + "/", folder + "0"]  # '0' follows '/'
        else:
            where.append("instr(claims.doc, '/') = 0")
        sql = f"{self.claim_select} where {' and '.join(where)}"
        sql += ' order by claims.doc, claims.start, claims."end"'
        shared = Shared()
        rows = (shared.row(r) for r in self.db.execute(sql, params))
        found = (claim_from_row(r) for r in rows)
        return [c for c in found if posixpath.dirname(c.doc) == folder]

    def match_documents(self) -> dict[str, int]:
        """How many documents each rule selected claims from (in `matches`)."""
        rows = self.db.execute("select rule_id, count(distinct doc) from matches group by rule_id")
        return dict(rows.fetchall())

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
        run: RunRecord,
        rules: list,
        facts: list[FactRow],
        conflicts: dict[str, list[Conflict]],
    ) -> int:
        """Record a run: its rules, the facts checked again and the findings of their rules.

        rules: the run's rule records. The findings of rules not in `conflicts`
        are the earlier run's, still current (their rows keep the `run_id` of
        the run that computed them); those of rules no longer defined go.
        Atomic; returns the run id.
        """
        with self.transaction():
            run_id = self.db["runs"].insert(run_row(run)).last_pk
            self.db.execute("delete from rules")
            if rules:
                self.db["rules"].insert_all([rule_row(r) for r in rules], pk="id")
            for table, column in (("conflicts", "rule_id"), ("facts", "rule_id")):
                self.db.execute(f"delete from {table} where {column} not in (select id from rules)")
            for rule_id, found in conflicts.items():
                self.db.execute("delete from conflicts where rule_id = ?", [rule_id])
                if found:
                    self.db["conflicts"].insert_all(
                        (conflict_row(c, run_id) for c in found), pk="id", replace=True
                    )
            for fact in facts:
                self._save_fact(fact)
            self._apply_reviews()
        return run_id

    def _apply_reviews(self) -> None:
        """The stored findings' status says what the reviews decided ("accepted")."""
        self.db.execute(
            "UPDATE conflicts SET status = 'accepted' WHERE id IN "
            "(SELECT conflict_id FROM reviews WHERE status = 'accepted')"
        )

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
                    (conflict_row(c, run_id) for c in conflicts), pk="id"
                )
            self._apply_reviews()
        return run_id

    def _save_fact(self, fact: FactRow) -> None:
        """A whole `facts` row (with its findings), or new columns of an existing one."""
        columns = fact.columns()
        names = list(columns)
        if fact.findings is not None:
            marks = ", ".join("?" for _ in range(len(names) + 1))
            sql = (
                f"insert or replace into facts ({', '.join(['rule_id', *names])}) values ({marks})"
            )
            self.db.execute(sql, [fact.rule_id, *columns.values()])
            return
        sets = ", ".join(f"{n} = ?" for n in names)
        sql = f"update facts set {sets} where rule_id = ?"
        self.db.execute(sql, [*columns.values(), fact.rule_id])

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
            conflict = conflict_from_row(row, left, right)
            out.append(with_review(conflict, reviews.get(conflict.id)))
        if status == "open":
            out = [c for c in out if c.status != "accepted"]
        elif status != "all":
            out = [c for c in out if c.status == status]
        out.sort(key=finding_order)
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
                f"finding id {given!r} is ambiguous ({', '.join(ids[:5])}); give more characters"
            )
        raise InputError(
            f"no finding {given!r} in the last run of {self.path}; "
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
            # the stored finding says so too, for whoever reads the database itself
            self.db.execute(
                "UPDATE conflicts SET status = CASE WHEN ? = 'accepted' THEN 'accepted' "
                "WHEN \"check\" = 'disputed' THEN 'disputed' ELSE 'open' END WHERE id = ?",
                [status, conflict_id],
            )

    # -- rules and runs -------------------------------------------------------
    def rule_rows(self) -> dict[str, dict]:
        """The last completed run's rules, by id."""
        return {r["id"]: r for r in self.db["rules"].rows_where(order_by="id")}

    def last_skipped(self) -> tuple[tuple[str, str], ...]:
        """(path, reason) of each file the last completed run could not read."""
        rows = list(self.db.execute("select skipped from runs order by id desc limit 1"))
        return tuple(tuple(s) for s in json.loads(rows[0][0] or "[]")) if rows else ()

    def document_row(self, path: str) -> dict | None:
        """One stored document's row, or None."""
        rows = list(self.db["documents"].rows_where("path = ?", [path]))
        return rows[0] if rows else None


def _kinds_where(kinds: list) -> tuple[str, list[str]]:
    """SQL for the claims of any of these kinds (each None: any kind), with its parameters."""
    if any(k is None or not k for k in kinds):
        return "1", []
    wanted = sorted({k for ks in kinds for k in ks})
    return f"claims.kind in ({', '.join('?' for _ in wanted)})", wanted
