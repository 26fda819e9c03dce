"""What the sentence classifier may change of the rules' reading (`new_event_where` in
settings.yaml): it is for "where the lexicon is silent or torn between families" (issue #13).

A stand-in classifier, sure of one label for every sentence, shows what the decision rule lets
through whatever a trained model happens to be sure of.  Sentences written for these tests.
"""
from __future__ import annotations

import sys

import pytest

from frontlines.events.classify import NONE

PUBLISHED = "2024-10-10"
# Three sentences of another event first: what follows is an article's sentence, not a brief's.
OPENING = ("Gunmen killed five villagers near Kaduna on Monday, police said. The attackers fled on "
           "motorbikes. Residents buried the dead on Tuesday. ")


def sure_of(label: str):
    """A classifier that reads every sentence as `label`, at 0.999."""
    def classify(sentences, path=None):
        return [{label: 0.999, NONE: 0.001} for _ in sentences]
    return classify


@pytest.mark.parametrize("sentence, added", [
    # the lexicon read the verb and an exception of its own ruled it out: no event, whatever the classifier says
    ("Bandits seized two soldiers near Zaria on Wednesday.", False),   # people are no ground taken
    ("The rebels said their fighters were retreating toward Zaria on Wednesday.", False),  # heading, not leaving
    ("On Wednesday, a man killed his wife at their home in Zaria, police said.", False),  # no armed violence
    # the lexicon's verb fits none of its senses ("shot" a film): it is silent, so the stand-in classifier's
    # label stands (a trained classifier reads it as no event; this shows only what the rule lets through)
    ("The army said on Wednesday that its soldiers had shot a documentary near Zaria.", True),
    # ... but a film shot is what `unarmed_targets` names: an exception of the lexicon, which rules it out
    ("The army said on Wednesday that its soldiers had shot a film near Zaria.", False),
    # no word of the lexicon at all
    ("Fighters loyal to the rebels engaged government troops near Zaria on Wednesday.", True),
])
def test_the_classifier_adds_an_event_only_where_the_lexicon_is_silent(extract, monkeypatch, sentence, added):
    monkeypatch.setattr(sys.modules["frontlines.events.combine"], "classify", sure_of("Armed clash"))
    report = extract(OPENING + sentence, published=PUBLISHED)
    later = [e.sub_event_type for e in report.events if e.evidence.start >= len(OPENING)]
    assert later == (["Armed clash"] if added else []), later


@pytest.mark.parametrize("sentence, ruled_out", [
    ("Bandits seized two soldiers near Zaria on Wednesday.", True),
    ("Bandits seized two priests near Zaria on Wednesday.", False),    # a trigger: an abduction
    ("A crew shot a film in Zaria on Wednesday.", False),  # no sense fits: the lexicon is silent
    ("A gas explosion killed two people in Zaria on Wednesday.", True),  # "gas explosion": an accident
])
def test_a_word_an_exception_of_the_lexicon_ruled_out_is_told_apart_from_silence(sentence, ruled_out):
    from frontlines.events.combine import lexicon_ruled_out
    from frontlines.nlp import load_model

    doc = load_model()(sentence)
    assert lexicon_ruled_out(next(iter(doc.sents))) == ruled_out
