"""Rule files against a corpus: the `include` patterns that match none of its documents.

`factcheck rules lint --corpus DIR` reads the rule files again for the places of their
patterns (the rules themselves keep no positions of their paths, so that moving a rule
changes nothing it finds) and warns, with file:line:col, about each `include` pattern of
a file or a rule that no document of the corpus matches: a misspelt folder, or a
pattern written from another folder than the project root. A warning, not an error: a
story's folder may simply be empty for now.
"""

from __future__ import annotations

import difflib
from typing import Any

from ..errors import Problem
from .load import rule_files
from .messages import problem
from .parse import as_list, read_rule_file
from .paths import outside_root
from .validate import rule_specs


def unmatched_includes(rules_path: str, names: list[str], root: str) -> list[Problem]:
    """A W001 warning for each `include` pattern under rules_path that matches none of the
    documents, named by their paths from the project root `root`."""
    inside = [n for n in names if not outside_root(n)]
    matches = _Matches(inside)
    warnings = []
    for file in rule_files(rules_path):
        read = read_rule_file(file, [])
        if read is None:
            continue
        data, doc = read
        for where, pattern, rule_id in _includes(data):
            if not pattern.startswith("!") and not matches(pattern):
                hint = _hint(pattern, inside, len(names) - len(inside), root)
                line, col = doc.marks.get(where, (None, None))
                found = problem(
                    file, line, col, "unmatched_include", hint=hint, rule_id=rule_id, value=pattern
                )
                warnings.append(found)
    return sorted(warnings, key=lambda p: (p.file, p.line or 0, p.col or 0))


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
