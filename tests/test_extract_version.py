"""The extractor's output on a fixed news corpus cannot change without EXTRACTOR_VERSION changing.

The store re-extracts a document only when its text or the extractor version
changes, so an output change with the same version would leave stale claims in
every existing database. When this test fails after an intended change, bump
EXTRACTOR_VERSION in factcheck/extract/__init__.py and regenerate the golden file:

    .venv/bin/python -m tests.test_extract_version
"""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.extract import EXTRACTOR_VERSION, extract

HERE = Path(__file__).parent
CORPUS = HERE / "fixtures" / "extract" / "news_corpus.txt"
GOLDEN = HERE / "golden" / "extract_news_corpus.json"
FIELDS = (
    "start",
    "end",
    "text",
    "kind",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "noun",
    "about",
    "role",
    "speaker",
    "time",
)


def current() -> list[dict]:
    text = CORPUS.read_text(encoding="utf-8")
    claims = extract(text, "news_corpus.txt", "2024-06-01")
    return [{f: getattr(c, f) for f in FIELDS} for c in claims]


def test_output_matches_the_golden_file_of_this_version():
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert golden["extractor_version"] == EXTRACTOR_VERSION, (
        "EXTRACTOR_VERSION changed: regenerate the golden file "
        "(.venv/bin/python -m tests.test_extract_version)"
    )
    got = current()
    diffs = [(g, c) for g, c in zip(golden["claims"], got, strict=False) if g != c][:3]
    assert got == golden["claims"], (
        "the extractor's output changed without EXTRACTOR_VERSION changing: bump it and "
        f"regenerate the golden file; {len(got)} claims now, {len(golden['claims'])} in the "
        f"golden file; first differences: {diffs}"
    )


if __name__ == "__main__":
    data = {"extractor_version": EXTRACTOR_VERSION, "claims": current()}
    GOLDEN.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN} ({len(data['claims'])} claims, version {EXTRACTOR_VERSION})")
