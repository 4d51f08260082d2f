"""Reading a small file the user names (an article, a sidecar, a rule file, a baseline):
a regular file only, never more than a limit.

Opened without blocking and checked after opening, so a FIFO or a device named like
one (or a link to /dev/zero) is refused with a message, never read: no hang, no
running out of memory.
"""

from __future__ import annotations

import os
import stat

from .errors import InputError


def read_regular(path: str, limit: int, what: str = "", shown: str | None = None) -> bytes:
    """At most `limit` bytes of the regular file at path; InputError for anything else.
    `what` opens each message's reason ("cannot read metadata: "); `shown` is the path
    as messages print it."""
    shown = path if shown is None else shown
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except PermissionError:
        raise InputError(f"{shown}: {what}permission denied") from None
    except OSError as e:
        raise InputError(f"{shown}: {what}cannot read ({e.strerror or e})") from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)  # checked before fdopen, which refuses a folder with an exception
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{shown}: is a folder, not a file")
        raise InputError(f"{shown}: {what}not a regular file ({file_type(st.st_mode)}); not read")
    with os.fdopen(fd, "rb") as f:
        try:
            # read(n) allocates n bytes first: ask for the file's size (plus one, to see
            # it grew), not for the limit, or each small file costs the limit for a moment
            want = min(limit, st.st_size) + 1
            raw = f.read(want)
            if len(raw) == want:  # it grew since fstat: read on to the limit
                raw += f.read(limit + 1 - len(raw))
        except OSError as e:
            raise InputError(f"{shown}: {what}cannot read ({e.strerror or e})") from None
    if len(raw) > limit:
        raise InputError(f"{shown}: {what}larger than the {limit} byte limit")
    return raw


def file_type(mode: int) -> str:
    """What a file that is not a regular file is, for a message."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def inside(real: str, top: str) -> bool:
    """Whether the resolved path `real` is the folder `top` or lies under it."""
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def read_stream(stream, limit: int, shown: str) -> bytes:
    """At most `limit` bytes of an open binary stream (standard input) to its end;
    InputError when it holds more, or cannot be read."""
    if stream is None:  # the shell closed it (`<&-`)
        raise InputError(f"{shown}: closed, there is nothing to read")
    parts, size = [], 0
    try:
        while size <= limit:  # in slices: read(n) would claim n bytes of memory at once
            part = stream.read(min(_SLICE, limit + 1 - size))
            if not part:
                break
            parts.append(part)
            size += len(part)
    except OSError as e:
        raise InputError(f"{shown}: cannot read ({e.strerror or e})") from None
    if size > limit:
        raise InputError(f"{shown}: larger than the {limit} byte limit")
    return b"".join(parts)


_SLICE = 1 << 20
