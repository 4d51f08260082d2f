"""Rules that use a built-in template: `- use: deaths`, with overrides.

Before a file is validated, each rule that says `use: NAME` is replaced by the
template's rule (`library.py`) with the rule's own keys put in:

- `id`, `title`, `description`, `severity`, `references`, `paths`, `agree` and `examples`
  replace the template's (the template's examples prove the template, not your copy, so
  they are not taken along); the id is the template's name unless the rule says `id:`,
  so two uses of one template need ids of their own;
- `select:` is merged key by key: each key written replaces the template's key;
- `words:` is `select: {words: ...}`; `time:`, `after:` and `before:` set those keys of
  the template's time window and keep its others;
- a check of the template (`over_time`, `attribution`, `bounds`, `relate`) cannot be
  changed by a use (E025): copy the template's YAML and edit the copy instead.

Every value keeps a place in the user's file (`Doc.marks`): an override its own, a value
from the template the place of `use:`, so every error reads `file:line:col`. The
template's alias groups come along under names of their own (`deaths/group`).
"""

from __future__ import annotations

import copy
import difflib
from typing import Any

from ..errors import Problem
from . import library
from .messages import problem
from .parse import Doc, as_list
from .schema import RULE, USE
from .validate import ALIASED

Aliases = dict[str, list[str]]
Path = tuple

# a use's keys that set a key of the template's select (or of its time window)
_INTO_SELECT = {"words": ("words",), "time": ("time",), "after": ("time", "after")}
_INTO_SELECT["before"] = ("time", "before")


def expand_uses(data: Any, doc: Doc, problems: list[Problem]) -> Aliases:
    """Replace each rule of a file that says `use:` by its template's rule with the rule's
    own keys put in, placing every value in the file; return the templates' alias groups."""
    groups: Aliases = {}
    specs = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(specs, list) or not any(isinstance(x, dict) and "use" in x for x in specs):
        return groups
    marks = _marks_by_rule(doc)
    for i, item in enumerate(specs):
        if isinstance(item, dict) and "use" in item:
            use = _Use(doc, ("rules", i), problems, marks.get(i, {}))
            specs[i] = use.expand(item, groups)
    return groups


def _marks_by_rule(doc: Doc) -> dict[int, dict[Path, tuple[int, int]]]:
    """The places of each rule's values, by the rule's index (one pass over the file's)."""
    out: dict[int, dict[Path, tuple[int, int]]] = {}
    for path, mark in doc.marks.items():
        if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
            out.setdefault(path[1], {})[path[2:]] = mark
    return out


class _Use:
    """One rule that uses a template, at `path` in the file."""

    def __init__(self, doc: Doc, path: Path, problems: list[Problem], marks: dict):
        self.doc, self.path, self.problems, self.marks = doc, path, problems, marks
        self.rule_id: str | None = None

    def problem(self, sub: Path, what: str, /, *, hint: str | None = None, **fields) -> None:
        line, col = self.doc.marks.get(self.path + sub, (None, None))
        found = problem(self.doc.file, line, col, what, hint=hint, rule_id=self.rule_id, **fields)
        self.problems.append(found)

    def expand(self, item: dict, groups: Aliases) -> dict:
        """The template's rule with this rule's keys put in (just `use` when there is no
        such template, which is reported)."""
        name = item["use"]
        found = library.template(name) if isinstance(name, str) else None
        given = item["id"] if isinstance(item.get("id"), str) else None
        self.rule_id = given or (name if found is not None else None)
        if found is None:
            if isinstance(name, str):  # a use that is not text is the schema's to report
                self.problem(("use",), "unknown_template", hint=library.near(name), name=name)
            return {"use": name}
        spec = _own_groups(copy.deepcopy(found.spec), found, groups)
        spec.pop("examples", None)
        spec["use"] = name
        self._place(spec, self.marks.get(("use",), self.marks.get((), (None, None))), ())
        for key, value in item.items():
            if key != "use":
                self._override(spec, item, key, value)
        return spec

    def _place(self, value: Any, mark: tuple, sub: Path) -> None:
        """Give a value from the template, and everything in it, the place of `use:`."""
        self.doc.marks.setdefault(self.path + sub, mark)
        if isinstance(value, (dict, list)):
            for k, v in value.items() if isinstance(value, dict) else enumerate(value):
                self._place(v, mark, sub + (k,))

    def _override(self, spec: dict, item: dict, key: str, value: Any) -> None:
        if USE.child(key) is None:
            self._not_taken(key, spec["use"])
        elif key == "select" and isinstance(value, dict):
            spec["select"] = {**spec["select"], **value}
        elif key in _INTO_SELECT:
            self._into_select(spec, item, key, value)
        else:
            spec[key] = value

    def _not_taken(self, key: str, template: str) -> None:
        """A key a use cannot hold: a check of the template (E025), or unknown (E010)."""
        if any(k.name == key for k in RULE):
            self.problem((key,), "template_key", template=template, name=key)
            return
        known = [k.name for k in USE.children]
        near = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        hint = f"did you mean '{near[0]}'?" if near else f"known keys here: {', '.join(known)}"
        self.problem(
            (key,), "unknown_key", hint=hint, name=key, where="in a rule that uses a template"
        )

    def _into_select(self, spec: dict, item: dict, key: str, value: Any) -> None:
        """`words`, `time`, `after` and `before`: keys of the template's select."""
        target = _INTO_SELECT[key]
        written = item.get("select") if isinstance(item.get("select"), dict) else {}
        if target[0] in written:
            self.problem((key,), "use_twice", name=key, other=f"select: {target[0]}")
            return
        if (
            key in ("after", "before")
            and isinstance(item.get("time"), dict)
            and key in item["time"]
        ):
            self.problem((key,), "use_twice", name=key, other=f"time: {key}")
            return
        select = spec["select"]
        window = select.get("time") if isinstance(select.get("time"), dict) else {}
        if key == "words":
            select["words"] = value
        elif key == "time":  # a time that is not a mapping is the schema's to report
            select["time"] = {**window, **value} if isinstance(value, dict) else value
        else:  # after, before
            select["time"] = {**window, key: value}
        self._move_marks((key,), ("select", *_INTO_SELECT[key]))

    def _move_marks(self, src: Path, dst: Path) -> None:
        """Place the values written at src (and inside it) where the merged rule has them."""
        for sub, mark in self.marks.items():
            if sub[: len(src)] == src:
                self.doc.marks[self.path + dst + sub[len(src) :]] = mark


def _own_groups(spec: dict, template: library.Template, groups: Aliases) -> dict:
    """The template's rule with its alias groups renamed `NAME/group` (added to `groups`),
    so that they never meet the rules folder's groups of the same name."""

    def own(x: Any) -> bool:
        return isinstance(x, str) and x.startswith("@") and x[1:] in template.aliases

    def renamed(items: Any) -> Any:
        if not any(own(x) for x in as_list(items)):
            return items
        return [f"@{template.name}/{x[1:]}" if own(x) else x for x in as_list(items)]

    for name, members in template.aliases.items():
        groups[f"{template.name}/{name}"] = list(members)
    select = spec.get("select") or {}
    for key in ALIASED:
        if key in select:
            select[key] = renamed(select[key])
    parties = (spec.get("attribution") or {}).get("parties") or {}
    for party, members in parties.items():
        parties[party] = renamed(members)
    return spec
