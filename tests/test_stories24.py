"""The stories of issue 24 (tests/stories24/) scored three ways: with no rules at all, with
the built-in templates only, and with the rules an editor wrote (score_three.py)."""

import importlib.util
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden" / "three_way_stories24.md"


@pytest.fixture(scope="module")
def rows():
    pytest.importorskip("factcheck.extract")
    path = HERE / "stories24" / "score_three.py"
    spec = importlib.util.spec_from_file_location("score_three", path)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score, score.score()


def test_the_three_ways_score_as_recorded(rows):
    """Regenerate after a deliberate change with
    `python tests/stories24/score_three.py > tests/golden/three_way_stories24.md`."""
    score, found = rows
    assert score.table(found) + score.alarms(found) == GOLDEN.read_text(encoding="utf-8")


def test_with_no_rules_every_planted_error_is_found_with_at_most_one_false_alarm(rows):
    _score, found = rows
    stories = found["no rules"].values()
    assert sum(r["found"] for r in stories) == sum(r["planted"] for r in stories) == 14
    assert sum(len(r["false"]) for r in stories) <= 1
    # more facts compared than the templates alone compare
    never = sum(len(r["never"]) for r in stories)
    assert never < sum(len(r["never"]) for r in found["templates"].values())
