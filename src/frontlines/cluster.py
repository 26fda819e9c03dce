"""Backfills on a Dask cluster.

The inputs are cut into work units (a few article files, or a slice of a JSON Lines or Parquet
archive); each unit is extracted on a worker into a Parquet part holding its reports in their
stored form; the parts are loaded into the store in input order as they come (loading is
idempotent), so the database is the one a single process would have written.  A part already written for the same
unit (same file, size, date, model) is not extracted again, so a backfill that stopped resumes.

Dask schedules and moves the work; what is written here is the cutting into units and the parts.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from frontlines.errors import InputError, UsageError

FILES_PER_UNIT = 8
JSONL_BYTES_PER_UNIT = 256 << 10  # about 50 articles a task
PARQUET_ROWS_PER_UNIT = 50
WRITE_BATCH = 64  # documents a transaction when loading parts


@dataclass(frozen=True)
class Unit:
    """One task: whole files, or a slice of one archive (bytes of JSON Lines, rows of Parquet)."""

    paths: tuple[str, ...]
    start: int = 0
    stop: int | None = None
    first_line: int = 1

    def key(self, *settings) -> str:
        """A name for this unit's part: changes when a file or a setting (model, date, limits) does."""
        stamps = [(p, *file_stamp(p)) for p in self.paths]
        text = json.dumps([stamps, self.start, self.stop, *settings])
        return hashlib.sha256(text.encode()).hexdigest()[:24]


@dataclass
class Part:
    """What a worker made of a unit: its Parquet part and the inputs it could not read."""

    path: str
    documents: int
    failures: list[tuple[str, str]] = field(default_factory=list)  # (reason, message)


def file_stamp(path: str) -> tuple[int, int]:
    """A file's size and modification time (0, 0 for an address)."""
    try:
        st = os.stat(path)
    except OSError:
        return 0, 0
    return st.st_size, st.st_mtime_ns


def plan_units(files: list[str]) -> list[Unit]:
    """The inputs as work units, in input order: big archives in slices, other files in groups."""
    units, group = [], []
    for path in files:
        suffix = Path(path).suffix.lower()
        big_jsonl = suffix in (".jsonl", ".ndjson") and file_stamp(path)[0] > JSONL_BYTES_PER_UNIT
        if big_jsonl or suffix == ".parquet":
            if group:
                units.append(Unit(tuple(group)))
                group = []
            units += list(jsonl_slices(path) if big_jsonl else parquet_slices(path))
            continue
        group.append(path)
        if len(group) == FILES_PER_UNIT:
            units.append(Unit(tuple(group)))
            group = []
    return units + ([Unit(tuple(group))] if group else [])


def jsonl_slices(path: str) -> Iterator[Unit]:
    """Byte ranges of a JSON Lines file, each ending at a line end, with their first line numbers."""
    size = file_stamp(path)[0]
    with open(path, "rb") as f:
        start, line = 0, 1
        while start < size:
            f.seek(min(start + JSONL_BYTES_PER_UNIT, size))
            f.readline()  # on to the end of the line the cut fell in
            stop = min(f.tell(), size)
            f.seek(start)
            lines = f.read(stop - start).count(b"\n")
            yield Unit((path,), start, stop, line)
            start, line = stop, line + lines


def parquet_slices(path: str) -> Iterator[Unit]:
    """Row ranges of a Parquet file (one unit for a file DuckDB cannot read: its worker says why)."""
    import duckdb

    try:
        rows = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [path]).fetchone()[0]
    except duckdb.Error:
        rows = 1
    for start in range(0, max(rows, 1), PARQUET_ROWS_PER_UNIT):
        yield Unit((path,), start, min(start + PARQUET_ROWS_PER_UNIT, rows))


def unit_documents(unit: Unit, published: str | None, max_bytes: int | None = None, allow_local: bool = False):
    """The documents (and unreadable or skipped inputs) of a unit, in input order."""
    from frontlines.model import Document
    from frontlines.read import screen
    from frontlines.read.records import read_jsonl, read_parquet
    from frontlines.read.sources import read_any

    path = unit.paths[0]
    if unit.stop is None:
        for source in unit.paths:
            yield from read_any(source, published, max_bytes, allow_local)
        return
    if path.lower().endswith(".parquet"):
        records = read_parquet(path, published, unit.start, unit.stop)
    else:
        with open(path, "rb") as f:
            f.seek(unit.start)
            text = f.read(unit.stop - unit.start).decode("utf-8", errors="replace")
        records = read_jsonl(text, path, published, unit.first_line)
    for item in records:  # each record screened as when read whole: its size, its language
        yield screen(item, max_bytes) if isinstance(item, Document) else item


def extract_unit(unit: Unit, parts: str, published: str | None, model: str, actor_files: tuple[str, ...],
                 max_bytes: int | None = None, allow_local: bool = False) -> Part:
    """On a worker: extract a unit's documents into a Parquet part (or find it already made).
    The model loads once a worker process and stays for the next units."""
    from frontlines.pipeline import analyse
    from frontlines.store import Stored

    path = Path(parts) / f"part-{unit.key(model, published, actor_files, max_bytes, allow_local)}.parquet"
    failures: list[tuple[str, str]] = []

    def documents():
        for item in unit_documents(unit, published, max_bytes, allow_local):
            if isinstance(item, InputError):
                failures.append((item.reason, str(item)))
            else:
                yield item

    if path.exists():
        for _ in documents():  # only the failures are wanted: the reports are in the part
            pass
        return Part(str(path), part_rows(path), failures)
    stored = [Stored.of(r) for r in analyse(documents(), model, tuple(Path(f) for f in actor_files))]
    write_part(path, stored)
    return Part(str(path), len(stored), failures)


def write_part(path: Path, stored: list) -> None:
    """Reports in their stored form as a Parquet file, written whole or not at all."""
    import duckdb

    db = duckdb.connect()
    db.execute("CREATE TABLE part (n INTEGER, report VARCHAR, text VARCHAR, url VARCHAR, origin VARCHAR)")
    rows = [[n, json.dumps(s.report, ensure_ascii=False), s.text, s.url, s.origin] for n, s in enumerate(stored)]
    if rows:
        db.executemany("INSERT INTO part VALUES (?, ?, ?, ?, ?)", rows)
    partial = path.with_suffix(".partial")
    db.execute(f"COPY part TO {sql_string(str(partial))} (FORMAT parquet)")
    os.replace(partial, path)


def read_part(path: str) -> Iterator:
    """The stored reports of a part, in order."""
    import duckdb

    from frontlines.store import Stored

    cursor = duckdb.connect().execute("SELECT report, text, url, origin FROM read_parquet(?) ORDER BY n", [path])
    for report, text, url, origin in iter(cursor.fetchone, None):
        yield Stored(json.loads(report), text, url, origin)


def part_rows(path: Path) -> int:
    """How many reports a part holds."""
    import duckdb

    return duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()[0]


def sql_string(text: str) -> str:
    """A SQL string literal (COPY takes no bound parameter for its file)."""
    return "'" + text.replace("'", "''") + "'"


def connect(address: str, workers: int):
    """A Dask client: a LocalCluster of `workers` processes for "local", else the scheduler at `address`."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--dask needs Dask: pip install 'dask[distributed]' (or the frontlines[cluster] extra)") from None
    import logging

    if address == "local":  # the client starts the LocalCluster, and stops it on closing
        return Client(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR)
    try:
        return Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address} ({exc}); start one with `dask scheduler` "
                         "and workers with `dask worker ADDRESS` (frontlines installed on each)") from None


def extract_on_dask(units: list[Unit], address: str, workers: int, parts: Path, published: str | None, model: str,
                    actor_files: tuple[str, ...], max_bytes: int | None = None,
                    allow_local: bool = False) -> Iterator[Part]:
    """Run every unit on the cluster, yielding the parts in unit order as they are done (the later
    units go on computing while the caller loads the earlier ones)."""
    parts.mkdir(parents=True, exist_ok=True)
    with connect(address, workers) as client:
        futures = client.map(extract_unit, units, parts=str(parts.resolve()), published=published, model=model,
                             actor_files=actor_files, max_bytes=max_bytes, allow_local=allow_local, pure=False)
        for future in futures:
            yield future.result()


def load_part(store, part: Part) -> Counter:
    """Load a part into the store (added / unchanged / replaced), a batch a transaction, then remove it."""
    outcomes: Counter = Counter()
    reports = read_part(part.path)
    while batch := list(islice(reports, WRITE_BATCH)):
        outcomes.update(store.add_many(batch))
    Path(part.path).unlink(missing_ok=True)
    return outcomes


def remove_if_empty(folder: Path) -> None:
    """Remove the parts folder once every part is loaded."""
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
