"""Cross-validation of the whole events stage on the shared snippets (CASE 2021 Task 2).

Each fold's classifier is trained on our written texts and four fifths of the snippets; the
real extractor, with that classifier, codes the fifth it never saw; the five fifths' reports
together are scored by the shared scorer. These are the only figures on the snippets that
count, since the shipped classifier has seen them all.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from frontlines.model import HAPPENED
from training.events import ROOT, SHARED_SOURCE, folds, save, train

SCORER = ROOT.parent / "shared" / "eval" / "score_items.py"
ITEMS = ROOT.parent / "shared" / "eval" / "case2021" / "items.jsonl"
SHARED = SHARED_SOURCE


def extract_with(model: Path, items: list[dict], out: Path, settings: Path | None = None) -> None:
    """Reports of the real extractor, with another classifier, as `out/<id>.json`."""
    records = out / "in.jsonl"
    records.write_text("".join(json.dumps({"id": e["id"], "text": e["text"], "published": "2021-01-01"}) + "\n"
                               for e in items), "utf-8")
    env = {**os.environ, "FRONTLINES_EVENT_MODEL": str(model)}
    if settings is not None:
        env["FRONTLINES_SETTINGS"] = str(settings)
    run = subprocess.run([sys.executable, "-m", "frontlines.cli", "extract", "--format", "jsonl", str(records)],
                         env=env, capture_output=True, text=True, check=True)
    for line in run.stdout.splitlines():
        report = json.loads(line)
        (out / f"{report['document']['id']}.json").write_text(line, "utf-8")
    records.unlink()


def score(pred: Path) -> dict:
    """The shared scorer's figures for saved reports, with each sub-type's recall."""
    run = subprocess.run([sys.executable, str(SCORER), str(ITEMS), "--pred", str(pred)],
                         capture_output=True, text=True, check=True)
    figures = json.loads(run.stdout[run.stdout.index("{"):run.stdout.rindex("}") + 1])
    figures["recall_by_type"] = recall_by_type(pred)
    return figures


def recall_by_type(pred: Path) -> dict[str, list]:
    """For each ACLED sub-type of the snippets: [items, share whose top event (the most confident
    that happened, as the shared scorer ranks them) has that sub-type]."""
    counts: dict[str, list[int]] = {}
    for line in ITEMS.read_text("utf-8").splitlines():
        item = json.loads(line)
        if not item.get("sub_event_type"):
            continue
        report = json.loads((pred / f"{item['id']}.json").read_text("utf-8"))
        happened = [e for e in report["events"] if e.get("factuality", "asserted") in HAPPENED]
        top = max(happened, key=lambda e: e.get("confidence") or 0, default=None)
        seen = counts.setdefault(item["sub_event_type"], [0, 0])
        seen[0] += 1
        seen[1] += top is not None and top["sub_event_type"] == item["sub_event_type"]
    return {label: [n, round(right / n, 3)] for label, (n, right) in sorted(counts.items())}


def train_folds(examples: list[dict], labels: list[str], epochs: int, where: Path, k: int = 5) -> list[list[dict]]:
    """Train one classifier a fold into `where/fold-N`; the held-out snippets of each fold."""
    shared = [e for e in examples if e["source"] == SHARED]
    ours = [e for e in examples if e["source"] != SHARED]
    parts = folds(shared, k)
    for n, held_out in enumerate(parts):
        seen = [e for m, part in enumerate(parts) if m != n for e in part]
        save(train(ours + seen, labels, epochs), where / f"fold-{n}", ours + seen, labels)
        print(f"fold {n + 1}/{k} trained", file=sys.stderr, flush=True)
    return parts


def score_folds(parts: list[list[dict]], where: Path, settings: Path | None = None) -> dict:
    """Each fold's held-out snippets coded with its own classifier, scored together."""
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp)
        for n, held_out in enumerate(parts):
            extract_with(where / f"fold-{n}", held_out, pred, settings)
        return score(pred)


def cross_validate(examples: list[dict], labels: list[str], epochs: int, k: int = 5) -> dict:
    """The shared scorer's figures over k folds, each coded by a classifier that never saw it."""
    with tempfile.TemporaryDirectory() as tmp:
        parts = train_folds(examples, labels, epochs, Path(tmp), k)
        figures = score_folds(parts, Path(tmp))
    figures["folds"] = k
    return figures
