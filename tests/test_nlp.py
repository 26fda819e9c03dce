"""The shared spaCy pipeline: what `load_model` changes in spaCy's model changes no annotation."""
from __future__ import annotations

import pytest

from conftest import ROOT

SAMPLES = ROOT / "src" / "frontlines" / "samples"
# Words whose lemma the rule lemmatizer takes from its index of known words ("shelling" is a noun
# of its own, "shellings" is not; "was" is an exception; "razed" goes through the verb rules).
SENTENCES = [
    "The shellings of the villages were heavier than the shelling of the towns.",
    "Militias razed the markets and the soldiers were deployed to the outskirts.",
    "Fighters besieged Marib; gunmen abducted two aid workers near the crossings.",
]


@pytest.fixture(scope="module")
def spacy_as_shipped():
    """The model as spaCy loads it, its lemmatizer's word lists untouched."""
    import spacy

    from frontlines.nlp import DEFAULT_MODEL, UNUSED_PIPES

    return spacy.load(DEFAULT_MODEL, exclude=UNUSED_PIPES)


def test_the_lemmatizer_word_lists_become_sets_and_every_lemma_stays(spacy_as_shipped):
    import spacy

    from frontlines.nlp import DEFAULT_MODEL, UNUSED_PIPES, index_lemmas

    indexed = spacy.load(DEFAULT_MODEL, exclude=UNUSED_PIPES)
    index_lemmas(indexed)
    table = indexed.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert table and all(isinstance(words, frozenset) for words in table.values())
    texts = SENTENCES + [p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt"))[:3]]
    for text in texts:
        assert [t.lemma_ for t in indexed(text)] == [t.lemma_ for t in spacy_as_shipped(text)], text[:60]


def test_a_model_without_a_rule_lemmatizer_is_left_alone():
    import spacy

    from frontlines.nlp import index_lemmas

    nlp = spacy.blank("en")
    index_lemmas(nlp)
    assert nlp.pipe_names == []
