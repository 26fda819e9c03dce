"""The README's promises as a demanding new user tests them (issue 16): through the CLI and the API."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from conftest import DEV, LOCAL, ROOT, SAMPLE
from frontlines.cli import main

KIDAL = DEV / "kidal-2023-11-15.txt"


def run(*args: str, stdin: str | None = None):
    """The CLI as a user runs it."""
    return CliRunner().invoke(main, [str(a) for a in args], input=stdin)


def no_traceback(result) -> bool:
    """Whether a run ended without a traceback."""
    return "Traceback" not in result.output + result.stderr and not (
        result.exception and not isinstance(result.exception, SystemExit))


@pytest.fixture(scope="module")
def dev_db(tmp_path_factory, extract):
    """A corpus of two dev articles, ingested once (copy it before changing it)."""
    db = tmp_path_factory.mktemp("promises") / "two.duckdb"
    result = run("ingest", KIDAL, DEV / "kherson-2022-11-11.txt", "--db", db)
    assert result.exit_code == 0, result.output
    return db


# --- 1. data safety: an --out file is replaced only by a whole, non-empty output --------------

@pytest.mark.parametrize("inputs", [["missing.txt"], ["french.txt"], ["missing.txt", "nothing.txt"]])
def test_a_run_that_reads_nothing_leaves_the_out_file_alone(tmp_path, extract, inputs):
    (tmp_path / "french.txt").write_text(
        "Les forces gouvernementales ont repris le contrôle de la ville après des combats qui ont duré "
        "plusieurs jours, selon des sources locales. Les habitants ont commencé à rentrer chez eux.", "utf-8")
    keep = tmp_path / "keep.json"
    keep.write_text('{"precious": true}\n', "utf-8")
    result = run("extract", *(tmp_path / name for name in inputs), "--out", keep)
    assert result.exit_code == 1 and no_traceback(result)
    assert keep.read_text("utf-8") == '{"precious": true}\n'
    assert "nothing was written" in result.stderr and str(keep) in result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_an_out_file_is_replaced_whole_and_keeps_its_mode(tmp_path, extract):
    keep = tmp_path / "keep.json"
    keep.write_text("old", "utf-8")
    keep.chmod(0o640)
    result = run("extract", SAMPLE, "--out", keep)
    assert result.exit_code == 0, result.output
    assert json.loads(keep.read_text("utf-8"))["places"] and keep.stat().st_mode & 0o777 == 0o640


def test_events_out_is_not_emptied_when_the_database_fails(tmp_path):
    keep = tmp_path / "keep.csv"
    keep.write_text("precious\n", "utf-8")
    result = run("events", "--db", tmp_path / "none.duckdb", "--out", keep)
    assert result.exit_code == 2 and no_traceback(result)
    assert keep.read_text("utf-8") == "precious\n"


# --- 2. an older database is migrated by the readers too ----------------------------------

def make_v1(db) -> None:
    """Turn a current database into a schema-1 one: no fused ids."""
    import duckdb

    con = duckdb.connect(str(db))
    for index in ("events_fused", "events_date", "events_country"):
        con.execute(f"DROP INDEX IF EXISTS {index}")
    con.execute("ALTER TABLE events DROP COLUMN fused_id")
    con.execute("CREATE INDEX events_date ON events (event_date)")
    con.execute("CREATE INDEX events_country ON events (country_code)")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()


def test_readers_migrate_an_older_database_with_a_backup(dev_db, tmp_path):
    db = tmp_path / "old.duckdb"
    shutil.copy(dev_db, db)
    make_v1(db)
    result = run("events", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0 and no_traceback(result), result.output
    assert "migrating the database from schema version 1" in result.stderr
    assert (tmp_path / "old.duckdb.bak-v1").exists() and result.stdout.strip()


def test_the_api_reads_an_older_database(dev_db, tmp_path):
    from fastapi.testclient import TestClient

    from frontlines.web import create_app

    db = tmp_path / "old.duckdb"
    shutil.copy(dev_db, db)
    make_v1(db)
    client = TestClient(create_app(db), base_url=LOCAL)
    for url in ("/api/events", "/api/stats", "/api/control?as_of=2023-11-15"):
        assert client.get(url).status_code == 200, url


# --- 3. a DuckDB file that is not ours is refused ------------------------------------------

def test_someone_elses_duckdb_is_refused_in_one_line(tmp_path, extract):
    import duckdb

    theirs = tmp_path / "theirs.duckdb"
    con = duckdb.connect(str(theirs))
    con.execute("CREATE TABLE invoices (id INTEGER, amount DOUBLE)")
    con.close()
    for args in (["events"], ["control", "--as-of", "2020-01-01"], ["ingest", KIDAL]):
        result = run(*args, "--db", theirs)
        assert result.exit_code == 2 and no_traceback(result), result.output
        assert "not a frontlines corpus" in result.output and "invoices" in result.output
    con = duckdb.connect(str(theirs), read_only=True)
    assert [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()] == ["invoices"]
    con.close()


def test_an_empty_duckdb_file_is_filled_by_ingest(tmp_path, extract):
    import duckdb

    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    result = run("events", "--db", empty)
    assert result.exit_code == 2 and "frontlines ingest" in result.output and no_traceback(result)
    assert run("ingest", KIDAL, "--db", empty).exit_code == 0


# --- 4-8. one line, never a traceback --------------------------------------------------------

def test_a_non_utf8_actors_file_is_named_with_its_line(tmp_path, extract):
    actors = tmp_path / "actors.yaml"
    actors.write_bytes("- name: Wagner Group\n  aliases: [Wagner]\n- name: Caf\xe9 Militia\n".encode("latin-1"))
    gold = tmp_path / "gold"
    gold.mkdir()
    for args in (["extract", SAMPLE], ["ingest", SAMPLE, "--db", tmp_path / "x.duckdb"], ["eval", DEV]):
        result = run(*args, "--actors", actors)
        assert result.exit_code == 2 and no_traceback(result), result.output
        assert f"{actors}: line 3: not UTF-8" in result.output


def write_gold(folder, **fields) -> None:
    folder.mkdir(exist_ok=True)
    shutil.copy(KIDAL, folder / KIDAL.name)
    gold = {"id": "k", "text": KIDAL.name, "published": "2023-11-15", "toponyms": [], "events": [], "control": []}
    (folder / "k.gold.json").write_text(json.dumps({**gold, **fields}), "utf-8")


@pytest.mark.parametrize("fields, words", [
    ({"published": "2023-02-30"}, "published '2023-02-30' is not a date"),
    ({"events": [{"event_type": "Battles", "date": "2023-13-01", "place": {"lat": 18.4, "lon": 1.4}}]},
     "events[0].date '2023-13-01' is not a date"),
    ({"text": "missing.txt"}, "which does not exist"),
    ({"events": [{"event_type": ["Rioters (Mali)"], "date": "2023-11-14", "place": {"lat": 18.4, "lon": 1.4}}]},
     "events[0].event_type ['Rioters (Mali)'] is not an ACLED event type"),
])
def test_eval_refuses_a_bad_gold_file_in_one_line(tmp_path, extract, fields, words):
    write_gold(tmp_path / "gold", **fields)
    result = run("eval", tmp_path / "gold")
    assert result.exit_code == 2 and no_traceback(result), result.output
    assert words in result.output and "k.gold.json" in result.output


@pytest.mark.parametrize("name, content, words", [
    ("empty.txt", b"", "empty"),
    ("scan.pdf", b"%PDF-1.7\n\x00\x01\x02binary", "PDF"),
    ("french.txt", "Les forces gouvernementales ont repris le contrôle de la ville après des combats qui ont duré "
                   "plusieurs jours, selon des sources locales et des habitants.".encode(), "not English"),
])
def test_bench_names_a_file_it_cannot_read(tmp_path, extract, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    result = run("bench", path, "--docs", "1")
    assert result.exit_code == 2 and no_traceback(result), result.output
    assert words in result.output and str(path) in result.output


@pytest.mark.parametrize("query", ["offset=99999999999999999999", "offset=-1", "limit=99999999999999999999"])
def test_out_of_range_numbers_are_a_422(dev_db, query):
    from fastapi.testclient import TestClient

    from frontlines.web import create_app

    response = TestClient(create_app(dev_db), base_url=LOCAL).get(f"/api/events?{query}")
    assert response.status_code == 422 and query.split("=")[0] in response.json()["message"]


def test_an_xml_file_that_is_not_a_feed_is_named(tmp_path, extract):
    config = tmp_path / "settings.xml"
    config.write_text('<?xml version="1.0"?><settings><volume>3</volume></settings>', "utf-8")
    result = run("ingest", config, "--db", tmp_path / "x.duckdb")
    assert result.exit_code == 1 and no_traceback(result)
    assert f"{config}: is XML but not an RSS or Atom feed" in result.stderr


# --- 9-14. consistent behaviour ---------------------------------------------------------------

def test_the_json_shape_follows_the_inputs_named(tmp_path, extract):
    one_failing = run("extract", SAMPLE, tmp_path / "missing.txt")
    assert one_failing.exit_code == 1
    assert isinstance(json.loads(one_failing.stdout), list) and len(json.loads(one_failing.stdout)) == 1
    assert isinstance(json.loads(run("extract", SAMPLE).stdout), dict)


def api(db):
    from fastapi.testclient import TestClient

    from frontlines.web import create_app

    return TestClient(create_app(db), base_url=LOCAL)


def test_the_api_takes_the_filters_the_cli_takes(dev_db):
    client = api(dev_db)
    cli = run("events", "--db", dev_db, "--type", "battles", "--country", "Mali", "--format", "jsonl")
    assert cli.exit_code == 0, cli.output
    response = client.get("/api/events", params={"event_type": "battles", "country": "Mali"})
    assert response.status_code == 200, response.text
    assert response.json()["total"] == len(cli.stdout.splitlines()) > 0
    assert client.get("/api/control", params={"as_of": "2023-11-15", "country": "mali"}).status_code == 200


@pytest.mark.parametrize("name, value", [("q", "%"), ("q", "_"), ("actor", "%"), ("actor", "_")])
def test_wildcards_are_characters_to_find(dev_db, name, value):
    assert api(dev_db).get("/api/events", params={name: value}).json()["total"] == 0
    cli = run("events", "--db", dev_db, "--" + {"q": "text"}.get(name, name), value, "--format", "jsonl")
    assert cli.exit_code == 0 and cli.stdout == ""


FRENCH = ("Les forces gouvernementales ont repris le contrôle de la ville après des combats qui ont duré "
          "plusieurs jours, selon des sources locales. Les habitants ont commencé à rentrer chez eux.")


def test_the_page_refuses_a_text_the_cli_refuses(dev_db):
    response = api(dev_db).post("/api/extract", json={"text": FRENCH})
    assert response.status_code == 422 and "not English" in response.json()["message"]
    assert api(dev_db).post("/api/ingest", json={"text": FRENCH}).status_code == 422


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory, extract):
    """A corpus of the sample article (Deir ez-Zor the city, and Dayr az Zawr the province)."""
    db = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    assert run("ingest", SAMPLE, "--db", db).exit_code == 0
    return db


def test_a_place_is_one_gazetteer_entry_and_the_others_are_offered(sample_db):
    result = run("control", "--db", sample_db, "--place", "Deir ez-Zor")
    assert result.exit_code == 0, result.output
    places = {line.split(" (")[0] for line in result.stdout.splitlines() if not line.startswith(" ")}
    assert places == {"Deir ez-Zor"}
    assert "did you mean Dayr az Zawr (admin1, SY" in result.stderr and "--place " in result.stderr
    asked = result.stderr.split("--place ")[1].split()[0]
    province = run("control", "--db", sample_db, "--place", asked)
    assert {line.split(" (")[0] for line in province.stdout.splitlines() if not line.startswith(" ")} == {"Dayr az Zawr"}


@pytest.mark.parametrize("yaml_text, words", [
    ("- name: Wagner Group\n  alias: [Wagner]\n", "line 2: unknown field 'alias'; did you mean 'aliases'?"),
    ("- name: Wagner Group\n  only_in: SY\n", "line 1: 'only_in' must be a list of country codes"),
    ("- name: Wagner Group\n  country: RUS\n", "line 1: 'RUS' is not an ISO 3166-1 alpha-2 country code"),
    ("- name: Wagner Group\n  only_in: [SY, Mali]\n", "line 1: 'Mali' is not an ISO 3166-1 alpha-2"),
])
def test_an_actors_file_is_checked_field_by_field(tmp_path, extract, yaml_text, words):
    actors = tmp_path / "actors.yaml"
    actors.write_text(yaml_text, "utf-8")
    result = run("extract", SAMPLE, "--actors", actors)
    assert result.exit_code == 2 and no_traceback(result)
    assert f"{actors}: {words}" in result.output


def test_a_user_entry_takes_over_the_aliases_it_claims(tmp_path, extract):
    actors = tmp_path / "actors.yaml"
    actors.write_text("- name: Daesh Network\n  aliases: [ISIS, Islamic State, ISIL]\n  kind: rebel_group\n", "utf-8")
    result = run("extract", SAMPLE, "--actors", actors)
    names = {a["name"] for a in json.loads(result.stdout)["actors"]}
    assert "Daesh Network" in names and "Islamic State" not in names


def test_eval_json_keys_are_names_not_table_cells(extract):
    figures = json.loads(run("eval", DEV, "--json").stdout)
    assert all(key == key.strip() for key in figures) and "events + sub_event_type" in figures


@pytest.mark.parametrize("day", ["9999-01-01", "0001-01-01"])
def test_publication_dates_must_be_plausible(tmp_path, dev_db, day):
    result = run("extract", SAMPLE, "--date", day)
    assert result.exit_code == 2 and "not a publication date" in result.output
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"text": "BEIRUT — Clashes went on in Aleppo.", "published": day}) + "\n", "utf-8")
    result = run("extract", records)
    assert result.exit_code == 1 and "a publication date from 1900 to today" in result.stderr
    response = api(dev_db).post("/api/extract", json={"text": "BEIRUT — Clashes in Aleppo.", "published": day})
    assert response.status_code == 422 and "published" in response.json()["message"]
    article = tmp_path / "dated.txt"
    article.write_text(f"Clashes in Aleppo\n{day}\nBEIRUT — Clashes went on in Aleppo on Friday, officials said.\n")
    assert json.loads(run("extract", article).stdout)["document"]["published"] is None


# --- 18-20. what users see ------------------------------------------------------------------

def test_control_characters_never_reach_the_terminal(tmp_path, extract):
    article = tmp_path / "escapes.txt"
    article.write_text("Rebels \x1b]0;pwned\x07take \x1b[2J\x1b[HKidal\nBy Staff Writer\nNov. 15, 2023\n\n"
                       "BAMAKO, Mali — Malian troops took control of Kidal on Tuesday \x1b[31mred\x1b[0m, the army "
                       "said.\n", "utf-8")
    summary = run("extract", article, "--format", "summary")
    assert summary.exit_code == 0 and summary.stdout.startswith("Rebels take Kidal\n")
    db = tmp_path / "esc.duckdb"
    assert run("ingest", article, "--db", db).exit_code == 0
    table = run("control", "--db", db, "--as-of", "2023-11-16")
    on_screen = summary.stdout + run("extract", article, "--out", tmp_path / "r.json").stdout + table.stdout
    assert "Kidal" in table.stdout and not any(c in on_screen for c in "\x1b\x07\x9b")
    assert "\\u001b" in (tmp_path / "r.json").read_text("utf-8")  # the data keeps them, escaped by JSON


def test_geo_precision_says_how_the_place_was_found(tmp_path, extract):
    texts = {"town.txt": "BAMAKO, Mali — Malian troops took control of Kidal on Tuesday, the army said.",
             "site.txt": "MOGADISHU, Somalia — Al-Shabab fighters stormed the Hayat Hotel in Mogadishu on Friday, "
                         "killing 21 people, police said.",
             "province.txt": "BAGHDAD — Islamic State militants attacked Iraqi troops in Anbar province on Tuesday, "
                             "killing four soldiers, officials said."}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, "utf-8")
    db = tmp_path / "geo.duckdb"
    assert run("ingest", tmp_path, "--db", db, "--date", "2022-08-20").exit_code == 0
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(run("events", "--db", db).stdout)))
    precision = {r["location"]: r["geo_precision"] for r in rows}
    assert precision["Kidal"] == "1" and precision["Hayat Hotel"] == "2" and precision["Al Anbār"] == "3", precision


@pytest.fixture()
def local_site(tmp_path):
    """An http server on 127.0.0.1 serving tmp_path."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_allow_local_reads_pages_on_this_machine_and_files(tmp_path, extract, local_site):
    (tmp_path / "page.html").write_text(
        "<html><body><article><p>BAMAKO, Mali — Malian troops took control of Kidal on Tuesday, the army said, "
        "after weeks of fighting.</p><p>Residents said the town was calm by the evening.</p></article></body></html>")
    feed = tmp_path / "local.rss"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>
      <item><title>A</title><link>{(tmp_path / "page.html").as_uri()}</link><guid>a</guid></item>
      <item><title>B</title><link>{local_site}/page.html</link><guid>b</guid></item>
      <item><title>C</title><link>{(tmp_path / "gone.html").as_uri()}</link><guid>c</guid></item>
    </channel></rss>""")
    result = run("ingest", feed, "--db", tmp_path / "local.duckdb", "--allow-local", "--date", "2023-11-15")
    assert result.exit_code == 1 and "2 documents read" in result.stderr, result.stderr
    assert f"cannot read {(tmp_path / 'gone.html').as_uri()} (No such file" in result.stderr  # file:/// whole


# --- 17. progress per document -----------------------------------------------------------------

def test_ingest_shows_progress_per_record_with_rate_and_time_left(tmp_path, extract, monkeypatch):
    from frontlines.store import progress

    monkeypatch.setattr(progress, "PROGRESS_EVERY", 0.0)   # a line per document (a log gets one every 30 s)
    records = tmp_path / "big.jsonl"
    records.write_text("".join(json.dumps({"id": f"r{n}", "published": "2023-11-15",
                                           "text": f"BAMAKO, Mali — Clashes went on in Kidal on Tuesday, report {n}."})
                               + "\n" for n in range(5)), "utf-8")
    (tmp_path / "one.txt").write_text("BAMAKO, Mali — Malian troops took control of Kidal on Tuesday.", "utf-8")
    result = run("ingest", records, tmp_path / "one.txt", "--db", tmp_path / "p.duckdb", "--jobs", "1")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if "/6 documents" in line]
    assert [line.split("ingesting ")[1].split(" ")[0] for line in lines] == [f"{n}/6" for n in range(1, 7)]
    assert "a second, about" in lines[1] and "left" in lines[1] and "(100%)" in lines[-1]
    assert "ingesting done: 6 documents in" in result.stderr


def test_every_gold_file_in_the_repo_passes_the_checks_eval_makes():
    from frontlines.evaluate import check_gold

    folders = [folder for folder in sorted((ROOT / "eval").iterdir()) if folder.is_dir()]
    assert len(folders) > 20
    for folder in folders:
        for path in folder.glob("*.gold.json"):
            check_gold(path, json.loads(path.read_text("utf-8")))
