"""Find the numeric claims in news text: what number, of what, how sure, and when.

`extract(text, doc, published)` returns every claim as a frozen `Claim`, sorted
by (start, end). A fast regular-expression scanner finds number phrases
(numerals, spelled numbers, vague amounts, fractions) and reads the words
around each: qualifier before ("more than", "some"), currency before or after
("$", "US$", "Rs", "euros"), scale ("12 million", "$45m", "1,200 crore"),
a second number of a range ("between 5,000 and 9,000", "5 to 10 million"),
a unit ("km", "percent", "percentage points") and, for counts, the counted noun
phrase. Calendar dates, times, years, ranks, identifiers (Route 9, COVID-19,
G7), phone numbers and scores are told apart from claims.
quantulum3 is used only through its unit tables, read lazily the first time a
number is followed by a word the curated unit table does not know.

Implied precision (the interval a claim asserts, `interval_low`/`interval_high`,
in the SI unit, or the stated unit when there is none):

- exact figures that are not round (5,324; 6; 8.10; 60.5) assert themselves: [x, x];
- round figures (a trailing zero, or a scale word: 5,000; 40; 12 million;
  1.2 billion) assert x ± half a unit of their last significant place, at most
  ±5% of x: 12 million → [11.5e6, 12.5e6], 5,000 → [4750, 5250];
- approx (about, some, around, roughly, an estimated, ~): ±10% of x, ±15% when
  x has a single significant digit (about 5,000 → [4250, 5750]);
- nearly (nearly, almost, close to, just under): [0.9x, x];
- at_least and more_than: [x, None] (closed at x: "more than 5,000" is
  compared as "at least 5,000");
- at_most and less_than: [0, x] (None below when x is negative);
- range: [low, high] as stated; vague: the table interval (dozens [24, 144],
  hundreds [100, 1000], thousands [1000, 10000], tens of thousands
  [10000, 100000], several thousand [3000, 10000], ...).
"""

from __future__ import annotations

import bisect
import re
from concurrent.futures import ProcessPoolExecutor

from factcheck import extract_nouns as nouns
from factcheck import frames, timeref, units
from factcheck import numbers as nums
from factcheck.figure_time import valid_published
from factcheck.model import Claim

EXTRACTOR_VERSION = "1.4"
_DEBUG = False  # tests set this to see the errors the scanner would swallow

__all__ = ["EXTRACTOR_VERSION", "extract", "extract_many"]

# --- the scanner's patterns ------------------------------------------------------

_NW = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|lakhs?|crores?)"
)
_BIG = r"(?:hundred|thousand|million|billion|trillion|dozen|lakh|crore)"
_SMALLW = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"a\s+hundred|hundred)"
)
_DIGITS = (
    r"(?:(?<![\w.,])[-−](?=\.?\d))?"  # the sign applies to every shape below
    r"(?:(?:(?:\d+[ ])?\d+[ ]/[ ](?:2|3|4|8|16|32)(?!\d))"
    r"|(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d+)"
    r"(?:[ ],[ ]\d{3}(?![\d.]))*(?:\.\d+|[ ]\.[ ]\d+(?![ ][.,][ ]\d))?"
    r"|(?<![\d\w])\.\d+)"
)
CORE_RE = re.compile(
    rf"""
    (?P<vague>\b(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)\b
       |\b(?:several|a\s+few|few|many)\s+(?:dozen|hundred|thousand|million|billion)\b
       |\b(?:dozens|hundreds|thousands|millions|billions|trillions|lakhs|crores)\b
       |\b(?:scores|tens)\b(?=\s+of\b))
   |(?P<fscale>\b(?:(?:a|one)\s+)?(?:half|quarter|(?:two|three)[\s-]quarters|third)\s+
       (?:of\s+)?(?:a\s+)?(?:million|billion|trillion)\b)
   |(?P<frac>\b(?:a|one|two|three|four|five|seven|nine)[\s-]
       (?:half|thirds?|quarters?|fifths?|tenths?|eighths?)\b(?=\s+(?:of|the)\b)
       |\bhalf\b(?=\s+(?:of\b|the\b))
       |(?<=\bby\s)(?:(?:a|one|two|three|four)[\s-])?
       (?:half|thirds?|quarters?|fifths?|tenths?)\b(?!\s+(?:of|a|an)\b|[\s-](?:century|mile|point)))
   |(?P<ratio>\b(?P<rn>\d+|{_SMALLW})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<rd>\d+|{_SMALLW})\b)
   |(?P<ordw>\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[\s-]
       (?:[a-z]+est|most|least)\b)
   |(?P<pctof>\b(?:percents?|per\s?cent)\s+of\s+(?=\d|{_NW}))
   |(?P<spelled>\b(?:(?:a|an)\s+(?={_BIG}\b))?{_NW}(?:(?:\s+and\s+|[\s-]+){_NW})*\b)
   |(?P<digits>{_DIGITS})
    """,
    re.VERBOSE | re.IGNORECASE,
)
_NEWLINE_RE = re.compile("\n")
_TOKEN_RE = re.compile(r"[A-Za-z]+|\d+")
# first words of every CORE_RE alternative, and month names (dates start there)
_STARTS = {
    *nums.SMALL,
    *nums.TENS,
    *nums.BIG_WORDS,
    "lakhs",
    "crores",
    "dozen",
    "dozens",
    "scores",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "several",
    "few",
    "many",
    "a",
    "an",
    "half",
    "quarter",
    "third",
    "percent",
    "percents",
    "per",
    "percentage",
    *(w for w in nums.ORDINALS),
    *timeref.MONTHS,
}
# fast test: does the text have anything that can start a number at all
_ANYNUM_RE = re.compile(
    rf"\d|\b(?:{_NW}|dozens|hundreds|thousands|millions|billions|trillions|lakhs|crores|"
    r"scores|tens|half|third|thirds|quarter|quarters|second|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth)\b",
    re.IGNORECASE,
)
_SCALE_AFTER_RE = re.compile(
    r"(?P<sp>[^\S\n]?|-(?=[a-z]{5}))(?P<sc>hundred|thousand|million|billion|trillion|lakhs?|"
    r"lacs?|crores?|mn|mln|bn|bln|tn|trn|k|m|b)(?![\w])"
    r"(?:[^\S\n]+(?P<sc2>crores?)\b)?",  # Indian compounds: "1.87 lakh crore" = 1.87e12
    re.IGNORECASE,
)
_PCT_RE = re.compile(
    r"[^\S\n]?(?:(?P<pp>percentage[^\S\n]+points?\b|%[^\S\n]+points?\b|pct\.?[^\S\n]+points?\b|"
    r"pp\b|ppt\b)|(?P<bp>basis[^\S\n]+points?\b|bps\b|bp\b)|(?P<pct>%|percent(?:age)?s?\b|"
    r"per[ -]?cent\b|pct\b))",
    re.IGNORECASE,
)
_PC_ATTACHED_RE = re.compile(r"pc\b")
_CUR_SYM = r"[$€£¥₹₨₩₽₺₪₱฿₫₴₦₡₾₭₲₵₸₼₮₿元円]|ரூ"
_CUR_BEFORE_RE = re.compile(
    rf"(?:(?P<pre>\b(?:[A-Za-z]{{1,3}}|u\.s\.?|U\.S\.?|Mex|mex|MEX))(?P<presp>\s?))?"
    rf"(?P<sym>{_CUR_SYM})\s*$"
    r"|(?P<mcode>\b[Mm](?:USD|EUR|GBP|AUD|CAD|CHF|JPY|INR|usd|eur|gbp|aud|cad|chf|jpy|inr))\s*$"
    r"|(?P<word>\b[A-Za-z]{2,7}\.?)\s*$"
)
_ADJS = sorted(
    {a for _, adjs in units.CURRENCY_NAMES.values() for a in adjs}, key=len, reverse=True
)
_NAMES = sorted(units.CURRENCY_FORMS, key=len, reverse=True)
_CUR_AFTER_RE = re.compile(
    rf"(?P<sp>[^\S\n]?)(?:(?P<sym>{_CUR_SYM})"
    rf"|(?P<sub>cents?\b|pence\b|penny\b|pennies\b|paise\b|satoshis?\b|¢|p(?!\w|\.\w))"
    rf"|(?P<mcode>[Mm](?:USD|EUR|GBP|AUD|CAD|usd|eur|gbp|aud|cad)\b)"
    rf"|(?:(?P<adj>{'|'.join(re.escape(a) for a in _ADJS)})\s+)?"
    rf"(?P<name>{'|'.join(re.escape(n) for n in _NAMES)})\b"
    rf"|(?P<code>[A-Za-z]{{3}})(?![A-Za-z]))",
    re.IGNORECASE,
)
_OF_CURRENCY_RE = re.compile(
    r"\s+of\s+(?:(?P<adj>[A-Za-z]+)\s+)?(?P<name>dollars|euros|pounds|rupees|yen|yuan|dinars)\b",
    re.IGNORECASE,
)
_RANGE_CONN_RE = re.compile(r"(?P<c>[^\S\n]*(?:–|-|—)[^\S\n]*|\s+(?:to|and|through|or)\s+)", re.I)
_QUAL_PHRASES = {
    "approx": "about|around|some|roughly|approximately|an estimated|estimated|"
    "circa|an approximate|approximately|~|c\\.|nearly about|ca\\.|or so",
    "nearly": "nearly|almost|close to|just under|just below|just shy of|approaching|"
    "not quite|some nearly|shy of",
    "at_least": "at least|no fewer than|no less than|not less than|a minimum of|"
    "at a minimum|as few as|as little as|minimum of|at minimum",
    "more_than": "more than|over|above|upwards of|upward of|in excess of|exceeding|"
    "greater than|higher than|north of|well over|just over|just above|beyond|"
    "exceeds|topping|surpassing",
    "at_most": "up to|at most|no more than|a maximum of|not more than|as many as|"
    "as much as|as high as|maximum of|at the most|not exceeding|at a maximum",
    "less_than": "fewer than|less than|under|below|lower than|south of|well under|well below",
}
_QUAL_OF = {p: q for q, ps in _QUAL_PHRASES.items() for p in ps.split("|")}
_QUAL_BEFORE_RE = re.compile(
    r"(?:(?<![\w])(?P<q>"
    + "|".join(sorted(_QUAL_OF, key=len, reverse=True))
    + r")|(?P<tilde>~))[^\S\n]*(?:(?P<between>between|from)\s+)?$"
    r"|(?<![\w])(?P<between2>between|from)\s+$"
    r"|(?<![\w])(?P<neg>minus|negative)\s+$",
    re.IGNORECASE,
)
_CHANGE_VERBS_RE = re.compile(
    r"\b(?:(?:rose|risen|fell|fallen|grew|grown|went|gone|slid|shrank|shrunk|swung|sank|sunk|"
    r"shot|up|down)"
    r"|edged|inched|eased|easing|moved|lowered|lowering"
    r"|(?:ris|increas|decreas|reduc|rais|declin|surg|doubl|tripl|chang|revis|hik|tumbl|"
    r"slump|spik|narrow|widen|slash|soar|plung|shrink|expand|boost|trim|drop|dropp|dip|"
    r"dipp|climb|jump|cut|cutt|fall|grow|slip|slipp|sink|rebound|recover|swell|balloon)"
    r"(?:e|es|ed|ing|s|en)?)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
_SCORE_BEFORE_RE = re.compile(
    r"\b(?:vot(?:e|ed|es|ing)|won|win|wins|winning|beat|beats|beaten|defeated?|lost|lose|"
    r"loses|losing|score|scored|scores|draw|drew|tied?|led|leads?|trail(?:ed|s)?|"
    r"edged|routed|thrashed|victory|margin|series|record)\b[^.;]{0,25}$",
    re.IGNORECASE,
)
# an age says who a claim is about, not how many: not reported
_AGE_BEFORE_RE = re.compile(
    r"\b(?:aged|ages|age|ageing|aging)\s+(?:(?:between|from|of)\s+)?$", re.IGNORECASE
)
_AGE_SPAN_RE = re.compile(
    r"(?:\s*(?:to|and|-|–)\s*\d+)?(?:\s+(?:and|or)\s+(?:over|above|older|under|younger|up))?"
    r"(?:\s+years?(?:\s+old)?)?",
    re.IGNORECASE,
)
_AGE_AFTER_RE = re.compile(r"(?:-|[^\S\n]+)olds?\b", re.IGNORECASE)
_MAGNITUDE_BEFORE_RE = re.compile(r"\bmagnitude[\s-]$", re.IGNORECASE)
# "adults over 65", "children under 5": an age bracket, not a count
_AGE_GROUP_BEFORE_RE = re.compile(
    r"\b(?:those|anyone|everyone|people|adults|children|men|women|patients|residents|voters|"
    r"workers|drivers|individuals|persons|girls|boys)\s+$",
    re.IGNORECASE,
)
# after a count: "2.5-million-strong", "a 543-member house", "20-odd people", "40-plus"
_HYPHEN_WORD_RE = re.compile(r"-(?P<w>[a-z]+)\b(?!-)")
_HYPHEN_QUALIFIERS = {"odd": "approx", "plus": "at_least"}
_OF_GOODS_RE = re.compile(r"\s+of\s+(?!the\b|a\b|an\b|\d)[a-z]", re.IGNORECASE)
# "The judge, 62, said", "Smith, 45,": an age in apposition, not a count
_APPOSITIVE_BEFORE_RE = re.compile(
    r"(?:\b[A-Z][a-z]+|\b(?:" + "|".join(sorted(nouns.PERSON_SINGULAR)) + r")),[^\S\n]*$"
)
_VIDEO_LINES = {240, 360, 480, 720}  # "720p" is a video format, not pence
_SCORE_AFTER_RE = re.compile(
    r"\s*(?:vote|votes|victory|win|defeat|loss|decision|margin|lead|draw|tie|majority|"
    r"ruling|verdict|scoreline|record|split)\b",
    re.IGNORECASE,
)
# masked before scanning: URLs and e-mail addresses (looked for only in text with
# "://", "www." or "@"), and phone numbers (tried only where a digit run starts)
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"]+")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE_RE = re.compile(
    r"(?<![\w-])(?:\+\d{1,3}[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\w-])"
    r"|(?<![\w-])\d{3}-\d{4}(?![\w-])|(?<![\w-])1-800-[\w-]+"
    # as Europe and Asia write them: "0800 123 4567", "+44 20 7946 0958"
    r"|(?<![\w,.-])(?:\+\d{1,3}[ .-]?\(?\d{1,4}\)?|\(?0\d{1,4}\)?)(?:[ .-]\d{2,5}){2,3}"
    r"(?![\w,-]|\.\d)",
)
_ADDRESS_AFTER_RE = re.compile(
    r"(?:\s+[A-Z][a-z]+){1,3}\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|"
    r"Drive|Dr|Way|Place|Pl|Square|Sq|Court|Ct|Terrace|Highway|Parkway|Pkwy)\b\.?"
)
_ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_TIMES_RE = re.compile(r"(?:[^\S\n]*-?[^\S\n]*fold\b|[^\S\n]+times\b|[^\S\n]*x\b)", re.IGNORECASE)
# a duration that places other events in time ("two years ago", "three days later")
_TIME_SHIFT_AFTER_RE = re.compile(
    r"[^\S\n]+(?:ago|earlier|later|before|after|from\s+now|hence)\b", re.IGNORECASE
)
IDENT_WORDS = set(
    """
route flight no number page pages chapter article section room gate platform channel level
version model type class grade episode season phase stage category exit unit block lot ward
district interstate highway bill tier zone volume issue item figure table step apartment
suite floor terminal pier game round act resolution amendment law rule code line bus train
seat row box appendix clause paragraph verse psalm division precinct squad route sura
week match day flat plot lane street avenue road house hall building camp station sector
""".split()
)
_TIME_FRAME_RE = re.compile(
    r"\b(?:the|in|within|for\s+the|over\s+the|during\s+the)\s+"
    r"(?:(?:past|last|next|first|coming|previous|following|final|initial|same)\s+)?$",
    re.IGNORECASE,
)
_DATE_PREFIX_RE = re.compile(r"\b(?:mid|late|early|pre|post)-$", re.IGNORECASE)
_SENT_END_RE = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])|\n")
ABBREVIATIONS = set(
    """
mr mrs ms dr gen col brig lt sgt capt maj gov sen rep st no prof rev jan feb mar apr jun jul
aug sep sept oct nov dec inc co corp ltd vs approx rs fig est dept univ jr sr mt ft adm cmdr
""".split()
)
_STARTERS = set(
    "the a an in it he she they we but this that there these those on at for after as if "
    "when while however meanwhile his her its their our".split()
)


class _Num:
    """One number as written: its span, value, last significant place and how it was written."""

    __slots__ = ("start", "end", "value", "place", "spelled", "scaled", "raw", "money_scale")

    def __init__(self, start, end, value, place, spelled, raw):
        self.start, self.end, self.value, self.place = start, end, value, place
        self.spelled, self.raw = spelled, raw
        self.scaled = False
        self.money_scale = None  # an attached m/b/k read as a scale only for money


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of text: split at sentence punctuation and at every newline."""
    spans = []
    start = 0
    for m in _SENT_END_RE.finditer(text):
        if m.group(0) != "\n":
            before = text[max(start, m.start() - 12) : m.start()]
            w = re.search(r"([A-Za-z]+)$", before)
            if w:
                word = w.group(1)
                nxt = re.match(r"[\"'“‘(\[]*([A-Za-z]+)", text[m.end() : m.end() + 20])
                if word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                    continue
                # "U.S. presence" continues a sentence; "U.S. The" does not
                if (
                    len(word) == 1
                    and before[-2:-1] == "."
                    and not (nxt and nxt.group(1).lower() in _STARTERS)
                ):
                    continue
        end = m.start() + len(m.group(0).rstrip())
        if m.group(0) == "\n":
            end = m.start()
        spans.append((start, end))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


class _Extractor:
    def __init__(self, text: str, doc: str, published: str | None):
        self.text = text
        self.doc = doc
        self.published = published if valid_published(published) else None
        self.claims: list[dict] = []
        self.blocked: list[tuple[int, int]] = []
        self.last_end = 0  # end of the last claim: words before a number stop there

    # --- driver ------------------------------------------------------------------

    def run(self) -> list[Claim]:
        text = self.text
        if not _ANYNUM_RE.search(text):
            return []
        blocked = self.blocked
        if "://" in text or "www." in text:
            blocked.extend(m.span() for m in _URL_RE.finditer(text))
        if "@" in text:
            blocked.extend(m.span() for m in _EMAIL_RE.finditer(text))
        self.sents = _sentences(text)
        self.sent_starts = [s for s, _ in self.sents]
        self.newlines = [m.start() for m in _NEWLINE_RE.finditer(text)]
        # one cheap pass over words and digit runs; the scanner's patterns are then
        # tried only where a number, a number word or a month starts
        cands = []
        phone_end = 0
        for m in _TOKEN_RE.finditer(text):
            tok = m.group(0)
            if tok[0].isdigit():
                start = m.start()
                e = m.end()
                if start >= phone_end and text[e : e + 1] in " .-)" and e < len(text):
                    pm = _PHONE_RE.match(
                        text, start - 1 if text[start - 1 : start] in "+(" else start
                    )
                    if pm:
                        blocked.append(pm.span())
                        phone_end = pm.end()
                cands.append((start, True))
            elif tok.lower() in _STARTS:
                cands.append((m.start(), False))
        blocked.sort()
        self.block_starts = [s for s, _ in blocked]
        self._dates(cands)
        self.last_end = 0
        self.blocked.sort()
        self.block_starts = [s for s, _ in self.blocked]
        pos = 0
        for start, digit in cands:
            if start < pos:
                continue
            m = None
            if digit and start and text[start - 1] in "-−.":
                m = CORE_RE.match(text, start - 1)
            if m is None:
                m = CORE_RE.match(text, start)
            if m is None or m.start() < pos:
                continue
            b = self._blocked_at(m.start())
            if b is not None:
                pos = max(b, m.start() + 1)
                continue
            try:
                nxt = self._core(m)
            except Exception:  # one odd phrase must not lose the document's other claims
                if _DEBUG:
                    raise
                nxt = None
            pos = nxt if nxt and nxt > m.start() else m.end()
        self._times()
        # what each figure is about, its role, speaker and time (issue 11)
        return frames.annotate(text, self._build(), self.sents, self.published)

    def _blocked_at(self, i: int) -> int | None:
        k = bisect.bisect_right(self.block_starts, i) - 1
        if k >= 0 and self.blocked[k][0] <= i < self.blocked[k][1]:
            return self.blocked[k][1]
        return None

    def _sent(self, i: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sent_starts, i) - 1
        return self.sents[max(k, 0)]

    def _previous_sent(self, i: int) -> str:
        """The sentence before the one holding offset i ("" for the first)."""
        k = bisect.bisect_right(self.sent_starts, i) - 2
        if k < 0:
            return ""
        s, e = self.sents[k]
        return self.text[s:e].strip()

    # --- dates -------------------------------------------------------------------

    def _dates(self, cands: list[tuple[int, bool]]) -> None:
        """Calendar dates and times: each holds a digit, maybe after a month name."""
        text = self.text
        done = 0
        prev = None  # the last month-like word before the current digit run
        for start, digit in cands:
            if not digit:
                prev = start
                continue
            if start < done:
                continue
            tries = [start]
            if prev is not None and start - prev <= 14:
                tries.insert(0, prev)
            if start and text[start - 1] in "'’":
                tries.append(start - 1)
            for t in tries:
                m = timeref.DATE_RE.match(text, t)
                if m and m.end() > start and self._date(m):
                    done = m.end()
                    break
            prev = None

    def _date(self, m: re.Match) -> bool:
        if self._blocked_at(m.start()) is not None or not timeref.plausible(m, self.text):
            return False
        iso = timeref.resolve(m, self.published)
        value = None
        year = m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4")
        if year:
            value = float(year)
        self.blocked.append((m.start(), m.end()))
        self.block_starts = [s for s, _ in self.blocked]
        self._add(m.start(), m.end(), "date", value, None, None, "exact", None, None, iso=iso)
        return True

    # --- one number phrase ----------------------------------------------------------

    def _core(self, m: re.Match) -> int | None:
        kind = m.lastgroup
        s_start, s_end = self._sent(m.start())
        if kind == "ordw":
            word = re.match(r"[a-z]+", m.group(0), re.I).group(0).lower()
            self._add(
                m.start(),
                m.end(),
                "rank",
                float(nums.ORDINALS[word]),
                None,
                None,
                "exact",
                None,
                None,
            )
            return m.end()
        if kind == "ratio":
            return self._ratio(m, s_start, s_end)
        if kind == "frac":
            return self._fraction(m, s_start, s_end)
        if kind == "pctof":
            return self._percent_of(m, s_end)
        if kind == "vague":
            return self._vague(m, s_start, s_end)
        num = self._number(m)
        if num is None:
            return None
        return self._phrase(num, s_start, s_end)

    def _number(self, m: re.Match) -> _Num | None:
        """The number at a digits/spelled/fscale match, with its scale word."""
        text = self.text
        kind = m.lastgroup
        raw = m.group(0)
        if kind == "digits":
            parsed = nums.parse_numeral(raw.replace(" , ", ",").replace(" . ", "."))
            if parsed is None:
                return None
            num = _Num(m.start(), m.end(), parsed[0], parsed[1], False, raw)
        elif kind == "fscale":
            words = nums.words_of(raw.lower())
            scale = nums.SCALES[words[-1]]
            frac = 0.5
            if "quarter" in raw.lower():
                frac = 0.75 if re.search(r"three", raw, re.I) else 0.25
                if re.search(r"two", raw, re.I):
                    frac = 0.5
            elif "third" in raw.lower():
                frac = 1 / 3
            num = _Num(m.start(), m.end(), frac * scale, 0.0, True, raw)
            num.scaled = True
            num.place = frac * scale
            return num
        else:
            words = nums.words_of(raw)
            parsed = nums.parse_words(words)
            if parsed is None:
                return None
            value, used = parsed
            end = m.start()
            # find the end of the used words in the raw text
            it = re.finditer(r"[A-Za-z]+", raw)
            for k, wm in enumerate(it):
                if k == used - 1:
                    end = m.start() + wm.end()
                    break
            raw = text[m.start() : end]
            num = _Num(m.start(), end, value, nums.place_of(value), True, raw)
            if num.place == 1:
                num.place = 0.0
            if re.search(_BIG, raw, re.I) and value >= 100:
                num.scaled = True
                num.place = max(num.place, nums.place_of(value))
            return num
        # a scale word after a numeral
        sm = _SCALE_AFTER_RE.match(text, num.end)
        if sm:
            sc = sm.group("sc")
            low = sc.lower()
            attached = not sm.group("sp")
            if low in ("k", "m", "b") and not attached:
                return num
            if low in ("m", "b", "k") and attached:
                num.money_scale = (sm.end("sc"), nums.SCALES[low])
                if low == "k" or (low == "m" and sc == "M"):
                    pass  # 5k, 5M: a scale anywhere
                else:
                    return num
            if low == "hundred" and num.value >= 100:
                return num
            factor, end = nums.SCALES[low], sm.end("sc")
            if sm.group("sc2") and low in ("lakh", "lakhs", "lac", "lacs", "thousand", "hundred"):
                factor, end = factor * nums.SCALES["crore"], sm.end()
            num.money_scale = None
            self._scale(num, factor, end)
        return num

    @staticmethod
    def _scale(num: _Num, factor: float, end: int) -> None:
        mantissa_place = num.place
        if mantissa_place == 0:
            # written decimals: "1.2 million" is good to a tenth of a million
            frac = num.raw.split(".")[1] if "." in num.raw else ""
            mantissa_place = 10.0 ** -len(frac) if frac else 1.0
        num.value *= factor
        num.place = mantissa_place * factor
        num.scaled = True
        num.end = end

    # --- around the number ----------------------------------------------------------

    def _currency_before(self, start: int, lo: int):
        """(code, label, start, million) of a currency written before text[start]."""
        window = self.text[max(lo, start - 14) : start]
        m = _CUR_BEFORE_RE.search(window)
        if not m:
            return None
        base = start - len(window)
        if m.group("sym"):
            sym = m.group("sym")
            code = units.SYMBOLS[sym]
            s = base + m.start("sym")
            pre = m.group("pre")
            if pre and sym == "$":
                p = pre.lower()
                spaced = bool(m.group("presp"))
                if p in units.DOLLAR_PREFIXES and not (spaced and p in ("a", "s", "r", "z")):
                    code = units.DOLLAR_PREFIXES[p]
                    s = base + m.start("pre")
            return code, code, s, 1.0
        if m.group("mcode"):
            return m.group("mcode")[1:].upper(), m.group("mcode")[1:].upper(), base + m.start(), 1e6
        word = m.group("word")
        code = units.code_for(word.rstrip("."))
        if code is None:
            code = units.WORD_PREFIXES.get(word.lower())
            if code is None or (word.lower() in ("dollar", "euro") and start - base - m.end()):
                return None
            if word.lower() in ("dollar", "euro") and not window.endswith(" "):
                return None
        return code, code, base + m.start("word"), 1.0

    def _qualifier_before(self, start: int, lo: int):
        """(qualifier, start, between, negative) of the words before text[start]."""
        window = self.text[max(lo, start - 40) : start]
        m = _QUAL_BEFORE_RE.search(window)
        if not m:
            return None, start, False, False
        base = start - len(window)
        if m.group("neg"):
            return None, base + m.start(), False, True
        if m.group("between2"):
            return None, base + m.start(), True, False
        q = "approx" if m.group("tilde") else _QUAL_OF[m.group("q").lower()]
        return q, base + m.start(), bool(m.group("between")), False

    def _unit_after(self, num: _Num, p: int, money_before: bool):
        """What follows the number: ('percent'|'money'|'unit', info, end) or None."""
        text = self.text
        m = _PCT_RE.match(text, p)
        if m and not (m.group(0).strip().lower() in ("pp", "ppt", "bp") and m.start() != p):
            if m.group("pp"):
                return "percent", "percentage point", m.end()
            if m.group("bp"):
                return "percent", "basis point", m.end()
            return "percent", "percent", m.end()
        if _PC_ATTACHED_RE.match(text, p):
            return "percent", "percent", p + 2
        if money_before:
            return None
        m = _CUR_AFTER_RE.match(text, p)
        if m:
            r = self._currency_after(num, m)
            if r:
                return r
        attached = p < len(text) and text[p - 1 : p].isdigit() and not text[p : p + 1].isspace()
        hy = p
        if text[p : p + 1] == "-" and text[p + 1 : p + 2].isalpha():
            hy = p + 1
            attached = True
            m = _CUR_AFTER_RE.match(text, hy)
            if m and (m.group("sub") or m.group("name")):
                r = self._currency_after(num, m)
                if r:
                    return r
        q = p if hy == p else hy
        if q < len(text) and text[q : q + 1] == " ":
            q += 1
        elif hy == p and not attached:
            return None
        if not (text[q : q + 1].isalpha() or text[q : q + 1] in "°"):
            return None
        r = units.match_unit(text, q, attached)
        if r is None:
            return None
        unit, end = r
        if text[end : end + 1].isalpha():
            return None
        # "pounds" is money with a scale or above a thousand; else a weight
        return "unit", unit, end

    def _currency_after(self, num: _Num, m: re.Match):
        """('money', (code, label, factor), end) for a currency after the number."""
        text = self.text
        if m.group("sym"):
            code = units.SYMBOLS[m.group("sym")]
            return "money", (code, code, 1.0), m.end()
        if m.group("sub"):
            sub = m.group("sub").lower()
            if sub == "p" and (
                m.group("sp") or abs(num.value) >= 1000 or num.value in _VIDEO_LINES
            ):
                return None  # "12p" is pence; "12 p", "720p" are not
            label, parent, frac = units.SUBUNITS[sub]
            return "money", (parent, label, frac), m.end()
        if m.group("mcode"):
            code = m.group("mcode")[1:].upper()
            return "money", (code, code, 1e6), m.end()
        if m.group("code"):
            word = m.group("code")
            if m.group("sp") == "" and not text[m.start() - 1 : m.start()].isdigit():
                return None
            code = units.code_for(word)
            if code is None:
                return None
            end = m.end()
            sm = re.compile(r"\s+(million|billion|trillion|thousand|mn|bn)\b", re.I).match(
                text, end
            )
            factor = 1.0
            if sm and not num.scaled:
                factor = nums.SCALES[sm.group(1).lower()]
                end = sm.end()
            return "money", (code, code, factor), end
        if m.group("name"):
            if not m.group("sp") and text[m.start() - 1 : m.start()].isdigit():
                return None
            name = units.CURRENCY_FORMS[m.group("name").lower()]
            default, adjs = units.CURRENCY_NAMES[name]
            adj = (m.group("adj") or "").lower()
            code = adjs.get(adj, default)
            if name == "pound" and not adj and not num.scaled:
                if text[m.start() - 1] == "-" or _OF_GOODS_RE.match(text, m.end()):
                    return None  # "4,000 pounds of cocaine", "a 2,000-pound bomb": weight
            if name in units.GUARDED_NAMES and not adj:
                if name == "pound" and (num.scaled or abs(num.value) >= 1000):
                    pass
                elif name == "won" and (num.scaled or abs(num.value) >= 1000):
                    pass
                else:
                    return None
            if name == "satoshi":
                return "money", ("BTC", "satoshi", 1e-8), m.end()
            return "money", (code, code, 1.0), m.end()
        return None

    def _second_number(self, p: int, lo: int, hi: int):
        """The number after a range connector at text[p:], with its currency before it."""
        text = self.text
        cur = None
        q = p
        cm = re.compile(rf"(?:(?:US|C|A|HK|NZ|S)?(?P<s>{_CUR_SYM}))\s?").match(text, q)
        if cm:
            cur = units.SYMBOLS[cm.group("s")]
            q = cm.end()
        m = CORE_RE.match(text, q)
        if not m or m.lastgroup not in ("digits", "spelled") or m.end() > hi:
            return None
        num = self._number(m)
        if num is None:
            return None
        return num, cur

    def _phrase(self, num: _Num, s_start: int, s_end: int) -> int | None:
        text = self.text
        start = num.start
        lo = max(s_start, self.last_end)
        cur = self._currency_before(start, lo)
        money = None  # (code, label, factor)
        if cur:
            code, label, start, mscale = cur
            money = (code, label, 1.0)
            if mscale != 1.0:
                num.value *= mscale
                num.place = (num.place or 1.0) * mscale if num.place else 0.0
                num.scaled = True
        if num.money_scale and (money or self._plural_follows(num.money_scale[0], s_end)):
            self._scale(num, num.money_scale[1], num.money_scale[0])
        elif num.money_scale and num.money_scale[1] == 1e3:
            self._scale(num, 1e3, num.money_scale[0])
        qual, qstart, between, negative = self._qualifier_before(start, lo)
        if negative:
            num.value = -num.value
            start = qstart  # "minus 5 degrees"
        p = num.end
        if num.spelled and re.match(r"(?:a|one)\s+(?:day|time)\b", num.raw + text[p : p + 6], re.I):
            return p  # "one day", "one time": not amounts
        before = text[max(s_start, qstart - 12) : qstart]
        if money is None and "ag" in before.lower() and _AGE_BEFORE_RE.search(before):
            return _AGE_SPAN_RE.match(text, p).end()  # "aged 18 to 24": who, not how many
        after = self._unit_after(num, p, money is not None)
        if after and after[0] == "unit":
            if after[1].dimension == "time" and _AGE_AFTER_RE.match(text, after[2]):
                return _AGE_AFTER_RE.match(text, after[2]).end()  # "the 10-year-old boy"
        elif (
            money is None and after is None and "agnitude" in text[max(s_start, start - 12) : start]
        ):
            mag = _MAGNITUDE_BEFORE_RE.search(text[max(s_start, start - 12) : start])
            if mag:  # "a magnitude 6.4 earthquake"
                after = ("unit", units.CURATED["magnitude"], p)
                start = qstart = start - len(mag.group(0))
        if money is None and after and after[0] == "money":
            code, label, factor = after[1]
            money = after[1]
            if factor != 1.0 and label == code:  # "75 USD million", "30 MUSD"
                num.value *= factor
                num.place = (num.place or 1.0) * factor if num.place else 0.0
                num.scaled = True
                money = (code, label, 1.0)
            p = after[2]
            after = None
        elif after and after[0] != "money":
            pass
        else:
            after = None
        # a second number: a range
        second = None
        cm = _RANGE_CONN_RE.match(text, p)
        unit_first = False  # "between 3% and 4%": the unit on both sides
        if cm is None and after is not None:
            cm = _RANGE_CONN_RE.match(text, after[2])
            unit_first = cm is not None
        if cm:
            conn = cm.group("c").strip().lower()
            ok = conn not in ("and", "—") or (conn == "and" and between)
            if conn == "or" and (qual or between):
                ok = False
            if conn in ("-",) and (cm.group("c") != "-" and cm.group("c").strip() != "-"):
                ok = False
            if ok and between and conn == "to":
                ok = not _CHANGE_VERBS_RE.search(text[max(s_start, start - 60) : qstart])
            if ok and conn == "to" and not between:
                # "rose 5 percent to 10 percent" is a change, "won by 48% to 52%" a tally
                before = text[max(s_start, start - 60) : qstart]
                ok = not (_CHANGE_VERBS_RE.search(before) or _SCORE_BEFORE_RE.search(before))
            if (
                ok
                and conn in ("-", "–")
                and re.match(r"[\d-]*\d-\d", text[num.start : num.start + 40])
            ):
                chain = re.match(r"\d+(?:-\d+){2,}|\d{5,}-\d+|\d+-\d{5,}", text[num.start :])
                if chain:
                    return num.start + chain.end()  # an account or phone number
            if ok:
                second = self._second_number(cm.end(), s_start, s_end)
                if second is not None and second[1] is not None and money is None and after:
                    second = None
        if second is not None:
            num2, cur2 = second
            p2 = num2.end
            if num2.money_scale and (
                money or cur2 or self._plural_follows(num2.money_scale[0], s_end)
            ):
                self._scale(num2, num2.money_scale[1], num2.money_scale[0])
                p2 = num2.end
            after2 = self._unit_after(num2, p2, (money or cur2) is not None)
            if after2 and after2[0] == "money" and money is None and cur2 is None:
                money = after2[1]
                p2 = after2[2]
                after2 = None
            elif after2 and after2[0] == "money":
                after2 = None
            if cur2 and money is None:
                money = (cur2, cur2, 1.0)
            consistent = True
            if after and after2 and (after[0] != after2[0] or after[1] != after2[1]):
                consistent = False
            if after and not after2 and after[0] == "unit":
                consistent = not unit_first
            if cur2 and money and cur2 != money[0]:
                consistent = False
            if consistent:
                # score or vote tally: nothing to report
                if (
                    cm.group("c").strip() in ("-", "–")
                    and money is None
                    and after is None
                    and after2 is None
                    and not num.scaled
                    and not num2.scaled
                    and abs(num.value) < 200
                    and abs(num2.value) < 200
                    and (
                        _SCORE_BEFORE_RE.search(text[max(s_start, start - 40) : start])
                        or _SCORE_AFTER_RE.match(text, p2)
                        or num2.value < num.value
                    )
                ):
                    return p2
                # years: 2014-15, 1990-1995
                if self._yearish(num) and money is None and after is None and after2 is None:
                    if self._yearish(num2) or (
                        len(num2.raw) == 2 and cm.group("c").strip() in ("-", "–", "/")
                    ):
                        return self._year(start, p2, num.value)
                if num2.scaled and not num.scaled and num.value > 0 and num.value <= num2.value:
                    factor = num2.value / _unscaled(num2)
                    if num.value * factor <= num2.value:
                        num.value *= factor
                        num.place = (num.place or 1.0) * factor
                        num.scaled = True
                if num.value <= num2.value and (not after or after2 or after[0] == "unit"):
                    unit_info = after2 or after
                    end = unit_info[2] if unit_info and after2 else p2
                    if money and after2 is None and after is None:
                        end = max(end, p2)
                    return self._emit(
                        start if not qual else qstart,
                        end,
                        None,
                        num.value,
                        num2.value,
                        "range",
                        money,
                        unit_info,
                        num,
                        s_start,
                        s_end,
                        from_qual=qstart if between and not qual else None,
                    )
        if between and not qual:
            qstart = start  # "between" without its "and": no range
        end = after[2] if after else p
        if money and not after:
            end = max(end, p)
            # cents after the units: "3 dollars 50 cents", "15 dollars and 50"
            if money[1] == money[0] and not num.scaled and num.value == int(num.value):
                cents = self._cents(end, s_end)
                if cents:
                    num.value += cents[0] / 100
                    end = cents[1]
        # bare numbers: dates, identifiers, multipliers
        if money is None and after is None:
            if (
                qual in ("more_than", "less_than")
                and num.raw.isdigit()
                and num.value < 120
                and _AGE_GROUP_BEFORE_RE.search(text[max(s_start, qstart - 14) : qstart])
                and nouns.noun_after(text, num.end, s_end) is None
            ):
                return num.end  # "adults over 65": an age bracket
            verdict = self._bare(num, start, qual, s_start, s_end)
            if verdict == "skip":
                return num.end
            if verdict == "date":
                return self._year(num.start, num.end, num.value)
            if verdict == "rank":
                om = _ORDINAL_RE.match(text, num.end)
                e = om.end() if om else num.end
                self._add(num.start, e, "rank", num.value, None, None, "exact", None, None)
                return e
        return self._emit(
            qstart if qual else start,
            end,
            num.value,
            None,
            None,
            qual or "exact",
            money,
            after,
            num,
            s_start,
            s_end,
        )

    def _year(self, start: int, end: int, year: float) -> int:
        """A year ("in 2014") or a span of years ("2014-15"), dated by its first year."""
        self._add(start, end, "date", year, None, None, "exact", None, None, iso=str(int(year)))
        return end

    def _cents(self, p: int, s_end: int):
        m = re.compile(
            r"\s+(?:and\s+)?(\d{1,2}(?!\d)(?![.,]\d)|[a-z]+(?:[\s-](?:one|two|three|four|five|six|"
            r"seven|eight|nine))?)(\s*(?:cents?|¢|pence|p\b))?",
            re.I,
        ).match(self.text, p)
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
            rest = self.text[m.end() : m.end() + 12]
            if re.match(r"\s*(?:[A-Za-z$€£¥]|\d)", rest):
                return None
        return value, m.end()

    def _plural_follows(self, p: int, s_end: int) -> bool:
        m = re.compile(r"\s+([A-Za-z]+)").match(self.text, p)
        return bool(m and m.end() <= s_end and nouns.is_plural(m.group(1)))

    @staticmethod
    def _yearish(num: _Num) -> bool:
        return (
            not num.spelled
            and not num.scaled
            and len(num.raw) == 4
            and num.raw.isdigit()
            and 1500 <= num.value <= 2100
        )

    def _bare(self, num: _Num, start: int, qual, s_start: int, s_end: int) -> str | None:
        """'date', 'rank', 'skip' or None (a count) for a number with no unit or currency."""
        text = self.text
        before = text[max(s_start, num.start - 30) : num.start]
        after = text[num.end : num.end + 30]
        if _ORDINAL_RE.match(text, num.end) and not num.spelled and num.raw.isdigit():
            return "rank"
        if before.endswith(("#", "No. ", "no. ", "No.", "number ")):
            return "rank" if before.endswith("#") or "o" in before[-4:] else "skip"
        if _TIMES_RE.match(text, num.end):
            return "skip"
        if self._yearish(num):
            if _DATE_PREFIX_RE.search(before):
                return "date"
            prev = re.search(r"([A-Za-z.]+)\W*$", before)
            prev_word = prev.group(1).lower() if prev else ""
            nxt = re.match(r"\s+([A-Za-z]+)", after)
            plural = bool(nxt and nouns.is_plural(nxt.group(1)))
            if re.match(r"\s*(?:AD|BC|BCE|CE)\b", after):
                return "date"
            if qual and plural:
                return None
            if plural and num.value % 100 == 0 and prev_word not in timeref.YEAR_CUES:
                return None
            return "date"
        if (
            not qual
            and num.raw.isdigit()
            and 0 < num.value < 120
            and after.lstrip(" \t")[:1] == ","
            and _APPOSITIVE_BEFORE_RE.search(before)
        ):
            return "skip"  # "The judge, 62, said": an age
        if num.spelled:
            low = num.raw.lower()
            if low in ("one", "a dozen", "zero"):
                if re.match(r"\s+(?:of|another|day|time|point|way|side|hand|thing)\b", after, re.I):
                    return "skip"
                if nouns.noun_after(text, num.end, s_end) is None:
                    return "skip"
                if re.search(
                    r"\b(?:no|the|this|that|any|every|each|which|the only)\s+$", before, re.I
                ):
                    return "skip"
            return None
        # identifiers: G7, MH17, COVID-19, F-35, 3D, 11a
        ch_before = text[num.start - 1 : num.start]
        if ch_before.isalpha():
            return "skip"
        if ch_before == "-" and text[num.start - 2 : num.start - 1].isalnum():
            if _DATE_PREFIX_RE.search(before):
                return "date"
            return "skip"
        ch_after = text[num.end : num.end + 1]
        if ch_after.isalpha():
            return "skip"
        if re.match(r"[.:/]\d", text[num.end : num.end + 2]):
            return "skip"  # versions, ratios, fractions written 1/4
        if ch_before in "/:" and text[num.start - 2 : num.start - 1].isdigit():
            return "skip"
        prev = re.search(r"([A-Za-z][A-Za-z.]*)[^\S\n]*$", before)
        if prev and not qual:
            word = prev.group(1)
            low = word.lower().rstrip(".")
            if low in IDENT_WORDS:
                return "skip"
            sent_initial = not text[s_start : num.start - len(before) + prev.start()].strip()
            if (
                word != word.lower()  # Boeing 737, iPhone 15
                and low not in nouns.STOP
                and low not in _QUAL_OF
                and low not in ("total", "some", "another", "nearly", "only", "just")
                and timeref.month_number(low) is None
                and not (sent_initial and low in _STARTERS)
            ):
                return "skip"
        if _ADDRESS_AFTER_RE.match(text, num.end):
            return "skip"
        return None

    # --- special phrases -----------------------------------------------------------

    def _vague(self, m: re.Match, s_start: int, s_end: int) -> int:
        text = self.text
        words = m.group(0).lower().split()
        if words[0] in ("several", "a", "few", "many"):
            scale = 12 if words[-1] == "dozen" else nums.SCALES[words[-1]]
            lo, hi = (
                (2 * scale, 10 * scale) if words[0] in ("a", "few") else (3 * scale, 10 * scale)
            )
            if words[0] == "many":
                lo = 3 * scale
        elif len(words) == 3:  # tens of thousands, hundreds of millions
            lo, hi = nums.VAGUE[words[0]]
            unit = nums.VAGUE[words[2]][0]
            lo, hi = lo * unit, hi * unit
            if words[0] == "tens":
                lo, hi = 10 * unit, 100 * unit
        else:
            lo, hi = nums.VAGUE[words[0]]
        start, end = m.start(), m.end()
        qual, qstart, _, _ = self._qualifier_before(start, s_start)
        money = None
        cm = _OF_CURRENCY_RE.match(text, end)
        cb = self._currency_before(start, s_start)
        if cm:
            name = units.CURRENCY_FORMS.get(cm.group("name").lower())
            default, adjs = units.CURRENCY_NAMES[name]
            code = adjs.get((cm.group("adj") or "").lower(), default)
            money = (code, code, 1.0)
            end = cm.end()
        elif cb:
            money = (cb[0], cb[0], 1.0)
            start = cb[2]
        elif words[-1] in ("dozens", "hundreds", "thousands", "millions") and re.match(
            r"\s+of\s+(?:years|miles|kilometres|kilometers|hours|days|tonnes|tons|acres)\b",
            text[end:],
        ):
            return end
        return self._emit(
            start, end, None, float(lo), float(hi), "vague", money, None, None, s_start, s_end
        )

    def _fraction(self, m: re.Match, s_start: int, s_end: int) -> int | None:
        words = nums.words_of(m.group(0).lower())
        if re.search(
            r"\b(?:first|second|third|fourth|latter|other|last|the|final|back|front)\s+$",
            self.text[max(s_start, m.start() - 10) : m.start()],
            re.I,
        ):
            return m.end()  # "the second half of the year": a part of a period
        denom = nums.FRACTIONS[words[-1]]
        numer = 1 if len(words) == 1 or words[0] in ("a", "one") else nums.SMALL[words[0]]
        return self._share(m, round(100.0 * numer / denom, 2), s_start)

    def _share(self, m: re.Match, value: float, s_start: int) -> int:
        """A share written as a fraction or ratio ("two-thirds", "one in four"), as a percent."""
        qual, qstart, _, _ = self._qualifier_before(m.start(), s_start)
        qual = qual or "exact"
        start = qstart if qual != "exact" else m.start()
        interval = _interval(value, 0.0, qual)
        return self._claim(start, m.end(), "percent", value, None, None, qual, "percent",
                           ("percent", value, "percent"), interval)  # fmt: skip

    def _ratio(self, m: re.Match, s_start: int, s_end: int) -> int | None:
        def val(s):
            s = s.lower()
            if s.isdigit():
                return float(s)
            parsed = nums.parse_words(nums.words_of(s))
            return parsed[0] if parsed else None

        n, d = val(m.group("rn")), val(m.group("rd"))
        raw_d = m.group("rd")
        if (
            n is None
            or not d
            or n >= d
            or d > 1000
            or (raw_d.isdigit() and len(raw_d) == 4)
            or not re.match(r"[\s,]|$", self.text[m.end() : m.end() + 1])
        ):
            # not a ratio: read the first number alone
            m2 = CORE_RE.match(self.text, m.start() + 0)
            sub = re.compile(rf"(?P<spelled>{_NW})|(?P<digits>\d+)", re.I).match(
                self.text, m.start()
            )
            if not sub or m2 is None:
                return None
            num = self._number(sub)
            return self._phrase(num, s_start, s_end) if num else None
        return self._share(m, round(100.0 * n / d, 2), s_start)

    def _percent_of(self, m: re.Match, s_end: int) -> int | None:
        text = self.text
        before = text[max(0, m.start() - 20) : m.start()]
        if re.search(r"(?:\d|\b" + _NW + r")\s*$", before, re.I):
            return None
        m2 = CORE_RE.match(text, m.end())
        if not m2 or m2.lastgroup not in ("digits", "spelled"):
            return None
        num = self._number(m2)
        if num is None or nouns.noun_after(text, num.end, s_end):
            return None
        interval = _interval(num.value, num.place, "exact")
        return self._claim(m.start(), num.end, "percent", num.value, None, None, "exact",
                           "percent", ("percent", num.value, "percent"), interval)  # fmt: skip

    # --- claims --------------------------------------------------------------------

    def _emit(self, start, end, value, low, high, qual, money, unit_info, num, s_start, s_end,
              from_qual=None):  # fmt: skip
        text = self.text
        if from_qual is not None:
            start = from_qual
        place = num.place if num is not None else 0.0
        noun = None
        if money:
            code, label, factor = money
            interval = _interval_for(value, low, high, place, qual)
            si = (code, _times(value, factor), "currency")
            return self._claim(start, end, "money", value, low, high, qual, label, si,
                               _times_all(interval, factor))  # fmt: skip
        if unit_info:
            what, info, _ = unit_info
            if what == "percent":
                si_unit = "percent" if info == "percent" else "percentage point"
                factor = 0.01 if info == "basis point" else 1.0
                interval = _interval_for(value, low, high, place, qual)
                si = (si_unit, _times(value, factor), si_unit)
                return self._claim(start, end, "percent", value, low, high, qual, info, si,
                                   _times_all(interval, factor))  # fmt: skip
            u: units.Unit = info
            kind = "duration" if u.dimension == "time" else "measure"
            if (
                kind == "duration"
                and _TIME_FRAME_RE.search(text[max(s_start, start - 30) : start])
                and not (num and ("." in num.raw or text[num.end : num.end + 1] == "-"))
            ):
                return end  # "in the past three years": the time of other claims, not a claim
            if kind == "duration" and _TIME_SHIFT_AFTER_RE.match(text, end):
                return end  # "two years ago": a time, not an amount
            interval = _interval_for(value, low, high, place, qual)
            if u.factor is not None:
                interval = tuple(units.to_si(x, u) if x is not None else None for x in interval)
                si = (u.si_unit, units.to_si(value, u), u.dimension)
            else:
                si = (None, None, u.dimension)
            return self._claim(start, end, kind, value, low, high, qual, u.short, si, interval)
        # a count: what does it count
        found = nouns.noun_after(text, end, s_end)
        hm = None
        if text[end : end + 1] == "-" and num and not num.spelled:
            hm = _HYPHEN_WORD_RE.match(text, end)
        if hm and not found:
            word = hm.group("w")
            if word in _HYPHEN_QUALIFIERS or word == "strong":
                if qual == "exact" and word in _HYPHEN_QUALIFIERS:
                    qual = _HYPHEN_QUALIFIERS[word]
                end = hm.end() if word in _HYPHEN_QUALIFIERS else end + 1
                found = nouns.noun_after(text, end, s_end)
            elif nouns.is_content(word):
                found = (word, hm.end())
        if found and text[end : found[1]].isupper():
            if all(len(w) > 1 for w in re.findall(r"[A-Za-z]+", text[end : found[1]])):
                return found[1]  # "the 737 MAX": a model name, not a count
        if num is not None and "/" in num.raw:
            return found[1] if found else end  # "1 / 4 point": a fraction, not a count
        if re.search(r"\b(?:the|top)\s+$", text[max(s_start, start - 6) : start]) and re.match(
            r"\s+(?:most|least|best|worst|biggest|largest|top)\b", text[end : end + 10]
        ):
            return end  # "the 20 most expensive": the size of a list, not a count
        if re.match(r"[^\S\n]+\d", text[end : end + 3]) and num and not num.spelled:
            return end  # "50 50 dollar bills": a table or list, not a count
        small = (
            num is not None
            and num.spelled
            and value is not None
            and value <= 10
            and qual == "exact"
        )
        if small and not (found and found[0].split()[-1] in nouns.PERSON_NOUNS):
            if nouns.implied_by_verb(text, found[1] if found else end) is None:
                # small spelled counts are context ("two governments") unless they count people
                return found[1] if found else end
        if found:
            noun, end = found
            if noun == "times":
                return end  # a multiplier or a number of occasions, not an amount
        else:
            if value is not None and value != int(value) and not (num and num.scaled):
                return end  # a count is whole: 0.95 alone is a price move or an index, not a count
            noun = nouns.implied_by_verb(text, end)
            if noun is None:
                noun = self._implied_noun(start, s_start)
        interval = _interval_for(value, low, high, place, qual)
        si = (None, None, "count")
        return self._claim(start, end, "count", value, low, high, qual, None, si, interval, noun)

    def _claim(self, start, end, kind, value, low, high, qual, unit, si, interval, noun=None):
        """Add a claim with the bounds its qualifier states; return where it ends."""
        bounds = _stated_bounds(value, low, high, qual)
        self._add(start, end, kind, value, *bounds, qual, unit, noun, si=si, interval=interval)
        return end

    def _implied_noun(self, start: int, s_start: int) -> str | None:
        for c in reversed(self.claims):
            if c["kind"] == "count" and c["noun"] and c["end"] <= start:
                if c["start"] >= s_start:
                    return c["noun"]
                break
        found = nouns.noun_before(self.text[s_start:start])
        if found:
            return found
        prev = self._sent(s_start - 1) if s_start > 0 else None
        if prev:
            for c in reversed(self.claims):
                if c["kind"] == "count" and c["noun"] and prev[0] <= c["start"] < prev[1]:
                    return c["noun"]
        return None

    def _add(self, start, end, kind, value, low, high, qual, unit, noun, iso=None, si=None,
             interval=None):  # fmt: skip
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if self.claims and start < self.claims[-1]["end"] and kind in ("date", "rank"):
            pass
        si_unit, si_value, dim = si if si else (None, None, None)
        lo_i, hi_i = interval if interval else (None, None)
        if lo_i is not None and hi_i is not None and lo_i > hi_i:
            lo_i, hi_i = hi_i, lo_i
        if low is not None and high is not None and low > high:
            low, high = high, low
        self.last_end = max(self.last_end, end)
        self.claims.append(
            dict(
                start=start,
                end=end,
                kind=kind,
                value=value,
                low=low,
                high=high,
                qualifier=qual,
                unit=unit,
                noun=noun,
                iso=iso,
                si_unit=si_unit,
                si_value=si_value,
                dimension=dim,
                interval_low=lo_i,
                interval_high=hi_i,
            )
        )

    def _times(self) -> None:
        """A date holds its own time; a figure's time is set by frames.annotate."""
        for c in self.claims:
            if c["kind"] == "date" and c["iso"]:
                c["time"], c["time_source"] = c["iso"], "text"

    def _build(self) -> list[Claim]:
        text = self.text
        out = []
        seen = set()
        for c in sorted(self.claims, key=lambda c: (c["start"], c["end"])):
            key = (c["start"], c["end"])
            if key in seen or c["end"] <= c["start"]:
                continue
            seen.add(key)
            s, e = self._sent(c["start"])
            sentence = text[s:e].strip()
            line = bisect.bisect_left(self.newlines, c["start"]) + 1
            out.append(
                Claim(
                    doc=self.doc,
                    start=c["start"],
                    end=c["end"],
                    text=text[c["start"] : c["end"]],
                    kind=c["kind"],
                    value=_clean(c["value"]),
                    low=_clean(c["low"]),
                    high=_clean(c["high"]),
                    qualifier=c["qualifier"],
                    unit=c["unit"],
                    noun=c["noun"],
                    sentence=sentence,
                    line=line,
                    si_value=_clean(c["si_value"]),
                    si_unit=c["si_unit"],
                    dimension=c["dimension"],
                    interval_low=_clean(c["interval_low"]),
                    interval_high=_clean(c["interval_high"]),
                    time=c.get("time"),
                    time_source=c.get("time_source"),
                    # an article names its subject once, then counts it in the next sentence
                    context=f"{self._previous_sent(c['start'])} {sentence}".strip(),
                )
            )
        return out


# --- intervals ---------------------------------------------------------------------


def _unscaled(num: _Num) -> float:
    m = re.match(r"[-−]?[\d,]*\.?\d+", num.raw)
    if not m:
        return num.value
    try:
        v = float(m.group(0).replace(",", "").replace("−", "-"))
    except ValueError:
        return num.value
    return v or num.value


def _interval(x: float, place: float, qual: str) -> tuple[float | None, float | None]:
    """The interval a single figure x asserts under its qualifier (see the module docstring)."""
    ax = abs(x)
    if qual == "exact":
        if not place:
            return x, x
        half = min(place / 2, 0.05 * ax)
        return x - half, x + half
    if qual == "approx":
        sig = len(str(int(ax)).rstrip("0")) if ax >= 1 and ax == int(ax) else 2
        r = 0.15 if sig <= 1 else 0.10
        return x - r * ax, x + r * ax
    if qual == "nearly":
        return x - 0.1 * ax, x
    if qual in ("at_least", "more_than"):
        return x, None
    if qual in ("at_most", "less_than"):
        return (0.0 if x >= 0 else None), x
    return x, x


def _interval_for(value, low, high, place, qual):
    if value is None:
        return low, high
    return _interval(value, place, qual)


def _times(x: float | None, factor: float) -> float | None:
    return None if x is None else x * factor


def _times_all(xs: tuple, factor: float) -> tuple:
    return tuple(_times(x, factor) for x in xs)


def _bounds(value, qual):
    if qual in ("at_least", "more_than"):
        return value, None
    if qual in ("at_most", "less_than", "nearly"):
        return None, value
    return None, None


def _stated_bounds(value, low, high, qual):
    if value is None:
        return low, high
    return _bounds(value, qual)


def _clean(x):
    if x is None:
        return None
    x = float(x)
    if x != x or x in (float("inf"), float("-inf")):
        return None
    return float(f"{x:.12g}")  # 16.4 * 1e6 is 16399999.999999998; the text said 16.4 million


# --- public API --------------------------------------------------------------------


def extract(text: str, doc: str = "", published: str | None = None) -> list[Claim]:
    """Every numeric claim in text, sorted by (start, end); never raises on a str."""
    if not isinstance(text, str) or not text:
        return []
    try:
        return _Extractor(text, doc, published).run()
    except Exception:  # pragma: no cover - the contract is to never raise on text
        return []


def _extract_chunk(items: list[tuple[str, str, str | None]]) -> list[list[Claim]]:
    return [extract(t, d, p) for t, d, p in items]


def extract_many(items: list[tuple[str, str, str | None]], jobs: int = 1) -> list[list[Claim]]:
    """extract() over (text, doc, published) items, in order; same output for any jobs."""
    items = list(items)
    if jobs <= 1 or len(items) < 2:
        return _extract_chunk(items)
    size = max(1, min(64, len(items) // (jobs * 4) or 1))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    out: list[list[Claim]] = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for part in pool.map(_extract_chunk, chunks):
            out.extend(part)
    return out
