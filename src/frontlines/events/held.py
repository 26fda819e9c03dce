"""Captures told as a hold that is new: "the Palace of Justice was back in army hands on
Thursday", "Narvik was in Allied hands again", "government forces were back in control of
Rushan".  The place changed hands: the holder took it, on the day its clause gives.

A hold a text only describes is no capture ("the city remains in rebel hands", "the town was
still under army control", "the district had been in Taliban hands since 2015"), nor order
restored over a crowd where no armed foe is told ("troops were back in control of the streets
after the riots").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from frontlines.events.arguments import ARMED_KINDS, Index, sentence_evidence
from frontlines.events.crowds import CROWDS
from frontlines.events.code import is_background_state, of_an_earlier_year, other_side, territory_type
from frontlines.events.factuality import factuality
from frontlines.events.triggers import Trigger, event_words, lexicon
from frontlines.events.when import DateTracker
from frontlines.model import HAPPENED, Event

POLICE = "Police Forces"  # "the bridge was back under police control by midday": a road cleared
HOLDING_VERBS = frozenset({"be", "come"})  # "was back in army hands", "came back under Ukrainian control"


def holds_taken(doc: Doc, index: Index, dates: DateTracker) -> list[Event]:
    """The captures a document tells as holds that are new (see the module's docstring)."""
    from frontlines.control import holdings  # control reads the events' arguments: imported here, not on top

    capture = lexicon().families["capture"]
    events = []
    for place, holder, _, noun in holdings(doc, index):
        verb = clause_verb(noun)
        taker = index.actors.get(holder or "")
        if taker is None or taker.kind not in ARMED_KINDS or taker.name.startswith(POLICE) or not new_hold(noun, verb):
            continue
        trigger = Trigger(verb, capture, True)
        if is_background_state(trigger, index, published=dates.published) or of_an_earlier_year(verb, dates) \
                or factuality(verb) not in HAPPENED:
            continue
        foe = other_side(taker, index)
        if foe is None and any(a.kind in CROWDS for a in index.actors.values()):
            continue  # "troops were back in control of the streets after two days of rioting": order restored
        when = dates.for_trigger(verb)
        events.append(Event(
            id="", event_type="Battles", plover=capture.plover, actor1=holder, actor2=foe, place=place,
            sub_event_type=territory_type(taker, index.actors.get(foe or ""), index.places.get(place)),
            date=when.day.isoformat() if when else None, date_precision=when.precision if when else "day",
            factuality=factuality(verb), confidence=0.5, evidence=sentence_evidence(noun)))
    return events


def clause_verb(noun: Token) -> Token:
    """The verb a holding phrase hangs from, past the adverbs between ("were back in control of")."""
    verb = noun.head.head
    while verb.pos_ == "ADV" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def new_hold(noun: Token, verb: Token) -> bool:
    """Whether a holding phrase tells a hold that began then: its verb is "be" or "come" in the
    past, not in a condition or a question, with no word that says the hold went on ("still",
    "remained", "had been"), and the clause says the hold is back ("back", "again").  A day alone
    does not make one: "soldiers were in control of Tivoli Gardens on Wednesday, two days after
    they stormed it" dates the hold, and the capture was the storming's."""
    if verb.lemma_.lower() not in HOLDING_VERBS or verb.tag_ not in ("VBD", "VBN", "VBG") or any(
            c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in verb.children):
        return False  # "If Bara were back in army hands", "unclear whether it was back in army hands"
    between = [t for t in noun.ancestors if t.i != verb.i and verb.is_ancestor(t)] + [verb]
    words = {c.lower_ for t in between for c in t.children if c.dep_ in ("advmod", "aux", "neg")} | {
        t.lower_ for t in between}
    if words & event_words()["lasting_holds"] or any(c.lemma_ == "have" for c in verb.children if c.dep_ == "aux"):
        return False
    return bool(words & {"back", "again"})
