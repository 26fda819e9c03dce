"""The web app's access to the corpus database: one read-only connection kept between requests,
let go whenever a writer may want the file.

DuckDB allows one writing process, and no writer while another process reads: a read-only open
fails while an ingest writes a batch, and an ingest's batch waits while a reader holds the file.
Opening the file costs about 35 ms a request at a million events, so the server keeps its
read-only store open between requests, and lets go of it:

- while a `frontlines ingest` runs (it holds FILE.lock for its whole run: `store.ingest`); each
  request then opens the file and closes it after, as an ingest lets readers in between batches,
  and a lock held elsewhere becomes `DatabaseBusy` (503) rather than a crash;
- after IDLE seconds without a request, so that an ingest started meanwhile (or any other
  writer) waits at most that long for its first batch;
- before an ingest asked for from the page, which opens the file read-write for that one write.

A store kept open is reopened when the file is no longer the one it opened (replaced by another);
while it is open no other process can write to it, so what it reads is current.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from frontlines.errors import FrontlinesError, StoreBusy
from frontlines.store import Store, lock_held

READ_WAIT = 2.0  # seconds a request waits for an ingest's batch to be written before answering 503
IDLE = 2.0       # seconds without a request after which the kept store is closed

BUSY = "the database is busy: an ingest is writing to it; retry in a moment"


class NoDatabase(FrontlinesError):
    """The database file does not exist yet (answered with 404 and how to build it)."""


class DatabaseBusy(FrontlinesError):
    """Another process holds the write lock (answered with 503)."""


def how_to_ingest(path: Path) -> str:
    """The one-line instruction shown when there is no database yet."""
    return (f"no database at {path} yet: build one with `frontlines ingest ARTICLES --db {path}` "
            f"(for example `frontlines ingest ../shared/eval/dev`), then reload")


class Corpus:
    """The database file the server reads: a read-only store kept open between requests while no
    writer wants the file, else opened per request."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        # One connection at a time in this process: DuckDB refuses a read-write open
        # while a read-only one to the same file is open in the same process.
        self.lock = threading.Lock()
        self.kept: Store | None = None
        self.kept_file: tuple | None = None  # the identity of the file the kept store opened
        self.timer: threading.Timer | None = None

    def exists(self) -> bool:
        """Whether the database file exists."""
        return self.path.is_file()

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """A read-only store for one request."""
        if not self.exists():
            raise NoDatabase(how_to_ingest(self.path))
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            if ingest_running(self.path):
                self.let_go()
                with closing(open_store(self.path, read_only=True)) as store:
                    yield store
                return
            try:
                yield self.kept_store()
            finally:
                # not a daemon: at exit Python waits for it (IDLE at most), rather than stopping it
                # inside DuckDB's close, which aborts the process.  Said explicitly: a thread takes
                # its creator's daemon flag, and requests run in the server's daemon worker threads.
                self.timer = threading.Timer(IDLE, self.close)
                self.timer.daemon = False
                self.timer.start()

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """A read-write store for one ingest from the page (creates the file if needed)."""
        with self.lock:
            self.let_go()
            with closing(open_store(self.path, read_only=False)) as store:
                yield store

    def kept_store(self) -> Store:
        """The store kept open, reopened if the file is another since (call under the lock)."""
        now = file_identity(self.path)
        if self.kept is None or now != self.kept_file:
            self.let_go()
            self.kept = open_store(self.path, read_only=True)
            self.kept_file = file_identity(self.path)  # after the open: a migration on opening rewrites it
        return self.kept

    def let_go(self) -> None:
        """Close the kept store, if any (call under the lock)."""
        if self.kept is not None:
            self.kept.close()
            self.kept, self.kept_file = None, None

    def close(self) -> None:
        """Close the kept store (after IDLE seconds without a request, and when the server stops)."""
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.let_go()


@contextmanager
def closing(store: Store) -> Iterator[Store]:
    """The store, closed after the `with` block."""
    try:
        yield store
    finally:
        store.close()


def file_identity(path: Path) -> tuple:
    """What tells one file at `path` from another put there since."""
    stat = os.stat(path)
    return stat.st_dev, stat.st_ino


def ingest_running(path: Path) -> bool:
    """Whether a `frontlines ingest` holds the database's lock file (store.ingest.writer_lock); the
    probe holds the lock for a moment only, and an ingest starting then tries again."""
    try:
        handle = open(f"{path}.lock", "rb")
    except OSError:
        return False  # never an ingest here, or none that left its lock file
    with handle:  # (not on POSIX: no lock to ask; the idle timeout lets writers in)
        return lock_held(handle, exclusive=False)


def open_store(path: Path, read_only: bool) -> Store:
    """Open the store (a reader waits briefly while an ingest writes a batch), turning "another
    process holds the lock" into `DatabaseBusy`."""
    try:
        return Store.open_read_only(path, wait=READ_WAIT) if read_only else Store(path)
    except StoreBusy:
        raise DatabaseBusy(BUSY) from None
