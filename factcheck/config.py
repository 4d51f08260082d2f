"""The project configuration: `factcheck.toml`, or `[tool.factcheck]` in `pyproject.toml`.

Found by walking up from the current folder, the way Ruff and Vale find
theirs, so `factcheck run` with no options does the project's run from any
folder inside it. Paths in the file are relative to the file's folder.
Options given on the command line win over the file.

    [tool.factcheck]
    paths = ["corpus"]
    rules = "rules"
    db = "factcheck.db"
    fail-on = "warning"
    baseline = "factcheck-baseline.json"
    exclude = ["drafts/", "*.tmp.md"]
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import InputError
from .files import read_regular

CONFIG_FILE = "factcheck.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "never")
# key: (type, meaning); paths are resolved against the configuration's folder
KEYS: dict[str, tuple[type, str]] = {
    "paths": (list, "article files and folders to check"),
    "rules": (str, "rules folder or file"),
    "db": (str, "SQLite database"),
    "fail-on": (str, "lowest finding severity that fails a run: error, warning or never"),
    "baseline": (str, "baseline file of known findings"),
    "exclude": (list, "paths not to read, gitignore-style patterns relative to the file"),
}
PATH_KEYS = ("rules", "db", "baseline")
# what a key is when neither the file nor the command line sets it
DEFAULTS: dict[str, object] = {
    "paths": ["seeds"],
    "rules": "rules (when that folder exists; else no rules: templates and suggested facts)",
    "db": "factcheck.db",
    "fail-on": "error",
    "baseline": None,
    "exclude": [],
}


@dataclass(frozen=True)
class Config:
    """A project's settings, paths made relative to the current folder."""

    file: str | None = None
    values: dict = field(default_factory=dict)
    exclude: Callable[[str], bool] | None = None
    raw_exclude: list[str] = field(default_factory=list)  # the patterns as written
    source: dict = field(default_factory=dict)  # a key's origin when not the file itself

    def get(self, key: str, default=None):
        return self.values.get(key, default)


def find_config(start: str | None = None) -> str | None:
    """The nearest factcheck.toml, or pyproject.toml with [tool.factcheck], from start up."""
    folder = os.path.abspath(start or os.getcwd())
    while True:
        candidate = os.path.join(folder, CONFIG_FILE)
        if os.path.isfile(candidate):
            return candidate
        candidate = os.path.join(folder, PYPROJECT)
        if os.path.isfile(candidate) and _has_tool_table(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError:
        return False
    try:
        return "factcheck" in tomllib.loads(raw.decode("utf-8")).get("tool", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        # broken: ours to report only if it has our table
        return b"[tool.factcheck]" in raw


def load_config(start: str | None = None, path: str | None = None) -> Config:
    """The project configuration at `path` (`--config`), else the one found from start
    (default: the current folder), or none."""
    if path is not None and not os.path.isfile(path):
        raise InputError(f"{_shown(path)}: no such configuration file (--config)")
    path = path if path is not None else find_config(start)
    if path is None:
        return Config()
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise InputError(f"{_shown(path)}: cannot read the configuration ({e})") from None
    except RecursionError:  # the TOML parser recurses once per level of nesting
        raise InputError(
            f"{_shown(path)}: cannot read the configuration (nested too deep)"
        ) from None
    table = data.get("tool", {}).get("factcheck", {}) if path.endswith(PYPROJECT) else data
    return _validate(path, table)


def _validate(path: str, table: dict) -> Config:
    where = _shown(path) + (" [tool.factcheck]" if path.endswith(PYPROJECT) else "")
    problems = []
    for key, value in table.items():
        if key not in KEYS:
            near = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else f"; known: {', '.join(KEYS)}"
            problems.append(f"unknown key '{key}'{hint}")
            continue
        kind, meaning = KEYS[key]
        ok = isinstance(value, kind) and (
            kind is not list or all(isinstance(v, str) for v in value)
        )
        if not ok:
            problems.append(
                f"'{key}' must be {'a list of strings' if kind is list else 'a string'} ({meaning})"
            )
        elif key == "fail-on" and value not in FAIL_ON:
            problems.append(f"'fail-on' is '{value}'; allowed: {', '.join(FAIL_ON)}")
    if problems:
        raise InputError(f"{where}: " + "; ".join(problems))
    base = os.path.dirname(path)
    values = {key.replace("-", "_"): value for key, value in table.items() if key != "exclude"}
    named = set(values)
    for key in PATH_KEYS:
        if key in values:
            values[key] = _relative(base, values[key])
    if "paths" in values:
        values["paths"] = [_relative(base, p) for p in values["paths"]]
    # a key the file leaves out is the default beside the file, not in the current folder
    values.setdefault("db", _relative(base, str(DEFAULTS["db"])))
    if "rules" not in values and os.path.isdir(os.path.join(base, "rules")):
        values["rules"] = _relative(base, "rules")
    exclude = _excluder(base, table.get("exclude") or [], where)
    source = {k: "default, beside the configuration file" for k in values if k not in named}
    return Config(path, values, exclude, table.get("exclude") or [], source)


def _relative(base: str, path: str) -> str:
    full = os.path.normpath(os.path.join(base, path))
    rel = os.path.relpath(full)
    return full if rel.startswith(os.pardir) and os.path.isabs(path) else rel.replace(os.sep, "/")


def _excluder(base: str, patterns: list[str], where: str) -> Callable[[str], bool] | None:
    if not patterns:
        return None
    import pathspec  # only a run that excludes files pays for it (about 30 ms)

    try:
        spec = pathspec.GitIgnoreSpec.from_lines(patterns)
    except ValueError as e:  # pathspec's error for a pattern such as "!" is a ValueError
        raise InputError(f"{where}: 'exclude' has a pattern git cannot read ({e})") from None

    def excluded(path: str) -> bool:
        rel = os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")
        if rel.startswith("../"):
            return False
        return spec.match_file(rel + ("/" if path.endswith("/") else ""))

    return excluded


def _shown(path: str) -> str:
    rel = os.path.relpath(path)
    return rel if not rel.startswith(os.pardir) else path


def effective(config: Config) -> list[tuple[str, object, str]]:
    """(key, value, where it comes from) of every setting, as `factcheck config` shows it:
    the configuration file's, or the default's."""
    out = []
    for key in KEYS:
        name = key.replace("-", "_")
        if key == "exclude" and config.exclude is not None:
            out.append((key, config.raw_exclude, config.file or ""))
        elif name in config.values:
            out.append((key, config.values[name], config.source.get(name, config.file or "")))
        else:
            out.append((key, DEFAULTS[key], "default"))
    return out


def exclusions(config: Config, patterns: tuple[str, ...] = ()) -> Callable[[str], bool] | None:
    """What a command must not read: the configuration's `exclude` (relative to its file),
    the project's `.gitignore` (beside the configuration file, else in the current folder)
    and `--exclude` patterns (relative to the current folder), all gitignore-style."""
    tests = [config.exclude] if config.exclude else []
    base = os.path.dirname(config.file) if config.file else os.getcwd()
    ignore = os.path.join(base, ".gitignore")
    if os.path.lexists(ignore):
        lines = _gitignore_lines(ignore)
        if lines:
            tests.append(_excluder(base, lines, _shown(ignore)))
    if patterns:
        tests.append(_excluder(os.getcwd(), list(patterns), "--exclude"))
    tests = [t for t in tests if t is not None]
    if not tests:
        return None
    if len(tests) == 1:
        return tests[0]
    return lambda path: any(t(path) for t in tests)


MAX_GITIGNORE_BYTES = 1 << 20


def _gitignore_lines(path: str) -> list[str]:
    """The patterns of a .gitignore; InputError naming it when it cannot be read whole (a
    FIFO, a device or a link to one, a folder, no permission, over 1 MB): its patterns would
    not apply, and files the project keeps out would be read. Never a hang, never more than
    MAX_GITIGNORE_BYTES read (`files.read_regular`)."""
    try:
        raw = read_regular(path, MAX_GITIGNORE_BYTES, "cannot read its patterns: ", _shown(path))
    except InputError as e:
        raise InputError(f"{e} (make it a regular file git can read, or remove it)") from None
    text = raw.decode("utf-8", "replace")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
