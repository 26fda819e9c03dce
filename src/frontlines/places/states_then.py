"""The state a place belonged to on the day a story was published, where that was not its state of today."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from frontlines.errors import FrontlinesError
from frontlines.model import Place
from frontlines.yamlfile import load_yaml

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SOURCE = "places/data/states_then.yaml"


@lru_cache(maxsize=1)
def states_then() -> dict[str, list[tuple[str, str, str]]]:
    """ISO code of today → (state then, first day, first day no longer), from `states_then.yaml`; an entry
    without a state or with a day not written "YYYY-MM-DD" is an error naming the file and the country."""
    raw = load_yaml(resources.files("frontlines.places").joinpath("data/states_then.yaml").read_text("utf-8"))
    out: dict[str, list[tuple[str, str, str]]] = {}
    for code, spans in (raw or {}).items():
        for span in spans if isinstance(spans, list) else [spans]:
            entry = span if isinstance(span, dict) else {}
            start, until = str(entry.get("from", "0000-01-01")), str(entry.get("until"))
            if not entry.get("state") or not DAY.fullmatch(start) or not DAY.fullmatch(until):
                raise FrontlinesError(f"{SOURCE}: {code}: each entry needs a state, until: \"YYYY-MM-DD\" and "
                                      f"optionally from: \"YYYY-MM-DD\" (quoted), got {span!r}")
            out.setdefault(str(code), []).append((entry["state"], start, until))
    return out


def state_on(code: str | None, published: str | None) -> str | None:
    """The state whose land a place of country `code` was on the day `published` (its own without a day)."""
    if code is None or not published:
        return code
    day = published[:10]
    return next((state for state, start, until in states_then().get(code, []) if start <= day < until), code)


def places_then(places: list[Place], published: str | None) -> list[Place]:
    """The places with the country they were in when the story was published: Massawa in Ethiopia in 1990
    (a country named keeps its own code: "Eritrea" is Eritrea)."""
    return [replace(p, country_code=state_on(p.country_code, published)) if p.feature != "country" else p
            for p in places]
