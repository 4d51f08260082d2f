"""The scanner's regular expressions, generated from the lexicon where they hold word lists."""

from __future__ import annotations

import re

from ..vocab import currencies
from ..vocab.lexicon import LEX
from ..vocab.tries import alternation, lower_alternation, narrowed
from . import dates, nouns
from . import numbers as nums


def key(words: str) -> str:
    """Matched words as a word list's key: lower case, one plain space between words
    ("at\u00a0least", "more  than" are "at least", "more than")."""
    return " ".join(words.lower().split())


NUMBER_WORDS = [*nums.SMALL, *nums.TENS, *nums.BIG_WORDS, "dozen", "dozens", "lakhs", "crores"]
NW = alternation(NUMBER_WORDS)
VULGAR = "[" + "".join(nums.VULGAR) + "]"
BIG = alternation([*nums.BIG_WORDS, "dozen"])
DIGITS = (
    r"(?:(?<![\w.,])[-−](?=\.?\d))?"  # the sign applies to every shape below
    # scientific notation and powers: 1.2e6, 3 x 10^6, 10⁹
    r"(?:\d+(?:\.\d+)?[eE][+-]?\d{1,2}(?![\w.])"
    r"|\d+(?:\.\d+)?\^[+-]{0,2}\d{1,2}(?![\w^])"
    r"|(?:\d+(?:\.\d+)?[ ]?[x×*][ ]?)?10(?:\^[-−]?\d{1,2}|[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?![\w^])"
    # fractions and mixed numbers: 1/2, 10 1/2, 7½, and "7 3 / 4" as tokenized text writes them
    r"|(?<![\d/])(?:\d+[ ]{1,2})?\d{1,2}/(?:2|3|4|5|8|10|16|32|100)(?![\d/])"
    r"|(?:\d+[ ]?)?" + VULGAR + r"(?![\d/])"
    r"|(?:(?:\d+[ ])?\d+[ ]/[ ](?:2|3|4|8|16|32)(?!\d))"
    # groups of three split by a space, no-break or thin space, or an apostrophe
    # (5 000, 5'000), or by a comma and a stray space (80, 000)
    r"|(?:\d{1,3}(?:[ \u00a0\u2009\u202f'’]\d{3})+(?![\d,]|['’]\d|[ \u00a0\u2009\u202f]\d"
    r"|-\d+(?![\d.,]|[ \u00a0\u2009\u202f]\d))"  # not "410 737-800 aircraft": a model
    r"|\d{1,3}(?:,[ ]\d{3})+(?![\d,]|\.\d)"
    r"|\d{1,3}(?:,\d{3})+(?!\d)|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d+)"
    r"(?:[ ],[ ]\d{3}(?![\d.]))*(?:\.\d+|[ ]\.[ ]\d+(?![ ][.,][ ]\d))?"
    r"|(?<![\d\w])\.\d+)"
)
# a digit or spelled number alone, where CORE_RE would read a ratio ("4 in 92")
NUMBER_ONLY_RE = re.compile(rf"(?P<digits>{DIGITS})|(?P<spelled>\b{NW}\b)", re.I)
FRAC = alternation(nums.FRACTIONS)
SPELLED = rf"{NW}(?:(?:\s+and\s+|[\s-]+){NW})*"
ORD = alternation(nums.ORDINALS)
# a denominator word ("fifths", "a thirtieth") or a compound one ("twenty-firsts")
DEN = (
    r"(?:" + alternation(nums.TENS) + r"[\s-]+" + alternation(nums.UNIT_ORDINALS) + r"s?|"
    + alternation(nums.DENOMINATORS) + r")"
)  # fmt: skip
# what may follow "a fifth" that is a share, not an ordinal ("a fifth straight win")
A_FRACTION_AFTER = (
    r"(?=[^\S\n]*(?:[.,;:!?)]|$|(?:is|was|were|are|has|have|had|said|will|would|could|may"
    r"|might|people|men|women|children)\b|[a-z]+s\b))"
)
_RATIO = (
    rf"(?P<ratio>\b(?P<rn>\d+|{SPELLED})\s+(?P<rc>in|out\s+of|(?P<over>over))\s+(?:every\s+)?"
    rf"(?P<rd>\d[\d,]*|{SPELLED})\b)"
)
# a part of one time unit ("half an hour", "a quarter of an hour", "three-quarters of an
# hour", "a half-hour"), or one with an article ("a fortnight", "less than an hour")
_TIME_UNIT = alternation(LEX["part_of_time_units"])
_PART_OF = (
    rf"(?P<partof>\b(?:(?P<pq>(?:a|one|three)[\s-]+quarters?)[\s-]+of[\s-]+an?"
    rf"|(?P<ph>half[\s-]+an?|an?[\s-]+half)[\s-]+)[\s-]*(?P<pu>{_TIME_UNIT})\b(?!-))"
)
_A_UNIT = rf"(?P<aunit>\ban?[^\S\n]+(?P<un>{_TIME_UNIT})\b(?![-'’]))"
# a part of one percent ("nine-tenths of a percent", "half a percentage point", "a tenth of
# 1 percent"): the share is of the percent, never of a whole ("nine-tenths" alone is 90%)
_PART_OF_PERCENT = (
    r"(?P<pctpart>\b(?:(?P<ppn>a|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
    r"(?P<ppd>thirds?|quarters?|fifths?|tenths?|hundredths?)[^\S\n]+of|half(?:[^\S\n]+of)?)"
    r"[^\S\n]+(?:a|one|1)[^\S\n]+(?:(?P<ppp>percentage[^\S\n]+points?)\b|per[^\S\n]?cent\b|%))"
)
CORE_RE = re.compile(
    rf"""
    {_PART_OF_PERCENT}
   |{_PART_OF}
   |(?P<vague>\b(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)\b
       |\b(?:several|a\s+few|few|many)\s+(?:dozen|hundred|thousand|million|billion)\b
       |\b(?:dozens|hundreds|thousands|millions|billions|trillions|lakhs|crores)\b
       |\b(?:scores|tens)\b(?=\s+of\b))
   |(?P<fscale>\b(?:(?:a|one)\s+)?(?:half|quarter|(?:two|three)[\s-]quarters|third
       |two[\s-]thirds)[\s-]+
       (?:of\s+)?(?:a\s+)?(?:million|billion|trillion|dozen)\b)
   |(?P<frac>\b(?:a|one|two|three|four|five|seven|nine)[\s-]
       {FRAC}\b(?=\s+(?:of|the)\b)
       |\bhalf\b(?=\s+(?:of\b|the\b))
       |(?<=\bby\s)(?:(?:a|one|two|three|four)[\s-])?
       (?:half|thirds?|quarters?|fifths?|tenths?)\b(?!\s+(?:of|a|an)\b|[\s-](?:century|mile|point)))
   |{_RATIO}
   |(?P<ordw>\b{ORD}[\s-]
       (?:[a-z]+est|most|least)\b)
   |(?P<pctof>\b(?:percents?|per\s?cent)\s+of\s+(?=\d|{NW}))
   |(?P<ahalf>\b(?:an?|one)\s+(?P<au>hour|day|week|month|year|minute|mile|night)\s+and\s+a\s+half\b)
   |{_A_UNIT}
   |(?P<afrac>\b(?:a|an)[\s-]+(?P<ad>{DEN})(?![\w-]){A_FRACTION_AFTER})
   |(?P<spelled>\b(?:(?:a|an)\s+(?={BIG}\b))?{NW}(?:(?:\s+and\s+|[\s-]+){NW})*\b)
   |(?P<digits>{DIGITS})
    """,
    re.VERBOSE | re.IGNORECASE,
)
# CORE_RE where a digit starts: only its ratio and digit shapes can match there, in the
# same order and with every group of CORE_RE (the word-only ones never reached)
CORE_DIGIT_RE = narrowed(CORE_RE, rf"{_RATIO}|(?P<digits>{DIGITS})", CORE_RE.flags)
# a plain run of digits that no shape of CORE_DIGIT_RE can continue: a space and a word
# (not "in", "out of", "over" of a ratio, nor the "x" of a power), or punctuation that ends
# a number; most figures of news text, read without trying each shape. Its groups are
# CORE_RE's, so a match reads the same
PLAIN_DIGITS_RE = narrowed(
    CORE_RE, r"(?P<digits>\d++)(?=[ ][A-HJ-NP-WYZa-hj-np-wyz]|\.(?!\d)|,(?![ ]?\d)|[;:!?)]|$)", 0
)
NEWLINE_RE = re.compile("\n")
TOKEN_RE = re.compile(r"[A-Za-z]+|\d+|" + VULGAR)
# first words of every CORE_RE alternative, and month names (dates start there)
# (lowercase: the scanner looks a word up as written, then lowercased)
STARTS = {w.lower() for w in (
    *nums.SMALL,
    *nums.TENS,
    *nums.BIG_WORDS,
    *nums.VAGUE,
    *nums.ORDINALS,
    *nums.VULGAR,
    *dates.MONTHS,
    *("lakhs crores dozen several few many a an half quarter third percent percents per "
      "percentage").split(),
)}  # fmt: skip
# where a candidate of the scanner starts, in one pass: a digit run, a vulgar fraction, or a
# whole word (a run of ASCII letters) among STARTS in any case; ASCII-only case folding, so
# it finds exactly the words TOKEN_RE finds and then looks up lowercased
CAND_RE = re.compile(
    r"(?P<digit>\d+)|"
    + VULGAR
    + r"|(?<![A-Za-z])(?ai:"
    + alternation(sorted(w for w in STARTS if re.fullmatch("[a-z]+", w)))
    + r")(?![A-Za-z])"
)
# fast test: does the text have anything that can start a number at all
ANYNUM_RE = re.compile(
    r"\d|"
    + VULGAR
    + r"|\b"
    + alternation(
        [*NUMBER_WORDS, *nums.VAGUE, *nums.DENOMINATORS, *nums.ORDINALS, *LEX["part_of_time_units"]]
    )
    + r"\b",
    re.IGNORECASE,
)
SCALE_AFTER_RE = re.compile(
    # not the first letter of a dotted abbreviation ("186 m.p.h.", "50 k.p.h.")
    r"(?P<sp>[^\S\n]*|-(?=[a-z]{5}))(?P<sc>" + alternation(nums.SCALES) + r")(?![\w]|\.\w)"
    # compounds: "1.87 lakh crore" = 1.87e12, "4 hundred million" = 4e8
    r"(?:[^\S\n]+(?P<sc2>crores?|thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
PCT_RE = re.compile(
    r"[^\S\n]?(?:(?P<pp>percentage[^\S\n]+points?\b|%[^\S\n]+points?\b|pct\.?[^\S\n]+points?\b|"
    r"pp\b|ppt\b)|(?P<bp>basis[^\S\n]+points?\b|bps\b|bp\b)|(?P<pct>%|percent(?:age)?s?\b|"
    r"per[ -]?cent\b|pct\b))",
    re.IGNORECASE,
)
PC_ATTACHED_RE = re.compile(r"pc\b")
CUR_SYM = alternation(currencies.SYMBOLS, flexible_space=False)
CUR_BEFORE_RE = re.compile(
    rf"(?:(?P<pre>\b(?:[A-Za-z]{{1,3}}|u\.s\.?|U\.S\.?|Mex|mex|MEX))(?P<presp>\s?))?"
    rf"(?P<sym>{CUR_SYM})\s*$"
    rf"|\$(?P<dsuf>{alternation(currencies.DOLLAR_SUFFIXES, flexible_space=False)})\s*$"
    r"|(?P<mcode>\b[Mm](?:USD|EUR|GBP|AUD|CAD|CHF|JPY|INR|usd|eur|gbp|aud|cad|chf|jpy|inr))\s*$"
    r"|(?P<word>\b[^\W\d_]{2,7}\.?)\s*$"
)
# the most CUR_BEFORE_RE can match before its trailing spaces: "U.S." and a space before the
# longest symbol, or a word of seven letters and a dot; a search starts no further back
CUR_BEFORE_LONGEST = max(len("U.S.") + 1 + max(map(len, currencies.SYMBOLS)), 7 + 1)
# subunits ("cents", "pence", "¢"): a word ends at a word boundary; "p" only alone, not "p.m."
SUB_WORDS = "|".join(
    [alternation([w for w in currencies.SUBUNITS if w.isalpha() and w != "p"]) + r"\b"]
    + [re.escape(w) for w in currencies.SUBUNITS if not w.isalpha()]
    + [r"p(?!\w|\.\w)"] * ("p" in currencies.SUBUNITS)
)
SUB_PREFIX = alternation(currencies.SUBUNIT_PREFIXES)
ADJS = {a for _, adjs in currencies.CURRENCY_NAMES.values() for a in adjs}
NAMES = currencies.CURRENCY_FORMS
CUR_AFTER_RE = re.compile(
    rf"(?P<sp>[^\S\n]?)(?:(?P<sym>{CUR_SYM})"
    rf"|(?:(?P<subpre>{SUB_PREFIX})[^\S\n]+(?=[A-Za-z]))?(?P<sub>{SUB_WORDS})"
    rf"|(?P<mcode>[Mm](?:USD|EUR|GBP|AUD|CAD|usd|eur|gbp|aud|cad)\b)"
    rf"|(?:(?P<adj>{lower_alternation(ADJS)})\s+)?"
    rf"(?P<name>{lower_alternation(NAMES)})\b"
    rf"|(?P<code>[A-Za-z]{{3}})(?![A-Za-z]))",
    re.IGNORECASE,
)
# "Rs 1,850 per quintal", "$3.10 a gallon", "€80/MWh": the quantity a price is per
PER_QUANTITY_AFTER_RE = re.compile(
    r"(?:[^\S\n]*/[^\S\n]*|[^\S\n]+(?:per|a|an)[^\S\n]+)(?P<den>"
    + alternation(currencies.PRICE_DENOMINATORS)
    + r")(?![\w-])",
    re.IGNORECASE,
)
# a sum that states another end of a price per quantity in the same currency: after it,
# "$4.10 a gallon, up from $3.95", "rose 12p a litre to 191.5p"; before it, "from
# Rs 2,125 to Rs 2,275 per quintal"
RATE_PARTNER_AFTER_RE = re.compile(
    r",?[^\S\n]+(?:(?:(?:up|down)[^\S\n]+)?from|to|compared[^\S\n]+(?:with|to)|against|versus|vs\.?)"
    r"[^\S\n]+",
    re.IGNORECASE,
)
RATE_PARTNER_BEFORE_RE = re.compile(r"[^\S\n]+(?:to|and)[^\S\n]+|[^\S\n]*[-–][^\S\n]*", re.I)
RATE_PAREN_RE = re.compile(r"[^\S\n]*\([^\S\n]*")  # "€1.80 a litre (about $1.95)"
RATE_OPENER_RE = re.compile(r"\b(?:from|between)[^\S\n]+$", re.IGNORECASE)
# "millions of francs"; guarded names ("thousands of real people") are words too
OF_NAMES = [f for f, n in currencies.CURRENCY_FORMS.items() if n not in currencies.GUARDED_NAMES]
OF_NAMES += ["pounds"]
OF_CURRENCY_RE = re.compile(
    r"\s+of\s+(?:(?P<adj>[A-Za-z]+)\s+)?(?P<name>" + alternation(OF_NAMES) + r")\b",
    re.IGNORECASE,
)
RANGE_CONN_RE = re.compile(r"(?P<c>[^\S\n]*(?:–|-|—)[^\S\n]*|\s+(?:to|and|through|or)\s+)", re.I)
QUAL_PHRASES: dict[str, list[str]] = LEX["qualifiers"]
QUAL_OF = {p: q for q, ps in QUAL_PHRASES.items() for p in ps}
# words that open a range: "between 5 and 10", "in the range of 12,000 and 19,000"
RANGE_OPENERS = alternation(LEX["range_openers"])
QUAL_AFTER: dict[str, str] = LEX["qualifiers_after"]
# "4,500 people or more", "a dozen or so"; not "10 or more than 20"
QUAL_AFTER_RE = re.compile(
    r"[^\S\n]+(?P<q>" + alternation(QUAL_AFTER) + r")\b(?![^\S\n]+than\b)", re.IGNORECASE
)
RISING_QUALIFIERS: dict[str, str] = LEX["rising_qualifiers"]
# the subject, up to three words that are no time frame ("in the past 3 days"), the verb
RISING_QUAL_RE = re.compile(
    r"\b" + alternation(LEX["rising_subjects"]) + r"\b"
    r"(?:[^\S\n]+(?!(?:the|this|that|last|in|over|during|for|since)\b)[A-Za-z']+){0,3}?"
    r"[^\S\n]+(?P<q>" + alternation(RISING_QUALIFIERS) + r")[^\S\n]+$",
    re.IGNORECASE,
)
# "topped 40,000 and passed 45,000": the verb of the figure before it goes on rising
RISING_CHAIN_RE = re.compile(
    r"[^\S\n]*(?:,[^\S\n]*(?:and|then)?|and|then)[^\S\n]+(?P<q>"
    + alternation(RISING_QUALIFIERS) + r")[^\S\n]+$",
    re.IGNORECASE,
)  # fmt: skip
# "the toll went up to eight", "was revised up to 40": a figure that moved there, exactly
MOVED_UP_TO_RE = re.compile(
    r"\b" + alternation(LEX["moved_up_to"]) + r"[^\S\n]+(?:(?:sharply|again|further)[^\S\n]+)?"
    r"up[^\S\n]+to[^\S\n]*$"
    # "pushed its estimate of the missing up to 47": a verb that moves its object; never
    # "raised prices by up to 12%", a bound
    r"|\b" + alternation(LEX["moved_object_up_to"]) + r"(?:[^\S\n]+(?!by\b)[\w'’-]+){1,6}?"
    r"[^\S\n]+up[^\S\n]+to[^\S\n]*$",
    re.IGNORECASE,
)
# "prices climbed past 2019 levels": a year, not a figure passed
YEAR_AHEAD_RE = re.compile(r"(?:1[5-9]|20)\d\d(?![\d,.])")
# "on 3/4", "by 3/4": a date as US text writes it, not three quarters
DATE_CUE_BEFORE_RE = re.compile(r"\b(?:on|by|until|till|since|from|dated)[^\S\n]+$", re.I)
# "the 10,000 mark": a milestone, not money
MILESTONE_BEFORE_RE = re.compile(r"\b(?:the|a|that|this)[^\S\n]+$", re.IGNORECASE)
SPACED_QUAL_AFTER: dict[str, str] = LEX["spaced_qualifiers_after"]
SPACED_QUAL_AFTER_RE = re.compile(
    r"[^\S\n]+(?P<q>" + alternation(SPACED_QUAL_AFTER) + r")\b(?=[^\S\n]*(?:[.,;:!?)\n]|$))",
    re.IGNORECASE,
)
SPACED_QUAL_BEFORE_NOUN_RE = re.compile(
    r"[^\S\n]+(?P<q>" + alternation(SPACED_QUAL_AFTER) + r")\b(?=[^\S\n]+[A-Za-z])",
    re.IGNORECASE,
)
# "Route 9 to 12": the second number of a name's range is part of the name
IDENT_PARTNER_RE = re.compile(
    r"(?:[^\S\n]*[-–][^\S\n]*|[^\S\n]+(?:to|and|or|through)[^\S\n]+)(?P<n>\d{1,4})(?![\d.,]?\d)"
)
QUAL_BEFORE_RE = re.compile(
    r"(?:(?<![\w])(?P<q>"
    + alternation(p for p in QUAL_OF if p != "~")
    + r")|(?P<tilde>~))[^\S\n]*(?:(?P<between>"
    + RANGE_OPENERS
    + r")\s+)?$"
    r"|(?<![\w])(?P<between2>" + RANGE_OPENERS + r")\s+$"
    # "plus or minus 3 points", "plus/minus 3": a margin either way, no sign
    r"|(?<![\w])(?<!plus\sor\s)(?<!plus/)(?P<neg>minus|negative)\s+$",
    re.IGNORECASE,
)
# the last word of every text QUAL_BEFORE_RE can match (lowercase): a window that ends in
# none of them, spaces aside, needs no search
QUAL_BEFORE_ENDS = tuple(
    sorted({p.split()[-1].lower() for p in [*QUAL_OF, *LEX["range_openers"], "minus", "negative"]})
)
# "rose 5 percent to 10 percent" is a change, "won by 48% to 52%" a tally: a verb of a
# moving figure (lexicon change_verbs and change_acts, every form) shortly before the first
CHANGE_VERBS_RE = re.compile(
    r"\b(?:" + alternation(LEX["change_verbs"] + LEX["change_acts"]) + r")\b[^.;]{0,40}$",
    re.IGNORECASE,
)
# "cut by 3 to 4 per cent": the figure after "by" is the size of a change
BY_BEFORE_RE = re.compile(r"\bby\s+$", re.IGNORECASE)
SCORE_BEFORE_RE = re.compile(
    r"\b" + alternation(LEX["score_words_before"]) + r"\b[^.;]{0,25}$", re.IGNORECASE
)
# an age says who a claim is about, not how many: not reported
AGE_BEFORE_RE = re.compile(
    r"\b(?:aged|ages|age|ageing|aging)\s+(?:(?:between|from|of)\s+)?$", re.IGNORECASE
)
# after "aged 18": a second age, an open end, the unit
AGE_SPAN_RE = re.compile(
    r"(?:\s*(?:to|and|-|–)\s*(?P<high>\d+))?"
    r"(?:\s+(?:and|or)\s+(?:(?P<up>over|above|older|up)|(?P<down>under|younger)))?"
    r"(?:\s+(?P<unit>years?|months?)(?:\s+old)?)?",
    re.IGNORECASE,
)
AGE_AFTER_RE = re.compile(r"(?:-|[^\S\n]+)olds?\b|[^\S\n]+of[^\S\n]+age\b", re.IGNORECASE)
# a sentence about a market index: its bare levels and "points" are index points
MARKET_INDEX_RE = re.compile(
    r"(?<![\w&])" + alternation(LEX["market_index_words"]) + r"(?![\w&])", re.I
)
MAGNITUDE_BEFORE_RE = re.compile(r"\bmagnitude[\s-]$", re.IGNORECASE)
# "adults over 65", "children under 5": an age bracket, not a count
AGE_GROUP_BEFORE_RE = re.compile(
    r"\b" + alternation(LEX["age_group_nouns"]) + r"\s+$", re.IGNORECASE
)
# after a count: "2.5-million-strong", "a 543-member house", "20-odd people", "40-plus"
# "0800 hundred hours": a time, not a scale
HUNDRED_NOT_SCALE_RE = re.compile(r"[^\S\n]+hours\b", re.I)
HYPHEN_UNIT_RE = re.compile(r"(?:-|[ ]-[ ])(?=[A-Za-z])")
HYPHEN_WORD_RE = re.compile(r"-(?P<w>[a-z]+)\b(?!-)")
HYPHEN_QUALIFIERS: dict[str, str] = LEX["hyphen_qualifiers"]
OF_GOODS_RE = re.compile(r"\s+of\s+(?!the\b|a\b|an\b|\d)[a-z]", re.IGNORECASE)
# "The judge, 62, said", "Smith, 45,": an age in apposition, not a count
APPOSITIVE_BEFORE_RE = re.compile(
    r"(?:\b[A-Z][a-z]+|\b(?:" + "|".join(sorted(nouns.PERSON_SINGULAR)) + r")),[^\S\n]*$"
)
# what ends an age in apposition: ", 62, said", "Jane Okafor, 54." at a sentence end
APPOSITIVE_END_RE = re.compile(r"[ \t]*(?:,|\.(?!\d)|\)|$)")
# the words of a name before an apposition's comma, any script: "Jürgen Weiß, "
APPOSITIVE_NAME_RE = re.compile(r"((?:[^\W\d_][\w'’.-]*[^\S\n]+){0,3}[^\W\d_][\w'’-]*),[^\S\n]*$")
# who is named: "said Maria Lopez, 52", "Maria Lopez, 52, said", "Weiß, 67, a retired baker"
APPOSITIVE_TELLS_BEFORE_RE = re.compile(
    r"\b" + alternation(LEX["appositive_age_tellers"]) + r"[^\S\n]+$", re.IGNORECASE
)
APPOSITIVE_TELLS_AFTER_RE = re.compile(
    r",[^\S\n]*" + alternation(LEX["appositive_age_tellers"] + LEX["appositive_age_after"]) + r"\b",
    re.IGNORECASE,
)
# "6.5 per 100,000 residents", "one for every 1,000 voters": the base of a rate
RATE_BASE_BEFORE_RE = re.compile(
    r"\b" + alternation(LEX["rate_base_before"]) + r"[^\S\n]+$", re.IGNORECASE
)
RATE_AFTER_RE = re.compile(
    r"[^\S\n]+" + alternation(LEX["rate_base_before"]) + r"[^\S\n]+\d", re.IGNORECASE
)
EXCHANGE_AFTER_RE = re.compile(
    r"[^\S\n]+" + alternation(LEX["exchange_rate_links"])
    + r"[^\S\n]+(?:(?:US|U\.S\.|American)[^\S\n]+)?"
    + alternation([*currencies.CURRENCY_FORMS, "greenback"]) + r"\b",
    re.IGNORECASE,
)  # fmt: skip
VIDEO_LINES = {240, 360, 480, 720}  # "720p" is a video format, not pence
SCORE_AFTER_RE = re.compile(r"\s*" + alternation(LEX["score_words_after"]) + r"\b", re.IGNORECASE)
# masked before scanning: URLs and e-mail addresses (looked for only in text with
# "://", "www." or "@"), and phone numbers (tried only where a digit run starts)
URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"]+")
# a web address written without its scheme: a host name with a dot and a path
# ("example.com/2019/05/12/story", "bbc.co.uk/news/2021"); the last label is letters, so
# "3.5/10", "U.S./Mexico" and "1.6m/year" are no address
BARE_URL_RE = re.compile(
    r"(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}/[^\s<>\"]*", re.I
)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE_RE = re.compile(
    r"(?<![\w-])(?:\+\d{1,3}[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\w-])"
    r"|(?<![\w-])\d{3}-\d{4}(?![\w-])|(?<![\w-])1-800-[\w-]+"
    # as Europe and Asia write them: "0800 123 4567", "+44 20 7946 0958"
    r"|(?<![\w,.-])(?:\+\d{1,3}[ .-]?\(?\d{1,4}\)?|\(?0\d{1,4}\)?)(?:[ .-]\d{2,5}){2,3}"
    r"(?![\w,-]|\.\d)",
)
ADDRESS_AFTER_RE = re.compile(
    r"(?:\s+[A-Z][a-z]+){1,3}\s+" + alternation(LEX["street_types"]) + r"\b\.?"
)
ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
# "4,100 times before", "3 times.": times that count occasions (lexicon occasion_times_after)
OCCASION_TIMES_RE = re.compile(
    r"[^\S\n]+times(?=[^\S\n]*(?:[.,;:!?)]|$)|[^\S\n]+"
    + alternation(LEX["occasion_times_after"])
    + r"\b)",
    re.IGNORECASE,
)
TIMES_RE = re.compile(r"(?:[^\S\n]*-?[^\S\n]*fold\b|[^\S\n]+times\b|[^\S\n]*x\b)", re.IGNORECASE)
# a duration that places other events in time ("two years ago", "three days later")
TIME_SHIFT_AFTER_RE = re.compile(
    r"[^\S\n]+" + alternation(LEX["time_shift_words"]) + r"\b", re.IGNORECASE
)
IDENT_WORDS = set(LEX["identifier_words"])
# a duration that frames its sentence's other figures ("in the past three years", "over
# the past 6 weeks", "the first 36 hours"): a claim, but their words are not its own
TIME_FRAME_RE = re.compile(
    r"\b(?:the|in|within|for\s+the|over\s+the|during\s+the)\s+"
    r"(?:(?:past|last|next|first|coming|previous|following|final|initial|same)\s+)?$",
    re.IGNORECASE,
)
# "within 48 hours", "within the next six months": at most that long
DURATION_QUALIFIERS = LEX["duration_qualifiers"]
DURATION_QUAL_BEFORE_RE = re.compile(
    r"\b(?P<q>" + alternation(DURATION_QUALIFIERS) + r")[^\S\n]+(?:"
    + alternation(LEX["duration_qualifier_gaps"]) + r"[^\S\n]+)?$",
    re.IGNORECASE,
)  # fmt: skip
# "once a fortnight", "$5 a day", "£30bn a decade": a rate, not a duration
RATE_BEFORE_RE = re.compile(
    r"(?:\b" + alternation(LEX["rate_before_article"]) + r"|\d[\w%]*)[^\S\n]*$", re.IGNORECASE
)
ARTICLE_DURATIONS = set(LEX["article_durations"])
# "over five years" as a period: "over" after these words means "more than" ("lasted over")
OVER_LASTING = set(LEX["over_lasting_words"])
# "the 10-year Treasury yield", "30 - year bonds": up to two words, then an instrument
TENOR_AFTER_RE = re.compile(
    r"(?:[^\S\n]+(?!(?:of|in|for|and|or|to|at|on)\b)[A-Za-z.-]+){0,2}?[^\S\n]+"
    + alternation(LEX["tenor_instruments"]) + r"\b",
    re.IGNORECASE,
)  # fmt: skip
OF_AFTER_RE = re.compile(r"[^\S\n]+of\b", re.IGNORECASE)
DATE_PREFIX_RE = re.compile(r"\b(?:mid|late|early|pre|post)-$", re.IGNORECASE)
# a sentence's end, or a newline: written to open with one character class, which the
# engine then looks for at C speed (an alternation of a class and a newline it tries at
# every character); the same matches as "[.!?]+[…]*\s+(?=…)|\n"
SENT_END_RE = re.compile(r"[.!?\n](?:(?<=\n)|[.!?]*[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9]))")
ABBREVIATIONS = set(LEX["abbreviations"])
STARTERS = set(LEX["sentence_starters"])
# "35m of its devices": an attached m before a possessive and a plural is millions
OF_DETERMINER_RE = re.compile(
    r"[^\S\n]+of[^\S\n]+(?:its|their|the|his|her|our|these|those|all)(?=[^\S\n]+[A-Za-z\d])",
    re.IGNORECASE,
)
# "22m of its 30m users": the scaled figure of the whole between the determiner and the plural
WHOLE_FIGURE_RE = re.compile(r"[^\S\n]+\d[\d,.]*(?:[mkMK]|bn|[^\S\n]+million)(?=[^\S\n])")
# "a deficit of 1.6 billion ($2.0 billion)": the first figure is money in a currency
# the text does not name, converted in brackets; not a count
PAREN_MONEY_AFTER_RE = re.compile(
    r"[^\S\n]*\([^\S\n]*(?:(?:about|around|some|roughly|nearly|almost)[^\S\n]+)?"
    r"(?:" + alternation(currencies.DOLLAR_PREFIXES) + r")?"
    r"(?:"
    + CUR_SYM
    + r"(?-i:"
    + alternation(currencies.DOLLAR_SUFFIXES)
    + r")?|[A-Z]{3})[^\S\n]?\d",
    re.IGNORECASE,
)
# the currency before a range's second number: "$93 billion", "HK$7 million", "$US7m"
SECOND_CUR_RE = re.compile(
    r"(?P<pre>" + alternation(currencies.DOLLAR_PREFIXES) + r")?(?P<s>" + CUR_SYM + r")"
    r"(?-i:(?P<suf>" + alternation(currencies.DOLLAR_SUFFIXES) + r")(?![A-Za-z]))?\s?",
    re.IGNORECASE,
)
# a currency word or code before a range's second number: "Rs 10 lakh", "INR 10", "Rs10"
SECOND_CUR_WORD_RE = re.compile(r"(?P<w>[^\W\d_]{2,7}\.?)[^\S\n]?(?=\d)")
# a fraction's denominator after a spelled number: "two thirds", "a hundred trillionths"
DENOMINATOR_RE = re.compile(
    r"[\s-]+(?:" + SPELLED + r"[\s-]+)?(?:" + FRAC + r"|" + ORD + r"s?"
    r"|(?:hundred|thousand|million|billion|trillion)ths?"
    r"|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ieths?)\b",
    re.IGNORECASE,
)
# "the one millionth visitor": an ordinal after a determiner, not a fraction
DETERMINER_BEFORE_RE = re.compile(
    r"\b(?:the|its|his|her|their|our|this|that|every)[^\S\n]+$", re.IGNORECASE
)
# "for three quarters in a row", "two quarters of the year": quarters of a year
QUARTERS_OF_TIME_RE = re.compile(
    r"(?<=quarters)[^\S\n]+(?:in[^\S\n]+a[^\S\n]+row|running|straight|of[^\S\n]+"
    r"(?:the[^\S\n]+)?(?:year|fiscal)|ago|earlier|later)\b",
    re.IGNORECASE,
)
TIME_SPAN_BEFORE_RE = re.compile(
    r"\b(?:for|in|over|past|last|next|first|consecutive|straight|within)[^\S\n]+$",
    re.IGNORECASE,
)
# a mixed number's fraction: "and a half", "and three quarters", "and two thirds"
AND_FRACTION_RE = re.compile(
    r"[^\S\n]+and[^\S\n]+(?P<n>a|an|" + SPELLED + r")[\s-]+"
    r"(?P<d>" + DEN + r")\b(?:[^\S\n]+(?P<sc>million|billion|trillion|thousand))?",
    re.IGNORECASE,
)
# "two hundred point seventy-one", "five point five"
POINT_RE = re.compile(
    r"[^\S\n]+point[^\S\n]+(?P<d>(?:zero|oh|nought|naught|" + NW + r")(?:[\s-]+(?:zero|oh|"
    r"nought|naught|one|two|three|four|five|six|seven|eight|nine)\b)*)\b",
    re.IGNORECASE,
)
# "1,3", "1.111,11": a decimal comma; the figure is not read
DECIMAL_COMMA_RE = re.compile(r",\d{1,2}(?![\d,])|,\d{3},\d{1,2}(?!\d)")
# after "4 thousand": "3 hundred and 21", "and 21"; not "4 thousand and 5 thousand"
COMPOUND_RE = re.compile(
    r"[^\S\n]+(?:and[^\S\n]+)?(?:(?P<n>\d{1,3})(?![\d,.])|(?P<w>"
    + alternation([*nums.TENS, *nums.SMALL])
    + r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)\b)"
    r"(?:[^\S\n]+(?P<h>hundred)\b)?"
    r"(?![^\S\n]*(?:thousand|million|billion|trillion|lakh|crore|hundred|dozen|[kmb]n?)\b)",
    re.IGNORECASE,
)
# "1 billion 200 million", "2 million 300 thousand": a smaller scaled group after a scale
SCALED_TAIL_RE = re.compile(
    r"[^\S\n]+(?:and[^\S\n]+)?(?P<n>\d{1,3}(?:\.\d+)?)(?![\d,])[^\S\n]*"
    r"(?P<sc>thousand|million|billion|lakh|crore)\b",
    re.IGNORECASE,
)
# a word after a figure: "12 months" is a figure of its own, not the tail of "$3 million 12"
WORD_AFTER_RE = re.compile(r"[^\S\n]+[^\W\d_]")
# "one over three", "2000 over 3": a ratio written with "over", not "more than"
OVER_NUMBER_RE = re.compile(
    r"[^\S\n]+over[^\S\n]+(?:\d+|" + SPELLED + r")(?![\s-]*[A-Za-z\d])", re.IGNORECASE
)
NUMBER_BEFORE_RE = re.compile(r"(?:\d|\b" + NW + r")[^\S\n]*$", re.IGNORECASE)
WEATHER_RE = re.compile(r"\b" + alternation(LEX["weather_words"]) + r"\b", re.IGNORECASE)
SCALE_WORD_AFTER_RE = re.compile(
    r"[\s-]+(?:hundreds|thousands|millions|billions|dozens|" + BIG + r")\b", re.IGNORECASE
)
# "more than 10 but fewer than 20": two one-sided bounds of one range
JOINED_BOUNDS_RE = re.compile(
    r"[^\S\n]+(?:but|and)[^\S\n]+(?:fewer|less)[^\S\n]+than[^\S\n]+", re.IGNORECASE
)
