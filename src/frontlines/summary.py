"""A report as an analyst's notes: what happened, where, when, who holds what."""
from __future__ import annotations

from frontlines.model import Report


def summarise(report: Report) -> str:
    """A few readable lines for one report."""
    doc = report.document
    lines = [doc.title or f"(untitled: {doc.origin})"]
    meta = [doc.source, doc.published, ", ".join(doc.authors) or None,
            f"dateline {doc.dateline.text}" if doc.dateline else None]
    lines.append("  " + " · ".join(m for m in meta if m))
    if not doc.published:
        lines.append("  (no publication date in the text: relative dates are unresolved; give --date YYYY-MM-DD)")
    actors = {a.id: a.name for a in report.actors}
    places = {p.id: p for p in report.places}
    if report.events:
        lines.append(f"Events ({len(report.events)}):")
        for e in report.events:
            where = places[e.place].name if e.place in places else "?"
            who = actors.get(e.actor1 or "", "?")
            whom = f" vs {actors[e.actor2]}" if e.actor2 in actors else ""
            note = "" if e.factuality == "asserted" else f" [{e.factuality}]"
            lines.append(f"  {e.date or '????-??-??'}  {e.sub_event_type}: {who}{whom} at {where}{note}")
    if report.control:
        lines.append(f"Control ({len(report.control)}):")
        for c in report.control:
            since = f" since {c.since}," if c.since else ""
            lines.append(f"  {places[c.place].name}: {actors.get(c.controller, '?')} ({c.status},{since} as of {c.as_of or '?'})")
    lines.append(f"Places ({len(report.places)}):")
    for p in report.places:
        said = sorted({m.text for m in p.mentions})
        lines.append(f"  {p.name} ({p.feature}, {p.country_code or '-'}) {p.lat:.2f}, {p.lon:.2f}"
                     f"  x{len(p.mentions)}  as {', '.join(said)}")
    return "\n".join(lines)
