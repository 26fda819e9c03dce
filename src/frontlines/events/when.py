"""When an event happened: the date of its own clause, resolved in the order the story tells."""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span as SpacySpan, Token

from frontlines.dates import Resolved, resolve_anchored, resolve_phrase


class DateTracker:
    """Dates in text order: each sentence's dates resolved against publication or the date
    the story gave last ("a day later"); a trigger takes the date of its own clause."""

    def __init__(self, doc: Doc, published: date | None):
        self.published = published
        self.by_sentence: dict[int, list[tuple[SpacySpan, Resolved]]] = {}
        self.lead: Resolved | None = None
        if published is None:
            return
        anchor: Resolved | None = None
        for sent in doc.sents:
            found = sentence_dates(sent, published, anchor)
            if found:
                self.by_sentence[sent.start] = found
                anchor = found[-1][1]
                self.lead = self.lead or found[0][1]

    def for_trigger(self, trigger: Token) -> Resolved | None:
        """The date of the trigger's clause, else the nearest in its sentence, else the date
        of the sentence before, else the story's first date, else publication."""
        if self.published is None:
            return None
        start = trigger.sent.start
        if start in self.by_sentence:
            dated = self.by_sentence[start]
            attached = [r for ent, r in dated if governs(trigger, ent.root)]
            if attached:  # "A day earlier, on Saturday, ...": the named day over the counted one
                return sorted(attached, key=lambda r: r.relative)[0]
            return min(dated, key=lambda d: abs(d[0].start - trigger.i))[1]
        previous = trigger.doc[start - 1].sent.start if start > 0 else None
        if previous in self.by_sentence:
            return self.by_sentence[previous][-1][1]
        return self.lead or Resolved(self.published, "day")


def governs(trigger: Token, tok: Token) -> bool:
    """Whether `tok` hangs from the trigger (or, for a noun trigger, from its verb) within one clause."""
    heads = {trigger.i} | ({trigger.head.i} if not trigger.pos_ == "VERB" else set())
    t = tok
    for _ in range(6):
        if t.i in heads:
            return True
        if t.head.i == t.i or (t.pos_ == "VERB" and t.i != tok.i):
            return False
        t = t.head
    return False


def sentence_dates(sent: SpacySpan, published: date, anchor: Resolved | None) -> list[tuple[SpacySpan, Resolved]]:
    """Every date a sentence gives, in order, each resolved against the one before it.
    The word before a date counts ("until 2009", "in May"); "since ..." starts a duration."""
    out = []
    doc = sent.doc
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        before = doc[ent.start - 1] if ent.start > sent.start else None
        if before is not None and before.lower_ == "since" or ent[0].lower_ == "since":
            continue
        text = doc[max(sent.start, ent.start - 1):min(ent.end + 2, sent.end)].text
        found = resolve_anchored(text, anchor.day) if anchor is not None else None
        if found is not None and found.day > published:
            # "held Wad Madani on Wednesday, two days after their fighters crossed": counted back
            found = Resolved(anchor.day - (found.day - anchor.day), found.precision, True)
        found = found or resolve_phrase(text, published)
        if found is not None:
            out.append((ent, found))
            anchor = found
    return out
