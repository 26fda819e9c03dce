"""Extraction on several cores: worker processes, each loading the model once, take batches of
documents; reports come back in input order, so the output is the same as with one process.

The standard library's process pool does the work; what is written here is only the bounded
window that keeps memory flat however many documents stream in.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from frontlines.errors import FrontlinesError
from frontlines.model import Document, Report
from frontlines import DEFAULT_MODEL

DOCS_PER_TASK = 8
TASKS_IN_FLIGHT_PER_WORKER = 2


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def analyse_parallel(docs: Iterable[Document], jobs: int = 1, model: str = DEFAULT_MODEL,
                     actor_files: tuple[Path, ...] = ()) -> Iterator[Report]:
    """Reports for documents, in input order, extracted by `jobs` worker processes.

    With one job, or too few documents to be worth starting workers, the work stays in this process.
    """
    from frontlines.pipeline import analyse

    docs = iter(docs)
    first = list(islice(docs, DOCS_PER_TASK * 2))
    if jobs <= 1 or len(first) < DOCS_PER_TASK * 2:
        yield from analyse([*first, *docs], model, actor_files)
        return
    yield from _in_workers(_batches([*first], docs), jobs, model, actor_files)


def _batches(first: list[Document], rest: Iterator[Document]) -> Iterator[list[Document]]:
    """The documents in lists of DOCS_PER_TASK, the ones already read first."""
    for start in range(0, len(first), DOCS_PER_TASK):
        yield first[start:start + DOCS_PER_TASK]
    while batch := list(islice(rest, DOCS_PER_TASK)):
        yield batch


def _in_workers(batches: Iterator[list[Document]], jobs: int, model: str,
                actor_files: tuple[Path, ...]) -> Iterator[Report]:
    """Run batches in a process pool, at most a few per worker queued at once, yielding in order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no threads or DuckDB handles inherited
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:  # each worker loads the model at its first task
        pending: deque = deque()
        try:
            for batch in batches:
                pending.append(pool.submit(_analyse_batch, batch, model, actor_files))
                if len(pending) >= jobs * TASKS_IN_FLIGHT_PER_WORKER:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool:
            raise FrontlinesError("a worker process died (out of memory?); rerun with fewer --jobs") from None
        finally:
            for future in pending:
                future.cancel()


def _analyse_batch(batch: list[Document], model: str, actor_files: tuple[Path, ...]) -> list[Report]:
    """One task: the reports of a batch of documents."""
    from frontlines.pipeline import analyse

    return list(analyse(batch, model, actor_files))
