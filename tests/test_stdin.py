"""An article read from standard input (`-` among the paths): the same claims and findings
as the same text read from a file, named as the user says, and a clear exit 2 for input
that cannot be an article."""

import json

import pytest
from click.testing import CliRunner

from factcheck import documents
from factcheck.cli import cli

ARTICLE = """\
Jan. 14, 2018

Kurdish leaders weigh the cost of the U.S. drawdown as Baghdad’s militias regroup

By Şükrü Çelebi and Zoë Ní Bhriain

ERBIL — About 12,000 U.S. troops are in Iraq now, officials in the Kurdistan Regional \
Government said on Sunday. They compared the figure with the 170,000 soldiers deployed at \
the height of the 2007 surge, when convoys crossed the Khabur bridge from Zakho every night and \
the governor’s office counted 1,450 trucks in a single week.

Hadi al-Amiri’s Badr Organization, the largest faction of the Popular Mobilization Forces, \
is said by Kurdish intelligence to field some 4,500 fighters around Kirkuk alone; the whole \
force numbers about 60,000 fighters, according to a report that Mustafa Qadir, a spokesman \
for the Peshmerga ministry, described as “conservative, perhaps too much so.”

In Sulaymaniyah, 2,300 families who fled Tuz Khurmatu in October are still living in tents, \
and the provincial council has asked Baghdad for 1,800 prefabricated homes before the \
spring rains.
"""
DRAFT = "drafts/kurdistan.txt"


def invoke(*args, stdin: bytes | str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


@pytest.fixture
def draft(project):
    (project / "drafts").mkdir()
    (project / DRAFT).write_text(ARTICLE, encoding="utf-8")
    return project


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_extract_reads_standard_input_as_it_reads_the_file(draft):
    from_file = jsonl(invoke("extract", DRAFT, "--format", "jsonl").stdout)
    piped = invoke("extract", "-", "--format", "jsonl", stdin=ARTICLE.encode())
    assert piped.exit_code == 0, piped.stderr
    claims = jsonl(piped.stdout)
    assert {c["doc"] for c in claims} == {"stdin"}
    assert [{**c, "doc": DRAFT} for c in claims] == from_file
    homes = next(c for c in claims if c["text"] == "1,800 prefabricated homes")
    assert (homes["time"], homes["time_source"]) == ("2018-01-14", "published")  # the dateline
    named = invoke("extract", "-", "--stdin-name", DRAFT, "--format", "jsonl", stdin=ARTICLE)
    assert jsonl(named.stdout) == from_file


def test_extract_puts_the_piped_article_among_the_files_by_its_name(draft):
    docs = [c["doc"] for c in jsonl(invoke("extract", "seeds", "--format", "jsonl").stdout)]
    args = ["extract", "-", "seeds", "--stdin-name", "seeds/zz-draft.txt", "--format", "jsonl"]
    both = invoke(*args, stdin=ARTICLE)
    assert both.exit_code == 0, both.stderr
    named = [c["doc"] for c in jsonl(both.stdout)]
    assert named[: len(docs)] == docs and set(named[len(docs) :]) == {"seeds/zz-draft.txt"}


def findings(result) -> list[tuple[str, str]]:
    return [(f["id"], f["rule_id"]) for f in json.loads(result.stdout)["findings"]]


def test_run_finds_in_the_piped_article_what_it_finds_in_the_file(draft):
    from_file = invoke("run", "seeds", DRAFT, "--db", "file.db", "--format", "json")
    piped = invoke(
        "run",
        "seeds",
        "-",
        "--stdin-name",
        DRAFT,
        "--db",
        "piped.db",
        "--format",
        "json",
        stdin=ARTICLE,
    )
    assert from_file.exit_code == piped.exit_code == 1, piped.stderr
    assert findings(piped) == findings(from_file) != []
    assert {rule for _id, rule in findings(piped)} == {"us-troops-in-iraq-now"}
    parallel = invoke(
        "run",
        "seeds",
        "-",
        "--stdin-name",
        DRAFT,
        "--db",
        "jobs.db",
        "--format",
        "json",
        "--jobs",
        "2",
        stdin=ARTICLE,
    )
    assert findings(parallel) == findings(from_file)
    assert DRAFT in piped.stdout and "12,000" in piped.stdout


def test_a_piped_article_replaces_its_name_and_leaves_with_the_next_run_without_it(draft):
    first = invoke("run", "seeds", "-", "--stdin-name", DRAFT, "-v", stdin=ARTICLE)
    assert first.exit_code == 1 and "6 documents" in first.stdout
    again = invoke("run", "seeds", "-", "--stdin-name", DRAFT, "-v", stdin=ARTICLE)
    assert "extracted 0, reused 6" in again.stderr
    fixed = ARTICLE.replace("About 12,000 U.S. troops", "About 5,200 U.S. troops")
    edited = invoke("run", "seeds", "-", "--stdin-name", DRAFT, "-v", stdin=fixed)
    assert "extracted 1, reused 5" in edited.stderr
    stored = invoke("claims", "--doc", DRAFT, "--format", "json").stdout
    assert "5,200" in stored and "12,000" not in stored
    later = invoke("run", "seeds", "-v")
    assert f"removed {DRAFT}" in later.stderr and "5 documents" in later.stdout
    assert "no such document" in invoke("claims", "--doc", DRAFT).stderr


def test_undecodable_standard_input_exits_2_naming_the_place_and_keeps_the_last_run(draft):
    assert invoke("run", "seeds", DRAFT).exit_code == 1
    before = invoke("conflicts", "--format", "json").stdout
    raw = ARTICLE.encode().replace(b"In Sulaymaniyah", b"In Sulaymaniy\xe2h")
    line = ARTICLE.splitlines().index(next(x for x in ARTICLE.splitlines() if "Sulaym" in x))
    for command in ("run", "extract"):
        bad = invoke(command, "seeds", "-", stdin=raw)
        assert bad.exit_code == 2
        assert bad.stderr.startswith(f"Error: <stdin>:{line + 1}:14: invalid UTF-8 byte 0xe2")
        assert bad.stdout == ""
    assert invoke("conflicts", "--format", "json").stdout == before != "[]\n"


@pytest.mark.parametrize("command", ["run", "extract"])
@pytest.mark.parametrize("text", ["", "\n  \n", "\ufeff"])
def test_empty_standard_input_exits_2_not_a_clean_pass(project, command, text):
    """A pipe whose first command failed gives no text: that is no article, so the run
    fails as for an empty file, never passes with 0 findings."""
    done = invoke(command, "-", stdin=text.encode())
    assert done.exit_code == 2
    assert "Error: <stdin>: empty input" in done.stderr
    assert not (project / "factcheck.db").exists()


def test_standard_input_over_the_size_limit_exits_2(project, monkeypatch):
    monkeypatch.setattr(documents, "MAX_BYTES", 4096)
    done = invoke("extract", "-", stdin=ARTICLE * 4)
    assert done.exit_code == 2
    assert "Error: <stdin>: larger than the 4096 byte limit" in done.stderr
    assert invoke("extract", "-", stdin=ARTICLE).exit_code == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["-", "--stdin-name", "drafts/"], "names a folder"),
        (["-", "--stdin-name", "seeds"], "names an existing folder"),
        (["-", "--stdin-name", "  "], "is empty"),
        (["-", "--stdin-name", "news/\x1b[31mred.txt"], "control character"),
        (["seeds", "--stdin-name", DRAFT], "give '-' among the paths"),
        (["-", "seeds", "-"], "given twice"),
        (["seeds", "-", "--stdin-name", "seeds/000_bd7df65e452f0e71.txt"], "read in this run"),
    ],
)
def test_a_name_no_file_could_have_or_a_second_dash_exits_2(project, args, message):
    for command in ("extract", "run"):
        done = invoke(command, *args, stdin=ARTICLE)
        assert done.exit_code == 2, (command, done.stdout)
        assert message in done.stderr and "Traceback" not in done.stderr
    assert not (project / "factcheck.db").exists()


def test_dash_is_standard_input_even_beside_a_file_named_dash_which_is_dot_slash_dash(project):
    (project / "-").write_text(ARTICLE, encoding="utf-8")
    other = "Jan. 15, 2018\n\nThe Łódź city council approved 3,400 new flats on Monday.\n"
    piped = invoke("extract", "-", "--format", "jsonl", stdin=other)
    assert [c["text"] for c in jsonl(piped.stdout)][1:] == ["3,400 new flats"]
    from_file = invoke("extract", "./-", "--format", "jsonl", stdin=other)
    assert from_file.exit_code == 0 and "12,000" in from_file.stdout


QUAKE_A = """\
March 3, 2024

Earthquake in Van province leaves thousands homeless

The 6.1-magnitude earthquake that struck Erciş before dawn destroyed 1,250 homes, the \
governor’s office said, and the Kızılay relief agency put up 3,400 tents by nightfall.
"""
QUAKE_B = """\
March 4, 2024

Aftershocks rattle Van as Kızılay widens its relief effort

Officials in Erciş said on Monday that 1,250 homes were destroyed by the earthquake, while \
rescuers pulled 212 people alive from the rubble over two days.
"""


def test_suggest_reads_a_second_source_from_standard_input_into_its_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "quake").mkdir()
    (tmp_path / "quake" / "a.txt").write_text(QUAKE_A, encoding="utf-8")
    alone = invoke("suggest", "quake", "--format", "json")
    assert json.loads(alone.stdout)["facts"] == []
    piped = invoke(
        "suggest", "quake", "-", "--stdin-name", "quake/b.txt", "--format", "json", stdin=QUAKE_B
    )
    assert piped.exit_code == 0, piped.stderr
    (tmp_path / "quake" / "b.txt").write_text(QUAKE_B, encoding="utf-8")
    from_files = invoke("suggest", "quake", "--format", "json")
    assert piped.stdout == from_files.stdout
    (fact,) = json.loads(piped.stdout)["facts"]
    assert fact["documents"] == ["quake/a.txt", "quake/b.txt"]
    assert {c["text"] for c in fact["claims"]} == {"1,250 homes"}
