"""The corpus store: reports of many articles in one DuckDB file.

Ingesting is idempotent: a document is keyed by its id, and one whose text has
not changed is left alone; one whose text changed replaces its old rows.  Each
document is written in one transaction, so an interrupted ingest loses at most
the document it was writing.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from frontlines.errors import UsageError
from frontlines.model import Report
from frontlines.store import fusion
from frontlines.store.schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "frontlines.duckdb"
PER_DOCUMENT = ("places", "actors", "mentions", "events", "control")


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
    """One open corpus database."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        import duckdb  # imported here: only the store commands pay for it

        self.path = Path(path)
        if read_only and not self.path.exists():
            raise UsageError(f"{self.path}: no such database; create it with `frontlines ingest ARTICLES --db {self.path}`")
        try:
            self.db = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            raise UsageError(f"{self.path}: cannot open the database ({first_line(exc)}); is it a DuckDB file, and "
                             "is no other frontlines process writing to it? DuckDB allows one writer at a time") from None
        except duckdb.Error as exc:
            raise UsageError(f"{self.path}: not a frontlines database ({first_line(exc)})") from None
        if not read_only:
            self.migrate()
        else:
            self.check_version()

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
                             f"({SCHEMA_VERSION}); upgrade frontlines")

    def migrate(self) -> None:
        """Bring the database to the current schema version, one migration at a time."""
        self.check_version()
        for version in range(self.version() + 1, SCHEMA_VERSION + 1):
            self.db.execute("BEGIN TRANSACTION")
            for step in MIGRATIONS[version]:
                if step.startswith(("CREATE", "ALTER", "DROP")):
                    self.db.execute(step)
                else:
                    getattr(fusion, step)(self.db)
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
            self.db.execute("COMMIT")

    # --- writing --------------------------------------------------------------------

    def add(self, report: Report | Stored) -> str:
        """Store a report: "added", "unchanged" (same id and text) or "replaced" (the text changed)."""
        stored = report if isinstance(report, Stored) else Stored.of(report)
        doc_id = stored.report["document"]["id"]
        digest = content_hash(stored.text)
        row = self.db.execute("SELECT content_hash FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is not None and row[0] == digest:
            return "unchanged"
        self.db.execute("BEGIN TRANSACTION")
        try:
            if row is not None:
                self.delete(doc_id)
            self.insert(stored, digest)
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

    def insert(self, stored: Stored, digest: str) -> None:
        """Write one report's rows (inside the caller's transaction)."""
        data = stored.report
        doc = data["document"]
        doc_id = doc["id"]
        self.db.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
            doc_id, digest, doc["title"], doc["source"], stored.url, doc["published"], doc["dateline"],
            stored.origin, datetime.now(timezone.utc), stored.text, json.dumps(data, ensure_ascii=False)])
        places = {p["id"]: p for p in data["places"]}
        actors = {a["id"]: a for a in data["actors"]}
        self.write("places", [[doc_id, p["id"], p["name"], p["geonameid"], p["lat"], p["lon"], p["country_code"],
                               p["admin1"], p["feature"], len(p["mentions"]), p["confidence"]] for p in places.values()])
        self.write("actors", [[doc_id, a["id"], a["name"], a["kind"], a["country_code"]] for a in actors.values()])
        self.write("mentions", [[doc_id, x["id"], m["text"], m["start"], m["end"]]
                                for x in [*places.values(), *actors.values()] for m in x["mentions"]])
        events = [event_row(doc_id, e, places, actors) for e in data["events"]]
        self.write("events", fused(self.db, events) if events else [])
        self.write("control", [claim_row(doc_id, n, c, places, actors) for n, c in enumerate(data["control"], start=1)])

    def write(self, table: str, rows: list[list]) -> None:
        """Insert rows into a table."""
        if rows:
            self.db.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(rows[0]))})", rows)

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


def fused(db, rows: list[list]) -> list[list]:
    """Event rows with their fused ids appended (see store.fusion)."""
    events = [dict(zip(EVENT_COLUMNS, row)) for row in rows]
    for event in events:
        event["event_date"] = fusion.as_date(event["event_date"])
    fusion.assign_fused_ids(db, rows[0][0], events)
    return [[*row, event["fused_id"]] for row, event in zip(rows, events)]


def claim_row(doc_id: str, n: int, c: dict, places: dict, actors: dict) -> list:
    """A control-table row from a report's control claim."""
    p = places[c["place"]]
    holder, before = actors.get(c["controller"]) or {}, actors.get(c["previous_controller"]) or {}
    return [doc_id, n, p["name"], p["geonameid"], p["lat"], p["lon"], p["country_code"], p["feature"],
            holder.get("name"), holder.get("kind"), before.get("name"), c["status"], c["since"], c["as_of"],
            c["event"], c["evidence"]["text"], c["evidence"]["start"], c["evidence"]["end"]]
