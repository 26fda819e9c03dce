"""The corpus store: reports of many articles in one DuckDB file.

Ingesting is idempotent: a document is keyed by its id, and one whose text has
not changed is left alone; one whose text changed replaces its old rows.  Each
batch of documents is written in one transaction, so an interrupted ingest leaves
no half-written document, and running it again completes it.

DuckDB lets one process write a file, and no other process read it meanwhile, so readers
use `Store.open_read_only`, which waits a little for a batch to be written, and says that it
waits (a shared lock on FILE.readers); an ingest keeps the file open from one batch to the next
only while no reader says so (`store.ingest.Writer`).
"""
from __future__ import annotations

import hashlib
import json
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from frontlines.errors import StoreBusy, UsageError
from frontlines.model import Report
from frontlines.store import derived, fusion, text
from frontlines.store.schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "frontlines.duckdb"
PER_DOCUMENT = ("places", "actors", "mentions", "events", "control")
READ_WAIT = 5.0     # seconds a reader waits for an ingest to finish writing its batch
RETRY_PAUSE = 0.1


def connect(path: Path, read_only: bool):
    """A DuckDB connection, or an error naming the file: StoreBusy when another process holds it."""
    import duckdb  # imported here: only the store commands pay for it

    try:
        db = duckdb.connect(str(path), read_only=read_only)
        db.execute("SET enable_progress_bar = false")  # none on stderr while a migration rebuilds a large table
        return db
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreBusy(f"the database {path} is in use by another frontlines process (DuckDB allows one "
                            "writer, and no reader while it writes); wait for it to finish or use another --db") from None
        raise UsageError(f"{path}: cannot open the database ({first_line(exc)}); is it a DuckDB file?") from None
    except duckdb.Error as exc:
        raise UsageError(f"{path}: not a frontlines database ({first_line(exc)})") from None


def readers_path(path: Path) -> Path:
    """The file through which readers waiting for the database say so: FILE.readers, made by the
    ingest that writes it (`store.ingest.Writer`)."""
    return path.with_name(path.name + ".readers")


def asking_turn(path: Path):
    """An open FILE.readers holding a shared lock, which says a reader waits for the database (closing
    it lets go); None where there is no such file (no ingest made one) or the writer is looking at it
    this moment (asked again at the next try)."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: the writer lets go when it has no batch to write
        return None
    try:
        handle = open(readers_path(path), "rb")
    except OSError:
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def readers_waiting(handle) -> bool:
    """Whether a reader holds a shared lock on the open FILE.readers `handle` (`asking_turn`)."""
    return lock_held(handle, exclusive=True)


def lock_held(handle, exclusive: bool) -> bool:
    """Whether another process holds a lock on the open file `handle` that keeps this one from
    taking it (exclusive: any lock; shared: an exclusive one); the probe holds it for a moment
    only.  Never, where there are no file locks (not POSIX)."""
    try:
        import fcntl
    except ImportError:
        return False
    try:
        fcntl.flock(handle, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    fcntl.flock(handle, fcntl.LOCK_UN)
    return False


@dataclass
class Stored:
    """A report as the store keeps it: the report v1 object, with the text and where it came from
    (plain data, so that workers elsewhere can hand it over as Parquet)."""

    report: dict
    text: str
    url: str | None = None
    origin: str = "<text>"

    @classmethod
    def of(cls, report: Report) -> Stored:
        """The stored form of a report."""
        doc = report.document
        return cls(report.to_dict(), doc.text, doc.url, doc.origin)


class Store:
    """One open corpus database; `warn` gets notices such as a migration (stderr by default)."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False,
                 warn: Callable[[str], None] | None = None):
        self.path = Path(path)
        self.warn = warn or (lambda message: print(f"frontlines: {message}", file=sys.stderr))
        if read_only and not self.path.exists():
            raise UsageError(f"{self.path}: no such database; create it with `frontlines ingest ARTICLES --db {self.path}`")
        self.db = connect(self.path, read_only)
        self.index, self.index_looked_up = None, False  # the text index (store.text), opened when needed
        try:
            self.check_readable() if read_only else self.migrate()
            if not read_only:
                self.index_looked_up = True  # a writer keeps it up to date, so it must have one
                self.index = text.open_index(self.db, self.path) or text.build(self.db, self.path, self.warn)
        except BaseException:
            self.close()  # a refused database must not stay open in this process
            raise

    @classmethod
    def open_waiting(cls, path: str | Path = DEFAULT_DB, read_only: bool = False, wait: float = READ_WAIT,
                     warn: Callable[[str], None] | None = None) -> Store:
        """Open, retrying for up to `wait` seconds while another process holds the file (an ingest
        writing a batch, which lets no reader in; or a reader, which keeps a writer out); raise
        StoreBusy after that.  A reader says that it waits meanwhile (`asking_turn`), so that an
        ingest keeping the file open between batches lets go of it."""
        deadline = time.monotonic() + wait
        asking = None
        try:
            while True:
                try:
                    return cls(path, read_only=read_only, warn=warn)
                except StoreBusy:
                    if time.monotonic() >= deadline:
                        raise
                    if read_only and asking is None:
                        asking = asking_turn(Path(path))
                    time.sleep(RETRY_PAUSE)
        finally:
            if asking is not None:
                asking.close()  # (releases the lock)

    @classmethod
    def open_read_only(cls, path: str | Path = DEFAULT_DB, wait: float = READ_WAIT) -> Store:
        """Open for reading, waiting up to `wait` seconds while an ingest writes a batch."""
        return cls.open_waiting(path, read_only=True, wait=wait)

    def close(self) -> None:
        """Close the database (and its text index)."""
        if self.index is not None:
            self.index.close()
            self.index = None
        self.db.close()

    def text_index(self):
        """The text index (store.text), or None where there is none of the database's generation:
        searches then scan."""
        if not self.index_looked_up:
            self.index_looked_up = True
            self.index = text.open_index(self.db, self.path)
        return self.index

    def rebuild_text_index(self) -> None:
        """Index every stored event row anew (after rows were written other than by `add_many`,
        which keeps the index up to date: such rows would be missed by selective searches)."""
        if self.index is not None:
            self.index.close()
        self.index = text.build(self.db, self.path, self.warn)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- schema ---------------------------------------------------------------------

    def version(self, tables: set[str] | None = None) -> int:
        """The schema version of the open database (0 for an empty file), given its `tables` if
        known (each look at the catalogue costs a few ms, on every open)."""
        if "meta" not in (self.table_names() if tables is None else tables):
            return 0
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def current(self) -> bool:
        """Whether the database is of this schema version, asked of its meta table alone (listing
        the tables reads the whole catalogue: about 12 ms of each open at a million events, and an
        ingest opens the file for each batch)."""
        import duckdb

        try:
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:  # no meta table: an empty file, or someone else's
            return False
        return row is not None and row[0] == str(SCHEMA_VERSION)

    def table_names(self) -> set[str]:
        """The tables (and views) the file holds."""
        return {r[0] for r in self.db.execute("SELECT table_name FROM information_schema.tables").fetchall()}

    def check_known(self, found: int, tables: set[str]) -> None:
        """Refuse a database written by a newer frontlines (schema version `found`), and a DuckDB
        file that holds someone else's `tables` (an empty file is fine)."""
        if found > SCHEMA_VERSION:
            raise UsageError(f"{self.path}: schema version {found} is newer than this frontlines understands "
                             f"({SCHEMA_VERSION}); upgrade frontlines, or use another --db")
        if found == 0 and tables:
            names = sorted(tables)
            shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
            raise UsageError(f"{self.path}: a DuckDB database that is not a frontlines corpus (it has the tables "
                             f"{shown}); frontlines leaves it alone: give another --db")

    def check_readable(self) -> None:
        """Before reading: refuse a newer or a foreign database, say how to fill an empty one, and
        migrate an older one (backed up first, as an ingest would) so that readers can read it."""
        if self.current():
            return
        tables = self.table_names()
        old = self.version(tables)
        self.check_known(old, tables)
        if not tables:
            raise UsageError(f"{self.path}: the database is empty; fill it with `frontlines ingest ARTICLES --db {self.path}`")
        if old < SCHEMA_VERSION:
            self.db.close()
            self.db = self.migrated_then_read_only(old)

    def migrated_then_read_only(self, old: int):
        """Migrate this older database in a short read-write open, then reopen it read-only."""
        try:
            Store(self.path, warn=self.warn).close()
        except (UsageError, OSError) as exc:
            raise UsageError(f"{self.path}: schema version {old} is older than this frontlines reads "
                             f"({SCHEMA_VERSION}) and could not be migrated here ({first_line(exc)}); make the "
                             "file and its folder writable and run the command again") from None
        return connect(self.path, read_only=True)

    def migrate(self) -> None:
        """Bring the database to the current schema version, one migration at a time, after
        copying an existing database to FILE.bak-v{old} (an empty file needs no copy)."""
        if self.current():
            return
        tables = self.table_names()
        old = self.version(tables)
        self.check_known(old, tables)
        if old == SCHEMA_VERSION:
            return
        if tables:
            self.back_up(old)
        for version in range(old + 1, SCHEMA_VERSION + 1):
            self.db.execute("BEGIN TRANSACTION")
            for step in MIGRATIONS[version]:
                if step.startswith(("CREATE", "ALTER", "DROP")):
                    self.db.execute(step)
                else:
                    migration_step(step)(self.db)
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
            self.db.execute("COMMIT")

    def back_up(self, old: int) -> None:
        """Copy the database file, checkpointed and closed, to FILE.bak-v{old}."""
        backup = self.path.with_name(f"{self.path.name}.bak-v{old}")
        self.db.execute("CHECKPOINT")
        self.db.close()
        shutil.copy2(self.path, backup)
        self.db = connect(self.path, read_only=False)
        self.warn(f"{self.path}: migrating the database from schema version {old} to {SCHEMA_VERSION}; "
                  f"the old file is kept as {backup}")

    # --- writing --------------------------------------------------------------------

    def add(self, report: Report | Stored) -> str:
        """Store a report: "added", "unchanged" (same id and text) or "replaced" (the text changed)."""
        return self.add_many([report])[0]

    def add_many(self, reports: list[Report | Stored]) -> list[str]:
        """Store reports in one transaction, each "added", "unchanged" or "replaced" (as `add`);
        the database is the same as adding them one at a time."""
        batch = [r if isinstance(r, Stored) else Stored.of(r) for r in reports]
        ids = [s.report["document"]["id"] for s in batch]
        held = dict(self.db.execute(f"SELECT id, content_hash FROM documents WHERE id IN ({','.join('?' * len(ids))})",
                                    ids).fetchall()) if ids else {}
        outcomes, todo = [], {}
        for stored, doc_id in zip(batch, ids):
            digest = content_hash(stored.text)
            if doc_id in todo:  # the same id twice in one batch: write the first before comparing
                self.write_batch(todo, held)
                todo = {}
            if held.get(doc_id) == digest:
                outcomes.append("unchanged")
                continue
            outcomes.append("replaced" if doc_id in held else "added")
            todo[doc_id] = (stored, digest)
        self.write_batch(todo, held)
        return outcomes

    def write_batch(self, todo: dict[str, tuple[Stored, str]], held: dict[str, str]) -> None:
        """Write documents (replacing those already held) in one transaction; `held` learns their hashes."""
        if not todo:
            return
        tables: dict[str, list[list]] = {t: [] for t in ("documents", *PER_DOCUMENT)}
        events = {doc_id: event_rows(stored) for doc_id, (stored, _) in todo.items()}
        known = fusion.stored_candidates(self.db, [e for rows in events.values() for e in rows])
        pending: dict[tuple, list[dict]] = {}  # the batch's events so far, by fusion.fusion_key
        for doc_id, (stored, digest) in todo.items():
            fusion.assign_fused_ids(events[doc_id], known, pending)
            for event in events[doc_id]:
                pending.setdefault(fusion.fusion_key(event), []).append(event)
            for table, rows in report_rows(stored, digest, events[doc_id]).items():
                tables[table] += rows
        if self.index is None:  # (a batch rolled back after the index committed it)
            self.index = text.build(self.db, self.path, self.warn)
        self.db.execute("BEGIN TRANSACTION")
        try:
            self.delete([doc_id for doc_id in todo if doc_id in held])
            derived.stage(self.db, tables)
            for table, rows in tables.items():
                if table in derived.STAGED:
                    searched = f", {text.SEARCH_TEXT}" if table == "events" else ""
                    self.db.execute(f"INSERT INTO {table} SELECT *{searched} FROM new_{table}")
                else:
                    self.write(table, rows)
            derived.note_written(self.db)
            text.add_batch(self.db, self.index)  # the index commits while the derived tables are updated
            derived.update(self.db)
            self.index.finish_commit(self.db)  # committed first, its generation with the database's
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            if not self.index.undo(self.db):  # ahead of the database: readers no longer use it, the next batch builds it
                self.index.close()
                self.index = None
            raise
        held.update({doc_id: digest for doc_id, (_, digest) in todo.items()})

    def delete(self, doc_ids: list[str]) -> None:
        """Remove documents and everything extracted from them (the derived tables are updated
        with what is written after: `derived.update`)."""
        derived.before_delete(self.db, doc_ids)
        if doc_ids:
            marks = ",".join("?" * len(doc_ids))
            for table in PER_DOCUMENT:
                self.db.execute(f"DELETE FROM {table} WHERE doc_id IN ({marks})", doc_ids)
            self.db.execute(f"DELETE FROM documents WHERE id IN ({marks})", doc_ids)

    def write(self, table: str, rows: list[list]) -> None:
        """Insert rows into a table."""
        insert_rows(self.db, table, rows)

    # --- reading --------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many rows each table holds."""
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "places", "actors", "events", "control")}

    def rows(self, sql: str, params: list | None = None) -> list[dict]:
        """Rows of a query as dicts (bound parameters only)."""
        cursor = self.db.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r)) for r in cursor.fetchall()]


def event_rows(stored: Stored) -> list[dict]:
    """A report's events as events-table rows (dicts by column, the date a `date`), not yet fused."""
    data = stored.report
    places = {p["id"]: p for p in data["places"]}
    actors = {a["id"]: a for a in data["actors"]}
    rows = [dict(zip(EVENT_COLUMNS, event_row(data["document"]["id"], e, places, actors))) for e in data["events"]]
    for row in rows:
        row["event_date"] = fusion.as_date(row["event_date"])
    return rows


def report_rows(stored: Stored, digest: str, events: list[dict]) -> dict[str, list[list]]:
    """The rows of one report, by table, with its `events` rows already fused."""
    data = stored.report
    doc = data["document"]
    doc_id = doc["id"]
    places = {p["id"]: p for p in data["places"]}
    actors = {a["id"]: a for a in data["actors"]}
    return {
        "documents": [[doc_id, digest, doc["title"], doc["source"], stored.url, doc["published"], doc["dateline"],
                       stored.origin, datetime.now(timezone.utc), stored.text, json.dumps(data, ensure_ascii=False)]],
        "places": [[doc_id, p["id"], p["name"], p["geonameid"], p["lat"], p["lon"], p["country_code"], p["admin1"],
                    p["feature"], len(p["mentions"]), p["confidence"]] for p in places.values()],
        "actors": [[doc_id, a["id"], a["name"], a["kind"], a["country_code"]] for a in actors.values()],
        "mentions": [[doc_id, x["id"], m["text"], m["start"], m["end"]]
                     for x in [*places.values(), *actors.values()] for m in x["mentions"]],
        "events": [[*(e[c] for c in EVENT_COLUMNS), e["fused_id"]] for e in events],
        "control": [claim_row(doc_id, n, c, places, actors) for n, c in enumerate(data["control"], start=1)],
    }


def migration_step(name: str) -> Callable:
    """The function a migration names: NAME in store.fusion, or MODULE.NAME in store.MODULE."""
    import importlib

    module, _, function = name.rpartition(".")
    return getattr(importlib.import_module(f"frontlines.store.{module or 'fusion'}"), function)


def insert_rows(db, table: str, rows: list[list]) -> None:
    """Insert rows into a table in one statement, each column bound as one list and unnested
    (DuckDB's executemany runs one statement a row, and a VALUES list of thousands of `?` takes
    it longer to plan than to write)."""
    if not rows:
        return
    columns = [list(column) for column in zip(*rows)]
    db.execute(f"INSERT INTO {table} SELECT {', '.join(['unnest(?)'] * len(columns))}", columns)


def first_line(exc: Exception) -> str:
    """The first line of an exception's message."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def content_hash(text: str) -> str:
    """The hash that tells a changed document from an unchanged one."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


EVENT_COLUMNS = ("doc_id", "event_id", "event_type", "sub_event_type", "plover", "actor1", "actor1_kind", "actor2",
                 "actor2_kind", "assoc_actors", "place_name", "geonameid", "lat", "lon", "country_code", "admin1",
                 "feature", "event_date", "date_precision", "fatalities", "factuality", "confidence", "evidence",
                 "evidence_start", "evidence_end")


def event_row(doc_id: str, e: dict, places: dict, actors: dict) -> list:
    """An events-table row from a report's event, in EVENT_COLUMNS order (the fused id is added on writing)."""
    p = places.get(e["place"]) or {}
    a1, a2 = actors.get(e["actor1"]) or {}, actors.get(e["actor2"]) or {}
    return [doc_id, e["id"], e["event_type"], e["sub_event_type"], e["plover"], a1.get("name"), a1.get("kind"),
            a2.get("name"), a2.get("kind"), [actors[a]["name"] for a in e["assoc_actors"] if a in actors],
            *(p.get(k) for k in ("name", "geonameid", "lat", "lon", "country_code", "admin1", "feature")),
            e["date"], e["date_precision"], e["fatalities"], e["factuality"], e["confidence"],
            e["evidence"]["text"], e["evidence"]["start"], e["evidence"]["end"]]


def claim_row(doc_id: str, n: int, c: dict, places: dict, actors: dict) -> list:
    """A control-table row from a report's control claim."""
    p = places[c["place"]]
    holder, before = actors.get(c["controller"]) or {}, actors.get(c["previous_controller"]) or {}
    return [doc_id, n, p["name"], p["geonameid"], p["lat"], p["lon"], p["country_code"], p["feature"],
            holder.get("name"), holder.get("kind"), before.get("name"), c["status"], c["since"], c["as_of"],
            c["event"], c["evidence"]["text"], c["evidence"]["start"], c["evidence"]["end"]]
