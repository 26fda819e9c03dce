"""The web app's access to the corpus database: a short-lived connection per request.

DuckDB allows one writing process, and a read-only open fails while another
process holds the write lock (a `frontlines ingest` running beside the
server).  So the server never keeps the file open: each request opens it
read-only, reads, and closes it; a lock held elsewhere becomes `DatabaseBusy`
(503) rather than a crash.  Only an ingest asked for from the page opens it
read-write, for that one write.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from frontlines.errors import FrontlinesError, StoreBusy
from frontlines.store import Store

READ_WAIT = 2.0  # seconds a request waits for an ingest's batch to be written before answering 503

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
    """The database file the server reads, opened per request and closed after."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        # One connection at a time in this process: DuckDB refuses a read-write open
        # while a read-only one to the same file is open in the same process.
        self.lock = threading.Lock()

    def exists(self) -> bool:
        """Whether the database file exists."""
        return self.path.is_file()

    def reading(self):
        """A read-only store for one request."""
        if not self.exists():
            raise NoDatabase(how_to_ingest(self.path))
        return self.opened(read_only=True)

    def writing(self):
        """A read-write store for one ingest from the page (creates the file if needed)."""
        return self.opened(read_only=False)

    @contextmanager
    def opened(self, read_only: bool) -> Iterator[Store]:
        """The store, open for the length of a `with` block, one at a time in this process."""
        with self.lock:
            store = open_store(self.path, read_only)
            try:
                yield store
            finally:
                store.close()


def open_store(path: Path, read_only: bool) -> Store:
    """Open the store (a reader waits briefly while an ingest writes a batch), turning "another
    process holds the lock" into `DatabaseBusy`."""
    try:
        return Store.open_read_only(path, wait=READ_WAIT) if read_only else Store(path)
    except StoreBusy:
        raise DatabaseBusy(BUSY) from None
