"""End to end on the bundled seeds, with the real extractor and the bundled rules."""

from click.testing import CliRunner

from factcheck.cli import cli

CONTRADICTS = "About 12,000 U.S. troops are in Iraq now, officials said.\n"
AGREES = "Roughly 5,200 U.S. troops are in Iraq now, officials said.\n"


def run(*args):
    return CliRunner().invoke(cli, ["run", *args])


def test_seeds_agree(project):
    result = run()
    assert result.exit_code == 0, result.output
    # 39 since issue 10: "Two major Iraqi Shiite groups" is read as a count of 2; 40 since
    # issue 26: so is the headline "Two Misguided Reports" (a participle before the noun)
    assert result.stdout == "5 documents, 40 claims, 5 facts checked, 0 findings\n"


def test_contradicting_article_gives_exactly_that_conflict(project):
    (project / "seeds" / "005_contradicts.txt").write_text(CONTRADICTS, encoding="utf-8")
    result = run()
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert out.endswith("6 documents, 41 claims, 5 facts checked, 1 finding (1 error)\n")
    assert out.count("us-troops-in-iraq-now") == 1
    # "more than 5,000" (002) agrees with both 5,000–9,000 (000) and about 12,000
    # (the new article): two sources against two, so one split naming both sides
    assert "no consensus; sides:" in out
    flat = "".join(ch for ch in out if ch not in " |\n")  # cells wrap long paths
    assert "2sides,nonetheoutlier:" in flat
    assert "seeds/000_bd7df65e452f0e71.txt:23" in flat
    assert "seeds/005_contradicts.txt" in flat


def test_agreeing_article_passes(project):
    (project / "seeds" / "005_agrees.txt").write_text(AGREES, encoding="utf-8")
    result = run()
    assert result.exit_code == 0, result.output
    assert result.stdout == "6 documents, 41 claims, 5 facts checked, 0 findings\n"


def test_second_run_leaves_the_same_rows(project):
    import sqlite3

    assert run().exit_code == 0
    counts = lambda: [  # noqa: E731
        sqlite3.connect(project / "factcheck.db").execute(f"select count(*) from {t}").fetchone()
        for t in ("documents", "claims", "matches", "conflicts")
    ]
    first = counts()
    assert run().exit_code == 0
    assert counts() == first
