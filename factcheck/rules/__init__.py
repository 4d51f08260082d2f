"""Rules: rule files read with positions, validated, compiled, and used to select claims.

The passes, each a module: `parse` (YAML with positions and limits), `schema` (the rule
schema as data; `editor_schema` makes rules.schema.json of it), `messages` (each error
code's templates), `library` (the built-in fact templates), `use` (a rule that uses one,
expanded into the template's rule before validation), `validate` (against the schema,
then across keys, rules and files), `regex` (rule regexes on RE2), `build` (each section
decoded; the check sections by `checks.CHECKS`), `load` (a folder, all problems raised at
once), `paths` (which documents a rule sees: its file's and its own `paths:`), `select`
(which claims a rule picks, and evaluation), `examples` (rules proven by example, new rule
files), `corpus` (rules against a corpus: `rules lint --corpus`).
"""

from __future__ import annotations

from .build import build_rule
from .load import RULE_EXTENSIONS, load_rules, rule_files
from .messages import CODES
from .parse import parse_yaml
from .select import (
    Findings,
    Selection,
    evaluate,
    in_window,
    normalize_word,
    noun_words,
    phrase_pattern,
    scoped_text,
    select,
    selects,
    why_not,
)
from .units import unit_factor

__all__ = [
    "CODES",
    "RULE_EXTENSIONS",
    "Findings",
    "Selection",
    "build_rule",
    "evaluate",
    "in_window",
    "load_rules",
    "normalize_word",
    "noun_words",
    "parse_yaml",
    "phrase_pattern",
    "rule_files",
    "scoped_text",
    "select",
    "selects",
    "unit_factor",
    "why_not",
]
