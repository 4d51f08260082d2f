"""`factcheck export`: the stored documents, claims, findings and rules as a dataset that
DuckDB or Spark can read, for an archive too big to explore in one SQLite file.

The export reads the store as every reading command does (read-only, one read transaction,
the run lock held shared), so it never sees half a run; it writes into a temporary folder
beside DIR and renames it into place when complete, so a failed export leaves no half
dataset and an earlier export intact. The writer (pyarrow) is imported only here.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import importlib.metadata
import json
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from types import ModuleType

from ..errors import FactcheckError, InputError

FORMATS = ("parquet",)
BATCH_ROWS = 8_192  # rows read from SQLite and turned into one Arrow batch at a time
SCHEMA_FILE = "_schema.json"
EXPORT_FORMAT = "factcheck-parquet"
EXPORT_FORMAT_VERSION = 1
PARQUET_MISSING = (
    "export --format parquet needs pyarrow ({error}); install it with "
    "pip install 'factcheck-news[parquet]'"
)


@dataclass(frozen=True)
class Exported:
    """What an export wrote: where, and the rows of each table by partition (None: one file)."""

    folder: str
    rows: dict[str, dict[str | None, int]]
    notes: tuple[str, ...] = ()  # warnings: an earlier export that could not be removed

    def count(self, table: str) -> int:
        """The rows written of one table."""
        return sum(self.rows[table].values())


def export(
    db_path: str, folder: str, fmt: str = "parquet", force: bool = False, batch_rows: int = 0
) -> Exported:
    """Write the store at db_path as a `fmt` dataset in folder (see the module's docstring).

    An existing folder that is not empty is refused, unless `force` and it holds an earlier
    export (its _schema.json says so), which is then replaced as a whole.
    """
    from ..store import Store

    if fmt not in FORMATS:
        raise InputError(f"{fmt}: unknown export format; choose one of {', '.join(FORMATS)}")
    writer = _parquet_writer()
    target, parent = _target(folder, force)
    _not_around(db_path, target, folder)
    store = Store(db_path, readonly=True)
    try:
        tmp = _temporary(folder, parent)
        try:
            rows = _write_all(store, writer, tmp, batch_rows or BATCH_ROWS)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    finally:
        store.close()
    note = _swap(tmp, target, folder)
    return Exported(folder, rows, (note,) if note else ())


def _parquet_writer() -> ModuleType:
    """factcheck.store.parquet, or FactcheckError (exit 2) naming the extra to install."""
    try:
        return importlib.import_module("factcheck.store.parquet")
    except ImportError as e:
        raise FactcheckError(PARQUET_MISSING.format(error=e)) from None


def _write_all(store, writer: ModuleType, tmp: str, size: int) -> dict:
    """Every table, then _schema.json, into tmp; the rows of each table by partition."""
    from ..store import export as tables

    rows: dict[str, dict[str | None, int]] = {}
    try:
        tables.prepare(store)
        for table in tables.TABLES:
            months = tables.months(store, table) if table.partition else [None]
            parts = ((m, tables.batches(store, table, m, size)) for m in months)
            rows[table.name] = writer.write_table(tmp, table, parts)
        schema = _schema(tables.TABLES, tables.provenance(store), rows)
        with open(os.path.join(tmp, SCHEMA_FILE), "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    except OSError as e:
        raise InputError(f"{tmp}: cannot write the export ({e.strerror or e})") from None
    return rows


def _schema(tables, provenance: dict, rows: dict) -> dict:
    """The machine-readable description of the export (DIR/_schema.json)."""
    try:
        version = importlib.metadata.version("factcheck-news")
    except importlib.metadata.PackageNotFoundError:
        version = None
    described = {}
    for table in tables:
        described[table.name] = {
            "meaning": table.meaning,
            "partitioning": {"style": "hive", "column": table.partition}
            if table.partition
            else None,
            "rows": sum(rows[table.name].values()),
            "partitions": {k: n for k, n in rows[table.name].items() if k is not None},
            "columns": [
                {"name": c.name, "type": c.type, "meaning": c.meaning} for c in table.columns
            ],
        }
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_FORMAT_VERSION,
        "factcheck_version": version,
        **provenance,
        "tables": described,
    }


def _target(folder: str, force: bool) -> tuple[str, str]:
    """The folder to write (a symbolic link's target) and the folder it is in; InputError
    for one that cannot be an export's (see `export`)."""
    if not folder or not folder.strip():
        raise InputError("give the folder to export to, e.g. factcheck export exported/")
    target = os.path.realpath(folder)
    parent = os.path.dirname(target)
    _check_parent(folder, parent)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return target, parent
    except OSError as e:
        raise InputError(f"{folder}: cannot use it for the export ({e.strerror})") from None
    if not stat.S_ISDIR(st.st_mode):
        what = "a file" if stat.S_ISREG(st.st_mode) else "not a folder (a pipe or a device)"
        raise InputError(f"{folder}: is {what}; give a folder to export to (new or empty)")
    if os.listdir(target) and not force:
        raise InputError(
            f"{folder}: is not empty; pass --force to replace an earlier export there, "
            "or give a new folder"
        )
    if os.listdir(target) and not _is_export(target):
        raise InputError(
            f"{folder}: is not empty and holds no factcheck export (no {SCHEMA_FILE}); "
            "refusing to replace it, even with --force. Give a new folder."
        )
    return target, parent


def _not_around(db_path: str, target: str, folder: str) -> None:
    """InputError when the folder holds the database: replacing it would remove it."""
    if os.path.commonpath([os.path.realpath(db_path), target]) == target:
        raise InputError(f"{folder}: holds the database {db_path}; export to a folder of its own")


def _check_parent(folder: str, parent: str) -> None:
    """InputError unless the folder that will hold the export is a folder we may write."""
    try:
        st = os.stat(parent)
    except OSError as e:
        if e.errno == errno.ENOTDIR:
            raise InputError(f"{folder}: a part of {parent} is not a folder") from None
        raise InputError(f"{folder}: cannot export there, {parent} does not exist") from None
    if not stat.S_ISDIR(st.st_mode):
        raise InputError(f"{folder}: cannot export there, {parent} is not a folder")
    if not os.access(parent, os.W_OK):
        raise InputError(f"{folder}: cannot export there, folder {parent} is not writable")


def _is_export(target: str) -> bool:
    """Whether a folder holds a factcheck export (its _schema.json says so)."""
    try:
        with open(os.path.join(target, SCHEMA_FILE), encoding="utf-8") as f:
            return json.load(f).get("format") == EXPORT_FORMAT
    except (OSError, ValueError, AttributeError):
        return False


def _temporary(folder: str, parent: str) -> str:
    """A new temporary folder beside the target, to write the export in."""
    name = os.path.basename(os.path.realpath(folder))
    try:
        return tempfile.mkdtemp(prefix=f".{name}.", suffix=".tmp", dir=parent)
    except OSError as e:
        raise InputError(f"{folder}: cannot export there ({e.strerror or e})") from None


def _swap(tmp: str, target: str, folder: str) -> str | None:
    """Put the complete export in place of the target (an earlier export, an empty folder
    or nothing); the earlier export goes only once the new one is in its place."""
    old = None
    try:
        if os.path.isdir(target) and os.listdir(target):
            old = tmp.removesuffix(".tmp") + ".old"
            os.rename(target, old)
        os.rename(tmp, target)
    except OSError as e:
        if old is not None and not os.path.exists(target):
            with contextlib.suppress(OSError):
                os.rename(old, target)
            old = None
        shutil.rmtree(tmp, ignore_errors=True)
        raise InputError(
            f"{folder}: cannot put the export in place ({e.strerror or e}); "
            "any earlier export there is unchanged"
        ) from None
    if old is None:
        return None
    try:
        shutil.rmtree(old)
    except OSError as e:
        return f"{old}: the earlier export, replaced, could not be removed ({e.strerror or e})"
    return None
