"""The corpus store: reports of many articles in one DuckDB file.

Ingesting is idempotent: a document is keyed by its id, and one whose text has
not changed is left alone; one whose text changed replaces its old rows.  Each
document is written in one transaction, so an interrupted ingest leaves no
half-written document, and running it again completes it.

DuckDB lets one process write a file, and no other process read it meanwhile, so
writers keep their connection short (ingest opens one per batch) and readers use
`Store.open_read_only`, which waits a little for a batch to be written.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from frontlines.errors import StoreBusy, UsageError
from frontlines.model import Report
from frontlines.store.schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "frontlines.duckdb"
PER_DOCUMENT = ("places", "actors", "mentions", "events", "control")
READ_WAIT = 5.0     # seconds a reader waits for an ingest to finish writing its batch
RETRY_PAUSE = 0.1


def connect(path: Path, read_only: bool):
    """A DuckDB connection, or an error naming the file: StoreBusy when another process holds it."""
    import duckdb  # imported here: only the store commands pay for it

    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreBusy(f"the database {path} is in use by another frontlines process (DuckDB allows one "
                            "writer, and no reader while it writes); wait for it to finish or use another --db") from None
        raise UsageError(f"{path}: cannot open the database ({first_line(exc)}); is it a DuckDB file?") from None
    except duckdb.Error as exc:
        raise UsageError(f"{path}: not a frontlines database ({first_line(exc)})") from None


class Store:
    """One open corpus database; `warn` gets notices such as a migration (stderr by default)."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False,
                 warn: Callable[[str], None] | None = None):
        self.path = Path(path)
        self.warn = warn or (lambda message: print(f"frontlines: {message}", file=sys.stderr))
        if read_only and not self.path.exists():
            raise UsageError(f"{self.path}: no such database; create it with `frontlines ingest ARTICLES --db {self.path}`")
        self.db = connect(self.path, read_only)
        try:
            self.check_version() if read_only else self.migrate()
        except BaseException:
            self.db.close()  # a refused database must not stay open in this process
            raise

    @classmethod
    def open_read_only(cls, path: str | Path = DEFAULT_DB, wait: float = READ_WAIT) -> Store:
        """Open for reading, retrying for up to `wait` seconds while an ingest writes a batch
        (DuckDB lets no reader in then); raise StoreBusy after that."""
        deadline = time.monotonic() + wait
        while True:
            try:
                return cls(path, read_only=True)
            except StoreBusy:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(RETRY_PAUSE)

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- schema ---------------------------------------------------------------------

    def version(self) -> int:
        """The schema version of the open database (0 for an empty file)."""
        tables = {r[0] for r in self.db.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "meta" not in tables:
            return 0
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def check_version(self) -> None:
        """Refuse a database written by a newer frontlines."""
        found = self.version()
        if found > SCHEMA_VERSION:
            raise UsageError(f"{self.path}: schema version {found} is newer than this frontlines understands "
                             f"({SCHEMA_VERSION}); upgrade frontlines, or use another --db")

    def migrate(self) -> None:
        """Bring the database to the current schema version, one migration at a time, after
        copying an existing database to FILE.bak-v{old} (an empty file needs no copy)."""
        self.check_version()
        old = self.version()
        if old == SCHEMA_VERSION:
            return
        if self.has_tables():
            self.back_up(old)
        for version in range(old + 1, SCHEMA_VERSION + 1):
            self.db.execute("BEGIN TRANSACTION")
            for statement in MIGRATIONS[version]:
                self.db.execute(statement)
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
            self.db.execute("COMMIT")

    def has_tables(self) -> bool:
        """Whether the file holds any table (a new file holds none)."""
        return bool(self.db.execute("SELECT count(*) FROM information_schema.tables").fetchone()[0])

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

    def add(self, report: Report) -> str:
        """Store a report: "added", "unchanged" (same id and text) or "replaced" (the text changed)."""
        doc = report.document
        digest = content_hash(doc.text)
        row = self.db.execute("SELECT content_hash FROM documents WHERE id = ?", [doc.id]).fetchone()
        if row is not None and row[0] == digest:
            return "unchanged"
        self.db.execute("BEGIN TRANSACTION")
        try:
            if row is not None:
                self.delete(doc.id)
            self.insert(report, digest)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return "replaced" if row is not None else "added"

    def delete(self, doc_id: str) -> None:
        """Remove a document and everything extracted from it."""
        for table in PER_DOCUMENT:
            self.db.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        self.db.execute("DELETE FROM documents WHERE id = ?", [doc_id])

    def insert(self, report: Report, digest: str) -> None:
        """Write one report's rows (inside the caller's transaction)."""
        doc = report.document
        data = report.to_dict()
        self.db.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
            doc.id, digest, doc.title, doc.source, doc.url, doc.published,
            doc.dateline.text if doc.dateline else None, doc.origin, datetime.now(timezone.utc), doc.text,
            json.dumps(data, ensure_ascii=False)])
        places = {p.id: p for p in report.places}
        actors = {a.id: a for a in report.actors}
        if report.places:
            self.db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
                [doc.id, p.id, p.name, p.geonameid, p.lat, p.lon, p.country_code, p.admin1, p.feature,
                 len(p.mentions), p.confidence] for p in report.places])
        if report.actors:
            self.db.executemany("INSERT INTO actors VALUES (?,?,?,?,?)", [
                [doc.id, a.id, a.name, a.kind, a.country_code] for a in report.actors])
        spans = [[doc.id, x.id, m.text, m.start, m.end] for x in [*report.places, *report.actors] for m in x.mentions]
        if spans:
            self.db.executemany("INSERT INTO mentions VALUES (?,?,?,?,?)", spans)
        if report.events:
            self.db.executemany(f"INSERT INTO events VALUES ({','.join('?' * 25)})",
                                [event_row(doc.id, e, places, actors) for e in report.events])
        if report.control:
            self.db.executemany(f"INSERT INTO control VALUES ({','.join('?' * 18)})",
                                [claim_row(doc.id, n, c, places, actors) for n, c in enumerate(report.control, start=1)])

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


def first_line(exc: Exception) -> str:
    """The first line of an exception's message."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def content_hash(text: str) -> str:
    """The hash that tells a changed document from an unchanged one."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_row(doc_id: str, e, places: dict, actors: dict) -> list:
    """An events-table row."""
    p = places.get(e.place)
    a1, a2 = actors.get(e.actor1), actors.get(e.actor2)
    return [doc_id, e.id, e.event_type, e.sub_event_type, e.plover,
            a1.name if a1 else None, a1.kind if a1 else None, a2.name if a2 else None, a2.kind if a2 else None,
            [actors[a].name for a in e.assoc_actors if a in actors],
            p.name if p else None, p.geonameid if p else None, p.lat if p else None, p.lon if p else None,
            p.country_code if p else None, p.admin1 if p else None, p.feature if p else None,
            e.date, e.date_precision, e.fatalities, e.factuality, e.confidence,
            e.evidence.text, e.evidence.start, e.evidence.end]


def claim_row(doc_id: str, n: int, c, places: dict, actors: dict) -> list:
    """A control-table row."""
    p = places[c.place]
    holder, before = actors.get(c.controller), actors.get(c.previous_controller)
    return [doc_id, n, p.name, p.geonameid, p.lat, p.lon, p.country_code, p.feature,
            holder.name if holder else None, holder.kind if holder else None, before.name if before else None,
            c.status, c.since, c.as_of, c.event, c.evidence.text, c.evidence.start, c.evidence.end]
