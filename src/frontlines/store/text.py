"""Text search: a user's words anywhere in an event's evidence or place name, whatever their case;
`%` and `_` are characters like any other.

Each event row keeps `search_text`: its evidence and place name lowered by DuckDB, so that a
search compares the same lowered strings that `contains(lower(...))` did, without lowering a
million strings a request (that took two thirds of a search's time).

Beside the database, FILE.search is an SQLite FTS5 index of that text's trigrams (contentless,
so it holds no second copy of the text).  For a selective query it names the few fused events
that can match, and DuckDB reads only their rows through the fused_id index, with the same
filter: the index narrows, it never decides, so the answers are those of the scan.  A query of
under three characters, a common one (more candidates than MAX_CANDIDATES), or one the index does
not answer within BUDGET_MS is answered by scanning `search_text` (every trigram of a common word
is in most rows: FTS5 took seconds to count them).

The writer adds each batch's rows to the index and commits it before DuckDB's transaction, so
the index holds every stored row, and perhaps rows of a batch that was rolled back or of a
document since replaced (extra candidates, which the filter drops).  The index and the database
carry the same id, written when the index is built; where they differ (a store generated in
SQL, a database copied without its index, an index deleted) readers scan, and the next writer to
open the database builds the index again.
"""
from __future__ import annotations

import sqlite3
import time
import uuid
from pathlib import Path

# One string a row for the search: evidence and place name, lowered, joined by a character no one
# types (a query holding it is answered by the filter on the columns themselves).
SEPARATOR = "\x1f"
SEARCH_TEXT = "lower(coalesce(evidence, '')) || chr(31) || lower(coalesce(place_name, ''))"
FOUND = "contains(search_text, lower(?))"
FOUND_IN_COLUMNS = "(contains(lower(evidence), lower(?)) OR contains(lower(place_name), lower(?)))"

MAX_CANDIDATES = 256  # rows the index may name: DuckDB reads a few hundred fused events by index in 20 ms
BUDGET_MS = 10        # the index's time for one query, before the scan takes over (a name: 1 to 5 ms)
BUILD_CHUNK = 50_000  # rows read from DuckDB at a time while building
SLOW_BUILD = 100_000  # rows from which building is announced

INDEX_SCHEMA = [
    "CREATE VIRTUAL TABLE trigrams USING fts5(text, tokenize='trigram case_sensitive 1', detail='none', content='')",
    "CREATE TABLE rows (row INTEGER PRIMARY KEY, fused_id TEXT)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
]


def clause(text: str) -> tuple[str, list]:
    """The filter of a text query on the events table, with its parameters."""
    if SEPARATOR in text:  # (lower() neither makes nor removes this character)
        return FOUND_IN_COLUMNS, [text, text]
    return FOUND, [text]


def index_path(db_path: Path) -> Path:
    """Where a database's text index lives: beside it."""
    return db_path.with_name(db_path.name + ".search")


def stored_id(db) -> str | None:
    """The id of the text index that the database was last indexed into, if any."""
    row = db.execute("SELECT value FROM meta WHERE key = 'text_index'").fetchone()
    return row[0] if row else None


def open_index(db, db_path: Path, read_only: bool) -> sqlite3.Connection | None:
    """The database's text index, if it exists and is the database's (same id), else None."""
    path = index_path(db_path)
    if not path.is_file():
        return None
    try:
        index = sqlite3.connect(f"file:{path}?mode={'ro' if read_only else 'rw'}", uri=True, timeout=5,
                                check_same_thread=False)
        row = index.execute("SELECT value FROM meta WHERE key = 'id'").fetchone()
    except sqlite3.Error:
        return None  # not an index (or a damaged one): built again by the next writer
    if row is None or row[0] != stored_id(db):
        index.close()
        return None
    return index


def build(db, db_path: Path, warn) -> sqlite3.Connection:
    """Index every stored event row anew, in a new file that replaces the old one, and mark the
    database with the index's id; `warn` hears of a build that takes a while."""
    path = index_path(db_path)
    rows = db.execute("SELECT count(*) FROM events").fetchone()[0]
    if rows >= SLOW_BUILD:
        warn(f"{db_path}: building the text index of {rows:,} events ({path.name}; about a minute "
             "a million events, once)")
    fresh = path.with_name(path.name + ".new")
    fresh.unlink(missing_ok=True)
    index = sqlite3.connect(fresh, check_same_thread=False)
    for statement in INDEX_SCHEMA:
        index.execute(statement)
    cursor = db.execute(f"SELECT fused_id, {SEARCH_TEXT} FROM events")
    while chunk := cursor.fetchmany(BUILD_CHUNK):
        add_rows(index, chunk)
    index_id = uuid.uuid4().hex
    index.execute("INSERT INTO meta VALUES ('id', ?)", [index_id])
    index.commit()
    index.close()
    fresh.replace(path)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('text_index', ?)", [index_id])
    return sqlite3.connect(path, timeout=5, check_same_thread=False)


def forget(db) -> None:
    """Mark the database as having no text index (after rows were written other than by the store's
    writer): readers scan, and the next writer builds one."""
    db.execute("DELETE FROM meta WHERE key = 'text_index'")


def add_rows(index: sqlite3.Connection, rows: list[tuple[str, str]]) -> None:
    """Add (fused id, search text) rows to the index (the caller commits)."""
    start = index.execute("SELECT coalesce(max(row), 0) + 1 FROM rows").fetchone()[0]
    numbered = [(start + n, fused_id, text) for n, (fused_id, text) in enumerate(rows)]
    index.executemany("INSERT INTO rows VALUES (?, ?)", [(n, fused_id) for n, fused_id, _ in numbered])
    index.executemany("INSERT INTO trigrams (rowid, text) VALUES (?, ?)", [(n, text) for n, _, text in numbered])


def add_batch(db, index: sqlite3.Connection) -> None:
    """Index a batch's new event rows (the temporary table new_events) and commit the index,
    before the database commits them."""
    add_rows(index, db.execute(f"SELECT fused_id, {SEARCH_TEXT} FROM new_events").fetchall())
    index.commit()


def candidates(db, index: sqlite3.Connection, text: str) -> list[str] | None:
    """The fused ids of every event whose search text can hold `text` (a superset of the matches),
    or None where the index cannot say so quickly: a query of under three characters, a common
    one, or one that takes the index longer than BUDGET_MS."""
    lowered = db.execute("SELECT lower(?)", [text]).fetchone()[0]
    grams = {lowered[n:n + 3] for n in range(len(lowered) - 2)}
    if not grams or SEPARATOR in lowered:
        return None
    match = " AND ".join('"' + gram.replace('"', '""') + '"' for gram in sorted(grams))
    deadline = time.perf_counter() + BUDGET_MS / 1000
    index.set_progress_handler(lambda: time.perf_counter() > deadline, 1000)
    try:
        found = index.execute("""SELECT r.fused_id FROM (SELECT rowid FROM trigrams WHERE trigrams MATCH ? LIMIT ?) t
                                 JOIN rows r ON r.row = t.rowid""", [match, MAX_CANDIDATES + 1]).fetchall()
    except sqlite3.OperationalError:  # interrupted: over its budget
        return None
    finally:
        index.set_progress_handler(None, 0)
    return None if len(found) > MAX_CANDIDATES else sorted({f for (f,) in found})


def fill_search_text(db) -> None:
    """Migration step: the search text of every stored event row."""
    db.execute(f"UPDATE events SET search_text = {SEARCH_TEXT}")
