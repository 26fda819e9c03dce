"""The corpus database under stress: kill -9 mid-ingest, a second writer, readers during an
ingest, and migrations that keep a copy of the old file.  Real `frontlines ingest` processes."""
from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DEV, require_shared
from processes import descendants, kill_all, wait_gone
from frontlines.cli import main
from frontlines.errors import StoreBusy, UsageError
from frontlines.store import Store
from frontlines.store.schema import SCHEMA_VERSION

# Every stored column but the time of ingest, so two databases can be compared row for row.
CONTENT = {
    "documents": "SELECT id, content_hash, title, source, url, published, dateline, origin, text, report FROM documents",
    "events": "SELECT * FROM events", "control": "SELECT * FROM control", "places": "SELECT * FROM places",
    "actors": "SELECT * FROM actors", "mentions": "SELECT * FROM mentions",
}


def ingest_process(folder: Path, db: Path) -> subprocess.Popen:
    """`frontlines ingest FOLDER --db DB` as its own process, as a user starts it."""
    return subprocess.Popen([sys.executable, "-m", "frontlines.cli", "ingest", str(folder), "--db", str(db),
                             "--date", "2024-01-01"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def content(db: Path) -> dict[str, list]:
    """Every row of every table, sorted."""
    with Store(db, read_only=True) as store:
        return {table: sorted(map(repr, store.db.execute(sql).fetchall())) for table, sql in CONTENT.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The dev articles and an edited copy of each: 18 documents."""
    require_shared()
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(DEV.iterdir()):
        shutil.copy(path, folder / path.name)
        if not path.name.endswith(".json"):
            edited = path.read_text().replace("</body>", "<p>Editor's note: this story was updated.</p></body>")
            if edited == path.read_text():
                edited += "\n\nEditor's note: this story was updated on Friday with new figures.\n"
            (folder / f"edited-{path.name}").write_text(edited)
    return folder


@pytest.fixture(scope="module")
def clean_run(corpus, tmp_path_factory, extract) -> tuple[Path, float, set[str]]:
    """The corpus ingested in one uninterrupted run: the database, how long the run took, and
    what a second writer and a reader met while it ran."""
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    started = time.monotonic()
    run = ingest_process(corpus, db)
    seen: set[str] = set()
    while run.poll() is None:
        if "second writer told" not in seen and db.exists():  # made under the ingest's lock: it holds it
            second = CliRunner().invoke(main, ["ingest", str(DEV / "kidal-2023-11-15.txt"), "--db", str(db)])
            if second.exit_code == 1 and second.stderr.strip().splitlines()[-1].endswith(
                    f"the database {db} is in use by another frontlines ingest (DuckDB allows one writer); "
                    "wait for it to finish or use another --db") and "Traceback" not in second.output:
                seen.add("second writer told")
        try:
            with Store.open_read_only(db, wait=0.5) as store:
                seen.add("data" if store.counts()["documents"] else "empty")
        except StoreBusy:
            seen.add("busy")
        except UsageError as exc:
            seen.add("no file yet" if "no such database" in str(exc) else str(exc))
        time.sleep(0.2)
    took = time.monotonic() - started
    assert run.returncode == 0, run.stderr.read()
    return db, took, seen


def test_kill_9_then_ingest_again_gives_the_clean_database(corpus, clean_run, tmp_path):
    clean, took, _ = clean_run
    db = tmp_path / "killed.duckdb"
    moments = sorted(random.uniform(2.5, 0.8 * took) for _ in range(3))
    for moment in moments:
        run = ingest_process(corpus, db)
        time.sleep(moment)
        workers = descendants(run.pid)  # the ingest uses every core: its workers must die with it
        run.send_signal(signal.SIGKILL)
        run.wait()
        left = wait_gone(workers, 5)
        kill_all(left)  # so that a failure here leaves nothing running either
        assert not left, f"workers of the ingest killed at {moment:.1f} s still running"
    again = ingest_process(corpus, db)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, (moments, err)
    assert "Traceback" not in err
    assert content(db) == content(clean), f"killed at {moments} s"
    assert len(content(db)["documents"]) == 18


def test_a_second_writer_is_told_and_a_reader_gets_data_or_busy(clean_run):
    db, _, seen = clean_run
    assert "second writer told" in seen and "data" in seen  # readers got in between the batches
    assert seen <= {"second writer told", "data", "empty", "busy", "no file yet"}  # nothing else, no crash
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 18


def test_a_reader_waits_then_gets_store_busy(tmp_path):
    db = tmp_path / "held.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); "
                               "print('held', flush=True); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreBusy, match="in use by another frontlines process"):
            Store.open_read_only(db, wait=0.3)
        result = CliRunner().invoke(main, ["events", "--db", str(db)])
        assert result.exit_code == 1 and "in use by another" in result.output and "Traceback" not in result.output
    finally:
        holder.kill()
        holder.wait()
    with Store.open_read_only(db) as store:  # the holder is gone: readers get in again
        assert store.counts()["documents"] == 0


def test_an_older_database_is_backed_up_then_migrated(tmp_path, extract):
    db = tmp_path / "old.duckdb"
    assert CliRunner().invoke(main, ["ingest", str(DEV / "kidal-2023-11-15.txt"), "--db", str(db)]).exit_code == 0
    old = SCHEMA_VERSION - 1
    with Store(db) as store:
        store.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(old)])
    result = CliRunner().invoke(main, ["ingest", str(DEV / "kherson-2022-11-11.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    backup = tmp_path / f"old.duckdb.bak-v{old}"
    assert f"migrating the database from schema version {old} to {SCHEMA_VERSION}" in result.stderr
    assert str(backup) in result.stderr
    import duckdb

    kept = duckdb.connect(str(backup), read_only=True)  # as it was: a Store would migrate it
    assert kept.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(old)
    assert kept.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    kept.close()
    with Store(db, read_only=True) as store:
        assert store.version() == SCHEMA_VERSION and store.counts()["documents"] == 2


def test_a_newer_database_is_refused_naming_both_versions(tmp_path):
    db = tmp_path / "new.duckdb"
    with Store(db) as store:
        store.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    for args in (["events"], ["ingest", str(tmp_path / "none.txt")]):
        result = CliRunner().invoke(main, [*args, "--db", str(db)])
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert f"schema version {SCHEMA_VERSION + 1} is newer than this frontlines understands ({SCHEMA_VERSION})" \
            in result.output
    assert not list(tmp_path.glob("*.bak-*"))


def reader_process(db: Path, wait: float) -> subprocess.Popen:
    """A reader in its own process, as the web server or `frontlines events` opens the store: it
    prints how many documents it read, or that the store stayed busy."""
    code = (f"from frontlines.store import Store\nfrom frontlines.errors import StoreBusy\n"
            f"try:\n    store = Store.open_read_only({str(db)!r}, wait={wait})\n"
            f"except StoreBusy:\n    print('busy', flush=True)\nelse:\n"
            f"    print(store.counts()['documents'], flush=True)\n    store.close()\n")
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)


def test_an_ingest_keeps_the_store_open_between_batches_and_lets_a_waiting_reader_in(tmp_path):
    from frontlines.store import Stored
    from frontlines.store.bench import synthetic_report
    from frontlines.store.ingest import Writer

    db = tmp_path / "kept.duckdb"
    with Writer(db, warn=print, linger=600) as writer:  # no batch comes for a long while: still kept open
        writer.add_many([Stored(*synthetic_report("first"))])
        kept = writer.store
        writer.add_many([Stored(*synthetic_report("second"))])
        assert writer.store is kept is not None  # the same store, not opened again for the second batch
        reader = reader_process(db, wait=120)
        out, _ = reader.communicate(timeout=300)
        assert out.strip() == "2"  # it asked, the writer let go, and it read both batches
        assert writer.store is None
        writer.add_many([Stored(*synthetic_report("third"))])  # opened again once the reader is done
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 3


def test_a_reader_that_does_not_ask_gets_in_once_the_batches_stop(tmp_path):
    from frontlines.store import Stored
    from frontlines.store.bench import synthetic_report
    from frontlines.store.ingest import Writer

    db = tmp_path / "idle.duckdb"
    with Writer(db, warn=print, linger=0.2) as writer:
        writer.add_many([Stored(*synthetic_report("only"))])
        deadline = time.monotonic() + 60
        while writer.store is not None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert writer.store is None  # closed after LINGER without a batch
        held = subprocess.run([sys.executable, "-c", f"import duckdb; print(duckdb.connect({str(db)!r}, read_only=True)"
                               ".execute('SELECT count(*) FROM documents').fetchone()[0])"],
                              capture_output=True, text=True, timeout=120)
        assert held.stdout.strip() == "1", held.stderr  # DuckDB's own reader, which says nothing, gets in


def test_a_commit_after_a_writer_killed_mid_commit_goes_through(tmp_path):
    """A writer killed while it committed leaves a deletion file that its commit never recorded; the next
    writer, making the same change, names its file the same way: it must commit all the same (kill -9 at
    the wrong moment made the next ingest fail with "FileAlreadyExists ... .del")."""
    import tantivy

    from frontlines.store.text import TextIndex, opened

    path = tmp_path / "text"
    path.mkdir()
    first = TextIndex(opened(path, new_schema=True))
    first.open_writer()
    for fused in ("a", "b"):
        first.writer.add_document(tantivy.Document(fused=fused))
    first.writer.commit()
    first.writer.wait_merging_threads()
    meta = (path / "meta.json").read_text()

    def delete_a() -> None:
        index = TextIndex(opened(path))
        index.open_writer()
        index.writer.delete_documents_by_term("fused", "a")
        index.writer.commit()
        index.writer.wait_merging_threads()

    delete_a()
    (path / "meta.json").write_text(meta)  # killed before its commit was recorded: its .del file is left over
    delete_a()
    reopened = opened(path)
    reopened.reload()
    assert reopened.searcher().num_docs == 1  # "b" alone is left
