"""Make untrusted text (file names, titles, sentences) safe to print for people.

A scraped file name or title can hold a newline followed by `::error ...`
(a GitHub workflow command) or terminal escape bytes. Every human-readable
output passes such text through `printable()` first; machine formats (JSON,
SARIF, XML) escape it their own way.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the Unicode line/paragraph separators and
# bidirectional overrides that can reorder what a terminal shows.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROLS_AND_NEWLINES = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    ch = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": " "}
    if ch in named:
        return named[ch]
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def printable(text: object, newlines: bool = False) -> str:
    """`text` with control characters shown as escapes (`\\x1b`, `\\n`).

    newlines=True keeps line breaks (for multi-line messages and tables whose
    own layout has them); untrusted single values should use the default.
    """
    s = "" if text is None else str(text)
    pattern = _CONTROLS if newlines else _CONTROLS_AND_NEWLINES
    return pattern.sub(_escape, s)
