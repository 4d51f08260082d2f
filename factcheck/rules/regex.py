"""Rule regexes (`regex`, `not_regex`) on RE2, an engine that matches in linear time.

Python's `re` backtracks: `(a|aa)*c` on a long line of a's never finishes, and
no check for "dangerous" patterns catches them all. RE2 has no backtracking,
so any pattern it accepts matches in time linear in the sentence. What it
gives up: backreferences (`\\1`), lookahead and lookbehind (`(?=`, `(?<!`),
possessive quantifiers and atomic groups, and repetition counts above 1000;
`\\w`, `\\d` and `\\b` are ASCII-only. Those patterns are refused when the
rules are loaded, with the place in the rule file.
"""

from __future__ import annotations

import re

import re2

from ..model import Pattern

MAX_REPEAT = 1000  # RE2's limit; larger counts it would silently read as literal text
MAX_PATTERN_CHARS = 10_000
_REPEAT = re.compile(r"(?<!\\)\{\s*(\d+)\s*(?:,\s*(\d*)\s*)?\}")


class RegexError(ValueError):
    """A pattern RE2 cannot compile; the message says why, in words."""


def _options() -> re2.Options:
    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False  # RE2 would print every refused pattern to stderr
    return options


def compile_rule_regex(pattern: str) -> Pattern:
    """Compile a rule's pattern, case-insensitive, on RE2; raise RegexError when it cannot."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise RegexError(f"the pattern is {len(pattern)} characters, over {MAX_PATTERN_CHARS}")
    for m in _REPEAT.finditer(pattern):
        count = max(int(m.group(1)), int(m.group(2) or 0))
        if count > MAX_REPEAT:
            raise RegexError(
                f"repetition count {count} at position {m.start()} is over {MAX_REPEAT}"
            )
    try:
        return re2.compile(pattern, _options())
    except re2.error as e:
        detail = e.args[0] if e.args else e
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        raise RegexError(str(detail)) from None
