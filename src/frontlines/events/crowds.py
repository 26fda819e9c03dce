"""Crowds: whether a protest stayed peaceful, met force, turned into a riot or was met with
deadly force, and who the crowd is, read from who did what in the trigger's sentence."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from frontlines.actors import NON_STATE_ARMED, crowd_name, standing_armed
from frontlines.actors.dictionary import nationalities
from frontlines.events.arguments import (Index, actor_in, named_or_meant, pronoun_antecedent, sentence_actor,
                                         subject_of)
from frontlines.events.factuality import factuality
from frontlines.events.triggers import (Family, counted_words, event_words, objects_of, phrasal_lemma, protest_word,
                                        word_lemma)
from frontlines.events.when import told_with_a_year
from frontlines.events.where import continues_before, sentence_beside

CROWDS = frozenset({"protesters", "rioters"})
CROWD_KINDS = frozenset({"protesters", "rioters", "civilians"})
# Violence by crowds makes a protest a riot; force by police makes it a protest with intervention.
RIOT_WORDS = event_words()["riot"]
SYMBOLS, PROPERTY = event_words()["symbols"], event_words()["property"]
LIVE_MUNITIONS = event_words()["live_munitions"]
PASSED_PREPS = event_words()["passed_preps"]
INTERVENTION_WORDS = event_words()["intervention"]
CROWD_FORCE = event_words()["crowd_force"]
LETHAL_WORDS = event_words()["lethal"]
GRAVE_FORCE = event_words()["grave_force"]
CROWD_DOERS, ARMED_CROWD = event_words()["crowd_doers"], event_words()["armed_crowd"]
CROWD_WORDS = event_words()["crowd_words"]
STATE_TARGETS = event_words()["state_targets"]
DEMONSTRATION_ACTS = event_words()["demonstration_acts"]
MOB_TARGETS = event_words()["mob_targets"]
COMMUNITIES = event_words()["communities"]
COMMUNITY_MEMBERS = event_words()["community_members"]
UNREST_WORDS = event_words()["unrest_words"]
PAST_TIMES = event_words()["past_times"]
REMEMBRANCE = event_words()["remembrance"]
CROWD_DEMANDS = event_words()["crowd_demands"]
TROOP_MOVEMENTS, PROTEST_CUES = event_words()["troop_movements"], event_words()["protest_cues"]
MOVING_FORCES = frozenset({"state_forces", "external_forces", "rebel_group"})


def crowd_violence(trigger: Token, index: Index) -> bool:
    """Violent words in the sentence that the crowd did: "burned", "stormed" ("police fired tear
    gas" is not the crowd's violence)."""
    for tok in trigger.sent:
        if tok.lemma_.lower() not in RIOT_WORDS or phrasal_lemma(tok) in INTERVENTION_WORDS \
                or names_state_forces(tok, index) or negated_by_prefix(tok) or fires_force(tok, index):
            continue
        if tok.head.lower_ == "without" or elsewhere_in_sentence(trigger, tok, index) or symbolic(tok):
            continue  # "passed off without violence"; "in Brest, police fired tear gas ...; in Pinsk, protesters scuffled"
        if tok.dep_ == "pobj" and tok.head.lower_ in PASSED_PREPS:
            continue  # "climbed over the barricades": a way past the police lines, not one built
        # who did it: a verb's subject, or that of the verb whose object it is ("police opened fire")
        subject = subject_of(tok) if tok.pos_ == "VERB" else subject_of(tok.head) if tok.dep_ in ("dobj", "advmod") \
            else None  # "soldiers violently suppressed a protest": the soldiers' violence
        if subject is not None and subject.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
            subject = tok.head  # "pushed back by troops who fired into the air": the troops fired
        if factuality(tok) == "negated" or any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                d.lower_ == "no" for d in c.children) for c in tok.children):
            continue  # "no shots were fired at the rally"
        doer = index.actors.get(named_or_meant(subject, index) or "") if subject is not None else None
        if doer is None or doer.kind != "state_forces":
            return True
    return False


def troops_on_the_move(verb: Token, index: Index) -> bool:
    """Whether a crowd's verb of movement (`troop_movements`) tells of troops or rebels, by its subject or
    the one its pronoun stands for, with no word of a protest in its clause (`protest_cues`): "330 sailors and
    marines landed at Bizoton. They marched in" is no protest."""
    subject = subject_of(verb) if verb.lemma_.lower() in TROOP_MOVEMENTS else None
    if subject is None or any(t.lemma_.lower() in PROTEST_CUES for t in verb.subtree):
        return False  # "soldiers gathered outside the ministry to demand unpaid wages" protest
    # the subject's own word, not one it is of ("relatives of soldiers", "Houthi supporters")
    head = counted(subject)
    doer = pronoun_antecedent(subject, index) if subject.pos_ == "PRON" else index.actor_at.get(head.i)
    return doer is not None and index.actors[doer].kind in MOVING_FORCES


def symbolic(tok: Token) -> bool:
    """Whether a crowd burns only symbols (`symbols` in words.yaml): "veterans rallied, burning flags
    and portraits of the leader" is a protest's gesture, not violence."""
    burned = [tok.head] if tok.dep_ == "amod" else [c for c in tok.children if c.dep_ == "dobj"]  # "burning flags"
    if tok.lemma_.lower() == "fire" and tok.head.lemma_.lower() == "set":  # "set fire to a Quran"
        burned = [o for p in (*tok.children, *tok.head.children) if p.dep_ == "prep" and p.lower_ == "to"
                  for o in p.children if o.dep_ == "pobj"]
    burned += [k for c in burned for k in c.conjuncts]
    # and nothing of value however the list hangs: "portraits of the junta leader and a police station"
    valued = any(t.lemma_.lower() in PROPERTY for c in burned for t in c.subtree)
    return tok.lemma_.lower() in ("burn", "fire") and bool(burned) and not valued and all(
        c.lemma_.lower() in SYMBOLS for c in burned)


def burns_only_symbols(trigger: Token) -> bool:
    """Whether a burning trigger burned only symbols: the verb itself ("burned flags") or the fire
    it set ("set fire to a Quran")."""
    return symbolic(trigger) or any(c.dep_ == "dobj" and symbolic(c) for c in trigger.children)


def elsewhere_in_sentence(a: Token, b: Token, index: Index) -> bool:
    """Whether two words of a sentence tell of two places: a semicolon stands between them and the
    clause of the second names a place the first's does not ("In Brest, police fired tear gas ...;
    in Pinsk, protesters scuffled")."""
    sent = a.sent
    cuts = [t.i for t in sent if t.text == ";"]
    if not any(min(a.i, b.i) < c < max(a.i, b.i) for c in cuts):
        return False

    def clause(tok: Token) -> set[str]:
        start = max([c for c in cuts if c < tok.i], default=sent.start - 1) + 1
        end = min([c for c in cuts if c > tok.i], default=sent.end)
        return {index.place_at[i] for i in range(start, end) if i in index.place_at}

    return bool(clause(b) - clause(a))


def negated_by_prefix(tok: Token) -> bool:
    """A word made its opposite by "non-" (split off by the tokenizer): "a non-violent demonstration"."""
    return [t.lower_ for t in tok.doc[max(tok.i - 2, 0):tok.i]] == ["non", "-"]


def fires_force(tok: Token, index: Index) -> bool:
    """Firing what police fire at a crowd, by no crowd ("tear gas was fired at the marchers"): no
    riot however the sentence is parsed ("protesters fired rounds at police" is one)."""
    if tok.lemma_.lower() != "fire" or not objects_of(tok) & CROWD_FORCE:
        return False
    subject = subject_of(tok)
    firer = index.actors.get(actor_in(subject, index) or "") if subject is not None else None
    return firer is None or firer.kind not in CROWD_KINDS


def names_state_forces(tok: Token, index: Index) -> bool:
    """Whether a word only says what kind of force a state's unit is: "riot police"."""
    if tok.dep_ not in ("compound", "amod"):
        return False
    actor = index.actors.get(index.actor_at.get(tok.head.i, ""))
    return actor is not None and actor.kind == "state_forces"


def in_purpose_clause(tok: Token) -> bool:
    """Whether a word hangs from a "to" infinitive ("to mourn the dead", "to demand arrests"), from a word
    of remembrance (`remembrance`: "in mourning for the dead"), or is quoted, what a banner or a chant
    says ("banners that read \"Stop killing Khmers\"")."""
    quotes = sum(1 for t in tok.sent if t.i < tok.i and t.text in ('"', "“", "”"))
    return quotes % 2 == 1 or any(a.lemma_.lower() in REMEMBRANCE for a in tok.ancestors) or any(
        a.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children) for a in (tok, *tok.ancestors))


def live_munitions(live: Token) -> bool:
    """Whether "live" qualifies what is fired (`live_munitions`): "live rounds", and "then live ammunition",
    which the model may parse as a verb and its object."""
    nxt = live.doc[live.i + 1] if live.i + 1 < len(live.doc) else None
    return live.head.lemma_.lower() in LIVE_MUNITIONS or (nxt is not None and nxt.lemma_.lower() in LIVE_MUNITIONS)


def demanded(tok: Token) -> bool:
    """Whether a word is in what a crowd demanded (`crowd_demands`): "demanding the lists of the
    dead", "protesting the killings" (not "protested after police shot two": a clause of its own)."""
    node = tok
    while node.head.i != node.i:
        if node.head.lemma_.lower() in CROWD_DEMANDS and (
                node.dep_ == "dobj" or (node.dep_ == "prep" and node.lower_ in ("for", "against"))):
            return True
        node = node.head
    return False


def of_what_came_before(tok: Token) -> bool:
    """Whether a word tells of what an event followed, in a clause of its own: "cleared protesters from the
    road after two days of unrest that left two people dead" (not "dispersed them after shooting two dead")."""
    for clause in (a for a in (tok, *tok.ancestors) if a.dep_ == "relcl"):
        noun = clause.head
        while noun.dep_ in ("pobj", "prep") and noun.head.i != noun.i:
            if noun.dep_ == "prep" and noun.lower_ in ("after", "following", "since"):
                return True
            noun = noun.head
    return False


def denied(tok: Token) -> bool:
    """Whether a word is said not to have been ("no shots were fired", "nobody was killed", "no
    one was injured", "dispersed the crowd without firing a shot")."""
    words = [c for t in (tok, tok.head) for c in t.children]
    words += [g for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for g in c.children]
    return any(c.lower_ in ("no", "not", "never", "n't", "nobody", "none") for c in words) \
        or any(a.dep_ == "prep" and a.lower_ == "without" for a in tok.ancestors)


def acts_on_nobody(tok: Token) -> bool:
    """A verb of intervention with no one it acts on: the crowd's own doing ("before dispersing
    peacefully", "the rally broke up in the evening")."""
    return tok.pos_ == "VERB" and phrasal_lemma(tok) in INTERVENTION_WORDS \
        and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in tok.children)


def crowd_type(family: Family, trigger: Token, actor1, index: Index) -> tuple[str, str]:
    """Protest or riot, and the sub-type the sentence's words call for."""
    # words of what was done, not of what a crowd meant to do ("marched to mourn the dead"), of
    # who the crowd are ("relatives of the men killed in Musakhel blocked the highway"), nor of what
    # may yet be ("ended it after an agreement that detained activists would be released")
    subject = subject_of(trigger) if trigger.pos_ in ("VERB", "AUX") else None
    who = {t.i for t in subject.subtree} if subject is not None else set()
    force = LETHAL_WORDS | GRAVE_FORCE | INTERVENTION_WORDS  # only these words are judged: factuality walks the parse
    lemmas = {word for t in trigger.sent if (word := phrasal_lemma(t)) in force and t.i not in who
              and not (word == "live" and not live_munitions(t))  # "live bullets", not "live video"
              and not (word in LETHAL_WORDS and t.dep_ == "amod" and t.head.dep_ == "pobj")  # "from the dead man's dormitory"
              and not in_purpose_clause(t) and not demanded(t) and not of_what_came_before(t) and not denied(t)
              and not acts_on_nobody(t) and not into_the_air(t)
              and factuality(t) != "hypothetical"}
    crowd_trigger = family.name in ("protest", "intervention") and (actor1 is None or actor1.kind in CROWDS)
    if (family.name == "riot" or crowd_trigger) and crowd_violence(trigger, index):
        # "police dispersed protesters who were hurling stones": the crowd's violence makes it a riot
        return "Riots", "Violent demonstration"
    if lemmas & (LETHAL_WORDS | GRAVE_FORCE):  # "a man was shot dead during last Thursday's protests"
        return "Protests", "Excessive force against protesters"
    if lemmas & INTERVENTION_WORDS:
        return "Protests", "Protest with intervention"
    return family.event_type, family.sub_event_type


def into_the_air(tok: Token) -> bool:
    """Whether shots were fired into the air, to warn, not at the crowd ("fired tear gas and shots in the
    air to scatter them")."""
    verb = next((a for a in (tok, *tok.ancestors) if a.pos_ == "VERB"), tok)  # "fired tear gas and shots in the air"
    return any(p.dep_ == "prep" and p.lower_ in ("in", "into") and any(o.lower_ == "air" for o in p.children)
               for p in (*tok.children, *verb.children))


def crowd_doers(trigger: Token) -> bool:
    """Whether the ones who fought are people of a crowd (`crowd_doers`): "students and ruling
    party activists fought running battles", "clashes between supporters of the two parties"."""
    sides = fighting_sides(trigger)
    return bool(sides) and all(counted(t).lemma_.lower() in CROWD_DOERS for t in sides)


def fighting_sides(trigger: Token) -> list[Token]:
    """The nouns of the ones a fight's words say fought: the subject and its conjuncts ("students and
    activists fought"), and what comes after "between" (`between_sides`)."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    sides = [subject, *subject.conjuncts] if subject is not None and subject.i != trigger.i else []
    # (not a place: "In Khulna, students ..." is a misparse)
    return [t for t in sides + between_sides(trigger) if t.ent_type_ not in ("GPE", "LOC", "FAC")]


def between_sides(trigger: Token) -> list[Token]:
    """What comes after "between" a fight noun, or the verb it is the subject of: "clashes between students
    and police", "Scuffles broke out between rival supporters"."""
    if trigger.pos_ != "NOUN" and not (trigger.tag_ == "VBG" and trigger.dep_ in ("nsubj", "nsubjpass", "pobj")):
        return []  # (and a gerund the model tags a verb: "Fighting between Christians and Muslims tore through")
    holders = (trigger, trigger.head) if trigger.dep_ == "nsubj" and trigger.head.i != trigger.i else (trigger,)
    return [t for h in holders for c in h.children if c.lower_ == "between" for o in c.children
            if o.dep_ == "pobj" for t in (o, *o.conjuncts)]


def between_communities(trigger: Token) -> bool:
    """Whether a fight is between faiths or peoples, no armed men or state's forces: "fighting between
    Christians and Muslims", "a night of fighting between Arab and Mozabite youths", "Hindus and Muslims
    clashed" (communal violence, ACLED's Mob violence; not "between Russian and Ukrainian troops", nor
    "between Republicans and Nationalists", nor "between Kurdish fighters and Arab tribesmen")."""
    subject = subject_of(trigger) if trigger.pos_ == "VERB" and trigger.dep_ not in ("nsubj", "nsubjpass") else None
    sides = between_sides(trigger) or ([subject, *subject.conjuncts] if subject is not None else [])
    named = [t for t in sides if t.lemma_.lower() in COMMUNITIES or t.lower_.removesuffix("s") in COMMUNITIES]
    described = [a for t in sides if t.lemma_.lower() in COMMUNITY_MEMBERS
                 for a in (*(m for m in t.children if m.dep_ == "amod"),
                           *(c for m in t.children if m.dep_ == "amod" for c in m.conjuncts))
                 if a.lemma_.lower() in COMMUNITIES or (a.ent_type_ == "NORP" and a.lower_ not in nationalities())]
    return len(named) + len(described) >= 2 and all(t in named or t.lemma_.lower() in COMMUNITY_MEMBERS for t in sides)


def counted(noun: Token) -> Token:
    """What a number of people counts: "hundreds of opposition supporters" counts supporters."""
    of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return of[0] if of and (noun.like_num or noun.lemma_.lower() in ("hundred", "thousand", "dozen", "score")) \
        else noun


def crowd_side(actor1, actor2) -> bool:
    """Whether one side of a clash is a crowd (protesters or rioters)."""
    return any(a is not None and a.kind in CROWDS for a in (actor1, actor2))


def crowd_in_clash(trigger: Token, actor1, actor2_id: str | None, index: Index) -> bool:
    """Whether a clash is a crowd's: one side is a crowd, or the sentence names a crowd and not the
    other side ("riot police fired tear gas at student protesters during a clash")."""
    if crowd_side(actor1, index.actors.get(actor2_id or "")) or any(
            counted(t).lemma_.lower() in CROWD_DOERS and not any(c.lower_ in ARMED_CROWD for c in counted(t).children)
            for t in between_sides(trigger)):
        return True  # "clashes between students and police" (not "between armed youths and ...")
    named_other = any(index.actor_at.get(t.i) == actor2_id for t in trigger.sent) if actor2_id else False
    return not named_other and sentence_actor(trigger, index, kinds=CROWDS) is not None


def crowd_actor(actor_id: str | None, index: Index) -> str | None:
    """A crowd that fought as rioters: protesters, or people the text names no more closely,
    become rioters (ACLED's rule)."""
    actor = index.actors.get(actor_id or "")
    return index.crowd("rioters") if actor is not None and actor.kind in ("protesters", "civilians") else actor_id


def told_as_protest(trigger: Token, index: Index, protest_trigger: bool = False) -> bool:
    """Whether a crowd's violence is a demonstration's, not a mob's ("crowds were looting and burning
    shops" is Mob violence): told beside a protest, done by people a protest is made of
    (`crowd_doers`: "students and party activists fought running battles"), aimed at the state's
    forces ("youths threw fireworks at police") or at the state or politics (`state_targets`), or an
    act of demonstration itself (`demonstration_acts`: "blocked the road with burning tyres"); but
    not violence on people who are no force or state (`mob_targets`: "attacked journalists at a rally"), nor
    on a people's property ("ransacked Chinese-owned shops")
    by a crowd not called protesting ("supporters protesting the results attacked a priest" riot), nor
    on a protest by people not protesting ("supporters of the ruling party attacked peaceful protesters";
    `protest_trigger`: the trigger is the protest itself, "held a rally", not an attack on one)."""
    sent, before = trigger.sent, sentence_beside(trigger, -1)
    beside_a_protest = any(protest_word(t) for s in (sent, before) if s is not None for t in s)
    protesters = any(word_lemma(t) in CROWD_DOERS for t in sent)
    at_forces = any(aimed_at_forces(t, index) for t in sent)
    at_the_state = bool(STATE_TARGETS & {t.lemma_.lower() for o in acted_on(trigger) for t in o.subtree})
    doers = subject_of(trigger) if trigger.pos_ in ("VERB", "AUX") else None
    protesting = doers is not None and any(protest_word(t) for t in doers.subtree)  # "supporters protesting the results"
    targets = acted_on(trigger) + [o for c in trigger.conjuncts for o in acted_on(c)]  # "stoned and ransacked shops"
    if not at_forces and not at_the_state and not protesting \
            and any(community_owned(o) or MOB_TARGETS.intersection(counted_words(o)) for o in targets):
        return False  # "a crowd of supporters attacked bishops and journalists": people set upon, a mob's
    if not protest_trigger and not at_forces and not protesting and protest_set_upon(doers, targets, index):
        return False  # "supporters of the ruling party attacked peaceful protesters": a mob's
    mob = any(index.actors[index.actor_at[t.i]].kind == "rioters" for t in sent if t.i in index.actor_at)
    return beside_a_protest or protesters or at_forces or at_the_state or trigger.lemma_.lower() in DEMONSTRATION_ACTS \
        or (protest_story(index) and not mob)


def protest_set_upon(doers: Token | None, targets: list[Token], index: Index) -> bool:
    """Whether people the text names, no state force, did it to a protest or its people ("attacked
    peaceful anti-government protesters", "attacked a Pride march"; not the "Rally of the Guinean
    People", a party)."""
    doer = index.actors.get(index.actor_at.get(doers.i, "")) if doers is not None else None
    return doers is not None and (doer is None or doer.kind != "state_forces") and any(
        protest_word(counted(w)) and counted(w).pos_ != "PROPN" for o in targets for w in (o, *o.conjuncts))


def protest_story(index: Index) -> bool:
    """Whether a story of unrest is one of protests: it names protesters more often than rioters
    ("Protests over the reform turned to riots ... An AutoZone store was set on fire")."""
    named = mentions_by_kind(index)
    return named["protesters"] > named["rioters"] and unrest_story(index)


def community_owned(noun: Token) -> bool:
    """Whether what a crowd attacked is said to be a people's: "Chinese-owned shops", "Albanian-owned houses"."""
    return any(c.dep_ == "amod" and c.lemma_.lower() == "own" and any(g.ent_type_ == "NORP" for g in c.children)
               for n in (noun, *noun.conjuncts) for c in n.children)


def acted_on(verb: Token) -> list[Token]:
    """What a verb was done to: its object, a passive's subject, or what "to" names ("set fire to")."""
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("to", "on", "at", "into")
        for o in p.children if o.dep_ == "pobj"]


def aimed_at_forces(tok: Token, index: Index) -> bool:
    """Whether a word names state forces as what was done to ("attacked police", "at the troops")."""
    actor = index.actors.get(index.actor_at.get(tok.i, ""))
    return actor is not None and actor.kind == "state_forces" and (
        tok.dep_ == "dobj" or tok.dep_ == "pobj" and tok.head.lower_ in ("at", "on", "against", "with"))


def crowd_just_seen(trigger: Token, index: Index) -> bool:
    """Whether the trigger's sentence shows a crowd (protesters, rioters or a word of a crowd, not
    people the text names no more closely), or the sentence before does and the trigger's goes on
    from it (no place of its own, not set apart: "Meanwhile, in Omdurman, a market was looted")."""
    before = sentence_beside(trigger, -1)
    return shows_a_crowd(trigger.sent, index, CROWDS) or (
        before is not None and continues_before(trigger, index) and shows_a_crowd(before, index, CROWDS))


def shows_a_crowd(sent, index: Index, kinds: frozenset[str] = CROWD_KINDS) -> bool:
    """Whether a sentence has a crowd in it: a crowd actor (of `kinds`), or a word of one (`crowd_words`)."""
    return any(t.lemma_.lower() in CROWD_WORDS or (
        t.i in index.actor_at and index.actors[index.actor_at[t.i]].kind in kinds) for t in sent)


def tells_of_unrest(sent) -> bool:
    """Whether a sentence tells of unrest at a place now (`unrest_words`: "The first violence came that
    evening in Skaggetorp"), not of unrest gone by (`past_times`: "The violence that followed the 2007
    election", "after last week's unrest", "Violence erupted last month in Kano")."""
    return any(t.lemma_.lower() in UNREST_WORDS for t in sent) and not told_with_a_year(sent) and not any(
        t.ent_type_ == "DATE" and t.lower_ in PAST_TIMES for t in sent)


def crowd_of_place(actor_id: str | None, place_id: str | None, index: Index) -> str | None:
    """A crowd named only by its kind is the crowd of the country where it gathered: members of a
    youth group picketing an embassy in Moscow are "Protesters (Russia)" in a story on Estonia."""
    actor, place = index.actors.get(actor_id or ""), index.places.get(place_id or "")
    if actor is None or place is None or place.feature != "city" or actor.kind not in CROWD_KINDS \
            or not place.country_code \
            or place.country_code == actor.country_code \
            or actor.name != crowd_name(actor.kind, index.country_name(actor.country_code)):
        return actor_id
    return index.actor_named(crowd_name(actor.kind, index.country_name(place.country_code)), actor.kind,
                             place.country_code)


def protesting(actor_id: str | None, index: Index) -> str | None:
    """A crowd that protested: people the text names no more closely ("thousands of people
    gathered") are protesters to ACLED."""
    actor = index.actors.get(actor_id or "")
    return index.crowd() if actor is not None and actor.kind == "civilians" else actor_id


def unrest_story(index: Index) -> bool:
    """Whether a story is of crowds more than of armed groups: its protesters and rioters are named
    more often than its non-state armed groups ("Riots spread through Nouméa ... Shops in Ducos were
    looted": the rioters', not an unidentified armed group's)."""
    named = mentions_by_kind(index)
    return sum(named[k] for k in CROWDS) > sum(named[k] for k in NON_STATE_ARMED)


def mentions_by_kind(index: Index) -> Counter:
    """How often the story names actors of each kind."""
    named: Counter = Counter()
    for actor in index.actors.values():  # a mutiny's soldiers are no armed group of the story's
        kind = actor.kind if standing_armed(actor) or actor.kind not in NON_STATE_ARMED else "mutiny"
        named[kind] += len(actor.mentions)
    return named
