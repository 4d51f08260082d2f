#!/usr/bin/env python3
"""Score `factcheck run --format json` reports of the stories24 stories against expected.yaml.

    python3 tests/stories24/score.py STORY REPORT.json [STORY REPORT.json ...]
    python3 tests/stories24/score.py --coverage FACTCHECK STORY DB [STORY DB ...]

A planted conflict is found when a finding's outlying statement (its `left`
claim, or a claim on one side of a `split`) overlaps the statement that
expected.yaml marks `agrees: false` for that conflict's fact in docs[0].
A finding that covers no planted conflict is a false alarm, except a further
finding on an already-found wrong statement, which is counted as a repeat.
Matching is by text span, not by rule id, so reports of template or
suggested facts are scored the same way.

--coverage (run from the project root, after `factcheck run ... --db DB`)
asks FACTCHECK (the executable) which claims each rule of the last run
selected and prints, per story: the facts of expected.yaml compared (one rule
selected statements of it from two or more documents), the facts never
compared, and the statements the extractor does not find at all (no claim
overlaps their text).
"""

import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def spans(story: str, doc: str, text: str) -> tuple[int, int]:
    body = (HERE / story / f"{doc}.txt").read_text(encoding="utf-8")
    i = body.index(text)
    return i, i + len(text)


def claims_of(finding: dict) -> list[dict]:
    if finding["check"] == "split":
        return [c for side in finding["details"]["sides"] for c in side["claims"]]
    return [finding["left"]]


def score(story: str, report: Path) -> dict:
    spec = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))["stories"][story]
    facts = {f["id"]: f for f in spec["facts"]}
    wrong = []  # (conflict, doc, start, end)
    for c in spec["conflicts"]:
        doc = c["docs"][0]
        for s in facts[c["fact"]]["statements"]:
            if s["doc"] == doc and not s["agrees"]:
                wrong.append((c, doc, *spans(story, doc, s["text"])))
    findings = json.loads(report.read_text(encoding="utf-8"))["findings"]
    found, repeats, false = set(), 0, []
    for f in findings:
        hit = None
        for claim in claims_of(f):
            doc = Path(claim["doc"]).stem
            for i, (_, wdoc, a, b) in enumerate(wrong):
                if doc == wdoc and claim["start"] < b and a < claim["end"]:
                    hit = i
        if hit is None:
            false.append(
                f"{f['rule_id']} {f['check']} {Path(f['left']['doc']).stem} {f['left']['text']!r}"
            )
        elif hit in found:
            repeats += 1
        else:
            found.add(hit)
    return {
        "story": story,
        "planted": len(spec["conflicts"]),
        "found": len(found),
        "false": false,
        "repeats": repeats,
        "missed": [wrong[i][0]["fact"] for i in range(len(wrong)) if i not in found],
    }


def _overlaps(claim: dict, story: str, st: dict) -> bool:
    a, b = spans(story, st["doc"], st["text"])
    return Path(claim["doc"]).stem == st["doc"] and claim["start"] < b and a < claim["end"]


def coverage(factcheck: str, story: str, db: str) -> dict:
    import subprocess

    spec = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))["stories"][story]

    def call(*args: str):
        out = subprocess.run([factcheck, *args], capture_output=True, text=True, check=False).stdout
        return out

    rule_ids = [
        r["id"] for r in yaml.safe_load((HERE / "rules" / f"{story}.yaml").read_text())["rules"]
    ]
    selected = {
        r: json.loads(call("claims", "--db", db, "--rule", r, "--format", "json") or "[]")
        for r in rule_ids
    }
    extracted = [
        json.loads(line)
        for line in call("extract", str(HERE / story), "--format", "jsonl").splitlines()
    ]
    compared, never, misses = [], [], []
    for fact in spec["facts"]:
        best = 0
        for claims in selected.values():
            docs = {
                st["doc"]
                for st in fact["statements"]
                if st.get("role") != "previous" and any(_overlaps(c, story, st) for c in claims)
            }
            best = max(best, len(docs))
        (compared if best >= 2 else never).append(fact["id"])
        for st in fact["statements"]:
            if not any(_overlaps(c, story, st) for c in extracted):
                misses.append(f"{fact['id']}: {st['doc']} {st['text']!r}")
    return {
        "story": story,
        "facts": len(spec["facts"]),
        "compared": compared,
        "never": never,
        "misses": misses,
    }


def main() -> int:
    args = sys.argv[1:]
    if args and args[0] == "--coverage":
        factcheck, rest = args[1], args[2:]
        for i in range(0, len(rest), 2):
            r = coverage(factcheck, rest[i], rest[i + 1])
            print(
                f"{r['story']:12} facts compared {len(r['compared'])}/{r['facts']}"
                f"  never compared: {', '.join(r['never']) or '-'}"
            )
            for m in r["misses"]:
                print(f"    not extracted: {m}")
        return 0
    rows = [score(args[i], Path(args[i + 1])) for i in range(0, len(args), 2)]
    for r in rows:
        print(
            f"{r['story']:12} found {r['found']}/{r['planted']}  false alarms {len(r['false'])}"
            f"  repeats {r['repeats']}  missed {r['missed']}"
        )
        for w in r["false"]:
            print(f"    false alarm: {w}")
    print(
        f"{'total':12} found {sum(r['found'] for r in rows)}/{sum(r['planted'] for r in rows)}"
        f"  false alarms {sum(len(r['false']) for r in rows)}"
        f"  repeats {sum(r['repeats'] for r in rows)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
