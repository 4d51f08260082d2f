"""Rule files against a corpus: the `paths` patterns and rules that see none of it.

`factcheck rules lint --corpus DIR` reads the rule files again for the places of their
patterns (the rules themselves keep no positions of their paths, so that moving a rule
changes nothing it finds) and warns, with file:line:col, about each `include` pattern of
a file or a rule that no document of the corpus matches (W001: a misspelt folder, or a
pattern written from another folder than the project root), and about each rule whose
patterns match but whose file's paths and own paths together admit no document (W002).
Warnings, not errors: a story's folder may simply be empty for now.
"""

from __future__ import annotations

import difflib
from typing import Any

from ..errors import Problem
from ..model import Rule
from .load import rule_files
from .messages import problem
from .parse import as_list, read_rule_file
from .paths import layer_verdicts, outside_root, why_outside
from .validate import rule_specs


def corpus_warnings(
    rules_path: str, rules: list[Rule], names: list[str], root: str
) -> list[Problem]:
    """The warnings about the rules under rules_path against the documents, named by their
    paths from the project root `root`: W001 for each `include` pattern that matches none,
    W002 for each scoped rule that sees none although its patterns match."""
    inside = [n for n in names if not outside_root(n)]
    matches = _Matches(inside)
    warnings = []
    places: dict[str, tuple[str, tuple[int, int] | None]] = {}  # each rule's paths, placed
    for file in rule_files(rules_path):
        read = read_rule_file(file, [])
        if read is None:
            continue
        data, doc = read
        places.update(_rule_places(file, data, doc.marks))
        for where, pattern, rule_id in _includes(data):
            if not pattern.startswith("!") and not matches(pattern):
                hint = _hint(pattern, inside, len(names) - len(inside), root)
                line, col = doc.marks.get(where, (None, None))
                found = problem(
                    file, line, col, "unmatched_include", hint=hint, rule_id=rule_id, value=pattern
                )
                warnings.append(found)
    warned = {(w.file, w.rule_id) for w in warnings}
    quiet = [r for r in rules if (r.file, r.id) not in warned and (r.file, None) not in warned]
    for rule, reason in _blind(quiet, inside):
        line, col = places.get(rule.id, (rule.file, None))[1] or (rule.line, None)
        hint = reason.replace("its document", "for instance, the document", 1)
        warnings.append(problem(rule.file, line, col, "sees_nothing", hint=hint, rule_id=rule.id))
    return sorted(warnings, key=lambda p: (p.file, p.line or 0, p.col or 0))


def _rule_places(file: str, data, marks: dict) -> dict[str, tuple[str, tuple[int, int] | None]]:
    """Each rule's id (a use's template name when it has none) and the place of its
    `paths`, else of the rule."""
    out = {}
    for i, spec in enumerate(rule_specs(data) if isinstance(data, dict) else []):
        if isinstance(spec, dict):
            rid = spec.get("id") or spec.get("use")
            at = marks.get(("rules", i, "paths")) or marks.get(("rules", i))
            if isinstance(rid, str):
                out[rid] = (file, at)
    return out


def _blind(rules: list[Rule], names: list[str]) -> list[tuple[Rule, str]]:
    """The scoped rules that see none of the documents, each with why it does not see one
    (a document one of its sections admits, if any); documents outer, so that a file's
    section is decided once per document."""
    pending = [r for r in rules if r.paths is not None]
    for name in names:
        pending = [r for r in pending if why_outside(r.paths, name) is not None]
        if not pending:
            return []
    out = []
    for rule in pending:
        verdicts = (layer_verdicts(rule.paths, n) for n in names)
        split = next((v for v in verdicts if None in v), None)  # one section admits it
        reasons = split or (layer_verdicts(rule.paths, names[0]) if names else ())
        out.append((rule, next((r for r in reasons if r), "")))
    return out


def _includes(data: Any) -> list[tuple[tuple, str, str | None]]:
    """(place, pattern, rule id) of every `include` pattern of a file, its own then its rules'."""
    if not isinstance(data, dict):
        return []
    sections: list[tuple[tuple, Any, str | None]] = [(("paths",), data.get("paths"), None)]
    for i, spec in enumerate(rule_specs(data)):
        if isinstance(spec, dict):
            rid = spec.get("id") if isinstance(spec.get("id"), str) else None
            sections.append((("rules", i, "paths"), spec.get("paths"), rid))
    out = []
    for path, section, rid in sections:
        include = section.get("include") if isinstance(section, dict) else None
        at = path + ("include",)
        for j, pattern in enumerate(as_list(include)):
            if isinstance(pattern, str):
                out.append((at + (j,) if isinstance(include, list) else at, pattern, rid))
    return out


class _Matches:
    """Whether a pattern matches one of the names; each pattern is tried once."""

    def __init__(self, names: list[str]):
        self.names = names
        self.seen: dict[str, bool] = {}

    def __call__(self, pattern: str) -> bool:
        if pattern not in self.seen:
            import pathspec

            spec = pathspec.GitIgnoreSpec.from_lines([pattern])
            self.seen[pattern] = any(spec.match_file(n) for n in self.names)
        return self.seen[pattern]


def _folders(folder: str) -> list[str]:
    """A folder and the folders above it: 'a/b' is 'a' and 'a/b'."""
    parts = folder.split("/")
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def _hint(pattern: str, inside: list[str], outside: int, root: str) -> str:
    """What the corpus's paths look like: the nearest folder, else one of its paths."""
    away = (
        f"; {outside} file{'s' if outside != 1 else ''} of the corpus "
        f"{'are' if outside != 1 else 'is'} outside the project root, where no pattern matches"
        if outside
        else ""
    )
    if not inside:
        return f"no file of the corpus is inside the project root ({root}), where patterns match"
    dirs = {n.rpartition("/")[0] for n in inside} - {""}
    folders = sorted({f + "/" for d in dirs for f in _folders(d)})
    near = difflib.get_close_matches(pattern, folders, n=1, cutoff=0.6)
    if near:
        return f"did you mean '{near[0]}'? patterns are paths from the project root ({root}){away}"
    return f"patterns are paths from the project root ({root}), such as '{inside[0]}'{away}"
