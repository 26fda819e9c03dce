"""Figures the text gives: killed, wounded, displaced, besieged, detained, population."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span as SpacySpan

from frontlines.model import Quantity, Span
from frontlines.nlp import entities

# The lemmas near a number that say what it counts, checked in this order.
CATEGORIES = [
    ("killed", {"kill", "dead", "die", "death", "fatality", "body", "massacre", "execute", "toll"}),
    ("wounded", {"wound", "injure", "hurt", "injury"}),
    ("displaced", {"flee", "displace", "displacement", "refugee", "uproot", "evacuate"}),
    ("besieged", {"besiege", "siege", "trap"}),
    ("detained", {"detain", "arrest", "capture", "imprison"}),
    ("population", {"population", "inhabitant", "home", "live", "resident"}),
]
APPROXIMATE = frozenset({"about", "around", "nearly", "more", "least", "some", "roughly", "over", "up", "almost",
                         "estimated", "approximately", "than", "dozens", "hundreds", "thousands", "several", "roughly"})
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "dozen": 12, "dozens": 24,
         "hundred": 100, "hundreds": 200, "thousand": 1000, "thousands": 2000, "a": 1}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
WINDOW = 6


def parse_number(span: SpacySpan) -> float | None:
    """The value of a CARDINAL entity: "280,000", "1.5 million", "five", "hundreds of thousands"."""
    text = span.text.lower()
    m = NUMBER.search(text)
    value = float(m.group().replace(",", "")) if m else None
    if value is None:
        words = [WORDS[w] for w in re.findall(r"[a-z]+", text) if w in WORDS]
        value = float(words[0]) if words else None
    if value is None:
        return None
    for word, scale in SCALES.items():
        if word in text and (m is not None or word not in WORDS):
            value *= scale
    if "hundreds of thousands" in text:
        value = 200_000
    return value


def category_of(span: SpacySpan) -> str | None:
    """What a number counts, from the words just after it and the verb that governs it."""
    sent = span.sent
    near = [t.lemma_.lower() for t in span.doc[span.end:min(span.end + WINDOW, sent.end)]]
    near += [t.lemma_.lower() for t in span.doc[max(sent.start, span.start - 3):span.start]]
    near.append(span.root.head.lemma_.lower())
    near.append(span.root.head.head.lemma_.lower())
    for category, lemmas in CATEGORIES:
        if lemmas.intersection(near):
            return category
    return None


def counts_the_doers(number: SpacySpan) -> bool:
    """Whether a number counts who did it, in a passive's "by": "was shot dead by two gunmen" gives no toll."""
    noun = number.root.head if number.root.dep_ == "nummod" else number.root
    return noun.dep_ == "pobj" and noun.head.dep_ == "agent"


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every figure with a known category, with its sentence as evidence."""
    out = []
    for ent in entities(doc):
        if ent.label_ != "CARDINAL":
            continue
        value = parse_number(ent)
        category = category_of(ent)
        if value is None or category is None or counts_the_doers(ent):
            continue
        before = {t.lower_ for t in doc[max(ent.sent.start, ent.start - 2):ent.start]} | {t.lower_ for t in ent}
        sent = ent.sent
        out.append(Quantity(value, category, bool(before & APPROXIMATE),
                            Span(sent.text, sent.start_char, sent.end_char)))
    return out
