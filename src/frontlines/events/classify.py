"""The event sentence classifier: spaCy's own text classifier, beside the trigger rules.

The shipped model (`events/model/`, trained by `python -m training.events`) is a blank
English pipeline whose one component is a text classifier: a bag of words and bigrams beside
a small CNN. `classify(sentences)` gives each sentence a probability per label: the 25
ACLED sub-event types and NONE.

The classifier reads a sentence as `reading()` words it: lemmas, with the names of groups,
nationalities, places and people, dates and figures replaced by their kind ("ORG seize the
capital of GPE on DATE"), so that what it learns of an event's words holds in towns and wars
its training never named.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Span

NONE = "NONE"
# Entities read as their kind: names of groups, places and people, dates and figures ("the
# LNA seized Tripoli" reads "the ORG seize GPE"); "police", "rebels", "troops" stay words.
AS_KIND = frozenset({"ORG", "NORP", "GPE", "LOC", "FAC", "PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY",
                     "QUANTITY", "PERCENT"})


def reading(span: Span) -> Doc:
    """The words the classifier reads for a span of a parsed text, as a Doc of its vocabulary."""
    return Doc(span.doc.vocab, words=reading_words(span))


def reading_words(span: Span) -> list[str]:
    """Each lemma in lower case, and one word for each name (`AS_KIND`: a group, nationality,
    place or person, a date or figure): its entity label."""
    words = []
    for tok in span:
        if tok.is_space:
            continue
        if tok.ent_type_ in AS_KIND:
            if tok.ent_iob_ == "B" or not words or words[-1] != tok.ent_type_:
                words.append(tok.ent_type_)
            continue
        words.append((tok.lemma_ or tok.text).lower())
    return words or ["."]


def model_path() -> Path:
    """Where the shipped classifier lies: `FRONTLINES_EVENT_MODEL` names another (cross-validation)."""
    import os

    other = os.environ.get("FRONTLINES_EVENT_MODEL")
    return Path(other) if other else shipped_model()


@lru_cache(maxsize=1)
def shipped_model() -> Path:
    """The classifier shipped in the package, found once (asked for every article)."""
    return Path(str(resources.files("frontlines.events").joinpath("model")))


@lru_cache(maxsize=4)
def load_classifier(vocab, path: Path):
    """The shipped text classifier, built once in the main pipeline's vocabulary (no second
    spaCy pipeline: a tenth of the time to load); None when no model is there."""
    from spacy.pipeline.textcat import TextCategorizer
    from spacy.util import load_config, registry

    if not (path / "config.cfg").exists():
        return None
    config = load_config(path / "config.cfg", interpolate=True)["components"]["textcat"]
    model = registry.resolve({"model": config["model"]})["model"]
    textcat = TextCategorizer(vocab, model, name="textcat", threshold=config.get("threshold", 0.0), scorer=None)
    return textcat.from_disk(path / "textcat", exclude=["vocab"])


def classify(sentences: list[Span], path: Path | None = None) -> list[dict[str, float]]:
    """Each sentence's probability per label (empty mappings when no model is installed)."""
    if not sentences:
        return []
    textcat = load_classifier(sentences[0].doc.vocab, path or model_path())
    if textcat is None:
        return [{} for _ in sentences]
    return [doc.cats for doc in textcat.pipe((reading(s) for s in sentences), batch_size=64)]
