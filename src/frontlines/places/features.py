"""Named features of one (place name, gazetteer entry) pair: what the ranker weighs.

Pure functions of the candidate, the entry and the article's context, used by
resolution (`places/resolve.py`) and by training (`training/places.py`) alike,
so that a weight learned from gold data means the same thing at run time.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from frontlines.context import km
from frontlines.places.find import Candidate
from frontlines.places.gazetteer import Entry

NATURAL = frozenset({"water", "region"})


@dataclass
class Context:
    """What the article as a whole says about where it is."""

    weights: dict[str, float] = field(default_factory=dict)     # country code → how much it is about it (0..1)
    quals: dict[str, set[str]] = field(default_factory=dict)    # qualifier text → country and division codes
    focus: list[tuple[float, float]] = field(default_factory=list)  # sure towns of the article's countries
    near_km: float = 1000.0


def siblings(c: Candidate) -> set[str]:
    """Divisions that hold a city of the candidate's name: "Kherson" the oblast is named after the city."""
    return {e.admin1code for e in c.entries if e.feature == "city" and e.admin1code}


def nearest_km(e: Entry, focus: list[tuple[float, float]]) -> float | None:
    """Distance from the entry to the nearest of the article's sure places, None without any."""
    return min(km((e.lat, e.lon), f) for f in focus) if focus else None


def features(c: Candidate, e: Entry, ctx: Context, sibs: set[str] | None = None) -> dict[str, float]:
    """The named features of entry `e` for candidate `c` (the names of places/data/ranker.json)."""
    sibs = siblings(c) if sibs is None else sibs
    qual = ctx.quals.get(c.qualifier or "", set())
    near = nearest_km(e, ctx.focus)
    admin1, city = e.feature == "admin1", e.feature == "city"
    return {
        "log_population": math.log10(e.population + 10),
        "country_weight": ctx.weights.get(e.country_code or "", 0.0),
        "qualified": float(bool(qual) and (e.country_code in qual or e.admin1code in qual)),
        "want_admin1_match": float(c.want == "admin1" and admin1),
        "want_admin1_mismatch": float(c.want == "admin1" and not admin1),
        "want_city_match": float(c.want == "city" and city),
        "want_city_mismatch": float(c.want == "city" and not city),
        "want_natural_match": float(c.want == "not_city" and e.feature in NATURAL),
        "is_country": float(e.feature == "country"),
        # "Kherson" is the city unless the text says region: the division is named after it
        "division_named_after_city": float(admin1 and c.want != "admin1" and e.admin1code in sibs),
        "loose": float(c.loose),
        "nearness": max(0.0, 1.0 - near / ctx.near_km) if near is not None else 0.0,
    }
