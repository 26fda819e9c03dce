"""The layout of a pasted news page: header (headline, byline, outlet, date), body, furniture.

Nothing is deleted from the text: what is not article body is blanked out in
`Document.analysed` (same length), so every offset still indexes the text as read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from frontlines.dates import WEEKDAYS
from frontlines.letters import UPPER_LETTER, UPPER_LETTERS
from frontlines.model import Document, Span

MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
# "Nov. 11, 2022, 7:40 p.m. ET", "July 10, 2017", "10 July 2017", "2017-07-10"
DATE_LINE = re.compile(
    r"^(?:(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})\s+(?P<mon2>[A-Z][a-z]{2,8})\.?\s+(?P<year2>\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))\b[^A-Za-z]*(?:[ap]\.?m\.?|[A-Z]{2,4}|\s)*$")
BYLINE = re.compile(r"^By\s+(?P<names>[A-Z].{2,150})$")
# The day a dateline on a line of its own names: a weekday or a month ("Sunday night.", "Jan. 5.")
DATELINE_DAY = "|".join(day.title() for day in WEEKDAYS) + \
    "|(?:" + "|".join(month.title() for month in MONTHS) + r")[a-z]*\.?\s+\d{1,2}"
# "BEIRUT —", "KYIV, Ukraine —", "MOSUL, Iraq (Reuters) -", "SÃO TOMÉ -", "EL PASO, Texas, May 10.--Ciudad
# Juarez ..."; and a line of its own, as old papers set it, that names the day: "ST. PETERSBURG, Sunday night.",
# "LONDON, Jan. 5." (not a headline: "RIOTS IN ST. PETERSBURG.", "UN, NATO and EU officials met.")
DATELINE = re.compile(
    rf"^(?P<city>{UPPER_LETTER}[{UPPER_LETTERS}'’.\- ]*{UPPER_LETTER})"
    rf"(?:(?:,\s*{UPPER_LETTER}[\w.'’ -]{{1,40}}?){{0,2}}(?:\s*\([^)]{{1,40}}\))?\s*(?:(?:—|–|--)\s*|(?:-|:)\s)"
    rf"|(?:,\s*{UPPER_LETTER}[\w.'’ -]{{1,30}}?)?,\s*(?:{DATELINE_DAY})[\w.'’ ]{{0,20}}?\.[ \t]*(?=\r?\n|$))")
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
EARLIEST_PUBLISHED = date(1900, 1, 1)
HEADER_LINES = 30  # a byline or date line further down is part of the story, not the header
MENU_SPLIT = re.compile(r"\s*\|\s*|\s{2,}|\s*·\s*")


@dataclass
class Line:
    """One line of the text and where it sits."""

    text: str
    start: int
    end: int

    @property
    def words(self) -> int:
        """How many words the line has."""
        return len(self.text.split())


@lru_cache(maxsize=1)
def furniture_patterns() -> tuple[frozenset[str], tuple[str, ...]]:
    """The furniture list shipped in `read/data/furniture.txt`: (exact lines, prefixes)."""
    exact, prefixes = set(), []
    raw = resources.files("frontlines.read").joinpath("data/furniture.txt").read_text("utf-8")
    for row in raw.splitlines():
        row = " ".join(row.split("#", 1)[0].lower().split())
        if row.endswith("*"):
            prefixes.append(row[:-1].rstrip())
        elif row:
            exact.add(row)
    return frozenset(exact), tuple(prefixes)


def split_lines(text: str) -> list[Line]:
    """The lines of `text` with their offsets (without the newline)."""
    lines, start = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(Line(body.strip(), start + len(body) - len(body.lstrip()), start + len(body.rstrip())))
        start += len(raw)
    return lines


def is_furniture(line: Line) -> bool:
    """A line of site chrome: a known furniture phrase, or a menu of short items."""
    exact, prefixes = furniture_patterns()
    low = " ".join(line.text.lower().split())
    if low in exact or low.startswith(prefixes):
        return True
    parts = [p for p in MENU_SPLIT.split(line.text) if p]
    # "World | Middle East & Africa", "Menu   Search   Subscribe": several short items, no sentence
    longest = 5 if "|" in line.text else 3
    return len(parts) >= 2 and all(len(p.split()) <= longest for p in parts) and not SENTENCE_END.search(line.text)


def is_prose(line: Line) -> bool:
    """A body paragraph: a dateline, or a long line that ends a sentence."""
    return bool(DATELINE.match(line.text)) or (line.words >= 12 and bool(SENTENCE_END.search(line.text)))


def parse_date_line(text: str) -> str | None:
    """The ISO date of a header line that is only a date ("Nov. 11, 2022, 7:40 p.m. ET")."""
    m = DATE_LINE.match(text)
    if not m:
        return None
    if m["iso"]:
        return m["iso"] if valid_iso(m["iso"]) else None
    mon, day, year = (m["mon"], m["day"], m["year"]) if m["mon"] else (m["mon2"], m["day2"], m["year2"])
    month = MONTHS.get(mon[:3].lower())
    try:
        found = date(int(year), month, int(day)) if month else None
        return found.isoformat() if found and plausible(found) else None
    except ValueError:
        return None


def valid_iso(text: str) -> bool:
    """Whether `text` is a real YYYY-MM-DD day that an article can be published on (see `plausible`)."""
    try:
        return len(text) == 10 and plausible(date.fromisoformat(text))
    except ValueError:
        return False


def plausible(day: date) -> bool:
    """Whether a publication date is from 1900 to tomorrow (a day's leeway for time zones): a typo
    such as year 1 or 9999 would otherwise open the map in the year 9999."""
    return EARLIEST_PUBLISHED <= day <= date.today() + timedelta(days=1)


def split_authors(names: str) -> list[str]:
    """"Anne Barnard and Margaret Coker" → ["Anne Barnard", "Margaret Coker"]."""
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", names.strip())
    return [p.strip() for p in parts if p.strip()]


def is_outlet(line: Line) -> bool:
    """A short name line such as "New York Times" or "THE NORTHERN COURIER"."""
    words = line.text.split()
    return (1 <= len(words) <= 5 and not SENTENCE_END.search(line.text)
            and all(w[0].isupper() or w.lower() in {"of", "the", "and", "de"} for w in words))


def read_header(lines: list[Line]) -> dict:
    """Headline, subtitle, authors, outlet and date from the lines above the body."""
    meta: dict = {"title": None, "subtitle": None, "kicker": None, "authors": [], "source": None, "published": None}
    rest: list[tuple[int, Line]] = []
    anchor = None  # index of the byline or date line, next to which the outlet stands
    for i, line in enumerate(lines):
        if m := BYLINE.match(line.text):
            meta["authors"] = split_authors(m["names"])
            anchor = i
        elif (day := parse_date_line(line.text)) is not None:
            meta["published"] = meta["published"] or day
            anchor = i if anchor is None else anchor
        elif line.text and not is_furniture(line):
            rest.append((i, line))
    near = [line for i, line in rest if anchor is not None and 0 < i - anchor <= 2 and is_outlet(line)]
    masthead = [line for i, line in rest if is_outlet(line) and line.words <= 4]
    outlet = near[0] if near else (masthead[0] if masthead and len(rest) > 2 else None)
    if outlet is not None:
        meta["source"] = outlet.text.title() if outlet.text.isupper() else outlet.text
    titles = [line.text for _, line in rest if line.words >= 3 and line.text != (outlet.text if outlet else None)]
    titles = [t for t in titles if not (outlet and t.lower() == outlet.text.lower())]
    if titles:
        meta["title"] = titles[0]
        meta["subtitle"] = titles[1] if len(titles) > 1 else None
        meta["kicker"] = kicker(rest, titles[0], outlet)
    return meta


def kicker(rest: list[tuple[int, Line]], title: str, outlet: Line | None) -> str | None:
    """The section label just above the headline ("SUDAN", "RUSSIA-UKRAINE WAR"), when it is not the outlet's
    name: it says what the story is about, as its places do.  (Every line of three words or more is a
    headline candidate, so the line above the first is a short one.)"""
    at = next(n for n, (_, line) in enumerate(rest) if line.text == title)
    above = rest[at - 1][1] if at else None
    return above.text if above is not None and not (outlet and above.text.lower() == outlet.text.lower()) else None


def body_mask(lines: list[Line]) -> list[Line]:
    """The body lines to blank out: furniture, and the link lists under "Related coverage"."""
    masked, in_links = [], False
    for line in lines:
        if not line.text:
            in_links = False
            continue
        if is_furniture(line):
            masked.append(line)
            in_links = line.text.lower().startswith("related") or line.text.lower().startswith("more in")
        elif in_links and not is_prose(line):
            masked.append(line)
    return masked


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span replaced by spaces (newlines kept), so offsets do not move."""
    chars = list(text)
    for start, end in spans:
        for k in range(start, end):
            if chars[k] not in "\r\n":
                chars[k] = " "
    return "".join(chars)


def find_dateline(text: str, offset: int) -> Span | None:
    """The dateline city at the start of the first body paragraph ("BEIRUT —")."""
    m = DATELINE.match(text[offset:offset + 120])
    if not m:
        return None
    return Span(m["city"], offset + m.start("city"), offset + m.end("city"))


def dateline_words(text: str, dateline: Span) -> str:
    """What a dateline says after its city, up to the dash: ", Texas, May 10." of "EL PASO, Texas,
    May 10.--", ", Friday." of "NAIROBI, Friday.--"; empty for a dateline that is a city alone."""
    m = DATELINE.match(text[dateline.start:dateline.start + 120])
    return text[dateline.end:dateline.start + m.end()] if m else ""


def find_body(lines: list[Line]) -> int:
    """Index of the first body line: the first paragraph after the byline and date lines.

    A standfirst can be a long sentence ("The army says it will investigate ..."),
    so prose above a byline or date line still belongs to the header.
    """
    markers = [i for i, line in enumerate(lines[:HEADER_LINES])
               if BYLINE.match(line.text) or parse_date_line(line.text)]
    after = markers[-1] + 1 if markers else 0
    return next((i for i in range(after, len(lines)) if is_prose(lines[i])),
                next((i for i, line in enumerate(lines) if is_prose(line)), 0))


def read_body(text: str, origin: str = "<text>") -> Document:
    """A text that is all body (from HTML or a JSON record): only furniture is blanked out."""
    lines = split_lines(text)
    hidden = [(line.start, line.end) for line in body_mask(lines)]
    first = next((line.start for line in lines if is_prose(line)), 0)
    return Document(text=text, analysed=blank(text, hidden), origin=origin, dateline=find_dateline(text, first),
                    body_start=first)


def read_article(text: str, origin: str = "<text>", published: str | None = None) -> Document:
    """Read a pasted article: its header becomes metadata, its furniture is blanked out."""
    lines = split_lines(text)
    body_at = find_body(lines)
    meta = read_header(lines[:body_at])
    # The headline and standfirst are read with the body (they name places too); the rest of the header is not.
    shown = {meta["title"], meta["subtitle"], meta["kicker"]} - {None}
    hidden = [(line.start, line.end) for line in lines[:body_at] if line.text not in shown]
    hidden += [(line.start, line.end) for line in body_mask(lines[body_at:])]
    first = lines[body_at].start if lines else 0
    return Document(
        text=text, analysed=blank(text, hidden), origin=origin,
        title=meta["title"], source=meta["source"], authors=meta["authors"],
        published=meta["published"] or published, dateline=find_dateline(text, first), body_start=first,
    )
