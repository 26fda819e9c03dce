"""Questions asked of the store: events (fused across sources) and who held what on a day."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from frontlines.places.resolve import km
from frontlines.store import Store

FUSE_KM = 5.0
PRECISION_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}


@dataclass
class EventFilter:
    """Which events to return; every field optional."""

    start: str | None = None
    end: str | None = None
    country: str | None = None
    event_type: str | None = None
    actor: str | None = None
    text: str | None = None

    def where(self) -> tuple[str, list]:
        """A WHERE clause with bound parameters."""
        parts, params = ["factuality IN ('asserted', 'reported')"], []
        for column, op, value in (("event_date", ">=", self.start), ("event_date", "<=", self.end),
                                  ("country_code", "=", self.country), ("event_type", "=", self.event_type)):
            if value:
                parts.append(f"{column} {op} ?")
                params.append(value.upper() if column == "country_code" else value)
        if self.actor:
            parts.append("(actor1 ILIKE ? OR actor2 ILIKE ?)")
            params += [f"%{self.actor}%"] * 2
        if self.text:
            parts.append("(evidence ILIKE ? OR place_name ILIKE ?)")
            params += [f"%{self.text}%"] * 2
        return " AND ".join(parts), params


@dataclass
class FusedEvent:
    """One event as reported by one or more sources."""

    first: dict
    sources: list[dict] = field(default_factory=list)

    @property
    def key(self) -> str:
        """A stable id: the first source's document and event ids."""
        return f'{self.first["doc_id"][:12]}-{self.first["event_id"]}'


def same_event(a: dict, b: dict) -> bool:
    """Two reports of one event: type, actors, a place within a few km, dates within their precision."""
    if (a["event_type"], a["sub_event_type"], a["actor1"], a["actor2"]) != \
            (b["event_type"], b["sub_event_type"], b["actor1"], b["actor2"]):
        return False
    if a["lat"] is None or b["lat"] is None or km((a["lat"], a["lon"]), (b["lat"], b["lon"])) > FUSE_KM:
        return False
    if a["event_date"] is None or b["event_date"] is None:
        return a["event_date"] == b["event_date"]
    slack = max(PRECISION_DAYS.get(a["date_precision"], 1), PRECISION_DAYS.get(b["date_precision"], 1)) - 1
    return abs((a["event_date"] - b["event_date"]).days) <= slack


def fused_events(store: Store, where: EventFilter | None = None, limit: int | None = None,
                 offset: int = 0) -> list[FusedEvent]:
    """Events matching the filter, reports of the same event fused, in date order."""
    clause, params = (where or EventFilter()).where()
    rows = store.rows(f"""SELECT e.*, d.source, d.title, d.url, d.published FROM events e
                          JOIN documents d ON d.id = e.doc_id WHERE {clause}
                          ORDER BY event_date NULLS LAST, doc_id, event_id""", params)
    fused: list[FusedEvent] = []
    for row in rows:
        home = next((f for f in reversed(fused[-200:]) if same_event(f.first, row)), None)
        if home is None:
            fused.append(FusedEvent(row, [row]))
        else:
            home.sources.append(row)
    return fused[offset:offset + limit if limit else None]


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
    sql = """SELECT c.*, d.source, d.title FROM control c JOIN documents d ON d.id = c.doc_id
             WHERE coalesce(c.since, c.as_of) <= ? OR (c.since IS NULL AND c.as_of IS NULL AND d.published <= ?)"""
    if country:
        sql = f"SELECT * FROM ({sql}) WHERE country_code = ?"
        params.append(country.upper())
    latest: dict[tuple, list[dict]] = {}
    for row in store.rows(sql, params):
        key = place_key(row)
        have = latest.get(key)
        if have is None or (claim_day(row) or date.min) > (claim_day(have[0]) or date.min):
            latest[key] = [row]
        elif (claim_day(row) or date.min) == (claim_day(have[0]) or date.min):
            have.append(row)
    out = []
    for rows in latest.values():
        holders = {r["controller"] for r in rows}
        for holder in sorted(holders, key=str):
            evidence = [r for r in rows if r["controller"] == holder]
            out.append({**evidence[0], "disputed": len(holders) > 1, "sources": evidence})
    return sorted(out, key=lambda r: (r["country_code"] or "", r["place_name"] or ""))


def timeline(store: Store, place: str) -> list[dict]:
    """Every claim about the places of that name (or GeoNames id), oldest first, each with the
    source that makes it; claims of one day that name different holders are marked disputed."""
    rows = store.rows("""SELECT c.*, d.source, d.title FROM control c JOIN documents d ON d.id = c.doc_id
                         WHERE c.place_name ILIKE ? OR CAST(c.geonameid AS VARCHAR) = ?
                         ORDER BY coalesce(c.since, c.as_of) NULLS FIRST, doc_id, claim_no""", [place, place])
    for row in rows:
        same_day = {r["controller"] for r in rows if place_key(r) == place_key(row) and claim_day(r) == claim_day(row)}
        row["disputed"] = len(same_day) > 1
    return rows
