"""Read articles from disk: find them, decode them, and find their title and date.

A document that cannot be used (binary, empty, undecodable, unreadable) is not
an exception that stops the run: `read_corpus` returns it as a `Skipped` with a
message naming the file and the place, and the run goes on with the rest.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
from dataclasses import dataclass

from .errors import InputError
from .model import Document

EXTENSIONS = (".txt", ".md")
META_SUFFIX = ".meta.json"
HEADER_LINES = 12  # a dateline sits in the first lines of an article, not in its body
MAX_BYTES = 200 * 1024 * 1024

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


def find_paths(paths: list[str]) -> list[str]:
    """Every .txt/.md file under the given files and folders, sorted, each once.

    Symlinked folders are followed once; a symlink loop is not followed again.
    """
    found: set[str] = set()
    for given in paths:
        if not os.path.exists(given):
            if os.path.islink(given):
                raise InputError(f"{given}: broken symbolic link")
            raise InputError(f"{given}: no such file or folder")
        if os.path.isfile(given):
            found.add(_norm(given))
            continue
        seen_dirs: set[str] = set()
        for root, dirs, files in os.walk(given, followlinks=True):
            real = os.path.realpath(root)
            if real in seen_dirs:
                dirs[:] = []
                continue
            seen_dirs.add(real)
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in files:
                if name.lower().endswith(EXTENSIONS) and not name.startswith("."):
                    found.add(_norm(os.path.join(root, name)))
    return sorted(found)


def _norm(path: str) -> str:
    path = os.path.normpath(path).replace(os.sep, "/")
    return path


def decode(raw: bytes, path: str) -> tuple[str, str]:
    """Decode a document's bytes; raise InputError naming the place of bad bytes."""
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
    raw = _read_bytes(path)
    meta_raw = _read_meta_bytes(path)
    digest = hashlib.sha256(raw)
    if meta_raw is not None:
        digest.update(b"\x00" + META_SUFFIX.encode() + b"\x00" + meta_raw)
    sha = digest.hexdigest()
    text, encoding = decode(raw, path)
    if not text.strip():
        raise InputError(f"{path}: empty file")
    if known is not None and known[0] == sha:
        title, published = known[1], known[2]
    else:
        meta = parse_metadata(path + META_SUFFIX, meta_raw) if meta_raw is not None else {}
        title = meta.get("title") or find_title(text)
        published = meta.get("published") or find_published(text)
    return Document(
        path=path, text=text, sha256=sha, title=title, published=published, encoding=encoding
    )


def _read_bytes(path: str) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size} bytes is larger than the {MAX_BYTES} byte limit")
        with open(path, "rb") as f:
            return f.read()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None


def _read_meta_bytes(path: str) -> bytes | None:
    meta_path = path + META_SUFFIX
    if not os.path.exists(meta_path):
        return None
    try:
        with open(meta_path, "rb") as f:
            return f.read()
    except OSError as e:
        raise InputError(f"{meta_path}: cannot read metadata ({e.strerror or e})") from None


def parse_metadata(meta_path: str, raw: bytes) -> dict:
    """A metadata file's content, with `published` as YYYY-MM-DD (or YYYY-MM-DDTHH:MM when
    it gives a time of day); InputError naming the file."""
    try:
        meta = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{meta_path}: cannot read metadata: {e}") from None
    if not isinstance(meta, dict):
        raise InputError(f"{meta_path}: metadata must be a JSON object")
    published = meta.get("published")
    if published is not None:
        iso = parse_date(str(published))
        # a time of day makes same-day updates successive ("2008-05-13T19:00")
        at = _TIME_OF_DAY_RE.fullmatch(str(published).strip())
        if iso is None:
            raise InputError(
                f"{meta_path}: 'published' is {published!r}; write a date as YYYY-MM-DD "
                "or YYYY-MM-DDTHH:MM"
            )
        meta["published"] = f"{iso}T{at.group(1)}" if at else iso
    return meta


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
    day, year = int(g["day"]), int(g["year"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_published(text: str) -> str | None:
    """The publication date from a dateline in the article's first lines."""
    head = "\n".join(text.splitlines()[:HEADER_LINES])
    return parse_date(head)


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
