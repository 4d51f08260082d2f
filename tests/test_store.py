"""The SQLite store: migrations, refusal of foreign files, idempotent writes, locking."""

import sqlite3

import pytest

from factcheck import store as store_mod
from factcheck.errors import StoreError
from factcheck.model import Document
from factcheck.store import Store

from .helpers import claim

DOC = Document(path="a.txt", text="The U.S. has 5,000 troops in Iraq.", sha256="abc")


def test_new_database_has_every_migration(tmp_path):
    s = Store(str(tmp_path / "f.db"))
    assert s.applied_migrations() == [name for name, _ in store_mod.MIGRATIONS]
    assert {"documents", "claims", "rules", "matches", "conflicts", "runs", "reviews"} <= set(
        s.db.table_names()
    )


def test_old_database_upgrades_itself_and_keeps_its_rows(tmp_path, monkeypatch):
    path = str(tmp_path / "old.db")
    monkeypatch.setattr(store_mod, "MIGRATIONS", store_mod.MIGRATIONS[:1])
    old = Store(path)
    old.save_document(DOC, [claim()], "v1")
    old.close()
    monkeypatch.undo()
    new = Store(path)
    assert new.applied_migrations() == [name for name, _ in store_mod.MIGRATIONS]
    assert len(new.claims()) == 1


def test_saving_twice_leaves_the_same_rows(tmp_path):
    s = Store(str(tmp_path / "f.db"))
    for _ in range(2):
        s.save_document(DOC, [claim(), claim(start=40, text="9,000 troops")], "v1")
    assert s.db["claims"].count == 2
    assert s.db["documents"].count == 1


@pytest.mark.parametrize(
    "content, message",
    [
        (b"hello, I am a text file", "is not an SQLite database"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "corrupt"),
    ],
)
def test_foreign_or_corrupt_file_is_refused_and_untouched(tmp_path, content, message):
    path = tmp_path / "f.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        Store(str(path))
    assert path.read_bytes() == content


def test_other_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "f.db"
    conn = sqlite3.connect(path)
    conn.execute("create table photos (id int)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a factcheck database"):
        Store(str(path))
    assert path.read_bytes() == before


def test_locked_database_waits_then_fails_clearly(tmp_path):
    path = str(tmp_path / "f.db")
    Store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="locked by another factcheck run"):
            Store(path, lock_timeout=0.2).save_document(DOC, [claim()], "v1")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_unwritable_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(str(tmp_path / "missing" / "f.db"))
