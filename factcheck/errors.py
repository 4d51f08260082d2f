"""Errors a user can cause and fix. The CLI prints them without a traceback and exits 2."""

from __future__ import annotations

from dataclasses import dataclass

from .safe_text import printable


class FactcheckError(Exception):
    """Base for every error that is the user's to fix (bad input, rules or database)."""

    exit_code = 2

    def message(self) -> str:
        """The text to show a person: control characters escaped, on one line."""
        return printable(str(self))


@dataclass(frozen=True)
class Problem:
    """One located problem: `file:line:col: [code] message` plus a hint on how to fix it."""

    file: str
    line: int | None
    col: int | None
    code: str
    message: str
    hint: str | None = None
    rule_id: str | None = None

    def location(self) -> str:
        where = printable(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        return where

    def __str__(self) -> str:
        rule = f" rule '{printable(self.rule_id)}':" if self.rule_id else ""
        text = f"{self.location()}: [{self.code}]{rule} {printable(self.message)}"
        if self.hint:
            text += f"\n  help: {printable(self.hint)}"
        return text


class ProblemsError(FactcheckError):
    """Several located problems gathered and raised once."""

    def __init__(self, problems: list[Problem], summary: str = ""):
        self.problems = sorted(
            problems, key=lambda p: (p.file, p.line or 0, p.col or 0, p.code, p.message)
        )
        n = len(self.problems)
        head = printable(summary) or f"{n} problem{'s' if n != 1 else ''} found"
        super().__init__(head + "\n" + "\n".join(str(p) for p in self.problems))

    def message(self) -> str:
        # each line was made printable when it was built; keep the line breaks
        return str(self)


class RuleError(ProblemsError):
    """One or more rule files are invalid."""


class InputError(FactcheckError):
    """A document or path given by the user cannot be used."""


class StoreError(FactcheckError):
    """The database cannot be opened, is not a factcheck database, or is busy."""
