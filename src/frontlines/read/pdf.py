"""Read a PDF report (a UN OCHA situation report, an NGO update) from its text layer, with pypdf.

The text that offsets index, and that the document view shows, is built here from the pages:
lines a paragraph wraps over are joined with a space, paragraphs and page breaks become blank
lines.  Running headers, footers and page numbers stay in the text, each on its own line, and
are blanked out of `Document.analysed` like a web page's furniture.  The PDF's title, author and
creation date are the document's metadata when the text's own header gives none.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from datetime import datetime

from frontlines.errors import InputError
from frontlines.model import Document
from frontlines.read.article import blank, read_article

EDGE_LINES = 2             # a running header or footer is among a page's first or last two lines
WRAPPED = 0.75             # a line this share of the page's full line length or longer wraps on
SENTENCE_END = re.compile(r"[.!?:;][\"'”’)]*$")
# "12", "Page 3", "Page 3 of 10", "3 / 10", "- 3 -", "iv": a page number on a line of its own
PAGE_NUMBER = re.compile(r"^(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$",
                         re.IGNORECASE)
# A /Title that is only the name of the file it was made from ("Microsoft Word - sitrep12.docx")
FILE_NAME_TITLE = re.compile(r"^(?:microsoft \w+ - )|\.(?:docx?|odt|rtf|pdf|indd|xlsx?)$", re.IGNORECASE)


def read_pdf(data: bytes, origin: str, published: str | None = None) -> Document:
    """The document in a PDF's text layer, or an InputError saying why there is none."""
    pages, info = pdf_pages(data, origin)
    if not any(line for page in pages for line in page):
        raise InputError(origin, "this PDF has no text layer (a scan?); run OCR on it first, e.g. "
                                 "`ocrmypdf in.pdf out.pdf`, and give the result", "no text layer")
    text, furniture = page_text(pages)
    doc = read_article(text, origin, None)  # a header in the text (headline, date line) is read as in a .txt
    doc.analysed = blank(doc.analysed, furniture)
    title = (info.get("title") or "").strip()
    if title and not FILE_NAME_TITLE.search(title):
        doc.title = title
    doc.authors = doc.authors or split_authors(info.get("author") or "")
    doc.published = doc.published or info.get("created") or published
    return doc


def pdf_pages(data: bytes, origin: str) -> tuple[list[list[str]], dict]:
    """Each page's lines (stripped, blank ones dropped) and the metadata: title, author, created."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a damaged cross-reference table is repaired, not news
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileNotDecryptedError("a password is needed")
        pages = [[line.strip() for line in (page.extract_text() or "").splitlines() if line.strip()]
                 for page in reader.pages]
        meta = reader.metadata or {}
        info = {"title": meta.get("/Title"), "author": meta.get("/Author"),
                "created": pdf_day(meta.get("/CreationDate"))}
    except FileNotDecryptedError:
        raise InputError(origin, "this PDF is password-protected; save an unprotected copy and give that",
                         "encrypted") from None
    except (PyPdfError, ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError) as exc:
        # a damaged file makes pypdf fail in many ways; each is the file's fault, not a bug here
        raise InputError(origin, f"cannot read this PDF ({type(exc).__name__}: {exc}); is it complete? "
                                 "Save it again or export its text", "unreadable") from None
    return pages, {k: str(v) if v is not None and k != "created" else v for k, v in info.items()}


def pdf_day(value) -> str | None:
    """YYYY-MM-DD of a PDF date ("D:20171103120000Z"), or None."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    found = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", str(value or ""))
    if not found:
        return None
    try:
        return datetime(*map(int, found.groups())).date().isoformat()
    except ValueError:
        return None


def split_authors(author: str) -> list[str]:
    """A PDF's /Author field as names: "A; B", "A, B and C"."""
    return [a.strip() for a in re.split(r";|,|\s+and\s+|&", author) if a.strip()]


def running_lines(pages: list[list[str]]) -> set[str]:
    """The page furniture's keys: lines at the top or bottom of at least half the pages (two at
    least), digits aside ("Syria Situation Report No. 12 | 3")."""
    if len(pages) < 2:
        return set()
    seen = Counter(key for page in pages for key in {furniture_key(line) for line in edges(page)})
    return {key for key, n in seen.items() if n >= max(2, len(pages) / 2)}


def edges(page: list[str]) -> list[str]:
    """The lines where headers and footers sit."""
    return page[:EDGE_LINES] + page[-EDGE_LINES:] if len(page) > 2 * EDGE_LINES else page


def furniture_key(line: str) -> str:
    """A line with its numbers folded, so "Page 2 of 9" and "Page 3 of 9" are one line."""
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def is_furniture(line: str, running: set[str]) -> bool:
    """A line at the top or bottom of a page that is a running header or footer, or a page number."""
    return furniture_key(line) in running or bool(PAGE_NUMBER.match(line))


def page_text(pages: list[list[str]]) -> tuple[str, list[tuple[int, int]]]:
    """The text of the pages, and the spans of their furniture."""
    running = running_lines(pages)
    text, furniture = "", []
    for page in pages:
        edge = set(range(min(EDGE_LINES, len(page)))) | set(range(max(0, len(page) - EDGE_LINES), len(page)))
        for block, is_page_furniture in paragraphs(page, {i for i in edge if is_furniture(page[i], running)}):
            text += "\n\n" if text else ""
            if is_page_furniture:
                furniture.append((len(text), len(text) + len(block)))
            text += block
    return text, furniture


def paragraphs(lines: list[str], furniture: set[int]) -> list[tuple[str, bool]]:
    """A page's lines as paragraphs: a line joins the next when it wraps (nearly the page's full
    width and no sentence end); furniture lines stand alone.  (paragraph, is furniture) pairs."""
    body = [line for i, line in enumerate(lines) if i not in furniture and len(line.split()) >= 4]
    full = sorted(len(line) for line in body)[int(len(body) * 0.85)] if body else 0
    out: list[tuple[str, bool]] = []
    joining = False
    for i, line in enumerate(lines):
        if i in furniture:
            out.append((line, True))
            joining = False
            continue
        if joining:
            previous, _ = out[-1]
            glue = "" if previous.endswith("-") and line[:1].islower() else " "  # "pro-\ngovernment": keep the hyphen
            out[-1] = (previous + glue + line, False)
        else:
            out.append((line, False))
        next_lower = i + 1 < len(lines) and lines[i + 1][:1].islower()
        joining = len(line) >= WRAPPED * full and (not SENTENCE_END.search(line) or next_lower)
    return out
