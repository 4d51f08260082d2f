"""Rule files as YAML with positions: the only place that parses YAML.

Files are composed into YAML nodes (safe loading only: no Python tags) and turned into
plain values, so every value keeps its file, line and column (`Doc.marks`). Limits on
size, nodes and depth keep a hostile file from exhausting memory or the stack.
"""

from __future__ import annotations

import os
import re
from typing import Any

import yaml

from ..errors import InputError, Problem
from ..files import read_regular
from .messages import problem

MAX_RULE_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000  # bounds alias expansion ("billion laughs") and huge files
MAX_DEPTH = 40  # a rule is a few levels deep; thousands would exhaust Python's stack

_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
_constructor = yaml.SafeLoader("")


class Doc:
    """A YAML document as plain values plus the position of each value."""

    def __init__(self, file: str):
        self.file = file
        self.marks: dict[tuple, tuple[int, int]] = {}
        self.nodes = 0


class _TooBig(Exception):
    pass


class _TooDeep(Exception):
    def __init__(self, node=None):
        self.node = node


def as_list(value: Any) -> list:
    """A value that may be one item or a list of them, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _mark(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _at(doc: Doc, node, name: str, **fields) -> Problem:
    return problem(doc.file, *_mark(node), name, **fields)


def _value(node, path: tuple, doc: Doc, problems: list[Problem]) -> Any:
    doc.nodes += 1
    if doc.nodes > MAX_NODES:
        raise _TooBig()
    if len(path) > MAX_DEPTH:
        raise _TooDeep(node)
    doc.marks.setdefault(path, _mark(node))
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTION_TAGS:
        problems.append(_at(doc, node, "tag", tag=node.tag))
        return None
    if isinstance(node, yaml.MappingNode):
        return _mapping(node, path, doc, problems)
    if isinstance(node, yaml.SequenceNode):
        return [_value(n, path + (i,), doc, problems) for i, n in enumerate(node.value)]
    return _scalar(node, doc, problems)


def _mapping(node, path: tuple, doc: Doc, problems: list[Problem]) -> dict:
    out: dict = {}
    for knode, vnode in node.value:
        if not isinstance(knode, yaml.ScalarNode):
            problems.append(_at(doc, knode, "key_not_word"))
            continue
        key = knode.value
        if _SURROGATE_RE.search(key):
            problems.append(_at(doc, knode, "lone_surrogate"))
            continue
        if key in out:
            first = doc.marks.get(path + (key,), ("?", "?"))
            problems.append(_at(doc, knode, "duplicate_key", key=key, line=first[0]))
            continue
        doc.marks[path + (key,)] = _mark(knode)
        out[key] = _value(vnode, path + (key,), doc, problems)
        doc.marks[path + (key,)] = _mark(knode)
    return out


# "\udc80" in a double-quoted YAML string: a character that cannot be text anywhere
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _scalar(node, doc: Doc, problems: list[Problem]) -> Any:
    tag = node.tag
    if tag not in _constructor.yaml_constructors or not tag.startswith("tag:yaml.org,2002:"):
        problems.append(_at(doc, node, "tag", tag=node.tag))
        return None
    if tag == "tag:yaml.org,2002:timestamp":
        return node.value  # dates stay strings: YYYY-MM-DD
    if _SURROGATE_RE.search(node.value):
        problems.append(_at(doc, node, "lone_surrogate"))
        return _SURROGATE_RE.sub("\ufffd", node.value)  # no second problem about it
    try:
        return _constructor.yaml_constructors[tag](_constructor, node)
    except ValueError:  # Python refuses integers of over 4,300 digits
        problems.append(_at(doc, node, "long_number", length=len(node.value)))
        return None


def parse_yaml(text: str, file: str) -> tuple[Any, Doc, list[Problem]]:
    """Compose YAML text into plain values with positions; never constructs objects."""
    doc = Doc(file)
    problems: list[Problem] = []
    try:
        nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as e:
        return None, doc, [_syntax_error(file, e)]
    except yaml.YAMLError as e:
        return None, doc, [problem(file, 1, 1, "yaml_syntax", detail=e)]
    except RecursionError:  # the YAML composer recurses once per level of nesting
        return None, doc, [_too_deep(file, None)]
    if not nodes:
        return None, doc, []
    if len(nodes) > 1:
        problems.append(_at(doc, nodes[1], "documents"))
    try:
        return _value(nodes[0], (), doc, problems), doc, problems
    except _TooDeep as e:
        return None, doc, [_too_deep(file, e.node)]
    except _TooBig:
        return None, doc, [problem(file, 1, 1, "too_many_nodes", limit=MAX_NODES)]


def _syntax_error(file: str, e: yaml.MarkedYAMLError) -> Problem:
    mark = e.problem_mark or e.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
    msg = " ".join(x for x in (e.context, e.problem) if x)
    if e.context_mark and mark is not e.context_mark:
        start = e.context_mark
        msg += f" (it started at line {start.line + 1}, column {start.column + 1})"
    return problem(file, line, col, "yaml_syntax", detail=msg)


def _too_deep(file: str, node) -> Problem:
    line, col = _mark(node) if node is not None else (1, 1)
    return problem(file, line, col, "too_deep", limit=MAX_DEPTH)


def read_rule_file(file: str, problems: list[Problem]) -> tuple[Any, Doc] | None:
    """A rule file's values with their positions; None, with its problems, when it cannot
    be read or parsed (too large, not UTF-8, not YAML, empty)."""
    try:
        size = os.path.getsize(file)
        if size > MAX_RULE_FILE_BYTES:
            problems.append(
                problem(file, None, None, "file_too_large", size=size, limit=MAX_RULE_FILE_BYTES)
            )
            return None
        # a regular file only: a FIFO would hang the read, /dev/zero would fill memory
        raw = read_regular(file, MAX_RULE_FILE_BYTES)
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as open() reads
    except UnicodeDecodeError as e:
        problems.append(problem(file, None, None, "not_utf8", byte=e.start))
        return None
    except InputError as e:
        reason = str(e).split(": ", 1)[-1]
        problems.append(problem(file, None, None, "unreadable", reason=reason))
        return None
    except OSError as e:
        problems.append(problem(file, None, None, "unreadable", reason=e.strerror or e))
        return None
    data, doc, found = parse_yaml(text, file)
    problems.extend(found)
    if data is None:
        if not found:
            problems.append(problem(file, 1, 1, "empty_file"))
        return None
    return data, doc
