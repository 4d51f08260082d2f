"""Two numbers read as one claim: a range ("5 to 10 million", "between 3% and 4%"), two
joined bounds ("more than 10 but fewer than 20"), or a name's second number ("Route 9 to 12")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import filters, nouns
from . import intervals as iv
from . import patterns as pat
from .drafts import Drafts
from .emit import Reading, add_year, emit, emit_age
from .read_around import plural_follows, second_number, unit_after
from .read_number import scale
from .scanner import Num
from .text import Text

if TYPE_CHECKING:
    from .phrase import Phrase


def read_range(t: Text, drafts: Drafts, ph: Phrase) -> int | None:
    """A range ("5 to 10 million", "between 3% and 4%"): its claim's end, or None."""
    text = t.text
    cm = pat.RANGE_CONN_RE.match(text, ph.p)
    unit_first = False  # "between 3% and 4%": the unit on both sides
    if cm is None and ph.after is not None:
        cm = pat.RANGE_CONN_RE.match(text, ph.after[2])
        unit_first = cm is not None
    if not cm:
        return None
    plain = ph.money is None and ph.after is None and not ph.num.spelled
    if plain and filters.is_identifier(text, ph.num, ph.qual, ph.s_start):
        # "Windows 10 to 400 million users": a name, not a range
        return name_range_end(t, ph)
    if not _connector_ok(text, ph, cm) and not _range_of_change(t, ph, cm):
        _unit_of_change(t, ph, cm)
        return None
    conn = cm.group("c").strip()
    if conn in ("-", "–") and re.match(r"[\d-]*\d-\d", text[ph.num.start : ph.num.start + 40]):
        chain = re.match(r"\d+(?:-\d+){2,}|\d{5,}-\d+|\d+-\d{5,}", text[ph.num.start :])
        if chain:
            return ph.num.start + chain.end()  # an account or phone number
    second = second_number(text, cm.end(), ph.s_start, ph.s_end)
    if second is None or (second[1] is not None and ph.money is None and ph.after):
        return None
    return _range_claim(t, drafts, ph, (conn, unit_first), second)


def joined_bounds(t: Text, drafts: Drafts, ph: Phrase) -> int | None:
    """ "more than 10 but fewer than 20 boats": one range from two one-sided bounds."""
    if ph.qual not in ("more_than", "at_least"):
        return None
    text = t.text
    m = pat.JOINED_BOUNDS_RE.match(text, ph.num.end)
    second = second_number(text, m.end(), ph.s_start, ph.s_end) if m else None
    if second is None or second[1] is not None or second[0].value <= ph.num.value:
        return None
    num2 = second[0]
    if unit_after(t, num2, num2.end, False) is not None:
        return None
    stated = (None, ph.num.value, num2.value, "range")
    r = Reading(ph.qstart, num2.end, stated, None, None, ph.num, ph.s_start, ph.s_end)
    return emit(t, drafts, r)


def name_range_end(t: Text, ph: Phrase) -> int:
    """Where a skipped number ends; "Route 9 to 12" skips the name's second number too,
    unless it has a unit, a scale or a noun of its own ("Windows 10 to 400 million users")."""
    num, text = ph.num, t.text
    m = pat.IDENT_PARTNER_RE.match(text, num.end)
    if not m or not filters.is_identifier(text, num, ph.qual, ph.s_start):
        return num.end
    num2 = Num(m.start("n"), m.end("n"), float(m.group("n")), 1.0, False, m.group("n"))
    if (
        unit_after(t, num2, num2.end, False) is not None
        or pat.SCALE_AFTER_RE.match(text, num2.end)
        or nouns.noun_after(text, num2.end, ph.s_end)
    ):
        return num.end
    return m.end()


def _unit_of_change(t: Text, ph: Phrase, cm: re.Match) -> None:
    """ "rose from 5 to 6 percent": the figure a change starts from has the unit of the
    figure it ends at (5 percent), not a count of nothing; after "from", its scale, unit and
    currency too ("from 12 to 15 million", "from 4.1 to 5.3 billion euros")."""
    if ph.money or ph.after or cm.group("c").strip().lower() != "to":
        return
    second = second_number(t.text, cm.end(), ph.s_start, ph.s_end)
    if second is None or second[1] is not None:
        return
    num, num2 = ph.num, second[0]
    after2 = unit_after(t, num2, num2.end, False)
    if not ph.between or num.scaled or filters.yearish(num):
        if after2 and after2[0] == "percent":
            ph.after = (after2[0], after2[1], ph.p)
        return
    if num2.scaled and 0 < num.value < 1000:
        factor = num2.value / iv.unscaled(num2)
        if factor > 1 and 0.1 <= num.value * factor / num2.value <= 10:
            _scale_by(num, factor)
    if after2 and after2[0] == "money":
        ph.money = after2[1]
    elif after2:
        ph.after = (after2[0], after2[1], ph.p)


def _range_of_change(t: Text, ph: Phrase, cm: re.Match) -> bool:
    """ "will rise 2 to 2.5 degrees", "cut by 3 to 4 per cent": after a verb of change, a bare
    figure, "to" and a close larger one with a unit are one range of the change; not "rose 120
    to 34,500" (a change and a level) nor "rose 3.9 to 4.1 percent" (a sloppy from-to)."""
    text, num = t.text, ph.num
    if ph.money or ph.after or ph.between or cm.group("c").strip().lower() != "to":
        return False
    before = text[max(ph.s_start, ph.start - 60) : ph.qstart]
    if not pat.CHANGE_VERBS_RE.search(before) or pat.SCORE_BEFORE_RE.search(before):
        return False
    second = second_number(text, cm.end(), ph.s_start, ph.s_end)
    if second is None or second[1] is not None or num.value <= 0 or num.scaled:
        return False
    num2 = second[0]
    if num2.scaled or unit_after(t, num2, num2.end, False) is None:
        return False
    ratio = num2.value / num.value
    by = pat.BY_BEFORE_RE.search(before) is not None
    return (1 < ratio <= 4) if by else (1.1 <= ratio <= 2)


def _share_thousands(num: Num, num2: Num) -> None:
    """ "between 40 and 50,000 people", "some 8 to 10,000": the first figure is in thousands
    as the second is written (40,000), when it is close below the second's thousands."""
    if num.scaled or num2.scaled or num.spelled or not _THOUSANDS_RE.fullmatch(num2.raw):
        return
    thousands = num2.value / 1000
    if num.value == int(num.value) and thousands / 2 <= num.value < thousands:
        _scale_by(num, 1000.0)


# a second figure written as whole thousands: "50,000", "10,000" (not "50,500" nor "50000")
_THOUSANDS_RE = re.compile(r"\d{1,3},000")


def _scale_by(num: Num, factor: float) -> None:
    """Give num the scale of its partner ("4 to 5 million": 4 million)."""
    num.value *= factor
    num.place = (num.place or 1.0) * factor
    num.scaled = True


def _connector_ok(text: str, ph: Phrase, cm: re.Match) -> bool:
    """Whether the word between two numbers makes them a range."""
    conn = cm.group("c").strip().lower()
    ok = conn not in ("and", "—") or (conn == "and" and ph.between)
    if conn == "or" and (ph.qual or ph.between):
        ok = False
    if ok and conn == "to":
        # "rose 5 percent to 10 percent" is a change, "won by 48% to 52%" a tally
        before = text[max(ph.s_start, ph.start - 60) : ph.qstart]
        ok = not pat.CHANGE_VERBS_RE.search(before)
        if ok and not ph.between:
            ok = not pat.SCORE_BEFORE_RE.search(before)
    return ok


def _range_claim(t: Text, drafts: Drafts, ph: Phrase, connector, second) -> int | None:
    """The claim of a range whose second number (and its currency) is second, or None when
    it is not one; connector: (the word between, whether the unit came before it)."""
    (conn, unit_first), (num2, cur2) = connector, second
    num, after = ph.num, ph.after
    after2, p2 = _second_tail(t, ph, num2, cur2)
    if _shared_letter_scale(ph, num2):
        after = ph.after = None  # "1.2m-1.5m people": millions, not metres
    if not _consistent(ph, after, after2, cur2, unit_first):
        return None
    plain = ph.money is None and after is None and after2 is None
    if plain and conn in ("-", "–") and _tally(t.text, ph, num2, p2):
        return p2  # a score or vote tally: nothing to report
    if plain and filters.yearish(num):
        if filters.yearish(num2) or (len(num2.raw) == 2 and conn in ("-", "–", "/")):
            return add_year(drafts, ph.start, p2, num.value)  # years: 2014-15, 1990-1995
    _share_scale(num, num2, cur2)
    if num.value > num2.value or not (not after or after2 or after[0] == "unit"):
        return None
    unit_info = after2 or after
    end = unit_info[2] if unit_info and after2 else p2
    if ph.money and after2 is None and after is None:
        end = max(end, p2)
    return _emit_range(t, drafts, ph, num2, unit_info, end)


def _consistent(ph: Phrase, after, after2, cur2, unit_first: bool) -> bool:
    """Whether a range's two figures have the same unit and currency."""
    if after and after2 and (after[0] != after2[0] or after[1] != after2[1]):
        return False
    if after and not after2 and after[0] == "unit" and unit_first:
        return False
    return not (cur2 and ph.money and cur2 != ph.money[0])


def _share_scale(num: Num, num2: Num, cur2) -> None:
    """The first figure of a range takes the scale of its second: "4 to 5 million" (both in
    millions), "between 40 and 50,000" (both in thousands)."""
    if num2.scaled and not num.scaled and 0 < num.value <= num2.value:
        factor = num2.value / iv.unscaled(num2)
        if num.value * factor <= num2.value:
            _scale_by(num, factor)
    if cur2 is None:
        _share_thousands(num, num2)


def _emit_range(t: Text, drafts: Drafts, ph: Phrase, num2: Num, unit_info, end: int) -> int:
    """The claim of a read range: an age range ("40-50 years old") or by its unit."""
    num = ph.num
    start = ph.start if not ph.qual else ph.qstart
    stated = (None, num.value, num2.value, "range")
    old = _range_age(t.text, ph.money, unit_info, end)
    if old:  # "about 40 - 50 years old": a range of ages
        return emit_age(drafts, (start, old.end()), stated, unit_info[1], num)
    if ph.between and not ph.qual:
        start = ph.qstart  # "between 5 and 10": the range starts at its opener
    r = Reading(start, end, stated, ph.money, unit_info, num, ph.s_start, ph.s_end)
    return emit(t, drafts, r)


def _shared_letter_scale(ph: Phrase, num2: Num) -> bool:
    """ "1.2m-1.5m people", "between 1.2m and 1.5m residents": a first figure read as metres
    takes the scale its partner's letter was read as before a plural (applied here)."""
    num, ms, ms2 = ph.num, ph.num.money_scale, num2.money_scale
    if ms is None or ms2 is None or ph.money or not num2.scaled or num.scaled:
        return False
    if ph.after is None or ph.after[0] != "unit" or ms[1] != ms2[1] or num2.end != ms2[0]:
        return False
    scale(num, ms[1], ms[0])
    return True


def _range_age(text: str, money, unit_info, end: int) -> re.Match | None:
    """ "40-50 years old", "18 to 24 years of age": where the age words end, or None."""
    if money or not unit_info or unit_info[0] != "unit" or unit_info[1].dimension != "time":
        return None
    return pat.AGE_AFTER_RE.match(text, end)


def _second_tail(t: Text, ph: Phrase, num2: Num, cur2) -> tuple[tuple | None, int]:
    """The unit after a range's second number, and where it ends; sets a currency found."""
    p2 = num2.end
    if num2.money_scale and (
        ph.money or cur2 or plural_follows(t.text, num2.money_scale[0], ph.s_end)
    ):
        scale(num2, num2.money_scale[1], num2.money_scale[0])
        p2 = num2.end
    after2 = unit_after(t, num2, p2, (ph.money or cur2) is not None)
    if after2 and after2[0] == "money" and ph.after and ph.after[0] != "unit":
        return None, p2  # "added 1.1% to 28.30 riyals": a percent is never the riyals'
    if after2 and after2[0] == "money" and ph.money is None and cur2 is None:
        ph.money = after2[1]
        p2 = after2[2]
        after2 = None
    elif after2 and after2[0] == "money":
        after2 = None
    if cur2 and ph.money is None:
        ph.money = (cur2, cur2, 1.0)
    return after2, p2


def _tally(text: str, ph: Phrase, num2: Num, p2: int) -> bool:
    """Whether "48-52" reads as a score or a vote, not a range."""
    num = ph.num
    if num.scaled or num2.scaled or max(abs(num.value), abs(num2.value)) >= 1000:
        return False
    cue = bool(
        pat.SCORE_BEFORE_RE.search(text[max(ph.s_start, ph.start - 40) : ph.start])
        or pat.SCORE_AFTER_RE.match(text, p2)
    )
    if abs(num.value) >= 200 or abs(num2.value) >= 200:
        return cue  # "voted 230-197": a chamber's vote needs its word
    return cue or num2.value < num.value
