"""The words around a name that say what kind of place it is: `places/data/place_words.yaml`.

A list's entry may be a phrase of several words ("local government area"); one written in
capitals ("LGA") matches only capitals.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from frontlines.yamlfile import load_word_lists


@lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    """The word lists of `places/data/place_words.yaml`, each checked to be a list of words."""
    path = resources.files("frontlines.places").joinpath("data/place_words.yaml")
    return load_word_lists(path.read_text("utf-8"), str(path))


@lru_cache(maxsize=8)
def kind_phrases(kind: str) -> tuple[tuple[str, ...], ...]:
    """The entries of a `place_words` list as tuples of words, longest first ("local government area")."""
    return tuple(sorted((tuple(w.split()) for w in place_words()[kind]), key=len, reverse=True))


def is_kind_word(text: str, word: str, any_case: bool) -> bool:
    """Whether a written word is a list's word: one listed in capitals ("LGA") only as written;
    one in lower case in any case but all capitals, unless `any_case` (a headline's "REGION")."""
    if word.isupper():
        return text == word
    return text.lower() == word and (any_case or not text.isupper())


def kind_length(words: list[str], kind: str, at_end: bool = False, any_case: bool = False) -> int:
    """How many of `words`, from the start (or at the end), are a word or phrase of the `kind`
    list: "province" in "Anbar province", three in "Kauru local government area"; 0 for none."""
    if not words or words[-1 if at_end else 0].lower() not in edge_words(kind, at_end):
        return 0  # most names end in no kind word: asked for every candidate, each phrase tried in turn
    for phrase in kind_phrases(kind):
        part = words[len(words) - len(phrase):] if at_end else words[:len(phrase)]
        if len(part) == len(phrase) and all(is_kind_word(w, p, any_case) for w, p in zip(part, phrase)):
            return len(phrase)
    return 0


def kind_after(doc: Doc, i: int, kind: str, any_case: bool = False) -> int:
    """How many tokens from token `i` on are a word or phrase of the `kind` list ("Bokkos LGA")."""
    phrases = kind_phrases(kind)
    if i >= len(doc) or not phrases or doc[i].lower_ not in first_words(kind):
        return 0  # most names are followed by no kind word: asked for every name the gazetteer knows
    n = kind_length([t.text for t in doc[i:i + len(phrases[0])]], kind, any_case=any_case)
    if n > 1 and doc[i + n - 1].dep_ == "compound" and doc[i + n - 1].head.i > i + n - 1:
        return 0  # "the Lagos local government election": a phrase that modifies a noun names no kind
    return n


@lru_cache(maxsize=16)
def edge_words(kind: str, at_end: bool) -> frozenset[str]:
    """The last (or first) words of a `place_words` list's phrases, in lower case: a word that
    `is_kind_word` matches is one of them, in lower case."""
    return frozenset(p[-1 if at_end else 0].lower() for p in kind_phrases(kind) if p)


@lru_cache(maxsize=8)
def first_words(kind: str) -> frozenset[str]:
    """The first words of a `place_words` list's phrases, in lower case."""
    return frozenset(p[0].lower() for p in kind_phrases(kind))


def without_kind(text: str) -> str:
    """"Kherson region" → "Kherson", "Bokkos Local Government Area" → "Bokkos": a division's name
    without its kind word or phrase (the name alone when nothing else is left)."""
    words = text.split()
    n = kind_length(words, "division", at_end=True, any_case=True)
    return " ".join(words[:-n]) if 0 < n < len(words) else text
