"""The SQLite store: migrations, refusal of foreign files, idempotent writes, locking."""

import json
import os
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from factcheck import store as store_mod
from factcheck.errors import StoreError
from factcheck.model import Document
from factcheck.store import FactRow, RunRecord, Store, schema

from .helpers import claim

DOC = Document(path="a.txt", text="The U.S. has 5,000 troops in Iraq.", sha256="abc")


def test_new_database_has_every_migration(tmp_path):
    s = Store(str(tmp_path / "f.db"))
    assert s.applied_migrations() == [step.__name__ for step in schema.STEPS]
    assert {"documents", "claims", "rules", "matches", "conflicts", "runs", "reviews"} <= set(
        s.db.table_names()
    )


def _old_database(path: str, migrations: int, claims: list) -> None:
    """A database as a factcheck with only the first migrations wrote it (sentences inline),
    its migrations recorded in factcheck's own registry of the time (`_factcheck_migrations`)."""
    old = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))  # as the store did
    old.execute("PRAGMA journal_mode=WAL")
    old["_factcheck_migrations"].create({"name": str, "applied": int}, pk="name")
    for order, step in enumerate(schema.STEPS[:migrations], 1):
        step(old)
        old["_factcheck_migrations"].insert({"name": step.__name__, "applied": order})
    # rows as the first schemas held them: later migrations add claim columns
    old["documents"].insert({"path": DOC.path, "sha256": "abc", "extractor_version": "v1"})
    columns = old["claims"].columns_dict
    old["claims"].insert_all(
        [{k: v for k, v in c.to_json().items() if k in columns} for c in claims]
    )
    old.close()


def test_old_database_upgrades_itself_and_keeps_its_rows(tmp_path):
    path = str(tmp_path / "old.db")
    _old_database(path, 1, [claim()])
    new = Store(path)
    assert new.applied_migrations() == [step.__name__ for step in schema.STEPS]
    assert new.claims() == [claim()]


def test_m004_stores_each_sentence_once_and_claims_read_the_same(tmp_path):
    long_line = "Officials said " + ", ".join(f"{1000 + i:,} troops" for i in range(300)) + "."
    many = [
        claim(start=15 + 14 * i, text=f"{1000 + i:,} troops", sentence=long_line, context=long_line)
        for i in range(300)
    ]
    path = str(tmp_path / "old.db")
    _old_database(path, 3, many)
    new = Store(path)
    assert new.db["sentences"].count == 1  # the sentence and the context are the same text
    assert "sentence" not in new.db["claims"].columns_dict
    assert new.claims() == sorted(many, key=lambda c: c.start)
    row = new.db.execute(
        "select left_sentence from conflict_details union all select sentence from claim_documents"
    ).fetchone()
    assert row[0] == long_line


def test_upgraded_claims_are_plain_values_with_no_frame(tmp_path):
    path = str(tmp_path / "old.db")
    _old_database(path, 1, [claim()])
    [upgraded] = Store(path).claims()
    assert (upgraded.text, upgraded.role, upgraded.about, upgraded.speaker) == (
        claim().text,
        "value",
        "",
        None,
    )


# -- adoption of factcheck's own registry by sqlite-utils' migrations -------------------

REGISTRY_DUMP = Path(__file__).parent / "fixtures" / "store" / "registry-4283a2b.sql"


def _registry_database(path: str) -> None:
    """The database main made at 4283a2b of the newsroom corpus (one review), from its dump."""
    conn = sqlite3.connect(path)
    conn.executescript(REGISTRY_DUMP.read_text(encoding="utf-8"))
    conn.close()


def _rows(path: str) -> dict[str, list]:
    """Every row of every table but the migration registries, sorted."""
    conn = sqlite3.connect(path)
    names = conn.execute(
        "select name from sqlite_master where type = 'table' and name not like '%migrations'"
    ).fetchall()
    rows = {n: sorted(conn.execute(f'select * from "{n}"').fetchall(), key=repr) for (n,) in names}
    conn.close()
    return rows


def _columns(path: str, table: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    columns = conn.execute(f'pragma table_info("{table}")').fetchall()
    conn.close()
    return columns


def test_a_database_of_the_old_registry_is_adopted_and_keeps_every_row(tmp_path):
    path = str(tmp_path / "old.db")
    _registry_database(path)
    before = _rows(path)
    assert before["matches"] and before["facts"] and before["reviews"]
    s = Store(path)
    assert s.applied_migrations() == [step.__name__ for step in schema.STEPS]
    assert "_factcheck_migrations" not in s.db.table_names()
    expected = json.loads(REGISTRY_DUMP.with_name("registry-4283a2b.conflicts.json").read_text())
    assert sorted((c.id, c.status) for c in s.conflicts()) == sorted(
        (c["id"], c["status"]) for c in expected
    )
    s.close()
    # no migration ran again: m006 would have emptied `matches` and marked documents unmatched;
    # the ones newer than the old registry's add each rule's origin, "rule", and paste (m008),
    # and each claim's column, unknown until the next run extracts every document again (m009)
    after = _rows(path)
    assert {r[-2:] for r in after["rules"]} == {("rule", "")}
    assert {r[-1] for r in after["claims"]} == {None}
    version = [n for (_, n, *_) in _columns(path, "documents")].index("extractor_version")
    assert {r[version] for r in after["documents"]} == {""}
    before["documents"] = [(*r[:version], "", *r[version + 1 :]) for r in before["documents"]]
    assert {
        **after,
        "rules": [r[:-2] for r in after["rules"]],
        "claims": [r[:-1] for r in after["claims"]],
    } == before
    assert Store(path).applied_migrations() == [step.__name__ for step in schema.STEPS]


def test_a_partly_migrated_database_of_the_old_registry_is_adopted_then_upgraded(tmp_path):
    path = str(tmp_path / "old.db")
    _old_database(path, 3, [claim()])  # sentences inline: m004 moves them
    s = Store(path)
    assert s.applied_migrations() == [step.__name__ for step in schema.STEPS]
    rows = s.db.execute("select migration_set, name from _sqlite_migrations order by id")
    assert [r[1] for r in rows] == [step.__name__ for step in schema.STEPS]
    assert s.claims() == [claim()]


def test_a_database_of_the_old_registry_is_read_without_being_adopted(tmp_path):
    path = tmp_path / "old.db"
    _registry_database(str(path))
    raw = path.read_bytes()
    s = Store(str(path), readonly=True)
    # m008 (each rule's origin) and m009 (each claim's column) came after it; reading does
    # without them
    assert s.applied_migrations() == [step.__name__ for step in schema.STEPS[:-2]]
    assert len(s.conflicts()) == 3
    s.close()
    assert path.read_bytes() == raw


def test_a_database_partly_migrated_by_sqlite_utils_upgrades_itself(tmp_path):
    path = str(tmp_path / "f.db")
    db = sqlite_utils.Database(path)
    schema.MIGRATIONS.apply(db, stop_before="m006_incremental_facts")
    db.close()
    s = Store(path)
    assert s.applied_migrations() == [step.__name__ for step in schema.STEPS]
    assert "selections" in s.db.table_names()


def test_a_database_another_program_migrated_is_refused(tmp_path):
    path = tmp_path / "f.db"
    db = sqlite_utils.Database(path)
    photos = sqlite_utils.Migrations("photos")
    photos()(lambda db: db["photos"].create({"id": int}))
    photos.apply(db)
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a factcheck database"):
        Store(str(path))
    assert path.read_bytes() == before


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


# -- results, reviews and views ----------------------------------------------------


def _results(s: Store) -> None:
    from factcheck.model import Conflict

    a = claim(doc="a.txt")
    b = claim(doc="b.txt", value=12000.0, text="12,000 troops", sentence="12,000 troops | </x>")
    s.save_document(DOC, [a], "v1")
    s.save_document(Document(path="b.txt", text="x", sha256="b", published="2017-12-02"), [b], "v1")
    conflict = Conflict(
        id="abc123def456", rule_id="troops", severity="error", check="agreement",
        reason="5,000 and 12,000 do not overlap", left=a, right=b, details={"tolerance": 0.1},
    )  # fmt: skip
    bound = Conflict(
        id="abc999000000", rule_id="troops", severity="warning", check="bounds",
        reason="5,000 is above the maximum", left=a,
    )  # fmt: skip
    rules = [{"id": "troops", "file": "r.yaml", "line": 2, "title": "Troops", "severity": "error",
              "description": "", "spec": "{}"}]  # fmt: skip
    s.save_results({"started": "t"}, rules, [("troops", a), ("troops", b)], [conflict, bound])


def test_conflicts_come_back_as_records_with_reviews_applied(tmp_path):
    s = Store(str(tmp_path / "f.db"))
    _results(s)
    found = s.conflicts()
    assert [(c.id, c.status, c.right is None) for c in found] == [
        ("abc123def456", "open", False),
        ("abc999000000", "open", True),
    ]
    assert found[0].right.sentence == "12,000 troops | </x>"
    s.set_review("abc123def456", "accepted", "known", "2024-01-01")
    _results(s)  # a new run replaces conflicts, never reviews
    assert [c.id for c in s.conflicts("accepted")] == ["abc123def456"]
    assert s.conflict("abc1").details == {"tolerance": 0.1, "review_reason": "known"}
    assert [c.id for c in s.conflicts("open")] == ["abc999000000"]


@pytest.mark.parametrize(
    "given, expected",
    [
        ("abc123def456", "abc123def456"),
        ("abc123", "abc123def456"),
        ("[abc9]", "abc999000000"),
        ("abc", "no finding 'abc'"),  # too short to guess
        ("abc1 ", "abc123def456"),
        ("zzzz", "no finding 'zzzz'"),
    ],
)
def test_find_conflict_by_id_or_prefix(tmp_path, given, expected):
    from factcheck.errors import InputError

    s = Store(str(tmp_path / "f.db"))
    _results(s)
    if expected.startswith("no finding"):
        with pytest.raises(InputError, match=expected):
            s.find_conflict(given)
    else:
        assert s.find_conflict(given) == expected


def test_claims_by_rule_and_unmatched(tmp_path):
    s = Store(str(tmp_path / "f.db"))
    _results(s)
    s.save_document(
        Document(path="c.txt", text="x", sha256="c"), [claim(doc="c.txt", noun="buses")], "v1"
    )
    assert [c.doc for c in s.claims(rule="troops")] == ["a.txt", "b.txt"]
    assert [c.doc for c in s.claims(unmatched=True)] == ["c.txt"]
    assert [c.doc for c in s.claims(docs=["b.txt", "c.txt"])] == ["b.txt", "c.txt"]


def test_views_join_conflicts_to_claims_documents_and_reviews(tmp_path):
    s = Store(str(tmp_path / "f.db"))
    _results(s)
    s.set_review("abc123def456", "accepted", "known", "2024-01-01")
    rows = list(s.db.query("select * from conflict_details order by id"))
    assert rows[0]["status"] == "accepted" and rows[0]["review_reason"] == "known"
    assert (rows[0]["left_doc"], rows[0]["right_doc"], rows[0]["right_published"]) == (
        "a.txt",
        "b.txt",
        "2017-12-02",
    )
    assert rows[0]["rule_title"] == "Troops" and rows[0]["right_text"] == "12,000 troops"
    assert rows[1]["right_doc"] is None and rows[1]["status"] == "open"
    claims = list(s.db.query("select doc, text, doc_published from claim_documents order by doc"))
    assert claims == [
        {"doc": "a.txt", "text": "5,000 troops", "doc_published": None},
        {"doc": "b.txt", "text": "12,000 troops", "doc_published": "2017-12-02"},
    ]


def test_reading_commands_do_not_create_a_database(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(str(tmp_path / "none.db"), create=False)
    assert not (tmp_path / "none.db").exists()


def test_run_lock_is_held_until_released_and_waits_a_bounded_time(tmp_path):
    import time

    path = str(tmp_path / "f.db")
    with store_mod.run_lock(path, timeout=0.2):
        started = time.monotonic()
        with pytest.raises(StoreError, match="another factcheck run is using the database"):
            with store_mod.run_lock(path, timeout=0.2):
                pass
        assert 0.2 <= time.monotonic() - started < 2
    with store_mod.run_lock(path, timeout=0.2):  # released: free again
        pass


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_run_through_another_name_of_the_database_waits_for_the_lock(tmp_path, link):
    path = tmp_path / "f.db"
    Store(str(path)).close()
    other = tmp_path / "g.db"
    if link == "symlink":
        other.symlink_to(path)
    else:
        os.link(path, other)
    with store_mod.run_lock(str(path), timeout=0.2):
        with pytest.raises(StoreError, match="another factcheck run is using the database"):
            with store_mod.run_lock(str(other), timeout=0.2):
                pass
    with store_mod.run_lock(str(other), timeout=0.2):  # released: free again
        pass


NEWER = {  # a migration this factcheck does not know, in either registry
    "sqlite-utils": "insert into _sqlite_migrations (migration_set, name, applied_at)"
    " values ('factcheck', 'm042_from_the_future', '2099-01-01 00:00:00+00:00')",
    "factcheck's own": "insert into _factcheck_migrations values ('m042_from_the_future', 42)",
}


@pytest.mark.parametrize("registry", list(NEWER))
def test_database_of_a_newer_factcheck_is_refused_untouched(tmp_path, registry):
    path = tmp_path / "f.db"
    if registry == "sqlite-utils":
        Store(str(path)).close()
    else:
        _old_database(str(path), len(schema.STEPS), [])
    conn = sqlite3.connect(path)
    conn.execute(NEWER[registry])
    conn.commit()
    conn.close()
    raw = path.read_bytes()
    with pytest.raises(StoreError, match="written by a newer factcheck"):
        Store(str(path))
    assert path.read_bytes() == raw


def test_a_read_only_open_of_an_old_database_asks_for_a_run(tmp_path):
    path = str(tmp_path / "old.db")
    _old_database(path, 3, [claim()])
    with pytest.raises(StoreError, match="written by an older factcheck; run `factcheck run`"):
        Store(path, readonly=True)


# -- kept selection and fingerprints (m006) ------------------------------------------


def _troops(c, ids):
    return [i for i in ids if "troops" in c.text]


def test_matches_follow_saved_documents_and_fingerprints_their_content(tmp_path):
    s = Store(str(tmp_path / "f.db"))
    s.save_document(DOC, [claim()], "v1")
    assert s.refresh_matches({"troops": "r1"}, {"troops": None}, _troops) == ["troops"]
    first = s.match_fingerprints()
    assert first["troops"].startswith("1:")
    assert [c.text for c in s.rule_claims("troops")] == [claim().text]
    # an unchanged rule looks only at documents saved since: nothing to do
    assert s.refresh_matches({"troops": "r1"}, {"troops": None}, lambda c, ids: 1 / 0) == []
    assert s.match_fingerprints() == first
    # the same claim with other content (its time) is another fingerprint
    s.save_document(DOC, [claim(time="2018")], "v1")
    s.refresh_matches({"troops": "r1"}, {"troops": None}, _troops)
    assert s.match_fingerprints()["troops"] not in (first["troops"], None)
    s.save_document(DOC, [claim()], "v1")
    s.refresh_matches({"troops": "r1"}, {"troops": None}, _troops)
    assert s.match_fingerprints() == first
    # a removed document takes its matches; a dropped rule its own
    s.remove_documents_except([])
    assert s.match_fingerprints() == {}


def test_a_changed_rule_selects_from_every_claim_of_its_kinds(tmp_path):
    s = Store(str(tmp_path / "f.db"))
    s.save_document(DOC, [claim(), claim(start=40, text="9 percent", kind="percent")], "v1")
    s.refresh_matches({"t": "r1"}, {"t": {"count"}}, lambda c, ids: ids)
    assert [c.kind for c in s.rule_claims("t")] == ["count"]
    s.refresh_matches({"t": "r2"}, {"t": {"percent"}}, lambda c, ids: ids)
    assert [c.kind for c in s.rule_claims("t")] == ["percent"]
    s.refresh_matches({}, {}, lambda c, ids: ids)
    assert s.rule_claims("t") == []


def test_an_upgraded_database_selects_and_checks_everything_once(tmp_path):
    path = str(tmp_path / "old.db")
    _old_database(path, 5, [claim()])
    new = Store(path)
    assert new.applied_migrations()[-4:] == [
        "m006_incremental_facts",
        "m007_document_stamps",
        "m008_rule_origins",
        "m009_claim_columns",
    ]
    assert new.fact_states() == {}
    assert new.refresh_matches({"t": "r1"}, {"t": None}, lambda c, ids: ids) == ["t"]
    assert len(new.rule_claims("t")) == 1


def test_opening_does_not_read_every_page(tmp_path, monkeypatch):
    """The opening check covers the small tables only: not a quick_check of the file."""
    s = Store(str(tmp_path / "f.db"))
    s.save_document(DOC, [claim()], "v1")
    s.close()
    seen = []
    real = sqlite3.Connection.execute

    class Spy(sqlite3.Connection):
        def execute(self, sql, *args):
            seen.append(sql)
            return real(self, sql, *args)

    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: Spy(*a, **k))
    Store(str(tmp_path / "f.db")).close()
    checks = [q for q in seen if "quick_check" in q]
    assert checks and all("quick_check(" in q for q in checks)
    assert not any("claims" in q or "documents" in q for q in checks)


def test_a_facts_claims_share_repeated_values_and_read_back_equal(tmp_path):
    # 1,200 statements of one fact across 400 articles: kinds, nouns, sentences and
    # figures repeat; each is held once
    sentence = "Nearly 5,000 Überwachungs-Soldaten stayed in the Kurdish north, said Ömer Çelik."
    s = Store(str(tmp_path / "f.db"))
    saved = []
    for d in range(400):
        doc = Document(path=f"desk/2025-03/{d:04d}.txt", text=sentence * 3, sha256=f"h{d}")
        claims = [
            claim(doc=doc.path, start=i * len(sentence), sentence=sentence, context=sentence,
                  value=5000.0)
            for i in range(3)
        ]  # fmt: skip
        s.save_document(doc, claims, "v1")
        saved += claims
    s.refresh_matches({"troops": "r1"}, {"troops": None}, _troops)
    loaded = s.rule_claims("troops")
    assert loaded == sorted(saved, key=lambda c: (c.doc, c.start))
    assert len({id(c.sentence) for c in loaded}) == 1
    assert len({id(c.noun) for c in loaded}) == 1
    assert len({id(c.value) for c in loaded if type(c.value) is float}) == 1
    assert len({id(c.doc) for c in loaded}) == 400


def test_packed_text_is_written_as_the_text(tmp_path):
    # a fact's findings are held compressed until the run saves them
    text = '[{"sentence":"Rs 1,70,300 crore — ‘about ₹2 lakh’ said the ministry"}]' * 500
    packed = store_mod.Packed.of(text)
    assert len(packed.data) < len(text) / 10
    s = Store(str(tmp_path / "f.db"))
    fact = FactRow(rule_id="rail-cost", spec="v", fingerprint="1:2:3", findings=packed,
                   fact=store_mod.Packed.of("[]"), relation_key=None, relations="[]")  # fmt: skip
    s.save_run(RunRecord(started="2025-03-01T00:00:00+00:00"), [], [fact], {})
    assert s.fact_blob("rail-cost", "findings") == text
    assert s.fact_blob("rail-cost", "fact") == "[]"


def test_the_stored_status_follows_the_review_and_outlives_the_next_run(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from factcheck.cli import cli as command
    from tests import fake_extract

    monkeypatch.chdir(tmp_path)
    fake_extract.write_newsroom(tmp_path)
    CliRunner().invoke(command, ["run", "news"])
    db = sqlite_utils.Database("factcheck.db")
    first = next(iter(db["conflicts"].rows))
    CliRunner().invoke(command, ["accept", first["id"], "--reason", "the 2016 figure"])
    assert db["conflicts"].get(first["id"])["status"] == "accepted"
    CliRunner().invoke(command, ["run", "news"])  # a new run writes its findings again
    assert db["conflicts"].get(first["id"])["status"] == "accepted"
    CliRunner().invoke(command, ["reopen", first["id"]])
    assert db["conflicts"].get(first["id"])["status"] == first["status"]
