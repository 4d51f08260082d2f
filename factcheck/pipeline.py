"""The whole pipeline: read documents, extract claims, store them, check the rules.

`run()` is what `factcheck run` calls; `extract_paths()` is what
`factcheck extract` calls. Both return plain records for the CLI to print.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from . import extract as extractor
from .check import evaluate
from .documents import Skipped, read_corpus
from .errors import InputError
from .model import Claim, Conflict, Document
from .rules import Rule, load_rules
from .store import Store

Progress = Callable[[int, int], None]


@dataclass
class RunResult:
    """What a run found."""

    documents: list[Document]
    skipped: list[Skipped]
    claims: list[Claim]
    rules: list[Rule]
    conflicts: list[Conflict]
    extracted: int = 0  # documents extracted this run
    reused: int = 0  # documents whose stored claims were still current
    run_id: int | None = None
    removed: list[str] = field(default_factory=list)

    @property
    def facts(self) -> int:
        return len(self.rules)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n\s*\n")
CONTEXT_CHARS = 400


def with_context(text: str, claims: list[Claim]) -> list[Claim]:
    """Claims with `context`: the sentence before each claim's sentence, then its own."""
    out = []
    for c in claims:
        sentence = c.sentence or c.text
        begin = text.rfind(sentence, 0, c.start + 1) if sentence else -1
        if begin < 0 or begin > c.start:
            begin = c.start
        before = text[max(0, begin - CONTEXT_CHARS) : begin].rstrip()
        pieces = [p for p in _SENTENCE_BREAK.split(before) if p.strip()]
        previous = pieces[-1].strip() if pieces else ""
        out.append(replace(c, context=f"{previous} {sentence}".strip()))
    return out


def _extract(documents: list[Document], jobs: int) -> list[list[Claim]]:
    per_doc = extractor.extract_many([(d.text, d.path, d.published) for d in documents], jobs=jobs)
    return [with_context(d.text, claims) for d, claims in zip(documents, per_doc, strict=True)]


def extract_paths(paths: list[str], jobs: int = 1) -> tuple[list[Claim], list[Skipped]]:
    """Every claim of every article under paths, in path then text order."""
    documents, skipped = read_corpus(paths)
    per_doc = _extract(documents, jobs)
    return [c for claims in per_doc for c in claims], skipped


def run(
    paths: list[str],
    rules_path: str,
    db_path: str,
    jobs: int = 1,
    progress: Progress | None = None,
) -> RunResult:
    """Check the articles under paths against the rules, storing everything in db_path."""
    rules = load_rules(rules_path)  # a broken rule stops the run before anything is written
    documents, skipped = read_corpus(paths)
    if not documents and not skipped:
        raise InputError(f"no .txt or .md articles under {', '.join(paths)}")
    started = _now()
    store = Store(db_path)
    try:
        todo = []
        for doc in documents:
            state = store.document_state(doc.path)
            if state == (doc.sha256, extractor.EXTRACTOR_VERSION):
                store.update_document_meta(doc)
            else:
                todo.append(doc)
        done = 0
        total = len(todo)
        if progress:
            progress(0, total)
        batch = max(1, jobs * 8)
        for i in range(0, total, batch):
            chunk = todo[i : i + batch]
            per_doc = _extract(chunk, jobs)
            for doc, claims in zip(chunk, per_doc, strict=True):
                store.save_document(doc, claims, extractor.EXTRACTOR_VERSION)
            done += len(chunk)
            if progress:
                progress(done, total)
        removed = store.remove_documents_except(d.path for d in documents)
        claims = store.claims(d.path for d in documents)
        result = evaluate(rules, claims)
        run_row = {
            "started": started,
            "finished": _now(),
            "paths": json.dumps(paths),
            "documents": len(documents),
            "claims": len(claims),
            "facts": len(rules),
            "conflicts": len(result.conflicts),
            "skipped": json.dumps([[s.path, s.reason] for s in skipped]),
        }
        run_id = store.save_results(
            run_row, [_rule_row(r) for r in rules], result.matches, result.conflicts
        )
    finally:
        store.close()
    return RunResult(
        documents=documents,
        skipped=skipped,
        claims=claims,
        rules=rules,
        conflicts=result.conflicts,
        extracted=len(todo),
        reused=len(documents) - len(todo),
        run_id=run_id,
        removed=removed,
    )


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
