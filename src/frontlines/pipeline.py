"""The pipeline: documents in, reports out, one spaCy pass per document.

Stages run in order over one parsed document; each is a function of the
document and what earlier stages found.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from frontlines.model import Document, Report
from frontlines.nlp import DEFAULT_MODEL, load_model

BATCH_SIZE = 16


def analyse(docs: Iterable[Document], model: str = DEFAULT_MODEL) -> Iterator[Report]:
    """Reports for documents, parsed in batches through `nlp.pipe`, in input order."""
    from frontlines.places import load, locate

    nlp = load_model(model)
    gazetteer = load()
    pairs = ((d.analysed, d) for d in docs)
    for parsed, document in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
        report = Report(document)
        report.places = locate(parsed, document, gazetteer)
        yield report


def extract(text: str, published: str | None = None, model: str = DEFAULT_MODEL,
            kind: str | None = None) -> Report:
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
    return next(analyse(docs[:1], model))
