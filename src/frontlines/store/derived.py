"""Tables the writer keeps beside the reports, so that a request reads a page, not the history.

- `fused_events`: one row per fused event that happened (asserted or reported), with its first
  day, its last, and the type, actors and point of its first report (the first by date, document
  and id: the `first` of a `FusedEvent`).  Paging, counting and the map's density read it.
- `claims`: every claim of who holds a place (the control table and the captures known only as
  events, as `queries.CLAIMS` gives them) with its document's source and title, and the days it
  is the place's latest: `valid_from` to `valid_until` (excluded; NULL: still).  "Who held what
  on a day" is then a filter, with no window over the history.
- `tallies`: how many events each country, event type and actor has, and the days with news,
  for /api/stats.

Each batch updates them in its own transaction (`update`), for the documents it removed and
the ones it wrote; `rebuild` makes them from scratch (the schema-3 migration, generated stores).
"""
from __future__ import annotations

from frontlines.model import HAPPENED

HAPPENED_SQL = "factuality IN (" + ", ".join(f"'{f}'" for f in sorted(HAPPENED)) + ")"

# The place a claim is about: its GeoNames id, else its point (as control_as_of has always keyed it).
PLACE_KEY = "coalesce(CAST(c.geonameid AS VARCHAR), printf('%.2f,%.2f', c.lat, c.lon), '')"
CLAIM_COLUMNS = ("doc_id, claim_no, place_name, geonameid, lat, lon, country_code, feature, controller, "
                 "controller_kind, previous_controller, status, since, as_of, event_id, evidence, "
                 "evidence_start, evidence_end")


def fused_rows(touched: str) -> str:
    """SELECT of the fused_events rows of the fused ids that the query `touched` lists."""
    first = "(event_date IS NULL, event_date, doc_id, event_id)"  # dated first, then by date, document, id
    return f"""
        SELECT fused_id, min(event_date), max(event_date), count(*), arg_min(doc_id, {first}),
               arg_min(event_id, {first}), any_value(event_type), any_value(actor1), any_value(actor2),
               arg_min(lat, {first}), arg_min(lon, {first})
        FROM events WHERE {HAPPENED_SQL} AND fused_id IN ({touched}) GROUP BY fused_id"""


def claim_rows(docs: str | None, tables: str = "") -> str:
    """SELECT of the claims rows of the documents that the query `docs` lists (None: of every row;
    valid days unset), from the stored tables, or with `tables` "new_" from a batch's copies of its
    rows."""
    from frontlines.store.queries import claims_sql

    return f"""
        SELECT {", ".join("c." + c.strip() for c in CLAIM_COLUMNS.split(","))}, d.source, d.title, d.published,
               {PLACE_KEY} AS place_key, coalesce(c.since, c.as_of, {NO_DAY}) AS claim_day,
               NULL::DATE AS valid_from, NULL::DATE AS valid_until
        FROM {claims_sql(tables + "control", tables + "events")} c JOIN {tables}documents d ON d.id = c.doc_id
        WHERE {f"c.doc_id IN ({docs})" if docs else "TRUE"}"""


def set_valid_days(db, places: str) -> None:
    """Work out when each claim about the places that the query `places` lists is its place's
    latest: a dated claim from its day to the place's next claim day; an undated one from its
    article's publication to the place's first dated claim (it counts only until then).  Only
    the rows whose days change are written."""
    db.execute(f"""CREATE OR REPLACE TEMP TABLE spans AS
                   SELECT row, day_from, day_until FROM (
                       SELECT rowid AS row, valid_from, valid_until,
                              CASE WHEN claim_day > {NO_DAY} THEN claim_day ELSE published END AS day_from,
                              min(claim_day) OVER (PARTITION BY place_key ORDER BY claim_day
                                  RANGE BETWEEN INTERVAL 1 DAY FOLLOWING AND UNBOUNDED FOLLOWING) AS day_until
                       FROM claims WHERE place_key IN ({places}))
                   WHERE day_from IS DISTINCT FROM valid_from OR day_until IS DISTINCT FROM valid_until""")
    # by row id: the join reads no column of the claims
    db.execute("UPDATE claims SET valid_from = s.day_from, valid_until = s.day_until FROM spans s WHERE claims.rowid = s.row")
    db.execute("DROP TABLE spans")


def cluster_claims(db) -> None:
    """Write the claims anew in the order of the day each stops being its place's latest (those
    still the latest last).  Who held what on a day then finds its claims in a few vectors of
    the table, and DuckDB decodes the other columns there only, not in every vector: the query
    of `queries.control_as_of` took 30 ms less at a million events (500,000 claims).  Batches
    append their claims after, in the order they come (mostly by day, for a corpus ingested as
    it is published)."""
    db.execute("CREATE OR REPLACE TEMP TABLE ordered AS SELECT * FROM claims "
               "ORDER BY valid_until NULLS LAST, valid_from, place_key, doc_id, claim_no")
    db.execute("DELETE FROM claims")
    db.execute("INSERT INTO claims SELECT * FROM ordered")
    db.execute("DROP TABLE ordered")


NO_DAY = "DATE '0001-01-01'"  # the day of an undated claim: before every dated one


def tally_rows(docs: str | None, sign: int, tables: str = "") -> str:
    """SELECT of the tallies (facet, name, n) of the documents that the query `docs` lists (None:
    of every row), times `sign`, from the stored tables, or with `tables` "new_" from a batch's
    copies of its rows."""
    mine = f"doc_id IN ({docs})" if docs else "TRUE"
    return f"""
        SELECT facet, name, {sign} * count(*) AS n FROM (
            SELECT 'country' AS facet, country_code AS name FROM {tables}events
                WHERE {HAPPENED_SQL} AND country_code IS NOT NULL AND {mine}
            UNION ALL SELECT 'event_type', event_type FROM {tables}events WHERE {HAPPENED_SQL} AND {mine}
            UNION ALL SELECT 'actor', actor1 FROM {tables}events WHERE {HAPPENED_SQL} AND actor1 IS NOT NULL AND {mine}
            UNION ALL SELECT 'actor', actor2 FROM {tables}events WHERE {HAPPENED_SQL} AND actor2 IS NOT NULL AND {mine}
            UNION ALL SELECT 'day', CAST(event_date AS VARCHAR) FROM {tables}events
                WHERE {HAPPENED_SQL} AND event_date IS NOT NULL AND {mine}
            UNION ALL SELECT 'day', CAST(coalesce(since, as_of) AS VARCHAR) FROM {tables}control
                WHERE coalesce(since, as_of) IS NOT NULL AND {mine})
        GROUP BY facet, name"""


def before_delete(db, doc_ids: list[str]) -> None:
    """Note what the documents about to be removed take with them: their fused events, places and
    tallies (in temporary tables that `update` reads)."""
    start_batch(db)
    if not doc_ids:
        return
    db.execute("INSERT INTO batch_docs SELECT unnest(?)", [doc_ids])
    db.execute(f"INSERT INTO touched_fused SELECT DISTINCT fused_id FROM events WHERE doc_id IN ({IN_BATCH})")
    db.execute(f"INSERT INTO touched_places SELECT DISTINCT place_key FROM claims WHERE doc_id IN ({IN_BATCH})")
    db.execute(f"INSERT INTO tally_delta {tally_rows(IN_BATCH, -1)}")
    db.execute(f"DELETE FROM claims WHERE doc_id IN ({IN_BATCH})")
    db.execute("DELETE FROM batch_docs")


IN_BATCH = "SELECT doc_id FROM batch_docs"


def start_batch(db) -> None:
    """Empty temporary tables for one batch's changes."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS batch_docs (doc_id VARCHAR)")
    db.execute("CREATE TEMP TABLE IF NOT EXISTS touched_fused (fused_id VARCHAR)")
    db.execute("CREATE TEMP TABLE IF NOT EXISTS touched_places (place_key VARCHAR)")
    db.execute("CREATE TEMP TABLE IF NOT EXISTS tally_delta (facet VARCHAR, name VARCHAR, n BIGINT)")
    for table in ("batch_docs", "touched_fused", "touched_places", "tally_delta"):
        db.execute(f"DELETE FROM {table}")


STAGED = ("documents", "events", "control")


def stage(db, written: dict[str, list[list]]) -> None:
    """Put a batch's rows of the STAGED tables in temporary tables new_{table}: the store copies
    them from there (binding the values once), and `update` reads them, not the stored history."""
    from frontlines.store import insert_rows

    for table in STAGED:
        kept = " EXCLUDE (search_text)" if table == "events" else ""  # the store adds it: store.text
        db.execute(f"CREATE OR REPLACE TEMP TABLE new_{table} AS SELECT *{kept} FROM {table} LIMIT 0")
        insert_rows(db, f"new_{table}", written.get(table, []))


def note_written(db) -> None:
    """Note the fused events a batch wrote (after `before_delete` and `stage`), in touched_fused:
    the text index re-indexes them (store.text), and `update` the derived tables."""
    # (the batch's copies hold its rows only: none needs its document looked up in the batch, which
    # took DuckDB longer to plan than to do)
    db.execute("INSERT INTO touched_fused SELECT DISTINCT fused_id FROM new_events")


def update(db) -> None:
    """Bring the derived tables up to date after a batch (after `note_written`); nothing here scans
    the stored history but for the fused events and places it touched."""
    touched = "SELECT DISTINCT fused_id FROM touched_fused"
    db.execute(f"DELETE FROM fused_events WHERE fused_id IN ({touched})")
    db.execute(f"INSERT INTO fused_events {fused_rows(touched)}")
    db.execute(f"CREATE OR REPLACE TEMP TABLE new_claims AS {claim_rows(None, 'new_')}")
    db.execute("INSERT INTO claims SELECT * FROM new_claims")
    db.execute("INSERT INTO touched_places SELECT DISTINCT place_key FROM new_claims")
    set_valid_days(db, "SELECT DISTINCT place_key FROM touched_places")
    db.execute(f"INSERT INTO tally_delta {tally_rows(None, 1, 'new_')}")
    merge_tallies(db, "SELECT * FROM tally_delta")
    for table in (*STAGED, "claims"):
        db.execute(f"DROP TABLE new_{table}")


def merge_tallies(db, delta: str) -> None:
    """Add the rows of the query `delta` to the tallies, dropping names whose count falls to nothing.
    (The table is written anew: a few thousand rows; changing only the rows a batch counts, with an
    UPDATE, an INSERT and a DELETE, measured slower.)"""
    db.execute(f"""CREATE OR REPLACE TEMP TABLE merged AS
                   SELECT facet, name, sum(n)::BIGINT AS n FROM (SELECT * FROM tallies UNION ALL {delta})
                   GROUP BY facet, name HAVING sum(n) > 0""")
    db.execute("DELETE FROM tallies")
    db.execute("INSERT INTO tallies SELECT * FROM merged")
    db.execute("DROP TABLE merged")


def rebuild(db) -> None:
    """Make the derived tables from the stored reports (a migration step; generated stores)."""
    for table in ("fused_events", "claims", "tallies"):
        db.execute(f"DELETE FROM {table}")
    db.execute(f"INSERT INTO fused_events {fused_rows('SELECT fused_id FROM events')}")
    db.execute(f"INSERT INTO claims {claim_rows(None)}")
    set_valid_days(db, "SELECT place_key FROM claims")
    cluster_claims(db)
    merge_tallies(db, tally_rows(None, 1))
