"""Where an event happened: the town of the trigger's clause or scene, a town named before or
after it, the story's place for a sentence that names none, and the towns listed with it."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from frontlines.actors import names_its_government
from frontlines.events.arguments import (Index, against_it, best_place, clause_verb, is_destination, named_as_origin,
                                        names_no_scene, own_clause_place, reference_point, speakers_place,
                                        subject_of, where_someone_lives)
from frontlines.events.triggers import event_words
from frontlines.nlp import doc_text

# Clauses with a subject and a time of their own: a town inside one is its event's, not the verb's.
OWN_CLAUSES = frozenset({"advcl", "ccomp", "relcl", "conj", "parataxis"})
# A clause that shares the scene of the verb it hangs from ("gathered ... to protest").
SAME_SCENE = frozenset({"advcl", "xcomp", "conj"})
SCENE_PREPS = frozenset({"in", "at"})
SETTLEMENTS, SETTLEMENT_PREPS = event_words()["settlements"], event_words()["settlement_preps"]
SEPARATELY = event_words()["separately"]
SPOT_PREPS = event_words()["scene_spot_preps"]
REPORTING_VERBS = event_words()["reporting"]
SPEECH_NOUNS, SAID_AT_PREPS = event_words()["speech_nouns"], event_words()["said_at_preps"]
DRIVING_OUT = event_words()["driving_out"]
REACHING_VERBS = event_words()["reaching_verbs"]
ASSAULT_SITES = frozenset(event_words()["assault_sites"])


def scene_town(verb: Token, index: Index) -> str | None:
    """The town a fronted "In X," sets as the scene of a verb or of the verbs it hangs from:
    "In Sulaimaniyah, ... several hundred people gathered outside the party's offices to protest
    against the withdrawal from Kirkuk" happened in Sulaimaniyah."""
    for _ in range(3):
        subject = subject_of(verb)
        front = subject.i if subject is not None else verb.i
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in SCENE_PREPS and prep.i < front:
                towns = [index.place_at[t.i] for t in prep.children if t.dep_ == "pobj" and t.i in index.place_at
                         and index.places[index.place_at[t.i]].feature in ("city", "site")]
                if towns:
                    return towns[0]
        if verb.dep_ not in SAME_SCENE or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def opening_town(sent, index: Index) -> str | None:
    """The town a sentence opens with as its scene, whatever the parse hangs it from: "In Sulaimaniyah,
    ... people gathered ...; security forces fired into the air to disperse them" (the parser made the
    gathering a clause of the firing)."""
    first = sent[0]
    if first.lower_ not in SCENE_PREPS or first.dep_ != "prep" or first.head.lemma_.lower() in REPORTING_VERBS:
        return None  # "In Nairobi, the minister said police had arrested 40 people in Kisumu": the speaker's
    towns = [index.place_at[t.i] for t in first.children if t.dep_ == "pobj" and t.i in index.place_at
             and index.places[index.place_at[t.i]].feature in ("city", "site")]
    return towns[0] if towns else None


def town_in_clause(verb: Token, index: Index) -> str | None:
    """The town or site nearest a verb among the words that hang from it (its subject's "police
    in Buea", its object's "a camp in Bela"), not inside a clause of another verb of its own."""
    inside = [t for t in verb.subtree if t.i in index.place_at and not names_no_scene(t, verb)
              and index.places[index.place_at[t.i]].feature in ("city", "site")
              and not any(a.pos_ in ("VERB", "AUX") and a.i != verb.i and a.dep_ in OWN_CLAUSES
                          for a in t.ancestors if verb in a.ancestors)]
    return index.place_at[min(inside, key=lambda t: abs(t.i - verb.i)).i] if inside else None


def where_clause_town(verb: Token, index: Index) -> str | None:
    """The town a "where" clause describes: "spread to Toamasina, the main port, where rioters
    looted shops and set fire to a warehouse" happened in Toamasina, both acts."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
        return None
    noun = verb.head
    if reference_point(noun):  # "stopped at Trzin, north of the capital, where a firefight ...": Trzin
        compass = noun.head.head
        before = compass.i - 1
        while before > compass.sent.start and compass.doc[before].is_punct:
            before -= 1
        noun = compass.doc[before] if before in index.place_at else compass.head if compass.dep_ == "appos" else noun
    nouns = (noun, noun.head) if noun.dep_ == "appos" else (noun,)
    return next((index.place_at[t.i] for t in nouns if t.i in index.place_at
                 and index.places[index.place_at[t.i]].feature in ("city", "site")), None)


def town_after(trigger: Token, index: Index) -> str | None:
    """The first town named after the trigger in its sentence, unless it is a destination."""
    for t in trigger.sent:
        pid = index.place_at.get(t.i)
        if t.i > trigger.i and pid and index.places[pid].feature in ("city", "site") and not is_destination(t):
            return pid
    return None


def is_lede(sent, index: Index) -> bool:
    """Whether a sentence is the story's lede: it holds the dateline, or follows it on its line
    ("NAIROBI — Protesters poured ...", the dateline parsed as a sentence of its own)."""
    if index.dateline_at is None:
        return False
    if sent.start_char <= index.dateline_at < sent.end_char:
        return True
    before = sentence_beside(sent[0], -1)
    return before is not None and before.start_char <= index.dateline_at < before.end_char \
        and "\n" not in doc_text(sent.doc)[before.start_char:sent.start_char]


def sentence_beside(trigger: Token, step: int):
    """The sentence before (`step` -1) or after (+1) the trigger's, or None at the text's edge."""
    edge = trigger.sent.start - 1 if step < 0 else trigger.sent.end
    return trigger.doc[edge].sent if 0 <= edge < len(trigger.doc) else None


def town_of_division_next(trigger: Token, division, index: Index) -> str | None:
    """The first town, site or district of a division that the sentence after the trigger's
    names: where a story placed only in a state says the event happened."""
    for t in sentence_beside(trigger, +1) or ():
        place = index.places.get(index.place_at.get(t.i, ""))
        if place is not None and place.feature in ("city", "site", "admin2") and place.admin1 == division.name \
                and place.country_code == division.country_code:
            return place.id
    return None


def previous_sentence_place(trigger: Token, index: Index) -> str | None:
    """"Kidal had come under fire. Drone strikes on Nov. 7 killed ...": the town just named (not one
    that only describes it: "raided homes in Buxton, a village on the East Coast of Demerara", nor
    where someone lives: "lives in exile in Vilnius", or is from: "The victims were from Tal Afar")."""
    towns = [t for t in sentence_beside(trigger, -1) or () if t.i in index.place_at
             and not reference_point(t) and not describes_a_place(t, index) and not where_someone_lives(t)
             and not named_as_origin(t) and not names_its_government(t) and not where_people_went(t)
             and not where_words_came_from(t) and index.places[index.place_at[t.i]].feature in ("city", "site")]
    return last_told(towns, index)


def came_from(town: Token) -> bool:
    """Whether a town is named as where people came from ("men of the regiment, flown from Ascension Island"),
    not where they were driven from (`driving_out`: "drove government troops from Kiwanja", the scene)."""
    return named_as_origin(town) and town.head.head.lemma_.lower() not in DRIVING_OUT


def where_words_came_from(town: Token) -> bool:
    """Whether a town is named as where words were said or issued: "said in Brussels", "in a statement
    issued in Brussels" (`reporting`, `speech_nouns`, `said_at_preps`)."""
    if town.dep_ != "pobj" or town.head.lower_ not in SAID_AT_PREPS:
        return False
    head = town.head.head
    if town.head.i < head.i:
        return False  # "In Bosaso, police said ...": the scene the sentence opens on
    told_in = head.head if head.dep_ in ("acl", "relcl") else head  # "a statement issued in": the statement
    return (head.pos_ == "VERB" and head.lemma_.lower() in REPORTING_VERBS) \
        or (told_in.pos_ == "NOUN" and told_in.lemma_.lower() in SPEECH_NOUNS)


def where_people_went(town: Token) -> bool:
    """Whether a town is named as where the people a clause describes went ("Residents who reached Kabul
    described fighters going from house to house"): the scene they told of is elsewhere (not "a convoy
    reached Garissa. Gunmen ambushed it")."""
    return town.dep_ == "dobj" and town.head.lemma_.lower() in REACHING_VERBS and town.head.dep_ == "relcl"


def last_told(towns: list[Token], index: Index) -> str | None:
    """The place of the last of the towns named in a sentence, or of the last that a clause describing
    a noun does not name ("Sukhumi fell ..., after fighting that broke the ceasefire signed in Sochi":
    Sukhumi is the town the next sentence goes on with)."""
    told = [t for t in towns if clause_verb(t).dep_ not in ("acl", "relcl")] or towns
    return index.place_at[told[-1].i] if told else None


def in_own_clause(tok: Token, root: Token) -> bool:
    """Whether a word lies in a clause of its own under `root` (`OWN_CLAUSES`), other than one that
    tells of the root's subject ("protesters who had gathered in Nairobi, Mombasa and Kisumu clashed":
    the clashes were in all three)."""
    clause = False
    for a in tok.ancestors:
        if a.i == root.i:
            return clause
        if a.dep_ in OWN_CLAUSES and a.pos_ in ("VERB", "AUX"):
            clause = True
        if a.dep_ in ("nsubj", "nsubjpass") and a.head.i == root.i:
            return False
    return clause


def describes_a_place(tok: Token, index: Index) -> bool:
    """Whether a word lies in what an apposition says of a place: "Demerara" in "Buxton, a village
    on the East Coast of Demerara"."""
    return any(a.dep_ == "appos" and a.head.i in index.place_at for a in (tok, *tok.ancestors))


def continues_before(trigger: Token, index: Index) -> bool:
    """Whether a sentence goes on with the one before: it names no place of its own and does not set
    itself apart ("Police arrested two men in Mobo. A rifle was recovered nearby"; not "Separately,
    customs officials in Lagos said ...")."""
    sent = trigger.sent
    return not any(t.i in index.place_at or t.lower_ in SEPARATELY for t in sent)


def says_the_town(sent) -> bool:
    """Whether a sentence places itself in "the city", "the town" or "the village" without naming it."""
    return any(the_town(t) and t.dep_ == "pobj" and t.head.lower_ in SETTLEMENT_PREPS for t in sent)


def the_town(tok: Token) -> bool:
    """Whether a word is "the town" or "the city", no more ("the town of Palma" names its town)."""
    return tok.lemma_.lower() in SETTLEMENTS and any(c.lower_ == "the" for c in tok.children) \
        and not any(c.dep_ == "prep" for c in tok.children)


def this_town(tok: Token) -> bool:
    """Whether a word is "this city", "this town": where a datelined story was filed."""
    return tok.lemma_.lower() in SETTLEMENTS and any(c.lower_ == "this" and c.dep_ == "det" for c in tok.children)


def the_dateline_town(verb: Token, index: Index) -> str | None:
    """The dateline's town when a verb acts on "this city" or in it: "GORI - Russian tanks rolled into
    this city", "Government troops were back in control of this ruined town" (see `dateline_meant`)."""
    near = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    near += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return next((p for t in near if (p := dateline_meant(t, index))), None)


def dateline_meant(tok: Token, index: Index) -> str | None:
    """The dateline's town, when a word is "this city" in the lede or before any other town is named
    (not "Russian forces shelled Kherson. Ukrainian troops recaptured this city in 2022")."""
    if index.dateline_place is None or not this_town(tok):
        return None
    if is_lede(tok.sent, index):
        return index.dateline_place
    named = any(i < tok.sent.start and p != index.dateline_place and index.places[p].feature in ("city", "site")
                for i, p in index.place_at.items())
    return None if named else index.dateline_place


def the_town_acted_on(verb: Token, index: Index) -> str | None:
    """The town "the town" stands for when a verb acts on it: the first town its sentence names before
    it ("insurgents held much of the coastal town of Palma, as survivors reached Pemba and the group
    claimed to have seized the town"), else the town last named by name in the few sentences before."""
    towns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and the_town(c)]
    if not towns:
        return None
    described = next((p for c in towns if (p := town_it_describes(c, index))), None)
    if described is not None:
        return described
    here = named_towns(verb.sent, index, before=verb.i, told_by=verb)
    if here:
        return here[0]
    sent = verb.sent
    for _ in range(3):
        sent = sentence_beside(sent[0], -1)
        if sent is None:
            return None
        there = named_towns(sent, index)
        if there:
            return there[-1]
    return None


def town_it_describes(town: Token, index: Index) -> str | None:
    """The town just named before "the town" that describes it, whatever the parse makes of it:
    "driven Islamic State out of Kobani, the Syrian border town that the militants had besieged"."""
    start = town.left_edge.i
    if start < 2 or town.doc[start - 1].text != ",":
        return None
    return index.place_at.get(town.doc[start - 2].i)


def named_towns(sent, index: Index, before: int | None = None, told_by: Token | None = None) -> list[str]:
    """The towns (or sites) a sentence names by name, in order (not "the capital", nor a town named only
    to place another), up to the token `before`; not where the speakers who tell of `told_by` are."""
    return [index.place_at[t.i] for t in sent if (before is None or t.i < before) and t.i in index.place_at
            and t.pos_ == "PROPN" and not reference_point(t) and not names_its_government(t)
            and index.places[index.place_at[t.i]].feature in ("city", "site")
            and (told_by is None or not speakers_place(t, told_by, index))]


def town_named_before(trigger: Token, index: Index, reach: int = 3, where=None) -> str | None:
    """The place of town size (a town, or a site in one) last named in the few sentences before
    the trigger's (in those of them that `where` accepts), not one named as what people were
    against ("marched towards the border, chanting against Kigali") nor where people came from ("flown from
    Ascension Island", `came_from`; but "drove troops from Kiwanja" names the scene)."""
    sent = trigger.sent
    for _ in range(reach):
        sent = sentence_beside(sent[0], -1)
        if sent is None:
            return None
        if where is not None and not where(sent):
            continue
        towns = [t for t in sent if t.i in index.place_at and not reference_point(t)
                 and index.places[index.place_at[t.i]].feature in ("city", "site")
                 and not against_it(t) and not names_its_government(t) and not came_from(t)
                 and not where_words_came_from(t)]
        if towns:
            return last_told(towns, index)
        if index.dateline_place is not None and is_lede(sent, index):
            return index.dateline_place  # "GOMA - Hundreds of residents marched ... Police fired tear gas"
    return None


def abroad_of_the_dateline(trigger: Token, index: Index) -> bool:
    """Whether a lede says its event happened in another country than its dateline's, in the trigger's
    own clause: "PARIS - Two French soldiers were killed in Mali on Tuesday" did not happen in Paris
    (but "KHARTOUM - Jets bombed RSF positions, days after talks in Saudi Arabia collapsed" did)."""
    home = index.places[index.dateline_place].country_code if index.dateline_place else None
    verb = clause_verb(trigger)
    return any(t.i in index.place_at and index.places[index.place_at[t.i]].feature == "country"
               and index.places[index.place_at[t.i]].country_code != home
               and t.dep_ == "pobj" and t.head.dep_ == "prep" and own_clause_place(t, verb) for t in trigger.sent)


def story_place(trigger: Token, index: Index) -> str | None:
    """Where a sentence with no place of its own happened: the town of the sentence before, the
    dateline's place in the lede, else the place the story names most, a country last."""
    sent = trigger.sent
    if index.dateline_place is not None and is_lede(sent, index) and not abroad_of_the_dateline(trigger, index):
        return index.dateline_place
    verb = clause_verb(trigger)
    named = [t.i for t in sent if t.i in index.place_at and not is_destination(t) and not names_no_scene(t, verb)
             and not speakers_place(t, trigger, index) and not a_nationality(t, index)]
    if named:  # "in Borno State", "in Nigeria": the sentence's own, however coarse
        return best_place([index.place_at[i] for i in named], index)
    previous = previous_sentence_place(trigger, index)
    if previous is not None:
        return previous
    ranked = sorted(index.places.values(), key=lambda p: (p.feature == "country", -len(p.mentions)))
    return ranked[0].id if ranked else None


def at_a_spot_of_the_scene(trigger: Token, index: Index) -> bool:
    """Whether the trigger's clause puts its event at a spot it names, which no gazetteer places: by
    kind ("were arrested at the compound", "raped on the pitch", "the final assault on the processing
    plant": `scene_spots` and the `landmark` words), or by a name the model calls a facility or a
    location ("opened fire in Via Fani")."""
    verb = clause_verb(trigger)
    heads = [c for c in (*verb.children, *trigger.children) if c.dep_ == "prep" and c.lower_ in SPOT_PREPS]
    nouns = [o for p in heads for o in p.children if o.dep_ == "pobj"]
    return any(n.lemma_.lower() in scene_spots() or (n.pos_ == "PROPN" and n.i not in index.place_at
                                                      and n.ent_type_ in ("FAC", "LOC")) for n in nouns)


@lru_cache(maxsize=1)
def scene_spots() -> frozenset[str]:
    """The words of spots within a scene: `scene_spots` of words.yaml and the places' `landmark` words."""
    from frontlines.places.find import place_words  # the places stage reads events' words: import late

    return event_words()["scene_spots"] | frozenset(place_words()["landmark"])


def spot_scene(trigger: Token, index: Index) -> str | None:
    """Where a sentence that puts its event at a spot of the scene happened: the town the sentence before
    names last, else the place it names last, however coarse ("Protesters blocked highways in the southern
    region of Puno. Police detained 15 people at the roadblock"), else the town named in the few sentences
    before, else the story's place; not a town named as where people are from ("The victims were from Tal
    Afar"), and none when the sentence sets itself apart ("Separately, police arrested a suspect")."""
    if any(t.lower_ in SEPARATELY for t in trigger.sent):
        return None
    named = [t for t in sentence_beside(trigger, -1) or () if t.i in index.place_at and not reference_point(t)
             and not describes_a_place(t, index) and not where_someone_lives(t) and not named_as_origin(t)
             and index.places[index.place_at[t.i]].feature != "country"]
    towns = [t for t in named if index.places[index.place_at[t.i]].feature in ("city", "site")] or named
    return index.place_at[towns[-1].i] if towns else town_named_before(trigger, index) or story_place(trigger, index)


def a_nationality(tok: Token, index: Index) -> bool:
    """Whether a country's name only says whose people are meant (`nationals` in words.yaml: "two men, both
    Botswana citizens"), not where (but "along the Lebanon border" is there)."""
    return index.places[index.place_at[tok.i]].feature == "country" and tok.dep_ in ("compound", "amod", "nmod") \
        and tok.head.lemma_.lower() in event_words()["nationals"]


def is_landmark_site(place) -> bool:
    """A site named for what it is where people gather, stay or pray (`assault_sites`: "the Hayat Hotel",
    "the Holy Family church"), whose seizure is an assault on those inside; not a village the gazetteer lacks,
    nor ground armies hold and take (a barracks, a tower, a dam, a palace, a station)."""
    return place.feature == "site" and place.name.split()[-1].lower() in ASSAULT_SITES


def between(place_id: str, trigger: Token, index: Index) -> bool:
    """Whether the place is the first of two the trigger's sentence puts something between."""
    head = next((t for t in trigger.sent if index.place_at.get(t.i) == place_id), None)
    return head is not None and head.dep_ == "pobj" and head.head.lower_ == "between"


def coordinated_places(place_id: str, trigger: Token, index: Index) -> list[str]:
    """The place and the towns coordinated with it in the trigger's clause: "in Nyeri,
    Kakamega and Garissa" gives three, "the streets of Kisumu ... and of Nakuru" two."""
    if index.places[place_id].feature not in ("city", "site") or between(place_id, trigger, index):
        return [place_id]  # "on the road between Zaria and Kaduna" is one place, on the way
    root = trigger if trigger.pos_ == "VERB" else trigger.head
    out = [place_id]
    conjs = [c for c in root.subtree if c.dep_ == "conj" and c.i != root.i and c.pos_ != "VERB"
             and not in_own_clause(c, root)]  # not "to denounce the invasion, which Barbados, Jamaica ... backed"
    head = next((t for t in trigger.sent if index.place_at.get(t.i) == place_id), None)
    if head is not None:  # "capitals: Nyala, Zalingei, Geneina and Ed Daein", however the list hangs
        conjs += [c for c in head.subtree if c.dep_ == "conj"]
    for conj in conjs:
        for t in conj.subtree:
            pid = index.place_at.get(t.i)
            if pid and pid not in out and index.places[pid].feature in ("city", "site") and not is_destination(t) \
                    and not reference_point(t) and not describes_a_place(t, index):  # "25 km west of Goma"
                out.append(pid)
    return out
