"""The small frozen records that pass between pipeline stages.

Documents are read (`documents`), claims extracted (`extract`), stored
(`store`), checked against rules (`rules`, `check`) and reported (`report`).
Each stage takes and returns these records, never a library's own objects.
"""

from __future__ import annotations

import math
import re
from dataclasses import MISSING, dataclass, field
from typing import Protocol

from .kinds import (  # noqa: F401 - the records' vocabularies, part of the model's API
    CLAIM_KINDS,
    KINDS,
    ORIGINS,
    QUALIFIERS,
    ROLES,
    SELECTED_ONLY_KINDS,
    SEVERITIES,
)


@dataclass(frozen=True)
class Document:
    """One article as read from disk."""

    path: str  # as given on the command line, with '/' separators
    text: str  # decoded text, newlines untouched
    sha256: str  # of the raw bytes
    title: str | None = None
    # ISO date (YYYY-MM-DD) when the text or metadata gives one; metadata may add
    # a time of day (YYYY-MM-DDTHH:MM), so same-day updates are successive
    published: str | None = None
    encoding: str = "utf-8"
    # the file's size, times and inode when read (documents.file_stamp): an equal
    # stamp on the next run means unchanged bytes without reading them; None when
    # the file changed too recently for its times to be trusted
    stamp: str | None = None


@dataclass(frozen=True)
class Claim:
    """One numeric claim: where it is, what it says, what it counts, and when.

    The first block of fields is the claim format of the eval README
    (`factcheck extract --format jsonl`); the rest is what the checker needs.
    """

    doc: str
    start: int
    end: int
    text: str
    kind: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    noun: str | None
    # context
    sentence: str = ""
    line: int = 1
    # the column (from 1) of `start` in its line, in Unicode code points (SARIF's
    # `unicodeCodePoints`; a UTF-8 byte-order mark is not counted), or None when
    # unknown: a claim stored before columns were (m009_claim_columns)
    column: int | None = None
    # normalized magnitude: si_value in si_unit (metre, kilogram, second,
    # an ISO currency code, percent); None when there is no conversion
    si_value: float | None = None
    si_unit: str | None = None
    dimension: str | None = None  # length, mass, time, currency, ...
    # the interval the claim asserts, in si_unit (or in the stated unit when
    # there is no si_unit), widened by its qualifier and implied precision
    interval_low: float | None = None
    interval_high: float | None = None
    # the time the claim refers to: ISO date, year-month or year, and where
    # it came from ("text", "published"), or None when unknown
    time: str | None = None
    time_source: str | None = None
    # the sentence before the claim's and the claim's own, for rules that look
    # at the neighbourhood (an article names its subject once, then counts it)
    context: str = ""
    # what the figure is about (its own words in its sentence, "; "-separated
    # phrases), the role it plays (ROLES), and who gives it (the attributed
    # party as written, or None): see factcheck/extract/frames.py
    about: str = ""
    role: str = "value"
    speaker: str | None = None

    def to_json(self) -> dict:
        """The claim as a JSON-ready dict, in the eval claim format plus extras: what
        asdict() gives (every field is a scalar), without its deep copy of each value."""
        values = self.__dict__
        return {name: values[name] for name in _CLAIM_FIELDS}

    def interval(self) -> tuple[float, float]:
        """The interval the claim asserts (unbounded sides as infinities).

        A vague amount asserts a floor, not a range: "thousands were killed" says at
        least a thousand, so it never conflicts with 38,000; "tens of thousands"
        does conflict with 1,200.
        """
        lo, hi = self.interval_low, self.interval_high
        if lo is None and hi is None:
            lo = hi = self.si_value if self.si_value is not None else self.value
        if self.qualifier == "vague":
            hi = None
        return (-math.inf if lo is None else lo, math.inf if hi is None else hi)

    def comparable_unit(self) -> str | None:
        """The unit its figure compares in: the SI unit, else the unit as written."""
        return self.si_unit or self.unit


_CLAIM_FIELDS = tuple(Claim.__dataclass_fields__)
_CLAIM_DEFAULTS = {
    f.name: f.default for f in Claim.__dataclass_fields__.values() if f.default is not MISSING
}


def make_claim(**values) -> Claim:
    """Claim(**values) without the frozen __init__ (which sets each field through
    object.__setattr__): for the extractor's hot path; every field without a default
    must be given."""
    claim = object.__new__(Claim)
    claim.__dict__.update(_CLAIM_DEFAULTS, **values)
    return claim


@dataclass(frozen=True)
class Match:
    """A claim that a rule selected."""

    rule_id: str
    claim: Claim


@dataclass(frozen=True)
class Conflict:
    """Two claims (or one, for a bound) that a rule says cannot both be right."""

    id: str
    rule_id: str
    severity: str
    check: str  # agreement, bounds, part_whole, sum, percent_of, monotonic, ...
    reason: str
    left: Claim
    right: Claim | None = None
    status: str = "open"  # open, disputed, accepted
    details: dict = field(default_factory=dict, compare=False, hash=False)


def finding_order(c: Conflict) -> tuple:
    """The order findings are reported in, in every format: the most severe first (a
    dispute after the findings of its severity, which it does not fail), then by rule,
    document, place, check and id; so a capped report cuts warnings before errors."""
    rank = SEVERITIES.index(c.severity) if c.severity in SEVERITIES else len(SEVERITIES)
    return (rank, c.status == "disputed", c.rule_id, c.left.doc, c.left.start, c.check, c.id)


def period(time: str) -> tuple[str, str]:
    """The first and last moment a time ('2016', '2007-11', '2017-12-02', '2017-12-02T19:00')
    covers, as ISO strings that sort in time order."""
    if "T" in time:
        return time, time  # a publication time of day: the figure holds from that moment
    parts = time.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01", f"{parts[0]}-12-31T24:00"
    if len(parts) == 2:
        return f"{time}-01", f"{time}-31T24:00"
    return time, f"{time}T24:00"


class Pattern(Protocol):
    """What the checker uses of a compiled pattern (RE2's and `re`'s both have it)."""

    pattern: str

    def search(self, text: str): ...


@dataclass(frozen=True)
class Fact:
    """One rule's statements and how they stand: for the per-fact charts."""

    rule_id: str
    title: str
    severity: str
    claims: tuple[Claim, ...]  # every statement the rule checks, in document order
    consensus: tuple[Claim, ...] = ()  # the statements in a consensus (of any group)
    bands: tuple[tuple[float, float], ...] = ()  # each consensus's figure range
    timeline: bool = False  # an over_time fact: shown against time
    outliers: tuple[str, ...] = field(default=())  # finding ids about this fact


# -- rules ---------------------------------------------------------------------


@dataclass(frozen=True)
class Selector:
    """Which claims a rule selects; patterns are compiled once."""

    kinds: tuple[str, ...] = ()
    nouns: tuple[tuple[str, ...], ...] = ()  # each a sequence of normalized words
    noun_excludes: frozenset[str] = frozenset()
    words: tuple[re.Pattern, ...] = ()  # every one must match the sentence
    any_words: re.Pattern | None = None
    not_words: re.Pattern | None = None
    regex: Pattern | None = None  # RE2, so matching takes linear time
    not_regex: Pattern | None = None
    dimensions: tuple[str, ...] = ()
    units: frozenset[str] = frozenset()  # lower case; SI unit, written unit or currency code
    after: str | None = None
    before: str | None = None
    unknown_time: str = "include"
    periods: str = "include"  # or "exclude": claims their own clause dates to a year or month
    scope: str = "sentence"
    # what the figure itself is about, its role and its speaker (factcheck/extract/frames.py)
    about: tuple[frozenset[tuple[str, ...]], ...] = ()  # each: normalized phrases, any matches
    not_about: frozenset[tuple[str, ...]] = frozenset()
    roles: tuple[str, ...] = ("value",)
    speaker: re.Pattern | None = None
    not_speaker: re.Pattern | None = None  # parties whose figures the rule leaves out


@dataclass(frozen=True)
class Agreement:
    """How closely sources must agree."""

    tolerance: float = 0.0
    absolute: float = 0.0
    precision: str = "implied"  # or "stated": a figure asserts exactly what it states
    ranges: str = "overlap"  # or "same": stated ranges of the fact must have the same ends


@dataclass(frozen=True)
class Bounds:
    """Plausible values of a single claim, in si_unit (None: any claim's unit)."""

    low: float | None = None
    high: float | None = None
    si_unit: str | None = None
    written: str = ""  # how the editor wrote them, for messages ("100 km")


@dataclass(frozen=True)
class Relation:
    """How a fact relates to other facts (rule ids)."""

    part_of: str | None = None
    sum_of: tuple[str, ...] = ()
    percent_whole: str | None = None
    percent_part: str | None = None
    tolerance: float = 0.0


@dataclass(frozen=True)
class OverTime:
    """The direction a figure may move from one report to a later one."""

    may_only: str  # rise | fall | any (either way: only reports of one time are compared)
    tolerance: float = 0.0


@dataclass(frozen=True)
class Attribution:
    """Parties a figure may be attributed to, each with its compiled words."""

    parties: tuple[tuple[str, re.Pattern], ...]
    disputed: bool = True


@dataclass(frozen=True)
class Article:
    """A one-line article of an example, with where it is written."""

    text: str
    published: str | None
    line: int
    col: int
    select: str | None = None  # in a match example: the one figure the rule must select
    path: str | None = None  # where the article is, for a rule's paths; None: inside them all


@dataclass(frozen=True)
class Case:
    """A small multi-source example that must (or must not) conflict."""

    articles: tuple[Article, ...]
    line: int
    col: int
    note: str = ""
    status: str = "open"  # the status a conflict must have


@dataclass(frozen=True)
class Examples:
    """What proves a rule: sentences to select or not, cases to conflict or not."""

    match: tuple[Article, ...] = ()
    no_match: tuple[Article, ...] = ()
    conflict: tuple[Case, ...] = ()
    no_conflict: tuple[Case, ...] = ()

    def __len__(self) -> int:
        return len(self.match) + len(self.no_match) + len(self.conflict) + len(self.no_conflict)


@dataclass(frozen=True)
class PathLayer:
    """One `paths:` section: gitignore-style patterns a document's project path must pass."""

    include: tuple[str, ...] = ()  # none: every document
    exclude: tuple[str, ...] = ()  # wins over include
    owner: str = "rule"  # whose section it is: the rule's own, its "file"'s, or a "story"'s
    folder: str | None = None  # a story's: only the documents directly in this folder


@dataclass(frozen=True)
class PathScope:
    """The documents a rule sees: each layer (its file's paths, its own) must admit one."""

    layers: tuple[PathLayer, ...]


@dataclass(frozen=True)
class Rule:
    """One validated rule."""

    id: str
    title: str
    severity: str
    select: Selector
    agree: Agreement | None
    file: str
    line: int
    description: str = ""
    references: tuple[str, ...] = ()
    spec: dict = field(default_factory=dict, compare=False, hash=False)
    bounds: Bounds | None = None
    relate: Relation | None = None
    over_time: OverTime | None = None
    attribution: Attribution | None = None
    examples: Examples = field(default_factory=Examples, compare=False)
    paths: PathScope | None = None  # None: every document
    origin: str = "rule"  # where the fact comes from: one of ORIGINS
    paste: str = field(default="", compare=False)  # a suggestion's rule, as YAML to paste
