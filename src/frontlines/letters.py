"""Character classes the reader and the place finder share."""
from __future__ import annotations

# Upper-case Latin letters, accented ones too, as the inside of a regular expression's character class:
# datelines are written in them ("SÃO TOMÉ -", "ŁÓDŹ, Poland -", "TIMIȘOARA -", "ĐÀ NẴNG -").
UPPER_LETTERS = "A-Z" + "".join(chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if chr(c).isupper())
UPPER_LETTER = f"[{UPPER_LETTERS}]"  # one of them
