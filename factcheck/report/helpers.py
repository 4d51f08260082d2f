"""What the formats share: a finding in words, its statements in short, and escaping.

The only module that calls tabulate. Untrusted text (file names, sentences,
titles) in human-readable output goes through `printable_conflict` first: a
newline could start a GitHub workflow command (`::error ...`) on a line of
its own, an escape byte could drive the terminal. Each format escapes what
its own syntax needs (`md`, `xml`, `gh_data`, `gh_property`).
"""

from __future__ import annotations

import json
import math
import re
import textwrap
from dataclasses import replace
from html import escape
from pathlib import PurePath

from ..figures import fmt_number
from ..model import Claim, Conflict
from ..safe_text import printable
from ..vocab.shown import written_unit

SNIPPET_CHARS = 90

# -- counting and JSON -------------------------------------------------------------


def plural(n: int, word: str) -> str:
    """`n word` with an s unless n is 1 ("info" stays as it is)."""
    return f"{n} {word}{'' if n == 1 or word == 'info' else 's'}"


def dumps(data) -> str:
    """JSON as every format writes it: indented, keys sorted, UTF-8, ending with a newline."""
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True, allow_nan=False) + "\n"


def finite(value):
    """The value with every infinite or NaN float (at any depth) as None, for JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [finite(v) for v in value]
    return value


# -- tables --------------------------------------------------------------------------


def _wrap_cell(cell: object, width: int | None) -> str:
    # our own layout puts line breaks in cells; anything else is escaped
    text = printable(cell, newlines=True)
    if width is None:
        return text
    return "\n".join(
        "\n".join(textwrap.wrap(line, width, break_on_hyphens=False)) or line
        for line in text.splitlines()
    )


def table(rows: list[list], headers: list[str], tablefmt: str, widths: list, colalign=None) -> str:
    """A tabulate table whose cells are wrapped here and never parsed as numbers.

    tabulate 0.10's own ``maxcolwidths`` parses number-like cells ("2,014") even
    with ``disable_numparse`` and crashes, so cells are wrapped before it sees them.
    """
    # imported here: tabulate reads its package metadata on import (about 30 ms), a cost
    # every command would pay at start-up, `factcheck --help` included
    from tabulate import tabulate

    wrapped = [[_wrap_cell(c, w) for c, w in zip(row, widths, strict=True)] for row in rows]
    return tabulate(
        wrapped, headers=headers, tablefmt=tablefmt, disable_numparse=True, colalign=colalign
    )


# -- untrusted text for people -------------------------------------------------------

_CLAIM_TEXTS = ("doc", "text", "sentence", "context", "noun", "unit")


def printable_claim(claim: Claim | None) -> Claim | None:
    """The claim with control characters and line breaks escaped in its texts."""
    if claim is None:
        return None
    return replace(claim, **{k: printable(getattr(claim, k)) for k in _CLAIM_TEXTS})


def _printable_data(value):
    """Every string of a finding's details (documents, sentences of its consensus) printable."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {k: _printable_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_printable_data(v) for v in value]
    return value


def printable_conflict(c: Conflict) -> Conflict:
    """The finding with its rule id, reason, claims and details printable."""
    return replace(
        c,
        rule_id=printable(c.rule_id),
        reason=printable(c.reason),
        left=printable_claim(c.left),
        right=printable_claim(c.right),
        details=_printable_data(c.details),
    )


# -- a finding in words ----------------------------------------------------------------


def snippet(claim: Claim, width: int = SNIPPET_CHARS) -> str:
    """The claim in its sentence, cut to about `width` characters around the figure."""
    sentence = " ".join((claim.sentence or claim.text).split())
    text = " ".join(claim.text.split())
    at = sentence.find(text)
    if len(sentence) <= width or at < 0:
        return sentence if len(sentence) <= width else _cut_end(sentence, width - 1) + "…"
    room = max(0, width - len(text))
    start = max(0, at - room // 2)
    end = min(len(sentence), start + width)
    start = max(0, end - width)
    # whole words only: move each cut to the space nearest inside it, never into the figure
    if start > 0:
        space = sentence.find(" ", start, at)
        start = space + 1 if space >= 0 else start
    if end < len(sentence):
        space = sentence.rfind(" ", at + len(text), end)
        end = space if space >= 0 else end
    out = sentence[start:end]
    return ("…" if start > 0 else "") + out + ("…" if end < len(sentence) else "")


def _cut_end(text: str, width: int) -> str:
    """text cut to at most width characters, at a space when there is one."""
    cut = text[:width]
    space = cut.rfind(" ")
    return cut[:space] if space > width // 2 else cut


def stated(claim: Claim) -> str:
    """What the claim states, in figures: the value or bounds and the qualifier."""
    if claim.kind == "date" and claim.value is not None:
        figure = f"{claim.value:g}"  # a year, never "2,014"
    elif claim.qualifier in ("range", "vague"):
        figure = f"{fmt_number(claim.low)}–{fmt_number(claim.high)}"
    else:
        figure = fmt_number(claim.value)
    unit = written_unit(claim) or claim.noun or ""  # as the article writes it
    qual = "" if claim.qualifier == "exact" else f" ({claim.qualifier})"
    return f"{figure} {unit}".strip() + qual


# findings about the sides of a fact (sources that split, parties that disagree), which
# pin no statement as "the" outlier
SIDED = ("split", "disputed")


def finding_message(c: Conflict) -> str:
    """A finding in one line of prose: why, what the outlying statement says (or each
    side's first statement), its id."""
    if c.check in SIDED and c.details.get("sides"):
        return f"{c.reason}. (factcheck finding {c.id})"
    text = f"{c.reason}. {c.left.doc}:{c.left.line} states {stated(c.left)}"
    return text + f". (factcheck finding {c.id})"


def side_heads(c: Conflict) -> list[dict]:
    """Each side of a split or dispute by its first statement (a claim reference), with
    the side's label: the party's name, or "side 1", "side 2"…"""
    heads = []
    for n, side in enumerate(c.details.get("sides", [])[:4], start=1):
        if side.get("claims"):
            heads.append({**side["claims"][0], "label": side.get("label") or f"side {n}"})
    return heads


def statement_lines(c: Conflict) -> list[str] | None:
    """What a finding about sides says instead of one statement: that none is the
    outlier, and each side's first statement; None for a finding about one statement."""
    heads = side_heads(c)
    if c.check not in SIDED or not heads:
        return None
    n = c.details.get("side_count", len(c.details.get("sides", [])))
    lines = [f"{n} {'parties' if c.check == 'disputed' else 'sides'}, none the outlier:"]
    for h in heads:
        lines.append(f"{h['label']}: {h['doc']}:{h['line']} = {' '.join(h['text'].split())}")
    return lines


def context_lines(c: Conflict) -> list[str]:
    """What a finding is measured against, in short lines: the consensus and its
    sources, each side of a split or dispute, or the earlier step of a timeline."""
    d = c.details
    if "consensus" in d and c.check != "over_time":
        side = d["consensus"]
        return [side["text"], _backers(side)]
    if c.check == "over_time" and "step" in d:
        a = d["step"]["from"]
        return [f"earlier: {d['consensus']['text']} ({a['time']})", f"{a['doc']}:{a['line']}"]
    if "sides" in d:
        return _side_lines(c, d)
    if "members" in d:
        n = d["statements"]  # the rule's statements that break the relation
        return [f"{n} statement{'s break' if n != 1 else ' breaks'} it"]
    return []


def _side_lines(c: Conflict, d: dict) -> list[str]:
    lines = ["parties disagree:" if c.check == "disputed" else "no consensus; sides:"]
    for side in d["sides"][:4]:
        label = f"{side['label']}: " if side.get("label") else ""
        lines.append(f"{label}{side['text']} ({_backers(side)})")
    more = d.get("side_count", len(d["sides"])) - (len(lines) - 1)
    if more > 0:
        lines.append(f"and {more} more")
    if d.get("unattributed"):
        u = d["unattributed"]
        lines.append(f"no party named: {u['text']} ({_backers(u)}), not compared")
    return lines


def _backers(side: dict) -> str:
    docs = side["documents"]
    n = side.get("document_count", len(docs))
    shown = ", ".join(docs[:3]) + (f" +{n - 3}" if n > 3 else "")
    return f"{n} source{'s' if n != 1 else ''}: {shown}"


def related_claims(c: Conflict) -> list[dict]:
    """The statements a finding is measured against, as listed in its details."""
    d = c.details
    refs: list[dict] = []
    if c.check == "over_time" and "step" in d:
        step = d["step"]["from"]
        refs = [step, *(r for r in d.get("above", []) if r != step)]
    elif "consensus" in d:
        refs = list(d["consensus"]["claims"])
    elif "sides" in d:
        refs = [r for side in d["sides"] for r in side["claims"]]
    elif "members" in d:
        refs = list(d["members"])
    own = (c.left.doc, c.left.start, c.left.end)
    return [r for r in refs if (r["doc"], r["start"], r["end"]) != own]


# -- where a fact comes from ------------------------------------------------------------

# a fact nobody wrote a rule for, as a finding names it: `deaths (template)`
ORIGIN_LABELS = {"template": "template", "suggestion": "suggested"}


def row_origin(rule: dict | None) -> str:
    """Where the fact of a stored rule row comes from (a database older than m008 has no
    origin column: its rules are a rules file's)."""
    return (rule or {}).get("origin") or "rule"


def fact_label(rule_id: str, origin: str) -> str:
    """A fact's id, with where it comes from unless a rules file: `deaths (template)`."""
    label = ORIGIN_LABELS.get(origin)
    return f"{rule_id} ({label})" if label else rule_id


def template_name(file: str) -> str:
    """The name of the built-in template a rule was loaded from (`templates/NAME.yaml`)."""
    return PurePath(file.replace("\\", "/")).stem


def paste_path(rule_id: str) -> str:
    """Where to save a suggested fact's rule to keep checking it."""
    return f"rules/{rule_id}.yaml"


def save_note(rule_id: str) -> str:
    """What to do with a suggested fact's YAML."""
    return f"Save this as a rules file ({paste_path(rule_id)}) to keep checking this fact"


def origin_text(rule_id: str, origin: str, file: str, line: int | None) -> str:
    """Where a fact comes from, in words: `rule: rules/news.yaml:12`, `template: deaths
    (built in; ...)` or `suggestion: ...` (its rule to paste is the formats' to show)."""
    if origin == "template":
        name = template_name(file)
        return f"template: {name} (built in; use it in a rules file with `- use: {name}`)"
    if origin == "suggestion":
        return "suggestion: a fact two or more articles report, which no rule checks yet"
    return f"rule: {file}:{line}"


# -- escaping for one syntax --------------------------------------------------------------

# Markdown: every piece of article text is escaped so that it cannot close a
# table cell, start a tag, mention a user or run into the next line.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#~|!])")
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def md(text: str) -> str:
    """Text made inert for a Markdown table cell."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("@", "&#64;")
    text = _MD_SPECIAL.sub(r"\\\1", _XML_INVALID.sub("\ufffd", text))
    return " ".join(text.split())


def xml(text: str) -> str:
    """Text XML can hold: control characters it cannot are replaced."""
    return _XML_INVALID.sub("\ufffd", text)


def html_text(text: object) -> str:
    """Text as HTML: escaped, and its line breaks as character references, so no name or
    sentence starts a line of its own in a log the page is printed to (`::error ...`)."""
    out = escape(xml(str(text)), quote=True)
    return out.replace("\r", "&#13;").replace("\n", "&#10;")


def gh_data(text: str) -> str:
    """Text for the message of a GitHub workflow command: it cannot end the line."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_property(text: str) -> str:
    """Text for a property of a GitHub workflow command: it cannot end the property."""
    return gh_data(text).replace(":", "%3A").replace(",", "%2C")
