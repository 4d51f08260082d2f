"""Currencies as data: symbols, ISO 4217 codes, names with their nationality adjectives,
subunits, from the word lists of lexicon.yaml."""

from __future__ import annotations

from .lexicon import LEX

SYMBOLS: dict[str, str] = LEX["currency_symbols"]
# letters written before "$" (US$, C$, HK$, usd$)
DOLLAR_PREFIXES: dict[str, str] = LEX["dollar_prefixes"]
# capitals written after "$" ($US, $A, $NZ), case as written
DOLLAR_SUFFIXES: dict[str, str] = LEX["dollar_suffixes"]
# ISO codes accepted in any case; the others only in capitals, and never codes
# that spell an English word (ALL, TOP, TRY, MAD, CUP, GEL...)
SAFE_CODES = set(LEX["safe_codes"])
UPPER_CODES = set(LEX["upper_codes"])
CODE_ALIASES: dict[str, str] = LEX["code_aliases"]
# other prefixes written before the number
WORD_PREFIXES: dict[str, str] = LEX["word_prefixes"]
# currency names after the number; value: default code and {adjective: code}
CURRENCY_NAMES: dict[str, tuple[str, dict[str, str]]] = {
    k: (v["code"], v["adjectives"]) for k, v in LEX["currency_names"].items()
}
# names that are ordinary words too: a currency only with a nationality or a scale
GUARDED_NAMES = set(LEX["guarded_names"])
GUARDED_SMALL_MONEY = frozenset(LEX["guarded_small_money"])
# subunits: name -> (unit label, parent code, fraction of the parent)
SUBUNITS = {k: (v["label"], v["parent"], v["fraction"]) for k, v in LEX["subunits"].items()}
SUBUNIT_PREFIXES: dict[str, str] = {k.lower(): v for k, v in LEX["subunit_prefixes"].items()}
INVARIANT_NAMES = set(LEX["invariant_names"])
# the quantity a price is per ("per quintal", "a gallon") -> its label
PRICE_DENOMINATORS: dict[str, str] = {k.lower(): v for k, v in LEX["price_denominators"].items()}


def plural_names() -> dict[str, str]:
    """Every written form of a currency name (singular and plural) → its table key."""
    forms: dict[str, str] = {}
    for name in CURRENCY_NAMES:
        forms[name] = name
        if name not in INVARIANT_NAMES:
            forms[name + "s"] = name
    forms.update({"lire": "lira", "satoshis": "satoshi", "bitcoins": "bitcoin", "rands": "rand",
                  "zlotys": "zloty", "markkaa": "markka", "kips": "kip"})  # fmt: skip
    return forms


CURRENCY_FORMS = plural_names()


def code_for(word: str) -> str | None:
    """ISO code for a currency code as written ("usd", "EUR"); None if not one."""
    low = word.lower()
    if low in SAFE_CODES:
        return CODE_ALIASES.get(low, low.upper())
    if word in UPPER_CODES:
        return word
    return None
