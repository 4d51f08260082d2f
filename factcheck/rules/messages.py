"""Every problem the rule loader reports: its stable code, and its message and hint as
templates, so the words of an error live in one table (docs/rules.md lists the codes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import Problem

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
    "E024": "unknown template",
    "E025": "a key a template cannot take",
    "E026": "invalid path pattern",
}

# warnings: `factcheck rules lint` prints them and still exits 0
WARNING_CODES = {
    "W001": "an 'include' pattern matches no file of the corpus (rules lint --corpus)",
    "W002": "a rule whose paths and its file's admit no file of the corpus together",
}


@dataclass(frozen=True)
class Message:
    """One kind of problem: its code, and its message and hint as `str.format` templates."""

    code: str
    text: str
    hint: str | None = None  # None: no hint, or one the caller works out (a suggestion)


_BIG = "write a number of at most a few dozen digits, e.g. 1.5e12"

MESSAGES = {
    # reading and YAML
    "no_path": Message("E005", "no such rules file or folder"),
    "no_files": Message(
        "E020",
        "no rule files (*.yaml) here",
        "run `factcheck rules new ID` to start one, or pass --rules DIR",
    ),
    "file_too_large": Message(
        "E002",
        "rule file is {size} bytes, over the {limit} byte limit",
        "split it into several files",
    ),
    "not_utf8": Message("E005", "not UTF-8 text (byte {byte})"),
    "lone_surrogate": Message(
        "E005",
        "not valid Unicode text: an escape such as \\udc80 (a lone surrogate) stands for no "
        "character",
        "write the character itself, or its \\U escape",
    ),
    "unreadable": Message("E005", "cannot read: {reason}"),
    "empty_file": Message("E011", "the file is empty", "add 'rules:' with a list of rules"),
    "yaml_syntax": Message("E001", "YAML syntax error: {detail}"),
    "documents": Message("E001", "more than one YAML document ('---') in a rule file"),
    "too_many_nodes": Message(
        "E002",
        "more than {limit} YAML nodes (an alias bomb or a huge file)",
        "split the rules into several files and do not nest aliases",
    ),
    "too_deep": Message(
        "E002",
        "nested more than {limit} levels deep",
        "a rule is a mapping a few levels deep; remove the extra brackets or indentation",
    ),
    "tag": Message(
        "E003",
        "tag {tag!r} is not allowed",
        "rule files hold plain data (strings, numbers, lists, mappings); remove the tag",
    ),
    "duplicate_key": Message(
        "E004",
        "duplicate key '{key}' (first at line {line})",
        "remove one of the two; YAML would silently keep only the last",
    ),
    "key_not_word": Message("E012", "a key must be a plain word"),
    "long_number": Message("E019", "the number is {length} characters long", _BIG),
    # the schema
    "not_a_file_mapping": Message(
        "E012", "a rule file must be a mapping with 'rules:', not {found}"
    ),
    "unknown_key": Message("E010", "unknown key '{name}' {where}"),
    "missing_key": Message("E011", "{where} needs the key '{name}'", "add '{name}:' ({meaning})"),
    "wrong_type": Message("E012", "'{name}' must be {expected}, not {found}", "{meaning}"),
    "item_not_mapping": Message("E012", "each item of '{name}' must be a mapping"),
    "item_not_article": Message(
        "E012",
        "each item of '{name}' must be a text or a mapping with 'text:', not {found}",
        "write the sentence in quotes, or {{published: YYYY-MM-DD, text: '...'}}",
    ),
    "alias_group_type": Message("E012", "alias group '{name}' must be a list of words or phrases"),
    "not_allowed": Message("E013", "'{name}' cannot be '{value}'; allowed: {choices}"),
    "bad_date": Message(
        "E018", "'{name}' is '{value}', not a date", "write YYYY, YYYY-MM or YYYY-MM-DD"
    ),
    "too_large": Message("E019", "'{name}' is too large a number", _BIG),
    "not_finite": Message(
        "E019",
        "'{name}' is {value}, not a finite number",
        ".nan would silently turn the check off and .inf make it accept anything; write a number",
    ),
    "below_minimum": Message("E019", "'{name}' is {value}, below its minimum {minimum}"),
    "bad_regex": Message(
        "E016",
        "'{name}' does not compile on RE2: {error}",
        "RE2 has no backreferences (\\1) or lookaround ((?=, (?<!) and counts up to "
        "1000; check brackets and escapes (write \\. for a literal dot)",
    ),
    "bad_pattern": Message(
        "E014",
        "'{name}' is '{value}', which is not allowed",
        "use only lower-case letters, digits, '.', '-' and '_' (pattern {pattern})",
    ),
    # across keys, rules and files
    "duplicate_id": Message(
        "E015", "rule id '{id}' is already used at {first}", "give each rule its own id"
    ),
    "unknown_alias": Message("E017", "unknown alias group '{item}'"),
    "relates_to_itself": Message(
        "E021", "rule '{id}' cannot relate to itself", "name another rule's id"
    ),
    "unknown_rule": Message("E021", "no rule has the id '{id}'"),
    "after_before": Message(
        "E022",
        "'after' ({after}) is later than 'before' ({before}); no claim can match",
        "swap them: after is the earlier date",
    ),
    "with_as_of": Message(
        "E022",
        "'{name}' cannot be used together with 'as_of'",
        "as_of already means after and before that date; keep one of them",
    ),
    "min_above_max": Message(
        "E022",
        "'min' ({low:g}) is greater than 'max' ({high:g})",
        "swap them: min is the smallest plausible value",
    ),
    "bounds_empty": Message("E011", "'bounds' needs 'min', 'max' or both"),
    "unknown_unit": Message("E023", "unknown unit '{unit}'"),
    # rules that use a template
    "unknown_template": Message("E024", "no template is called '{name}'"),
    "template_key": Message(
        "E025",
        "a rule that uses template '{template}' cannot set '{name}'",
        "its {name} is the template's; to change it, print the template with `factcheck "
        "rules templates {template} --format yaml`, paste it and edit the copy",
    ),
    "use_twice": Message(
        "E022",
        "'{name}' cannot be used together with '{other}'",
        "both set the same key of the template's select; keep one of them",
    ),
    "duplicate_use_id": Message(
        "E015",
        "rule id '{id}' is already used at {first}",
        "a rule that uses a template has the template's name as its id unless it says "
        "'id:'; give each use of a template its own id (id: {id}-2)",
    ),
    # paths: gitignore-style patterns from the project root
    "empty_pattern": Message(
        "E026",
        "an empty pattern matches no file",
        "remove it, or write a folder ('stories/quake/'), a file or a glob ('*.md')",
    ),
    "comment_pattern": Message(
        "E026",
        "'{value}' is a comment in gitignore syntax and matches no file",
        "write \\# for a name that starts with '#'",
    ),
    "dot_pattern": Message(
        "E026",
        "'{value}' has a '{part}' part, which no document's path has",
        "write the path from the project root (the folder of factcheck.toml, else the folder "
        "holding the rules folder), e.g. 'stories/quake/'",
    ),
    "lone_bang": Message(
        "E026",
        "'{value}' is not a pattern",
        "'!' before a pattern takes back what an earlier pattern matched: '!stories/quake/live/'",
    ),
    "trailing_backslash": Message(
        "E026",
        "'{value}' ends with a backslash that escapes nothing",
        "remove it: '/' separates folders, on Windows too",
    ),
    "bad_glob": Message(
        "E026",
        "'{value}' is not a gitignore pattern",
        "write a folder ('stories/quake/'), a file or a glob ('*.md', 'stories/**/live-*.txt')",
    ),
    "open_bracket": Message(
        "E026",
        "'{value}' has a '[' that does not close, and gitignore discards such a pattern",
        "close it ([abc] matches one of a, b or c), or write \\[ for a bracket itself",
    ),
    "matches_nothing": Message(
        "E026",
        "'{value}' matches no file",
        "write a folder ('stories/quake/'), a file or a glob ('*.md', 'stories/**/live-*.txt')",
    ),
    "case_paths": Message(
        "E011",
        "this article has no 'path' while another article of the case has one",
        "give every article of the case a path, or none (the rules' paths then do not apply)",
    ),
    "unmatched_include": Message(
        "W001", "'include' pattern '{value}' matches no file of the corpus"
    ),
    "sees_nothing": Message("W002", "its paths and its file's admit no file of the corpus"),
}


def problem(
    file: str,
    line: int | None,
    col: int | None,
    what: str,
    /,
    *,
    hint: str | None = None,
    rule_id: str | None = None,
    **fields,
) -> Problem:
    """The problem `what` of MESSAGES at a place, its templates filled in with `fields`;
    `hint` is the caller's when the message has no hint template."""
    m = MESSAGES[what]
    fields = {k: _short(str(v)) if isinstance(v, str | Exception) else v for k, v in fields.items()}
    if m.hint is not None:
        hint = m.hint.format(**fields)
    return Problem(file, line, col, m.code, m.text.format(**fields), hint, rule_id)


_LONG_DIGITS_RE = re.compile(r"\d{25,}")
_MAX_FIELD = 300


def _short(value: str) -> str:
    """A value as a message can show it: a run of 25 digits or more, and a value over
    300 characters, cut with what was left out said ("a{99999…(4,000 digits)}")."""
    value = _LONG_DIGITS_RE.sub(lambda m: f"{m.group()[:6]}…({len(m.group()):,} digits)", value)
    if len(value) > _MAX_FIELD:
        value = f"{value[: _MAX_FIELD - 40]}… ({len(value):,} characters)"
    return value
