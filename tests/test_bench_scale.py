"""bench/scale.py: its corpus is deterministic and realistic, and its rules are valid and pass."""

import sys
from pathlib import Path

from factcheck.documents import find_published
from factcheck.rules import load_rules
from factcheck.rules.examples import run_examples

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import scale  # noqa: E402
import scale_corpus  # noqa: E402


def test_corpus_is_deterministic_dated_and_of_news_size(tmp_path):
    scale_corpus.write_corpus(tmp_path / "a", 40, seed=3)
    scale_corpus.write_corpus(tmp_path / "b", 40, seed=3)
    a = sorted((tmp_path / "a").rglob("*.txt"))
    b = sorted((tmp_path / "b").rglob("*.txt"))
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    texts = [p.read_text(encoding="utf-8") for p in a]
    assert all(find_published(t).startswith("2025-03-") for t in texts)
    mean = sum(map(len, texts)) / len(texts)
    assert 900 < mean < 2200, mean


def test_scale_rules_are_valid_and_their_examples_pass():
    rules = load_rules(str(BENCH / "scale_rules.yaml"))
    checks = {"agree", "bounds", "over_time", "part_of", "sum_of", "percent_whole"}
    used = set()
    for rule in rules:
        used |= {c for c in checks if getattr(rule, c, None) or getattr(rule.relate, c, None)}
    result = run_examples(rules)
    assert result.failures == [], "\n".join(str(f) for f in result.failures)
    assert used == checks


def test_summary_line_and_growth_exponent():
    line = "x\n1,000 documents, 21708 claims, 15 facts checked, 1,110 findings"
    m = scale.SUMMARY_RE.search(line)
    assert m and m.group(4) == "1,110"
    run = scale.Run(2.0, 1.0, 0, 1, 1, "")
    slow = scale.Run(8.0, 1.0, 0, 1, 1, "")
    small, big = scale.Row(1000, run, run, 1, 0), scale.Row(2000, slow, run, 1, 0)
    assert scale.exponent(small, big) == "2.00"
