"""Read JSON and JSON Lines records: `text` and optional id, title, source, published, url."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from frontlines.errors import InputError
from frontlines.model import Document
from frontlines.read.article import read_body, valid_iso


def record_document(record: object, where: str, published: str | None) -> Document:
    """One record as a Document, or an InputError naming where it stands."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        raise InputError(where, 'each record needs a non-empty "text" string', "no text")
    doc = read_body(record["text"], where)
    day = str(record.get("published") or "")[:10]
    if day and not valid_iso(day):
        raise InputError(where, f'"published" is {record["published"]!r}; write it as YYYY-MM-DD, '
                                "a publication date from 1900 to today", "bad date")
    doc.published = day or published
    for key in ("title", "source", "url"):
        if isinstance(record.get(key), str):
            setattr(doc, key, record[key])
    if record.get("id") is not None:
        doc.id = str(record["id"])
    if isinstance(record.get("authors"), list):
        doc.authors = [str(a) for a in record["authors"]]
    return doc


def names_a_file(text: object, folder: Path) -> bool:
    """Whether a record's "text" is no text but the name of a file beside it (a sidecar's)."""
    return isinstance(text, str) and 0 < len(text) < 300 and "\n" not in text and (folder / text).is_file()


def read_json(text: str, origin: str, published: str | None) -> Iterator[Document | InputError]:
    """A JSON file: one record or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(origin, f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", "bad json")
        return
    if isinstance(data, dict) and names_a_file(data.get("text"), Path(origin).parent):
        yield InputError(origin, f'describes the article {data["text"]} (its "text" names that file) and is not an '
                                 "article itself; give the article, and this file's metadata is read with it",
                         "metadata file")
        return
    records = data if isinstance(data, list) else [data]
    for n, record in enumerate(records, start=1):
        try:
            yield record_document(record, f"{origin} record {n}" if len(records) > 1 else origin, published)
        except InputError as exc:
            yield exc


def read_jsonl(text: str, origin: str, published: str | None, first_line: int = 1) -> Iterator[Document | InputError]:
    """A JSON Lines file (or a part of one starting at `first_line`): one record a line; a bad
    line is reported and the rest still read."""
    for n, line in enumerate(text.split("\n"), start=first_line):  # not splitlines(): JSON may hold U+2028
        if not line.strip():
            continue
        where = f"{origin} line {n}"
        try:
            yield record_document(json.loads(line), where, published)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not valid JSON ({exc.msg}, column {exc.colno})", "bad json")
        except InputError as exc:
            yield exc


def read_parquet(path: str, published: str | None, first: int = 0,
                 stop: int | None = None) -> Iterator[Document | InputError]:
    """A Parquet file of records (columns text and optional id, title, source, published, url,
    authors), rows `first` to `stop`, read by DuckDB."""
    import duckdb

    window = f"LIMIT {int(stop) - int(first)} OFFSET {int(first)}" if stop is not None else f"OFFSET {int(first)}"
    try:
        cursor = duckdb.connect().execute(f"SELECT * FROM read_parquet(?) {window}", [path])
    except duckdb.Error as exc:
        yield InputError(path, f"cannot read this Parquet file ({str(exc).splitlines()[0]})", "bad parquet")
        return
    names = [d[0] for d in cursor.description]
    for n, row in enumerate(iter(cursor.fetchone, None), start=first + 1):
        try:
            yield record_document(dict(zip(names, row)), f"{path} row {n}", published)
        except InputError as exc:
            yield exc
