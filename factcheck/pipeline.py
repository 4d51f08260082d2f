"""The whole pipeline: read documents, extract claims, store them, check the rules.

`run()` is what `factcheck run` calls; `extract_paths()` is what
`factcheck extract` calls. Both return plain records for the CLI to print.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from types import ModuleType

from .crash import write_traceback
from .documents import Scan, Skipped, project_path, project_root, read_files, scan
from .errors import InputError
from .findings import Fact, evaluate
from .model import Claim, Conflict, Document
from .rules import Rule, load_rules
from .store import Store, run_lock, with_review

Progress = Callable[[int, int], None]


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
    claims: list[Claim]  # the claims the rules were evaluated on
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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


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
    try:
        return list(zip(documents, _extract(documents, jobs, extractor), strict=True)), []
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
) -> RunResult:
    """Check the articles under paths against the rules, storing everything in db_path.

    A document whose bytes and the extractor's version are unchanged since it
    was stored is not extracted again; a removed document's claims are
    dropped; a skipped document (unreadable, in an unlistable folder, or one
    the extractor failed on) keeps its earlier claims. The rules are
    evaluated again over all stored claims on every run, and the run's
    conflicts replace the previous run's only when it completes. One run at a
    time holds the database (`store.run_lock`).
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
            updated, skipped = _update_documents(store, found, jobs, progress, extractor, root)
            result = _check(store, rules, paths, started, updated, skipped)
            return replace(result, root=root)
        finally:
            store.close()


def _update_documents(store: Store, found: Scan, jobs: int, progress, extractor, root: str):
    """Read the files, extract the new and changed ones, store them, drop removed ones."""
    version = extractor.EXTRACTOR_VERSION
    states = store.document_states()
    documents, skipped = _read_named(found.files, root, states)
    # The hash covers the article and its metadata file, so an unchanged
    # hash means unchanged title, date and claims.
    todo = [d for d in documents if states.get(d.path, (None, None))[:2] != (d.sha256, version)]
    failed: list[Skipped] = []
    if progress:
        progress(0, len(todo))
    batch = max(1, jobs * 8)
    for i in range(0, len(todo), batch):
        pairs, bad = _extract_guarded(todo[i : i + batch], jobs, extractor)
        for doc, claims in pairs:
            store.save_document(doc, claims, version)
        failed.extend(bad)
        if progress:
            progress(min(i + batch, len(todo)), len(todo))
    skipped = sorted(found.skipped + skipped + failed, key=lambda s: s.path)
    # A skipped file, and every stored file under a folder that could not be
    # listed, keeps its earlier claims.
    kept = {d.path for d in documents} | {s.path for s in skipped}
    removed = store.remove_documents_except(kept, keep_under=found.skipped_folders)
    failed_paths = {s.path for s in failed}
    documents = [d for d in documents if d.path not in failed_paths]
    return _Updated(documents, len(todo) - len(failed), removed), skipped


@dataclass
class _Updated:
    documents: list[Document]
    extracted: int
    removed: list[str]


def _check(store: Store, rules, paths, started, updated: _Updated, skipped) -> RunResult:
    """Evaluate the rules over every stored claim and save the run's results."""
    # Only the kinds some rule can select are loaded: on an unchanged corpus
    # loading and selecting claims is most of the run.
    kinds = None
    if rules and all(r.select.kinds for r in rules):
        kinds = {k for r in rules for k in r.select.kinds}
    claims = store.claims(kinds=kinds)  # the current documents' (and skipped ones' earlier)
    claim_count = store.claim_count()
    result = evaluate(rules, claims)
    documents = updated.documents
    run_row = {
        "started": started,
        "finished": _now(),
        "paths": json.dumps(paths),
        "documents": len(documents),
        "claims": claim_count,
        "facts": len(rules),
        "conflicts": len(result.conflicts),
        "skipped": json.dumps([[s.path, s.reason] for s in skipped]),
    }
    run_id = store.save_results(
        run_row, [_rule_row(r) for r in rules], result.matches, result.conflicts
    )
    reviews = store.reviews()
    return RunResult(
        documents=documents,
        skipped=skipped,
        claims=claims,
        claim_count=claim_count,
        notes=result.notes,
        rules=rules,
        conflicts=[with_review(c, reviews.get(c.id)) for c in result.conflicts],
        extracted=updated.extracted,
        reused=len(documents) - updated.extracted,
        run_id=run_id,
        removed=updated.removed,
        facts=result.facts,
    )


def _named_scan(found: Scan, root: str) -> Scan:
    """The scan with its skipped entries named relative to the project root, like documents."""
    return Scan(
        found.files,  # read from disk as found; named after reading
        [replace(s, path=project_path(s.path, root)) for s in found.skipped],
        [project_path(f, root) for f in found.skipped_folders],
    )


def _read_named(files: list[str], root: str, states: dict) -> tuple[list[Document], list[Skipped]]:
    """Read the files; each document and skipped file named relative to the project root.

    Stored and reported under the project's name for the file, so ids do not
    depend on how the corpus path was typed or where the run started.
    """
    names = {f: project_path(f, root) for f in files}
    known = {f: states[n] for f, n in names.items() if n in states}
    documents, skipped = read_files(
        files, {path: (st[0], st[2], st[3]) for path, st in known.items()}
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
