"""Write report and baseline files: whole or not at all, and never over the database."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable

from .errors import InputError


def check_output(path: str, protected: dict[str, str]) -> None:
    """Refuse an output path that is a protected file (by label) or in a missing folder.

    Checked before a run, so a typo in -o does not leave new results behind and
    `-o factcheck.db` cannot replace the database (reviews included).
    """
    if path == "-":
        return
    for label, other in protected.items():
        if other and _same_file(path, other):
            raise InputError(
                f"{path}: is the {label}; refusing to overwrite it. Give -o another file name."
            )
    if not os.path.isdir(os.path.dirname(os.path.abspath(path))):
        raise InputError(f"{path}: cannot write the report, its folder does not exist")


def _same_file(a: str, b: str) -> bool:
    try:
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.realpath(a) == os.path.realpath(b)


def write_atomic(path: str, text: str | Iterable[str], what: str = "report") -> None:
    """Write text (or its pieces, in order) to path through a temporary file, so a failed
    write leaves the old file."""
    folder = os.path.dirname(os.path.abspath(path))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".factcheck-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            for piece in [text] if isinstance(text, str) else text:
                f.write(piece)
        os.replace(tmp, path)
        tmp = None
    except OSError as e:
        raise InputError(f"{path}: cannot write the {what} ({e.strerror or e})") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
