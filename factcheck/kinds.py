"""The closed vocabularies of the records (factcheck.model): claim kinds, qualifiers,
severities and roles. A module of their own, with no imports, so that the CLI can offer
them as choices without building the records (`factcheck --help` starts fast)."""

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
# where a checked fact comes from: a rules file, a built-in template checked with no
# rules written, or a fact suggested from the corpus (`factcheck run` with no rules or
# with --suggest)
ORIGINS = ("rule", "template", "suggestion")
# value: the figure as now stated; previous: an earlier figure ("up from X");
# change: a difference ("rose by X"); projection: what may come ("could reach X");
# limit: a permitted or planned amount ("capacity of X", "target of X")
ROLES = ("value", "previous", "change", "projection", "limit")
