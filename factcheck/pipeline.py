"""The whole pipeline: read documents, extract claims, store them, check the rules.

`run()` is what `factcheck run` calls; `extract_paths()` is what
`factcheck extract` calls. Both return plain records for the CLI to print.

A run streams: articles are read a window at a time, extracted in chunks by
one process pool for the whole run (`--jobs`) while this process stores the
chunks before, and checked one fact at a time from the database, so memory
follows the largest fact rather than the corpus. It is incremental: each
rule's selection is kept in the database and brought up to date with the
documents stored since; a fact whose rule and selected claims are unchanged
keeps its stored findings (see `factcheck.incremental` and docs/scale.md).
"""

from __future__ import annotations

import collections
import contextlib
import importlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from types import ModuleType

from . import checks
from .checks import sort_findings, statements
from .crash import write_traceback
from .documents import (
    Scan,
    Skipped,
    file_stamp,
    project_path,
    project_root,
    read_files,
    scan,
)
from .errors import InputError
from .incremental import (
    EMPTY,
    decode_findings,
    decode_records,
    encode_findings,
    encode_records,
    related_ids,
    relation_key,
    rule_version,
)
from .model import Claim, Conflict, Document, Fact, Rule
from .rules import load_rules, selects
from .store import Packed, Store, run_lock, with_review

Progress = Callable[[int, int], None]

WINDOW = 512  # files read (and hashed) at a time while looking for changed documents
CHUNK = 32  # documents extracted in one go by one worker, and stored in one transaction
AHEAD = 2  # chunks per worker submitted beyond the one being stored


def default_extractor() -> ModuleType:
    """The extractor module: anything with `EXTRACTOR_VERSION` and `extract_many()`.

    Imported on first use so that the stages after extraction (and their tests)
    work without loading quantulum3; tests pass a small stand-in instead.
    """
    return importlib.import_module(".extract", __package__)


@dataclass
class RunResult:
    """What a run found."""

    documents: list[Document]
    skipped: list[Skipped]
    claims: Sequence[Claim]  # the claims the rules could select (read when first used)
    rules: list[Rule]
    conflicts: list[Conflict]  # findings, one per outlying statement, split or broken relation
    claim_count: int = 0  # every claim of the corpus, checked or not
    notes: list[str] = field(default_factory=list)  # warnings about rules, for the editor
    extracted: int = 0  # documents extracted this run
    reused: int = 0  # documents whose stored claims were still current
    run_id: int | None = None
    removed: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)  # each rule's statements, for charts
    root: str = ""  # the project folder that document paths are relative to
    rechecked: list[str] = field(default_factory=list)  # rules whose findings were computed


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- extraction ------------------------------------------------------------------


def _extract(documents: list[Document], jobs: int, extractor: ModuleType) -> list[list[Claim]]:
    return extractor.extract_many([(d.text, d.path, d.published) for d in documents], jobs=jobs)


def _extract_guarded(
    documents: list[Document], jobs: int, extractor: ModuleType
) -> tuple[list[tuple[Document, list[Claim]]], list[Skipped]]:
    """Extract a batch; a document whose extraction raises is skipped, not the run.

    The batch is tried whole (fast, parallel); when it fails, each document
    is tried alone so that one hostile article costs only itself. The
    traceback of each failure is written to a crash file named in its message.
    """
    return _guarded(documents, _Later(extractor.extract_many, _items(documents), jobs), extractor)


def _guarded(documents: list[Document], future, extractor: ModuleType):
    """The documents paired with their claims from `future`, retried one by one if it failed."""
    try:
        return list(zip(documents, future.result(), strict=True)), []
    except Exception as e:  # a bug in the extractor: retried one by one below
        if len(documents) == 1:
            return [], [_failed(documents[0], e)]
    done, failed = [], []
    for doc in documents:
        try:
            done.append((doc, _extract([doc], 1, extractor)[0]))
        except Exception as e:  # reported as a skipped file, with its crash file
            failed.append(_failed(doc, e))
    return done, failed


def _items(documents: list[Document]) -> list[tuple[str, str, str | None]]:
    return [(d.text, d.path, d.published) for d in documents]


class _Later:
    """A chunk extracted in this process when its result is asked for (like a Future)."""

    def __init__(self, extract_many, items, jobs: int):
        self.extract_many, self.items, self.jobs = extract_many, items, jobs

    def result(self) -> list[list[Claim]]:
        return self.extract_many(self.items, jobs=self.jobs)


@contextlib.contextmanager
def _extraction(extractor: ModuleType, jobs: int):
    """(submit, chunks to keep in flight) for the run: one process pool for all of it.

    With --jobs above 1 and an extractor that offers a `Pool`, its workers
    start once and extract chunk after chunk while this process stores the
    claims of the chunks before; otherwise each chunk is extracted here, in turn.
    """
    pool = getattr(extractor, "Pool", None)
    if jobs > 1 and pool is not None:
        with pool(jobs) as workers:
            yield workers.submit, jobs * AHEAD
        return
    yield (lambda items: _Later(extractor.extract_many, items, jobs)), 0


def _ahead(submit, chunks: Iterator[list[Document]], ahead: int):
    """(documents, future of their claims) in order, with up to `ahead` more chunks submitted."""
    pending: collections.deque = collections.deque()
    for docs in chunks:
        pending.append((docs, submit(_items(docs))))
        if len(pending) > ahead:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def _failed(doc: Document, error: Exception) -> Skipped:
    where = write_traceback(error)
    return Skipped(
        doc.path,
        f"{doc.path}: the extractor failed on this article (a bug in factcheck; traceback in "
        f"{where}); its earlier claims are kept",
    )


def extract_paths(
    paths: list[str],
    jobs: int = 1,
    extractor: ModuleType | None = None,
    follow_links: bool = False,
    exclude=None,
) -> tuple[list[Claim], list[Skipped]]:
    """Every claim of every article under paths, in path then text order."""
    found = scan(paths, follow_links=follow_links, exclude=exclude)
    documents, skipped = read_files(found.files)
    pairs, failed = _extract_guarded(documents, jobs, extractor or default_extractor())
    skipped = sorted(found.skipped + skipped + failed, key=lambda s: s.path)
    return [c for _doc, claims in pairs for c in claims], skipped


# -- the run -----------------------------------------------------------------------


def run(
    paths: list[str],
    rules_path: str,
    db_path: str,
    jobs: int = 1,
    progress: Progress | None = None,
    extractor: ModuleType | None = None,
    follow_links: bool = False,
    exclude=None,
    lock_timeout: float | None = None,
    facts: bool = True,
    reread: bool = False,
) -> RunResult:
    """Check the articles under paths against the rules, storing everything in db_path.

    A document whose bytes and the extractor's version are unchanged since it
    was stored is not extracted again; a removed document's claims are
    dropped; a skipped document (unreadable, in an unlistable folder, or one
    the extractor failed on) keeps its earlier claims. Each rule selects from
    the claims of new documents only (a new or changed rule from all), and a
    fact whose rule and selected claims are unchanged keeps its stored
    findings (`factcheck.incremental`); the run's findings replace the
    previous run's only when it completes. One run at a time holds the
    database (`store.run_lock`). `facts`: whether to give each rule's
    statements for charts (`RunResult.facts`, the HTML report). `reread`: read
    and hash every file, even one whose stamp says it is unchanged.
    """
    rules = load_rules(rules_path)  # a broken rule stops the run before anything is written
    found = scan(paths, follow_links=follow_links, exclude=exclude)  # raises for a missing path
    if not found.files and not found.skipped:
        raise InputError(f"no .txt or .md articles under {', '.join(paths)}")
    extractor = extractor or default_extractor()
    started = _now()
    root = project_root(rules_path)
    found = _named_scan(found, root)
    with run_lock(db_path, lock_timeout):
        store = Store(db_path)
        try:
            updated, skipped = _update_documents(
                store, found, jobs, progress, extractor, root, reread
            )
            run = _Run(paths, started, extractor.EXTRACTOR_VERSION, facts, db_path)
            result = _check(store, rules, run, updated, skipped)
            return replace(result, root=root)
        finally:
            store.close()


def _update_documents(
    store: Store, found: Scan, jobs: int, progress, extractor, root: str, reread: bool = False
):
    """Read the files, extract the new and changed ones, store them, drop removed ones.

    Files are read a window at a time and kept without their text; the ones
    to extract are read again, a chunk at a time, as the extraction reaches
    them, so no more than a few chunks of text are held at once.
    """
    version = extractor.EXTRACTOR_VERSION
    states = store.document_states()
    documents, skipped, todo = _survey(found.files, root, states, version, store, reread)
    if progress:
        progress(0, len(todo))
    failed: list[Skipped] = []
    done = 0
    with _extraction(extractor, jobs) as (submit, ahead):
        # a few documents are shared out evenly; many go in chunks of CHUNK
        size = max(1, min(CHUNK, -(-len(todo) // max(1, jobs))))
        chunks = _chunks(todo, root, states, failed, size)
        for docs, future in _ahead(submit, chunks, ahead):
            pairs, bad = _guarded(docs, future, extractor)
            store.save_documents(pairs, version)
            failed.extend(bad)
            done += len(docs)
            if progress:
                progress(min(done, len(todo)), len(todo))
    if progress and done < len(todo):
        progress(len(todo), len(todo))
    skipped = sorted(found.skipped + skipped + failed, key=lambda s: s.path)
    # A skipped file, and every stored file under a folder that could not be
    # listed, keeps its earlier claims.
    kept = {d.path for d in documents} | {s.path for s in skipped}
    removed = store.remove_documents_except(kept, keep_under=found.skipped_folders)
    failed_paths = {s.path for s in failed}
    documents = [d for d in documents if d.path not in failed_paths]
    return _Updated(documents, len(todo) - len(failed), removed), skipped


def _survey(files: list[str], root: str, states: dict, version: str, store: Store, reread: bool):
    """Every readable document (without its text), the skipped files, and the files to extract.

    The hash covers the article and its metadata file, so an unchanged hash
    means unchanged title, date and claims. A file whose stamp (size, times,
    inode: `documents.file_stamp`) equals its stored one is taken as unchanged
    without being read again, unless `reread`.
    """
    documents: list[Document] = []
    skipped: list[Skipped] = []
    todo: list[str] = []
    for i in range(0, len(files), WINDOW):
        names = {f: project_path(f, root) for f in files[i : i + WINDOW]}
        known = {} if reread else _stamped(names, states)
        window = [f for f in names if f not in known]
        docs, bad = _read_named(window, root, states, {f: names[f] for f in window})
        skipped.extend(bad)
        read = {d.path: d for d in docs}
        restamped = []
        for f, name in names.items():  # in the listing's order, stamped or read alike
            d = known.get(f) or read.get(name)
            if d is None:
                continue  # skipped
            state = states.get(name)
            if state is None or (state.sha256, state.extractor_version) != (d.sha256, version):
                todo.append(f)
            elif d.stamp != state.stamp:
                restamped.append((name, d.stamp))
            documents.append(replace(d, text=""))  # kept without its text
        if restamped:
            store.save_stamps(restamped)
    return documents, skipped, todo


def _stamped(names: dict[str, str], states: dict) -> dict[str, Document]:
    """The stored documents (without text) of the files whose stamp is unchanged, by file."""
    known = {}
    for f, name in names.items():
        state = states.get(name)
        if state is not None and state.stamp is not None and file_stamp(f) == state.stamp:
            known[f] = Document(
                name, "", state.sha256, state.title, state.published, state.encoding, state.stamp
            )
    return known


def _chunks(todo: list[str], root: str, states: dict, failed: list[Skipped], size: int):
    """The documents to extract, read again a chunk at a time; a file that can no
    longer be read (removed or changed since) joins `failed`."""
    for i in range(0, len(todo), size):
        docs, bad = _read_named(todo[i : i + size], root, states)
        failed.extend(bad)
        if docs:
            yield docs


@dataclass
class _Updated:
    documents: list[Document]
    extracted: int
    removed: list[str]


@dataclass
class _Run:
    paths: list[str]
    started: str
    extractor_version: str
    want_facts: bool
    db_path: str


# -- checking: each fact again only when its rule or its claims changed -------------


def _check(store: Store, rules: list[Rule], run: _Run, updated: _Updated, skipped) -> RunResult:
    """Bring each rule's selection up to date, then each fact's findings, and save the run."""
    versions = {r.id: rule_version(r, run.extractor_version) for r in rules}
    store.refresh_matches(versions, {r.id: r.select.kinds or None for r in rules}, _chooser(rules))
    prints = store.match_fingerprints()
    states = store.fact_states()
    checked = _Checked()
    for rule in rules:
        _check_fact(store, rule, versions[rule.id], prints, states.get(rule.id), run, checked)
    conflicts = sort_findings(list(checked.unique.values()))
    claim_count = store.claim_count()
    documents = updated.documents
    run_row = {
        "started": run.started,
        "finished": _now(),
        "paths": json.dumps(run.paths),
        "documents": len(documents),
        "claims": claim_count,
        "facts": len(rules),
        "conflicts": len(conflicts),
        "skipped": json.dumps([[s.path, s.reason] for s in skipped]),
    }
    rule_rows = [_rule_row(r) for r in rules]
    run_id = store.save_run(run_row, rule_rows, checked.rows, checked.rewritten)
    reviews = store.reviews()
    return RunResult(
        documents=documents,
        skipped=skipped,
        claims=StoredClaims(run.db_path, _kinds(rules)),
        claim_count=claim_count,
        notes=[],
        rules=rules,
        conflicts=[with_review(c, reviews.get(c.id)) for c in conflicts],
        extracted=updated.extracted,
        reused=len(documents) - updated.extracted,
        run_id=run_id,
        removed=updated.removed,
        facts=checked.facts,
        rechecked=checked.rechecked,
    )


@dataclass
class _Checked:
    """What checking the facts gave so far."""

    unique: dict[str, Conflict] = field(default_factory=dict)  # every finding, by id
    facts: list[Fact] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)  # `facts` table rows to write
    rewritten: dict[str, list[Conflict]] = field(default_factory=dict)  # by rule, to store
    rechecked: list[str] = field(default_factory=list)  # rules whose findings were computed


def _check_fact(store: Store, rule: Rule, version: str, prints, state, run: _Run, out: _Checked):
    """One rule's findings and relation findings: the stored ones while current, else computed."""
    fingerprint = prints.get(rule.id, EMPTY)
    key = relation_key(rule, version, prints)
    row: dict = {}
    own = None
    if state is not None and state[:2] == (version, fingerprint):
        own = _stored_fact(store, rule, run.want_facts)
    if own is None:
        own, blobs = _fresh_fact(store, rule)
        row.update(spec=version, fingerprint=fingerprint, **blobs)
    related = _stored_relations(store, rule, state, key)
    fresh = related is None
    if fresh:
        related = _fresh_relations(store, rule)
    if "findings" in row or fresh:
        out.rechecked.append(rule.id)
    if row or fresh:  # a fact's row is written whole: with its relation findings
        row.update(relation_key=key, relations=Packed.of(encode_findings(related)))
    found = own[0] + related
    for c in found:
        out.unique[c.id] = c
    if run.want_facts:
        out.facts.append(own[1])
    if row:
        out.rows.append({"rule_id": rule.id, **row})
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
    """choose(claim, rule ids): the ids of the rules whose selector picks the claim."""
    by_id = {r.id: r for r in rules}

    def choose(claim: Claim, ids: list[str]) -> list[str]:
        return [
            i
            for i in ids
            if (not by_id[i].select.kinds or claim.kind in by_id[i].select.kinds)
            and selects(by_id[i], claim)
        ]

    return choose


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


def _named_scan(found: Scan, root: str) -> Scan:
    """The scan with its skipped entries named relative to the project root, like documents."""
    return Scan(
        found.files,  # read from disk as found; named after reading
        [replace(s, path=project_path(s.path, root)) for s in found.skipped],
        [project_path(f, root) for f in found.skipped_folders],
    )


def _read_named(
    files: list[str], root: str, states: dict, names: dict[str, str] | None = None
) -> tuple[list[Document], list[Skipped]]:
    """Read the files; each document and skipped file named relative to the project root.

    Stored and reported under the project's name for the file, so ids do not
    depend on how the corpus path was typed or where the run started.
    `names`: each file's name, when already known.
    """
    names = names or {f: project_path(f, root) for f in files}
    known = {f: states[n] for f, n in names.items() if n in states}
    documents, skipped = read_files(
        files, {path: (st.sha256, st.title, st.published) for path, st in known.items()}
    )
    documents = [replace(d, path=names[d.path]) for d in documents]
    skipped = [replace(s, path=names.get(s.path, s.path)) for s in skipped]
    return documents, skipped


def _rule_row(rule: Rule) -> dict:
    return {
        "id": rule.id,
        "file": rule.file,
        "line": rule.line,
        "title": rule.title,
        "severity": rule.severity,
        "description": rule.description,
        "spec": json.dumps(rule.spec, sort_keys=True, default=str),
    }


def review(db_path: str, conflict: str, status: str, reason: str | None = None) -> str:
    """Record a reviewer's decision ("accepted" or "open") on a conflict; return its full id."""
    store = Store(db_path, create=False)
    try:
        conflict_id = store.find_conflict(conflict)
        store.set_review(conflict_id, status, reason, _now())
    finally:
        store.close()
    return conflict_id
