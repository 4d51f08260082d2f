"""The app's run: incremental extraction, removed documents, stable conflict ids, atomic results."""

import os
from types import SimpleNamespace

import pytest

from factcheck import app, documents
from factcheck.app import checking
from factcheck.store import Store

from . import fake_extract


def run(**kw):
    """A run over the `newsroom` fixture's corpus, with the stand-in extractor."""
    kw.setdefault("extractor", fake_extract)
    return app.run(["news"], "rules", "factcheck.db", **kw)


def conflict_ids(result) -> dict[str, str]:
    return {c.rule_id: c.id for c in result.conflicts}


def test_unchanged_documents_are_not_extracted_again(newsroom):
    first = run()
    assert (first.extracted, first.reused) == (2, 0)
    fake_extract.calls.clear()
    second = run()
    assert fake_extract.calls == []
    assert (second.extracted, second.reused) == (0, 2)
    assert second.conflicts == first.conflicts
    assert second.claims == first.claims


def test_only_an_edited_document_is_extracted_again(newsroom):
    run()
    fake_extract.calls.clear()
    plain = newsroom / "news" / "plain.txt"
    plain.write_text(plain.read_text() + "Later, 7 more troops arrived in Iraq.\n")
    result = run()
    assert fake_extract.calls == ["news/plain.txt"]
    assert result.extracted == 1


def test_a_new_extractor_version_extracts_everything_again(newsroom, monkeypatch):
    run()
    fake_extract.calls.clear()
    monkeypatch.setattr(fake_extract, "EXTRACTOR_VERSION", "fake-2")
    run()
    assert sorted(fake_extract.calls) == ["news/a, b: c.txt", "news/plain.txt"]


def test_a_removed_document_leaves_the_results(newsroom):
    assert len(run().conflicts) == 3
    (newsroom / "news" / "plain.txt").unlink()
    result = run()
    assert result.removed == ["news/plain.txt"]
    assert result.conflicts == []
    store = Store("factcheck.db")
    assert {c.doc for c in store.claims()} == {"news/a, b: c.txt"}
    assert store.conflicts() == []
    assert (
        store.db.execute("select count(*) from matches where doc = 'news/plain.txt'").fetchone()[0]
        == 0
    )


def test_rules_are_evaluated_again_on_every_run(newsroom):
    run()
    rules = newsroom / "rules" / "news.yaml"
    rules.write_text(rules.read_text().replace("tolerance: 0.1}", "tolerance: 10}"))
    fake_extract.calls.clear()
    result = run()
    assert fake_extract.calls == []
    assert result.conflicts == []


def test_conflict_ids_survive_unrelated_changes(newsroom):
    before = conflict_ids(run())
    # a new unrelated document, an edit elsewhere in a conflict's document
    # (which moves its offsets and lines), and a change to another rule
    (newsroom / "news" / "zz.txt").write_text("Dec 09, 2017\n\n3 fighters and 2 groups.\n")
    plain = newsroom / "news" / "plain.txt"
    plain.write_text(plain.read_text().replace("\n\n", "\n\nA new first paragraph.\n\n", 1))
    rules = newsroom / "rules" / "news.yaml"
    rules.write_text(rules.read_text().replace("nouns: [ships]", "nouns: [ships, boats]"))
    after = run()
    assert conflict_ids(after)["troops"] == before["troops"]
    troops = next(c for c in after.conflicts if c.rule_id == "troops")
    assert troops.right.line == 5  # it moved, and kept its id


def test_conflict_id_changes_when_the_statement_does(newsroom):
    before = conflict_ids(run())
    plain = newsroom / "news" / "plain.txt"
    plain.write_text(plain.read_text().replace("5,000 troops", "4,000 troops"))
    assert conflict_ids(run())["troops"] != before["troops"]


def test_a_failed_run_keeps_the_previous_results(newsroom, monkeypatch):
    first = run()

    def broken(*args):
        raise RuntimeError("interrupted")

    monkeypatch.setattr(checking, "_check_fact", broken)  # checking a fact, every run
    (newsroom / "news" / "plain.txt").unlink()
    with pytest.raises(RuntimeError):
        run()
    store = Store("factcheck.db")
    assert [c.id for c in store.conflicts()] == [c.id for c in first.conflicts]


def test_reviews_outlive_runs(newsroom):
    troops = conflict_ids(run())["troops"]
    assert app.review("factcheck.db", troops, "accepted", "known") == troops
    result = run()
    assert {c.rule_id: c.status for c in result.conflicts}["troops"] == "accepted"
    assert app.review("factcheck.db", troops[:5], "open") == troops
    assert {c.rule_id: c.status for c in run().conflicts}["troops"] == "open"


def test_ids_are_stable_with_the_real_extractor(tmp_path, monkeypatch):
    """End to end with factcheck.extract: an unrelated article leaves the ids alone."""
    pytest.importorskip("factcheck.extract")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "r.yaml").write_text(fake_extract.RULES)
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Dec 04, 2017\n\nThere are 5,000 troops in Iraq.\n")
    (news / "b.txt").write_text("Dec 05, 2017\n\nAbout 12,000 troops are in Iraq now.\n")
    first = app.run(["news"], "rules", "factcheck.db")
    assert [c.rule_id for c in first.conflicts] == ["troops"]
    (news / "c.txt").write_text("Dec 06, 2017\n\nThe council approved 45 new buses.\n")
    (news / "a.txt").write_text(
        "Dec 04, 2017\n\nA new opening paragraph.\n\nThere are 5,000 troops in Iraq.\n"
    )
    second = app.run(["news"], "rules", "factcheck.db")
    assert second.extracted == 2
    assert [c.id for c in second.conflicts] == [c.id for c in first.conflicts]


def test_changed_metadata_alone_re_extracts_with_the_new_date(tmp_path):
    """A claim's time comes from the publication date: a new date must reach the claims."""
    from factcheck import extract as real_extractor

    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("About 5,000 troops are in Iraq.\n", encoding="utf-8")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yaml").write_text(
        "rules:\n  - id: t\n    title: T\n    select: {nouns: [troops]}\n", encoding="utf-8"
    )
    db = str(tmp_path / "f.db")
    meta = news / "a.txt.meta.json"
    times = []
    for published in ("2017-12-02", "2019-05-06"):
        meta.write_text(f'{{"published": "{published}"}}', encoding="utf-8")
        result = app.run([str(news)], str(rules), db, extractor=real_extractor)
        assert result.extracted == 1
        times.append([c.time for c in result.claims])
    assert times == [["2017-12-02"], ["2019-05-06"]]
    again = app.run([str(news)], str(rules), db, extractor=real_extractor)
    assert (again.extracted, again.reused) == (0, 1)


# -- stamps: an unchanged file is not read again -----------------------------------


@pytest.fixture
def settled(newsroom, monkeypatch):
    """The newsroom with every file's times trusted at once (as for files written long ago),
    and a record of the article files each run reads."""
    monkeypatch.setattr(documents, "RACY_NS", 0)
    reads: list[str] = []
    real = documents._read_bytes

    def spy(path, *args, **kw):
        if not path.endswith(documents.META_SUFFIX):
            reads.append(os.path.basename(path))
        return real(path, *args, **kw)

    monkeypatch.setattr(documents, "_read_bytes", spy)
    return SimpleNamespace(root=newsroom, reads=reads)


def test_a_file_with_its_stored_stamp_is_not_read_again(settled):
    first = run()
    settled.reads.clear()
    second = run()
    assert settled.reads == []
    assert (second.extracted, second.reused) == (0, 2)
    assert second.conflicts == first.conflicts
    assert {d.path: d.title for d in second.documents} == {d.path: d.title for d in first.documents}
    # --reread reads and hashes every file all the same
    run(reread=True)
    assert sorted(settled.reads) == ["a, b: c.txt", "plain.txt"]


def test_an_edit_that_keeps_size_and_modification_time_is_still_seen(settled):
    """rsync -t or touch -r put the old time back; the change time cannot be put back."""
    run()
    plain = settled.root / "news" / "plain.txt"
    before = os.stat(plain)
    text = plain.read_text(encoding="utf-8")
    edited = text.replace("5", "6", 1)
    assert edited != text and len(edited) == len(text)
    plain.write_text(edited, encoding="utf-8")
    os.utime(plain, ns=(before.st_atime_ns, before.st_mtime_ns))
    fake_extract.calls.clear()
    run()
    assert fake_extract.calls == ["news/plain.txt"]


def test_a_new_metadata_file_is_seen_without_touching_the_article(settled):
    run()
    meta = settled.root / "news" / ("plain.txt" + documents.META_SUFFIX)
    meta.write_text('{"title": "Troop numbers in Iraq, updated"}', encoding="utf-8")
    fake_extract.calls.clear()
    result = run()
    assert fake_extract.calls == ["news/plain.txt"]
    assert {d.path: d.title for d in result.documents}["news/plain.txt"] == (
        "Troop numbers in Iraq, updated"
    )


def test_a_touched_file_is_read_once_then_trusted_again(settled):
    run()
    plain = settled.root / "news" / "plain.txt"
    os.utime(plain, ns=(10**18, 10**18 + 7))
    settled.reads.clear()
    fake_extract.calls.clear()
    run()
    assert settled.reads == ["plain.txt"] and fake_extract.calls == []  # same bytes
    settled.reads.clear()
    run()
    assert settled.reads == []


def test_a_file_changed_just_before_it_is_read_is_read_again_next_time(newsroom):
    """Within a timestamp tick a second change may leave the times as they were."""
    run()
    stamps = Store("factcheck.db").db.execute("select stamp from documents").fetchall()
    assert stamps == [(None,), (None,)]
    fake_extract.calls.clear()
    assert run().reused == 2  # read and hashed: the same bytes, not extracted


def test_documents_keep_the_listing_order_when_some_are_read_and_some_stamped(settled):
    first = run()
    os.utime(settled.root / "news" / "a, b: c.txt", ns=(10**18, 10**18 + 7))  # read again
    second = run()
    assert [d.path for d in second.documents] == [d.path for d in first.documents]
    assert [d.path for d in first.documents] == ["news/a, b: c.txt", "news/plain.txt"]


@pytest.mark.parametrize(
    "fail_on, empty_file, allow_skipped, code, error",
    [
        ("error", False, False, app.EXIT_CONFLICTS, None),
        ("never", False, False, app.EXIT_CLEAN, None),
        ("never", True, False, app.EXIT_BAD_INPUT, app.SKIPPED_FAILS),
        ("never", True, True, app.EXIT_CLEAN, None),
        ("error", True, True, app.EXIT_CONFLICTS, None),
    ],
)
def test_a_run_and_its_report_know_their_exit_code(
    newsroom, monkeypatch, fail_on, empty_file, allow_skipped, code, error
):
    monkeypatch.setattr(app, "default_extractor", lambda: fake_extract)
    if empty_file:
        (newsroom / "news" / "empty.txt").write_text("")
    request = app.RunRequest(
        ["news"], "rules", "factcheck.db", fail_on=fail_on, allow_skipped=allow_skipped
    )
    done = app.run_and_report(request)
    assert done.outcome == app.Outcome(code, error)
    assert [s.path for s in done.result.skipped] == (["news/empty.txt"] if empty_file else [])
    assert done.report.summary().startswith("2 documents, 6 claims, 4 facts checked, 3 findings")


def test_extracting_a_skipped_file_exits_2(newsroom, monkeypatch):
    monkeypatch.setattr(app, "default_extractor", lambda: fake_extract)
    assert app.extract_claims(["news"]).outcome == app.Outcome()
    (newsroom / "news" / "empty.txt").write_text("")
    assert app.extract_claims(["news"]).outcome == app.Outcome(app.EXIT_BAD_INPUT)
