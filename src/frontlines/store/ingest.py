"""Ingest: sources in, reports into the store, one transaction per batch of documents, with progress per document.

Extraction runs all along; the database is opened to write a batch of reports, and kept open
for the next one only while batches come back to back and no reader waits for the file (`Writer`),
so readers (the web app, `frontlines events`) get in between batches.  A lock file beside the
database keeps a second ingest out for the whole run.
"""
from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from frontlines.errors import InputError, StoreBusy, UsageError
from frontlines.store import READ_WAIT, Store, readers_path, readers_waiting

BATCH_DOCS = 32       # write after this many reports ...
BATCH_SECONDS = 2.0   # ... or after this long, whichever comes first
WRITE_WAIT = 60.0     # seconds a batch waits for readers to let go of the database
LOCK_WAIT = 0.5       # seconds the lock file is tried again (the web server looks at it for a moment)
LINGER = 1.0          # seconds the store stays open after a batch for the next one, while no reader waits
WATCH = 0.05          # seconds between looks for a waiting reader while the store is open between batches
READERS_TURN = 2.0    # seconds at most a writer that let go for readers waits for them to open the file
CHECKPOINT_BATCHES = 8  # batches written into a store kept open between checkpoints (a reader waits for the last)


@dataclass
class IngestSummary:
    """What an ingest did."""

    outcomes: Counter = field(default_factory=Counter)   # added / unchanged / replaced
    failed: Counter = field(default_factory=Counter)     # reason → count
    unread: Counter = field(default_factory=Counter)     # kind of file not read in a folder → count
    counts: dict[str, int] = field(default_factory=dict)

    def describe(self, db: str) -> str:
        """One paragraph for the user."""
        read = sum(self.outcomes.values())
        parts = [f"{read} document{'s' * (read != 1)} read "
                 f"({', '.join(f'{n} {k}' for k, n in sorted(self.outcomes.items())) or 'none'})"]
        if self.failed:
            parts.append(f"{sum(self.failed.values())} failed or skipped ("
                         + ", ".join(f"{n} {reason}" for reason, n in self.failed.most_common()) + ")")
        if self.unread:
            n = sum(self.unread.values())
            kinds = sorted(self.unread.items(), key=lambda kind_n: (-kind_n[1], kind_n[0]))
            parts.append(f"{n} file{'s' * (n != 1)} of kinds frontlines does not read left aside ("
                         + ", ".join(plural(count, kind) for kind, count in kinds) + ")")
        totals = ", ".join(f"{n} {table}" for table, n in self.counts.items())
        return f"frontlines: {'; '.join(parts)}. {db} now holds {totals}."


def plural(n: int, kind: str) -> str:
    """ "1 image", "2 images", "3 .xyz files", "2 files with no suffix"."""
    if n == 1:
        return f"1 {kind}"
    return f"{n} {kind.replace('file', 'files', 1)}" if "file" in kind else f"{n} {kind}s"


@contextmanager
def writer_lock(db: str) -> Iterator[None]:
    """Hold DB.lock for the whole ingest, or raise StoreBusy if another ingest holds it.
    The lock goes with the process, even one killed with SIGKILL."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: DuckDB's own lock still guards each batch
        yield
        return
    try:
        handle = open(f"{db}.lock", "a")
    except OSError as exc:
        raise UsageError(f"{db}: cannot create the database here ({exc.strerror}); does its folder exist?") from None
    with handle:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreBusy(f"the database {db} is in use by another frontlines ingest (DuckDB allows one "
                                    "writer); wait for it to finish or use another --db") from None
                time.sleep(0.05)
        yield


def open_for_writing(db: str, warn: Callable[[str], None], wait: float = WRITE_WAIT) -> Store:
    """The store opened for one batch, waiting while readers hold it."""
    return Store.open_waiting(db, wait=wait, warn=warn)


class Writer:
    """The store an ingest writes its batches into, kept open from one batch to the next while they
    come back to back and no reader waits for the file.

    Each open of a store of a million events, and the checkpoint DuckDB writes when it is closed,
    cost a batch of 32 documents about a third of its time, and a file just opened reads the
    columns fusion compares cold: written back to back, batches took 2 to 3 times longer opened one
    by one.  So the store stays open after a batch, and is closed (checkpointed) when

    - a reader waits for the file: `Store.open_waiting` holds a shared lock on FILE.readers while
      it waits, which the writer looks at after each batch and every WATCH seconds between batches.
      It lets go at once, and waits for the readers to open the file (READERS_TURN at most) before
      it opens it again, so a reader waits for one batch at most, as when the file was opened for
      each batch;
    - no batch came for LINGER seconds (readers that do not say they wait, such as DuckDB's own
      tools, get in then);
    - the ingest ends.

    Every CHECKPOINT_BATCHES batches the store is checkpointed, so that letting go never has many
    batches to write into the file."""

    def __init__(self, db: str | Path, warn: Callable[[str], None], linger: float = LINGER):
        self.db, self.warn, self.linger = str(db), warn, linger
        self.store: Store | None = None
        self.lock = threading.Lock()
        self.last = 0.0           # when the last batch was written
        self.unchecked = 0        # batches written since the last checkpoint
        self.yielded = False      # whether the store was let go for waiting readers
        try:
            self.readers = open(readers_path(Path(self.db)), "ab")  # readers lock it shared while they wait
        except OSError:
            self.readers = None   # (a folder that cannot be written: the open then fails and says so)
        self.done = threading.Event()
        # not a daemon: at exit Python waits for it, rather than stopping it inside DuckDB's close
        self.watcher = threading.Thread(target=self.watch, name="frontlines-writer", daemon=False)
        self.watcher.start()

    def add_many(self, reports: list) -> list[str]:
        """Write one batch of reports (`Store.add_many`), opening the store if it is not open."""
        with self.lock:
            if self.store is None:
                if self.yielded:
                    self.wait_for_readers()
                self.store = open_for_writing(self.db, self.warn)
            try:
                outcomes = self.store.add_many(reports)
                self.unchecked += 1
                if self.unchecked >= CHECKPOINT_BATCHES:
                    self.store.db.execute("CHECKPOINT")
                    self.unchecked = 0
            except BaseException:
                self.let_go()
                raise
            self.last = time.monotonic()
            if self.readers_wait():
                self.let_go(yielded=True)
            return outcomes

    def readers_wait(self) -> bool:
        """Whether a reader waits for the file."""
        return self.readers is not None and readers_waiting(self.readers)

    def wait_for_readers(self) -> None:
        """After letting go for readers: wait until none waits any more (each has opened the file), for
        READERS_TURN seconds at most."""
        deadline = time.monotonic() + READERS_TURN
        while self.readers_wait() and time.monotonic() < deadline:
            time.sleep(WATCH / 5)
        self.yielded = False

    def watch(self) -> None:
        """Between batches: let go of the store when a reader waits, or after LINGER seconds without a batch."""
        while not self.done.wait(WATCH):
            with self.lock:
                if self.store is None:
                    continue
                if self.readers_wait():
                    self.let_go(yielded=True)
                elif time.monotonic() - self.last >= self.linger:
                    self.let_go()

    def let_go(self, yielded: bool = False) -> None:
        """Close the store, if open (call under the lock)."""
        if self.store is not None:
            store, self.store = self.store, None
            self.unchecked = 0
            self.yielded = yielded
            store.close()

    def close(self) -> None:
        """Close the store and stop watching."""
        self.done.set()
        if self.watcher.is_alive() and self.watcher is not threading.current_thread():
            self.watcher.join()
        with self.lock:
            self.let_go()
        if self.readers is not None:
            self.readers.close()
            self.readers = None

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def ingest_sources(sources: list[str], db: str, published: str | None, model: str, actor_files: tuple[Path, ...],
                   warn: Callable[[str], None], max_bytes: int | None = None,
                   allow_local: bool = False, jobs: int = 1) -> IngestSummary:
    """Extract every source into the database at `db`, showing progress per document."""
    from frontlines.parallel import analyse_parallel
    from frontlines.read.sources import expand, read_any
    from frontlines.store.progress import Progress, estimate_documents

    summary = IngestSummary()
    files, problems = expand(sources, summary.unread)
    for problem in problems:
        summary.failed[problem.reason] += 1
        warn(str(problem))

    progress = Progress(estimate_documents(files))

    def documents():
        for source in files:
            for item in read_any(source, published, max_bytes, allow_local):
                if isinstance(item, InputError):
                    summary.failed[item.reason] += 1
                    progress.clear()
                    warn(str(item))
                    progress.advance()
                else:
                    yield item

    with writer_lock(db):
        open_for_writing(db, warn, wait=READ_WAIT).close()  # a busy, newer or broken database stops the run now
        with Writer(db, warn) as writer:

            def write(batch: list) -> None:
                if batch:
                    summary.outcomes.update(writer.add_many(batch))
                    batch.clear()

            batch, since = [], time.monotonic()
            for report in analyse_parallel(documents(), jobs, model, actor_files):
                batch.append(report)
                if len(batch) >= BATCH_DOCS or time.monotonic() - since >= BATCH_SECONDS:
                    write(batch)
                    since = time.monotonic()
                progress.advance()
            write(batch)
        progress.finish()
        with open_for_writing(db, warn) as store:
            summary.counts = store.counts()
    return summary


def ingest_on_dask(sources: list[str], db: str, address: str, workers: int, parts: Path | None,
                   published: str | None, model: str, actor_files: tuple[Path, ...], warn: Callable[[str], None],
                   max_bytes: int | None = None, allow_local: bool = False) -> IngestSummary:
    """Extract on a Dask cluster into Parquet parts, and load each part into the database at `db`, in
    input order, while the cluster goes on with the next ones."""
    import click

    from frontlines.cluster import extract_on_dask, load_part, plan_units, remove_if_empty
    from frontlines.read.sources import expand

    summary = IngestSummary()
    files, problems = expand(sources, summary.unread)
    for problem in problems:
        summary.failed[problem.reason] += 1
        warn(str(problem))
    units = plan_units(files)
    folder = parts or Path(f"{db}.parts")
    with writer_lock(db):
        open_for_writing(db, warn, wait=READ_WAIT).close()  # a busy, newer or broken database stops the run now
        with click.progressbar(length=len(units), label=f"frontlines: extracting on dask ({address})", file=sys.stderr,
                               show_pos=True) as bar, Writer(db, warn) as writer:
            for part in extract_on_dask(units, address, workers, folder, published, model,
                                        tuple(str(f) for f in actor_files), max_bytes, allow_local):
                for reason, message in part.failures:
                    summary.failed[reason] += 1
                    warn(message)
                summary.outcomes.update(load_part(writer, part))
                bar.update(1)
        remove_if_empty(folder)
        with open_for_writing(db, warn) as store:
            summary.counts = store.counts()
    return summary
