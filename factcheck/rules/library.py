"""The built-in fact templates: rule files shipped in factcheck/rules/templates/.

A template is a rule file in the rule language with one rule whose id is its name (the
file's name), its own alias groups, and examples that `factcheck rules test
factcheck/rules/templates` runs. It names a fact every story of its kind reports
(deaths, people evacuated, a crowd's size) precisely enough to need no story words:
through what each figure is about, its role, its speaker, its time and its kind. A rules
file takes one with `- use: NAME` (`use.py`); `factcheck rules templates` lists them.
"""

from __future__ import annotations

import difflib
import functools
import os
from dataclasses import dataclass
from typing import Any

from ..errors import FactcheckError
from .parse import as_list, parse_yaml

TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")


@dataclass(frozen=True)
class Template:
    """One template: its name, file and text, its rule and its alias groups."""

    name: str
    file: str
    text: str
    spec: dict  # the template's rule, as written (share it: copy before changing it)
    aliases: dict[str, list[str]]


@functools.lru_cache(maxsize=1)
def names() -> tuple[str, ...]:
    """The names of the templates, sorted."""
    return tuple(sorted(n[: -len(".yaml")] for n in os.listdir(TEMPLATES) if n.endswith(".yaml")))


@functools.cache
def template(name: str) -> Template | None:
    """The template of this name, or None when there is none."""
    if name not in names():
        return None
    file = os.path.join(TEMPLATES, f"{name}.yaml")
    with open(file, encoding="utf-8") as f:
        text = f.read()
    data, _doc, problems = parse_yaml(text, file)
    rules = data.get("rules") if isinstance(data, dict) else None
    if problems or not isinstance(rules, list) or len(rules) != 1 or rules[0].get("id") != name:
        # the templates are tested (tests/test_templates.py): this is a broken install
        raise FactcheckError(f"the built-in template {file} is broken: reinstall factcheck")
    return Template(name, file, text, rules[0], dict(data.get("aliases") or {}))


def templates() -> list[Template]:
    """Every template, in name order."""
    return [t for t in (template(n) for n in names()) if t is not None]


def near(name: str) -> str:
    """A hint for a name that is no template's: the nearest name, or every name."""
    found = difflib.get_close_matches(name, names(), n=1, cutoff=0.5)
    if found:
        return f"did you mean '{found[0]}'?"
    return f"the templates are {', '.join(names())} (`factcheck rules templates`)"


# -- what `factcheck rules templates` prints ------------------------------------------


@dataclass(frozen=True)
class Summary:
    """One template in a line: name, title, claim kind, what it selects, its checks."""

    name: str
    title: str
    kind: str
    selects: str
    checks: str


def _group(items: Any, aliases: dict[str, list[str]], width: int = 3) -> str:
    """Words of a select key, alias groups spelled out, the first few of them."""
    words = []
    for item in as_list(items):
        if isinstance(item, str) and item.startswith("@"):
            words.extend(aliases.get(item[1:], []))
        else:
            words.append(str(item))
    shown = "/".join(words[:width])
    return shown + ("/…" if len(words) > width else "")


def _selects(t: Template) -> str:
    """What a template's select picks, in a phrase or two."""
    sel = t.spec.get("select") or {}
    parts = []
    if sel.get("unit") or sel.get("dimension"):
        parts.append("in " + ", ".join(as_list(sel.get("unit")) + as_list(sel.get("dimension"))))
    if sel.get("about"):
        groups = [_group([g], t.aliases) for g in as_list(sel["about"])]
        parts.append("about " + " + ".join(groups))
    if sel.get("speaker"):
        parties = (t.spec.get("attribution") or {}).get("parties") or {}
        parts.append("said by " + (" or ".join(parties) or _group(sel["speaker"], t.aliases)))
    if sel.get("role"):
        parts.append("as " + "/".join(as_list(sel["role"])))
    excluded = len(as_list(sel.get("not_about"))) + len(as_list(sel.get("noun_excludes")))
    if excluded:
        parts.append(f"{excluded} words excluded")
    return "; ".join(parts) or "every claim of its kind"


def _checks(spec: dict) -> str:
    """A template's checks in words: agree (its slack), over_time, attribution."""
    out = []
    agree = spec.get("agree")
    if isinstance(agree, dict):
        slack = [f"{agree['tolerance']:.0%}" if agree.get("tolerance") else ""]
        slack.append(f"±{agree['absolute']:g}" if agree.get("absolute") else "")
        shown = " ".join(s for s in slack if s)
        out.append(f"agree {shown}" if shown else "agree")
    if isinstance(spec.get("over_time"), dict):
        out.append(f"over_time {spec['over_time']['may_only']}")
    if isinstance(spec.get("attribution"), dict):
        disputed = spec["attribution"].get("disputed", True)
        out.append("attribution" + (" (disputed)" if disputed else ""))
    return ", ".join(out)


def summary(t: Template) -> Summary:
    """A template in one line of `factcheck rules templates`."""
    kind = ", ".join(as_list((t.spec.get("select") or {}).get("kind")))
    return Summary(t.name, t.spec.get("title", ""), kind, _selects(t), _checks(t.spec))


TABLE_HEAD = Summary("name", "title", "kind", "selects", "checks")


def table(only: str | None = None) -> str:
    """Every template (or the one named), one a line, in aligned columns, and how to use one."""
    rows = [TABLE_HEAD] + [summary(t) for t in templates() if only in (None, t.name)]
    cols = list(zip(*[(r.name, r.title, r.kind, r.selects, r.checks) for r in rows], strict=True))
    widths = [max(len(c) for c in col) for col in cols[:-1]]
    lines = []
    for r in rows:
        cells = (r.name, r.title, r.kind, r.selects)
        lines.append(
            "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + "  " + r.checks
        )
    count = f"{len(rows) - 1} template{'s' if len(rows) != 2 else ''}"
    lines += [
        "",
        f"{count}. In a rules file: `- use: NAME`, with overrides (docs/rules.md, Templates).",
        "Its YAML, to copy and change: factcheck rules templates NAME --format yaml",
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"
