"""The rule schema, as data.

One declarative description of every key a rule file may hold: its type, the
values it allows, whether it is required, and a one-line meaning. The rule
loader validates against it, `factcheck rules lint` reports from it, and the
reference in docs/rules.md is checked against it by a test, so the three
cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import KINDS, SEVERITIES


@dataclass(frozen=True)
class Key:
    """One key of a mapping in a rule file."""

    name: str
    type: str  # str, number, bool, date, regex, enum, list[str], list[enum], str|list[str], mapping, list[mapping], aliases
    meaning: str
    required: bool = False
    choices: tuple[str, ...] = ()
    children: tuple[Key, ...] = field(default_factory=tuple)
    minimum: float | None = None
    pattern: str | None = None  # a regular expression the string must match in full

    def child(self, name: str) -> Key | None:
        for k in self.children:
            if k.name == name:
                return k
        return None


TIME = (
    Key("after", "date", "Only claims about this date or later (YYYY, YYYY-MM or YYYY-MM-DD)."),
    Key("before", "date", "Only claims about this date or earlier."),
    Key(
        "unknown",
        "enum",
        "What to do with a claim whose time is unknown: include it (default) or exclude it.",
        choices=("include", "exclude"),
    ),
)

SELECT = (
    Key(
        "kind",
        "list[enum]",
        "Claim kinds the fact is stated in (count, percent, money, measure, duration).",
        choices=KINDS,
    ),
    Key(
        "nouns",
        "list[str]",
        "What is counted: a claim matches when its counted noun ends with one of these "
        "(singular and plural both match; '@group' adds an alias group).",
    ),
    Key(
        "noun_excludes",
        "list[str]",
        "Words that must not appear in the counted noun phrase ('troops' but not 'Iraqi troops').",
    ),
    Key(
        "words",
        "list[str]",
        "Words or phrases that must all appear in the claim's sentence; '@group' means any "
        "member of an alias group.",
    ),
    Key(
        "any_words",
        "list[str]",
        "At least one of these words or phrases must appear in the sentence.",
    ),
    Key(
        "not_words",
        "list[str]",
        "None of these words or phrases may appear in the sentence.",
    ),
    Key(
        "regex",
        "regex",
        "A regular expression the sentence must match (case-insensitive), where words cannot say it.",
    ),
    Key(
        "scope",
        "enum",
        "Where words, any_words, not_words and regex look: the claim's sentence (default) or "
        "its context (that sentence and the one before it).",
        choices=("sentence", "context"),
    ),
    Key("time", "mapping", "The time the claims must refer to.", children=TIME),
)

AGREE = (
    Key(
        "tolerance",
        "number",
        "Relative slack allowed between sources' intervals (0.1 = 10%). Default 0.",
        minimum=0,
    ),
    Key(
        "absolute",
        "number",
        "Absolute slack allowed between sources' intervals, in the claims' unit. Default 0.",
        minimum=0,
    ),
)

RULE = (
    Key(
        "id",
        "str",
        "Unique id of the rule, used in reports and baselines (lower case, digits, '-', '_', '.').",
        required=True,
        pattern=r"[a-z0-9][a-z0-9._-]*",
    ),
    Key("title", "str", "The fact in a few words, shown in reports.", required=True),
    Key("description", "str", "What the fact is and why sources must agree on it."),
    Key(
        "severity",
        "enum",
        "How serious a conflict is: error (fails the run by default), warning or info.",
        choices=SEVERITIES,
    ),
    Key("references", "list[str]", "Links or notes for the reviewer."),
    Key("select", "mapping", "Which claims speak about the fact.", required=True, children=SELECT),
    Key("agree", "mapping", "How closely sources must agree on the fact.", children=AGREE),
)

FILE = Key(
    "<file>",
    "mapping",
    "A rule file.",
    children=(
        Key(
            "aliases",
            "aliases",
            "Named groups of words that mean the same thing; a rule uses one as '@name'.",
        ),
        Key("rules", "list[mapping]", "The rules of this file.", children=RULE),
    ),
)


def all_keys(key: Key = FILE, prefix: str = "") -> list[tuple[str, Key]]:
    """Every key of the schema with its dotted path (`rules.select.time.after`)."""
    out = []
    for child in key.children:
        path = f"{prefix}{child.name}"
        out.append((path, child))
        out.extend(all_keys(child, path + "."))
    return out
