"""Soak test: many random documents against random rule files, no unhandled exception.

About twenty seconds, so it stays in the default run: CI exercises it on every change.
"""

import random
import string

from factcheck import app
from factcheck.errors import FactcheckError

WORDS = (
    "about nearly more than between and troops soldiers people killed injured percent per cent "
    "million billion lakh crore km miles feet $ € £ Rs in 2016 November 2007 dozens of hundreds "
    "the U.S. Iraq PMU said officials | :: </testcase> ' \" ; -- 1,70,300 5,000 9,000 3.5 ½ "
    "one two twenty-two a third half 3 out of 10 7-2 Route 9 COVID-19"
).split()

RULE_PARTS = [
    "    select: {kind: count}",
    "    select: {nouns: [troops, people], words: ['@us']}",
    "    select: {kind: [percent, money], any_words: [about]}",
    "    select: {regex: '\\d+ (troops|people)'}",
    "    agree: {tolerance: 0.1}",
    "    agree: {absolute: 5}",
    "    severity: warning",
    "    bounds: {min: 0, max: 1000}",
    "    over_time: {may_only: rise}",
    "    tolerence: 3",
    "    select: {time: {after: 2017}}",
    "    select: [",
]


def random_text(rng: random.Random) -> str:
    n = rng.randint(0, 80)
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.7:
            out.append(rng.choice(WORDS))
        elif r < 0.9:
            out.append(str(rng.randint(0, 10 ** rng.randint(1, 9))))
        else:
            out.append("".join(rng.choice(string.printable) for _ in range(rng.randint(1, 8))))
        if rng.random() < 0.1:
            out.append(rng.choice([".", "\n", "\r\n", "\n\n"]))
    return " ".join(out)


def random_rules(rng: random.Random, i: int) -> str:
    lines = ["aliases:", "  us: [U.S., US, United States]", "rules:"]
    for j in range(rng.randint(1, 4)):
        lines += [f"  - id: r{i}-{j}", f"    title: Rule {j}"]
        lines += rng.sample(RULE_PARTS, rng.randint(1, 3))
    return "\n".join(lines) + "\n"


def test_soak(tmp_path):
    rng = random.Random(20261121)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(1000):
        data = random_text(rng).encode("utf-8")
        if rng.random() < 0.02:
            data = bytes(rng.randrange(256) for _ in range(64))  # binary or invalid UTF-8
        (corpus / f"{i:04d}.txt").write_bytes(data)
    outcomes = {"ok": 0, "refused": 0}
    for i in range(20):
        rules = tmp_path / f"rules{i}"
        rules.mkdir()
        (rules / "r.yaml").write_text(random_rules(rng, i), encoding="utf-8")
        try:
            app.run([str(corpus)], str(rules), str(tmp_path / "soak.db"))
            outcomes["ok"] += 1
        except FactcheckError:
            outcomes["refused"] += 1  # a clear user-facing error is a handled outcome
    assert outcomes["ok"] > 0 and sum(outcomes.values()) == 20
