"""Questions asked of the store: events (fused across sources) and who held what on a day."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from frontlines.store import Store
from frontlines.store.filters import contains

# Every claim of who holds a place: the control table, and the captures stored only as events (an
# article keeps only a place's latest holder among its claims, so "rebels seized Kidal in 2014"
# before "the army took Kidal on Tuesday" reaches the timeline through its event).
CLAIMS = """(
    SELECT * FROM control
    UNION ALL
    SELECT e.doc_id, NULL, e.place_name, e.geonameid, e.lat, e.lon, e.country_code, e.feature, e.actor1,
           e.actor1_kind, e.actor2, 'controlled', e.event_date, e.event_date, e.event_id, e.evidence,
           e.evidence_start, e.evidence_end
    FROM events e
    WHERE e.sub_event_type IN ('Government regains territory', 'Non-state actor overtakes territory')
          AND e.factuality IN ('asserted', 'reported') AND e.actor1 IS NOT NULL AND e.lat IS NOT NULL
          AND e.event_date IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM control k WHERE k.doc_id = e.doc_id AND k.event_id = e.event_id))"""


@dataclass
class EventFilter:
    """Which events to return; every field optional."""

    start: str | None = None
    end: str | None = None
    country: str | None = None
    event_type: str | None = None
    actor: str | None = None
    text: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    place: str | None = None  # a GeoNames id, or "@" and the name of a place without one
    fused_id: str | None = None

    def where(self) -> tuple[str, list]:
        """A WHERE clause with bound parameters."""
        parts, params = ["factuality IN ('asserted', 'reported')"], []
        for column, op, value in (("event_date", ">=", self.start), ("event_date", "<=", self.end),
                                  ("country_code", "=", self.country), ("event_type", "=", self.event_type)):
            if value:
                parts.append(f"{column} {op} ?")
                params.append(value.upper() if column == "country_code" else value)
        if self.actor:
            names = actor_names(self.actor)  # "ISIS" is stored as "Islamic State"
            marks = ",".join("?" * len(names)) or "NULL"
            parts.append(f"(actor1 ILIKE ? ESCAPE '\\' OR actor2 ILIKE ? ESCAPE '\\' "
                         f"OR actor1 IN ({marks}) OR actor2 IN ({marks}))")
            params += [contains(self.actor)] * 2 + names * 2
        if self.text:
            parts.append("(evidence ILIKE ? ESCAPE '\\' OR place_name ILIKE ? ESCAPE '\\')")
            params += [contains(self.text)] * 2
        if self.bbox:
            parts.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
            params += [self.bbox[0], self.bbox[2], self.bbox[1], self.bbox[3]]
        if self.place:
            by_name = self.place.startswith("@")
            parts.append("geonameid IS NULL AND place_name = ?" if by_name else "geonameid = ?")
            params.append(self.place[1:] if by_name else int(self.place))
        if self.fused_id:
            parts.append("fused_id = ?")
            params.append(self.fused_id)
        return " AND ".join(parts), params


def actor_names(text: str) -> list[str]:
    """The canonical names that the actor dictionary gives `text` as a name or alias."""
    from frontlines.actors.dictionary import load_dictionary

    folded = text.casefold()
    return sorted(e.name for e in load_dictionary().entries.values()
                  if folded in {a.casefold() for a in [e.name, *e.aliases]})


def place_ids(name: str) -> list[int]:
    """The GeoNames ids a place name can stand for, spellings folded as the extractor folds
    them ("Raqqa" → Ar Raqqah's id)."""
    from frontlines.places import load

    return sorted({e.geonameid for entries in load().by_name([name]).values() for e in entries if e.geonameid})


@dataclass
class FusedEvent:
    """One event as reported by one or more sources."""

    first: dict
    sources: list[dict] = field(default_factory=list)

    @property
    def key(self) -> str:
        """A stable id: the first report's document and event ids."""
        return self.first["fused_id"]


def fused_events(store: Store, where: EventFilter | None = None, limit: int | None = None,
                 offset: int = 0) -> list[FusedEvent]:
    """Events matching the filter, reports of the same event fused, in date order; a page of them
    with `limit` and `offset`.  A fused event lists the reports that match the filter."""
    clause, params = (where or EventFilter()).where()
    page = "LIMIT ? OFFSET ?" if limit else "OFFSET ?"
    params += [limit, offset] if limit else [offset]
    rows = store.rows(f"""
        WITH matching AS (SELECT e.*, d.source, d.title, d.url, d.published, d.ingested_at FROM events e
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
    """How many fused events match the filter (for paging)."""
    clause, params = (where or EventFilter()).where()
    return store.rows(f"SELECT count(DISTINCT fused_id) AS n FROM events e JOIN documents d ON d.id = e.doc_id "
                      f"WHERE {clause}", params)[0]["n"]


def place_key(row: dict) -> tuple:
    """One place across documents: its GeoNames id, else its point."""
    return (row["geonameid"],) if row["geonameid"] is not None else (round(row["lat"], 2), round(row["lon"], 2))


def claim_day(row: dict) -> date | None:
    """When a claim takes effect: its change date, else the date it speaks of."""
    return row["since"] or row["as_of"]


def control_as_of(store: Store, day: str, country: str | None = None) -> list[dict]:
    """Who held each place on `day`: the latest claims on or before it, with their evidence.
    Where sources name different holders on that latest day, each is returned with
    status "disputed" beside its own, so the conflict shows."""
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


def timeline(store: Store, place: str) -> list[dict]:
    """Every claim about one place of that name (or GeoNames id), oldest first, each with the
    source that makes it; claims of one day that name different holders are marked disputed.
    A name that stands for several places (a city and its province) gives the first of
    `places_named`."""
    return timeline_and_others(store, place)[0]


def timeline_and_others(store: Store, place: str) -> tuple[list[dict], list[dict]]:
    """The timeline of the place a name stands for, and the other places of that name that the
    corpus has claims about (one row each, for "did you mean")."""
    ids = place_ids(place)
    rows = store.rows(f"""SELECT c.*, d.source, d.title, d.published FROM {CLAIMS} c JOIN documents d ON d.id = c.doc_id
                         WHERE lower(c.place_name) = lower(?) OR CAST(c.geonameid AS VARCHAR) = ?
                               OR c.geonameid IN ({",".join("?" * len(ids)) or "NULL"})
                         ORDER BY coalesce(c.since, c.as_of) NULLS FIRST, doc_id, claim_no, event_id""",
                      [place, place, *ids])
    ranked = places_named(rows, place)
    chosen = [r for r in rows if ranked and place_key(r) == place_key(ranked[0])]
    for row in chosen:
        same_day = {r["controller"] for r in chosen if claim_day(r) == claim_day(row)}
        row["disputed"] = len(same_day) > 1
    return chosen, ranked[1:]


def places_named(rows: list[dict], place: str) -> list[dict]:
    """One row for each place among claims, best first: the place whose own name (or id) is the
    one asked for, then a town before a division named like it (as the extractor prefers the
    city of Deir ez-Zor to its province), then the place with most claims."""
    by_place: dict[tuple, list[dict]] = {}
    for row in rows:
        by_place.setdefault(place_key(row), []).append(row)

    def rank(claims: list[dict]) -> tuple:
        first = claims[0]
        exact = (first["place_name"] or "").casefold() == place.casefold() or str(first["geonameid"]) == place
        return (not exact, first["feature"] not in ("city", "site"), -len(claims))

    return [{**claims[0], "claims": len(claims)} for claims in sorted(by_place.values(), key=rank)]
