"""A tiny stand-in for `factcheck.extract`, so report, CLI and pipeline tests do not
move when the real extractor improves. It reads "[about|more than] N noun" only."""

import re

from factcheck.model import Claim

EXTRACTOR_VERSION = "fake-1"
calls: list[str] = []  # the documents extracted, in order, for the incremental tests

NUMBER = re.compile(
    r"(?P<qual>[Aa]bout |[Mm]ore than )?(?P<num>\d{1,3}(?:,\d{3})+|\d+) "
    r"(?:U\.S\. )?(?P<noun>troops|groups|fighters)"
)


def _sentence(text: str, start: int) -> str:
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return text[begin : end if end >= 0 else len(text)].strip()


def extract(text: str, doc: str, published: str | None = None) -> list[Claim]:
    calls.append(doc)
    out = []
    for m in NUMBER.finditer(text):
        value = float(m["num"].replace(",", ""))
        stated = (m["qual"] or "").lower()
        qual = {"about ": "approx", "more than ": "more_than"}.get(stated, "exact")
        low, high = {
            "approx": (value * 0.9, value * 1.1),
            "more_than": (value, None),
        }.get(qual, (value, value))
        sentence = _sentence(text, m.start())
        out.append(
            Claim(
                doc=doc,
                start=m.start(),
                end=m.end(),
                text=m[0],
                kind="count",
                value=value,
                low=value if qual == "more_than" else None,
                high=None,
                qualifier=qual,
                unit=None,
                noun=m["noun"],
                sentence=sentence,
                line=text.count("\n", 0, m.start()) + 1,
                column=m.start() - text.rfind("\n", 0, m.start()),
                si_value=value,
                si_unit=None,
                dimension="count",
                interval_low=low,
                interval_high=high,
                time=published,
                time_source="published" if published else None,
            )
        )
    return out


def extract_many(items, jobs=1):
    return [extract(t, d, p) for t, d, p in items]


RULES = """\
rules:
  - id: troops
    title: Troops in Iraq
    severity: error
    select: {kind: count, nouns: [troops], words: [Iraq]}
    agree: {tolerance: 0.1}
  - id: groups
    title: Armed groups
    severity: warning
    select: {kind: count, nouns: [groups]}
    agree: {tolerance: 0.1}
  - id: fighters
    title: 'Fighters "in | all" </testcase> ::error'
    severity: info
    select: {kind: count, nouns: [fighters]}
    agree: {tolerance: 0.1}
  - id: quiet
    title: A rule without conflicts
    select: {kind: count, nouns: [ships]}
    agree: {tolerance: 0.1}
"""

ARTICLES = {
    # hostile text: quotes, a table bar, an annotation, a closing XML tag, % and
    # a file name with a comma and a colon (sorted first, so it is the located side)
    "news/a, b: c.txt": (
        "Dec 03, 2017\n\n"
        'About 12,000 troops are in Iraq now, a "senior" official said | '
        "::error file=x,line=1::pwned </testcase> 100% sure.\n"
        "There are 60 groups, it said.\n"
        "About 900 fighters held the town.\n"
    ),
    "news/plain.txt": (
        "Dec 02, 2017\n\n"
        "The U.S. has 5,000 troops in Iraq, officials said.\n"
        "There are 40 groups in the force.\n"
        "A force of 100 fighters held the town.\n"
    ),
}


def write_newsroom(root) -> None:
    """A corpus with one error, one warning and one info conflict, and its rules."""
    (root / "rules").mkdir(exist_ok=True)
    (root / "rules" / "news.yaml").write_text(RULES, encoding="utf-8")
    for name, text in ARTICLES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
