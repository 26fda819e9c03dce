"""The README's promises as a demanding new user tests them (issue 16): through the CLI and the API."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from conftest import DEV, SAMPLE
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
    client = TestClient(create_app(db))
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
