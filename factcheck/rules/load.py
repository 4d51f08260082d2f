"""Loading a rules folder: read and parse each file, validate them all, then build rules.

Every problem of every file is gathered and raised once as a `RuleError`, each located
as `file:line:col` with a stable code and a hint; rules are built only from a folder
with no problem.
"""

from __future__ import annotations

import os

from ..errors import Problem, RuleError
from ..model import Rule
from .build import build_rule
from .messages import problem
from .parse import Doc, parse_yaml, read_rule_file
from .use import expand_uses
from .validate import check_rules, rule_specs, validate_file

RULE_EXTENSIONS = (".yaml", ".yml")


def rule_files(path: str) -> list[str]:
    """The rule files of a folder (or the file itself), sorted."""
    if os.path.isfile(path):
        return [path]
    if not os.path.isdir(path):
        raise RuleError([problem(path, None, None, "no_path")])
    return sorted(
        os.path.join(path, n).replace(os.sep, "/")
        for n in os.listdir(path)
        if n.endswith(RULE_EXTENSIONS) and not n.startswith(".")
    )


def load_rules(path: str) -> list[Rule]:
    """Every rule of a rules folder (or file), validated; raise RuleError listing all problems."""
    files = rule_files(path)
    if not files:
        raise RuleError([problem(path, None, None, "no_files")])
    problems: list[Problem] = []
    return _load([(file, read_rule_file(file, problems)) for file in files], problems, path)


def load_rules_text(text: str, name: str) -> list[Rule]:
    """The rules of one rule file's text, named `name` in their places and problems (the
    rules factcheck writes itself: suggested facts); RuleError listing every problem."""
    data, doc, problems = parse_yaml(text, name)
    return _load([(name, (data, doc) if data is not None else None)], problems, name)


def _load(reads: list, problems: list[Problem], where: str) -> list[Rule]:
    """The rules of the files read (file, (data, doc) or None), validated and built."""
    parsed = []
    used: dict[str, list[str]] = {}  # the alias groups of the templates the rules use
    for file, read in reads:
        if read is not None:
            used.update(expand_uses(*read, problems))
        if read is not None and validate_file(*read, problems):
            parsed.append((file, *read))
    aliases = _aliases(parsed) | used
    check_rules(parsed, aliases, problems)
    if problems:
        raise RuleError(problems, f"{len(problems)} problem(s) in rules under {where}")
    rules = []
    for file, data, doc in parsed:
        for i, spec in enumerate(rule_specs(data)):
            line = doc.marks.get(("rules", i), (1, 1))[0]
            rules.append(
                build_rule(spec, file, line, aliases, doc.marks, ("rules", i), data.get("paths"))
            )
    return sorted(rules, key=lambda r: r.id)


def _aliases(parsed: list[tuple[str, dict, Doc]]) -> dict[str, list[str]]:
    """The alias groups of every file: they are shared by the whole folder."""
    aliases: dict[str, list[str]] = {}
    for _file, data, _doc in parsed:
        groups = data.get("aliases")
        for name, members in (groups if isinstance(groups, dict) else {}).items():
            if isinstance(members, list):
                aliases.setdefault(str(name), []).extend(m for m in members if isinstance(m, str))
    return aliases
