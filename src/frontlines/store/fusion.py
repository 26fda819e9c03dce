"""Fusing reports of one event: two sources that tell of the same event (same type and actors, a
place within a few km, dates within their precision) share a fused id, given when an event is
written, so that reading the store never has to compare events with each other."""
from __future__ import annotations

import math
from datetime import date

from frontlines.context import EARTH_RADIUS_KM
from frontlines.places.resolve import km

FUSE_KM = 5.0
PRECISION_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
KEY_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2")
MATCH_FIELDS = (*KEY_FIELDS, "lat", "lon", "event_date", "date_precision", "fused_id", "doc_id", "event_id")


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


def assign_fused_ids(events: list[dict], stored: dict[tuple, list[dict]],
                     pending: dict[tuple, list[dict]] | None = None) -> None:
    """Give each of a document's events (dicts of MATCH_FIELDS) the fused id of an event it
    reports: one `stored` (as `stored_candidates` found them), or `pending` (written in the same
    batch, not yet stored; by `fusion_key`), taken in date order as if all were stored; else an
    earlier one of its own; else a new id."""
    pending = pending or {}
    for n, event in enumerate(events):
        alike = (e for e in pending.get(fusion_key(event), ()) if may_report(e, event))
        others = sorted([*stored.get(event_key(event), ()), *alike],
                        key=lambda e: (e["event_date"] or date.min, e["doc_id"], e["event_id"]))
        home = next((e for e in [*others, *events[:n]] if same_event(e, event)), None)
        event["fused_id"] = home["fused_id"] if home else new_fused_id(event["doc_id"], event["event_id"])


def fusion_key(event: dict) -> tuple:
    """What reports of one event share: type and actors (KEY_FIELDS)."""
    return tuple(event[k] for k in KEY_FIELDS)


def event_key(event: dict) -> tuple:
    """An event's document and id."""
    return event["doc_id"], event["event_id"]


def may_report(a: dict, b: dict) -> bool:
    """What `stored_candidates` asks: another document, the same type and actors, dated within a
    year (or both undated)."""
    if a["doc_id"] == b["doc_id"] or any(a[k] != b[k] for k in KEY_FIELDS):
        return False
    if a["event_date"] is None or b["event_date"] is None:
        return a["event_date"] is None and b["event_date"] is None
    return abs((a["event_date"] - b["event_date"]).days) <= PRECISION_DAYS["year"]


def stored_candidates(db, events: list[dict]) -> dict[tuple, list[dict]]:
    """For each event (by `event_key`), the stored events of other documents that may report it
    (`same_event` asks the rest): the same type and actors, a latitude within FUSE_KM, dates within
    their precision (or both undated).  One query a batch."""
    events = [e for e in events if e["lat"] is not None]  # an event without a place fuses with none
    if not events:
        return {}
    # one list a column, unnested: a VALUES list of a thousand `?` takes DuckDB longer to plan than to run
    keys = ", ".join(f"unnest(?::VARCHAR[]) AS {k}" for k in KEY_FIELDS)
    params = [list(range(len(events))), *([e[k] for e in events] for k in KEY_FIELDS),
              *([e[k] for e in events] for k in ("event_date", "date_precision", "lat", "doc_id"))]
    same_keys = " AND ".join(f"e.{k} IS NOT DISTINCT FROM k.{k}" for k in KEY_FIELDS)
    # the join reads only the type, actors and latitude, for every stored row, and names the rows
    # it found; their dates are then compared, and the other fields read, by row id (reading every
    # field in the join took a third longer at a million events, the largest part of writing a
    # batch; the dates and their precision in the join, 10 ms more warm: the precision is a string
    # stored uncompressed)
    cursor = db.execute(f"""
        WITH k AS (SELECT unnest(?::INTEGER[]) AS n, {keys}, unnest(?::DATE[]) AS day,
                          unnest(?::VARCHAR[]) AS precision, unnest(?::DOUBLE[]) AS lat, unnest(?::VARCHAR[]) AS doc_id),
             near AS MATERIALIZED (
                 SELECT k.n, e.rowid AS row, k.day, k.precision, k.doc_id AS asker FROM k
                 JOIN events e ON {same_keys} AND abs(e.lat - k.lat) <= {LAT_SLACK}),
             found AS MATERIALIZED (
                 SELECT near.n, near.row, near.asker FROM near JOIN events e ON e.rowid = near.row
                 WHERE (near.day IS NULL AND e.event_date IS NULL)
                       OR abs(e.event_date - near.day) <= greatest({days("e.date_precision")}, {days("near.precision")}) - 1)
        SELECT found.n, {", ".join("e." + f for f in MATCH_FIELDS)}
        FROM found JOIN events e ON e.rowid = found.row WHERE e.doc_id <> found.asker
        ORDER BY found.n, e.event_date, e.doc_id, e.event_id""", params)
    found: dict[tuple, list[dict]] = {}
    for n, *values in cursor.fetchall():
        found.setdefault(event_key(events[n]), []).append(dict(zip(MATCH_FIELDS, values)))
    return found


# Degrees of latitude two points FUSE_KM apart can differ by at most (a great circle is at least
# as long as its north-south part), with a little to spare for rounding.
LAT_SLACK = math.degrees(FUSE_KM / EARTH_RADIUS_KM) * 1.01


def days(precision: str) -> str:
    """SQL of PRECISION_DAYS for a column of date precisions (1 for others, as `slack_days`)."""
    cases = " ".join(f"WHEN '{name}' THEN {n}" for name, n in PRECISION_DAYS.items())
    return f"(CASE {precision} {cases} ELSE 1 END)"


def fuse_stored_events(db) -> None:
    """Migration step: fuse the events of a database written before events were fused on
    writing, in date order, each joining the latest fused event it reports."""
    cursor = db.execute(f"SELECT {', '.join(MATCH_FIELDS)} FROM events "
                        "ORDER BY event_date NULLS LAST, doc_id, event_id")
    from frontlines.store import insert_rows

    names = [d[0] for d in cursor.description]
    fused: list[dict] = []
    ids = []
    for row in (dict(zip(names, r)) for r in cursor.fetchall()):
        home = next((f for f in reversed(fused[-200:]) if same_event(f, row)), None)
        row["fused_id"] = home["fused_id"] if home else new_fused_id(row["doc_id"], row["event_id"])
        if home is None:
            fused.append(row)
        ids.append([row["doc_id"], row["event_id"], row["fused_id"]])
    db.execute("CREATE TEMP TABLE fused_ids (doc_id VARCHAR, event_id VARCHAR, fused_id VARCHAR)")
    insert_rows(db, "fused_ids", ids)  # one UPDATE for the lot, not one a row
    db.execute("""UPDATE events SET fused_id = f.fused_id FROM fused_ids f
                  WHERE events.doc_id = f.doc_id AND events.event_id = f.event_id""")
    db.execute("DROP TABLE fused_ids")


def as_date(value) -> date | None:
    """A date from the ISO string or date a report gives."""
    return date.fromisoformat(value[:10]) if isinstance(value, str) and len(value) >= 10 else \
        value if isinstance(value, date) else None
