#!/usr/bin/env python3
"""Score the stories24 stories three ways: no rules, templates only, hand-written rules.

    python tests/stories24/score_three.py

runs each story (its folder alone, as a newcomer would: `factcheck run STORY`)

- with **no rules**: the built-in templates and the facts suggested from the
  story itself, as `factcheck run` checks a folder with no rules;
- with **templates** only: every built-in template as it ships
  (factcheck/rules/templates), what a rules file of `- use:` lines scoped by
  `paths:` to the story gives;
- with the **hand** rules an editor wrote for it (tests/stories24/rules/STORY.yaml),

and prints, per way and story: the planted conflicts found, the false alarms
(findings that cover no planted conflict; a further finding on an
already-found wrong statement is a repeat, not counted), the disputes between
named parties (counted apart: they are what the `attribution` check is for),
and the facts of expected.yaml never compared (no one rule selected its
statements, earlier figures retold aside, from two or more documents).
Matching is by text span, as in score.py. The three runs of a story share one
database, so each article is read once.
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
WAYS = ("no rules", "templates", "hand rules")


def _span(story: str, doc: str, text: str) -> tuple[str, int, int]:
    body = (HERE / story / f"{doc}.txt").read_text(encoding="utf-8")
    i = body.index(text)
    return doc, i, i + len(text)


def _hits(claim, span: tuple[str, int, int]) -> bool:
    if isinstance(claim, dict):
        doc, a, b = Path(claim["doc"]).stem, claim["start"], claim["end"]
    else:
        doc, a, b = Path(claim.doc).stem, claim.start, claim.end
    return doc == span[0] and a < span[2] and span[1] < b


def _finding_claims(finding) -> list:
    if finding.check == "split":
        return [c for side in finding.details.get("sides", []) for c in side.get("claims", [])]
    return [finding.left]


def _rules_of(way: str, story: str) -> str | None:
    if way == "no rules":
        return None
    if way == "templates":
        return str(ROOT / "factcheck" / "rules" / "templates")
    return str(HERE / "rules" / f"{story}.yaml")


def score_story(story: str, spec: dict, way: str, db: str) -> dict:
    """One story run one way: found, planted, false alarms, disputes, facts never compared."""
    from factcheck import app
    from factcheck.rules import select

    result = app.run([str(HERE / story)], _rules_of(way, story), db)
    chosen = defaultdict(list)
    for rule_id, claim in select(result.rules, list(result.claims)).matches:
        chosen[rule_id].append(claim)
    facts = {f["id"]: f for f in spec["facts"]}
    wrong = [
        _span(story, s["doc"], s["text"])
        for c in spec["conflicts"]
        for s in facts[c["fact"]]["statements"]
        if s["doc"] == c["docs"][0] and not s["agrees"]
    ]
    found, false, disputes = set(), [], []
    for f in result.conflicts:
        hit = next(
            (i for i, sp in enumerate(wrong) for c in _finding_claims(f) if _hits(c, sp)), None
        )
        if hit is not None:
            found.add(hit)
        else:
            line = f"{way}: {f.rule_id} {f.check} {story}/{Path(f.left.doc).stem} {f.left.text!r}"
            (disputes if f.check == "disputed" else false).append(line)
    never = [fid for fid, fact in facts.items() if not _compared(story, fact, chosen)]
    return {
        "found": len(found),
        "planted": len(wrong),
        "false": false,
        "disputes": disputes,
        "facts": len(facts),
        "never": never,
    }


def _compared(story: str, fact: dict, chosen: dict) -> bool:
    statements = [
        _span(story, s["doc"], s["text"]) for s in fact["statements"] if s.get("role") != "previous"
    ]
    for claims in chosen.values():
        docs = {sp[0] for sp in statements if any(_hits(c, sp) for c in claims)}
        if len(docs) >= 2:
            return True
    return False


def score() -> dict[str, dict[str, dict]]:
    """way -> story -> its row."""
    spec = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))["stories"]
    rows: dict[str, dict[str, dict]] = {way: {} for way in WAYS}
    with tempfile.TemporaryDirectory() as tmp:
        for story in STORIES:
            for way in WAYS:
                rows[way][story] = score_story(story, spec[story], way, f"{tmp}/{story}.db")
    return rows


def table(rows: dict[str, dict[str, dict]]) -> str:
    """One line per way and story, and a total per way, as a Markdown table."""
    lines = [
        "| way | story | planted found | false alarms | disputes | facts never compared |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for way in WAYS:
        stories = rows[way]
        for story, r in [*stories.items(), ("**total**", _total(stories.values()))]:
            cells = (
                way,
                story,
                f"{r['found']}/{r['planted']}",
                len(r["false"]),
                len(r["disputes"]),
                f"{len(r['never'])}/{r['facts']}",
            )
            lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _total(rows) -> dict:
    rows = list(rows)
    out = {k: sum(r[k] for r in rows) for k in ("found", "planted", "facts")}
    return out | {k: [x for r in rows for x in r[k]] for k in ("false", "disputes", "never")}


def alarms(rows: dict[str, dict[str, dict]]) -> str:
    """Every false alarm and dispute, one per line, indented."""
    return "".join(
        f"    {x}\n" for way in WAYS for r in rows[way].values() for x in r["false"] + r["disputes"]
    )


def main() -> int:
    sys.path.insert(0, str(ROOT))
    rows = score()
    print(table(rows) + alarms(rows), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
