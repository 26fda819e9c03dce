"""Read an HTML page with trafilatura: main text and metadata."""
from __future__ import annotations

from frontlines.errors import InputError
from frontlines.model import Document
from frontlines.read.article import read_body, valid_iso

MIN_SENTENCE_WORDS = 6  # a page whose text has no line this long has no article: a menu, a login form


def read_html(html: str, origin: str, published: str | None = None) -> Document:
    """The article in an HTML page; the page's own date wins over `published`."""
    import trafilatura  # imported here: plain-text runs should not pay for it

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                         include_tables=False, favor_precision=True)
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not any(len(line.split()) >= MIN_SENTENCE_WORDS for line in text.splitlines()):  # "Home", a menu
        raise InputError(origin, "no article text found in this HTML page; is it an index or a login page?", "no text")
    day = (getattr(result, "date", None) or "")[:10]
    authors = [a.strip() for a in (getattr(result, "author", None) or "").replace(" and ", ";").split(";") if a.strip()]
    doc = read_body(text, origin)
    doc.title = getattr(result, "title", None) or None
    doc.source = getattr(result, "sitename", None) or None
    doc.authors = authors
    doc.url = getattr(result, "url", None) or None
    doc.published = day if valid_iso(day) else published
    return doc
