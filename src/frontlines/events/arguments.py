"""Who did it, to whom, where: an event's arguments read off the dependency parse."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc, Token

from frontlines.actors import (ActorMention, crowd_name, forces_country, names_its_government, standing_armed,
                               state_name, unidentified_name)
from frontlines.actors.dictionary import packaged
from frontlines.events.triggers import (bombers_are_aircraft, clause_closed_before, event_words, lexicon,
                                       nationality_words, under_what)
from frontlines.model import Actor, Place, Span
from frontlines.nlp import describing_participles, doc_text, token_array
from frontlines.places.capitals import capital_names
from frontlines.places.kinds import place_words
from frontlines.yamlfile import load_yaml

PLACE_PREPS = frozenset({"in", "at", "into", "near", "of", "on", "around", "outside", "inside", "across", "over",
                         "through"})
SOURCE_PREPS = frozenset({"from", "out"})
# Prepositions that name a place beyond or along the scene: read after the others.
BEYOND_PREPS = frozenset({"across", "over", "beyond"})

# Verbs whose "with X" or "against X" names the other side: "clashed with protesters", not
# "captured Manbij with Russian forces".
OPPOSING = event_words()["opposing"]
MILITARY_OBJECTS = event_words()["military_objects"]
DOERS_ACTS = frozenset(event_words()["doers_acts"])
STATE_DOERS = event_words()["state_doers"]
STATE_MODIFIERS, REBEL_MODIFIERS = event_words()["state_modifiers"], event_words()["rebel_modifiers"]
HYPHENS = frozenset({"-", "–", "‑"})
DWELLING_VERBS = event_words()["dwelling_verbs"]
AIRCRAFT_MAKES = frozenset(load_yaml(packaged("generic.yaml"))["aircraft_makes"])
ORIGIN_VERBS, FIRE_WORDS = event_words()["origin_verbs"], event_words()["fire_words"]
CROWD_AGAINST = frozenset(event_words()["crowd_against"])
SPEECH_VERBS = event_words()["reporting"]  # "doctors at the hospital said": the speaker's place
PLACE_SUBJECT_VERBS = event_words()["place_subject_verbs"]  # "Sheberghan fell"
YIELDING_VERBS = event_words()["yielding_verbs"]
COMPASS = event_words()["compass"]


@dataclass
class Index:
    """Which actor and which place each token belongs to."""

    actor_at: dict[int, str] = field(default_factory=dict)
    place_at: dict[int, str] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    main_armed: str | None = None   # the non-state armed group the article names most
    main_state: str | None = None   # the state forces the article names most
    states: list[str] = field(default_factory=list)  # every state's forces, the most named first
    dateline_at: int | None = None      # where the dateline ("BEIRUT —") stands: the place it names is
    dateline_place: str | None = None   # where the story was filed, an event's place only in its lede
    country: str | None = None      # the article's main country
    country_names: dict[str, str] = field(default_factory=dict)
    allies: set[frozenset[str]] = field(default_factory=set)  # actors the text names side by side

    def country_name(self, code: str | None) -> str:
        """A country's name, or its code when unknown."""
        return self.country_names.get(code or "", code or "")

    def crowd(self, kind: str = "protesters", code: str | None = None) -> str:
        """The id of the crowd actor of a country, the main country's by default ("Protesters (Kenya)"),
        made if new."""
        return self.actor_named(crowd_name(kind, self.country_name(code or self.country)), kind, code)

    def police(self, code: str | None = None) -> str:
        """The id of a country's police, the main country's by default ("Police Forces of Kenya"),
        made if new; a dependent territory's may be its sovereign's (`forces_country`)."""
        code = forces_country(code or self.country, police=True) if code or self.country else None
        return self.actor_named(state_name(self.country_name(code), police=True), "state_forces", code)

    def state(self, code: str) -> str:
        """The id of a country's state forces ("Military Forces of Ukraine"), made if new; a dependent
        territory's are its sovereign's."""
        code = forces_country(code)
        return self.actor_named(state_name(self.country_name(code)), "state_forces", code)

    def unidentified(self, code: str | None = None) -> str:
        """The id of ACLED's "Unidentified Armed Group (<Country>)", the main country's by default,
        made if new: the doer of an attack the text names no one for."""
        return self.actor_named(unidentified_name(self.country_name(code or self.country)), "rebel_group",
                                code)

    def actor_named(self, name: str, kind: str, country: str | None = None) -> str:
        """The id of the actor of that name, added to the report if the text never named it."""
        for actor in self.actors.values():
            if actor.name == name:
                return actor.id
        actor = Actor(f"a{len(self.actors) + 1}", name, kind, country or self.country)
        self.actors[actor.id] = actor
        return actor.id


def build_index(doc: Doc, actors: list[Actor], mentions: list[ActorMention], places: list[Place],
                country: str | None = None, country_names: dict[str, str] | None = None,
                dateline: Span | None = None) -> Index:
    """Map tokens to the actors and places they name; the dateline's place is kept apart."""
    index = Index(actors={a.id: a for a in actors}, places={p.id: p for p in places},
                  country=country, country_names=country_names or {})
    for p in places:
        if dateline is not None and any(m.start == dateline.start for m in p.mentions):
            index.dateline_place = p.id
    skip = (dateline.start, dateline.end) if dateline is not None else None
    index.dateline_at = dateline.start if dateline is not None else None
    rebels = [a for a in actors if standing_armed(a)]
    index.main_armed = max(rebels, key=lambda a: len(a.mentions)).id if rebels else None
    states = [a for a in actors if a.kind == "state_forces" and not a.name.startswith("Police")]
    index.states = [a.id for a in sorted(states, key=lambda a: -len(a.mentions))]
    # on a tie, the story's own country's ("M23 rebels, backed by Rwanda, seized Goma. The Congolese army fled")
    index.main_state = min(states, key=lambda a: (-len(a.mentions), a.country_code != country)).id if states else None
    for m in mentions:
        for i in range(m.start, m.end):
            index.actor_at[i] = m.actor
    for p in places:
        for m in p.mentions:
            if (m.start, m.end) == skip:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    index.place_at.setdefault(tok.i, p.id)
    index.allies = side_by_side(doc, mentions)
    return index


ALLIED_GAP = re.compile(r"\s*(,|and|, and|alongside|together with|backed by|supported by|with the help of)\s*",
                        re.IGNORECASE)


def side_by_side(doc: Doc, mentions: list[ActorMention]) -> set[frozenset[str]]:
    """Pairs of actors the text names together, as one side: "Saudi and Emirati forces", "U.S. forces and
    Iraqi troops", "Somali troops backed by Ethiopian forces", "took Manbij with Russian forces"."""
    ordered = sorted(mentions, key=lambda m: m.start)
    pairs = {frozenset((a.actor, b.actor)) for a, b in zip(ordered, ordered[1:])
             if a.actor != b.actor and b.start >= a.end and ALLIED_GAP.fullmatch(doc[a.end:b.start].text)
             and not (a.start > 0 and doc[a.start - 1].lower_ == "between")}  # "between Sudanese and ... troops"
    actor_at = {i: m.actor for m in mentions for i in range(m.start, m.end)}
    for m in mentions:  # "Syrian troops captured Manbij with Russian forces": with the subject's side
        root = doc[m.start:m.end].root
        verb = root.head.head
        if root.dep_ == "pobj" and root.head.lower_ in ("with", "alongside") and verb.pos_ == "VERB" \
                and verb.lemma_.lower() not in OPPOSING:  # not "clashed with South Sudanese troops"
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            doers = {actor_at[t.i] for t in subject.subtree if t.i in actor_at} if subject is not None else set()
            pairs |= {frozenset((d, m.actor)) for d in doers if d != m.actor}
    return pairs


def actor_in(tok: Token, index: Index) -> str | None:
    """The actor a phrase names: at its head, else the first named in its subtree, not the one a
    clause describing it has speak ("Stepanakert, which Azerbaijan calls Khankendi" names no actor;
    "Raqqa, which had served as the capital of the Islamic State" names the group)."""
    if tok.i in index.actor_at:
        return index.actor_at[tok.i]
    speakers = [c for r in tok.subtree if r.dep_ == "relcl" and r.i != tok.i for c in r.children if c.dep_ == "nsubj"]
    inside = {t.i for c in speakers for t in c.subtree}
    for t in tok.subtree:
        if t.i in index.actor_at and t.i not in inside:
            return index.actor_at[t.i]
    return None


# Dependencies a place may hang from inside a phrase: "most of the town of Qaim, Iraq",
# "the headquarters ... in the town of Lashio"; not "its forces back to the far side of the Dnipro".
PLACE_PATH = frozenset({"prep", "pobj", "appos", "compound", "nmod", "poss", "npadvmod"})
PLACE_PATH_PREPS = frozenset({"of", "in", "at", "near", "outside", "around", "inside"})


def country_forces(phrase: Token, index: Index) -> str | None:
    """The state forces of the country a phrase's head is, or belongs to ("Azerbaijan's army";
    not "an official of Syria's Kurdish administration")."""
    for t in [phrase, *(c for c in phrase.children if c.dep_ in ("poss", "compound"))]:
        place = index.places.get(index.place_at.get(t.i, ""))
        if place is not None and place.feature == "country" and place.country_code:
            return index.state(place.country_code)
    return None


def place_in(tok: Token, index: Index) -> str | None:
    """The place a phrase names: at its head, else one reached through "of", "in", appositions."""
    found = []
    stack = [tok]
    while stack:
        t = stack.pop()
        if t.i in index.place_at:
            found.append(index.place_at[t.i])
            continue
        for child in t.children:
            if child.dep_ in PLACE_PATH and (child.dep_ != "prep" or child.lower_ in PLACE_PATH_PREPS):
                stack.append(child)
    return best_place(found, index)


def place_of_patient(tok: Token, index: Index) -> str | None:
    """The place an object phrase names, unless the object is a person: "shot dead Abu Sayed, a
    student at Begum Rokeya University" says where he studied, not where he was shot."""
    return None if tok.ent_type_ == "PERSON" else place_in(tok, index)


def better_place(current: str | None, new: str | None, index: Index) -> str | None:
    """Keep the first place found unless a later one is more precise ("the streets of Kisumu,
    on the shore of Lake Victoria": the town, not the lake)."""
    return best_place([p for p in (current, new) if p], index)


def best_place(ids: list[str], index: Index) -> str | None:
    """The most precise of several places: a town or site before a division before a country."""
    rank = {"site": 0, "city": 0, "admin2": 1, "admin1": 2, "region": 2, "country": 3}
    ids = [i for i in ids if i in index.places]
    return min(ids, key=lambda i: rank.get(index.places[i].feature, 2)) if ids else None  # min keeps the first of equals


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited through conjunctions and participle clauses."""
    t = verb
    for _ in range(4):
        subjects = [c for c in t.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            # the subject nearest before the verb: the model can parse a dateline ("TRIPOLI, Libya —
            # Forces loyal to ... recaptured") or an object after the verb as a subject too
            before = [c for c in subjects if c.i < t.i]
            return before[-1] if before else subjects[0]
        if clause_closed_before(t):
            t = t.head.head  # "swept into Kabul, hours after the army abandoned the city, and hanged ...": the sweepers
        elif t.dep_ in ("conj", "advcl", "xcomp", "pcomp", "acl", "prep") and t.head.i != t.i:
            t = t.head
        elif reduced_relative_misparse(t):
            t = t.head
        else:
            return None
    return None


def reduced_relative_misparse(clause: Token) -> bool:
    """Whether a clause with no subject of its own hangs as a complement from a participle the model
    took for the main verb: "Government troops massed at the checkpoint came under air strikes"
    ("came" the complement of "massed"); not a clause a reporting verb introduces."""
    return clause.dep_ == "ccomp" and clause.head.i != clause.i and clause.head.lemma_.lower() not in SPEECH_VERBS \
        and not any(c.dep_ in ("nsubjpass", "expl", "mark") for c in clause.children)


@dataclass
class Arguments:
    """An event's actors and place as read from the parse."""

    actor1: str | None = None
    actor2: str | None = None
    place: str | None = None


def verb_arguments(verb: Token, index: Index) -> Arguments:
    """Actors and place of a verb trigger: subject or agent, object or "from X", and where."""
    args = Arguments()
    passive = is_passive(verb)
    # "Across the Line of Control, hundreds marched through Muzaffarabad": where, then what is crossed
    for child in sorted(verb.children, key=lambda c: c.lower_ in BEYOND_PREPS):
        if child.dep_ == "agent":
            for pobj in child.children:
                args.actor1 = args.actor1 or actor_in(pobj, index)
        elif child.dep_ == "nsubjpass":
            args.actor2 = actor_in(child, index)
            args.place = args.place or place_of_patient(child, index)
        elif child.dep_ == "dobj":
            args.actor2 = args.actor2 or actor_in(child, index) or armed_thing_of(child, index)
            args.place = better_place(args.place, place_of_patient(child, index), index)
        elif child.dep_ in ("prep", "prt"):
            prep_arguments(child, args, index)
    if passive and args.actor1 is None:
        # "was dragged out by a mob and beaten to death": the agent of the verb it is joined to;
        # "was stormed and partly burned by protesters": the agent of the participle joined to it
        joined = [verb.head] if verb.dep_ == "conj" else [c for c in verb.children if c.dep_ == "conj"
                                                          and c.tag_ == "VBN"]
        args.actor1 = next((actor_in(o, index) for j in joined for c in j.children if c.dep_ == "agent"
                            for o in c.children if actor_in(o, index)), None)
        args.actor1 = args.actor1 or misplaced_agent(verb, index)
    if under_what(verb):  # "the convoy came under fire from insurgents": the subject was attacked
        subject = subject_of(verb)
        args.actor2 = named_or_meant(subject, index) if subject is not None else None
        args.actor1 = next((actor_in(o, index) for h in (verb, *under_what(verb)) for p in h.children
                            if p.dep_ == "prep" and p.lower_ == "from" for o in p.children if actor_in(o, index)), None)
        args.place = args.place or (place_in(subject, index) if subject is not None else None)
        return args
    between = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if between is not None and not passive and not any(c.dep_ == "nsubj" for c in verb.children):
        # "declared emergency powers as fighting between two armed groups entered its sixth day": the sides are
        # those "between" names, not the subject of the clause the verb hangs from
        sides_between(between, args, index)
        return args
    if not passive:
        subject = subject_of(verb)
        if subject is not None and subject.pos_ == "PRON" and subject.i not in index.actor_at:
            args.actor1 = args.actor1 or pronoun_antecedent(subject, index)
        if subject is not None:
            yielded = holders_yielded(verb)
            if verb.lemma_ in PLACE_SUBJECT_VERBS or yielded:
                args.place = args.place or place_in(subject, index)
                args.actor2 = args.actor2 or (actor_in(subject, index) if yielded else None)
            else:
                args.actor1 = args.actor1 or actor_in(subject, index) or weapon_state(subject, index)
                if args.actor1 is None:
                    args.place = args.place or (index.place_at.get(subject.i))
                elif args.actor2 is None and verb.lemma_.lower() in OPPOSING:
                    args.actor2 = second_side_named(subject, args.actor1, index)  # "Kyrgyz and Tajik guards clashed"
    return args


def holders_yielded(verb: Token) -> bool:
    """Whether a garrison or its post gave itself up to a side (`yielding_verbs`; the holders are the subjects
    of the verb's capture sense in triggers.yaml): "the garrison surrendered to the miners" (the miners took
    it: its "to" names the taker), not "the general surrendered to the rebels"."""
    lemma = verb.lemma_.lower()
    subject = subject_of(verb) if lemma in YIELDING_VERBS else None
    holders = {w for s in lexicon().verbs.get(lemma, ()) if s["family"] == "capture" for w in s.get("subject", ())}
    return subject is not None and subject.lemma_.lower() in holders \
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def misplaced_agent(verb: Token, index: Index) -> str | None:
    """The doer of a passive that the model hung from a fight noun of its own phrase: "Las Margaritas was
    retaken without a fight by troops" ("by troops" on "fight"), "killed in house-to-house searches by
    government soldiers" (`doers_acts`; not "after its abandonment by the army")."""
    return next((actor_in(o, index) for p in verb.children if p.dep_ == "prep" for noun in p.children
                 if noun.dep_ == "pobj" and noun.lemma_.lower() in DOERS_ACTS
                 for by in noun.children if by.dep_ == "prep" and by.lower_ == "by"
                 for o in by.children if o.dep_ == "pobj" and actor_in(o, index)), None)


def second_side_named(subject: Token, side: str, index: Index) -> str | None:
    """The second actor a subject names, beside `side`: "Rebels and soldiers clashed"."""
    return next((index.actor_at[t.i] for t in subject.subtree
                 if t.i in index.actor_at and index.actor_at[t.i] != side), None)


def is_passive(verb: Token) -> bool:
    """Whether a verb is passive, or a participle joined to a passive one ("was dragged out and beaten")."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return True
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i and is_passive(verb.head)


def named_doer(verb: Token, index: Index) -> str | None:
    """The actor a verb's own words name as its doer: its subject, not a pronoun ("residents beat
    two men to death"), or its agent ("beaten to death by a mob"); None otherwise."""
    if is_passive(verb):
        return verb_arguments(verb, index).actor1
    subject = subject_of(verb)
    return index.actor_at.get(subject.i) if subject is not None and subject.pos_ != "PRON" else None


def subjects_before(token: Token):
    """The subjects, standing before it, of the verbs a token hangs from, the nearest clause first."""
    for verb in token.ancestors:
        subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subject is not None and subject.i < token.i:
            yield subject


def named_or_meant(noun: Token, index: Index) -> str | None:
    """The actor a subject names, or the one it stands for when it is a pronoun ("police shot dead three
    people when they opened fire": the police)."""
    return actor_in(noun, index) or (pronoun_antecedent(noun, index) if noun.pos_ == "PRON" else None)


def pronoun_antecedent(pronoun: Token, index: Index) -> str | None:
    """The actor a pronoun stands for: a relative pronoun's noun ("the Houthis, who control"), the
    subject of a clause it sits in ("Russia said it had finished pulling its forces back"), else, for a sentence's subject, the subject of the
    sentence before when their numbers agree ("The rebels stormed Aleppo as the army fell back.
    They now hold it"), else the actor last named before it, in its sentence or the one before."""
    if pronoun.lower_ in ("who", "which", "that") and pronoun.head.dep_ == "relcl" \
            and (noun := actor_in(pronoun.head.head, index)):
        return noun  # "The Houthis, who control most of the north"
    for subject in subjects_before(pronoun):
        # "They came under fire ..., and by Tuesday they had entered Sweida": the first "they"'s
        actor = pronoun_antecedent(subject, index) if subject.pos_ == "PRON" and subject.i not in index.actor_at \
            else actor_in(subject, index)
        if actor:
            return actor
        if speaker_named_no_actor(subject, pronoun, index):
            return None  # "Kurdish fighters said that they had driven Islamic State out": not the last named
    start = pronoun.sent.start
    if start > 0 and pronoun.dep_ in ("nsubj", "nsubjpass"):
        # "Soldiers were killed by militants. They then seized ...": the agent; "Government troops
        # were sent in on Monday. They ...": the passive's subject
        root = pronoun.doc[start - 1].sent.root
        agent = next((g for c in root.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        subject = agent or subject_of(root) or next((c for c in root.children if c.dep_ == "nsubjpass"), None)
        agrees = subject is not None and plural(subject) == (pronoun.lower_ == "they")
        if agrees and (actor := actor_in(subject, index)):
            return actor
        if subject is not None and not actor_in(subject, index):
            # "The revolt began when several hundred men attacked the police lines. They moved on ...":
            # the doers of a clause, when the main one's subject names no actor
            doers = [t for t in pronoun.doc[start - 1].sent if t.dep_ == "nsubj" and t.head.pos_ == "VERB"
                     and plural(t) == (pronoun.lower_ == "they") and actor_in(t, index)]
            if doers:
                return actor_in(doers[0], index)
    first = pronoun.doc[start - 1].sent.start if start > 0 else start
    before = [index.actor_at[i] for i in range(first, pronoun.i) if i in index.actor_at]
    return before[-1] if before else None


def speaker_named_no_actor(subject: Token, pronoun: Token, index: Index) -> bool:
    """Whether a pronoun subject stands for the speaker of its clause, whom the text names as no actor:
    "Kurdish fighters said that they had driven Islamic State out of Kobani"."""
    return pronoun.lower_ in ("they", "it") and pronoun.dep_ in ("nsubj", "nsubjpass") \
        and subject.pos_ in ("NOUN", "PROPN") and subject.head.lemma_.lower() in SPEECH_VERBS \
        and plural(subject) == (pronoun.lower_ == "they") and not any(t.i in index.actor_at for t in subject.subtree)


def opening_subject_before(pronoun: Token, index: Index) -> str | None:
    """The actor that opens the sentence before a pronoun as its subject ("Tuareg rebels attacked Kidal,
    and the army called in air support. Kidal fell to them": the rebels)."""
    start = pronoun.sent.start
    if start == 0:
        return None
    subject = subject_of(pronoun.doc[start - 1].sent.root)
    return actor_in(subject, index) if subject is not None else None


def plural(noun: Token) -> bool:
    """Whether a noun phrase is plural: a plural noun, or nouns joined by "and"."""
    return noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)


def prep_arguments(prep: Token, args: Arguments, index: Index) -> None:
    """"from X" gives the loser or the place (after fire, who fired it and not where: where it came
    from); "to X" after "fall" the winner; "in X" the place."""
    word = prep.lower_
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp", "prep")]
    for obj in objects:
        if obj.dep_ == "prep":
            prep_arguments(obj, args, index)  # "out of Kidal"
            continue
        if word in SOURCE_PREPS and prep.head.lemma_.lower() in FIRE_WORDS:
            # "artillery fire from the heights of La Muela": where it came from, not where it fell;
            # "shelling from Ukrainian troops": who fired it
            args.actor1 = args.actor1 or actor_in(obj, index)
            continue
        if word in SOURCE_PREPS:
            args.actor2 = args.actor2 or actor_in(obj, index)
            args.place = better_place(args.place, place_in(obj, index), index)
        elif word in ("with", "against") and prep.head.lemma_.lower() in OPPOSING:  # "clashed with protesters"
            args.actor2 = args.actor2 or actor_in(obj, index)
        elif word == "to" and (prep.head.lemma_ in PLACE_SUBJECT_VERBS or holders_yielded(prep.head)):
            # "fell to the rebels", "passed to the NRA"; "fell to them": the side the sentence before began with
            told_before = opening_subject_before(obj, index) or pronoun_antecedent(obj, index) \
                if obj.lower_ == "them" else None
            args.actor1 = args.actor1 or actor_in(obj, index) or told_before
        elif word in PLACE_PREPS or (word == "to" and obj.lemma_ in ("street", "streets")):
            args.place = better_place(args.place, place_in(obj, index), index)


def armed_thing_of(noun: Token, index: Index) -> str | None:
    """The state whose nationality a military thing acted on bears ("attacked Ukrainian positions", "repelled a
    Russian assault"; `military_objects`; not "shelled Ukrainian villages")."""
    if noun.lemma_.lower() not in MILITARY_OBJECTS:
        return None
    return next((state for c in noun.children if (state := nationality_state(c, index))), None)


def nationality_state(adjective: Token, index: Index) -> str | None:
    """"a Turkish drone strike", "a Ukrainian rocket attack", "Sri Lankan bombers": the state forces of the
    country a nationality adjective (of one word or more) names, outside the name of a company or a place."""
    from frontlines.actors.dictionary import nationalities

    if adjective.dep_ not in ("amod", "compound") or adjective.ent_type_ in ("ORG", "FAC", "WORK_OF_ART"):
        return None  # (not the "Dutch" of "Royal Dutch Shell")
    code = nationalities().get(adjective.lower_) or nationalities().get(nationality_words(adjective))
    return index.state(code) if code else None


def weapon_state(subject: Token, index: Index) -> str | None:
    """"A Tajik drone struck", "Ukrainian mechanised units seized", "German bombers returned", "Ethiopian MiG
    fighters bombed": the state forces of the nationality that modifies the force or weapon that did it
    (`state_doers`, `bombers_are_aircraft`, `aircraft_makes` of generic.yaml; not "a Lebanese man"), or the
    story's state's when a word of the state modifies it (`state_modifiers`: "army artillery shelled")."""
    planes = subject.lemma_.lower() == "fighter" and any(c.lower_ in AIRCRAFT_MAKES for c in subject.children)
    if subject.lemma_.lower() not in STATE_DOERS and not bombers_are_aircraft(subject) and not planes:
        return None
    modifiers = [c for c in subject.subtree if c.i < subject.i and c.dep_ in ("amod", "compound")]
    named = next((a for c in modifiers for a in [nationality_state(c, index)] if a), None)
    if named is None and any(c.lemma_.lower() in STATE_MODIFIERS and (c.i == 0 or c.nbor(-1).text not in HYPHENS)
                             for c in modifiers) \
            and not any(c.lemma_.lower() in REBEL_MODIFIERS for c in modifiers):  # (not "anti-government forces")
        # "army artillery shelled the district": the story's state's, told without a nationality
        return index.main_state or (index.state(index.country) if index.country else None)
    return named


def noun_arguments(noun: Token, index: Index) -> Arguments:
    """Actors and place of a noun trigger: "X's capture of Y", "airstrikes by X in Y"."""
    args = Arguments(actor1=index.actor_at.get(noun.i))  # "Russian airstrikes" is itself an actor mention
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            args.actor1 = args.actor1 or actor_in(child, index) or nationality_state(child, index)
            args.place = args.place or index.place_at.get(child.i)
        elif child.dep_ == "prep":
            if child.lower_ == "by":
                for obj in child.children:
                    args.actor1 = args.actor1 or actor_in(obj, index)
            elif child.lower_ in ("between", "with"):  # "fighting between the army and M23 rebels"
                sides_between(child, args, index)
            else:
                prep_arguments(child, args, index)
    for participle in describing_participles(noun):
        participle_arguments(participle, args, index)  # "the peace agreement signed in Nairobi by X and Y"
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and args.actor1 is None:
        subject = subject_of(head)  # "its warplanes carried out 11 strikes": who carried them out
        if subject is not None:  # "The coalition said it carried out 40 air strikes": whom "it" stands for
            args.actor1 = named_or_meant(subject, index)
    if noun.dep_ == "nsubjpass" and head.pos_ == "VERB" and args.actor1 is None:
        # "seven air strikes were carried out near Ramadi by the US-led coalition": who carried them out
        args.actor1 = next((actor_in(o, index) for p in head.children if p.dep_ == "agent"
                            for o in p.children if o.dep_ == "pobj" and actor_in(o, index)), None)
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "VERB":
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                sides_between(child, args, index)  # "fighting broke out in Zaria between troops and bandits"
            elif child.dep_ == "prep":
                prep_arguments(child, args, index)
    return args


def participle_arguments(participle: Token, args: Arguments, index: Index) -> None:
    """What a participle of doing (`participle_doings`) says of the noun it describes: where ("the agreement signed
    in Nairobi", "the strikes carried out near Ramadi") and by whom ("signed ... by Okello's military council");
    not what one that stopped, heard or called it says ("a protest broken up by police", "the explosion, heard in
    Bamako", "a rally called by the government")."""
    if participle.lemma_.lower() not in event_words()["participle_doings"]:
        return
    for child in participle.children:
        if child.dep_ == "agent":
            doers = [actor_in(o, index) for o in child.children if o.dep_ == "pobj"]
            args.actor1 = args.actor1 or next((d for d in doers if d), None)
        elif child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            prep_arguments(child, args, index)


ARMED_KINDS = frozenset({"rebel_group", "political_militia", "identity_militia", "external_forces", "state_forces"})


def armed_doer_of_clause(noun: Token, index: Index) -> str | None:
    """The armed side that is the subject of the clause a weapon noun lies deep in: "Government
    aircraft dropped bombs containing sarin", "troops fired shells loaded with chlorine"."""
    t = noun
    for _ in range(6):
        if t.dep_ not in ("dobj", "pobj", "prep", "acl", "compound", "conj", "appos") or t.head.i == t.i \
                or (t.dep_ == "prep" and t.lower_ not in WEAPON_PREPS):
            return None
        t = t.head
        if t.pos_ == "VERB" and t.dep_ != "acl":
            break
    else:
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):  # "were driven off by troops in a shootout";
        # "surrendered and were taken into custody": the passive's agent, not the surrendering men
        subject = next((g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    else:
        subject = subject_of(t)
    if subject is None:
        return None
    doer = actor_in(subject, index) or weapon_state(subject, index)
    return doer if doer is not None and index.actors[doer].kind in ARMED_KINDS else None


def sides_between(prep: Token, args: Arguments, index: Index) -> None:
    """The two sides "between X and Y" names, as actor1 and actor2 where not yet known."""
    sides = [index.actor_at[t.i] for t in prep.subtree if t.i in index.actor_at]  # "the Taliban and IS fighters"
    sides = [a for a in dict.fromkeys(sides) if a]
    rival = len(sides) == 1 and any(t.lower_ in ("rival", "opposing") for t in prep.subtree)
    args.actor1 = args.actor1 or (sides[0] if sides else None)
    args.actor2 = args.actor2 or (sides[1] if len(sides) > 1 else sides[0] if rival else None)  # "rival RSF factions"


DESTINATION_PREPS = event_words()["heading_preps"]
ROUTES = event_words()["routes"]
WEAPON_PREPS = event_words()["weapon_preps"]


def is_destination(tok: Token) -> bool:
    """A place named as where someone is heading ("bound for Gao", "back to the Dnipro"), not
    where a road leads ("on the road to Kano")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in DESTINATION_PREPS and tok.head.head.lemma_.lower() not in ROUTES


def sentence_place(trigger: Token, index: Index) -> str | None:
    """A place elsewhere in the trigger's sentence: the nearest town-like one not a destination,
    not in a clause of its own ("were arrested near the village, and one was taken to hospital in
    Pristina": the village, which the sentence does not name), a town named only to say where
    another lies last ("above Sake, about 25 kilometers west of Goma": Sake)."""
    verb = clause_verb(trigger)
    ids = [((reference_point(name_head(t)), abs(t.i - trigger.i)), index.place_at[t.i]) for t in trigger.sent
           if t.i in index.place_at and not is_destination(t) and not speakers_place(t, trigger, index)
           and not names_no_scene(t, verb) and not (trigger.pos_ == "VERB" and in_another_clause(t, trigger))]
    towns = [(d, p) for d, p in ids if index.places[p].feature in ("city", "site")]
    pool = towns or [(d, p) for d, p in ids if index.places[p].feature != "country"]
    return min(pool)[1] if pool else None


def own_clause_place(place: Token, verb: Token) -> bool:
    """Whether a place hangs from a verb through prepositions and nouns only, not through a clause of
    another verb ("killed in Mali", not "the presidency said in Paris")."""
    t = place
    while t.i != verb.i and t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX") and t.i != verb.i:
            return False
    return t.i == verb.i


def names_no_scene(tok: Token, verb: Token) -> bool:
    """Whether a town is named as no scene of `verb`'s event: where someone lives or is based, what a
    crowd was against, where the verb's doers were sent from, whose government is meant, whom the
    news comes from, or where fire came from."""
    return where_someone_lives(tok) or against_it(tok) or where_they_came_from(tok, verb) \
        or names_its_government(tok) or a_source(tok) or fired_from(tok) or ends_a_route(tok)


def fired_from(tok: Token) -> bool:
    """A place named as where fire came from (`fire_words`): "under artillery fire from the heights of
    La Muela", "rockets fired from Gaza hit Sderot"."""
    while tok.dep_ in ("compound", "pobj") and tok.head.i != tok.i:
        prep = tok.head
        if tok.dep_ == "pobj" and prep.lower_ == "from":
            return prep.head.lemma_.lower() in FIRE_WORDS
        if tok.dep_ == "pobj" and prep.lower_ != "of":
            return False
        tok = prep.head if tok.dep_ == "pobj" else prep  # "the heights of La Muela": the heights
    return False


def a_source(tok: Token) -> bool:
    """A place named as whom the news comes from: "killing 150 people, according to the Generalitat" (not
    "according to Odesa governor Oleh Kiper", who tells of Odesa)."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "to" and prep.i > 0 and tok.doc[prep.i - 1].lower_ == "according"


def where_they_came_from(tok: Token, verb: Token) -> bool:
    """A town named as where the doers of `verb` came from, or were sent or flown from (`origin_verbs`):
    "planes from Saipan bombed Agana", "Gurkha troops flown in from Singapore drove the rebels from the
    power station" happened where they arrived (but "soldiers brought from Bakhmut said their trenches
    had been shelled" tell of Bakhmut)."""
    if not named_as_origin(tok):
        return False
    while tok.dep_ == "compound" and tok.head.i != tok.i:  # "San" of "from San Isidro"
        tok = tok.head
    moved = tok.head.head
    if moved.dep_ == "nsubj" and moved.head.i == verb.i:
        return True  # "P-51 fighters from San Isidro strafed the palace": they struck elsewhere
    if moved.lemma_.lower() in ORIGIN_VERBS and moved.dep_ == "advcl" \
            and moved.head.i in (verb.i, *(c.i for c in verb.conjuncts)):
        return True  # "jumped onto open ground beside the old town, flying from Kinshasa, and drove the rebels out"
    return moved.lemma_.lower() in ORIGIN_VERBS \
        and moved.dep_ in ("acl", "relcl") and moved.head.dep_ in ("nsubj", "nsubjpass") and moved.head.head.i == verb.i


def ends_a_route(tok: Token) -> bool:
    """Whether a town is named as where a road leads from ("fighting along the road from Juba"; `route` of
    place_words.yaml): where the way began, not where the fighting was (but "on the road to Iskushuban" is
    near the town it leads to, as a coder places it)."""
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "from" and prep.head.lemma_.lower() in place_words()["route"]


def named_as_origin(tok: Token) -> bool:
    """Whether a place's name is what follows "from": "were from Tal Afar", "from San Isidro"."""
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "from"


def against_it(tok: Token) -> bool:
    """A town named as what a crowd was against ("chanting against Kigali", "protests against Paris"): a
    government, not a scene (but "a missile strike against Odesa" struck it: `crowd_against`)."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "against" and tok.head.head.lemma_.lower() in CROWD_AGAINST


def where_someone_lives(tok: Token) -> bool:
    """Whether a town is named as where someone lives or is based (`dwelling_verbs`): "lives in exile
    in Vilnius", "the World Uyghur Congress, based in Munich, says ..."."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in DWELLING_VERBS


def name_head(tok: Token) -> Token:
    """The word a place's name hangs from, for any word of it: "capital" for "the" of "the capital",
    "Abbas" for "Bandar" of "north of Bandar Abbas"."""
    while tok.dep_ in ("det", "compound", "amod") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def reference_point(tok: Token) -> bool:
    """A town named only to say where another place lies: "Nanterre, west of Paris"."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in COMPASS


def clause_verb(tok: Token) -> Token:
    """The verb whose clause a word is in."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def in_another_clause(place: Token, trigger: Token) -> bool:
    """Whether a place is in a clause joined to the trigger's that has a subject of its own ("and one
    of them was taken to hospital in Pristina"), not one that goes on with the trigger's."""
    verb, own = clause_verb(place), clause_verb(trigger)
    return verb.i != own.i and verb.dep_ == "conj" and verb.head.i == own.i and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def speakers_place(place: Token, trigger: Token, index: Index) -> bool:
    """Whether a place only says where a speaker who is no side is, in another clause than the
    trigger's: "the crowds threw bricks ...; doctors at Dhaka Medical College Hospital said many
    had died", "Ukraine's military said" (whose, not where; but "police in Gusau said they had arrested
    five men" were there)."""
    for head in place.ancestors:
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in SPEECH_VERBS:
            # (a country's; "Kirkuk's police said" are Kirkuk's, and there)
            whose = place.dep_ == "poss" and place.head.i == head.i and place.i in index.place_at \
                and index.places[index.place_at[place.i]].feature == "country"
            elsewhere = tells_of_another_place(head.head, place, trigger, index)
            return (whose or elsewhere or head.i not in index.actor_at) and trigger.i not in {t.i for t in head.subtree}
    return said_abroad(place, trigger, index)


def tells_of_another_place(verb: Token, place: Token, trigger: Token, index: Index) -> bool:
    """Whether the words a speaker said, which tell of the trigger, name a place of their own other than
    the speaker's: "opposition groups in Damascus said the shrine in Karbala had been damaged" (in
    Karbala; but "police in Gusau said they had arrested five men" were there)."""
    told = [c for c in verb.children if c.dep_ == "ccomp" and trigger.i in {t.i for t in c.subtree}]
    own = clause_verb(trigger)  # (not a town of a side clause: "shelled it on Monday, a day after they took Sake")
    return any(t.i in index.place_at and index.place_at[t.i] != index.place_at[place.i] and own_clause_place(t, own)
               for c in told for t in c.subtree)


def said_abroad(place: Token, trigger: Token, index: Index) -> bool:
    """Whether another country's capital says where the words that tell of the trigger were said:
    "Fidel Castro said in Havana that the Cubans fought to the last man" (in Grenada); not a scene put
    before the words ("In Bosaso, police said they had detained 17 men"), nor a town of the story's
    country ("told reporters at Arawa that weapons had been collected"), nor a town across a border
    ("officials said in Suruc that mortar rounds had hit a school")."""
    prep, where = place.head, index.places[index.place_at[place.i]]
    verb = prep.head
    capital = capital_names().get(where.country_code or "") == where.name
    if index.country is None or where.country_code == index.country or not capital:
        return False
    after_the_words = place.dep_ == "pobj" and prep.dep_ == "prep" and prep.i > verb.i  # not "In X, police said"
    return after_the_words and verb.lemma_.lower() in SPEECH_VERBS and any(
        c.dep_ == "ccomp" and trigger.i in {t.i for t in c.subtree} for c in verb.children)


def sentence_actor(trigger: Token, index: Index, kinds: frozenset[str] | None = None,
                   before_only: bool | None = None, other_than: str | None = None,
                   skip: frozenset[int] = frozenset()) -> str | None:
    """The nearest actor (of one of `kinds`, if given, and not `other_than`) named in the trigger's
    sentence outside the tokens `skip`, before it first; only before it unless kinds are given."""
    before_only = kinds is None if before_only is None else before_only
    ids = [(t.i > trigger.i, abs(trigger.i - t.i), index.actor_at[t.i]) for t in trigger.sent
           if t.i in index.actor_at and index.actor_at[t.i] != other_than and t.i not in skip
           and (kinds is None or index.actors[index.actor_at[t.i]].kind in kinds)]
    if before_only:
        ids = [i for i in ids if not i[0]]
    return min(ids)[2] if ids else None


def sentence_evidence(tok: Token) -> Span:
    """A token's sentence as evidence, without the white space around it."""
    sent, doc = tok.sent, tok.doc
    kept = numpy.flatnonzero(token_array(doc, "IS_SPACE")[sent.start:sent.end] == 0)
    if not len(kept):
        return Span(sent.text, sent.start_char, sent.end_char)
    first, last = doc[sent.start + int(kept[0])], doc[sent.start + int(kept[-1])]
    start, end = first.idx, last.idx + len(last)
    return Span(doc_text(doc)[start:end], start, end)  # the document's text, joined once
