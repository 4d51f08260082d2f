"""What stands around a number: currency, qualifier, unit, a range's second number, cents."""

from __future__ import annotations

import re

from ..vocab import currencies, units
from ..vocab.lexicon import LEX
from ..vocab.tries import alternation
from . import nouns
from . import numbers as nums
from . import patterns as pat
from .drafts import Drafts
from .read_number import read_number
from .scanner import Num
from .text import Text
from .unit_match import match_unit


def currency_before(text: str, start: int, lo: int):
    """(code, label, start, million) of a currency written before text[start]."""
    window = text[max(lo, start - 14) : start]
    m = pat.CUR_BEFORE_RE.search(window, max(0, len(window.rstrip()) - pat.CUR_BEFORE_LONGEST))
    if not m:
        return None
    base = start - len(window)
    code: str | None
    if m.group("sym"):
        sym = m.group("sym")
        code = currencies.SYMBOLS[sym]
        s = base + m.start("sym")
        pre = m.group("pre")
        if pre and sym == "$":
            p = pre.lower()
            spaced = bool(m.group("presp"))
            if p in currencies.DOLLAR_PREFIXES and not (spaced and p in ("a", "s", "r", "z")):
                code = currencies.DOLLAR_PREFIXES[p]
                s = base + m.start("pre")
        return code, code, s, 1.0
    if m.group("dsuf"):  # "$US 4.2 million", "$NZ 80m"
        code = currencies.DOLLAR_SUFFIXES[m.group("dsuf")]
        return code, code, base + m.start(), 1.0
    if m.group("mcode"):
        return m.group("mcode")[1:].upper(), m.group("mcode")[1:].upper(), base + m.start(), 1e6
    word = m.group("word")
    code = currencies.code_for(word.rstrip(".")) or currencies.WORD_PREFIXES.get(word.lower())
    if code is None:
        return None
    return code, code, base + m.start("word"), 1.0


def qualifier_before(text: str, drafts: Drafts, start: int, lo: int):
    """(qualifier, start, between, negative) of the words before text[start]."""
    window = text[max(lo, start - 40) : start]
    ends = window.rstrip().lower().endswith(pat.QUAL_BEFORE_ENDS)
    m = pat.QUAL_BEFORE_RE.search(window) if ends else None
    base = start - len(window)
    if not m:
        if "pas" in window[-10:].lower():  # "the toll passed 2,000"; the test is cheap
            return _rising_qualifier(text, drafts, start, lo)
        return None, start, False, False
    if m.group("neg"):
        return None, base + m.start(), False, True
    if m.group("between2"):
        return None, base + m.start(), True, False
    q = "approx" if m.group("tilde") else pat.QUAL_OF[pat.key(m.group("q"))]
    if q == "at_most" and pat.MOVED_UP_TO_RE.search(text, max(lo, start - 80), start):
        return None, start, False, False  # "went up to eight": eight, not at most eight
    return q, base + m.start(), bool(m.group("between")), False


def _rising_qualifier(text: str, drafts: Drafts, start: int, lo: int):
    """ "the toll passed 2,000", "sales have passed $1 billion": after a figure that rises."""
    rm = pat.RISING_QUAL_RE.search(text, max(lo, start - 60), start)
    last = drafts.last()
    if rm is None and last is not None and last.qualifier in ("more_than", "at_least"):
        # "topped 40,000 and passed 45,000": the figure just before rose past a bound too
        rm = pat.RISING_CHAIN_RE.match(text, last.end, start)
        rm = rm if rm and last.end >= lo else None
    if rm and not pat.YEAR_AHEAD_RE.match(text, start):
        return pat.RISING_QUALIFIERS[pat.key(rm.group("q"))], rm.start("q"), False, False
    return None, start, False, False


def unit_after(t: Text, num: Num, p: int, money_before: bool):
    """What follows the number: ('percent'|'money'|'unit', info, end) or None."""
    text = t.text
    pct = _percent_after(text, p)
    if pct or money_before:
        return pct
    m = pat.CUR_AFTER_RE.match(text, p)
    r = _currency_after(text, num, m) if m else None
    if r:
        return r
    attached = p < len(text) and text[p - 1 : p].isdigit() and not text[p : p + 1].isspace()
    q = p
    hy = pat.HYPHEN_UNIT_RE.match(text, p)
    if hy:  # "a 2,000-pound bomb", "a 5-km race", "30 - year bonds" as wire text spaces it
        q = hy.end()
        attached = True
        m = pat.CUR_AFTER_RE.match(text, q)
        r = _currency_after(text, num, m) if m and (m.group("sub") or m.group("name")) else None
        if r:
            return r
    if q < len(text) and text[q : q + 1] == " ":
        q += 1
    elif q == p and not attached:
        return None
    if not (text[q : q + 1].isalpha() or text[q : q + 1] in "°"):
        return None
    r = match_unit(text, q, attached)
    if r is None and text[q : q + 1] in _RUN_INITIALS and not hy:
        r = _run_of_time(text, q)  # "14 straight months"
    if r is None or text[r[1] : r[1] + 1].isalpha():
        return None
    if r[1] - q == 1 and r[0].dimension == "temperature" and not _temperature(t, num, q):
        return None
    doubt = units.IN_DOUBT.get(text[q : r[1]].lower())
    if doubt and _words_of_sentence(t, q) & doubt:
        return None  # "12nm off the coast": nautical miles, not nanometres
    return "unit", r[0], r[1]


# "14 straight months": words of an unbroken run between a figure and its time unit
_RUN_WORD_RE = re.compile(r"(?:" + alternation(LEX["run_of_time_words"]) + r")[^\S\n]+", re.I)
_RUN_INITIALS = frozenset(w[0] for w in LEX["run_of_time_words"]) | frozenset(
    w[0].upper() for w in LEX["run_of_time_words"]
)
# the first figure of a range just before a temperature's figure: "30-32C", "8–10C"
_RANGE_PARTNER_RE = re.compile(r"(?:^|[\s(])[-−]?\d{1,3}(?:\.\d)?[-–]$")


def _run_of_time(text: str, q: int):
    """ "for 14 straight months", "a third consecutive year": the time unit after a word of
    an unbroken run, or None (never another unit: "12 straight wins" is a count)."""
    m = _RUN_WORD_RE.match(text, q)
    r = match_unit(text, m.end(), False) if m else None
    return r if r is not None and r[0].dimension == "time" else None


def _words_of_sentence(t: Text, q: int) -> set[str]:
    """The lowercased words of the sentence holding q."""
    s_start, s_end = t.sentence_of(q)
    return {w.lower() for w in _WORDS_RE.findall(t.text, s_start, s_end)}


def _temperature(t: Text, num: Num, q: int) -> bool:
    """Whether a bare letter after a figure (30C, 86F, 40c) is a temperature, not a name
    (SCP-173C, the 777F, 13F filing) or cents (11c): only in a sentence about weather."""
    text = t.text
    before = text[max(0, num.start - 8) : num.start]
    glued = re.search(r"[A-Za-z0-9]-?$", before) and not _RANGE_PARTNER_RE.search(before)
    if glued or text[q + 1 : q + 2] in ("/", "-"):
        return False  # glued to a name, or "14.7C/ per share"; not "highs of 30-32C"
    if re.search(r"\b(?:the|a|an)\s+$", before, re.I) and num.value == int(num.value):
        return False  # "the 777F": a model
    if num.value < 0:
        return True  # "-3C": no model or price is written so
    # 40c is cents as often as Celsius, 13F a filing: only with weather words around
    s_start, s_end = t.sentence_of(q)
    return bool(pat.WEATHER_RE.search(text, s_start, s_end))


def _currency_after(text: str, num: Num, m: re.Match):
    """('money', (code, label, factor), end) for a currency after the number."""
    if m.group("sym"):
        code = currencies.SYMBOLS[m.group("sym")]
        return "money", (code, code, 1.0), m.end()
    if m.group("sub"):
        sub = m.group("sub").lower()
        if sub == "p" and (m.group("sp") or abs(num.value) >= 1000 or num.value in pat.VIDEO_LINES):
            return None  # "12p" is pence; "12 p", "720p" are not
        label, parent, frac = currencies.SUBUNITS[sub]
        if m.group("subpre"):  # "31 US cents", "20 euro cents"
            parent = currencies.SUBUNIT_PREFIXES[" ".join(m.group("subpre").lower().split())]
        return "money", (parent, label, frac), m.end()
    if m.group("mcode"):
        code = m.group("mcode")[1:].upper()
        return "money", (code, code, 1e6), m.end()
    if m.group("code"):
        return _code_after(text, num, m)
    if m.group("name"):
        return _name_after(text, num, m)
    return None


def _code_after(text: str, num: Num, m: re.Match):
    """An ISO code after the number, maybe with a scale: "75 USD million"."""
    if m.group("sp") == "" and not text[m.start() - 1 : m.start()].isdigit():
        return None
    code = currencies.code_for(m.group("code"))
    if code is None or text[m.end() : m.end() + 1].isdigit():
        return None  # "3 USD50 cards": the code is the next amount's, glued to it
    end = m.end()
    sm = _CODE_SCALE_RE.match(text, end)
    factor = 1.0
    if sm and not num.scaled:
        factor = nums.SCALES[sm.group(1).lower()]
        end = sm.end()
    return "money", (code, code, factor), end


def _name_after(text: str, num: Num, m: re.Match):
    """A currency name after the number: "5 euros", "3 million Hong Kong dollars"."""
    if not m.group("sp") and text[m.start() - 1 : m.start()].isdigit():
        return None
    name = currencies.CURRENCY_FORMS[pat.key(m.group("name"))]
    default, adjs = currencies.CURRENCY_NAMES[name]
    adj = (m.group("adj") or "").lower()
    code = adjs.get(adj, default)
    if name == "pound" and not adj and not num.scaled:
        hyphen = text[max(0, m.start() - 3) : m.start()].rstrip().endswith("-")
        if hyphen or pat.OF_GOODS_RE.match(text, m.end()):
            return None  # "4,000 pounds of cocaine", "a 2,000-pound bomb": weight
    if name in currencies.GUARDED_NAMES and not adj and not _guarded_is_money(text, name, num, m):
        return None
    if m.group("name").lower() == "mark" and pat.MILESTONE_BEFORE_RE.search(
        text, max(0, num.start - 6), num.start
    ):
        return None  # "crossed the 10,000 mark": a milestone, not Deutsche marks
    if name == "satoshi":
        return "money", ("BTC", "satoshi", 1e-8), m.end()
    return "money", (code, code, 1.0), m.end()


def _guarded_is_money(text: str, name: str, num: Num, m: re.Match) -> bool:
    """A name that is also a word ("real", "mark", "won") is money after a large figure,
    unless a noun follows it ("5 million real fans"); "rand" after any figure ("45 rand")."""
    small = name in currencies.GUARDED_SMALL_MONEY and m.group("name").islower()
    if not (small or num.scaled or abs(num.value) >= 1000):
        return False
    if name in ("pound", "won"):
        return True
    nxt = re.match(r"[^\S\n]+([a-z]+)", text[m.end() : m.end() + 30])
    return not (nxt and nxt.group(1) not in nouns.STOP)


def second_number(text: str, p: int, lo: int, hi: int):
    """The number after a range connector at text[p:], with its currency before it."""
    cur = None
    q = p
    cm = pat.SECOND_CUR_RE.match(text, q)
    if cm:
        cur = currencies.SYMBOLS[cm.group("s")]
        if cm.group("pre") and cur == "USD":
            cur = currencies.DOLLAR_PREFIXES[pat.key(cm.group("pre"))]
        elif cm.group("suf") and cur == "USD":
            cur = currencies.DOLLAR_SUFFIXES[cm.group("suf")]
        q = cm.end()
    elif text[p : p + 1].isalpha():
        wm = pat.SECOND_CUR_WORD_RE.match(text, p)  # "Rs 5 lakh and Rs 10 lakh", "INR 10"
        word = wm.group("w").rstrip(".") if wm else None
        code = word and (currencies.code_for(word) or currencies.WORD_PREFIXES.get(word.lower()))
        if code:
            cur, q = code, wm.end()  # type: ignore[union-attr]
    m = pat.CORE_RE.match(text, q)
    if m and m.lastgroup == "ratio":
        m = pat.NUMBER_ONLY_RE.match(text, q)  # "6-4 in 92 minutes": the score's 4, no ratio
    if not m or m.lastgroup not in ("digits", "spelled") or m.end() > hi:
        return None
    num = read_number(text, m)
    if num is None:
        return None
    return num, cur


def cents(text: str, p: int, s_end: int):
    """(cents, end) after whole units of money ("3 dollars 50 cents", "15 dollars and 50")."""
    m = re.compile(
        r"\s+(?:and\s+)?(\d{1,2}(?!\d)(?![.,]\d)|[a-z]+(?:[\s-](?:one|two|three|four|five|six|"
        r"seven|eight|nine))?)(\s*(?:cents?|¢|pence|p\b))?",
        re.I,
    ).match(text, p)
    if not m or m.end() > s_end:
        return None
    raw = m.group(1)
    if raw.isdigit():
        value = float(raw)
    else:
        parsed = nums.parse_words(nums.words_of(raw))
        if parsed is None or parsed[1] != len(nums.words_of(raw)):
            return None
        value = parsed[0]
    if value >= 100 or value <= 0:
        return None
    if not m.group(2):
        rest = text[m.end() : m.end() + 12]
        if re.match(r"\s*(?:[A-Za-z$€£¥]|\d)", rest) and not _MORE_THEN_STOP_RE.match(rest):
            return None  # "3 USD 50 cards"; but "15 USD 50 more," is 15.50 more
    return value, m.end()


_MORE_THEN_STOP_RE = re.compile(r"[^\S\n]+(?:more|less)[,.;]")


def plural_follows(text: str, p: int, s_end: int) -> bool:
    """Whether a plural noun follows at p ("35m of its devices", "1.2m NHS staff"), or
    "-strong" ("a 5m-strong workforce")."""
    if text.startswith("-strong", p):
        return True
    partner = _M_PARTNER_RE.match(text, p)  # "1.2m-1.5m pilgrims", "1.2m and 1.5m visitors"
    if partner:
        p = partner.end()
    of = pat.OF_DETERMINER_RE.match(text, p)  # "35m of its devices"
    # "1.2m NHS staff": up to two names or acronyms may stand before the plural;
    # "22m of its 30m users": a figure of the whole may stand before it
    pos = of.end() if of else p
    whole = pat.WHOLE_FIGURE_RE.match(text, pos) if of else None
    pos = whole.end() if whole else pos
    for _ in range(3):
        m = _WORD_AFTER_RE.match(text, pos)
        if not m or m.end() > s_end:
            return False
        if nouns.is_plural(m.group(1)):
            return m.group(1).lower() not in units.METRE_CUES  # "the 400m hurdles": metres
        if not m.group(1)[0].isupper():
            return False
        pos = m.end()
    return False


_WORD_AFTER_RE = re.compile(r"\s+([A-Za-z][A-Za-z&]*)")
# the second figure of a range, with its own attached "m", right after the first's
_M_PARTNER_RE = re.compile(
    r"[^\S\n]*(?:[-–]|[^\S\n](?:to|and|or)[^\S\n])[^\S\n]*\d[\d,]*(?:\.\d+)?m(?![A-Za-z])"
)
_WORDS_RE = re.compile(r"[A-Za-z]+")
# words with their hyphens: "long-term", "high-yield" are no lengths
_COMPOUNDS_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def metres_in_doubt(text: str, num: Num, end: int, s_start: int, s_end: int) -> bool:
    """Whether the attached "m" of num (no money, no plural after it) may be millions:
    no word of length within four words of it ("the project cost 40m", "22m of its")."""
    before = _COMPOUNDS_RE.findall(text, max(s_start, num.start - 48), num.start)[-4:]
    after = [w.lower() for w in _COMPOUNDS_RE.findall(text, end, min(s_end, end + 48))[:4]]
    if any(w in units.METRE_CUES_AFTER for w in after[:2]):
        return False  # "35m high", "40m below ground"
    return not any(w.lower() in units.METRE_CUES for w in (*before, *after))


def code_follows(text: str, p: int) -> bool:
    """Whether an ISO code in capitals follows at p: "52m USD" (a scale, not metres)."""
    m = _CAPITAL_CODE_AFTER_RE.match(text, p)
    return m is not None and currencies.code_for(m.group(1)) is not None


_CAPITAL_CODE_AFTER_RE = re.compile(r"[^\S\n]+([A-Z]{3})(?![A-Za-z0-9])")


_CODE_SCALE_RE = re.compile(r"\s+(million|billion|trillion|thousand|mn|bn)\b", re.I)


def _percent_after(text: str, p: int):
    """('percent', 'percent'|'percentage point'|'basis point', end) after a number, or None."""
    m = pat.PCT_RE.match(text, p)
    if m and not (m.group(0).strip().lower() in ("pp", "ppt", "bp") and m.start() != p):
        if m.group("pp"):
            return "percent", "percentage point", m.end()
        if m.group("bp"):
            return "percent", "basis point", m.end()
        return "percent", "percent", m.end()
    if pat.PC_ATTACHED_RE.match(text, p):
        return "percent", "percent", p + 2
    return None
