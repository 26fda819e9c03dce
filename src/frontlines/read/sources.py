"""Many inputs at once: folders walked recursively, and RSS/Atom feeds read with feedparser."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

from frontlines.errors import InputError
from frontlines.model import Document
from frontlines.read import read_source, screen
from frontlines.read.article import plausible, read_body, valid_iso
from frontlines.read.records import names_a_file

ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", ".parquet", ".pdf"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
# Annotation files in the evaluation format sit beside their articles; they are not articles.
ANNOTATION_SUFFIX = ".gold.json"


def is_feed(source: str) -> bool:
    """Whether an input names a feed: a feed file, or a web address."""
    return source.startswith(("http://", "https://")) or Path(source).suffix.lower() in FEED_SUFFIXES


def expand(sources: list[str], unread: Counter | None = None) -> tuple[list[str], list[InputError]]:
    """Inputs as a flat list: folders walked recursively (sorted), annotation files and the JSON
    files that only describe an article beside them left out.  The files in folders of kinds not
    read (images, office documents) are counted in `unread` by kind."""
    out, problems = [], []
    for source in sources:
        path = Path(source)
        if source == "-" or is_feed(source) or path.is_file():
            out.append(source)
        elif path.is_dir():
            files = [p for p in path.rglob("*") if p.is_file()]
            found = sorted(str(p) for p in files if p.suffix.lower() in ARTICLE_SUFFIXES | FEED_SUFFIXES
                           and not p.name.endswith(ANNOTATION_SUFFIX) and not is_sidecar(p))
            if unread is not None:
                unread.update(kind_not_read(p) for p in files if p.suffix.lower() not in ARTICLE_SUFFIXES | FEED_SUFFIXES
                              and not hidden(p.relative_to(path)))
            if not found:
                problems.append(InputError(source, "no articles in this folder (.txt, .html, .pdf, .json, .jsonl, "
                                                   ".parquet, feeds)", "empty folder"))
            out += found
        else:
            problems.append(InputError(source, "no such file or folder; check the path", "missing"))
    return out, problems


# Kinds of files Frontlines does not read, as a run's summary counts them.
UNREAD_KINDS = {
    "image": {".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp", ".webp", ".svg", ".heic"},
    "office document": {".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".odp", ".csv"},
    "archive": {".zip", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".7z", ".rar"},
    "e-mail": {".eml", ".msg", ".mbox"},
}


def kind_not_read(path: Path) -> str:
    """What a file Frontlines does not read is: "image", "office document", ... or its suffix."""
    suffix = path.suffix.lower()
    return next((kind for kind, suffixes in UNREAD_KINDS.items() if suffix in suffixes),
                f"{suffix} file" if suffix else "file with no suffix")


def hidden(relative: Path) -> bool:
    """A dot file or a file in a dot folder (.DS_Store, .git/): the system's, not the user's documents."""
    return any(part.startswith(".") for part in relative.parts)


SIDECAR_FIELDS = ("published", "id", "title", "source", "url")


def sidecar_metadata(path: Path) -> dict:
    """Metadata for an article from a JSON file beside it that names it in "text" (a scraper's
    record, or an annotation file): its published date, id, title, source and url."""
    return sidecars(path.parent.resolve()).get(path.name, {})


def sidecars(folder: Path) -> dict[str, dict]:
    """Each article name in a folder → the metadata its sidecar JSON gives (read once a folder)."""
    return sidecar_files(folder)[0]


@lru_cache(maxsize=64)
def sidecar_files(folder: Path) -> tuple[dict[str, dict], frozenset[str]]:
    """The sidecars of a folder (JSON objects whose "text" is the name of a file in it): each
    article name → the metadata the first one gives, and the names of all of them."""
    import json

    meta: dict[str, dict] = {}
    names = set()
    for candidate in sorted(folder.glob("*.json")):
        try:
            data = json.loads(candidate.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and names_a_file(data.get("text"), folder):
            names.add(candidate.name)
            meta.setdefault(data["text"], {k: data[k] for k in SIDECAR_FIELDS if isinstance(data.get(k), str) and data[k]
                                           and (k != "published" or valid_iso(data[k][:10]))})
    return meta, frozenset(names)


def is_sidecar(path: Path) -> bool:
    """Whether a JSON file only describes an article beside it."""
    return path.name in sidecar_files(path.parent.resolve())[1]


def read_any(source: str, published: str | None = None,
             max_bytes: int | None = None, allow_local: bool = False) -> Iterator[Document | InputError]:
    """Documents from a file, standard input or a feed; a sidecar's metadata fills in what the
    text lacks (the text's own date still wins, and the sidecar's wins over `published`, the one
    given for every input).  Texts over `max_bytes`, or not in English,
    are skipped with the reason.  Feed entries fetch their pages over http(s) from public
    addresses only, unless `allow_local` (file:// and this machine's or private addresses too)."""
    if is_feed(source):
        for item in read_feed(source, allow_local):
            yield screen(item, max_bytes) if isinstance(item, Document) else item
        return
    meta = sidecar_metadata(Path(source)) if source != "-" and Path(source).suffix.lower() in {".txt", ".text", ".html", ".htm", ".pdf"} else {}
    for item in read_source(source, meta.get("published") or published, max_bytes):
        if isinstance(item, Document):
            for key in ("title", "source", "url"):
                setattr(item, key, getattr(item, key) or meta.get(key))
            item.id = meta.get("id", item.id)
        yield item


def read_feed(source: str, allow_local: bool = False) -> Iterator[Document | InputError]:
    """The entries of an RSS/Atom feed (a file or an address), each with its text, title,
    link and date; an entry with no text is reported and skipped."""
    import feedparser  # imported here: only feed inputs pay for it

    feed = feedparser.parse(source)
    if feed.bozo and not feed.entries:
        reason = getattr(feed, "bozo_exception", "it is not RSS or Atom")
        yield InputError(source, f"cannot read this feed ({reason})", "bad feed")
        return
    if not feed.version and not feed.entries:  # well-formed XML, but a config file, not a feed
        yield InputError(source, "is XML but not an RSS or Atom feed; give a feed, or the articles as .txt/.html",
                         "bad feed")
        return
    for n, entry in enumerate(feed.entries, start=1):
        where = f"{source} entry {n}"
        html = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
        text = html_to_text(html)
        link = file_link(entry["link"]) if entry.get("link") else None
        if not text.strip() and link:
            page = fetch_page(link, where, allow_local)
            if isinstance(page, InputError):
                yield page
                continue
            text = page
        if not text.strip():
            yield InputError(where, "the entry has no text and no page to fetch", "no text")
            continue
        doc = read_body(text, where)
        doc.title, doc.url = entry.get("title"), link
        doc.source = feed.feed.get("title")
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        doc.published = date(*stamp[:3]).isoformat() if stamp and plausible(date(*stamp[:3])) else None
        if entry.get("id"):
            doc.id = str(entry["id"])
        yield doc


def refused_address(url: str, allow_local: bool = False) -> str | None:
    """Why a page address may not be fetched: only http(s), and never this machine or a private
    network (a feed must not make us read internal services), unless `allow_local` lets
    file:// and local addresses in."""
    import ipaddress
    from urllib.parse import urlparse

    parts = urlparse(url)
    if allow_local:
        return None if parts.scheme in ("http", "https", "file") else f"only http, https and file pages are read, not {parts.scheme or 'a bare path'}"
    if parts.scheme == "file":
        return "local files are read only with --allow-local"
    if parts.scheme not in ("http", "https"):
        return f"only http and https pages are fetched, not {parts.scheme or 'a bare path'}"
    host = (parts.hostname or "").lower()
    if host in ("localhost", "") or host.endswith(".localhost"):
        return "it points at this machine (allow it with --allow-local)"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.is_private or address.is_loopback or address.is_link_local or address.is_reserved:
        return "it points at a private or local address (allow it with --allow-local)"
    return None


def fetch_page(url: str, where: str, allow_local: bool = False) -> str | InputError:
    """The main text of a feed entry's page, fetched and extracted by trafilatura (which refuses
    this machine's and private addresses itself: with `allow_local`, those and file:// pages
    are read here)."""
    reason = refused_address(url, allow_local)
    if reason:
        return InputError(where, f"not fetching {url}: {reason}", "refused")
    import trafilatura

    if allow_local and (url.startswith("file:") or refused_address(url)):
        downloaded = read_local(url, where)
        if isinstance(downloaded, InputError):
            return downloaded
    else:
        downloaded = trafilatura.fetch_url(url)
    if not downloaded:
        return InputError(where, f"could not fetch {url}; is the network reachable?", "fetch failed")
    text = trafilatura.extract(downloaded, favor_recall=True) or ""
    if not text.strip():
        return InputError(where, f"the page {url} has no article text that could be found", "no text")
    return text


LOCAL_LIMIT = 20_000_000  # bytes read from a local page at most


def read_local(url: str, where: str) -> str | InputError:
    """A file:// page, or one on this machine or a private network, as text; or why it cannot be read."""
    from urllib.error import URLError
    from urllib.parse import unquote, urlparse
    from urllib.request import urlopen

    from frontlines.read.decode import decode_bytes

    try:
        if url.startswith("file:"):
            data = Path(unquote(urlparse(url).path)).read_bytes()[:LOCAL_LIMIT]
        else:
            with urlopen(url, timeout=30) as response:  # noqa: S310 - the scheme is http(s), checked above
                data = response.read(LOCAL_LIMIT)
        return decode_bytes(data, url)[0]
    except (OSError, URLError, ValueError, InputError) as exc:
        why = getattr(exc, "strerror", None) or str(getattr(exc, "reason", "")) or str(exc)
        return InputError(where, f"cannot read {url} ({why})", "fetch failed")


def file_link(url: str) -> str:
    """A feed's file link with its third slash back: feedparser turns "file:///tmp/a.html" into
    "file://tmp/a.html", where "tmp" would be read as a host name."""
    from urllib.parse import urlparse

    parts = urlparse(url)
    if parts.scheme != "file" or parts.netloc in ("", "localhost"):
        return url
    return f"file:///{parts.netloc}{parts.path}"


def html_to_text(html: str) -> str:
    """Plain text of an entry's HTML (trafilatura when it is markup, else the text as is)."""
    if "<" not in html:
        return html
    import trafilatura

    return trafilatura.extract(html, favor_recall=True) or ""
