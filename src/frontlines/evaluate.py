"""Measure the extractor on your own annotations: precision, recall and F1 per field.

Gold files follow the format of the project's evaluation set (`<id>.gold.json`
beside the article it names).  Events match one-to-one, greedily, on type and
place (within the gold radius); each further field (sub-type, date, actor1,
actor2) is then scored on the matched pairs and counted against every report
and every gold event, so a field's recall also suffers from events never found.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from frontlines.errors import UsageError
from frontlines.model import HAPPENED
from frontlines.context import km

EVENT_FIELDS = ("sub_event_type", "date", "actor1", "actor2")


@dataclass
class Tally:
    """Counts for one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> tuple[float, float, float]:
        """(precision, recall, F1)."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Evaluation:
    """All tallies over a folder of gold files."""

    documents: int = 0
    toponyms: Tally = field(default_factory=Tally)
    events: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in ("event", *EVENT_FIELDS)})
    control: Tally = field(default_factory=Tally)

    def rows(self) -> list[tuple[str, float | None, float, float | None, int]]:
        """(measure, P, R, F1, gold count) rows for printing; toponyms have an accuracy only (as R)."""
        out = [("toponyms acc@161km", None, self.toponyms.scores()[1], None, self.toponyms.tp + self.toponyms.fn)]
        for name, tally in self.events.items():
            label = "events (type+place)" if name == "event" else f"events + {name}"
            out.append((label, *tally.scores(), tally.tp + tally.fn))
        out.append(("control", *self.control.scores(), self.control.tp + self.control.fn))
        return out


def fold(text: str) -> str:
    """Case, accents, punctuation and a leading "the" folded away."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    return re.sub(r"^the ", "", re.sub(r"[^a-z0-9']+", " ", text).strip())


def names_of(actor: dict | None) -> list[str]:
    """An actor's canonical name and mention texts, folded."""
    if not actor:
        return []
    return [fold(n) for n in [actor["name"], *(m["text"] for m in actor["mentions"])] if n]


def actor_ok(actor: dict | None, accepted: list[str] | None) -> bool:
    """Whether a reported actor carries one of the accepted names (None accepts anything)."""
    if accepted is None:
        return True
    wanted = [fold(a) for a in accepted]
    return any(w == n or re.search(rf"\b{re.escape(w)}\b", n) for n in names_of(actor) for w in wanted)


def date_ok(gold: dict, reported: str | None) -> bool:
    """Whether a reported date is within the gold tolerance."""
    if not gold.get("date"):
        return True
    if not reported:
        return False
    gap = abs((date.fromisoformat(gold["date"]) - date.fromisoformat(reported[:10])).days)
    return gap <= gold.get("date_tolerance_days", 1)


def evaluate_folder(folder: Path, extract_report) -> Evaluation:
    """Run `extract_report(text_path, published) -> report dict` on every gold file in `folder`."""
    golds = sorted(folder.glob("*.gold.json"))
    if not golds:
        raise UsageError(f"{folder}: no *.gold.json files here; see the gold format in the README")
    result = Evaluation()
    for path in golds:
        try:
            gold = json.loads(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UsageError(f"{path}: not a readable gold file ({exc})") from None
        check_gold(path, gold)
        report = extract_report(folder / gold["text"], gold.get("published"))
        score_document(gold, report, result)
        result.documents += 1
    return result


def check_gold(path: Path, gold) -> None:
    """Refuse a gold file whose article is missing, whose event types are not ACLED's or whose dates are
    not real days, naming the field."""
    if not isinstance(gold, dict) or not isinstance(gold.get("text"), str) or not gold["text"]:
        raise UsageError(f'{path}: a gold file needs "text", the file name of its article')
    article = path.parent / gold["text"]
    if not article.is_file():
        raise UsageError(f'{path}: "text" names {article}, which does not exist; put the article beside the gold file')
    from frontlines.read.article import valid_iso

    published = gold.get("published")
    if published is not None and not valid_iso(published if isinstance(published, str) else ""):
        raise UsageError(f"{path}: published {published!r} is not a date; write it as YYYY-MM-DD, "
                         "a day from 1900 to today")
    from frontlines.store.export import DISORDER

    for n, event in enumerate(gold.get("events") or []):
        if isinstance(event, dict) and not (isinstance(event.get("event_type"), str) and event["event_type"] in DISORDER):
            raise UsageError(f"{path}: events[{n}].event_type {event.get('event_type')!r} is not an ACLED event type; "
                             "use one of: " + ", ".join(DISORDER))
    days = [(f"events[{n}].date", e.get("date")) for n, e in enumerate(gold.get("events") or []) if isinstance(e, dict)]
    for name, value in days:
        if value is not None and not is_day(value):
            raise UsageError(f"{path}: {name} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2017-11-03")


def is_day(value) -> bool:
    """Whether a value is a real YYYY-MM-DD day."""
    try:
        return isinstance(value, str) and len(value) == 10 and bool(date.fromisoformat(value))
    except ValueError:
        return False


def score_document(gold: dict, report: dict, result: Evaluation) -> None:
    """Add one document's toponyms, events and control to the tallies."""
    places = {p["id"]: p for p in report["places"]}
    actors = {a["id"]: a for a in report["actors"]}
    for t in gold.get("toponyms", []):
        texts = {pid: {fold(m["text"]) for m in p["mentions"]} | {fold(p["name"])} for pid, p in places.items()}
        hits = [places[pid] for pid, names in texts.items() if fold(t["text"]) in names]
        right = any(km((p["lat"], p["lon"]), (t["lat"], t["lon"])) <= t.get("radius_km", 161) or
                    (t.get("feature") == "country" and p["feature"] == "country" and p["country_code"] == t.get("country_code"))
                    for p in hits)
        result.toponyms.tp += right
        result.toponyms.fn += not right
    score_events(gold, [e for e in report["events"] if e["factuality"] in HAPPENED], places, actors, result)
    score_control(gold, report["control"], places, actors, result)


def score_events(gold: dict, events: list[dict], places: dict, actors: dict, result: Evaluation) -> None:
    """Greedy one-to-one matching on type and place, then each field on the matched pairs."""
    unused = list(events)
    matched_optional = 0
    for g in gold.get("events", []):
        match = next((e for e in unused if e["event_type"] == g["event_type"] and e["place"] in places and
                      km((places[e["place"]]["lat"], places[e["place"]]["lon"]), (g["place"]["lat"], g["place"]["lon"]))
                      <= g.get("radius_km", 50)), None)
        if match is None:
            if not g.get("optional"):
                for tally in result.events.values():
                    tally.fn += 1
            continue
        unused.remove(match)
        if g.get("optional"):
            matched_optional += 1
            continue
        checks = {"event": True, "sub_event_type": match["sub_event_type"] == g["sub_event_type"],
                  "date": date_ok(g, match["date"]), "actor1": actor_ok(actors.get(match["actor1"]), g.get("actor1")),
                  "actor2": actor_ok(actors.get(match["actor2"]), g.get("actor2"))}
        for name, ok in checks.items():
            result.events[name].tp += ok
            result.events[name].fp += not ok
            result.events[name].fn += not ok
    for tally in result.events.values():
        tally.fp += len(unused)


def score_control(gold: dict, claims: list[dict], places: dict, actors: dict, result: Evaluation) -> None:
    """Control claims: place within the radius, an accepted controller and status."""
    unused = [c for c in claims if c["place"] in places]
    for g in gold.get("control", []):
        match = next((c for c in unused
                      if km((places[c["place"]]["lat"], places[c["place"]]["lon"]), (g["place"]["lat"], g["place"]["lon"]))
                      <= g.get("radius_km", 25) and actor_ok(actors.get(c["controller"]), g["controller"])
                      and c["status"] in g.get("status", ["controlled", "partial"])), None)
        if match is not None:
            unused.remove(match)
            result.control.tp += not g.get("optional")
        elif not g.get("optional"):
            result.control.fn += 1
    result.control.fp += len(unused)


def format_table(result: Evaluation) -> str:
    """The evaluation as an aligned text table."""
    lines = [f"{result.documents} documents", f"{'measure':<22} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}"]
    for name, p, r, f, n in result.rows():
        p_text, f_text = ("     -" if p is None else f"{p:6.3f}"), ("     -" if f is None else f"{f:6.3f}")
        shown = name.replace("events + ", "  + ")  # a field of the matched events, indented under them
        lines.append(f"{shown:<22} {p_text} {r:6.3f} {f_text} {n:5d}")
    return "\n".join(lines)
