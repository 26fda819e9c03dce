"""The pipeline: documents in, reports out, one spaCy pass per document.

Stages run in order over one parsed document; each is a function of the
document and what earlier stages found.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

import numpy

from frontlines.model import Document, Report
from frontlines.nlp import DEFAULT_MODEL, load_model, remember_text

BATCH_SIZE = 16
# A text up to WHOLE_CHARS long (nearly every article) is parsed whole.  A longer one is parsed
# in pieces of at most PIECE_CHARS characters, one at a time, joined back into one Doc; spaCy's
# `nlp.max_length` (1,000,000) is never reached.  Memory is why: parsing is where it peaks, and
# pieces of 50,000 characters in batches of 16 took 2.4 GB for a 2 MB text.
WHOLE_CHARS = 50_000
PIECE_CHARS = 5_000
# Where a piece may end, best first: a paragraph, a line, a sentence, a word.
PIECE_ENDS = ("\n\n", "\n", ". ", " ")
EMPTY_TENSOR = numpy.zeros((0,), dtype="float32")


def analyse(docs: Iterable[Document], model: str = DEFAULT_MODEL,
            actor_files: tuple[Path, ...] = ()) -> Iterator[Report]:
    """Reports for documents, parsed in batches through `nlp.pipe`, in input order."""
    from frontlines.places import load

    nlp = load_model(model)
    gazetteer = load()
    names = country_names()
    for parsed, document in parse(nlp, docs):
        yield build_report(parsed, document, nlp, gazetteer, names, actor_files)


def parse(nlp, docs: Iterable[Document]) -> Iterator[tuple]:
    """(parsed Doc, document) in input order: articles in batches of BATCH_SIZE; a text longer than
    WHOLE_CHARS piece by piece, one piece at a time (parsing a batch is where memory peaks), the
    pieces joined into one Doc."""
    from spacy.tokens import Doc

    for long, group in groupby(docs, key=lambda d: len(d.analysed) > WHOLE_CHARS):
        if not long:
            for parsed, document in nlp.pipe(((d.analysed, d) for d in group), as_tuples=True, batch_size=BATCH_SIZE):
                yield remember_text(parsed, document.analysed), document
            continue
        for document in group:
            parts = []
            for piece in nlp.pipe((text for text, _ in split_text(document.analysed)), batch_size=1):
                piece.tensor = EMPTY_TENSOR  # no stage reads it, and it would hold the parser's arrays
                parts.append(piece)
            yield remember_text(Doc.from_docs(parts, ensure_whitespace=False), document.analysed), document


def country_names() -> dict[str, str]:
    """ISO code → country name as ACLED writes it in actor names, from GeoNames' country list (what the gazetteer's country rows hold,
    read without scanning its table: a twentieth of a second at every start)."""
    from frontlines.actors.dictionary import acled_country_names
    from frontlines.places.gazetteer import geonames_countries

    return {code: c["name"] for code, c in geonames_countries().items()} | acled_country_names()["names"]


def split_text(text: str, size: int | None = None) -> Iterator[tuple[str, bool]]:
    """(piece, is_last) for a text longer than WHOLE_CHARS cut at paragraph, line, sentence or word
    ends into pieces of at most `size` characters (PIECE_CHARS); the pieces joined give the text
    back, so offsets hold.  A shorter text is one piece."""
    size = size or PIECE_CHARS
    if len(text) <= WHOLE_CHARS:
        yield text, True
        return
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = next((window.rfind(end, size // 2) + len(end) for end in PIECE_ENDS if window.rfind(end, size // 2) > 0),
                   size)  # no break at all (a megabyte of one word): cut anyway
        yield window[:cut], False
        start += cut
    yield text[start:], True


def build_report(parsed, document: Document, nlp, gazetteer, country_names: dict[str, str],
                 actor_files: tuple[Path, ...] = ()) -> Report:
    """Run the stages over one parsed document."""
    from frontlines.actors import alias_tokens, find_actors
    from frontlines.actors.dictionary import names_on
    from frontlines.context import main_country
    from frontlines.control import find_control
    from frontlines.events import find_events
    from frontlines.events.arguments import build_index
    from frontlines.places import locate
    from frontlines.places.states_then import places_then
    from frontlines.quantities import find_quantities

    report = Report(document)
    report.places = places_then(locate(parsed, document, gazetteer, frozenset(alias_tokens(parsed, nlp, actor_files))),
                                document.published)
    country_names = names_on(country_names, document.published)
    report.actors, mentions = find_actors(parsed, nlp, report.places, country_names, actor_files)
    report.quantities = find_quantities(parsed)
    index = build_index(parsed, report.actors, mentions, report.places, main_country(report.places), country_names,
                        document.dateline)
    today = story_day(document)
    events = find_events(parsed, index, today, report.quantities, document.body_start)
    report.control = find_control(parsed, index, events, today, document.body_start)
    report.events = [e for e in events if e.date_precision != "year"]  # known only to the year: background
    kept = {e.id for e in report.events}
    for c in report.control:
        c.event = c.event if c.event in kept else None
    report.actors = list(index.actors.values())  # events may add a crowd the text names only by number
    return report


def story_day(document: Document) -> str | None:
    """The day the story's "today" and weekdays count from: the day its dateline names ("BANGKOK,
    April 17 -", in a paper of the 18th), else its publication day."""
    from datetime import date

    from frontlines.dates import dateline_day
    from frontlines.read.article import dateline_words

    if document.dateline is None or not document.published:
        return document.published
    day = dateline_day(dateline_words(document.text, document.dateline), date.fromisoformat(document.published))
    return day.isoformat() if day else document.published


def extract(text: str, published: str | None = None, model: str = DEFAULT_MODEL,
            kind: str | None = None, actor_files: tuple[Path, ...] = ()) -> Report:
    """The report for one article given as text (plain, or HTML when it looks like a page).

    >>> report = extract("BEIRUT — Fighting went on in Aleppo on Friday.", published="2017-11-03")
    >>> [p.name for p in report.places]
    ['Beirut', 'Aleppo']
    """
    from frontlines.errors import InputError
    from frontlines.read import read_text

    docs = list(read_text(text, "<text>", published, kind))
    errors = [d for d in docs if isinstance(d, InputError)]
    if errors:
        raise errors[0]
    return next(analyse(docs[:1], model, actor_files))
