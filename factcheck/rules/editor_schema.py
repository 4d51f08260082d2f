"""The JSON Schema of rule files, for editors: generated from the rule schema (`schema.py`).

It checks shapes, types and allowed values as an editor types (`factcheck rules schema`,
shipped as factcheck/rules/rules.schema.json); `factcheck rules lint` checks the rest.
"""

from __future__ import annotations

import json

from .schema import FILE, RULE, USE, Key

_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


def _json_type(key: Key) -> dict:
    t = key.type
    if t in ("str", "regex"):
        out: dict = {"type": "string"}
        if key.pattern:
            out["pattern"] = f"^(?:{key.pattern})$"
        return out
    if t == "number":
        return {"type": "number"} | ({"minimum": key.minimum} if key.minimum is not None else {})
    if t == "bool":
        return {"type": "boolean"}
    if t == "date":  # YAML reads 2017 as a number and 2017-01-01 as a date or a string
        return {"anyOf": [{"type": "string", "pattern": _DATE_PATTERN}, {"type": "integer"}]}
    if t == "enum":
        return {"enum": list(key.choices)}
    if t in ("list[str]", "list[enum]", "list[glob]"):
        one = {"enum": list(key.choices)} if t == "list[enum]" else {"type": "string"}
        return {"anyOf": [one, {"type": "array", "items": one}]}
    if t == "mapping":
        return _json_object(key)
    if t == "list[mapping]":
        return {"type": "array", "items": _json_item(key)}
    if t == "aliases":
        return {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        }
    if t == "list[article]":
        one = {"anyOf": [{"type": "string"}, _json_object(key)]}
        return {"anyOf": [{"type": "string"}, {"type": "array", "items": one}]}
    raise ValueError(f"no JSON Schema type for {t!r}")  # a new type needs a line above


def _json_item(key: Key) -> dict:
    """An item of a list of mappings; a rule is either a rule or a rule that uses a template."""
    if key.children is RULE:
        return {"if": {"required": ["use"]}, "then": _json_object(USE), "else": _json_object(key)}
    return _json_object(key)


def _json_object(key: Key) -> dict:
    out = {
        "type": "object",
        "properties": {
            child.name: {"description": child.meaning, **_json_type(child)}
            for child in key.children
        },
        "additionalProperties": False,
    }
    required = [child.name for child in key.children if child.required]
    if required:
        out["required"] = required
    return out


def json_schema() -> dict:
    """A JSON Schema (draft 2020-12) of rule files, generated from FILE, for editors.

    It checks shapes, types and allowed values as an editor types; `factcheck
    rules lint` checks everything else (regexes, dates, aliases, rule ids).
    """
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "factcheck rule file",
        "description": FILE.meaning,
        **_json_object(FILE),
    }


def json_schema_text() -> str:
    """The JSON Schema as the text of factcheck/rules/rules.schema.json (sorted, stable)."""
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
