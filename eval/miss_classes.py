"""Count why an article set's required gold events are missed, by class, printing no article text.

A blind set is read only after its first score is taken; until then, this says which kind of
error dominates it (the place never found, another event type at the right place, the wrong
actor ...) without showing a sentence, so the next rules can aim at classes, not at items.

    python eval/miss_classes.py eval/blind5
"""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from accuracy import CLI, SHARED

sys.path.insert(0, str(SHARED))
import score  # noqa: E402  (the shared scorer: the same matching as the figures)


def report_for(gold: dict, folder: Path) -> "score.Report":
    """The extractor's report for a gold article, run as the scorer runs it."""
    out = subprocess.run([CLI, "extract", "--date", gold["published"], str(folder / gold["text"])],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"miss_classes: extracting {gold['text']} failed: {out.stderr.strip()[-300:]}")
    return score.Report(json.loads(out.stdout))


def miss_class(event: dict, rep: "score.Report") -> str:
    """Why one required gold event is matched strictly, loosely, or not at all."""
    fits = [score.event_fit(event, e, rep) for e in rep.events]
    if any(strict for _, strict, _ in fits):
        return "strict match"
    loose = next((fields for is_loose, _, fields in fits if is_loose), None)
    if loose is not None:
        wrong = [k for k, ok in loose.items() if not ok and k != "actor2"]
        return "loose match; wrong " + ", ".join(wrong)
    radius = event.get("radius_km", 50)
    found = any(score.km(p, event["place"]) <= radius for p in rep.places.values())
    there = [e for e in rep.events if rep.place(e.get("place")) and score.km(rep.place(e["place"]), event["place"]) <= radius]
    if there:
        return "another event type at the place"
    if any(e.get("event_type") == event["event_type"] for e in rep.events):
        return "its type coded elsewhere" + ("" if found else "; place never found")
    return "nothing coded" + ("" if found else "; place never found")


def main(folder: Path) -> None:
    """Print each class with its count, the most frequent first."""
    classes: Counter[str] = Counter()
    for path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(path.read_text("utf-8"))
        rep = report_for(gold, folder)
        classes.update(miss_class(e, rep) for e in gold["events"] if not e.get("optional"))
    print(f"{sum(classes.values())} required events in {folder}")
    for name, n in classes.most_common():
        print(f"{n:4d}  {name}")


if __name__ == "__main__":
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        raise SystemExit("usage: python eval/miss_classes.py FOLDER  (a folder of *.gold.json beside their articles)")
    main(Path(sys.argv[1]))
