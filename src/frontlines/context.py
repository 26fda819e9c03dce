"""Helpers several stages share: distance on the globe and the country an article is about.

Places, events, control and the store all measure kilometres between points and
ask which country a report is mostly about; this is their one home.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model imports nothing from here; only the type is needed
    from frontlines.model import Place

EARTH_RADIUS_KM = 6371.0


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def main_country(places: list[Place]) -> str | None:
    """The country an article is mostly about: the most mentioned, places counted by mentions (a site
    takes its town's country, so it is no vote of its own)."""
    votes: dict[str, int] = {}
    for p in places:
        if p.country_code and p.mentions and p.feature != "site":
            votes[p.country_code] = votes.get(p.country_code, 0) + len(p.mentions)
    return max(votes, key=votes.get) if votes else None
