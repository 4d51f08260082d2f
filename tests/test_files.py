"""A small file the user names (a rule file, a baseline, an article) is read only when it
is a regular file within its limit (factcheck/files.py): a FIFO or a link to /dev/zero
is a message and exit 2, never a hang or an exhausted memory."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.errors import InputError
from factcheck.files import read_regular

ARTICLE = (
    "Kraków tram strike enters third day\n\n"
    "KRAKÓW, March 4 (Vistula Wire) - About 1,150 tram drivers stayed off work for a "
    "third day on Wednesday, the union said, and 4,300 commuters queued for buses.\n"
)
RULES = """\
rules:
  - id: krakow-strikers
    title: Tram drivers on strike in Kraków
    select: {kind: count, words: [tram, drivers]}
    agree: {tolerance: 0.05}
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "wire.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "tram.yaml").write_text(RULES, encoding="utf-8")
    return tmp_path


def special(tmp_path, kind: str, name: str):
    path = tmp_path / name
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")  # read, it never ends
    return path


@pytest.mark.parametrize(("kind", "shown"), [("fifo", "a FIFO"), ("zero", "a device")])
def test_a_rule_file_that_is_a_fifo_or_a_device_is_a_problem_not_a_hang(project, kind, shown):
    special(project / "rules", kind, "more.yaml")
    for args in (["rules", "lint", "rules"], ["run", "news", "--rules", "rules", "--db", "f.db"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, result.output
        assert f"rules/more.yaml: [E005] cannot read: not a regular file ({shown}); not read" in (
            result.output
        )


@pytest.mark.parametrize(("kind", "shown"), [("fifo", "a FIFO"), ("zero", "a device")])
def test_a_baseline_that_is_a_fifo_or_a_device_is_a_message(project, kind, shown):
    special(project, kind, "base.json")
    args = ["run", "news", "--rules", "rules", "--db", "f.db", "--baseline", "base.json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: base.json: cannot read the baseline: not a regular file ({shown}); not read\n"
    )
    assert not (project / "f.db").exists()  # refused before the run


def test_a_file_over_its_limit_is_refused_and_one_within_it_read(tmp_path):
    path = tmp_path / "big.json"
    path.write_bytes(b"x" * 2049)
    with pytest.raises(InputError, match=r"big\.json: larger than the 2048 byte limit"):
        read_regular(str(path), 2048, shown="big.json")
    assert read_regular(str(path), 4096) == b"x" * 2049


# -- hostile input: a message naming the file, exit 2, never "a bug" (exit 3) -------------


def test_a_lone_surrogate_in_a_sidecar_title_skips_that_article_with_a_message(project):
    (project / "news" / "wire.txt.meta.json").write_text(
        '{"title": "Strike \\udc80 day three", "published": "2026-03-04"}', encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["run", "news", "--rules", "rules", "--db", "f.db"])
    assert result.exit_code == 2
    assert (
        "skipped news/wire.txt.meta.json: 'title' is not valid Unicode text (it holds a lone "
        "surrogate escape such as \\udc80, which stands for no character)"
    ) in result.stderr


@pytest.mark.parametrize("where", ["title", "words"])
def test_a_lone_surrogate_in_a_rule_is_a_problem_at_its_place(project, where):
    bad = '"Tram \\udc80 strike"'
    text = RULES.replace("title: Tram drivers on strike in Kraków", f"title: {bad}")
    if where == "words":
        text = RULES.replace("words: [tram, drivers]", f"words: [{bad}, drivers]")
    (project / "rules" / "tram.yaml").write_text(text, encoding="utf-8")
    for args in (["rules", "lint", "rules"], ["run", "news", "--rules", "rules", "--db", "f.db"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, result.output
        line = 3 if where == "title" else 4
        assert f"rules/tram.yaml:{line}:" in result.output
        assert "[E005] not valid Unicode text: an escape such as \\udc80" in result.output


def test_a_folder_named_like_a_sidecar_skips_its_article_with_a_message(project):
    (project / "news" / "wire.txt.meta.json").mkdir()
    result = CliRunner().invoke(cli, ["run", "news", "--rules", "rules", "--db", "f.db"])
    assert result.exit_code == 2
    assert "skipped news/wire.txt.meta.json: is a folder, not a file" in result.stderr


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('exclude = ["!"]\n', "factcheck.toml: 'exclude' has a pattern git cannot read"),
        ("x = " + "[" * 100_000 + "]" * 100_000 + "\n", "factcheck.toml: cannot read the"),
    ],
    ids=["bang", "nested"],
)
def test_a_hostile_configuration_is_a_message(project, config, message):
    (project / "factcheck.toml").write_text(config, encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", "news", "--rules", "rules", "--db", "f.db"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {message}")


def test_a_sidecar_named_for_the_stem_is_pointed_out_not_silently_ignored(project):
    (project / "news" / "wire.meta.json").write_text('{"published": "2026-03-04"}')
    result = CliRunner().invoke(cli, ["run", "news", "--rules", "rules", "--db", "f.db"])
    assert result.exit_code == 0, result.output
    assert (
        "Warning: news/wire.meta.json: no article wire beside it, so it is not read; name it "
        "wire.txt.meta.json to give wire.txt its date and title"
    ) in result.stderr


def test_files_that_are_no_articles_are_listed_with_verbose(project):
    (project / "news" / "photo-kraków.jpg").write_bytes(b"\xff\xd8\xff")
    (project / "news" / "wire.txt.meta.json").write_text('{"published": "2026-03-04"}')
    args = ["run", "news", "--rules", "rules", "--db", "f.db"]
    quiet = CliRunner().invoke(cli, args)
    assert "not read" not in quiet.stderr
    loud = CliRunner().invoke(cli, [*args, "-v"])
    assert "not read (not .txt or .md): news/photo-kraków.jpg" in loud.stderr
    assert "wire.txt.meta.json" not in loud.stderr  # a sidecar is read with its article


def test_a_sidecar_linked_out_of_the_corpus_is_not_followed(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.json"
    outside.write_text('{"title": "Not the corpus", "published": "2026-03-04"}')
    (project / "news" / "wire.txt.meta.json").symlink_to(outside)
    result = CliRunner().invoke(cli, ["run", "news", "--rules", "rules", "--db", "f.db"])
    assert result.exit_code == 2
    assert "news/wire.txt.meta.json: cannot read metadata: a link to " in result.stderr
    assert "outside the article's folder; not followed" in result.stderr


def test_a_misspelt_sidecar_key_is_a_message_and_a_scrapers_own_keys_are_not(project):
    sidecar = project / "news" / "wire.txt.meta.json"
    sidecar.write_text(
        '{"publised": "2026-03-04", "url": "https://example.org/krakow", "author": "A. Nowak"}',
        encoding="utf-8",
    )
    args = ["run", "news", "--rules", "rules", "--db", "f.db"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2  # as any sidecar mistake: its article is skipped, named
    assert (
        "skipped news/wire.txt.meta.json: unknown key 'publised' (did you mean 'published'?); "
        "factcheck reads published and title"
    ) in result.stderr
    sidecar.write_text('{"published": "2026-03-04", "url": "https://example.org/krakow"}')
    assert CliRunner().invoke(cli, args).exit_code == 0
