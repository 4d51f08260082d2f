"""Units of measure as data: their table (units.yaml) and SI conversions.

Units of measure come first from a short curated table (the units
news uses, with short names and SI factors) and then, for the long tail, from
quantulum3's unit tables (`units.json`, names, plurals and symbols, entity =
dimension). Those tables are read once, lazily, the first time a number is
followed by a word the curated table does not know (`quantulum_units`, called by
factcheck/extract/unit_match.py, which reads a unit in text). They are read as data:
importing quantulum3's Python package would cost seconds (it pulls in an
inflection engine and a classifier), for tables that are plain JSON.
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .data import load

# the unit table and how its units are read, as data (units.yaml)
TABLE: dict = load(Path(__file__).with_name("units.yaml"))

# --- units of measure --------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A unit of measure: short name, dimension, SI unit and factor (si = value*factor+offset)."""

    short: str
    dimension: str
    si_unit: str | None
    factor: float | None
    offset: float = 0.0


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
# Curated units, one a line: short name; dimension; SI unit; factor to SI (an
# offset after "+"); written forms, lower case unless the case matters (an
# indented line continues them). A form of several words is also read
# hyphenated ("3,000-square-kilometre reserve").
CURATED_TABLE: str = TABLE["units_curated"]
_CONSTANTS = {"DAY": DAY, "YEAR": YEAR}


def _factor(expr: str) -> float:
    """A factor as the table writes it: a number, a constant, or a product or quotient of two."""
    for op in "*/":
        if op in expr:
            a, b = (_factor(x) for x in expr.split(op, 1))
            return a * b if op == "*" else a / b
    return _CONSTANTS.get(expr) or float(expr)


def _read_curated(table: str) -> dict[str, Unit]:
    """The curated table as written form -> Unit (each form of words also hyphenated)."""
    out: dict[str, Unit] = {}
    rows: list[str] = []
    for line in table.strip().splitlines():
        if line.startswith(" "):
            rows[-1] += " " + line.strip()
        else:
            rows.append(line)
    for row in rows:
        short, dim, si, factor, forms = (x.strip() for x in row.split(";"))
        offset = 0.0
        if "+" in factor:
            factor, off = factor.split("+")
            offset = float(off)
        unit = Unit(
            short,
            dim,
            None if si == "-" else si,
            None if factor == "-" else _factor(factor),
            offset,
        )
        for form in forms.split(", "):
            out[form] = unit
            out.setdefault(form.replace(" ", "-"), unit)
    return out


CURATED = _read_curated(CURATED_TABLE)

# written forms that are units only when attached to the number (5m, 10t) or
# in capitals; spaced, they are ordinary words or letters
ATTACHED_ONLY = set(TABLE["units_attached_only"])
ATTACHED_LOWERCASE = set(TABLE["units_attached_lowercase"])
SPACED_LOWERCASE = set(TABLE["units_spaced_lowercase"])
LOWERCASE_ONLY = set(TABLE["units_lowercase_only"])
SQUARED: dict[str, str] = TABLE["squared_units"]
# forms that name another unit in a sentence with one of these words (nm: nautical miles)
IN_DOUBT: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in TABLE["units_in_doubt"].items()}
# words of length beside an attached "m" that make it metres, not millions
METRE_CUES = frozenset(TABLE["metre_cues"])
METRE_CUES_AFTER = frozenset(TABLE["metre_cues_after"])
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
QUANTULUM_JUNK = set(TABLE["quantulum_junk"])

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


def quantulum_units() -> dict[str, Unit]:
    """quantulum3's unit names and plurals (lower case) → Unit, read once from its JSON tables."""
    global _QUANTULUM, QUANTULUM_LOADED
    if _QUANTULUM is not None:
        return _QUANTULUM
    QUANTULUM_LOADED = True
    table: dict[str, Unit] = {}
    for name, spec in _quantulum_entries(_read_quantulum()):
        if spec.get("entity") not in QUANTULUM_ENTITIES or name in QUANTULUM_JUNK:
            continue
        unit = _quantulum_unit(name, spec)
        for surface in spec.get("surfaces", []):
            low = surface.lower()
            if low in QUANTULUM_JUNK or len(low) < 3:
                continue
            table.setdefault(low, unit)
            table.setdefault(_plural(low), unit)
    _QUANTULUM = table
    return table


def _read_quantulum() -> dict[str, dict]:
    """quantulum3's units.json tables (language-neutral, then English), merged by name."""
    base = _quantulum_dir()
    raw: dict[str, dict] = {}
    if base is None:
        return raw
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
    return raw


_PREFIX_NAMES = {"k": "kilo", "M": "mega", "G": "giga", "T": "tera", "m": "milli"}


def _quantulum_entries(raw: dict[str, dict]) -> list[tuple[str, dict]]:
    """Every unit of the table, and its prefixed forms (kilo-, mega-...)."""
    entries = []
    for name, spec in raw.items():
        entries.append((name, spec))
        for prefix in spec.get("prefixes", []):
            long = _PREFIX_NAMES.get(prefix)
            if long:
                surfaces = [long + s for s in spec.get("surfaces", [])]
                entries.append((long + name, dict(spec, surfaces=surfaces)))
    return entries


def _si_of(name: str) -> tuple[str | None, float | None]:
    if name in QUANTULUM_SI:
        return QUANTULUM_SI[name]
    for prefix, factor in PREFIX_FACTORS.items():
        if name.startswith(prefix) and name[len(prefix) :] in QUANTULUM_SI:
            si, f = QUANTULUM_SI[name[len(prefix) :]]
            return si, f * factor
    return None, None


def _quantulum_unit(name: str, spec: dict) -> Unit:
    """A Unit for one quantulum3 entry, with its SI factor when its dimensions give one."""
    entity = spec.get("entity")
    dims = spec.get("dimensions") or []
    if not dims:
        si, factor = _si_of(name)
        if si is not None and SI_OF_DIMENSION.get(entity) not in (None, si):
            si, factor = None, None
        return Unit(name, entity, si, factor)
    factor = 1.0
    for d in dims:
        _, f = _si_of(d.get("base", ""))
        if f is None:
            return Unit(name, entity, None, None)
        factor *= f ** d.get("power", 1)
    return Unit(name, entity, SI_OF_DIMENSION.get(entity), factor)


def to_si(value: float | None, unit: Unit) -> float | None:
    """Value in the unit's SI unit, or None when there is no factor."""
    if value is None or unit.factor is None:
        return None
    return value * unit.factor + unit.offset
