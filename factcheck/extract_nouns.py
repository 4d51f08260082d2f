"""What a count counts: the noun phrase after a number, or the one it implies.

Heuristics over words, no tagger: a noun phrase is the run of content words
after the number up to a function word, a verb-like word or punctuation,
ending at its first plural noun ("5000 US military personnel stationed in" →
"us military personnel").
"""

from __future__ import annotations

import re

STOP = set(
    """
a an the this that these those there here it its it's they them their theirs we us our you
your he him his she her i me my who whom whose which what when where why how whether if
then than and or but nor so yet as of in on at to from by with without into onto upon
about above across after against along amid among around before behind below beneath
beside besides between beyond during except for inside near off out outside over past per
since through throughout till toward towards under until up via within is are was were be
been being am has have had having do does did doing will would shall should can could may
might must not no nor only just also too very more most less least much many some any
each every all both either neither other another such own same so than too again already
still even ever never always often now today yesterday tomorrow tonight ago later earlier
percent per cent while whereas although though because since unless said says say told
according more fewer last next first second year years month months week weeks day days
compared versus vs respectively including included include includes alone together
""".split()
)
# verbs and participles that end a noun phrase; words ending in -ed/-ing do too,
# except these adjectives
ADJ_ED = {
    "armed", "trained", "skilled", "registered", "licensed", "unarmed", "detained", "wounded",
    "injured", "displaced", "unemployed", "employed", "retired", "estimated", "reported",
    "confirmed", "elected", "unidentified", "suspected", "alleged", "unnamed", "named",
    "qualified", "married", "talented", "advanced", "united", "red", "bed", "hundred",
    "related", "affected", "infected", "vaccinated", "killed", "dead",
}  # fmt: skip
ADJ_ING = {"ruling", "leading", "fighting", "building", "housing", "training", "remaining",
           "existing", "missing", "working", "serving", "living", "striking", "voting",
           "shooting", "bombing", "landing", "sporting", "spring", "king", "wing",
           "evening", "morning", "string", "thing", "ceiling", "offering", "meeting",
           "listing", "polling", "booking", "painting", "saving", "earning", "holding"}  # fmt: skip
VERBS = set(
    """
is are was were be been has have had do does did will would shall should can could may
might must died die dies killed kill kills fled flee flees left leave leaves remain remains
remained arrived arrive arrives came come comes went go goes took take takes made make
makes said say says got get gets lost lose loses won win wins returned joined join joins
attended attend attends signed sign signs voted vote votes live lives lived work works
worked serve serves served stay stays stayed face faces faced need needs needed were
""".split()
)
IRREGULAR_PLURALS = {
    "people", "personnel", "police", "children", "men", "women", "staff", "cattle", "sheep",
    "fish", "deer", "troops", "youth", "clergy", "crew", "feet",
    "teeth", "geese", "mice", "dead", "injured", "wounded", "faithful", "elderly", "poor",
    "data", "media", "aircraft", "livestock", "offspring", "infantry", "cavalry", "alumni",
}  # fmt: skip
# who a count of people counts: small spelled counts are reported only for these
PERSON_NOUNS = set(
    """
people persons person soldiers soldier troops civilians civilian children child kids men man
women woman boys girls fighters fighter militants militant police policemen officers officer
workers students patients residents migrants refugees prisoners hostages journalists
reporters members employees staff personnel americans victims deaths casualties dead
injured killed wounded survivors passengers pilots nurses doctors protesters demonstrators
voters citizens inmates detainees suspects attackers gunmen bodies individuals adults infants
babies teenagers marines sailors guards rebels insurgents troopers commanders leaders
""".split()
)
# one person named before an age in apposition: "the judge, 62, said"
PERSON_SINGULAR = set(
    """
man woman boy girl child judge mother father son daughter wife husband president minister
officer driver victim suspect teacher student resident chief leader founder owner singer
actor actress player worker farmer doctor nurse pilot soldier lawyer survivor friend
grandmother grandfather sister brother widow
""".split()
)
# what follows "Six died", "31 were injured": the implied noun
IMPLIED_BY_VERB = {
    "died": "dead", "dead": "dead", "killed": "dead", "perished": "dead", "drowned": "dead",
    "slain": "dead", "murdered": "dead", "executed": "dead", "injured": "injured",
    "wounded": "injured", "hurt": "injured", "hospitalized": "injured",
    "hospitalised": "injured", "arrested": "arrested", "detained": "detained",
    "missing": "missing", "displaced": "displaced", "evacuated": "evacuated",
    "rescued": "rescued", "survived": "survivors",
}  # fmt: skip
_WORD_RE = re.compile(r"\s*((?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_VERB_AFTER_RE = re.compile(
    r"\s*(?:(?:were|was|are|is|have|has|had|been|being|reportedly|also|later|all)\s+){0,3}"
    r"([a-z]+)\b",
    re.IGNORECASE,
)
_NUMBER_OF_RE = re.compile(
    r"\b(?:number|total|count|tally|toll|figure)\s+of\s+((?:[A-Za-z][\w'’-]*\s+){0,3}"
    r"[A-Za-z][\w'’-]*)\b",
    re.IGNORECASE,
)


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
    q = re.compile(r"[\"”’]?").match(text, p)  # '"about 12,000" U.S. troops'
    p = q.end()
    m = _SKIP_BEFORE_NOUN_RE.match(text, p)
    if m and m.end() < limit:
        p = m.end()
    while len(words) < 5:
        m = _WORD_RE.match(text, p)
        if not m or m.end() > limit:
            break
        w = m.group(1)
        if not (is_content(w) or (w.isupper() and len(w) > 1) or _verb_as_noun(w)):
            break
        words.append(w)
        end = m.end()
        p = m.end()
        if is_plural(w):
            break
    if not words:
        return None
    return " ".join(words).lower(), end


def implied_by_verb(text: str, pos: int) -> str | None:
    """ "dead" for "Six died", "injured" for "31 were wounded"; None otherwise."""
    m = _VERB_AFTER_RE.match(text, pos)
    if not m:
        return None
    return IMPLIED_BY_VERB.get(m.group(1).lower())


def noun_before(sentence_before: str) -> str | None:
    """The counted noun a sentence names before an elided count.

    "The number of US forces ... was 1,70,300" → "us forces"; else the nearest
    plural noun among the last dozen words.
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
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", sentence_before)[-12:]
    for w in reversed(words):
        if is_plural(w) and is_content(w) and not w[0].isupper():
            return w.lower()
    return None
