"""Processes a test started, and the ones they started in turn, read from /proc (Linux)."""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path


def stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent pid, start time) of a process, or None when it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()  # after "pid (command name)"
    return fields[0], int(fields[1]), int(fields[19])


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (info := stat(int(entry.name))) and info[1] == pid:
            found.append(int(entry.name))
    return found


def descendants(pid: int) -> dict[int, int]:
    """Every process below `pid`, each pid → its start time (so a reused pid is not mistaken for it)."""
    out, todo = {}, [pid]
    while todo:
        for child in children(todo.pop()):
            if (info := stat(child)) is not None:
                out[child] = info[2]
                todo.append(child)
    return out


def alive(processes: dict[int, int]) -> dict[int, int]:
    """Those of `processes` still running (a zombie has ended: it only waits to be reaped)."""
    return {pid: start for pid, start in processes.items()
            if (info := stat(pid)) is not None and info[2] == start and info[0] not in "ZX"}


def wait_gone(processes: dict[int, int], seconds: float) -> dict[int, int]:
    """Wait up to `seconds` for `processes` to end; those still running."""
    deadline = time.monotonic() + seconds
    while (left := alive(processes)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def kill_all(processes: dict[int, int]) -> None:
    """SIGKILL whichever of `processes` still run (a test's own leftovers, so a failure leaks nothing)."""
    for pid in alive(processes):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
