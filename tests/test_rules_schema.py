"""The JSON Schema of rule files: generated from factcheck/rules/schema.py; it agrees with lint."""

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.rules import parse_yaml
from factcheck.rules.editor_schema import json_schema, json_schema_text

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "factcheck" / "rules" / "rules.schema.json"
BAD = ROOT / "tests" / "fixtures" / "rules" / "bad"


def _plain(path: Path):
    """The file as the rule loader reads it (dates stay strings), as an editor sees it."""
    data, _doc, problems = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    assert not problems
    return data


def test_shipped_schema_is_the_generated_one():
    # regenerate with: factcheck rules schema > factcheck/rules/rules.schema.json
    assert SHIPPED.read_text(encoding="utf-8") == json_schema_text()
    jsonschema.Draft202012Validator.check_schema(json.loads(json_schema_text()))


def test_cli_prints_the_schema():
    result = CliRunner().invoke(cli, ["rules", "schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()


@pytest.mark.parametrize("path", sorted((ROOT / "rules").glob("*.yaml")), ids=lambda p: p.name)
def test_bundled_rules_are_valid_against_the_schema(path):
    jsonschema.validate(_plain(path), json_schema())


@pytest.mark.parametrize(
    "fixture, path",
    [
        ("unknown_key", "Additional properties are not allowed ('tolerence' was unexpected)"),
        ("wrong_types", "is not of type"),
        ("bad_new_keys", "'grow' is not one of ['rise', 'fall', 'any']"),
        ("missing_keys", "'select' is a required property"),
    ],
)
def test_what_lint_rejects_for_its_shape_the_schema_rejects_too(fixture, path):
    data = _plain(BAD / f"{fixture}.yaml")
    errors = [e.message for e in jsonschema.Draft202012Validator(json_schema()).iter_errors(data)]
    assert any(path in m for m in errors), errors


def test_pre_commit_hooks_run_commands_that_exist():
    import shlex

    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["factcheck-rules-lint", "factcheck-run"]
    for hook in hooks:
        words = shlex.split(hook["entry"])
        assert words[0] == "factcheck"
        result = CliRunner().invoke(cli, [*words[1:], "--help"])
        assert result.exit_code == 0, hook["entry"]
