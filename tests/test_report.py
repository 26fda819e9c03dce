"""Every report keeps the contract: the schema, offsets into the text, and dev-set accuracy."""
from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from conftest import DEV, SHARED


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads((SHARED / "spec" / "report-v1.schema.json").read_text())


def test_every_dev_report_validates(dev_reports, schema):
    for entry in dev_reports.values():
        jsonschema.validate(entry["dict"], schema)


def test_every_offset_indexes_the_text(dev_reports):
    for entry in dev_reports.values():
        report = entry["report"]
        spans = [m for p in report.places for m in p.mentions]
        assert spans, f"{entry['gold']['id']}: no places at all"
        for m in spans:
            assert report.document.text[m.start:m.end] == m.text


def test_document_ids_are_stable_and_distinct(dev_reports):
    ids = [e["dict"]["document"]["id"] for e in dev_reports.values()]
    assert len(set(ids)) == len(ids) and all(len(i) == 64 for i in ids)


def test_dev_toponym_accuracy(dev_reports, tmp_path):
    """The scorer of ../shared/eval on our reports: a regression guard, not the target itself."""
    for gold_id, entry in dev_reports.items():
        (tmp_path / f"{gold_id}.json").write_text(json.dumps(entry["dict"]))
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(DEV), "--pred", str(tmp_path), "--json"],
                         capture_output=True, text=True, check=True)
    figures = json.loads(out.stdout)
    assert figures["failures"] == 0
    assert figures["toponym_acc161"] >= 0.93, figures
