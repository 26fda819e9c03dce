"""Coding: one trigger, read with its sentence, becomes events in the ACLED taxonomy.

Arguments come from the parse (`arguments.py`), factuality from the words that govern the
trigger (`factuality.py`), the date from the sentence (`when.py`), the place from the clause and
the sentences around it (`where.py`), a crowd's sub-type from what the crowd and the force did
(`crowds.py`); the sub-type is decided here by the trigger's family and who did what to whom.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from frontlines.actors import NON_STATE_ARMED, forces_country, opens_a_sentence
from frontlines.dates import WEEKDAYS, Resolved
from frontlines.events.arguments import (ARMED_KINDS, OPPOSING, PLACE_SUBJECT_VERBS, STATE_DOERS, Arguments, Index,
                                         actor_in, armed_doer_of_clause, clause_verb, country_forces, named_doer, noun_arguments,
                                         own_clause_place, place_in,
                                         sentence_actor, sentence_evidence, sentence_place, subject_of,
                                         verb_arguments)
from frontlines.events.crowds import (CROWD_KINDS, CROWDS, LETHAL_WORDS, between_communities, burns_only_symbols,
                                      counted, crowd_actor, crowd_doers, crowd_in_clash, crowd_of_place, crowd_just_seen,
                                      crowd_type, denied, protesting, shows_a_crowd, tells_of_unrest, told_as_protest,
                                      troops_on_the_move, unrest_story)
from frontlines.events.factuality import factuality
from frontlines.events.merge import TAKING, TRANSFER
from frontlines.events.triggers import (ARMED_NOUNS, Trigger, a_count, bound_elsewhere, event_words, headed_for,
                                       in_a_toll, lexicon, pointing_back, protest_word, subject_kinds, under_what,
                                       verb_senses_fitting, word_lemma)
from frontlines.events.when import QUOTE_MARKS, DateTracker, told_with_a_year
from frontlines.events.where import (SEPARATELY, abroad_of_the_dateline, at_a_spot_of_the_scene, continues_before,
                                     coordinated_places, is_landmark_site, is_lede, opening_town,
                                     previous_sentence_place, says_the_town, spot_scene,
                                     scene_town, sentence_beside, story_place, town_after, town_in_clause,
                                     the_dateline_town, the_town_acted_on, town_named_before, town_of_division_next,
                                     where_clause_town)
from frontlines.model import Event
from frontlines.nlp import sentence_ents

ARMED = ARMED_KINDS
# Families whose perpetrators a sentence often leaves unnamed ("Two car bombs exploded"): the
# actor may come from elsewhere in the sentence or, failing that, the article's main armed group.
UNNAMED_PERPETRATOR = frozenset({"air", "shelling", "explosive", "grenade", "suicide", "looting", "civilians", "abduction"})
NEEDS_ARMED_ACTOR = frozenset({"capture", "withdraw", "transfer", "clash"})
DATE_PREPS = frozenset({"on", "in", "by"})  # "Urozhaine on 16 August": a coordinated town's own date
# Families whose noun may lie deep in a clause whose subject did it (not a crowd's: "police detained
# dozens at a rally" is not the police's rally)
WEAPONS_OF_A_CLAUSE = frozenset({"air", "shelling", "explosive", "grenade", "suicide", "chemical", "clash",
                                 "arrest"})  # "Israeli forces took 12 men into custody"
CROWD_FAMILIES = frozenset({"protest", "riot", "intervention", "excessive"})
STATE_FORCES = frozenset({"state_forces"})
CROWD_REACH = 5  # sentences back to the town a crowd was last seen in
FOUND_LEFT = event_words()["found_left"]
PEACEFUL = event_words()["peaceful_transfer"]
THEFT = event_words()["theft"]
CIVILIAN_TARGETS = event_words()["civilian_targets"]
TWO_SIDED_FIGHTS = event_words()["two_sided_fights"]
WITHDRAWAL = event_words()["withdrawal"]
CLEARING = event_words()["clearing"]
ORDINARY_OFFENCES = frozenset(event_words()["ordinary_offences"])
PROTESTERS_HELD = frozenset(event_words()["protesters_held"])
AIMED_PREPS = frozenset({"on", "into", "upon"})  # (not "at": "detained dozens at a rally")
LEAVING_ARMED = event_words()["leaving_armed"]
ARMED_LEAVERS = STATE_DOERS | event_words()["state_troops"] | ARMED_NOUNS | event_words()["armed_leavers"]
MOVING_IN, MOVING_IN_TO = event_words()["moving_in"], event_words()["moving_in_to"]
MOVING_IN_RAID = event_words()["moving_in_raid"]
ARMED_DOERS = event_words()["armed_doers"]
EVACUATING = event_words()["evacuating"]
RETAKING = event_words()["retaking"]
CONTROL_NOUNS = event_words()["control_nouns"]
TAKING_VERBS = event_words()["taking"]
LOSING_VERBS = event_words()["losing"]
# takings joined to another ("took Gao ..., and Timbuktu fell"), each told with its own words of a fight or none
JOINED_TAKINGS = TAKING_VERBS | RETAKING | {"enter", "fall"}
FIGHTING_WENT_ON = event_words()["fighting_went_on"]
NO_WAR_FIGHTERS = event_words()["no_war_fighters"]
ARMED_HOLDERS = event_words()["armed_holders"]
AIRCRAFT = event_words()["aircraft"]
ACCUSING = event_words()["accusing"]
FIGHTING = event_words()["fighting"]
ATTACKING = event_words()["attacking"]
BLAMING, CLAIMED = event_words()["blaming"], event_words()["claimed"]
NOT_TAKEN_PREPS = event_words()["not_taken_preps"]
HABITUAL, HABITUAL_UNITS = event_words()["habitual"], event_words()["habitual_units"]
WEEKLY_UNITS = event_words()["weekly_units"]
IRREGULAR_CAPTORS = event_words()["irregular_captors"]
UNARMED_ATTACKERS = event_words()["unarmed_attackers"]
BY_HAND = event_words()["by_hand"]
NOT_A_MOB = event_words()["not_a_mob"]
KIND_HEADS = event_words()["kind_heads"]
ASPECT_VERBS = event_words()["aspect_verbs"]
ORDINARY_CRIME = event_words()["ordinary_crime"]
HELD_IN = event_words()["held_in"]
ARMED_OWNERS = event_words()["armed_owners"]
LONG_SPANS = event_words()["long_spans"]
STATE_TROOPS = event_words()["state_troops"]
PEOPLE_DESCRIBED = event_words()["people_described"]
POLITICAL_PEOPLE = event_words()["political_people"]
FINDING_VERBS = event_words()["finding_verbs"]
TELLING_HEADS = event_words()["telling_heads"]
TALLY_PREPS = event_words()["tally_preps"]
CROWD_WORDS = event_words()["crowd_words"] | event_words()["crowd_doers"] | event_words()["crowd_told"]
STATE_VERBS = event_words()["state_verbs"]
REPORTING_VERBS = event_words()["reporting"]
TOLD_ASSAULTS, TOLD_ASSAULT_PREPS = event_words()["told_assaults"], event_words()["told_assault_preps"]
GRIEVANCE_PREPS = event_words()["grievance_preps"]
MOB_DOERS = event_words()["mob_doers"]


def territory_type(actor1, actor2, place) -> str:
    """ACLED's capture sub-types, decided by who takes the place from whom: a state's forces
    taking it in their own country, or any state's forces taking it from a non-state group
    ("Rwandan troops backed by Mozambican forces drove the insurgents out of Mucojo"), regain
    it; a group, or a foreign state taking it from the state, overtakes it."""
    if actor1 is None or actor1.kind != "state_forces":
        return "Non-state actor overtakes territory"
    if place is None or actor1.country_code is None or actor1.country_code in (place.country_code,
                                                                             forces_country(place.country_code or "")):
        return "Government regains territory"  # its own country, or a territory of it ("retook Stanley")
    if actor2 is not None and actor2.kind != "state_forces":
        return "Government regains territory"
    return "Non-state actor overtakes territory"


# A noun trigger that is a verb's subject or object happened where the verb did ("a bomber rammed").
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def arguments_for(trigger: Trigger, index: Index) -> Arguments:
    """Arguments from the parse, completed from the sentence when the parse leaves gaps."""
    args = verb_arguments(trigger.token, index) if trigger.is_verb else noun_arguments(trigger.token, index)
    family = trigger.family.name
    if args.place is not None and index.places[args.place].feature == "country":
        args.place = None  # "outside the embassies of the United States": a town of the sentence is likelier
    if args.place is not None and index.places[args.place].feature in ("region", "admin1"):
        # "seized four of Darfur's five state capitals: Nyala, Zalingei ...": the towns named after it
        args.place = town_after(trigger.token, index) or args.place
    verb = trigger.token if trigger.is_verb else trigger.token.head if trigger.token.dep_ in ARGUMENT_DEPS else None
    if verb is not None and verb.pos_ == "VERB" and (
            args.place is None or index.places[args.place].feature in ("region", "admin1", "admin2")):
        # "In Sulaimaniyah, ... people gathered ... to protest against the withdrawal from Kirkuk";
        # "police in Buea arrested", "a bomber rammed a truck ... into a camp in Bela, in Lasbela district"
        args.place = scene_town(verb, index) or town_in_clause(verb, index) or where_clause_town(verb, index) \
            or args.place or opening_town(verb.sent, index)
    args.place = args.place or sentence_place(trigger.token, index)
    if trigger.is_verb:
        args.place = the_dateline_town(trigger.token, index) or the_town_acted_on(trigger.token, index) \
            or args.place  # "... seized the town", "rolled into this city"
    if args.place is not None and index.places[args.place].feature == "admin1":
        # "A jet struck vigilantes in Zamfara state ... They had gone after the gunmen in Zurmi"
        args.place = town_of_division_next(trigger.token, index.places[args.place], index) or args.place
    carried_on = continues_before(trigger.token, index) and (family == "disrupted" or (
        family == "arrest" and not crowd_scene(trigger.token) and state_forces_before(trigger.token, index)))
    if family in UNNAMED_PERPETRATOR or carried_on:
        # "Kidal had come under fire. Drone strikes on Nov. 7 killed ..."; "Police arrested two men in
        # Mobo. Two landmines were recovered from a hut nearby"
        args.place = args.place or previous_sentence_place(trigger.token, index)
    if family == "withdraw" and trigger.is_verb and args.place is not None and args.place in {
            index.place_at.get(t.i) for t in headed_for(trigger.token)}:
        args.place = None  # "Georgian troops pulled out towards Tbilisi": not where they left
    if args.place is None and says_the_town(trigger.token.sent):
        args.place = town_named_before(trigger.token, index)  # "officers in the city arrested 14 men"
    if args.place is None and family in CROWD_FAMILIES and told_as_news(trigger):
        args.place = crowd_place(trigger.token, index)
    sent = trigger.token.sent
    if args.place is None and family not in ("withdraw", "transfer") and is_lede(sent, index) \
            and not abroad_of_the_dateline(trigger.token, index):
        args.place = index.dateline_place  # "NAIROBI — Protesters poured into Kenya's parliament"
    if family in WEAPONS_OF_A_CLAUSE and args.actor1 is None and not trigger.is_verb:
        # "Government aircraft dropped bombs containing sarin", "soldiers killed 19 gunmen in a firefight"
        args.actor1 = armed_doer_of_clause(trigger.token, index)
    if family in ("air", "shelling") and args.actor1 is None and trigger.is_verb:
        # "A drone operated by the ELN dropped explosives": the side its weapon's description says uses it
        args.actor1 = operator_of(subject_of(trigger.token), index)
    if family in UNNAMED_PERPETRATOR and args.actor1 is None:
        # "A missile struck the city centre. Baku blamed Armenian forces": whom the text blames
        args.actor1 = blamed(trigger.token, index)
    if family in ("air", "shelling") and args.actor1 is None:
        # "Azerbaijan's army launched an offensive. Artillery and drones struck Stepanakert": who launched it
        args.actor1 = attacker_before(trigger.token, args.actor2, index)
    if family == "air":
        # the side whose aircraft the story names ("Soviet aircraft bombed the capital ... Bombs also fell
        # on Viipuri"); else a state's, as aircraft are more often than not, not the one they struck
        struck = index.places[args.place].country_code if args.place else None
        args.actor1 = args.actor1 or air_power(trigger.token.doc, index, args.actor2, struck) \
            or next((s for s in index.states if s != args.actor2), None)
    if family == "looting" and args.actor1 is None and (crowd_just_seen(trigger.token, index)
                                                        or crowd_doers(trigger.token) or shops_looted(trigger)
                                                        or (unrest_story(index) and not set_apart(trigger.token))):
        # "crowds attacked the symbols of the state. The parliament building was set ablaze": theirs;
        # "opposition supporters set fire to the ruling party's offices": a crowd's; "An AutoZone store
        # was set on fire", in a story of crowds more than of armed groups: the rioters'
        args.actor1 = index.crowd("rioters")
    if family in UNNAMED_PERPETRATOR and not (trigger.is_verb and under_what(trigger.token)):
        # "Two car bombs exploded ...", "the mosque was blown up": the group the story is about
        # unless it names doers it cannot name ("taken from his home by men in civilian clothes"); not
        # for what came under fire ("Ukrainian troops came under shelling" were shelled)
        story_group = None if described_agent(trigger.token) else index.main_armed
        remote = family in ("air", "shelling")
        if args.actor1 is None and story_group is not None and held_by_armed_men(trigger.token.sent, index, remote):
            # "Shells hit rebel-held Zaria": the group holds what was struck; the other side struck it
            story_group, args.actor2 = index.main_state, args.actor2 or story_group
        # ("strikes hit the Houthi-held capital": no Houthi strike)
        holders = frozenset(t.i for t in holders_named(trigger.token.sent)) if remote else frozenset()
        args.actor1 = args.actor1 or story_group or sentence_actor(trigger.token, index,
                                                                   skip=not_doers(trigger.token) | holders)
    if family in NEEDS_ARMED_ACTOR and not (trigger.is_verb and under_what(trigger.token)):
        # "a militia, called the Syrian Democratic Forces, took over the city": the group just named
        # (not for one attacked: "peacekeepers were killed when their vehicle came under fire")
        args.actor1 = args.actor1 or sentence_actor(trigger.token, index, kinds=ARMED, before_only=True,
                                                    other_than=args.actor2)
    if family == "clash" and not trigger.is_verb and in_a_toll(trigger.token) and args.actor1 in victims_of_toll(
            trigger.token, index):  # "six policemen were killed in an ambush": the police were attacked
        args.actor1, args.actor2 = unnamed_attacker(args.actor1, args.place, index, trigger.token.sent), args.actor1
    if family == "clash" and args.actor1 is None and trigger.is_verb and passive_without_agent(trigger.token) \
            and not with_a_weapon_trigger(trigger.token):
        # "shots were fired at a police patrol": the state's forces fired on by someone unnamed
        # (a crowd's doing when the sentence tells of one: "youths gathered; petrol bombs were thrown at police")
        target = args.actor2 or sentence_actor(trigger.token, index, kinds=STATE_FORCES,
                                               skip=frozenset(t.i for t in trigger.token.sent if a_speaker(t)))
        if target is not None and index.actors[target].kind in STATE_FORCES and not crowd_in(trigger.token.sent):
            args.actor1, args.actor2 = unnamed_attacker(target, args.place, index, trigger.token.sent), target
    if family == "capture" and trigger.is_verb and passive_without_agent(trigger.token):
        # "\"Kidal has been liberated,\" a spokesman for the army said": the side that says so took it
        speaker = reporting_side(trigger.token, index)
        if speaker is not None:
            args.actor1, args.actor2 = speaker, None if args.actor2 == speaker else args.actor2
    if family == "capture" and trigger.is_verb and trigger.token.lemma_.lower() in LOSING_VERBS:
        # "the army lost Walong": the army is the loser; "lost Manbij to the SDF": the SDF took it
        args.actor1, args.actor2 = lost_to(trigger.token, index), args.actor1 or args.actor2
    if family == "capture" and args.actor1 is None and args.actor2 is not None:
        # "government forces were driven out of Sheberghan": the side they fight took it; a group's camps
        # taken by troops the text does not name as a state's ("troopers captured two NPA camps"): the state's
        loser, subject = index.actors[args.actor2], subject_of(trigger.token) if trigger.is_verb else None
        troops = subject is not None and word_lemma(subject) in STATE_TROOPS  # not "vigilantes captured a camp"
        args.actor1 = other_side(loser, index, trigger.token.sent) or (
            index.state(index.country) if loser.kind in NON_STATE_ARMED and index.country and troops else None)
    if family == "capture" and args.actor1 is None and bare_fall(trigger):
        args.actor1 = index.main_armed  # "Sar-e Pul and Taloqan also fell on Sunday": to the story's armed group
    elif family == "capture" and args.actor1 is None and taken_in_passive(trigger, index):
        args.actor1 = passive_taker(trigger.token, args.place, index)
    if family == "clash" and args.actor1 is None and crowd_doers(trigger.token):
        args.actor1 = index.crowd()  # "students and party activists fought running battles": a riot
    if family == "clash" and args.actor1 is None and trigger.token.dep_ in ("nsubj", "nsubjpass") \
            and not any(t.i in index.actor_at for t in trigger.token.sent):
        # "... the ELN launched attacks on the 33rd Front. Fighting erupted in Tibu": the sides just named;
        # else the story's ("Heavy fighting was reported in Zaria" in a story of the army and a group)
        # ("the fighting broke out after ..." is the story's war, not a fight of its own)
        a_fight_of_its_own = not any(c.lower_ == "the" for c in trigger.token.children)
        sides = previous_sentence_sides(trigger.token, index) or (story_sides(index) if a_fight_of_its_own else [])
        args.actor1, args.actor2 = (sides + [None, None])[:2]
    elif family == "clash" and args.actor1 is None and not trigger.is_verb and trigger.token.dep_ == "nsubj":
        # "fighting continued around Petrinja, where Croatian infantry had crossed the river": the armed
        # sides its sentence names fought, when they can be foes (not "Hamas and Islamic Jihad claimed")
        args.actor1, args.actor2 = foes(armed_sides(trigger.token.sent, index), index)
    if family == "disrupted" and args.actor1 is None:
        # "..., police said"; "Police arrested two men. Two landmines were recovered nearby": the
        # state's forces the text names there seized them
        args.actor1 = sentence_actor(trigger.token, index, kinds=STATE_FORCES) or next(
            (s for s in previous_sentence_sides(trigger.token, index) if index.actors[s].kind in STATE_FORCES
             and carried_on), None)
    if family in ("protest", "riot"):
        args.actor1 = args.actor1 or sentence_actor(trigger.token, index, kinds=CROWD_KINDS) or index.crowd()
    if family == "intervention":  # "police fired tear gas at protesters": the crowd first, the force second
        doer = index.actors.get(args.actor1 or "")
        if doer is None or doer.kind not in CROWD_KINDS:
            args.actor2 = args.actor1 or args.actor2
            args.actor1 = sentence_actor(trigger.token, index, kinds=CROWD_KINDS) or index.crowd()
    if family in ("capture", "clash") and args.actor1 and not args.actor2:
        args.actor2 = other_side(index.actors[args.actor1], index, trigger.token.sent)
    if args.actor2 == args.actor1:
        args.actor2 = None
    return args


def blamed(trigger: Token, index: Index) -> str | None:
    """The side the trigger's sentence or the two after it blame (`blaming` in words.yaml), when
    they blame one side only: "Baku blamed Armenian forces", "officials accused the Houthis of the
    attack", "the attack was blamed on the group", "the group claimed responsibility".  A state's
    own forces blamed for an attack in their country are blamed for failing to stop it or by the
    side that did it ("residents blamed the government", "the group denied it and blamed the army")."""
    after = sentence_beside(trigger, +1)
    sides = []
    for sent in (trigger.sent, after, after and sentence_beside(after[0], +1)):
        if sent is not None and sent.start != trigger.sent.start and any(e.label_ in ("GPE", "DATE") for e in sentence_ents(sent)):
            continue  # a sentence with a place or a day of its own tells of another attack
        sides += [a for tok in sent or () for a in sides_blamed(tok, index)]
    if len(set(sides)) != 1:
        return None  # nobody blamed, or each side blames the other
    side = index.actors[sides[0]]
    own_state = side.kind in STATE_FORCES and side.country_code in (None, own_country(trigger, index))
    return None if own_state else sides[0]


def sides_blamed(tok: Token, index: Index) -> list[str]:
    """The armed sides a blaming word names: what it blames ("blamed Armenian forces", "blamed on the
    group", "accused the Houthis of the attack"), who claimed the attack ("the group claimed
    responsibility", "an attack claimed by the Houthis")."""
    lemma = tok.lemma_.lower()
    if lemma not in BLAMING or tok.pos_ != "VERB":
        return []
    if lemma == "claim":
        agents = [o for c in tok.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        claimed = {c.lemma_.lower() for c in tok.children if c.dep_ == "dobj"} & CLAIMED
        words = agents or ([subject_of(tok)] if claimed else [])
    else:
        words = [c for c in tok.children if c.dep_ == "dobj"] + [
            o for c in tok.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children]
    actors = [actor_in(w, index) for w in words if w is not None]
    return [a for a in actors if a is not None and index.actors[a].kind in ARMED]


def own_country(trigger: Token, index: Index) -> str | None:
    """The country of the places named in the trigger's sentence, else the article's."""
    codes = [index.places[index.place_at[t.i]].country_code for t in trigger.sent if t.i in index.place_at]
    return next((c for c in codes if c), index.country)


def attacker_before(trigger: Token, target: str | None, index: Index) -> str | None:
    """The armed side the sentence before has attack (the subject of its main verb, an `attacking`
    word), unless it is the target, for a sentence that names no armed side of its own."""
    if any(index.actors[index.actor_at[t.i]].kind in ARMED and not any(a.dep_ == "relcl" for a in t.ancestors)
           for t in trigger.sent if t.i in index.actor_at):
        return None  # (a side named in a clause that only describes a place does not count)
    before = sentence_beside(trigger, -1)
    if before is None or before.root.lemma_.lower() not in ATTACKING:
        return None  # "The army lost Wad Madani. Shells struck the market": not the army's
    subject = subject_of(before.root)
    actor = (actor_in(subject, index) or country_forces(subject, index)) if subject is not None else None
    return actor if actor is not None and actor != target and index.actors[actor].kind in ARMED else None


def crowd_place(trigger: Token, index: Index) -> str | None:
    """Where a crowd sentence with no place of its own happened: the town of the last sentence before it
    that shows a crowd ("Thousands gathered in Tbilisi. The crowds returned every evening. On Saturday,
    protesters threw stones") or tells of unrest there (`unrest_words`: "The first violence came that
    evening in Skaggetorp. Several hundred people gathered; stones were thrown"), else the town last
    named, a few sentences back at most."""
    return town_named_before(trigger, index, reach=CROWD_REACH, where=lambda s: shows_a_crowd(s, index)
                             or tells_of_unrest(s)) or town_named_before(trigger, index, reach=CROWD_REACH)


def told_as_news(trigger: Trigger) -> bool:
    """Whether a crowd trigger tells what a crowd, or the force on it, did, and so may be placed
    where the crowd was last seen: a verb, or a weapon of force used in the past ("police moved in
    with water cannon"); not a protest named ("nationwide protests entered their tenth day")."""
    if trigger.is_verb:
        return True
    if trigger.family.name != "intervention":
        return False
    verb = trigger.token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # the verb the noun hangs from
    return verb.tag_ == "VBD"


def shops_looted(trigger: Trigger) -> bool:
    """Whether shops, stores or markets were looted by no one named ("Stores on Frederick Street were broken into
    and stripped", `looted_trade`): looters', a crowd's, not the story's armed group's."""
    verb = trigger.token
    if not trigger.is_verb or described_agent(verb):
        return False
    patients = [p for c in verb.children if c.dep_ == "nsubjpass" for p in (c, *c.conjuncts)]
    return any(p.lemma_.lower() in LOOTED_TRADE for p in patients)


def set_apart(token: Token) -> bool:
    """Whether a sentence says it tells of something else ("Separately, a warehouse was set on fire")."""
    return any(t.lower_ in SEPARATELY for t in token.sent)


def described_agent(verb: Token) -> bool:
    """Whether a passive names its doers by a description ("by men in civilian clothes")."""
    return any(c.dep_ == "agent" and any(o.dep_ == "pobj" for o in c.children) for c in verb.children)


def other_side(actor1, index: Index, sent=None) -> str | None:
    """The party a capture or clash is against when the sentence `sent` does not say who: the state's
    forces for an armed group; for a state, another state's forces that `sent` names as no ally
    (`rival_state`), else the article's main armed group."""
    if actor1.kind == "state_forces":
        return rival_state(actor1, index, sent) or index.main_armed
    if actor1.kind in ARMED:
        # a state the sentence names as no backer ("seized Goma after days of fighting with the Congolese army",
        # not "backed by Rwanda"), else the story's
        named = [a for a in armed_sides(sent, index) if a != actor1.id and a in index.states  # (no police)
                 and not backing(sent, a, index)]
        return named[0] if named else index.main_state
    return None


def backing(sent, actor: str, index: Index) -> bool:
    """Whether a sentence names an actor only as one that backs another: "M23, backed by Rwanda"."""
    words = event_words()["backing"]
    return all(any(a.lemma_.lower() in words for a in t.ancestors)
               for t in sent or () if index.actor_at.get(t.i) == actor)


def rival_state(actor1, index: Index, sent=None) -> str | None:
    """The forces of another state that the article names more often than its main armed group, for a
    state's military (not its police: "shots were fired at a police patrol" in a mandated territory),
    when the text never names the two side by side ("Saudi and Emirati forces" are allies): one the
    sentence `sent` names first ("Heglig was taken by the SPLA after clashes with Sudanese troops", in a
    story of a border war that names a rebel front once), else the one the article names most."""
    if actor1.id not in index.states:
        return None
    group = len(index.actors[index.main_armed].mentions) if index.main_armed else 0
    rivals = [a for a in index.states if index.actors[a].country_code not in (actor1.country_code, None)
              and len(index.actors[a].mentions) > group and frozenset((a, actor1.id)) not in index.allies]
    named = {index.actor_at[t.i] for t in sent or () if t.i in index.actor_at}
    return next((a for a in rivals if a in named), rivals[0] if rivals else None)


def armed_sides(sent, index: Index) -> list[str]:
    """The armed sides a sentence names, in order, not those that only say something ("the police and
    the army said")."""
    return list(dict.fromkeys(index.actor_at[t.i] for t in sent or () if t.i in index.actor_at
                              and index.actors[index.actor_at[t.i]].kind in ARMED and not a_speaker(t)))


def foes(sides: list[str], index: Index) -> tuple[str | None, str | None]:
    """The one side a sentence names, or the first two when they are of different kinds (a state's
    forces and a group), else no sides: two of a kind are more often allies than foes."""
    if len(sides) == 1:
        return sides[0], None
    if len(sides) >= 2 and index.actors[sides[0]].kind != index.actors[sides[1]].kind:
        return sides[0], sides[1]
    return None, None


def a_speaker(tok: Token) -> bool:
    """Whether a word is in the subject of a reporting verb ("the police and the army said")."""
    for t in (tok, *tok.ancestors):
        if t.dep_ == "nsubj" and t.head.lemma_.lower() in REPORTING_VERBS:
            return True
    return False


def previous_sentence_sides(trigger: Token, index: Index) -> list[str]:
    """The armed sides the sentence before names, in order."""
    return armed_sides(sentence_beside(trigger, -1), index)


def not_doers(trigger: Token) -> frozenset[int]:
    """The words of a sentence that name no doer of its attack: those it was done to ("a vehicle
    carrying gendarmes was blown up"), those killed or hurt ("Eleven soldiers were killed when a
    suicide bomber struck"), and those who tell of it ("Police said a grenade was thrown")."""
    done_to = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    victims = [t for t in trigger.sent if t.dep_ == "nsubjpass"]
    speakers = [t for t in trigger.sent if t.dep_ == "nsubj" and t.head.lemma_.lower() in REPORTING_VERBS]
    return frozenset(t.i for c in (*done_to, *victims, *speakers) for t in c.subtree)


def attacked_by_unarmed_men(sent, index: Index) -> bool:
    """Whether a sentence's attack on people was made by men it names as no armed side or state
    (`unarmed_attackers`): "a group of men attacked a peaceful rally"."""
    return any(unarmed_men(list(subject.subtree), index) for verb in sent if verb.lemma_.lower() in ATTACKING
               if (subject := subject_of(verb)) is not None)


def unarmed_men(doers: list[Token], index: Index) -> bool:
    """Whether words naming who did something name men who are no armed side or state
    (`unarmed_attackers`, and no armed actor among them): "a group of men"."""
    return bool({t.lemma_.lower() for t in doers} & UNARMED_ATTACKERS) and not any(
        t.i in index.actor_at and index.actors[index.actor_at[t.i]].kind in ARMED for t in doers)


def beaten_by_unarmed_men(verb: Token, index: Index) -> bool:
    """Whether violence by hand (`by_hand`) was done by men the text names as no armed side or state
    (`unarmed_attackers`), its subject or its passive's agent: "a truck driver was beaten by a group
    of men", "groups were chasing and beating young men"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in BY_HAND:
        return False
    doers = [t for c in verb.children if c.dep_ in ("nsubj", "agent") for t in c.subtree]
    if not doers and verb.dep_ == "conj":
        doers = [t for c in verb.head.children if c.dep_ == "nsubj" for t in c.subtree]
    if not doers:  # "was punched and kicked by a group of youths": the agent of the verb joined to it
        doers = [t for v in verb.children if v.dep_ == "conj" for c in v.children if c.dep_ == "agent" for t in c.subtree]
    return unarmed_men(doers, index) and not {t.lemma_.lower() for t in doers} & NOT_A_MOB


def crowd_in(sent) -> bool:
    """Whether a sentence tells of a crowd (`crowd_words`, `crowd_doers`): "several hundred young
    people gathered; petrol bombs were thrown at police" is the crowd's doing."""
    return any(word_lemma(t) in CROWD_WORDS and t.ent_type_ != "DATE" for t in sent)  # not "in early March"


def takes_an_unknown_place(verb: Token, index: Index) -> bool:
    """Whether a capture names the place taken by a name the gazetteer does not place: "MOSCOW - Russian
    forces captured Novomykhailivka" did not happen in Moscow, nor "COLOMBO - troops took control of
    Elephant Pass"."""
    taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    # what control was taken of, unless an organisation ("took control of ORTM, the state broadcaster")
    taken += [o for c in taken if c.lemma_.lower() in CONTROL_NOUNS for p in c.children
              if p.dep_ == "prep" and p.lower_ in ("of", "over") for o in p.children
              if o.dep_ == "pobj" and o.ent_type_ != "ORG"]
    return any(c.pos_ == "PROPN" and c.i not in index.place_at and c.i not in index.actor_at for c in taken)


def air_power(doc, index: Index, other_than: str | None, struck: str | None) -> str | None:
    """The first state the story names by its aircraft (`aircraft` in words.yaml: "Soviet aircraft",
    "Ethiopian jets"), other than `other_than` and than the state of the country struck (`struck`):
    "Ukrainian drones struck Belgorod" names no one who bombed Kharkiv."""
    return next((actor for i, actor in sorted(index.actor_at.items()) if doc[i].lemma_.lower() in AIRCRAFT
                 and index.actors[actor].kind in ("state_forces", "external_forces") and actor != other_than
                 and (struck is None or index.actors[actor].country_code != struck)), None)


def operator_of(weapon: Token | None, index: Index) -> str | None:
    """The side a weapon is said to be used by ("a drone operated by the ELN", "a missile fired by
    the Houthis"), not one it was aimed at ("a missile aimed at Ukrainian army positions")."""
    if weapon is None:
        return None
    return next((index.actor_at[o.i] for t in weapon.subtree if t.dep_ == "agent"
                 for o in t.subtree if o.i in index.actor_at), None)


def political_arrest(tok: Token, index: Index) -> bool:
    """Whether an arrest's sentence names an armed group or people of politics (`political_people`):
    "arrested five al-Shabaab suspects and seized drugs and weapons", "40 opposition activists"."""
    return any((t.i in index.actor_at and index.actors[index.actor_at[t.i]].kind in NON_STATE_ARMED)
               or t.lemma_.lower() in POLITICAL_PEOPLE for t in tok.sent)


def for_an_offence(verb: Token) -> bool:
    """Whether an arrest is "for" or "over" an ordinary offence (`ordinary_offences`): "arrested a man for
    drunk driving", "detained two men over the robbery of a bank"."""
    held = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))]
    return any(t.lemma_.lower() in ORDINARY_OFFENCES for h in held for p in h.children
               if p.dep_ == "prep" and p.lower_ in ("for", "over") for t in p.subtree)


def found_crime(sent) -> bool:
    """Whether a sentence tells of police finding what ordinary crime deals in (`ordinary_crime`):
    "after police found drugs, counterfeit money and tools" (not "arrested a journalist who had
    reported on drug addiction")."""
    for t in sent:
        if t.lemma_.lower() not in ORDINARY_CRIME:
            continue
        noun = t
        while noun.dep_ in ("conj", "amod", "compound") and noun.head.i != noun.i:
            noun = noun.head
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in FINDING_VERBS:
            return True
    return False


def state_forces_before(tok: Token, index: Index) -> bool:
    """Whether the sentence before names the state's forces: "Soldiers and police raided homes in
    Buxton. Seven people were arrested" (not "He lives in exile in Vilnius. Twelve were detained")."""
    return any(index.actors[a].kind == "state_forces" for a in previous_sentence_sides(tok, index))


def crowd_scene(tok: Token) -> bool:
    """Whether a sentence or the one before tells of a crowd or a protest: arrests there are the
    protest's intervention, not a raid's ("24 people were detained" after police pushed marchers back)."""
    return any(crowd_in(s) or any(protest_word(t) for t in s) for s in (tok.sent, sentence_beside(tok, -1)) if s)


def unnamed_attacker(target: str, place_id: str | None, index: Index, sent=None) -> str:
    """Who attacked an armed side when the text names no one: the side the story has it fight, else
    ACLED's unidentified armed group of the place's country."""
    country = index.places[place_id].country_code if place_id else None
    return other_side(index.actors[target], index, sent) or index.unidentified(country)


def victims_of_toll(noun: Token, index: Index) -> set[str]:
    """The actors named among those killed or hurt in an attack told by its toll ("six policemen were
    killed in an ambush")."""
    toll = noun.head.head
    return {index.actor_at[t.i] for c in toll.children if c.dep_ in ("nsubjpass", "dobj")
            for t in c.subtree if t.i in index.actor_at}


def with_a_weapon_trigger(verb: Token) -> bool:
    """Whether a verb's "with" names a weapon the lexicon codes on its own: "was attacked with a
    grenade" is the grenade's event."""
    return any(g.lemma_.lower() in lexicon().noun_heads for c in verb.children if c.dep_ == "prep"
               and c.lower_ == "with" for g in c.children if g.dep_ == "pobj")


def lost_to(verb: Token, index: Index) -> str | None:
    """The side a place was lost to ("lost Manbij to the Syrian Democratic Forces"), if the text names it."""
    sides = (actor_in(o, index) for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
             for o in p.children if o.dep_ == "pobj")
    return next((side for side in sides if side), None)


def passive_without_agent(verb: Token) -> bool:
    """Whether a verb is a passive that names no doer: "Kidal has been liberated"."""
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def reporting_side(verb: Token, index: Index) -> str | None:
    """The armed side whose speaker reports the clause of a verb: "\"Kidal has been liberated,\"
    a spokesman for the army said" gives the army."""
    head = verb.head if verb.dep_ in ("ccomp", "parataxis") else None
    if head is None or head.lemma_.lower() not in REPORTING_VERBS:
        return None
    named = [index.actor_at[t.i] for c in head.children if c.dep_ == "nsubj" for t in c.subtree if t.i in index.actor_at]
    return next((a for a in named if index.actors[a].kind in ARMED), None)


def story_sides(index: Index) -> list[str]:
    """The story's armed group and state forces, when it names both: the sides of a fight it tells
    without naming them."""
    return [index.main_armed, index.main_state] if index.main_armed and index.main_state else []


def one_sided_on_a_crowd(trigger: Trigger, actor1, actor2_id: str | None, index: Index) -> bool:
    """Whether the state's forces attacked protesters, one-sided ("soldiers attacked peaceful
    protesters"), not fought with a crowd ("police clashed with protesters" is a riot)."""
    target = index.actors.get(actor2_id or "")
    return trigger.is_verb and trigger.token.lemma_.lower() not in OPPOSING and actor1 is not None \
        and actor1.kind == "state_forces" and target is not None and target.kind == "protesters"


def lethal_sentence(tok: Token) -> bool:
    """Whether a sentence tells of deaths or wounds (`lethal` in words.yaml)."""
    return any(t.lemma_.lower() in LETHAL_WORDS for t in tok.sent)


def a_grievance(tok: Token) -> bool:
    """A noun told only as what a protest is against (`grievance_preps` in words.yaml): "a
    demonstration against the airstrikes", "marched to protest against the killings"."""
    if tok.pos_ == "VERB":
        return False
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "against the killings and kidnappings"
    return tok.dep_ == "pobj" and tok.head.lower_ in GRIEVANCE_PREPS and protest_word(tok.head.head)


def unnamed_attack_on_civilians(trigger: Trigger, actor1, index: Index) -> bool:
    """An attack named by its civilian dead with no doer: "ten villagers were killed in an attack near
    Zaria", "a bus was ambushed near Zebilla" is an attack by an armed group the text does not name (ACLED's
    unidentified armed group);
    not when the dead are only "men", who in a feud or a war may be its fighters ("64 men were killed
    in an ambush in Enga province")."""
    if actor1 is not None or trigger.family.name != "clash":
        return False
    if trigger.is_verb:  # not in a story of crowds ("the offices of the prime minister had been attacked"),
        # nor a robbery ("was attacked and robbed as he walked home")
        return no_doer_named(trigger.token) and on_civilians(trigger.token, index) \
            and not crowd_just_seen(trigger.token, index) and not unrest_story(index) \
            and not any(t.lemma_.lower() in CRIME_ACTS for t in trigger.token.sent)
    if not in_a_toll(trigger.token):
        return False
    dead = [c for c in trigger.token.head.head.children if c.dep_ in ("dobj", "nsubjpass")]
    return on_civilians(trigger.token, index) and not all(d.lemma_.lower() == "man" for d in dead)


def attacked_under_fire(verb: Token, args: Arguments, index: Index) -> bool:
    """Whether what "came under fire" was attacked: an armed side, civilians, a place, or one of
    `attacked_things` ("a convoy", "their positions"), by no one named or by an armed side ("from
    insurgents"); not "the lira came under attack from speculators", "the referee came under fire"."""
    subject = subject_of(verb)
    attacker, target = index.actors.get(args.actor1 or ""), index.actors.get(args.actor2 or "")
    said_from = any(p.dep_ == "prep" and p.lower_ == "from" for h in (verb, *under_what(verb)) for p in h.children)
    if subject is None or (said_from and (attacker is None or attacker.kind not in ARMED)):
        return False
    return (target is not None and target.kind in ARMED | {"civilians"}) or args.place is not None and any(
        t.i in index.place_at for t in subject.subtree) or counted(subject).lemma_.lower() in ATTACKED_THINGS


def bombers_died(sent) -> bool:
    """Whether a sentence says the bombers died in their own blast: "killing themselves and 12 others",
    "men pushing luggage trolleys, who died in the blasts" (`bomb_carriers`, or people who handled the
    bomb, who die in `blasts`)."""
    for t in sent:
        if t.lower_ in REFLEXIVES and t.dep_ == "dobj" and t.head.lemma_.lower() == "kill":
            return True
        if t.lemma_.lower() == "die" and any(o.lemma_.lower() in BLASTS for p in t.children if p.dep_ == "prep"
                                             and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"):
            subject = t.head if t.dep_ == "relcl" else subject_of(t)
            if subject is not None and (subject.lemma_.lower() in BOMB_CARRIERS or handled_the_bomb(subject)):
                return True
    return False


def handled_the_bomb(person: Token) -> bool:
    """Whether what a sentence says of a person is that they carried, pushed or wore the bomb
    (`bomb_handling`): "the men who carried them", "men pushing luggage trolleys" (not "a man who
    died in the blast was a vendor")."""
    return any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in BOMB_HANDLING for c in person.children)


def no_doer_named(verb: Token) -> bool:
    """Whether a verb tells what was done to someone without naming who did it: a passive with no agent,
    or only one of `unnamed_killers` ("a bus was ambushed near Zebilla", "was attacked by unknown men"),
    or what came under fire ("the convoy came under fire"); not where a crowd is in its sentence (a
    crowd's is a riot)."""
    if crowd_in(verb.sent):
        return False
    if under_what(verb):
        return True
    agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    return any(c.dep_ == "nsubjpass" for c in verb.children) and all(a.lemma_.lower() in UNNAMED_KILLERS
                                                                     for a in agents)


def elsewhere_than_its_country(tok: Token, place_id: str, index: Index) -> bool:
    """Whether an event's place lies outside the country its own clause says it happened in ("were
    killed in Mali" placed at the Paris of the dateline or of a speaker): better no event than a wrong
    place."""
    verb = clause_verb(tok)
    said = {index.places[index.place_at[t.i]].country_code for t in tok.sent if t.i in index.place_at
            and index.places[index.place_at[t.i]].feature == "country" and t.dep_ == "pobj"
            and t.head.lower_ == "in" and own_clause_place(t, verb)}
    return bool(said) and index.places[place_id].country_code not in said


def left_before_a_disaster(verb: Token) -> bool:
    """Whether a town was evacuated before a disaster its verb names ("ahead of the floods", "as the
    volcano erupted"), not an enemy."""
    return any(t.lemma_.lower() in DISASTERS for c in verb.children if c.dep_ in ("prep", "advcl", "advmod")
               for t in c.subtree)


def held_by_armed_men(sent, index: Index, named_too: bool = False) -> bool:
    """Whether a sentence calls a place held by armed men: "rebel-held Zaria", "the separatist-controlled
    town" (`armed_holders` before "-held", "-controlled"); `named_too`, a non-state armed side by its name ("the
    Houthi-held capital", asked of strikes from afar: civilians "killed in the M23-held town" may be M23's dead)."""
    return any(t.lower_ in ARMED_HOLDERS or (named_too and t.i in index.actor_at and index.actors[
        index.actor_at[t.i]].kind in NON_STATE_ARMED) for t in holders_named(sent))


def holders_named(sent) -> list[Token]:
    """The words that name who holds a place in "-held" or "-controlled" ("the Houthi-held capital",
    "Islamic State-controlled Raqqa"): the last word before the hyphen and the name it ends."""
    doc = sent.doc
    last = [doc[t.i - 2] for t in sent if t.lower_ in ("held", "controlled") and t.i - 2 >= sent.start
            and doc[t.i - 1].text == "-"]
    return [w for t in last for w in doc[max(t.left_edge.i, sent.start):t.i + 1]]


def no_war_fight(noun: Token, index: Index) -> bool:
    """A fight noun whose own phrase, or where its verb says it happened, tells of people who fight no war
    (`no_war_fighters`: "between fans", "in the state assembly", "between police and journalists"), in a
    sentence that names no side but the state's forces (not "police fired tear gas at protesters during a
    clash outside the assembly")."""
    phrase = [*noun.subtree, *(t for p in noun.head.children if p.dep_ == "prep" for t in p.subtree)]
    return any(t.lemma_.lower() in NO_WAR_FIGHTERS for t in phrase) and not any(
        index.actors[index.actor_at[t.i]].kind not in STATE_FORCES for t in noun.sent if t.i in index.actor_at)


def began_after_another(noun: Token, index: Index) -> bool:
    """Whether a noun is told to have begun (`aspect_verbs`) after an event its clause tells, with no day of its
    own: "The protests began after two associates were shot dead in Maputo on Oct. 19 by unidentified gunmen"
    (the day is the killing's; but "after police shot dead two supporters" tells the state's force on them)."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() not in ASPECT_VERBS:
        return False
    after = [t for t in verb.subtree if t.lower_ == "after" and t.dep_ in ("prep", "mark")
             and verb.i in (t.head.i, t.head.head.i)]  # "began after X were shot", however it is parsed
    state = any(t.i in index.actor_at and index.actors[index.actor_at[t.i]].kind in STATE_FORCES
                for t in verb.subtree if after and t.i > after[0].i)
    return bool(after) and not state \
        and not any(t.ent_type_ in ("DATE", "TIME") and t.i < after[0].i for t in verb.subtree)


def drove_out_a_crowd(verb: Token, index: Index) -> bool:
    """Whether a verb of taking acts on a crowd: "police drove the protesters out of the assembly", "occupied
    the chamber before police drove them out" (a pronoun for a crowd named before)."""
    subject = subject_of(verb)
    doers = {t.i for t in subject.subtree} if subject is not None else set()
    for target in (c for c in verb.children if c.dep_ == "dobj"):
        if target.pos_ == "PRON":  # the side or the subject last named before it, not the verb's own doer
            named = [t for t in target.sent if t.i < target.i and t.i not in doers
                     and (t.i in index.actor_at or t.dep_ == "nsubj" and t.tag_ == "NNS")]
            if any(t.i in index.actor_at and index.actors[index.actor_at[t.i]].kind in ARMED for t in named):
                return False  # "militiamen seized the town hall as protesters gathered, but troops drove them out"
            target = named[-1] if named else target
        meant = actor_in(target, index)
        if word_lemma(target) in CROWD_WORDS or (meant is not None and index.actors[meant].kind in CROWDS):
            return True
    return False


def toll_of_a_fight(noun: Token) -> bool:
    """Whether the dead a sentence tells were killed in a fight of two sides, by no one it names: "Nineteen
    people were killed in the fighting in Male" (not "shelling killed 12 civilians in the worst fighting")."""
    return noun.lemma_.lower() in TWO_SIDED_FIGHTS and in_a_toll(noun) \
        and subject_of(noun.head.head) is None and not any(c.dep_ == "agent" for c in noun.head.head.children)


def fighting_went_on(trigger: Trigger, args: Arguments, index: Index) -> bool:
    """Fighting told going on in a town of a story of armed sides, by no side named: "Fighting went on in
    Zinjibar", "heavy clashes broke out around Mitiga" (a fight noun the subject of one of `fighting_went_on`,
    or the fight people were killed in: "Nineteen people were killed in the fighting in Male";
    not "the fight against corruption continued", nor fighting between sides it names that are none of them)."""
    tok = trigger.token
    went_on = (tok.dep_ == "nsubj" and tok.head.lemma_.lower() in FIGHTING_WENT_ON) or toll_of_a_fight(tok)
    return trigger.family.name == "clash" and not trigger.is_verb and went_on \
        and (index.main_armed or index.main_state) is not None \
        and args.place is not None and index.places[args.place].feature in ("city", "site") \
        and any(index.place_at.get(t.i) == args.place and own_clause_place(t, tok.head) for t in tok.sent) \
        and not any(c.dep_ == "prep" and c.lower_ in ("against", "for", "over", "between") for c in tok.children)


def ambushed_force(trigger: Trigger, actor1, target) -> bool:
    """A force attacked by men the text does not name: "a police patrol was ambushed near Zaria", "two
    policemen were killed by men wearing army uniforms" is a fight with an unidentified armed group (a
    passive with no agent, or one of `unnamed_killers`, done to an armed side, with no crowd in its
    sentence: "lines of police were attacked" by young people gathered is their riot)."""
    return actor1 is None and trigger.family.name == "clash" and trigger.is_verb and target is not None \
        and target.kind in ARMED and no_doer_named(trigger.token)


def died_in_a_disaster(tok: Token) -> bool:
    """Whether the dead a lethal verb tells died in a disaster or an accident, no one's attack: "ten
    villagers were killed in a flood", "in a road accident", "by lightning" (`disasters`)."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in LETHAL_WORDS and any(
        o.lemma_.lower() in DISASTERS or any(m.lemma_.lower() in DISASTERS for m in o.children if m.dep_ == "compound")
        for p in tok.children if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ in TOLL_PREPS)
        for o in p.children if o.dep_ == "pobj")  # "killed by lightning", "in a road accident"


def an_accusation(tok: Token) -> bool:
    """A verb told only as what a side is accused of (`accusing` in words.yaml): "officials accused
    soldiers of setting houses alight" is an allegation, not an event."""
    return tok.dep_ == "pcomp" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ACCUSING


def of_an_earlier_year(tok: Token, dates: DateTracker) -> bool:
    """A noun trigger that names its own, earlier year: "the scene of a deadly 2017 chemical weapons
    attack" is history, whatever day the sentence's news happened."""
    if tok.pos_ not in ("NOUN", "PROPN") or dates.published is None:
        return False
    words = [*tok.children, *(c for c in tok.head.children if tok.dep_ == "compound")]
    years = [int(w.text) for w in words if w.dep_ in ("nummod", "compound", "amod") and w.text.isdigit()
             and len(w.text) == 4]
    return any(1900 < y < dates.published.year for y in years)


NEWS_DAYS = 10  # a day this close before publication is the story's news
ANSWERING = frozenset(event_words()["answering"])
WEEKDAY_NAMES = frozenset(WEEKDAYS)  # "on Monday night": a time with a day's name in it
HISTORY_DAYS = 30  # a month or year this long before publication is background, told without its day


def undated_history(when, dates: DateTracker) -> bool:
    """Whether an event is dated only by a part of a month, a month or a year that ended well before
    publication ("the battle of Stalingrad, which ended in February 1943"; "In May, ..." or "in late May" in a
    story of July):
    history, which ACLED cannot code without its day."""
    return when is not None and dates.published is not None and when.precision in ("week", "month", "year") \
        and (dates.published - period_end(when)).days > HISTORY_DAYS


def period_end(when) -> "date":
    """The last day of the month or year a date names."""
    from datetime import date, timedelta

    if when.precision == "year":
        return date(when.day.year, 12, 31)
    first_of_next = date(when.day.year + when.day.month // 12, when.day.month % 12 + 1, 1)
    return first_of_next - timedelta(days=1)


def bare_fall(trigger: Trigger) -> bool:
    """A verb whose subject is the place it happened to (`place_subject_verbs`), told without a taker
    or a manner: "Sheberghan fell on Saturday" (not "fell to the rebels", "fell without a fight")."""
    return trigger.is_verb and trigger.token.lemma_.lower() in PLACE_SUBJECT_VERBS and not any(
        c.dep_ == "prep" and c.lower_ in ("to", "without") for c in trigger.token.children)


def taken_in_passive(trigger: Trigger, index: Index) -> bool:
    """A place taken, told in the passive without its taker: "Two other capitals, Sar-e Pul and
    Taloqan, were also taken on Sunday" (not "government troops were driven out of Baidoa", "Kunduz
    was taken off the list", nor history: "Mosul was taken in 2014")."""
    verb = trigger.token
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return trigger.is_verb and subject is not None and not told_with_a_year(verb.sent) and not bound_elsewhere(verb) \
        and not any(c.dep_ == "agent" for c in verb.children) and place_in(subject, index) is not None \
        and subject.i not in index.actor_at


def passive_taker(verb: Token, place: str | None, index: Index) -> str | None:
    """Who took a place told taken in the passive without its taker: the story's armed group ("Taloqan was
    also taken on Sunday"), else the state's forces of a story of one state; a place retaken (`retaking`),
    the side the story tells most of, of the two ("Kombolcha was retaken the next day" in a story of the
    army against a rebel front, "Alamata was retaken" in one of the front's advance), the state only on
    its own country's ground ("Russian forces captured Kherson in March. Kherson was
    liberated on Friday" is no Russian retaking).  In a story of two states at war, none: either may
    have taken it."""
    holder = holder_told(verb, index)
    if holder is not None:
        return holder  # "Tanduo has been cleared and is under the control of the security forces"
    state = index.states[0] if len(index.states) == 1 else None
    if verb.lemma_.lower() not in RETAKING:
        return index.main_armed or state or story_taker(verb.doc, index)
    earlier = earlier_taker(verb, place, index)
    if earlier is not None:  # "The army had seized Kibumba on Friday ... Kibumba was retaken": by the army's foe
        return other_side(index.actors[earlier], index)
    sides = [a for a in (index.main_armed, state) if a is not None]
    if not sides:  # two states at war, no armed group: the one the story tells taking places
        return story_taker(verb.doc, index)
    # the story's protagonist; on a tie the state, which retakes more often than it is retaken from
    taker = max(sides, key=lambda a: (len(index.actors[a].mentions), a == state), default=None)
    if taker == state and taker is not None and (place is None or index.actors[taker].country_code != forces_country(
            index.places[place].country_code or "")):
        return None  # a government takes back its own ground, not a foreign state's
    return taker


def protesters_held(verb: Token) -> bool:
    """Whether those arrested were protesting: protesters, demonstrators or marchers, or people held at or
    during a protest ("detained several dozen people at a small rally")."""
    # the people held themselves, not what a clause on them tells ("arrested three men suspected of attacking
    # protesters")
    people = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    people += [o for c in people for p in c.children if p.dep_ == "prep" and p.lower_ == "of"  # "dozens of protesters"
               for o in p.children if o.dep_ == "pobj"]
    held = {t.lemma_.lower() for c in people for t in (c, *c.conjuncts, *(m for m in c.children
                                                                         if m.dep_ in ("compound", "amod")))}
    at_a_protest = any(protest_word(o) for p in verb.children if p.dep_ == "prep" and p.lower_ in ("at", "during")
                       for o in p.children if o.dep_ == "pobj")
    return bool(held & PROTESTERS_HELD) or at_a_protest


def fired_upon(noun: Token) -> bool:
    """Whether a gathering is what a verb of the lexicon was aimed at ("opened fire on a rally of students",
    "fired into the procession"; not "went on strike": a verb of the lexicon in none of its senses)."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in AIMED_PREPS and prep.head.pos_ == "VERB" \
        and prep.head.lemma_.lower() in lexicon().verbs and bool(verb_senses_fitting(prep.head, lexicon()))


def armed_foe(actor1, actor2: str | None, index: Index) -> bool:
    """Whether a taking has an armed side to take from: the one named, else the story's foe of the taker."""
    foe = index.actors.get(actor2 or "") or (
        index.actors.get(other_side(actor1, index) or "") if actor1 is not None else None)
    return foe is not None and foe.kind in ARMED


def holder_told(verb: Token, index: Index) -> str | None:
    """The armed side a passive taking's own clause says holds the place now: "under the control of the
    security forces", "in the control of the army" (the control of a verb joined to the taking); the side a
    place was handed to (`handing`: "handed control of Kidal to the CMA")."""
    clause = [verb, *verb.conjuncts]
    for tok in (t for c in clause for t in c.subtree):
        if tok.lemma_.lower() == "control" and tok.head.lower_ in ("under", "in") and tok.head.head in clause:
            side = next((actor_in(o, index) for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                         for o in p.children if o.dep_ == "pobj"), None)
            if side is not None and index.actors[side].kind in ARMED:
                return side
    if verb.lemma_.lower() in event_words()["handing"]:  # "handed control of Kidal to the CMA": the side it went to
        near = [*verb.children, *(g for c in verb.children if c.dep_ in ("prt", "dobj") for g in c.children)]
        return next((side for p in near if p.dep_ == "prep" and p.lower_ == "to" for o in p.children
                     if o.dep_ == "pobj" and (side := actor_in(o, index)) and index.actors[side].kind in ARMED), None)
    return None


def story_taker(doc: Doc, index: Index) -> str | None:
    """The one side a story tells taking places by name, as news ("Balakliia, which Ukrainian forces
    retook", "the Ugandan column took the village of Kyaka", "Izium was recaptured by Ukrainian
    forces"): who took a place it tells taken by no one named ("Shevchenkove was taken on Friday").
    None when it tells of two sides taking places.  A taking told with its year is background, no
    evidence ("Ukrainian forces recaptured Kherson in November 2022 ... Avdiivka was captured")."""
    takers = set()
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in TAKING_VERBS | RETAKING or told_with_a_year(verb.sent):
            continue
        taken = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        passive = taken is not None and taken.dep_ == "nsubjpass"
        if taken is not None and taken.tag_ == "WDT" and verb.dep_ == "relcl":
            taken = verb.head  # "Balakliia, which Ukrainian forces retook"
        if taken is None or place_in(taken, index) is None:
            continue
        doer = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None) \
            if passive else subject_of(verb)
        actor = actor_in(doer, index) if doer is not None else None
        if actor is not None and index.actors[actor].kind in ARMED:
            takers.add(actor)
    return takers.pop() if len(takers) == 1 else None


def earlier_taker(verb: Token, place: str | None, index: Index) -> str | None:
    """The side the text told took this place before (the subject of a taking verb, `retaking` or
    `taking`, whose object is the place), last before `verb`."""
    found = None
    for i, pid in sorted(index.place_at.items()):
        if i >= verb.i or pid != place:
            continue
        tok = verb.doc[i]
        head = tok.head if tok.dep_ == "dobj" else None
        if head is not None and head.lemma_.lower() in TAKING_VERBS | RETAKING:
            subject = subject_of(head)
            found = index.actor_at.get(subject.i) if subject is not None else found
    return found


def taken_as_subject(verb: Token, index: Index) -> bool:
    """Whether a bare "fell" tells of the place taken: "Sheberghan fell"; its subject is a place and
    nothing but a time completes it (not "fell ill", "fell into darkness", "prices fell")."""
    subject = subject_of(verb)
    return subject is not None and place_in(subject, index) is not None and not any(
        c.dep_ in ("acomp", "oprd", "attr", "dobj", "xcomp") or (c.dep_ == "prep" and c.lower_ in NOT_TAKEN_PREPS)
        for c in verb.children)


def names_a_force(tok: Token, index: Index) -> bool:
    """A trigger word that only says what kind of force a state's unit is, is no event: "riot troops",
    "riot officers" (not "Russian airstrikes", an actor mention whose head is the trigger)."""
    actor_id = index.actor_at.get(tok.i)
    return actor_id is not None and index.actors[actor_id].kind in STATE_FORCES and tok.dep_ in ("compound", "amod") \
        and index.actor_at.get(tok.head.i) == actor_id


def only_names_a_kind(tok: Token) -> bool:
    """A trigger noun that only says what kind of people or thing another noun is, is no event:
    "protest leaders said", "a strike force" (`kind_heads`)."""
    return tok.pos_ != "VERB" and tok.dep_ == "compound" and tok.head.lemma_.lower() in KIND_HEADS


def of_a_kind(tok: Token) -> bool:
    """A trigger noun in the plural, with no article, figure or owner, hanging from another noun,
    speaks of such events in general: "the ban on face masks at rallies", "the organisers of protests";
    not what "of" tells after a report, a time or a number (`telling_heads`: "reports of clashes in
    Djugu on Monday", "a night of riots", "hundreds of shells"), nor a passive's agent ("killed by
    rockets")."""
    owner = tok.head.head
    return tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.dep_ == "pobj" and tok.head.lower_ != "by" \
        and owner.pos_ in ("NOUN", "PROPN") and not (tok.head.lower_ == "of" and (
            owner.lemma_.lower() in TELLING_HEADS or owner.like_num)) \
        and not any(c.dep_ in ("det", "nummod", "poss", "amod", "compound") for c in tok.children)


def days_of(tok: Token) -> bool:
    """A trigger noun counted out over days ("after five days of air raids and artillery fire", "three
    weeks of street protests", "two nights of looting"): many events told as one span, none of its own
    (but "a day of fighting", one day's, may be).  Its conjuncts and the nouns it names are counted with
    it ("two days of rocket fire")."""
    noun = tok
    while noun.dep_ in ("conj", "compound", "amod") and noun.head.i != noun.i and noun.head.pos_ == "NOUN":
        noun = noun.head  # "two days of rocket fire", "of air raids and artillery fire"
    span = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    return tok.pos_ != "VERB" and span is not None and span.tag_ == "NNS" \
        and span.lemma_.lower() in TALLY_SPAN_UNITS


def names_a_time(tok: Token) -> bool:
    """An event named to say where someone was when it began is no event of its own: "Lula was in Sao
    Paulo when the riot began", "Azahari was in Manila when the fighting began" (not "thousands fled
    Omdurman when the shelling began", the news itself)."""
    verb = tok.head
    return tok.pos_ != "VERB" and tok.dep_ == "nsubj" and any(c.lower_ == "the" for c in tok.children) \
        and verb.lemma_.lower() in ASPECT_VERBS and verb.dep_ == "advcl" and verb.head.lemma_.lower() in STATE_VERBS \
        and any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children)


def habitual(tok: Token) -> bool:
    """Whether a trigger, or the present-tense verb it is the subject of, is said to happen by habit:
    "kidnappings on the highways continue almost daily", "gunmen routinely attack convoys", "every day",
    or over years ("have staged attacks for years", `long_spans`)."""
    verbs = [tok, tok.head] if tok.dep_ in ("nsubj", "nsubjpass") else [tok]
    if any(p.dep_ == "prep" and p.lower_ == "for" and o.tag_ == "NNS" and o.lemma_.lower() in LONG_SPANS
           for v in verbs for p in v.children for o in p.children if o.dep_ == "pobj"):
        return True  # "have staged attacks in Balochistan for years"
    if any(c.dep_ in ("advmod", "npadvmod") and c.lemma_.lower() in WEEKLY_UNITS
           and any(d.lower_ == "every" for d in c.children) for v in verbs for c in v.children):
        return True  # "gathered every Friday", in any tense
    if not any(v.tag_ in ("VBP", "VBZ") or (v.tag_ == "VB" and not any(c.dep_ == "aux" for c in v.children))
               or (v.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in v.children))
               for v in verbs):  # the model can tag a present as VB; "is shelled almost daily" is a present too
        return False  # "militants frequently attacked convoys in March, killing 40": dated past news
    return any(c.dep_ in ("advmod", "npadvmod") and (c.lemma_.lower() in HABITUAL or (
        c.lemma_.lower() in HABITUAL_UNITS and any(d.lower_ == "every" for d in c.children)))
        for v in verbs for c in v.children)


DURATION_WORDS = event_words()["duration_words"]  # "since May", "for nearly two weeks": how long, not when
TALLY_SPAN_PREPS, TALLY_SPAN_UNITS = event_words()["tally_span_preps"], event_words()["tally_span_units"]
TALLY_SPAN_MODIFIERS = event_words()["tally_span_modifiers"]
SPAN_ENDS = event_words()["span_ends"]
DISASTERS, TOLL_PREPS = frozenset(event_words()["disasters"]), event_words()["toll_preps"]
UNNAMED_KILLERS = frozenset(event_words()["unnamed_killers"])
REFLEXIVES, BLASTS, BOMB_CARRIERS = (event_words()[k] for k in ("reflexives", "blasts", "bomb_carriers"))
BOMB_HANDLING, CRIME_ACTS = event_words()["bomb_handling"], event_words()["crime_acts"]
ATTACKED_THINGS = event_words()["attacked_things"] | CIVILIAN_TARGETS
LOOTED_TRADE = frozenset(event_words()["looted_trade"])


def a_tally_over_time(tok: Token) -> bool:
    """Whether a trigger tells a count over a stretch of time, not one event: "194 people had been
    arrested since Monday", "since the start of the offensive" (a preposition "since"), "drone strikes
    had killed dozens since the conflict began" (a clause of beginning, `aspect_verbs`), "detained
    hundreds over the past week" (`tally_span_*`), "fought until the ceasefire" (`span_ends`); and "20
    people had died since the protests began"
    tells no protest either.  A "since" of cause heads a clause of another verb and is none of these
    ("marched to the stadium, since police had blocked the square")."""
    verbs = [tok, tok.head] if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else [tok]
    for verb in verbs:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "since" and any(o.dep_ == "pobj" for o in c.children):
                return True  # "since Monday", "since the start of the offensive", "since the election"
            if since_it_began(c):
                return True
            if c.dep_ == "prep" and c.lower_ in ("until", "till") and any(
                    o.dep_ == "pobj" and o.lemma_.lower() in SPAN_ENDS for o in c.children):
                return True  # "which fought Iraq until the ceasefire of Feb. 28"
            if c.dep_ == "prep" and c.lower_ in TALLY_SPAN_PREPS and any(
                    o.dep_ == "pobj" and o.lemma_.lower() in TALLY_SPAN_UNITS
                    and any(m.lower_ in TALLY_SPAN_MODIFIERS for m in o.children) for o in c.children):
                return True
    clause = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
    return (clause is not None and since_it_began(clause)) or done_since(tok)


def done_since(tok: Token) -> bool:
    """Whether the clause of a trigger counts all that was done since a time told before: "Iran has since fired
    hundreds of missiles" (a present perfect with "since" for its adverb, and a count of what it did; not "the army
    has since retaken the town", one act)."""
    verb = next((a for a in (tok, *tok.ancestors) if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "advmod" and c.lower_ == "since" for c in verb.children) \
        and any(a.dep_ == "aux" and a.lemma_ == "have" and a.tag_ in ("VBP", "VBZ") for a in verb.children) \
        and any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ == "NNS" and a_count(c) for c in verb.children)


def since_it_began(clause: Token) -> bool:
    """Whether a clause is "since <something> began": the start of a span, not a cause."""
    return clause.dep_ == "advcl" and clause.lemma_.lower() in ASPECT_VERBS and any(
        m.dep_ == "mark" and m.lower_ == "since" for m in clause.children)


def is_background_state(trigger: Trigger, index: Index, perfect_is_news: bool = False,
                        published: "date | None" = None) -> bool:
    """Words that describe rather than report: "a group battling the army" (a participle
    modifying a noun), "has seized large parts of", "since the summer ... have driven" (a
    present perfect with no date of its own), "armed groups ... which rallied to the GNA"."""
    tok = trigger.token
    if habitual(tok):
        return True
    if not trigger.is_verb:
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and any(c.dep_ == "attr" for c in tok.head.children) \
                and any(c.dep_ == "det" and c.lower_ in pointing_back() for c in tok.children):
            return True  # "the strike was a mistake": the noun points back to an event, and says what it was
        if tok.dep_ == "pobj" and tok.head.lower_ in ("until", "till") and tok.lemma_.lower() in SPAN_ENDS:
            return True  # "fought Iraq over Kuwait until the ceasefire of Feb. 28": when a war's span ended
        # a noun told by its verb's tense: "Lashkar Gah, where fighting has raged for two weeks"
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.pos_ != "VERB":
            return False
        tok = tok.head
    elif tok.dep_ == "acl" and tok.tag_ == "VBG":
        return True
    elif tok.dep_ in ("xcomp", "ccomp") and tok.head.dep_ == "acl" and tok.head.tag_ == "VBG":
        return True  # "a civilian helping the military fight the group": what he does, not what happened
    dated = bool(points_in_time(tok.sent))
    ongoing = tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in tok.children))
    # a headline's or a caption's present: "Rioters set fire to a street in Hong Kong, November 11, 2019"
    # (in an article, a date of an earlier year is a caption of history: "M23 rebels capture Goma, November 20, 2012")
    headline = tok.tag_ in ("VBZ", "VBP") and tok.dep_ == "ROOT" and tok.lemma_.lower() not in STATE_VERBS and any(
        e.label_ == "DATE" and dates_the_verb(e.root, tok) and (perfect_is_news or not earlier_year(e, published))
        for e in sentence_ents(tok.sent))
    if ongoing and trigger.is_verb and not headline:  # "resistance forces are fighting the army ...": a state of affairs
        return True
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in tok.children)
    if perfect and not dated and not perfect_is_news and not quoted(tok):
        return True  # a sentence the classifier reads as news may say "has", as a spokesman quoted does

    allegiance = trigger.family.name == "protest" and any(  # not "marched to the Government House"
        c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" and g.i in index.actor_at for g in c.children)
        for c in tok.children)
    return allegiance


def earlier_year(date: Span, published: "date | None") -> bool:
    """Whether a date names a year before publication ("November 20, 2012" in a story of 2024)."""
    return published is not None and any(t.like_num and len(t.text) == 4 and t.text.isdigit()
                                         and int(t.text) < published.year for t in date)


def told_on_its_day(tok: Token, dates: DateTracker) -> bool:
    """Whether a sentence is the news of a day of the story's week: it gives its own date ("On
    Thursday"; not a span, "for two weeks"), a day no more than `NEWS_DAYS` before publication."""
    when = dates.for_trigger(tok)
    if when is None or when.precision != "day" or dates.published is None \
            or not 0 <= (dates.published - when.day).days <= NEWS_DAYS:
        return False
    verb = tok if tok.pos_ == "VERB" else tok.head
    if any(c.dep_ == "prep" and c.lower_ in TALLY_PREPS for c in verb.children):
        return False  # "650 people had been arrested across the city": a tally, not one event
    return any(dates_the_verb(e.root, verb) for e in points_in_time(tok.sent))


def goes_on_with_the_scene(trigger: Trigger, args: Arguments, index: Index, dates: DateTracker) -> bool:
    """Whether a sentence with no place of its own tells what happened next in the scene of the
    sentences before, on a day of the story's week that its paragraph gives: "Armed men arrived at the
    palace on Tuesday. For five hours they exchanged fire with the guard"; "Soldiers arrived before
    midnight and exchanged fire with the attackers". Its main verb's subject is "they", or it is a
    fight whose two sides are named and of different kinds (two of one kind, "soldiers and police fought
    them", are more often a conjunction misread as the two sides), or it answers the attack told before
    ("Presidential guards returned fire", `answers`); not what someone said ("they said they had")."""
    tok = trigger.token
    verb = tok if tok.pos_ == "VERB" else tok.head
    if verb.dep_ not in ("ROOT", "conj") or not continues_before(tok, index):
        return False
    sides = [index.actors.get(a or "") for a in (args.actor1, args.actor2)]
    told = any(c.dep_ == "nsubj" and c.lower_ == "they" for c in verb.children) or (
        trigger.family.name == "clash" and None not in sides and sides[0].kind != sides[1].kind)
    when = dates.for_trigger(tok)
    # an answer to the attack just told is of its scene whichever paragraph gave the day
    return (answers(verb) or (told and dates.day_told_in_paragraph(tok.sent) is not None)) and when is not None \
        and dates.published is not None and 0 <= (dates.published - when.day).days <= NEWS_DAYS


def during_a_told_assault(tok: Token) -> bool:
    """Whether an act is told as done during "the" assault (`told_assaults`, `told_assault_preps`), one its
    story has told: "women who had been raped by men in RSF uniform during the assault"; it happened in the
    story's scene (`story_place`)."""
    verb = tok if tok.pos_ == "VERB" else tok.head
    return any(c.dep_ == "prep" and c.lower_ in TOLD_ASSAULT_PREPS and o.lemma_.lower() in TOLD_ASSAULTS
               and any(d.lower_ == "the" for d in o.children) for c in verb.children for o in c.children
               if o.dep_ == "pobj")


def answers(verb: Token) -> bool:
    """Whether a verb answers an attack the sentences before told of: "guards returned fire", "the
    attack was repelled", "soldiers drove them off" (`answering`: a verb, or a verb and its particle)."""
    said = verb.lemma_.lower()
    if said in ANSWERING:
        return True
    acted_on = any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)
    for c in verb.children:  # "drove them back", "fought off the attackers", "fired back" (not "drove back home")
        if f"{said} {c.lower_}" in ANSWERING and c.dep_ in ("prt", "dobj", "advmod", "prep"):
            if c.dep_ == "dobj" or acted_on or said == "fire" or any(g.dep_ == "pobj" for g in c.children):
                return True
    return False


def points_in_time(sent) -> list[Span]:
    """A sentence's dates that say when, not how long ("since May", "for nearly two weeks"): days, and
    times the model tags with a day's name in them ("on Monday night")."""
    doc = sent.doc
    return [e for e in sentence_ents(sent) if (e.label_ == "DATE" or (
                e.label_ == "TIME" and any(t.lower_ in WEEKDAY_NAMES for t in e)))
            and e[0].lower_ not in DURATION_WORDS and doc[max(e.start - 1, 0)].lower_ not in DURATION_WORDS]


def dates_the_verb(date: Token, verb: Token) -> bool:
    """Whether a date belongs to a verb's own clause: "On Thursday, helicopters fired on a convoy",
    not "the ministry said on Thursday that 650 people had been arrested"."""
    t = date
    while t.i != t.head.i and t.i != verb.i:
        t = t.head
        if t.i != verb.i and t.lemma_.lower() in REPORTING_VERBS:
            return False
    return t.i == verb.i


def quoted(tok: Token) -> bool:
    """Whether a word stands inside a quotation that its sentence opens with: "\"The army has taken
    control of the whole site,\" the ministry said" is the ministry's news, not a state of affairs."""
    sent = tok.sent
    return sent[0].text in QUOTE_MARKS and sum(t.text in QUOTE_MARKS for t in sent[:tok.i - sent.start]) % 2 == 1


def of_others(subject: Token | None, index: Index) -> bool:
    """Whether a subject names people by whose they are, an actor only after "of": "relatives of soldiers",
    "families of the detained officers" (not "soldiers of the 3rd brigade", who are the actor)."""
    return subject is not None and subject.i not in index.actor_at and subject.pos_ in ("NOUN", "PROPN") \
        and any(p.dep_ == "prep" and p.lower_ == "of" for p in subject.children)


def code_event(trigger: Trigger, index: Index, dates: DateTracker, label: str | None = None,
               coarse: bool = False) -> list[Event]:
    """Events for a trigger (one per coordinated place), or none when it cannot be coded.
    `label` is the classifier's sub-type for a sentence the lexicon is silent on: its trigger is
    the sentence's main verb, its place may be the story's, and its actors need not fit.
    `coarse` codes a text in which no trigger could be coded otherwise (a snippet, a brief): its
    event may be placed no finer than a country, its actors need not be named, and its present
    perfect is news, as in a wire brief's lede ("Police have arrested 233 activists")."""
    if is_background_state(trigger, index, perfect_is_news=label is not None or coarse, published=dates.published) \
            or of_an_earlier_year(trigger.token, dates) or names_a_force(trigger.token, index) \
            or only_names_a_kind(trigger.token) or names_a_time(trigger.token) or of_a_kind(trigger.token) \
            or an_accusation(trigger.token) or a_grievance(trigger.token) or a_tally_over_time(trigger.token) \
            or days_of(trigger.token) or died_in_a_disaster(trigger.token):
        return []
    if trigger.family.name == "capture" and bare_fall(trigger) and not taken_as_subject(trigger.token, index):
        return []  # "Ghani fell ill", "Baidoa fell into darkness"
    if trigger.is_verb and trigger.token.lemma_.lower() in LOSING_VERBS and passive_without_agent(trigger.token) \
            and lost_to(trigger.token, index) is None:
        return []  # "Walong was lost": the text says neither who lost it nor to whom
    if trigger.family.name == "capture" and any(o.lemma_.lower() in HELD_IN for p in trigger.token.children
                                                 if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"):
        return []  # "Israeli forces took 12 Palestinians into custody in Jenin": people held, no ground taken
    taken = [t for t in trigger.token.children if t.dep_ in ("dobj", "nsubjpass")]
    if trigger.family.name == "arrest" and trigger.token.lemma_.lower() == "capture" \
            and any(a_place_taken(t, index) for t in taken):
        if not any(t.i in index.place_at for t in taken):
            return []  # "M23 rebels captured Rubaya": a town the gazetteer lacks, which no other town stands for
        # "after Gitarama was captured by the RPF": a place taken, which the model named as a person
        trigger = Trigger(trigger.token, lexicon().families["capture"], trigger.is_verb)
    if trigger.family.name == "arrest" and (found_crime(trigger.token.sent) or for_an_offence(trigger.token)) \
            and not political_arrest(trigger.token, index):
        return []  # "a man was arrested after police found drugs and counterfeit money": no political arrest
    if not trigger.is_verb and trigger.token.dep_ == "pobj" and under_what(trigger.token.head.head):
        return []  # "came under artillery fire": the verb codes it, with its target
    if trigger.family.name == "protest" and not trigger.is_verb and began_after_another(trigger.token, index):
        return []  # "The protests began after two associates were shot dead on Oct. 19": when they began is not told
    if trigger.family.name == "protest" and not trigger.is_verb and fired_upon(trigger.token):
        return []  # "gunmen opened fire on a rally": the shooting is the event, the rally its target
    args = arguments_for(trigger, index)
    if trigger.family.name == "clash" and not trigger.is_verb and no_war_fight(trigger.token, index):
        return []  # "Fighting broke out between fans after the match", "in the state assembly"
    if trigger.family.name == "protest" and trigger.is_verb and troops_on_the_move(trigger.token, index):
        return []  # "marines landed at Bizoton. They marched in": troops on the move, no protest
    if trigger.is_verb and under_what(trigger.token) and not attacked_under_fire(trigger.token, args, index):
        return []  # "the lira came under attack from speculators", "the governor came under fire from critics"
    if trigger.family.name == "capture" and takes_an_unknown_place(trigger.token, index) \
            and args.place in (None, index.dateline_place):
        return []  # "MOSCOW - Russian forces captured Novomykhailivka": somewhere the gazetteer cannot place
    lenient = coarse or label is not None
    if lenient:
        args.place = args.place or story_place(trigger.token, index)
    if args.place is None and index.places and (told_on_its_day(trigger.token, dates)
                                                or goes_on_with_the_scene(trigger, args, index, dates)):
        # "On Thursday, army helicopters fired on a convoy ...": a day's news with no place of its own
        # happened where the story is; so does "They exchanged fire with the guard" after a dated scene
        args.place = story_place(trigger.token, index)
    if args.place is None and index.places and during_a_told_assault(trigger.token):
        args.place = story_place(trigger.token, index)  # "raped by men in RSF uniform during the assault"
    if args.place is None and index.places and trigger.family.name != "capture" \
            and at_a_spot_of_the_scene(trigger.token, index):
        args.place = spot_scene(trigger.token, index)  # "Six men were arrested at the compound"
    if args.place is None and index.places:
        return []  # a story that names places but none for this event: likely not one of its events
    if args.place is not None and elsewhere_than_its_country(trigger.token, args.place, index):
        return []  # "PARIS - Two French soldiers were killed in Mali, the presidency said in Paris"
    if args.place is not None and index.places[args.place].feature == "country" and not lenient:
        return []
    family = trigger.family
    leaving = withdrawals(trigger.token) if family.sub_event_type == "territory" else []
    if family.sub_event_type == "territory" and trigger.token.lemma_.lower() in MOVING_IN \
            and not (leaving or taken_peacefully(trigger.token) or moved_in_on_others(trigger.token, args, index)):
        return []  # "moved into Bakhmut to reinforce its defenders", "rolled into Bunia to protect civilians"
    if family.name == "capture" and trigger.is_verb and drove_out_a_crowd(trigger.token, index):
        return []  # "occupied the chamber before police drove them out": force on the crowd, no ground taken
    left = side_that_left(trigger.token, leaving, index)
    taker_unnamed = args.actor1 is not None and args.actor1 in sides_that_left(leaving, index) \
        and not names_its_side(subject_of(trigger.token) if trigger.is_verb else None)
    if taker_unnamed:
        args.actor1 = None  # "Troops moved into the base after the Georgian garrison left it": not the Georgians
    elif args.actor1 is None and left is not None:
        args.actor1, left = left, None  # "Zaria fell without a fight as the army withdrew": who left is known
    given_up = args.actor1 is None and left_without_a_fight(trigger, index)
    if given_up:
        args.actor1 = index.main_state  # "Dar Drius was evacuated without a fight": by the story's state, if any
    holder = holder_told(trigger.token.head if trigger.token.dep_ == "advcl" else trigger.token, index) \
        if family.name == "withdraw" else None
    if holder is not None and holder != args.actor1:
        # "Sirte is under the control of the Islamic State after government troops withdrew": the holder took it
        args.actor1, args.actor2 = holder, args.actor1
    actor1 = index.actors.get(args.actor1 or "")
    if trigger.token.lemma_.lower() in ARMED_DOERS and (actor1 is None or actor1.kind not in ARMED) and not given_up:
        return []  # "the suspect surrendered to police"
    if trigger.token.lemma_.lower() in EVACUATING and left_before_a_disaster(trigger.token):
        return []  # "soldiers evacuated the town ahead of the floods": its people, not the town, left
    crowd_clash = family.name == "clash" and (actor1 is not None and actor1.kind in CROWDS
                                              or between_communities(trigger.token))
    if not lenient and family.name in NEEDS_ARMED_ACTOR and (actor1 is None or actor1.kind not in ARMED) \
            and not crowd_clash and not unnamed_attack_on_civilians(trigger, actor1, index) \
            and not ambushed_force(trigger, actor1, index.actors.get(args.actor2 or "")) \
            and not (trigger.is_verb and answers(trigger.token) and actor1 is None) and not taker_unnamed \
            and not given_up:
        if not (actor1 is None and fighting_went_on(trigger, args, index)):
            return []  # (an attack repelled is a fight, whoever made it: "the attack on the town was repelled")
        sides = story_sides(index) or index.states[:2] or [index.main_armed]
        args.actor1, args.actor2 = sides[0], sides[1] if len(sides) > 1 else None
        actor1 = index.actors.get(args.actor1 or "")
    if family.name in ("protest", "riot") and actor1 is not None and actor1.kind not in CROWD_KINDS \
            and trigger.is_verb and of_others(subject_of(trigger.token), index):
        # "relatives of soldiers captured at Mariupol gathered to demand their release": the relatives' crowd
        args.actor1 = index.crowd()
        actor1 = index.actors[args.actor1]
    if not lenient and family.name in ("protest", "riot") and (actor1 is None or actor1.kind not in CROWD_KINDS):
        return []  # "armed groups ... rallied to the GNA" is no protest
    if family.name == "capture" and trigger.token.lemma_.lower() in CLEARING and not armed_foe(actor1, args.actor2, index):
        return []  # "By nightfall the marines had cleared Punda" of rioters: no armed side lost ground
    when = dates.for_trigger(trigger.token)
    if undated_history(when, dates) and not lenient and family.sub_event_type != "territory" \
            and family.name not in ("withdraw", "transfer"):
        # "In May, more than 100 people were killed": background with no day, not news (a town taken
        # in "June 2014" still tells who has held it since)
        return []
    evidence = sentence_evidence(trigger.token)
    events = []
    for place_id in coordinated_places(args.place, trigger.token, index) if args.place else [None]:
        event_type, sub = family.event_type, family.sub_event_type
        if sub == "territory" and place_id and is_landmark_site(index.places[place_id]) \
                and not taken_peacefully(trigger.token):
            event_type, sub = "Battles", "Armed clash"  # seizing a hotel is an assault, not a change of territory
        elif sub == "territory" and (taken_peacefully(trigger.token) or leaving):
            event_type, sub = "Strategic developments", TRANSFER
            args.actor2 = left or args.actor2
            # the taker is actor1; the side it was handed by is the place's state when unnamed
            if args.actor2 is None and actor1 is not None and actor1.kind != "state_forces" and place_id \
                    and index.places[place_id].country_code:
                args.actor2 = index.state(index.places[place_id].country_code)
        elif sub == "territory":
            sub = territory_type(actor1, index.actors.get(args.actor2 or ""), index.places.get(place_id))
        elif family.name == "explosive" and bombers_died(trigger.token.sent):
            sub = "Suicide bomb"  # "set off by men pushing luggage trolleys, who died in the blasts"
        elif family.name == "clash" and one_sided_on_a_crowd(trigger, actor1, args.actor2, index):
            # "soldiers attacked peaceful protesters, killing one": the state's force on a protest
            event_type, sub = "Protests", ("Excessive force against protesters" if lethal_sentence(trigger.token)
                                           else "Protest with intervention")
            if sub == "Protest with intervention":
                args.actor1, args.actor2 = args.actor2, args.actor1
        elif family.name == "clash" and between_communities(trigger.token):
            # "fighting between Christians and Muslims": communal violence, rioters on both sides
            event_type, sub = "Riots", "Mob violence"
            args.actor1 = args.actor2 = index.crowd("rioters")
        elif family.name == "clash" and crowd_in_clash(trigger.token, actor1, args.actor2, index):
            # "police clashed with protesters", "rioters clashed with troops": ACLED's riot
            event_type, sub = "Riots", "Violent demonstration"
            if actor1 is not None and actor1.kind in CROWDS:
                args.actor1 = crowd_actor(args.actor1, index)
            else:
                other = index.actors.get(args.actor2 or "")
                crowd = args.actor2 if other is not None and other.kind in CROWDS else \
                    sentence_actor(trigger.token, index, kinds=CROWDS)
                # "clashes between students and police": rioters the text names by no crowd word
                args.actor1, args.actor2 = crowd_actor(crowd, index) or index.crowd("rioters"), args.actor1
        elif family.name == "arrest" and trigger.is_verb and protesters_held(trigger.token) \
                and (actor1 is None or actor1.kind in STATE_FORCES):
            # "police arrested dozens of protesters", "detained several dozen people at a rally": the protest's
            event_type, sub = "Protests", "Protest with intervention"
            args.actor1, args.actor2 = index.crowd(), args.actor1 or index.police()
        elif family.name == "arrest" and (held_by_irregulars(trigger.token, actor1) or (
                trigger.token.lemma_.lower() == "capture" and actor1 is not None and actor1.kind in NON_STATE_ARMED)):
            # "the attackers rounded up hundreds of workers", "ELN guerrillas captured a councillor"
            event_type, sub = "Violence against civilians", "Abduction/forced disappearance"
        elif family.name == "clash" and on_civilians(trigger.token, index):
            event_type, sub = "Violence against civilians", "Attack"  # "gunmen attacked a church"
            args.actor2 = index.crowd("civilians")
        elif family.name == "excessive" and actor1 is not None and actor1.kind in NON_STATE_ARMED:
            event_type, sub = "Violence against civilians", "Attack"  # "gunmen opened fire on the marchers"
            args.actor2 = args.actor2 or index.crowd()
        elif family.name == "excessive" and actor1 is None:
            # "snipers fired on a march": force on a crowd by no one named is the state's, its police's
            args.actor1 = sentence_actor(trigger.token, index, kinds=STATE_FORCES) or index.police()
            args.actor2 = args.actor2 or index.crowd()
        elif family.name == "excessive" and actor1 is not None and actor1.kind in CROWDS:
            event_type, sub = "Riots", "Violent demonstration"  # "protesters killed a police officer"
            args.actor1 = crowd_actor(args.actor1, index)
        elif family.name == "civilians" and actor1 is not None and actor1.kind in CROWDS | {"civilians"} \
                and trigger.is_verb and args.actor1 == named_doer(trigger.token, index):  # the crowd named as the doer
            event_type, sub = "Riots", "Mob violence"  # "residents beat two suspected kidnappers to death"
            args.actor1 = crowd_actor(args.actor1, index)
        elif family.name == "civilians" and beaten_by_unarmed_men(trigger.token, index):
            event_type, sub = "Riots", "Mob violence"  # "beaten by a group of men who had set up a roadblock"
            args.actor1 = index.crowd("rioters")
        elif family.name == "mob" and (actor1 is None or MOB_DOERS & subject_kinds(trigger.token)):
            # "seven people were murdered by vigilantes": the mob that did it, not another actor of the sentence
            args.actor1 = index.crowd("rioters")
        elif family.name == "looting" and burns_only_symbols(trigger.token) \
                and (actor1 is None or actor1.kind in CROWD_KINDS):
            # "protesters burned flags", "he set fire to a Quran before thirty supporters": a protest's gesture
            # (not soldiers' or settlers' burning: theirs destroys)
            event_type, sub = "Protests", "Peaceful protest"
            args.actor1 = protesting(args.actor1, index) if actor1 is not None and actor1.kind != "rioters" \
                else index.crowd()
        elif family.name == "looting" and actor1 is not None and actor1.kind in CROWDS and not (
                trigger.token.lemma_.lower() in THEFT and args.actor1 != named_doer(trigger.token, index)) \
                and not (shops_looted(trigger) and not unrest_story(index)):
            # "protesters burned cars": the crowd's riot (but "shops were looted" by no one named is looting, and
            # "stores were broken into" too, in a story of armed men)
            event_type, sub = "Riots", "Violent demonstration"
            args.actor1 = crowd_actor(args.actor1, index)
        elif family.name in ("protest", "riot", "intervention"):
            event_type, sub = crowd_type(family, trigger.token, actor1, index)
            if sub == "Excessive force against protesters" and attacked_by_unarmed_men(trigger.token.sent, index):
                # "a group of men attacked a peaceful rally, injuring a dozen": a mob's, not the state's force
                event_type, sub = "Riots", "Mob violence"
                args.actor1, args.actor2 = index.crowd("rioters"), protesting(args.actor1, index)
            elif event_type == "Riots":
                args.actor1 = crowd_actor(args.actor1, index)  # protesters who turn violent are rioters to ACLED
            elif sub != "Excessive force against protesters":
                args.actor1 = protesting(args.actor1, index)
                if sub == "Protest with intervention" and args.actor2 is None:
                    # the force that intervened: the state's named in the sentence, else its police
                    args.actor2 = sentence_actor(trigger.token, index, kinds=STATE_FORCES) or index.police()
            elif sub == "Excessive force against protesters" and (actor1 is None or actor1.kind in CROWD_KINDS):
                # the force is the state's: its police, unless the sentence names another state actor
                args.actor2 = protesting(args.actor1, index)
                args.actor1 = sentence_actor(trigger.token, index, kinds=STATE_FORCES) or index.police()
            elif sub == "Excessive force against protesters":  # "security forces dispersed ... with live bullets"
                target = index.actors.get(args.actor2 or "")
                args.actor2 = protesting(args.actor2, index) if target is not None and target.kind in CROWD_KINDS \
                    else index.crowd()
        if sub == "Violent demonstration" and not told_as_protest(trigger.token, index, family.name == "protest"):
            sub = "Mob violence"  # "crowds were looting and burning shops": a mob's, no demonstration's
        if label is not None and not (sub in TAKING and label in TAKING and actor1 is not None) \
                and not (label_targets_civilians(label)
                         and armed_on_both_sides(args.actor1, args.actor2, index)):
            # (two armed sides are no violence against civilians: "soldiers beat back a rebel column")
            event_type, sub = family.event_type, label  # the classifier's sub-type, unless the actors decide it
        day = own_date(place_id, args.place, trigger.token, index, dates) or when
        events.append(Event(
            id="", event_type=event_type, sub_event_type=sub, plover=family.plover,
            actor1=crowd_of_place(args.actor1, place_id, index), actor2=crowd_of_place(args.actor2, place_id, index),
            place=place_id,
            date=day.day.isoformat() if day else None, date_precision=day.precision if day else "day",
            factuality=factuality(trigger.token), confidence=0.6 if trigger.is_verb else 0.5,
            evidence=evidence))
    return events


def label_targets_civilians(label: str) -> bool:
    """Whether a sub-type is violence against civilians (Attack, Abduction, Sexual violence)."""
    return any(f.sub_event_type == label and f.event_type == "Violence against civilians"
               for f in lexicon().families.values())


def armed_on_both_sides(actor1: str | None, actor2: str | None, index: Index) -> bool:
    """Whether both sides of an event (actor ids) are armed: a state's forces or an armed group each."""
    sides = [index.actors.get(a or "") for a in (actor1, actor2)]
    return all(side is not None and side.kind in ARMED for side in sides)


def own_date(place_id: str | None, first: str | None, trigger: Token, index: Index,
             dates: DateTracker) -> Resolved | None:
    """The date a town coordinated after the trigger's first place is given right after it, by a
    preposition: "retook Staromaiorske on 27 July and Urozhaine on 16 August" (a gapped clause the
    parse hangs anywhere)."""
    if place_id is None or place_id == first or dates.published is None:
        return None
    sent = trigger.sent
    at = next((t.i for t in sent if index.place_at.get(t.i) == place_id and t.i > trigger.i), None)
    if at is None:
        return None
    while at + 1 < sent.end and index.place_at.get(at + 1) == place_id:
        at += 1  # the name's last word: "Port Harcourt on 19 May"
    # "Urozhaine on 16 August", "Urozhaine early on 16 August" (not "Rabia and on Thursday pushed north":
    # the date is the next clause's)
    prep = next((t.i for t in sent.doc[at + 1:min(at + 3, sent.end)] if t.lower_ in DATE_PREPS), None)
    if prep is None or any(t.dep_ == "cc" or t.is_punct for t in sent.doc[at + 1:prep]):
        return None
    return next((d.when for d in dates.by_sentence.get(sent.start, []) if d.ent.start in (prep, prep + 1)), None)


def a_place_taken(tok: Token, index: Index) -> bool:
    """Whether what a verb took is a place, not a person: a place the story names, or a bare name of one
    word the model took for a person's ("M23 rebels captured Rubaya"; not "Salah Abdeslam", nor "Ortega,
    a police officer", whom an apposition says is a person: `people_described` in words.yaml)."""
    if any(c.dep_ == "appos" and c.lemma_.lower() in PEOPLE_DESCRIBED for c in tok.children):
        return False  # "Ortega, a police officer" (not "Tal Afar, the last Islamic State bastion")
    if tok.i in index.place_at:
        return True
    ent = next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)
    return tok.pos_ == "PROPN" and ent is not None and len(ent) == 1 and not any(
        c.dep_ == "compound" for c in tok.children)


def held_by_irregulars(trigger: Token, actor1) -> bool:
    """Whether people were detained by armed men who hold no power over them (`irregular_captors`):
    "the attackers rounded up hundreds of workers" is a hostage-taking, not an arrest."""
    subject = subject_of(trigger)
    doers = {t.lemma_.lower() for t in subject.subtree} if subject is not None else set()
    doers |= {t.lemma_.lower() for c in trigger.children if c.dep_ == "agent" for t in c.subtree}
    return actor1 is not None and actor1.kind in NON_STATE_ARMED and bool(doers & IRREGULAR_CAPTORS)


def on_civilians(trigger: Token, index: Index) -> bool:
    """Whether an attack's target, as the parse gives it, is civilians or a civilian place
    ("attacked a hotel", "an attack on a village"), not an armed side."""
    if trigger.pos_ == "VERB":  # "attacked a church"; "opened fire on men and boys" (not "attacked troops at a market")
        acts = [c for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in ("fire", "attack")]
        targets = [c for c in trigger.children if c.dep_ in attacked_deps(trigger) and c not in acts
                   and not (c.dep_ != "dobj" and counted(c).lemma_.lower() == "man")] or [  # "twenty men were ambushed"
            o for h in (trigger, *acts) for c in h.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "against")
            for o in c.children if o.dep_ == "pobj"]  # "carried out attacks against civilians"
    else:
        targets = [o for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                   for o in c.children if o.dep_ == "pobj"]
        if in_a_toll(trigger) and not toll_of_a_fight(trigger):
            # "bandits killed seven villagers in separate attacks": the dead were its target
            targets += [c for c in trigger.head.head.children if c.dep_ in ("dobj", "nsubjpass")]
    for target in targets:
        # the side the target itself is named for ("an army office", "the offices of the PMF"), not one
        # named further on in its phrase ("a mosque in Egypt's North Sinai province")
        owners = [*target.lefts, *(o for p in target.children if p.dep_ == "prep" and p.lower_ == "of"
                                   for o in p.subtree)]
        carried = [o for a in target.children if a.dep_ == "acl" for o in a.subtree]  # "a bus carrying soldiers"
        named = [index.actors[index.actor_at[t.i]] for t in (target, *owners) if t.i in index.actor_at]
        armed_owner = any(t.lemma_.lower() in ARMED_OWNERS for t in (*owners, *carried))
        if target.lemma_.lower() in CIVILIAN_TARGETS and not armed_owner and not any(a.kind in ARMED for a in named):
            return True
    return False


def attacked_deps(verb: Token) -> tuple[str, ...]:
    """The dependencies that name what a verb attacked: its object; a passive's subject when no doer is
    named ("a bus was ambushed", not "was attacked by a pack of dogs"); the subject of "came under fire"."""
    if under_what(verb):
        return ("nsubj", "dobj")
    return ("dobj", "nsubjpass") if no_doer_named(verb) else ("dobj",)


def side_that_left(trigger: Token, leaving: list[Token], index: Index) -> str | None:
    """The armed side whose leaving (the `withdrawals` words) a capture is told beside: "entered
    the town after Kurdish forces pulled out", "recaptured Palmyra after the army withdrew".
    None when there is no such side."""
    taker = subject_of(trigger) if trigger.pos_ == "VERB" else None
    taker_id = actor_in(taker, index) if taker is not None else None
    return next((side for side in sides_that_left(leaving, index) if side != taker_id), None)


def moved_in_on_others(verb: Token, args: Arguments, index: Index) -> bool:
    """Whether armed men moved into a town that is no town of their own state, with no purpose of help
    (`moving_in_to`) and not to raid it (`moving_in_raid`): "Eritrean troops with tanks moved into Badme",
    "rebels moved into Abu Salim"; not "Ukrainian troops moved into Bakhmut", nor peacekeepers, nor "moved into
    Bunia to protect civilians", nor "walked into Oicha and hacked 15 civilians to death"."""
    actor, place = index.actors.get(args.actor1 or ""), index.places.get(args.place or "")
    if actor is None or place is None or actor.kind not in ARMED or actor.kind == "external_forces" \
            or place.feature != "city":
        return False
    if actor.kind == "state_forces" and actor.country_code == forces_country(place.country_code or ""):
        return False
    return not any((c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in MOVING_IN_TO)
                   or (c.dep_ == "conj" and c.lemma_.lower() in MOVING_IN_RAID) for c in verb.children)


def names_its_side(subject: Token | None) -> bool:
    """Whether a subject names whose it is, by a name or a nationality ("Georgian troops", "M23 rebels"), not
    only what it is ("Troops", "guard units"), whose side a story's country only stands in for."""
    return subject is not None and any(t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
                                       or (t.pos_ == "PROPN" and not opens_a_sentence(t)) for t in subject.subtree)


def sides_that_left(leaving: list[Token], index: Index) -> list[str]:
    """The armed sides that the `withdrawals` words say left."""
    out = []
    for t in leaving:
        leaver = subject_of(t) if t.pos_ == "VERB" else next((c for c in t.children if c.lower_ == "of"), None)
        side = index.actors.get(actor_in(leaver, index) or "") if leaver is not None else None
        if side is not None and side.kind in ARMED:
            out.append(side.id)
    return out


def withdrawals(trigger: Token) -> list[Token]:
    """The words of the other side leaving that a capture is told beside, with no fighting in
    the sentence: "after Kurdish forces pulled out", "following the withdrawal of Puntland forces"."""
    sent = trigger.sent
    if any(t.lemma_.lower() in FIGHTING and t.i != trigger.i and t.head.lower_ != "without" for t in sent):
        return []  # ("without a fight" is no fighting)
    own = {c.i for c in trigger.conjuncts if same_doer(c, trigger)}
    return [t for t in sent if t.i != trigger.i and t.pos_ in ("VERB", "NOUN") and t.lemma_.lower() in WITHDRAWAL
            and t.i not in own and not (t.lemma_.lower() in LEAVING_ARMED and not armed_leaver(t))
            and not (t.dep_ == "relcl" and told_with_a_year(list(t.subtree)))  # not "a town it abandoned in 2014"
            and not denied(t) and not (t.lemma_.lower() == "pull" and not any(
                c.lower_ in ("out", "back") for c in t.children)) and not a_later_leaving(t, trigger)
            and not of_a_joined_clause(t, trigger)]


def of_a_joined_clause(leaving: Token, trigger: Token) -> bool:
    """Whether a withdrawal hangs from a later verb than the capture that has a doer of its own: "officers seized
    the headquarters on Friday, but loyal troops took it back on Saturday after the rebel officers slipped out"
    (the rebels' seizure was no walk-in), however the model joins the two."""
    for verb in leaving.ancestors:
        if verb.i == trigger.i or verb.is_ancestor(trigger) or trigger.is_ancestor(verb):
            return False  # (the capture's own clause, one of its clauses, or one both hang from: "..., officials said")
        if verb.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return verb.i > trigger.i
    return False


def same_doer(one: Token, other: Token) -> bool:
    """Whether two joined verbs tell what one doer did: "Seleka rebels left their bases in Ndele and captured
    Bria" (the later verb has no subject of its own, and neither is a passive); not "soldiers withdrew from
    Bria and rebels entered the town", nor "Dolisie was abandoned by the militia and had been entered by no one"."""
    later = max(one, other, key=lambda t: t.i)
    passive = any(c.dep_ == "auxpass" for verb in (one, other) for c in verb.children)
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in later.children)
    return not passive and not own_subject


def armed_leaver(verb: Token) -> bool:
    """Whether who left is armed men: "federal soldiers left the capital", "the garrison had left" (not "the
    clash left five dead")."""
    leaver = subject_of(verb)
    return leaver is not None and word_lemma(leaver) in ARMED_LEAVERS


def a_later_leaving(leaving: Token, trigger: Token) -> bool:
    """Whether a withdrawal is told as what followed the capture: "withdrew from Heglig on Friday, ten
    days after seizing it" (the capture is under the withdrawal's "after")."""
    for t in trigger.ancestors:
        if t.i == leaving.i:
            return False
        if t.lower_ in ("after", "since") and t.head.i == leaving.i:
            return True
    return False


def taken_peacefully(verb: Token) -> bool:
    """A capture told with words of no fight ("fell without a fight", "entered the capital
    unopposed", "after the governor surrendered"): a non-violent transfer of territory.  Words that
    are another taking's own, joined to this one, do not count ("took Galcad after a brief exchange
    of fire, and entered Harardhere without meeting resistance"); words before the first of them
    count for all ("Without firing a shot, fighters entered Mazar and took Sheberghan")."""
    others = {i for c in verb.conjuncts if c.lemma_.lower() in JOINED_TAKINGS for i in own_words(c)}
    text = "".join(t.text_with_ws for t in verb.sent if t.i not in others).lower()
    return any(phrase in text for phrase in PEACEFUL) or found_left(verb.sent)


def left_without_a_fight(trigger: Trigger, index: Index) -> bool:
    """Whether a town was left, told in the passive with no one named, in words of no fight: "Dar Drius
    was evacuated on Saturday without a fight" (a town its holders gave up; not "the area was evacuated",
    "the hospital in Dessie was evacuated")."""
    token = trigger.token
    return trigger.is_verb and token.lemma_.lower() in EVACUATING and passive_without_agent(token) \
        and any(c.dep_ == "nsubjpass" and c.i in index.place_at for c in token.children) and taken_peacefully(token)


def found_left(sent) -> bool:
    """Whether the takers found the place with no one in it (`found_left`: "found the village and its
    airfield empty", "found it deserted")."""
    return any(t.lemma_.lower() == "find" and any(c.lower_ in FOUND_LEFT and c.dep_ != "amod" for c in t.subtree)
               for t in sent)  # (not "found an abandoned car")


def own_words(verb: Token) -> set[int]:
    """A verb's own words in a list of joined verbs: its subtree without the verbs joined to it,
    and for the first, without the words before it, which the list shares."""
    joined = {t.i for c in verb.children if c.dep_ == "conj" for t in c.subtree}
    first = verb.dep_ != "conj"
    return {t.i for t in verb.subtree if t.i not in joined and (not first or t.i > verb.i)}


