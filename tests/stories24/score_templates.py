#!/usr/bin/env python3
"""Score the built-in fact templates, with no story words, on the stories24 stories.

    python tests/stories24/score_templates.py [RULES]

runs every story with the rules RULES (default: the template library,
factcheck/rules/templates, every template as it ships) and prints one row per
template: the facts of expected.yaml that name it, how many of them it
compares (it selects their statements, earlier figures retold aside, from two
or more documents), the planted conflicts of those facts it finds, the
statements it selects that belong to none of its facts (stray), and its
findings that cover no planted conflict (false; a dispute between parties
counted apart). expected.yaml's `money` facts are one row, `pledged` and
`raised` together. Matching is by text span, as in score.py.
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
STORIES = ("landslide", "fuelprotest", "appeal", "pipeline", "warehouse", "storm", "tremor")
# expected.yaml's template names that one or more templates of the library cover
COVERED_BY = {"money": ("pledged", "raised")}


def _span(story: str, doc: str, text: str) -> tuple[str, int, int]:
    body = (HERE / story / f"{doc}.txt").read_text(encoding="utf-8")
    i = body.index(text)
    return doc, i, i + len(text)


def _overlaps(claim, span: tuple[str, int, int]) -> bool:
    doc, a, b = span
    return Path(claim.doc).stem == doc and claim.start < b and a < claim.end


def _findings_claims(finding) -> list:
    if finding.check == "split":
        sides = finding.details.get("sides", [])
        return [c for side in sides for c in side.get("claims", [])]
    return [finding.left]


def _claim_span(c) -> tuple[str, int, int]:
    if isinstance(c, dict):
        return Path(c["doc"]).stem, c["start"], c["end"]
    return Path(c.doc).stem, c.start, c.end


def _hits(c, span) -> bool:
    doc, a, b = _claim_span(c)
    return doc == span[0] and a < span[2] and span[1] < b


def row_name(rule_id: str) -> str:
    """The name expected.yaml gives the fact a rule of the library covers."""
    return next((k for k, v in COVERED_BY.items() if rule_id in v), rule_id)


def row_label(name: str) -> str:
    return f"{name} ({', '.join(COVERED_BY[name])})" if name in COVERED_BY else name


def run_story(story: str, rules: str, db: str):
    """The run's findings and each rule's selected claims, for one story."""
    from factcheck import app
    from factcheck.rules import select

    result = app.run([str(HERE / story)], rules, db)
    chosen = defaultdict(list)
    for rule_id, claim in select(result.rules, list(result.claims)).matches:
        chosen[rule_id].append(claim)
    return result, chosen


def score(rules: str) -> dict[str, dict]:
    """Per template: facts, compared, planted found, stray statements, false and disputed."""
    spec = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))["stories"]
    rows: dict[str, dict] = defaultdict(
        lambda: {"facts": 0, "compared": 0, "planted": 0, "found": 0, "stray": 0, "false": []}
    )
    with tempfile.TemporaryDirectory() as tmp:
        for story in STORIES:
            result, chosen = run_story(story, rules, f"{tmp}/{story}.db")
            _score_story(story, spec[story], result, chosen, rows)
    return dict(rows)


def _score_story(story: str, spec: dict, result, chosen: dict, rows: dict) -> None:
    facts = {f["id"]: f for f in spec["facts"]}
    spans = {
        fid: [
            (_span(story, s["doc"], s["text"]), s.get("role") == "previous")
            for s in f["statements"]
        ]
        for fid, f in facts.items()
    }
    wrong = {}  # fact id -> spans of its planted wrong statements
    for c in spec["conflicts"]:
        wrong.setdefault(c["fact"], []).extend(
            _span(story, s["doc"], s["text"])
            for s in facts[c["fact"]]["statements"]
            if s["doc"] == c["docs"][0] and not s["agrees"]
        )
    for name in sorted({row_name(r.id) for r in result.rules}):
        ids = COVERED_BY.get(name, (name,))
        mine = [fid for fid, f in facts.items() if f["template"] == name]
        row = rows[row_label(name)]
        row["facts"] += len(mine)
        row["planted"] += sum(len(wrong.get(fid, [])) for fid in mine)
        for fid in mine:
            docs = {
                sp[0]
                for sp, prev in spans[fid]
                if not prev and any(_overlaps(c, sp) for i in ids for c in chosen.get(i, []))
            }
            row["compared"] += len(docs) >= 2
        own = [sp for fid in mine for sp, _ in spans[fid]]
        for i in ids:
            row["stray"] += sum(not any(_overlaps(c, sp) for sp in own) for c in chosen.get(i, []))
        planted = [sp for fid in mine for sp in wrong.get(fid, [])]
        found = set()
        for f in (f for f in result.conflicts if f.rule_id in ids):
            hit = next(
                (i for i, sp in enumerate(planted) for c in _findings_claims(f) if _hits(c, sp)),
                None,
            )
            if hit is None:
                left = _claim_span(f.left)
                row["false"].append(
                    f"{f.status} {f.rule_id} {f.check} {story}/{left[0]} {f.left.text!r}"
                )
            else:
                found.add(hit)
        row["found"] += len(found)


def table(rows: dict[str, dict]) -> str:
    """The rows as a Markdown table, templates in name order, and a total."""
    cells = {}
    for name in sorted(rows):
        r = rows[name]
        false = sum(not x.startswith("disputed") for x in r["false"])
        counts = (r["facts"], r["compared"], r["found"], r["planted"], r["stray"], false)
        cells[name] = (*counts, len(r["false"]) - false)
    cells["**total**"] = tuple(sum(col) for col in zip(*cells.values(), strict=True))
    lines = [
        "| template | facts | compared | planted found | stray statements | false | disputed |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, (facts, compared, found, planted, stray, false, disputed) in cells.items():
        row = (name, facts, compared, f"{found}/{planted}", stray, false, disputed)
        lines.append("| " + " | ".join(str(c) for c in row) + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    sys.path.insert(0, str(ROOT))
    rules = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "factcheck" / "rules" / "templates")
    rows = score(rules)
    print(table(rows), end="")
    for name in sorted(rows):
        for x in rows[name]["false"]:
            print(f"    {name}: {x}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
