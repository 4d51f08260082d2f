"""The invented multi-source stories of tests/stories/: every planted conflict is
found and nothing else is reported (tests/stories/expected.yaml)."""

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from factcheck.pipeline import run

STORIES = Path(__file__).resolve().parent / "stories"
EXPECTED = yaml.safe_load((STORIES / "expected.yaml").read_text(encoding="utf-8"))["stories"]


def test_the_stories_are_many_dated_sources():
    folders = [p for p in STORIES.iterdir() if p.is_dir() and not p.name.startswith("rules")]
    assert {p.name for p in folders} == set(EXPECTED)
    articles = sorted(STORIES.glob("*/*.txt"))
    assert len(folders) >= 8 and len(articles) >= 30
    for article in articles:
        meta = json.loads(Path(f"{article}.meta.json").read_text(encoding="utf-8"))
        assert meta["published"][:4] == "2025", article


@pytest.mark.parametrize("story", sorted(EXPECTED))
def test_story_reports_exactly_its_planted_conflicts(story, tmp_path):
    rules = STORIES / "rules" / f"{story}.yaml"
    result = run([str(STORIES / story)], str(rules), str(tmp_path / "f.db"))
    found = Counter(
        (c.rule_id, c.check, c.status, *sorted(Path(x.doc).stem for x in (c.left, c.right) if x))
        for c in result.conflicts
    )
    wanted = Counter(
        (c["rule"], c["check"], c.get("status", "open"), *sorted(c["docs"]))
        for c in EXPECTED[story]["conflicts"]
    )
    assert found == wanted


@pytest.mark.parametrize("story", sorted(EXPECTED))
def test_story_rules_pass_their_examples(story):
    from click.testing import CliRunner

    from factcheck.cli import cli

    result = CliRunner().invoke(cli, ["rules", "test", str(STORIES / "rules" / f"{story}.yaml")])
    assert result.exit_code == 0, result.output
