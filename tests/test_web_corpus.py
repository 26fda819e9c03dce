"""The server keeps its read-only store open between requests, and lets go of it for writers:
after a moment without requests, while an ingest runs, before an ingest from the page; a file
replaced under it is opened anew."""
from __future__ import annotations

import fcntl
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import LOCAL
from frontlines.store import Store
from frontlines.store.bench import fill
from frontlines.web import corpus as corpus_module
from frontlines.web import create_app
from frontlines.web.corpus import Corpus

WRITER = """
import sys, time
from frontlines.store import Store
start = time.monotonic()
with Store.open_waiting(sys.argv[1], wait=10) as store:
    store.db.execute("INSERT INTO meta VALUES ('touched', 'yes')")
print(round(time.monotonic() - start, 2))
"""


@pytest.fixture()
def generated(tmp_path) -> Path:
    path = tmp_path / "corpus.duckdb"
    with Store(path) as store:
        fill(store, 1000)
    return path


def test_requests_share_one_store_until_idle(generated, monkeypatch):
    monkeypatch.setattr(corpus_module, "IDLE", 0.3)
    corpus = Corpus(generated)
    with corpus.reading() as first:
        pass
    with corpus.reading() as second:
        assert second is first and corpus.kept is first
    time.sleep(0.6)
    assert corpus.kept is None  # let go after a moment without requests


def test_a_writer_in_another_process_gets_in_while_the_server_is_idle(generated, monkeypatch):
    monkeypatch.setattr(corpus_module, "IDLE", 0.3)
    corpus = Corpus(generated)
    with corpus.reading() as store:
        store.counts()
    took = subprocess.run([sys.executable, "-c", WRITER, str(generated)], capture_output=True, text=True, timeout=60)
    assert took.returncode == 0, took.stderr
    assert float(took.stdout) < 5
    with corpus.reading() as store:  # the file changed: read anew
        assert store.rows("SELECT value FROM meta WHERE key = 'touched'") == [{"value": "yes"}]
    corpus.close()


def test_while_an_ingest_runs_each_request_opens_the_file_and_closes_it(generated):
    corpus = Corpus(generated)
    with corpus.reading():
        pass
    assert corpus.kept is not None
    with open(f"{generated}.lock", "a") as lock:  # as `frontlines ingest` holds it
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with corpus.reading() as store:
            assert store is not corpus.kept and corpus.kept is None
            assert store.counts()["events"] == 1000
        assert corpus_module.ingest_running(generated)
    assert not corpus_module.ingest_running(generated)
    with corpus.reading() as store:
        assert corpus.kept is store
    corpus.close()


def test_a_file_replaced_under_the_server_is_read_anew(generated, tmp_path):
    client = TestClient(create_app(generated), base_url=LOCAL)
    before = client.get("/api/stats").json()["counts"]["events"]
    other = tmp_path / "other.duckdb"
    with Store(other) as store:
        fill(store, 500)
    other.replace(generated)
    assert (before, client.get("/api/stats").json()["counts"]["events"]) == (1000, 500)


def test_an_ingest_from_the_page_closes_the_kept_store_first(generated):
    corpus = Corpus(generated)
    with corpus.reading():
        pass
    with corpus.writing() as store:  # DuckDB refuses a read-write open beside a read-only one
        store.db.execute("INSERT INTO meta VALUES ('page', 'yes')")
    with corpus.reading() as store:
        assert store.rows("SELECT value FROM meta WHERE key = 'page'") == [{"value": "yes"}]
    corpus.close()


def test_the_idle_timer_is_waited_for_at_exit_even_when_a_worker_thread_starts_it(generated):
    """Requests run in the server's daemon worker threads, and a thread takes its creator's daemon
    flag: a daemon timer would be stopped inside DuckDB's close at exit, which aborts the process."""
    import threading

    corpus = Corpus(generated)

    def request() -> None:
        with corpus.reading():
            pass

    worker = threading.Thread(target=request, daemon=True)
    worker.start()
    worker.join()
    try:
        assert corpus.timer is not None and not corpus.timer.daemon
    finally:
        corpus.close()
