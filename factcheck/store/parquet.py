"""Writing a store's tables as Parquet: the only module that imports pyarrow.

A table is a folder; a partitioned one has a folder per month, hive-style
(`claims/month=2017-12/part-00000.parquet`), the month in the path and not in the files,
as DuckDB, Spark and pyarrow's datasets read them. Rows arrive a batch at a time, sorted
by month, so one partition is written at a time: a file per FILE_ROWS rows, a row group
per ROW_GROUP_ROWS, and no more than a row group is held in memory. The files are written
in order with fixed names and no timestamps: the same store gives the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

ROW_GROUP_ROWS = 65_536
FILE_ROWS = 1_048_576
COMPRESSION = "zstd"
TYPES = {
    "string": pa.string(),
    "int64": pa.int64(),
    "double": pa.float64(),
    "list<string>": pa.list_(pa.string()),
}


def arrow_schema(table) -> pa.Schema:
    """The Arrow schema of an exported table (`store.export.Table`): each column's type,
    its meaning in the field's metadata."""
    return pa.schema(
        [pa.field(c.name, TYPES[c.type], metadata={"meaning": c.meaning}) for c in table.columns],
        metadata={"factcheck.table": table.name, "factcheck.meaning": table.meaning},
    )


def write_table(folder: str, table, parts: Iterable[tuple[str | None, Iterator[list]]]) -> dict:
    """Write a table's parts ((partition value or None, batches of rows)) under
    folder/NAME; return the rows written per partition (None: the unpartitioned file).
    A table with no rows is one empty file, so that a query of it finds none, not an error."""
    schema = arrow_schema(table)
    counts: dict = {}
    for value, batches in parts:
        where = os.path.join(folder, table.name)
        if value is not None:
            where = os.path.join(where, f"{table.partition}={value}")
        counts[value] = _write_part(where, schema, batches)
    if not counts:
        empty = "unknown" if table.partition else None
        where = os.path.join(folder, table.name)
        if empty is not None:
            where = os.path.join(where, f"{table.partition}={empty}")
        counts[empty] = _write_part(where, schema, iter(()))
    return counts


def _write_part(folder: str, schema: pa.Schema, batches: Iterator[list]) -> int:
    """Write one partition's rows to folder/part-NNNNN.parquet files; return how many."""
    os.makedirs(folder, exist_ok=True)
    file = _File(folder, schema)
    pending: list[pa.RecordBatch] = []
    held = 0
    for rows in batches:
        pending.append(_record_batch(schema, rows))
        held += len(rows)
        if held >= ROW_GROUP_ROWS:
            file.write(pending)
            pending, held = [], 0
    file.write(pending)
    return file.close()


class _File:
    """The partition's current Parquet file, a new one after FILE_ROWS rows."""

    def __init__(self, folder: str, schema: pa.Schema):
        self.folder, self.schema = folder, schema
        self.writer: pq.ParquetWriter | None = None
        self.number, self.rows, self.total = 0, 0, 0

    def write(self, batches: list[pa.RecordBatch]) -> None:
        if not batches and (self.total or self.writer is not None):
            return  # the first file is made even for no rows; no more for none
        if self.writer is None:
            path = os.path.join(self.folder, f"part-{self.number:05d}.parquet")
            self.writer = pq.ParquetWriter(path, self.schema, compression=COMPRESSION)
        if not batches:
            return
        rows = pa.Table.from_batches(batches, self.schema)
        self.writer.write_table(rows, row_group_size=max(len(rows), 1))
        self.rows += len(rows)
        self.total += len(rows)
        if self.rows >= FILE_ROWS:
            self.writer.close()
            self.writer, self.rows = None, 0
            self.number += 1

    def close(self) -> int:
        if self.writer is not None:
            self.writer.close()
        return self.total


def _record_batch(schema: pa.Schema, rows: list) -> pa.RecordBatch:
    """Rows (tuples in the schema's order) as one Arrow record batch."""
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    arrays = [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)]
    return pa.RecordBatch.from_arrays(arrays, schema=schema)
