"""Questions asked of the store: events (fused across sources) and who held what on a day."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from itertools import groupby
from operator import itemgetter

from frontlines.store import Store, text
from frontlines.store.derived import CLAIM_COLUMNS

# Every claim of who holds a place: the control table, and the captures stored only as events (an
# article keeps only a place's latest holder among its claims, so "rebels seized Kidal in 2014"
# before "the army took Kidal on Tuesday" reaches the timeline through its event).
def claims_sql(control: str = "control", events: str = "events") -> str:
    """The claims of the control table and the captures of the events table (or of tables of the
    same columns, such as a batch's new rows), as a subquery."""
    return f"""(
    SELECT * FROM {control}
    UNION ALL
    SELECT e.doc_id, NULL, e.place_name, e.geonameid, e.lat, e.lon, e.country_code, e.feature, e.actor1,
           e.actor1_kind, e.actor2, 'controlled', e.event_date, e.event_date, e.event_id, e.evidence,
           e.evidence_start, e.evidence_end
    FROM {events} e
    WHERE e.sub_event_type IN ('Government regains territory', 'Non-state actor overtakes territory')
          AND e.factuality IN ('asserted', 'reported') AND e.actor1 IS NOT NULL AND e.lat IS NOT NULL
          AND e.event_date IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM {control} k WHERE k.doc_id = e.doc_id AND k.event_id = e.event_id))"""


CLAIMS = claims_sql()


# A user's words anywhere in a column, whatever their case; "%" and "_" are characters like any
# other (and DuckDB's contains() is many times faster than ILIKE with an ESCAPE).  Words in the
# evidence or the place: `store.text`.
FOUND_IN = "contains(lower({}), lower(?))"


@dataclass
class EventFilter:
    """Which events to return; every field optional."""

    start: str | None = None
    end: str | None = None
    country: str | None = None
    event_type: str | None = None
    actor: str | None = None
    text: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    place: str | None = None  # a GeoNames id, or "@" and the name of a place without one
    fused_id: str | None = None
    # the fused events that the text index says can match `text` (None: not narrowed; `narrowed`)
    candidates: tuple[str, ...] | None = None

    def uniform(self) -> bool:
        """Whether only filters that every report of a fused event shares are set (its type and
        actors, as fusion demands, or its id): then the fused_events table can answer."""
        return not any((self.start, self.end, self.country, self.text, self.bbox, self.place))

    def where(self, happened: bool = True) -> tuple[str, list]:
        """A WHERE clause with bound parameters; `happened`: with the condition that the event
        happened (the events table needs it; fused_events holds only those)."""
        parts, params = ["factuality IN ('asserted', 'reported')" if happened else "TRUE"], []
        for column, op, value in (("event_date", ">=", self.start), ("event_date", "<=", self.end),
                                  ("country_code", "=", self.country), ("event_type", "=", self.event_type)):
            if value:
                parts.append(f"{column} {op} ?")
                params.append(value.upper() if column == "country_code" else value)
        if self.actor:
            names = actor_names(self.actor)  # "ISIS" is stored as "Islamic State"
            marks = ",".join("?" * len(names)) or "NULL"
            parts.append(f"({FOUND_IN.format('actor1')} OR {FOUND_IN.format('actor2')} "
                         f"OR actor1 IN ({marks}) OR actor2 IN ({marks}))")
            params += [self.actor] * 2 + names * 2
        if self.text:
            found, words = text.clause(self.text)
            parts.append(found)
            params += words
        if self.bbox:
            parts.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
            params += [self.bbox[0], self.bbox[2], self.bbox[1], self.bbox[3]]
        if self.place:
            by_name = self.place.startswith("@")
            parts.append("geonameid IS NULL AND place_name = ?" if by_name else "geonameid = ?")
            params.append(self.place[1:] if by_name else int(self.place))
        if self.fused_id:
            parts.append("fused_id = ?")
            params.append(self.fused_id)
        return " AND ".join(parts), params


def narrowed(store: Store, where: EventFilter) -> EventFilter:
    """The filter with the candidates of its text from the text index, where the index can name
    them quickly (a selective query); else the filter as it was, for a scan."""
    if not where.text or where.candidates is not None:
        return where
    index = store.text_index()
    found = text.candidates(store.db, index, where.text) if index else None
    return where if found is None else replace(where, candidates=tuple(found))


def indexed(store: Store, where: EventFilter):
    """The text index and its query, where the index answers the filter alone: words within one
    word (store.text) and no other filter; else None."""
    if not where.text or replace(where, text=None, candidates=None) != EventFilter():
        return None
    index = store.text_index()
    query = index.query(text.lowered(store.db, where.text), exact=True) if index else None
    return (index, query) if query is not None else None


def indexed_page_ids(store: Store, where: EventFilter, found, limit: int, offset: int) -> list[str]:
    """The fused ids of a page from the text index (`found`: the index and its query): its fused
    events by first day, each keyed by its first matching report's day (a fused event of one
    report: its day; of several, asked of DuckDB).  Every fused event keyed before the day of
    the last one read is known, with its key: when they fill the page, it is the page; else more
    are read."""
    index, query = found
    wanted = offset + limit
    reach = wanted * 5 // 4 + 10
    while True:
        hits = index.by_day(query, reach)
        complete = len(hits) < reach
        edge = text.NO_DAY + 1 if complete else hits[-1].day
        keys = {h.fused_id: h.day for h in hits if h.reports == 1}
        keys.update(matching_days(store, where, [h.fused_id for h in hits if h.reports > 1]))
        known = sorted((day, fused_id) for fused_id, day in keys.items() if day < edge)
        if complete or len(known) >= wanted:
            return [fused_id for _, fused_id in known[offset:wanted]]
        reach *= 4


def matching_days(store: Store, where: EventFilter, ids: list[str]) -> dict[str, int]:
    """The day of each fused event's first report matching the filter (text.NO_DAY: undated)."""
    if not ids:
        return {}
    table, rows = events_from(replace(where, candidates=tuple(ids)))
    clause, params = where.where()
    found = store.db.execute(f"SELECT fused_id, min(event_date) FROM {table} WHERE {clause} GROUP BY fused_id",
                             [*rows, *params]).fetchall()
    return {fused_id: text.day_number(day) for fused_id, day in found}


def events_from(where: EventFilter) -> tuple[str, list]:
    """The events table to filter, with its parameters: every row, or only the rows of the text
    index's candidates, read through the fused_id index (materialised: DuckDB looks a list of
    keys up in an index only when no other filter is pushed into the same scan)."""
    if where.candidates is None:
        return "events", []
    ids = list(where.candidates)
    return (f"(WITH narrowed AS MATERIALIZED (SELECT * FROM events WHERE fused_id IN ({marks(ids)})) "
            "SELECT * FROM narrowed) events"), ids


def actor_names(text: str) -> list[str]:
    """The canonical names that the actor dictionary gives `text` as a name or alias."""
    from frontlines.actors.dictionary import load_dictionary

    folded = text.casefold()
    return sorted(e.name for e in load_dictionary().entries.values()
                  if folded in {a.casefold() for a in [e.name, *e.aliases]})


def place_ids(name: str) -> list[int]:
    """The GeoNames ids a place name can stand for, spellings folded as the extractor folds
    them ("Raqqa" → Ar Raqqah's id)."""
    from frontlines.places import load

    return sorted({e.geonameid for entries in load().by_name([name]).values() for e in entries if e.geonameid})


@dataclass
class FusedEvent:
    """One event as reported by one or more sources."""

    first: dict
    sources: list[dict] = field(default_factory=list)

    @property
    def key(self) -> str:
        """A stable id: the first report's document and event ids."""
        return self.first["fused_id"]


def fused_events(store: Store, where: EventFilter | None = None, limit: int | None = None,
                 offset: int = 0) -> list[FusedEvent]:
    """Events matching the filter, reports of the same event fused, in date order; a page of them
    with `limit` and `offset`.  A fused event lists the reports that match the filter."""
    where = where or EventFilter()
    if limit is None and not (where.fused_id or where.place):
        return every_fused_event(store, where, offset)
    if limit and indexed(store, where):
        return fused_of(store, where, page_ids(store, where, limit, offset))
    return fused_of(store, where, page_ids(store, narrowed(store, where), limit, offset))


def fused_page(store: Store, where: EventFilter, limit: int, offset: int = 0) -> tuple[list[FusedEvent], int]:
    """A page of `fused_events`, and how many fused events match in all (for paging).  Where the
    fused_events table or the text index cannot answer, the matching reports are read and
    grouped once for both."""
    if where.uniform() or indexed(store, where):
        return fused_events(store, where, limit, offset), count_fused_events(store, where)
    where = narrowed(store, where)
    table, rows = events_from(where)
    clause, params = where.where()
    total, ids = store.db.execute(f"""
        WITH firsts AS MATERIALIZED (SELECT fused_id, min(event_date) AS first FROM {table} WHERE {clause}
                                     GROUP BY fused_id),
             page AS (SELECT fused_id, first FROM firsts ORDER BY first NULLS LAST, fused_id LIMIT ? OFFSET ?)
        SELECT (SELECT count(*) FROM firsts), (SELECT list(fused_id ORDER BY first NULLS LAST, fused_id) FROM page)""",
                                  [*rows, *params, limit, offset]).fetchone()
    return fused_of(store, where, ids or []), total


def fused_of(store: Store, where: EventFilter, ids: list[str]) -> list[FusedEvent]:
    """The fused events of `ids`, in that order, each with its reports that match the filter."""
    if not ids:
        return []
    clause, params = where.where()
    # the page's rows through the index on fused_id (DuckDB looks a list of keys up in it only when
    # no other filter is pushed into the same scan: hence the filter over a materialised page)
    rows = store.rows(f"""WITH page AS MATERIALIZED (SELECT * FROM events WHERE fused_id IN ({marks(ids)}))
                          SELECT * EXCLUDE (search_text) FROM page WHERE {clause}""", [*ids, *params])
    doc_ids = sorted({r["doc_id"] for r in rows})
    documents = {r["id"]: r for r in store.rows(
        f"SELECT id, source, title, url, published, ingested_at FROM documents WHERE id IN ({marks(doc_ids)})",
        doc_ids)}  # (looked up in the key's index: the columns are stored uncompressed, `schema`)
    place = {fused_id: n for n, fused_id in enumerate(ids)}
    rows.sort(key=lambda r: (place[r["fused_id"]], r["event_date"] is None, r["event_date"] or date.min,
                             r["doc_id"], r["event_id"]))
    fused: dict[str, FusedEvent] = {}
    for row in rows:
        document = documents[row["doc_id"]]
        row.update((k, document[k]) for k in ("source", "title", "url", "published", "ingested_at"))
        fused.setdefault(row["fused_id"], FusedEvent(row)).sources.append(row)
    return list(fused.values())


def marks(values: list) -> str:
    """Placeholders for an IN list of `values` (DuckDB filters the events by a list of constants
    a few times faster than it joins a subquery's)."""
    return ",".join("?" * len(values)) or "NULL"


def page_ids(store: Store, where: EventFilter, limit: int | None, offset: int) -> list[str]:
    """The fused ids of a page, in date order (a fused event's day: its first matching report's),
    reading only the rows up to the page's last day: find the day of the n-th matching row, then
    group the rows up to it; a cutoff that left too few fused events is moved on."""
    found = indexed(store, where) if limit else None
    if found:
        return indexed_page_ids(store, where, found, limit, offset)
    if where.text:
        return matching_page_ids(store, where, limit, offset)
    table, day, (clause, params) = ("fused_events", "day", where.where(happened=False)) if where.uniform() else \
        ("events", "event_date", where.where())
    paging = "LIMIT ? OFFSET ?" if limit else "OFFSET ?"
    reach = (offset + limit) * 5 // 4 + 10 if limit else None  # a few reports more than fused events
    while True:
        cut = store.db.execute(f"SELECT {day} FROM {table} WHERE {clause} ORDER BY {day} NULLS LAST LIMIT 1 OFFSET ?",
                               [*params, reach - 1]).fetchone() if reach else None
        bounded = cut is not None and cut[0] is not None
        found = store.db.execute(
            f"""SELECT fused_id, min({day}) AS first FROM {table} WHERE {clause} {f"AND {day} <= ?" if bounded else ""}
                GROUP BY fused_id ORDER BY first NULLS LAST, fused_id {paging}""",
            [*params, *([cut[0]] if bounded else []), *([limit] if limit else []), offset]).fetchall()
        if not bounded or len(found) == limit:
            return [fused_id for fused_id, _ in found]
        reach *= 4  # reports of one event took up some of the rows: look further


def matching_page_ids(store: Store, where: EventFilter, limit: int | None, offset: int) -> list[str]:
    """The fused ids of a page where the filter has words: the matching rows are found once (a
    scan of the search text, or the text index's candidates) and grouped, as cutting at a day
    would scan them twice."""
    table, rows = events_from(where)
    clause, params = where.where()
    paging = "LIMIT ? OFFSET ?" if limit else "OFFSET ?"
    return [fused_id for fused_id, in store.db.execute(
        f"""SELECT fused_id FROM {table} WHERE {clause} GROUP BY fused_id
            ORDER BY min(event_date) NULLS LAST, fused_id {paging}""",
        [*rows, *params, *([limit] if limit else []), offset]).fetchall()]


def every_fused_event(store: Store, where: EventFilter, offset: int = 0) -> list[FusedEvent]:
    """Every fused event matching the filter from `offset` on (an export: the whole table once)."""
    clause, params = where.where()
    rows = store.rows(f"""
        WITH matching AS (SELECT e.* EXCLUDE (search_text), d.source, d.title, d.url, d.published, d.ingested_at FROM events e
                          JOIN documents d ON d.id = e.doc_id WHERE {clause}),
             page AS (SELECT fused_id, min(event_date) AS day FROM matching GROUP BY fused_id
                      ORDER BY day NULLS LAST, fused_id OFFSET ?)
        SELECT matching.* FROM matching JOIN page USING (fused_id)
        ORDER BY page.day NULLS LAST, fused_id, event_date NULLS LAST, doc_id, event_id""", [*params, offset])
    fused: dict[str, FusedEvent] = {}
    for row in rows:
        fused.setdefault(row["fused_id"], FusedEvent(row)).sources.append(row)
    return list(fused.values())


def count_fused_events(store: Store, where: EventFilter | None = None) -> int:
    """How many fused events match the filter (for paging): a count of fused_events where it can
    answer, else of the fused ids of the matching reports."""
    where = where or EventFilter()
    if where.uniform():
        clause, params = where.where(happened=False)
        return store.db.execute(f"SELECT count(*) FROM fused_events WHERE {clause}", params).fetchone()[0]
    found = indexed(store, where)
    if found:
        return found[0].count(found[1])
    where = narrowed(store, where)
    table, rows = events_from(where)
    clause, params = where.where()
    return store.db.execute(f"SELECT count(DISTINCT fused_id) FROM {table} WHERE {clause}",
                            [*rows, *params]).fetchone()[0]


def place_key(row: dict) -> tuple:
    """One place across documents: its GeoNames id, else its point."""
    return (row["geonameid"],) if row["geonameid"] is not None else (round(row["lat"], 2), round(row["lon"], 2))


def claim_day(row: dict) -> date | None:
    """When a claim takes effect: its change date, else the date it speaks of."""
    return row["since"] or row["as_of"]


def claims_on(day: str, country: str | None = None) -> tuple[str, list]:
    """A WHERE clause (and its parameters) of the claims that are their place's latest on `day`
    (the writer keeps, for each claim, the days it is: `store.derived`), in one country or all."""
    clause, params = "valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)", [day, day]
    if country:
        clause, params = f"{clause} AND country_code = ?", [*params, country.upper()]
    return clause, params


def control_as_of(store: Store, day: str, country: str | None = None) -> list[dict]:
    """Who held each place on `day`: the latest claims on or before it, with their evidence.
    Where sources name different holders on that latest day, each is returned with
    status "disputed" beside its own, so the conflict shows.  (`web.views.control_collection`
    writes the same answers as GeoJSON in SQL.)"""
    clause, params = claims_on(day, country)
    rows = store.rows(f"""SELECT {CLAIM_COLUMNS}, source, title, published, claim_day, place_key FROM claims
                         WHERE {clause} ORDER BY place_key, doc_id, claim_no, event_id""", params)
    out = []
    for _, claims in groupby(rows, key=itemgetter("place_key")):  # a place's claims are in a row
        holders: dict[str | None, list[dict]] = {}
        for row in claims:
            holders.setdefault(row["controller"], []).append(row)
        disputed = len(holders) > 1
        for holder in sorted(holders, key=str) if disputed else holders:
            evidence = holders[holder]
            out.append({**evidence[0], "disputed": disputed, "sources": evidence})
    out.sort(key=lambda r: (r["country_code"] or "", r["place_name"] or ""))
    return out


def timeline(store: Store, place: str) -> list[dict]:
    """Every claim about one place of that name (or GeoNames id), oldest first, each with the
    source that makes it; claims of one day that name different holders are marked disputed.
    A name that stands for several places (a city and its province) gives the first of
    `places_named`."""
    return timeline_and_others(store, place)[0]


def timeline_and_others(store: Store, place: str) -> tuple[list[dict], list[dict]]:
    """The timeline of the place a name stands for, and the other places of that name that the
    corpus has claims about (one row each, for "did you mean")."""
    ids = place_ids(place)
    rows = store.rows(f"""SELECT {CLAIM_COLUMNS}, source, title, published FROM claims
                         WHERE lower(place_name) = lower(?) OR CAST(geonameid AS VARCHAR) = ?
                               OR geonameid IN ({",".join("?" * len(ids)) or "NULL"})
                         ORDER BY coalesce(since, as_of) NULLS FIRST, doc_id, claim_no, event_id""",
                      [place, place, *ids])
    ranked = places_named(rows, place)
    chosen = [r for r in rows if ranked and place_key(r) == place_key(ranked[0])]
    for row in chosen:
        same_day = {r["controller"] for r in chosen if claim_day(r) == claim_day(row)}
        row["disputed"] = len(same_day) > 1
    return chosen, ranked[1:]


def places_named(rows: list[dict], place: str) -> list[dict]:
    """One row for each place among claims, best first: the place whose own name (or id) is the
    one asked for, then a town before a division named like it (as the extractor prefers the
    city of Deir ez-Zor to its province), then the place with most claims."""
    by_place: dict[tuple, list[dict]] = {}
    for row in rows:
        by_place.setdefault(place_key(row), []).append(row)

    def rank(claims: list[dict]) -> tuple:
        first = claims[0]
        exact = (first["place_name"] or "").casefold() == place.casefold() or str(first["geonameid"]) == place
        return (not exact, first["feature"] not in ("city", "site"), -len(claims))

    return [{**claims[0], "claims": len(claims)} for claims in sorted(by_place.values(), key=rank)]


def density(store: Store, where: EventFilter, cell: float) -> list[dict]:
    """How many fused events match in each square of `cell` degrees (within the filter's box), with
    the mean position of their points: each fused event at its first report's point where the
    fused_events table can answer, else each counted once a square it has matching reports in
    (a word alone: counted by the text index, `store.text.TextIndex.cells`)."""
    box, where = where.bbox, replace(where, bbox=None)
    found = indexed(store, where)  # a word alone: the text index counts it (it scanned a million texts)
    if found:
        cells = found[0].cells(text.lowered(store.db, where.text), box, cell)
        if cells is not None:
            return cells
    table, (clause, params) = ("fused_events", where.where(happened=False)) if where.uniform() else \
        ("events", where.where())
    if table == "events":
        where = narrowed(store, where)
        table, rows = events_from(where)
        params = [*rows, *params]
    if box:
        clause += " AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?"
        params += [box[0], box[2], box[1], box[3]]
    counted = "count(*)" if table == "fused_events" else "count(DISTINCT fused_id)"
    return store.rows(f"""SELECT avg(lat) AS lat, avg(lon) AS lon, {counted} AS n FROM {table}
                          WHERE {clause} AND lat IS NOT NULL AND lon IS NOT NULL
                          GROUP BY floor(lat / ?), floor(lon / ?) ORDER BY n DESC""", [*params, cell, cell])
