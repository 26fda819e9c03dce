"""Any text gives a valid report: property tests over shuffled real sentences and arbitrary Unicode."""
from __future__ import annotations

import json
import re

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import DEV, SHARED

SENTENCES = [s for f in sorted(DEV.glob("*.txt")) for s in re.split(r"(?<=[.!?])\s+", f.read_text()) if s.strip()] \
    if DEV.is_dir() else ["BEIRUT — Clashes in Aleppo."]
SCHEMA = json.loads((SHARED / "spec" / "report-v1.schema.json").read_text()) if SHARED.is_dir() else None
DATES = st.sampled_from([None, "2017-11-03", "2024-06-25", "2001-01-01"])


def check(report) -> None:
    """The report validates and every span indexes the text."""
    if SCHEMA is None:
        pytest.fail("../shared/spec/report-v1.schema.json is missing")
    data = report.to_dict()
    jsonschema.validate(data, SCHEMA)
    text = report.document.text
    spans = [m for p in report.places for m in p.mentions] + [m for a in report.actors for m in a.mentions]
    spans += [e.evidence for e in report.events] + [c.evidence for c in report.control]
    for span in spans:
        assert text[span.start:span.end] == span.text
    ids = {p.id for p in report.places} | {a.id for a in report.actors} | {e.id for e in report.events}
    for e in report.events:
        assert {e.place, e.actor1, e.actor2} - {None} <= ids
    for c in report.control:
        assert {c.place, c.controller} <= ids


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(picked=st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=12), published=DATES,
       glue=st.sampled_from([" ", "\n", "\n\n"]))
def test_shuffled_real_sentences(extract, picked, published, glue):
    check(extract(glue.join(picked), published=published))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=400).filter(lambda t: t.strip()), published=DATES)
@example(text="00000·0", published=None)  # a line the reader blanks once made a classifier event of spaces
def test_arbitrary_unicode(extract, text, published):
    check(extract(text, published=published))
