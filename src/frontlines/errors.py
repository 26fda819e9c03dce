"""Errors a user can cause and fix, each naming the input and the remedy.

Anything else that escapes is a bug and keeps its traceback.
"""
from __future__ import annotations


class FrontlinesError(Exception):
    """A problem with the user's input or settings; `str()` is the one-line message."""


class InputError(FrontlinesError):
    """An input document cannot be read: `source` names it, the message says why and what to do."""

    def __init__(self, source: str, problem: str, reason: str = "unreadable"):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.reason = reason


class UsageError(FrontlinesError):
    """An option or setting is wrong (a date, a model name); the message says the fix."""


class StoreBusy(FrontlinesError):
    """The corpus database is locked by another process (DuckDB allows one writer, and no reader
    while it writes); waiting and trying again is the fix."""
