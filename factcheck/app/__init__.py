"""What each command does, for the CLI and for Python callers alike.

Each function takes plain values, opens and closes what it needs (the
database, the rules) and returns a result; a command that can fail a build
returns an `Outcome` that knows its exit code. Printing is the CLI's.

Each command imports what it needs when it runs, so `factcheck --help` and
`factcheck rules lint` start without SQLite, the report's tables or the
extractor: `factcheck.extract` is imported only by a command that extracts
(`default_extractor`).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import posixpath
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # records in annotations only: importing the app builds none
    from ..documents import Skipped
    from ..errors import Problem
    from ..model import Claim, Conflict, Document, Rule
    from ..report import Report
    from ..store import Store
    from .exporting import Exported
    from .running import Progress, RunResult

EXIT_CLEAN, EXIT_CONFLICTS, EXIT_BAD_INPUT = 0, 1, 2

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_CLEAN",
    "EXIT_CONFLICTS",
    "Linted",
    "Outcome",
    "RunRequest",
    "claims",
    "conflicts",
    "default_extractor",
    "extract_claims",
    "export",
    "extract_paths",
    "lint_rules",
    "load_baseline",
    "new_rule",
    "piped_input",
    "review",
    "rule_schema",
    "rule_templates",
    "run",
    "run_and_report",
    "show",
    "suggest",
    "test_rules",
    "write_baseline",
]


@dataclass(frozen=True)
class Outcome:
    """How a command ends: the exit code it gives the shell and, when it fails, why."""

    exit_code: int = EXIT_CLEAN
    error: str | None = None  # for standard error, after the command's output


def default_extractor() -> ModuleType:
    """The extractor module: anything with `EXTRACTOR_VERSION` and `extract_many()`.

    Imported on first use so that the stages after extraction (and their tests)
    work without loading quantulum3; tests pass a small stand-in instead.
    """
    return importlib.import_module("factcheck.extract")


# -- extracting and running -----------------------------------------------------------


def run(
    paths: list[str],
    rules_path: str | None,
    db_path: str,
    jobs: int = 1,
    progress: Progress | None = None,
    extractor: ModuleType | None = None,
    follow_links: bool = False,
    exclude=None,
    lock_timeout: float | None = None,
    facts: bool = True,
    reread: bool = False,
    suggest: bool = False,
    piped: Document | None = None,
) -> RunResult:
    """Check the articles under paths against the rules, storing everything in db_path.

    A document whose bytes and the extractor's version are unchanged since it
    was stored is not extracted again; a removed document's claims are
    dropped; a skipped document (unreadable, in an unlistable folder, or one
    the extractor failed on) keeps its earlier claims. Each rule selects from
    the claims of new documents only (a new or changed rule from all), and a
    fact whose rule and selected claims are unchanged keeps its stored
    findings (`factcheck.app.incremental`); the run's findings replace the
    previous run's only when it completes. One run at a time holds the
    database (`store.run_lock`). `facts`: whether to give each rule's
    statements for charts (`RunResult.facts`, the HTML report). `reread`: read
    and hash every file, even one whose stamp says it is unchanged.

    `rules_path` None: no rules, so check every built-in template and the facts
    suggested from the corpus, as warnings, one story folder at a time
    (`factcheck.rules.auto`); `suggest`: check the suggested facts beside the rules.

    `piped`: an article read from standard input (`piped_input`), a document of the
    run like a file of its name: stored under that name, it replaces the document
    stored under it, and a later run without it removes it as it removes a deleted file.
    """
    from . import running

    how = running.RunSettings(
        jobs, progress, follow_links, exclude, lock_timeout, facts, reread, suggest
    )
    return running.run(paths, rules_path, db_path, extractor or default_extractor(), how, piped)


def piped_input(
    paths: Sequence[str], stream, name: str | None = None
) -> tuple[list[str], Document | None]:
    """The paths without `-`, and the article on `stream` (standard input) when `-` is one
    of them, named `name` (default `stdin`): read, decoded and dated as a file is, before
    anything runs. InputError, naming '<stdin>', when it cannot be used (`read_piped`),
    for `-` given twice, or for a name without `-`."""
    from ..documents import STDIN, STDIN_NAME, read_piped
    from ..errors import InputError

    rest = [p for p in paths if p != STDIN]
    if len(paths) - len(rest) > 1:
        raise InputError("'-' (standard input) is given twice; it can be read once")
    if len(rest) == len(paths):
        if name is not None:
            raise InputError(
                "--stdin-name names the article on standard input: give '-' among the paths"
            )
        return rest, None
    return rest, read_piped(stream, STDIN_NAME if name is None else name)


def extract_paths(
    paths: list[str],
    jobs: int = 1,
    extractor: ModuleType | None = None,
    follow_links: bool = False,
    exclude=None,
    piped: Document | None = None,
) -> tuple[list[Claim], list[Skipped]]:
    """Every claim of every article under paths (and of `piped`, the article from standard
    input, in its name's place), in path then text order."""
    from . import running

    extractor = extractor or default_extractor()
    return running.extract_paths(paths, jobs, extractor, follow_links, exclude, piped)


@dataclass(frozen=True)
class Extracted:
    """The claims of `factcheck extract`, the files it skipped, and how it ends."""

    claims: list[Claim]
    skipped: list[Skipped]
    outcome: Outcome


def extract_claims(
    paths: list[str],
    jobs: int = 1,
    follow_links: bool = False,
    exclude=None,
    piped: Document | None = None,
) -> Extracted:
    """What `factcheck extract` lists; exit 2 when a file was skipped."""
    found, skipped = extract_paths(
        paths, jobs=jobs, follow_links=follow_links, exclude=exclude, piped=piped
    )
    return Extracted(found, skipped, Outcome(EXIT_BAD_INPUT) if skipped else Outcome())


@dataclass(frozen=True)
class RunRequest:
    """What `factcheck run` is asked to do: what to read, where to store, what to report."""

    paths: list[str]
    rules_path: str | None  # None: no rules (`find_rules`)
    db_path: str
    outputs: tuple[tuple[str, str | None], ...] = (("table", None),)  # (format, file or stdout)
    fail_on: str = "error"
    baseline: frozenset[str] | None = None  # finding ids of the baseline (`load_baseline`)
    baseline_path: str | None = None  # never overwritten by a report
    allow_skipped: bool = False
    jobs: int = 1
    follow_links: bool = False
    exclude: object = None
    reread: bool = False
    suggest: bool = False
    piped: Document | None = None  # the article from standard input (`piped_input`)


DEFAULT_RULES = "rules"


def find_rules(given: str | None) -> str | None:
    """The rules to run with: those given (by an option or the configuration, missing or
    not), else `rules` in the current folder when it exists, else None: no rules."""
    import os

    if given is not None:
        return given
    return DEFAULT_RULES if os.path.exists(DEFAULT_RULES) else None


@dataclass(frozen=True)
class Reported:
    """A run, its report, and how the command ends."""

    result: RunResult
    report: Report
    outcome: Outcome


SKIPPED_FAILS = "some files were skipped (see above); fix them or pass --allow-skipped"


def load_baseline(path: str | None) -> frozenset[str] | None:
    """The finding ids of a baseline file (None without one); InputError when unreadable."""
    from ..baseline import read_baseline

    return read_baseline(path) if path else None


def missing_baseline(path: str | None) -> str | None:
    """The warning for a baseline file that does not exist yet (a new repository's first
    run in CI), or None. Such a run goes on with an empty baseline: every finding counts,
    which is stricter, never laxer, than any baseline."""
    if not path or os.path.lexists(path):
        return None
    return (
        f"{path}: no baseline yet, so every finding counts; after this run, "
        "`factcheck baseline` writes it (commit it to keep the findings you accept)"
    )


def run_and_report(request: RunRequest, progress: Progress | None = None) -> Reported:
    """Run, and make the report: exit 2 for skipped files (unless allowed), 1 for failures."""
    from ..output import check_output
    from ..report import Report
    from .earlier import mark_earlier

    protected = {"database": request.db_path, "baseline file": request.baseline_path}
    inputs = [*request.paths, request.rules_path or ""]
    for _fmt, path in request.outputs:
        if path:
            check_output(path, protected, inputs)
    result = run(
        request.paths,
        request.rules_path,
        request.db_path,
        jobs=request.jobs,
        progress=progress,
        follow_links=request.follow_links,
        exclude=request.exclude,
        facts=any(fmt == "html" for fmt, _path in request.outputs),  # only HTML draws them
        reread=request.reread,
        suggest=request.suggest,
        piped=request.piped,
    )
    skipped = tuple((s.path, s.reason) for s in result.skipped)
    report = Report(
        conflicts=mark_earlier(result.conflicts, skipped),
        rules=result.rules,
        documents=len(result.documents),
        claims=result.claim_count,
        skipped=len(result.skipped),
        skipped_files=skipped,
        fail_on=request.fail_on,
        baseline=request.baseline,
        facts=result.facts,
        root=result.root,
        unwritten=result.unwritten.note() if result.unwritten else "",
    )
    if result.skipped and not request.allow_skipped:
        outcome = Outcome(EXIT_BAD_INPUT, SKIPPED_FAILS)
    elif report.failures:
        outcome = Outcome(EXIT_CONFLICTS)
    else:
        outcome = Outcome()
    return Reported(result, report, outcome)


# -- the results of the last run ----------------------------------------------------------


@contextlib.contextmanager
def _reading(db_path: str) -> Iterator[Store]:
    """The database, opened read-only for the length of a `with` block."""
    from ..store import Store

    store = Store(db_path, readonly=True)
    try:
        yield store
    finally:
        store.close()


def review(db_path: str, conflict: str, status: str, reason: str | None = None) -> str:
    """Record a reviewer's decision ("accepted" or "open") on a conflict; return its full id."""
    from ..store import Store
    from .checking import now

    store = Store(db_path, create=False)
    try:
        conflict_id = store.find_conflict(conflict)
        store.set_review(conflict_id, status, reason, now())
    finally:
        store.close()
    return conflict_id


def conflicts(db_path: str, status: str = "open") -> list[Conflict]:
    """The last run's conflicts of a status ("open", "accepted", "disputed" or "all")."""
    from .earlier import mark_earlier

    with _reading(db_path) as store:
        return mark_earlier(store.conflicts(status), store.last_skipped())


@dataclass(frozen=True)
class Shown:
    """One conflict, the row of its rule, and the rows of its documents, by path."""

    conflict: Conflict
    rule: dict | None
    documents: dict[str, dict | None]


def show(db_path: str, conflict_id: str) -> Shown:
    """One conflict of the last run, by its id or a unique prefix, with its rule and documents."""
    from .earlier import mark_earlier

    with _reading(db_path) as store:
        (conflict,) = mark_earlier([store.conflict(conflict_id)], store.last_skipped())
        rule = store.rule_rows().get(conflict.rule_id)
        sides = [c for c in (conflict.left, conflict.right) if c is not None]
        return Shown(conflict, rule, {c.doc: store.document_row(c.doc) for c in sides})


def claims(
    db_path: str,
    doc: str | None = None,
    rule: str | None = None,
    kind: str | None = None,
    unmatched: bool = False,
) -> list[Claim]:
    """Stored claims: of one document, selected by one rule, of one kind, or selected by none."""
    from ..errors import InputError

    with _reading(db_path) as store:
        if doc and doc not in {d["path"] for d in store.documents()}:
            raise InputError(
                f"{doc}: no such document in {db_path}; give its path as `factcheck claims` "
                "lists it (relative to the project)"
            )
        if rule and rule not in store.rule_rows():
            raise InputError(
                f"{rule}: no such rule in the last run; `factcheck conflicts` and the rule "
                "files name the rules"
            )
        return store.claims(docs=[doc] if doc else None, kind=kind, rule=rule, unmatched=unmatched)


@dataclass(frozen=True)
class Baselined:
    """The baseline file's text and how many conflicts it holds."""

    text: str
    count: int


def write_baseline(db_path: str, output: str) -> Baselined:
    """Write the last run's conflicts to a baseline file (`-`: write nothing, return the text)."""
    from ..baseline import baseline_json
    from ..output import check_output, write_atomic

    check_output(output, {"database": db_path})
    with _reading(db_path) as store:
        found = store.conflicts()
    text = baseline_json(found)
    if output != "-":
        write_atomic(output, text, "baseline")
    return Baselined(text, len(found))


def export(db_path: str, folder: str, fmt: str = "parquet", force: bool = False) -> Exported:
    """Write the stored documents, claims, findings and rules as a dataset in folder
    (`factcheck.app.exporting`); returns what was written (`Exported`)."""
    from .exporting import export as write

    return write(db_path, folder, fmt, force)


# -- rule files --------------------------------------------------------------------------


@dataclass(frozen=True)
class Linted:
    """The rules of a file or folder, and the warnings about them (W001...)."""

    rules: list[Rule]
    warnings: list[Problem]


def lint_rules(
    path: str, corpus: Sequence[str] = (), follow_links: bool = False, exclude=None
) -> Linted:
    """The rules of a file or folder; RuleError with every problem when one is invalid.

    With a corpus (article files and folders, read as `run` reads them), also a
    warning for each `include` pattern of the rules' paths that matches none of its
    documents, named as a run names them: by their paths from the project root.
    """
    from ..rules import load_rules

    rules = load_rules(path)
    if not corpus:
        return Linted(rules, [])
    from ..documents import project_path, project_root, scan
    from ..rules.corpus import corpus_warnings

    root = project_root(path)
    names = [project_path(f, root) for f in scan(list(corpus), follow_links, exclude).files]
    return Linted(rules, corpus_warnings(path, rules, names, root))


@dataclass(frozen=True)
class RulesTested:
    """What running the rules' examples gave, and how the command ends."""

    result: object  # rules.examples.ExampleResult: its failures and a summary line
    outcome: Outcome


def test_rules(path: str) -> RulesTested:
    """Run every rule's examples: exit 1 when one fails."""
    from ..rules import examples, load_rules

    result = examples.run_examples(load_rules(path))
    return RulesTested(result, Outcome(EXIT_CONFLICTS) if result.failures else Outcome())


def new_rule(folder: str, rule_id: str) -> str:
    """Write a commented skeleton rule file, FOLDER/ID.yaml; return its path."""
    from ..rules import examples

    return examples.new_rule_file(folder, rule_id)


def rule_schema() -> str:
    """The JSON Schema of rule files, as text."""
    from ..rules.editor_schema import json_schema_text

    return json_schema_text()


def rule_templates(name: str | None = None, fmt: str = "table") -> str:
    """The built-in fact templates as a table (or one template's line), or one template's
    YAML to copy (`fmt="yaml"`); FactcheckError for an unknown name or YAML of no name."""
    from ..errors import FactcheckError
    from ..rules import library

    if name is None and fmt == "yaml":
        raise FactcheckError(
            "name the template to print: factcheck rules templates NAME --format yaml"
        )
    found = library.template(name) if name is not None else None
    if name is not None and found is None:
        raise FactcheckError(f"no template is called '{name}': {library.near(name)}")
    if found is not None and fmt == "yaml":
        return found.text
    return library.table(only=name)


# -- suggested facts -----------------------------------------------------------------------


@dataclass(frozen=True)
class Suggested:
    """The facts `factcheck suggest` proposes, those a rule already covers, and the skipped."""

    facts: list  # rules.suggest.SuggestedFact, ranked
    covered: dict[str, str]  # fact id -> the id of the rule that covers it (left out)
    skipped: list[Skipped]
    outcome: Outcome


def _project_named(rules_path: str):
    """claim -> the claim with its document named from the project root, as a run names it,
    for rules with `paths:` (whose patterns are written from the project root)."""
    from ..documents import project_path, project_root

    root = project_root(rules_path)
    return lambda c: replace(c, doc=project_path(c.doc, root))


def suggest(
    paths: list[str],
    rules_path: str | None = None,
    min_sources: int = 2,
    jobs: int = 1,
    follow_links: bool = False,
    exclude=None,
    extractor: ModuleType | None = None,
    piped: Document | None = None,
) -> Suggested:
    """Facts two or more (min_sources) documents under paths report, that no rule covers.

    One story folder at a time, as a run with no rules checks them (`rules.auto.stories`):
    only one folder's articles and claims are held at once, and a fact groups figures of
    one folder only. With two or more folders each fact's id is its folder's prefix, a dot
    and its own (`storm.deaths`). Facts are ranked by how many documents report them.
    `piped`: an article from standard input (`piped_input`), in the folder of its name.
    """
    from ..rules import load_rules
    from ..rules.auto import stories
    from ..rules.suggest import covered
    from . import running

    rules = load_rules(rules_path) if rules_path else []
    extractor = extractor or default_extractor()
    folders, skipped = running.article_folders(paths, follow_links, exclude)
    names = [f for files in folders.values() for f in files]
    if piped is not None:
        running.not_a_file_too(piped.path, names)
        names.append(piped.path)
    facts, left_out = [], {}
    scoped = _project_named(rules_path) if any(r.paths for r in rules) else lambda c: c
    for story in stories(names):
        mine = piped if piped and posixpath.dirname(piped.path) == story.folder else None
        files = folders.get(story.folder, [])
        claims, bad = running.extract_files(files, jobs, extractor, mine)
        skipped += bad
        for fact in _story_facts(story, claims, min_sources):
            rule = covered(replace(fact, claims=tuple(map(scoped, fact.claims))), rules)
            if rule is None:
                facts.append(fact)
            else:
                left_out[fact.id] = rule
    facts.sort(key=lambda f: -len(f.documents))  # stable: each folder's own ranking kept
    skipped.sort(key=lambda s: s.path)
    return Suggested(facts, left_out, skipped, Outcome(EXIT_BAD_INPUT) if skipped else Outcome())


def _story_facts(story, claims: list[Claim], min_sources: int) -> list:
    """The facts one story folder's claims report, named for the story when it has a prefix."""
    from ..rules.suggest import suggest

    facts = suggest(claims, min_sources)
    if not story.prefix:
        return facts
    where = f" ({posixpath.basename(story.folder) or 'top folder'})"
    return [replace(f, id=f"{story.prefix}.{f.id}", title=f.title + where) for f in facts]
