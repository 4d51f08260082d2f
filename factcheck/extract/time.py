"""The time a date claim names; a figure's own time is set by `figure_time` via `frames`."""

from __future__ import annotations


def date_times(claims: list[dict]) -> None:
    """A date holds its own time: set time and time_source of each resolved date claim."""
    for c in claims:
        if c["kind"] == "date" and c["iso"]:
            c["time"], c["time_source"] = c["iso"], "text"
