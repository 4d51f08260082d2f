"""Who "she", "it" or "they" is, when a pronoun gives a figure: the party named just before.

"The governor toured the site on Friday. She said 57 homes were lost." gives the 57 to
the governor; "On Monday the ministry had said 35 people were dead; by Wednesday it said
61" gives the 61 to the ministry. The antecedent is the last party named before the
figure, in its own sentence or the two before it, that the pronoun can stand for
(`party_nouns` in the lexicon): "he" or "she" a person ("the governor", "Maria Lopez"),
"it" a body ("the ministry", "the agency"), "they" a group or a body ("police",
"organisers", "the company"). None when there is no such party: an unknown speaker is
better than a wrong one. "we" is never resolved (it speaks for whoever is quoted).
"""

from __future__ import annotations

import bisect
import re

from ..vocab.lexicon import LEX
from ..vocab.tries import alternation
from .clauses import CALENDAR

_NOUNS = LEX["party_nouns"]
_NAME = r"[A-Z](?:[\w'’-]+|\.)"  # "Lopez", "O'Neill", an initial "J."
# a party noun with up to two words before it (after its determiner) and a name after
# it ("the provincial government", "Interior Minister Ana Ruiz", "The governor")
_BEFORE = r"(?:\b(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,2}?"
_AFTER = r"(?:\s+" + _NAME + r"){0,3}"


def _nouns(words: list[str], plural: bool) -> re.Pattern:
    """Party nouns, one after another ("the port authority") taken as one party."""
    tail = r"s?\b" if plural else r"\b"
    noun = alternation(words)
    return re.compile(_BEFORE + rf"(?i:\b(?:{noun})(?:\s+(?:{noun}))*{tail})" + _AFTER)


_SINGULAR = {kind: _nouns(words, False) for kind, words in _NOUNS.items()}
_ANY = {kind: _nouns(words, True) for kind, words in _NOUNS.items()}
# which party nouns each pronoun can stand for: "it" a body, never "three field hospitals"
_FOR = {
    "he": (_SINGULAR["person"],),
    "she": (_SINGULAR["person"],),
    "it": (_SINGULAR["body"],),
    "they": (_ANY["group"], _ANY["body"]),
}
# "Maria Lopez", "the Red Cross": a name of two or more capitalised words
_NAME_RE = re.compile(rf"\b{_NAME}(?:\s+{_NAME}){{1,3}}\b")
_DETERMINER_RE = re.compile(r"\b(?:the|a|an)\s", re.I)
_STOP = frozenset(LEX["stopwords"])
_ARTICLES = frozenset({"the", "a", "an"})
LOOK_BACK = 2  # sentences before the figure's that may name its party


def antecedent(
    text: str, sentences: list[tuple[int, int]], k: int, at: int, pronoun: str
) -> str | None:
    """The party the pronoun before offset `at` in sentence k stands for, or None (also
    when the sentence that names it names another party it could stand for)."""
    patterns = _FOR.get(pronoun)
    if not patterns:
        return None
    start = sentences[max(0, k - LOOK_BACK)][0] if sentences else 0
    own = sentences[k][0] if sentences else 0
    said = list(re.finditer(rf"\b{pronoun}\b", text[own:at], re.I))
    end = own + said[-1].start() if said else at  # before the pronoun itself
    found = _candidates(text, start, end, patterns, [a for a, _ in sentences] or [0])
    if not found:
        return None
    last = found[-1]
    rivals = {c[1].lower() for c in found if c[2] == last[2]}
    return last[1] if len(rivals) == 1 else None


def _candidates(
    text: str, start: int, end: int, patterns, starts: list[int]
) -> list[tuple[int, str, int]]:
    """(end, party, its sentence) of the parties named in text[start:end]; a name right
    after a party and a comma is that party ("the union leader, Irena Valk,")."""
    window = text[start:end]
    found = []
    for pattern in patterns:
        for m in pattern.finditer(window):
            party = _party(m.group(0))
            if party:
                found.append((m.end(), party, bisect.bisect_right(starts, start + m.start())))
    ends = {e for e, _, _ in found}
    for m in _NAME_RE.finditer(window):
        party = _party(m.group(0))
        apposed = any(window[e : m.start()] in (", ", " ") for e in ends if e <= m.start())
        if party and not apposed:
            found.append((m.end(), party, bisect.bisect_right(starts, start + m.start())))
    return sorted(found)


def _party(words: str) -> str | None:
    """The party a match names: from its last determiner on, without leading calendar or
    sentence-opening words ("Monday the ministry" is the ministry)."""
    words = " ".join(words.split())
    det = list(_DETERMINER_RE.finditer(words))
    if det:
        words = words[det[-1].start() :]
    tokens = words.split()
    cut = [i for i, t in enumerate(tokens) if t.lower() in _STOP and t.lower() not in _ARTICLES]
    if cut:
        tokens = tokens[cut[-1] + 1 :]  # "dead in hospital": the hospital
    while tokens and tokens[0].lower() in CALENDAR:
        tokens = tokens[1:]
    if not tokens or any(t.lower() in CALENDAR for t in tokens):
        return None
    return " ".join(tokens)
