"""The shared spaCy pipeline: what `load_model` changes in spaCy's model changes no annotation, and
the helpers that read the parsed document's arrays find what a token-by-token walk finds."""
from __future__ import annotations

import subprocess
import sys

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


@pytest.mark.parametrize("attr, test", [("LOWER", lambda w: w in {"the", "of"}),
                                        ("LEMMA", lambda w: w.lower() in {"be", "soldier"}),
                                        ("ORTH", lambda w: w[:1].isupper()),
                                        ("ORTH", lambda w: False)])
def test_tokens_where_finds_what_a_walk_over_the_tokens_finds(spacy_as_shipped, attr, test):
    from frontlines.nlp import tokens_where

    doc = spacy_as_shipped(" ".join(SENTENCES))
    walked = [t for t in doc if test({"LOWER": t.lower_, "LEMMA": t.lemma_, "ORTH": t.text}[attr])]
    assert tokens_where(doc, attr, test) == walked


@pytest.mark.parametrize("lemmas", [{"be", "soldier"}, ("village", "raze", "Market"), frozenset()])
def test_tokens_lemmatised_finds_what_a_walk_over_the_lemmas_finds(spacy_as_shipped, lemmas):
    from frontlines.nlp import tokens_lemmatised, tokens_whose_lemma

    doc = spacy_as_shipped(" ".join(SENTENCES))
    walked = [t for t in doc if t.lemma_.lower() in lemmas]
    assert tokens_lemmatised(doc, lemmas) == walked == tokens_whose_lemma(doc, lambda w: w in lemmas)
    assert walked or not lemmas


def test_extract_does_not_import_numpy_ma():
    """`numpy.isin` imports numpy.ma (0.02 s of every start); the stages find tokens without it."""
    code = ("import sys, frontlines; frontlines.extract(open(sys.argv[1]).read(), published='2024-09-12'); "
            "print('numpy.ma' in sys.modules)")
    sample = SAMPLES / "sahelwire-2024-09-12-monguno-base-attack.txt"
    run = subprocess.run([sys.executable, "-c", code, str(sample)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "False"


@pytest.mark.parametrize("text, lede", [
    ("DOHA, Qatar — Israel and Hamas reached a ceasefire agreement in Doha on Wednesday. It held.",
     "Israel and Hamas reached a ceasefire agreement in Doha on Wednesday."),
    ("KABUL, Afghanistan (Reuters) - Gunmen killed four men in Kabul on Monday.",
     "Gunmen killed four men in Kabul on Monday."),
])
def test_a_dateline_is_a_sentence_of_its_own_and_the_lede_one_sentence(text, lede):
    # parsed together, "DOHA" was the lede's subject and "Israel" a conjunct of "Qatar"
    from frontlines.nlp import load_model

    assert lede in [s.text.strip() for s in load_model()(text).sents]


def test_a_parsed_document_keeps_the_text_it_was_parsed_from():
    """`doc_text` is the text parsed, whole or in pieces, without joining the tokens again; a text
    that is not the document's is not kept."""
    from frontlines.model import Document
    from frontlines.nlp import doc_text, load_model, remember_text
    from frontlines.pipeline import WHOLE_CHARS, parse

    nlp = load_model()
    short = "BEIRUT — Fighting went on in Aleppo.\n\nShelling  hit Idlib on Friday. "
    for text in (short, short * (WHOLE_CHARS // len(short) + 2)):
        parsed, _ = next(parse(nlp, [Document(text)]))
        assert parsed.user_data["frontlines_text"] is text and doc_text(parsed) == parsed.text
    assert "frontlines_text" not in remember_text(nlp.make_doc("Shelling hit Idlib"), "Shelling hit Idlib.").user_data


# The attribute ruler's exceptions of more than a tag: two-token rules ("gonna", "ain't", "y'all",
# "let's"), a REGEX ("nothin'"), rules on the parse ("I" as a subject or an object, "there is").
RULER_SENTENCES = [
    "Y'all gonna see it. I ain't seen nothin' but there is a man. It hit me and I hit it.",
    "Let's go, c'mon. We gotta run; they have done what they did.  Which ones were seen?\n\nNone.",
]


def parsed_with_spacys(nlp, ours: str, theirs: str, text: str):
    """`text` parsed with spaCy's component `theirs` in the place of frontlines' `ours`."""
    nlp.enable_pipe(theirs)
    nlp.disable_pipe(ours)
    try:
        return nlp(text)
    finally:
        nlp.disable_pipe(theirs)
        nlp.enable_pipe(ours)


@pytest.mark.parametrize("ours, theirs", [("frontlines_attribute_rules", "attribute_ruler"),
                                          ("frontlines_lemmas", "lemmatizer")])
def test_the_faster_components_annotate_as_spacys_do(ours, theirs):
    from frontlines.nlp import load_model

    nlp = load_model()
    assert ours in nlp.pipe_names and theirs in nlp.disabled
    texts = RULER_SENTENCES + SENTENCES + [p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt"))[:3]]
    for text in texts + texts:  # the second time, the lemmas of words seen before
        mine = nlp(text)
        assert mine.to_bytes() == parsed_with_spacys(nlp, ours, theirs, text).to_bytes(), (ours, text[:60])
        assert all(t.lemma_ and t.pos_ for t in mine)


def test_rules_added_to_the_ruler_are_applied_and_other_patterns_run_as_spacy_runs_them():
    import spacy

    from frontlines.attribute_rules import IndexedRules, compile_rules

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    rules = IndexedRules(ruler)
    ruler.add([[{"LOWER": "shelled"}]], {"LEMMA": "shell"})
    assert [t.lemma_ for t in rules(nlp("They shelled it"))] == ["", "shell", ""]
    ruler.add([[{"LOWER": {"REGEX": "^the[ym]$"}}, {"LOWER": "shelled"}]], {"LEMMA": "they"}, index=0)
    assert [t.lemma_ for t in rules(nlp("They shelled it"))] == ["they", "shell", ""]  # compiled again
    ruler.add([[{"LOWER": "it", "OP": "+"}]], {"LEMMA": "IT"})  # an operator: spaCy's Matcher runs it
    assert compile_rules(ruler) is None
    assert [t.lemma_ for t in rules(nlp("They shelled it"))] == ["they", "shell", "IT"]
