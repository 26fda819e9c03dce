"""Text search (store.text): the index answers a query within one word alone, narrows a query
of several words, and the scan answers the rest; all give what matching each lowered column
gave (`oracle.where_sql`); the writer keeps the index up to date, and a store without a good one
is scanned until a writer builds it again."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import oracle
from frontlines.store import Store, Stored, derived, text
from frontlines.store.bench import fill, synthetic_report
from frontlines.store.queries import (EventFilter, count_fused_events, density, fused_events, fused_page, indexed,
                                      narrowed)

# query → (whether the index answers it alone, whether it narrows it to candidates): alone, a
# query of three to 32 characters within one word; narrowed, one with a part of three characters
# or more that few events hold; else (under three characters, parts all shorter, the separator,
# a common query of several words) the scan answers it
QUERIES = {
    "report 1234,": (False, True), "report 1234.": (False, True), "REPORT 1999.": (False, True),
    "Place 17, report": (False, True), "place 2999,": (False, True), "xyzzy": (True, True),
    "report 123": (False, True), "Report 1234, and": (False, True), '"report 1234,"': (False, True),
    "NEAR(report 1": (False, True), "1234,": (True, True), "qoryooley": (True, True),
    "the": (True, False), "said": (True, False), "shelled": (True, True), "place": (True, False), "HE ": (False, False),
    "e": (False, False), "zz": (False, False), "in": (False, False), ", ": (False, False), "ü ö": (False, False),
    "%": (False, False), "_": (False, False), "%,": (False, False), "1_": (False, False), '"': (False, False),
    "'s": (False, False), "é": (False, False), "\x1f": (False, False), "the army": (False, False),
    "1_2": (True, True), "%20": (True, True), "é's": (True, True), "a" * 33: (False, True),
}


def copy_store(source: Path, path: Path, with_index: bool = True) -> Path:
    """A copy of a store's database, and of its text index with `with_index`."""
    shutil.copyfile(source, path)
    if with_index:
        shutil.copytree(text.index_path(source), text.index_path(path))
    return path


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """A generated store of 3,000 events with its text index."""
    path = tmp_path_factory.mktemp("text") / "bench.duckdb"
    with Store(path) as store:
        fill(store, 3000)
    return path


def scanned(store: Store, where: EventFilter) -> tuple:
    """What the original queries answer for a filter: the page of the first 50, and the count."""
    page, total = oracle.fused_page(store, where, 50)
    return [f.key for f in page], [len(f.sources) for f in page], total


@pytest.mark.parametrize("query", sorted(QUERIES))
def test_a_query_answers_as_matching_each_lowered_column(generated, query):
    with Store(generated, read_only=True) as store:
        where = EventFilter(text=query)
        assert (bool(indexed(store, where)), narrowed(store, where).candidates is not None) == QUERIES[query], query
        page, total = fused_page(store, where, 50)
        assert ([f.key for f in page], [len(f.sources) for f in page], total) == scanned(store, where)
        assert [f.key for f in fused_events(store, where, limit=50)] == [f.key for f in page]
        assert count_fused_events(store, where) == total
        cells = density(store, where, 1.0)
        assert sum(c["n"] for c in cells) <= total and (total == 0) == (cells == [])
        assert alike(cells, oracle.density(store, where, 1.0))


def test_the_index_names_every_match_it_narrows_to(generated):
    with Store(generated, read_only=True) as store:
        for query in (q for q, (_, narrows) in QUERIES.items() if narrows):
            where = narrowed(store, EventFilter(text=query))
            matches = {r["fused_id"] for r in store.rows(
                f"SELECT fused_id FROM events WHERE {oracle.where_sql(replace(where, candidates=None))[0]}",
                oracle.where_sql(where)[1])}
            assert matches <= set(where.candidates), query


def test_the_writer_indexes_each_batch(generated, tmp_path):
    path = copy_store(generated, tmp_path / "copy.duckdb")
    report, body = synthetic_report("w-1")
    report["events"][0]["evidence"] = {"text": "A Quokka was seen in Ångström.", "start": 0, "end": 30}
    with Store(path) as store:
        store.add_many([Stored(report, body)])
    with Store(path, read_only=True) as store:
        for query in ("quokka", "ÅNGSTRÖM", "was seen in"):
            where = narrowed(store, EventFilter(text=query))
            assert where.candidates is not None and len(fused_events(store, where, limit=10)) == 1, query


def test_a_store_without_its_index_is_scanned_then_indexed_by_the_next_writer(generated, tmp_path):
    path = copy_store(generated, tmp_path / "copy.duckdb", with_index=False)
    where = EventFilter(text="report 1234.")
    with Store(path, read_only=True) as store:
        assert store.text_index() is None and narrowed(store, where).candidates is None
        assert scanned(store, where)[2] == fused_page(store, where, 50)[1] > 0
    text.index_path(path).write_bytes(b"an old index, or not one")
    with Store(path, read_only=True) as store:
        assert store.text_index() is None
    text.index_path(path).unlink()
    text.index_path(path).mkdir()
    (text.index_path(path) / "meta.json").write_text("{")
    with Store(path, read_only=True) as store:
        assert store.text_index() is None
    notices = []
    with Store(path, warn=notices.append):  # a writer builds it
        pass
    with Store(path, read_only=True) as store:
        assert narrowed(store, where).candidates is not None
        assert fused_page(store, where, 50)[1] == scanned(store, where)[2]


def test_a_schema_4_store_with_an_old_fts5_file_is_indexed_when_a_reader_first_opens_it(generated, tmp_path):
    path = copy_store(generated, tmp_path / "copy.duckdb", with_index=False)
    text.index_path(path).write_bytes(b"SQLite format 3\x00 (an FTS5 index of trigrams)")
    import duckdb

    with duckdb.connect(str(path)) as db:  # (a Store would migrate it and build its index)
        text.forget(db)
        db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    notices = []
    with Store.open_waiting(path, read_only=True, warn=notices.append) as store:  # as `frontlines serve` opens it
        where = EventFilter(text="said")
        assert store.text_index() is not None and indexed(store, where)
        assert fused_page(store, where, 50)[1] == scanned(store, where)[2] > 0
    assert text.index_path(path).is_dir() and any("migrating" in n for n in notices)


def test_another_index_beside_the_database_is_not_used(generated, tmp_path):
    other = tmp_path / "other.duckdb"
    with Store(other):  # a database of its own, with an index of its own
        pass
    path = copy_store(generated, tmp_path / "copy.duckdb", with_index=False)
    shutil.copytree(text.index_path(other), text.index_path(path))  # the wrong index
    with Store(path, read_only=True) as store:
        assert store.text_index() is None


def test_an_index_of_the_format_before_reports_had_documents_is_built_again(generated, tmp_path):
    path = copy_store(generated, tmp_path / "copy.duckdb", with_index=False)
    with Store(path) as store:  # an index of one document a fused event, named in meta as that format was
        old = text.TextIndex(text.opened(text.index_path(path)))
        old.reindex(store.db, "SELECT fused_id FROM fused_events")
        old.commit(store.db)
        store.db.execute("UPDATE meta SET key = 'text_index' WHERE key = ?", [text.META_KEY])
        old.close()
        store.index.close()
        store.index = None
    where = EventFilter(text="said", bbox=(30, 10, 35, 20))
    with Store(path, read_only=True) as store:
        assert store.text_index() is None  # not used: its density could not count a word
        scanned = density(store, where, 1.0)
    with Store(path) as store:  # the next writer builds it anew
        assert store.text_index() is not None
    with Store(path, read_only=True) as store:
        assert indexed(store, replace(where, bbox=None)) and alike(density(store, where, 1.0), scanned)


def alike(cells: list[dict], others: list[dict]) -> bool:
    """Two densities alike: the same counts in order, each cell matched by one of the same count
    at a point within 1e-9 degrees (a mean's last digit follows the order of its sum)."""
    left = list(others)
    for c in cells:
        match = next((o for o in left if o["n"] == c["n"] and abs(o["lat"] - c["lat"]) < 1e-9
                      and abs(o["lon"] - c["lon"]) < 1e-9), None)
        if match is None:
            return False
        left.remove(match)
    return not left and [c["n"] for c in cells] == [o["n"] for o in others]


def test_a_batch_rolled_back_leaves_the_answers_as_they_were(generated, tmp_path, monkeypatch):
    path = copy_store(generated, tmp_path / "copy.duckdb")
    report, body = synthetic_report("w-2")
    report["events"][0]["evidence"] = {"text": "A wombat crossed the road.", "start": 0, "end": 26}

    def fail(db):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(derived, "update", fail)
    with Store(path) as store, pytest.raises(RuntimeError):
        store.add_many([Stored(report, body)])  # indexed, then rolled back
    with Store(path, read_only=True) as store:
        where = narrowed(store, EventFilter(text="wombat"))
        assert where.candidates is not None and fused_page(store, where, 10) == ([], 0)


def test_rows_written_in_sql_without_an_index_are_scanned_not_missed(tmp_path):
    path = tmp_path / "plain.duckdb"
    with Store(path) as store:  # a writer: an (empty) index of its own ...
        fill(store, 500, indexed=False)  # ... then rows it never saw
    with Store(path, read_only=True) as store:
        where = EventFilter(text="report 123.")
        assert store.text_index() is None and fused_page(store, where, 10)[1] == 1


@pytest.fixture(scope="module")
def zebras(tmp_path_factory) -> Path:
    """A generated store where "zebra" is in the later report only of most events reported twice
    (the first dated 400 days before: the event is keyed by its later report), in both reports of
    some, and in some events reported once, a few of them undated."""
    path = tmp_path_factory.mktemp("zebras") / "zebras.duckdb"
    with Store(path) as store:
        fill(store, 3000, indexed=False)
        first = "'f' || (CAST(substr(doc_id, 4) AS INTEGER) * 5 + CAST(substr(event_id, 2) AS INTEGER)) = fused_id"
        store.db.execute(f"""CREATE TEMP TABLE twice AS SELECT fused_id FROM events GROUP BY fused_id HAVING count(*) > 1""")
        store.db.execute(f"UPDATE events SET event_date = event_date - 400 WHERE fused_id IN (SELECT * FROM twice) AND {first}")
        store.db.execute(f"""UPDATE events SET evidence = evidence || ' a Zebra.' WHERE fused_id IN (SELECT * FROM twice)
                             AND (NOT ({first}) OR hash(fused_id) % 3 = 0)""")
        store.db.execute("UPDATE events SET evidence = evidence || ' zebras', event_date = CASE WHEN hash(doc_id) % 4 = 0 "
                         "THEN NULL ELSE event_date END WHERE fused_id NOT IN (SELECT * FROM twice) AND hash(doc_id) % 9 = 0")
        store.db.execute(f"UPDATE events SET search_text = {text.SEARCH_TEXT}")
        derived.rebuild(store.db)
        store.rebuild_text_index()
    return path


@pytest.mark.parametrize("limit, offset", [(25, 0), (25, 10), (100, 150), (50, 400), (500, 0)])
def test_the_index_pages_a_word_in_the_order_of_the_scan(zebras, limit, offset):
    with Store(zebras, read_only=True) as store:
        where = EventFilter(text="ZEBRA")
        assert indexed(store, where) and narrowed(store, where).candidates is None  # answered by the index alone
        page, total = fused_page(store, where, limit, offset)
        expected, expected_total = oracle.fused_page(store, where, limit, offset)
        assert total == expected_total > 500
        assert [(f.key, len(f.sources)) for f in page] == [(f.key, len(f.sources)) for f in expected]
        assert [f.key for f in fused_events(store, where, limit, offset)] == [f.key for f in expected]
        assert count_fused_events(store, where) == expected_total


def test_a_replaced_document_leaves_the_index(generated, tmp_path):
    path = copy_store(generated, tmp_path / "copy.duckdb")
    report, body = synthetic_report("w-3")
    report["events"][0]["evidence"] = {"text": "A pangolin was seen.", "start": 0, "end": 20}
    with Store(path) as store:
        store.add_many([Stored(report, body)])
    with Store(path, read_only=True) as store:
        assert indexed(store, EventFilter(text="pangolin")) and count_fused_events(store, EventFilter(text="pangolin")) == 1
    report["events"][0]["evidence"] = {"text": "An okapi was seen.", "start": 0, "end": 18}
    with Store(path) as store:
        assert store.add_many([Stored(report, body + " Corrected.")]) == ["replaced"]
    with Store(path, read_only=True) as store:
        counted = {q: count_fused_events(store, EventFilter(text=q)) for q in ("pangolin", "okapi")}
        assert counted == {"pangolin": 0, "okapi": 1}
        assert counted["okapi"] == oracle.count_fused_events(store, EventFilter(text="okapi"))


def test_a_batch_rolled_back_after_the_index_committed_is_not_counted(generated, tmp_path, monkeypatch):
    path = copy_store(generated, tmp_path / "copy.duckdb")
    report, body = synthetic_report("w-4")
    report["events"][0]["evidence"] = {"text": "A wombat crossed the road.", "start": 0, "end": 26}
    indexed_then_failed = text.add_batch

    def fail(db, index):
        indexed_then_failed(db, index)
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(text, "add_batch", fail)
    with Store(path) as store, pytest.raises(RuntimeError):
        store.add_many([Stored(report, body)])  # indexed and committed there, then rolled back
    monkeypatch.undo()
    where = EventFilter(text="wombat")
    with Store(path, read_only=True) as store:  # the batch's fused events were indexed again as they are
        assert indexed(store, where) and fused_page(store, where, 10) == ([], 0)


def test_an_index_left_ahead_of_a_rolled_back_batch_is_not_used_then_built_again(generated, tmp_path, monkeypatch):
    path = copy_store(generated, tmp_path / "copy.duckdb")
    report, body = synthetic_report("w-6")
    report["events"][0]["evidence"] = {"text": "A wombat crossed the road.", "start": 0, "end": 26}
    indexed_then_failed, index_again = text.add_batch, text.TextIndex.reindex_ids
    failed = []

    def fail(db, index):
        indexed_then_failed(db, index)
        failed.append(True)
        raise RuntimeError("the disk is full")

    def fail_again(index, db, ids):
        if failed:  # indexing the batch again, after it rolled back
            raise RuntimeError("the disk is still full")
        index_again(index, db, ids)

    monkeypatch.setattr(text, "add_batch", fail)
    monkeypatch.setattr(text.TextIndex, "reindex_ids", fail_again)
    with Store(path) as store, pytest.raises(RuntimeError):
        store.add_many([Stored(report, body)])
    monkeypatch.undo()
    where = EventFilter(text="wombat")
    with Store(path, read_only=True) as store:
        assert store.text_index() is None and fused_page(store, where, 10) == ([], 0)  # scanned
    with Store(path) as store:  # the next writer builds it again
        store.add_many([Stored(*synthetic_report("w-7"))])
    with Store(path, read_only=True) as store:
        assert indexed(store, where) and fused_page(store, where, 10) == ([], 0)


# characters that split words (ASCII white space, the separator) and that do not (others like them)
LETTERS = "ab é.%_\t\v\n\x1f\x1c\u00a0"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(LETTERS, max_size=24), min_size=1, max_size=6), query=st.text(LETTERS, min_size=1, max_size=7))
def test_the_index_finds_a_query_exactly_where_the_text_holds_it(tmp_path_factory, texts, query):
    import tantivy

    folder = tmp_path_factory.mktemp("index")
    index = text.opened(folder, new_schema=True)
    writer = index.writer(15_000_000, 1)
    known: dict[str, str] = {}
    for n, searched in enumerate(texts):
        writer.add_document(tantivy.Document(fused=f"f{n}", day=n, reports=1, words=text.suffixes(searched, known)))
    writer.commit()
    index.reload()
    searchable = text.TextIndex(index)
    holding = {f"f{n}" for n, searched in enumerate(texts) if query in searched}
    exact, wider = searchable.query(query, exact=True), searchable.query(query, exact=False)
    if exact is not None:  # within one word: exactly the texts holding it, counted and by day
        assert set(searchable.fused_ids(exact, 100)) == holding and searchable.count(exact) == len(holding)
        assert [h.fused_id for h in searchable.by_day(exact, 100)] == sorted(holding, key=lambda f: int(f[1:]))
    if wider is not None:  # several words: at least those
        assert set(searchable.fused_ids(wider, 100)) >= holding
    assert (exact is None) == (len(query) < 3 or len(query) > 32 or any(c in " \t\v\n\x1f\f\r" for c in query))
