"""What happens when factcheck itself fails or is stopped: exit codes and the crash file.

A bug must not look like "conflicts found" (exit 1) in CI, and a stopped run
must not leave extraction workers behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
import time
import traceback

EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM
EXIT_PIPE = 141  # 128 + SIGPIPE: what shells report for `yes | head`
CRASH_DIR_ENV = "FACTCHECK_CRASH_DIR"
CLEANUP_SECONDS = 10.0  # how long a stopped run may take to close, before it just ends


def write_traceback(error: BaseException) -> str:
    """Write the error's traceback to a new file and return its path.

    The file goes to $FACTCHECK_CRASH_DIR, else the system's temporary folder.
    """
    folder = os.environ.get(CRASH_DIR_ENV) or tempfile.gettempdir()
    stamp = time.strftime("%Y%m%d-%H%M%S")
    text = "".join(traceback.format_exception(error))
    try:
        fd, path = tempfile.mkstemp(prefix=f"factcheck-crash-{stamp}-", suffix=".txt", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        return path
    except OSError:
        return "(nowhere: the crash folder is not writable)"


def stop_workers() -> None:
    """Terminate the extraction worker processes this process started, and reap them."""
    import multiprocessing  # only on a stop: the CLI's start pays nothing for it

    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(timeout=2)
        if child.is_alive():
            child.kill()
            child.join(timeout=1)


def silence_stdout() -> None:
    """Point standard output at the null device once its reader has gone (`| head`), so
    the flush at exit raises no second BrokenPipeError."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)
    except OSError:
        pass


_owner_pid: int | None = None


def _quiet_thread_exit(args: threading.ExceptHookArgs) -> None:
    """Drop the errors of background threads once the run is being stopped."""


def _on_sigterm(signum, frame):
    if os.getpid() != _owner_pid:
        # a forked worker inherited this handler: end now, without cleanup that
        # belongs to the parent (its pool would catch a SystemExit and go on)
        os._exit(EXIT_TERMINATED)
    # the pool's manager thread sees its workers die and raises BrokenProcessPool:
    # expected while stopping, so it must not print a traceback on the way out
    threading.excepthook = _quiet_thread_exit
    stop_workers()
    # the finally blocks close the database; should one hang (a pool's feeder thread
    # waiting on a pipe of a worker just killed), the process still ends, as 143: the
    # database's journal keeps it whole (a kill -9 mid-run recovers exactly)
    watchdog = threading.Timer(CLEANUP_SECONDS, os._exit, args=(EXIT_TERMINATED,))
    watchdog.daemon = True
    watchdog.start()
    raise SystemExit(EXIT_TERMINATED)


@contextlib.contextmanager
def handle_termination():
    """On SIGTERM, stop the workers and exit 143 (finally blocks run, the database closes).

    Only in the main thread of the process that installed it: workers forked
    from it get the default handler back, so `terminate()` ends them.
    """
    global _owner_pid
    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread (a test runner, an embedding program)
        yield
        return
    _owner_pid = owner = os.getpid()
    try:
        yield
    finally:
        if os.getpid() == owner:
            signal.signal(signal.SIGTERM, previous)
