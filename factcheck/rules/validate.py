"""Validation of rule files against the schema (`schema.py`), then across keys, rules
and files: contradicting keys, alias groups, rule ids. Every problem is gathered with
its place and a hint (`messages.py`); nothing stops at the first.
"""

from __future__ import annotations

import datetime
import difflib
import math
import re
from typing import Any

from ..errors import Problem
from . import schema
from .messages import problem
from .parse import Doc, as_list
from .paths import pattern_problem
from .regex import RegexError, compile_rule_regex
from .schema import Key
from .units import known_units, unit_factor

DATE_RE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")

TYPE_WORDS = {
    "str": "a string",
    "regex": "a regular expression string",
    "enum": "one of the allowed words",
    "date": "a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "number": "a number",
    "bool": "true or false",
    "list[str]": "a list of strings",
    "list[enum]": "a list of allowed words",
    "list[glob]": "a list of path patterns",
    "mapping": "a mapping of keys to values",
    "aliases": "a mapping of group names to lists of words",
    "list[mapping]": "a list of mappings",
    "list[article]": "a list of texts or {published, text} mappings",
}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_strings(value: Any) -> bool:
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    )


_TYPE_OK = {
    "str": lambda v: isinstance(v, str),
    "regex": lambda v: isinstance(v, str),
    "enum": lambda v: isinstance(v, str),
    "date": lambda v: isinstance(v, (str, int)) and not isinstance(v, bool),
    "number": _is_number,
    "bool": lambda v: isinstance(v, bool),
    "list[str]": _is_strings,
    "list[enum]": _is_strings,
    "list[glob]": _is_strings,
    "mapping": lambda v: isinstance(v, dict),
    "aliases": lambda v: isinstance(v, dict),
    "list[mapping]": lambda v: isinstance(v, list),
    "list[article]": lambda v: isinstance(v, (list, str)),
}


def type_name(value: Any) -> str:
    """What a value is, in words ('a mapping', 'empty')."""
    return {
        dict: "a mapping",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "empty",
    }.get(type(value), type(value).__name__)


def real_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a day that exists (no 2021-02-30)."""
    if not DATE_RE.fullmatch(text):
        return False
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        datetime.date(*parts[:3])
    except ValueError:
        return False
    return True


class Validator:
    """Validates one file's values against the schema, adding each problem found."""

    def __init__(self, doc: Doc, problems: list[Problem]):
        self.doc = doc
        self.problems = problems
        self.rule_id: str | None = None

    def problem(self, path: tuple, what: str, /, *, hint: str | None = None, **fields) -> None:
        """Add the problem `what` (see messages.MESSAGES) at the place of `path`."""
        line, col = self.doc.marks.get(path, (None, None))
        found = problem(self.doc.file, line, col, what, hint=hint, rule_id=self.rule_id, **fields)
        self.problems.append(found)

    def mapping(self, key: Key, value: dict, path: tuple) -> None:
        """Check a mapping's keys: none unknown, every required one there, each valid."""
        item = bool(path) and isinstance(path[-1], int)  # a mapping inside a list
        this = f"an item of '{key.name}'" if item else f"'{key.name}'"
        for name in value:
            if key.child(str(name)) is None:
                hint = _suggest(str(name), key)
                where = {schema.FILE.name: "at the top of the file", "rules": "in a rule"}.get(
                    key.name, f"in {this}"
                )
                self.problem(path + (name,), "unknown_key", hint=hint, name=name, where=where)
        uses = key.name == "rules" and "use" in value  # the template gives the required keys
        for child in key.children:
            if child.name not in value or value[child.name] is None:
                if child.required and not uses:
                    where = "a rule" if key.name == "rules" else this
                    self.problem(
                        path, "missing_key", where=where, name=child.name, meaning=child.meaning
                    )
                continue
            self.value(child, value[child.name], path + (child.name,))

    def value(self, key: Key, value: Any, path: tuple) -> None:
        """Check a value against its key: its type, then what its type allows."""
        ok = _TYPE_OK.get(key.type)
        if ok is not None and not ok(value):
            expected, found = TYPE_WORDS[key.type], type_name(value)
            self.problem(
                path,
                "wrong_type",
                name=key.name,
                expected=expected,
                found=found,
                meaning=key.meaning,
            )
            return
        check = self._BY_TYPE.get(key.type)
        if check is not None:
            check(self, key, value, path)

    def _list_mapping(self, key: Key, value: list, path: tuple) -> None:
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                self.problem(path + (i,), "item_not_mapping", name=key.name)
                continue
            if path == ("rules",):
                rid = item.get("id")
                self.rule_id = rid if isinstance(rid, str) else None
            self.mapping(key, item, path + (i,))
            if path == ("rules",):
                self.rule_id = None

    def _list_article(self, key: Key, value: Any, path: tuple) -> None:
        for i, item in enumerate(as_list(value)):
            if isinstance(item, dict):
                self.mapping(key, item, path + (i,))
            elif not isinstance(item, str):
                self.problem(path + (i,), "item_not_article", name=key.name, found=type_name(item))

    def _enum(self, key: Key, value: Any, path: tuple) -> None:
        for i, v in enumerate(as_list(value)):
            if v not in key.choices:
                near = difflib.get_close_matches(v, key.choices, n=1, cutoff=0.5)
                hint = f"did you mean '{near[0]}'?" if near else None
                p = path + (i,) if isinstance(value, list) else path
                choices = ", ".join(key.choices)
                self.problem(p, "not_allowed", hint=hint, name=key.name, value=v, choices=choices)

    def _date(self, key: Key, value: Any, path: tuple) -> None:
        if not real_date(str(value)):
            self.problem(path, "bad_date", name=key.name, value=value)

    def _number(self, key: Key, value: float, path: tuple) -> None:
        if isinstance(value, int) and abs(value) > 10**300:
            self.problem(path, "too_large", name=key.name)
        elif isinstance(value, float) and not math.isfinite(value):
            self.problem(path, "not_finite", name=key.name, value=value)
        elif key.minimum is not None and value < key.minimum:
            self.problem(path, "below_minimum", name=key.name, value=value, minimum=key.minimum)

    def _regex(self, key: Key, value: str, path: tuple) -> None:
        try:
            compile_rule_regex(value)
        except RegexError as e:
            self.problem(path, "bad_regex", name=key.name, error=e)

    def _str(self, key: Key, value: str, path: tuple) -> None:
        if key.pattern and not re.fullmatch(key.pattern, value):
            self.problem(path, "bad_pattern", name=key.name, value=value, pattern=key.pattern)

    def _globs(self, key: Key, value: Any, path: tuple) -> None:
        for i, pattern in enumerate(as_list(value)):
            found = pattern_problem(pattern)
            if found is not None:
                where = path + (i,) if isinstance(value, list) else path
                self.problem(where, found[0], **found[1])

    def _aliases(self, key: Key, value: dict, path: tuple) -> None:
        for name, members in value.items():
            if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
                self.problem(path + (name,), "alias_group_type", name=name)

    # what each type allows beyond its type (the others: any value of the type)
    _BY_TYPE = {
        "mapping": mapping,
        "list[mapping]": _list_mapping,
        "list[article]": _list_article,
        "enum": _enum,
        "list[enum]": _enum,
        "date": _date,
        "number": _number,
        "regex": _regex,
        "str": _str,
        "aliases": _aliases,
        "list[glob]": _globs,
    }


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


def validate_file(data: Any, doc: Doc, problems: list[Problem]) -> bool:
    """Check a file's values against the schema; False when it is not even a mapping."""
    v = Validator(doc, problems)
    if not isinstance(data, dict):
        v.problem((), "not_a_file_mapping", found=type_name(data))
        return False
    v.mapping(schema.FILE, data, ())
    return True


# -- across keys, rules and files ----------------------------------------------------

# the keys of select whose items may name an alias group ('@name')
ALIASED = (
    "nouns",
    "words",
    "any_words",
    "not_words",
    "about",
    "not_about",
    "speaker",
    "not_speaker",
)


def rule_specs(data: dict) -> list:
    """The file's list of rules; anything else under 'rules' was reported by the validator."""
    specs = data.get("rules")
    return specs if isinstance(specs, list) else []


def check_rules(
    parsed: list[tuple[str, dict, Doc]], aliases: dict, problems: list[Problem]
) -> None:
    """Check what the schema alone cannot: alias groups that exist, keys that do not
    contradict each other, rule ids used once, and rule ids that `relate` names."""
    seen: dict[str, str] = {}
    for _file, data, doc in parsed:
        v = Validator(doc, problems)
        for i, spec in enumerate(rule_specs(data)):
            if isinstance(spec, dict):
                _check_rule(v, spec, ("rules", i), aliases, seen)
    for _file, data, doc in parsed:
        v = Validator(doc, problems)
        for i, spec in enumerate(rule_specs(data)):
            if isinstance(spec, dict):
                _check_rule_refs(v, spec, ("rules", i), seen)


def _check_rule(v: Validator, spec: dict, path: tuple, aliases: dict, seen: dict) -> None:
    """One rule's alias groups, contradictions and id (`seen`: each id's first place)."""
    rid = spec.get("id")
    v.rule_id = rid if isinstance(rid, str) else None
    sel = spec.get("select") if isinstance(spec.get("select"), dict) else {}
    for key in ALIASED:
        _check_alias_refs(v, sel.get(key), path + ("select", key), aliases)
    attribution = spec.get("attribution")
    parties = attribution.get("parties") if isinstance(attribution, dict) else None
    for name, members in (parties if isinstance(parties, dict) else {}).items():
        _check_alias_refs(v, members, path + ("attribution", "parties", name), aliases)
    _check_time(v, sel.get("time"), path + ("select", "time"))
    _check_bounds(v, spec.get("bounds"), path + ("bounds",))
    _check_case_paths(v, spec.get("examples"), path + ("examples",))
    line = v.doc.marks.get(path, (1, 1))[0]
    if isinstance(rid, str):
        if rid in seen:
            what = "duplicate_use_id" if "use" in spec else "duplicate_id"
            v.problem(path + ("id",), what, id=rid, first=seen[rid])
        else:
            seen[rid] = f"{v.doc.file}:{line}"
    v.rule_id = None


def _check_alias_refs(v: Validator, items: Any, path: tuple, aliases: dict) -> None:
    for i, item in enumerate(as_list(items)):
        if isinstance(item, str) and item.startswith("@") and item[1:] not in aliases:
            near = difflib.get_close_matches(item[1:], list(aliases), n=1)
            hint = f"did you mean '@{near[0]}'?" if near else "define it under 'aliases:' first"
            where = path + ((i,) if isinstance(items, list) else ())
            v.problem(where, "unknown_alias", hint=hint, item=item)


def _check_time(v: Validator, time: Any, path: tuple) -> None:
    """A time window's keys that each are valid but cannot hold together."""
    if not isinstance(time, dict):
        return
    after, before = str(time.get("after")), str(time.get("before"))
    n = min(len(after), len(before))  # 2017-06 is not after 2017: compare years only
    if real_date(after) and real_date(before) and after[:n] > before[:n]:
        v.problem(path + ("after",), "after_before", after=after, before=before)
    if time.get("as_of") is not None:
        for other in ("after", "before"):
            if time.get(other) is not None:
                v.problem(path + (other,), "with_as_of", name=other)


def _check_bounds(v: Validator, bounds: Any, path: tuple) -> None:
    """Bounds that cannot hold together, or say nothing, or name an unknown unit."""
    if not isinstance(bounds, dict):
        return
    low, high = bounds.get("min"), bounds.get("max")
    if _is_number(low) and _is_number(high) and low > high:
        v.problem(path + ("min",), "min_above_max", low=low, high=high)
    if low is None and high is None:
        v.problem(path, "bounds_empty")
    unit = bounds.get("unit")
    if isinstance(unit, str) and unit_factor(unit) is None:
        near = difflib.get_close_matches(unit, known_units(), n=1)
        hint = (
            f"did you mean '{near[0]}'?"
            if near
            else "write a unit such as km, feet, kg, tonnes, or a currency code such as INR"
        )
        v.problem(path + ("unit",), "unknown_unit", hint=hint, unit=unit)


def _check_case_paths(v: Validator, examples: Any, path: tuple) -> None:
    """A case whose articles give a path gives one to every article (see schema ARTICLE)."""
    if not isinstance(examples, dict):
        return
    for section in ("conflict", "no_conflict"):
        for i, case in enumerate(as_list(examples.get(section))):
            articles = case.get("articles") if isinstance(case, dict) else None
            items = as_list(articles)
            pathed = [isinstance(a, dict) and a.get("path") is not None for a in items]
            if any(pathed) and not all(pathed):
                at = path + (section, i, "articles")
                where = at + (pathed.index(False),) if isinstance(articles, list) else at
                v.problem(where, "case_paths")


def _relate_refs(relate: dict) -> list[tuple[tuple, Any]]:
    """The rule ids a 'relate' section names, each with its path under 'relate'."""
    refs: list[tuple[tuple, Any]] = [(("part_of",), relate.get("part_of"))]
    refs += [(("sum_of", j), x) for j, x in enumerate(as_list(relate.get("sum_of")))]
    if isinstance(relate.get("sum_of"), str):
        refs[-1] = (("sum_of",), relate["sum_of"])
    pct = relate.get("percent_of")
    if isinstance(pct, dict):
        refs += [(("percent_of", k), pct.get(k)) for k in ("whole", "part")]
    return refs


def _check_rule_refs(v: Validator, spec: dict, path: tuple, ids: dict[str, str]) -> None:
    """Rule ids named by 'relate' must exist, and not be the rule itself."""
    relate = spec.get("relate")
    if not isinstance(relate, dict):
        return
    rid = spec.get("id") if isinstance(spec.get("id"), str) else None
    v.rule_id = rid
    for sub, ref in _relate_refs(relate):
        if not isinstance(ref, str):
            continue
        where = path + ("relate",) + sub
        if ref == rid:
            v.problem(where, "relates_to_itself", id=ref)
        elif ref not in ids:
            near = difflib.get_close_matches(ref, list(ids), n=1, cutoff=0.6)
            hint = f"did you mean '{near[0]}'?" if near else "write the id of a rule in this folder"
            v.problem(where, "unknown_rule", hint=hint, id=ref)
    v.rule_id = None
