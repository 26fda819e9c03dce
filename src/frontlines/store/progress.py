"""Progress of an ingest, per document: how many of about how many, how fast, and the time left.

A JSON Lines file of 10,000 records is one input but 10,000 documents, so progress counts
documents (records, rows, articles), estimated up front from the inputs: lines of JSON Lines,
rows of Parquet, records of a JSON array, one for any other file or feed (the total grows when
a feed holds more).  On a terminal the line is redrawn in place; elsewhere (a log file) a line
is written every PROGRESS_EVERY seconds.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

PROGRESS_EVERY = 30.0   # seconds between progress lines when stderr is not a terminal
REDRAW_EVERY = 0.5      # seconds between redraws on a terminal


def estimate_documents(files: list[str]) -> int:
    """About how many documents the inputs hold."""
    return sum(documents_in(f) for f in files)


def documents_in(source: str) -> int:
    """Documents in one input: its records for JSON Lines, Parquet and JSON arrays, else 1 (and 1
    for an input that cannot be read: its reader names the problem)."""
    path = Path(source)
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            with path.open("rb") as lines:
                return max(1, sum(1 for line in lines if line.strip()))
        if suffix == ".parquet":
            return parquet_rows(source)
        if suffix == ".json":
            data = json.loads(path.read_bytes())
            return max(1, len(data)) if isinstance(data, list) else 1
    except (OSError, ValueError):
        return 1
    return 1


def parquet_rows(source: str) -> int:
    """Rows of a Parquet file, from its metadata (1 when it cannot be read)."""
    import duckdb

    try:
        return max(1, duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [source]).fetchone()[0])
    except duckdb.Error:
        return 1


def duration(seconds: float) -> str:
    """A duration for people: "40 s", "3 min", "1 h 20 min"."""
    if seconds < 60:
        return f"{max(1, round(seconds))} s"
    if seconds < 3600:
        return f"{round(seconds / 60)} min"
    return f"{int(seconds // 3600)} h {round(seconds % 3600 / 60)} min"


class Progress:
    """Documents done out of an estimated total, with the rate and the time left, on stderr."""

    def __init__(self, total: int, label: str = "ingesting", stream=None, every: float | None = None):
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.every = every if every is not None else (REDRAW_EVERY if self.tty else PROGRESS_EVERY)
        self.total, self.done, self.label = max(total, 0), 0, label
        self.start = self.shown = time.monotonic()
        self.first: float | None = None  # when the first document was done: the rate leaves out loading the model
        self.drawn = False

    def advance(self, n: int = 1) -> None:
        """Count `n` more documents done (stored, or failed), and show the line when it is time."""
        now = time.monotonic()
        if self.first is None:
            self.first, n = now, n - 1
            self.done += 1
        self.done += n
        self.total = max(self.total, self.done)
        if now - self.shown >= self.every:
            self.show(now)

    def line(self, now: float) -> str:
        """ "ingesting 1,200/10,000 documents (12%), 8.1 a second, about 18 min left"."""
        since_first = now - (self.first or now)
        rate = (self.done - 1) / since_first if since_first > 0 else 0.0
        left = f", about {duration((self.total - self.done) / rate)} left" if rate and self.done < self.total else ""
        share = f" ({self.done / self.total:.0%})" if self.total else ""
        speed = f", {rate:.1f} a second{left}" if rate else ""
        return f"frontlines: {self.label} {self.done:,}/{self.total:,} document{'s' * (self.total != 1)}{share}{speed}"

    def show(self, now: float) -> None:
        """Draw the line: in place on a terminal, as a new line elsewhere."""
        self.shown = now
        self.stream.write(f"\r{self.line(now)}\x1b[K" if self.tty else self.line(now) + "\n")
        self.stream.flush()
        self.drawn = self.tty

    def clear(self) -> None:
        """Clear a line drawn in place, so that a message printed next starts on a clean line."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.drawn = False

    def finish(self) -> None:
        """The last line: every document done, the time it took and the rate."""
        now = time.monotonic()
        since_first = now - (self.first or now)
        rate = f", {(self.done - 1) / since_first:.1f} a second after the first" if self.done > 1 and since_first else ""
        self.clear()
        self.stream.write(f"frontlines: {self.label} done: {self.done:,} document{'s' * (self.done != 1)} in "
                          f"{duration(now - self.start)}{rate}\n")
        self.stream.flush()
