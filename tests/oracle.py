"""The store's queries as they were before the writer kept derived tables (issue #17): each
request computed everything from the events, control and documents tables.  Slow on a large
corpus, plainly right; `test_api_answers` checks the fast queries against them."""
from __future__ import annotations

from dataclasses import replace

from frontlines.model import HAPPENED
from frontlines.places.gazetteer import geonames_countries
from frontlines.store import Store
from frontlines.store.queries import CLAIMS, EventFilter, FusedEvent


def where_sql(where: EventFilter) -> tuple[str, list]:
    """The filter's WHERE clause, words matched as they always were: each column lowered and searched
    (not the stored search text, nor the text index)."""
    clause, params = replace(where, text=None, candidates=None).where()
    if where.text:
        clause += " AND (contains(lower(evidence), lower(?)) OR contains(lower(place_name), lower(?)))"
        params += [where.text] * 2
    return clause, params


def fused_events(store: Store, where: EventFilter | None = None, limit: int | None = None,
                 offset: int = 0) -> list[FusedEvent]:
    """Events matching the filter, fused, in date order (grouping every matching row)."""
    clause, params = where_sql(where or EventFilter())
    page = "LIMIT ? OFFSET ?" if limit else "OFFSET ?"
    params += [limit, offset] if limit else [offset]
    rows = store.rows(f"""
        WITH matching AS (SELECT e.* EXCLUDE (search_text), d.source, d.title, d.url, d.published, d.ingested_at FROM events e
                          JOIN documents d ON d.id = e.doc_id WHERE {clause}),
             page AS (SELECT fused_id, min(event_date) AS day FROM matching GROUP BY fused_id
                      ORDER BY day NULLS LAST, fused_id {page})
        SELECT matching.* FROM matching JOIN page USING (fused_id)
        ORDER BY page.day NULLS LAST, fused_id, event_date NULLS LAST, doc_id, event_id""", params)
    fused: dict[str, FusedEvent] = {}
    for row in rows:
        fused.setdefault(row["fused_id"], FusedEvent(row)).sources.append(row)
    return list(fused.values())


def count_fused_events(store: Store, where: EventFilter | None = None) -> int:
    """How many fused events match the filter."""
    clause, params = where_sql(where or EventFilter())
    return store.rows(f"SELECT count(DISTINCT fused_id) AS n FROM events e JOIN documents d ON d.id = e.doc_id "
                      f"WHERE {clause}", params)[0]["n"]


def fused_page(store: Store, where: EventFilter, limit: int, offset: int = 0) -> tuple[list[FusedEvent], int]:
    """A page of fused events and how many match in all."""
    return fused_events(store, where, limit, offset), count_fused_events(store, where)


def density(store: Store, where: EventFilter, cell: float) -> list[dict]:
    """How many fused events match in each square of `cell` degrees, from the events table alone
    (neither fused_events nor the text index), within the filter's box: where only what every report
    of a fused event shares is asked besides (its type, actors), each fused event at its first
    report's point (by date, undated last, then document and id); else each counted once a square
    it has matching reports in, at the mean of their points."""
    box, where = where.bbox, replace(where, bbox=None)  # (the box is of the points counted)
    clause, params = where_sql(where)
    if where.uniform():
        first = "(event_date IS NULL, event_date, doc_id, event_id)"
        rows = f"""(SELECT fused_id, arg_min(lat, {first}) AS lat, arg_min(lon, {first}) AS lon
                    FROM events e WHERE {clause} GROUP BY fused_id)"""
    else:
        rows = f"(SELECT fused_id, lat, lon FROM events e WHERE {clause})"
    inside = ""
    if box:
        inside = " AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?"
        params += [box[0], box[2], box[1], box[3]]
    return store.rows(f"""SELECT avg(lat) AS lat, avg(lon) AS lon, count(DISTINCT fused_id) AS n FROM {rows} r
                          WHERE lat IS NOT NULL AND lon IS NOT NULL{inside}
                          GROUP BY floor(lat / ?), floor(lon / ?) ORDER BY n DESC""", [*params, cell, cell])


def control_as_of(store: Store, day: str, country: str | None = None) -> list[dict]:
    """Who held each place on `day` (a window over every claim)."""
    params: list = [day, day]
    country_clause = ""
    if country:
        country_clause, params = "AND c.country_code = ?", [*params, country.upper()]
    rows = store.rows(f"""
        WITH claims AS (
            SELECT c.*, d.source, d.title, d.published, coalesce(c.since, c.as_of, DATE '0001-01-01') AS claim_day,
                   coalesce(CAST(c.geonameid AS VARCHAR), printf('%.2f,%.2f', c.lat, c.lon)) AS place_key
            FROM {CLAIMS} c JOIN documents d ON d.id = c.doc_id
            WHERE (coalesce(c.since, c.as_of) <= ? OR (c.since IS NULL AND c.as_of IS NULL AND d.published <= ?))
                  {country_clause})
        SELECT * FROM claims QUALIFY claim_day = max(claim_day) OVER (PARTITION BY place_key)
        ORDER BY place_key, doc_id, claim_no, event_id""", params)
    latest: dict[str, list[dict]] = {}
    for row in rows:
        latest.setdefault(row["place_key"], []).append(row)
    out = []
    for claims in latest.values():
        holders = {r["controller"] for r in claims}
        for holder in sorted(holders, key=str):
            evidence = [r for r in claims if r["controller"] == holder]
            out.append({**evidence[0], "disputed": len(holders) > 1, "sources": evidence})
    return sorted(out, key=lambda r: (r["country_code"] or "", r["place_name"] or ""))


def stats(store: Store) -> dict:
    """What the corpus holds (aggregating every row)."""
    happened = list(HAPPENED)
    days = [r["day"] for r in store.rows(
        """SELECT DISTINCT day FROM (
             SELECT event_date AS day FROM events WHERE factuality IN (?, ?)
             UNION SELECT coalesce(since, as_of) FROM control) WHERE day IS NOT NULL ORDER BY day""", happened)]
    countries = geonames_countries()
    by_country = store.rows("""SELECT country_code, count(*) AS n FROM events WHERE factuality IN (?, ?)
                               AND country_code IS NOT NULL GROUP BY 1 ORDER BY 1""", happened)
    return {
        "counts": {**store.counts(), "fused_events": count_fused_events(store)},
        "first_day": str(days[0]) if days else None, "last_day": str(days[-1]) if days else None,
        "key_days": [str(d) for d in days],
        "countries": [{"code": r["country_code"], "name": countries.get(r["country_code"], {}).get("name"),
                       "events": r["n"]} for r in by_country],
        "event_types": store.rows("""SELECT event_type AS name, count(*) AS events FROM events
                                     WHERE factuality IN (?, ?) GROUP BY 1 ORDER BY 1""", happened),
        "actors": store.rows("""SELECT name, count(*) AS events FROM (
                                  SELECT actor1 AS name FROM events WHERE factuality IN (?, ?)
                                  UNION ALL SELECT actor2 FROM events WHERE factuality IN (?, ?))
                                WHERE name IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1""", happened * 2),
    }


def control_feature(row: dict) -> dict:
    """A control answer as a GeoJSON feature (built in Python, as before the JSON was written in SQL)."""
    from frontlines.store.export import control_properties
    from frontlines.web.views import iso_dates, place_id, point

    props = iso_dates(control_properties(row))
    props.update(place_id=place_id(row), controller_kind=row["controller_kind"], feature=row["feature"],
                 contested=bool(row["disputed"]) or row["status"] == "contested")
    for item, source in zip(props["evidence"], row["sources"]):
        item.update(title=source["title"], evidence_start=source["evidence_start"],
                    evidence_end=source["evidence_end"])
    return {"type": "Feature", "geometry": point(row["lat"], row["lon"]), "properties": props}


def control_collection(store: Store, day: str, country: str | None) -> str:
    """Who held each place on `day`, as the JSON text of a FeatureCollection."""
    import json

    features = [control_feature(r) for r in control_as_of(store, day, country)]
    return json.dumps({"type": "FeatureCollection", "features": features, "as_of": day})
