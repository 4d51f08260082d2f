"""What a figure is about, the role it plays and who gives it, read in its own clause.

Functions over a document's text, its sentence spans and the claim drafts the
extractor found. A sentence is cut into clauses (at ";", dashes and a comma before
"while", "but", "up from", "including"...; factcheck/extract/clauses.py), each
clause's figures share out its words, and each figure gets:

- `about`: the content words that belong to it and no other figure: its counted
  noun, the subject it is the predicate of ("the death toll rose to 38,000"),
  what it pays for ("for schools"), its place; "dead" when a toll or casualty
  word names what it counts. In "41 of the 237 passengers were rescued" the
  verb belongs to 41; in "$800 million for schools and $410 million for public
  safety" each sum keeps its own purpose.
- `role`: value, previous ("up from X", the X of "from X to Y"), change ("rose
  by X", "X more than"), projection ("could reach X"), or limit ("a capacity
  of X", "the $3 billion target").
- `speaker`: the party its clause attributes it to ("police said", "according
  to organisers", "X said A, while police put it at B" gives B to police), or
  None: an unknown speaker is better than a wrong one.

`annotate` sets these on the drafts before they are frozen into Claims, and each
figure's time (factcheck/extract/figure_time.py). The word lists live in
factcheck/vocab/lexicon.yaml.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..vocab.lexicon import LEX, trie
from ..vocab.tries import alternation
from .antecedents import antecedent
from .clauses import (
    ANY_VERB_RE,
    FRONTED_RE,
    OPENER_RE,
    Clause,
    attribution_spans,
    giver_just_after,
    owner_just_before,
    parentheticals,
    pronoun_of_clause,
    sentence_clauses,
    speaker_of,
    within,
)
from .dates import YEAR_SPAN_RE
from .drafts import ClaimDraft
from .figure_time import DateMention, figure_times
from .role_cues import particle_up, share_moves
from .text import Text

_QUAL_WORDS = (
    "about", "around", "some", "roughly", "nearly", "almost", "approximately", "an estimated",
    "more than", "over", "at least", "up to", "as many as", "only", "just",
)  # fmt: skip
_QUAL = r"(?:(?:" + "|".join(q.replace(" ", r"\s+") for q in _QUAL_WORDS) + r")\s+)?"
_PARTITIVE_RE = re.compile(
    r"^\s*of\s+(?:the|its|their|these|those|all)?\s*(?:[A-Za-z-]+['’]s\s+)?$", re.I
)
_CONNECTOR_RE = re.compile(
    r"\b"
    + alternation(
        "and or but while to than from with including plus against".split()
        + ["out of", "of whom", "of which"]
    )
    + r"\b",
    re.I,
)
# "38 of the ferry's" read as one claim: a part of the figure that follows
_PARTITIVE_TEXT_RE = re.compile(
    r"\s+of\s+(?:the|its|their|these|those)?\s*(?:[A-Za-z-]+['’]s)?\s*$", re.I
)
_NOUN_OF_RE = re.compile(r"\b([a-z]{3,})\s+of\s+(?:the\s+|its\s+|a\s+|their\s+)?$", re.I)
_RANGE_LINK_RE = re.compile(r"^\s*(?:to|and|or|-|–)\s*$", re.I)
_COMPARISONS = ("twice", "half", "times", "than", "thrice", "double", "triple", "as much as")
_COMPARISON_RE = re.compile(
    r"\b(?:" + "|".join(c.replace(" ", r"\s+") for c in _COMPARISONS) + r")\s+(?:the\s+)?$",
    re.I,
)
# the last words of _COMPARISON_RE's matches
_COMPARISON_ENDS = (*{c.split()[-1] for c in _COMPARISONS}, "the")


def _compares(before: str) -> bool:
    """Whether the text before a figure ends in a comparison ("twice the", "more than"):
    searched only when its last word can end one."""
    end = before.rstrip().lower()
    return end.endswith(_COMPARISON_ENDS) and bool(_COMPARISON_RE.search(before))


_PREVIOUS_RE = re.compile(
    r"\b(?:(?:"
    + trie("previous_before")
    + r")|(?:"
    + trie("previous_adjectives")
    + r")\s+(?:"
    + trie("previous_nouns")
    + rf")\s+of)\s+{_QUAL}$",
    re.I,
)
_FROM_FILL = r"(?:(?:" + trie("from_fillers") + r")\s+)?"
_FROM_RE = re.compile(rf"\bfrom\s+{_FROM_FILL}{_QUAL}$", re.I)
# "The agency had initially reported 140 missing", "Police first reported 9 arrests",
# "Officials had earlier put the toll at 88": an earlier figure retold; "officials said
# they had recorded 300" is what they said now (a speech verb before "had" without an
# adverb of the past); no other figure between the cue and the figure
_RETOLD_VERB = trie("retold_verbs")
_RETOLD_ADVERBS = trie("retold_adverbs")
_RETOLD_RE = re.compile(
    rf"\b(?:had\s+(?:(?P<adv>{_RETOLD_ADVERBS})\s+)?|(?:{_RETOLD_ADVERBS})\s+)"
    rf"(?:{_RETOLD_VERB})\b[^\d;]*$",
    re.I,
)
_LEAD_RE = re.compile(r"[^\d]*")
_SPOKE_RE = re.compile(r"\b(?:said|says|told|tells|added|stated)\b[^\d;]*$", re.I)
_UP_FROM_RE = re.compile(
    rf"\b(?:up|down)\s+(?:(?:[\w,.]+\s+){{1,2}}from\s+{_QUAL}|from\s+(?:"
    + trie("from_fillers")
    + rf")\s+{_QUAL})$",
    re.I,
)
# "two more bodies", "500 additional troops": the figure is an increment
_MORE_WORDS = "more|additional|extra|further"
_MORE_WITHIN_RE = re.compile(rf"^\S+(?:\s+\S+)*?\s+(?:{_MORE_WORDS})\b(?!\s+than)")
# what every _MORE_WITHIN_RE match holds: a figure without it needs no match
_MORE_WORD_RE = re.compile(_MORE_WORDS)
# "from 5,000 to 1,200": the figure after "to" is where the change ends
_TO_NEXT_RE = re.compile(r"^\s*to\b", re.I)
# "fell from $4,210 on Monday to $3,980", "rose from €3.20 a litre to €3.80": a time or a
# rate between the two, only after a verb of change ("cost from £30 on Monday to £50" is a
# range of prices); a date between the two is masked to blanks
_TO_NEXT_TIMED_RE = re.compile(
    r"^\s*(?:(?:a|an|per)\s+[a-z]+\s+|(?:(?:"
    + alternation([*LEX["from_to_time_words"], *LEX["weekdays"], *LEX["months"]])
    + r")\s+){1,6})to\b",
    re.I,
)
_MOVING = alternation(LEX["change_verbs"] + LEX["change_acts"])
_MOVED_BEFORE_RE = re.compile(r"\b(?:" + _MOVING + r")\b", re.I)
_CHANGE_RE = re.compile(
    r"(?:\b(?:"
    + _MOVING
    + r")\s+by|\b(?:"
    + trie("change_nouns")
    + rf")\s+of|\banother)\s+{_QUAL}$",
    re.I,
)
# "The toll rose to 17 as three of the injured died": the second figure is what was added
_RISE_TO_RE = re.compile(r"\b(?:" + _MOVING + r")\s+(?:to|past)\s+", re.I)
# "Prices plunged 12%", "Sales were up $3 billion": a percent or a sum right after a verb of
# a figure that moves by itself is a change; "up" and "down" alone only after a form of "be"
# or a comma ("put up $2 million" is what was put up)
_MOVED_RE = re.compile(
    r"(?:\b(?!(?:up|down)\b)(?:"
    + trie("change_verbs")
    + rf")|(?:\b(?:is|are|was|were|be|been|being)|,)\s+(?:up|down))\s+{_QUAL}$",
    re.I,
)
# the kinds whose figure after such a verb is the change, not a level it moved to
_MOVED_KINDS = ("percent", "money")
_BECAUSE_RE = re.compile(r"\b(?:as|after|when|because)\b", re.I)
# "closed up 0.4%", "fell 31.20 points": a move of a percent or of an index's points
_MOVE_OWN_RE = re.compile(r"(?:%|\bper\s?cent|\bpoints?)\s*$", re.I)
_MOVE_UP_DOWN_RE = re.compile(r"\b(?:" + trie("move_words") + r")(?:\s+by)?\s+$", re.I)
_MOVE_POINTS_RE = re.compile(r"\b(?:" + _MOVING + r")(?:\s+by)?\s+$", re.I)
# "up 95.88 points or 0.35 percent", "59.4 points up": the move written the other way too
_MOVE_OR_RE = re.compile(
    r"\b(?:" + trie("move_words") + r")(?:\s+by)?\s+[\d.,]+\s*(?:%|percent|per\s?cent|points?)"
    r"\s+or\s+$",
    re.I,
)
_MOVE_AFTER_RE = re.compile(r"^\s*(?:" + trie("move_words") + r")\b", re.I)
_CHANGE_AFTER_RE = re.compile(r"^\s*(?:" + trie("change_after") + r")\b", re.I)
# case-sensitive: "could reach", but not "in May 2,000"; never "could not confirm"
_PROJECTION_RE = re.compile(
    r"\b(?:" + trie("projection_before") + rf")\b(?:\s+(?!not\b)[a-z]+){{0,3}}\s+{_QUAL}$"
)
_LIMIT_RE = re.compile(r"\b(?:" + trie("limit_before") + rf")\s+{_QUAL}$", re.I)
# the last word of every text that _PREVIOUS_RE, _FROM_RE, _UP_FROM_RE, _CHANGE_RE or
# _LIMIT_RE can match: words before a figure that end in none of them need no search
_CUE_ENDS = tuple(
    sorted(
        {p.split()[-1].lower() for p in (*_QUAL_WORDS, *LEX["previous_before"])}
        | {p.split()[-1].lower() for p in LEX["limit_before"]}
        | {p.split()[-1].lower() for p in LEX["from_fillers"]}
        | {"of", "from", "by", "another"}
    )
)
_LIMIT_AFTER_RE = re.compile(
    r"^\s*(?:(?:"
    + trie("limit_after")
    + r")\b|(?:[a-z]+\s+){0,4}?(?:"
    + trie("limit_after_near")
    + r")\b)",
    re.I,
)
_VERBISH_RE = re.compile(
    r"\b(?:were|was|is|are|have|has|had|will|would|could|can|may|did|do|does|"
    r"[a-z]{3,}ed)\b",
    re.I,
)
# a word of two letters or more (with its inner hyphens and apostrophes)
_CONTENT_WORD_RE = re.compile(r"[a-z][a-z'’-]*[a-z]")
_POSSESSIVE_RE = re.compile(r"(?<=[a-z])['’]s?\b")
_STOP = frozenset(LEX["stopwords"])
_CASUALTY = frozenset(w for w in LEX["casualty_words"] if " " not in w)
_NEW_TOTAL = ("bringing", "taking", "pushing", "raising", "lifting")
# "The toll was raised to 310 by the ministry": a passive of giving or moving a figure,
# whose agent right after the figure gives it
_PASSIVE_WORD_RE = re.compile(
    # the lookahead of the first letters: one test at each word, not six branches
    r"\b(?=[abiw])(?:was|were|is|are|been|being)\s+(?:"
    + alternation(sorted({*LEX["estimate_verbs"], *LEX["giver_verbs_after"].values()}))
    + r")\b",
    re.I,
)
_SAME_QUANTITY = ("up from", "down from", "compared with", "compared to")
_ELLIPTICAL = ("while", "but", "whereas", "although", "though", "and", "")


@dataclass(frozen=True)
class Frame:
    """What one figure is about, the role it plays, and who gives it."""

    about: str = ""
    role: str = "value"
    speaker: str | None = None
    pronoun: str | None = None  # "she said": who it is, an earlier sentence says


def _mask(text: str, spans: Sequence[tuple[int, int]], keep: Sequence[tuple[int, int]]) -> str:
    """text with each span blanked out, unless it holds the start of one of keep (sorted)."""
    if not spans:
        return text
    starts = [k for k, _ in keep]
    blank = []
    for s, e in spans:
        i = bisect.bisect_left(starts, s)
        if not (i < len(starts) and starts[i] < e):
            blank.append((s, e))
    if any(not 0 <= s <= e <= len(text) for s, e in blank):
        return _mask_chars(text, blank)
    blank.sort()
    out, pos = [], 0
    for s, e in blank:  # sorted: copy what lies between, blank the rest
        if e <= pos:
            continue
        s = max(s, pos)
        out.append(text[pos:s])
        out.append(" " * (e - s))
        pos = e
    out.append(text[pos:])
    return "".join(out)


def _mask_chars(text: str, spans: list[tuple[int, int]]) -> str:
    """_mask for spans that reach outside text or end before they start, as slice
    assignment treats them."""
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def _content(text: str) -> list[str]:
    """The words of text that say what it is about: lowercase, "the town's" as the town, no
    stopword and no single letter."""
    if len(text) < 2:
        return []  # "", " ", ".": what lies between two figures often; no word of two letters
    low = text.lower()
    if "'" in low or "’" in low:
        low = _POSSESSIVE_RE.sub("", low)
    return [w for w in _CONTENT_WORD_RE.findall(low) if w not in _STOP]


def _role(pre: str, post: str, next_between: str | None, own: str = "", before: str = "") -> str:
    """The role a figure plays from the words just before and after it in its clause."""
    pre, post, before = pre[-80:], post[:60], before[-120:]  # the cues sit next to the figure
    if _MORE_WORD_RE.search(own) and _MORE_WITHIN_RE.match(own):
        return "change"
    cued = pre.rstrip().lower().endswith(_CUE_ENDS)
    if cued and (_PREVIOUS_RE.search(pre) or _UP_FROM_RE.search(pre)):
        return "previous"
    if (
        cued
        and _FROM_RE.search(pre)
        and (_to_next(next_between, before) or _RISE_TO_RE.search(before))
    ):
        return "previous"  # "from 5,000 to 1,200", "rose to $3 billion from $2.4 billion"
    if (cued and _CHANGE_RE.search(pre)) or _CHANGE_AFTER_RE.match(post) or _moves(pre, own, post):
        return "change"
    if _MOVE_OWN_RE.search(own) and share_moves(pre, post, before):
        return "change"
    if _PROJECTION_RE.search(pre):
        return "projection"
    if (cued and _LIMIT_RE.search(pre)) or _LIMIT_AFTER_RE.match(post):
        return "limit"
    return "value"


def _to_next(between: str | None, before: str) -> bool:
    """Whether the next figure, after `between`, is where a change from this one ends."""
    if between is None:
        return False
    if _TO_NEXT_RE.match(between):
        return True
    return bool(_TO_NEXT_TIMED_RE.match(between) and _MOVED_BEFORE_RE.search(before))


def _moves(pre: str, own: str, post: str) -> bool:
    """ "up 0.4%", "down 31.20 points", "59.4 points up", "up 95.88 points or 0.35 percent",
    "gained 215 points": a move, not a level."""
    m = _MOVE_OWN_RE.search(own)
    if m is None:
        return False
    if _MOVE_UP_DOWN_RE.search(pre) and not particle_up(pre):
        return True
    if _MOVE_AFTER_RE.match(post) or _MOVE_OR_RE.search(pre):
        return True
    if not m.group(0).lower().startswith("point") or re.search(r"percentage|basis", own, re.I):
        return False  # "rose 0.5 percentage points": as before, the value of a rate's move
    return bool(_MOVE_POINTS_RE.search(pre))


def _retold(before: str) -> int | None:
    """Where the words before a figure in its clause start to retell an earlier figure
    ("had initially reported"), or None."""
    if not _RETOLD_CUE_RE.search(before):
        return None
    m = _RETOLD_RE.search(before)
    if m is None:
        return None
    if m.group(0).lower().startswith("had") and not m.group("adv"):
        if _SPOKE_RE.search(before, 0, m.start()):
            return None  # "said they had recorded 300": what they said now
    return m.start()


# a cheap first test: the words every _RETOLD_RE match holds one of
_RETOLD_CUE_RE = re.compile(
    r"\b(?:had|" + alternation(sorted({w.split()[0] for w in LEX["retold_adverbs"]})) + r")\b",
    re.I,
)


def _about(words: list[str], own: str) -> str:
    """The about text: the figure's own words (its noun or unit), then its clause's words."""
    out: list[str] = []
    for w in [*_content(own), *words]:
        if w not in out:
            out.append(w)
    if any(w in _CASUALTY for w in out) and "dead" not in out:
        out.append("dead")
    return " ".join(out)


def _split_between(between: str) -> tuple[str, str, bool, bool]:
    """(words of the figure before, words of the figure after, partitive, range link)."""
    if _PARTITIVE_RE.match(between):
        return "", "", True, False
    if _RANGE_LINK_RE.match(between):
        return "", "", False, True
    last = None
    for m in _CONNECTOR_RE.finditer(between):
        last = m
    if last is None:
        # "killed 3,000 people, also destroyed 40,000 homes": after the comma, the next
        # figure's own predicate
        comma = between.rfind(",")
        return (
            (between[:comma], between[comma + 1 :], False, False)
            if comma >= 0
            else (
                between,
                "",
                False,
                False,
            )
        )
    return between[: last.start()], between[last.end() :], False, False


def _body_start(work: str, clause: Clause, first_figure: int) -> int:
    """Where a clause's own words begin: after its opener, a fronted phrase and its speaker."""
    body_start = clause.start
    m = OPENER_RE.match(work, clause.start) if clause.opener else None
    if m:
        body_start = m.end()
    fronted = FRONTED_RE.match(work, body_start)
    if fronted and fronted.end() <= first_figure:
        body_start = fronted.end()
    return max(body_start, clause.speaker_end)


def _clause_parts(
    work: str, clause: Clause, figs: list[tuple[int, int, str | None]], sent: str
) -> tuple[list[str], list[str], list[str], list[str | None]]:
    """Each figure's words before and after it, the raw text before it, and what follows it."""
    n = len(figs)
    pre, post = [""] * n, [""] * n
    # the clause's words before its first figure; before each later one, what lies between
    # the two (set below): never the clause up to each figure, which is quadratic in figures
    raw_pre = [work[clause.start : figs[0][0]]] + [""] * (n - 1)
    nxt: list[str | None] = [None] * n
    pre[0] = work[_body_start(work, clause, figs[0][0]) : figs[0][0]]
    partitive = [False] * n
    for i in range(1, n):
        between = work[figs[i - 1][1] : figs[i][0]]
        nxt[i - 1] = raw_pre[i] = between
        before, after, part, link = _split_between(between)
        post[i - 1], pre[i] = before, after
        of = _NOUN_OF_RE.search(between)
        if of and not pre[i].strip():
            pre[i] = of.group(1)  # "5% of its workforce of 60,000": 60,000 is the workforce
        if part or (
            not between.strip()
            and _PARTITIVE_TEXT_RE.search(sent[max(0, figs[i - 1][1] - 200) : figs[i - 1][1]])
        ):
            partitive[i - 1] = True
            pre[i] = ""
        if link:
            pre[i] = pre[i - 1]
    post[-1] = work[figs[-1][1] : clause.end]
    for i in range(n - 1, -1, -1):
        if i + 1 < n and partitive[i]:
            # "41 of the 237 passengers were rescued": the verb is 41's, not 237's
            tail = post[i + 1]
            v = _VERBISH_RE.search(tail)
            post[i] = f"{figs[i + 1][2]} {tail}"
            post[i + 1] = tail[: v.start()] if v else tail
        if _compares(raw_pre[i]):
            pre[i] = ""  # "twice the £320 million": the base of a comparison has no subject
    return pre, post, raw_pre, nxt


def _clause_frames(
    work: str, clause: Clause, figs: list[tuple[int, int, str | None]], sent: str
) -> list:
    """[(about words, the figure's own text, role)] of the figures of one clause, in order."""
    start, n = clause.start, len(figs)
    pre, post, raw_pre, nxt = _clause_parts(work, clause, figs, sent)
    out: list = []
    for i, (_, _, own) in enumerate(figs):
        if i + 1 < n and _RANGE_LINK_RE.match(nxt[i] or "x"):
            post[i] = post[i] + " " + post[i + 1]  # "from 5,000 to 1,200 barrels a day"
        # _role reads the last 120 characters before the figure: no longer a slice
        before = work[max(start, figs[i][0] - 120) : figs[i][0]]
        role = _role(raw_pre[i], post[i], nxt[i], own, before)  # type: ignore[arg-type]
        # "had estimated 4,700": the figure's own text may begin with the cue's last word
        lead = before + _LEAD_RE.match(own or "").group(0)  # type: ignore[union-attr]
        cue = _retold(lead) if role == "value" else None
        if cue is not None and not (i and figs[i - 1][1] > figs[i][0] - len(before) + cue):
            role = "previous"  # the cue is this figure's: no other figure since
        if role == "value" and i and _BECAUSE_RE.search(raw_pre[i]):
            if _RISE_TO_RE.search(work[max(start, figs[i - 1][0] - 30) : figs[i - 1][0]] + " "):
                role = "change"
        words = _content(pre[i]) + _content(post[i])
        if role in ("previous", "change") and not words and out:
            words = out[-1][0]  # "rose to $3 billion from $2.4 billion": the same quantity
        out.append((words, own, role))
    return out


def _borrowed(
    words: list[str],
    own: str,
    role: str,
    clause: Clause,
    previous: tuple[list[str], str] | None,
    antecedent: list[str],
) -> list[str]:
    """A figure's words with what it shares with the clause before it."""
    if previous is None:
        return antecedent + words if clause.opener in ("which", "who") else words
    before, before_own = previous[0], _content(previous[1])
    if role in ("previous", "change") and clause.opener in _SAME_QUANTITY:
        return before + before_own + words  # "..., up from 1,310": the same quantity
    if clause.opener in _NEW_TOTAL:
        return words + before + before_own  # "two more bodies, bringing the total to 16"
    if clause.opener in ("of whom", "of which"):
        return words + before_own
    if clause.opener in ("which", "who"):
        return antecedent + words  # "The new bridge, which cost £640 million"
    if not _content(own) and not words and clause.opener in _ELLIPTICAL:
        return before + before_own  # "Organisers said 310,000, while police put it at 62,000"
    return words


def sentence_frames(
    text: str,
    sentence: tuple[int, int],
    figures: Sequence[tuple[int, int, str]],
    dates: Sequence[tuple[int, int]] = (),
) -> list[Frame]:
    """The frame of each figure (start, end, its own text) of one sentence, in order.

    dates: spans of the sentence's calendar dates, which are no figure's words.
    """
    s0, e0 = sentence
    sent = _mask(text[s0:e0], [(a - s0, b - s0) for a, b in dates if s0 <= a < e0], [])
    figs = sorted((a - s0, b - s0, own) for a, b, own in figures)
    spans = [(a, b) for a, b, _ in figs]
    work = _mask(sent, parentheticals(sent), spans)
    verbs = [m.start() for m in ANY_VERB_RE.finditer(work)]
    clauses = sentence_clauses(work, spans, verbs)
    by_spans = [c.by_span for c in clauses if c.by_span]
    # attributions and the figures themselves are no figure's neighbouring words
    attributions = attribution_spans(work, bool(verbs))
    masked = _mask(_mask(work, attributions + by_spans, spans), spans, [])
    frames: dict[tuple[int, int], Frame] = {}
    previous: tuple[list[str], str] | None = None
    before: Clause | None = None
    final = next((c for c in reversed(clauses) if c.trailing), None)
    starts = [a for a, _, _ in figs]
    for clause in clauses:
        speaker = speaker_of(clause, before, final)
        pronoun = pronoun_of_clause(clause, before, final) if speaker is None else None
        clause.speaker, clause.pronoun = speaker, pronoun
        own = within(figs, starts, clause.start, clause.end)
        if own:
            # where the clause's first passive of giving is ("was put at"), found once
            pm = _PASSIVE_WORD_RE.search(work, clause.start, clause.end)
            antecedent = _content(masked[before.start : before.end])[-3:] if before else []
            results = _clause_frames(masked, clause, own, sent)
            for (a, b, _), (words, text_own, role) in zip(own, results, strict=True):
                words = _borrowed(words, text_own, role, clause, previous, antecedent)
                owner = owner_just_before(work[max(clause.start, a - 80) : a])
                after = work[b : _next_start(starts, b, clause.end)]
                passive = clause.by_span is not None or (pm is not None and pm.end() <= a)
                owner = owner or giver_just_after(after, passive)
                who = (owner, None) if owner else (speaker, pronoun)
                frames[(a, b)] = Frame(_about(words, text_own), role, *who)
            previous = (results[-1][0], own[-1][2])
        before = clause
    return [frames[(a, b)] for a, b, _ in figs]


def _next_start(starts: list[int], end: int, limit: int) -> int:
    """Where the next figure after `end` starts, or limit if none starts before it."""
    i = bisect.bisect_left(starts, end)
    return min(starts[i], limit) if i < len(starts) else limit


def annotate(t: Text, drafts: list[ClaimDraft]) -> None:
    """Set what each figure of drafts (in text order, dates timed) is about, its role, its
    speaker and its time, sentence by sentence."""
    text, original, sentences = t.text, t.original, t.sentences
    dates = sorted(
        (DateMention(d.start, d.end, d.time) for d in drafts if _dates(text, d)),
        key=lambda d: d.start,
    )
    date_starts = [d.start for d in dates]
    groups: dict[int, list[ClaimDraft]] = {}
    for d in drafts:
        if d.kind != "date":
            groups.setdefault(t.sentence_index(d.start), []).append(d)
    for k, group in groups.items():
        sentence = sentences[k] if sentences else (0, len(text))
        mine = within(dates, date_starts, *sentence)
        frames = _group_frames(text, original, sentence, group, [(m.start, m.end) for m in mine])
        spans = [(d.start, d.end) for d in group]
        times = figure_times(text, sentence, spans, mine, t.published, [f.role for f in frames])
        for d, f, (time, source) in zip(group, frames, times, strict=True):
            d.about, d.role, d.speaker = f.about, _moved(text, sentence[0], d, f.role), f.speaker
            if f.pronoun:
                d.speaker = antecedent(text, sentences, k, d.start, f.pronoun)
            d.time, d.time_source = time, source


def _dates(text: str, d: ClaimDraft) -> bool:
    """Whether a draft is a date that can give a figure its time: no span of years."""
    return d.kind == "date" and bool(d.time) and not YEAR_SPAN_RE.search(text, d.start, d.end)


def _group_frames(text: str, original: str, sentence, group: list[ClaimDraft], dates: list):
    """The frames of a sentence's figures. A duration that frames the others ("fell 12% over
    the past nine days") takes no words from them: theirs are read as if it were no figure,
    its own with every figure."""
    # a figure's own words: its counted noun or unit ("1,150 people", "11,000 acres")
    figures = [(d.start, d.end, original[d.start : d.end]) for d in group]
    framing = [d.frames_time for d in group]
    if not any(framing) or all(framing):
        return sentence_frames(text, sentence, figures, dates)
    kept = [f for f, x in zip(figures, framing, strict=True) if not x]
    others = iter(sentence_frames(text, sentence, kept, dates))
    every = sentence_frames(text, sentence, figures, dates)
    return [f if x else next(others) for f, x in zip(every, framing, strict=True)]


def _moved(text: str, s0: int, d: ClaimDraft, role: str) -> str:
    """The role of a figure, a change when it is a percent or a sum right after a verb of a
    figure that moves by itself ("Prices plunged 12%")."""
    if role != "value" or d.kind not in _MOVED_KINDS:
        return role
    return "change" if _MOVED_RE.search(text, max(s0, d.start - 80), d.start) else role
