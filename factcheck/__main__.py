"""The `factcheck` command (and `python -m factcheck`).

Ctrl-C before the command group's own handler is in place (while the modules load, in
the first few tenths of a second) ends the command as later: "Interrupted.", exit 130,
no traceback.
"""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130  # as factcheck.crash says; not imported, to catch its import too


def main() -> None:
    try:
        from .cli import cli

        cli(prog_name="factcheck")
    except KeyboardInterrupt:
        sys.stderr.write("\nInterrupted.\n")
        sys.exit(EXIT_INTERRUPTED)


if __name__ == "__main__":
    main()
