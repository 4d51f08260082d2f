"""What a count counts: the noun phrase after a number, or the one it implies.

Heuristics over words, no tagger: a noun phrase is the run of content words
after the number up to a function word, a verb-like word or punctuation,
ending at its first plural noun ("5000 US military personnel stationed in" →
"us military personnel").
"""

from __future__ import annotations

import re

from ..vocab.lexicon import LEX
from ..vocab.tries import alternation

STOP = set(LEX["noun_stop_words"])
# verbs and participles that end a noun phrase; words ending in -ed/-ing do too,
# except these adjectives
ADJ_ED = set(LEX["adjectives_ed"])
ADJ_ING = set(LEX["adjectives_ing"])
VERBS = set(LEX["verbs"])
IRREGULAR_PLURALS = set(LEX["irregular_plurals"])
# who a count of people counts: small spelled counts are reported only for these
PERSON_NOUNS = set(LEX["person_nouns"])
# one person named before an age in apposition: "the judge, 62, said"
PERSON_SINGULAR: set[str] = set(LEX["person_singular"])
# what follows "Six died", "31 were injured": the implied noun
IMPLIED_BY_VERB: dict[str, str] = LEX["implied_by_verb"]
NOT_COUNTED = set(LEX["not_counted_nouns"])
_TOTAL_RE = re.compile(r"\b(?:" + alternation(LEX["total_words"]) + r")\b", re.IGNORECASE)
_NEW_COUNT = set(LEX["new_count_words"])
MONEY_NOUN_AFTER_RE = re.compile(
    r"[^\S\n]+" + alternation(LEX["money_nouns"]) + r"\b", re.IGNORECASE
)
_SUBJECT_PREPOSITIONS = set(LEX["subject_prepositions"])
_SUBJECT_DETERMINERS = set(LEX["subject_determiners"])
_NOT_SUBJECT = set(LEX["not_subject_words"])
# what may follow a capitalised plural that opens a sentence when it is who tells
# ("Officials said 2,000 more"), not the sentence's subject
_TELLS = frozenset(LEX["telling_verbs"])
_WORD_RE = re.compile(r"\s*((?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_VERB_AFTER_RE = re.compile(
    r"\s*(?:" + alternation(LEX["implied_by_verb_between"]) + r"\s+){0,4}([a-z]+)\b",
    re.IGNORECASE,
)
# "the police estimate of", "the organisers' count was": whose figure, not what it counts
_OWNED_COUNT_RE = re.compile(
    r"\b(?:" + alternation(LEX["attribution_owners"]) + r")\s+(?:of|at|was|is|stood\s+at|put\s+at)"
    r"(?:\s+(?:about|around|some|roughly|nearly|almost|over|more\s+than|at\s+least))?\s*$",
    re.I,
)
_DEATH_COUNT_RE = re.compile(r"\b" + alternation(LEX["death_counts"]) + r"\b", re.IGNORECASE)
_NUMBER_OF_RE = re.compile(
    r"\b(?:number|total|count|tally|toll|figure)\s+of\s+((?:[A-Za-z][\w'’-]*\s+){0,3}"
    r"[A-Za-z][\w'’-]*)\b",
    re.IGNORECASE,
)


# hot-path patterns, compiled once
_QUOTE_RE = re.compile(r"[\"”’]?")


def is_plural(word: str) -> bool:
    """True for a word that looks like a plural noun (troops, people, fighters)."""
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return True
    if len(w) < 4 or w in STOP or w in VERBS:
        return False
    if word.isupper():
        return False
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "ous", "'s", "’s"))


def is_content(word: str) -> bool:
    """True for a word that can be part of a counted noun phrase (not a function word or verb)."""
    w = word.lower()
    if w in IRREGULAR_PLURALS:  # "elderly", "offspring"
        return True
    if w in STOP or w in VERBS:
        return False
    if w.endswith("ly") and len(w) > 4 and w not in ("family", "ally", "assembly", "supply"):
        return False
    if w.endswith("ed") and w not in ADJ_ED and len(w) > 4:
        return False
    if w.endswith("ing") and w not in ADJ_ING and len(w) > 5:
        return False
    return True


# "40 of the passengers", "10,000 more teachers", "5 other people": the noun comes after
# "199 of the 389 seats": a part of a whole stated as a figure with its noun
_PARTITIVE_FIGURE_RE = re.compile(
    r"[^\S\n]+of[^\S\n]+(?:(?:the|its|their|these|those|all)[^\S\n]+)?\d[\d,]*(?:\.\d+)?[^\S\n]+",
    re.IGNORECASE,
)
_SKIP_BEFORE_NOUN_RE = re.compile(
    r"\s*of\s+(?:the|these|those|its|their|his|her|our|all)?\s*"
    r"|\s+(?:more|fewer|other)\s+(?!than\b)",
    re.IGNORECASE,
)


def _verb_as_noun(word: str) -> bool:
    """ "306 electoral votes", "100 million lives": a plural subject takes no -s, so a verb
    form in -s right after a count is the counted noun."""
    w = word.lower()
    return w in VERBS and w.endswith("s") and len(w) > 4


def noun_after(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """The noun phrase starting at text[pos:] and where it ends, or None.

    Skips "of the" ("40 of the 100 passengers" counts passengers); ends at the
    first plural noun, at a non-content word, or after five words.
    """
    words: list[str] = []
    end = pos
    p = pos
    q = _QUOTE_RE.match(text, p)  # '"about 12,000" U.S. troops'
    p = q.end()  # type: ignore[union-attr]
    m = _SKIP_BEFORE_NOUN_RE.match(text, p)
    more = False
    if m and m.end() < limit:
        p = m.end()
        more = "of" not in m.group(0).lower()
    while len(words) < 5:
        model = _model_in_noun(text, p, limit, words, more)
        if model is not None:
            words.append(model[0])
            p = end = model[1]
            continue
        m = _WORD_RE.match(text, p)
        if not m or m.end() > limit:
            break
        w = m.group(1)
        named = not w.islower() and _model_in_noun(text, m.end(), limit, [w], more) is not None
        if not (is_content(w) or (w.isupper() and len(w) > 1) or _verb_as_noun(w) or named):
            if not (words == [] and _adverb_before_adjective(w, text, m.end(), limit)) and not (
                _modifies(words) and _participle_before_noun(w, text, m.end(), limit)
            ):
                break
        words.append(w)
        end = m.end()
        p = m.end()
        if is_plural(w) and not named and not _adjective_before_noun(w, text, p, limit):
            break
    if words and _BY_AFTER_RE.match(text, end):
        words, end = _without_given(words, text, pos, end)
    if not words:
        return None
    return " ".join(words).lower(), end


# a model name's number inside a counted noun: "Series 5", "A320", "737-800", "iPhone 15"
_MODEL_RE = re.compile(r"[^\S\n]*(?<=\s)((?:[A-Z]{1,2}-?)?\d+[A-Z]?(?:-\d+)?)(?=[^\S\n]+[A-Za-z])")
_PLURAL_AFTER_RE = re.compile(r"(?:[^\S\n]+[A-Za-z][\w'’-]*){1,3}")


def _model_in_noun(
    text: str, pos: int, limit: int, words: list[str], more: bool
) -> tuple[str, int] | None:
    """A model number inside the counted noun and its end, or None: after a name
    ("41,000 Series 5 phones", "iPhone 15 handsets"), written as a model ("120 A320
    aircraft", "410 737-800 aircraft"), or right after "more"/"other" ("9 more 767 jets");
    only when a plural noun closes the phrase, so the count is of that noun."""
    m = _MODEL_RE.match(text, pos)
    if m is None or m.end() > limit:
        return None
    token = m.group(1)
    named = bool(words) and not words[-1].islower()
    shaped = not token.isdigit()
    if not (named or shaped or (more and not words)):
        return None
    after = _PLURAL_AFTER_RE.match(text, m.end())
    if after is None or after.end() > limit:
        return None
    for w in after.group(0).split():
        if is_plural(w) and is_content(w):
            return token, m.end()
        if not is_content(w):
            return None
    return None


# "the 9,600 estimated by the organisers": a participle before "by" is who gave the
# figure (factcheck/extract/clauses.py), not what it counts
_GIVEN = frozenset(LEX["giver_verbs_after"].values())
_BY_AFTER_RE = re.compile(r"[^\S\n]+by\b", re.I)


def _without_given(words: list[str], text: str, pos: int, end: int) -> tuple[list[str], int]:
    """The noun's words without a participle of giving at their end, and where they end."""
    for n in (2, 1):
        if len(words) >= n and " ".join(words[-n:]).lower() in _GIVEN:
            kept = words[:-n]
            if not kept:
                return [], pos
            last = text.rfind(kept[-1], pos, end)
            return kept, last + len(kept[-1])
    return words, end


def _adverb_before_adjective(word: str, text: str, pos: int, limit: int) -> bool:
    """ "three critically injured workers": an -ly adverb before a content word."""
    if not (word.lower().endswith("ly") and len(word) > 4) or word.lower() in STOP:
        return False
    nxt = _WORD_RE.match(text, pos)
    if nxt is None or nxt.end() > limit:
        return False
    return is_content(nxt.group(1)) or _participle_before_noun(nxt.group(1), text, nxt.end(), limit)


def _modifies(words: list[str]) -> bool:
    """Whether a participle may follow these words in a noun phrase: none yet, or an adverb."""
    return not words or (words[-1].lower().endswith("ly") and len(words[-1]) > 4)


def _participle_before_noun(word: str, text: str, pos: int, limit: int) -> bool:
    """ "seven masked men", "four badly burned workers": an -ed participle used as an
    adjective right before a plural noun."""
    w = word.lower()
    if not (w.endswith("ed") and len(w) > 4) or w in STOP or w in VERBS:
        return False
    nxt = _WORD_RE.match(text, pos)
    return bool(nxt and nxt.end() <= limit and is_content(nxt.group(1)) and is_plural(nxt.group(1)))


def _adjective_before_noun(word: str, text: str, pos: int, limit: int) -> bool:
    """ "injured workers", "dead soldiers": a participle that is also a plural noun,
    used as an adjective before a plural noun."""
    if word.lower() not in ADJ_ED:
        return False
    nxt = _WORD_RE.match(text, pos)
    return bool(nxt and nxt.end() <= limit and is_content(nxt.group(1)) and is_plural(nxt.group(1)))


def partitive_noun(text: str, pos: int, limit: int) -> str | None:
    """ "199 of the 389 seats" counts seats: the noun of the whole it is a part of."""
    m = _PARTITIVE_FIGURE_RE.match(text, pos)
    if not m:
        return None
    found = noun_after(text, m.end(), limit)
    return found[0] if found else None


def implied_by_verb(text: str, pos: int) -> str | None:
    """ "dead" for "Six died", "injured" for "31 were wounded"; None otherwise."""
    m = _VERB_AFTER_RE.match(text, pos)
    if not m:
        return None
    return IMPLIED_BY_VERB.get(m.group(1).lower())


def noun_before(sentence_before: str) -> str | None:
    """The counted noun a sentence names before an elided count.

    "The number of US forces ... was 1,70,300" → "us forces"; "the death toll
    from the floods climbed to 66" → "dead"; else the nearest plural noun among
    the last dozen words ("" when that is a noun of who tells, such as
    "estimates" or "organisers": the noun is then unknown).
    """
    found = None
    for m in _NUMBER_OF_RE.finditer(sentence_before):
        words = m.group(1).split()
        keep = []
        for w in words:
            if not (is_content(w) or (w.isupper() and len(w) > 1)):
                break
            keep.append(w)
            if is_plural(w):
                break
        if keep:
            found = " ".join(keep).lower()
    if found:
        return found
    if _DEATH_COUNT_RE.search(sentence_before):
        return "dead"
    if _OWNED_COUNT_RE.search(sentence_before):
        return ""  # "the police estimate of 38,000": the police own it, it counts no police
    last: list[str] = re.findall(r"[A-Za-z][A-Za-z'’-]*", sentence_before)[-12:]
    for w in reversed(last):
        if is_plural(w) and is_content(w) and not w[0].isupper():
            # "" when the nearest is a source's noun: the count's noun is unknown here,
            # and no earlier sentence's noun may stand in for it
            return "" if w.lower() in NOT_COUNTED else w.lower()
    return None


def names_own_subject(sentence_before: str) -> bool:
    """True when the words before an elided count name what it measures themselves, so no
    earlier sentence's noun stands in: "Police put the crowd at" (the crowd), "Shares topped"
    (shares). "Officials said another", "In the capital," and "The next day," name none."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", sentence_before)
    if not words:
        return False
    first, after = words[0], words[1].lower() if len(words) > 1 else ""
    if first[0].isupper() and is_plural(first) and first.lower() not in NOT_COUNTED:
        if after not in _TELLS:
            return True
    for i in range(len(words) - 1, -1, -1):
        w = words[i].lower()
        if w in STOP:
            continue
        if not is_content(w) or w in _NOT_SUBJECT or not w.isalpha():
            return False  # a verb or an adverb governs the count: "said another", "arrived"
        det = words[i - 1].lower() if i >= 1 else ""
        before_det = words[i - 2].lower() if i >= 2 else ""
        return det in _SUBJECT_DETERMINERS and before_det not in _SUBJECT_PREPOSITIONS
    return False


def lent_noun(noun: str | None, between: str) -> str | None:
    """The noun an earlier count of the sentence lends a bare one: "new cases" stays "new
    cases" ("300 new infections and 200 more"), but after a word of a running total
    ("bringing its total to 98,450") the total counts cases, not new cases."""
    if not noun or " " not in noun or not _TOTAL_RE.search(between):
        return noun
    first, rest = noun.split(" ", 1)
    return rest if first in _NEW_COUNT else noun
