"""The rule lemmatizer asked once for each distinct word of a document, not once for each token.

spaCy's `Lemmatizer` walks every token in Python, making a Token and asking its cache for each
(3.5 ms an article).  A rule lemma is a function of the token's text, part of speech and
morphology, the key of that cache; so each distinct (ORTH, POS, MORPH) among the tokens that have
no lemma yet is lemmatised once a process, by the lemmatizer itself on the first token that has it,
and the lemmas are written to the document's array at once: the same lemmas.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc


class DistinctLemmas:
    """A rule lemmatizer run over a document's distinct words (any other runs as spaCy runs it)."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        # (ORTH, POS, MORPH) → the lemma's hash, as spaCy's cache keeps them (it keeps no lemma of
        # a base form or a word without a part of speech, which it works out again each time)
        self.known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        # the first document through spaCy's own call checks the lemmatizer's tables
        if lemmatizer.mode != "rule" or lemmatizer.overwrite or not getattr(lemmatizer, "_validated", False):
            return lemmatizer(doc)
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        known, strings = self.known, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma:
                continue  # set before (the attribute ruler's exceptions)
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                found = known[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        return doc.from_array([LEMMA], lemmas)


@Language.factory("frontlines_lemmas")
def make_lemmas(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The pipeline's lemmatizer run through `DistinctLemmas` (the lemmatizer stays in the
    pipeline, disabled: its tables and cache are its own)."""
    return DistinctLemmas(nlp.get_pipe("lemmatizer"))
