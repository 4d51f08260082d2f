"""Rules scoped to paths, as Semgrep scopes them: which documents a rule sees.

A rule file's `paths:` (beside `rules:`) and a rule's own `paths:` each hold
`include` and `exclude`, gitignore-style patterns (pathspec's GitIgnoreSpec, like the
project's `exclude` setting) matched against a document's name: its path from the
project root, the name a run stores and reports it under, whatever folder the run
starts from. A section admits a document that one of its `include` patterns matches
(any document when it has none) and that no `exclude` pattern matches; a rule sees a
document that every section admits, its file's and its own. A document outside the
project root is named by its absolute path, which no pattern matches: a rule with
`include` never sees it, and `exclude` never drops it.

Claims come document by document, so each scope keeps its verdict on the last document:
a scope is decided once per (rule, document), not per claim, and a file's section once
per document for all the rules of the file. Selection asks last (`select.why_not`), so
only the claims a selector picks pay even that. pathspec is imported only when a scoped
rule is first used.
"""

from __future__ import annotations

import posixpath
from dataclasses import replace
from typing import Any

from ..model import PathLayer, PathScope, Rule
from .parse import as_list


def scope_of(file_paths: Any, rule_paths: Any) -> PathScope | None:
    """The scope of a rule from its file's validated `paths:` and its own; None: everywhere."""
    layers = tuple(
        layer
        for layer in (_layer(file_paths, "file"), _layer(rule_paths, "rule"))
        if layer is not None
    )
    return PathScope(layers) if layers else None


def _layer(section: Any, owner: str) -> PathLayer | None:
    if not isinstance(section, dict):
        return None
    include = tuple(as_list(section.get("include")))
    exclude = tuple(as_list(section.get("exclude")))
    return PathLayer(include, exclude, owner) if include or exclude else None


def unscoped(rules: list[Rule]) -> list[Rule]:
    """The rules with their paths lifted: for examples, which are inside every rule's paths."""
    return [replace(r, paths=None) if r.paths is not None else r for r in rules]


def outside_root(doc: str) -> bool:
    """Whether a document's name is absolute: it lies outside the project root."""
    return doc.startswith("/") or doc[1:3] in (":/", ":\\")


def outside_root_note(rules: list[Rule], names: list[str], root: str) -> str | None:
    """A warning when rules with `include` patterns cannot see some documents of a run,
    because those are outside the project root; else None."""
    scoped = sum(1 for r in rules if r.paths and any(x.include for x in r.paths.layers))
    away = sum(1 for n in names if outside_root(n))
    if not (scoped and away):
        return None
    return (
        f"{away} document{'s are' if away != 1 else ' is'} outside the project root ({root}): "
        f"{scoped} rule{'s' if scoped != 1 else ''} with 'paths: include' do not see "
        f"{'them' if away != 1 else 'it'}"
    )


def why_outside(scope: PathScope, doc: str) -> str | None:
    """Why a rule with this scope does not see the document, or None when it does."""
    entry = _SCOPES.get(id(scope))
    if entry is None or entry[0] is not scope:
        if len(_SCOPES) >= 4096:  # rules of earlier loads, in a long-lived process
            _SCOPES.clear()
            _LAYERS.clear()
        entry = _SCOPES[id(scope)] = (scope, _Scope(scope))
    return entry[1].verdict(doc)


def layer_verdicts(scope: PathScope, doc: str) -> tuple[str | None, ...]:
    """Why each section of a scope (its file's, its own) does not admit a document, or None."""
    why_outside(scope, doc)  # compiles the scope's sections
    return tuple(layer.verdict(doc) for layer in _SCOPES[id(scope)][1].layers)


class _Scope:
    """A scope's sections compiled, and its verdict on the last document asked about."""

    def __init__(self, scope: PathScope):
        self.layers = [_LAYERS.get(x) or _LAYERS.setdefault(x, _Layer(x)) for x in scope.layers]
        self.doc: str | None = None
        self.reason: str | None = None

    def verdict(self, doc: str) -> str | None:
        if doc != self.doc:
            self.doc, self.reason = doc, None
            for layer in self.layers:
                self.reason = layer.verdict(doc)
                if self.reason:
                    break
        return self.reason


class _Layer:
    """One `paths:` section compiled, and its verdict on the last document asked about.

    Shared by every rule with the same section (the rules of a file share the file's),
    so a file's section is decided once per document for all its rules."""

    def __init__(self, layer: PathLayer):
        self.layer = layer
        self.include = _spec(layer.include)
        self.exclude = _spec(layer.exclude)
        self.whose = {"rule": "the rule's paths", "story": "the story folder of the fact"}.get(
            layer.owner, "the paths of the rule's file"
        )
        self.doc: str | None = None
        self.reason: str | None = None

    def verdict(self, doc: str) -> str | None:
        if doc != self.doc:
            self.doc, self.reason = doc, self._reason(doc)
        return self.reason

    def _reason(self, doc: str) -> str | None:
        if self.layer.folder is not None:
            if posixpath.dirname(doc) != self.layer.folder:
                return f"its document '{doc}' is not in {self.whose} ('{self.layer.folder}')"
            return None
        outside, whose = outside_root(doc), self.whose
        if self.include is not None and outside:
            return (
                f"its document '{doc}' is outside the project root, and {whose} "
                "include only documents inside it"
            )
        if self.include is not None and not self.include.match_file(doc):
            shown = ", ".join(f"'{p}'" for p in self.layer.include[:4])
            more = ", ..." if len(self.layer.include) > 4 else ""
            return f"its document '{doc}' is not in {whose} (include: {shown}{more})"
        if self.exclude is not None and not outside:
            hit = self.exclude.check_file(doc)
            if hit.include:
                by = self.layer.exclude[hit.index]
                return f"its document '{doc}' is excluded by {whose} ('{by}')"
        return None


# each scope compiled, by the scope's identity: hashing a scope for every claim would cost
# more than the check (the entry keeps the scope, so its id stays its own); and each
# section compiled once, by its patterns, so that rules share it
_SCOPES: dict[int, tuple[PathScope, _Scope]] = {}
_LAYERS: dict[PathLayer, _Layer] = {}


def _spec(patterns: tuple[str, ...]):
    if not patterns:
        return None
    import pathspec  # only a scoped rule pays for it

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def pattern_problem(pattern: str) -> tuple[str, dict] | None:
    """What is wrong with a `paths:` pattern, as (message name, fields), or None."""
    if not pattern.strip():
        return "empty_pattern", {}
    fields = {"value": pattern}
    if pattern.startswith("#"):
        return "comment_pattern", fields
    dots = [p for p in pattern.lstrip("!").split("/") if p in (".", "..")]
    if dots:
        return "dot_pattern", {**fields, "part": dots[0]}
    import pathspec

    try:
        spec = pathspec.GitIgnoreSpec.from_lines([pattern])
    except ValueError:
        if not pattern.strip("!"):
            return "lone_bang", fields
        return ("trailing_backslash" if pattern.endswith("\\") else "bad_glob"), fields
    if spec.patterns[0].include is None:  # git discards it: an open bracket, or '/'
        return ("open_bracket" if "[" in pattern else "matches_nothing"), fields
    return None
