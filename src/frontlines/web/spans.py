"""Highlights over an article's text, from its report: places, actors, dates, and the sentences
behind events and control claims.  Each span links to its record."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from frontlines.dates import PATTERNS, resolve_phrase


def document_spans(report: dict, text: str, published: str | None) -> list[dict]:
    """Every highlight over `text`, ordered by start; sentence spans (events, claims) come with
    the mentions inside them, and the page nests one in the other."""
    spans = mention_spans(report) + sentence_spans(report) + date_spans(text, published)
    return sorted((s for s in spans if 0 <= s["start"] < s["end"] <= len(text)),
                  key=lambda s: (s["start"], -s["end"]))


def mention_spans(report: dict) -> list[dict]:
    """Each mention of a place (linked to its place view) or an actor (linked to its events)."""
    out = []
    for p in report.get("places", []):
        pid = str(p["geonameid"]) if p.get("geonameid") is not None else f'@{p["name"]}'
        out += [{"start": m["start"], "end": m["end"], "kind": "place", "label": p["name"], "place_id": pid}
                for m in p["mentions"]]
    for a in report.get("actors", []):
        out += [{"start": m["start"], "end": m["end"], "kind": "actor", "label": a["name"], "actor": a["name"]}
                for m in a["mentions"]]
    return out


def sentence_spans(report: dict) -> list[dict]:
    """The evidence sentence of each event (linked to the event) and of each control claim."""
    places = {p["id"]: p for p in report.get("places", [])}
    actors = {a["id"]: a["name"] for a in report.get("actors", [])}
    out = [{"start": e["evidence"]["start"], "end": e["evidence"]["end"], "kind": "event",
            "label": e["sub_event_type"], "event_id": e["id"], "factuality": e["factuality"]}
           for e in report.get("events", [])]
    for c in report.get("control", []):
        place = places.get(c["place"], {})
        pid = str(place["geonameid"]) if place.get("geonameid") is not None else f'@{place.get("name")}'
        out.append({"start": c["evidence"]["start"], "end": c["evidence"]["end"], "kind": "control",
                    "label": f'{place.get("name")}: {actors.get(c["controller"])}', "place_id": pid})
    return out


@lru_cache(maxsize=1)
def date_patterns() -> tuple[re.Pattern, ...]:
    """The extractor's own date patterns, matched regardless of case."""
    return tuple(re.compile(pattern.pattern, re.IGNORECASE) for _, pattern in PATTERNS)


def date_spans(text: str, published: str | None) -> list[dict]:
    """Date phrases, found with the patterns the extractor uses, each labelled with the day it
    resolves to against the publication date (when the article has one)."""
    taken: list[tuple[int, int]] = []
    out = []
    anchor = date.fromisoformat(published) if published else None
    for pattern in date_patterns():
        for m in pattern.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue  # a longer pattern earlier in the list already covers it
            taken.append((m.start(), m.end()))
            resolved = resolve_phrase(m.group(0).lower(), anchor) if anchor else None
            label = f"{resolved.day.isoformat()} ({resolved.precision})" if resolved else "date"
            out.append({"start": m.start(), "end": m.end(), "kind": "date", "label": label})
    return out
