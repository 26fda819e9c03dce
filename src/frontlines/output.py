"""Output at the edge: files written whole or not at all, and text made safe for a terminal.

An `--out` file is written to a temporary file beside it and renamed into place only when the
run has something to write, so a run whose every input failed, or one stopped half-way, leaves
the user's existing file as it was.
"""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from frontlines.errors import UsageError

# C0 controls but tab and newline, DEL, and C1 controls: an article's "\x1b[2J" or "\x1b]0;title\x07"
# would clear the screen or retitle the window if printed raw.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Whole escape sequences go first, so that no "[2J" or "]0;title" is left behind as text:
# CSI (ESC [ ... final byte) and OSC (ESC ] ... BEL or ESC \\), in their 7-bit and 8-bit forms.
ESCAPES = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?")


def for_terminal(text: str) -> str:
    """Text with its escape sequences and control characters removed (tabs and newlines kept),
    safe to print: a headline cannot clear the screen or retitle the window."""
    return CONTROL.sub("", ESCAPES.sub("", text))


def check_writable(out: str | Path) -> None:
    """Stop, naming the file, when `out` cannot be written; the file itself is not touched."""
    path = Path(out)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UsageError(f"{out}: is a folder; give a file name for --out")
    if not folder.is_dir():
        raise UsageError(f"{out}: cannot write here (the folder {folder} does not exist)")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UsageError(f"{out}: cannot write here (permission denied); choose another --out")


class Pending:
    """A temporary file beside the output; `keep()` marks it to replace the output when done."""

    def __init__(self, handle, path: Path):
        self.handle, self.path, self.kept = handle, path, False

    def keep(self) -> None:
        """The output has something worth writing: rename it into place at the end."""
        self.kept = True


@contextmanager
def replacing(out: str | Path, binary: bool = False) -> Iterator[Pending]:
    """A temporary file beside `out`, renamed onto it at the end of the block if `keep()` was
    called and the block did not fail; removed otherwise (the old file stays as it was)."""
    check_writable(out)
    target = Path(out)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent if str(target.parent) else ".")
    handle = os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""}))
    pending = Pending(handle, Path(name))
    try:
        yield pending
        handle.close()
        if pending.kept:
            os.chmod(name, file_mode(target))
            os.replace(name, target)
    finally:
        handle.close()
        if os.path.exists(name):
            os.unlink(name)


def file_mode(target: Path) -> int:
    """The mode the output should have: the old file's, or what `open()` would give a new one."""
    if target.exists():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_whole(out: str | Path, body: str) -> None:
    """Write `body` to `out` atomically (a temporary file renamed into place)."""
    with replacing(out) as pending:
        pending.handle.write(body)
        pending.keep()
