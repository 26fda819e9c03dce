"""Long and pathological texts: parsed in pieces, every offset still true.

Each takes 30 to 70 seconds on two cores (spaCy's parse is most of it).  The 2 MB article
is marked `slow` and runs with `make test-long`; the piece-joining is also tested on every
run with small pieces."""
from __future__ import annotations

import re

import pytest

from conftest import DEV, require_shared
from test_robust import check


def dev_text() -> str:
    """The dev articles, one after another."""
    require_shared()
    return "\n\n".join(p.read_text() for p in sorted(DEV.glob("*.txt")))


def test_small_pieces_join_into_one_document_with_true_offsets(extract, monkeypatch):
    import frontlines.pipeline

    text = dev_text()
    whole = extract(text, published="2017-11-03")
    monkeypatch.setattr(frontlines.pipeline, "PIECE_CHARS", 3000)
    monkeypatch.setattr(frontlines.pipeline, "WHOLE_CHARS", 3000)
    pieced = extract(text, published="2017-11-03")
    check(pieced)
    assert len(text) > 10 * 3000
    names, pieced_names = {p.name for p in whole.places}, {p.name for p in pieced.places}
    assert len(names & pieced_names) >= 0.9 * len(names)  # a cut at a paragraph end changes little
    assert pieced.events and pieced.control


@pytest.mark.parametrize("make", [
    pytest.param(lambda: ((dev_text() + "\n\n") * 40)[:2_000_000], id="a 2 MB article", marks=pytest.mark.slow),
    pytest.param(lambda: " ".join(re.findall(r"[a-z]+", dev_text().lower()) * 40)[:1_000_000],
                 id="one megabyte sentence without punctuation"),
    pytest.param(lambda: "Aleppo " * 100_000, id="one place name 100,000 times"),
])
def test_a_long_text_finishes_with_true_offsets(extract, make):
    text = make()
    report = extract(text, published="2017-11-03")
    check(report)
    assert report.document.text == text


def test_a_long_text_is_parsed_a_piece_at_a_time_into_one_doc_without_tensors(extract, monkeypatch):
    """Memory: the pieces of a long text are parsed one by one and keep no tensor (the parser's
    arrays for a batch would stay alive with it); `frontlines bench` shows the peak it gives."""
    import frontlines.pipeline
    from frontlines.model import Document
    from frontlines.nlp import load_model

    monkeypatch.setattr(frontlines.pipeline, "WHOLE_CHARS", 3000)
    monkeypatch.setattr(frontlines.pipeline, "PIECE_CHARS", 3000)
    text = dev_text()
    nlp = load_model()
    sizes = []
    pipe = nlp.pipe
    monkeypatch.setattr(type(nlp), "pipe", lambda self, texts, **kw: (sizes.append(kw.get("batch_size")),
                                                                        pipe(texts, **kw))[1])
    (parsed, document), = list(frontlines.pipeline.parse(nlp, [Document(text)]))
    assert parsed.text == text and document.text == text
    assert parsed.tensor.size == 0 and sizes == [1]
