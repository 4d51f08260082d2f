"""Extraction progress on a terminal, drawn with click's progress bar."""

from __future__ import annotations

import sys
import time

import click


class ProgressBar:
    """Extraction progress on stderr: drawn only on a terminal, and only once a run
    has taken longer than `delay` seconds, so quick runs and CI logs stay clean."""

    def __init__(self, stream=None, delay: float = 1.0, clock=time.monotonic):
        self.stream = stream or sys.stderr
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.bar = None
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if not total or done >= total or self.clock() - self.started < self.delay:
                return
            self.bar = click.progressbar(
                length=total, label="Extracting", file=self.stream, show_pos=True
            )
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done
        if done >= total:
            self.close()

    def close(self) -> None:
        """Finish the bar (if one was drawn) so the next output starts on a clean line."""
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def progress_bar(stream=None) -> ProgressBar | None:
    """A progress callback for stderr when it is a terminal, else None."""
    stream = stream or sys.stderr
    return ProgressBar(stream) if stream.isatty() else None
