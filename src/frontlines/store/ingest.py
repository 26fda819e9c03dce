"""Ingest: sources in, reports into the store, one transaction per document, with a progress bar."""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from frontlines.errors import InputError
from frontlines.store import Store


@dataclass
class IngestSummary:
    """What an ingest did."""

    outcomes: Counter = field(default_factory=Counter)   # added / unchanged / replaced
    failed: Counter = field(default_factory=Counter)     # reason → count
    counts: dict[str, int] = field(default_factory=dict)

    def describe(self, db: str) -> str:
        """One paragraph for the user."""
        read = sum(self.outcomes.values())
        parts = [f"{read} documents read ({', '.join(f'{n} {k}' for k, n in sorted(self.outcomes.items())) or 'none'})"]
        if self.failed:
            parts.append(f"{sum(self.failed.values())} failed ("
                         + ", ".join(f"{n} {reason}" for reason, n in self.failed.most_common()) + ")")
        totals = ", ".join(f"{n} {table}" for table, n in self.counts.items())
        return f"frontlines: {'; '.join(parts)}. {db} now holds {totals}."


def ingest_sources(sources: list[str], db: str, published: str | None, model: str, actor_files: tuple[Path, ...],
                   warn: Callable[[str], None], jobs: int = 1) -> IngestSummary:
    """Extract every source into the database at `db`."""
    import click

    from frontlines.parallel import analyse_parallel
    from frontlines.read.sources import expand, read_any

    summary = IngestSummary()
    files, problems = expand(sources)
    for problem in problems:
        summary.failed[problem.reason] += 1
        warn(str(problem))

    def documents():
        for source in files:
            for item in read_any(source, published):
                if isinstance(item, InputError):
                    summary.failed[item.reason] += 1
                    warn(str(item))
                else:
                    yield item

    with Store(db) as store:
        with click.progressbar(length=len(files), label="ingesting", file=sys.stderr,
                               show_pos=True) as bar:
            last = None
            for report in analyse_parallel(documents(), jobs, model, actor_files):
                summary.outcomes[store.add(report)] += 1
                origin = report.document.origin.split(" ")[0]
                if origin != last:
                    bar.update(1)
                    last = origin
        summary.counts = store.counts()
    return summary


def ingest_on_dask(sources: list[str], db: str, address: str, workers: int, parts: Path | None,
                   published: str | None, model: str, actor_files: tuple[Path, ...],
                   warn: Callable[[str], None]) -> IngestSummary:
    """Extract on a Dask cluster into Parquet parts, then load the parts into the database at `db`."""
    import click

    from frontlines.cluster import extract_on_dask, load_parts, plan_units
    from frontlines.read.sources import expand

    summary = IngestSummary()
    files, problems = expand(sources)
    for problem in problems:
        summary.failed[problem.reason] += 1
        warn(str(problem))
    units = plan_units(files)
    with Store(db) as store:  # fail now, before the cluster starts, if the database cannot be written
        pass
    with click.progressbar(length=len(units), label=f"extracting on dask ({address})", file=sys.stderr,
                           show_pos=True) as bar:
        done = extract_on_dask(units, address, workers, parts or Path(f"{db}.parts"), published, model,
                               tuple(str(f) for f in actor_files), bar.update)
    for part in done:
        for reason, message in part.failures:
            summary.failed[reason] += 1
            warn(message)
    with Store(db) as store:
        summary.outcomes = load_parts(store, done)
        summary.counts = store.counts()
    return summary
