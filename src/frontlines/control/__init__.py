"""Who holds what: control claims from captures and from sentences that state a hold.

Captures and transfers change control from their date ("since").  Sentences
such as "the group still holds Tal Afar", "Tarhuna, held by a militia allied
with the LNA", "the capital remains in the hands of the GNA" or "the
military-held second city" state control as of the date they speak of.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from frontlines.actors import NON_STATE_ARMED
from frontlines.yamlfile import load_yaml
from frontlines.events.arguments import (ARMED_KINDS, Index, actor_in, country_forces, pronoun_antecedent,
                                         sentence_evidence, subject_of, subjects_before)
from frontlines.events.factuality import factuality
from frontlines.events.when import told_with_a_year
from frontlines.events.where import dateline_meant, this_town
from frontlines.context import km
from frontlines.model import HAPPENED, ControlClaim, Event
from frontlines.nlp import tokens_lemmatised, tokens_written

CONTROL_FEATURES = frozenset({"city", "site", "admin1", "admin2"})
# "Gao remains held by the armed groups": held, as "is held by" (written forms: the model lemmatises
# "remains" as an auxiliary as itself)
REMAINING_VERBS = frozenset({"remain", "remains", "remained", "stay", "stays", "stayed"})
SITE_TOWN_KM = 25  # a site and the town it is named with ("the Grand Mosque in Mecca") are one scene
PARTIAL_REACH = 40  # characters before a place in which "most of the town of" makes a capture partial


@lru_cache(maxsize=1)
def words() -> dict:
    """The word lists of `control/data/control_words.yaml`."""
    raw = resources.files("frontlines.control").joinpath("data/control_words.yaml").read_text("utf-8")
    data = load_yaml(raw)
    return {k: (frozenset(v) if isinstance(v, list) else {g: frozenset(w) for g, w in v.items()})
            for k, v in data.items()}


@lru_cache(maxsize=1)
def partial_phrase():
    """"most of", "a third of", "parts of": a partial word followed by "of"."""
    import re

    return re.compile(r"\b(?:" + "|".join(sorted(words()["partial"])) + r") of\b", re.IGNORECASE)


def part_taken(e: Event, index: Index) -> bool:
    """"after taking most of the town of Qaim": a partial word shortly before the place's mention
    (not anywhere in the sentence: "... out of Mogadishu, but the group controls large stretches of")."""
    for m in index.places[e.place].mentions:
        if e.evidence.start <= m.start < e.evidence.end:
            before = e.evidence.text[max(0, m.start - e.evidence.start - PARTIAL_REACH):m.start - e.evidence.start]
            if partial_phrase().search(before):
                return True
    return False


def from_events(events: list[Event], index: Index, published: str | None) -> list[ControlClaim]:
    """A capture gives its taker control since its date; a transfer its new holder."""
    claims = []
    for e in events:
        if e.factuality not in HAPPENED or e.place is None or e.actor1 is None:
            continue
        territory = e.sub_event_type in ("Government regains territory", "Non-state actor overtakes territory")
        # a transfer names its new holder first when the side it was handed by is named too, or when it was
        # told as a taking ("guard units moved into the village without a shot"), not as a withdrawal
        handed = e.sub_event_type == "Non-violent transfer of territory" and (e.actor2 is not None
                                                                             or e.plover != "RETREAT")
        if not (territory or handed) or index.places[e.place].feature not in CONTROL_FEATURES:
            continue
        partial = part_taken(e, index)
        claims.append(ControlClaim(
            place=e.place, controller=e.actor1, previous_controller=e.actor2,
            status="partial" if partial else "controlled", since=e.date, as_of=published,
            event=e.id, evidence=e.evidence))
    return claims


def places_under(tok: Token, index: Index) -> list[tuple[str, bool]]:
    """The places a phrase names, each with whether the hold on it is partial ("most of X"),
    through "of", "in", "including", appositions and coordination."""
    partial_words = words()["partial"]
    out: list[tuple[str, bool]] = []

    def walk(t: Token, partial: bool) -> None:
        if held_people(t, index):
            return  # "hundreds of suspects in Maiduguri are held by the army" hold no town
        partial = partial or t.lemma_.lower() in partial_words or t.lower_ in partial_words
        pid = index.place_at.get(t.i) or dateline_meant(t, index)  # "of this ruined town"
        is_place = pid is not None
        if is_place:
            if index.places[pid].feature in CONTROL_FEATURES and pid not in [p for p, _ in out]:
                feature = index.places[pid].feature
                out.append((pid, partial or (feature == "admin1" and not held_whole(t))))
        for child in t.children:
            if (child.dep_ == "appos" and (is_place or t.lemma_.lower() not in words()["town_nouns"])) or (
                    child.dep_ == "prep" and t.lower_ in DIRECTIONS and child.lower_ != "including"):
                continue  # "Tal Afar, a city west of Mosul" locates (but "the second city, Bouaké" names the city
                # held); "the north including Hodeidah" is held
            if is_place and child.dep_ not in ("conj", "cc", "prep") or (
                    is_place and child.dep_ == "prep" and child.lower_ not in ("including", "as")):
                continue  # "Tarhuna, a town southeast of Tripoli": a description locates, it is not held
            if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
                walk(child, partial)  # "the western portion, known as Azad Kashmir"
            if child.dep_ in ("prep", "pobj", "appos", "conj", "compound", "npadvmod", "dobj", "nmod", "cc", "advmod"):
                if child.dep_ == "prep" and child.lower_ not in ("of", "in", "including", "as", "near", "around") \
                        and not (child.lower_ == "at" and t.lemma_.lower() in words()["ground_nouns"]):
                    continue  # "the beachheads at Buna" (not "the airport at Pointe Larue", a site of the town)
                if child.dep_ == "prep" and child.lower_ in ("in", "near", "around") \
                        and t.lemma_.lower() in words()["gatherings"]:
                    continue  # "hold a referendum in Luhansk" holds no Luhansk; "the countryside in the north" does
                # "most of Rutshuru and Masisi territories": "most" covers both; "several towns in
                # Anbar" is part of Anbar, "the towns of Rutshuru and Kiwanja" are those towns
                inside = child.lower_ == "in" and t.lemma_.lower() in ("town", "village", "area", "district")
                # "most of the north including Hodeidah": what is included is held whole; so is a town joined
                # with its own article ("most of Deir ez-Zor province and the city of Raqqa")
                own_town = child.dep_ == "conj" and child.lemma_.lower() in words()["town_nouns"] \
                    and any(c.dep_ == "det" for c in child.children)
                walk(child, (partial or inside) and child.lower_ != "including" and not own_town)
    walk(tok, False)
    return out


def held_whole(place: Token) -> bool:
    """Whether a region is said to be held whole: "the whole of Anjouan", "all of Tigray", "the entire
    province of Idlib" (not "all of northern Rakhine")."""
    whole = words()["whole"]
    if any(c.dep_ == "amod" and (c.lower_ in DIRECTIONS or c.lower_ in whole) for c in place.children):
        return any(c.dep_ == "amod" and c.lower_ in whole for c in place.children)  # "the entire Idlib province"
    of = place.head if place.dep_ == "pobj" and place.head.lower_ == "of" else None
    return of is not None and of.head.lower_ in whole


def town_meant(tok: Token, index: Index) -> str | None:
    """"the city" as a subject: the town the article named last before it; "the mosque", "the island":
    the place last named by a name of that word ("the Grand Mosque", "Palm Island")."""
    if this_town(tok):
        return dateline_meant(tok, index)  # "GORI - ... this city was under Russian control"
    if tok.lower_ == "it" and tok.dep_ in ("pobj", "dobj"):  # "broke into Owerri ... were in control of it"
        # a town acted on, not one a thing was near or in ("attacked a checkpoint near Tal Afar", "a fire in Sinjar")
        towns = [index.place_at[i] for i in range(tok.sent.start, tok.i) if i in index.place_at
                 and index.places[index.place_at[i]].feature == "city" and acted_on(tok.doc[i])]
        return towns[-1] if towns else None
    if not any(c.lower_ == "the" for c in tok.children) or tok.tag_ in ("NNS", "NNPS"):
        return None  # "the state holds the main towns" names none of them
    if tok.lemma_.lower() not in words()["town_nouns"]:
        return site_meant(tok, index)
    # a place its own sentence named before it, else the last town ("Soldiers patrolled Komanda,
    # and the army said the town was under control")
    def named(start: int, features: tuple[str, ...]) -> list[str]:
        return [index.place_at[i] for i in range(start, tok.i) if i in index.place_at
                and index.places[index.place_at[i]].feature in features]

    # a town before a site ("shelled Kherson's Antonivskyi Bridge, though troops still hold the city")
    return (named(tok.sent.start, ("city",)) or named(tok.sent.start, ("site",)) or named(0, ("city",)) or [None])[-1]


def in_relative_clause(verb: Token) -> bool:
    """Whether a verb, or the one it is joined to, tells of the noun before it ("the Houthis, who seized
    Sanaa and control most of the north")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "relcl"


def site_meant(tok: Token, index: Index) -> str | None:
    """The site named just before a common noun for such a site (`site_nouns`), when its name ends with
    that noun: "the Grand Mosque in Mecca ... the mosque was under the control of the security forces"
    (not "the other islands", nor when its own sentence names another town: "In Baidoa, ... the airport")."""
    word = tok.lemma_.lower()
    if word not in words()["site_nouns"] or tok.tag_ != "NN" or any(c.lower_ == "other" for c in tok.children):
        return None
    ends = [t for t in tok.doc[:tok.i] if t.i in index.place_at and t.lemma_.lower() == word
            and index.place_at.get(t.i + 1) != index.place_at[t.i]]
    if not ends:
        return None
    site = index.places[index.place_at[ends[-1].i]]
    # a place of its own sentence sets another scene ("In Baidoa, fighters still hold the airport"), unless it
    # is the site's own town
    scene = {index.place_at[t.i] for t in tok.sent if t.i < tok.i and t.i in index.place_at} - {site.id}
    if any(km((index.places[p].lat, index.places[p].lon), (site.lat, site.lon)) > SITE_TOWN_KM for p in scene):
        return None
    return site.id


def claim(index: Index, place: str, controller: str | None, partial: bool, tok: Token,
          as_of: str | None) -> ControlClaim | None:
    """A claim if the controller is known and the place can be held."""
    if controller is None or place is None or index.places[place].feature not in CONTROL_FEATURES:
        return None
    return ControlClaim(place=place, controller=controller, status="partial" if partial else "controlled",
                        as_of=as_of, evidence=sentence_evidence(tok))


def holder(tok: Token, index: Index) -> str | None:
    """The actor a subject or agent phrase names, pronouns resolved ("its units": the units of
    whoever "its" stands for, or of the country whose organ speaks)."""
    if tok.pos_ == "PRON" and tok.i not in index.actor_at:
        return pronoun_antecedent(tok, index)
    named = actor_in(tok, index)
    owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if named is None and owner is not None:
        return pronoun_antecedent(owner, index) or speaking_country(owner, index)
    return named


def side_named(tok: Token, index: Index) -> str | None:
    """The side a subject or agent names: by name (`holder`), else by its kind (`side_named_by_kind`)."""
    return holder(tok, index) or side_named_by_kind(tok, index)


def side_named_by_kind(tok: Token, index: Index) -> str | None:
    """A side named only by its kind (`held_kinds`), with nothing before it that says whose: "held by the
    rebels", "in the hands of the armed groups" is the armed group of a story that names one; "held by
    the army" the state forces of a story of one state (not "held by the pro-government militias")."""
    kinds = words()["held_kinds"]
    word = tok.lemma_.lower()
    kind_words = {"armed", *kinds["armed"], *kinds["state"]}  # "separatist militias", "armed groups"
    if any(c.dep_ in ("amod", "compound", "poss", "nmod") and c.lemma_.lower() not in kind_words for c in tok.children):
        return None
    if word in kinds["armed"] or (word == "group" and any(c.lower_ == "armed" for c in tok.children)):
        groups = {index.actor_at[i] for i in index.actor_at if index.actors[index.actor_at[i]].kind in NON_STATE_ARMED}
        return index.main_armed if len(groups) == 1 else None
    if word in kinds["state"]:
        return index.states[0] if len(index.states) == 1 else None
    return None


def speaking_country(pronoun: Token, index: Index) -> str | None:
    """The state forces of the country whose organ a pronoun stands for: "Kyrgyzstan's border
    service said that its units controlled all of Ak-Sai"."""
    return next((forces for subject in subjects_before(pronoun) if (forces := country_forces(subject, index))), None)


def holding_verbs(doc: Doc, index: Index, as_of: str | None) -> list[ControlClaim]:
    """"X holds/controls Y" (present, or past with a date of its own), and "Y, held by X"."""
    out = []
    for tok in tokens_lemmatised(doc, words()["holding_verbs"]):
        if tok.pos_ == "NOUN" and tok.dep_ == "ROOT":
            out += noun_parsed_verb(tok, index, as_of)
            continue
        if tok.pos_ != "VERB":
            continue
        believed = believed_subject(tok)
        if factuality(tok.head if believed is not None else tok) not in HAPPENED \
                or any(c.lemma_ == "have" and c.tag_ == "VBD" for c in tok.children):
            continue  # "never controlled", "had held the city since the war began" ("have controlled" holds)
        if tok.tag_ == "VBD" and any(c.dep_ == "prep" and c.lower_ in ("for", "until") for c in tok.children):
            continue  # "held the town for about six weeks", "until 2019": a hold that ended
        if tok.lemma_.lower() in words()["siege_verbs"]:
            out += siege(tok, index, as_of)
            continue
        passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
        if not passive and tok.tag_ == "VBN":
            passive = held_after_remaining(tok, index)  # "Gao remains held by the armed groups"
        if not passive and tok.tag_ == "VBN" and tok.dep_ == "conj" and any(c.dep_ == "agent" for c in tok.children):
            passive = [s for s in [subject_of(tok.head)] if s is not None]  # "Herat is calm, and held by the army"
        if passive and held_people(passive[0], index):
            continue  # "three hostages in Kidal remain held by the militants": people, not the town
        if passive and any(c.dep_ == "prep" and c.lower_ in ("for", "until") for c in tok.children):
            continue  # "Timbuktu was held by the militants for ten months": a hold that ended
        if passive:  # "Harib is still held by the Houthis"
            agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children), None)
            controller = side_named(agent, index) if agent is not None else None
            for place, partial in places_under(passive[0], index):
                out.append(claim(index, place, controller, partial, tok, as_of))
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "a town ... held by a militia allied with the LNA"
            agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children), None)
            target = held_noun(tok.head)
            controller = side_named(agent, index) if agent is not None else None
            for place, partial in places_under(target, index):
                out.append(claim(index, place, controller, partial, tok, as_of))
            continue
        subject = subject_of(tok) or believed
        subject = relative_antecedent(subject) if subject is not None else None
        if holding_out(tok):  # "Pakistani troops were still holding out in the shipyard": hold where they are
            out += [claim(index, place, side_named(subject, index), partial, tok, as_of)
                    for place, partial in where_held_out(tok, index)] if subject is not None else []
            continue
        objects = [relative_antecedent(c) for c in tok.children if c.dep_ == "dobj"]
        objects += [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("including", "as")]
        if objects and objects[0].lemma_.lower() in words()["ground_nouns"]:  # "still hold the beachheads at Buna"
            objects += [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "near", "around")
                        and any(o.dep_ == "pobj" and o.i in index.place_at for o in c.children)]
        present_perfect = tok.tag_ == "VBN" and any(c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in tok.children)
        # the model tags a present "hold" as VB after a long subject; an infinitive ("to hold") is no claim
        bare_present = tok.tag_ == "VB" and (not any(c.dep_ == "aux" for c in tok.children) or believed is not None)
        if subject is None or not objects or (tok.tag_ not in ("VBZ", "VBP", "VBD") and not present_perfect
                                              and not bare_present):
            continue
        if subject.tag_ in ("WP", "WDT") and not in_relative_clause(tok):
            continue  # "neither side could say who held the temple": a question, not who holds it
        if tok.tag_ == "VBD" and ended_stay(tok):
            continue  # "the Houthis, who once held Aden", "held the town for two weeks": a hold that ended
        controller = side_named(subject, index)
        for obj in objects:
            # "though the army still holds the town itself": the town the sentence named
            town = town_meant(obj, index)
            for place, partial in places_under(obj, index) or ([(town, False)] if town else []):
                out.append(claim(index, place, controller, partial, tok, as_of))
    return [c for c in out if c is not None]


def holding_out(verb: Token) -> bool:
    """Whether a verb of holding is "hold out" told of now or of the story's days: "still holds out", "has held
    out since Sunday", "were still holding out on Thursday" (not a hold that ended: "held out until noon")."""
    return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children) and (
        verb.tag_ in ("VBZ", "VBP", "VBD") or any(c.dep_ == "aux" for c in verb.children)) \
        and not any(c.dep_ == "dobj" for c in verb.children) and not ended_stay(verb)  # not "holding out hope"


def where_held_out(verb: Token, index: Index) -> list[tuple[str, bool]]:
    """The places "hold out" puts its holders in: "in the shipyard", "at their barracks", or the sentence's
    opening place ("In Khulna, Pakistani troops were still holding out")."""
    found = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in words()["holding_out_preps"]
             for o in c.children if o.dep_ == "pobj" and o.i in index.place_at for p in places_under(o, index)]
    return found or [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i < subject_i(verb)
                     for o in c.children for p in places_under(o, index)]


def acted_on(tok: Token) -> bool:
    """Whether a place name is what a verb acts on: its object ("shelled Tal Afar"), or "into" it ("broke into
    Owerri")."""
    while tok.dep_ == "compound":
        tok = tok.head
    return tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.lower_ == "into")


def ended_stay(verb: Token) -> bool:
    """Whether a clause tells a stay that ended or was brief: "until December", "for two weeks", "only
    briefly before retreating", "last week" (`ended_stay` words)."""
    return any(t.lower_ in words()["ended_stay"] for c in verb.children if c.dep_ in ("prep", "advmod", "npadvmod",
                                                                                     "advcl")
               for t in c.subtree if t.i <= c.i + 1)


def subject_i(verb: Token) -> int:
    """Where a verb's subject stands (the verb's own place when it has none)."""
    subject = subject_of(verb)
    return subject.i if subject is not None else verb.i


def presences(doc: Doc, index: Index, as_of: str | None) -> list[ControlClaim]:
    """An armed side said to be in a place holds it: "Georgian units are still in Ochamchire", "Mahdi Army
    fighters were still in Kufa on Friday", "by Sunday miners' columns were inside Oviedo" (`presence_preps`;
    not "no security forces were in Lari", nor a year's: "Iraqi troops were in Kuwait in 1990")."""
    out = []
    for verb in (t for t in doc if t.lemma_ == "be" and t.dep_ in ("ROOT", "conj", "ccomp")):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        side = index.actor_at.get(subject.i) if subject is not None else None
        if side is None or index.actors[side].kind not in ARMED_KINDS or factuality(verb) not in HAPPENED \
                or any(c.lower_ in ("no", "hardly", "few") for c in subject.subtree) or told_with_a_year(verb.sent) \
                or ended_stay(verb):
            continue
        still = any(c.dep_ == "advmod" and c.lower_ == "still" for c in verb.children)
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in words()["presence_preps"]
                     and (still or c.lower_ == "inside")):  # "are still in Ochamchire" (not "were in Sake on Friday")
            for obj in (o for o in prep.children if o.dep_ == "pobj" and o.i in index.place_at):
                out += [claim(index, place, side, partial, verb, as_of) for place, partial in places_under(obj, index)]
    return [c for c in out if c is not None]


def headquarters(doc: Doc, index: Index, as_of: str | None) -> list[ControlClaim]:
    """An armed side that has set up its headquarters or a base in a town holds it: "Botlikh, the district
    centre, where the federal forces have set up their headquarters", "the rebels established a base in
    Kidal" (`base_nouns` the object of one of `basing_verbs`; not "plan to set up a base", nor a year's)."""
    out = []
    for base in (t for t in tokens_lemmatised(doc, words()["base_nouns"]) if t.dep_ == "dobj"):
        verb = base.head
        side = actor_in(subject_of(verb), index) if subject_of(verb) is not None else None
        if verb.lemma_.lower() not in words()["basing_verbs"] or side is None \
                or index.actors[side].kind not in ARMED_KINDS or factuality(verb) not in HAPPENED \
                or told_with_a_year(verb.sent):
            continue
        where = [o for c in (*verb.children, *base.children) if c.dep_ == "prep" and c.lower_ in ("in", "at")
                 for o in c.children if o.dep_ == "pobj"]
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
            # "Botlikh, the district centre, where the federal forces have set up their headquarters"
            where.append(verb.head.head if verb.head.dep_ == "appos" else verb.head)
        out += [claim(index, place, side, partial, verb, as_of) for o in where for place, partial in places_under(o, index)]
    return [c for c in out if c is not None]


def believed_subject(verb: Token) -> Token | None:
    """The subject of a present verb of belief or of going on whose infinitive the verb is: "Somali forces
    are still believed to hold Degehabur" (`believed_holding`; not "were believed to hold", a past belief),
    "the Houthis continue to control Saada" (`continuing_holding`)."""
    head = verb.head
    if verb.dep_ != "xcomp" or any(t.lower_ in words()["hedges"] for c in head.children
                                   if c.dep_ in ("neg", "advmod") for t in c.subtree):
        return None  # (not "are no longer believed to hold Kidal")
    lemma = head.lemma_.lower()
    if lemma in words()["believed_holding"] and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP")
                                                    for c in head.children):
        return next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if lemma in words()["continuing_holding"] and head.tag_ in ("VBZ", "VBP"):
        return subject_of(head)
    return None


def relative_antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("the Krajina Serbs, who also hold Knin"; "Haradh, which the
    Houthis hold"), else the word itself."""
    clause = next((h for h in (tok.head, tok.head.head) if h.dep_ == "relcl"), None) \
        if tok.tag_ in ("WDT", "WP") else None
    return clause.head if clause is not None else tok


def held_people(tok: Token, index: Index) -> bool:
    """Whether what is held is people (`held_people`: "hostages", "prisoners", "suspects"; a person's name;
    a pronoun), not a place (which the model may tag as a person: "Tal Afar")."""
    return tok.i not in index.place_at and (tok.lemma_.lower() in words()["held_people"] or tok.ent_type_ == "PERSON"
                                            or tok.tag_ == "PRP")


def held_after_remaining(held: Token, index: Index) -> list[Token]:
    """The subject of "remains held by", which the model hangs from "held" (its verb) or from "remains"
    (an auxiliary of it, or its head): "Gao remains held by the armed groups"."""
    remaining = [c for c in held.children if c.dep_ in ("aux", "auxpass") and c.lower_ in REMAINING_VERBS]
    if held.head.i != held.i and held.head.lower_ in REMAINING_VERBS:
        remaining.append(held.head)
    for verb in remaining:
        subject = next((c for c in [*verb.children, *held.children] if c.dep_ in ("nsubj", "nsubjpass")), None)
        clause = next((v for v in (held, verb) if v.dep_ == "relcl"), None)
        if subject is not None and subject.tag_ in ("WDT", "WP") and clause is not None:
            return [clause.head] if clause.head.i in index.place_at else []  # "Kidal, which remains held by the rebels"
        if subject is not None:
            return [subject]
    return []


def noun_parsed_verb(tok: Token, index: Index, as_of: str | None) -> list[ControlClaim | None]:
    """"The Taliban control most of Lashkar Gah", parsed by the model as a noun phrase
    ("Taliban" a compound of "control"): the compound holds what the phrase names."""
    holder_tok = next((c for c in tok.children if c.dep_ == "compound" and c.i in index.actor_at), None)
    if holder_tok is None:
        return []
    out = []
    for obj in (c for c in tok.children if c.dep_ in ("appos", "dobj", "npadvmod")):
        for place, partial in places_under(obj, index):
            out.append(claim(index, place, index.actor_at[holder_tok.i], partial, tok, as_of))
    return out


def siege(tok: Token, index: Index, as_of: str | None) -> list[ControlClaim | None]:
    """"The Houthis have besieged Taiz": the place is contested, held by the besiegers' enemy."""
    subject = subject_of(tok)
    attacker = holder(subject, index) if subject is not None else None
    if attacker is None:
        return []
    defender = index.main_state if index.actors[attacker].kind != "state_forces" else index.main_armed
    out = []
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        for place, _ in places_under(obj, index):
            found = claim(index, place, defender, False, tok, as_of)
            if found is not None:
                found.status = "contested"
                out.append(found)
    return out


def held_compounds(doc: Doc, index: Index, as_of: str | None) -> list[ControlClaim]:
    """"Mandalay, the military-held second city": the hyphenated holder of the noun it modifies."""
    out = []
    groups = words()["held_by"]
    for tok in tokens_written(doc, "held"):
        if tok.i < 2 or doc[tok.i - 1].text != "-":
            continue
        word = doc[tok.i - 2]
        controller = index.actor_at.get(word.i)
        if controller is None and word.lower_ in groups["state"]:
            controller = index.main_state
        elif controller is None and word.lower_ in groups["armed"]:
            controller = index.main_armed
        # "the M23-held town of Bunagana" names its place; "Mandalay, the military-held second city" and
        # "the Houthi-held capital, Sanaa" the place it describes
        noun = tok.head
        appositions = [c for c in noun.children if c.dep_ == "appos" and c.i in index.place_at]
        places = places_under(noun, index) or (places_under(noun.head, index) if noun.dep_ == "appos" else []) \
            or [(index.place_at[a.i], False) for a in appositions]  # (not the towns joined to it)
        for place, partial in places:
            out.append(claim(index, place, controller, partial, tok, as_of))
    return [c for c in out if c is not None]


def hands_and_control(doc: Doc, index: Index, as_of: str | None) -> list[ControlClaim]:
    """"The capital remains in the hands of the GNA", "only El Fasher remains in the army's
    hands", "the city was coming back under Ukrainian control", "in full control of Gharyan"."""
    out = [claim(index, place, controller, partial, tok, as_of)
           for place, controller, partial, tok in holdings(doc, index)]
    return [c for c in out if c is not None]


def holdings(doc: Doc, index: Index):
    """(place, holder, partial, holding noun) of each place a holding phrase puts in someone's
    hands or under their control (`hands_and_control`)."""
    nouns = words()["holding_nouns"]
    for tok in tokens_lemmatised(doc, nouns):
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "under"):
            continue
        controller = next((index.actor_at[t.i] for t in tok.subtree if t.i in index.actor_at and t.i != tok.i), None)
        controller = controller or nationality_holder(tok, index)  # "under Ukrainian control"
        verb = tok.head.head
        hedged = verb.pos_ == "ADV" and verb.lower_ in words()["hedges"]
        while verb.pos_ == "ADV" and verb.head.i != verb.i:
            verb = verb.head  # "forces were back in control of Rushan": the verb that "back" hangs from
        if hedged or any(c.dep_ in ("advmod", "neg") and c.lower_ in words()["hedges"]
                         for a in (verb, tok.head.head, tok.head) for c in a.children):
            continue  # "almost back in control", "no longer in control", "never in control": no hold
        if verb.pos_ in ("NOUN", "PROPN") and verb.i != tok.i and any(
                (t.lower_ in words()["ended_stay"] and t.dep_ != "amod") or t.lower_ in words()["hedges"]
                for t in verb.subtree):  # (not "the last town in Ukrainian hands")
            continue  # "a village briefly in Ukrainian hands last summer", "a town in Ukrainian hands until 2022"
        if any(t.lower_ in words()["first_person"] for t in tok.subtree):
            # "the town was in the hands of our brave soldiers", Salvadoran radio said: the speaker's side,
            # whoever "soldiers" alone would be; no claim when the text does not say whose side speaks
            controller = speaker_side(verb, index)
            if controller is None:
                continue
        controller = controller or state_named(tok, index) or kind_named(tok, index) or speaker_holder(verb, index)
        whose = {index.place_at.get(c.i) for c in tok.children if c.dep_ in ("amod", "compound")}
        of_places = [(p, part) for p, part in places_under(tok, index) if p not in whose]  # not "Tigrayan" of "in Tigrayan hands"
        it = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                   if o.lower_ == "it"), None)
        of_places = of_places or [(town, False) for town in [town_meant(it, index) if it is not None else None] if town]
        possessive = next((c for c in tok.children if c.lower_ in ("their", "its")), None)
        if controller is None and possessive is not None:
            controller = holder(subject_of(verb) or tok, index) if verb.pos_ in ("VERB", "AUX") else None
            # "Rebels stormed Kidal. By midday the town was in their hands": the armed side "their" stands for
            meant = index.actors.get(pronoun_antecedent(possessive, index) or "")
            controller = controller or (meant.id if meant is not None and meant.kind in ARMED_KINDS else None)
        in_control = subject_of(verb) or believed_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if controller is None and of_places and in_control is not None:
            # "the peshmerga remain in full control of Erbil", "the army is reported to be in control of Basra"
            controller = holder(in_control, index)
        state_words = controller is None and any(  # "in government hands", and no state named: the place's own
            c.dep_ in ("amod", "compound") and c.lower_ in words()["held_by"]["state"] for c in tok.children)
        if controller is None and not state_words:
            continue
        subject = held_subject(verb, index) if verb.pos_ in ("VERB", "AUX") else None
        if verb.pos_ in ("NOUN", "PROPN") and verb.i != tok.i:
            subject = held_noun(verb)  # "Orikhiv, the nearest town still in Ukrainian hands"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        targets = of_places or [p for t in ([subject] if subject is not None else []) + objects
                                for p in places_under(t, index)]
        if not targets:
            town = town_meant(subject, index) if subject is not None else None
            town = town or next((town_meant(o, index) for o in objects if town_meant(o, index)), None)
            targets = [(town, False)] if town else []
        if controller is not None and controller in {index.actor_at.get(t.i) for t in ([subject] if subject else [])}:
            targets = of_places  # "the GNA said its forces were in full control of Gharyan"
        for place, partial in targets:
            code = index.places[place].country_code
            # unnamed: the held place's own state's
            yield place, controller or (index.state(code) if code else None), partial, tok


NAMING_VERBS = frozenset({"know", "call", "name"})
DIRECTIONS = frozenset("north south east west northeast northwest southeast southwest northern southern "
                       "eastern western".split())


def held_noun(noun: Token) -> Token:
    """The noun a "held by" clause describes: through an apposition ("Tarhuna, a town held by"),
    and past a place that only locates it ("a town southeast of Tripoli held by ...")."""
    if noun.dep_ == "pobj" and noun.head.head.lower_ in DIRECTIONS:
        noun = noun.head.head.head
    return noun.head if noun.dep_ == "appos" else noun


def held_subject(verb: Token, index: Index) -> Token | None:
    """The subject of the verb a holding phrase hangs from, a passive one too: "the camp was
    cleared and fully under the control of the security forces"; for a relative clause, its noun."""
    subject = subject_of(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.i in index.place_at:
        return verb.head  # "Weldiya, which remains in Tigrayan hands": the place named that the clause is on
    return subject


def state_named(tok: Token, index: Index) -> str | None:
    """"under the authority of the state", "in the hands of the government": a word for the state
    as the object of "of" is the state forces of the story's country."""
    held_by_state = words()["held_by"]["state"]
    if not any(obj.dep_ == "pobj" and obj.lower_ in held_by_state
               for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "of" for obj in prep.children):
        return None
    return index.main_state or (index.state(index.country) if index.country else None)


def kind_named(tok: Token, index: Index) -> str | None:
    """"in the hands of the armed groups", "under the control of the rebels": the side a word for its kind
    as the object of "of" stands for (`side_named_by_kind`)."""
    return next((side for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for obj in prep.children if obj.dep_ == "pobj" and (side := side_named_by_kind(obj, index))), None)


def speaker_holder(verb: Token, index: Index) -> str | None:
    """"The army said the town was under control": with no holder named, the side that says so,
    when it says so of a place ("the situation is under control" names none)."""
    speaker = speaker_of(verb)
    if speaker is None or not any(t.i in index.place_at or town_meant(t, index) for t in verb.subtree):
        return None
    return holder(speaker, index)


def speaker_side(verb: Token, index: Index) -> str | None:
    """The side whose "our" a clause says: the actor its speaker names, or the state forces of the
    speaker's nationality ("Salvadoran radio said the town was in the hands of our soldiers")."""
    speaker = speaker_of(verb)
    return None if speaker is None else holder(speaker, index) or nationality_holder(speaker, index)


def speaker_of(verb: Token) -> Token | None:
    """Who says what a clause tells: the subject of the reporting verb it hangs from."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in words()["reporting"]:
        return None
    return subject_of(verb.head)


def nationality_holder(tok: Token, index: Index) -> str | None:
    """"Ukrainian control": the state forces of the country a nationality adjective names."""
    from frontlines.actors.dictionary import nationalities

    groups = words()["held_by"]
    for child in tok.children:
        if child.dep_ not in ("amod", "compound"):
            continue
        code = nationalities().get(child.lower_)
        if code:
            return index.state(code)
        if child.lower_ in groups["state"]:  # "under government control", "in government hands"
            return index.main_state
        if child.lower_ in groups["armed"]:  # "under separatist control": the story's group, else one unnamed
            return index.main_armed or index.unidentified()
        named = named_by_its_word(child, index)
        if named is not None:
            return named
    return None


def named_by_its_word(word: Token, index: Index) -> str | None:
    """The armed side the text names with a word before its forces: "in Tigrayan hands" are those of
    "Tigrayan forces", named so before (a people's word no nationality list holds)."""
    if not word.text[:1].isupper():
        return None
    return next((a.id for a in index.actors.values() if a.kind in ARMED_KINDS
                 and any(m.text.split(" ", 1)[0] == word.text and " " in m.text for m in a.mentions)), None)


def latest_per_place(claims: list[ControlClaim]) -> list[ControlClaim]:
    """Who holds each place now: the holder with the latest claim (a 2014 capture gives way to a
    2023 one); on the same day a capture the story reports beats a sentence that describes the
    hold ("the rebels took the city on Monday" over "the city had been in army hands");
    holders claimed alike on the latest day all stay, so a dispute shows."""
    def rank(c: ControlClaim) -> tuple[str, bool]:
        return c.since or c.as_of or "", c.event is not None

    latest: dict[str, tuple[str, bool]] = {}
    for c in claims:
        latest[c.place] = max(latest.get(c.place, ("", False)), rank(c))
    keep_holders = {(c.place, c.controller) for c in claims if rank(c) == latest[c.place]}
    return [c for c in claims if (c.place, c.controller) in keep_holders]


def day_number(c: ControlClaim) -> int:
    """A claim's day as a number to sort on (unknown days last)."""
    from datetime import date

    day = c.since or c.as_of
    return date.fromisoformat(day).toordinal() if day else 0


def territory_of(doc: Doc, index: Index, as_of: str | None) -> list[ControlClaim]:
    """"Now, the group's most important territory is the border town of Bukamal"; "El Obeid,
    the capital of North Kordofan and the army's main stronghold"."""
    out = []
    for tok in tokens_lemmatised(doc, words()["territory_nouns"]):
        if any(c.dep_ == "amod" and c.lower_ in words()["former"] for c in tok.children):
            continue  # "the rebels' former stronghold of Kidal"
        of = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if tok.lemma_.lower() in words()["held_of"]:  # "a stronghold of the CMA" (not "the capital of the Tigers",
            owner = owner or next((o for o in of if o.i in index.actor_at), None)  # told after it fell)
        controller = holder(owner, index) if owner is not None else None
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            targets = [c for c in tok.head.children if c.dep_ == "attr"]
        else:
            described = tok.head if tok.dep_ == "conj" and tok.head.dep_ == "appos" else tok
            targets = [described.head] if described.dep_ == "appos" and owner is not None else []
            if owner is not None and owner not in of:  # "the CMA's stronghold of Kidal"
                targets += [o for o in of if o.i in index.place_at]
        for target in targets:
            for place, partial in places_under(target, index):
                out.append(claim(index, place, controller, partial, tok, as_of))
    return [c for c in out if c is not None]


def find_control(doc: Doc, index: Index, events: list[Event], published: str | None,
                 body_start: int = 0) -> list[ControlClaim]:
    """Every control claim in the document, one per place, holder and sentence."""
    claims = from_events(events, index, published)
    for finder in (holding_verbs, held_compounds, hands_and_control, territory_of, presences, headquarters):
        claims += [c for c in finder(doc, index, published) if c.evidence.start >= body_start]
    seen, out = set(), []
    strength = {"controlled": 0, "partial": 1, "contested": 2}
    # one claim a place and holder: the latest ("Lashio since 5 July" gives way to "since 3 August"),
    # and of one day the firmest ("controls most of X ... X has been in the hands of")
    for c in sorted(latest_per_place(claims), key=lambda c: (-day_number(c), strength.get(c.status, 3))):
        key = (c.place, c.controller)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return sorted(out, key=lambda c: c.evidence.start)
