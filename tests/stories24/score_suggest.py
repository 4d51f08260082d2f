#!/usr/bin/env python3
"""Score `factcheck suggest --format json` against the facts of expected.yaml.

    python3 tests/stories24/score_suggest.py STORY SUGGEST.json [STORY SUGGEST.json ...]

An expected fact (reported by two or more documents) is proposed when one
suggested fact's claims overlap its statements (not the `role: previous` ones)
in two or more documents. A suggested fact that proposes no expected fact is
"not expected"; one whose claims overlap the statements of two or more expected
facts is a merge (a wrong grouping, which a run would report as a false conflict).
"""

import json
import sys
from pathlib import Path

import yaml
from score import spans

HERE = Path(__file__).resolve().parent


def _hits(story: str, fact: dict, claims: list[dict]) -> set[str]:
    """The documents in which a claim overlaps one of the fact's statements."""
    docs = set()
    for st in fact["statements"]:
        if st.get("role") == "previous":
            continue
        a, b = spans(story, st["doc"], st["text"])
        for c in claims:
            if Path(c["doc"]).stem == st["doc"] and c["start"] < b and a < c["end"]:
                docs.add(st["doc"])
    return docs


def score(story: str, report: Path) -> dict:
    spec = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))["stories"][story]
    proposed = json.loads(report.read_text(encoding="utf-8"))["facts"]
    found, unexpected, merges = set(), [], []
    for p in proposed:
        matched = [f["id"] for f in spec["facts"] if len(_hits(story, f, p["claims"])) >= 2]
        touched = [f["id"] for f in spec["facts"] if _hits(story, f, p["claims"])]
        found.update(matched)
        if not matched:
            unexpected.append(p["id"])
        if len(touched) > 1:
            merges.append(f"{p['id']}: {', '.join(touched)}")
    return {
        "story": story,
        "facts": len(spec["facts"]),
        "found": found,
        "proposed": len(proposed),
        "unexpected": unexpected,
        "merges": merges,
        "missed": [f["id"] for f in spec["facts"] if f["id"] not in found],
    }


def main() -> int:
    args = sys.argv[1:]
    rows = [score(args[i], Path(args[i + 1])) for i in range(0, len(args), 2)]
    print("| story | expected facts proposed | proposed | not expected | merges |")
    print("| --- | --- | --- | --- | --- |")
    for r in rows:
        print(
            f"| {r['story']} | {len(r['found'])}/{r['facts']} | {r['proposed']} "
            f"| {len(r['unexpected'])} | {len(r['merges'])} |"
        )
    total = sum(r["facts"] for r in rows)
    found = sum(len(r["found"]) for r in rows)
    print(
        f"| **total** | **{found}/{total} ({100 * found // max(total, 1)}%)** "
        f"| {sum(r['proposed'] for r in rows)} | {sum(len(r['unexpected']) for r in rows)} "
        f"| {sum(len(r['merges']) for r in rows)} |"
    )
    for r in rows:
        print(f"\n{r['story']}: missed {', '.join(r['missed']) or '-'}")
        print(f"  not expected: {', '.join(r['unexpected']) or '-'}")
        for m in r["merges"]:
            print(f"  merge: {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
