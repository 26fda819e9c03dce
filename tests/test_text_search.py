"""Text search (store.text): the index narrows selective queries, the scan answers the rest, and
both give what matching each lowered column gave (`oracle.where_sql`); the writer keeps the index
up to date, and a store without a good one is scanned until a writer builds it again."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import oracle
from frontlines.store import Store, Stored, text
from frontlines.store.bench import fill, synthetic_report
from frontlines.store.queries import EventFilter, count_fused_events, density, fused_events, fused_page, narrowed

# query → whether the index narrows it (True), or the scan answers it (False: under three
# characters, more candidates than the index may name, or a separator in it)
QUERIES = {
    "report 1234,": True, "report 1234.": True, "REPORT 1999.": True, "Place 17, report": True, "place 2999,": True,
    "xyzzy": True, "report 123": True, "Report 1234, and": True,
    "the": False, "said": False, "e": False, "zz": False, "in": False, ", ": False,
    "%": False, "_": False, "%,": False, "1_": False, '"': False, "'s": False, "é": False, "\x1f": False,
    '"report 1234,"': True, "NEAR(report 1": True, "ü ö": True,
}


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
        assert (narrowed(store, where).candidates is not None) == QUERIES[query], query
        page, total = fused_page(store, where, 50)
        assert ([f.key for f in page], [len(f.sources) for f in page], total) == scanned(store, where)
        assert [f.key for f in fused_events(store, where, limit=50)] == [f.key for f in page]
        assert count_fused_events(store, where) == total
        cells = density(store, where, 1.0)
        assert sum(c["n"] for c in cells) <= total and (total == 0) == (cells == [])


def test_the_index_names_every_match_it_narrows_to(generated):
    with Store(generated, read_only=True) as store:
        for query in (q for q, indexed in QUERIES.items() if indexed):
            where = narrowed(store, EventFilter(text=query))
            matches = {r["fused_id"] for r in store.rows(
                f"SELECT fused_id FROM events WHERE {oracle.where_sql(replace(where, candidates=None))[0]}",
                oracle.where_sql(where)[1])}
            assert matches <= set(where.candidates), query


def test_the_writer_indexes_each_batch(generated, tmp_path):
    path = tmp_path / "copy.duckdb"
    path.write_bytes(generated.read_bytes())
    text.index_path(path).write_bytes(text.index_path(generated).read_bytes())
    report, body = synthetic_report("w-1")
    report["events"][0]["evidence"] = {"text": "A Quokka was seen in Ångström.", "start": 0, "end": 30}
    with Store(path) as store:
        store.add_many([Stored(report, body)])
    with Store(path, read_only=True) as store:
        for query in ("quokka", "ÅNGSTRÖM", "was seen in"):
            where = narrowed(store, EventFilter(text=query))
            assert where.candidates is not None and len(fused_events(store, where, limit=10)) == 1, query


def test_a_store_without_its_index_is_scanned_then_indexed_by_the_next_writer(generated, tmp_path):
    path = tmp_path / "copy.duckdb"
    path.write_bytes(generated.read_bytes())  # the database without its index
    where = EventFilter(text="report 1234.")
    with Store(path, read_only=True) as store:
        assert store.text_index() is None and narrowed(store, where).candidates is None
        assert scanned(store, where)[2] == fused_page(store, where, 50)[1] > 0
    text.index_path(path).write_bytes(b"not an index")
    with Store(path, read_only=True) as store:
        assert store.text_index() is None
    notices = []
    with Store(path, warn=notices.append):  # a writer builds it
        pass
    with Store(path, read_only=True) as store:
        assert narrowed(store, where).candidates is not None
        assert fused_page(store, where, 50)[1] == scanned(store, where)[2]


def test_another_index_beside_the_database_is_not_used(generated, tmp_path):
    other = tmp_path / "other.duckdb"
    with Store(other):  # a database of its own, with an index of its own
        pass
    path = tmp_path / "copy.duckdb"
    path.write_bytes(generated.read_bytes())
    text.index_path(path).write_bytes(text.index_path(other).read_bytes())  # the wrong index
    with Store(path, read_only=True) as store:
        assert store.text_index() is None


def test_a_batch_rolled_back_leaves_the_answers_as_they_were(generated, tmp_path, monkeypatch):
    from frontlines.store import derived

    path = tmp_path / "copy.duckdb"
    path.write_bytes(generated.read_bytes())
    text.index_path(path).write_bytes(text.index_path(generated).read_bytes())
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
