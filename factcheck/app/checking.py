"""Checking within a run: each fact again only when its rule or its selected claims changed.

Each rule's selection is kept in the database and brought up to date with the
documents stored since; a fact whose rule and selected claims are unchanged
keeps its stored findings (`factcheck.app.incremental`, docs/scale.md).
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from .. import checks
from ..checks import sort_findings, statements
from ..model import Claim, Conflict, Fact, Rule
from ..rules import selects
from ..store import FactRow, Packed, RunRecord, Store, with_review
from ..store.codecs import decode_findings, decode_records, encode_findings, encode_records
from .incremental import EMPTY, related_ids, relation_key, rule_version
from .pausing import step


def now() -> str:
    """The time, to the second, in UTC (ISO 8601)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class RunInfo:
    """What checking needs to know of the run."""

    paths: list[str]
    started: str
    extractor_version: str
    want_facts: bool
    db_path: str


@dataclass
class Checked:
    """What checking the facts gave."""

    conflicts: list[Conflict]  # every finding, reviews applied
    claims: Sequence[Claim]  # the claims the rules could select (read when first used)
    claim_count: int
    run_id: int
    facts: list[Fact]
    rechecked: list[str]


@dataclass
class _Found:
    """What checking the facts gave so far."""

    unique: dict[str, Conflict] = field(default_factory=dict)  # every finding, by id
    facts: list[Fact] = field(default_factory=list)
    rows: list[FactRow] = field(default_factory=list)  # `facts` table rows to write
    rewritten: dict[str, list[Conflict]] = field(default_factory=dict)  # by rule, to store
    rechecked: list[str] = field(default_factory=list)  # rules whose findings were computed


def check(store: Store, rules: list[Rule], run: RunInfo, documents: int, skipped) -> Checked:
    """Bring each rule's selection up to date, then each fact's findings, and save the run."""
    versions = {r.id: rule_version(r, run.extractor_version) for r in rules}
    store.refresh_matches(versions, {r.id: r.select.kinds or None for r in rules}, _chooser(rules))
    step("matches-refreshed")
    prints = store.match_fingerprints()
    states = store.fact_states()
    found = _Found()
    for rule in rules:
        _check_fact(store, rule, versions[rule.id], prints, states.get(rule.id), run, found)
    conflicts = sort_findings(list(found.unique.values()))
    claim_count = store.claim_count()
    record = RunRecord(
        started=run.started,
        finished=now(),
        paths=tuple(run.paths),
        documents=documents,
        claims=claim_count,
        facts=len(rules),
        conflicts=len(conflicts),
        skipped=tuple((s.path, s.reason) for s in skipped),
    )
    step("facts-checked")
    run_id = store.save_run(record, rules, found.rows, found.rewritten)
    step("run-saved")
    reviews = store.reviews()
    return Checked(
        conflicts=[with_review(c, reviews.get(c.id)) for c in conflicts],
        claims=StoredClaims(run.db_path, _kinds(rules)),
        claim_count=claim_count,
        run_id=run_id,
        facts=found.facts,
        rechecked=found.rechecked,
    )


def _check_fact(store: Store, rule: Rule, version: str, prints, state, run: RunInfo, out: _Found):
    """One rule's findings and relation findings: the stored ones while current, else computed."""
    fingerprint = prints.get(rule.id, EMPTY)
    key = relation_key(rule, version, prints)
    own_row: dict = {}
    own = None
    if state is not None and state[:2] == (version, fingerprint):
        own = _stored_fact(store, rule, run.want_facts)
    if own is None:
        own, blobs = _fresh_fact(store, rule)
        own_row = {"spec": version, "fingerprint": fingerprint, **blobs}
    related = _stored_relations(store, rule, state, key)
    fresh = related is None
    if fresh:
        related = _fresh_relations(store, rule)
    if own_row or fresh:
        out.rechecked.append(rule.id)
    found = own[0] + related
    for c in found:
        out.unique[c.id] = c
    if run.want_facts:
        out.facts.append(own[1])
    if own_row or fresh:  # a fact's row is written whole: with its relation findings
        relations = Packed.of(encode_findings(related))
        out.rows.append(FactRow(rule.id, key, relations, **own_row))
        out.rewritten[rule.id] = list({c.id: c for c in found}.values())


def _stored_fact(store: Store, rule: Rule, want_fact: bool) -> tuple[list[Conflict], Fact] | None:
    """A fact's stored findings (and, if wanted, the fact to draw); None when unreadable."""
    found = decode_findings(store.fact_blob(rule.id, "findings"))
    if found is None or not want_fact:
        return (found, None) if found is not None else None
    facts = decode_records(store.fact_blob(rule.id, "fact"), Fact)
    if not facts:
        return None
    claims = tuple(sorted(statements(store.rule_claims(rule.id)), key=_place))
    keys = set(facts[0].consensus)  # stored as places: the claims are read here anyway
    return found, replace(facts[0], claims=claims, consensus=_at(claims, keys))


def _fresh_fact(store: Store, rule: Rule) -> tuple[tuple[list[Conflict], Fact], dict]:
    """A fact checked from its claims in the database, and its findings to store."""
    found, fact = checks.evaluate_rule(rule, statements(store.rule_claims(rule.id)))
    text = encode_findings(found)
    blobs = {
        "findings": Packed.of(text),
        # the fact to draw, its statements left out and its consensus by place: read back
        # with the statements (`_stored_fact`), they were the largest part of a run's memory
        "fact": Packed.of(encode_records([replace(fact, claims=(), consensus=_places(fact))])),
    }
    # the findings as a later run will read them back, so that both runs report alike
    return (decode_findings(text) or [], fact), blobs


def _stored_relations(store: Store, rule: Rule, state, key: str | None) -> list[Conflict] | None:
    """A rule's stored relation findings while the facts it relates are unchanged, else None."""
    if rule.relate is None:
        return []
    if state is None or state[2] != key:
        return None
    return decode_findings(store.fact_blob(rule.id, "relations"))


def _fresh_relations(store: Store, rule: Rule) -> list[Conflict]:
    """A rule's relation findings from the statements of the facts it relates, read one by one."""
    selected = {i: statements(store.rule_claims(i)) for i in related_ids(rule)}
    text = encode_findings(checks.relation_findings([rule], selected))
    return decode_findings(text) or []


def _chooser(rules: list[Rule]):
    """choose(claim, rule ids): the ids of the rules whose selector picks the claim.

    A rule scoped to one story folder (`rules.auto`: a `story` path layer) cannot pick a
    claim of a document in another folder, so it is not asked: a no-rules run over many
    story folders asks each claim only its own folder's rules and the unscoped ones.
    """
    by_id = {r.id: r for r in rules}
    folder_of = {r.id: _story_folder(r) for r in rules}
    mine: dict[tuple[tuple[str, ...], str], list[str]] = {}  # (ids, folder) -> ids it may pick

    def choose(claim: Claim, ids: list[str]) -> list[str]:
        folder = posixpath.dirname(claim.doc)
        key = (tuple(ids), folder)  # `ids` is the same list for every claim of a batch
        asked = mine.get(key)
        if asked is None:
            asked = [i for i in ids if folder_of[i] in (None, folder)]
            mine[key] = asked
        return [
            i
            for i in asked
            if (not by_id[i].select.kinds or claim.kind in by_id[i].select.kinds)
            and selects(by_id[i], claim)
        ]

    return choose


def _story_folder(rule: Rule) -> str | None:
    """The story folder a rule alone sees (a `story` path layer's), or None."""
    layers = rule.paths.layers if rule.paths is not None else ()
    folders = [x.folder for x in layers if x.owner == "story" and x.folder is not None]
    return folders[0] if folders else None


def _place(c: Claim) -> tuple:
    return (c.doc, c.start, c.end)


def _places(fact: Fact) -> tuple[tuple, ...]:
    return tuple(_place(c) for c in fact.consensus)


def _at(claims: tuple[Claim, ...], places: set) -> tuple[Claim, ...]:
    """The claims (in their order) at these places."""
    return tuple(c for c in claims if _place(c) in places)


def _kinds(rules: list[Rule]) -> set[str] | None:
    """The kinds some rule can select, or None when a rule selects any kind."""
    if rules and all(r.select.kinds for r in rules):
        return {k for r in rules for k in r.select.kinds}
    return None


class StoredClaims(Sequence):
    """The claims the rules were evaluated on, read from the database when first used.

    A run no longer loads every claim; this reads them (the kinds some rule
    can select) only for a caller that asks.
    """

    def __init__(self, db_path: str, kinds: set[str] | None):
        self._path, self._kinds, self._claims = db_path, kinds, None

    def _load(self) -> list[Claim]:
        if self._claims is None:
            store = Store(self._path, readonly=True)
            try:
                self._claims = store.claims(kinds=self._kinds)
            finally:
                store.close()
        return self._claims

    def __len__(self) -> int:
        return len(self._load())

    def __getitem__(self, index):
        return self._load()[index]

    def __eq__(self, other) -> bool:
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"StoredClaims({self._path!r})"
