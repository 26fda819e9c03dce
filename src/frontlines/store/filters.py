"""Filter values as users type them, turned into what the store holds: one place for the CLI's
options and the API's parameters, so both accept the same words."""
from __future__ import annotations

from frontlines.errors import UsageError


def country_code(value: str) -> str:
    """An ISO code GeoNames knows, or a country's English name ("Kenya" → KE), as the code."""
    from frontlines.places.gazetteer import geonames_countries

    countries = geonames_countries()
    if value.upper() in countries:
        return value.upper()
    by_name = {c["name"].casefold(): code for code, c in countries.items()}
    if value.casefold() in by_name:
        return by_name[value.casefold()]
    raise UsageError(f"{value!r} is not a country; give its ISO code (SY, IQ, UA) or English name")


def event_type(value: str) -> str:
    """One of ACLED's event types, whatever its case ("battles" → Battles)."""
    from frontlines.store.export import DISORDER

    found = next((t for t in DISORDER if t.casefold() == value.casefold()), None)
    if found is None:
        raise UsageError(f"{value!r} is not an ACLED event type; use one of: " + ", ".join(DISORDER))
    return found
