"""Money as outlets write it (issue 26): a country code after the dollar sign ("$US 4.2
million", "$A 310,000", "$NZ 80m"), in running lists of sums, with trillions and beside a
conversion in brackets; and a price per unit of quantity ("Rs 1,850 per quintal", "$3.10 a
gallon") that keeps its denominator, so it is compared with prices per quintal and never
with a lump sum. Sentences written for these tests, in the habits of wire copy, local
papers, business desks and broadcasters."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.extract import extract


def money(text: str) -> list[tuple[str, float | None, str]]:
    """(text, value, unit) of each money claim of text; a range's value is (low, high)."""
    found = []
    for c in extract(text, "t.txt", "2026-03-12"):
        if c.kind == "money":
            found.append((c.text, c.value if c.value is not None else (c.low, c.high), c.unit))
    return found


# -- currency forms: a code after the symbol, lists, trillions, two currencies ----------

CURRENCY_FORMS = [
    (
        "The Melbourne-based fund lost $US 4.2 million in the March quarter, its chief "
        "executive, Siobhán Kelleher, told shareholders at the annual meeting.",
        [("$US 4.2 million", 4.2e6, "USD")],
    ),
    (
        "Council confirmed it had paid $A 310,000 towards the new grandstand at the "
        "Whanganui ground, more than double the 2019 estimate.",
        [("$A 310,000", 310_000, "AUD")],
    ),
    (
        "The Government announced a $NZ 80m recovery package for storm-hit growers in "
        "Hawke's Bay and Tairāwhiti on Thursday.",
        [("$NZ 80m", 80e6, "NZD")],
    ),
    (
        "Shares in the Perth miner jumped 7 per cent after it agreed a $US1.2bn sale of its "
        "copper assets near Antofagasta to a Chilean buyer.",
        [("$US1.2bn", 1.2e9, "USD")],
    ),
    (
        "Ottawa's contribution, $Can 5,750,000, will go to the Nunavut broadband link.",
        [("$Can 5,750,000", 5.75e6, "CAD")],
    ),
    (
        "Visitor spending from the three markets reached $NZ 4.1 million, $A 2.2 million "
        "and $US 900,000 respectively, the Queenstown tourism board said.",
        [
            ("$NZ 4.1 million", 4.1e6, "NZD"),
            ("$A 2.2 million", 2.2e6, "AUD"),
            ("$US 900,000", 900_000, "USD"),
        ],
    ),
    (
        "Analysts put the cost of the transition at $US 1.3 trillion over the decade, and "
        "Canberra's share at $A 2.1 trillion.",
        [("$US 1.3 trillion", 1.3e12, "USD"), ("$A 2.1 trillion", 2.1e12, "AUD")],
    ),
    (
        "Estimates of the damage ranged between $US 4 million and $US 5.5 million, the "
        "insurer's spokesman, Łukasz Nowak, said.",
        [("between $US 4 million and $US 5.5 million", (4e6, 5.5e6), "USD")],
    ),
    (
        "Real Sociedad sold the striker for £40m ($US52m), the club's record fee.",
        [("£40m", 40e6, "GBP"), ("$US52m", 52e6, "USD")],
    ),
    (
        "The regulator fined the lender £40m (52m USD) for failings at its Leeds branch.",
        [("£40m", 40e6, "GBP"), ("52m USD", 52e6, "USD")],
    ),
    (
        "The Dublin data centre was sold for €1.2bn (about $NZ 2.2bn) to a Wellington "
        "pension fund.",
        [("€1.2bn", 1.2e9, "EUR"), ("about $NZ 2.2bn", 2.2e9, "NZD")],
    ),
    (
        "Kenya's budget deficit of 1.6 billion ($US2.0 billion) widened in the first half.",
        [("$US2.0 billion", 2.0e9, "USD")],
    ),
    (
        "Riders on the Lisbon night bus now pay 12 EUR 50 more, the transport authority said.",
        [("12 EUR 50", 12.5, "EUR")],
    ),
]


@pytest.mark.parametrize("text,expected", CURRENCY_FORMS)
def test_currency_forms(text, expected):
    assert money(text) == expected


# -- a price per unit of quantity keeps its denominator -----------------------------

RATES = [
    (
        "Procurement agencies in Karnal will buy wheat at Rs 2,425 per quintal this "
        "season, the district food controller said.",
        [("Rs 2,425 per quintal", 2425, "INR/quintal")],
    ),
    (
        "The average price of regular gasoline in Ohio was $3.10 a gallon on Monday, the "
        "motoring club said.",
        [("$3.10 a gallon", 3.10, "USD/gallon")],
    ),
    (
        "Cement makers in Silesia now pay €12 per tonne for the fly ash they once got free.",
        [("€12 per tonne", 12, "EUR/tonne")],
    ),
    (
        "Shoppers at Kirkgate Market were paying £4.50 a kilo for Bramley apples by Friday.",
        [("£4.50 a kilo", 4.50, "GBP/kg")],
    ),
    (
        "Brent crude settled at $84.20 a barrel while gold closed at $2,350 an ounce in New York.",
        [("$84.20 a barrel", 84.20, "USD/barrel"), ("$2,350 an ounce", 2350, "USD/ounce")],
    ),
    (
        "Day-ahead power in Düsseldorf traded at €80/MWh, down a fifth on the week.",
        [("€80/MWh", 80, "EUR/MWh")],
    ),
    (
        "Mandi traders in Khanna offered Rs 2,100-2,200 per quintal for the late crop.",
        [("Rs 2,100-2,200 per quintal", (2100, 2200), "INR/quintal")],
    ),
    (
        "The Centre fixed the paddy support price at ₹2,300 a quintal, up from ₹2,183 a "
        "year earlier.",
        [("₹2,300 a quintal", 2300, "INR/quintal"), ("₹2,183", 2183, "INR/quintal")],
    ),
    (
        "Diesel in Galway rose from €1.62 to €1.79 a litre over the summer.",
        [("€1.62", 1.62, "EUR/litre"), ("€1.79 a litre", 1.79, "EUR/litre")],
    ),
    (
        "Mustard sold at Rs 5,650 per quintal ($68) in Alwar, while the state paid Rs 1,200 "
        "crore in arrears to growers.",
        [
            ("Rs 5,650 per quintal", 5650, "INR/quintal"),
            ("$68", 68, "USD/quintal"),
            ("Rs 1,200 crore", 1.2e10, "INR"),
        ],
    ),
]


@pytest.mark.parametrize("text,expected", RATES)
def test_a_price_per_quantity_keeps_its_denominator(text, expected):
    assert money(text) == expected


# -- through `factcheck run`: prices per quintal compare only with each other ----------

WHEAT_RULES = """\
rules:
  - id: karnal-wheat
    title: What wheat fetches in Karnal
    select: {kind: money, words: [wheat]}
    agree: {tolerance: 0.02}
"""

WHEAT_ARTICLES = {
    "tribune.txt": (
        "The Haryana government will buy wheat at Rs 2,425 per quintal this season, "
        "officials in Karnal said on Tuesday.\n"
    ),
    "express.txt": (
        "Farmers in Karnal will be paid Rs 2,425 per quintal for their wheat, the "
        "procurement agency said.\n"
        "The district has set aside Rs 2,400 for each grower's transport of wheat to the "
        "mandi at Gharaunda.\n"
    ),
    "wire.txt": (
        "Wheat growers near Karnal say private traders offered only Rs 2,150 per quintal "
        "before government buying began.\n"
    ),
}


def test_run_compares_prices_per_quintal_and_never_a_lump_sum(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "news.yaml").write_text(WHEAT_RULES, encoding="utf-8")
    (tmp_path / "news").mkdir()
    for name, text in WHEAT_ARTICLES.items():
        (tmp_path / "news" / name).write_text(text, encoding="utf-8")
    args = ["run", "news", "--db", "w.db", "--format", "json", "--fail-on", "never"]
    data = json.loads(CliRunner().invoke(cli, args, catch_exceptions=False).stdout)
    findings = [f for f in data["findings"] if f["rule_id"] == "karnal-wheat"]
    # the traders' price per quintal is off the agencies' price per quintal ...
    assert [f["check"] for f in findings] == ["outlier"]
    assert "2,150" in findings[0]["reason"] and "quintal" in findings[0]["reason"]
    # ... and the grant of Rs 2,400 per grower, a lump sum, takes no side
    assert all("2,400" not in json.dumps(f) for f in findings)
