"""The database's schema: named migrations on sqlite-utils' `Migrations`.

Each migration is applied once and recorded in sqlite-utils' table of
applied migrations (`_sqlite_migrations`, set "factcheck"), so a database
made by an older version upgrades itself when opened. Databases made before
that, whose migrations were recorded in factcheck's own `_factcheck_migrations`
table, are adopted once (`adopt_registry`): their applied migrations are
recorded in the new table, none runs again, and the old table goes.
"""

from __future__ import annotations

import datetime

import sqlite_utils

from ..errors import StoreError

MIGRATIONS = sqlite_utils.Migrations("factcheck")
MIGRATIONS_TABLE = MIGRATIONS.migrations_table  # "_sqlite_migrations", shared by every set
REGISTRY_TABLE = "_factcheck_migrations"  # where factcheck recorded migrations before
STEPS: list = []  # the migration functions in order (Migrations keeps its own list private)

CLAIM_PK = ("doc", "start", "end")


def migration(fn):
    """Register a schema migration; its function name is its permanent name."""
    STEPS.append(fn)
    return MIGRATIONS()(fn)


@migration
def m001_initial(db: sqlite_utils.Database) -> None:
    """Documents, claims, rules, matches, conflicts and runs."""
    _m001_documents_and_claims(db)
    _m001_rules_and_results(db)


def _m001_documents_and_claims(db: sqlite_utils.Database) -> None:
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


def _m001_rules_and_results(db: sqlite_utils.Database) -> None:
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
    """Reviewers' decisions, kept apart from the conflicts a run replaces."""
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
    """Views for browsing: claims with their documents, conflicts with both claims."""
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
    """Each sentence and context once per document, claims referring to them."""
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
    """What each figure is about, its role and its speaker."""
    # what each figure is about, its role and its speaker (factcheck/extract/frames.py); the
    # extractor version changed with them, so stored documents are extracted again
    db["claims"].add_column("about", str, not_null_default="")
    db["claims"].add_column("role", str, not_null_default="value")
    db["claims"].add_column("speaker", str)


@migration
def m006_incremental_facts(db: sqlite_utils.Database) -> None:
    """Selections, fingerprints and findings kept across runs."""
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
    """Each document's file stamp, to skip reading unchanged files."""
    # each document's file stamp (documents.file_stamp): a run that finds the same
    # stamp does not read the file again; empty here, so the first run reads everything
    db["documents"].add_column("stamp", str)


@migration
def m008_rule_origins(db: sqlite_utils.Database) -> None:
    """Where each checked fact comes from, and a suggested fact's rule to paste."""
    # origin: "rule" (a rules file), "template" (built in, checked with no rules
    # written) or "suggestion" (proposed from the corpus); paste: a suggestion's rule
    # as YAML, for `factcheck show` and the HTML report
    db["rules"].add_column("origin", str, not_null_default="rule")
    db["rules"].add_column("paste", str, not_null_default="")


@migration
def m009_claim_columns(db: sqlite_utils.Database) -> None:
    """Each claim's column in its line, for SARIF regions and GitHub annotations."""
    # the column (Claim.column) is found where the line is, when the text is read; the
    # stored claims have none, so every document is extracted again by the next run
    # (an empty extractor version is no version's), which fills them in
    db["claims"].add_column("column", int)
    db.execute("update documents set extractor_version = ''")


# migrations that only add what readers can do without (a rule's origin reads as "rule",
# a claim's unknown column is left out), so that a database one of them is missing is
# still read, untouched, until a run
READABLE_WITHOUT = frozenset({"m008_rule_origins", "m009_claim_columns"})


def names() -> list[str]:
    """Every migration's name, in order."""
    return [step.__name__ for step in STEPS]


def is_factcheck(db: sqlite_utils.Database, tables: set[str]) -> bool:
    """Whether a database with these tables was made by factcheck (either registry)."""
    return REGISTRY_TABLE in tables or (MIGRATIONS_TABLE in tables and bool(MIGRATIONS.applied(db)))


def applied(db: sqlite_utils.Database) -> list[str]:
    """The names of the migrations this database has, in the order they were applied.

    A database not yet adopted (opened read-only since) has them in the old registry.
    """
    done = [m.name for m in MIGRATIONS.applied(db)]
    if not done and REGISTRY_TABLE in db.table_names():
        rows = db.execute(f"select name from {REGISTRY_TABLE} order by applied")
        done = [r[0] for r in rows]
    return done


def check_schema(db: sqlite_utils.Database, path: str, upgrade: bool) -> None:
    """StoreError for a schema newer than this factcheck's, or (read-only) an older one."""
    done = set(applied(db))
    known = set(names())
    newer = sorted(done - known)
    if newer:
        raise StoreError(
            f"{path}: was written by a newer factcheck (schema {', '.join(newer[:3])}); "
            "it was left untouched. Upgrade factcheck, or pass another file with --db."
        )
    if not upgrade and known - done - READABLE_WITHOUT:
        raise StoreError(
            f"{path}: was written by an older factcheck; run `factcheck run` once to upgrade it"
        )


def adopt_registry(db: sqlite_utils.Database) -> None:
    """Record the migrations of factcheck's old registry as applied, once, and drop it.

    The schema they made is the one these migrations make, so none runs again;
    `Migrations.apply` then applies only the ones the old registry lacked.
    """
    if REGISTRY_TABLE not in db.table_names():
        return
    old = [r[0] for r in db.execute(f"select name from {REGISTRY_TABLE} order by applied")]
    MIGRATIONS.ensure_migrations_table(db)
    recorded = {m.name for m in MIGRATIONS.applied(db)}
    now = str(datetime.datetime.now(datetime.UTC))  # what sqlite-utils records
    db[MIGRATIONS_TABLE].insert_all(
        {"migration_set": MIGRATIONS.name, "name": name, "applied_at": now}
        for name in old
        if name not in recorded
    )
    db[REGISTRY_TABLE].drop()


def migrate(db: sqlite_utils.Database, path: str) -> None:
    """Bring the schema up to date (inside the caller's transaction)."""
    check_schema(db, path, upgrade=True)
    adopt_registry(db)
    MIGRATIONS.apply(db)


# the small tables checked on opening (see check_integrity)
CHECKED_TABLES = {
    MIGRATIONS_TABLE,
    REGISTRY_TABLE,
    "rules",
    "runs",
    "reviews",
    "selections",
}


def check_integrity(db: sqlite_utils.Database, path: str) -> None:
    """Refuse a database that is not factcheck's, or whose small tables are damaged,
    before anything is written to it."""
    tables = set(db.table_names())
    if tables and not is_factcheck(db, tables):
        raise StoreError(
            f"{path}: is an SQLite database but not a factcheck database "
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
            row = db.execute(f"PRAGMA quick_check({table})").fetchone()
            if row and row[0] != "ok":
                raise StoreError(
                    f"{path}: the database is corrupt ({row[0]}); it was left "
                    "untouched. Move it away and run again to rebuild it from the articles."
                )
