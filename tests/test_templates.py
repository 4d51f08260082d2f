"""Built-in fact templates: each proves itself by example, `use:` builds the rule the
written-out YAML builds, and `factcheck rules templates` lists them."""

import dataclasses
import importlib.util
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.rules import library, load_rules, selects
from factcheck.rules.editor_schema import json_schema
from factcheck.rules.examples import run_examples
from tests.helpers import claim

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
TEMPLATES = Path(library.TEMPLATES)
# the facts issue 24 asks for, each a template of its own
ASKED = {"deaths", "injured", "missing", "displaced", "arrested", "crowd", "pledged", "raised"}
ASKED |= {"damage", "magnitude", "flow", "duration", "troops"}


def test_every_fact_asked_for_is_a_template_named_as_its_file():
    assert ASKED <= set(library.names())
    for t in library.templates():
        assert t.spec["id"] == t.name == Path(t.file).stem
        assert t.spec["severity"] == "warning"  # a generic fact warns; a use may raise it


def test_templates_pass_their_own_examples():
    rules = load_rules(str(TEMPLATES))
    result = run_examples(rules)
    assert [str(p) for p in result.failures] == []
    for rule in rules:  # each proves what it takes, what it leaves, and how it compares
        ex = rule.examples
        assert ex.match and ex.no_match and ex.conflict and ex.no_conflict, rule.id


def test_rules_test_on_the_templates_passes():
    result = CliRunner().invoke(cli, ["rules", "test", str(TEMPLATES)])
    assert result.exit_code == 0, result.output
    assert result.output.endswith(" failed\n") and ", 0 failed" in result.output


def test_alias_groups_of_templates_are_their_own():
    """Their folder is one rules folder, where groups of one name would be merged."""
    seen: dict[str, str] = {}
    for t in library.templates():
        for group in t.aliases:
            assert group not in seen, f"{t.name} and {seen[group]} both define '{group}'"
            assert group.startswith(f"{t.name}-"), group
            seen[group] = t.name


# -- use: with overrides -----------------------------------------------------------------


def _rule(folder: Path, rid: str):
    found = [r for r in load_rules(str(folder)) if r.id == rid]
    assert len(found) == 1
    return dataclasses.replace(found[0], file="", line=0)


def _written_out(tmp_path: Path, name: str, edit) -> Path:
    """The template's YAML, copied and edited as the docs say a use's keys edit it."""
    data = yaml.safe_load((TEMPLATES / f"{name}.yaml").read_text(encoding="utf-8"))
    edit(data["rules"][0])
    folder = tmp_path / "written"
    folder.mkdir()
    (folder / "r.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def _used(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "used"
    folder.mkdir()
    (folder / "r.yaml").write_text(text, encoding="utf-8")
    return folder


def _injured_edits(spec: dict) -> None:
    spec.update(id="talvern-injured", title="People hurt by the Talvern landslide")
    spec.update(severity="error", agree={"tolerance": 0.2})
    spec["select"].update(words=["Talvern"], not_about=["hospital"])  # replaces the template's
    spec["select"]["time"].update(after="2025-10-13")  # the template's `periods` stays
    spec["examples"] = {"match": ["Nine people were hurt in the Talvern landslide."]}


CASES = {
    "deaths, as it ships": ("rules:\n  - use: deaths\n", "deaths", "deaths", lambda s: None),
    "injured, with every kind of override": (
        """\
aliases:
  injured-words: [bruised]   # a group of the folder's own: the template keeps its own
rules:
  - use: injured
    id: talvern-injured
    title: People hurt by the Talvern landslide
    severity: error
    words: [Talvern]
    after: 2025-10-13
    agree: {tolerance: 0.2}
    select: {not_about: [hospital]}
    examples:
      match: ["Nine people were hurt in the Talvern landslide."]
""",
        "injured",
        "talvern-injured",
        _injured_edits,
    ),
    "crowd, its time window set key by key": (
        "rules:\n  - use: crowd\n    time: {before: 2026-03-31, unknown: exclude}\n",
        "crowd",
        "crowd",
        lambda s: s["select"]["time"].update(before="2026-03-31", unknown="exclude"),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_use_builds_the_rule_the_written_out_yaml_builds(case, tmp_path):
    text, name, rid, edit = CASES[case]
    used = _rule(_used(tmp_path, text), rid)
    assert used == _rule(_written_out(tmp_path, name, edit), rid)
    assert used.spec["use"] == name  # reports can say which template a fact came from


def test_a_use_takes_its_own_examples_not_the_templates(tmp_path):
    text, *_ = CASES["injured, with every kind of override"]
    used = _rule(_used(tmp_path, text), "talvern-injured")
    assert [a.text for a in used.examples.match] == [
        "Nine people were hurt in the Talvern landslide."
    ]
    assert used.examples.no_match == ()
    (tmp_path / "plain").mkdir()
    plain = _rule(_used(tmp_path / "plain", "rules:\n  - use: deaths\n"), "deaths")
    assert len(plain.examples) == 0


def test_a_use_places_its_rule_and_its_examples_in_the_users_file(tmp_path):
    folder = _used(tmp_path, CASES["injured, with every kind of override"][0])
    (rule,) = load_rules(str(folder))
    assert (rule.file, rule.line) == (f"{folder}/r.yaml".replace("\\", "/"), 4)
    assert rule.examples.match[0].line == 13


def test_a_use_in_a_rules_file_checks_its_story(tmp_path):
    """`- use: deaths` with the story's start, on two articles whose toll falls."""
    folder = _used(tmp_path, "rules:\n  - use: deaths\n    severity: error\n    after: 2026-04\n")
    news = tmp_path / "news"
    news.mkdir()
    days = {
        "a": ("2026-04-14", "The quake has killed 1,160 people, officials said."),
        "b": ("2026-04-15", "The quake killed 1,016 people, the ministry said on Wednesday."),
    }
    for name, (day, text) in days.items():
        (news / f"{name}.txt").write_text(text, encoding="utf-8")
        (news / f"{name}.txt.meta.json").write_text(json.dumps({"published": day}))
    result = CliRunner().invoke(
        cli,
        [
            "run",
            str(news),
            "--rules",
            str(folder),
            "--db",
            str(tmp_path / "f.db"),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 1, result.output
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["rule_id"], finding["check"], finding["severity"]) == (
        "deaths",
        "over_time",
        "error",
    )
    assert finding["left"]["text"] == "1,016 people"


def test_a_rule_file_that_uses_templates_is_valid_for_editors():
    text = CASES["injured, with every kind of override"][0]
    data = json.loads(json.dumps(yaml.safe_load(text), default=str))  # dates as written
    jsonschema.validate(data, json_schema())
    data["rules"][0]["over_time"] = {"may_only": "fall"}  # a check: not a use's to change
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())


# -- time: {periods: exclude} ------------------------------------------------------------


@pytest.mark.parametrize(
    "time, source, taken",
    [
        ("1954", "text", False),  # "in 1954": another event
        ("2025-03", "text", False),  # "in March": a month's total
        ("2026-04-14", "text", True),  # "on April 14": the event's day
        ("2026-04-15T08:00", "published", True),
        ("2026", "published", True),  # an article dated by its year only is still today's
        (None, None, True),
    ],
)
def test_periods_exclude_drops_figures_their_clause_dates_to_a_year_or_month(time, source, taken):
    deaths = library.template("deaths")
    (rule,) = [r for r in load_rules(str(TEMPLATES)) if r.id == deaths.name]
    toll = claim(
        noun="people",
        about="people killed dead",
        time=time,
        text="1,160 people",
        sentence="The earthquake killed 1,160 people.",
    )
    assert selects(rule, dataclasses.replace(toll, time_source=source)) is taken


# -- factcheck rules templates ------------------------------------------------------------


def test_rules_templates_lists_every_template():
    result = CliRunner().invoke(cli, ["rules", "templates"])
    assert result.exit_code == 0
    assert result.stdout == (GOLDEN / "rules_templates.txt").read_text(encoding="utf-8")


def test_rules_templates_prints_one_template_to_copy(tmp_path):
    result = CliRunner().invoke(cli, ["rules", "templates", "crowd", "--format", "yaml"])
    assert result.exit_code == 0
    assert result.stdout == (TEMPLATES / "crowd.yaml").read_text(encoding="utf-8")
    copy = tmp_path / "rules"
    copy.mkdir()
    (copy / "crowd.yaml").write_text(result.stdout, encoding="utf-8")
    assert CliRunner().invoke(cli, ["rules", "test", str(copy)]).exit_code == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["deths"], "Error: no template is called 'deths': did you mean 'deaths'?\n"),
        (
            ["--format", "yaml"],
            "Error: name the template to print: factcheck rules templates NAME --format yaml\n",
        ),
    ],
)
def test_rules_templates_refuses_what_it_cannot_print(args, message):
    result = CliRunner().invoke(cli, ["rules", "templates", *args])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


# -- on the stories of issue 24, with no story words ----------------------------------------


def test_templates_on_the_stories24_stories():
    """Per template: the expected facts it compares, planted conflicts found, false ones.

    Regenerate after a deliberate change with
    `python tests/stories24/score_templates.py > tests/golden/templates_stories24.md`."""
    path = HERE / "stories24" / "score_templates.py"
    spec = importlib.util.spec_from_file_location("score_templates", path)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    rows = score.score(str(TEMPLATES))
    printed = score.table(rows) + "".join(
        f"    {name}: {x}\n" for name in sorted(rows) for x in rows[name]["false"]
    )
    assert printed == (GOLDEN / "templates_stories24.md").read_text(encoding="utf-8")
