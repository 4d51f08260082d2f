"""Rules from validated rule files: each section of a rule decoded by its own builder.

The `select:` section becomes the selector (`Selector`); each check's section is decoded
by its check type (`checks.CHECKS`, keyed by the section's name); `examples:` keep their
places in the file, for `factcheck rules test`.
"""

from __future__ import annotations

from typing import Any

from ..checks import CHECKS
from ..model import Article, Case, Examples, Pattern, Rule, Selector
from .parse import as_list
from .paths import scope_of
from .regex import compile_rule_regex
from .select import normalize_word, noun_words, phrase_pattern
from .units import unit_factor

Aliases = dict[str, list[str]]


def expand(items: list[str], aliases: Aliases) -> list[list[str]]:
    """Each item as the list of phrases it stands for ('@group' is all its members)."""
    out = []
    for item in items:
        if item.startswith("@"):
            out.append(list(aliases.get(item[1:], [])))
        else:
            out.append([item])
    return out


class _Decoding:
    """What the check types' decoders ask of the loader (see `checks.base.Decoding`)."""

    def __init__(self, aliases: Aliases):
        self.aliases = aliases

    def phrases(self, items: list[str]) -> Pattern:
        return phrase_pattern(_phrases(items, self.aliases))

    def unit(self, name: str) -> tuple[str, float] | None:
        return unit_factor(name)


def _phrases(items: Any, aliases: Aliases) -> list[str]:
    """Every phrase the items stand for, their alias groups expanded, in one list."""
    return [p for group in expand(as_list(items), aliases) for p in group]


def build_rule(
    spec: dict,
    file: str,
    line: int,
    aliases: Aliases,
    marks: dict | None = None,
    path: tuple = (),
    file_paths: dict | None = None,
) -> Rule:
    """A Rule from a validated mapping; `marks` and `path` place its examples in the file;
    `file_paths`: the `paths:` of its file, which scope it with its own."""
    ctx = _Decoding(aliases)
    checks = {
        name: check.decode(spec[name], ctx) if isinstance(spec.get(name), dict) else None
        for name, check in CHECKS.items()
    }
    return Rule(
        id=spec["id"],
        title=spec["title"],
        severity=spec.get("severity", "error"),
        select=selector(spec.get("select") or {}, aliases),
        file=file,
        line=line,
        description=spec.get("description", "") or "",
        references=tuple(as_list(spec.get("references"))),
        spec=spec,
        examples=examples(spec.get("examples") or {}, marks or {}, path + ("examples",)),
        paths=scope_of(file_paths, spec.get("paths")),
        **checks,
    )


def selector(sel: dict, aliases: Aliases) -> Selector:
    """The selector of a rule's validated `select:` section."""
    words = [phrase_pattern(group) for group in expand(as_list(sel.get("words")), aliases)]
    time = sel.get("time") or {}
    after, before = time.get("after"), time.get("before")
    if time.get("as_of") is not None:
        after = before = time["as_of"]
    return Selector(
        kinds=tuple(as_list(sel.get("kind"))),
        nouns=tuple(sorted({noun_words(n) for n in _phrases(sel.get("nouns"), aliases)})),
        noun_excludes=frozenset(normalize_word(w) for w in as_list(sel.get("noun_excludes"))),
        words=tuple(words),
        any_words=_pattern(_phrases(sel.get("any_words"), aliases)),
        not_words=_pattern(_phrases(sel.get("not_words"), aliases)),
        regex=_regex(sel.get("regex")),
        not_regex=_regex(sel.get("not_regex")),
        dimensions=tuple(as_list(sel.get("dimension"))),
        units=_units(sel.get("unit")),
        after=str(after) if after is not None else None,
        before=str(before) if before is not None else None,
        unknown_time=time.get("unknown", "include"),
        periods=time.get("periods", "include"),
        scope=sel.get("scope", "sentence"),
        about=tuple(
            frozenset(noun_words(p) for p in group)
            for group in expand(as_list(sel.get("about")), aliases)
        ),
        not_about=frozenset(noun_words(p) for p in _phrases(sel.get("not_about"), aliases)),
        roles=tuple(as_list(sel.get("role"))) or ("value",),
        speaker=_pattern(_phrases(sel.get("speaker"), aliases)),
        not_speaker=_pattern(_phrases(sel.get("not_speaker"), aliases)),
    )


def _pattern(phrases: list[str]) -> Pattern | None:
    return phrase_pattern(phrases) if phrases else None


def _regex(pattern: str | None) -> Pattern | None:
    return compile_rule_regex(pattern) if pattern else None


def _units(written: Any) -> frozenset[str]:
    """The units a claim may be stated in: each as written and its SI unit, lower case."""
    return frozenset(
        name.lower() for u in as_list(written) for name in (u, (unit_factor(u) or (u, 1))[0])
    )


def examples(ex: dict, marks: dict, path: tuple) -> Examples:
    """A rule's validated `examples:` section, each example with its place in the file."""
    return Examples(
        match=_articles(ex.get("match"), path + ("match",), marks),
        no_match=_articles(ex.get("no_match"), path + ("no_match",), marks),
        conflict=_cases(ex.get("conflict"), path + ("conflict",), marks),
        no_conflict=_cases(ex.get("no_conflict"), path + ("no_conflict",), marks),
    )


def _at(marks: dict, path: tuple) -> tuple[int, int]:
    return marks.get(path, (1, 1))


def _articles(items: Any, path: tuple, marks: dict) -> tuple[Article, ...]:
    out = []
    for i, item in enumerate(as_list(items)):
        line, col = _at(marks, path + (i,))
        if isinstance(item, dict):
            published = item.get("published")
            published = str(published) if published else None
            select = str(item["select"]) if item.get("select") is not None else None
            where = str(item["path"]) if item.get("path") is not None else None
            out.append(Article(item["text"], published, line, col, select, where))
        else:
            out.append(Article(item, None, line, col))
    return tuple(out)


def _cases(items: Any, path: tuple, marks: dict) -> tuple[Case, ...]:
    return tuple(
        Case(
            articles=_articles(case.get("articles"), path + (i, "articles"), marks),
            line=_at(marks, path + (i,))[0],
            col=_at(marks, path + (i,))[1],
            note=case.get("note") or "",
            status=case.get("status") or "open",
        )
        for i, case in enumerate(as_list(items))
    )
