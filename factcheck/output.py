"""Write report and baseline files: whole or not at all, and never over the database."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable

from .errors import InputError
from .files import inside


def check_output(path: str, protected: dict[str, str], inputs: Iterable[str] = ()) -> None:
    """Refuse an output path that is a protected file (by label), an input (an article or
    a rule file: `inputs` are the paths the run reads), a folder, a special file that
    cannot be written through, or in a missing folder.

    Checked before a run, so a typo in -o does not leave new results behind and
    `-o factcheck.db` cannot replace the database (reviews included). `-` is standard
    output.
    """
    if path == "-":
        return
    for label, other in protected.items():
        if other and _same_file(path, other):
            raise InputError(
                f"{path}: is the {label}; refusing to overwrite it. Give -o another file name."
            )
    _refuse_input(path, inputs)
    st = _stat(os.path.realpath(path))
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a folder; give -o a file name")
    if st is not None and not (stat.S_ISREG(st.st_mode) or _through(st)):
        raise InputError(
            f"{path}: is not a regular file, a character device or a pipe; refusing to write "
            "the report to it"
        )
    if not os.path.isdir(os.path.dirname(os.path.realpath(path))):
        raise InputError(f"{path}: cannot write the report, its folder does not exist")


def _refuse_input(path: str, inputs: Iterable[str]) -> None:
    """Refuse an output that is one of the run's inputs, or an article or rule file
    inside one of its input folders (the next run would read the report)."""
    real = os.path.realpath(path)
    ext = os.path.splitext(real)[1].lower()
    for given in inputs:
        if not given:
            continue
        other = os.path.realpath(given)
        within = os.path.isdir(other) and inside(real, other)
        if real == other or (within and ext in _READ_EXTENSIONS):
            raise InputError(
                f"{path}: is an input of this run ({given}); refusing to overwrite it. "
                "Give -o a file outside the articles and rules."
            )


_READ_EXTENSIONS = frozenset({".txt", ".md", ".yaml", ".yml"})


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _through(st: os.stat_result) -> bool:
    """Whether a special file is written through, never replaced: a character device
    (/dev/null, a terminal) or a pipe."""
    return stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)


def _same_file(a: str, b: str) -> bool:
    try:
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


def _umask_mode() -> int:
    """The mode a new file gets under the process's umask (as `open` would give it)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: str, text: str | Iterable[str], what: str = "report") -> None:
    """Write text (or its pieces, in order) to path the way careful tools do.

    A regular file (or a new one) is replaced through a temporary file, so a failed
    write leaves the old file; the new file has the mode the umask gives, an existing
    one keeps its mode. A symbolic link is followed and its target written, the link
    kept. A character device or a pipe (/dev/null, /dev/stdout) is written through,
    never replaced; anything else is refused.
    """
    target = os.path.realpath(path)
    st = _stat(target)
    pieces = [text] if isinstance(text, str) else text
    try:
        if st is not None and not stat.S_ISREG(st.st_mode):
            if not _through(st):
                raise InputError(f"{path}: is not a regular file; refusing to replace it")
            with open(target, "w", encoding="utf-8", newline="\n") as f:
                for piece in pieces:
                    f.write(piece)
            return
        _replace(target, pieces, st)
    except OSError as e:
        raise InputError(f"{path}: cannot write the {what} ({e.strerror or e})") from None


def _replace(target: str, pieces: Iterable[str], st: os.stat_result | None) -> None:
    """Write a regular file through a temporary file beside it, then rename it in place."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".factcheck-", suffix=".tmp", dir=os.path.dirname(target))
        os.fchmod(fd, stat.S_IMODE(st.st_mode) if st is not None else _umask_mode())
        if st is not None:
            with contextlib.suppress(OSError):
                os.fchown(fd, st.st_uid, st.st_gid)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            for piece in pieces:
                f.write(piece)
        os.replace(tmp, target)
        tmp = None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
