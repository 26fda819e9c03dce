"""The event classifier's training: it runs end to end, and the shipped model matches its data."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SHARED

sys.path.insert(0, str(ROOT))
from training.events import DATA, SHIPPED, data_sha256, folds, load_examples  # noqa: E402


def test_training_runs_end_to_end_on_a_tiny_sample(tmp_path):
    out = tmp_path / "model"
    run = subprocess.run([sys.executable, "-m", "training.events", "--sample", "60", "--epochs", "2", "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    meta = json.loads((out / "frontlines.json").read_text())
    assert sum(meta["examples"].values()) == 60 and meta["labels"][0] == "NONE"
    from frontlines.events.classify import classify
    from frontlines.nlp import load_model

    doc = load_model()("Militants lobbed a grenade at a police post.")
    cats = classify(list(doc.sents), out)[0]
    assert set(cats) == set(meta["labels"]) and abs(sum(cats.values()) - 1) < 1e-3


def test_the_shipped_model_was_trained_on_the_data_in_the_repo():
    meta = json.loads((SHIPPED / "frontlines.json").read_text())
    assert meta["data_sha256"] == data_sha256(load_examples()), \
        "training/data/events changed since the model was trained: run `make train`"


def test_no_evaluation_article_is_training_data():
    # The snippets joined by a character no sentence holds: a sentence is in the joined text exactly
    # when it is in one snippet, and one search of it is four times faster than one per snippet.
    texts = "\0".join({e["text"].strip() for e in load_examples(DATA)})
    for folder in (SHARED / "eval" / "dev", *sorted((ROOT / "eval").glob("*/"), key=lambda p: p.name)):
        for gold in folder.glob("*.gold.json"):
            article = json.loads(gold.read_text())
            path = next((p for p in (folder / article["text"], ROOT / "src" / "frontlines" / "samples" /
                                     Path(article["text"]).name) if p.exists()), None)
            sentences = {s.strip() for s in path.read_text().split(".") if len(s.strip()) > 40} if path else set()
            assert not any("\0" in s for s in sentences), gold.name
            assert not any(s in texts for s in sentences), gold.name


def test_folds_cover_every_snippet_once_and_keep_labels_spread():
    shared = [e for e in load_examples(DATA) if e["source"] == "case2021"]
    parts = folds(shared)
    ids = [e["id"] for p in parts for e in p]
    assert sorted(ids) == sorted(e["id"] for e in shared)
    assert max(len(p) for p in parts) - min(len(p) for p in parts) <= 1
