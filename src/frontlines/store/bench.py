"""`frontlines bench --store N`: the store's queries timed on a generated database of N events.

The database is made by DuckDB itself from `range()`, with the shape of a real corpus (five
events a document, one in ten reported twice, control claims on a few thousand places over ten
years), so building 100,000 events takes seconds.
"""
from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from frontlines.store import Store, derived
from frontlines.store.queries import EventFilter, control_as_of, count_fused_events, fused_events, timeline

RUNS = 5
TARGET_MS = 200
TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
         "Strategic developments"]
ACTORS = [f"Armed group {n}" for n in range(40)] + ["Military Forces of Syria", "Wagner Group", "Islamic State"]
COUNTRIES = ["SY", "IQ", "UA", "SD", "ML", "MM", "SO", "KE", "LY", "YE"]
PLACES = 3000


@dataclass
class StoreFigures:
    """Median milliseconds of each query, with the rows it returned."""

    events: int
    build_seconds: float
    queries: dict[str, tuple[float, int]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """The figures for --json."""
        return {"events": self.events, "build_seconds": round(self.build_seconds, 1), "target_ms": TARGET_MS,
                "queries": {name: {"median_ms": round(ms, 1), "rows": rows} for name, (ms, rows) in self.queries.items()}}

    def table(self) -> str:
        """The figures for people."""
        lines = [f"store of {self.events} events (built in {self.build_seconds:.1f} s); median of {RUNS} runs; "
                 "last column: rows (or what the query counts)"]
        for name, (ms, rows) in self.queries.items():
            mark = "" if ms <= TARGET_MS or name.startswith("export") else f"  (over {TARGET_MS} ms)"
            lines.append(f"  {name:<46} {ms:8.1f} ms  {rows:7d}{mark}")
        return "\n".join(lines)


def bench_store(events: int) -> StoreFigures:
    """Build a store of `events` events in a temporary folder and time the queries on it."""
    with tempfile.TemporaryDirectory(prefix="frontlines-bench-") as folder:
        path = Path(folder) / "bench.duckdb"
        start = time.perf_counter()
        with Store(path) as store:
            fill(store, events)
        figures = StoreFigures(events, time.perf_counter() - start)
        with Store(path, read_only=True) as store:
            for name, query in queries(store).items():
                figures.queries[name] = timed(query)
    return figures


def queries(store: Store) -> dict[str, Callable[[], int]]:
    """The questions an analyst or the web app asks, each returning how many rows it got."""
    from frontlines.web import views

    place = store.rows("SELECT place_name FROM control LIMIT 1")[0]["place_name"]
    a_year = EventFilter(start="2020-01-01", end="2020-12-31", country="SY")
    return {
        "events: first page of 100 (the map opening)": lambda: len(fused_events(store, limit=100)),
        "events: page 50 of 100": lambda: len(fused_events(store, limit=100, offset=4900)),
        "events: one country, one year, up to 500": lambda: len(fused_events(store, a_year, limit=500)),
        "events: actor name search, up to 500": lambda: len(fused_events(store, EventFilter(actor="wagner"), limit=500)),
        "events: text search, up to 500": lambda: len(fused_events(store, EventFilter(text="shelled"), limit=500)),
        "events: count for paging (the count)": lambda: count_fused_events(store, a_year),
        "control: as of a day": lambda: len(control_as_of(store, "2020-06-01")),
        "control: as of a day, one country": lambda: len(control_as_of(store, "2020-06-01", "UA")),
        "control: one place's timeline": lambda: len(timeline(store, place)),
        "web API: /api/events, first page of 500": lambda: api_events(store),
        "web API: /api/control as of a day": lambda: len(views.control_collection(store, "2020-06-01", None)["features"]),
        "web API: /api/stats (days with news)": lambda: len(views.stats(store)["key_days"]),
        "export: every event (not a query; no target)": lambda: len(fused_events(store)),
    }


def api_events(store: Store) -> int:
    """What GET /api/events does, JSON included."""
    from frontlines.web import views

    page = views.events_page(store, EventFilter(), 500, 0)
    json.dumps(page, default=str)
    return len(page["features"])


def timed(query: Callable[[], int]) -> tuple[float, int]:
    """Median milliseconds over RUNS runs after one warm-up, and the rows returned."""
    rows = query()
    runs = []
    for _ in range(RUNS):
        start = time.perf_counter()
        query()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), rows


def fill(store: Store, events: int) -> None:
    """Documents, events (one in ten fused with the one before) and control claims (one in fifty
    undated), made in SQL."""
    first_day = date(2015, 1, 1).isoformat()
    db = store.db
    db.execute("""INSERT INTO documents SELECT 'doc' || i, md5(i::VARCHAR), 'Report ' || i, 'Outlet ' || (i % 25),
                  NULL, DATE '2015-01-01' + (hash(i) % 3650)::INTEGER, NULL, 'bench', now(), 'generated', '{}'
                  FROM range(?) t(i)""", [events // 5 + 1])
    first = "(i - CASE WHEN i % 10 = 1 THEN 1 ELSE 0 END)"  # a second report has its event's type and actors
    db.execute(f"""INSERT INTO events SELECT 'doc' || (i // 5), 'e' || (i % 5), {pick(TYPES, first)}, 'Armed clash', NULL,
                   {pick(ACTORS, first)}, 'state', {pick(ACTORS, first + ' // 7')}, 'rebel', [], 'Place ' || (i % {PLACES}),
                   i % {PLACES}, 10 + (i % {PLACES}) / 100, 30 + (i % {PLACES}) / 150, {pick(COUNTRIES, 'i % 97')},
                   NULL, 'city', DATE '{first_day}' + (hash(i // 2) % 3650)::INTEGER, 'day', (i % 13)::INTEGER,
                   'reported', 0.8, 'Fighters shelled Place ' || (i % {PLACES}) || ' on Tuesday.', 0, 40,
                   'f' || {first} FROM range(?) t(i)""", [events])
    db.execute(f"""INSERT INTO control SELECT 'doc' || (i * 2 // 5), i, 'Place ' || (i % {PLACES}), i % {PLACES},
                   10 + (i % {PLACES}) / 100, 30 + (i % {PLACES}) / 150, {pick(COUNTRIES, '(i % ' + str(PLACES) + ') % 97')},
                   'city', {pick(ACTORS, 'i // 3')}, 'state', NULL, 'controlled',
                   CASE WHEN i % 50 = 7 THEN NULL ELSE DATE '{first_day}' + (hash(i) % 3650)::INTEGER END,
                   NULL, NULL, 'They hold it.', 0, 13
                   FROM range(?) t(i)""", [events // 2])
    derived.rebuild(db)


def pick(values: list[str], index: str) -> str:
    """A SQL expression choosing one of `values` by an integer expression."""
    quoted = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    return f"[{quoted}][1 + (({index}) % {len(values)})::INTEGER]"
