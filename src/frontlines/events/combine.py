"""The trigger rules and the sentence classifier together, as `settings.yaml` says.

In `rules+model`, a trigger event takes the classifier's probability of its sub-type as its
confidence.  In a brief (a text of a few sentences, like those the classifier learned from)
the classifier re-types a trigger event when it is sure and the rules' sub-type unlikely ("two
rifles were seized" is not a capture), and drops one it is sure is no event; events coded at a
coarse place, in a text where no trigger could be coded with a town and a fitting actor, it
judges more freely.  A sentence the rules code nothing in becomes an event when the
classifier is confident, with actors, place, date and factuality read by the same rule code
from its main verb.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from frontlines.events.arguments import Index
from frontlines.events.classify import NONE, classify
from frontlines.events.code import armed_on_both_sides, code_event, label_targets_civilians
from frontlines.events.merge import TAKING, TRANSFER
from frontlines.events.triggers import (Family, Trigger, event_words, lexicon, lexicon_words, ruled_out,
                                       ruled_out_by_exception, senses)
from frontlines.events.when import DateTracker
from frontlines.model import Event
from frontlines.nlp import token_array
from frontlines.settings import EventSettings

# Verbs that report another clause: the event is the clause ("police said gunmen killed four").
REPORTING = event_words()["reporting"]
# The event types that are violence: a verb that can mean only a protest tells none of them.
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
MIN_WORDS = 4  # "Deadly grenade blast at Bujumbura bar" has six
MEASURES, NATURE = frozenset(event_words()["measures"]), frozenset(event_words()["nature"])


def family_for(label: str) -> Family:
    """The trigger family that codes a sub-type: the two capture sub-types are one family
    (the actors decide between them), the protest sub-types the protest family's."""
    families = lexicon().families
    if label in TAKING:
        return families["capture"]
    found = next((f for f in families.values() if f.sub_event_type == label), None)
    if found is None:
        raise ValueError(f"events/data/triggers.yaml has no family for the classifier's label {label!r}; add one")
    return found


def main_verb(sent: Span) -> Token:
    """The verb a sentence is about, through a reporting verb to what it reports (past a dateline the
    parser made the root: "KHAN YOUNIS, Gaza — Hamas handed over ...")."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        root = next((t for t in sent if t.pos_ == "VERB"), root)
    for _ in range(2):
        if root.lemma_.lower() not in REPORTING:
            break
        clause = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")), None)
        if clause is None:
            break
        root = clause
    return root


def wordy(sent: Span) -> bool:
    """Whether a sentence has words enough to report an event (not a blanked page line, "00000·0")."""
    return int(token_array(sent.doc, "IS_ALPHA")[sent.start:sent.end].sum()) >= MIN_WORDS


def own_place_and_actor(sent: Span, index: Index) -> bool:
    """Whether a sentence names a town (or site) and an actor of its own."""
    towns = any(index.places[index.place_at[t.i]].feature in ("city", "site") for t in sent if t.i in index.place_at)
    return towns and any(t.i in index.actor_at for t in sent)


def told_of_earlier_years(sent: Span, dates: DateTracker) -> bool:
    """Whether every date a sentence gives is of a year before publication ("The battle of
    Stalingrad, which ended in February 1943, cost ..."): history, whatever the classifier reads."""
    given = [d.when.day for d in dates.by_sentence.get(sent.start, [])]
    return bool(given) and dates.published is not None and all(day.year < dates.published.year for day in given)


def names_anything(sent: Span, index: Index) -> bool:
    """Whether a sentence names a place or an actor ("The account could not be confirmed" names
    neither: whatever the classifier makes of it, it tells of no event)."""
    return any(t.i in index.place_at or t.i in index.actor_at for t in sent)


def event_types_allowed(event: Event, sentence_triggers: list[Trigger]) -> frozenset[str]:
    """The ACLED event types the classifier may re-type a trigger event into: its own (Battles ->
    a Battles sub-type), and, when the sentence's triggers are torn between event types ("fired
    tear gas" and "killed" in one sentence), theirs too."""
    torn = {t.family.event_type for t in sentence_triggers}
    return frozenset({event.event_type, *torn}) if len(torn) > 1 else frozenset({event.event_type})


def lexicon_ruled_out(sent: Span) -> bool:
    """Whether a word of the lexicon in a sentence was read and ruled out by an exception of its
    own ("Bandits seized two soldiers": people are no ground taken): the lexicon is not silent there."""
    return any(ruled_out_by_exception(t) for t in lexicon_words(sent))


def tells_a_measure_or_nature(verb: Token) -> bool:
    """Whether a sentence's main verb tells of a measure (what it declares or imposes, `measures`: "a curfew was
    imposed", "declared a state of emergency") or of a force of nature that did it (`nature`: "floods hit the
    district"), whose head it names, not a word within ("rebels fleeing the floods hit an army post")."""
    done_to = {t.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree}
    doers = {w for c in verb.children if c.dep_ == "nsubj" for w in (c.lemma_.lower(), c.lower_.removesuffix("s"))}
    # (a plural opening a text after its dateline may be tagged a name, unlemmatised: "DHAKA - Floods hit")
    return bool(done_to & MEASURES) or bool(doers & NATURE)


def verb_event_types(verb: Token) -> set[str]:
    """The event types a lexicon verb can mean, whatever its senses needed: where it can mean only a
    protest ("gathered"), a classifier may not make the sentence it heads violence (but "gunmen strafed
    a bar" may be an attack, though only aircraft strafe in the lexicon, and "gunmen stopped a bus ...
    leaving 28 dead" one though stopping is no violence)."""
    lex = lexicon()
    specs = lex.verbs.get(verb.lemma_.lower(), []) if verb.pos_ == "VERB" else []
    return {lex.families[spec["family"]].event_type for spec in senses(specs)}


def top_label(probs: dict[str, float]) -> tuple[str, float]:
    """The likeliest label that is an event, and its probability."""
    label = max((k for k in probs if k != NONE), key=probs.get, default=NONE)
    return label, probs.get(label, 0.0)


def retype(event: Event, probs: dict[str, float], config: EventSettings, coarse: bool = False,
           allowed: frozenset[str] | None = None, taking_told: bool = False, both_armed: bool = False) -> None:
    """Take the classifier's sub-type when it is sure and the rules' choice unlikely (for a
    coarse event, whenever it is fairly sure and likelier), and, when `allowed` is given, of one of
    those event types; the event's confidence becomes the probability of its sub-type.
    `taking_told`: the rules coded a taking of a place in the event's sentence; `both_armed`: both its
    sides are armed, so no violence against civilians."""
    label, p = top_label(probs)
    own = probs.get(event.sub_event_type, 0.0)
    # who took a place from whom, and whether by a fight, is the rules' to say (the actors decide it);
    # and a fight told beside a taking is its fighting, no second taking ("captured Sake after heavy
    # fighting with the army" would have the army take it too)
    territory = {*TAKING, TRANSFER}
    territorial = {event.sub_event_type, label} <= territory or (label in territory and taking_told)
    sure = p >= config.coarse_retype_min and p > own if coarse else \
        p >= config.retype_min and own < config.retype_rule_max
    bounded = (allowed is not None and label != NONE and family_for(label).event_type not in allowed) \
        or (both_armed and label_targets_civilians(label))
    if label != event.sub_event_type and sure and not territorial and not bounded:
        family = family_for(label)
        event.event_type, event.sub_event_type, event.plover = family.event_type, label, family.plover
        own = p
    event.confidence = round(own, 3)


def combine(events: list[Event], sentences: list[Span], triggers: list[Trigger], index: Index,
            dates: DateTracker, config: EventSettings, coarse: bool = False) -> list[Event]:
    """The rule events, re-typed and given confidences, and the classifier's events for the
    sentences the lexicon is silent on (no trigger word at all).  Only the sentences whose
    answer can change the report are classified: those of the rule events, and the silent
    ones that may become events.  In a brief (`brief_max_sentences`) the classifier re-types
    or drops the rule events it is sure of; `coarse` events (a text where no trigger could be
    coded with a town and a fitting actor) it judges more freely."""
    if config.mode == "rules" or not sentences:
        return events
    brief = coarse or len(sentences) <= config.brief_max_sentences
    of_event = {}
    for e in events:  # by where its evidence ends: it may open with a dateline the parser split off ("KABUL -")
        n = next((n for n, s in enumerate(sentences) if s.start_char < e.evidence.end <= s.end_char), None)
        if n is not None:
            of_event.setdefault(n, []).append(e)
    spoken = sorted(t.token.idx for t in triggers)
    silent = [n for n, s in enumerate(sentences) if n not in of_event and wordy(s)
              and not any(s.start_char <= i < s.end_char for i in spoken)
              and (own_place_and_actor(s, index) if events and not coarse else names_anything(s, index))
              and not (config.new_event_where == "lexicon_silent" and lexicon_ruled_out(s))]
    # beside rule events a sentence must say where and who; alone, at least one of them
    asked = sorted([*of_event, *silent])
    probs = dict(zip(asked, classify([sentences[n] for n in asked])))
    dropped = set()
    for n, coded in of_event.items():
        for e in coded:
            if not brief:
                e.confidence = round(probs[n].get(e.sub_event_type, 0.0), 3)
                continue
            if probs[n].get(NONE, 0.0) >= (config.coarse_drop_none_min if coarse else config.drop_none_min):
                dropped.add(id(e))
            told = [t for t in triggers if sentences[n].start_char <= t.token.idx < sentences[n].end_char]
            allowed = event_types_allowed(e, told) if config.retype_into == "same_type" else None
            taking_told = any(x.sub_event_type in (*TAKING, TRANSFER) for x in coded if x is not e)
            retype(e, probs[n], config, coarse, allowed, taking_told,
                   armed_on_both_sides(e.actor1, e.actor2, index))
    out = [e for e in events if id(e) not in dropped]
    floor = config.new_event_beside_rules if events and not coarse else config.new_event_min
    for n in silent:
        label, p = top_label(probs[n])
        if label == NONE or p < floor or probs[n].get(NONE, 0.0) > p or told_of_earlier_years(sentences[n], dates):
            continue
        verb = main_verb(sentences[n])
        if tells_a_measure_or_nature(verb):
            continue  # "a curfew was imposed", "floods hit the district": no event
        if family_for(label).sub_event_type in {lexicon().families[f].sub_event_type for f in ruled_out(verb)}:
            continue  # "handed over the bodies of four hostages": no transfer, by whichever family
        known = verb_event_types(verb)
        if known == {"Protests"} and family_for(label).event_type in VIOLENT:
            continue  # "a crowd gathered at the square": a gathering, if anything, not mob violence
        trigger = Trigger(verb, family_for(label), verb.pos_ in ("VERB", "AUX"))
        for event in code_event(trigger, index, dates, label=label):
            event.confidence = round(p, 3)
            if label_targets_civilians(event.sub_event_type) \
                    and armed_on_both_sides(event.actor1, event.actor2, index):
                clash = family_for("Armed clash")  # two armed sides fought: "soldiers beat back a rebel column"
                event.event_type, event.sub_event_type, event.plover = clash.event_type, "Armed clash", clash.plover
            out.append(event)
    return sorted(out, key=lambda e: e.evidence.start)
