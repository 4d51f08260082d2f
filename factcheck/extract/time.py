"""The time each claim refers to (moved here as it was; issue 11 replaces it)."""

from __future__ import annotations

import bisect

from . import dates
from . import patterns as pat


def attribute_times(  # noqa: C901 - moved as it was; issue 11 replaces this function
    text: str, sents: list[tuple[int, int]], claims: list[dict], published: str | None
) -> None:
    """Set each claim's time and time_source: a date in its clause, else the publication date.

    `claims` are the extractor's claim dicts (keys start, end, kind, iso); `sents`
    the sentence spans of text, in order.
    """
    starts = [s for s, _ in sents]
    dated = [c for c in claims if c["kind"] == "date" and c["iso"]]
    rel = {}
    for s, e in sents:
        r = dates.relative_year(text[s:e], published)
        if r:
            rel[s] = (r[0], s + r[1])
    for c in claims:
        if c["kind"] == "date":
            c["time"], c["time_source"] = (c["iso"], "text") if c["iso"] else (None, None)
            continue
        s, e = sents[max(bisect.bisect_right(starts, c["start"]) - 1, 0)]
        cs, ce = s, e
        opener, previous = None, s
        for m in pat.CLAUSE_RE.finditer(text, s, e):
            if m.end() <= c["start"]:
                previous, cs, opener = cs, m.end(), m
            elif m.start() >= c["end"]:
                ce = m.start()
                break
        # A clause that elaborates on the one before it ("..., with nearly 4000
        # deployed", "..., which ...") speaks of the same time; a contrasting one
        # ("..., up from 3,000", "..., but ...") does not.
        if opener is not None and pat.INHERITS_TIME_RE.match(text, opener.end()):
            cs = previous
        best = None
        for d in dated:
            if (
                cs <= d["start"]
                and d["end"] <= ce
                and not pat.BASELINE_RE.search(text[max(cs, d["start"] - 8) : d["start"]])
            ):
                dist = abs(d["start"] - c["start"])
                if best is None or dist < best[0]:
                    best = (dist, d["iso"])
        if best is None and s in rel and cs <= rel[s][1] < ce:
            best = (0, rel[s][0])
        if best:
            c["time"], c["time_source"] = best[1], "text"
        elif published:
            c["time"], c["time_source"] = published, "published"
        else:
            c["time"], c["time_source"] = None, None
