"""The time a date claim names; a figure's own time is set by `figure_time` via `frames`."""

from __future__ import annotations

from .drafts import ClaimDraft


def date_times(drafts: list[ClaimDraft]) -> None:
    """A date holds its own time: set time and time_source of each resolved date draft."""
    for d in drafts:
        if d.kind == "date" and d.iso:
            d.time, d.time_source = d.iso, "text"
