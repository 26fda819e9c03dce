"""Geoparsing: find place names in a parsed article and resolve them to GeoNames entries."""
from __future__ import annotations

from spacy.tokens import Doc

from frontlines.model import Document, Place
from frontlines.places.capitals import add_capitals
from frontlines.places.find import Candidate, find_candidates
from frontlines.places.gazetteer import Gazetteer, load
from frontlines.places.names import name_key
from frontlines.places.resolve import resolve

__all__ = ["locate", "load"]


def locate(doc: Doc, document: Document, gazetteer: Gazetteer, actor_tokens: frozenset[int] = frozenset()) -> list[Place]:
    """Every place `document` uses as a location, with all its mentions; names inside an
    actor's name (`actor_tokens`) are not places."""
    cands = [c for c in find_candidates(doc, gazetteer) if not overlaps(doc, c, actor_tokens)]
    line = document.dateline
    covering = [c for c in cands if c.span.start <= line.start < c.span.end] if line is not None else []
    whole = gazetteer.by_name([line.text]).get(name_key(line.text), []) if covering else []
    if whole and all(c.span.end < line.end for c in covering):  # "ST. PAUL, Minn.": Saint Paul, not "ST" (Sete)
        cands = [c for c in cands if c not in covering]
        covering = []
    for c in covering:
        c.label, c.dateline = "GPE", True  # the dateline names a place even when the model missed it
    if line is not None and not covering:
        span = doc.char_span(line.start, line.end, alignment_mode="expand")
        if span is not None:
            cands.append(Candidate(line, "GPE", whole, sentence=span.sent.start_char, dateline=True))
            cands.sort(key=lambda c: c.span.start)
    return add_capitals(doc, resolve(doc, cands, gazetteer, line), gazetteer, document.published)


def overlaps(doc: Doc, cand: Candidate, tokens: frozenset[int]) -> bool:
    """Whether a candidate shares a token with an actor's name."""
    span = doc.char_span(cand.span.start, cand.span.end, alignment_mode="expand")
    return span is not None and any(t.i in tokens for t in span)
