"""Named features of one (place name, gazetteer entry) pair: what the ranker weighs.

Pure functions of the candidate, the entry and the article's context, used by
resolution (`places/resolve.py`) and by training (`training/places.py`) alike,
so that a weight learned from gold data means the same thing at run time.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from frontlines.context import km
from frontlines.places.capitals import capital_names
from frontlines.places.find import Candidate
from frontlines.places.gazetteer import Entry
from frontlines.places.names import name_key, skeleton_key

NATURAL = frozenset({"water", "region"})


@dataclass
class Context:
    """What the article as a whole says about where it is."""

    weights: dict[str, float] = field(default_factory=dict)     # country code → how much it is about it (0..1)
    quals: dict[str, set[str]] = field(default_factory=dict)    # qualifier text → country and division codes
    focus: list[tuple[float, float]] = field(default_factory=list)  # sure towns of the article's countries
    focus_names: list[str] = field(default_factory=list)  # the name key each focus point was chosen for
    divisions: dict[str, set[str]] = field(default_factory=dict)  # division code → names of sure places in it
    near_km: float = 1000.0
    ranked: dict = field(default_factory=dict)  # rankings made in this context (`LinearRanker.rank`)
    own: dict[str, dict[str, float]] = field(default_factory=dict)  # name key → its own share of `weights`
    by_namesake: set[str] = field(default_factory=set)  # name keys that voted only through their largest namesake
    called_towns: set[str] = field(default_factory=set)  # name keys the text calls a town or a division
    home: str | None = None  # the country of the dateline's town, once placed
    home_point: tuple[float, float] | None = None  # and where that town is
    home_name: str = ""  # and the name key the dateline gives it
    named_countries: set[str] = field(default_factory=set)  # countries the text names, or their people


NAMESAKE_SHARE = 20  # a division is named after its town when the town holds a twentieth of its people or more
# A skeleton of fewer consonants makes no spelling of a name: "Taipa" and "Taipei" both give "tp" (as
# ranker.json's min_skeleton for skeleton lookups)
SPELLING_MIN_CONSONANTS = 3


def siblings(c: Candidate) -> dict[str, int]:
    """Divisions that hold a city of the candidate's name, with that city's population: "Kherson"
    the oblast is named after the city."""
    out: dict[str, int] = {}
    for e in c.entries:
        if e.feature == "city" and e.admin1code:
            out[e.admin1code] = max(out.get(e.admin1code, 0), e.population)
    return out


def named_after_city(e: Entry, sibs: dict[str, int]) -> bool:
    """A division named after a large town of its own ("Kherson"), not one that merely holds a
    village of its name ("Minnesota" and the village of Minneota, also written Minnesota)."""
    return e.feature == "admin1" and e.admin1code in sibs and sibs[e.admin1code] * NAMESAKE_SHARE >= e.population


def prominence(e: Entry, c: Candidate) -> float:
    """How many orders of magnitude more people the entry has than its largest namesake in another
    country (0 to 3): a bare "Baghdad" is the Iraqi capital, not a village of that name in Iran."""
    others = [o.population for o in c.entries if o.country_code != e.country_code]
    if not others:
        return 0.0
    return min(3.0, max(0.0, math.log10(e.population + 10) - math.log10(max(others) + 10)))


def is_capital(e: Entry, c: Candidate) -> bool:
    """The entry is its country's capital: GeoNames' capital name, the largest town of that name there."""
    if e.feature != "city" or capital_names().get(e.country_code or "") != e.name:
        return False
    return all(o.population <= e.population for o in c.entries
               if o.feature == "city" and o.country_code == e.country_code and o.name == e.name)


def division_support(code: str | None, c: Candidate, ctx: Context) -> float:
    """How many other places the article surely names lie in the division `code` (0, 0.5 or 1
    for two or more): "Santa Maria ... in the province of Ilocos Sur, Philippines"."""
    names = ctx.divisions.get(code or "", set()) - {name_key(c.span.text)}
    return min(len(names), 2) / 2


def qualified(e: Entry, c: Candidate, ctx: Context) -> bool:
    """Whether the entry lies in what the name's qualifier names: "Paris, Texas"; "Holland, Mich."."""
    qual = ctx.quals.get(c.qualifier or "", set())
    return bool(qual) and (e.country_code in qual or e.admin1code in qual)


def country_weight(e: Entry, c: Candidate, ctx: Context, only_namesake: bool = False) -> float:
    """How much the article is about the entry's country, the name's own vote left out: a name is
    no evidence for one of its own namesakes against another ("Kauru", whose largest namesake is
    Kovrov, Russia, by an alternate name, does not make a story on Kaduna one on Russia).
    `only_namesake`: leave it out only when it came from the largest namesake (`resolve.name_vote`),
    for the questions whether the article is about that country at all (a name found only in
    Ireland says the story touches Ireland)."""
    cc, key = e.country_code or "", name_key(c.span.text)
    if only_namesake and key not in ctx.by_namesake:
        return ctx.weights.get(cc, 0.0)
    return max(0.0, ctx.weights.get(cc, 0.0) - ctx.own.get(key, {}).get(cc, 0.0))


def nearness(e: Entry, c: Candidate, ctx: Context) -> float:
    """How near the entry lies to the article's sure places other than the candidate's own name (a
    town is no evidence for itself): 1 - km / near_km, at least 0, averaged over those places, so
    that the Dnipro of a story on Kherson is the point near Kherson, not the one near Kyiv."""
    own = name_key(c.span.text)
    near = [max(0.0, 1.0 - km((e.lat, e.lon), f) / ctx.near_km)
            for f, n in zip(ctx.focus, ctx.focus_names or [""] * len(ctx.focus)) if n != own]
    return sum(near) / len(near) if near else 0.0


def own_name(c: Candidate, entry: Entry) -> bool:
    """Whether a mention names an entry by its own name, whole or in part ("New York" for New
    York City), not by one of its alternate names ("Avana" for Havana)."""
    mention, own = name_key(c.span.text), name_key(entry.name)
    return own.startswith(mention) or mention.startswith(own)


def spelled_as(c: Candidate, entry: Entry) -> bool:
    """Whether a mention is the entry's own name or a spelling of it ("Talbiseh" for Tallbīsah), not
    one of the other names GeoNames lists for it ("Fireworks" for Centreville, Illinois).  A spelling
    has consonants enough to tell (`SPELLING_MIN_CONSONANTS`): "Taipa" and "Taipei" share only "tp"."""
    skeleton = skeleton_key(c.span.text)
    return (own_name(c, entry) and not in_part_only(c, entry)) or (
        len(skeleton) >= SPELLING_MIN_CONSONANTS and skeleton == skeleton_key(entry.name))


def in_part_only(c: Candidate, entry: Entry) -> bool:
    """Whether a mention names a town only as the start of its name while a larger town of its country
    bears the mention whole: "Enugu" is Enugu, not Enugu-Ukwu (but "Santiago" may be Santiago de los
    Caballeros in a story on the Dominican Republic, though Santiago de Chile is larger)."""
    mention = name_key(c.span.text)
    return entry.feature == "city" and name_key(entry.name) != mention and any(
        e.feature == "city" and e.country_code == entry.country_code and name_key(e.name) == mention
        and e.population > entry.population for e in c.entries)


def features(c: Candidate, e: Entry, ctx: Context, sibs: dict[str, int] | None = None) -> dict[str, float]:
    """The named features of entry `e` for candidate `c` (the names of places/data/ranker.json)."""
    sibs = siblings(c) if sibs is None else sibs
    spelled = spelled_as(c, e)
    admin1, admin2, city = e.feature == "admin1", e.feature == "admin2", e.feature == "city"
    return {
        "log_population": math.log10(e.population + 10),
        "country_weight": country_weight(e, c, ctx),
        "qualified": float(qualified(e, c, ctx)),
        "want_admin1_match": float(c.want == "admin1" and admin1),
        "want_admin1_mismatch": float(c.want == "admin1" and not admin1),
        "want_admin2_match": float(c.want == "admin2" and admin2),
        "want_admin2_admin1": float(c.want == "admin2" and admin1),  # a district that is a first-level one
        "want_admin2_mismatch": float(c.want == "admin2" and not (admin1 or admin2)),
        # "Kanawha" alone is the county only when nothing else fits: counties share their towns' names
        "admin2_unasked": float(admin2 and c.want not in ("admin1", "admin2")),
        "want_city_match": float(c.want == "city" and city),
        "want_city_mismatch": float(c.want == "city" and not city),
        "want_natural_match": float(c.want == "not_city" and e.feature in NATURAL),
        "is_country": float(e.feature == "country"),
        # "Kherson" is the city unless the text says region: the division is named after it
        "division_named_after_city": float(c.want != "admin1" and named_after_city(e, sibs)),
        "loose": float(c.loose),
        "nearness": nearness(e, c, ctx),
        # the fame of a town called by its own name, not by one of the other names GeoNames lists for it
        # ("Taipa" in Macau is no Taipei, the capital that GeoNames also calls so)
        "prominence": prominence(e, c) if spelled else 0.0,
        # "returned to Washington": a country's capital is what a bare name means first
        "capital": float(is_capital(e, c) and spelled),
        "division_support": division_support(e.admin1code, c, ctx),
        "district_support": division_support(e.admin2code, c, ctx),
        # "Atlanta" is Atlanta, Georgia, not Lyons, Kansas, which GeoNames also calls Atlanta
        "other_name": float(not spelled),
    }


DWARFED_RATIO = 100  # a town this many times smaller than a namesake of its country is no dateline's town ...
DWARFING_CITY = 100_000  # ... when that namesake is a city this large


def dwarfed(c: Candidate, entry: Entry) -> bool:
    """Whether a town shares its name with a city of its own country (`DWARFING_CITY` people or more)
    `DWARFED_RATIO` times larger."""
    key = name_key(entry.name)
    return entry.feature == "city" and any(
        e.feature == "city" and e.country_code == entry.country_code and name_key(e.name) == key
        and e.population >= max(DWARFING_CITY, DWARFED_RATIO * entry.population) for e in c.entries)
