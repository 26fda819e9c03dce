"""The ranker: its data file is validated, and the dev reports' places are what they were.

`tests/data/dev_places.json` is the places of every dev report, as they stood
when the resolver's constants moved into `places/data/ranker.json`.  A change
that moves a place shows here as a diff to review; when it is meant, write the
file again with `FRONTLINES_WRITE_SNAPSHOT=1 .venv/bin/python -m pytest tests/test_places_ranker.py`.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from frontlines.errors import FrontlinesError
from frontlines.places.rank import LinearRanker, load_ranker

SNAPSHOT = Path(__file__).parent / "data" / "dev_places.json"


def places_snapshot(report) -> list[dict]:
    """What a report says about places: name, point, kind and the text of every mention."""
    return [{"name": p.name, "lat": round(p.lat, 4), "lon": round(p.lon, 4), "feature": p.feature,
             "country_code": p.country_code, "mentions": [[m.text, m.start] for m in p.mentions]}
            for p in report.places]


def as_lines(snapshot: dict[str, list[dict]]) -> str:
    """The snapshot as JSON with one place a line, so that a change reads as a short diff."""
    articles = [f" {json.dumps(k)}: [\n" + ",\n".join(f"  {json.dumps(p, ensure_ascii=False)}" for p in v) + "\n ]"
                for k, v in snapshot.items()]
    return "{\n" + ",\n".join(articles) + "\n}\n"


def test_dev_places_are_unchanged(dev_reports):
    now = {gold_id: places_snapshot(entry["report"]) for gold_id, entry in sorted(dev_reports.items())}
    if os.environ.get("FRONTLINES_WRITE_SNAPSHOT"):
        SNAPSHOT.write_text(as_lines(now))
    before = json.loads(SNAPSHOT.read_text())
    for gold_id in before:
        assert now[gold_id] == before[gold_id], gold_id


def test_the_shipped_ranker_names_every_feature_it_weighs():
    from frontlines.places.features import Context, features
    from frontlines.places.find import Candidate
    from frontlines.places.gazetteer import Entry
    from frontlines.model import Span

    entry = Entry(0, 1, "Qaim", 34.4, 41.1, "IQ", "IQ.01", "Anbar", 1000, "city")
    names = set(features(Candidate(Span("Qaim", 0, 4), "GPE", [entry]), entry, Context()))
    assert names == set(load_ranker().weights)


@pytest.mark.parametrize("text, complaint", [
    ("{", "not valid JSON"),
    ('{"features": ["a"], "weights": {"b": 1}, "cutoffs": {}}', "must name the same features"),
    ('{"features": ["a"], "weights": {"a": 1}, "cutoffs": {}}', "lacks"),
])
def test_a_broken_ranker_file_is_named_with_its_fault(text, complaint):
    with pytest.raises(FrontlinesError, match=complaint) as err:
        LinearRanker.from_text(text, "my-ranker.json")
    assert "my-ranker.json" in str(err.value)
