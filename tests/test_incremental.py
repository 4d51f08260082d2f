"""Incremental runs: an unchanged fact is not checked again, and reports do not change.

A run keeps what each rule selects and each fact's findings in the database,
with the rule's version and a fingerprint of the claims it selected; these
tests check what a user sees: the same report from stored findings, only the
touched facts checked again, and --jobs 2 giving what --jobs 1 gives.
"""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import app
from factcheck.cli import cli
from factcheck.store import Store

from . import fake_extract

RELATED_RULES = fake_extract.RULES.replace(
    "  - id: fighters\n",
    "  - id: fighters\n    relate: {part_of: troops}\n",
)


def run(**kw):
    """A run over the `newsroom` fixture's corpus, with the stand-in extractor."""
    kw.setdefault("extractor", fake_extract)
    return app.run(["news"], "rules", "factcheck.db", **kw)


def reported(result) -> list:
    """The findings as reports show them: every field, the details included."""
    return [(c.id, c.rule_id, c.check, c.reason, c.left, c.right, c.status, c.details)
            for c in result.conflicts]  # fmt: skip


def test_an_unchanged_run_checks_no_fact_and_reports_the_same(newsroom):
    first = run()
    assert sorted(first.rechecked) == ["fighters", "groups", "quiet", "troops"]
    second = run()
    assert second.rechecked == []
    assert reported(second) == reported(first)
    assert [f.claims for f in second.facts] == [f.claims for f in first.facts]
    assert second.facts == first.facts


def test_an_edited_document_checks_only_the_facts_its_claims_touch(newsroom):
    first = run()
    plain = newsroom / "news" / "plain.txt"
    plain.write_text(plain.read_text().replace("40 groups", "45 groups"))
    second = run()
    assert second.rechecked == ["groups"]
    assert reported(second)[0] == reported(first)[0]  # the other facts' findings are kept
    assert {c.rule_id for c in second.conflicts} == {c.rule_id for c in first.conflicts}
    again = run()
    assert again.rechecked == []
    assert reported(again) == reported(second)


def test_an_appended_paragraph_that_moves_no_claim_checks_nothing(newsroom):
    run()
    plain = newsroom / "news" / "plain.txt"
    plain.write_text(plain.read_text() + "\nA later paragraph without figures.\n")
    result = run()
    assert result.extracted == 1  # the document changed...
    assert result.rechecked == []  # ...but not one claim any rule selects


def test_a_removed_document_checks_its_facts_again(newsroom):
    run()
    (newsroom / "news" / "plain.txt").unlink()
    result = run()
    assert sorted(result.rechecked) == ["fighters", "groups", "troops"]
    assert result.conflicts == []  # one source left per fact: nothing to disagree with


def test_a_changed_rule_checks_only_its_fact_and_a_removed_rule_drops_its_findings(newsroom):
    run()
    rules = newsroom / "rules" / "news.yaml"
    loose = "agree: {tolerance: 0.5}\n  - id: fighters"
    text = fake_extract.RULES.replace("agree: {tolerance: 0.1}\n  - id: fighters", loose)
    rules.write_text(text)
    result = run()
    assert result.rechecked == ["groups"]
    assert "groups" not in {c.rule_id for c in result.conflicts}  # 40 and 60 agree within 50%
    rules.write_text(text.split("  - id: fighters")[0])
    result = run()
    assert result.rechecked == []
    stored = Store("factcheck.db").conflicts()
    assert {c.rule_id for c in stored} == {"troops"}


def test_moving_a_rule_in_its_file_checks_nothing_again(newsroom):
    run()
    rules = newsroom / "rules" / "news.yaml"
    rules.write_text("# the rules of the newsroom\n\n" + rules.read_text())
    assert run().rechecked == []


def test_relation_findings_follow_the_facts_they_relate(newsroom):
    (newsroom / "rules" / "news.yaml").write_text(RELATED_RULES)
    (newsroom / "news" / "more.txt").write_text("Dec 04, 2017\n\nAbout 30,000 fighters massed.\n")
    first = run()
    assert "part_whole" in {c.check for c in first.conflicts}
    assert run().rechecked == []
    # the whole (troops) changes: the part's relation is checked again, its fact is not
    # (the edits keep every other claim where it was)
    for name, old, new in (("plain.txt", "5,000", "50000"), ("a, b: c.txt", "12,000", "99,000")):
        path = newsroom / "news" / name
        path.write_text(path.read_text().replace(old + " troops", new + " troops"))
    second = run()
    assert sorted(second.rechecked) == ["fighters", "troops"]
    assert "part_whole" not in {c.check for c in second.conflicts}


def test_damaged_stored_findings_are_checked_again(newsroom):
    first = run()
    conn = sqlite3.connect("factcheck.db")
    conn.execute("update facts set findings = '[{\"id\": ' where rule_id = 'troops'")
    conn.commit()
    conn.close()
    second = run()
    assert second.rechecked == ["troops"]
    assert reported(second) == reported(first)


def test_a_new_extractor_version_checks_every_fact_again(newsroom, monkeypatch):
    run()
    monkeypatch.setattr(fake_extract, "EXTRACTOR_VERSION", "fake-2")
    assert sorted(run().rechecked) == ["fighters", "groups", "quiet", "troops"]


def test_a_new_extractor_version_finds_the_publication_date_again(newsroom, monkeypatch):
    """A date the reader of an earlier version stored (here none) is not kept when the
    version changes: the article's dateline is read again."""
    (newsroom / "news" / "dated.txt").write_text(
        "Canal breach\nPUNE, March 3, 2026 (PTI) - Water flooded 41 homes.\n", encoding="utf-8"
    )
    run()
    conn = sqlite3.connect("factcheck.db")
    conn.execute("update documents set published = null where path = 'news/dated.txt'")
    conn.commit()
    conn.close()
    run()  # the same version: the stored date is kept
    assert Store("factcheck.db").document_states()["news/dated.txt"].published is None
    monkeypatch.setattr(fake_extract, "EXTRACTOR_VERSION", "fake-2")
    run()
    assert Store("factcheck.db").document_states()["news/dated.txt"].published == "2026-03-03"


def test_claims_of_a_run_are_read_only_when_asked(newsroom):
    result = run()
    assert [c.doc for c in result.claims] == [c.doc for c in Store("factcheck.db").claims()]
    assert len(result.claims) == 6 and result.claims[0].doc == "news/a, b: c.txt"


def _cli(*args) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["run", *args])
    return result.exit_code, result.stdout


@pytest.mark.parametrize("fmt", ["json", "markdown", "sarif", "html", "table"])
def test_second_run_report_is_byte_for_byte_the_first(project_copy, fmt):
    (project_copy / "seeds" / "odd.txt").write_text(
        "About 12,000 U.S. troops are in Iraq now, officials said.\n", encoding="utf-8"
    )
    first = _cli("--format", fmt, "--allow-skipped")
    second = _cli("--format", fmt, "--allow-skipped")
    assert first == second
    assert first[1]


@pytest.fixture
def project_copy(tmp_path, monkeypatch):
    """The repository's seeds and rules in a folder of their own."""
    root = Path(__file__).resolve().parent.parent
    shutil.copytree(root / "seeds", tmp_path / "seeds")
    shutil.copytree(root / "rules", tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _dump(db: str) -> list:
    conn = sqlite3.connect(db)
    try:
        out = []
        for table in ("documents", "claims", "sentences", "matches", "conflicts", "facts"):
            out.append(sorted(map(repr, conn.execute(f"select * from {table}"))))
        return out
    finally:
        conn.close()


def test_jobs_2_gives_what_jobs_1_gives(project_copy):
    """One pool for the run, chunks in flight while others are stored: the same report
    and the same database as extracting in this process."""
    news = project_copy / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(news.glob("*.txt"))]
    for i in range(80):  # more documents than one chunk, so several are in flight
        (news / f"copy{i:03d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    (news / "odd.txt").write_text(
        "About 12,000 U.S. troops are in Iraq now, officials said.\n", encoding="utf-8"
    )
    one = _cli("--jobs", "1", "--format", "json", "--db", "one.db")
    two = _cli("--jobs", "2", "--format", "json", "--db", "two.db")
    assert one == two
    assert json.loads(one[1])["findings"]
    assert _dump("one.db") == _dump("two.db")


def test_one_pool_serves_the_whole_run(project_copy, monkeypatch):
    import factcheck.extract as extract

    started = []

    class Counted(extract.Pool):
        def __init__(self, jobs):
            started.append(jobs)
            super().__init__(jobs)

    monkeypatch.setattr(extract, "Pool", Counted)
    news = project_copy / "seeds"
    for i in range(100):
        (news / f"n{i:03d}.txt").write_text(f"About {1000 + i} troops are in Iraq.\n")
    result = app.run(["seeds"], "rules", "f.db", jobs=2)
    assert result.extracted == 105
    assert started == [2]


def test_a_failing_chunk_in_a_worker_skips_only_its_bad_document(project_copy, monkeypatch):
    import factcheck.extract as extract

    real = extract._extract_chunk

    def fails_on_poison(items):  # runs in the (forked) workers, and here on the retry
        if any("Poison" in text for text, _doc, _pub in items):
            raise RecursionError("maximum recursion depth exceeded")
        return real(items)

    monkeypatch.setattr(extract, "_extract_chunk", fails_on_poison)
    monkeypatch.setenv("FACTCHECK_CRASH_DIR", str(project_copy))
    news = project_copy / "seeds"
    for i in range(40):
        (news / f"n{i:03d}.txt").write_text(f"About {1000 + i} troops are in Iraq.\n")
    (news / "n007.txt").write_text("Poison: 7,777 dogs.\n")
    result = app.run(["seeds"], "rules", "f.db", jobs=2)
    assert [s.path for s in result.skipped] == ["seeds/n007.txt"]
    assert result.extracted == 44
    assert "seeds/n008.txt" in {d["path"] for d in Store("f.db").documents()}


def test_stored_findings_keep_a_shared_consensus_once():
    """Outliers of one fact share their consensus: stored once, read back as one object,
    so a fact with thousands of outliers costs its consensus once in the database and in
    memory, and reads back equal to what was computed."""
    from factcheck.checks.base import side_json
    from factcheck.model import Conflict
    from factcheck.store.codecs import decode_findings, encode_findings

    from .helpers import claim

    backers = tuple(claim(doc=f"src{i:04d}.txt", value=5000.0) for i in range(200))
    side = side_json(backers, None)
    found = [
        Conflict(
            id=f"{i:012d}",
            rule_id="troops",
            severity="error",
            check="outlier",
            reason=f"{9000 + i:,} troops is outside the consensus 5,000 of 200 sources",
            left=claim(doc=f"odd{i:04d}.txt", value=9000.0 + i),
            right=backers[0],
            details={"consensus": side, "tolerance": 0.1, "absolute": 0.0},
        )
        for i in range(300)
    ]
    text = encode_findings(found)
    again = decode_findings(text)
    assert again == found
    assert len({id(c.details["consensus"]) for c in again}) == 1
    # written once (its document and its statement), not once per outlier
    assert text.count("src0001.txt") == 2


def test_a_rule_with_a_regex_has_the_same_version_in_every_process(tmp_path):
    """An editor's regex (compiled by RE2) counts by its text: a second process gives the rule
    the same version, so an unchanged fact's findings are reused, not checked again."""
    import subprocess
    import sys

    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "rules:\n"
        "  - id: kessin-evacuated\n"
        "    title: People evacuated from Kessin\n"
        "    severity: warning\n"
        "    select:\n"
        "      kind: count\n"
        "      regex: '(?i)evacuat(ed|ion)s?\\b.{0,40}Kessin'\n"
        "    agree: {tolerance: 0.1}\n",
        encoding="utf-8",
    )
    code = (
        "import sys; from factcheck.rules import load_rules; "
        "from factcheck.app.incremental import rule_version; "
        "print(rule_version(load_rules(sys.argv[1])[0], '1'))"
    )
    versions = {
        subprocess.run(
            [sys.executable, "-c", code, str(rules)], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(3)
    }
    assert len(versions) == 1, versions


def _count_reads(monkeypatch) -> dict:
    """How many times each article file is read (its bytes, hashed), by name."""
    import factcheck.documents as documents

    reads: dict[str, int] = {}
    real = documents.read_document

    def counted(path, known=None):
        name = Path(path).as_posix()
        reads[name] = reads.get(name, 0) + 1
        return real(path, known)

    monkeypatch.setattr(documents, "read_document", counted)
    return reads


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_new_article_is_read_once_and_a_changed_one_again_to_extract_it(
    project_copy, monkeypatch, jobs
):
    """A file the database does not hold is extracted whatever its bytes, so a first run
    reads each article once, as it extracts it; a stored one is read to see whether it
    changed, and when it did, read again a chunk at a time as the extraction reaches it."""
    reads = _count_reads(monkeypatch)
    news = project_copy / "seeds"
    for i in range(70):
        (news / f"n{i:03d}.txt").write_text(
            f"Kraków, Dec 0{1 + i % 9}, 2017\n\nAbout {1000 + i:,} troops are in Iraq, "
            f"the ministry in Zaragoza said on Tuesday.\n",
            encoding="utf-8",
        )
    first = app.run(["seeds"], "rules", "f.db", jobs=jobs)
    assert first.extracted == len(first.documents) > 70
    assert set(reads.values()) == {1}
    assert [d.path for d in first.documents] == sorted(reads)  # in the listing's order
    stored = {d["path"]: d for d in Store("f.db").documents()}
    for d in first.documents:  # what the run reports of each is what it stored
        assert d.text == ""
        assert (d.sha256, d.title, d.published) == tuple(
            stored[d.path][k] for k in ("sha256", "title", "published")
        )
    assert stored["seeds/n012.txt"]["published"] == "2017-12-04"
    reads.clear()
    edited = news / "n012.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("1,012", "1,120"))
    second = app.run(["seeds"], "rules", "f.db", jobs=jobs, reread=True)
    assert second.extracted == 1
    assert reads.pop("seeds/n012.txt") == 2
    assert set(reads.values()) == {1}  # --reread: read and hashed, not extracted


def test_a_new_empty_article_is_skipped_by_name_and_the_others_stored(project_copy):
    news = project_copy / "seeds"
    for i in range(40):
        (news / f"n{i:03d}.txt").write_text(f"About {1000 + i:,} troops are in Iraq.\n")
    (news / "n017.txt").write_text("  \n")
    progress = []
    result = app.run(["seeds"], "rules", "f.db", jobs=2, progress=lambda *p: progress.append(p))
    assert [s.path for s in result.skipped] == ["seeds/n017.txt"]
    assert "empty file" in result.skipped[0].reason
    assert "seeds/n017.txt" not in {d.path for d in result.documents}
    assert result.extracted == len(result.documents) == 44
    stored = {d["path"] for d in Store("f.db").documents()}
    assert stored == {d.path for d in result.documents}
    assert progress[-1] == (45, 45)  # the empty file was counted to extract, then skipped
