"""The units a rule's `bounds` and `select: unit` may be written in, from the unit table."""

from __future__ import annotations

import re

from ..vocab import units


def unit_factor(name: str) -> tuple[str, float] | None:
    """The SI unit and factor of a unit an editor writes (km, feet, INR), or None."""
    if re.fullmatch(r"[A-Z]{3}", name):
        return name, 1.0  # a currency code: money claims are compared in their currency
    unit = units.CURATED.get(name) or units.CURATED.get(name.lower())
    if unit is None:
        for u in units.CURATED.values():
            if u.si_unit == name.lower() and u.factor == 1.0:
                unit = u
                break
    if unit is None or unit.factor is None or unit.si_unit is None or unit.offset:
        return None
    return unit.si_unit, unit.factor


def known_units() -> list[str]:
    """The names of the units a bound may be written in, sorted (for suggestions)."""
    return sorted({k for k, u in units.CURATED.items() if u.factor and not u.offset})
