"""The invented multi-source stories of tests/stories/: every planted conflict is
found and nothing else is reported (tests/stories/expected.yaml)."""

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from factcheck.app import run
from factcheck.report.helpers import related_claims

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
def test_story_reports_exactly_its_planted_findings(story, tmp_path):
    rules = STORIES / "rules" / f"{story}.yaml"
    result = run([str(STORIES / story)], str(rules), str(tmp_path / "f.db"))
    found = Counter((c.rule_id, c.check, c.status, Path(c.left.doc).stem) for c in result.conflicts)
    wanted = Counter(
        (f["rule"], f["check"], f.get("status", "open"), f["statement"])
        for f in EXPECTED[story]["findings"]
    )
    assert found == wanted
    # every planted pair is one finding about one of its articles, measured against the other
    for pair in EXPECTED[story]["conflicts"]:
        assert any(covers(c, pair) for c in result.conflicts), pair


def covers(finding, pair: dict) -> bool:
    """Whether a finding reports a planted pair: its statement is in one article of the
    pair, and the other article is among what it is measured against."""
    if finding.rule_id != pair["rule"]:
        return False
    own = Path(finding.left.doc).stem
    others = {Path(r["doc"]).stem for r in related_claims(finding)}
    if finding.right is not None:
        others.add(Path(finding.right.doc).stem)
    a, b = pair["docs"]
    return (own == a and b in others) or (own == b and a in others)


@pytest.mark.parametrize("story", sorted(EXPECTED))
def test_story_rules_pass_their_examples(story):
    from click.testing import CliRunner

    from factcheck.cli import cli

    result = CliRunner().invoke(cli, ["rules", "test", str(STORIES / "rules" / f"{story}.yaml")])
    assert result.exit_code == 0, result.output
