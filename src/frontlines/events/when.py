"""When an event happened: the date of its own clause, resolved in the order the story tells."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span as SpacySpan, Token

from frontlines.dates import ANCHORED, MONTHS, WEEKDAYS, Resolved, month_number, named_days, resolve_anchored, resolve_phrase
from frontlines.events.triggers import event_words
from frontlines.nlp import describing_participles, doc_text, sentence_ents

THAT_YEAR = re.compile(r"\b(?:that|the same) year\b", re.IGNORECASE)
COUNTING_ON = event_words()["counting_on"]
SOON_AFTER = event_words()["soon_after"]
QUOTE_MARKS = frozenset({'"', "“", "”"})


@dataclass
class Dated:
    """A date phrase of a sentence.  For "a day after RSF artillery shelled the camp" the main
    clause is at `when` (the date the story gave last) and the clause under `after` (the token
    at `clause`) at `clause_when`, a day before it."""

    ent: SpacySpan
    when: Resolved
    clause: int | None = None
    clause_when: Resolved | None = None


class DateTracker:
    """Dates in text order: each sentence's dates resolved against publication or the date
    the story gave last ("a day later"); a trigger takes the date of its own clause."""

    def __init__(self, doc: Doc, published: date | None):
        self.published = published
        self.by_sentence: dict[int, list[Dated]] = {}
        self.lead: Resolved | None = None
        self.lead_at = 0  # the start of the sentence that gives the story's first date
        self.lead_named_day = False  # whether that date is a weekday or a word like "yesterday", not a calendar date
        if published is None:
            return
        anchor: Resolved | None = None
        for sent in doc.sents:
            found = sentence_dates(sent, published, anchor)
            if found:
                self.by_sentence[sent.start] = found
                anchor = found[-1].when
                if self.lead is None:
                    self.lead, self.lead_at = found[0].when, sent.start
                    self.lead_named_day = found[0].when.precision == "day" and not calendar_date(found[0].ent)

    def for_trigger(self, trigger: Token) -> Resolved | None:
        """The date of the trigger's clause, else the nearest in its sentence that does not only
        describe a noun, else the date of the sentence before, else the story's first date (told before
        the trigger, or after it as a weekday or "yesterday"), else publication."""
        if self.published is None:
            return None
        start = trigger.sent.start
        if start in self.by_sentence:
            dated = self.by_sentence[start]
            trigger = agent_verb(trigger)  # "derailed by a mine": the verb's clause is the mine's
            for d in dated:
                # the trigger is the event counted from, "a day after it shelled", whether "after"
                # heads its clause or hangs from its verb (not "withdrew on Friday, ten days after
                # seizing it", where "after" heads a clause of its own, the seizing, nor "killed ... on
                # Tuesday, two days after an attack", where it counts from a noun)
                # ("four days after civil guards stormed the parliament and held the deputies": the joined verb too)
                joined = [trigger, *([trigger.head] if trigger.dep_ == "conj" else [])]
                if d.clause is not None and (d.clause in {t.i for t in trigger.ancestors} or d.clause in {
                        c.i for verb in joined for c in verb.children if c.dep_ != "prep"}):
                    return own_day_of_clause(trigger.doc[d.clause], dated) or d.clause_when
            told_when = when_clause_date(trigger, dated, self.published)
            if told_when is not None:
                return told_when
            attached = refined([d.when for d in dated if governs(trigger, d.ent.root)]) \
                or refined([d.when for d in dated if governs(trigger, d.ent.root, through_verb=True)])
            if attached:  # "A day earlier, on Saturday, ...": the named day over the counted one
                return sorted(attached, key=lambda r: r.relative)[0]
            own = [d for d in dated if not describes_a_noun(d.ent.root, trigger)]
            if own:
                return min(own, key=lambda d: abs(d.ent.start - trigger.i)).when
        previous = trigger.doc[start - 1].sent.start if start > 0 else None
        if previous in self.by_sentence:
            # "... on Wednesday, ... since the offensive began last month. Fighters attacked at 5 a.m.":
            # the day the sentence before gave, rather than a vaguer date it looked back to
            dated = [d.when for d in self.by_sentence[previous]]
            return next((w for w in reversed(dated) if w.precision == "day"), dated[-1])
        # the story's first date; told only after the sentence, a day the news names by its weekday ("Houthi
        # forces have pushed to within a few kilometres of Marib ... on Monday afternoon"), not a calendar date,
        # as background is told ("The petition was answered to-day ... The trouble began on January 16")
        lead = self.lead if self.lead_at < start or self.lead_named_day else None
        later = self.day_told_before(trigger.sent) if opens_soon_after(trigger.sent) else None
        return self.day_told_in_paragraph(trigger.sent) or later or self.day_of_paragraph_before(trigger.sent) \
            or lead or Resolved(self.published, "day")

    def day_told_before(self, sent: SpacySpan) -> Resolved | None:
        """The last day a sentence before gave, in any paragraph: the day a sentence opening on a count
        of hours on from it happened ("... at dawn on Monday. // About an hour later, the prime minister's
        car was fired on")."""
        starts = [s for s in self.by_sentence if s < sent.start]
        for start in sorted(starts, reverse=True):
            days = [d.when for d in self.by_sentence[start] if d.when.precision == "day"]
            if days:
                return days[-1]
        return None

    def day_of_paragraph_before(self, sent: SpacySpan) -> Resolved | None:
        """The last day the paragraph before a sentence's paragraph gave, for a paragraph that gives none
        before it: "... landed in Male before dawn on Thursday. // The attackers fanned out across the island"."""
        doc = sent.doc
        while not opens_a_paragraph(sent):
            sent = doc[sent.start - 1].sent
        if sent.start == 0:
            return None
        before = doc[sent.start - 1].sent
        while True:  # (not a quotation's day: "\"Our forces have today seized Kidal,\" the colonel said")
            days = [d.when for d in self.by_sentence.get(before.start, []) if d.when.precision == "day"
                    and not in_quotation(d.ent[0])]
            if days:
                return days[-1]
            if opens_a_paragraph(before):
                return None
            before = doc[before.start - 1].sent

    def day_told_in_paragraph(self, sent: SpacySpan) -> Resolved | None:
        """The last day a sentence before in the same paragraph gave: "The assault began on Friday.
        After several hours the garrison withdrew. Twenty-six soldiers were killed" (all Friday)."""
        while not opens_a_paragraph(sent):
            before = sent.doc[sent.start - 1].sent
            days = [d.when for d in self.by_sentence.get(before.start, []) if d.when.precision == "day"]
            if days:
                return days[-1]
            if opens_soon_after(before):  # "About an hour later, the car was fired on. His bodyguards returned fire"
                return self.day_told_before(before)
            sent = before
        return None


def opens_a_paragraph(sent: SpacySpan) -> bool:
    """Whether a sentence opens its paragraph: the text's first, or one after a line break."""
    if sent.start == 0:
        return True
    doc = sent.doc
    gap = doc_text(doc)[doc[sent.start - 1].sent.start_char:sent.start_char]
    return "\n" in gap[len(gap.rstrip()):]


def in_quotation(tok: Token) -> bool:
    """Whether a word stands inside quotation marks of its sentence."""
    return sum(t.text in QUOTE_MARKS for t in tok.sent[:tok.i - tok.sent.start]) % 2 == 1


def refined(dates: list[Resolved]) -> list[Resolved]:
    """The dates less those a day among them falls in: "last week ... on Sunday", "Last month, on 28
    August" tell the day (not "the riots of August 1977 and the burning ... on May 31, 1981")."""
    days = [d.day for d in dates if d.precision == "day"]
    return [d for d in dates if d.precision == "day" or not any(falls_in(day, d) for day in days)]


def falls_in(day: date, period: Resolved) -> bool:
    """Whether a day lies in the week, month or year a date names."""
    if period.precision == "week":
        return 0 <= (day - period.day).days < 7
    return day.year == period.day.year and (period.precision == "year" or day.month == period.day.month)


def opens_soon_after(sent: SpacySpan) -> bool:
    """Whether a sentence opens on a count of hours or minutes on from the last day told, before its first
    comma (`soon_after`: "About an hour later,", "Minutes later,", "Later that morning,")."""
    opening = sent.text.split(",")[0].lower().strip()
    return len(opening.split()) <= 5 and any(opening.endswith(phrase) for phrase in SOON_AFTER)


def own_day_of_clause(after: Token, dated: list[Dated]) -> Resolved | None:
    """A day a counted-from clause names itself: "two days after a train was derailed ... on Thursday"
    happened on Thursday, whatever the count says (not a day of a clause inside it: "a day after troops
    were driven out of the city they had entered on Wednesday")."""
    verb = after.head if after.dep_ == "mark" else next((c for c in after.children if c.dep_ == "pcomp"), after)
    return next((d.when for d in dated if d.clause is None and d.ent.start > after.i and governs(verb, d.ent.root)
                 and d.when.precision == "day" and not d.when.relative), None)


def agent_verb(trigger: Token) -> Token:
    """The passive verb whose doer a noun trigger is ("a goods train was derailed by a mine"), else the trigger."""
    by = trigger.head
    return by.head if trigger.dep_ == "pobj" and by.dep_ == "agent" and by.head.pos_ in ("VERB", "AUX") else trigger


def calendar_date(ent: SpacySpan) -> bool:
    """Whether a date phrase names its day by the calendar ("January 16", "16/1"), not by a weekday or
    a word counted from today ("on Sunday", "yesterday")."""
    return any(t.like_num or month_number(t.text) for t in ent)


def when_clause_date(trigger: Token, dated: list[Dated], published: date) -> Resolved | None:
    """The day a "when" clause describes, for a trigger inside it: "the worst unrest since December
    1986, when food riots left 15 dead" (the riots were in December 1986), "on Monday, when police
    fired tear gas"; not a day counted from another, nor one after publication ("a week after Monday,
    when ...": the clause tells of Monday, which the phrase does not resolve to)."""
    for clause in (trigger, *trigger.ancestors):
        if when_clause(clause):
            d = next((d for d in dated if d.ent.start <= clause.head.i < d.ent.end), None)
            return d.when if d is not None and not d.when.relative and d.when.day <= published else None
    return None


def when_clause(tok: Token) -> bool:
    """Whether a word heads a "when" clause on the date before it: "since December 1986, when ..."."""
    return tok.dep_ == "relcl" and any(c.lower_ == "when" for c in tok.children)


def describes_a_noun(tok: Token, trigger: Token) -> bool:
    """Whether a date stands in a relative clause in the perfect that describes a noun other than
    the trigger, apart from it: "The missile hit the hospital at 7 a.m., starting fires in a wing that
    had been emptied days earlier", or in any relative clause on a noun the trigger does not act on
    ("Protesters rallied, reviving the chant that rang a decade ago"; but "since a truce lapsed last month"
    dates the truce, and "a convoy that was travelling to Gao on Tuesday" is struck that day)."""
    return any(a.dep_ == "relcl" and trigger.i not in (a.i, a.head.i) and trigger not in a.subtree
               and (any(c.dep_ == "aux" and c.lemma_ == "have" for c in a.children) or not acted_on_by(a.head, trigger))
               for a in (tok, *tok.ancestors))


def acted_on_by(noun: Token, trigger: Token) -> bool:
    """Whether a noun is what the trigger (or a verb joined to it) acts on or is done by: "fired into a crowd",
    "students who marched ... were broken up ... and arrested"."""
    verb = noun.head.head if noun.head.dep_ in ("prep", "agent") else noun.head
    return verb.i in {trigger.i, *(c.i for c in trigger.conjuncts)}


def governs(trigger: Token, tok: Token, through_verb: bool = False) -> bool:
    """Whether `tok` hangs from the trigger (or, for a noun trigger, from its head or a participle describing it:
    "the agreement, signed in Geneva on 9 December"; `through_verb`, from its verb: "teams of gunmen and suicide
    bombers killed 129 people on Friday night") within one clause."""
    verb = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None) if through_verb else None
    heads = {trigger.i} | ({trigger.head.i, *([verb.i] if verb is not None else []),
                            *(p.i for p in describing_participles(trigger))}
                           if not trigger.pos_ == "VERB" else set())  # "the agreement, signed on 9 December"
    t = tok
    for _ in range(6):
        if t.i in heads:
            return True
        if t.head.i == t.i or (t.pos_ == "VERB" and t.i != tok.i):
            return False
        t = t.head
    return False


def untagged_counts(sent: SpacySpan) -> list[SpacySpan]:
    """Spans of time counted back from a clause that the model did not tag as dates: "on Friday night,
    a day after Soviet bombers struck the capital" (`counted_*` of words.yaml; not "a day after its
    fall", a noun's time, not a clause's)."""
    doc, words = sent.doc, event_words()
    return [doc[t.i - 2:t.i] for t in sent if t.lower_ in words["counted_preps"] and t.i - 2 >= sent.start
            and heads_a_clause(t) and doc[t.i - 1].lemma_.lower() in words["counted_units"]
            and not doc[t.i - 1].ent_type_
            and (doc[t.i - 2].lower_ in words["counted_counts"] or doc[t.i - 2].like_num)]


def named_day_spans(sent: SpacySpan) -> list[SpacySpan]:
    """Days named for what falls on them (`frontlines.dates.named_days`) that the model tagged as no
    date: "on New Year's Day" (an event to it), "On Boxing Day"."""
    _, pattern = named_days()
    text = sent.text.lower().replace("’", "'")
    spans = (sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
             for m in pattern.finditer(text))
    return [s for s in spans if s is not None]


def names_a_day_for_a_noun(span: SpacySpan) -> bool:
    """Whether a day's name modifies a noun after it or is what its clause tells of: "a May Day rally"
    says what the rally was, "May Day is traditionally marked by rallies" what the day is, not when the
    sentence's news happened."""
    return (span.root.dep_ in ("compound", "nmod", "amod") and span.root.head.i >= span.end) \
        or span.root.dep_ in ("nsubj", "nsubjpass")


def heads_a_clause(word: Token) -> bool:
    """Whether "after" or "before" opens a clause ("after the rebels seized it"), not a noun ("after its fall")."""
    return word.dep_ == "mark" or any(c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX") for c in word.children)


def counted_clause(ent: SpacySpan, sent: SpacySpan) -> Token | None:
    """The "after" or "before" that a counted span introduces: "two days after their fighters crossed"."""
    doc = ent.doc
    nxt = doc[ent.end] if ent.end < sent.end else None
    if nxt is None or nxt.lower_ not in ("after", "before") or nxt.i + 1 >= sent.end or doc[nxt.i + 1].is_punct:
        return None  # "The night before, police arrested ...": no clause counted from
    return nxt


def sentence_dates(sent: SpacySpan, published: date, anchor: Resolved | None) -> list[Dated]:
    """Every date a sentence gives, in order, each resolved against the one before it.
    The word before a date counts ("until 2009", "in May"); "since ..." starts a duration."""
    out: list[Dated] = []
    doc = sent.doc
    spans = [part for e in sentence_ents(sent) if e.label_ in ("DATE", "TIME") or day_of_the_month(e)
             for part in comma_parts(e)]
    starts = {e.start for e in spans}
    # "On Thursday, 17 March, shells fell", "On the evening of Wednesday, 12 October": the weekday the recogniser
    # cut from its calendar date is that date's
    spans = [e for e in spans if not (e[-1].lower_ in WEEKDAYS and e.end + 1 in starts
                                      and doc[e.end].text == "," and calendar_date_at(doc[e.end + 1]))
             # "on the night of Tuesday 4 October": the night is the date's
             and not (e.label_ == "TIME" and ((e.end + 1 in starts and doc[e.end].lower_ == "of")
                                              or (e[-1].lower_ == "of" and e.end in starts)))]
    named = named_day_spans(sent)
    spans = [e for e in spans if not (names_a_day_for_a_noun(e) and any(d.start == e.start and d.end == e.end
                                                                        for d in named))]
    tagged = {i for e in spans for i in range(e.start, e.end)}
    named = [d for d in named if not tagged.intersection(range(d.start, d.end)) and not names_a_day_for_a_noun(d)]
    for ent in sorted([*spans, *untagged_counts(sent), *named], key=lambda e: e.start):
        before = doc[ent.start - 1] if ent.start > sent.start else None
        if (before is not None and before.lower_ == "since" or ent[0].lower_ == "since") \
                and not any(when_clause(c) for t in ent for c in t.children):
            continue  # a duration's start, unless a "when" clause tells what happened then
        text = doc[max(sent.start, ent.start - 1):min(ent.end + 2, sent.end)].text
        found = resolve_anchored(text, anchor.day, vague=bool(out)) if anchor is not None else None
        clause = counted_clause(ent, sent)
        if found is not None and clause is not None:
            # "The attack came a day after RSF artillery shelled the camp": the main clause is at
            # the date the story gave last; what follows "after" happened that much earlier
            gap = found.day - anchor.day
            out.append(Dated(ent, Resolved(anchor.day, anchor.precision, True), clause.i,
                             Resolved(anchor.day - gap, anchor.precision, True)))
            continue
        if found is None and anchor is not None and (THAT_YEAR.search(text) or (
                out and anchor.day.year < published.year and names_a_month_only(ent)
                and counts_on(doc[out[0].ent.end:ent.start]))):
            # "in June of that year": the month in the year the story gave last; so is a month the
            # sentence counts on to from a dated day: "On 1 March 2009 ...; hours later, on 2 March"
            # (not "the siege began on 20 July 2012; the offensive began on 2 October")
            found = resolve_phrase(text, date(anchor.day.year, 12, 31))
        found = found or resolve_phrase(text, published)
        if found is not None:
            out.append(Dated(ent, found))
            anchor = found
    return out or unnamed_day(sent, anchor)


def day_of_the_month(ent: SpacySpan) -> bool:
    """Whether an ordinal the model tags as no date is a day of the month: "landed ... on the 7th"."""
    doc = ent.doc
    return ent.label_ == "ORDINAL" and ent.start >= 2 and doc[ent.start - 1].lower_ == "the" \
        and doc[ent.start - 2].lower_ in ("on", "since", "until", "by") and ent[-1].text[:1].isdigit()


def comma_parts(ent: SpacySpan) -> list[SpacySpan]:
    """A date entity cut at its commas, each part a date of its own: the recogniser joins "on
    Saturday, three days after the rebels seized it" into one entity.  A comma before a calendar
    date or a year joins ("Thursday, Feb. 27, 2014", "Saturday, 12 April")."""
    cuts = [t.i for t in ent if t.text == "," and not (t.i + 1 < ent.end and calendar_date_at(t.nbor()))]
    bounds = [ent.start, *cuts, ent.end]
    parts = [ent.doc[a + (a in cuts):b] for a, b in zip(bounds, bounds[1:])]
    return [p for p in parts if len(p)] if cuts else [ent]


def calendar_date_at(tok: Token) -> bool:
    """Whether a calendar date or a year starts at a token: "Feb. 27", "12 April", "2014" (not "10 days")."""
    after = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    return bool(month_number(tok.text.rstrip("."))) or (tok.text.isdigit() and (
        len(tok.text) == 4 or (after is not None and bool(month_number(after.text.rstrip("."))))))


def names_a_month_only(ent: SpacySpan) -> bool:
    """Whether a date names a month (and a day) but no year: "2 March", "early March".  A month
    is a month's full name or an abbreviation of at most four letters ("Sept"), not any word that
    starts like one ("decade", "junior")."""
    return any(month_number(t.text) for t in ent if t.is_alpha and (len(t) <= 4 or t.lower_ in MONTHS)) and not any(
        t.like_num and len(t.text) == 4 for t in ent)


def told_with_a_year(sent: SpacySpan) -> bool:
    """Whether a sentence dates something by its year ("Mosul was taken in 2014")."""
    return any(t.ent_type_ == "DATE" and t.like_num and len(t.text) == 4 for t in sent)


def counts_on(words: SpacySpan) -> bool:
    """Whether the words between two dates count on from the first ("hours later", "the next day")."""
    return any(t.lower_ in COUNTING_ON for t in words)


def unnamed_day(sent: SpacySpan, anchor: Resolved | None) -> list[Dated]:
    """A day the sentence counts from the one the story gave last in words the entity recogniser
    does not tag as a date: "That night his house was ransacked", "The same day, police arrested"."""
    if anchor is None:
        return []
    written = doc_text(sent.doc)[sent.start_char:sent.end_char]  # the sentence's text, not joined anew
    text = written.lower()
    if len(text) != len(written):  # (lower-casing may change a text's length)
        return []
    found = ANCHORED.search(text)
    if found is None:
        return []
    span = sent.doc.char_span(sent.start_char + found.start(), sent.start_char + found.end(), alignment_mode="expand")
    when = resolve_anchored(span.text, anchor.day, vague=False)
    return [Dated(span, when)] if when is not None else []
