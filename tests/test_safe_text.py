"""Untrusted text made safe to print: control characters, line breaks and overrides escaped."""

import pytest

from factcheck.safe_text import printable


@pytest.mark.parametrize(
    "text, shown",
    [
        ("Zürich: 2,014 troops — “about 12,500”", "Zürich: 2,014 troops — “about 12,500”"),
        ("x\n::error file=a::forged", "x\\n::error file=a::forged"),
        ("red\x1b[31m alert\x07", "red\\x1b[31m alert\\x07"),
        ("tab\there\r\n", "tab here\\r\\n"),
        ("abc\u202edcba.txt", "abc\\u202edcba.txt"),
        ("line\u2028sep", "line\\u2028sep"),
        ("\x85next line (C1)", "\\x85next line (C1)"),
        (None, ""),
    ],
)
def test_printable_escapes_what_could_forge_a_line_or_drive_a_terminal(text, shown):
    assert printable(text) == shown


def test_printable_can_keep_our_own_line_breaks():
    assert printable("one\ntwo\x1b", newlines=True) == "one\ntwo\\x1b"
