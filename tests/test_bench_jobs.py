"""bench/jobs_speed.py: runs in fresh processes, rounds alternating, a median with its spread."""

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import jobs_speed  # noqa: E402
from jobs_speed import Timed  # noqa: E402


def _pair(one_wall, many_wall, findings="f1"):
    one = Timed(1, one_wall, 52.0, 0.0, 0.4, 172_884, findings)
    many = Timed(2, many_wall, 14.5, 39.5, 1.2, 172_884, findings)
    return one, many


def test_summary_takes_the_median_round_and_quotes_the_spread():
    pairs = [_pair(53.7, 38.0), _pair(54.1, 30.9), _pair(52.9, 31.5)]
    speed, cpu, same = jobs_speed.summary(pairs)
    # ratios 1.41, 1.75, 1.68: one slow round does not decide the verdict
    assert speed.startswith("speed-up:  1.68x median of 3 rounds (min 1.41, max 1.75;")
    assert speed.endswith("target >= 1.6x: ok)")
    # the CPU bound: (52.0) / max(14.5, (14.5 + 39.5) / 2) = 1.93
    assert "from the CPU times: 1.93x median" in cpu
    assert same == "same findings: yes"


def test_summary_says_missed_and_names_differing_findings():
    pairs = [_pair(53.7, 38.0), _pair(54.1, 40.2, findings="f2")]
    speed, _cpu, same = jobs_speed.summary(pairs)
    assert "MISSED" in speed
    assert same == "same findings: NO"


def test_rounds_alternate_which_run_goes_first(tmp_path, monkeypatch):
    order = []

    def fake_run(corpus, db, jobs, rules):
        order.append(jobs)
        return _pair(50.0, 30.0)[0 if jobs == 1 else 1]

    monkeypatch.setattr(jobs_speed, "timed_run", fake_run)
    pairs = jobs_speed.rounds(tmp_path, tmp_path, 2, 3, "rules")
    assert order == [1, 2, 2, 1, 1, 2]
    assert [(one.jobs, many.jobs) for one, many in pairs] == [(1, 2)] * 3


def test_a_run_is_timed_in_a_fresh_process_with_its_workers_cpu(tmp_path):
    corpus = tmp_path / "corpus"
    jobs_speed.write_corpus(corpus, 12)
    rules = str(jobs_speed.ROOT / "rules")
    one = jobs_speed.timed_run(corpus, tmp_path / "one.db", 1, rules)
    many = jobs_speed.timed_run(corpus, tmp_path / "many.db", 2, rules)
    assert one.claims == many.claims > 100
    assert one.findings == many.findings
    assert one.workers_cpu == 0.0 < many.workers_cpu  # the pool's workers, counted apart
    assert one.wall >= one.own_cpu * 0.5 > 0  # start-up and imports are in the time
    assert not (tmp_path / "one.db").exists()  # each run starts from an empty database
