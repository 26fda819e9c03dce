"""Choose, for each place name, the gazetteer entry a careful reader would.

The clues, strongest first: an explicit qualifier ("Qaim, Iraq"), the kind
the words around it ask for ("Anbar province", "the town of X", "the
Tigris"), the countries the article is about, nearness to its other places,
and population.  Names the gazetteer does not know but that name a site
("Freedom Square", "Mitiga, the city's airport") are placed at the town they
stand in.
"""
from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from frontlines.context import km  # noqa: F401  (its home is context; events and the store import it here)
from frontlines.nlp import doc_text, entities, tokens_where
from frontlines.model import Place, Span
from frontlines.places.features import (DWARFING_CITY, Context, country_weight, dwarfed, is_capital, own_name,
                                       qualified, spelled_as)
from frontlines.places.find import PLACE_LABELS, Candidate, abbreviation_entries, kind_first, place_words
from frontlines.places.gazetteer import Entry, Gazetteer
from frontlines.places.kinds import without_kind
from frontlines.places.names import ARABIC_ARTICLES, name_key, skeleton_key
from frontlines.places.rank import LinearRanker, load_ranker

REPORT_FEATURE = {"city": "city", "admin1": "admin1", "country": "country", "region": "region",
                  "water": "region", "site": "site", "admin2": "admin2"}
COUNTRY_OVER_TOWN = 100_000  # a country's own name is the country, not a town of fewer people named after it
FAR_FROM_STORY_KM = 1000.0  # ... that lies this far from every sure town of the story
SITE_TOWN_GAP = 12   # characters between a site and its town: "the Tawakal Hotel in Kismayo"
SITE_OWNER_GAP = 30  # "Kabul's heavily guarded Green Zone"
# "Tanwalbougou, in the Est region", "El Adde, in Somalia's Gedo region"
IN_DIVISION = re.compile(r",?\s+(?:in|of)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:'s|’s)\s+)?")
# What stands between a site and its town: "the Tawakal Hotel in Kismayo", "Mitiga, Tripoli";
# not "and": "Rallies were held in Cairo and Nairobi" puts nothing in Nairobi.
SITE_IN = re.compile(r",?\s+(?:in|at|near|outside|of)\s+(?:the\s+)?|,\s+|\s+")
# "Dogo Nahawa, south of Jos", "Yebi, about 15 km west of Bosso": a site placed by its bearing from a town
# (within `BEARING_KM`: "about 400 miles north of Lagos" says where it is not)
BEARING_OF = re.compile(r",?\s+(?:(?:about|some|nearly|around|roughly)\s+)?(?:(?P<n>\d[\d,.]*)\s*(?:-\s*)?"
                        r"(?P<unit>km|kilometres|kilometers|kilometre|kilometer|miles|mile)\s+)?"
                        r"(?P<compass>" + "|".join(place_words()["compass"]) + r")\s+of\s+(?:the\s+)?", re.IGNORECASE)
BEARING_KM = 30.0
FAR_BEARING_KM = 300.0  # "Chimbay, 70 kilometres north of Nukus": a site placed that far from the town, on its bearing
KM_PER_DEGREE = 111.2
MILE_KM = 1.609
# "the water village of Simunul, in Semporna": a town the text puts in another
TOWN_IN = re.compile(r",\s+(?:in|near|outside)\s+")
NAME_NEXT = re.compile(r"\s+(?:[A-Z]|of\s)")  # a capitalised word next (the title's name), or its "of"
PART_KM = 30.0  # a neighbourhood lies within this of its town's point (Dhaka's Rampura; Rangpur is 250 km off)
INSIDE_KM = 100.0  # a town this close to a division's point counts as in it when its codes are unknown
DESCRIBED_GAP = 80  # characters: "Hamilton is an unincorporated community in Boone County"
BODIES = frozenset(name_key(w) for w in (*place_words()["bodies"], *place_words()["political_camps"]))
# "the unrest reached Szczecin, near the border, where workers of the Warski shipyard marched": a site
# told in a clause on the town named before it
WHERE_CLAUSE = re.compile(r",\s+where\s")
# "the Baisaran meadow above the resort town": a site by a town the text named just before
THE_TOWN_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:" + "|".join(place_words()["by_the_town"]) + r")\s+the\s+"
                            r"(?:[a-z-]+\s+)?(?:" + "|".join(place_words()["the_town"]) + r")\b(?!\s+of\b)")
THE_TOWN_REACH = 400  # characters back to that town
DATELINE_MARGIN = 5  # a dateline names its largest namesake when that is five times any other country's
DATELINE_CITY = 100_000  # ... and a city this large is what it names, whether or not the story names its country
DATELINE_ENDS = (",", "-", "\u2014", "\u2013", "(", ":", "\n", "")  # what may follow a dateline's place: "KINGSTOWN -"
# What ends a description that puts a name in the division after it: "a town in Boone County",
# "the county seat of Paulding County" (Dallas, Georgia, not Dallas, Texas)
ENDS_IN = re.compile(r"\b(?:in|of)\s+(?:the\s+)?$")


@dataclass
class Choice:
    """The entry chosen for a candidate and how sure we are."""

    cand: Candidate
    entry: Entry
    confidence: float


def person_names(doc: Doc) -> set[str]:
    """Single words that name people here: surnames of full names, words after a title."""
    names = {ent[-1].text for ent in entities(doc) if ent.label_ == "PERSON" and len(ent) > 1}
    return names | titled_names(doc)


def titled_names(doc: Doc) -> set[str]:
    """Words written after a title: "Mr Paludan", "President Jammeh"."""
    titles = place_words()["title"]
    after = [doc[t.i + 1].text for t in tokens_where(doc, "LOWER", lambda w: w.rstrip(".") in titles) if t.i + 1 < len(doc)]
    return {w for w in after if w[:1].isupper()}


def look_up(cands: list[Candidate], gazetteer: Gazetteer, ranker: LinearRanker) -> None:
    """Fill in entries for entity candidates, by exact key and then by skeleton (not for a name the
    model tags FAC)."""
    shortest = ranker.cutoffs["min_skeleton"]  # shorter skeletons ("km" for Qaim) match hundreds of towns
    todo = [c for c in cands if not c.entries]
    exact = gazetteer.by_name([c.span.text for c in todo])
    for c in todo:  # a landmark takes only a named site of the gazetteer ("Hartsfield-Jackson Atlanta
        # International Airport"); "the Old City" is a part of this story's town, not Jerusalem's; a town
        # named kind first is that town ("Plaza Huincul", "Piazza Armerina")
        c.entries = [e for e in exact.get(name_key(c.span.text), [])
                     if not c.landmark or e.feature == "site" or (kind_first(c.span.text) and e.feature == "city")]
    todo = [c for c in todo if not c.landmark]
    # "Orange Walk Town", "Kibbutz Be'eri": a town the gazetteer knows by its name alone, without "Town", "City",
    # "Kibbutz" or "Moshav", in the country the story is most about (see `choose`: "Hannah Town" in Kingston is
    # no Hanna, Oklahoma); not a name the model takes for an organisation's, nor one that modifies a noun ("Stoke
    # City supporters")
    bare = {c.span.start: without_town_word(c.span.text) for c in todo
            if not c.entries and c.label != "ORG" and not c.modifier}
    by_bare_name = gazetteer.by_name([n for n in bare.values() if n])
    for c in todo:
        if bare.get(c.span.start):
            c.entries = [e for e in by_bare_name.get(name_key(bare[c.span.start]), []) if e.feature == "city"]
            c.bare = bool(c.entries)
    # (a building the model names is no town spelled otherwise: "Liberty Hall" is no Liberty Hill, Texas)
    todo = [c for c in todo if not c.entries and len(skeleton_key(c.span.text)) >= shortest and c.label != "FAC"]
    loose = gazetteer.by_skeleton([c.span.text for c in todo])
    for c in todo:
        c.entries = [e for e in loose.get(skeleton_key(c.span.text), [])
                     if similar(c.span.text, e.name, ranker.cutoffs["skeleton_similarity"])]
        c.loose = bool(c.entries)
    # "Saada province": the division by its name alone, the kind word left out
    named = [c for c in cands if c.want in ("admin1", "admin2") and not any(e.feature == c.want for e in c.entries)]
    by_own_name = gazetteer.by_name([without_kind(c.span.text) for c in named])
    for c in named:
        c.entries += [e for e in by_own_name.get(name_key(without_kind(c.span.text)), []) if e.feature == c.want]
    # "the province of Deir El-Zour": the division may be spelled apart from its city ("Dayr az Zawr")
    divisions = [c for c in cands if c.want in ("admin1", "admin2") and not any(e.feature == c.want for e in c.entries)
                 and len(skeleton_key(without_kind(c.span.text))) >= shortest]
    loose = gazetteer.by_skeleton([without_kind(c.span.text) for c in divisions])
    for c in divisions:  # in the division of a town of the name, else spelled alike ("Samar" is no Samarskaya)
        towns = {e.admin1code for e in c.entries}
        c.entries += [e for e in loose.get(skeleton_key(without_kind(c.span.text)), [])
                      if e.feature == c.want and (e.admin1code in towns if towns else similar(
                          without_kind(c.span.text), e.name, ranker.cutoffs["skeleton_similarity"]))]


def without_town_word(name: str) -> str | None:
    """A name of several words without its last when that is "Town" or "City" (`town_suffixes`), or its
    first when that is "Kibbutz" or "Moshav" (`town_prefixes`), else None."""
    first, _, last = name.rpartition(" ")
    if first and last in place_words()["town_suffixes"]:
        return first
    kind, _, rest = name.partition(" ")
    return rest if rest and kind in place_words()["town_prefixes"] else None


@lru_cache(maxsize=1 << 16)  # the same pairs are compared for every mention of a name
def similar(written: str, name: str, threshold: float) -> bool:
    """Whether two spellings are close enough for a skeleton match ("Gharian", "Gharyan"), not
    merely sharing consonants ("Kiwanja", "Kananga")."""
    pair = SequenceMatcher(None, name_key(written), name_key(name))
    return all(ratio() >= threshold for ratio in (pair.real_quick_ratio, pair.quick_ratio, pair.ratio))


def called_places(cands: list[Candidate]) -> set[str]:
    """Names the text itself calls a town or a division somewhere ("Grafton is a town in Worcester
    County", "the town of Grafton"): no one's surname in this article, though "North Grafton",
    tagged PERSON, ends with it."""
    return {c.span.text for c in cands if c.described in ("settlement", "division") or c.want in ("city", "admin1", "admin2")}


def is_person(c: Candidate, people: set[str], titled: set[str]) -> bool:
    """A name that this article uses for a person ("Assad" after "Bashar Assad"), or a full name
    the gazetteer lacks whose surname it writes after a title ("Rasmus Paludan" beside "Mr Paludan")."""
    words = c.span.text.split()
    return (c.span.text in people and (c.label not in PLACE_LABELS or unknown_without_place_words(c))) or (
        len(words) > 1 and words[-1] in titled and not c.entries and not (c.landmark or c.described))


def unknown_without_place_words(c: Candidate) -> bool:
    """A name the gazetteer lacks and no word around it calls a place: a surname the model tags a place
    ("President Francois Bozize", then "left Bozize in office")."""
    return not (c.entries or c.landmark or c.described or c.want)


def a_title(c: Candidate, text: str) -> bool:
    """A title before a name, taken alone for a place: "King" of "King Hamad" is no King County, nor
    "Minister" of "the Minister of Justice" Minister, Ohio."""
    return c.span.text.lower() in place_words()["title"] and bool(NAME_NEXT.match(text, c.span.end))


def a_bearing(c: Candidate) -> bool:
    """A point of the compass alone ("the North's positions"), which GeoNames lists as a name of
    North Delhi or North Salt Lake."""
    bearings = {name_key(w) for w in place_words()["compass"]}
    return name_key(without_article(c.span.text).removesuffix("'s").removesuffix("’s")) in bearings


def a_body(c: Candidate) -> bool:
    """The name of a body of state ("Congress", "Parliament") or a political camp ("Liberal"), which
    GeoNames lists as the name of a small town (Congress, Arizona): a place only when the text qualifies or describes it ("Congress,
    Arizona"; "Congress is a census-designated place")."""
    return c.qualifier is None and c.described is None and name_key(without_article(c.span.text)) in BODIES


def is_acronym(c: Candidate) -> bool:
    """A name led by an all-capital short word that is not the dateline ("GNA", "RSF", "US")."""
    first = c.span.text.split()[0]
    return first.isupper() and len(first) <= 5 and not c.dateline  # "UN camp" is no town called Un


def has_place_context(c: Candidate) -> bool:
    """The model or the words around it say this is a place."""
    return (c.label in PLACE_LABELS or c.landmark or c.described is not None or c.part or c.locative or c.respelling
            or c.scene
            or c.dateline
            or c.want is not None or c.qualifier is not None
            or (c.proper and not c.loose and any(e.feature == "country" for e in c.entries)))


def well_known(c: Candidate, weights: dict[str, float], ranker: LinearRanker) -> bool:
    """A proper name that is a sizeable town of a country the article is about ("Gao" in a story
    on Mali), or a world city whatever the story is about ("Shelling hit Kharkiv")."""
    cut = ranker.cutoffs
    # opening its sentence, where a capital says nothing, a name counts only for the places it is
    # the name of: "Man accused of ..." is no Amman, which GeoNames also calls Man
    entries = [e for e in c.entries if not opens_sentence(c) or spelled_as(c, e)]
    if c.of_a_site:  # "the Palace of Justice" names a building, whatever towns are called Justice; "the
        return world_city(c, ranker, entries)  # University of Toronto" names its city
    return c.proper and (world_city(c, ranker, entries) or any(
        weights.get(e.country_code or "", 0) >= cut["focus_min_country"]
        and e.population >= cut["well_known_population"] for e in entries))


def opens_sentence(c: Candidate) -> bool:
    """Whether a name is its sentence's first word, where a capital says nothing: "Fireworks were
    thrown" (the tagger may still call it a proper noun)."""
    return c.span.start == c.sentence


def world_city(c: Candidate, ranker: LinearRanker, entries: list[Entry] | None = None) -> bool:
    """A name that a town of a million people or more bears (`world_city_population`): every
    reader knows it for a place, with or without words around it that say so.  `entries`: the
    candidate's entries to look at (all by default)."""
    return any(e.feature == "city" and e.population >= ranker.cutoffs["world_city_population"]
               for e in (c.entries if entries is None else entries))


def country_weights(cands: list[Candidate], dateline: Span | None, big_city: int
                    ) -> tuple[dict[str, float], dict[str, dict[str, float]], set[str]]:
    """How much the article is about each country, from country names and places (0..1); each
    name's own share of those weights, left out when that name's namesakes are weighed
    (`features.country_weight`); and the names whose vote came only from their largest namesake
    (`name_vote`): "Kauru" votes for Russia through Kovrov, which is also called Kauru.
    A city of `big_city` people or more votes only when named by its own name: a world city
    bears hundreds of foreign names ("Avana", Havana's in Italian, is an Iraqi oilfield's).
    The dateline's country weighs as much as the most-named one (`dateline_country`)."""
    total: Counter[str] = Counter()
    own: dict[str, Counter[str]] = {}
    by_namesake: set[str] = set()
    clue = same_clue(cands)
    for c in cands:
        key = clue[name_key(c.span.text)]
        if key in own and not any(e.feature == "country" for e in c.entries):
            continue  # a town named three times is one clue, not three ("Palma" is no vote for Spain x3)
        vote, namesake = name_vote(c, big_city)
        total.update(vote)
        own.setdefault(key, Counter()).update(vote)
        if namesake:
            by_namesake.add(key)
    own = {name: own[key] for name, key in clue.items() if key in own}  # each name's share is its clue's
    by_namesake = {name for name, key in clue.items() if key in by_namesake}
    for c in cands:  # the dateline's country, when the story names it otherwise too, is what the story is
        # about, however often others are named ("PANAMA CITY - ... US troops ... US officials")
        country, city = dateline_country(c) if c.dateline else (None, False)
        if country and (city or total[country] > own.get(name_key(c.span.text), Counter())[country]):
            total[country] = max(total.values(), default=1.0)
    if not total:
        return {}, {}, set()
    for territory, state in territories_named(total).items():
        total[territory] = max(total[territory], total[state])  # "Le Port" and France: Reunion is France's
    most = max(total.values())
    return ({cc: v / most for cc, v in total.items()},
            {k: {cc: n / most for cc, n in v.items()} for k, v in own.items() if v}, by_namesake)


def same_clue(cands: list[Candidate]) -> dict[str, str]:
    """Each name's key, mapped to the key of the first name found by the same gazetteer entries: "Brá" and
    "the Brá barracks" are one clue to the story's country, not two."""
    first: dict[tuple[int, ...], str] = {}
    clue: dict[str, str] = {}
    for c in cands:
        key = name_key(c.span.text)
        rows = tuple(sorted(e.row for e in c.entries))
        clue.setdefault(key, first.setdefault(rows, key) if rows else key)
    return clue


def territories_named(total: Counter[str]) -> dict[str, str]:
    """The dependent territories a story names a place of, each with the state it belongs to (the
    actors' `sovereigns`): a story that names Le Port and France is about Reunion as much as France."""
    from frontlines.actors import sovereigns  # the state a territory belongs to is the actors' data

    return {t: s for t, s in sovereigns()[0].items() if total[t] > 0 and total[s] > total[t]}


def dateline_country(c: Candidate) -> tuple[str | None, bool]:
    """The country of the largest town a dateline may name ("PANAMA CITY -" is Panama's, not
    Florida's), when it is several times larger than any other country's; and whether that town
    is a city of `DATELINE_CITY` people or more, which a dateline names on its own ("KINGSTON")."""
    entries = [e for e in c.entries if e.country_code and e.feature in ("city", "country")]
    # by their own names when some bear it: "ISLAMABAD" is no dateline of Chattogram, once also called so
    top = largest_by_country([e for e in entries if own_name(c, e)] or entries)
    if not top[0][0] or top[0][1] <= DATELINE_MARGIN * top[1][1]:
        return None, False
    return top[0][0], top[0][1] >= DATELINE_CITY


def largest_by_country(entries) -> list[tuple[str, int]]:
    """Each country's largest population among the entries, largest first, padded with two empty
    rows so that the first two can always be read ("" for entries of no country)."""
    biggest: dict[str, int] = {}
    for e in entries:
        biggest[e.country_code or ""] = max(biggest.get(e.country_code or "", 0), e.population)
    return sorted(biggest.items(), key=lambda t: -t[1]) + [("", 0), ("", 0)]


def name_vote(c: Candidate, big_city: int) -> tuple[Counter[str], bool]:
    """One mention's vote for the countries the article is about: a country name 1, a place of
    one country only 0.5, a name whose largest namesake dwarfs every other country's 0.5 for
    that namesake's country ("Cairo" is Egypt's).  True with the last kind: the name's sense is
    not settled, only its largest namesake's."""
    if c.loose:
        return Counter(), False
    if any(e.feature == "country" for e in c.entries):
        return Counter(e.country_code for e in c.entries if e.feature == "country"), False
    countries = {e.country_code for e in c.entries if e.country_code and (e.population < big_city or own_name(c, e))}
    if len(countries) == 1:
        return Counter({countries.pop(): 0.5}), False
    # a big city by its own name only: "Avana" is an alternate name of Havana
    top = largest_by_country(e for e in c.entries if e.population < big_city or own_name(c, e))
    if top[0][0] and top[0][1] > 20 * max(top[1][1], 1):
        return Counter({top[0][0]: 0.5}), True
    return Counter(), False


def qualifier_codes(cands: list[Candidate], gazetteer: Gazetteer) -> dict[str, set[str]]:
    """For each qualifier text ("Iraq", "Shan State"), the country and division codes it names."""
    texts = sorted({c.qualifier for c in cands if c.qualifier})
    found = gazetteer.by_name(texts)
    out: dict[str, set[str]] = {}
    for t in texts:
        entries = abbreviation_entries(t, gazetteer) or [
            e for e in found.get(name_key(t), []) if e.feature in ("country", "admin1")]
        out[t] = {e.country_code for e in entries if e.feature == "country"} | {
            e.admin1code for e in entries if e.admin1code}
    return out


def choose(c: Candidate, ctx: Context, ranker: LinearRanker) -> Choice | None:
    """The best entry for a candidate, or None: "none of them" when the name is a bare word of a
    country the article is not about, or a town half a world away (see `far_fetched`)."""
    cut = ranker.cutoffs
    if c.loose:  # a skeleton match counts only in the article's own countries
        c.entries = [e for e in c.entries if ctx.weights.get(e.country_code or "", 0) >= cut["loose_min_country"]]
    if c.bare:  # a name without its "Town" only in the dateline's country, else the one the article is most about
        top = max(ctx.weights.values(), default=0.0)
        c.entries = [e for e in c.entries if (e.country_code == ctx.home if ctx.home
                                              else top and ctx.weights.get(e.country_code or "", 0) >= top)]
    if c.dateline and not c.qualifier:  # "ZAPORIZHZHIA -" is the city of 700,000, not a hamlet near the front
        c.entries = [e for e in c.entries if not dwarfed(c, e) and not a_towns_division(c, e)]
    if not c.entries:
        return None
    if any(qualified(e, c, ctx) for e in c.entries):  # "Holland, Mich." is the town, though "Holland" alone
        c.entries = [e for e in c.entries if qualified(e, c, ctx)]  # is the Netherlands (a bigger, country entry)
    elif ctx.quals.get(c.qualifier or "") and not any(own_name(c, e) for e in c.entries):
        return None  # "Kuriga, Kaduna state" is no Khouribga, Morocco, which GeoNames also calls so
    scored = ranker.rank(c, ctx)
    country = named_country(c, scored[0][1], ctx)
    if country is not None:
        scored = [(s, e) for s, e in scored if e is country] + [(s, e) for s, e in scored if e is not country]
    home_town = near_the_dateline(c, scored[0][1], ctx, ranker) if country is None else None
    if home_town is not None:
        scored = [(s, e) for s, e in scored if e is home_town] + [(s, e) for s, e in scored if e is not home_town]
    entry = scored[0][1]
    if not has_place_context(c) and not (c.proper and world_city(c, ranker)) \
            and ctx.weights.get(entry.country_code or "", 0) < cut["bare_name_min_country"]:
        return None  # a bare capitalised word that names a town in a country the article is not about
    if common_word_town(c, entry, ctx, ranker) or foreign_modifier(c, entry, ctx, ranker):
        return None
    if unclued(c, entry, ctx, ranker):  # another sense only in a country the article points to
        scored = [(s, e) for s, e in scored if country_weight(e, c, ctx) > 0]
        if not scored:
            return None
        entry = scored[0][1]
    if far_fetched(c, entry, ctx, ranker) or stray_hamlet(c, entry, ctx, ranker):
        # the best that is neither: "Kauru" in a story on Kaduna is the Nigerian town, not Kovrov,
        # Russia, which also bears the name
        scored = [(s, e) for s, e in scored if not (far_fetched(c, e, ctx, ranker) or stray_hamlet(c, e, ctx, ranker))]
    if not scored:
        return None
    return Choice(c, scored[0][1], ranker.confidence(scored, c.loose))


def a_towns_division(c: Candidate, entry: Entry) -> bool:
    """Whether an entry is a division whose country also has a city of the name (`DWARFING_CITY` people or
    more): a dateline names the city ("WASHINGTON -" is the capital, though the story names Olympia, in
    Washington state; but "DELAWARE -" is the state, not Delaware, Ohio)."""
    return entry.feature in ("admin1", "admin2") and any(
        e.feature == "city" and e.country_code == entry.country_code and e.population >= DWARFING_CITY
        for e in c.entries)


def near_the_dateline(c: Candidate, best: Entry, ctx: Context, ranker: LinearRanker) -> Entry | None:
    """A town of the dateline's country near the dateline's town (`home_near_km`) that bears the name as
    its own (`home_min_population` people or more, and no less than a `home_max_ratio`th of the best's
    unless it is the dateline's own name), when the best entry is a town abroad, of a country the story
    does not name nor its people: "BEIRUT - Protesters blocked roads in Tripoli" is Lebanon's
    Tripoli, "ATHENS, Ga. - ... downtown Athens" Georgia's (but "NEW YORK - talks in Vienna" are
    Austria's, "BEIRUT - ... in Tripoli, the Libyan health ministry said" Libya's, and "NEW YORK -
    Protesters gathered in Lebanon" the country's)."""
    cut = ranker.cutoffs
    if ctx.home_point is None or best.country_code == ctx.home or c.qualifier or best.feature != "city" \
            or best.country_code in ctx.named_countries:
        return None
    the_dateline = name_key(c.span.text) == ctx.home_name  # "CAIRO, Ill. - ... through Cairo": one sense
    near = [e for e in c.entries if e.country_code == ctx.home and e.feature == "city"
            and name_key(e.name) == name_key(c.span.text) and e.population >= cut["home_min_population"]
            and (the_dateline or best.population <= cut["home_max_ratio"] * e.population)  # not "the war in Gaza"
            and km((e.lat, e.lon), ctx.home_point) <= cut["home_near_km"]]
    return min(near, key=lambda e: km((e.lat, e.lon), ctx.home_point)) if near else None


def named_country(c: Candidate, best: Entry, ctx: Context) -> Entry | None:
    """The country a mention names by its own name, when the ranker put first a town that bears it only
    in a longer name or as another of its names ("relations with Guatemala" are not Guatemala City's,
    nor is "El Salvador" San Salvador), or a small town named after it ("the southern tip of Grenada"
    is not Grenada, Mississippi, for all the American troops in the story, far from the story's sure
    towns); not when the mention is qualified ("Lebanon, Pa."), the text calls it a town, or (a small
    town of its own name) the town lies among the story's towns."""
    own = name_key(c.span.text)
    if best.feature == "city" and not c.qualifier and own not in ctx.called_towns and name_key(best.name) != own:
        country = next((e for e in c.entries if e.feature == "country" and name_key(e.name) == own), None)
        if country is not None:
            return country
    others = [f for f, n in zip(ctx.focus, ctx.focus_names) if n != own]
    if best.feature != "city" or c.qualifier or best.population >= COUNTRY_OVER_TOWN or not others \
            or own in ctx.called_towns \
            or min(km((best.lat, best.lon), f) for f in others) <= FAR_FROM_STORY_KM:  # "Panama is a town in Le
        return None  # Flore County"; "the valley south of Culiacan, around Eldorado and Costa Rica"
    return next((e for e in c.entries if e.feature == "country" and name_key(e.name) == name_key(c.span.text)), None)


def named_after(c: Candidate, towns_by_name: dict[tuple[str, ...], Entry]) -> Entry | None:
    """The town a site's name begins with ("Dhaka University", "the Sudzha gas metering station"),
    or ends with after "of" ("the Airport of Kandahar", "the Port of Tyre").  `towns_by_name`: the
    chosen towns by the words of their mention (`town_words`)."""
    words = town_words(c.span.text)
    first = next((towns_by_name[words[:n]] for n in range(len(words) - 1, 0, -1) if words[:n] in towns_by_name), None)
    of = len(words) - 1 - words[::-1].index("of") if "of" in words[1:-1] else None  # "the Palace of Culture of X"
    return first or (towns_by_name.get(words[of + 1:]) if of is not None else None)


def town_words(text: str) -> tuple[str, ...]:
    """A name's words, each folded as a name key, without a leading "the"."""
    return tuple(name_key(w) for w in text.split() if w.lower() != "the")


def owner_town(c: Candidate, towns_by_end: dict[int, Choice], text: str) -> Entry | None:
    """The town a site is said to belong to: "Kabul's heavily guarded Green Zone"."""
    for end in range(max(c.span.start - SITE_OWNER_GAP, 0), c.span.start - 1):
        ch = towns_by_end.get(end)
        if ch is not None and text[end:end + 2] in ("'s", "’s"):
            return ch.entry
    return None


def far_fetched(c: Candidate, entry: Entry, ctx: Context, ranker: LinearRanker) -> bool:
    """A town half a world away from the article's places, in a country it is not about, named
    with nothing but a preposition: "drone strike on a gang position in Bel Air" in a story on
    Haiti is not Bel Air, Maryland, and "the Avana oilfields" near Kirkuk are not Havana (a
    big city is exempt only when named by its own name; a small one, below `well_known_population`,
    only in a country the story is about, `focus_min_country`: "In Paynesville, on the eastern
    outskirts" of Monrovia is no village of Minnesota for a mention of the US embassy).  Better no
    place than a wrong one."""
    cut = ranker.cutoffs
    # a country's capital is where it is too, whatever its size: "signed a declaration in Doha"
    # a big city's other name counts where the story names its country: "Peking said" beside "Chinese
    # troops" (but not "the Avana oilfields" near Kirkuk, for Havana)
    big = (own_name(c, entry) or entry.country_code in ctx.named_countries) \
        and (entry.population >= cut["far_min_population"] or is_capital(entry, c))
    small = entry.population < cut["well_known_population"]
    weight = country_weight(entry, c, ctx, only_namesake=True)
    # a qualifier the entry lies in places it ("Paris, Texas"); one it does not, no ("Roi, Maloelap and Wotje")
    if (not ctx.focus or entry.feature == "country" or (c.qualifier and qualified(entry, c, ctx)) or big
            or weight >= cut["focus_min_country" if small else "bare_name_min_country"]):
        return False  # "Rallies in Cairo and Nairobi": a world city is where it is
    return far_from_the_others(c, entry, ctx, cut["far_km"])


def far_from_the_others(c: Candidate, entry: Entry, ctx: Context, far_km: float) -> bool:
    """Whether an entry lies more than `far_km` from every sure place of the article but its own name's
    (a town is no evidence for itself)."""
    own = name_key(c.span.text)
    others = [f for f, n in zip(ctx.focus, ctx.focus_names) if n != own]
    return bool(others) and min(km((entry.lat, entry.lon), f) for f in others) > far_km


def common_word_town(c: Candidate, entry: Entry, ctx: Context, ranker: LinearRanker) -> bool:
    """A word the text writes with "the", on its own (not "the Yeysk plant"), and the model does not take
    for a name of any kind, which only a town of a country the article is otherwise not about bears:
    "took the Citadel" in a story on Hue is not Citadel, Alberta (towns rarely take the article; see
    `find.context`)."""
    return c.want == "not_city" and c.label is None and not c.modifier and entry.feature == "city" \
        and entry.population < ranker.cutoffs["far_min_population"] \
        and country_weight(entry, c, ctx) < ranker.cutoffs["bare_name_min_country"]


def foreign_modifier(c: Candidate, entry: Entry, ctx: Context, ranker: LinearRanker) -> bool:
    """A word that modifies a noun, which only a town bears that is foreign to the story
    (`foreign_to_the_story`), no city of the world: "the city's Roman theatre" in a story on
    Palmyra is no Roman, Romania ("the Yeysk plant" in a story on Russia is Yeysk's)."""
    return c.modifier and not world_city(c, ranker) and foreign_to_the_story(c, entry, ctx, ranker)


def stray_hamlet(c: Candidate, entry: Entry, ctx: Context, ranker: LinearRanker) -> bool:
    """A town in a country the article never names (or names only through such towns), when it
    is plainly about another: a small one the text calls by another of its names
    (`stray_alternate_max_population`; "Banjska" in a story on Kosovo is not Bansko, Bulgaria, which GeoNames also lists as
    "Banjska"), or one of no recorded population in a country the article does not touch on
    ("Nasir" in a story on South Sudan is not Nasir Extension, a quarter of Khartoum), or a far
    one the text calls by another of its names in a country it never names (`far_alternate`)."""
    if entry.feature != "city":
        return False
    far_alternate = far_alternate_name(c, entry, ctx, ranker)
    # a far alternate name is no evidence for its own country: its vote is left out
    weight = country_weight(entry, c, ctx, only_namesake=not far_alternate)
    others = [w for cc, w in ctx.weights.items() if not (far_alternate and cc == entry.country_code)]
    if not others or weight >= ranker.cutoffs["bare_name_min_country"] or max(others) < 1.0:
        return False
    if not own_name(c, entry):
        return far_alternate or entry.population < ranker.cutoffs["stray_alternate_max_population"]
    return not entry.population and not weight


def unclued(c: Candidate, entry: Entry, ctx: Context, ranker: LinearRanker) -> bool:
    """A hamlet (under `well_known_population` people, no capital) of a country the article neither
    names (nor its people) nor points to by its other places, more than `stray_far_km` from the
    article's sure towns: "Belvedere, a hamlet north of Mopti" in a story on Mali is no village of
    Italy.  Only with `unclued_min_sure` sure towns to go by ("KYIV - Ukrainian troops captured Sudzha"
    is the Russian town); a known town is where it is ("talks in Montreux", "a jihadist from Lunel"),
    unless the text calls it a village and towns of several countries bear its name ("the villages of
    Mansoura and ..." in a story on Cyprus are none of Egypt's, Algeria's or Israel's)."""
    if is_capital(entry, c) or not foreign_to_the_story(c, entry, ctx, ranker):
        return False
    namesakes_abroad = c.village and len({e.country_code for e in c.entries}) > 1
    return entry.population < ranker.cutoffs["well_known_population"] or namesakes_abroad


def foreign_to_the_story(c: Candidate, entry: Entry, ctx: Context, ranker: LinearRanker) -> bool:
    """An unqualified mention's town of a country the article neither names (nor its people) nor
    points to by its other places, more than `stray_far_km` from the article's sure towns, when
    there are `unclued_min_sure` of them to go by."""
    cut = ranker.cutoffs
    if entry.feature != "city" or c.qualifier or country_weight(entry, c, ctx) > 0 \
            or entry.country_code in ctx.named_countries:
        return False
    others = [f for f, n in zip(ctx.focus, ctx.focus_names) if n != name_key(c.span.text)]
    return len(others) >= cut["unclued_min_sure"] and far_from_the_others(c, entry, ctx, cut["stray_far_km"])


def far_alternate_name(c: Candidate, entry: Entry, ctx: Context, ranker: LinearRanker) -> bool:
    """Whether a mention names a town only by another of its names, in a country the text never names,
    more than `stray_far_km` from the article's sure places: "Kalait" in a story on Chad is no vote for
    Kalayat, India.  A capital or a city of `stray_exempt_population` keeps its old names ("Reval" is
    Tallinn, "Adrianople" Edirne), and a town near the story's its own ("MCALLEN, Texas - ... in Ciudad
    Mier")."""
    cut = ranker.cutoffs
    return not own_name(c, entry) and entry.country_code not in ctx.named_countries \
        and entry.population < cut["stray_exempt_population"] and not is_capital(entry, c) \
        and far_from_the_others(c, entry, ctx, cut["stray_far_km"])


def anchor_for(c: Candidate, towns_by_sentence: dict[int, list[Choice]], fallback: Entry | None,
               text: str) -> Entry | None:
    """The town a site stands in: the next town named after it in its sentence ("the Tawakal
    Hotel in Kismayo"; "Dogo Nahawa, south of Jos", `near_bearing`), else the article's main town ("Mitiga, the city's only airport").
    A town before it is not taken ("driven down from the Khartoum area ... around Abu Haraz"),
    unless the sentence opens with it ("In Kyiv, ... gathered on Independence Square") or the site is
    told in a "where" clause on it ("reached Szczecin, where workers of the Warski shipyard marched").
    A place the sentence describes takes the next town or county at any distance: "Hamilton is an
    unincorporated community in Boone County"."""
    after = [ch for ch in towns_by_sentence.get(c.sentence, [])
             if (ch.cand.span.start > c.span.end and described_in(c, ch, text)) or (
                 ch.entry.feature == "city" and 0 < ch.cand.span.start - c.span.end <= SITE_TOWN_GAP
                 and SITE_IN.fullmatch(text[c.span.end:ch.cand.span.start])) or (
                 ch.entry.feature == "city" and part_of(text[c.span.end:ch.cand.span.start])) or (
                 ch.entry.feature == "city" and near_bearing(text[c.span.end:ch.cand.span.start]))]
    if after:
        return min(after, key=lambda ch: ch.cand.span.start).entry
    before = [ch for ch in towns_by_sentence.get(c.sentence, []) if ch.cand.span.end < c.span.start]
    fronted = fronted_town(c, towns_by_sentence, text)
    if fronted is not None:
        return fronted  # "In Kyiv, ... gathered on Independence Square"
    if before and WHERE_CLAUSE.search(text, before[-1].cand.span.end, c.span.start):
        return before[-1].entry  # "reached Szczecin, ..., where workers of the Warski shipyard marched"
    return town_it_is_in(c, towns_by_sentence, text) or fallback


def fronted_town(c: Candidate, towns_by_sentence: dict[int, list[Choice]], text: str) -> Entry | None:
    """The town a site's sentence opens with, before a comma: "In Kyiv, ... gathered on Independence Square"."""
    return next((ch.entry for ch in towns_by_sentence.get(c.sentence, []) if ch.cand.span.end < c.span.start
                 and text[c.sentence:ch.cand.span.start].strip() in ("In", "in")
                 and text[ch.cand.span.end:ch.cand.span.end + 1] == ","), None)


def far_bearing(c: Candidate, towns_by_sentence: dict[int, list[Choice]], text: str) -> Entry | None:
    """A site the text places a distance and a bearing from the next town of its sentence, farther than
    `BEARING_KM` ("In Chimbay, 70 kilometres north of Nukus"): its point moved from the town's by that
    much (up to `FAR_BEARING_KM`; "about 400 miles north of Lagos" says where it is not)."""
    for ch in towns_by_sentence.get(c.sentence, []):
        m = BEARING_OF.fullmatch(text[c.span.end:ch.cand.span.start]) if ch.cand.span.start > c.span.end else None
        if m is None or m["n"] is None or ch.entry.feature != "city":
            continue
        distance = float(m["n"].replace(",", "")) * (MILE_KM if m["unit"].lower().startswith("mile") else 1.0)
        if BEARING_KM < distance <= FAR_BEARING_KM:
            return moved_by(ch.entry, m["compass"].lower(), distance)
    return None


def far_from_its_bearing(ch: Choice, towns: list[Choice], text: str) -> bool:
    """Whether a town the text places by a bearing from another of its sentence (`towns`: its sentence's)
    ("In Phoenix, north of Durban") lies far from that town in another country: a namesake abroad (Phoenix,
    Arizona), not the place meant, which is then placed as a site by the town it is told from."""
    for town in towns:
        if town.cand.span.start <= ch.cand.span.end or ch.entry.feature != "city" \
                or ch.entry.country_code == town.entry.country_code:
            continue  # (a town of the same country is where it is: "In Aleppo, north of Damascus")
        m = BEARING_OF.fullmatch(text[ch.cand.span.end:town.cand.span.start])
        if m is not None:
            told = float(m["n"].replace(",", "")) * (MILE_KM if m["unit"].lower().startswith("mile") else 1.0) \
                if m["n"] is not None else BEARING_KM
            return km((ch.entry.lat, ch.entry.lon), (town.entry.lat, town.entry.lon)) > max(2 * told, FAR_BEARING_KM)
    return False


def moved_by(town: Entry, compass: str, distance: float) -> Entry:
    """A town's entry moved `distance` km toward a point of the compass ("north-east")."""
    north = ("north" in compass) - ("south" in compass)
    east = ("east" in compass) - ("west" in compass)
    step = distance / KM_PER_DEGREE / (math.sqrt(2) if north and east else 1.0)
    lat = town.lat + north * step
    lon = town.lon + east * step / max(math.cos(math.radians(town.lat)), 0.1)
    return dataclasses.replace(town, lat=round(lat, 5), lon=round(lon, 5))


def near_bearing(gap: str) -> bool:
    """Whether the words between a site and a town place it by a bearing from that town, near it:
    ", south of", ", about 15 km west of" (not ", about 400 miles north of")."""
    m = BEARING_OF.fullmatch(gap)
    if m is None:
        return False
    if m["n"] is None:
        return True
    distance = float(m["n"].replace(",", ""))
    return distance * (MILE_KM if m["unit"].lower().startswith("mile") else 1.0) <= BEARING_KM


def town_it_is_in(c: Candidate, towns_by_sentence: dict[int, list[Choice]], text: str) -> Entry | None:
    """The town a site is said to lie by without naming it, "the Baisaran meadow above the resort
    town": the town named last before it, in its sentence or the one before."""
    if not THE_TOWN_AFTER.match(text, c.span.end):
        return None
    before = [ch for sentence, towns in towns_by_sentence.items() for ch in towns
              if ch.entry.feature == "city" and ch.cand.span.end <= c.span.start
              and c.span.start - ch.cand.span.end <= THE_TOWN_REACH]
    return max(before, key=lambda ch: ch.cand.span.end).entry if before else None


def part_of(gap: str) -> bool:
    """Whether the words between a name and a town make it a part of the town: "the al-Maqous
    district of Sweida city" (`place_words` town_part)."""
    words = gap.split()
    return len(words) == 2 and words[1] == "of" and words[0].lower() in place_words()["town_part"]


def site_entry(c: Candidate, town: Entry) -> Entry:
    """A site placed at its town's point."""
    return Entry(-1, None, c.span.text, town.lat, town.lon, town.country_code, town.admin1code,
                 town.admin1, 0, "site")


def resolve(doc: Doc, cands: list[Candidate], gazetteer: Gazetteer, dateline: Span | None,
            ranker: LinearRanker | None = None) -> list[Place]:
    """Resolve candidates to places, mentions grouped per place, in order of first mention."""
    ranker = ranker or load_ranker()
    cut = ranker.cutoffs
    look_up(cands, gazetteer, ranker)
    people = person_names(doc)
    quals = qualifier_codes(cands, gazetteer)
    for c in cands:
        c.qualifier = c.qualifier if quals.get(c.qualifier or "") else None  # "Still, Assad ...": no qualifier
    for c in cands:
        if is_acronym(c) and not c.abbreviation:  # "GNA" is an alternate name of Guna, India; acronyms name countries at most ("US")
            c.entries = [e for e in c.entries if e.feature == "country"]
    people -= called_places(cands)
    villages = {name_key(c.span.text) for c in cands if c.village}
    for c in cands:  # a name the text once calls a village is one each time ("takes Mansoura")
        c.village = name_key(c.span.text) in villages
    text = doc_text(doc)
    titled = titled_names(doc)
    cands = [c for c in cands if not is_person(c, people, titled) and not a_title(c, text) and not a_bearing(c)
             and not a_body(c)]
    weights, own, by_namesake = country_weights([c for c in cands if has_place_context(c) and not c.loose], dateline,
                                   ranker.cutoffs["far_min_population"])
    every = cands
    cands = [c for c in cands if has_place_context(c) or well_known(c, weights, ranker)]
    ctx = Context(weights, quals, near_km=cut["near_km"], own=own, by_namesake=by_namesake,
                  called_towns={name_key(t) for t in called_places(every)})
    ctx.named_countries = named_countries(doc, every)
    first = [choose(c, ctx, ranker) for c in cands]
    sure = [ch for ch in first if ch and ch.confidence > cut["focus_min_confidence"]]
    for ch in sure:  # the dateline's town, once placed, says what country the story is from ("KINGSTOWN -"),
        # when it is the dateline's whole name (not "COX" of "COX'S BAZAR", "LA" of "LA PAZ"), spelled as the
        # town's own
        if ch.cand.dateline and ch.entry.country_code and ch.entry.feature == "city" and not ch.cand.loose \
                and own_name(ch.cand, ch.entry) and text[ch.cand.span.end:].lstrip(" ")[:1] in DATELINE_ENDS:
            ctx.weights[ch.entry.country_code], ctx.home = 1.0, ch.entry.country_code
            ctx.home_point, ctx.home_name = (ch.entry.lat, ch.entry.lon), name_key(ch.cand.span.text)
    focus = dict.fromkeys(((ch.entry.lat, ch.entry.lon), name_key(ch.cand.span.text)) for ch in sure
                          if ch.entry.feature == "city"  # towns of the article's countries, by others' votes
                          and country_weight(ch.entry, ch.cand, ctx, only_namesake=True) >= cut["focus_min_country"])
    ctx.focus, ctx.focus_names = [p for p, _ in focus], [n for _, n in focus]
    for ch in sure:
        for code in {ch.entry.admin1code, ch.entry.admin2code} - {None}:
            ctx.divisions.setdefault(code, set()).add(name_key(ch.cand.span.text))
    ctx.ranked.clear()  # rankings made without the article's sure places no longer hold
    chosen: list[Choice] = []
    dateline: Choice | None = None
    for c in cands:
        ch = respelled(c, chosen) if c.respelling else None
        ch = ch or the_datelines_town(c, dateline) or choose(c, ctx, ranker)
        if ch is not None:
            chosen.append(ch)
            dateline = dateline or (ch if c.dateline else None)
    chosen = listed_with_countries(chosen, text)
    divisions: dict[int, list[Choice]] = defaultdict(list)  # by sentence, in text order
    for ch in chosen:
        if ch.entry.feature in ("admin1", "admin2"):
            divisions[ch.cand.sentence].append(ch)
    chosen = [placed_in_division(ch, divisions[ch.cand.sentence], text, ctx, ranker) for ch in chosen]
    chosen = in_their_town(chosen, text, cut["site_confidence"])
    towns_by_sentence: dict[int, list[Choice]] = defaultdict(list)  # indexed once: a long text has thousands
    for ch in chosen:
        if ch.entry.feature == "city":
            towns_by_sentence[ch.cand.sentence].append(ch)
    chosen = [ch for ch in chosen if not far_from_its_bearing(ch, towns_by_sentence[ch.cand.sentence], text)]
    chosen += sites(cands, chosen, text, cut["site_confidence"], every)
    chosen += same_name_again(every, chosen)
    return group(named_with_its_article(chosen))


LIST_GAP = re.compile(r"\s*(,|,? and|,? or)\s*")


def listed_with_countries(chosen: list[Choice], text: str) -> list[Choice]:
    """A name listed beside a country is the country of its own name, not its capital: "troops
    from Kenya, Ethiopia and Djibouti" (the ranker puts the city of Djibouti first)."""
    out = list(chosen)
    for k, ch in enumerate(chosen):
        country = next((e for e in ch.cand.entries if e.feature == "country"
                        and name_key(e.name) == name_key(ch.cand.span.text)), None)
        if country is None or ch.entry.feature == "country":
            continue
        near = [chosen[j] for j in (k - 1, k + 1) if 0 <= j < len(chosen)]
        if any(n.entry.feature == "country" and LIST_GAP.fullmatch(text[min(n.cand.span.end, ch.cand.span.end):
               max(n.cand.span.start, ch.cand.span.start)]) for n in near):
            out[k] = dataclasses.replace(ch, entry=country)
    return out


def container(c: Candidate, divisions: list[Choice], text: str) -> Choice | None:
    """The division the text puts a name in: "Tanwalbougou, in the Est region"; "Jackson is a town
    in East Feliciana Parish" (a name the sentence describes takes the next division named).
    `divisions`: the divisions chosen in the name's sentence, in text order."""
    later = [ch for ch in divisions if ch.cand.span.start > c.span.end]
    for ch in later[:2]:
        if IN_DIVISION.fullmatch(text[c.span.end:ch.cand.span.start]) or described_in(c, ch, text):
            return ch
    return None


def described_in(c: Candidate, ch: Choice, text: str) -> bool:
    """"Jackson is a town in East Feliciana Parish": a described name and the place its description
    puts it in, close after it; not "Tal Afar, a city about 40 miles to the west ... in western Anbar"."""
    gap = text[c.span.end:ch.cand.span.start]
    return c.described in ("settlement", "division") and len(gap) <= DESCRIBED_GAP and bool(ENDS_IN.search(gap))


def inside(e: Entry, division: Entry) -> bool:
    """Whether a gazetteer entry lies in a division, by its codes or, lacking them, by distance."""
    if division.feature == "admin2" and e.admin2code:
        return e.admin2code == division.admin2code
    if division.admin1code and e.admin1code:
        return e.admin1code == division.admin1code and (division.feature == "admin1" or e.admin2code is None)
    return km((e.lat, e.lon), (division.lat, division.lon)) <= INSIDE_KM


def placed_in_division(ch: Choice, divisions: list[Choice], text: str, ctx: Context,
                       ranker: LinearRanker) -> Choice:
    """A town the text puts in a division is that division's town of the name, or, when the gazetteer
    has none there, a site at the division: better than a namesake 300 km away.  `divisions`: the
    divisions chosen in its sentence, in text order."""
    c = ch.cand
    if ch.entry.feature not in ("city", "site") or c.qualifier or ch.entry.row < 0:
        return ch
    division = container(c, divisions, text)
    if division is None or inside(ch.entry, division.entry):
        return ch
    for _, e in ranker.rank(c, ctx):
        if inside(e, division.entry):
            return Choice(c, e, ch.confidence)
    return Choice(c, site_entry(c, division.entry), ranker.cutoffs["site_confidence"])


def respelled(c: Candidate, chosen: list[Choice]) -> Choice | None:
    """"The group had run the town, also spelled Laukkaing": the town last named before."""
    towns = [ch for ch in chosen if ch.entry.feature == "city" and ch.cand.span.start < c.span.start]
    return Choice(c, towns[-1].entry, towns[-1].confidence) if towns else None


def the_datelines_town(c: Candidate, dateline: Choice | None) -> Choice | None:
    """The dateline's town (its `dateline` choice) for a later mention of its name: "ZAPORIZHZHIA - ...
    in Zaporizhzhia" is one town, not the city and a hamlet of the same name near the front."""
    if dateline is None or c.dateline or name_key(c.span.text) != name_key(dateline.cand.span.text) \
            or dateline.entry not in c.entries:
        return None
    return Choice(c, dateline.entry, dateline.confidence)


def same_name_again(cands: list[Candidate], chosen: list[Choice]) -> list[Choice]:
    """One sense per article: a name resolved once is that place wherever it recurs, even where
    the words around it say nothing ("The Islamic State still holds Tal Afar")."""
    by_name = {name_key(ch.cand.span.text): ch for ch in chosen}
    done = {ch.cand.span.start for ch in chosen}
    return [Choice(c, by_name[name_key(c.span.text)].entry, by_name[name_key(c.span.text)].confidence)
            for c in cands if c.span.start not in done and name_key(c.span.text) in by_name]


def named_with_its_article(chosen: list[Choice]) -> list[Choice]:
    """A town or site the text also writes with an article (`name_articles`) is the place named so: "the
    Chaudron district" is Le Chaudron, not Chaudron-en-Mauges (but Salvador, Brazil is no El Salvador)."""
    articles = place_words()["name_articles"]
    full = {}
    for ch in chosen:
        first, _, rest = ch.cand.span.text.partition(" ")
        if rest and first.lower() in articles and ch.entry.feature in ("city", "site"):
            full[name_key(rest)] = ch
    return [Choice(ch.cand, full[name_key(ch.cand.span.text)].entry, ch.confidence)
            if name_key(ch.cand.span.text) in full and ch.entry.feature in ("city", "site") else ch for ch in chosen]


def most_named_town(chosen: list[Choice], sites_named_after: Counter | None = None) -> Entry | None:
    """The town the story names most: where a site it does not place otherwise stands.  On a tie, the
    dateline's ("ST. GEORGE'S - ... Washington admits": the sites are Grenada's).  A site named after a
    town (`sites_named_after`, by entry row) counts for it ("MADRAS - ... Jaffna ... the Jaffna Teaching
    Hospital ... Jaffna University ... Kopay": the sites are Jaffna's).  A town that speaks is its
    government, not where the story is ("QUITO - Washington said ... Officials in Washington said")."""
    towns = Counter((ch.entry.row, ch.entry) for ch in chosen if ch.entry.feature == "city" and not ch.cand.speaker)
    for row, entry in list(towns):
        towns[(row, entry)] += (sites_named_after or Counter())[row]
    datelines = {ch.entry.row for ch in chosen if ch.cand.dateline}
    return max(towns, key=lambda t: (towns[t], t[0] in datelines))[1] if towns else None


def in_their_town(chosen: list[Choice], text: str, confidence: float) -> list[Choice]:
    """A part of a town (`Candidate.part`) that the gazetteer puts far from the town it is a part of
    (the one its description names, else the town the story names most) is a site in that town:
    "Cibitoke, a northern neighbourhood of the capital" is not the provincial town 60 km away,
    "the neighbourhoods of Mohammadpur, Badda, Rampura" are not Rangpur, 250 km from Dhaka.
    So is a town the text puts in a town of another country than the gazetteer's namesake's
    ("the village of Victoria, in Kenema" is not the capital of the Seychelles)."""
    whole = [ch for ch in chosen if not ch.cand.part]
    fallback = most_named_town(whole)
    named_whole = {name_key(ch.cand.span.text) for ch in whole}
    towns_by_sentence: dict[int, list[Choice]] = {}
    for ch in whole:
        if ch.entry.feature in ("city", "admin2"):
            towns_by_sentence.setdefault(ch.cand.sentence, []).append(ch)
    moved: dict[tuple[str, int], Entry] = {}  # (name, entry it left) → the town it is a part of
    for ch in chosen:
        if ch.entry.feature != "city":
            continue
        if ch.cand.part:
            town = anchor_for(ch.cand, towns_by_sentence, fallback, text)
            # (a city bigger than that town that the story also names as a town is none of its parts: "Nairobi
            # slum erupts" and "in Nairobi's Woodley estate" in a story from Naivasha)
            town = None if town is not None and town.population < ch.entry.population \
                and name_key(ch.cand.span.text) in named_whole else town
        else:
            town = town_put_in(ch.cand, towns_by_sentence, text)
            # (a town bigger than the one it is put in is no part of it: "Wiltz, the largest town of the Osling"
            # is not in Oßling, a village of Saxony)
            town = town if town is not None and town.country_code != ch.entry.country_code \
                and town.population > ch.entry.population else None
        if town is not None and km((ch.entry.lat, ch.entry.lon), (town.lat, town.lon)) > PART_KM:
            moved[(name_key(ch.cand.span.text), ch.entry.row)] = town
    # one sense per article: "in Rampura" later, with no word around it, is the same neighbourhood
    return [Choice(ch.cand, site_entry(ch.cand, moved[key]), confidence)
            if (key := (name_key(ch.cand.span.text), ch.entry.row)) in moved else ch for ch in chosen]


def town_put_in(c: Candidate, towns_by_sentence: dict[int, list[Choice]], text: str) -> Entry | None:
    """The town the text puts a town in, right after it ("the village of Victoria, in Kenema") or in
    its description ("Buxton, a village on the East Coast of Demerara")."""
    return next((ch.entry for ch in towns_by_sentence.get(c.sentence, []) if ch.entry.feature == "city"
                 and ch.cand.span.start > c.span.end and (TOWN_IN.fullmatch(text[c.span.end:ch.cand.span.start])
                                                          or described_in(c, ch, text))),
                None)


def sites(cands: list[Candidate], chosen: list[Choice], text: str, confidence: float,
          every: list[Candidate]) -> list[Choice]:
    """Place the named sites the gazetteer lacks at the town they stand in; a town the text calls
    one ("the village of Tallousa", tagged ORG) is a site too when the gazetteer lacks it.  A site the
    text once calls a town's ("In Malmo's Rosengard") stands there where it is named after that with no
    town of its own (`first_owners` of `every` mention: "rioted in Rosengard" too, not "Freedom Square in
    Kyiv" after "Kharkiv's Freedom Square")."""
    resolved = {ch.cand.span.start for ch in chosen}
    towns_by_end: dict[int, Choice] = {}  # indexed once: a long text has thousands of sites and towns
    towns_by_sentence: dict[int, list[Choice]] = {}
    towns_by_name: dict[tuple[str, ...], Entry] = {}
    divisions: dict[int, list[Choice]] = defaultdict(list)  # by sentence, in text order
    for ch in chosen:
        if ch.entry.feature in ("admin1", "admin2"):
            divisions[ch.cand.sentence].append(ch)
        if ch.entry.feature == "city":
            towns_by_end.setdefault(ch.cand.span.end, ch)
            towns_by_name.setdefault(town_words(ch.cand.span.text), ch.entry)
        if ch.entry.feature in ("city", "admin2"):
            towns_by_sentence.setdefault(ch.cand.sentence, []).append(ch)
    owners = first_owners(every, towns_by_end, towns_by_sentence, text)
    named_after_them = Counter(town.row for c in cands if c.span.start not in resolved
                               for town in [named_after(c, towns_by_name)] if town is not None)
    fallback = most_named_town(chosen, named_after_them)
    out = []
    for c in cands:
        if c.span.start in resolved or not (c.landmark or c.described or c.called_town or c.scene
                                            or c.label in PLACE_LABELS):
            continue
        if c.span.text.isupper() or not without_article(c.span.text)[:1].isupper():
            continue  # "MNDAA" is an acronym the model took for a place ("al-Mawasi" is a name)
        division = container(c, divisions[c.sentence], text)  # "El Adde, in Somalia's Gedo region"
        owned = owners.get(name_key(c.span.text))
        town = far_bearing(c, towns_by_sentence, text) or owner_town(c, towns_by_end, text) \
            or (named_after(c, towns_by_name) if not kind_first(c.span.text) else None) \
            or (division.entry if division else None) or anchor_for(c, towns_by_sentence, None, text) \
            or (owned[1] if owned and owned[0] < c.span.start else None) or fallback
        if town is not None:
            out.append(Choice(c, site_entry(c, town), confidence))
    return out


def named_countries(doc: Doc, cands: list[Candidate]) -> set[str]:
    """The countries a text names, by name or by their people ("the Libyan health ministry")."""
    from frontlines.actors.dictionary import nationalities  # a nationality's country is the actors' data

    adjectives = nationalities()
    return {e.country_code for c in cands for e in c.entries if e.feature == "country" and e.country_code} | {
        adjectives[t.lower_] for t in doc if t.lower_ in adjectives}


def first_owners(cands: list[Candidate], towns_by_end: dict[int, Choice], towns_by_sentence: dict[int, list[Choice]],
                 text: str) -> dict[str, tuple[int, Entry]]:
    """For each name the text once calls a town's ("In Malmö's Rosengård") or names in a sentence that opens
    with a town ("In Nouakchott, ... gathered in the Sebkha and Arafat districts", `fronted_town`), where it
    first did so and that town: its later mentions alone stand there too (not earlier ones: "protesters
    gathered in Tahrir Square ... The square shares its name with Cairo's Tahrir Square")."""
    owners: dict[str, tuple[int, Entry]] = {}
    for c in cands:
        town = owner_town(c, towns_by_end, text) or fronted_town(c, towns_by_sentence, text)
        if town is not None:
            owners.setdefault(name_key(c.span.text), (c.span.start, town))
    return owners


def without_article(name: str) -> str:
    """A name without an Arabic article written before it in lower case: "al-Mawasi" → "Mawasi"."""
    head, dash, rest = name.partition("-")
    return rest if dash and head in ARABIC_ARTICLES else name


def group(chosen: list[Choice]) -> list[Place]:
    """One Place per chosen entry, its mentions in text order, ids in order of first mention."""
    by_key: dict[tuple, list[Choice]] = defaultdict(list)
    for ch in sorted(chosen, key=lambda ch: ch.cand.span.start):
        key = (ch.entry.row,) if ch.entry.row >= 0 else ("site", name_key(ch.entry.name))
        by_key[key].append(ch)
    places = []
    for n, group_ in enumerate(by_key.values(), start=1):
        e = group_[0].entry
        places.append(Place(
            id=f"p{n}", name=e.name, lat=e.lat, lon=e.lon, feature=REPORT_FEATURE.get(e.feature, "region"),
            geonameid=e.geonameid, country_code=e.country_code, admin1=e.admin1,
            confidence=max(ch.confidence for ch in group_), mentions=[ch.cand.span for ch in group_]))
    return places
