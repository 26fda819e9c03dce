"""The event sentence classifier: spaCy's own text classifier, beside the trigger rules.

The shipped model (`events/model/`, trained by `python -m training.events`) is a blank
English pipeline whose one component is a text classifier: a bag of words and bigrams beside
a small CNN. `classify(sentences)` gives each sentence a probability per label: the 25
ACLED sub-event types and NONE.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Span

NONE = "NONE"


def model_path() -> Path:
    """Where the shipped classifier lies: `FRONTLINES_EVENT_MODEL` names another (cross-validation)."""
    import os

    other = os.environ.get("FRONTLINES_EVENT_MODEL")
    return Path(other) if other else Path(str(resources.files("frontlines.events").joinpath("model")))


@lru_cache(maxsize=2)
def load_classifier(path: Path | None = None):
    """The classifier pipeline, loaded once; None when no model is shipped."""
    import spacy

    path = path or model_path()
    if not (path / "config.cfg").exists():
        return None
    return spacy.load(path)


def classify(sentences: list[Span], path: Path | None = None) -> list[dict[str, float]]:
    """Each sentence's probability per label (empty mappings when no model is installed)."""
    nlp = load_classifier(path)
    if nlp is None:
        return [{} for _ in sentences]
    return [doc.cats for doc in nlp.pipe((s.text for s in sentences), batch_size=64)]
