"""The lexicon walk's record: every section of factcheck/vocab/lexicon.yaml (and every unit
of the table) that a test reads in a sentence. A test marks its sections with `@walks(...)`;
`test_extract_lexicon.test_every_section_is_walked` checks that none is left out."""

from __future__ import annotations

WALKED: set[str] = set()


def walks(*sections: str):
    """Record that the decorated test reads these lexicon sections."""
    WALKED.update(sections)
    return lambda f: f
