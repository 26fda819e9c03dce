"""The user's cache folder, and data kept there in compiled form.

A data file (a YAML lexicon, the actor dictionary) is parsed once per version of its text, and
what the parse gave is kept in the cache as `marshal` data, keyed by a hash of the text: the
next start reads it back in a fraction of a millisecond, without parsing the file or importing
PyYAML (together 0.03 to 0.05 s of every `frontlines extract`).  An edited file
has a new hash, so it is parsed again; nothing is ever read from a stale entry.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Bump when what a `build` gives for the same text changes (a new parser, a new shape of data).
# marshal's format is Python's own, so the interpreter's version is part of the key as well.
COMPILED_FORMAT = f"1-py{sys.version_info[0]}.{sys.version_info[1]}-marshal{marshal.version}"
# Entries written longer ago than this are removed when a new one is written, so the versions of
# files edited over months do not pile up (one still in use is simply written again).
KEEP_SECONDS = 30 * 24 * 3600


def cache_dir() -> Path:
    """Where built indexes and compiled data live: $FRONTLINES_CACHE, else the XDG cache folder."""
    base = os.environ.get("FRONTLINES_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "frontlines")
    return Path(base)


def compiled_path(kind: str, text: str, shape: str = "") -> Path:
    """The cache file for what `kind`'s build makes of `text`."""
    digest = hashlib.sha256(f"{COMPILED_FORMAT}\0{kind}\0{shape}\0{text}".encode("utf-8")).hexdigest()[:32]
    return cache_dir() / "compiled" / f"{kind}-{digest}.marshal"


def compiled(kind: str, text: str, build: Callable[[], Any], shape: str = "") -> Any:
    """What `build()` makes of `text` (a data file's content), from the cache when this text was
    built before.  `kind` names the parse (a word: it starts the file's name) and `shape` what
    the build gives (its fields, say), both part of the key with the text; `build` must depend
    on nothing else.  Its errors are never cached; a value marshal cannot hold (a YAML date),
    or a cache that cannot be written, is just not kept."""
    path = compiled_path(kind, text, shape)
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):  # not built yet, or a damaged file: build again
        pass
    value = build()
    try:
        data = marshal.dumps(value)
    except ValueError:
        return value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # whole or absent, for a parallel run
        partial.write_bytes(data)
        os.replace(partial, path)
        prune(path.parent, KEEP_SECONDS)
    except OSError:
        pass
    return value


def prune(folder: Path, keep_seconds: float) -> None:
    """Remove the compiled entries in `folder` written more than `keep_seconds` ago."""
    import time

    for entry in folder.iterdir():
        try:
            if entry.suffix == ".marshal" and time.time() - entry.stat().st_mtime > keep_seconds:
                entry.unlink()
        except OSError:  # removed by a parallel run meanwhile
            pass
