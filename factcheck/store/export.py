"""What `factcheck export` writes of a store: each exported table's columns (name, type and
meaning: the documented schema, as data) and its rows, read in batches of a fixed size.

Every table but `rules` is split by `month`, the month its document was published
(YYYY-MM, `unknown` when undated; a finding goes with its first claim's document): an
archive grows a month at a time, and most questions ("what did we publish on the flood in
March") read one or a few months. The rows of a month are read by one query in key order,
`fetchmany` at a time, so an export holds one batch of rows, never a table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from . import connection

MONTH = "month"
UNDATED = "unknown"
LIST_SEP = "\x1f"  # between the rule ids of a claim, in SQL's group_concat


@dataclass(frozen=True)
class Column:
    """One exported column: its name, its Arrow type (`string`, `int64`, `double`,
    `list<string>`) and what it holds."""

    name: str
    type: str
    meaning: str
    sql: str  # how the export's query reads it


@dataclass(frozen=True)
class Table:
    """One exported table: a folder of the export, split by `partition` (None: one file)."""

    name: str
    meaning: str
    columns: tuple[Column, ...]
    partition: str | None
    sql: str  # the query of one month's rows, or of every row; {columns} are the columns


def month_of(published: str) -> str:
    """SQL for the month (YYYY-MM) of an ISO date column, or 'unknown' without one."""
    return (
        f"case when {published} glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]*' "
        f"then substr({published}, 1, 7) else '{UNDATED}' end"
    )


def _c(name: str, type_: str, meaning: str, sql: str | None = None) -> Column:
    return Column(name, type_, meaning, sql or f'c."{name}"')


_PLACE = (
    _c("doc", "string", "the document's path from the project root (documents.path)"),
    _c("start", "int64", "where the figure's text starts in the document (characters from 0)"),
    _c("end", "int64", "where it ends (exclusive); doc, start and end are the claim's key"),
)
CLAIMS = Table(
    "claims",
    "every numeric claim of every stored document",
    (
        *_PLACE,
        _c("line", "int64", "the line of the figure, from 1"),
        _c(
            "column", "int64", "its column in the line, from 1 (Unicode code points); null: unknown"
        ),
        _c("text", "string", "the figure as written"),
        _c("kind", "string", "count, percent, money, measure, duration, age, number, date, rank"),
        _c(
            "value",
            "double",
            "the figure; null when it has no single value (a range, a vague amount)",
        ),
        _c(
            "low",
            "double",
            "the lower bound a range, vague amount, at least or more than states; else null",
        ),
        _c(
            "high",
            "double",
            "the upper bound a range, vague amount, at most, less than or nearly states",
        ),
        _c("qualifier", "string", "exact, approx, nearly, at_least, more_than, at_most, ..."),
        _c("unit", "string", "the unit as read (a currency code for money); null: none"),
        _c("noun", "string", "what is counted (`troops`); null: none"),
        _c("si_value", "double", "the figure in si_unit; null without a conversion"),
        _c("si_unit", "string", "metre, kilogram, second, an ISO currency code, percent"),
        _c("dimension", "string", "length, mass, time, currency, ...; null: none"),
        _c("interval_low", "double", "the interval the claim asserts, lower end, in si_unit"),
        _c("interval_high", "double", "its upper end; null: unbounded"),
        _c("time", "string", "the time it refers to: YYYY, YYYY-MM or YYYY-MM-DD; null: unknown"),
        _c("time_source", "string", "where time came from: text or published; null: unknown"),
        _c("about", "string", "what the figure is about, its own words ('; '-separated)"),
        _c("role", "string", "value, previous, change, projection or limit"),
        _c("speaker", "string", "who gives the figure, as written; null: not attributed"),
        _c("sentence", "string", "the sentence holding the figure", "coalesce(s.text, '')"),
        _c("context", "string", "that sentence and the one before", "coalesce(x.text, '')"),
        _c(
            "rules",
            "list<string>",
            "the ids of the rules (facts) that selected the claim in the last run",
            "(select group_concat(m.rule_id, char(31)) from matches m where m.doc = c.doc"
            ' and m.start = c.start and m."end" = c."end")',
        ),
    ),
    MONTH,
    # CROSS JOIN keeps SQLite to this order: a month's documents by path from the temporary
    # index (`prepare`), each one's claims by their key; no sort, no scan of all claims
    "select {columns} from temp.export_docs e cross join claims c on c.doc = e.path"
    " left join sentences s on s.doc = c.doc and s.n = c.sentence_id"
    " left join sentences x on x.doc = c.doc and x.n = c.context_id"
    ' where e.month = ? order by e.path, c.start, c."end"',
)
DOCUMENTS = Table(
    "documents",
    "every stored document (article)",
    (
        _c("path", "string", "the document's path from the project root; its key"),
        _c("title", "string", "its title (first line or metadata); null: none"),
        _c("published", "string", "YYYY-MM-DD, or YYYY-MM-DDTHH:MM; null: undated"),
        _c("sha256", "string", "the SHA-256 of its bytes, in hex"),
        _c("encoding", "string", "the encoding it was read in (utf-8, utf-16, cp1252, ...)"),
        _c("chars", "int64", "its length in characters"),
        _c("extractor_version", "string", "the version of the extractor its claims come from"),
        _c(
            "claims",
            "int64",
            "how many claims it holds",
            "(select count(*) from claims k where k.doc = c.path)",
        ),
    ),
    MONTH,
    "select {columns} from temp.export_docs e cross join documents c on c.path = e.path"
    " where e.month = ? order by e.path",
)
FINDINGS = Table(
    "findings",
    "the findings of the last run (`factcheck conflicts --status all`)",
    (
        _c("id", "string", "the finding's id, as reports and `factcheck show` give it"),
        _c("rule_id", "string", "the rule (fact) that found it: rules.id"),
        _c("severity", "string", "error, warning or info"),
        _c("check", "string", "agreement, bounds, part_whole, sum, over_time, ..."),
        _c("status", "string", "open, accepted or disputed", "coalesce(r.status, c.status)"),
        _c("reason", "string", "why the claims disagree, in words"),
        _c(
            "review_reason",
            "string",
            "the reviewer's reason (accept or reopen); null: none",
            "r.reason",
        ),
        _c("left_doc", "string", "the first claim's key: claims.doc"),
        _c("left_start", "int64", "... claims.start"),
        _c("left_end", "int64", "... claims.end"),
        _c("right_doc", "string", "the second claim's key (null for a one-claim check)"),
        _c("right_start", "int64", "... claims.start"),
        _c("right_end", "int64", "... claims.end"),
        _c("details", "string", "the check's figures, as a JSON object"),
        _c("run_id", "int64", "the run that computed it"),
    ),
    MONTH,
    "select {columns} from temp.export_findings e cross join conflicts c on c.id = e.id"
    " left join reviews r on r.conflict_id = c.id"
    " where e.month = ? order by e.id",
)
RULES = Table(
    "rules",
    "the rules (facts) of the last run",
    (
        _c("id", "string", "the rule's id: findings.rule_id and the ids in claims.rules"),
        _c("title", "string", "its title"),
        _c("severity", "string", "error, warning or info"),
        _c("origin", "string", "rule (a rules file), template (built in) or suggestion"),
        _c("file", "string", "the rules file it is defined in"),
        _c("line", "int64", "its line there"),
        _c("description", "string", "its description; null: none"),
    ),
    None,
    "select {columns} from rules c order by c.id",
)
TABLES = (DOCUMENTS, CLAIMS, FINDINGS, RULES)

# a database not upgraded since (read as it is): the value of a column it lacks
_MISSING = {("claims", "column"): "null", ("rules", "origin"): "'rule'"}
_SOURCE = {"findings": "conflicts"}  # the stored table of an exported one, when named apart
# each document's month, and each finding's (its first claim's document's; a finding whose
# first claim is gone is left out, as `factcheck conflicts` leaves it out), indexed by month:
# a month's rows are then found without reading the others
PREPARE = (
    "create temp table export_docs as select path, "
    + month_of("published")
    + " as month from documents",
    "create index temp.export_docs_month on export_docs(month, path)",
    "create temp table export_findings as select c.id, e.month from conflicts c"
    " join temp.export_docs e on e.path = c.left_doc"
    " join claims l on l.doc = c.left_doc and l.start = c.left_start"
    ' and l."end" = c.left_end',
    "create index temp.export_findings_month on export_findings(month, id)",
)
_MONTHS = {
    "documents": "select distinct month from temp.export_docs",
    "claims": "select distinct e.month from temp.export_docs e"
    " where exists (select 1 from claims c where c.doc = e.path)",
    "findings": "select distinct month from temp.export_findings",
}


def prepare(store) -> None:
    """Number the months of the store's documents and findings, in temporary tables of
    the reading connection (gone when it closes); `months` and `batches` read them."""
    for sql in PREPARE:
        _read(store, sql, [])


def months(store, table: Table) -> list[str]:
    """The partitions (months) of a table that has rows, in order; `unknown` last."""
    rows = _read(store, _MONTHS[table.name], [])
    found = sorted(r[0] for r in rows)
    return sorted(found, key=lambda m: m == UNDATED)


def batches(store, table: Table, month: str | None, size: int) -> Iterator[list[tuple]]:
    """The rows of one month of a table (every row when `month` is None), `size` at a
    time, in key order; a claim's `rules` as a sorted list. StoreError for SQLite's errors."""
    have = set(store.db[_SOURCE.get(table.name, table.name)].columns_dict)
    cols = [
        _MISSING[(table.name, c.name)]
        if (table.name, c.name) in _MISSING and c.name not in have
        else c.sql
        for c in table.columns
    ]
    sql = table.sql.format(columns=", ".join(cols))
    listed = [i for i, c in enumerate(table.columns) if c.type == "list<string>"]
    try:
        cursor = store.db.conn.execute(sql, [] if month is None else [month])
        while rows := cursor.fetchmany(size):
            yield [_lists(row, listed) for row in rows] if listed else rows
    except (sqlite3.Error, UnicodeDecodeError) as e:
        raise connection.store_error(store.path, e) from None


def _lists(row: tuple, at: list[int]) -> tuple:
    out = list(row)
    for i in at:
        out[i] = sorted(out[i].split(LIST_SEP)) if out[i] else []
    return tuple(out)


def _read(store, sql: str, params: list) -> list[tuple]:
    try:
        return store.db.conn.execute(sql, params).fetchall()
    except (sqlite3.Error, UnicodeDecodeError) as e:
        raise connection.store_error(store.path, e) from None


def provenance(store) -> dict:
    """What the export says of its store: the extractor versions of its documents, its last
    migration, and the last run (id, when it finished)."""
    versions = _read(store, "select distinct extractor_version from documents order by 1", [])
    run = _read(store, "select id, finished from runs order by id desc limit 1", [])
    migrations = store.applied_migrations()
    return {
        "extractor_versions": [v[0] for v in versions],
        "database_schema": migrations[-1] if migrations else None,
        "last_run": {"id": run[0][0], "finished": run[0][1]} if run else None,
    }
