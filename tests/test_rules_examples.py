"""The rule language end to end: the invented corpus with a planted case of each
check, rules proven by example (`rules test`), new rule files (`rules new`) and
the key reference of docs/rules.md checked against the schema."""

import re
import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.app import run
from factcheck.cli import cli
from factcheck.rules import load_rules, schema
from factcheck.rules.examples import run_examples, skeleton

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"
CORPUS_RULES = CORPUS / "rules"

# case folder -> what its conflict/ variant must report: (rule, check, severity, status);
# its agree/ variant must report nothing
PLANTED = {
    # two sources that disagree: one split, no consensus to call either wrong
    "units": [("harbour-tunnel-length", "split", "warning", "open")],
    "lakh_crore": [
        ("bhopal-march-size", "split", "error", "open"),
        ("narmada-canal-cost", "split", "error", "open"),
    ],
    # 12+ on Mar 4, 15 on Mar 5, then 9: one finding, at the step where it fell
    "rising_toll": [("valley-flood-toll", "over_time", "error", "open")],
    "part_whole": [("northern-guard-tribal-fighters", "part_whole", "error", "open")],
    "percent": [("acme-cut-share", "percent_of", "warning", "open")],
    "bounds": [("kestrel-bridge-span", "bounds", "info", "open")],
    "disputed": [("lisbon-rally-size", "disputed", "error", "disputed")],
}


def test_every_corpus_case_is_listed():
    cases = {p.name for p in CORPUS.iterdir() if p.is_dir() and p.name != "rules"}
    assert cases == set(PLANTED)


@pytest.mark.parametrize("case", sorted(PLANTED))
def test_planted_conflict_is_found_with_its_severity(case, tmp_path):
    result = run([str(CORPUS / case / "conflict")], str(CORPUS_RULES), str(tmp_path / "f.db"))
    found = sorted((c.rule_id, c.check, c.severity, c.status) for c in result.conflicts)
    assert found == sorted(PLANTED[case])


@pytest.mark.parametrize("case", sorted(PLANTED))
def test_agreeing_variant_is_not_flagged(case, tmp_path):
    result = run([str(CORPUS / case / "agree")], str(CORPUS_RULES), str(tmp_path / "f.db"))
    assert result.conflicts == []
    assert result.claims  # the articles were read, the rules just agree


@pytest.mark.parametrize(
    "case, reason",
    [
        ("units", "1.6 km (units/conflict/a.txt) against 8,000 feet (units/conflict/b.txt)"),
        ("part_whole", "the part 66,500–73,500 exceeds the whole 57,000–63,000"),
        ("percent", "3% of 'acme-workforce' 11,700–14,300 is 351–429, but 'acme-jobs-cut' is"),
        ("bounds", "is not plausible: it must be at least 0.01 km and at most 100 km"),
        ("rising_toll", "fell from 15 (2018-03-05, rising_toll/conflict/b.txt) to 9 (2018-03-06)"),
        ("disputed", "disputed: organisers say 250,000 (disputed/conflict/a.txt); police say"),
    ],
)
def test_conflicts_say_why(case, reason, tmp_path):
    result = run([str(CORPUS / case / "conflict")], str(CORPUS_RULES), str(tmp_path / "f.db"))
    assert any(reason in c.reason for c in result.conflicts), [c.reason for c in result.conflicts]


@pytest.mark.parametrize(
    "case, code",
    [("disputed", 0), ("bounds", 0), ("percent", 0), ("part_whole", 1), ("units", 0)],
)
def test_run_fails_only_on_open_errors(case, code, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = ["run", str(CORPUS / case / "conflict"), "--rules", str(CORPUS_RULES)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == code, result.output


def test_seeds_still_agree(project):
    result = CliRunner().invoke(cli, ["run"])
    assert result.exit_code == 0, result.output
    assert ", 0 findings" in result.output


# -- rules test ---------------------------------------------------------------------


@pytest.mark.parametrize("folder", [ROOT / "rules", CORPUS_RULES], ids=["seeds", "corpus"])
def test_bundled_rules_pass_their_examples(folder):
    result = CliRunner().invoke(cli, ["rules", "test", str(folder)])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"(\d+) examples: \1 passed, 0 failed\n", result.output)


def test_every_seed_rule_has_examples_of_both_kinds():
    for rule in load_rules(str(ROOT / "rules")):
        assert rule.examples.match and rule.examples.no_match, rule.id
        assert rule.examples.conflict and rule.examples.no_conflict, rule.id


FAILING = textwrap.dedent(
    """\
    rules:
      - id: troops
        title: U.S. troops in Iraq
        select:
          kind: count
          nouns: [troops]
          words: [Iraq]
        agree: {tolerance: 0.5}
        examples:
          match:
            - "Syria has 5,000 troops."
            - "The U.S. has 5,000 troops in Iraq."
          no_match:
            - "Iraq has 5,000 Iraqi troops."
          conflict:
            - articles:
                - "The U.S. has 5,000 troops in Iraq."
                - "The U.S. has 6,000 troops in Iraq."
          no_conflict:
            - articles:
                - "The U.S. has 5,000 troops in Iraq."
                - "The U.S. has 50,000 troops in Iraq."
      - id: rally
        title: Rally
        select: {kind: count, nouns: [people], words: [rally]}
        agree: {}
        attribution:
          parties: {organisers: [organisers], police: [police]}
        examples:
          conflict:
            - articles:
                - "Organisers said 250,000 people joined the rally."
                - "Police said 100,000 people joined the rally."
    """
)


def test_failing_examples_are_each_reported_with_their_place(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("rules").mkdir()
    Path("rules/r.yaml").write_text(FAILING, encoding="utf-8")
    result = CliRunner().invoke(cli, ["rules", "test"])
    assert result.exit_code == 1
    assert result.output == textwrap.dedent(
        """\
        rules/r.yaml:11:11: [T001] rule 'troops': selects no claim of "Syria has 5,000 troops."
          help: '5,000 troops': the sentence has none of 'Iraq'
        rules/r.yaml:14:11: [T002] rule 'troops': selects '5,000 Iraqi troops' of "Iraq has 5,000 Iraqi troops."
          help: narrow the rule: not_words, noun_excludes or a time window
        rules/r.yaml:16:11: [T003] rule 'troops': reports no finding in this case
          help: example-1.txt selects '5,000 troops' = 4,750–5,250; example-2.txt selects '6,000 troops' = 5,700–6,300
        rules/r.yaml:20:11: [T004] rule 'troops': reports a finding in this case (split): sources split with no consensus within 50% tolerance: 5,000 (example-1.txt) against 50,000 (example-2.txt)
          help: widen the tolerance or narrow the selection; example-1.txt selects '5,000 troops' = 4,750–5,250; example-2.txt selects '50,000 troops' = 47,500–52,500
        rules/r.yaml:31:11: [T005] rule 'rally': reports the finding as disputed, not open
          help: disputed: organisers say 250,000 (example-1.txt); police say 100,000 (example-2.txt)
        6 examples: 1 passed, 5 failed
        """  # noqa: E501
    )


def test_rules_test_exits_2_on_invalid_rules(tmp_path):
    (tmp_path / "r.yaml").write_text("rules: [{id: x, title: X}]\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["rules", "test", str(tmp_path)])
    assert result.exit_code == 2
    assert "[E011] rule 'x': a rule needs the key 'select'" in result.stderr


def test_examples_run_with_any_extractor(tmp_path):
    """`run_examples` takes the extractor as a parameter, for tests of the runner itself."""
    from . import fake_extract

    rules = tmp_path / "r.yaml"
    rules.write_text(
        "rules:\n  - id: g\n    title: G\n    select: {nouns: [groups]}\n"
        "    examples: {match: ['There are 40 groups.'], no_match: ['There are 40 troops.']}\n",
        encoding="utf-8",
    )
    result = run_examples(load_rules(str(rules)), extract=fake_extract.extract)
    assert (result.examples, result.failures) == (2, [])


# -- rules new ------------------------------------------------------------------------


def test_new_rule_file_lints_and_passes_its_examples(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["rules", "new", "museum-visitors"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("wrote rules/museum-visitors.yaml")
    text = Path("rules/museum-visitors.yaml").read_text(encoding="utf-8")
    assert text == skeleton("museum-visitors")
    assert CliRunner().invoke(cli, ["rules", "lint"]).exit_code == 0
    tested = CliRunner().invoke(cli, ["rules", "test"])
    assert tested.exit_code == 0, tested.output


def test_new_rule_file_never_overwrites(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("rules").mkdir()
    Path("rules/x.yaml").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["rules", "new", "x"])
    assert result.exit_code == 2
    assert result.stderr == "Error: rules/x.yaml already exists; edit it, or pick another id\n"
    assert Path("rules/x.yaml").read_text(encoding="utf-8") == "mine"


def test_new_rule_next_to_seed_rules_lints_clean(project):
    assert CliRunner().invoke(cli, ["rules", "new", "pmu-budget"]).exit_code == 0
    assert CliRunner().invoke(cli, ["rules", "lint"]).exit_code == 0


@pytest.mark.parametrize("bad_id", ["Museum", "a b", "../escape", "x/y", "_x"])
def test_new_rule_refuses_a_bad_id(bad_id, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["rules", "new", bad_id])
    assert result.exit_code == 2
    assert "is not a rule id" in result.stderr
    assert not Path("rules").exists()


# -- docs/rules.md --------------------------------------------------------------------

DOCS = ROOT / "docs" / "rules.md"


def test_docs_reference_is_generated_from_the_schema():
    text = DOCS.read_text(encoding="utf-8")
    assert schema.reference_markdown() in text, (
        "docs/rules.md is out of date: "
        "run `.venv/bin/python -m factcheck.rules.schema docs/rules.md`"
    )


def test_every_schema_key_is_documented_and_every_documented_key_exists():
    text = DOCS.read_text(encoding="utf-8")
    table = text[text.index(schema.REFERENCE_START) : text.index(schema.REFERENCE_END)]
    documented = set(re.findall(r"^\| `([a-z_.]+)` \|", table, re.M))
    assert documented == {path for path, _ in schema.reference_keys()}


def test_tutorial_examples_are_valid_rules(tmp_path):
    """Every complete rule file in the tutorial (```yaml blocks with 'rules:') lints clean."""
    text = DOCS.read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if "rules:" in b]
    assert len(blocks) >= 7
    shutil.copy(ROOT / "rules" / "aliases.yaml", tmp_path / "aliases.yaml")
    for i, block in enumerate(blocks):
        (tmp_path / f"t{i}.yaml").write_text(block, encoding="utf-8")
    rules = load_rules(str(tmp_path))
    result = run_examples(rules)
    assert result.failures == [], "\n".join(str(f) for f in result.failures)
