"""Prove rules by example, and start new rule files.

A rule's `examples:` hold sentences it must and must not select a claim from,
and small multi-source cases (one-line articles, with dates) in which it must
and must not report a conflict. `run_examples` extracts the claims of each
example with the real extractor, selects and evaluates them with the real
checker, and returns one located problem per failed example, so
`factcheck rules test` reads like `factcheck rules lint`.

An example is inside every rule's paths, unless its articles say where they are
(`path:`, from the project root): the rules' paths then apply to them as in a run.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import FactcheckError, Problem
from ..model import Article, Case, Claim, Rule
from ..vocab.shown import interval_in
from .paths import unscoped
from .schema import RULE
from .select import evaluate, selects, why_not

ID_PATTERN = next(k.pattern for k in RULE if k.name == "id")
Extract = Callable[[str, str, str | None], list[Claim]]

TEST_CODES = {
    "T001": "a 'match' sentence has no claim the rule selects",
    "T002": "a 'no_match' sentence has a claim the rule selects",
    "T003": "a 'conflict' case gives no finding for the rule",
    "T004": "a 'no_conflict' case gives a finding for the rule",
    "T005": "a 'conflict' case gives a finding with another status",
    "T006": "a 'match' sentence: the rule selects another figure than the one its 'select' names",
}


@dataclass(frozen=True)
class ExampleResult:
    """How many examples ran and which failed (each a located problem)."""

    examples: int
    failures: list[Problem]

    def summary(self) -> str:
        n, bad = self.examples, len(self.failures)
        head = f"{n} example{'s' if n != 1 else ''}"
        return f"{head}: {n - bad} passed, {bad} failed" if n else f"{head} (add 'examples:')"


def _default_extract() -> Extract:
    from ..extract import extract

    return extract


def _claims(article: Article, doc: str, extract: Extract) -> list[Claim]:
    return extract(article.text, article.path or doc, article.published)


def _as_placed(rules: list[Rule], articles: tuple[Article, ...]) -> list[Rule]:
    """The rules as they apply to these example articles: scoped only when they say where
    they are (a case gives a path to all its articles or to none)."""
    return rules if any(a.path is not None for a in articles) else unscoped(rules)


def _show(claim: Claim) -> str:
    return f"'{claim.text}'"


def _quote(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= width else f'"{text[: width - 1]}…"'


def _why_none(rule: Rule, claims: list[Claim]) -> str:
    if not claims:
        return "the extractor finds no figure in it; check the number is written out"
    figures = [c for c in claims if c.kind != "date"] or claims  # dates are rarely the point
    return "; ".join(f"{_show(c)}: {why_not(rule, c)}" for c in figures[:4])


def _wrong_figure(rule: Rule, wanted: str, claims: list[Claim]) -> tuple[str, str] | None:
    """(message, hint) when the rule selects other figures than `wanted`, or misses it."""
    chosen = [c for c in claims if selects(rule, c)]
    named = [c for c in claims if " ".join(wanted.split()) in " ".join(c.text.split())]
    if not named:
        shown = ", ".join(_show(c) for c in claims if c.kind != "date") or "none"
        return f"has no figure '{wanted}'", f"its figures are {shown}; copy one as written"
    others = [c for c in chosen if c not in named]
    if others:
        shown = ", ".join(f"{_show(c)} (about '{c.about}', {c.role})" for c in others)
        return f"selects {shown}, not only '{wanted}'", "narrow it with about, not_about or role"
    if not any(c in chosen for c in named):
        return f"does not select '{wanted}'", _why_none(rule, named)
    return None


def _case_claims(case: Case, extract: Extract) -> list[Claim]:
    out = []
    for i, article in enumerate(case.articles, 1):
        out.extend(_claims(article, f"example-{i}.txt", extract))
    return out


def _selected_by_article(rule: Rule, claims: list[Claim]) -> str:
    parts = []
    for doc in sorted({c.doc for c in claims}):
        mine = [c for c in claims if c.doc == doc]
        chosen = [c for c in mine if selects(rule, c)]
        if chosen:
            shown = ", ".join(f"{_show(c)} = {interval_in(c)}" for c in chosen)
            parts.append(f"{doc} selects {shown}")
        else:
            parts.append(f"{doc} selects nothing ({_why_none(rule, mine)})")
    return "; ".join(parts) or "no article has a figure"


def _match_problems(rule: Rule, extract: Extract) -> list[tuple]:
    """(example, code, message, hint) for each match / no_match example the rule gets wrong."""
    out = []
    for article in rule.examples.match:
        claims = _claims(article, "example.txt", extract)
        placed = _as_placed([rule], (article,))[0]
        if not any(selects(placed, c) for c in claims):
            message = f"selects no claim of {_quote(article.text)}"
            out.append((article, "T001", message, _why_none(placed, claims)))
        elif article.select is not None:
            problem = _wrong_figure(placed, article.select, claims)
            if problem:
                out.append((article, "T006", *problem))
    for article in rule.examples.no_match:
        placed = _as_placed([rule], (article,))[0]
        chosen = [c for c in _claims(article, "example.txt", extract) if selects(placed, c)]
        if chosen:
            message = f"selects {', '.join(_show(c) for c in chosen)} of {_quote(article.text)}"
            hint = "narrow the rule: not_words, noun_excludes or a time window" + (
                ", or its paths" if article.path is not None else ""
            )
            out.append((article, "T002", message, hint))
    return out


def _case_problems(rule: Rule, rules: list[Rule], extract: Extract) -> list[tuple]:
    """(case, code, message, hint) for each conflict / no_conflict case the rule gets wrong."""
    out = []
    for case in rule.examples.conflict:
        claims = _case_claims(case, extract)
        placed = _as_placed(rules, case.articles)
        found = [c for c in evaluate(placed, claims).conflicts if c.rule_id == rule.id]
        if not found:
            message = "reports no finding in this case"
            hint = _selected_by_article(_as_placed([rule], case.articles)[0], claims)
            out.append((case, "T003", message, hint))
        elif not [c for c in found if c.status == case.status]:
            message = f"reports the finding as {found[0].status}, not {case.status}"
            out.append((case, "T005", message, found[0].reason))
    for case in rule.examples.no_conflict:
        claims = _case_claims(case, extract)
        placed = _as_placed(rules, case.articles)
        found = [c for c in evaluate(placed, claims).conflicts if c.rule_id == rule.id]
        if found:
            message = f"reports a finding in this case ({found[0].check}): {found[0].reason}"
            hint = "widen the tolerance or narrow the selection; " + _selected_by_article(
                _as_placed([rule], case.articles)[0], claims
            )
            out.append((case, "T004", message, hint))
    return out


def run_examples(rules: list[Rule], extract: Extract | None = None) -> ExampleResult:
    """Run every rule's examples; return how many ran and a located problem per failure."""
    extract = extract or _default_extract()
    failures: list[Problem] = []
    count = 0
    for rule in rules:
        count += len(rule.examples)
        for where, code, message, hint in _match_problems(rule, extract) + _case_problems(
            rule, rules, extract
        ):
            failures.append(Problem(rule.file, where.line, where.col, code, message, hint, rule.id))
    failures.sort(key=lambda p: (p.file, p.line or 0, p.col or 0, p.code))
    return ExampleResult(count, failures)


# -- new rule files ---------------------------------------------------------------

SKELETON = """\
# {id}: written by `factcheck rules new {id}`. Fill it in, then run
#   factcheck rules lint && factcheck rules test
# docs/rules.md explains every key, with a worked example of each check.
rules:
  - id: {id}
    title: {title}
    description: What the fact is, and why sources must agree on it.
    severity: warning            # error (fails `factcheck run`) | warning | info
    references: []               # links or notes for the reviewer
    select:                      # which claims speak about the fact
      kind: count                # count | percent | money | measure | duration
      nouns: [visitors]          # what is counted; plural and singular both match
      words: [museum]            # every word must be in the sentence ('@group' for aliases)
      # about: [visitors]        # words of the figure's own frame, not just its sentence
      # role: [value]            # value (default) | previous | change | projection | limit
      # not_words: [estimate]    # none of these may be in the sentence
      # time: {{after: 2018-01-01, unknown: include}}
    agree:                       # how closely sources must agree
      tolerance: 0.1             # 10%
    # bounds: {{min: 0, max: 10000000}}   # flags one implausible claim
    # over_time: {{may_only: rise}}       # for a toll: later reports may only be higher
    # relate: {{part_of: other-rule-id}}  # never more than another fact
    examples:                    # `factcheck rules test` checks every one
      match:
        - "The museum had 120,000 visitors last year."
      no_match:
        - "The zoo had 120,000 visitors last year."
      conflict:
        - articles:
            - {{published: 2018-01-10, text: "The museum had 120,000 visitors in 2017."}}
            - {{published: 2018-01-12, text: "The museum had 300,000 visitors in 2017."}}
      no_conflict:
        - articles:
            - {{published: 2018-01-10, text: "The museum had 120,000 visitors in 2017."}}
            - {{published: 2018-01-12, text: "The museum had about 125,000 visitors in 2017."}}
"""


def skeleton(rule_id: str) -> str:
    """The text of a new, commented rule file for rule_id; it lints clean and its examples pass."""
    title = rule_id.replace("-", " ").replace("_", " ").capitalize()
    return SKELETON.format(id=rule_id, title=title)


def new_rule_file(folder: str, rule_id: str) -> str:
    """Write folder/ID.yaml with a skeleton rule; refuse a bad id or an existing file."""
    if not re.fullmatch(ID_PATTERN, rule_id):
        raise FactcheckError(
            f"'{rule_id}' is not a rule id: use lower-case letters, digits, '.', '-' and '_'"
        )
    path = os.path.join(folder, f"{rule_id}.yaml").replace(os.sep, "/")
    if os.path.exists(path):
        raise FactcheckError(f"{path} already exists; edit it, or pick another id")
    os.makedirs(folder, exist_ok=True)
    with open(path, "x", encoding="utf-8") as f:
        f.write(skeleton(rule_id))
    return path
