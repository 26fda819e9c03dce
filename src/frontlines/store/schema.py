"""The corpus database's tables, its schema version, and the migrations between versions."""
from __future__ import annotations

SCHEMA_VERSION = 5

# One statement a table.  Every row keeps the document it came from (provenance) and, for
# events and claims, the evidence sentence with its offsets into the document text.
TABLES = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS documents (
        id VARCHAR PRIMARY KEY, content_hash VARCHAR, title VARCHAR, source VARCHAR, url VARCHAR,
        published DATE, dateline VARCHAR, origin VARCHAR, ingested_at TIMESTAMP, text VARCHAR, report JSON)""",
    """CREATE TABLE IF NOT EXISTS places (
        doc_id VARCHAR, place_id VARCHAR, name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE,
        country_code VARCHAR, admin1 VARCHAR, feature VARCHAR, mentions INTEGER, confidence DOUBLE,
        PRIMARY KEY (doc_id, place_id))""",
    """CREATE TABLE IF NOT EXISTS actors (
        doc_id VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, country_code VARCHAR,
        PRIMARY KEY (doc_id, actor_id))""",
    """CREATE TABLE IF NOT EXISTS mentions (
        doc_id VARCHAR, ref_id VARCHAR, text VARCHAR, start_offset INTEGER, end_offset INTEGER)""",
    """CREATE TABLE IF NOT EXISTS events (
        doc_id VARCHAR, event_id VARCHAR, event_type VARCHAR, sub_event_type VARCHAR, plover VARCHAR,
        actor1 VARCHAR, actor1_kind VARCHAR, actor2 VARCHAR, actor2_kind VARCHAR, assoc_actors VARCHAR[],
        place_name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE, country_code VARCHAR, admin1 VARCHAR,
        feature VARCHAR, event_date DATE, date_precision VARCHAR, fatalities INTEGER, factuality VARCHAR,
        confidence DOUBLE, evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
        PRIMARY KEY (doc_id, event_id))""",
    """CREATE TABLE IF NOT EXISTS control (
        doc_id VARCHAR, claim_no INTEGER, place_name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE,
        country_code VARCHAR, feature VARCHAR, controller VARCHAR, controller_kind VARCHAR,
        previous_controller VARCHAR, status VARCHAR, since DATE, as_of DATE, event_id VARCHAR,
        evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER, PRIMARY KEY (doc_id, claim_no))""",
    """CREATE INDEX IF NOT EXISTS events_date ON events (event_date)""",
    """CREATE INDEX IF NOT EXISTS events_country ON events (country_code)""",
    """CREATE INDEX IF NOT EXISTS control_place ON control (geonameid, lat, lon)""",
]

# Version 2: each event row carries the id of the fused event it belongs to (reports of one event
# by several sources), set when it is written, so event queries are plain SQL with paging.
FUSED_EVENTS = [
    # DuckDB alters no table that an index depends on: drop the indexes, add, index again
    """DROP INDEX IF EXISTS events_date""",
    """DROP INDEX IF EXISTS events_country""",
    """ALTER TABLE events ADD COLUMN IF NOT EXISTS fused_id VARCHAR""",
    """CREATE INDEX IF NOT EXISTS events_date ON events (event_date)""",
    """CREATE INDEX IF NOT EXISTS events_country ON events (country_code)""",
    """CREATE INDEX IF NOT EXISTS events_fused ON events (fused_id)""",
    "fuse_stored_events",  # a step in Python (store.fusion): group the events already stored
]

# Version 3: tables the writer keeps up to date with each batch (store.derived), so that a request
# reads a page of them rather than the whole history: fused events, claims with the days each is
# its place's latest, and the tallies /api/stats shows.
DERIVED = [
    """CREATE TABLE IF NOT EXISTS fused_events (
        fused_id VARCHAR, day DATE, last_day DATE, reports INTEGER, doc_id VARCHAR, event_id VARCHAR,
        event_type VARCHAR, actor1 VARCHAR, actor2 VARCHAR, lat DOUBLE, lon DOUBLE)""",
    """CREATE TABLE IF NOT EXISTS claims (
        doc_id VARCHAR, claim_no INTEGER, place_name VARCHAR, geonameid BIGINT, lat DOUBLE, lon DOUBLE,
        country_code VARCHAR, feature VARCHAR, controller VARCHAR, controller_kind VARCHAR,
        previous_controller VARCHAR, status VARCHAR, since DATE, as_of DATE, event_id VARCHAR,
        evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER, source VARCHAR, title VARCHAR,
        published DATE, place_key VARCHAR, claim_day DATE, valid_from DATE, valid_until DATE)""",
    """CREATE TABLE IF NOT EXISTS tallies (facet VARCHAR, name VARCHAR, n BIGINT)""",
    "derived.rebuild",  # a step in Python: fill them from the stored reports
]

# Version 4: each event row keeps its evidence and place name lowered, for text search (store.text;
# the text index beside the database is built by the first writer to open it).
SEARCH_TEXT = [
    """DROP INDEX IF EXISTS events_date""",
    """DROP INDEX IF EXISTS events_country""",
    """DROP INDEX IF EXISTS events_fused""",
    # kept uncompressed: a search reads it whole, and decompressing it took half the search's time
    """ALTER TABLE events ADD COLUMN IF NOT EXISTS search_text VARCHAR USING COMPRESSION uncompressed""",
    "text.fill_search_text",
    """CREATE INDEX IF NOT EXISTS events_date ON events (event_date)""",
    """CREATE INDEX IF NOT EXISTS events_country ON events (country_code)""",
    """CREATE INDEX IF NOT EXISTS events_fused ON events (fused_id)""",
]

# Version 5: the columns a page reads stored uncompressed.  A page of events reads its reports
# through the fused_id index and their documents through the primary key, one row at a time, and
# fetching a row of a compressed column decodes around it: the reports of a page of 500 fused
# events took about 100 ms compressed, 40 uncompressed, at a million events, and their documents
# 38 and 17 ms.  Scans filtering on the map's box or a year were 2 to 9 times faster too.  The
# types and actor names stay compressed: DuckDB works `lower(actor1)` out once a distinct name,
# not once a row (an actor search scanned 3 times faster), and fusion's join on them for a
# batch's candidates (store.fusion) took 115 ms with them compressed, 200 uncompressed.  So do
# the documents' texts and reports.  The file grows by about 180 MB a million events.
UNCOMPRESSED = {
    "events": ("doc_id", "event_id", "plover", "actor1_kind", "actor2_kind",
               "place_name", "geonameid", "lat", "lon", "country_code", "admin1", "feature", "event_date",
               "date_precision", "fatalities", "factuality", "confidence", "evidence", "evidence_start",
               "evidence_end", "fused_id", "search_text"),
    "documents": ("id", "title", "source", "url", "published", "ingested_at"),
}
KEYS = {"events": "doc_id, event_id", "documents": "id"}
UNCOMPRESSED_COLUMNS = [
    "schema.uncompress_columns",  # (copying a table drops its indexes: they are made again)
    """CREATE INDEX IF NOT EXISTS events_date ON events (event_date)""",
    """CREATE INDEX IF NOT EXISTS events_country ON events (country_code)""",
    """CREATE INDEX IF NOT EXISTS events_fused ON events (fused_id)""",
]


def uncompress_columns(db) -> None:
    """Migration step: copy each table of UNCOMPRESSED into one of the same columns and key, with
    those columns stored uncompressed."""
    for table, plain in UNCOMPRESSED.items():
        columns = db.execute("""SELECT column_name, data_type FROM information_schema.columns
                                WHERE table_name = ? AND table_schema = 'main' ORDER BY ordinal_position""",
                             [table]).fetchall()
        defined = ", ".join(f"{name} {kind}" + (" USING COMPRESSION uncompressed" if name in plain else "")
                            for name, kind in columns)
        db.execute(f"CREATE TABLE {table}_v5 ({defined}, PRIMARY KEY ({KEYS[table]}))")
        db.execute(f"INSERT INTO {table}_v5 SELECT * FROM {table}")
        db.execute(f"DROP TABLE {table}")
        db.execute(f"ALTER TABLE {table}_v5 RENAME TO {table}")


# version reached → steps that take a database from the version before to it: SQL statements,
# or the name of a function that takes the connection: in frontlines.store.fusion, or MODULE.NAME
# for another module of frontlines.store.
MIGRATIONS: dict[int, list[str]] = {1: TABLES, 2: FUSED_EVENTS, 3: DERIVED, 4: SEARCH_TEXT, 5: UNCOMPRESSED_COLUMNS}
