"""Event triggers: words of the lexicon in `events/data/triggers.yaml`, found over the parse."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from frontlines.actors import armed_modifiers, opens_a_sentence, police_heads
from frontlines.actors.dictionary import nationalities, packaged
from frontlines.nlp import tokens_whose_lemma
from frontlines.yamlfile import load_word_lists, load_yaml


NAMES = frozenset({"DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW"})  # not ORG: the model takes "Shells" for Shell
TARGET_PREPS = frozenset({"on", "at", "upon", "into"})  # "fired on", "fired at", "fired into the crowd"
# Words for armed men of no state ("militants", "rebels"), as the actors stage reads them, and "terrorists"
ARMED_NOUNS = frozenset(load_yaml(packaged("generic.yaml"))["armed_nouns"]) | {"terrorist"}


@dataclass(frozen=True)
class Family:
    """What a trigger family codes."""

    name: str
    event_type: str
    sub_event_type: str
    plover: str


@dataclass
class Trigger:
    """A trigger word in the parsed document."""

    token: Token
    family: Family
    is_verb: bool


@dataclass(frozen=True)
class Lexicon:
    """Families, verb and noun triggers."""

    families: dict[str, Family]
    verbs: dict[str, dict]
    nouns: dict[str, dict]
    noun_heads: frozenset[str] = frozenset()  # the last word of each noun trigger ("bomb" of "car bomb")
    people: frozenset[str] = frozenset()  # the `people` word list: nouns for persons ("commander", "courier")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped trigger lexicon."""
    raw = load_yaml(resources.files("frontlines.events").joinpath("data/triggers.yaml").read_text("utf-8"))
    families = {name: Family(name, f["event_type"], f["sub_event_type"], f["plover"])
                for name, f in raw["families"].items()}
    verbs = {lemma: [{**sense, "unless": flat(sense.get("unless", ())),
                      **{key: flat(sense[key]) for key in ("needs", "unless_subject", "unless_agent", "unless_with",
                                                           "unless_when", "in_sentence", "prep")
                         if key in sense}}
                     for sense in senses(spec)]
             for lemma, spec in raw["verbs"].items()}
    for light, acts in raw.get("light_verbs", {}).items():  # "opened fire on" has the senses of "fired on"
        verbs[light] = verbs.get(light, []) + [{**sense, "light": act} for act in senses(acts) for sense in verbs[act]]
    bad = [lemma for lemma, specs in verbs.items() for sense in specs
           if not all(isinstance(w, str) for key in ("needs", "subject") for w in sense.get(key, ()))]
    if bad:  # YAML reads a bare on, off, yes or no as true or false, which would never match a word
        raise ValueError(f"events/data/triggers.yaml: the needs of {', '.join(bad)} must be words "
                         "(quote words YAML reads otherwise, such as \"on\")")
    return Lexicon(families, verbs, raw["nouns"], frozenset(noun.split(" ")[-1] for noun in raw["nouns"]),
                   flat(raw["word_lists"]["people"]))


def flat(words) -> frozenset[str]:
    """A word list that may hold lists named from `word_lists` ("[power, *people]"), as one set
    (a word YAML reads otherwise, such as a bare "on", is kept as it is, for the check that follows)."""
    return frozenset(w for item in words for w in (flat(item) if isinstance(item, list) else [item]))


@lru_cache(maxsize=1)
def event_words() -> dict[str, frozenset[str]]:
    """The word lists of `events/data/words.yaml`, each checked to be a list of words."""
    path = resources.files("frontlines.events").joinpath("data/words.yaml")
    return load_word_lists(path.read_text("utf-8"), str(path))


@lru_cache(maxsize=1)
def pointing_back() -> frozenset[str]:
    """The determiners that make a noun point back (`pointing_back` in words.yaml), read once."""
    return event_words()["pointing_back"]


def context_lemmas(token: Token) -> set[str]:
    """Lemmas of the words that complete a verb: particles, prepositions, objects and their heads.
    A proper-noun object adds "PROPN" ("took Laukkai"), a person's name acted on "PERSON"."""
    out = set()
    if token.dep_ == "relcl":  # "protesters who had gathered": the noun the clause describes
        out.add(token.head.lemma_.lower())
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass"):  # "Houthi drones struck": what struck decides the kind
            out.update(word_lemma(t) for t in child.subtree)
            if child.dep_ == "nsubjpass" and child.ent_type_ == "PERSON":
                out.add("PERSON")  # "President Vieira was shot dead": a person acted on, by name
            if child.dep_ == "nsubjpass" and (child.pos_ == "PROPN" or child.ent_type_ in ("GPE", "LOC", "FAC")) \
                    and not bound_elsewhere(token):
                out.add("PROPN")  # "Taloqan was also taken": a place taken, as "took Taloqan"
        if child.dep_ in ("prt", "prep", "advmod", "npadvmod", "dobj", "attr", "agent", "acomp", "dative", "oprd"):
            out.add(child.lemma_.lower())
            if child.dep_ == "dobj":
                out.update(t.lemma_.lower() for t in child.subtree)
                if child.pos_ == "PROPN":
                    out.add("PROPN")
                if child.ent_type_ == "PERSON":
                    out.add("PERSON")
            if child.dep_ in ("prep", "agent"):  # and what names the place or the doer: "outside the
                # government building", "struck by allied aircraft"
                out.update(t.lemma_.lower() for g in child.children if g.dep_ == "pobj"
                           for t in (g, *(c for c in g.children if c.dep_ == "compound")))
        if child.dep_ in ("advcl", "xcomp") and (any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
                                                 or child.tag_ == "VBG"):
            # what it was done for or with: "gathered outside the office to demand food", "gathered ...,
            # chanting against the jihadists", "to honour the dead and to call on the government"
            out.update(v.lemma_.lower() for v in (child, *child.conjuncts))
    return out | ({"crowd"} if crowd_pronoun(token) else set())


def crowd_pronoun(verb: Token) -> bool:
    """Whether a verb acts on or is aimed at "them", a crowd told of just before: "people gathered to
    protest; security forces fired into the air to disperse them", "Thousands marched on the parliament.
    Soldiers opened fire on them" (not "M23 rebels attacked army positions, and troops pushed them back":
    the armed men named before in its sentence)."""
    sent = verb.sent
    them = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == "they"] + [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ in TARGET_PREPS
        for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() == "they"]
    armed_before = any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i != verb.i and t.lemma_.lower() in ARMED_NOUNS
                       for t in sent if t.i < verb.i)
    return bool(them) and not armed_before and (any(protest_word(t) for t in sent if t.i < verb.i)
                                                 or after_a_protest(verb) or after_a_gathering(verb))


def after_a_gathering(tok: Token) -> bool:
    """Whether the sentence before the token's tells of people who gathered (`gathering_verbs`: "several
    hundred residents gathered on the road outside the mosque. They were pushed back by troops"), not
    armed men ("several hundred troops gathered near the airport")."""
    start = tok.sent.start
    gathering = event_words()["gathering_verbs"]
    return start > 0 and any(t.lemma_.lower() in gathering and t.pos_ == "VERB"
                             and not any(c.dep_ == "nsubj" and armed_or_state(c) for c in t.children)
                             for t in tok.doc[start - 1].sent)


def armed_or_state(noun: Token) -> bool:
    """Whether a noun names armed men or a state's forces ("troops", "fighters", "police")."""
    lemma = noun.lemma_.lower()
    return lemma in ARMED_NOUNS or lemma in event_words()["state_doers"] or noun.lower_ in police_heads()


def bound_elsewhere(verb: Token) -> bool:
    """Whether a verb goes somewhere or off something: "was taken off the list", "taken to hospital" (a place
    lost "to" a side is lost: "Kunduz was lost to the Taliban", `losing` of words.yaml)."""
    losing = verb.lemma_.lower() in event_words()["losing"]
    return any(c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in ("to", "off", "from", "into", "out")
                                   and not (losing and c.lower_ == "to"))
               for c in verb.children)


def particle_of(tok: Token) -> str | None:
    """A verb's particle in lower case ("up" of "broke up"), if it has one."""
    return next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)


def has_particle(tok: Token, word: str) -> bool:
    """Whether a verb takes a word as its particle; "back" also as the adverb the model parses it as
    ("pushed the attackers back"), and "dead" as whatever it parses it as ("shot dead", "shot two
    soldiers dead")."""
    return particle_of(tok) == word or (word == "back" and any(c.dep_ == "advmod" and c.lower_ == word
                                                                for c in tok.children)) or (
        word == "dead" and any(c.lower_ == word for c in tok.children))


def phrasal_lemma(tok: Token) -> str:
    """A verb's lemma with its particle, when it has one ("break up": police breaking up a rally is
    no crowd breaking things; "back" also as the adverb the model parses it as, "moved them back");
    any other word's lemma."""
    particle = (particle_of(tok) or ("back" if has_particle(tok, "back") else None)) if tok.pos_ == "VERB" else None
    lemma = tok.lemma_.lower()
    return f"{lemma} {particle}" if particle else lemma


def word_lemma(tok: Token) -> str:
    """A token's lemma in lower case; a plural the model took for a name at a sentence's start or
    right after a dateline ("Drones struck Zaria", "HAITI - Vigilantes set ...") as the common noun it is."""
    if tok.pos_ == "PROPN" and opens_a_sentence(tok) and tok.lower_.endswith("s") and tok.lemma_ == tok.text:
        return tok.lower_[:-1]
    return tok.lemma_.lower()


def noun_context(noun: Token) -> set[str]:
    """The lemmas that can complete a noun trigger: its sentence's, and for a noun that points
    back ("the strikes", "these raids") the sentence before's too ("Indian aircraft fired missiles
    at nine sites. The strikes hit a seminary in Bahawalpur")."""
    out = {t.lemma_.lower() for t in noun.sent}
    start = noun.sent.start
    if start > 0 and any(c.dep_ == "det" and c.lower_ in pointing_back() for c in noun.children):
        out.update(t.lemma_.lower() for t in noun.doc[start - 1].sent)
    return out


def objects_of(token: Token) -> set[str]:
    """Lemmas of what a verb acts on: its direct objects, a passive's subject or the noun a participle
    describes, and what a number of them counts ("captured dozens of soldiers", "a number of soldiers were
    captured"),
    what it holds ("a bag containing grenades was found"), and the title of a name ("President" of
    "President Manuel Zelaya")."""
    out = set()
    if token.dep_ == "acl" and token.tag_ == "VBN":  # "soldiers captured at Mariupol": what it describes
        out.add(word_lemma(token.head))
    if token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in token.children):
        # a participle parsed as the main verb ("relatives of soldiers captured at Mariupol gathered"): its
        # "subject" is what it describes
        out.update(word_lemma(c) for c in token.children if c.dep_ == "nsubj")
    if token.dep_ == "conj" and any(c.dep_ == "auxpass" for c in token.children) \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        # "a crowd gathered ... and was cleared from the street": the passive acts on the subject it shares
        out.update(w for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass") for w in counted_words(c))
    if token.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NUM" for c in token.children):
        out |= objects_of(token.head)  # "39 militants were killed and 13 captured": 13 of the militants
    # "the building was stormed and partly burned": the participle acts on the passive's subject
    joined = token.head if joined_to_a_passive(token) else None
    for child in [*token.children, *(joined.children if joined is not None else ())]:
        if child.dep_ in ("dobj", "nsubjpass"):
            out.add(child.lemma_.lower())
            if child.tag_ in ("WDT", "WP") and token.dep_ == "relcl":  # "bunkers that had been vacated": the
                # bunkers; "the son of a settler family, who was shot dead": the son
                out.add(token.head.lemma_.lower())
            # "found explosive belts, rifles and ammunition", "four pistols and several kilograms of explosives"
            listed = [*child.conjuncts, *(a for a in child.children if a.dep_ == "appos")]
            out.update(w for c in [*listed, *(x for a in listed for x in a.conjuncts)] for w in counted_words(c))
            if child.ent_type_ == "PERSON":
                out.add("PERSON")
            elif child.pos_ == "PROPN" and child.ent_type_ not in ("DATE", "TIME"):
                out.add("PROPN")  # a name acted on: "troops secured Bunia", "Gijon was cleared by the Legion"
            if child.pos_ == "PROPN":  # "seized President Manuel Zelaya": the title says what the name is,
                # and so does an apposition ("shot dead Abu Musa, a wanted militant commander")
                out.update(w.lemma_.lower() for a in child.children if a.dep_ in ("compound", "appos")
                           for w in (a, *a.children) if w.dep_ in ("appos", "compound", "amod"))
            out.update(counted_words(child)[1:])
            if crowd_pronoun(token):
                out.add("crowd")  # "pushed them back" after a protest
            out.update(w for a in antecedent(child) for w in counted_words(a))
            # and what it holds: "a bag containing hand grenades was found", "vehicles loaded with rifles"
            out.update(w.lemma_.lower() for a in child.children if a.dep_ == "acl"
                       and a.lemma_.lower() in event_words()["containers"]
                       for o in a.children if o.dep_ == "dobj" for w in (o, *o.conjuncts))
            out.update(w.lemma_.lower() for a in child.children if a.dep_ in ("acl", "amod")
                       and a.lemma_.lower() in event_words()["filled_with"]
                       for p in a.children if p.dep_ == "prep" and p.lower_ == "with"
                       for o in p.children if o.dep_ == "pobj" for w in (o, *o.conjuncts))
    return out


def antecedent(pronoun: Token) -> list[Token]:
    """What "them" acted on stands for, told earlier in its sentence as what another verb acted on:
    "men" of "dragging men into the streets and shooting them" (not a subject, nor a place it went to)."""
    if pronoun.lemma_.lower() != "they" or pronoun.dep_ != "dobj" \
            or any(c.dep_ == "nsubj" for c in pronoun.head.children):
        return []  # (not "attacked soldiers guarding ministers, and the soldiers shot them": a subject's own foes)
    told = [t for t in pronoun.sent if t.i < pronoun.i and t.dep_ in ("dobj", "nsubjpass") and t.tag_ == "NNS"
            and t.head.i != pronoun.head.i]
    return told[-1:]


def joined_to_a_passive(verb: Token) -> bool:
    """Whether a verb with no subject or object of its own is joined to a passive, whose subject it acts on:
    a participle ("the building was stormed and partly burned"), or one the model tags a past tense ("two
    men were dragged from a pharmacy and shot dead")."""
    if verb.dep_ != "conj" or any(c.dep_ in ("dobj", "nsubjpass", "nsubj") for c in verb.children):
        return False
    return verb.tag_ == "VBN" or (verb.tag_ == "VBD" and any(c.dep_ == "auxpass" for c in verb.head.children))


def needs_read_on(tok: Token, sense: dict, around: set[str]) -> set[str]:
    """The words a verb sense's `needs` are read on: what it acts on (`needs_object`), what did
    it (`needs_subject`), what it was aimed at (`needs_target`), where it was taken from
    (`needs_from`) or went to (`needs_to`), what its subject came under (`needs_under`), else everything that
    completes it."""
    if sense.get("needs_object"):
        return objects_of(tok)
    if sense.get("needs_subject"):  # or a passive's agent: "columns were struck by allied aircraft"
        return {"plane" if bombers_are_aircraft(t) else word_lemma(t) for c in tok.children
                if c.dep_ in ("nsubj", "agent") for t in c.subtree}
    if sense.get("needs_target"):
        return targets_of(tok, aimed=bool(sense.get("aimed")))
    if sense.get("needs_from"):  # "was taken from his home", not "took home a prize"
        return objects_after_prep(tok, "from")
    if sense.get("needs_to"):  # "soldiers returned to Damara"
        return objects_after_prep(tok, "to")
    if sense.get("needs_under"):  # "came under heavy artillery fire", not "came under the control of"
        return {t.lemma_.lower() for o in under_what(tok) for t in (o, *o.lefts)}
    return around


def objects_after_prep(verb: Token, prep: str) -> set[str]:
    """Lemmas of what the verb's preposition `prep` governs, "PROPN" for a name: "from Salt", "to Damara"."""
    objects = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == prep for o in c.children if o.dep_ == "pobj"]
    return {o.lemma_.lower() for o in objects} | {"PROPN" for o in objects if o.pos_ == "PROPN"}


def under_what(verb: Token) -> list[Token]:
    """What a verb says its subject came under (`came_under` verbs): "fire" of "the convoy came under
    fire" (not "attacked a plant under construction")."""
    if verb.lemma_.lower() not in event_words()["came_under"]:
        return []
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "under" for o in c.children
            if o.dep_ == "pobj"]


def on_strike(target: Token) -> bool:
    """Whether what follows "on" is workers on strike: "striking miners", "striking oil workers" (which
    the model parses as a clause, "striking" acting on "workers")."""
    if target.dep_ == "pobj":
        striking = any(a.dep_ == "amod" and a.lower_ == "striking" for a in target.children)
        return striking and target.lemma_.lower() in event_words()["strike_workers"]
    return target.dep_ == "pcomp" and target.lower_ == "striking" and any(
        o.dep_ == "dobj" and o.lemma_.lower() in event_words()["strike_workers"] for o in target.children)


def counted_words(noun: Token) -> list[str]:
    """A noun's lemma and, for a count, what it counts: "dozens of homes" gives "dozen" and "home"."""
    return [noun.lemma_.lower(), *(o.lemma_.lower() for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                                   for o in p.children if o.dep_ == "pobj")]


def targets_of(tok: Token, aimed: bool = False) -> set[str]:
    """Lemmas of what a verb was aimed at: its direct objects and what follows "on" or "at" ("fired on
    protesters", "fired on demonstrators blocking the road"); with `aimed`, only what follows those
    (what is fired is a weapon, and officers who "were fired" were dismissed).  A name adds "PROPN"
    ("moved into Abu Salim")."""
    out = set() if aimed else objects_of(tok)
    # and through an adverb: "moved back into Kidal"
    near = [*tok.children, *(g for c in tok.children if c.dep_ in ("advmod", "prt") for g in c.children)]
    for prep in (c for c in near if c.dep_ == "prep" and c.lower_ in TARGET_PREPS):
        for g in (g for g in prep.children if g.dep_ == "pobj"):
            out.add(g.lemma_.lower())
            if g.lower_.endswith("ing"):  # "on a crowd marching towards the palace", parsed as a compound
                out.update(c.lemma_.lower() for c in g.children if c.dep_ == "compound"
                           and c.lemma_.lower() in event_words()["crowd_words"])
            if g.pos_ == "PROPN" and g.ent_type_ not in ("DATE", "TIME"):
                out.add("PROPN")
        out.update(o.lemma_.lower() for g in prep.children if g.dep_ == "pobj"  # "on a group of demonstrators"
                   for p in g.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")
        out.update(s.lemma_.lower() for g in prep.children if g.dep_ == "pcomp" for s in g.children if s.dep_ == "nsubj")
        # and whom it carried: "fired on a car carrying militants"
        out.update(o.lemma_.lower() for g in prep.children if g.dep_ == "pobj" for a in g.children
                   if a.dep_ == "acl" for o in a.children if o.dep_ == "dobj")
        if any(a.dep_ == "acl" and protest_word(a) for g in prep.children if g.dep_ == "pobj" for a in g.children):
            out.add("protester")  # people named by their protest: "fired at opposition supporters protesting in Harare"
        if any(on_strike(g) for g in prep.children):
            out.add("striker")  # "opened fire on striking miners": strikers
    if any(c.dep_ == "prep" and c.lower_ in TARGET_PREPS and stranded(c) for c in tok.children):
        # "police posts were fired upon from the hills": the subject was the target (and "a patrol that was
        # shot at", the noun its clause tells of; not officers "fired at once")
        out.update((tok.head if s.tag_ in ("WDT", "WP") and tok.dep_ == "relcl" else s).lemma_.lower()
                   for s in tok.children if s.dep_ == "nsubjpass")
    if crowd_pronoun(tok) or fired_after_a_crowd(tok):
        out.add("crowd")  # "Thousands marched on the parliament. Soldiers opened fire on them"
    return out


def fired_after_a_crowd(verb: Token) -> bool:
    """Whether a state's fire aimed at no one named, right after a sentence telling of a protest, was
    fired on that crowd: "residents surrounded the convoy and blocked the road in protest. Troops then
    opened fire".  Not fire with a way or a target of its own ("fired into the air", "over their heads",
    "fired back"), nor fire told with a day, a place or another act of its own ("A day later, troops in
    Garissa opened fire"; "Gunmen attacked a police post and police opened fire"), nor rebels' fire."""
    fired = verb.lemma_.lower() == "fire" or any(c.dep_ == "dobj" and c.lemma_.lower() == "fire"
                                                 for c in verb.children)
    elsewhere = event_words()["fired_elsewhere"]
    aimed = any((c.dep_ == "prep" and c.lower_ in (*TARGET_PREPS, *elsewhere))
                or (c.dep_ in ("advmod", "prt") and c.lower_ in elsewhere)
                or (c.dep_ == "dobj" and c.lemma_.lower() != "fire") for c in verb.children)
    by_the_state = any(c.dep_ == "nsubj" and (c.lemma_.lower() in event_words()["state_doers"]
                                              or c.lower_ in police_heads()) for c in verb.children)
    own_setting = any(t.ent_type_ in ("DATE", "GPE", "LOC") for t in verb.sent) or sum(
        t.pos_ == "VERB" and t.dep_ in ("ROOT", "conj") for t in verb.sent) > 1
    return fired and not aimed and by_the_state and not own_setting and after_a_protest(verb)


def stranded(prep: Token) -> bool:
    """Whether a preposition is left at the end of its clause, with no object of its own: "at" of "were
    shot at near a roadblock", "upon" of "were fired upon, residents said" (not "fired at once")."""
    nxt = prep.doc[prep.i + 1] if prep.i + 1 < len(prep.doc) else None
    return not list(prep.children) and (nxt is None or nxt.is_punct or nxt.pos_ in ("ADP", "CCONJ", "SCONJ"))


def target_modifiers(tok: Token) -> set[str]:
    """Lemmas of the words that modify what a verb was aimed at, or its passive subject: "refugee" of
    "shot at a refugee camp", "polling" of "a polling officer was shot at"."""
    aimed = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
             for g in c.children if g.dep_ == "pobj"] + [c for c in tok.children if c.dep_ == "nsubjpass"]
    return {m.lemma_.lower() for g in aimed for m in g.children if m.dep_ in ("compound", "amod", "nmod")}


def after_a_protest(tok: Token) -> bool:
    """Whether the sentence before the token's tells of a protest."""
    start = tok.sent.start
    return start > 0 and any(protest_word(t) for t in tok.doc[start - 1].sent)


def protest_word(tok: Token) -> bool:
    """Whether a word is one of `protest_words` in words.yaml, also as a plural the model took for a
    name ("Riots broke out")."""
    return bool({word_lemma(tok), tok.lower_, tok.lower_.removesuffix("s")} & event_words()["protest_words"])


def clause_closed_before(verb: Token) -> bool:
    """Whether a verb the model joined to a subordinate clause follows that clause's closing comma, and so
    goes on the main clause: "hanged" of "swept into Kabul, hours after the army abandoned the city, and
    hanged the president" (not "after the army abandoned the city and looted it")."""
    clause = verb.head
    if verb.dep_ != "conj" or clause.dep_ != "advcl" or not any(c.dep_ == "mark" for c in clause.children):
        return False
    before = verb.doc[verb.i - 2:verb.i] if verb.i >= 2 else []
    return len(before) == 2 and before[0].text == "," and before[1].dep_ == "cc" \
        and any(t.text == "," for t in verb.doc[clause.left_edge.i - 1:clause.left_edge.i])


def subject_kinds(token: Token, through_participle: bool = False) -> set[str]:
    """What a verb's subject is, or a passive's agent ("murdered by vigilantes"), and the subjects joined to
    it: its lemma, its entity label, whether it is a name ("Sheberghan fell": GPE, PROPN), and what a count
    of it counts ("thousands of students occupied": student).  `through_participle`: a participle clause's is its
    main verb's ("the jets flew over the town, dropping bombs"; asked for aircraft only, as marchers
    "beating drums" beat no one)."""
    doers = [c for c in token.children if c.dep_ == "nsubj"] + [
        g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    participle = through_participle and token.dep_ == "advcl" and token.tag_ == "VBG"
    if not doers and clause_closed_before(token):
        return subject_kinds(token.head.head)  # "swept into Kabul, hours after the army left, and hanged ..."
    if not doers and (token.dep_ == "conj" or participle) and token.head.i != token.i:
        return subject_kinds(token.head)  # "people gathered ... and dispersed": the subject they share
    doers += [other for c in doers for other in c.conjuncts]  # "surf lifesavers, residents and leaders stood"
    return {kind for c in doers for kind in (word_lemma(c), c.ent_type_, c.pos_,
                                             *(counted_words(c)[1:] if a_count(c) else ()),
                                             *(("plane",) if bombers_are_aircraft(c) else ()))}


def nationality_words(adjective: Token) -> str:
    """A modifier with its own modifiers, lower-cased, as nationalities are listed: "sri lankan"."""
    return " ".join(t.lower_ for t in adjective.subtree)


def bombers_are_aircraft(noun: Token) -> bool:
    """Whether "bombers" are aircraft: of a kind (`warplane_bombers`: "heavy bombers", "B-52 bombers"),
    flying from a base (`warplane_bases`: "bombers based on Majorca"), or a nation's that did what only
    aircraft do (`bombers_flying`: "German bombers returned over Narvik"; not "Palestinian bombers struck
    a bus"); never "suicide bombers"."""
    if word_lemma(noun) != "bomber" or any(c.lower_ == "suicide" for c in noun.children):
        return False
    words = event_words()
    on_foot = words["civilian_targets"] | words["bombers_on_foot_targets"]
    flying = noun.dep_ == "nsubj" and noun.head.lemma_.lower() in words["bombers_flying"] and not any(
        o.lemma_.lower() in on_foot for o in noun.head.children if o.dep_ == "dobj")
    return any((c.dep_ in ("amod", "compound") and (c.lower_ in words["warplane_bombers"]
                                                    or (flying and nationality_words(c) in nationalities())))
               or (c.dep_ == "acl" and c.lemma_.lower() in words["warplane_bases"]) for c in noun.children)


def a_count(noun: Token) -> bool:
    """Whether a noun counts others (`counts` in words.yaml: "thousands of students", "a group of
    farmers"), not "the mother of the student"."""
    return noun.like_num or noun.lemma_.lower() in event_words()["counts"]


def subject_heads(token: Token) -> set[str]:
    """Lemmas of a verb's subject nouns ("a cooking gas container exploded": container), and what a
    count of them counts ("thousands of pilgrims gathered": pilgrim)."""
    return {w for c in token.children if c.dep_ == "nsubj" for w in (word_lemma(c), *counted_words(c)[1:])}


def agent_heads(token: Token) -> set[str]:
    """Lemmas of a passive's doers that are no person ("roads were blocked by snow": snow, "killed by a
    crocodile"), for a sense's `unless_agent`, else its `unless_subject` (a sense lists them apart where a
    doer means another thing than a subject: "killed by poison gas" is an attack, "a gas container
    exploded" an accident)."""
    people = lexicon().people
    passive = any(s.dep_ == "nsubjpass" for s in token.children)
    doers = [o for c in token.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and passive)
             for o in c.children if o.dep_ == "pobj" and word_lemma(o) not in people and o.ent_type_ != "PERSON"]
    return {w for c in doers for w in (word_lemma(c), *counted_words(c)[1:])}


def object_modifiers(verb: Token) -> set[str]:
    """Lemmas of the modifiers of what a verb acts on: "threw stun grenades" gives "stun"; of what is no
    person (triggers.yaml `people`), not the word that says whose it was ("captured the rebel capital"
    is no rebel captured, "killed a rebel chief" is: `armed_modifiers`)."""
    people = lexicon().people
    return {m for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for m in modifiers_of(c)
            if c.lemma_.lower() in people or c.ent_type_ == "PERSON" or m not in armed_modifiers()}


def modifiers_of(noun: Token) -> set[str]:
    """Lemmas of a noun's own modifiers and of the place it happened at: "gas explosion",
    "explosion at a plant"."""
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    out = {t.lemma_.lower() for c in mods for t in (c, *c.conjuncts)}  # "tear gas and stun grenades"
    out.update("PROPN" for c in mods if c.pos_ == "PROPN" and c.dep_ == "compound")  # "the Catavi mines"
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "inside")):
        out.update(g.lemma_.lower() for g in prep.children if g.dep_ == "pobj")
    return out


def planted(sent) -> bool:
    """Whether a sentence tells of a bomb (`event_words()["bombs"]`): then no explosion in it is an accident."""
    return any(t.lemma_.lower() in event_words()["bombs"] for t in sent)


def ruled_out(tok: Token) -> set[str]:
    """The families a verb's own object rules out ("captured dozens of fighters" is no capture):
    the classifier must not code them from that verb either."""
    specs = lexicon().verbs.get(tok.lemma_.lower(), []) if tok.pos_ == "VERB" else []
    objects = objects_of(tok)
    return {s["family"] for s in specs if objects.intersection(s["unless"])}


def senses(spec) -> list[dict]:
    """A lexicon entry's senses: one mapping, or a list of them tried in order."""
    return spec if isinstance(spec, list) else [spec]


def noun_phrases(token: Token) -> list[str]:
    """A noun with its compound modifiers, lemmatised, longest first: "suicide car bomber" gives
    "suicide car bomber", then each modifier with the noun ("suicide bomber", "car bomber")."""
    compounds = [c.lemma_.lower() for c in token.lefts if c.dep_ in ("compound", "amod")]
    head = token.lemma_.lower()
    if token.pos_ == "PROPN" and head.endswith("s"):
        head = head[:-1]  # "Shells" at the start of a sentence, tagged a proper noun, keeps its plural
    return [" ".join([*compounds, head]), *(f"{c} {head}" for c in compounds), two_word_noun(token), head]


def two_word_noun(token: Token) -> str:
    """The token with the word before it: "Drone strikes" even when the model parses "strikes" as a verb
    (but "sat in the car" is no "sit-in": a preposition is no noun)."""
    if token.i == 0 or token.pos_ == "ADP":
        return token.lemma_.lower()
    return f"{token.doc[token.i - 1].lemma_.lower()} {token.lemma_.lower()}"


def may_head_noun(lemma: str, lex: Lexicon) -> bool:
    """Whether a word can end a noun trigger (every phrase `noun_phrases` builds ends in the word,
    or in it without a plural "s"): most words cannot, and their phrases need not be built."""
    return lemma in lex.noun_heads or lemma[:-1] in lex.noun_heads or " " in lemma


def describes(verb: Token) -> bool:
    """Whether a verb describes rather than tells: a participle on a noun ("young people, mobilised
    on social media", "columns retreating"), or a present passive ("where 4,000 soldiers are deployed")."""
    present_passive = any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "am") for c in verb.children)
    return verb.dep_ == "acl" or present_passive


def told_before(noun: Token) -> bool:
    """Whether a noun points back at one the text told before ("the bombs", "these devices")."""
    return any(d.dep_ == "det" and d.lower_ in pointing_back() for d in noun.children)


def acts_on_one_told_before(verb: Token) -> bool:
    """Whether what a verb acts on is an event the text told before: "its troops had repelled the
    assault" (not "repelled an RSF assault")."""
    return any(c.dep_ in ("dobj", "nsubjpass") and told_before(c) for c in verb.children)


def only_heading(verb: Token) -> bool:
    """Whether a movement names only where it went ("retreating toward Dablo"), not what it left."""
    words = event_words()
    near = [c for c in verb.children if c.dep_ in ("prep", "prt", "advmod")]
    through = [g for c in near if c.dep_ in ("prt", "advmod") for g in c.children if g.dep_ == "prep"]
    return bool({c.lower_ for c in near} & words["retreat_preps"]) \
        and not {c.lower_ for c in near + through} & words["leaving_preps"]  # (what it left: "pulled back from")


def headed_for(verb: Token) -> list[Token]:
    """What a movement names as where it went: "pulled out towards Tbilisi", "pulled back to the river"."""
    near = [c for c in verb.children if c.dep_ in ("prep", "prt", "advmod")]
    near += [g for c in near if c.dep_ in ("prt", "advmod") for g in c.children if g.dep_ == "prep"]
    heading = event_words()["retreat_preps"]
    return [o for c in near if c.lower_ in heading for o in c.subtree if o.dep_ == "pobj"]


def in_a_toll(noun: Token) -> bool:
    """Whether a noun is what people were killed or wounded in ("six policemen were killed in an
    ambush", "two died in the attack"): the toll tells the noun is an event, not a word for one."""
    prep, words = noun.head, event_words()
    return noun.dep_ == "pobj" and prep.lower_ in words["toll_preps"] and prep.head.lemma_.lower() in words["lethal"] \
        and not modifiers_of(noun) & words["no_attackers"]  # not "killed in a shark attack", "a heart attack"


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every trigger in the document, in text order."""
    lex = lexicon()
    out = []
    for tok in tokens_whose_lemma(doc, lambda lemma: lemma in lex.verbs or may_head_noun(lemma, lex)):
        if is_lexicon_verb(tok, lex):
            fitting = verb_senses_fitting(tok, lex)
            spec = next((s for s in fitting if not verb_sense_excepted(tok, s)), None)
            if spec is not None:
                out.append(Trigger(tok, lex.families[spec["family"]], True))
        elif is_lexicon_noun(tok, lex):
            spec = noun_sense_fitting(tok, lex)
            if spec is None or noun_sense_excepted(tok, spec):
                continue
            out.append(Trigger(tok, lex.families[spec["family"]], False))
    return out


def is_lexicon_verb(tok: Token, lex: Lexicon) -> bool:
    """Whether a token is a verb of the lexicon ("the ousted president" is no act)."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in lex.verbs and tok.dep_ != "amod"


def is_lexicon_noun(tok: Token, lex: Lexicon) -> bool:
    """Whether a token may be a noun of the lexicon: a capitalised word inside a name or a date is
    none ("in early March", "Operation Storm")."""
    return may_head_noun(tok.lemma_.lower(), lex) and (tok.pos_ in ("NOUN", "PROPN") or two_word_noun(tok) in lex.nouns) \
        and not (tok.is_title and tok.ent_type_ in NAMES) and not company_name(tok)


def company_name(tok: Token) -> bool:
    """A singular capitalised word inside a sentence that the model names an organisation: "the Shell
    refinery", "Shell's refinery" (but "Shells hit the town" opening a sentence is the model mistaking shells
    for Shell)."""
    possessive = tok.i + 1 < len(tok.doc) and tok.nbor(1).tag_ == "POS"
    return tok.is_title and tok.pos_ == "PROPN" and tok.text == tok.lemma_ \
        and ((tok.ent_type_ == "ORG" and not opens_a_sentence(tok)) or possessive)  # "Shell's refinery has cut jobs"


def verb_senses_fitting(tok: Token, lex: Lexicon) -> list[dict]:
    """The senses of a lexicon verb whose own conditions its sentence meets (what it needs, its
    object, particle, light verb and subject), before their exceptions are read."""
    around = context_lemmas(tok)
    has_object = any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children)
    return [s for s in senses(lex.verbs[tok.lemma_.lower()])
            if (not s.get("needs") or needs_read_on(tok, s, around).intersection(s["needs"]))
            and s.get("object", has_object) == has_object
            and (not s.get("particle") or has_particle(tok, s["particle"]))
            and (not s.get("light") or plain_act(tok, s["light"], lex))
            and (not s.get("subject") or subject_kinds(tok, s["family"] == "air").intersection(s["subject"]))
            and (not s.get("in_sentence") or any(t.lemma_.lower() in s["in_sentence"] for t in tok.sent))
            and (not s.get("prep") or has_prep(tok, s["prep"]))]


def has_prep(verb: Token, words) -> bool:
    """Whether a preposition of `words` hangs from a verb or from what it acts on ("fought their way into
    the centre", however the model attaches "into")."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))]
    return any(c.dep_ == "prep" and c.lower_ in words for h in heads for c in h.children)


def plain_act(verb: Token, act: str, lex: Lexicon) -> bool:
    """Whether a light verb's object is its act and nothing more specific: "carried out attacks" is
    "attacked", but "carried out two grenade attacks" and "launched a chemical attack" are the
    grenade and chemical attacks the nouns name."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == act]
    return any(not any(p in lex.nouns and p != act for p in noun_phrases(o)) for o in objects)


def verb_sense_excepted(tok: Token, s: dict) -> bool:
    """Whether an exception of a fitting verb sense rules it out: a describing participle, a
    movement only toward a place, an act on what was told before, an object or subject it names
    as no such event."""
    return bool((s.get("not_describing") and describes(tok))
                or (s.get("not_heading") and only_heading(tok))
                or (bool(when_clause_verbs(tok) & s.get("unless_when", frozenset())) and not planted(tok.sent))
                or (s.get("not_for_a_purpose") and for_a_purpose(tok))
                or (s.get("new_object") and acts_on_one_told_before(tok))
                or (s.get("new_subject") and any(c.dep_ == "nsubj" and told_before(c) for c in tok.children))
                or (objects_of(tok) | object_modifiers(tok) | (targets_of(tok, aimed=bool(s.get("aimed")))
                                                               | target_modifiers(tok)
                                                               if s.get("needs_target") else set())
                    ).intersection(s.get("unless", ()))
                or subject_excepted(tok, s.get("unless_subject", ()))
                or agent_heads(tok).intersection(s.get("unless_agent", s.get("unless_subject", ())))
                or bool(objects_after(tok, ("with", "for")).intersection(s.get("unless_with", ()))))


def for_a_purpose(verb: Token) -> bool:
    """Whether a verb's clause says what it was done for: "left their base to patrol the road"."""
    return any(c.dep_ in ("advcl", "xcomp") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
               for c in verb.children)


def when_clause_verbs(verb: Token) -> set[str]:
    """Lemmas of the verbs of the clauses that say when the verb's act came: "killed when a factory
    collapsed" (also where the parse hangs the clause on the day: "killed on Monday when ...")."""
    return {t.lemma_.lower() for t in verb.subtree if t.dep_ in ("advcl", "relcl")
            and any(c.lower_ in event_words()["when_words"] for c in t.children if c.dep_ in ("advmod", "mark"))}


def subject_excepted(verb: Token, unless_subject) -> bool:
    """Whether the verb's subject is one of `unless_subject`: "a gas container exploded", but not in a sentence
    that tells of a bomb, unless the subject is the bomb ("a bomb wrecked the offices" is no wrecking by hand)."""
    excepted = subject_heads(verb).intersection(unless_subject)
    return bool(excepted) and (not planted(verb.sent) or bool(excepted & event_words()["bombs"]))


def objects_after(verb: Token, preps: tuple[str, ...]) -> set[str]:
    """Lemmas of what the verb's prepositions `preps` govern: "bombarded the envoy with questions",
    "marched into Red Square for the parade"."""
    return {o.lemma_.lower() for p in verb.children if p.dep_ == "prep" and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj"}


def noun_sense_fitting(tok: Token, lex: Lexicon) -> dict | None:
    """The sense of a noun's lexicon entry (its longest phrase's; one, or a list tried in order) whose
    needs its sentence meets: "an exchange of prisoners" is an agreement, "an exchange of fire" a clash."""
    entry = next((lex.nouns[p] for p in noun_phrases(tok) if p in lex.nouns), None)
    for spec in senses(entry) if entry is not None else ():
        needs = spec.get("needs")
        read_on = what_it_is_of(tok) if spec.get("needs_of") else noun_context(tok)
        if (not needs or read_on.intersection(needs)) and (not spec.get("in_toll") or in_a_toll(tok)):
            return spec
    return None


def what_it_is_of(noun: Token) -> set[str]:
    """Lemmas of what follows a noun's "of": "fire" of "an exchange of fire"."""
    return {o.lemma_.lower() for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj"}


def noun_sense_excepted(tok: Token, spec: dict) -> bool:
    """Whether a fitting noun's exception rules it out: "a gas explosion", "an explosion at a chemical plant",
    or what the noun only modifies: "rocket-propelled grenades" are no rockets; or a verb of its `unless_verb`
    acts on it: "missiles were thrown at officers"."""
    unless = spec.get("unless", ())
    modified = tok.head.lemma_.lower() if tok.dep_ in ("npadvmod", "compound", "amod") else None
    verbs = spec.get("unless_verb", ())
    # "threw missiles", "missiles were thrown", "missiles hurled by protesters", and "hurled missiles" parsed
    # as an adjective
    thrown = (tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in verbs) \
        or any(c.dep_ in ("amod", "acl") and c.lemma_.lower() in verbs for c in tok.children)
    where = tok.dep_ == "pobj" and tok.head.lower_ in spec.get("unless_after", ())  # "killed at a mine": a pit
    return bool(modifiers_of(tok).intersection(unless) or modified in unless or thrown or where) \
        and not planted(tok.sent)


def ruled_out_by_exception(tok: Token) -> bool:
    """Whether the lexicon read a word of its own and an exception of a fitting sense said it is no
    event ("seized two soldiers": people are no ground taken; "retreating toward Zaria"; "a man
    killed his wife"): the rules have spoken, and a classifier must not code the sentence instead."""
    lex = lexicon()
    if is_lexicon_verb(tok, lex):
        fitting = verb_senses_fitting(tok, lex)
        # ("a bomb wrecked the offices" is no wrecking by hand, and the rules tell nothing of the bomb)
        return bool(fitting) and all(verb_sense_excepted(tok, s) for s in fitting) \
            and not subject_heads(tok) & event_words()["bombs"]
    if is_lexicon_noun(tok, lex):
        spec = noun_sense_fitting(tok, lex)
        if spec is None:  # "a general strike": whatever the sentence holds, the noun's own words say no air strike
            entry = next((lex.nouns[p] for p in noun_phrases(tok) if p in lex.nouns), None)
            return entry is not None and any(modifiers_of(tok) & set(s.get("unless", ())) for s in senses(entry))
        return noun_sense_excepted(tok, spec)
    return False


def lexicon_words(sent) -> list[Token]:
    """The words of a sentence the lexicon holds, whatever the rules made of them."""
    lex = lexicon()
    return [t for t in sent if is_lexicon_verb(t, lex) or (is_lexicon_noun(t, lex) and any(
        p in lex.nouns for p in noun_phrases(t)))]
