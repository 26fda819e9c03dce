"""Fusing reports of one event: two sources that tell of the same event (same type and actors, a
place within a few km, dates within their precision) share a fused id, given when an event is
written, so that reading the store never has to compare events with each other."""
from __future__ import annotations

from datetime import date, timedelta

from frontlines.places.resolve import km

FUSE_KM = 5.0
PRECISION_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
KEY_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2")
MATCH_FIELDS = (*KEY_FIELDS, "lat", "lon", "event_date", "date_precision", "fused_id")


def same_event(a: dict, b: dict) -> bool:
    """Two reports of one event: type, actors, a place within a few km, dates within their precision."""
    if any(a[k] != b[k] for k in KEY_FIELDS):
        return False
    if a["lat"] is None or b["lat"] is None or km((a["lat"], a["lon"]), (b["lat"], b["lon"])) > FUSE_KM:
        return False
    if a["event_date"] is None or b["event_date"] is None:
        return a["event_date"] == b["event_date"]
    return abs((a["event_date"] - b["event_date"]).days) <= slack_days(a, b)


def slack_days(a: dict, b: dict) -> int:
    """How many days apart two reports of one event may date it."""
    return max(PRECISION_DAYS.get(a["date_precision"], 1), PRECISION_DAYS.get(b["date_precision"], 1)) - 1


def new_fused_id(doc_id: str, event_id: str) -> str:
    """The id of a fused event: its first report's document and event ids."""
    return f"{doc_id[:12]}-{event_id}"


def assign_fused_ids(db, doc_id: str, events: list[dict]) -> None:
    """Give each of a document's events (dicts of MATCH_FIELDS and event_id) the fused id of an
    event already stored, or of an earlier one of its own, that it reports; else a new id."""
    for n, event in enumerate(events):
        home = next((e for e in [*stored_candidates(db, doc_id, event), *events[:n]] if same_event(e, event)), None)
        event["fused_id"] = home["fused_id"] if home else new_fused_id(doc_id, event["event_id"])


def stored_candidates(db, doc_id: str, event: dict) -> list[dict]:
    """Stored events of other documents that could report `event`: same type and actors, dated
    within a year of it (the widest precision)."""
    sql = f"""SELECT {", ".join(MATCH_FIELDS)} FROM events
              WHERE doc_id <> ? AND {" AND ".join(f"{k} IS NOT DISTINCT FROM ?" for k in KEY_FIELDS)}"""
    params: list = [doc_id, *(event[k] for k in KEY_FIELDS)]
    day = event["event_date"]
    if day is None:
        sql += " AND event_date IS NULL"
    else:
        year = timedelta(days=PRECISION_DAYS["year"])
        sql += " AND event_date BETWEEN ? AND ?"
        params += [day - year, day + year]
    cursor = db.execute(sql + " ORDER BY event_date, doc_id, event_id", params)
    return [dict(zip(MATCH_FIELDS, row)) for row in cursor.fetchall()]


def fuse_stored_events(db) -> None:
    """Migration step: fuse the events of a database written before events were fused on
    writing, in date order, each joining the latest fused event it reports."""
    cursor = db.execute(f"SELECT doc_id, event_id, {', '.join(MATCH_FIELDS)} FROM events "
                        "ORDER BY event_date NULLS LAST, doc_id, event_id")
    names = [d[0] for d in cursor.description]
    fused: list[dict] = []
    for row in (dict(zip(names, r)) for r in cursor.fetchall()):
        home = next((f for f in reversed(fused[-200:]) if same_event(f, row)), None)
        row["fused_id"] = home["fused_id"] if home else new_fused_id(row["doc_id"], row["event_id"])
        if home is None:
            fused.append(row)
        db.execute("UPDATE events SET fused_id = ? WHERE doc_id = ? AND event_id = ?",
                   [row["fused_id"], row["doc_id"], row["event_id"]])


def as_date(value) -> date | None:
    """A date from the ISO string or date a report gives."""
    return date.fromisoformat(value[:10]) if isinstance(value, str) and len(value) >= 10 else \
        value if isinstance(value, date) else None
