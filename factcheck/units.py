"""Currencies and units of measure, with their SI conversions.

Currencies come from a table of symbols, ISO 4217 codes and names written for
news text. Units of measure come first from a short curated table (the units
news uses, with short names and SI factors) and then, for the long tail, from
quantulum3's unit tables (`units.json`, names, plurals and symbols, entity =
dimension). Those tables are read once, lazily, the first time a number is
followed by a word the curated table does not know. They are read as data:
importing quantulum3's Python package would cost seconds (it pulls in an
inflection engine and a classifier), for tables that are plain JSON.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from dataclasses import dataclass

# --- currencies -------------------------------------------------------------

SYMBOLS = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₨": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₪": "ILS",
    "₱": "PHP",
    "฿": "THB",
    "₫": "VND",
    "₴": "UAH",
    "₦": "NGN",
    "₡": "CRC",
    "₾": "GEL",
    "₭": "LAK",
    "₲": "PYG",
    "₵": "GHS",
    "₸": "KZT",
    "₼": "AZN",
    "₮": "MNT",
    "₿": "BTC",
    "元": "CNY",
    "円": "JPY",
    "ரூ": "LKR",
}
# letters written before "$" (US$, C$, HK$, usd$)
DOLLAR_PREFIXES = {
    "us": "USD",
    "u.s.": "USD",
    "u.s": "USD",
    "usd": "USD",
    "c": "CAD",
    "ca": "CAD",
    "can": "CAD",
    "cad": "CAD",
    "a": "AUD",
    "au": "AUD",
    "aud": "AUD",
    "nz": "NZD",
    "nzd": "NZD",
    "hk": "HKD",
    "hkd": "HKD",
    "s": "SGD",
    "sg": "SGD",
    "sgd": "SGD",
    "r": "BRL",
    "mex": "MXN",
    "mx": "MXN",
    "mxn": "MXN",
    "nt": "TWD",
    "z": "ZWL",
}
# ISO codes accepted in any case; the others only in capitals, and never codes
# that spell an English word (ALL, TOP, TRY, MAD, CUP, GEL...)
SAFE_CODES = {
    "usd", "eur", "gbp", "inr", "jpy", "cny", "rmb", "cad", "aud", "nzd", "hkd",
    "chf", "sgd", "krw", "rub", "brl", "mxn", "zar", "sek", "nok", "dkk", "pln",
    "huf", "czk", "iqd", "sar", "aed", "pkr", "lkr", "bdt", "ngn", "egp", "kwd",
    "qar", "irr", "idr", "myr", "thb", "php", "vnd", "twd", "ils", "uah", "kes",
    "btc", "ars", "clp", "cop", "jod", "omr", "bhd", "lbp", "syp", "afn", "npr",
}  # fmt: skip
UPPER_CODES = {"GHS", "KZT", "XOF", "XAF", "ZWL", "UGX", "TZS", "ETB", "MMK", "ISK", "RON", "BGN"}
CODE_ALIASES = {"rmb": "CNY", "btc": "BTC"}
# other prefixes written before the number
WORD_PREFIXES = {
    "rs": "INR",
    "rs.": "INR",
    "re": "INR",
    "rp": "IDR",
    "rm": "MYR",
    "dh": "AED",
    "dhs": "AED",
    "ksh": "KES",
    "tk": "BDT",
    "zł": "PLN",
    "dollar": "USD",
    "euro": "EUR",
}
# currency names after the number; value: default code and {adjective: code}
CURRENCY_NAMES: dict[str, tuple[str, dict[str, str]]] = {
    "dollar": (
        "USD",
        {
            "us": "USD", "u.s.": "USD", "american": "USD", "united states": "USD",
            "canadian": "CAD", "australian": "AUD", "new zealand": "NZD",
            "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD", "taiwanese": "TWD",
            "new taiwan": "TWD", "zimbabwe": "ZWL", "zimbabwean": "ZWL", "jamaican": "JMD",
        },
    ),
    "euro": ("EUR", {}),
    "pound": ("GBP", {"british": "GBP", "egyptian": "EGP", "lebanese": "LBP", "syrian": "SYP"}),
    "sterling": ("GBP", {}),
    "yen": ("JPY", {"japanese": "JPY"}),
    "yuan": ("CNY", {"chinese": "CNY"}),
    "renminbi": ("CNY", {}),
    "rmb": ("CNY", {}),
    "kuai": ("CNY", {}),
    "rupee": (
        "INR",
        {"indian": "INR", "pakistani": "PKR", "sri lankan": "LKR", "nepalese": "NPR",
         "nepali": "NPR"},
    ),
    "dinar": (
        "IQD",
        {"iraqi": "IQD", "kuwaiti": "KWD", "jordanian": "JOD", "bahraini": "BHD",
         "libyan": "LYD", "algerian": "DZD", "tunisian": "TND", "serbian": "RSD"},
    ),
    "dirham": ("AED", {"moroccan": "MAD", "emirati": "AED", "uae": "AED"}),
    "riyal": ("SAR", {"saudi": "SAR", "qatari": "QAR"}),
    "rial": ("IRR", {"iranian": "IRR", "omani": "OMR", "yemeni": "YER"}),
    "franc": ("CHF", {"swiss": "CHF", "french": "FRF", "belgian": "BEF", "cfa": "XOF"}),
    "peso": (
        "MXN",
        {"mexican": "MXN", "philippine": "PHP", "argentine": "ARS", "argentinian": "ARS",
         "chilean": "CLP", "colombian": "COP", "cuban": "CUP"},
    ),
    "real": ("BRL", {"brazilian": "BRL"}),
    "reais": ("BRL", {}),
    "rand": ("ZAR", {"south african": "ZAR"}),
    "won": ("KRW", {"south korean": "KRW", "korean": "KRW", "north korean": "KPW"}),
    "ruble": ("RUB", {"russian": "RUB", "belarusian": "BYN"}),
    "rouble": ("RUB", {"russian": "RUB"}),
    "lira": ("TRY", {"turkish": "TRY", "italian": "ITL", "lebanese": "LBP"}),
    "shekel": ("ILS", {"israeli": "ILS", "new israeli": "ILS"}),
    "naira": ("NGN", {"nigerian": "NGN"}),
    "cedi": ("GHS", {"ghanaian": "GHS"}),
    "shilling": ("KES", {"kenyan": "KES", "ugandan": "UGX", "tanzanian": "TZS"}),
    "ringgit": ("MYR", {"malaysian": "MYR"}),
    "baht": ("THB", {"thai": "THB"}),
    "rupiah": ("IDR", {"indonesian": "IDR"}),
    "dong": ("VND", {"vietnamese": "VND"}),
    "taka": ("BDT", {"bangladeshi": "BDT"}),
    "afghani": ("AFN", {}),
    "krona": ("SEK", {"swedish": "SEK", "icelandic": "ISK"}),
    "kronor": ("SEK", {"swedish": "SEK"}),
    "krone": ("NOK", {"norwegian": "NOK", "danish": "DKK"}),
    "kroner": ("NOK", {"norwegian": "NOK", "danish": "DKK"}),
    "zloty": ("PLN", {"polish": "PLN"}),
    "forint": ("HUF", {"hungarian": "HUF"}),
    "koruna": ("CZK", {"czech": "CZK"}),
    "hryvnia": ("UAH", {"ukrainian": "UAH"}),
    "lari": ("GEL", {"georgian": "GEL"}),
    "tenge": ("KZT", {}),
    "manat": ("AZN", {}),
    "kip": ("LAK", {"lao": "LAK", "laotian": "LAK"}),
    "markka": ("FIM", {"finnish": "FIM"}),
    "mark": ("DEM", {"german": "DEM", "deutsche": "DEM"}),
    "deutschmark": ("DEM", {}),
    "guilder": ("NLG", {"dutch": "NLG"}),
    "peseta": ("ESP", {"spanish": "ESP"}),
    "escudo": ("PTE", {"portuguese": "PTE"}),
    "drachma": ("GRD", {"greek": "GRD"}),
    "bitcoin": ("BTC", {}),
    "satoshi": ("BTC", {}),
}  # fmt: skip
# names that are ordinary words too: a currency only with a nationality or a scale
GUARDED_NAMES = {"real", "won", "mark", "rand", "dong", "kip", "pound", "lari"}
# subunits: name -> (unit label, parent code, fraction of the parent)
SUBUNITS = {
    "cent": ("cent", "USD", 0.01),
    "cents": ("cent", "USD", 0.01),
    "¢": ("cent", "USD", 0.01),
    "penny": ("penny", "GBP", 0.01),
    "pennies": ("penny", "GBP", 0.01),
    "pence": ("penny", "GBP", 0.01),
    "paise": ("paisa", "INR", 0.01),
    "satoshi": ("satoshi", "BTC", 1e-8),
    "satoshis": ("satoshi", "BTC", 1e-8),
}


INVARIANT_NAMES = {"yen", "yuan", "renminbi", "rmb", "kuai", "baht", "rupiah", "dong", "taka",
                   "naira", "ringgit", "won", "rand", "sterling", "reais", "kronor", "kroner",
                   "satoshi", "bitcoin", "lari", "tenge", "manat", "kip", "markka", "koruna",
                   "zloty", "forint", "hryvnia"}  # fmt: skip


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


# --- units of measure --------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A unit of measure: short name, dimension, SI unit and factor (si = value*factor+offset)."""

    short: str
    dimension: str
    si_unit: str | None
    factor: float | None
    offset: float = 0.0


def _u(short, dim, si, factor, offset=0.0):
    return Unit(short, dim, si, factor, offset)


M, KG, S, M2, M3, MPS = (
    "metre",
    "kilogram",
    "second",
    "square metre",
    "cubic metre",
    "metre per second",
)
DAY = 86400.0
YEAR = 365.25 * DAY
# curated units: written form (lower case unless the case matters) -> Unit
CURATED: dict[str, Unit] = {}


def _add(forms, unit):
    for f in forms.split("|"):
        CURATED[f] = unit


_add("km|kms|kilometre|kilometres|kilometer|kilometers", _u("km", "length", M, 1e3))
_add("m|metre|metres|meter|meters", _u("m", "length", M, 1.0))
_add("cm|centimetre|centimetres|centimeter|centimeters", _u("cm", "length", M, 0.01))
_add("mm|millimetre|millimetres|millimeter|millimeters", _u("mm", "length", M, 0.001))
_add("mile|miles|mi", _u("mile", "length", M, 1609.344))
_add("nautical mile|nautical miles|nmi", _u("nautical mile", "length", M, 1852.0))
_add("foot|feet|ft", _u("foot", "length", M, 0.3048))
_add("inch|inches", _u("inch", "length", M, 0.0254))
_add("yard|yards|yd|yds", _u("yard", "length", M, 0.9144))
_add("light year|light years|light-year|light-years", _u("light year", "length", M, 9.4607e15))
_add("kg|kgs|kilogram|kilograms|kilogramme|kilogrammes|kilo|kilos", _u("kg", "mass", KG, 1.0))
_add("g|gram|grams|gramme|grammes", _u("g", "mass", KG, 1e-3))
_add("mg|milligram|milligrams", _u("mg", "mass", KG, 1e-6))
_add(
    "tonne|tonnes|metric ton|metric tons|metric tonne|metric tonnes|t",
    _u("tonne", "mass", KG, 1000.0),
)
_add("ton|tons|short ton|short tons", _u("ton", "mass", KG, 907.18474))
_add("lb|lbs|pound|pounds", _u("pound", "mass", KG, 0.45359237))
_add("oz|ounce|ounces", _u("ounce", "mass", KG, 0.028349523125))
_add("troy ounce|troy ounces", _u("troy ounce", "mass", KG, 0.0311034768))
_add("carat|carats", _u("carat", "mass", KG, 2e-4))
_add("kt|kiloton|kilotons|kilotonne|kilotonnes", _u("kiloton", "energy", "joule", 4.184e12))
_add("mt|megaton|megatons|megatonne|megatonnes", _u("megaton", "energy", "joule", 4.184e15))
_add("second|seconds|sec|secs", _u("second", "time", S, 1.0))
_add("minute|minutes|min|mins", _u("minute", "time", S, 60.0))
_add("hour|hours|hr|hrs", _u("hour", "time", S, 3600.0))
_add("day|days", _u("day", "time", S, DAY))
_add("week|weeks", _u("week", "time", S, 7 * DAY))
_add("fortnight|fortnights", _u("fortnight", "time", S, 14 * DAY))
_add("month|months", _u("month", "time", S, YEAR / 12))
_add("year|years|yr|yrs", _u("year", "time", S, YEAR))
_add("decade|decades", _u("decade", "time", S, 10 * YEAR))
_add("century|centuries", _u("century", "time", S, 100 * YEAR))
_add("millennium|millennia", _u("millennium", "time", S, 1000 * YEAR))
_add("square kilometre|square kilometres|square kilometer|square kilometers|sq km|km2|km²",
     _u("km2", "area", M2, 1e6))  # fmt: skip
_add("square metre|square metres|square meter|square meters|sq m|m2|m²", _u("m2", "area", M2, 1.0))
_add("square mile|square miles|sq mi", _u("square mile", "area", M2, 2589988.110336))
_add("square foot|square feet|sq ft", _u("square foot", "area", M2, 0.09290304))
_add("acre|acres", _u("acre", "area", M2, 4046.8564224))
_add("hectare|hectares|ha", _u("hectare", "area", M2, 1e4))
_add("cubic metre|cubic metres|cubic meter|cubic meters|m3|m³", _u("m3", "volume", M3, 1.0))
_add("litre|litres|liter|liters|l", _u("litre", "volume", M3, 1e-3))
_add("millilitre|millilitres|milliliter|milliliters|ml", _u("ml", "volume", M3, 1e-6))
_add("gallon|gallons|gal", _u("gallon", "volume", M3, 0.003785411784))
_add(
    "bpd|b/d|barrels per day|barrels a day|barrel per day|barrels of oil per day|"
    "barrels of oil a day",
    _u("barrel per day", "volumetric flow", "cubic metre per second", 0.158987294928 / DAY),
)
_add("barrel|barrels|bbl", _u("barrel", "volume", M3, 0.158987294928))
_add("cubic feet|cubic foot|cu ft", _u("cubic foot", "volume", M3, 0.028316846592))
_KMH = "km/h|kmh|kph|kilometres per hour|kilometers per hour|kilometre per hour|kilometer per hour"
_add(_KMH + "|kilometres an hour|kilometers an hour", _u("km/h", "speed", MPS, 1 / 3.6))
_add("mph|miles per hour|mile per hour|miles an hour", _u("mph", "speed", MPS, 0.44704))
_add("m/s|metres per second|meters per second", _u("m/s", "speed", MPS, 1.0))
_add("knot|knots", _u("knot", "speed", MPS, 1852 / 3600))
_add("ppm|parts per million", _u("ppm", "ratio", "ratio", 1e-6))
_add("ppb|parts per billion", _u("ppb", "ratio", "ratio", 1e-9))
_add("°c|c|degrees celsius|degree celsius|degrees centigrade|celsius",
     _u("°C", "temperature", "kelvin", 1.0, 273.15))  # fmt: skip
_add("°f|f|degrees fahrenheit|degree fahrenheit|fahrenheit",
     _u("°F", "temperature", "kelvin", 5 / 9, 273.15 - 32 * 5 / 9))  # fmt: skip
_add("w|watt|watts", _u("W", "power", "watt", 1.0))
_add("kw|kilowatt|kilowatts", _u("kW", "power", "watt", 1e3))
_add("mw|megawatt|megawatts", _u("MW", "power", "watt", 1e6))
_add("gw|gigawatt|gigawatts", _u("GW", "power", "watt", 1e9))
_add(
    "kwh|kilowatt hour|kilowatt hours|kilowatt-hour|kilowatt-hours",
    _u("kWh", "energy", "joule", 3.6e6),
)
_add("mwh|megawatt hour|megawatt hours|megawatt-hours", _u("MWh", "energy", "joule", 3.6e9))
_add("gwh|gigawatt hour|gigawatt hours|gigawatt-hours", _u("GWh", "energy", "joule", 3.6e12))
_add("twh|terawatt hour|terawatt hours|terawatt-hours", _u("TWh", "energy", "joule", 3.6e15))
_add("calorie|calories|kcal", _u("kcal", "energy", "joule", 4184.0))
_add("decibel|decibels|db", _u("dB", "sound level", None, None))
_add("gb|gigabyte|gigabytes", _u("GB", "data storage", "byte", 1e9))
_add("mb|megabyte|megabytes", _u("MB", "data storage", "byte", 1e6))
_add("tb|terabyte|terabytes", _u("TB", "data storage", "byte", 1e12))
_add("mbps|megabits per second", _u("Mbps", "data rate", "bit per second", 1e6))

# written forms that are units only when attached to the number (5m, 10t) or
# in capitals; spaced, they are ordinary words or letters
ATTACHED_ONLY = {
    "c",
    "f",
    "m",
    "g",
    "t",
    "l",
    "w",
    "mi",
    "min",
    "sec",
    "db",
    "ha",
    "kt",
    "mt",
    "gal",
    "yd",
}
# the longest written form first, so "square kilometres" wins over "kilometres"
_FORMS = sorted(CURATED, key=len, reverse=True)
UNIT_RE = re.compile(
    r"(?:" + "|".join(re.escape(f) for f in _FORMS) + r")(?![\w²³])",
    re.IGNORECASE,
)

# SI factors of quantulum3 base unit names (for the long tail of its table)
QUANTULUM_SI = {
    "metre": (M, 1.0),
    "foot": (M, 0.3048),
    "inch": (M, 0.0254),
    "mile": (M, 1609.344),
    "yard": (M, 0.9144),
    "nautical mile": (M, 1852.0),
    "furlong": (M, 201.168),
    "fathom": (M, 1.8288),
    "league": (M, 4828.032),
    "gram": (KG, 1e-3),
    "kilogram": (KG, 1.0),
    "tonne": (KG, 1000.0),
    "ton": (KG, 907.18474),
    "short ton": (KG, 907.18474),
    "long ton": (KG, 1016.0469088),
    "pound-mass": (KG, 0.45359237),
    "ounce": (KG, 0.028349523125),
    "stone": (KG, 6.35029318),
    "second": (S, 1.0),
    "minute": (S, 60.0),
    "hour": (S, 3600.0),
    "day": (S, DAY),
    "week": (S, 7 * DAY),
    "year": (S, YEAR),
    "litre": (M3, 1e-3),
    "gallon": (M3, 0.003785411784),
    "acre": (M2, 4046.8564224),
    "hectare": (M2, 1e4),
    "joule": ("joule", 1.0),
    "watt": ("watt", 1.0),
    "pascal": ("pascal", 1.0),
    "newton": ("newton", 1.0),
    "hertz": ("hertz", 1.0),
    "volt": ("volt", 1.0),
    "ampere": ("ampere", 1.0),
}
PREFIX_FACTORS = {
    "yotta": 1e24, "zetta": 1e21, "exa": 1e18, "peta": 1e15, "tera": 1e12, "giga": 1e9,
    "mega": 1e6, "kilo": 1e3, "hecto": 1e2, "deca": 10.0, "deci": 0.1, "centi": 0.01,
    "milli": 1e-3, "micro": 1e-6, "nano": 1e-9, "pico": 1e-12, "femto": 1e-15,
    "atto": 1e-18, "zepto": 1e-21, "yocto": 1e-24,
}  # fmt: skip
SI_OF_DIMENSION = {
    "length": M, "mass": KG, "time": S, "area": M2, "volume": M3, "speed": MPS,
    "energy": "joule", "power": "watt", "pressure": "pascal", "force": "newton",
    "frequency": "hertz",
}  # fmt: skip
# physical dimensions worth reading from quantulum3's table; its other entries
# (currency, dimensionless "set", "time" as a count...) are handled here or are noise
QUANTULUM_ENTITIES = set(SI_OF_DIMENSION) | {
    "temperature",
    "data storage",
    "volumetric flow",
    "electric potential",
    "current",
    "radioactivity",
    "radiation absorbed dose",
    "luminous flux",
    "density",
}
# quantulum3 surfaces that are ordinary English words in news text
QUANTULUM_JUNK = {
    "span", "drop", "cup", "quarter", "shake", "turn", "cycle", "circle", "gross", "set",
    "pack", "piece", "pair", "time", "count", "instance", "ell", "stone", "league", "point",
    "line", "hand", "post", "rod", "chain", "link", "pace", "step", "grain", "dram", "bit",
    "byte", "nibble", "tetrad", "quartet", "barn", "peck", "stere", "mil", "mill", "dime",
    "real", "mark", "ton of refrigeration", "unit", "block", "sheet", "ream", "bale", "bolt",
    "square", "cord", "dash", "pinch", "stick", "knot", "tablespoon", "teaspoon", "bar",
    "torr", "atmosphere", "unk", "dimensionless", "gauss", "rad", "gray", "curie", "sievert",
    "rem", "bushel", "quintal", "carat", "crore", "lakh", "percent", "percentage",
}  # fmt: skip

_QUANTULUM: dict[str, Unit] | None = None
QUANTULUM_LOADED = False  # for tests: no number, no unit table


def _quantulum_dir() -> str | None:
    spec = importlib.util.find_spec("quantulum3")
    if spec is None or not spec.submodule_search_locations:
        return None
    return list(spec.submodule_search_locations)[0]


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("foot"):
        return word[:-4] + "feet"
    return word + "s"


def _load_quantulum() -> dict[str, Unit]:
    """quantulum3's unit names and plurals → Unit, read once from its JSON tables."""
    global _QUANTULUM, QUANTULUM_LOADED
    if _QUANTULUM is not None:
        return _QUANTULUM
    table: dict[str, Unit] = {}
    QUANTULUM_LOADED = True
    base = _quantulum_dir()
    if base is None:
        _QUANTULUM = table
        return table
    raw: dict[str, dict] = {}
    for path in (
        os.path.join(base, "units.json"),
        os.path.join(base, "_lang", "en_US", "units.json"),
    ):
        try:
            with open(path, encoding="utf-8") as f:
                for name, spec in json.load(f).items():
                    raw.setdefault(name, {}).update(spec)
        except (OSError, ValueError):
            continue

    def si_of(name: str) -> tuple[str | None, float | None]:
        if name in QUANTULUM_SI:
            return QUANTULUM_SI[name]
        for prefix, factor in PREFIX_FACTORS.items():
            if name.startswith(prefix) and name[len(prefix) :] in QUANTULUM_SI:
                si, f = QUANTULUM_SI[name[len(prefix) :]]
                return si, f * factor
        return None, None

    entries = []
    for name, spec in raw.items():
        entries.append((name, spec))
        for prefix in spec.get("prefixes", []):
            long = {"k": "kilo", "M": "mega", "G": "giga", "T": "tera", "m": "milli"}.get(prefix)
            if long:
                entries.append(
                    (long + name, dict(spec, surfaces=[long + s for s in spec.get("surfaces", [])]))
                )
    for name, spec in entries:
        entity = spec.get("entity")
        if entity not in QUANTULUM_ENTITIES or name in QUANTULUM_JUNK:
            continue
        factor = None
        si = None
        dims = spec.get("dimensions") or []
        if dims:
            factor = 1.0
            for d in dims:
                s_, f_ = si_of(d.get("base", ""))
                if f_ is None:
                    factor = None
                    break
                factor *= f_ ** d.get("power", 1)
            si = SI_OF_DIMENSION.get(entity) if factor is not None else None
        else:
            si, factor = si_of(name)
            if si is not None and SI_OF_DIMENSION.get(entity) not in (None, si):
                si, factor = None, None
        unit = Unit(name, entity, si, factor)
        for surface in spec.get("surfaces", []):
            low = surface.lower()
            if low in QUANTULUM_JUNK or len(low) < 3:
                continue
            table.setdefault(low, unit)
            table.setdefault(_plural(low), unit)
    _QUANTULUM = table
    return table


_WORDS_RE = re.compile(r"[A-Za-z]+(?:[ -][A-Za-z]+){0,2}")


def match_unit(text: str, pos: int, attached: bool) -> tuple[Unit, int] | None:
    """The unit written at text[pos:], and where it ends; None if there is none.

    `attached` says the unit touches the number ("5km"): single letters and
    symbols that are also words count only then.
    """
    m = UNIT_RE.match(text, pos)
    if m:
        form = m.group(0)
        low = form.lower()
        if low in ATTACHED_ONLY and not attached and not (form.isupper() and len(form) > 1):
            pass
        elif low in ("mt", "kt", "gb", "mb", "tb", "kw", "mw", "gw", "db") and form.islower():
            if attached:
                return CURATED[low], m.end()
        else:
            return CURATED[low], m.end()
    # the long tail: quantulum3's names, only for words the curated table lacks
    w = _WORDS_RE.match(text, pos)
    if not w:
        return None
    table = _load_quantulum()
    words = w.group(0).lower().replace("-", " ").split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        unit = table.get(phrase)
        if unit is not None:
            end = pos
            for _ in range(n):
                wm = re.compile(r"[ -]?[A-Za-z]+").match(text, end)
                end = wm.end()
            return unit, end
    return None


def to_si(value: float | None, unit: Unit) -> float | None:
    """Value in the unit's SI unit, or None when there is no factor."""
    if value is None or unit.factor is None:
        return None
    return value * unit.factor + unit.offset
