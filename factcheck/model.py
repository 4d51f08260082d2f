"""The small frozen records that pass between pipeline stages.

Documents are read (`documents`), claims extracted (`extract`), stored
(`store`), checked against rules (`rules`, `check`) and reported (`report`).
Each stage takes and returns these records, never a library's own objects.
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, field

# an age says who a claim is about, and a bare fraction or ratio ("two thirds", "one
# over three") counts nothing: both stored and shown, compared only by a rule that
# selects their kind
KINDS = ("count", "percent", "money", "measure", "duration", "age", "number", "date", "rank")
CLAIM_KINDS = ("count", "percent", "money", "measure", "duration")
SELECTED_ONLY_KINDS = ("age", "number")
QUALIFIERS = (
    "exact",
    "approx",
    "nearly",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "range",
    "vague",
)
SEVERITIES = ("error", "warning", "info")
# value: the figure as now stated; previous: an earlier figure ("up from X");
# change: a difference ("rose by X"); projection: what may come ("could reach X");
# limit: a permitted or planned amount ("capacity of X", "target of X")
ROLES = ("value", "previous", "change", "projection", "limit")


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
        """The claim as a JSON-ready dict, in the eval claim format plus extras."""
        return asdict(self)


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
