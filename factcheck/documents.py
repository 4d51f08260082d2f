"""Read articles from disk: find them, decode them, and find their title and date.

A document that cannot be used (binary, empty, undecodable, unreadable) is not
an exception that stops the run: `read_corpus` returns it as a `Skipped` with a
message naming the file and the place, and the run goes on with the rest.
"""

from __future__ import annotations

import codecs
import difflib
import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, field

from .config import find_config
from .errors import InputError
from .extract.datelines import iso_day, publication_date
from .files import inside, read_regular, read_stream
from .model import Document
from .safe_text import printable

EXTENSIONS = (".txt", ".md")
META_SUFFIX = ".meta.json"
HEADER_LINES = 12  # a dateline sits in the first lines of an article, not in its body
# ... and in its first characters: a header of long lines (paragraphs on one line each)
# must not make the dateline search read half of a megabyte article
HEADER_CHARS = 4000
MAX_BYTES = 200 * 1024 * 1024
# A file whose times are this close to the moment it is read may change again within
# the same timestamp tick (a second or two on some file systems) without its times
# changing: it gets no stamp, and is read and hashed again on the next run.
RACY_NS = 3_000_000_000
MAX_META_BYTES = 1024 * 1024

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATELINE_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(
        _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
    re.compile(
        r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
]


@dataclass(frozen=True)
class Skipped:
    """A file that was not read, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Scan:
    """What a walk of the corpus found: article files, and entries that cannot be read.

    `skipped_folders` are folders that could not be listed: the documents
    stored from them earlier are kept, not treated as removed.
    """

    files: list[str]
    skipped: list[Skipped]
    skipped_folders: list[str]
    # what a user should hear of: a sidecar no article has ("story.meta.json" beside
    # "story.txt", which wants "story.txt.meta.json")
    notes: list[str] = field(default_factory=list)
    # files in the folders walked that are not articles (not .txt or .md), for -v
    others: list[str] = field(default_factory=list)


def find_paths(paths: list[str]) -> list[str]:
    """Every .txt/.md file under the given files and folders, sorted, each once."""
    return scan(paths).files


def scan(paths: list[str], follow_links: bool = False, exclude=None) -> Scan:
    """Every .txt/.md file under the given files and folders, sorted, each once.

    Only regular files are read (a FIFO or a device named x.txt is skipped).
    A symbolic link whose target is outside the folder given is skipped
    unless follow_links; a symlinked folder inside it is walked once, so a
    loop is not followed again. `exclude(path) -> bool` drops paths quietly.
    An unlistable folder and a file name that is not UTF-8 are skipped.
    """
    found: set[str] = set()
    skipped: dict[str, Skipped] = {}
    folders: set[str] = set()
    notes: list[str] = []
    others: list[str] = []
    for given in paths:
        if not os.path.exists(given):
            if os.path.islink(given):
                raise InputError(f"{given}: broken symbolic link")
            raise InputError(f"{given}: no such file or folder")
        if not os.path.isdir(given):
            _add_file(given, None, found, skipped, follow_links)
            continue
        _walk(given, found, skipped, folders, follow_links, exclude, notes, others)
    files = sorted(f for f in found if not (exclude and exclude(f)))
    others = sorted(f for f in others if not (exclude and exclude(f)))
    return Scan(
        files, [skipped[k] for k in sorted(skipped)], sorted(folders), sorted(notes), others
    )


def _orphan_sidecar(root: str, name: str, files: list[str], notes: list[str]) -> None:
    """A note for a sidecar whose article is not in its folder: "story.meta.json" beside
    "story.txt" is read by no one (the article's sidecar is "story.txt.meta.json")."""
    article = name[: -len(META_SUFFIX)]
    if article in files:
        return
    stem = os.path.join(root, name)
    near = [f for f in files if f.lower().endswith(EXTENSIONS) and f.rsplit(".", 1)[0] == article]
    hint = f"; name it {near[0]}{META_SUFFIX} to give {near[0]} its date and title" if near else ""
    notes.append(f"{_shown(_norm(stem))}: no article {article} beside it, so it is not read{hint}")


META_KEYS = ("published", "title")


def _misspelt_key(meta_path: str, meta: dict) -> None:
    """InputError for a key that looks like a misspelt one factcheck reads ("publised":
    the date would silently come from the text); other keys (a scraper's url, author)
    are the user's own and left alone."""
    for key in sorted(k for k in meta if k not in META_KEYS):
        near = difflib.get_close_matches(str(key).lower(), META_KEYS, n=1, cutoff=0.75)
        if near and near[0] not in meta:
            raise InputError(
                f"{meta_path}: unknown key '{printable(str(key)[:40])}' (did you mean "
                f"'{near[0]}'?); factcheck reads {' and '.join(META_KEYS)}"
            )


def _walk(given, found, skipped, folders, follow_links, exclude, notes, others) -> None:
    top = os.path.realpath(given)
    seen_dirs: set[str] = set()

    def unlistable(error: OSError) -> None:
        folder = _norm(error.filename or given)
        reason = "permission denied" if isinstance(error, PermissionError) else error.strerror
        skipped[folder] = Skipped(folder, f"{_shown(folder)}/: cannot list the folder ({reason})")
        folders.add(folder)

    for root, dirs, files in os.walk(given, onerror=unlistable, followlinks=True):
        real = os.path.realpath(root)
        if real in seen_dirs:
            dirs[:] = []
            continue
        seen_dirs.add(real)
        kept = []
        for d in sorted(d for d in dirs if not d.startswith(".")):
            path = _norm(os.path.join(root, d))
            if exclude and exclude(path + "/"):
                continue
            if not follow_links and not inside(os.path.realpath(path), top):
                skipped[path] = Skipped(path, _outside_message(path))
                continue
            kept.append(d)
        dirs[:] = kept
        for name in files:
            if name.lower().endswith(EXTENSIONS) and not name.startswith("."):
                _add_file(os.path.join(root, name), top, found, skipped, follow_links, real)
            elif name.endswith(META_SUFFIX) and not name.startswith("."):
                _orphan_sidecar(root, name, files, notes)
            elif not name.startswith("."):
                others.append(_norm(os.path.join(root, name)))


def _add_file(path, top, found, skipped, follow_links, real_folder: str | None = None) -> None:
    """real_folder: the resolved folder the file was listed in (resolved once per folder:
    a file that is no link resolves to it plus its name)."""
    path = _norm(path)
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        skipped[_shown(path)] = Skipped(
            _shown(path), f"{_shown(path)}: the file name is not valid UTF-8; rename the file"
        )
        return
    if top is not None and not follow_links and not inside(_real(path, real_folder), top):
        skipped[path] = Skipped(path, _outside_message(path))
        return
    found.add(path)


def _real(path: str, real_folder: str | None) -> str:
    if real_folder is None or os.path.islink(path):
        return os.path.realpath(path)
    return os.path.join(real_folder, os.path.basename(path))


def _outside_message(path: str) -> str:
    target = _shown(os.path.realpath(path))
    return (
        f"{_shown(path)}: symbolic link to {target}, outside the corpus folder; not followed"
        " (pass --follow-links to read it)"
    )


def _shown(path: str) -> str:
    """A path fit for a message: undecodable bytes as \\xNN, control characters escaped."""
    return printable(os.fsencode(path).decode("utf-8", "backslashreplace"))


def project_root(rules_path: str) -> str:
    """The project's folder, absolute: what report paths and finding ids are relative to.

    It is the folder of the nearest `factcheck.toml` (or `pyproject.toml` with
    `[tool.factcheck]`) at or above the rules, found as `config.find_config`
    finds it; without one, the folder holding the rules folder (the rules
    file's folder). So however the corpus path is typed, and from whatever
    folder, a document gets one name.
    """
    rules = os.path.abspath(rules_path)
    folder = rules if os.path.isdir(rules) else os.path.dirname(rules)
    config = find_config(folder)
    return os.path.dirname(config) if config else os.path.dirname(folder)


def here_root() -> str:
    """The project's folder for a run with no rules: that of the nearest `factcheck.toml`
    (or `pyproject.toml` with `[tool.factcheck]`) at or above the current folder, else the
    current folder."""
    here = os.path.abspath(os.curdir)
    config = find_config(here)
    return os.path.dirname(config) if config else here


def project_path(path: str, root: str) -> str:
    """A file's name relative to the project root, '/'-separated; absolute when outside it."""
    full = os.path.abspath(path)
    rel = (
        os.path.relpath(full, root)
        if os.path.splitdrive(full)[0] == os.path.splitdrive(root)[0]
        else full
    )
    if rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        return _norm(full)
    return _norm(rel)


def _norm(path: str) -> str:
    path = os.path.normpath(path).replace(os.sep, "/")
    return path


def decode(raw: bytes, path: str) -> tuple[str, str]:
    """Decode a document's bytes; raise InputError naming the place of bad bytes."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        # before UTF-16: the UTF-32 little-endian mark starts with UTF-16's
        try:
            return raw.decode("utf-32"), "utf-32"
        except UnicodeDecodeError as e:
            raise InputError(f"{path}: invalid UTF-32 at byte {e.start}") from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise InputError(f"{path}: invalid UTF-16 at byte {e.start}") from None
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: binary file (contains NUL bytes), not an article")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        raise InputError(
            f"{path}:{line}:{col}: invalid UTF-8 byte 0x{raw[e.start]:02x} at byte offset {e.start}"
            " (convert the file to UTF-8, e.g. `iconv -f latin1 -t utf-8`)"
        ) from None


def read_document(path: str, known: tuple[str, str | None, str | None] | None = None) -> Document:
    """Read one article; raise InputError when it cannot be used.

    `sha256` covers the article's bytes and its metadata file's, so a document
    is unchanged only when both are. `known` is (sha256, title, published) from
    an earlier read: when the hash still matches, title and date are reused
    rather than looked for again.
    """
    stamp = file_stamp(path)  # before reading: a change during the read shows next time
    raw = _read_bytes(path)
    meta_raw = _read_meta_bytes(path)
    digest = hashlib.sha256(raw)
    if meta_raw is not None:
        digest.update(b"\x00" + META_SUFFIX.encode() + b"\x00" + meta_raw)
    sha = digest.hexdigest()
    text, encoding = decode(raw, path)
    if not text.replace("\ufeff", "").strip():  # a byte-order mark alone is empty too
        raise InputError(f"{path}: empty file")
    if known is not None and known[0] == sha:
        title, published = known[1], known[2]
    else:
        meta = parse_metadata(path + META_SUFFIX, meta_raw) if meta_raw is not None else {}
        title = meta.get("title") or find_title(text)
        published = meta.get("published") or find_published(text)
    return Document(
        path=path,
        text=text,
        sha256=sha,
        title=title,
        published=published,
        encoding=encoding,
        stamp=stamp,
    )


STDIN = "-"  # the article path that stands for standard input
STDIN_SHOWN = "<stdin>"  # what messages about its bytes call it
STDIN_NAME = "stdin"  # the name it is stored and reported under, unless given one


def read_piped(stream, name: str = STDIN_NAME) -> Document:
    """The article on an open binary stream (standard input), named `name` (`stdin_name`):
    decoded, dated and titled as a file is, with no sidecar and no stamp. InputError
    naming '<stdin>' (and the line and column of a bad byte) when it cannot be used:
    undecodable, binary, empty (the command before the pipe may have failed) or over
    MAX_BYTES."""
    name = stdin_name(name)
    raw = read_stream(stream, MAX_BYTES, STDIN_SHOWN)
    text, encoding = decode(raw, STDIN_SHOWN)
    if not text.replace("\ufeff", "").strip():
        raise InputError(
            f"{STDIN_SHOWN}: empty input, no article to read (did the command before the "
            "pipe fail?)"
        )
    return Document(
        path=name,
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=find_title(text),
        published=find_published(text),
        encoding=encoding,
    )


def stdin_name(name: str) -> str:
    """The name given to the article on standard input, '/'-separated and normalized as a
    file's path is; InputError for one no file could have (empty, a folder, '..', control
    characters, not UTF-8)."""
    bad = None
    norm = _norm(name) if name.strip() else ""
    if not norm:
        bad = "is empty"
    elif printable(name) != name or "\\" in name or _SURROGATE_RE.search(name):
        bad = "holds a control character, a backslash or a byte that is not UTF-8"
    elif norm in (".", "..") or norm.endswith("/..") or name.endswith(("/", os.sep)):
        bad = "names a folder"
    elif os.path.isdir(name):
        bad = "names an existing folder"
    if bad:
        raise InputError(
            f"--stdin-name '{printable(name)}' {bad}; give the article a file's name, such "
            "as news/draft.txt"
        )
    return norm


def file_stamp(path: str) -> str | None:
    """The size, modification and change times, inode and mode of an article and of its
    metadata file, as one string; None when either cannot be looked at or changed
    within RACY_NS of now.

    As git's index does: a later run that finds the same stamp takes the file's
    bytes as unchanged without reading them. The change time (ctime) cannot be
    set back, so a tool that restores a file's modification time after changing
    it (`touch -r`, `rsync -t`) still changes the stamp.
    """
    now = time.time_ns()
    parts = []
    for p in (path, path + META_SUFFIX):
        try:
            st = os.stat(p)
        except FileNotFoundError:
            if p == path or os.path.lexists(p):  # no article, or a dangling metadata link
                return None
            parts.append("-")
            continue
        except (OSError, ValueError):
            return None
        if max(st.st_mtime_ns, st.st_ctime_ns) > now - RACY_NS:
            return None
        parts.append(f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_mode:o}")
    return " ".join(parts)


def _read_bytes(path: str, limit: int = MAX_BYTES, what: str = "") -> bytes:
    """At most `limit` bytes of a regular file; InputError for anything else."""
    return read_regular(path, limit, what, _shown(path))


def _read_meta_bytes(path: str) -> bytes | None:
    meta_path = path + META_SUFFIX
    if not os.path.lexists(meta_path):
        return None
    if os.path.islink(meta_path):
        # a sidecar goes where its article is: a link out of that folder is not followed
        home = os.path.dirname(os.path.realpath(path))
        if not inside(os.path.dirname(os.path.realpath(meta_path)), home):
            raise InputError(
                f"{_shown(meta_path)}: cannot read metadata: a link to "
                f"{_shown(os.path.realpath(meta_path))}, outside the article's folder; "
                "not followed (copy the file beside its article)"
            )
    return _read_bytes(meta_path, MAX_META_BYTES, "cannot read metadata: ")


def parse_metadata(meta_path: str, raw: bytes) -> dict:
    """A metadata file's content, with `published` as YYYY-MM-DD (or YYYY-MM-DDTHH:MM when
    it gives a time of day); InputError naming the file."""
    try:
        meta = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{meta_path}: cannot read metadata: {e}") from None
    except RecursionError:
        raise InputError(f"{meta_path}: cannot read metadata: JSON nested too deep") from None
    except ValueError:  # Python refuses to convert an integer of over 4,300 digits
        raise InputError(
            f"{meta_path}: cannot read metadata: a number with too many digits"
        ) from None
    if not isinstance(meta, dict):
        raise InputError(f"{meta_path}: metadata must be a JSON object")
    _misspelt_key(meta_path, meta)
    title = meta.get("title")
    for key in ("title", "published"):
        if isinstance(meta.get(key), str) and _SURROGATE_RE.search(meta[key]):
            raise InputError(
                f"{meta_path}: '{key}' is not valid Unicode text (it holds a lone surrogate "
                "escape such as \\udc80, which stands for no character)"
            )
    if title is not None and not isinstance(title, str):
        raise InputError(
            f"{meta_path}: 'title' must be a string, not {type(title).__name__}"
            ' (write "title": "Iraqi militias demand U.S. withdrawal")'
        )
    published = meta.get("published")
    if published is not None:
        iso = parse_date(published) if isinstance(published, str) else None
        # a time of day makes same-day updates successive ("2008-05-13T19:00")
        at = _TIME_OF_DAY_RE.fullmatch(published.strip()) if iso else None
        if iso is None:
            raise InputError(
                f"{meta_path}: 'published' is {str(published)[:40]!r}; write a date as "
                "YYYY-MM-DD or YYYY-MM-DDTHH:MM"
            )
        meta["published"] = f"{iso}T{at.group(1)}" if at else iso
    return meta


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_TIME_OF_DAY_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ](\d{2}:\d{2})(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?"
)


def parse_date(text: str) -> str | None:
    """The first full date (day, month and year) in text as YYYY-MM-DD, or None."""
    best = None
    for pattern in _DATELINE_PATTERNS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None
    g = best.groupdict()
    month = int(g["mnum"]) if g.get("mnum") else MONTHS[g["month"].lower()]
    return iso_day(int(g["year"]), month, int(g["day"]))


def find_published(text: str) -> str | None:
    """The publication date from the stamp, dateline or date line of the article's first
    lines (at most HEADER_CHARS characters: the rest of the text is never split or
    searched), never from a caption or a sentence of the story (`datelines`)."""
    head = "\n".join(text[:HEADER_CHARS].splitlines()[:HEADER_LINES])
    return publication_date(head)


def find_title(text: str) -> str | None:
    """The first non-blank line, as a title, when it is short enough to be one."""
    for line in text.splitlines():
        line = line.strip().lstrip("\ufeff#").strip()
        if line:
            return line if len(line) <= 200 else line[:197] + "..."
    return None


def read_corpus(
    paths: list[str], known: dict[str, tuple[str, str | None, str | None]] | None = None
) -> tuple[list[Document], list[Skipped]]:
    """Read every article under paths; return the documents and the skipped files."""
    return read_files(find_paths(paths), known)


def read_files(
    files: list[str], known: dict[str, tuple[str, str | None, str | None]] | None = None
) -> tuple[list[Document], list[Skipped]]:
    """Read these article files; return the documents and the skipped files.

    `known` maps a path to its (sha256, title, published) from an earlier run.
    """
    documents, skipped = [], []
    known = known or {}
    for path in files:
        try:
            documents.append(read_document(path, known.get(path)))
        except InputError as e:
            skipped.append(Skipped(path, str(e)))
    return documents, skipped
