"""Reading documents in: files of text, HTML, JSON or JSON Lines, or standard input.

Each reader is a function of text in, `Document` out.  A reader yields an
`InputError` in place of a document it cannot read, so a batch goes on.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from frontlines.errors import InputError
from frontlines.model import Document
from frontlines.read.article import read_article
from frontlines.read.decode import decode_bytes
from frontlines.read.html import read_html
from frontlines.read.language import foreign_language
from frontlines.read.records import read_json, read_jsonl, read_parquet

__all__ = ["read_source", "read_text", "read_article", "read_html", "screen"]
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# A PDF file may be this many times --max-bytes: its pictures and fonts make it far larger than
# its text, and the limit applies to the text read from it.
PDF_FILE_FACTOR = 10


def looks_like_html(text: str) -> bool:
    """Whether text from a file without a telling suffix is an HTML page."""
    head = text.lstrip()[:500].lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head


def read_text(text: str, origin: str = "<text>", published: str | None = None,
              kind: str | None = None) -> Iterator[Document | InputError]:
    """Documents from decoded text; `kind` is html, json, jsonl or txt (guessed when None)."""
    if not text.strip():
        yield InputError(origin, "the file is empty; give an article's text", "empty")
        return
    guessed = kind is None
    kind = kind or ("html" if looks_like_html(text) else "txt")
    if kind == "json":
        yield from read_json(text, origin, published)
    elif kind == "jsonl":
        yield from read_jsonl(text, origin, published)
    elif kind == "html":
        try:
            yield read_html(text, origin, published)
        except InputError as exc:
            # text that only looked like a page ("<BODY" in a note) is read as text
            yield read_article(text, origin, published) if guessed else exc
    else:
        yield read_article(text, origin, published)


def kind_of(path: Path) -> str | None:
    """The reader a file's suffix asks for, or None to guess from its content."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix == ".pdf":
        return "pdf"
    if suffix in {".json", ".jsonl", ".ndjson"}:
        return "jsonl" if suffix != ".json" else "json"
    return None


def read_source(source: str, published: str | None = None,
                max_bytes: int | None = None) -> Iterator[Document | InputError]:
    """Documents from a path, or from standard input when `source` is "-".  A file over
    `max_bytes` is skipped (JSON and JSON Lines files: each record over it), and so is a text
    that is not in English."""
    if source == "-":
        data, origin, kind = sys.stdin.buffer.read(max_bytes + 1 if max_bytes else -1), "<stdin>", None
    else:
        path = Path(source)
        if not path.exists():
            yield InputError(source, "no such file; check the path", "missing")
            return
        if path.is_dir():
            yield InputError(source, "is a folder; give the article files in it (e.g. folder/*.txt)", "folder")
            return
        if path.suffix.lower() == ".parquet":  # records, each screened like a JSON Lines record
            yield from (screen(d, max_bytes) if isinstance(d, Document) else d for d in read_parquet(source, published))
            return
        origin, kind = source, kind_of(path)
        limit = max_bytes * PDF_FILE_FACTOR if max_bytes and kind == "pdf" else max_bytes
        if kind not in ("json", "jsonl") and (error := too_large(origin, path.stat().st_size, limit)):
            yield error
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield InputError(source, f"cannot be read ({exc.strerror})", "unreadable")
            return
    if source == "-" and (error := too_large(origin, len(data), max_bytes)):
        yield error
        return
    if kind == "pdf" or data.startswith(b"%PDF"):
        yield from read_pdf_source(data, origin, published, max_bytes)
        return
    try:
        text, encoding = decode_bytes(data, origin)
    except InputError as exc:
        yield exc
        return
    for doc in read_text(text, origin, published, kind):
        if isinstance(doc, Document):
            doc.encoding = encoding
            doc = screen(doc, max_bytes)
        yield doc


def read_pdf_source(data: bytes, origin: str, published: str | None,
                    max_bytes: int | None) -> Iterator[Document | InputError]:
    """The document of a PDF's text layer, screened like any text (its size, its language)."""
    from frontlines.read.pdf import read_pdf  # imported here: only PDF inputs pay for pypdf

    try:
        yield screen(read_pdf(data, origin, published), max_bytes)
    except InputError as exc:
        yield exc


def screen(doc: Document, max_bytes: int | None) -> Document | InputError:
    """The document, or why it is skipped: a text over `max_bytes`, or not in English."""
    if error := too_large(doc.origin, len(doc.text.encode("utf-8")), max_bytes):
        return error
    if language := foreign_language(doc.analysed):
        return InputError(doc.origin, f"the text is in {language}, not English; frontlines reads English only: "
                                      "give it an English translation, or leave it out",
                          "not English")
    return doc


def too_large(origin: str, size: int, max_bytes: int | None) -> InputError | None:
    """An error naming the limit when `size` bytes are over it."""
    if max_bytes is None or size <= max_bytes:
        return None
    return InputError(origin, f"is {size:,} bytes, over the --max-bytes limit of {max_bytes:,}; skipped "
                              "(raise --max-bytes to read it)", "too large")
