"""Events: triggers, their arguments, factuality and date, coded in the ACLED taxonomy.

One event per type, place, day and actor pair (ACLED's rule): later sentences
that report the same event add nothing but the fields the first one lacked.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from datetime import date

from spacy.tokens import Doc, Token

from frontlines.actors import NON_STATE_ARMED, crowd_name, police_heads, unidentified_name
from frontlines.events.arguments import ARMED_KINDS, Index
from frontlines.events.code import UNNAMED_KILLERS, UNNAMED_PERPETRATOR, a_speaker, code_event
from frontlines.events.held import holds_taken
from frontlines.events.crowds import CROWD_DOERS, CROWD_KINDS, LETHAL_WORDS, crowd_just_seen
from frontlines.events.combine import combine
from frontlines.events.merge import (SEPARATELY, TAKING, TRANSFER, merge, strike_damage, subsume_parts,
                                     transfers_in_one_sentence)
from frontlines.events.triggers import (ARMED_NOUNS, Trigger, event_words, find_triggers, lexicon, phrasal_lemma,
                                        word_lemma)
from frontlines.events.when import DateTracker
from frontlines.events.where import SEPARATELY
from frontlines.model import HAPPENED, Actor, Event, Quantity
from frontlines.nlp import doc_text, tokens_lemmatised
from frontlines.settings import settings

OPPOSING = event_words()["opposing"]
# The sub-types of attacks whose doer ACLED codes as unidentified when the text names none.
UNNAMED_DOERS = frozenset(lexicon().families[f].sub_event_type for f in UNNAMED_PERPETRATOR)
CROWD_DONE = frozenset({"Looting/property destruction", "Attack"})  # what a crowd, too, may do
UNIDENTIFIED = unidentified_name("")
REMOTE = frozenset({"Shelling/artillery/missile attack", "Air/drone strike"})  # fired from afar
WAR_TYPES = frozenset({"Battles", "Explosions/Remote violence"})  # what a state's forces do to another's land
# Trigger families whose dead are often counted in the sentence after ("Jets struck the market. Two
# herders were killed")
TOLLED_AFTER = ("air", "shelling", "explosive", "suicide")
# Trigger families whose events have armed men killed beside them as their dead (not an arrest's,
# an abduction's or a looting's: "killed 14 soldiers and burned a village" is a fight and a burning)
ABSORBING = (*TOLLED_AFTER, "grenade", "chemical", "clash", "civilians", "capture")
ARMED_KILLERS = frozenset(event_words()["armed_killers"])
TOLL_NOUNS = frozenset(event_words()["toll_nouns"])
LINK_LINES = tuple(event_words()["link_lines"])


def find_events(doc: Doc, index: Index, published: str | None, quantities: list[Quantity],
                body_start: int = 0) -> list[Event]:
    """The events of a parsed document, from its body (the headline repeats them)."""
    config = settings()
    dates = DateTracker(doc, date.fromisoformat(published) if published else None)
    events = []
    found = find_triggers(doc) if config.mode != "model" else []
    found_at = positions(found)
    triggers = [t for t in found if not dead_not_in_a_fight(t, found_at, index)]
    at = positions(triggers)
    for trigger in triggers:
        if trigger.token.idx < body_start or part_of_another(trigger, at, index) or in_a_link_line(trigger.token):
            continue
        events.extend(code_event(trigger, index, dates))
    events.extend(e for e in holds_taken(doc, index, dates) if e.evidence.start >= body_start)
    # a brief or a snippet, in which nothing that happened could be coded: its event may name no town,
    # or no actor ("... after police called on them to surrender" is no event that happened)
    coarse = not any(e.factuality in HAPPENED for e in events)
    if coarse:
        events = [e for e in events if e.factuality not in HAPPENED]
        for trigger in triggers:
            if trigger.token.idx >= body_start and not part_of_another(trigger, at, index):
                events.extend(e for e in code_event(trigger, index, dates, coarse=True) if e.factuality in HAPPENED)
    body = [s for s in doc.sents if s.start_char >= body_start and not in_a_link_line(s[0])]
    # a sentence whose trigger the rules set aside ("a soldier was killed by an elephant") is not silent:
    # the classifier does not code it either
    events = combine(events, body, found, index, dates, config, coarse)
    for event in events:
        event.fatalities = fatalities(event, quantities)
    deny_previous_claims(doc, events)
    events = crowds_of_their_place(transfers_in_one_sentence(crowd_as_actor1(strike_damage(events), index)), index)
    text = doc_text(doc)
    merged = subsume_parts(merge(events, index, text), index, text)
    return parties_to_agreements(unidentified_doers(police_who_arrested(merged, index), doc, index), index)


def positions(triggers: list[Trigger]) -> dict[str, set[int]]:
    """The triggers' token positions: all of them under "", and per family."""
    at: dict[str, set[int]] = {"": {t.token.i for t in triggers}}
    for t in triggers:
        at.setdefault(t.family.name, set()).add(t.token.i)
    return at


def crowd_as_actor1(events: list[Event], index: Index) -> list[Event]:
    """A protest with intervention is the crowd's event, the force its second actor (ACLED's
    order), also when the classifier re-typed an arrest as one ("Police arrested 53 people at a
    peaceful demonstration"): so it joins the protest its sentence tells."""
    for e in events:
        doer = index.actors.get(e.actor1 or "")
        if e.sub_event_type == "Protest with intervention" and doer is not None and doer.kind == "state_forces":
            e.actor1, e.actor2 = index.crowd(), e.actor1
    return events


def crowds_of_their_place(events: list[Event], index: Index) -> list[Event]:
    """A crowd the text does not name where it is, given the story's country, is of its event's place's
    country, as ACLED names crowds: "Protesters (Argentina)" in Buenos Aires in a story from Stanley."""
    for e in events:
        place = index.places.get(e.place or "")
        code = place.country_code if place is not None and place.feature != "country" else None
        if code is None or code == index.country:
            continue
        for side in ("actor1", "actor2"):
            actor = index.actors.get(getattr(e, side) or "")
            if actor is not None and actor.kind in CROWD_KINDS \
                    and actor.name == crowd_name(actor.kind, index.country_name(index.country)):
                setattr(e, side, index.crowd(actor.kind, code))
    return events


def unidentified_doers(events: list[Event], doc: Doc, index: Index) -> list[Event]:
    """Attacks that name no one who made them ("a grenade was thrown at a police patrol") were made
    by ACLED's "Unidentified Armed Group" of the place's country, and shells or missiles by the
    foreign state at war there (`invader`); filled after merging, as the police who arrested are.
    Looting and killing beside a crowd, or by people a crowd is made of ("opposition supporters set
    fire to ..."), are the crowd's to code, not an armed group's.  A fight with a state's forces whose
    other side is not named ("two policemen were killed near Gao") is with such a group too."""
    for e in events:
        if e.sub_event_type == "Armed clash" and e.actor1 is None and e.actor2 is not None and e.place is not None:
            # "two policemen were killed near Gao": a fight with men the text does not name, the story's
            # armed group where the state's forces are the side hit
            state_hit = index.actors[e.actor2].kind == "state_forces"
            e.actor1 = (index.main_armed if state_hit else None) or index.unidentified(index.places[e.place].country_code)
            continue
        if e.sub_event_type == "Disrupted weapons use" and e.actor1 is None and e.place is not None:
            # "a cache of rifles was found near the track": weapons kept from use by the state's forces,
            # its police where the sentence names them
            code = index.places[e.place].country_code
            police = any(w.lower().strip(".,;:") in police_heads() for w in e.evidence.text.split())
            e.actor1 = (index.police(code) if police else index.state(code)) if code else None
            continue
        if e.sub_event_type not in UNNAMED_DOERS or not (e.actor1 is None or unidentified(e.actor1, index)):
            continue
        country = index.places[e.place].country_code if e.place else None
        foreign = invader(events, index, country) or enemy_state(events, doc, index, country) \
            if e.sub_event_type in REMOTE else None
        if foreign:
            e.actor1 = foreign
            continue
        if e.actor1 is not None:  # an unidentified group of the place's country, not the story's
            e.actor1 = index.unidentified(country) if country else e.actor1
            continue
        first = doc.char_span(e.evidence.start, e.evidence.end, alignment_mode="expand")[0]
        if not (e.sub_event_type in CROWD_DONE and (crowd_just_seen(first, index) or any(
                word_lemma(t) in CROWD_DOERS for t in first.sent))):
            e.actor1 = index.unidentified(country)
    return events


def unidentified(actor: str, index: Index) -> bool:
    """Whether an actor is an "Unidentified Armed Group"."""
    return index.actors[actor].name.startswith(UNIDENTIFIED)


def invader(events: list[Event], index: Index, country: str | None) -> str | None:
    """The foreign state whose forces the story has acting in `country` ("Russian forces took
    Avdiivka"), the most often if several: in a war between states, shells and missiles that fall
    on a town with no one named fired them ("A missile struck an apartment block in Selydove")."""
    if country is None:
        return None
    places, actors = index.places, index.actors
    acting = Counter(e.actor1 for e in events if e.actor1 and e.place and places[e.place].country_code == country
                     and actors[e.actor1].kind == "state_forces" and actors[e.actor1].country_code not in (None, country)
                     and fights_the_state(e, country, index))
    ranked = acting.most_common(2)
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None


def enemy_state(events: list[Event], doc: Doc, index: Index, country: str | None) -> str | None:
    """The forces of the one state the country's own forces strike in its land, or that strike the
    country's forces: in a war between states fought across a border ("Indian missiles struck nine
    sites in Pakistan ... Shells slammed into Poonch"), the other side fired what fell with no one
    named."""
    if country is None:
        return None
    places, actors = index.places, index.actors
    enemies = Counter()
    for e in events:
        doer, other = actors.get(e.actor1 or ""), actors.get(e.actor2 or "")
        where = places[e.place].country_code if e.place else None
        if doer is not None and doer.kind == "state_forces" and doer.country_code == country \
                and where not in (None, country) and e.event_type in WAR_TYPES and not on_armed_men(e, other, doc, index):
            enemies[where] += 1  # its forces struck the other state's land there (not militants' hideouts in it)
        if doer is not None and doer.kind == "state_forces" and doer.country_code not in (None, country) \
                and other is not None and other.kind == "state_forces" and other.country_code == country:
            enemies[doer.country_code] += 1  # that state's forces fought its forces
    ranked = enemies.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return index.state(ranked[0][0])


def on_armed_men(event: Event, target: Actor | None, doc: Doc, index: Index) -> bool:
    """Whether a strike abroad was on armed men of no state: its second side is such a group, or, when
    the text names none, its sentence names one or their kind ("struck militant hideouts in Khost")."""
    if target is not None:
        return target.kind in NON_STATE_ARMED
    start, end = event.evidence.start, event.evidence.end
    named = any(a.kind in NON_STATE_ARMED and any(start <= m.start < end for m in a.mentions)
                for a in index.actors.values())
    told = doc.char_span(start, end, alignment_mode="expand")
    return named or any(t.lemma_.lower() in ARMED_NOUNS for t in told)


def fights_the_state(event: Event, country: str, index: Index) -> bool:
    """Whether a foreign force's event is against the country's own state ("Russian forces took
    Avdiivka from Ukrainian troops"), or takes its ground from no one named; not an ally's fight
    beside it ("French soldiers killed 20 jihadists near Menaka")."""
    other = index.actors.get(event.actor2 or "")
    if other is None:
        return event.sub_event_type in TAKING or event.sub_event_type == TRANSFER
    return other.kind == "state_forces" and other.country_code == country


def parties_to_agreements(events: list[Event], index: Index) -> list[Event]:
    """A truce or deal whose sentence names no party ("A ceasefire was signed in Batken") was made by
    the sides of the other events in its country, else, when they are fewer than two (talks held
    abroad: "a ceasefire agreed in Moscow"), by the story's: the named actors most involved first."""
    for e in events:
        if e.sub_event_type != "Agreement" or e.actor1 is not None:
            continue
        country = index.places[e.place].country_code if e.place else None
        ranked = story_sides(events, index, country)
        if len(ranked) < 2:
            ranked = story_sides(events, index)
        if ranked:
            e.actor1 = ranked[0]
            e.actor2 = e.actor2 or (ranked[1] if len(ranked) > 1 else None)
    return events


def story_sides(events: list[Event], index: Index, country: str | None = None) -> list[str]:
    """The two named armed or political actors most involved in the events (of a country, if given),
    most first."""
    sides = Counter(a for x in events if x.sub_event_type != "Agreement" and (
        country is None or x.place and index.places[x.place].country_code == country)
        for a in (x.actor1, x.actor2) if a and not unidentified(a, index)  # no deal with a group nobody named
        and index.actors[a].kind not in ("civilians", "protesters", "rioters"))  # nor with the people it hurt
    return [a for a, _ in sides.most_common(2)]


def police_who_arrested(events: list[Event], index: Index) -> list[Event]:
    """Arrests that name no one who made them ("2,839 soldiers were detained") were made by the
    police of the place's country, as ACLED codes them; filled after merging, so that such a
    sentence still joins the arrests another names."""
    for e in events:
        if e.sub_event_type == "Arrests" and e.actor1 is None:
            e.actor1 = index.police(index.places[e.place].country_code if e.place else None)
    return events


def deny_previous_claims(doc: Doc, events: list[Event]) -> None:
    """"ISWAP said its fighters had overrun an army position in Damboa. The army denied the
    claim": a claim the next sentence denies did not happen as far as the report can tell."""
    from frontlines.events.factuality import DENIALS

    sentences = list(doc.sents)
    starts = [s.start for s in sentences]
    for t in tokens_lemmatised(doc, DENIALS):
        n = bisect_right(starts, t.i) - 1
        if n < 1 or not denies_the_claim(t):
            continue
        before = sentences[n - 1]
        for e in events:
            if before.start_char <= e.evidence.start < before.end_char and e.factuality == "reported":
                e.factuality = "negated"


def denies_the_claim(denial: Token) -> bool:
    """"The army denied the claim": a denial whose object is a claim pointed back to."""
    from frontlines.events.factuality import CLAIMS

    return any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIMS and any(d.lower_ in ("the", "this", "that", "these")
                                                                       for d in c.children)
               for c in denial.children)


def in_a_link_line(tok: Token) -> bool:
    """Whether a word is on a line of links to other stories (`link_lines` of words.yaml)."""
    text = doc_text(tok.doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    return text[start:tok.idx + 1].lstrip().lower().startswith(LINK_LINES)


def part_of_another(trigger: Trigger, at: dict[str, set[int]], index: Index) -> bool:
    """Whether a trigger only tells more of another trigger's event."""
    return elaborates(trigger, at) or made_safe(trigger, at) or fought_with(trigger, at) or carried(trigger) \
        or in_a_controlled_explosion(trigger) or fired_from_the_air(trigger, at) \
        or a_toll_of(trigger, at) or toll_after_a_strike(trigger, at, index)


def dead_not_in_a_fight(trigger: Trigger, at: dict[str, set[int]], index: Index) -> bool:
    """Armed men killed are a fight of their own (kill's clash sense) only when no attack of their
    sentence has them as its dead ("a missile struck a barracks, killing four soldiers", "Four soldiers
    were killed in the barrage"), nor one of the sentence before when they have no killer and no place
    of their own ("A policeman on duty at the gates was killed"), nothing else in the sentence says how
    they died ("when their truck overturned"), and whoever killed them, if named, is armed (not
    "killed by an elephant", "robbers killed a security guard")."""
    verb = trigger.token
    if trigger.family.name != "clash" or not trigger.is_verb or verb.lemma_.lower() not in LETHAL_WORDS:
        return False
    sent = verb.sent
    if any(sent.start <= i < sent.end and i != verb.i for f in ABSORBING for i in at.get(f, ())) or any(
            t.lemma_.lower() in TOLL_NOUNS for t in sent):
        return True
    if killer_not_armed(verb, index):
        return True
    killer = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    if not killer and any(c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") for m in c.children)
                          for c in verb.children):
        return True  # "were killed when their truck overturned": the clause says how, and no attack of it was found
    agentless = any(c.dep_ == "nsubjpass" for c in verb.children) and not killer
    own_place = any(t.i in index.place_at and index.places[index.place_at[t.i]].feature != "country"
                    and not a_speaker(t) for t in sent)
    before = verb.doc[sent.start - 1].sent if sent.start > 0 else None
    return agentless and not own_place and before is not None and any(
        before.start <= i < before.end for f in ABSORBING for i in at.get(f, ()))


def killer_not_armed(verb: Token, index: Index) -> bool:
    """Whether a killing names its killer and the killer is no armed man: "killed by an elephant",
    "robbers killed a security guard", "killed by lightning at an army base".  The killer is read by
    its own words: the noun, its modifiers and conjuncts, and what it is "of" ("dissidents of the
    former FARC guerrilla", "members of Boko Haram"), not the rest of its phrase ("at an army base");
    men the text does not name ("a group of gunmen", "men wearing army uniforms", `unnamed_killers`)
    are an armed group it does not name."""
    heads = [k for c in verb.children if c.dep_ in ("nsubj", "agent")
             for k in ([c] if c.dep_ == "nsubj" else [o for o in c.children if o.dep_ == "pobj"])]
    if not heads:
        return False
    own = [t for k in heads for k2 in (k, *k.conjuncts)
           for t in (k2, *(m for m in k2.children if m.dep_ in ("compound", "amod")),
                     *(o for p in k2.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.subtree))]
    armed = any((t.i in index.actor_at and index.actors[index.actor_at[t.i]].kind in ARMED_KINDS)
                or word_lemma(t) in ARMED_KILLERS for t in own)
    return not armed and not any(word_lemma(k) in UNNAMED_KILLERS for k in heads)


def toll_after_a_strike(trigger: Trigger, at: dict[str, set[int]], index: Index) -> bool:
    """The dead told with no killer and no town of their own in the sentence after a strike, a
    shelling or a bomb are that event's toll: "Jets struck the market on Monday. A resident of
    Garbaharey said two herders were killed" (not "Separately, two herders were killed", nor "two aid
    workers were shot dead in Herat")."""
    verb = trigger.token
    if not trigger.is_verb or verb.lemma_.lower() not in event_words()["lethal"] \
            or not any(c.dep_ == "nsubjpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children) \
            or any(t.lower_ in SEPARATELY for t in verb.sent) or any(
                t.i in index.place_at and index.places[index.place_at[t.i]].feature in ("city", "site")
                and not a_speaker(t) for t in verb.sent):
        return False
    before = verb.doc[verb.sent.start - 1].sent if verb.sent.start > 0 else None
    return before is not None and any(before.start <= i < before.end for family in TOLLED_AFTER
                                      for i in at.get(family, ()))


def a_toll_of(trigger: Trigger, at: dict[str, set[int]]) -> bool:
    """A killing told as another trigger's toll is that event's: "was killed by a bomb", "two
    soldiers died in the ambush"."""
    verb, words = trigger.token, event_words()
    return trigger.is_verb and verb.lemma_.lower() in words["lethal"] and any(
        g.i in at[""] and g.i != verb.i for p in verb.children
        if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ in words["toll_preps"])
        for g in p.children if g.dep_ == "pobj")


def carried(trigger: Trigger) -> bool:
    """A weapon noun that only says what people carry or what was found is no attack: "residents
    armed with home-made mortars", "men equipped with rocket launchers" (`carrying` in words.yaml),
    "men carrying rifles and grenades", "found a cache of rocket-propelled grenades", "a grenade found
    in their car" (`finding_verbs`), "a bag containing grenades was found" (`containers`), "fired with
    barrel grenade launchers" (`launchers`); and grenades listed with small arms (`listed_weapons`: "a
    bag containing hand grenades and an assault rifle"; rockets listed with guns still shell)."""
    if trigger.is_verb:
        return False
    words = event_words()
    if trigger.family.name == "grenade" and any(c.lemma_.lower() in words["listed_weapons"]
                                                for c in trigger.token.conjuncts):
        return True  # "rifles, hunting rifles and grenades were seized": a list of small arms is what was held
    noun, through_a_list = trigger.token, False
    while noun.dep_ in ("conj", "compound", "amod", "npadvmod", "nmod") and noun.head.i != noun.i:
        through_a_list = through_a_list or noun.dep_ == "conj"
        noun = noun.head
        if not through_a_list and noun.lemma_.lower() in words["launchers"]:
            return True  # "barrel grenade launchers", "rocket-propelled grenade launchers": what fires it
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "a cache of grenades"
        noun = noun.head.head
    if noun.dep_ == "dobj" and noun.head.dep_ == "acl" and noun.head.lemma_.lower() in words["containers"]:
        noun = noun.head.head  # "a bag containing hand grenades was found": what holds them
    return (noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.lemma_.lower() in words["carrying"]) \
        or (noun.dep_ in ("dobj", "nsubj", "nsubjpass") and phrasal_lemma(noun.head) in words["weapons_held"]) \
        or noun.lemma_.lower() in words["weapons_held"] \
        or any(c.dep_ == "acl" and c.lemma_.lower() in words["finding_verbs"] for c in noun.children)  # "a grenade found in their car"


def in_a_controlled_explosion(trigger: Trigger) -> bool:
    """Whether a bombing's trigger stands in a sentence that tells of a device destroyed by those who found
    it (`controlled_explosions`: "soldiers blew up the roadside bomb in a controlled explosion", "police
    detonated a second device in a controlled explosion"): that is the disruption its noun codes, no bombing."""
    return trigger.family.name in ("explosive", "suicide", "grenade") and any(
        t.lemma_.lower() in event_words()["controlled_explosions"] and any(c.lower_ == "controlled" for c in t.children)
        for t in trigger.token.sent)


def fought_with(trigger: Trigger, at: dict[str, set[int]]) -> bool:
    """A weapon noun that a fight or attack is carried out with is that event's, not one of its
    own: "gunmen were fighting in the district with machine guns and mortars", "rebels shelled
    Goma with mortars"; and so is a fight told "in" a fight of its kind ("clashed with peshmerga near
    Taza, in an exchange of artillery fire"; not "in a separate clash").  The preposition may hang
    from a place the fight is in, so the walk goes up through prepositions to the verb."""
    if trigger.is_verb:
        return False
    noun = trigger.token  # "fought the guards with rocket-propelled grenades": up from "rocket"
    while noun.dep_ in ("conj", "compound", "amod", "npadvmod", "nmod") and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("with", "in"):
        return False
    told_in = noun.head.lower_ == "in"
    if told_in and any(c.lower_ in SEPARATELY for c in noun.children):
        return False  # "fought bandits near Zaria and, in a separate clash on Thursday, near Kano"
    head = noun.head.head
    for _ in range(6):
        if head.i in at.get(trigger.family.name, ()) or (
                not told_in and head.i in at[""] and head.lemma_.lower() in OPPOSING):
            return True
        if head.dep_ not in ("prep", "pobj") or head.head.i == head.i:
            return False
        head = head.head
    return False


def elaborates(trigger: Trigger, at: dict[str, set[int]]) -> bool:
    """A participle that restates the trigger it hangs from: "recaptured the town, driving
    fighters out of the stronghold", "seized the crossing after taking most of Qaim".
    `at` holds the triggers' token positions: all of them under "", and per family."""
    tok = trigger.token
    # a withdrawal that ends another event is part of it: "attacked Macomia ... before withdrawing"
    same = trigger.family.name in ("withdraw", "transfer")
    heads = at[""] if same else at[trigger.family.name]
    t = tok
    for _ in range(3):
        if t.dep_ not in ("advcl", "pcomp", "xcomp", "prep"):
            return False
        t = t.head
        if t.i in heads:
            return True
    return False


def fired_from_the_air(trigger: Trigger, at: dict[str, set[int]]) -> bool:
    """A missile or rocket that an air strike's verb fires is that strike's weapon, no shelling of its own:
    "Israel said its aircraft fired a missile at a group of militants"."""
    tok = trigger.token
    return not trigger.is_verb and trigger.family.name == "shelling" and tok.dep_ == "dobj" \
        and tok.head.i in at.get("air", set())


def made_safe(trigger: Trigger, at: dict[str, set[int]]) -> bool:
    """A weapon noun that a disrupting verb acts on is that disruption, not an attack of its own:
    "destroyed 342 mines and 288 improvised explosive devices", "IEDs were found and cleared"."""
    if trigger.is_verb:
        return False
    noun = trigger.token
    while noun.head.i != noun.i and (noun.dep_ in ("conj", "appos", "compound") or (
            noun.dep_ == "pobj" and noun.head.lower_ == "of")):
        # "VBIEDs, IEDs, mortars ... were found": the list's first noun; "dozens of IEDs": the count
        noun = noun.head.head if noun.dep_ == "pobj" else noun.head
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.i in at.get("disrupted", set())


def fatalities(event: Event, quantities: list[Quantity]) -> int | None:
    """The killed figure given in the event's sentence, if any."""
    for q in quantities:
        if q.category == "killed" and event.evidence.start <= q.evidence.start < event.evidence.end:
            return int(q.value)
    return None
