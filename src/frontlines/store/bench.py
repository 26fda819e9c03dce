"""`frontlines bench --store N`: the store's queries timed on a generated database of N events.

The database is made by DuckDB itself from `range()`, with the shape of a real corpus (five
events a document, one in ten reported twice, control claims on a few thousand places over ten
years), so building 100,000 events takes seconds.
"""
from __future__ import annotations

import hashlib
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from frontlines.store import Store, derived, text
from frontlines.store.queries import EventFilter, control_as_of, count_fused_events, fused_events, timeline

RUNS = 5
TARGET_MS = 200
TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
         "Strategic developments"]
ACTORS = [f"Armed group {n}" for n in range(40)] + ["Military Forces of Syria", "Wagner Group", "Islamic State"]
COUNTRIES = ["SY", "IQ", "UA", "SD", "ML", "MM", "SO", "KE", "LY", "YE"]
PLACES = 3000
ROWS = 60  # places on a grid of 60 rows (half a degree of latitude apart) and 50 columns
LAT = f"10 + ((i % {PLACES}) % {ROWS}) * 0.5"
LON = f"30 + ((i % {PLACES}) // {ROWS}) * 0.4"
WRITE_BATCH = 32  # documents a transaction, as `frontlines ingest` writes them
WRITE_RUNS = 8  # batches a run: as many as the ingest's writer writes between two checkpoints (ingest.CHECKPOINT_BATCHES)
SENTENCE_WORDS = 16  # words of an evidence sentence (with its place and number: about 120 characters)


@dataclass
class StoreFigures:
    """Median milliseconds of each query, with the rows it returned, and the documents a second
    written into the store."""

    events: int
    build_seconds: float
    queries: dict[str, tuple[float, int]] = field(default_factory=dict)
    writes_per_second: float = 0.0
    reopened_per_second: float = 0.0  # the store opened for each batch (a reader between every two)

    def as_dict(self) -> dict:
        """The figures for --json."""
        return {"events": self.events, "build_seconds": round(self.build_seconds, 1), "target_ms": TARGET_MS,
                "queries": {name: {"median_ms": round(ms, 1), "rows": rows} for name, (ms, rows) in self.queries.items()},
                "writes": {"docs_per_second": round(self.writes_per_second, 1), "batch": WRITE_BATCH,
                           "docs_per_second_opened_each_batch": round(self.reopened_per_second, 1)}}

    def table(self) -> str:
        """The figures for people."""
        lines = [f"store of {self.events} events (built in {self.build_seconds:.1f} s); median of {RUNS} runs; "
                 "last column: rows (or what the query counts)"]
        for name, (ms, rows) in self.queries.items():
            lines.append(f"  {name:<52} {ms:8.1f} ms  {rows:7d}{over(name, ms)}")
        lines.append(f"  {WRITES:<52} {self.writes_per_second:8.1f} docs/s")
        lines.append(f"  {REOPENED:<52} {self.reopened_per_second:8.1f} docs/s")
        return "\n".join(lines)


# Text searches: a name of one event in NAMED, a phrase of one report's evidence (its words
# common, the number rare), a word of about one sentence in two hundred, and a word of one
# sentence in five (the text index answers the words alone, and narrows the phrase).
RARE, WORD, COMMON, NAME = "report 4321.", "shelled", "said", "Qoryooley"
WORLD = (-180, -90, 180, 90)  # the map's box when the whole world is in view
NAMED = 5000
WRITES = f"writes: documents a second, {WRITE_BATCH} a batch"
REOPENED = "writes: the same, the store opened for each batch"


def over(name: str, ms: float) -> str:
    """A mark for a query over the target (the export has none)."""
    return "" if ms <= TARGET_MS or name.startswith("export") else f"  (over {TARGET_MS} ms)"


def side_by_side(figures: list[StoreFigures]) -> str:
    """Several sizes' figures as one Markdown table (the README's), a column a size."""
    head = f"| query (median of {RUNS} runs) | " + " | ".join(f"{f.events:,} events" for f in figures) + " |"
    lines = [head, "| --- |" + " --- |" * len(figures)]
    for name in figures[0].queries:
        cells = [f"{f.queries[name][0]:.0f} ms" + (" (over)" if over(name, f.queries[name][0]) else "") for f in figures]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append(f"| {WRITES} | " + " | ".join(f"{f.writes_per_second:.0f}" for f in figures) + " |")
    lines.append(f"| {REOPENED} | " + " | ".join(f"{f.reopened_per_second:.0f}" for f in figures) + " |")
    return "\n".join(lines)


def bench_store(events: int) -> StoreFigures:
    """Build a store of `events` events in a temporary folder, time the queries on it, then
    writing documents into it."""
    with tempfile.TemporaryDirectory(prefix="frontlines-bench-") as folder:
        path = Path(folder) / "bench.duckdb"
        start = time.perf_counter()
        with Store(path) as store:
            fill(store, events)
        figures = StoreFigures(events, time.perf_counter() - start)
        with Store(path, read_only=True) as store:
            for name, query in queries(store).items():
                figures.queries[name] = timed(query, 1 if name.startswith("export") else RUNS)
        figures.queries.update(served(path))
        figures.writes_per_second = writes_per_second(path)
        figures.reopened_per_second = writes_per_second(path, reopened=True)
    return figures


def queries(store: Store) -> dict[str, Callable[[], int]]:
    """The questions an analyst or the web app asks, each returning how many rows it got."""
    from frontlines.web import views

    place = store.rows("SELECT place_name FROM control LIMIT 1")[0]["place_name"]
    a_year = EventFilter(start="2020-01-01", end="2020-12-31", country="SY")
    one_place = store.rows("SELECT lon, lat FROM events LIMIT 1")[0]
    view = (one_place["lon"] - 0.06, one_place["lat"] - 0.04, one_place["lon"] + 0.06, one_place["lat"] + 0.04)
    return {
        "events: first page of 100 (the map opening)": lambda: len(fused_events(store, limit=100)),
        "events: page 50 of 100": lambda: len(fused_events(store, limit=100, offset=4900)),
        "events: one country, one year, up to 500": lambda: len(fused_events(store, a_year, limit=500)),
        "events: actor name search, up to 500": lambda: len(fused_events(store, EventFilter(actor="wagner"), limit=500)),
        "events: text search, a rare name, up to 500": lambda: len(fused_events(store, EventFilter(text=NAME), limit=500)),
        "events: text search, a rare phrase, up to 500": lambda: len(fused_events(store, EventFilter(text=RARE), limit=500)),
        "events: text search, a word of 1 event in 200": lambda: len(fused_events(store, EventFilter(text=WORD), limit=500)),
        "events: text search, a common word, up to 500": lambda: len(fused_events(store, EventFilter(text=COMMON), limit=500)),
        "events: count for paging (the count)": lambda: count_fused_events(store, a_year),
        "control: as of a day": lambda: len(control_as_of(store, "2020-06-01")),
        "control: as of a day, one country": lambda: len(control_as_of(store, "2020-06-01", "UA")),
        "control: one place's timeline": lambda: len(timeline(store, place)),
        "web API: /api/events, first page of 500": lambda: api_events(store, EventFilter()),
        "web API: /api/events?q= a rare name": lambda: api_events(store, EventFilter(text=NAME)),
        "web API: /api/events?q= a rare phrase": lambda: api_events(store, EventFilter(text=RARE)),
        "web API: /api/events?q= a common word": lambda: api_events(store, EventFilter(text=COMMON)),
        "web API: /api/events in a zoomed-in view, up to 1000": lambda: api_events(store, EventFilter(bbox=view), 1000),
        "web API: /api/events?q= a common word in a zoomed-in view": lambda: api_events(
            store, EventFilter(text=COMMON, bbox=view), 1000),
        "web API: /api/density, the whole map (zoom 3)": lambda: api_density(store, EventFilter(), 3),
        "web API: /api/density?q= a common word, the whole map": lambda: api_density(
            store, EventFilter(text=COMMON, bbox=WORLD), 3),
        "web API: /api/density?q= a common word, one year, zoom 6": lambda: api_density(
            store, EventFilter(start="2020-01-01", end="2020-12-31", text=COMMON, bbox=(25, 5, 55, 45)), 6),
        "web API: /api/density, one year, zoom 6": lambda: api_density(
            store, EventFilter(start="2020-01-01", end="2020-12-31", bbox=(25, 5, 55, 45)), 6),
        "web API: /api/control as of a day": lambda: api_control(store, "2020-06-01"),
        "web API: /api/stats (days with news)": lambda: len(views.stats(store)["key_days"]),
        "export: every event (one run; not a query, no target)": lambda: len(fused_events(store)),
    }


# Requests through a real server, as the page makes them (the rows above call the API's code
# directly, on a store already open).
SERVED = {
    "web API over HTTP: /api/events, first page of 500": "/api/events",
    "web API over HTTP: /api/events?q= a rare name": f"/api/events?q={NAME}",
    "web API over HTTP: /api/events?q= a common word": f"/api/events?q={COMMON}",
    "web API over HTTP: /api/control as of a day": "/api/control?as_of=2020-06-01",
}


def served(path: Path) -> dict[str, tuple[float, int]]:
    """The SERVED requests timed through uvicorn on a free local port, as `frontlines serve` runs the
    app (each figure a whole round trip, to the answer's last byte), with the features each
    answered; the server is stopped after."""
    import socket
    import threading
    import urllib.request

    import uvicorn

    from frontlines.web import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()

    def get(url: str) -> int:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=60) as response:
            return response.read().count(b'"Feature"')  # (time to the last byte, as curl's)

    try:
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError(f"the bench's web server did not start on port {port}")
            time.sleep(0.05)
        return {name: timed(lambda url=url: get(url)) for name, url in SERVED.items()}
    finally:
        server.should_exit = True
        thread.join()


def api_density(store: Store, where: EventFilter, zoom: float) -> int:
    """What GET /api/density does, JSON included: the cells drawn."""
    from frontlines.web import views

    cells = views.density_collection(store, where, zoom)
    json.dumps(cells)
    return len(cells["features"])


def api_events(store: Store, where: EventFilter, limit: int = 500) -> int:
    """What GET /api/events does, JSON included."""
    from frontlines.web import views

    page = views.events_page(store, where, limit, 0)
    json.dumps(page, default=str)
    return len(page["features"])


def api_control(store: Store, day: str) -> int:
    """What GET /api/control does (its JSON is written in SQL): the places and holders answered."""
    from frontlines.web import views

    return views.control_collection(store, day, None).count('"type":"Feature"')


def timed(query: Callable[[], int], runs: int = RUNS) -> tuple[float, int]:
    """Median milliseconds over `runs` runs, after a warm-up when there are several, and the rows
    returned."""
    if runs > 1:
        query()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        rows = query()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), rows


def fill(store: Store, events: int, indexed: bool = True) -> None:
    """Documents, events (one in ten fused with the one before) and control claims (one in fifty
    undated), made in SQL; each event's evidence a distinct sentence of real news words.  The
    text index is built after (about two minutes a million events), or with `indexed` false left for
    the next writer to build (searches scan meanwhile)."""
    first_day = date(2015, 1, 1).isoformat()
    db = store.db
    words = sample_words()
    db.execute("CREATE OR REPLACE TEMP TABLE runs AS SELECT k, array_to_string(list_slice(?, k + 1, k + ?), ' ') AS run "
               "FROM range(?) t(k)", [words, SENTENCE_WORDS, len(words) - SENTENCE_WORDS])
    db.execute("""INSERT INTO documents SELECT 'doc' || i, md5(i::VARCHAR), 'Report ' || i, 'Outlet ' || (i % 25),
                  NULL, DATE '2015-01-01' + (hash(i) % 3650)::INTEGER, NULL, 'bench', now(), 'generated', '{}'
                  FROM range(?) t(i)""", [events // 5 + 1])
    first = "(i - CASE WHEN i % 10 = 1 THEN 1 ELSE 0 END)"  # a second report has its event's type and actors
    db.execute(f"""INSERT INTO events SELECT *, {text.SEARCH_TEXT} FROM (
                   SELECT 'doc' || (i // 5), 'e' || (i % 5), {pick(TYPES, first)}, 'Armed clash', NULL,
                   {pick(ACTORS, first)}, 'state', {pick(ACTORS, first + ' // 7')}, 'rebel', [], 'Place ' || (i % {PLACES}) AS place_name,
                   i % {PLACES}, {LAT}, {LON}, {pick(COUNTRIES, 'i % 97')},
                   NULL, 'city', DATE '{first_day}' + (hash(i // 2) % 3650)::INTEGER, 'day', (i % 13)::INTEGER,
                   'reported', 0.8, {EVIDENCE} AS evidence, 0, 40, 'f' || {first}
                   FROM range(?) t(i) JOIN runs ON runs.k = hash(i * 7) % {len(words) - SENTENCE_WORDS})""", [events])
    db.execute(f"""INSERT INTO control SELECT 'doc' || (i * 2 // 5), i, 'Place ' || (i % {PLACES}), i % {PLACES},
                   {LAT}, {LON}, {pick(COUNTRIES, '(i % ' + str(PLACES) + ') % 97')},
                   'city', {pick(ACTORS, 'i // 3')}, 'state', NULL, 'controlled',
                   CASE WHEN i % 50 = 7 THEN NULL ELSE DATE '{first_day}' + (hash(i) % 3650)::INTEGER END,
                   NULL, NULL, 'They hold it.', 0, 13
                   FROM range(?) t(i)""", [events // 2])
    db.execute("DROP TABLE runs")
    derived.rebuild(db)
    if indexed:
        store.rebuild_text_index()
    else:
        text.forget(db)


# An event's evidence: a run of words from the sample articles (as many distinct runs as words),
# the place and the report's number, so that every sentence is distinct, as in a real corpus
# (DuckDB compresses repeated strings and searches each once: 3,000 sentences took 10 ms); and
# in one event in NAMED, a name found nowhere else (real news has many: the sample words have none
# this rare).
EVIDENCE = (f"run || ' in Place ' || (i % {PLACES}) || ', report ' || i || '.' "
            f"|| CASE WHEN i % {NAMED} = 17 THEN ' {NAME} was named.' ELSE '' END")


def sample_words() -> list[str]:
    """The words of the sample articles that ship with frontlines, in order."""
    from frontlines.bench import sample_files

    return [w for path in sample_files() for w in path.read_text(encoding="utf-8").split()]


def pick(values: list[str], index: str) -> str:
    """A SQL expression choosing one of `values` by an integer expression."""
    quoted = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    return f"[{quoted}][1 + (({index}) % {len(values)})::INTEGER]"


def writes_per_second(path: Path, reopened: bool = False) -> float:
    """Documents a second written into the store, as `frontlines ingest` writes them when batches
    come back to back: a batch of WRITE_BATCH reports a transaction, through the ingest's
    `Writer` (the store opened once a run, kept open between its batches, and closed at its end,
    all timed); with `reopened`, the store opened for each batch, as the writer does when a reader
    waits at every batch.  Median of RUNS runs."""
    from frontlines.store import Stored
    from frontlines.store.ingest import Writer

    runs = []
    for run in range(RUNS):
        batches = [[synthetic_report(f"w{run}{'r' * reopened}-{b}-{n}") for n in range(WRITE_BATCH)]
                   for b in range(WRITE_RUNS)]
        start = time.perf_counter()
        if reopened:
            for batch in batches:
                with Store(path) as store:
                    store.add_many([Stored(report, text) for report, text in batch])
        else:
            with Writer(path, warn=lambda message: None) as writer:
                for batch in batches:
                    writer.add_many([Stored(report, text) for report, text in batch])
        runs.append(WRITE_RUNS * WRITE_BATCH / (time.perf_counter() - start))
    return statistics.median(runs)


def synthetic_report(doc_id: str) -> tuple[dict, str]:
    """A report v1 (as the store reads it) of five events and two control claims, like the
    generated ones (so fusion finds candidates among them), and its text."""
    n = int(hashlib.sha256(doc_id.encode()).hexdigest()[:8], 16)
    text = f"Document {doc_id}: fighters shelled the town on Tuesday, and the army took it."
    day = date(2015, 1, 1).toordinal() + n % 3650
    places = [{"id": f"p{k}", "name": f"Place {(n + k) % PLACES}", "geonameid": (n + k) % PLACES,
               "lat": 10 + ((n + k) % PLACES % ROWS) * 0.5, "lon": 30 + ((n + k) % PLACES // ROWS) * 0.4,
               "country_code": COUNTRIES[(n + k) % len(COUNTRIES)], "admin1": None, "feature": "city",
               "mentions": [{"text": "town", "start": 40, "end": 44}], "confidence": 0.9} for k in range(2)]
    actors = [{"id": f"a{k}", "name": ACTORS[(n + k) % len(ACTORS)], "kind": "state", "country_code": None,
               "mentions": [{"text": "army", "start": 66, "end": 70}]} for k in range(2)]
    evidence = {"text": text, "start": 0, "end": len(text)}
    events = [{"id": f"e{k}", "event_type": TYPES[(n + k) % len(TYPES)], "sub_event_type": "Armed clash",
               "plover": None, "actor1": "a0", "actor2": "a1", "assoc_actors": [], "place": f"p{k % 2}",
               "date": date.fromordinal(day + k).isoformat(), "date_precision": "day", "fatalities": k,
               "factuality": "reported", "confidence": 0.8, "evidence": evidence} for k in range(5)]
    control = [{"place": f"p{k}", "controller": "a0", "previous_controller": None, "status": "controlled",
                "since": date.fromordinal(day).isoformat(), "as_of": None, "event": None, "evidence": evidence}
               for k in range(2)]
    document = {"id": doc_id, "title": f"Report {doc_id}", "source": "Bench", "published": date.fromordinal(day).isoformat(),
                "dateline": None}
    return {"document": document, "places": places, "actors": actors, "events": events, "control": control}, text
