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

from .documents import Skipped, find_paths, project_path, project_root, read_corpus, read_files
from .errors import InputError
from .findings import Fact, evaluate
from .model import Claim, Conflict, Document
from .rules import Rule, load_rules
from .store import Store, with_review

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


def extract_paths(
    paths: list[str], jobs: int = 1, extractor: ModuleType | None = None
) -> tuple[list[Claim], list[Skipped]]:
    """Every claim of every article under paths, in path then text order."""
    documents, skipped = read_corpus(paths)
    per_doc = _extract(documents, jobs, extractor or default_extractor())
    return [c for claims in per_doc for c in claims], skipped


def run(
    paths: list[str],
    rules_path: str,
    db_path: str,
    jobs: int = 1,
    progress: Progress | None = None,
    extractor: ModuleType | None = None,
) -> RunResult:
    """Check the articles under paths against the rules, storing everything in db_path.

    A document whose bytes and the extractor's version are unchanged since it
    was stored is not extracted again; a removed document's claims are
    dropped; a skipped (unreadable) document keeps its earlier claims. The
    rules are evaluated again over all stored claims on every run, and the
    run's conflicts replace the previous run's only when it completes.
    """
    rules = load_rules(rules_path)  # a broken rule stops the run before anything is written
    files = find_paths(paths)  # raises for a path that does not exist
    if not files:
        raise InputError(f"no .txt or .md articles under {', '.join(paths)}")
    extractor = extractor or default_extractor()
    version = extractor.EXTRACTOR_VERSION
    started = _now()
    root = project_root(rules_path)
    store = Store(db_path)
    try:
        states = store.document_states()
        documents, skipped = _read_named(files, root, states)
        # The hash covers the article and its metadata file, so an unchanged
        # hash means unchanged title, date and claims.
        todo = [
            doc
            for doc in documents
            if states.get(doc.path, (None, None))[:2] != (doc.sha256, version)
        ]
        done = 0
        total = len(todo)
        if progress:
            progress(0, total)
        batch = max(1, jobs * 8)
        for i in range(0, total, batch):
            chunk = todo[i : i + batch]
            per_doc = _extract(chunk, jobs, extractor)
            for doc, claims in zip(chunk, per_doc, strict=True):
                store.save_document(doc, claims, version)
            done += len(chunk)
            if progress:
                progress(done, total)
        removed = store.remove_documents_except(
            [d.path for d in documents] + [s.path for s in skipped]
        )
        # Only the kinds some rule can select are loaded: on an unchanged corpus
        # loading and selecting claims is most of the run.
        kinds = None
        if rules and all(r.select.kinds for r in rules):
            kinds = {k for r in rules for k in r.select.kinds}
        claims = store.claims(kinds=kinds)  # the current documents' (and skipped ones' earlier)
        claim_count = store.claim_count()
        result = evaluate(rules, claims)
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
    finally:
        store.close()
    return RunResult(
        documents=documents,
        skipped=skipped,
        claims=claims,
        claim_count=claim_count,
        notes=result.notes,
        rules=rules,
        conflicts=[with_review(c, reviews.get(c.id)) for c in result.conflicts],
        extracted=len(todo),
        reused=len(documents) - len(todo),
        run_id=run_id,
        removed=removed,
        facts=result.facts,
        root=root,
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
