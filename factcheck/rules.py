"""Load and validate rule files. The only module that parses YAML.

Rule files are composed into YAML nodes (safe loading only: no Python tags),
so every value keeps its file, line and column. They are validated against the
schema in `schema.py`; every problem of every file is gathered and raised once
as a `RuleError`, each problem located as `file:line:col` with a stable code
and a hint.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import math
import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import schema
from .checks import evaluate_facts, statements
from .checks.base import group_by
from .errors import Problem, RuleError
from .extract import units
from .model import (
    SELECTED_ONLY_KINDS,
    Agreement,
    Article,
    Attribution,
    Bounds,
    Case,
    Claim,
    Conflict,
    Examples,
    Fact,
    OverTime,
    Relation,
    Rule,
    Selector,
    period,
)
from .rule_regex import RegexError, compile_rule_regex
from .schema import Key

MAX_RULE_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000  # bounds alias expansion ("billion laughs") and huge files
MAX_DEPTH = 40  # a rule is a few levels deep; thousands would exhaust Python's stack
RULE_EXTENSIONS = (".yaml", ".yml")
DATE_RE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
ACRONYM = re.compile(r"[A-Z][A-Z.&-]*")

CODES = {
    "E001": "YAML syntax error",
    "E002": "file too large or too many nodes (alias expansion)",
    "E003": "tag not allowed",
    "E004": "duplicate key",
    "E005": "cannot read file",
    "E010": "unknown key",
    "E011": "missing required key",
    "E012": "wrong type",
    "E013": "value not allowed",
    "E014": "malformed value",
    "E015": "duplicate rule id",
    "E016": "invalid regular expression",
    "E017": "unknown alias group",
    "E018": "invalid date",
    "E019": "number out of range",
    "E020": "no rule files",
    "E021": "unknown rule id",
    "E022": "keys that contradict each other",
    "E023": "unknown unit",
}


# -- YAML with positions ----------------------------------------------------


class _Doc:
    """A YAML document as plain values plus the position of each value."""

    def __init__(self, file: str):
        self.file = file
        self.marks: dict[tuple, tuple[int, int]] = {}
        self.nodes = 0


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_constructor = yaml.SafeLoader("")


def _value(node, path: tuple, doc: _Doc, problems: list[Problem]) -> Any:
    doc.nodes += 1
    if doc.nodes > MAX_NODES:
        raise _TooBig()
    if len(path) > MAX_DEPTH:
        raise _TooDeep(node)
    doc.marks.setdefault(path, _mark(node))
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTION_TAGS:
        problems.append(_tag_problem(doc, node))
        return None
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode):
                problems.append(_p(doc, knode, "E012", "a key must be a plain word"))
                continue
            key = knode.value
            if key in out:
                first = doc.marks.get(path + (key,), ("?", "?"))
                problems.append(
                    _p(
                        doc,
                        knode,
                        "E004",
                        f"duplicate key '{key}' (first at line {first[0]})",
                        "remove one of the two; YAML would silently keep only the last",
                    )
                )
                continue
            doc.marks[path + (key,)] = _mark(knode)
            out[key] = _value(vnode, path + (key,), doc, problems)
            doc.marks[path + (key,)] = _mark(knode)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_value(n, path + (i,), doc, problems) for i, n in enumerate(node.value)]
    tag = node.tag
    if tag not in _constructor.yaml_constructors or not tag.startswith("tag:yaml.org,2002:"):
        problems.append(_tag_problem(doc, node))
        return None
    if tag == "tag:yaml.org,2002:timestamp":
        return node.value  # dates stay strings: YYYY-MM-DD
    try:
        return _constructor.yaml_constructors[tag](_constructor, node)
    except ValueError:  # Python refuses integers of over 4,300 digits
        problems.append(
            _p(doc, node, "E019", f"the number is {len(node.value)} characters long", _BIG_HINT)
        )
        return None


_BIG_HINT = "write a number of at most a few dozen digits, e.g. 1.5e12"


_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


def _tag_problem(doc: _Doc, node) -> Problem:
    return _p(
        doc,
        node,
        "E003",
        f"tag {node.tag!r} is not allowed",
        "rule files hold plain data (strings, numbers, lists, mappings); remove the tag",
    )


class _TooBig(Exception):
    pass


class _TooDeep(Exception):
    def __init__(self, node=None):
        self.node = node


def _p(doc: _Doc, node, code: str, message: str, hint: str | None = None, rule_id=None) -> Problem:
    line, col = _mark(node)
    return Problem(doc.file, line, col, code, message, hint, rule_id)


def parse_yaml(text: str, file: str) -> tuple[Any, _Doc, list[Problem]]:
    """Compose YAML text into plain values with positions; never constructs objects."""
    doc = _Doc(file)
    problems: list[Problem] = []
    try:
        nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        msg = " ".join(x for x in (e.context, e.problem) if x)
        if e.context_mark and mark is not e.context_mark:
            start = e.context_mark
            msg += f" (it started at line {start.line + 1}, column {start.column + 1})"
        return None, doc, [Problem(file, line, col, "E001", f"YAML syntax error: {msg}")]
    except yaml.YAMLError as e:
        return None, doc, [Problem(file, 1, 1, "E001", f"YAML syntax error: {e}")]
    except RecursionError:  # the YAML composer recurses once per level of nesting
        return None, doc, [_too_deep(file, None)]
    if not nodes:
        return None, doc, []
    if len(nodes) > 1:
        line, col = _mark(nodes[1])
        problems.append(
            Problem(file, line, col, "E001", "more than one YAML document ('---') in a rule file")
        )
    try:
        return _value(nodes[0], (), doc, problems), doc, problems
    except _TooDeep as e:
        return None, doc, [_too_deep(file, e.node)]
    except _TooBig:
        return (
            None,
            doc,
            [
                Problem(
                    file,
                    1,
                    1,
                    "E002",
                    f"more than {MAX_NODES} YAML nodes (an alias bomb or a huge file)",
                    "split the rules into several files and do not nest aliases",
                )
            ],
        )


def _too_deep(file: str, node) -> Problem:
    line, col = _mark(node) if node is not None else (1, 1)
    return Problem(
        file,
        line,
        col,
        "E002",
        f"nested more than {MAX_DEPTH} levels deep",
        "a rule is a mapping a few levels deep; remove the extra brackets or indentation",
    )


# -- validation against the schema -------------------------------------------


def _type_ok(key: Key, value: Any) -> bool:
    t = key.type
    if t in ("str", "regex", "enum"):
        return isinstance(value, str)
    if t == "date":
        return isinstance(value, (str, int)) and not isinstance(value, bool)
    if t == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if t == "bool":
        return isinstance(value, bool)
    if t in ("list[str]", "list[enum]"):
        return isinstance(value, str) or (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        )
    if t in ("mapping", "aliases"):
        return isinstance(value, dict)
    if t == "list[mapping]":
        return isinstance(value, list)
    if t == "list[article]":
        return isinstance(value, (list, str))
    return True


TYPE_WORDS = {
    "str": "a string",
    "regex": "a regular expression string",
    "enum": "one of the allowed words",
    "date": "a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "number": "a number",
    "bool": "true or false",
    "list[str]": "a list of strings",
    "list[enum]": "a list of allowed words",
    "mapping": "a mapping of keys to values",
    "aliases": "a mapping of group names to lists of words",
    "list[mapping]": "a list of mappings",
    "list[article]": "a list of texts or {published, text} mappings",
}


def _type_name(value: Any) -> str:
    return {
        dict: "a mapping",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "empty",
    }.get(type(value), type(value).__name__)


class _Validator:
    def __init__(self, doc: _Doc, problems: list[Problem]):
        self.doc = doc
        self.problems = problems
        self.rule_id: str | None = None

    def problem(self, path: tuple, code: str, message: str, hint: str | None = None) -> None:
        line, col = self.doc.marks.get(path, (None, None))
        self.problems.append(Problem(self.doc.file, line, col, code, message, hint, self.rule_id))

    def mapping(self, key: Key, value: dict, path: tuple) -> None:
        item = bool(path) and isinstance(path[-1], int)  # a mapping inside a list
        this = f"an item of '{key.name}'" if item else f"'{key.name}'"
        for name in value:
            if key.child(str(name)) is None:
                hint = _suggest(str(name), key)
                where = {schema.FILE.name: "at the top of the file", "rules": "in a rule"}.get(
                    key.name, f"in {this}"
                )
                self.problem(path + (name,), "E010", f"unknown key '{name}' {where}", hint)
        for child in key.children:
            if child.name not in value or value[child.name] is None:
                if child.required:
                    where = "a rule" if key.name == "rules" else this
                    self.problem(
                        path,
                        "E011",
                        f"{where} needs the key '{child.name}'",
                        f"add '{child.name}:' ({child.meaning})",
                    )
                continue
            self.value(child, value[child.name], path + (child.name,))

    def value(self, key: Key, value: Any, path: tuple) -> None:
        if not _type_ok(key, value):
            self.problem(
                path,
                "E012",
                f"'{key.name}' must be {TYPE_WORDS[key.type]}, not {_type_name(value)}",
                key.meaning,
            )
            return
        if key.type == "mapping":
            self.mapping(key, value, path)
        elif key.type == "list[mapping]":
            for i, item in enumerate(value):
                if not isinstance(item, dict):
                    self.problem(
                        path + (i,), "E012", f"each item of '{key.name}' must be a mapping"
                    )
                    continue
                if path == ("rules",):
                    rid = item.get("id")
                    self.rule_id = rid if isinstance(rid, str) else None
                self.mapping(key, item, path + (i,))
                if path == ("rules",):
                    self.rule_id = None
        elif key.type == "list[article]":
            for i, item in enumerate(_as_list(value)):
                if isinstance(item, dict):
                    self.mapping(key, item, path + (i,))
                elif not isinstance(item, str):
                    self.problem(
                        path + (i,),
                        "E012",
                        f"each item of '{key.name}' must be a text or a mapping "
                        f"with 'text:', not {_type_name(item)}",
                        "write the sentence in quotes, or {published: YYYY-MM-DD, text: '...'}",
                    )
        elif key.type in ("enum", "list[enum]"):
            for i, v in enumerate(_as_list(value)):
                if v not in key.choices:
                    near = difflib.get_close_matches(v, key.choices, n=1, cutoff=0.5)
                    hint = f"did you mean '{near[0]}'?" if near else None
                    p = path + (i,) if isinstance(value, list) else path
                    self.problem(
                        p,
                        "E013",
                        f"'{key.name}' cannot be '{v}'; allowed: {', '.join(key.choices)}",
                        hint,
                    )
        elif key.type == "date":
            if not _real_date(str(value)):
                self.problem(
                    path,
                    "E018",
                    f"'{key.name}' is '{value}', not a date",
                    "write YYYY, YYYY-MM or YYYY-MM-DD",
                )
        elif key.type == "number":
            if isinstance(value, int) and abs(value) > 10**300:
                self.problem(path, "E019", f"'{key.name}' is too large a number", _BIG_HINT)
            elif isinstance(value, float) and not math.isfinite(value):
                self.problem(
                    path,
                    "E019",
                    f"'{key.name}' is {value}, not a finite number",
                    ".nan would silently turn the check off and .inf make it accept anything;"
                    " write a number",
                )
            elif key.minimum is not None and value < key.minimum:
                self.problem(
                    path, "E019", f"'{key.name}' is {value}, below its minimum {key.minimum}"
                )
        elif key.type == "regex":
            self.regex(value, path, key.name)
        elif key.type == "str" and key.pattern and not re.fullmatch(key.pattern, value):
            self.problem(
                path,
                "E014",
                f"'{key.name}' is '{value}', which is not allowed",
                f"use only lower-case letters, digits, '.', '-' and '_' (pattern {key.pattern})",
            )
        elif key.type == "aliases":
            for name, members in value.items():
                if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
                    self.problem(
                        path + (name,),
                        "E012",
                        f"alias group '{name}' must be a list of words or phrases",
                    )

    def regex(self, value: str, path: tuple, name: str) -> None:
        try:
            compile_rule_regex(value)
        except RegexError as e:
            self.problem(
                path,
                "E016",
                f"'{name}' does not compile on RE2: {e}",
                "RE2 has no backreferences (\\1) or lookaround ((?=, (?<!) and counts up to "
                "1000; check brackets and escapes (write \\. for a literal dot)",
            )


def _suggest(name: str, key: Key) -> str:
    """A hint for an unknown key: the nearest key here, else one that belongs elsewhere."""
    known = [k.name for k in key.children]
    near = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
    if near:
        return f"did you mean '{near[0]}'?"
    elsewhere = {path: k for path, k in schema.all_keys() if not path.startswith("<")}
    by_name = {}
    for path in sorted(elsewhere, key=len):
        by_name.setdefault(path.rsplit(".", 1)[-1], path)
    near = difflib.get_close_matches(name, list(by_name), n=1, cutoff=0.75)
    if near:
        return f"did you mean '{near[0]}' (it belongs at {by_name[near[0]]})?"
    near = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    if near:
        return f"did you mean '{near[0]}'?"
    return f"known keys here: {', '.join(known)}"


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# -- building rules ------------------------------------------------------------


def normalize_word(word: str) -> str:
    """Lower-case singular form of a word, for comparing counted nouns."""
    w = word.lower().strip(".,;:'\"()")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@functools.lru_cache(maxsize=65536)  # every rule asks again for every claim
def noun_words(noun: str) -> tuple[str, ...]:
    """A counted noun phrase as normalized words."""
    return tuple(normalize_word(w) for w in re.findall(r"[\w'.-]+", noun) if w.strip(".-'"))


def phrase_pattern(phrases: list[str]) -> re.Pattern:
    """One regex matching any phrase as whole words; capitals-only acronyms match their case."""
    parts = []
    for p in sorted(set(phrases), key=lambda s: (-len(s), s)):
        body = r"\s+".join(re.escape(w) for w in p.split())
        body = rf"(?<!\w){body}(?!\w)"
        parts.append(body if ACRONYM.fullmatch(p) else f"(?i:{body})")
    return re.compile("|".join(parts) or r"(?!x)x")


def _expand(items: list[str], aliases: dict[str, list[str]]) -> list[list[str]]:
    """Each item as the list of phrases it stands for ('@group' is all its members)."""
    out = []
    for item in items:
        if item.startswith("@"):
            out.append(list(aliases.get(item[1:], [])))
        else:
            out.append([item])
    return out


def _check_alias_refs(
    v: _Validator, items: Any, path: tuple, aliases: dict[str, list[str]]
) -> None:
    for i, item in enumerate(_as_list(items)):
        if isinstance(item, str) and item.startswith("@") and item[1:] not in aliases:
            near = difflib.get_close_matches(item[1:], list(aliases), n=1)
            v.problem(
                path + ((i,) if isinstance(items, list) else ()),
                "E017",
                f"unknown alias group '{item}'",
                f"did you mean '@{near[0]}'?" if near else "define it under 'aliases:' first",
            )


def unit_factor(name: str) -> tuple[str, float] | None:
    """The SI unit and factor of a unit an editor writes (km, feet, INR), or None."""
    if re.fullmatch(r"[A-Z]{3}", name):
        return name, 1.0  # a currency code: money claims are compared in their currency
    unit = units.CURATED.get(name) or units.CURATED.get(name.lower())
    if unit is None:
        for u in units.CURATED.values():
            if u.si_unit == name.lower() and u.factor == 1.0:
                unit = u
                break
    if unit is None or unit.factor is None or unit.si_unit is None or unit.offset:
        return None
    return unit.si_unit, unit.factor


def _at(marks: dict, path: tuple) -> tuple[int, int]:
    return marks.get(path, (1, 1))


def _articles(items: Any, path: tuple, marks: dict) -> tuple[Article, ...]:
    out = []
    for i, item in enumerate(_as_list(items)):
        line, col = _at(marks, path + (i,))
        if isinstance(item, dict):
            published = item.get("published")
            published = str(published) if published else None
            select = str(item["select"]) if item.get("select") is not None else None
            out.append(Article(item["text"], published, line, col, select))
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
        for i, case in enumerate(_as_list(items))
    )


def _real_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a day that exists (no 2021-02-30)."""
    if not DATE_RE.fullmatch(text):
        return False
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        datetime.date(*parts[:3])
    except ValueError:
        return False
    return True


def _check_contradictions(v: _Validator, spec: dict, path: tuple) -> None:
    """Keys that are each valid but cannot hold together."""
    sel = spec.get("select")
    time = sel.get("time") if isinstance(sel, dict) else None
    if isinstance(time, dict):
        after, before = str(time.get("after")), str(time.get("before"))
        n = min(len(after), len(before))  # 2017-06 is not after 2017: compare years only
        if _real_date(after) and _real_date(before) and after[:n] > before[:n]:
            v.problem(
                path + ("select", "time", "after"),
                "E022",
                f"'after' ({after}) is later than 'before' ({before}); no claim can match",
                "swap them: after is the earlier date",
            )
    if isinstance(time, dict) and time.get("as_of") is not None:
        for other in ("after", "before"):
            if time.get(other) is not None:
                v.problem(
                    path + ("select", "time", other),
                    "E022",
                    f"'{other}' cannot be used together with 'as_of'",
                    "as_of already means after and before that date; keep one of them",
                )
    bounds = spec.get("bounds")
    if not isinstance(bounds, dict):
        return
    low, high = bounds.get("min"), bounds.get("max")
    numbers = all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (low, high))
    if numbers and low > high:
        v.problem(
            path + ("bounds", "min"),
            "E022",
            f"'min' ({low:g}) is greater than 'max' ({high:g})",
            "swap them: min is the smallest plausible value",
        )
    if low is None and high is None:
        v.problem(path + ("bounds",), "E011", "'bounds' needs 'min', 'max' or both")
    unit = bounds.get("unit")
    if isinstance(unit, str) and unit_factor(unit) is None:
        known = sorted({k for k, u in units.CURATED.items() if u.factor and not u.offset})
        near = difflib.get_close_matches(unit, known, n=1)
        v.problem(
            path + ("bounds", "unit"),
            "E023",
            f"unknown unit '{unit}'",
            f"did you mean '{near[0]}'?"
            if near
            else "write a unit such as km, feet, kg, tonnes, or a currency code such as INR",
        )


def _check_rule_refs(v: _Validator, spec: dict, path: tuple, ids: dict[str, str]) -> None:
    """Rule ids named by 'relate' must exist, and not be the rule itself."""
    relate = spec.get("relate")
    if not isinstance(relate, dict):
        return
    rid = spec.get("id") if isinstance(spec.get("id"), str) else None
    v.rule_id = rid
    refs: list[tuple[tuple, Any]] = [(("part_of",), relate.get("part_of"))]
    refs += [(("sum_of", j), x) for j, x in enumerate(_as_list(relate.get("sum_of")))]
    if isinstance(relate.get("sum_of"), str):
        refs[-1] = (("sum_of",), relate["sum_of"])
    pct = relate.get("percent_of")
    if isinstance(pct, dict):
        refs += [(("percent_of", k), pct.get(k)) for k in ("whole", "part")]
    for sub, ref in refs:
        if not isinstance(ref, str):
            continue
        where = path + ("relate",) + sub
        if ref == rid:
            v.problem(
                where, "E021", f"rule '{ref}' cannot relate to itself", "name another rule's id"
            )
        elif ref not in ids:
            near = difflib.get_close_matches(ref, list(ids), n=1, cutoff=0.6)
            v.problem(
                where,
                "E021",
                f"no rule has the id '{ref}'",
                f"did you mean '{near[0]}'?" if near else "write the id of a rule in this folder",
            )
    v.rule_id = None


def build_rule(
    spec: dict,
    file: str,
    line: int,
    aliases: dict[str, list[str]],
    marks: dict | None = None,
    path: tuple = (),
) -> Rule:
    """A Rule from a validated mapping; `marks` and `path` place its examples in the file."""
    marks = marks or {}
    sel = spec.get("select") or {}
    nouns = [p for group in _expand(_as_list(sel.get("nouns")), aliases) for p in group]
    words = [phrase_pattern(group) for group in _expand(_as_list(sel.get("words")), aliases)]
    any_words = [p for g in _expand(_as_list(sel.get("any_words")), aliases) for p in g]
    not_words = [p for g in _expand(_as_list(sel.get("not_words")), aliases) for p in g]
    speakers = [p for g in _expand(_as_list(sel.get("speaker")), aliases) for p in g]
    time = sel.get("time") or {}
    after, before = time.get("after"), time.get("before")
    if time.get("as_of") is not None:
        after = before = time["as_of"]
    selector = Selector(
        kinds=tuple(_as_list(sel.get("kind"))),
        nouns=tuple(sorted({noun_words(n) for n in nouns})),
        noun_excludes=frozenset(normalize_word(w) for w in _as_list(sel.get("noun_excludes"))),
        words=tuple(words),
        any_words=phrase_pattern(any_words) if any_words else None,
        not_words=phrase_pattern(not_words) if not_words else None,
        regex=compile_rule_regex(sel["regex"]) if sel.get("regex") else None,
        not_regex=compile_rule_regex(sel["not_regex"]) if sel.get("not_regex") else None,
        dimensions=tuple(_as_list(sel.get("dimension"))),
        units=frozenset(
            name.lower()
            for u in _as_list(sel.get("unit"))
            for name in (u, (unit_factor(u) or (u, 1))[0])
        ),
        after=str(after) if after is not None else None,
        before=str(before) if before is not None else None,
        unknown_time=time.get("unknown", "include"),
        scope=sel.get("scope", "sentence"),
        about=tuple(
            frozenset(noun_words(p) for p in group)
            for group in _expand(_as_list(sel.get("about")), aliases)
        ),
        not_about=frozenset(
            noun_words(p) for g in _expand(_as_list(sel.get("not_about")), aliases) for p in g
        ),
        roles=tuple(_as_list(sel.get("role"))) or ("value",),
        speaker=phrase_pattern(speakers) if speakers else None,
    )
    agree = spec.get("agree")
    agreement = (
        Agreement(
            tolerance=float(agree.get("tolerance", 0) or 0),
            absolute=float(agree.get("absolute", 0) or 0),
            precision=agree.get("precision") or "implied",
        )
        if isinstance(agree, dict)
        else None
    )
    bounds = None
    if isinstance(spec.get("bounds"), dict):
        b = spec["bounds"]
        si_unit, factor = unit_factor(b["unit"]) if b.get("unit") else (None, 1.0)
        unit = f" {b['unit']}" if b.get("unit") else ""
        written = " and ".join(
            f"{word} {b[k]:g}{unit}"
            for k, word in (("min", "at least"), ("max", "at most"))
            if b.get(k) is not None
        )
        bounds = Bounds(
            low=b["min"] * factor if b.get("min") is not None else None,
            high=b["max"] * factor if b.get("max") is not None else None,
            si_unit=si_unit,
            written=written,
        )
    relate = None
    if isinstance(spec.get("relate"), dict):
        r = spec["relate"]
        pct = r.get("percent_of") or {}
        relate = Relation(
            part_of=r.get("part_of"),
            sum_of=tuple(_as_list(r.get("sum_of"))),
            percent_whole=pct.get("whole"),
            percent_part=pct.get("part"),
            tolerance=float(r.get("tolerance", 0) or 0),
        )
    over_time = None
    if isinstance(spec.get("over_time"), dict):
        o = spec["over_time"]
        over_time = OverTime(o["may_only"], float(o.get("tolerance", 0) or 0))
    attribution = None
    if isinstance(spec.get("attribution"), dict):
        a = spec["attribution"]
        parties = tuple(
            (str(name), phrase_pattern([p for g in _expand(members, aliases) for p in g]))
            for name, members in sorted((a.get("parties") or {}).items())
        )
        disputed = a.get("disputed")
        attribution = Attribution(parties, True if disputed is None else bool(disputed))
    ex = spec.get("examples") or {}
    ex_path = path + ("examples",)
    examples = Examples(
        match=_articles(ex.get("match"), ex_path + ("match",), marks),
        no_match=_articles(ex.get("no_match"), ex_path + ("no_match",), marks),
        conflict=_cases(ex.get("conflict"), ex_path + ("conflict",), marks),
        no_conflict=_cases(ex.get("no_conflict"), ex_path + ("no_conflict",), marks),
    )
    return Rule(
        id=spec["id"],
        title=spec["title"],
        severity=spec.get("severity", "error"),
        select=selector,
        agree=agreement,
        file=file,
        line=line,
        description=spec.get("description", "") or "",
        references=tuple(_as_list(spec.get("references"))),
        spec=spec,
        bounds=bounds,
        relate=relate,
        over_time=over_time,
        attribution=attribution,
        examples=examples,
    )


def rule_files(path: str) -> list[str]:
    """The rule files of a folder (or the file itself), sorted."""
    if os.path.isfile(path):
        return [path]
    if not os.path.isdir(path):
        raise RuleError([Problem(path, None, None, "E005", "no such rules file or folder")])
    return sorted(
        os.path.join(path, n).replace(os.sep, "/")
        for n in os.listdir(path)
        if n.endswith(RULE_EXTENSIONS) and not n.startswith(".")
    )


def load_rules(path: str) -> list[Rule]:
    """Every rule of a rules folder (or file), validated; raise RuleError listing all problems."""
    files = rule_files(path)
    if not files:
        raise RuleError(
            [
                Problem(
                    path,
                    None,
                    None,
                    "E020",
                    "no rule files (*.yaml) here",
                    "run `factcheck rules new ID` to start one, or pass --rules DIR",
                )
            ]
        )
    problems: list[Problem] = []
    parsed = []
    for file in files:
        parsed.extend(_parse_file(file, problems))
    # aliases are shared by every file of the folder
    aliases: dict[str, list[str]] = {}
    for _file, data, _doc in parsed:
        groups = data.get("aliases")
        for name, members in (groups if isinstance(groups, dict) else {}).items():
            if isinstance(members, list):
                aliases.setdefault(str(name), []).extend(m for m in members if isinstance(m, str))
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for file, data, doc in parsed:
        v = _Validator(doc, problems)
        for i, spec in enumerate(_rule_specs(data)):
            if not isinstance(spec, dict):
                continue
            rid = spec.get("id")
            v.rule_id = rid if isinstance(rid, str) else None
            sel = spec.get("select") if isinstance(spec.get("select"), dict) else {}
            for key in (
                "nouns",
                "words",
                "any_words",
                "not_words",
                "about",
                "not_about",
                "speaker",
            ):
                _check_alias_refs(v, sel.get(key), ("rules", i, "select", key), aliases)
            attribution = spec.get("attribution")
            parties = attribution.get("parties") if isinstance(attribution, dict) else None
            for name, members in (parties if isinstance(parties, dict) else {}).items():
                where = ("rules", i, "attribution", "parties", name)
                _check_alias_refs(v, members, where, aliases)
            _check_contradictions(v, spec, ("rules", i))
            line = doc.marks.get(("rules", i), (1, 1))[0]
            if isinstance(rid, str):
                if rid in seen:
                    v.problem(
                        ("rules", i, "id"),
                        "E015",
                        f"rule id '{rid}' is already used at {seen[rid]}",
                        "give each rule its own id",
                    )
                else:
                    seen[rid] = f"{file}:{line}"
            v.rule_id = None
    for _file, data, doc in parsed:
        v = _Validator(doc, problems)
        for i, spec in enumerate(_rule_specs(data)):
            if isinstance(spec, dict):
                _check_rule_refs(v, spec, ("rules", i), seen)
    if problems:
        raise RuleError(problems, f"{len(problems)} problem(s) in rules under {path}")
    for file, data, doc in parsed:
        for i, spec in enumerate(_rule_specs(data)):
            line = doc.marks.get(("rules", i), (1, 1))[0]
            rules.append(build_rule(spec, file, line, aliases, doc.marks, ("rules", i)))
    return sorted(rules, key=lambda r: r.id)


def _rule_specs(data: dict) -> list:
    """The file's list of rules; anything else under 'rules' was reported by the validator."""
    specs = data.get("rules")
    return specs if isinstance(specs, list) else []


def _parse_file(file: str, problems: list[Problem]) -> list[tuple[str, dict, _Doc]]:
    try:
        size = os.path.getsize(file)
        if size > MAX_RULE_FILE_BYTES:
            problems.append(
                Problem(
                    file,
                    None,
                    None,
                    "E002",
                    f"rule file is {size} bytes, over the {MAX_RULE_FILE_BYTES} byte limit",
                    "split it into several files",
                )
            )
            return []
        with open(file, encoding="utf-8") as f:
            text = f.read()
    except UnicodeDecodeError as e:
        problems.append(Problem(file, None, None, "E005", f"not UTF-8 text (byte {e.start})"))
        return []
    except OSError as e:
        problems.append(Problem(file, None, None, "E005", f"cannot read: {e.strerror or e}"))
        return []
    data, doc, found = parse_yaml(text, file)
    problems.extend(found)
    if data is None:
        if not found:
            problems.append(
                Problem(
                    file, 1, 1, "E011", "the file is empty", "add 'rules:' with a list of rules"
                )
            )
        return []
    v = _Validator(doc, problems)
    if not isinstance(data, dict):
        found_type = _type_name(data)
        v.problem((), "E012", f"a rule file must be a mapping with 'rules:', not {found_type}")
        return []
    v.mapping(schema.FILE, data, ())
    return [(file, data, doc)]


# -- selection -----------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """Each rule's matches and its statements (a repeated figure is one statement)."""

    matches: list[tuple[str, Claim]]
    selected: dict[str, list[Claim]]


@dataclass(frozen=True)
class Findings:
    """What evaluating the rules gave: the matches and the findings per fact, sorted, and
    each fact to draw."""

    matches: list[tuple[str, Claim]]
    conflicts: list[Conflict]
    notes: list[str] = field(default_factory=list)  # warnings for the editor, e.g. a rule too broad
    selected: dict[str, list[Claim]] = field(default_factory=dict)  # each rule's statements
    facts: list[Fact] = field(default_factory=list)


def in_window(claim_time: str | None, after: str | None, before: str | None, unknown: str) -> bool:
    """Whether a claim's time can fall inside [after, before]."""
    if after is None and before is None:
        return True
    if not claim_time:
        return unknown == "include"
    first, last = period(claim_time)
    if after is not None and last < period(after)[0]:
        return False
    return not (before is not None and first > period(before)[1])


def selects(rule: Rule, claim: Claim) -> bool:
    """Whether a rule's selector picks this claim."""
    return why_not(rule, claim) is None


def _words_of(pattern: re.Pattern) -> str:
    """A phrase pattern as the editor wrote it, for messages."""
    words = re.findall(r"\(\?<!\\w\)(.*?)\(\?!\\w\)", pattern.pattern)
    shown = [w.replace(r"\s+", " ").replace("\\", "") for w in words[:4]]
    return ", ".join(f"'{w}'" for w in shown) + (", ..." if len(words) > 4 else "")


def scoped_text(rule: Rule, claim: Claim) -> str:
    """The text a rule's words look at: the claim's sentence, or its context."""
    if rule.select.scope == "context" and claim.context:
        return claim.context
    return claim.sentence or claim.text


@functools.lru_cache(maxsize=1024)
def _noun_index(nouns: tuple[tuple[str, ...], ...]) -> tuple[frozenset, tuple[int, ...]]:
    return frozenset(nouns), tuple(sorted({len(n) for n in nouns}))


@functools.lru_cache(maxsize=65536)  # nouns repeat across claims and rules
def _noun_matches(nouns: tuple[tuple[str, ...], ...], words: tuple[str, ...]) -> bool:
    """Whether the counted noun ends with one of the rule's nouns (word by word)."""
    index, lengths = _noun_index(nouns)
    return any(n <= len(words) and words[-n:] in index for n in lengths)


def why_not(rule: Rule, claim: Claim) -> str | None:
    """Why a rule's selector does not pick this claim (the first reason), or None if it does."""
    s = rule.select
    return (
        _why_not_measure(s, claim)
        or _why_not_noun(s, claim)
        or _why_not_frame(s, claim)
        or _why_not_words(rule, claim)
        or _why_not_time(s, claim)
    )


def _why_not_measure(s: Selector, claim: Claim) -> str | None:
    """Why the claim's kind, dimension or unit keeps the selector from it, or None."""
    if claim.kind in SELECTED_ONLY_KINDS and claim.kind not in s.kinds:
        what = "an age" if claim.kind == "age" else "a bare number"
        return f"it is {what}; only a rule with kind: {claim.kind} selects it"
    if s.kinds and claim.kind not in s.kinds:
        return f"its kind is {claim.kind}, not {' or '.join(s.kinds)}"
    if s.dimensions and (claim.dimension or claim.kind) not in s.dimensions:
        return f"it measures {claim.dimension or 'nothing known'}, not {' or '.join(s.dimensions)}"
    if s.units:
        stated = {u.lower() for u in (claim.unit, claim.si_unit) if u}
        if not stated & s.units:
            shown = claim.unit or claim.si_unit or "no unit"
            return f"its unit is {shown}, not {' or '.join(sorted(s.units))}"
    return None


def _why_not_noun(s: Selector, claim: Claim) -> str | None:
    """Why the claim's counted noun keeps the selector from it, or None."""
    if not (s.nouns or s.noun_excludes):
        return None
    words = noun_words(claim.noun or "")
    if s.nouns and not _noun_matches(s.nouns, words):
        return f"its counted noun is '{claim.noun or ''}', which is not one of the rule's nouns"
    excluded = sorted(s.noun_excludes & set(words))
    if excluded:
        return f"its counted noun '{claim.noun}' has the excluded word '{excluded[0]}'"
    return None


def _has_phrase(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


def _why_not_frame(s: Selector, claim: Claim) -> str | None:
    """Why the figure's own frame (about, role, speaker) keeps the selector from it, or None."""
    if claim.role not in s.roles:
        return f"its role is {claim.role}, not {' or '.join(s.roles)}"
    if s.about or s.not_about:
        words = noun_words(claim.about or "")
        for group in s.about:
            if not any(_has_phrase(words, p) for p in group):
                shown = ", ".join(sorted(" ".join(p) for p in group)[:4])
                return f"it is about '{claim.about}', which has none of {shown}"
        for p in sorted(s.not_about):
            if _has_phrase(words, p):
                return f"it is about '{claim.about}', which has the excluded '{' '.join(p)}'"
    if s.speaker is not None:
        if not claim.speaker:
            return "no speaker is named for it"
        if not s.speaker.search(claim.speaker):
            return f"its speaker is '{claim.speaker}', not one of the rule's"
    return None


def _why_not_words(rule: Rule, claim: Claim) -> str | None:
    """Why the words of the claim's sentence (or context) keep the selector from it, or None."""
    s = rule.select
    text = scoped_text(rule, claim)
    where = "context" if s.scope == "context" else "sentence"
    for pattern in s.words:
        if not pattern.search(text):
            return f"the {where} has none of {_words_of(pattern)}"
    if s.any_words is not None and not s.any_words.search(text):
        return f"the {where} has none of {_words_of(s.any_words)}"
    if s.not_words is not None:
        m = s.not_words.search(text)
        if m:
            return f"the {where} has the excluded word '{m.group(0)}'"
    if s.regex is not None and not s.regex.search(text):
        return f"the {where} does not match regex {s.regex.pattern!r}"
    if s.not_regex is not None and s.not_regex.search(text):
        return f"the {where} matches not_regex {s.not_regex.pattern!r}"
    return None


def _why_not_time(s: Selector, claim: Claim) -> str | None:
    """Why the time the claim refers to keeps the selector from it, or None."""
    if in_window(claim.time, s.after, s.before, s.unknown_time):
        return None
    if not claim.time:
        return "its time is unknown and the rule excludes unknown times"
    window = (
        f"as of {s.after}"
        if s.after == s.before
        else " and ".join(
            x for x in (s.after and f"after {s.after}", s.before and f"before {s.before}") if x
        )
    )
    return f"it refers to {claim.time}, not {window}"


def select(rules: list[Rule], claims: list[Claim]) -> Selection:
    """Each rule's matches and statements (a repeated figure is one statement), in
    document order. Linear in the claims of the kinds each rule names."""
    matches: list[tuple[str, Claim]] = []
    ordered = sorted(claims, key=lambda c: (c.doc, c.start, c.end))
    # Most rules name their kinds; looking only at claims of those kinds keeps
    # evaluation cheap on a large corpus, where it is most of an unchanged run.
    by_kind = group_by(ordered, lambda c: c.kind)
    selected: dict[str, list[Claim]] = {}
    for rule in rules:
        kinds = rule.select.kinds
        pool = [c for k in sorted(kinds) for c in by_kind.get(k, [])] if kinds else ordered
        if len(kinds) > 1:
            pool.sort(key=lambda c: (c.doc, c.start, c.end))
        chosen = [c for c in pool if selects(rule, c)]
        matches.extend((rule.id, c) for c in chosen)
        selected[rule.id] = statements(chosen)  # a repeated figure is one statement
    return Selection(matches=matches, selected=selected)


def evaluate(rules: list[Rule], claims: list[Claim]) -> Findings:
    """Select each rule's statements and report findings per fact, sorted."""
    selection = select(rules, claims)
    conflicts, facts = evaluate_facts(rules, selection.selected)
    return Findings(
        matches=selection.matches,
        conflicts=conflicts,
        selected=selection.selected,
        facts=facts,
    )
