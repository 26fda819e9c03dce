"""Several cores give the same answers as one: extract and ingest with --jobs."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import DEV, require_shared
from frontlines.cli import main
from frontlines.parallel import DOCS_PER_TASK
from frontlines.store import Store


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """The dev articles, each also as a second edition with a line added: enough documents that
    --jobs 2 really starts two workers."""
    require_shared()
    folder = tmp_path_factory.mktemp("articles")
    texts = sorted(DEV.glob("*.txt"))
    for edition in range(-(-2 * DOCS_PER_TASK // len(texts))):
        for path in texts:
            (folder / f"{path.stem}-{edition}.txt").write_text(path.read_text() + f"\nEdition {edition}.\n")
    return sorted(folder.iterdir())


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_extract_with_two_jobs_prints_the_same_bytes(articles, extract):
    paths = [str(p) for p in articles]
    one = run("extract", *paths, "--format", "jsonl", "--date", "2020-01-01")
    two = run("extract", *paths, "--format", "jsonl", "--date", "2020-01-01", "--jobs", "2")
    assert len(one.stdout.splitlines()) == len(articles) >= 2 * DOCS_PER_TASK
    assert two.stdout == one.stdout


def test_ingest_with_two_jobs_stores_the_same_rows(articles, tmp_path, extract):
    tables = {"documents": "id, content_hash, report", "events": "*", "control": "*"}
    found = []
    for jobs in ("1", "2"):
        db = tmp_path / f"jobs{jobs}.duckdb"
        run("ingest", *map(str, articles), "--db", str(db), "--date", "2020-01-01", "--jobs", jobs)
        with Store(db, read_only=True) as store:
            found.append({t: store.rows(f"SELECT {cols} FROM {t} ORDER BY ALL") for t, cols in tables.items()})
    assert found[0]["events"] and found[0] == found[1]


def stored_rows(db) -> dict[str, list[dict]]:
    """Every table's rows but the ingest times, in a fixed order."""
    with Store(db, read_only=True) as store:
        return {t: store.rows(f"SELECT * {'EXCLUDE (ingested_at)' if t == 'documents' else ''} FROM {t} ORDER BY ALL")
                for t in ("documents", "places", "actors", "mentions", "events", "control")}


def test_ingest_on_a_two_worker_dask_cluster_stores_what_one_process_stores(tmp_path, web_dev_db):
    # web_dev_db is `ingest DEV --db ... --jobs 1`, the very run this test made for itself before;
    # the session's web tests made it anyway.
    one, dask = web_dev_db, tmp_path / "dask.duckdb"
    result = run("ingest", str(DEV), "--db", str(dask), "--dask", "local", "--jobs", "2")
    assert "9 added" in result.output
    assert stored_rows(dask) == stored_rows(one)
    assert not (tmp_path / "dask.duckdb.parts").exists()  # loaded, then cleared
    again = run("ingest", str(DEV), "--db", str(dask), "--dask", "local", "--jobs", "2")
    assert "9 unchanged" in again.output


def test_a_big_json_lines_archive_is_cut_at_line_ends_and_read_once(tmp_path, monkeypatch):
    from frontlines import cluster

    archive = tmp_path / "archive.jsonl"
    lines = [json.dumps({"id": f"r{n}", "text": f"BEIRUT — Clashes in Aleppo, report {n}.", "published": "2017-11-03"})
             for n in range(40)]
    lines[17] = '{"id": "broken"'
    archive.write_text("\n".join(lines) + "\n")
    monkeypatch.setattr(cluster, "JSONL_BYTES_PER_UNIT", 300)
    units = cluster.plan_units([str(archive)])
    read = [item for unit in units for item in cluster.unit_documents(unit, None)]
    assert len(units) > 5
    assert [getattr(d, "id", None) for d in read] == [f"r{n}" if n != 17 else None for n in range(40)]
    assert "archive.jsonl line 18" in str(read[17])


def test_parquet_archives_are_read_as_records(tmp_path, extract):
    import duckdb

    archive = tmp_path / "archive.parquet"
    duckdb.connect().execute(f"""COPY (SELECT 'p' || i AS id, 'BEIRUT — Clashes in Aleppo on Friday, report ' || i || '.'
                                 AS text, DATE '2017-11-03' AS published FROM range(3) t(i)) TO '{archive}' (FORMAT parquet)""")
    reports = [json.loads(x) for x in run("extract", str(archive), "--format", "jsonl").stdout.splitlines()]
    assert [r["document"]["id"] for r in reports] == ["p0", "p1", "p2"]
    assert reports[0]["document"]["published"] == "2017-11-03" and reports[0]["places"]


def test_workers_end_when_their_ingest_is_killed(articles, tmp_path):
    """`kill -9` of an ingest (or the OOM killer) must not leave its workers running for good."""
    import signal
    import subprocess
    import sys
    import time

    from processes import descendants, kill_all, wait_gone

    run = subprocess.Popen([sys.executable, "-m", "frontlines.cli", "ingest", *map(str, articles), "--db",
                            str(tmp_path / "killed.duckdb"), "--date", "2020-01-01", "--jobs", "2"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: dict[int, int] = {}
    try:
        deadline = time.monotonic() + 120
        while run.poll() is None and time.monotonic() < deadline and len(seen) < 3:  # 2 workers, 1 resource tracker
            seen.update(descendants(run.pid))
            time.sleep(0.2)
        assert len(seen) >= 3, f"the ingest started {len(seen)} processes; expected two workers and a tracker"
        time.sleep(2)  # the workers are loading the model or extracting
        seen.update(descendants(run.pid))
        run.send_signal(signal.SIGKILL)
        run.wait()
        left = wait_gone(seen, 5)
        assert not left, f"processes of a killed ingest still running after 5 s: {sorted(left)}"
    finally:
        run.kill()
        run.wait()
        kill_all(seen)


def test_without_the_death_signal_a_worker_still_notices_its_parent_is_gone():
    """The second guard (where Linux's parent-death signal is missing): the worker watches its parent pid."""
    import signal
    import subprocess
    import sys

    from processes import kill_all, stat, wait_gone

    child = "import sys; from frontlines.parallel import watch_parent; watch_parent(int(sys.argv[1]))"
    parent = subprocess.Popen([sys.executable, "-c", "import os, subprocess, sys, time; "
                               f"c = subprocess.Popen([sys.executable, '-c', {child!r}, str(os.getpid())]); "
                               "print(c.pid, flush=True); time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    worker = int(parent.stdout.readline())
    watched = {worker: stat(worker)[2]}
    try:
        assert wait_gone(watched, 1.5) == watched, "the watching child ended while its parent lived"
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        assert not wait_gone(watched, 5), "the watching child outlived its parent by 5 s"
    finally:
        kill_all(watched)
