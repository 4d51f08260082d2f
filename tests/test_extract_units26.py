"""Issue 26, units: figures in units the table lacked, and an attached "m" that is millions
or metres, on news-style sentences written for these tests (wire, local paper, business
desk, motoring and technology pages, broadcaster).

A row of READ says what a reader takes from the sentence: the figure's span, its value,
unit and SI value. A row of NOT_READ is a figure whose "m" the text leaves open (millions
or metres): the extractor must state no value for it rather than a wrong one.
"""

from __future__ import annotations

import pytest

from factcheck.extract import extract

HP = 745.69987158227022

# (sentence, span, value, unit, SI value)
READ = [
    # frequency, spaced and glued, in any case of the prefix
    (
        "Qualcomm said on Tuesday that its new Snapdragon chip runs at 3.4GHz, up from the "
        "3.2GHz of last year's model, and will ship in 1,200 handsets.",
        "3.4GHz", 3.4, "GHz", 3.4e9,
    ),
    (
        "The budget router from Xiaomi still uses the 2.4Ghz band alone.",
        "2.4Ghz", 2.4, "GHz", 2.4e9,
    ),
    (
        "Radio Ñuble broadcasts on 98.6 MHz from its studios in Chillán, the regulator said.",
        "98.6 MHz", 98.6, "MHz", 98.6e6,
    ),
    (
        "Ofcom filings show the Gdańsk transmitter was licensed for a 15kHz channel.",
        "15kHz", 15, "kHz", 15e3,
    ),
    (
        "Residents of Łódź complained of a 1,500 hertz whine from the substation.",
        "1,500 hertz", 1500, "Hz", 1500,
    ),
    # engine power and torque
    (
        "BMW's new M5 makes 717bhp from its hybrid V8, the company told reporters in Munich.",
        "717bhp", 717, "hp", 717 * HP,
    ),
    (
        "Its 2.0-litre petrol engine develops 300 hp, enough for 0-100 in 5.8 seconds.",
        "300 hp", 300, "hp", 300 * HP,
    ),
    (
        "The same engine gives 420 Nm of torque from 1,750rpm, Volkswagen says.",
        "420 Nm", 420, "Nm", 420,
    ),
    (
        "The Škoda Octavia RS produces 265 PS in its latest form.",
        "265 PS", 265, "PS", 265 * 735.49875,
    ),
    (
        "Renault said the electric motor delivers 1,100 newton-metres of torque.",
        "1,100 newton-metres", 1100, "Nm", 1100,
    ),
    (
        "At idle the diesel turns over at 850 rpm, the inspectors' report found.",
        "850 rpm", 850, "per minute", 850 / 60,
    ),
    # lengths below a millimetre and other SI prefixes
    (
        "TSMC began mass production of 3nm chips in Hsinchu in December 2022.",
        "3nm", 3, "nm", 3e-9,
    ),
    (
        "The laser emits light at a wavelength of 1,550 nanometres, the researchers wrote.",
        "1,550 nanometres", 1550, "nm", 1.55e-6,
    ),
    (
        "Each strand of the fibre is just 9 microns across.",
        "9 microns", 9, "µm", 9e-6,
    ),
    (
        "The phone's 5,000mAh battery lasts two days, Samsung claims.",
        "5,000mAh", 5000, "mAh", 18000,
    ),
    (
        "National Grid will build a 400kV line from Bramford to Twinstead by 2028.",
        "400kV", 400, "kV", 4e5,
    ),
    (
        "Global emissions from fossil fuels reached 37.4 gigatonnes, the report said.",
        "37.4 gigatonnes", 37.4, "gigatonne", 37.4e12,
    ),
    # counts per time: a rate
    (
        "During the test her heart beat 180 times a minute, the cardiologist told the BBC.",
        "180 times a minute", 180, "per minute", 3.0,
    ),
    (
        "Patients at the Oulu clinic take the tablet three times a day with food.",
        "three times a day", 3, "per day", 3 / 86400,
    ),
    (
        "The cabinet in Kraków now meets four times a year, down from 12.",
        "four times a year", 4, "per year", 4 / (365.25 * 86400),
    ),
    # dotted abbreviations
    (
        "The prototype train hit 199 m.p.h. on the line near Lyon, SNCF said.",
        "199 m.p.h.", 199, "mph", 199 * 0.44704,
    ),
    (
        "Gusts of 130 k.p.h. brought down trees across Galicia on Sunday.",
        "130 k.p.h.", 130, "km/h", 130 / 3.6,
    ),
    # an attached m: millions before "-strong" or a figure of the whole, metres beside
    # a word of length even when a plural follows
    (
        "Unions said the NHS's 1.5m-strong workforce, Europe's largest, would strike in June.",
        "1.5m-strong workforce", 1.5e6, None, None,
    ),
    (
        "Nintendo said 22m of its 30m players were in Europe.",
        "22m", 22e6, None, None,
    ),
    (
        "Femke Bol won the 400m hurdles in Zürich on Thursday.",
        "400m", 400, "m", 400,
    ),
    (
        "The Met Office warned of 8m waves off the Cornish coast on Saturday.",
        "8m", 8, "m", 8,
    ),
]  # fmt: skip

# an attached m that is no money and has no word of length near it: not read
NOT_READ = [
    ("The project cost 40m, the council's finance chief admitted.", "40m"),
    ("The club's 60m signing from Benfica was left on the bench again.", "60m"),
    ("Output reached 1.6m/year at the Orvane plant last spring.", "1.6m"),
    ("Analysts expect the console to sell 12m this year, up from 9m.", "9m"),
    ("The hospice appeal in Dún Laoghaire fell 3m short of its target.", "3m"),
    ("Streams of the album hit a record high of 40m in its first week.", "40m"),
]


def _claim(text: str, span: str):
    found = extract(text, "t.txt", "2026-03-12")
    for c in found:
        if c.text == span:
            return c
    raise AssertionError(f"{span!r} not read in {text!r}: {[(c.text, c.value) for c in found]}")


@pytest.mark.parametrize("text,span,value,unit,si", READ, ids=[r[1] for r in READ])
def test_read(text, span, value, unit, si):
    c = _claim(text, span)
    assert (c.value, c.unit) == (pytest.approx(value), unit)
    if si is not None:
        assert c.si_value == pytest.approx(si)


@pytest.mark.parametrize("text,figure", NOT_READ, ids=[r[1] for r in NOT_READ])
def test_not_read(text, figure):
    found = [c for c in extract(text, "t.txt", "2026-03-12") if c.text.startswith(figure)]
    assert found == []
