"""Facts nobody wrote a rule for: the built-in templates and the suggested facts, by story.

`factcheck run` with no rules checks, at `warning` severity:

- every built-in template (`library.py`) as it ships (origin "template");
- every fact `suggest.py` proposes from the run's own claims that can be checked with
  no editor reading it first (`checkable`), as the rule `suggest_rules.rule_of` writes
  for it (origin "suggestion"; its YAML is kept, to paste into a rules file), with an
  id from what it was grouped by alone (`suggest.key_id`: `injured-officer`), which
  stays while articles are added. With rules, `--suggest`
  adds these to the rules.

A story is a folder. When a run's documents lie in two or more folders, each fact is
checked once per folder and sees only the documents directly in it (a `story` scope,
`paths.py`), so one story's deaths are never compared with another's; its id is the
folder's name, a dot and the fact's (`storm.deaths`). With one folder, facts see every
document and keep their plain ids.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

import yaml

from ..errors import RuleError
from ..model import Claim, PathLayer, PathScope, Rule
from . import library
from .load import load_rules, load_rules_text
from .suggest import SUGGESTED_KINDS, covered, key_id, suggest
from .suggest_rules import aliases, rule_of

__all__ = ["SUGGESTED_KINDS", "Story", "stories", "suggested_rules", "template_rules"]

SEVERITY = "warning"  # what a fact nobody wrote is checked at: it fails only --fail-on warning


@dataclass(frozen=True)
class Story:
    """A folder of documents checked as one story: its folder ('' for the project root),
    the prefix of its facts' ids ('' when it is the run's only story)."""

    folder: str
    prefix: str = ""

    def scope(self, rule: Rule, rename: bool = True) -> Rule:
        """The rule seeing only this story's documents, with its id prefixed (`rename`)."""
        if not self.prefix:
            return rule
        layer = PathLayer(owner="story", folder=self.folder)
        title = f"{rule.title} ({self.folder or 'top folder'})"
        rule = replace(rule, title=title, paths=PathScope((layer,)))
        return replace(rule, id=f"{self.prefix}.{rule.id}") if rename else rule


def stories(names: Iterable[str]) -> list[Story]:
    """The story folders of documents named so: one per folder, sorted by folder."""
    folders = sorted({posixpath.dirname(n) for n in names})
    if len(folders) < 2:
        return [Story(f) for f in folders]
    taken: set[str] = set()
    found = []
    for folder in folders:
        slug = _slug(posixpath.basename(folder)) or "top"
        prefix, n = slug, 1
        while prefix in taken:
            n += 1
            prefix = f"{slug}-{n}"
        taken.add(prefix)
        found.append(Story(folder, prefix))
    return found


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-._")


@functools.lru_cache(maxsize=1)
def _templates() -> tuple[Rule, ...]:
    rules = load_rules(library.TEMPLATES)
    return tuple(replace(r, severity=SEVERITY, origin="template") for r in rules)


def template_rules(story: Story) -> list[Rule]:
    """Every built-in template, as a warning, for one story."""
    return [story.scope(r) for r in _templates()]


@dataclass
class Suggestions:
    """The suggested facts' rules of a run, and the facts left out with why."""

    rules: list[Rule]
    notes: list[str]


def suggested_rules(
    story: Story, claims: list[Claim], rules: list[Rule], min_sources: int = 2
) -> Suggestions:
    """The rules of the facts two or more of the story's documents report (its `claims`,
    of any kind), each a warning with its YAML to paste; only those `checkable`."""
    out = Suggestions([], [])
    seen: set[str] = set()
    for fact in suggest(claims, min_sources):
        spec = rule_of(fact) if checkable(fact, rules) else None
        if spec is None:
            continue
        spec = _scoped_spec(story, {**spec, "id": unique_id(key_id(fact), seen)})
        text = paste_yaml(fact, spec)
        try:
            (rule,) = load_rules_text(text, f"<suggested fact {spec['id']}>")
        except RuleError as e:  # a bug of suggest_rules: say which fact, check the others
            out.notes.append(f"suggested fact '{spec['id']}' left out: {e.problems[0]}")
            continue
        rule = replace(rule, paste=text, origin="suggestion", severity=SEVERITY)
        out.rules.append(story.scope(rule, rename=False))
    return out


def unique_id(name: str, seen: set[str]) -> str:
    """name, or name-2, name-3... when seen has it; the id returned joins seen."""
    new, n = name, 1
    while new in seen:
        n += 1
        new = f"{name}-{n}"
    seen.add(new)
    return new


def checkable(fact, rules: list[Rule]) -> bool:
    """Whether a suggested fact can be checked with no editor to read it first.

    Not a fact grouped by its figure alone (its rule would select every figure in its
    unit the articles use the same word about), not a count by its noun alone that no two
    of its articles state alike ("60 workers" on a shift, "five workers" missing: the
    noun says what is counted, not which of its counts; "237 passengers" twice is one),
    not one whose figures scatter (`_mostly_alike`), and not one any claim of which a
    rule checked already selects: that fact is the rule's (a template's, with no rules).
    """
    if fact.key.figure or (fact.key.noun and not fact.key.subject and not _repeated(fact)):
        return False
    if not fact.rising and not _mostly_alike(fact):
        return False
    return covered(fact, rules, share=0) is None


ALIKE = 1.1  # figures within 10% of each other are stated alike


def _mostly_alike(fact) -> bool:
    """Whether at least half of the fact's documents state figures alike (within 10% of
    each other): a fact with one source astray is checked, figures that scatter are no
    one fact. A state that comes and goes is judged on its most reported day."""
    claims = fact.claims
    if fact.moving:
        days = Counter((c.time or "")[:10] for c in claims)
        day = max(sorted(days), key=lambda d: days[d])
        claims = tuple(c for c in claims if (c.time or "")[:10] == day)
    points = sorted(
        (v, c.doc)
        for c in claims
        if c.qualifier not in ("range", "vague")
        and (v := c.si_value if c.si_value is not None else c.value) is not None
        and v > 0
    )
    best, window, j = 0, Counter(), 0
    for value, doc in points:
        window[doc] += 1
        while points[j][0] * ALIKE < value:
            window[points[j][1]] -= 1
            if not window[points[j][1]]:
                del window[points[j][1]]
            j += 1
        best = max(best, len(window))
    documents = len({c.doc for c in claims})
    return 2 * best >= documents


def _repeated(fact) -> bool:
    """Whether two of the fact's documents state one figure alike ("237 passengers")."""
    docs: dict[float, set[str]] = {}
    for c in fact.claims:
        if c.value is not None and c.qualifier in ("exact", "approx"):
            docs.setdefault(c.value, set()).add(c.doc)
    return any(len(d) > 1 for d in docs.values())


def _scoped_spec(story: Story, spec: dict) -> dict:
    """The rule to paste sees its story's folder, by a `paths:` pattern, when there are
    several stories (its id is the run's: pasted, its findings keep their ids)."""
    if not story.prefix:
        return spec
    spec = dict(spec, id=f"{story.prefix}.{spec['id']}")
    if story.folder and not story.folder.startswith("/"):
        spec["paths"] = {"include": [_escaped(story.folder) + "/*"]}
    return spec


def _escaped(folder: str) -> str:
    """A folder name as a gitignore pattern that matches it alone."""
    out = re.sub(r"([\\*?\[\]])", r"\\\1", folder)
    return "\\" + out if out[:1] in ("!", "#") else out


def paste_yaml(fact, spec: dict) -> str:
    """A rules file holding one suggested fact's rule and the alias group it uses."""
    groups = {k: v for k, v in aliases([fact]).items() if f"@{k}" in str(spec.get("select"))}
    data = ({"aliases": groups} if groups else {}) | {"rules": [spec]}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)
