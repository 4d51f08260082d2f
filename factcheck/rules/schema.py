"""The rule schema, as data.

One declarative description of every key a rule file may hold: its type, the
values it allows, whether it is required, and a one-line meaning. The rule
loader validates against it, `factcheck rules lint` reports from it, and the
reference in docs/rules.md is checked against it by a test, so the three
cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import KINDS, ROLES, SEVERITIES


@dataclass(frozen=True)
class Key:
    """One key of a mapping in a rule file."""

    name: str
    # str, number, bool, date, regex, enum, list[str], list[enum], mapping, list[mapping],
    # aliases (name: list of words), list[article] (each a string or a mapping),
    # list[glob] (gitignore-style path patterns, `rules/paths.py`)
    type: str
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


DIMENSIONS = (
    "count",
    "percent",
    "currency",
    "length",
    "mass",
    "time",
    "area",
    "volume",
    "speed",
    "energy",
    "power",
    "temperature",
    "ratio",
    "data storage",
    "data rate",
    "sound level",
)

TIME = (
    Key("after", "date", "Only claims about this date or later (YYYY, YYYY-MM or YYYY-MM-DD)."),
    Key("before", "date", "Only claims about this date or earlier."),
    Key(
        "as_of",
        "date",
        "Only claims about this day, month or year (the same as after and before it); "
        "not together with after or before.",
    ),
    Key(
        "unknown",
        "enum",
        "What to do with a claim whose time is unknown: include it (default) or exclude it.",
        choices=("include", "exclude"),
    ),
    Key(
        "periods",
        "enum",
        "What to do with a claim whose own clause dates it to a whole year or month ('in "
        "1954', 'last year'), not a day: include it (default) or exclude it, for an event's "
        "figures (that year's figure is another event's, or the year's total).",
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
        "A regular expression the sentence must match (case-insensitive), where words "
        "cannot say it.",
    ),
    Key(
        "not_regex",
        "regex",
        "A regular expression the sentence must not match (case-insensitive).",
    ),
    Key(
        "scope",
        "enum",
        "Where words, any_words, not_words and the regexes look: the claim's sentence (default) "
        "or its context (that sentence and the one before it).",
        choices=("sentence", "context"),
    ),
    Key(
        "dimension",
        "list[enum]",
        "What the figure measures: count, percent, currency, length, mass, time, area, ...; "
        "claims in any unit of that dimension match.",
        choices=DIMENSIONS,
    ),
    Key(
        "unit",
        "list[str]",
        "Units the claim must be stated in or convert to: an SI unit (metre, kilogram), "
        "a written unit (km, feet) or a currency code (INR, USD).",
    ),
    Key("time", "mapping", "The time the claims must refer to.", children=TIME),
    Key(
        "about",
        "list[str]",
        "Words that must all be in what the figure itself is about (its counted noun, the "
        "subject it is the predicate of, its purpose and place; 'dead' for a toll), not "
        "elsewhere in the sentence; plural and singular both match, '@group' means any member. "
        "A figure that counts a thing inside a phrase ('teachers from 9 provinces marched') is "
        "selected by its own words only, unless the rule names that thing.",
    ),
    Key(
        "not_about",
        "list[str]",
        "Words that must not be in what the figure is about ('passengers' but not 'rescued').",
    ),
    Key(
        "role",
        "list[enum]",
        "The roles the figure may play: value (default: the figure as now stated), previous "
        "('up from X'), change ('rose by X'), projection ('could reach X'), limit "
        "('a capacity of X').",
        choices=ROLES,
    ),
    Key(
        "speaker",
        "list[str]",
        "Who must give the figure: words of the party its clause attributes it to "
        "('police said', 'according to organisers', 'the police estimate of', 'She said' "
        "after a sentence naming the governor); '@group' allowed.",
    ),
    Key(
        "not_speaker",
        "list[str]",
        "Parties whose figures the rule leaves out (a figure with no party named stays "
        "in); '@group' allowed.",
    ),
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
        "Absolute slack allowed between sources' intervals, in the claims' SI unit "
        "(metres, kilograms, the currency). Default 0.",
        minimum=0,
    ),
    Key(
        "precision",
        "enum",
        "implied (default): 'about 5,000' and '5,000' assert the interval their wording "
        "implies; stated: each figure asserts exactly its stated number (or its stated "
        "bounds), for facts where small differences matter.",
        choices=("implied", "stated"),
    ),
    Key(
        "ranges",
        "enum",
        "overlap (default): a stated range agrees with any figure it overlaps; same: stated "
        "ranges must also have the same ends (within the tolerance), so 8,000–11,000 and "
        "8,000–14,000 for one estimate conflict.",
        choices=("overlap", "same"),
    ),
)

BOUNDS = (
    Key("min", "number", "The smallest plausible value; a claim wholly below it is flagged."),
    Key("max", "number", "The largest plausible value; a claim wholly above it is flagged."),
    Key(
        "unit",
        "str",
        "The unit min and max are written in (km, feet, tonnes, INR...). Default: the claims' "
        "SI unit, or a plain number for counts.",
    ),
)

PERCENT_OF = (
    Key(
        "whole",
        "str",
        "Id of the rule selecting the total the percentage is taken of.",
        required=True,
    ),
    Key(
        "part",
        "str",
        "Id of the rule selecting the figure that is that percentage of the total.",
        required=True,
    ),
)

RELATE = (
    Key(
        "part_of",
        "str",
        "Id of a rule whose figure is a whole this fact is part of: no claim of this fact "
        "may exceed a claim of the whole.",
    ),
    Key(
        "sum_of",
        "list[str]",
        "Ids of rules whose figures add up to this fact: the sum of their claims must "
        "agree with it.",
    ),
    Key(
        "percent_of",
        "mapping",
        "This fact is a percentage: that percentage of the whole must agree with the part.",
        children=PERCENT_OF,
    ),
    Key(
        "tolerance",
        "number",
        "Relative slack allowed in the relation (0.1 = 10%). Default 0.",
        minimum=0,
    ),
)

OVER_TIME = (
    Key(
        "may_only",
        "enum",
        "How the figure may change from an earlier report to a later one: rise (a toll), "
        "fall (survivors still missing) or any (people in shelters, homes without power: "
        "either way, so only reports of the same time are compared).",
        required=True,
        choices=("rise", "fall", "any"),
    ),
    Key(
        "tolerance",
        "number",
        "Relative slack allowed against the direction (0.1 = 10%). Default 0.",
        minimum=0,
    ),
)

ATTRIBUTION = (
    Key(
        "parties",
        "aliases",
        "Who gives a figure: each party's name and the words that name it in the figure's "
        "speaker (the party its clause attributes it to; '@group' allowed).",
        required=True,
    ),
    Key(
        "disputed",
        "bool",
        "true: figures of different parties that disagree are reported with status "
        "'disputed'; false: they are not compared at all. Default true.",
    ),
)

PATHS = (
    Key(
        "include",
        "list[glob]",
        "Gitignore-style patterns of the documents to check, from the project root "
        "('stories/quake/', '*.md'); none: every document.",
    ),
    Key(
        "exclude",
        "list[glob]",
        "Gitignore-style patterns of documents not to check, even when included "
        "('stories/quake/drafts/').",
    ),
)

_FROM_ROOT = (
    "by their paths from the project root (the folder of factcheck.toml, else the folder "
    "holding the rules folder): {include: [...], exclude: [...]}"
)

ARTICLE = (
    Key("text", "str", "The article (a sentence or two).", required=True),
    Key("published", "date", "Its publication date, the time its claims refer to by default."),
    Key(
        "path",
        "str",
        "Where the article is, from the project root ('stories/quake/a.txt'): the rule's "
        "paths then apply to it. Without it an example is inside every rule's paths; in a "
        "case, give every article a path or none.",
    ),
    Key(
        "select",
        "str",
        "In a 'match' example: the figure, as written, that the rule must select; it must "
        "select no other figure of the sentence.",
    ),
)

CASE = (
    Key(
        "articles",
        "list[article]",
        "One-line articles from different sources: each a string or "
        "{published: YYYY-MM-DD, text: ...}.",
        required=True,
        children=ARTICLE,
    ),
    Key("note", "str", "Why the case must or must not give a finding, for the reader."),
    Key(
        "status",
        "enum",
        "The status the finding must have: open (default) or disputed (see attribution).",
        choices=("open", "disputed"),
    ),
)

EXAMPLES = (
    Key(
        "match",
        "list[article]",
        "Sentences the rule must select a claim from: each a string or "
        "{published: YYYY-MM-DD, text: ...}.",
        children=ARTICLE,
    ),
    Key(
        "no_match",
        "list[article]",
        "Sentences the rule must not select any claim from.",
        children=ARTICLE,
    ),
    Key(
        "conflict",
        "list[mapping]",
        "Small multi-source cases in which this rule must report a finding.",
        children=CASE,
    ),
    Key(
        "no_conflict",
        "list[mapping]",
        "Small multi-source cases in which this rule must report no finding.",
        children=CASE,
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
    Key(
        "use",
        "str",
        "The built-in fact template this rule is (`factcheck rules templates` lists them): "
        "its id, title, select and checks are the template's, and the keys written beside "
        "'use' replace the template's (docs/rules.md, Templates).",
    ),
    Key("title", "str", "The fact in a few words, shown in reports.", required=True),
    Key("description", "str", "What the fact is and why sources must agree on it."),
    Key(
        "severity",
        "enum",
        "How serious a finding is: error (fails the run by default), warning or info.",
        choices=SEVERITIES,
    ),
    Key("references", "list[str]", "Links or notes for the reviewer."),
    Key("select", "mapping", "Which claims speak about the fact.", required=True, children=SELECT),
    Key(
        "paths",
        "mapping",
        f"Which documents the rule sees, {_FROM_ROOT}; its file's paths, if any, must "
        "admit them too.",
        children=PATHS,
    ),
    Key("agree", "mapping", "How closely sources must agree on the fact.", children=AGREE),
    Key(
        "bounds",
        "mapping",
        "Plausible values for a single claim; one claim outside them is flagged.",
        children=BOUNDS,
    ),
    Key("relate", "mapping", "How this fact relates to other facts (rules).", children=RELATE),
    Key(
        "over_time",
        "mapping",
        "How the figure may change between reports of different times; sources are then "
        "compared for agreement only when they refer to the same time.",
        children=OVER_TIME,
    ),
    Key(
        "attribution",
        "mapping",
        "Parties a figure may be attributed to (organisers, police): how to treat their "
        "disagreement.",
        children=ATTRIBUTION,
    ),
    Key(
        "examples",
        "mapping",
        "Sentences and small cases that prove the rule (`factcheck rules test`).",
        children=EXAMPLES,
    ),
)

# A rule that says `use: TEMPLATE` holds the template's rule with these keys of its own
# (`rules/use.py`): each replaces the template's, `select` key by key. The
# other keys of a rule (its checks) are the template's.
USE_OVERRIDES = (
    "use",
    "id",
    "title",
    "description",
    "severity",
    "references",
    "paths",
    "select",
    "agree",
    "examples",
)
USE_SHORTHANDS = (
    Key(
        "words",
        "list[str]",
        "Only in a rule with 'use': words that tie the template to your story, the same as "
        "select: {words: [...]}.",
    ),
    Key(
        "time",
        "mapping",
        "Only in a rule with 'use': keys of the time window to set (after, before, as_of, "
        "unknown, periods), keeping the template's others.",
        children=TIME,
    ),
    Key("after", "date", "Only in a rule with 'use': the same as time: {after: ...}."),
    Key("before", "date", "Only in a rule with 'use': the same as time: {before: ...}."),
)
USE = Key(
    "rules",
    "mapping",
    "A rule that uses a template.",
    children=tuple(replace(k, required=False) for k in RULE if k.name in USE_OVERRIDES)
    + USE_SHORTHANDS,
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
        Key(
            "paths",
            "mapping",
            f"Which documents every rule of this file sees, {_FROM_ROOT}.",
            children=PATHS,
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


def reference_keys() -> list[tuple[str, Key]]:
    """Every key the reference documents: the schema's, then those only a use may hold."""
    shorthands = Key("", "mapping", "", children=USE_SHORTHANDS)
    return all_keys() + [(f"rules.{path}", key) for path, key in all_keys(shorthands)]


REFERENCE_START = "<!-- reference: generated from factcheck/rules/schema.py, do not edit -->"
REFERENCE_END = "<!-- end of reference -->"


def _type_words(key: Key) -> str:
    if key.choices:
        sep = " | "
        return ("list of " if key.type.startswith("list") else "") + sep.join(key.choices)
    return {
        "str": "text",
        "number": "number",
        "bool": "true / false",
        "date": "date",
        "regex": "regular expression",
        "list[str]": "list of text",
        "list[glob]": "list of path patterns",
        "mapping": "mapping",
        "list[mapping]": "list of mappings",
        "aliases": "name: list of text",
        "list[article]": "list of text or {published, text}",
    }.get(key.type, key.type)


def reference_markdown() -> str:
    """The key reference of docs/rules.md, as a Markdown table generated from the schema."""
    lines = [
        REFERENCE_START,
        "",
        "| key | type | required | meaning |",
        "| --- | --- | --- | --- |",
    ]
    for path, key in reference_keys():
        meaning = key.meaning.replace("|", "\\|")
        kind = _type_words(key).replace("|", "\\|")
        lines.append(f"| `{path}` | {kind} | {'yes' if key.required else ''} | {meaning} |")
    lines += ["", REFERENCE_END]
    return "\n".join(lines)


def write_reference(path: str) -> None:
    """Replace the generated reference between its markers in a Markdown file."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    head, _, rest = text.partition(REFERENCE_START)
    _, _, tail = rest.partition(REFERENCE_END)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + reference_markdown() + tail)


if __name__ == "__main__":  # python -m factcheck.rules.schema docs/rules.md
    import sys

    write_reference(sys.argv[1] if len(sys.argv) > 1 else "docs/rules.md")
