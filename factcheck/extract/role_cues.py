"""Cues that a share (a percent or index points) is the size of a change, read by
factcheck/extract/frames.py's role reader when no closer cue has spoken: "gained 118.9 points,
or 0.49 per cent,", "after a 0.4 per cent rise", "cut the risk of death by 21 per cent".

The texts searched are a figure's clause words with the clause's figures blanked out, as
frames.py reads them. The word lists live in factcheck/vocab/lexicon.yaml.
"""

from __future__ import annotations

import re

from ..vocab.lexicon import LEX, trie
from ..vocab.tries import alternation

_MOVING = alternation(LEX["change_verbs"] + LEX["change_acts"])
_QUAL = (
    r"(?:(?:about|around|some|roughly|nearly|almost|approximately|more\s+than|over|at\s+least"
    r"|up\s+to|as\s+much\s+as|only|just)\s+)?"
)
# "gained 118.9 points, or 0.49 per cent, to", "rose $12.40, or 0.6 per cent": the share of a
# move after a verb of change and its size (the size itself blanked)
_MOVED_OR_RE = re.compile(
    r"\b(?:" + _MOVING + r"|" + trie("move_words") + r")(?:\s+by)?\s*,\s+or\s+$",
    re.I,
)
# "a 40% increase", "after a 0.4 per cent rise": a share that names a change
_CHANGE_NOUN_AFTER_RE = re.compile(r"^\s*(?:" + trie("change_nouns") + r")\b", re.I)
_ARTICLE_END_RE = re.compile(r"\ban?\s+$", re.I)
# "cut the risk of death by 21 per cent", "raised the cash rate by 25 basis points": a verb of
# change, its object, then "by" and a share (an agent is never a share; "the motion to cut
# fees was backed by 54%" has a verb of its own between)
_OBJECT_BY_RE = re.compile(
    r"\b(?:" + _MOVING + r")\s+(?:(?:the|its|their|a|an|his|her)\s+)?"
    r"(?:(?!(?:was|were|is|are|be|been|being|has|have|had|said|says)\b)[\w'’-]+\s+){1,5}by\s+"
    + _QUAL
    + r"$",
    re.I,
)


_PARTICLE_UP_RE = re.compile(r"\b(?:" + trie("up_particle_verbs") + r")\s+up\s+$", re.I)


def particle_up(pre: str) -> bool:
    """Whether the "up" just before a figure is a verb's particle ("make up 82%")."""
    return bool(_PARTICLE_UP_RE.search(pre))


def share_moves(pre: str, post: str, before: str) -> bool:
    """Whether a share, with `pre` and `post` the words just before and after it in its
    clause and `before` the clause text before it, is the size of a change."""
    end = pre.rstrip().lower()
    if end.endswith(("a", "an")) and _ARTICLE_END_RE.search(pre):
        return bool(_CHANGE_NOUN_AFTER_RE.match(post))
    if end.endswith("or"):
        return bool(_MOVED_OR_RE.search(before))
    return end.endswith("by") and bool(_OBJECT_BY_RE.search(before))
