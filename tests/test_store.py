"""The corpus store: round trip, idempotence, migration, fusion, the control timeline, exports."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from conftest import DEV
from frontlines.cli import main
from frontlines.errors import UsageError
from frontlines.store import Store
from frontlines.store.export import ACLED_COLUMNS
from frontlines.store.schema import SCHEMA_VERSION

CAPTURE = "BAMAKO, Mali — Malian troops took control of Kidal on Tuesday, the army said."
SAME_CAPTURE = "KIDAL, Mali — Mali's army captured the northern town of Kidal on Tuesday, officials said."


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def dev_db(tmp_path_factory, web_dev_db):
    """A store built from the dev articles, ingested twice: the first ingest is the session's
    (`web_dev_db`: `ingest DEV --db`, the same command, its exit status checked there), copied."""
    import shutil

    db = tmp_path_factory.mktemp("store") / "dev.duckdb"
    shutil.copy(web_dev_db, db)
    with Store(db, read_only=True) as store:
        counts = store.counts()
    second = cli("ingest", str(DEV), "--db", str(db))
    assert second.exit_code == 0 and "9 unchanged" in second.output
    with Store(db, read_only=True) as store:
        assert store.counts() == counts  # ingesting twice changes nothing
    return db


def test_round_trip_keeps_the_report(dev_db, dev_reports):
    with Store(dev_db, read_only=True) as store:
        stored = store.rows("SELECT id, report FROM documents WHERE id = ?", ["kidal-2023-11-15"])[0]
    report = json.loads(stored["report"])
    assert report["schema"] == "frontlines.report/1"
    assert {e["sub_event_type"] for e in report["events"]} >= {"Government regains territory"}


def test_control_as_of_a_day_with_evidence(dev_db):
    result = cli("control", "--as-of", "2017-11-03", "--db", str(dev_db), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = {(r["place"], r["controller"]) for r in csv.DictReader(io.StringIO(result.stdout))}
    assert ("Deir ez-Zor", "Military Forces of Syria") in rows
    assert ("Al Qā’im", "Military Forces of Iraq") in rows
    assert ("Ālbū Kamāl", "Islamic State") in rows
    assert ("Ar Raqqah", "Syrian Democratic Forces") in rows
    assert all(r["evidence"] for r in csv.DictReader(io.StringIO(result.stdout)))


def test_the_timeline_orders_controllers_over_time(dev_db):
    before = cli("control", "--as-of", "2017-11-02", "--db", str(dev_db), "--country", "SY")
    assert "Deir ez-Zor (SY): Military Forces of Syria" not in before.stdout  # retaken on 2017-11-03
    after = cli("control", "--as-of", "2017-11-03", "--db", str(dev_db), "--country", "SY")
    assert "Deir ez-Zor (SY): Military Forces of Syria" in after.stdout


def test_acled_csv_reads_back_with_its_columns(dev_db):
    result = cli("events", "--db", str(dev_db), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and list(rows[0]) == ACLED_COLUMNS
    assert all(r["event_type"] and r["latitude"] and r["notes"] for r in rows)


def test_geojson_is_a_valid_feature_collection(dev_db):
    data = json.loads(cli("events", "--db", str(dev_db), "--format", "geojson", "--country", "KE").stdout)
    assert data["type"] == "FeatureCollection" and data["features"]
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and feature["properties"]["sources"]


def test_parquet_export(dev_db, tmp_path):
    import duckdb

    out = tmp_path / "events.parquet"
    result = cli("events", "--db", str(dev_db), "--format", "parquet", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert duckdb.sql(f"SELECT count(*) FROM '{out}'").fetchall()[0][0] > 0


def test_two_articles_on_one_capture_fuse(tmp_path, extract):
    (tmp_path / "a.txt").write_text(CAPTURE)
    (tmp_path / "b.txt").write_text(SAME_CAPTURE)
    db = tmp_path / "two.duckdb"
    assert cli("ingest", str(tmp_path), "--db", str(db), "--date", "2023-11-15").exit_code == 0
    lines = cli("events", "--db", str(db), "--format", "jsonl").stdout.strip().splitlines()
    captures = [json.loads(x) for x in lines if "territory" in json.loads(x)["sub_event_type"]]
    assert len(captures) == 1 and len(captures[0]["sources"]) == 2


def test_a_version_1_database_is_migrated_and_its_events_fused(tmp_path, extract):
    (tmp_path / "a.txt").write_text(CAPTURE)
    (tmp_path / "b.txt").write_text(SAME_CAPTURE)
    db = tmp_path / "old.duckdb"
    assert cli("ingest", str(tmp_path), "--db", str(db), "--date", "2023-11-15").exit_code == 0
    with Store(db) as store:  # make it a version-1 file: no fused ids yet
        for index in ("events_fused", "events_date", "events_country"):
            store.db.execute(f"DROP INDEX {index}")
        store.db.execute("ALTER TABLE events DROP COLUMN fused_id")
        store.db.execute("CREATE INDEX events_date ON events (event_date)")  # as version 1 had them
        store.db.execute("CREATE INDEX events_country ON events (country_code)")
        store.db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Store(db) as store:
        assert store.version() == SCHEMA_VERSION
        ids = store.rows("SELECT fused_id FROM events WHERE sub_event_type LIKE '%territory%'")
    assert len(ids) == 2 and ids[0]["fused_id"] == ids[1]["fused_id"]


def test_a_version_4_database_is_migrated_to_uncompressed_page_columns_with_the_same_answers(tmp_path):
    from frontlines.store.bench import fill
    from frontlines.store.queries import EventFilter, fused_page
    from frontlines.store.schema import UNCOMPRESSED

    db = tmp_path / "v4.duckdb"
    with Store(db) as store:
        fill(store, 3000, indexed=False)
        for table, key in (("events", "doc_id, event_id"), ("documents", "id")):  # as version 4 stored them
            store.db.execute(f"CREATE TABLE old AS SELECT * FROM {table}")
            store.db.execute(f"DROP TABLE {table}")
            store.db.execute(f"ALTER TABLE old RENAME TO {table}")
            store.db.execute(f"ALTER TABLE {table} ADD PRIMARY KEY ({key})")
        store.db.execute("CREATE INDEX events_fused ON events (fused_id)")
    asked = (EventFilter(), EventFilter(country="SY", text="said"), EventFilter(text="said"))
    with Store(db, read_only=True) as store:
        before = [fused_page(store, f, 50, 20) for f in asked]
    with Store(db) as store:
        store.db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    with Store(db) as store:
        store.db.execute("CHECKPOINT")
        assert store.version() == SCHEMA_VERSION and store.counts()["events"] == 3000
        assert [fused_page(store, f, 50, 20) for f in asked] == before and before[1][1] > 0
        for table, plain in UNCOMPRESSED.items():
            kinds = dict(store.db.execute(f"""SELECT column_name, list(DISTINCT compression) FROM pragma_storage_info('{table}')
                                              WHERE segment_type <> 'VALIDITY' GROUP BY ALL""").fetchall())
            assert all(set(kinds[c]) <= {"Uncompressed", "Constant"} for c in plain), (table, kinds)
        assert {"DICT_FSST", "Constant"} >= set(kinds["text"]) and "Uncompressed" not in kinds["text"]
        assert {r[0] for r in store.db.execute("SELECT index_name FROM duckdb_indexes()").fetchall()} >= \
            {"events_date", "events_country", "events_fused"}


def test_event_pages_do_not_overlap_and_cover_all(dev_db):
    from frontlines.store.queries import count_fused_events, fused_events

    with Store(dev_db, read_only=True) as store:
        every = [f.key for f in fused_events(store)]
        pages = [f.key for offset in range(0, len(every), 3) for f in fused_events(store, limit=3, offset=offset)]
        assert count_fused_events(store) == len(every) > 6
    assert pages == every


def test_writing_in_batches_stores_what_writing_one_by_one_stores(tmp_path, extract):
    texts = [CAPTURE, SAME_CAPTURE, CAPTURE.replace("Tuesday", "Wednesday"), SAME_CAPTURE + " More fighting.", CAPTURE]
    reports = [extract(t, published="2023-11-15") for t in texts]  # the last repeats the first: unchanged
    found = []
    for batch in (1, 5):
        with Store(tmp_path / f"b{batch}.duckdb") as store:
            outcomes = [o for n in range(0, len(reports), batch) for o in store.add_many(reports[n:n + batch])]
            found.append((outcomes, store.rows("SELECT doc_id, event_id, fused_id FROM events ORDER BY ALL")))
    assert found[0] == found[1]
    assert found[0][0] == ["added"] * 4 + ["unchanged"]
    assert len({r["fused_id"] for r in found[0][1]}) < len(found[0][1])  # some reports fused


def test_a_changed_article_replaces_its_report(tmp_path, extract):
    records = tmp_path / "r.jsonl"
    records.write_text(json.dumps({"id": "x1", "text": CAPTURE, "published": "2023-11-15"}) + "\n")
    db = tmp_path / "r.duckdb"
    cli("ingest", str(records), "--db", str(db))
    records.write_text(json.dumps({"id": "x1", "text": SAME_CAPTURE, "published": "2023-11-15"}) + "\n")
    result = cli("ingest", str(records), "--db", str(db))
    assert "1 replaced" in result.output
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 1
        assert "northern town" in store.rows("SELECT text FROM documents")[0]["text"]


def test_migration_from_an_empty_file_and_a_newer_version_refused(tmp_path):
    db = tmp_path / "m.duckdb"
    with Store(db) as store:
        assert store.version() == SCHEMA_VERSION
        store.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    with pytest.raises(UsageError, match="newer"):
        Store(db)


def test_reading_a_missing_database_says_how_to_make_one(tmp_path):
    result = cli("events", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 2 and "frontlines ingest" in result.output


def test_ingest_names_each_bad_input_and_keeps_the_good(tmp_path, extract):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(CAPTURE)
    (folder / "empty.txt").write_text("  \n")
    (folder / "scan.html").write_bytes(b"%PDF-1.7 not really html")
    (folder / "broken.jsonl").write_text('{"text": "ok"\n')
    (folder / "feed.xml").write_text("<rss><channel><title>x</title></channel></rss>")
    db = tmp_path / "mixed.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(folder), str(tmp_path / "missing.txt"), "--db", str(db)])
    assert result.exit_code == 1
    for name in ("empty.txt", "scan.html", "broken.jsonl line 1", "missing.txt"):
        assert name in result.output
    assert "Traceback" not in result.output
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 1


def test_a_feed_file_is_ingested_entry_by_entry(tmp_path, extract):
    feed = tmp_path / "world.rss"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
      <item><title>Kidal taken</title><link>https://example.org/1</link><guid>w-1</guid>
        <pubDate>Wed, 15 Nov 2023 10:00:00 GMT</pubDate><description>{CAPTURE}</description></item>
      <item><title>Link only</title><link>https://example.org/2</link><guid>w-2</guid></item>
    </channel></rss>""")
    db = tmp_path / "feed.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(feed), "--db", str(db)])
    assert result.exit_code == 1 and "entry 2" in result.output and "not fetching" not in result.output
    with Store(db, read_only=True) as store:
        doc = store.rows("SELECT id, source, published FROM documents")[0]
    assert doc["id"] == "w-1" and doc["source"] == "Wire" and str(doc["published"]) == "2023-11-15"


def test_entries_with_only_a_link_fetch_their_page_and_local_addresses_are_refused(tmp_path, extract, monkeypatch):
    import trafilatura

    page = f"<html><body><article><p>{CAPTURE}</p><p>More text follows here about the town.</p></article></body></html>"
    monkeypatch.setattr(trafilatura, "fetch_url", lambda url: page)
    feed = tmp_path / "links.atom"
    feed.write_text("""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Links</title>
      <entry><title>A</title><link href="https://news.example.org/a"/><id>l-1</id><updated>2023-11-15T00:00:00Z</updated></entry>
      <entry><title>B</title><link href="http://127.0.0.1:8000/admin"/><id>l-2</id><updated>2023-11-15T00:00:00Z</updated></entry>
    </feed>""")
    db = tmp_path / "links.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(feed), "--db", str(db)])
    assert result.exit_code == 1 and "private or local address" in result.output
    with Store(db, read_only=True) as store:
        assert [r["id"] for r in store.rows("SELECT id FROM documents")] == ["l-1"]


def test_sources_that_disagree_are_shown_as_a_dispute(tmp_path, extract):
    (tmp_path / "a.txt").write_text("BAMAKO, Mali — Malian troops took control of Kidal on Tuesday, the army said.")
    (tmp_path / "b.txt").write_text("KIDAL, Mali — CSP rebels seized Kidal, Mali, on Tuesday, the rebels said.")
    db = tmp_path / "dispute.duckdb"
    assert CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(db), "--date", "2023-11-15"]).exit_code == 0
    result = CliRunner().invoke(main, ["control", "--as-of", "2023-11-15", "--db", str(db), "--format", "csv"])
    rows = [r for r in csv.DictReader(io.StringIO(result.stdout)) if r["place"] == "Kidal"]
    assert {r["controller"] for r in rows} == {"Military Forces of Mali", "Permanent Strategic Framework"}
    assert {r["status"] for r in rows} == {"disputed"}


def test_a_place_timeline_lists_holders_in_order(tmp_path, extract):
    (tmp_path / "old.json").write_text(json.dumps({"id": "old", "published": "2014-05-22",
        "text": "BAMAKO, Mali — CSP rebels seized Kidal, Mali, on Wednesday after fighting with the army."}))
    (tmp_path / "new.json").write_text(json.dumps({"id": "new", "published": "2023-11-15", "text": CAPTURE}))
    db = tmp_path / "timeline.duckdb"
    assert cli("ingest", str(tmp_path), "--db", str(db)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(cli("control", "--place", "Kidal", "--db", str(db), "--format", "csv").stdout)))
    assert [r["controller"] for r in rows] == ["Permanent Strategic Framework", "Military Forces of Mali"]
    assert [r["since"] for r in rows] == ["2014-05-21", "2023-11-14"]


def test_control_needs_a_day_or_a_place(dev_db):
    result = cli("control", "--db", str(dev_db))
    assert result.exit_code == 2 and "--as-of" in result.output and "--place" in result.output


def test_a_metadata_json_beside_an_article_never_replaces_it(tmp_path, extract):
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "kidal.txt").write_text(CAPTURE)
    (folder / "kidal.json").write_text(json.dumps({"text": "kidal.txt", "id": "k1", "published": "2023-11-15"}))
    db = tmp_path / "s.duckdb"
    first = cli("ingest", str(folder), "--db", str(db))
    assert first.exit_code == 0 and "1 added" in first.output
    again = cli("ingest", str(folder / "kidal.json"), "--db", str(db))
    assert again.exit_code == 1 and "kidal.json: describes the article kidal.txt" in again.output
    with Store(db, read_only=True) as store:
        assert store.rows("SELECT id, text FROM documents") == [{"id": "k1", "text": CAPTURE}]


def test_captures_known_only_as_events_reach_the_timeline_with_their_age(dev_db):
    timeline = cli("control", "--db", str(dev_db), "--place", "Kidal").stdout
    assert timeline.index("since 2014-05-15") < timeline.index("Military Forces of Mali [controlled, since 2023-11-14")
    before = cli("control", "--db", str(dev_db), "--as-of", "2022-06-01").stdout
    kidal = next(line for line in before.splitlines() if line.startswith("Kidal"))
    assert "Military Forces of Mali" not in kidal and "since 2014-05-15, last reported 2014-05-15" in kidal
    assert "Kherson (UA): Military Forces of Russia [controlled, since 2022-03-05" in before


def test_filters_take_the_names_people_use(dev_db):
    def lines(*args):
        result = cli(*args, "--db", str(dev_db))
        assert result.exit_code == 0, result.output
        return result.stdout.splitlines()

    assert lines("events", "--actor", "ISIS", "--format", "jsonl") == lines("events", "--actor", "Islamic State",
                                                                              "--format", "jsonl") != []
    assert lines("events", "--country", "Kenya", "--format", "jsonl") == lines("events", "--country", "KE",
                                                                                "--format", "jsonl") != []
    assert lines("events", "--type", "battles", "--format", "jsonl") != []
    assert lines("control", "--place", "Raqqa")[0].startswith("Ar Raqqah (SY): Syrian Democratic Forces")
    assert cli("events", "--db", str(dev_db), "--country", "Narnia").exit_code == 2


def test_acled_ids_and_timestamps_hold_across_exports_and_filters(dev_db):
    def rows(*args):
        out = cli("events", "--db", str(dev_db), "--country", "SY", *args).stdout
        return {r["notes"]: (r["event_id_cnty"], r["timestamp"]) for r in csv.DictReader(io.StringIO(out))}

    everything, november = rows(), rows("--start", "2017-11-01")
    assert november and all(everything[notes] == ids for notes, ids in november.items())
    assert len({i for i, _ in everything.values()}) == len(everything)
    assert rows() == everything


def test_the_tables_the_writer_keeps_equal_a_rebuild(tmp_path, extract):
    records = tmp_path / "r.jsonl"
    texts = {"a": CAPTURE, "b": SAME_CAPTURE, "c": "Rebels seized Kidal in 2014. " + CAPTURE,
             "d": "MOGADISHU — Al-Shabaab fighters attacked a base in Mogadishu on Monday."}
    records.write_text("".join(json.dumps({"id": k, "text": t, "published": "2023-11-15"}) + "\n"
                               for k, t in texts.items()))
    db = tmp_path / "r.duckdb"
    assert cli("ingest", str(records), "--db", str(db)).exit_code == 0
    texts.update(a=CAPTURE.replace("Tuesday", "Friday"), d=texts["d"].replace("Monday", "Sunday"))
    records.write_text("".join(json.dumps({"id": k, "text": t, "published": "2023-11-16"}) + "\n"
                               for k, t in texts.items()))
    assert "2 replaced" in cli("ingest", str(records), "--db", str(db)).output
    from frontlines.store import derived

    tables = ("fused_events", "claims", "tallies")
    with Store(db) as store:
        kept = {t: store.rows(f"SELECT * FROM {t} ORDER BY ALL") for t in tables}
        derived.rebuild(store.db)
        assert kept == {t: store.rows(f"SELECT * FROM {t} ORDER BY ALL") for t in tables}
        assert kept["fused_events"] and kept["claims"] and kept["tallies"]


def test_a_rebuild_writes_the_claims_in_the_order_they_stop_being_the_latest(tmp_path):
    """Who held what on a day then reads a few vectors of the claims, not all (derived.cluster_claims)."""
    from frontlines.store.bench import fill

    with Store(tmp_path / "g.duckdb") as store:
        fill(store, 20_000, indexed=False)  # 10,000 claims on 3,000 places
        ends = [r[0] for r in store.db.execute("SELECT valid_until FROM claims ORDER BY rowid").fetchall()]
    held = [day for day in ends if day is not None]
    assert held == sorted(held) and ends[len(held):] == [None] * (len(ends) - len(held))
    assert len(held) > 5000 and len(ends) > len(held)


def test_fusion_candidates_are_every_stored_report_of_the_same_event(tmp_path):
    """The query for a batch's candidates narrows by latitude and by dates within their precision:
    it must still find every stored report that `same_event` accepts (near the limits too)."""
    import random
    from datetime import date, timedelta

    from frontlines.store import insert_rows
    from frontlines.store.fusion import MATCH_FIELDS, same_event, stored_candidates

    chance = random.Random(17)
    precisions = ["day", "week", "month", "year", None]

    def event(doc: str, n: int) -> dict:
        dated = chance.random() > 0.1
        return {"doc_id": doc, "event_id": f"e{n}", "event_type": "Battles", "sub_event_type": "Armed clash",
                "actor1": chance.choice(["Army", "Rebels"]), "actor2": chance.choice(["Rebels", None]),
                "lat": None if chance.random() < 0.05 else 30 + chance.uniform(-0.06, 0.06),
                "lon": 40 + chance.uniform(-0.06, 0.06), "fused_id": f"f-{doc}-{n}",
                "event_date": date(2020, 6, 1) + timedelta(days=chance.randint(-400, 400)) if dated else None,
                "date_precision": chance.choice(precisions)}

    stored = [event(f"old{n // 3}", n) for n in range(3000)]
    batch = [event(f"new{n // 5}", n) for n in range(200)]
    with Store(tmp_path / "fusion.duckdb") as store:
        columns = [c[0] for c in store.db.execute("DESCRIBE events").fetchall()]
        insert_rows(store.db, "events", [[e.get(c) for c in columns] for e in stored])
        found = stored_candidates(store.db, batch)
    for e in batch:
        key = (e["doc_id"], e["event_id"])
        expected = [s for s in stored if s["doc_id"] != e["doc_id"] and same_event(s, e)]
        matched = [s for s in found.get(key, []) if same_event(s, e)]
        assert sorted(s["event_id"] for s in matched) == sorted(s["event_id"] for s in expected)
    assert sum(len(v) for v in found.values()) > 50  # the test has matches to find
    assert set(MATCH_FIELDS) <= set(columns)
