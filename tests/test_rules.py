"""Rule files: valid ones load, broken ones give every problem with its place and a hint."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.errors import RuleError
from factcheck.rules import load_rules, noun_words, phrase_pattern, schema

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).resolve().parent / "fixtures" / "rules" / "bad"
BAD_CASES = sorted(p.stem for p in BAD.glob("*.yaml"))


@pytest.mark.parametrize("name", BAD_CASES)
def test_broken_rule_file_gives_exact_errors(name, monkeypatch):
    monkeypatch.chdir(BAD)
    result = CliRunner().invoke(cli, ["rules", "lint", f"{name}.yaml"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.stderr == (BAD / f"{name}.expected").read_text(encoding="utf-8")


def test_every_problem_of_every_file_is_reported_at_once(monkeypatch):
    monkeypatch.chdir(BAD)
    with pytest.raises(RuleError) as e:
        load_rules(".")
    files = {p.file for p in e.value.problems}
    assert len(files) == len(BAD_CASES)


def test_bundled_rules_lint_clean():
    result = CliRunner().invoke(cli, ["rules", "lint", str(ROOT / "rules")])
    assert result.exit_code == 0, result.output
    assert "rules OK" in result.output


def test_missing_rules_folder_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["rules", "lint", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such rules file or folder" in result.stderr


@pytest.mark.parametrize(
    "phrases, sentence, found",
    [
        (["U.S."], "The U.S.-led coalition", True),
        (["US"], "the government wants us there", False),  # acronyms keep their case
        (["US"], "US troops", True),
        (["United States"], "the united  states has", True),
        (["Iraq"], "Iraqi forces", False),  # whole words only
        (["Iraq"], "forces in Iraq.", True),
    ],
)
def test_phrases_match_whole_words(phrases, sentence, found):
    assert bool(phrase_pattern(phrases).search(sentence)) is found


@pytest.mark.parametrize(
    "noun, words",
    [
        ("Sunni tribal fighters", ("sunni", "tribal", "fighter")),
        ("troops", ("troop",)),
        ("militias", ("militia",)),
        ("personnel", ("personnel",)),
    ],
)
def test_noun_words_are_singular_lower_case(noun, words):
    assert noun_words(noun) == words


def test_schema_keys_have_meanings():
    for path, key in schema.all_keys():
        assert key.meaning.strip(), path
        assert re.fullmatch(r"[a-z_<>.]+", path), path


def test_every_error_code_has_a_broken_fixture():
    """Each code of the loader is produced by some file in tests/fixtures/rules/bad."""
    produced = set()
    for expected in BAD.glob("*.expected"):
        produced |= set(re.findall(r"\[(E\d{3})\]", expected.read_text(encoding="utf-8")))
    from factcheck.rules import CODES

    untested = set(CODES) - produced - {"E005", "E020"}  # unreadable file, empty folder
    assert untested == set()


@pytest.mark.parametrize(
    "unit, expected",
    [
        ("km", ("metre", 1000.0)),
        ("kilometres", ("metre", 1000.0)),
        ("feet", ("metre", 0.3048)),
        ("tonnes", ("kilogram", 1000.0)),
        ("metre", ("metre", 1.0)),
        ("INR", ("INR", 1.0)),
        ("furlongs", None),
        ("celsius", None),  # an offset, not a factor: bounds need a plain factor
    ],
)
def test_bound_units(unit, expected):
    from factcheck.rules import unit_factor

    assert unit_factor(unit) == expected
