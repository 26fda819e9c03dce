"""Text search: a user's words anywhere in an event's evidence or place name, whatever their case;
`%` and `_` are characters like any other.

Each event row keeps `search_text`: its evidence and place name lowered by DuckDB, so that a
search compares the same lowered strings that `contains(lower(...))` did, without lowering a
million strings a request.

Beside the database, FILE.search is a tantivy index with one document a fused event that
happened: the words of its reports' search texts (split at spaces and the like: SPLIT), each
word indexed by every one of its suffixes (cut to SUFFIX characters), and the point of its
report where it has one; a fused event of several reports has besides a document for each
report with a point (kind REPORT: its words, its point), for the density of a word
(`TextIndex.cells`).  A query within one word
("said", "shell", "4321.") is found anywhere in a word exactly when some suffix begins with it:
a prefix look-up, so the index names exactly the fused events that match, counts them, and gives
them by day; a query of several words names the events holding a word like each (a superset,
which DuckDB's filter narrows, as it did the candidates of the old trigram index).  Queries of
under three characters, and a query's parts that are, are left to the scan.

The writer re-indexes the fused events each batch touches and commits the index with a new
generation, written in the database's meta in the same transaction; readers use the index only
where the generations agree (a store generated in SQL, a database copied without its index, a
batch rolled back after its index committed where indexing its events again failed too: readers
scan, and the next writer builds the index again), so the index's answers are always those of
the stored rows.  The index commits in a thread while the writer updates the derived tables.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import threading
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

# One string a row for the search: evidence and place name, lowered, joined by a character no one
# types (a query holding it is answered by the filter on the columns themselves).
SEPARATOR = "\x1f"
SEARCH_TEXT = "lower(coalesce(evidence, '')) || chr(31) || lower(coalesce(place_name, ''))"
FOUND = "contains(search_text, lower(?))"
FOUND_IN_COLUMNS = "(contains(lower(evidence), lower(?)) OR contains(lower(place_name), lower(?)))"
HAPPENED = "factuality IN ('asserted', 'reported')"

SPLIT = re.compile("[ \t\n\r\f\v\x1f]+")  # what ends a word (ASCII only: the index splits on nothing else)
SHORTEST = 3       # a word's suffixes of fewer characters are not indexed: a query this short is scanned
SUFFIX = 32        # characters of a suffix kept: a word of one longer query is scanned
TERMS = 1_000_000  # fused events of several reports a density cell may count (else it is scanned)
MAX_CANDIDATES = 256  # fused events a query of several words may name: DuckDB reads a few hundred by index in 20 ms
NO_DAY = 10**9     # the day of an undated fused event: after every dated one (NULLS LAST)
BUILD_CHUNK = 20_000  # fused events read from DuckDB at a time while building
SLOW_BUILD = 100_000  # rows from which building is announced
WRITER_HEAP = 128_000_000
KNOWN_WORDS = 1_000_000  # words whose suffixes a build remembers (natural text repeats most words)

# The documents of the index: one a fused event that happened (the rows of some fused events: a
# list of constants, which DuckDB looks up in the fused_id index when the list is materialised
# alone, where a subquery's list had it scan the table: 100 ms a batch at a million events).
# With each, its point where it has one report (that report's), else each report with a point.
FUSED_DOCUMENTS = f"""WITH rows AS MATERIALIZED (SELECT * FROM events {{}})
                      SELECT fused_id, min(event_date), count(*), string_agg(search_text, chr(31)),
                             CASE WHEN count(*) = 1 THEN any_value(lat) END,
                             CASE WHEN count(*) = 1 THEN any_value(lon) END,
                             CASE WHEN count(*) > 1 THEN list(struct_pack(lat, lon, search_text))
                                  FILTER (WHERE lat IS NOT NULL AND lon IS NOT NULL) END
                      FROM rows WHERE {HAPPENED} GROUP BY fused_id"""
# Which version of the index's documents the database's meta names (the generation is kept under
# this key): an index of another version is not used, and the next writer builds it again.
META_KEY = "text_index_2"
REPORT = "report"  # the `kind` of a report's document (a fused event's has none)
EVERYWHERE = (-1e300, 1e300)  # a range every point is in (a document without a point is not)


def clause(text: str) -> tuple[str, list]:
    """The filter of a text query on the events table, with its parameters."""
    if SEPARATOR in text:  # (lower() neither makes nor removes this character)
        return FOUND_IN_COLUMNS, [text, text]
    return FOUND, [text]


def index_path(db_path: Path) -> Path:
    """Where a database's text index lives: a folder beside it."""
    return db_path.with_name(db_path.name + ".search")


def stored_id(db) -> str | None:
    """The generation of the text index that the database was last indexed into, if any."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", [META_KEY]).fetchone()
    return row[0] if row else None


def suffixes(text: str, known: dict[str, str]) -> str:
    """The index's words of a search text: every suffix of each word, cut to SUFFIX characters,
    of at least SHORTEST, joined by spaces (`known` remembers words already cut)."""
    out = []
    for word in set(SPLIT.split(text)):
        cut = known.get(word)
        if cut is None:
            cut = " ".join({word[i:i + SUFFIX] for i in range(len(word) - SHORTEST + 1)})
            if len(known) < KNOWN_WORDS:
                known[word] = cut
        if cut:
            out.append(cut)
    return " ".join(out)


def schema():
    """The index's fields: the fused id (kept), its first day and its reports (for paging), the
    suffixes of its words, `meta` (the generation document's mark), `kind` (REPORT for a report's
    document), and the point and `group` (fast fields, for the density of a word: `TextIndex.cells`)."""
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("fused", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("meta", tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("day", fast=True)
    builder.add_integer_field("reports", fast=True)
    builder.add_text_field("words", tokenizer_name="suffixes", index_option="basic")
    builder.add_text_field("kind", tokenizer_name="raw", index_option="basic")
    builder.add_float_field("lat", indexed=True, fast=True)
    builder.add_float_field("lon", indexed=True, fast=True)
    builder.add_integer_field("group", fast=True)
    return builder.build()


def opened(path: Path, new_schema: bool = False):
    """The tantivy index in `path` (made there with `new_schema`), its tokenizer registered."""
    import tantivy

    index = tantivy.Index(schema(), path=str(path)) if new_schema else tantivy.Index.open(str(path))
    # the suffixes are joined by spaces and hold no ASCII white space (SPLIT): the tokenizer that splits
    # at it gives them back (and builds in a third of the time of a regex `[^ ]+`)
    index.register_tokenizer("suffixes", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())
    return index


@dataclass
class Hit:
    """A fused event the index names: its id, its first day (NO_DAY: undated), its reports."""

    fused_id: str
    day: int
    reports: int


class TextIndex:
    """An open text index: searching it, and (for a writer) re-indexing fused events."""

    def __init__(self, index):
        self.index = index
        self.searcher = index.searcher()
        self.writer = None
        self.committed = False  # whether this batch's changes were committed (`undo`)
        self.committing = None  # the commit under way in a thread, and what it gives (`start_commit`)
        self.touched: list[str] = []  # the fused events last re-indexed (`undo`)

    def generation(self) -> str | None:
        """The generation the index was last committed with."""
        import tantivy

        found = self.searcher.search(tantivy.Query.term_query(self.index.schema, "meta", "generation"), 1).hits
        return self.searcher.doc(found[0][1])["fused"][0] if found else None

    def query(self, lowered: str, exact: bool):
        """The tantivy query of a lowered text, over the fused events' documents: with `exact`, only
        a query within one word (which the index answers exactly), else also one of several words
        (a superset); None where the index can say nothing (parts all too short, or the separator)."""
        import tantivy

        words = self.words(lowered, exact)
        if words is None:
            return None
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, words), (tantivy.Occur.MustNot, self.of_reports())])

    def of_reports(self):
        """The query of the reports' documents."""
        import tantivy

        return tantivy.Query.term_query(self.index.schema, "kind", REPORT)

    def words(self, lowered: str, exact: bool):
        """The query of the documents holding the words of `lowered` (as `query`, over every kind
        of document)."""
        import tantivy

        if SEPARATOR in lowered:
            return None
        parts = [p for p in SPLIT.split(lowered) if p]
        if exact and (len(parts) != 1 or parts[0] != lowered or len(lowered) > SUFFIX):
            return None
        usable = [p[:SUFFIX] for p in parts if len(p) >= SHORTEST]
        if not usable or (exact and len(usable) != 1):
            return None
        words = [tantivy.Query.regex_query(self.index.schema, "words", prefix_regex(p)) for p in usable]
        return words[0] if len(words) == 1 else tantivy.Query.boolean_query([(tantivy.Occur.Must, w) for w in words])

    def cells(self, lowered: str, box, cell: float) -> list[dict] | None:
        """The density of a word (a query within one word, which the index answers exactly) on a
        grid of `cell` degrees, within `box` (min lon, min lat, max lon, max lat) if any: in each
        cell, how many fused events that happened have a report holding the word there (`n`), and
        the mean point of those reports (`lat`, `lon`), as `queries.density` counts them, in the
        order of their counts.  A fused event of one report is its own document, at its point; a
        fused event of several has a document for each report with a point, and is counted once a
        cell by its id.  None where the index cannot answer (not a query within one word)."""
        import tantivy

        words = self.words(lowered, exact=True)
        if words is None:
            return None
        Must, schema = tantivy.Occur.Must, self.index.schema
        lons, lats = ((box[0], box[2]), (box[1], box[3])) if box else (EVERYWHERE, EVERYWHERE)
        within = [(Must, tantivy.Query.range_query(schema, "lat", tantivy.FieldType.Float, *lats)),
                  (Must, tantivy.Query.range_query(schema, "lon", tantivy.FieldType.Float, *lons))]
        sums = {"lat_sum": {"sum": {"field": "lat"}}, "lon_sum": {"sum": {"field": "lon"}}}
        grid = lambda inner: {"lat_cells": {"histogram": {"field": "lat", "interval": cell, "min_doc_count": 1},  # noqa: E731
                                            "aggs": {"lon_cells": {"histogram": {"field": "lon", "interval": cell,
                                                                                 "min_doc_count": 1},
                                                                   "aggs": inner}}}}
        found: dict[tuple[int, int], list] = {}  # cell -> [fused events, reports, sum of latitudes, of longitudes]

        def add(answer: dict, fused_events) -> bool:
            for row in answer["lat_cells"]["buckets"]:
                for place in row["lon_cells"]["buckets"]:
                    n = fused_events(place)
                    if n is None:
                        return False
                    key = (round(row["key"] / cell), round(place["key"] / cell))
                    tally = found.setdefault(key, [0, 0, 0.0, 0.0])
                    tally[0] += n
                    tally[1] += place["doc_count"]
                    tally[2] += place["lat_sum"]["value"]
                    tally[3] += place["lon_sum"]["value"]
            return True

        def distinct(place: dict) -> int | None:
            ids = place["fused_ids"]
            return None if ids["sum_other_doc_count"] or ids.get("doc_count_error_upper_bound") else len(ids["buckets"])

        single = tantivy.Query.boolean_query([(Must, words), (tantivy.Occur.MustNot, self.of_reports()), *within])
        reports = tantivy.Query.boolean_query([(Must, words), (Must, self.of_reports()), *within])
        several = {**sums, "fused_ids": {"terms": {"field": "group", "size": TERMS, "segment_size": TERMS}}}
        try:
            if not add(self.searcher.aggregate(single, grid(sums)), lambda place: place["doc_count"]):
                return None
            if not add(self.searcher.aggregate(reports, grid(several)), distinct):
                return None  # (more fused events in a cell than the count looks at)
        except ValueError:  # tantivy refused the aggregation (its limits): scanned instead
            return None
        cells = [{"lat": lat / rows, "lon": lon / rows, "n": n} for n, rows, lat, lon in found.values()]
        return sorted(cells, key=lambda c: -c["n"])

    def count(self, query) -> int:
        """How many fused events the query names."""
        return self.searcher.search(query, 1, count=True).count

    def by_day(self, query, limit: int) -> list[Hit]:
        """The first `limit` fused events the query names, by first day (ties in any order)."""
        import tantivy

        hits = self.searcher.search(query, limit, count=False, order_by_field="day", order=tantivy.Order.Asc).hits
        addresses = [address for _, address in hits]
        reports = self.searcher.fast_field_values("reports", addresses) if addresses else []
        return [Hit(self.searcher.doc(a)["fused"][0], day, n) for (day, a), n in zip(hits, reports)]

    def fused_ids(self, query, limit: int) -> list[str] | None:
        """Every fused event the query names, or None where there are more than `limit`."""
        found = self.searcher.search(query, limit + 1, count=False).hits
        if len(found) > limit:
            return None
        return sorted({self.searcher.doc(address)["fused"][0] for _, address in found})

    def reindex(self, db, touched: str | None) -> None:
        """Index anew the fused events that the query `touched` lists, as the database holds them
        now (a fused event with no report left that happened is only removed); with None, every
        fused event, into an empty index."""
        if touched is not None:
            self.reindex_ids(db, [f for (f,) in db.execute(f"SELECT DISTINCT fused_id FROM ({touched})").fetchall()])
            return
        self.open_writer()
        self.index_rows(db, "", [])

    def open_writer(self) -> None:
        """The index's writer, opened once; the files a writer killed before its commit left behind are
        removed first, or a commit that names a file the same way fails ("FileAlreadyExists ... .del")."""
        if self.writer is None:
            self.writer = self.index.writer(WRITER_HEAP, 1)
            self.writer.garbage_collect_files()

    def reindex_ids(self, db, ids: list[str]) -> None:
        """Index anew the fused events `ids`, as the database holds them now (kept for `undo`)."""
        self.open_writer()
        self.touched = ids
        for fused_id in ids:
            self.writer.delete_documents_by_term("fused", fused_id)
        if ids:
            self.index_rows(db, f"WHERE fused_id IN ({','.join('?' * len(ids))})", ids)

    def index_rows(self, db, chosen: str, ids: list[str]) -> None:
        """Add a document for each fused event that happened among the event rows the clause `chosen`
        picks (with its parameters `ids`)."""
        import tantivy

        cursor = db.execute(FUSED_DOCUMENTS.format(chosen), ids)
        known: dict[str, str] = {}
        while chunk := cursor.fetchmany(BUILD_CHUNK):
            for fused_id, day, reports, searched, lat, lon, each in chunk:
                point = {} if lat is None or lon is None else {"lat": lat, "lon": lon}
                self.writer.add_document(tantivy.Document(
                    fused=fused_id, day=day_number(day), reports=reports, words=suffixes(searched, known), **point))
                for report in each or ():
                    self.writer.add_document(tantivy.Document(
                        fused=fused_id, kind=REPORT, lat=report["lat"], lon=report["lon"], group=group(fused_id),
                        words=suffixes(report["search_text"], known)))

    def commit(self, db) -> None:
        """Commit the index with a new generation, and write it in the database's meta (which the
        caller commits): a reader uses the index only where the two agree."""
        self.start_commit()
        self.finish_commit(db)

    def start_commit(self) -> None:
        """Commit the index with a new generation in a thread of its own: tantivy lets go of Python's
        lock while it writes and syncs the new segment's files, which is mostly waiting on the disk
        and its own threads (60 to 110 ms a batch on the loaded machine, 2 to 7% of it on a core),
        so the writer updates the derived tables meanwhile.  `finish_commit` waits for it."""
        import tantivy

        generation = uuid.uuid4().hex
        self.writer.delete_documents_by_term("meta", "generation")
        self.writer.add_document(tantivy.Document(meta="generation", fused=generation, day=NO_DAY, reports=0))
        outcome: dict = {"generation": generation}

        def run() -> None:
            try:
                self.writer.commit()
                self.committed = True
            except BaseException as exc:  # handed to finish_commit
                outcome["error"] = exc

        thread = threading.Thread(target=run, name="frontlines-index-commit")
        thread.start()
        self.committing = (thread, outcome)

    def finish_commit(self, db) -> None:
        """Wait for the commit `start_commit` began, and write its generation in the database's meta
        (which the caller commits)."""
        thread, outcome = self.committing
        self.committing = None
        thread.join()
        if "error" in outcome:
            raise outcome["error"]
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [META_KEY, outcome["generation"]])

    def undo(self, db) -> bool:
        """After the database rolled a batch back: drop what the writer has not committed; or, where
        the index had committed the batch already (it commits while the derived tables are updated,
        so a failure there comes after), index the batch's fused events again as the database holds
        them now, and commit that with a new generation.  False where that failed too: the index is
        then ahead of the database (readers scan, and the next writer builds it again)."""
        if self.committing is not None:  # (a batch that failed while the index committed)
            self.committing[0].join()
            self.committing = None
        if not self.committed:
            if self.writer is not None:
                self.writer.rollback()
            return True
        try:
            self.committed = False
            self.reindex_ids(db, self.touched)
            self.commit(db)  # (the database is out of its transaction: the generation is written at once)
        except Exception:
            return False
        return True

    def close(self) -> None:
        """Let the writer finish merging, and drop it."""
        if self.writer is not None:
            self.writer.wait_merging_threads()
            self.writer = None


def group(fused_id: str) -> int:
    """A number for a fused event's reports' documents, counted once a cell (`TextIndex.cells`): 63
    bits of a hash of its id, so that two fused events in one cell share one about once in 10**18
    pairs; the fused id's own fast field took the count 30 times longer (its column of term numbers
    is allocated for every cell)."""
    return int.from_bytes(hashlib.blake2b(fused_id.encode(), digest_size=8).digest(), "big") >> 1


def prefix_regex(part: str) -> str:
    """A regular expression of the words that begin with `part` (each character escaped by its code)."""
    return "".join(f"\\x{{{ord(c):x}}}" for c in part) + ".*"


def day_number(day) -> int:
    """A date as the index keeps it: days since 1970 (NO_DAY for none)."""
    return NO_DAY if day is None else day.toordinal() - EPOCH


EPOCH = date(1970, 1, 1).toordinal()


def open_index(db, db_path: Path) -> TextIndex | None:
    """The database's text index, if it exists and is of the database's generation, else None."""
    path = index_path(db_path)
    if not path.is_dir():
        return None
    try:
        index = TextIndex(opened(path))
        if index.generation() == stored_id(db) is not None:
            return index
    except (ValueError, OSError):  # not an index, a damaged one, or another schema: built again by the next writer
        pass
    return None


def build(db, db_path: Path, warn) -> TextIndex:
    """Index every fused event anew, in a new folder that replaces the old one (or an old index
    file), and mark the database with its generation; `warn` hears of a build that takes a while."""
    path = index_path(db_path)
    rows = db.execute("SELECT count(*) FROM events").fetchone()[0]
    if rows >= SLOW_BUILD:
        warn(f"{db_path}: building the text index of {rows:,} events ({path.name}; about two minutes "
             "a million events, once)")
    fresh = path.with_name(path.name + ".new")
    remove(fresh)
    fresh.mkdir()
    index = TextIndex(opened(fresh, new_schema=True))
    index.reindex(db, None)
    index.commit(db)
    index.close()
    remove(path)
    fresh.rename(path)
    return TextIndex(opened(path))


def remove(path: Path) -> None:
    """Remove an index folder, or an old index file, if there is one."""
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def forget(db) -> None:
    """Mark the database as having no text index (after rows were written other than by the store's
    writer): readers scan, and the next writer builds one."""
    db.execute("DELETE FROM meta WHERE key IN ('text_index', ?)", [META_KEY])


def add_batch(db, index: TextIndex) -> None:
    """Index the fused events a batch touched (the temporary table touched_fused, which
    `derived.note_written` filled) and start committing the index; `index.finish_commit` waits
    for it, before the database commits."""
    index.committed = False
    index.reindex(db, "SELECT fused_id FROM touched_fused")
    index.start_commit()


def lowered(db, text: str) -> str:
    """A query lowered as DuckDB lowers the search text."""
    return db.execute("SELECT lower(?)", [text]).fetchone()[0]


def candidates(db, index: TextIndex, text: str) -> list[str] | None:
    """The fused ids of every event whose search text can hold `text` (a superset of the matches;
    exactly the matches for a query within one word), or None where the index cannot name them
    (a query of under three characters, the separator) or they are more than MAX_CANDIDATES."""
    query = index.query(lowered(db, text), exact=False)
    return None if query is None else index.fused_ids(query, MAX_CANDIDATES)


def fill_search_text(db) -> None:
    """Migration step: the search text of every stored event row."""
    db.execute(f"UPDATE events SET search_text = {SEARCH_TEXT}")
