"""Events and control out of the store: ACLED-style CSV, GeoJSON (for QGIS), JSON Lines, Parquet."""
from __future__ import annotations

import csv
import hashlib
import io
import json
from frontlines.places.gazetteer import geonames_countries
from frontlines.store.queries import FusedEvent

ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp"]
INTER = {"state_forces": 1, "rebel_group": 2, "political_militia": 3, "identity_militia": 4, "rioters": 5,
         "protesters": 6, "civilians": 7, "external_forces": 8, "other": 0}
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Protests": "Demonstrations",
            "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# ACLED's geo_precision from how the place was found: 1 the town itself; 2 near it or part of a
# region (a site the gazetteer lacks, placed at the town named beside it; a district); 3 a larger
# region, placed at its centre (a province, a named region or river, a country).
GEO_PRECISION = {"city": 1, "site": 2, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
CONTINENTS = {"AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America", "SA": "South America",
              "OC": "Oceania", "AN": "Antarctica"}


def acled_row(fused: FusedEvent) -> dict:
    """One fused event as a row of ACLED's export columns; its id and timestamp are the same in
    every export (the id comes from the fused event's, the timestamp is when it was stored)."""
    e = fused.first
    country = geonames_countries().get(e["country_code"] or "", {})
    inter1, inter2 = INTER.get(e["actor1_kind"] or "other", 0), INTER.get(e["actor2_kind"] or "", 0)
    day = e["event_date"]
    return {
        "event_id_cnty": f'{country.get("iso3", "XXX")}{stable_number(fused.key)}', "event_date": day.isoformat() if day else "",
        "year": day.year if day else "", "time_precision": TIME_PRECISION.get(e["date_precision"], 3),
        "disorder_type": DISORDER.get(e["event_type"], ""), "event_type": e["event_type"],
        "sub_event_type": e["sub_event_type"], "actor1": e["actor1"] or "",
        "assoc_actor_1": "; ".join(e["assoc_actors"] or []), "inter1": inter1, "actor2": e["actor2"] or "",
        "assoc_actor_2": "", "inter2": inter2 if e["actor2"] else "",
        "interaction": int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if e["actor2"] else inter1 * 10,
        "civilian_targeting": "Civilian targeting" if e["actor2_kind"] == "civilians" else "",
        "iso": country.get("isonumeric", ""), "region": CONTINENTS.get(country.get("continentcode", ""), ""),
        "country": country.get("name", ""), "admin1": e["admin1"] or "", "admin2": "", "admin3": "",
        "location": e["place_name"] or "", "latitude": e["lat"], "longitude": e["lon"],
        "geo_precision": GEO_PRECISION.get(e["feature"] or "", 3),
        "source": "; ".join(sorted({s["source"] or s["doc_id"][:12] for s in fused.sources})),
        "source_scale": "", "notes": e["evidence"], "fatalities": max((s["fatalities"] or 0) for s in fused.sources),
        "tags": "", "timestamp": int(e["ingested_at"].timestamp()) if e.get("ingested_at") else "",
    }


def acled_rows(events: list[FusedEvent]) -> list[dict]:
    """ACLED rows, in date order."""
    return [acled_row(fused) for fused in events]


def stable_number(key: str) -> int:
    """A number for an id that stays the same across exports and filters (eight digits of a hash)."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:12], 16) % 100_000_000


def to_acled_csv(events: list[FusedEvent]) -> str:
    """ACLED's export columns, one row per fused event."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    writer.writerows(acled_rows(events))
    return out.getvalue()


def event_properties(fused: FusedEvent) -> dict:
    """The properties of a fused event, with every source's evidence."""
    e = fused.first
    return {
        "id": fused.key, "event_type": e["event_type"], "sub_event_type": e["sub_event_type"],
        "actor1": e["actor1"], "actor2": e["actor2"], "date": e["event_date"].isoformat() if e["event_date"] else None,
        "date_precision": e["date_precision"], "place": e["place_name"], "country_code": e["country_code"],
        "fatalities": max((s["fatalities"] or 0) for s in fused.sources),
        "sources": [{"document": s["doc_id"], "source": s["source"], "title": s["title"], "evidence": s["evidence"],
                     "factuality": s["factuality"]} for s in fused.sources],
    }


def to_geojson(features: list[tuple[float | None, float | None, dict]]) -> str:
    """A GeoJSON FeatureCollection from (lat, lon, properties); rows without a point are left out."""
    return json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}
        for lat, lon, props in features if lat is not None and lon is not None]}, ensure_ascii=False, default=str)


def events_geojson(events: list[FusedEvent]) -> str:
    """Fused events as GeoJSON points."""
    return to_geojson([(f.first["lat"], f.first["lon"], event_properties(f)) for f in events])


def events_jsonl(events: list[FusedEvent]) -> str:
    """Fused events as JSON Lines."""
    return "".join(json.dumps(event_properties(f), ensure_ascii=False, default=str) + "\n" for f in events)


def control_properties(row: dict) -> dict:
    """A control answer's properties with its evidence."""
    return {"place": row["place_name"], "country_code": row["country_code"], "controller": row["controller"],
            "status": "disputed" if row["disputed"] else row["status"], "since": row["since"], "as_of": row["as_of"],
            "reported": last_reported(row["sources"]),
            "evidence": [{"document": s["doc_id"], "source": s["source"], "sentence": s["evidence"]} for s in row["sources"]]}


def last_reported(sources: list[dict]) -> str | None:
    """The latest day the sources speak of (or, for a claim with no date, were published)."""
    days = [s["as_of"] or s["since"] or s.get("published") for s in sources]
    return str(max(d for d in days if d is not None)) if any(d is not None for d in days) else None


def control_geojson(rows: list[dict]) -> str:
    """Control answers as GeoJSON points."""
    return to_geojson([(r["lat"], r["lon"], control_properties(r)) for r in rows])


def control_csv(rows: list[dict]) -> str:
    """Control answers as CSV, one row per place and holder."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["place", "country_code", "latitude", "longitude", "controller", "status", "since", "as_of",
                     "last_reported", "source", "evidence"])
    for r in rows:
        props = control_properties(r)
        writer.writerow([props["place"], props["country_code"], r["lat"], r["lon"], props["controller"],
                         props["status"], props["since"] or "", props["as_of"] or "", props["reported"] or "",
                         r["source"] or "", r["evidence"]])
    return out.getvalue()
