"""Extraction on several cores: worker processes, each loading the model once, take batches of
documents; reports come back in input order, so the output is the same as with one process.

The standard library's process pool does the work; what is written here is the bounded
window that keeps memory flat however many documents stream in, and the tie that ends each
worker when its parent dies, however it dies (`kill -9`, the kernel's OOM killer).
"""
from __future__ import annotations

import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from frontlines.errors import FrontlinesError
from frontlines.model import Document, Report
from frontlines import DEFAULT_MODEL

DOCS_PER_TASK = 8
TASKS_IN_FLIGHT_PER_WORKER = 2
PARENT_POLL_SECONDS = 0.5  # how often a worker checks that its parent is still there
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


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
    # Each worker loads the model at its first task.  The pool spawns its workers from this thread
    # (the one calling submit), which matters for the parent-death signal: Linux sends it when the
    # spawning thread ends.
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=tie_to_parent, initargs=(os.getpid(),)) as pool:
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


def tie_to_parent(parent: int) -> None:
    """Worker initializer: end this worker as soon as its parent is gone.

    A worker of a parent killed with SIGKILL (or by the OOM killer) would otherwise wait for work
    for ever, holding its model (about 240 MB).  On Linux the kernel sends SIGKILL at the parent's
    death (prctl PR_SET_PDEATHSIG); everywhere, a thread also watches for the parent's pid to
    change (an orphan is adopted by init or a subreaper), in case the signal is not available.
    """
    set_parent_death_signal(signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    threading.Thread(target=watch_parent, args=(parent,), name="frontlines-parent-watch", daemon=True).start()


def set_parent_death_signal(sig: int) -> bool:
    """Ask Linux to send `sig` to this process when its parent dies; False where it cannot."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):  # no libc with prctl (musl builds have it; a static one may not)
        return False


def watch_parent(parent: int) -> None:
    """End this process once its parent process is gone (its parent pid changes)."""
    while os.getppid() == parent:
        threading.Event().wait(PARENT_POLL_SECONDS)
    os._exit(1)


def _analyse_batch(batch: list[Document], model: str, actor_files: tuple[Path, ...]) -> list[Report]:
    """One task: the reports of a batch of documents."""
    from frontlines.pipeline import analyse

    return list(analyse(batch, model, actor_files))
