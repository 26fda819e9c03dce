"""The typed data model that flows through the pipeline, and its report-v1 form.

Every stage takes and returns these records; `Report.to_dict()` is the one
place that knows the JSON layout of `spec/report-v1.md`.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from frontlines.context import main_country  # noqa: F401  (its home is context; kept importable here)

SCHEMA = "frontlines.report/1"
HAPPENED = frozenset({"asserted", "reported"})  # the factualities that count as events


@dataclass(frozen=True)
class Span:
    """A piece of the document text: `document.text[start:end] == text`."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """Serialise as report v1's `{"text", "start", "end"}`."""
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Document:
    """An article as read: its text (offsets index it) and its metadata.

    `analysed` has the same length as `text`, with page furniture and the
    header block blanked out, so that offsets found in it index `text` too.
    """

    text: str
    id: str | None = None
    title: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: Span | None = None
    published: str | None = None
    url: str | None = None
    origin: str = "<text>"
    encoding: str | None = None
    analysed: str = ""
    body_start: int = 0   # where the story begins: headline and standfirst come before it

    def __post_init__(self) -> None:
        if not self.analysed:
            self.analysed = self.text
        if len(self.analysed) != len(self.text):
            raise ValueError("Document.analysed must have the length of Document.text")
        if not self.id:
            self.id = document_id(self.text)


def document_id(text: str) -> str:
    """A stable id: sha256 of the text, NFC-normalised with white space folded."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


@dataclass
class Place:
    """A resolved location and every mention of it."""

    id: str
    name: str
    lat: float
    lon: float
    feature: str
    geonameid: int | None = None
    country_code: str | None = None
    admin1: str | None = None
    confidence: float = 0.5
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Serialise as a report v1 `places` entry."""
        return {
            "id": self.id, "name": self.name,
            "mentions": [m.to_dict() for m in self.mentions],
            "geonameid": self.geonameid, "lat": round(self.lat, 5), "lon": round(self.lon, 5),
            "country_code": self.country_code, "admin1": self.admin1,
            "feature": self.feature, "confidence": round(self.confidence, 3),
        }


@dataclass
class Actor:
    """An actor (armed group, state force, crowd) and its mentions."""

    id: str
    name: str
    kind: str
    country_code: str | None = None
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Serialise as a report v1 `actors` entry."""
        return {"id": self.id, "name": self.name, "mentions": [m.to_dict() for m in self.mentions],
                "kind": self.kind, "country_code": self.country_code}


@dataclass
class Event:
    """One coded event in the ACLED taxonomy, with the sentence it came from."""

    id: str
    event_type: str
    sub_event_type: str
    evidence: Span
    plover: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    assoc_actors: list[str] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    date_precision: str = "day"
    fatalities: int | None = None
    factuality: str = "asserted"
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        """Serialise as a report v1 `events` entry."""
        return {
            "id": self.id, "event_type": self.event_type, "sub_event_type": self.sub_event_type,
            "plover": self.plover, "actor1": self.actor1, "actor2": self.actor2,
            "assoc_actors": list(self.assoc_actors), "place": self.place, "date": self.date,
            "date_precision": self.date_precision, "fatalities": self.fatalities,
            "factuality": self.factuality, "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
        }


@dataclass
class ControlClaim:
    """Who holds a place, from when, and the sentence that says so."""

    place: str
    controller: str
    status: str
    evidence: Span
    previous_controller: str | None = None
    since: str | None = None
    as_of: str | None = None
    event: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Serialise as a report v1 `control` entry."""
        return {"place": self.place, "controller": self.controller,
                "previous_controller": self.previous_controller, "status": self.status,
                "since": self.since, "as_of": self.as_of, "event": self.event,
                "evidence": self.evidence.to_dict()}


@dataclass
class Quantity:
    """A figure the text gives (killed, displaced, ...)."""

    value: float
    category: str
    approximate: bool
    evidence: Span

    def to_dict(self) -> dict[str, Any]:
        """Serialise as a report v1 `quantities` entry."""
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "category": self.category, "approximate": self.approximate,
                "evidence": self.evidence.to_dict()}


@dataclass
class Report:
    """Everything extracted from one document."""

    document: Document
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    control: list[ControlClaim] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The report as the JSON object of report v1."""
        doc = self.document
        document = {
            "id": doc.id, "title": doc.title, "source": doc.source, "authors": list(doc.authors),
            "dateline": doc.dateline.text if doc.dateline else None,
            "published": doc.published, "language": "en",
        }
        if doc.encoding not in (None, "utf-8"):
            document["encoding"] = doc.encoding  # the file was decoded from this (cp1252, utf-16 ...)
        return {
            "schema": SCHEMA,
            "document": document,
            "places": [p.to_dict() for p in self.places],
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "control": [c.to_dict() for c in self.control],
            "quantities": [q.to_dict() for q in self.quantities],
        }
