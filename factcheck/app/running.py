"""The run: read documents, extract the new and changed ones, store them, check the rules.

A run streams: articles are read a window at a time, extracted in chunks by
one process pool for the whole run (`--jobs`) while this process stores the
chunks before, and checked one fact at a time from the database, so memory
follows the largest fact rather than the corpus. It is incremental: a
document whose bytes and the extractor's version are unchanged is not
extracted again, and a fact whose rule and selected claims are unchanged
keeps its stored findings (`factcheck.app.checking`, docs/scale.md). All a
run writes is one transaction, committed at its end: readers, and a run
killed half-way, see the previous run whole (docs/robustness.md).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from types import ModuleType

from ..documents import (
    STDIN,
    Scan,
    Skipped,
    file_stamp,
    here_root,
    project_path,
    project_root,
    read_files,
    scan,
)
from ..errors import InputError
from ..model import Claim, Conflict, Document, Fact, Rule
from ..rules import load_rules
from ..rules.paths import outside_root_note
from ..store import Store, run_lock
from .checking import RunInfo, check, now
from .extraction import ahead, extract_guarded, extraction, guarded
from .pausing import step

Progress = Callable[[int, int], None]

WINDOW = 512  # files read (and hashed) at a time while looking for changed documents
CHUNK = 32  # documents extracted in one go by one worker, and stored together


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
    others: list[str] = field(default_factory=list)  # files walked that are no articles
    facts: list[Fact] = field(default_factory=list)  # each rule's statements, for charts
    root: str = ""  # the project folder that document paths are relative to
    rechecked: list[str] = field(default_factory=list)  # rules whose findings were computed
    unwritten: Unwritten | None = None  # the facts nobody wrote a rule for, when checked


@dataclass(frozen=True)
class Unwritten:
    """The facts a run checked that no rules file holds: templates and suggestions."""

    rules_found: bool  # False: no rules, so every built-in template was checked
    templates: int = 0  # template facts that compared figures of two or more documents
    suggestions: int = 0  # suggested facts checked

    def note(self) -> str:
        """What the summary says of them."""
        facts = f"{_facts(self.suggestions, 'suggested')}"
        if self.rules_found:
            return f"also checked {facts}"
        return f"no rules found: checked {_facts(self.templates, 'template')} and {facts}"


def _facts(n: int, what: str) -> str:
    return f"{n} {what} fact{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class RunSettings:
    """How to run, beyond what to read and where to store it (see `factcheck.app.run`)."""

    jobs: int = 1
    progress: Progress | None = None
    follow_links: bool = False
    exclude: object = None
    lock_timeout: float | None = None
    facts: bool = True
    reread: bool = False
    suggest: bool = False  # with rules: also check the facts suggested from the corpus


def extract_paths(
    paths: list[str],
    jobs: int,
    extractor: ModuleType,
    follow_links: bool,
    exclude,
    piped: Document | None = None,
) -> tuple[list[Claim], list[Skipped]]:
    """Every claim of every article under paths (and of `piped`, the article read from
    standard input, in its name's place), in path then text order."""
    found = scan(paths, follow_links=follow_links, exclude=exclude)
    if piped is not None:
        not_a_file_too(piped.path, found.files)
    if jobs > 1:
        pairs, failed = _read_and_extract(found.files, jobs, extractor)
    else:
        documents, unread = read_files(found.files)
        pairs, failed = extract_guarded(documents, jobs, extractor)
        failed = unread + failed
    if piped is not None:
        done, bad = extract_guarded([piped], 1, extractor)
        pairs = sorted(pairs + done, key=lambda pair: pair[0].path)  # stable: files in order
        failed += bad
    skipped = sorted(found.skipped + failed, key=lambda s: s.path)
    return [c for _doc, claims in pairs for c in claims], skipped


def not_a_file_too(name: str, names: list[str]) -> None:
    """InputError when the article on standard input is given the name of a file read too:
    two documents cannot share a name."""
    if name in names:
        raise InputError(
            f"--stdin-name '{name}': a file of that name is read in this run too; give the "
            "article on standard input another name"
        )


def _read_and_extract(files: list[str], jobs: int, extractor: ModuleType):
    """(document, claims) pairs of files in order, and the skipped files: read a chunk at a
    time while the workers extract the chunks before, so reading (dates, hashes) is not a
    step the workers wait for; each chunk guarded like `extract_guarded`'s batch."""
    pairs: list = []
    skipped: list[Skipped] = []
    size = max(1, min(64, len(files) // (jobs * 4) or 1))  # as extract_many shares out

    def chunks():
        for i in range(0, len(files), size):
            documents, unread = read_files(files[i : i + size])
            skipped.extend(unread)
            if documents:
                yield documents

    with extraction(extractor, jobs) as (submit, more):
        for docs, future in ahead(submit, chunks(), more):
            done, bad = guarded(docs, future, extractor)
            pairs.extend(done)
            skipped.extend(bad)
    return pairs, skipped


def article_folders(paths: list[str], follow_links: bool, exclude) -> tuple[dict, list[Skipped]]:
    """The article files under paths by the folder directly holding them (sorted), and the
    entries the walk skipped."""
    found = scan(paths, follow_links=follow_links, exclude=exclude)
    folders: dict[str, list[str]] = {}
    for f in found.files:
        folders.setdefault(posixpath.dirname(f.replace(os.sep, "/")), []).append(f)
    return dict(sorted(folders.items())), found.skipped


def extract_files(
    files: list[str], jobs: int, extractor: ModuleType, piped: Document | None = None
) -> tuple[list[Claim], list[Skipped]]:
    """Every claim of these article files (and of `piped`, the article from standard input,
    in its name's place), in file then text order, and the skipped files."""
    documents, skipped = read_files(files)
    if piped is not None:
        documents = sorted([*documents, piped], key=lambda d: d.path)
    pairs, failed = extract_guarded(documents, jobs, extractor)
    return [c for _doc, claims in pairs for c in claims], skipped + failed


def run(
    paths: list[str],
    rules_path: str | None,
    db_path: str,
    extractor: ModuleType,
    how: RunSettings,
    piped: Document | None = None,
) -> RunResult:
    """Check the articles under paths against the rules, storing everything in db_path.

    With no rules (`rules_path` None), check the built-in templates and the facts
    suggested from the corpus instead (`factcheck.rules.auto`); with `how.suggest`,
    the suggested facts beside the rules. `piped`: the article read from standard
    input, one document of the run like a file's, named from the project root as a
    file of its name would be.
    """
    written = load_rules(rules_path) if rules_path else []  # a broken rule stops the run first
    found = scan(paths, follow_links=how.follow_links, exclude=how.exclude)  # raises if missing
    if not found.files and not found.skipped and piped is None:
        raise InputError(f"no .txt or .md articles under {', '.join(paths)}")
    started = now()
    root = project_root(rules_path) if rules_path else here_root()
    found = _named_scan(found, root)
    if piped is not None:
        piped, paths = _named_piped(piped, found, root), [*paths, STDIN]
    with run_lock(db_path, how.lock_timeout):
        store = Store(db_path)
        try:
            # one transaction: readers see the last run whole, a kill leaves it as it was
            with store.transaction():
                updated, skipped = _update_documents(store, found, extractor, root, how, piped)
                names = [d.path for d in updated.documents]
                rules, notes = _unwritten_facts(
                    store, written, names, rules_path is None, how.suggest
                )
                info = RunInfo(paths, started, extractor.EXTRACTOR_VERSION, how.facts, db_path)
                checked = check(store, rules, info, len(updated.documents), skipped)
                unwritten = _unwritten(store, rules, rules_path is None, how.suggest)
        finally:
            store.close()
    documents = updated.documents
    note = outside_root_note(written, [d.path for d in documents], root)
    return RunResult(
        documents=documents,
        skipped=skipped,
        claims=checked.claims,
        claim_count=checked.claim_count,
        notes=found.notes + notes + ([note] if note else []),
        rules=rules,
        conflicts=checked.conflicts,
        extracted=updated.extracted,
        reused=len(documents) - updated.extracted,
        run_id=checked.run_id,
        removed=updated.removed,
        others=found.others,
        facts=checked.facts,
        root=root,
        rechecked=checked.rechecked,
        unwritten=unwritten,
    )


def _named_piped(piped: Document, found, root: str) -> Document:
    """The article read from standard input, named from the project root as a file of
    its name would be; refused when a file of the run has that name."""
    piped = replace(piped, path=project_path(piped.path, root))
    not_a_file_too(piped.path, [project_path(f, root) for f in found.files])
    return piped


def _unwritten_facts(
    store: Store, written: list[Rule], names: list[str], no_rules: bool, suggest: bool
) -> tuple[list[Rule], list[str]]:
    """The rules to check: the written ones; with none, every template for each story;
    and with none or `suggest`, each story's suggested facts no rule covers."""
    if not (no_rules or suggest):
        return written, []
    from ..rules import auto

    rules, notes = list(written), []
    for story in auto.stories(names):
        mine = auto.template_rules(story) if no_rules else []
        claims = store.folder_claims(story.folder, auto.SUGGESTED_KINDS, "value")
        found = auto.suggested_rules(story, claims, written + mine)
        taken = {r.id for r in rules} | {r.id for r in mine}
        renamed = [r if r.id not in taken else _renamed(r, taken, auto) for r in found.rules]
        rules += mine + renamed
        notes += found.notes
    return sorted(rules, key=lambda r: r.id), notes


def _renamed(rule: Rule, taken: set[str], auto) -> Rule:
    """A suggested fact whose id a rule has: its id with '-suggested' (and a number)."""
    new = auto.unique_id(f"{rule.id}-suggested", taken)
    paste = rule.paste.replace(f"id: {rule.id}\n", f"id: {new}\n", 1)
    return replace(rule, id=new, paste=paste)


def _unwritten(store: Store, rules: list[Rule], no_rules: bool, suggest: bool) -> Unwritten | None:
    """How many template and suggested facts the run compared, when it checked any."""
    if not (no_rules or suggest):
        return None
    documents = store.match_documents()
    templates = sum(1 for r in rules if r.origin == "template" and documents.get(r.id, 0) > 1)
    suggestions = sum(1 for r in rules if r.origin == "suggestion")
    return Unwritten(not no_rules, templates, suggestions)


def _update_documents(
    store: Store, found: Scan, extractor, root: str, how: RunSettings, piped: Document | None
):
    """Read the files, extract the new and changed ones, store them, drop removed ones.

    Files are read a window at a time and kept without their text; the ones
    to extract are read again, a chunk at a time, as the extraction reaches
    them, so no more than a few chunks of text are held at once.
    """
    version = extractor.EXTRACTOR_VERSION
    states = store.document_states()
    # a title and date found by another version of the reader are found again
    current = {n: st for n, st in states.items() if st.extractor_version == version}
    documents, skipped, todo = _survey(found.files, root, states, version, store, how.reread)
    if piped is not None:  # extracted unless stored with these bytes by this extractor
        state = states.get(piped.path)
        if state is None or (state.sha256, state.extractor_version) != (piped.sha256, version):
            todo.append(piped)
        documents.append(replace(piped, text=""))
    jobs, progress = how.jobs, how.progress
    if progress:
        progress(0, len(todo))
    failed: list[Skipped] = []
    read: dict[str, Document] = {}  # the documents first read for their extraction
    done = 0
    with extraction(extractor, jobs) as (submit, more):
        # a few documents are shared out evenly; many go in chunks of CHUNK
        size = max(1, min(CHUNK, -(-len(todo) // max(1, jobs))))
        # the title and date the survey found are reused when the bytes are the same
        surveyed = {**current, **{d.path: d for d in documents if d.sha256}}
        chunks = _chunks(todo, root, surveyed, failed, size)
        for docs, future in ahead(submit, chunks, more):
            pairs, bad = guarded(docs, future, extractor)
            store.save_documents(pairs, version)
            read.update((d.path, replace(d, text="")) for d, _claims in pairs)
            step("documents-stored")
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
    step("documents-removed")
    failed_paths = {s.path for s in failed}
    documents = [d for d in _with_read(documents, read) if d.path not in failed_paths]
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
    # the title and date found by another version of the reader are found again
    current = {n: st for n, st in states.items() if st.extractor_version == version}
    for i in range(0, len(files), WINDOW):
        names = {f: project_path(f, root) for f in files[i : i + WINDOW]}
        known = {} if reread else _stamped(names, current)
        # a file this extractor never stored is extracted whatever its bytes: it is read
        # once, a chunk at a time as the extraction reaches it, not here as well
        window = [f for f in names if f not in known and names[f] in current]
        docs, bad = _read_named(window, root, current, {f: names[f] for f in window})
        skipped.extend(bad)
        read = {d.path: d for d in docs}
        restamped = []
        for f, name in names.items():  # in the listing's order, stamped or read alike
            if name not in current:
                todo.append(f)
                documents.append(_unread(name))
                continue
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


def _unread(name: str) -> Document:
    """The place in the run's documents of a file to be read when it is extracted."""
    return Document(name, "", "")


def _with_read(documents: list[Document], read: dict[str, Document]) -> list[Document]:
    """The run's documents with each one read only for its extraction in its place."""
    return [read.get(d.path, d) if not d.sha256 else d for d in documents]


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


def _chunks(todo: list, root: str, states: dict, failed: list[Skipped], size: int):
    """The documents to extract, read again a chunk at a time; a file that can no
    longer be read (removed or changed since) joins `failed`. `todo` holds file paths
    and the article from standard input, a Document read already."""
    for i in range(0, len(todo), size):
        batch = todo[i : i + size]
        docs, bad = _read_named([f for f in batch if isinstance(f, str)], root, states)
        docs += [d for d in batch if isinstance(d, Document)]
        failed.extend(bad)
        if docs:
            yield docs


@dataclass
class _Updated:
    documents: list[Document]
    extracted: int
    removed: list[str]


def _named_scan(found: Scan, root: str) -> Scan:
    """The scan with its skipped entries named relative to the project root, like documents."""
    return Scan(
        found.files,  # read from disk as found; named after reading
        [replace(s, path=project_path(s.path, root)) for s in found.skipped],
        [project_path(f, root) for f in found.skipped_folders],
        found.notes,
        [project_path(f, root) for f in found.others],
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
