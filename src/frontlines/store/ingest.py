"""Ingest: sources in, reports into the store, one transaction per batch of documents, with progress per document.

Extraction runs all along; the database is opened only to write each batch of reports
and closed in between, so readers (the web app, `frontlines events`) get in between
batches.  A lock file beside the database keeps a second ingest out for the whole run.
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from frontlines.errors import InputError, StoreBusy, UsageError
from frontlines.store import READ_WAIT, Store

BATCH_DOCS = 32       # write after this many reports ...
BATCH_SECONDS = 2.0   # ... or after this long, whichever comes first
WRITE_WAIT = 60.0     # seconds a batch waits for readers to let go of the database
LOCK_WAIT = 0.5       # seconds the lock file is tried again (the web server looks at it for a moment)


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

    def write(batch: list) -> None:
        if batch:
            with open_for_writing(db, warn) as store:
                summary.outcomes.update(store.add_many(batch))
            batch.clear()

    with writer_lock(db):
        open_for_writing(db, warn, wait=READ_WAIT).close()  # a busy, newer or broken database stops the run now
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
                               show_pos=True) as bar:
            for part in extract_on_dask(units, address, workers, folder, published, model,
                                        tuple(str(f) for f in actor_files), max_bytes, allow_local):
                for reason, message in part.failures:
                    summary.failed[reason] += 1
                    warn(message)
                with open_for_writing(db, warn) as store:
                    summary.outcomes.update(load_part(store, part))
                bar.update(1)
        remove_if_empty(folder)
        with open_for_writing(db, warn) as store:
            summary.counts = store.counts()
    return summary
