"""Armed groups the dictionary lacks, named where the text says what they are.

Every new war brings groups no dictionary lists.  News names them with what they are:
"fighters of the National Liberation Army", "KNLA fighters", "the 33rd Front, a faction of
former FARC rebels", "the Allied Democratic Forces, an armed group linked to the Islamic
State".  Such a name becomes an actor of its own, with the acronym the text gives for it
("the National Liberation Army, or ELN", "(JNIM)"), and every later mention of either is its.
The words that make a name an armed group are `armed_nouns`, `armed_modifiers` and
`group_nouns` of `data/generic.yaml`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from frontlines.actors.dictionary import demonyms, nationalities, packaged
from frontlines.nlp import entities, tokens_lemmatised
from frontlines.yamlfile import load_yaml

NAME_LABELS = frozenset({"ORG"})
TIME_LABELS = frozenset({"DATE", "TIME"})
NAME_JOINERS = frozenset({"of", "for", "and", "the"})  # "Coalition of Patriots for Change"


@dataclass
class DescribedGroup:
    """An armed group named in the text, its kind, and where it is named."""

    name: str
    kind: str
    forms: list[tuple[str, ...]] = field(default_factory=list)  # the name's words (lower case), its acronym's
    spans: list[Span] = field(default_factory=list)


def described_groups(doc: Doc, taken: set[int], places: set[int], words: dict) -> list[DescribedGroup]:
    """The armed groups named in `doc` outside the tokens already `taken` (dictionary actors)
    and `places`, each with every mention of its name and acronym."""
    armed_nouns, modifiers = frozenset(words["armed_nouns"]), frozenset(words["armed_modifiers"])
    group_nouns, armed_words = frozenset(words["group_nouns"]), armed_nouns | modifiers
    titles = frozenset(words["title_modifiers"])  # "the rebel X"
    not_peoples = frozenset(words["not_peoples"])
    groups: dict[str, DescribedGroup] = {}
    peoples = people_forces(doc, taken | places, words)
    for span in candidates(doc, taken, places, armed_nouns, frozenset(words["aircraft_makes"])) + peoples:
        cue = span[-1] if span in peoples else armed_cue(span.root, armed_nouns, modifiers, group_nouns, titles) \
            or armed_name(span, words, places) or (deed_cue(span.root, words["ground_deeds"], places, group_nouns)
                                                   if deed_named(span, words) else None)
        if cue is None or all(t.lemma_.lower() in armed_words or t.is_stop or t.lower_ in nationalities() for t in span):
            continue  # "Jihadist fighters", "Somali militants" name no group
        if len(span) == 1 and span[0].lower_ in not_peoples:
            continue  # "SANAA - Tribal militiamen attacked": a word capitalised where the text opens
        name = without_article(span)
        name_words = tuple(t.lower_ for t in name)
        group = groups.setdefault(" ".join(name_words), DescribedGroup(
            name.text, "political_militia" if cue.lemma_.lower().startswith("militia") else "rebel_group",
            [name_words]))
        short = acronym_after(span)
        if short is not None and tuple(t.text for t in short) not in group.forms:
            group.forms.append(tuple(t.text for t in short))
    named = {" ".join(form).lower(): g for g in groups.values() for form in g.forms[1:]}  # "ELN fighters": the ELN
    kept = [g for g in groups.values() if named.get(" ".join(g.forms[0]), g) is g]
    for group in kept:
        group.spans = mentions_of(doc, group.forms, taken, places)
    return [g for g in kept if g.spans]


def candidates(doc: Doc, taken: set[int], places: set[int], armed_nouns: frozenset[str],
               aircraft: frozenset[str] = frozenset()) -> list[Span]:
    """Names that may be groups: organisations the model tags, and runs of proper nouns that
    modify an armed noun ("Fano militiamen", "KNLA fighters")."""
    free = lambda s: not any(i in taken for i in range(s.start, s.end))  # noqa: E731
    out = [e for e in entities(doc) if e.label_ in NAME_LABELS and free(e) and not all(i in places for i in range(e.start, e.end))]
    out += [doc[t.i:t.i + 1] for t in doc if not t.ent_type_ and t.pos_ == "PROPN" and acronym(t.text)
            and t.i not in taken and t.i not in places]  # "UNITA took Huambo", untagged
    out += [doc[t.i:t.i + 1] for t in doc if plural_name(t) and t.i not in taken and t.i not in places
            and not t.ent_type_ == "ORG"]  # "the Nationalists took Bilbao" (an organisation's name is above)
    armed = tokens_lemmatised(doc, armed_nouns)  # the few armed nouns, not every token read
    in_places = [i in places for i in range(len(doc))]
    # (a name after "fighters of" may open with a place: "Fighters of Libya Dawn")
    return out + [s for s in modifying_names(doc, armed, aircraft) if free(s) and not any(in_places[s.start:s.end])] \
        + [s for s in named_after_of(doc, armed) if free(s) and not all(in_places[s.start:s.end])]


def modifying_names(doc: Doc, armed: list[Token], aircraft: frozenset[str]) -> list[Span]:
    """Runs of proper nouns right before an armed noun: "Fano militiamen", "KNLA fighters" (not an
    aircraft's make, `aircraft_makes`: "MiG fighters" are planes)."""
    out = []
    for tok in (doc[noun.i - 1] for noun in armed if noun.i > 0):
        if tok.dep_ == "compound" and tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.lower_ not in aircraft \
                and tok.i + 1 == tok.head.i and tok.ent_type_ not in TIME_LABELS | {"EVENT"}:  # "On New Year's Day guerrilla guns"
            start = tok.i
            while start > tok.sent.start and (not doc[start - 1].whitespace_ or (  # "PLA-K"
                    doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound"
                    and doc[start - 1].ent_type_ not in TIME_LABELS)):  # "by Sunday Druze gunmen"
                start -= 1
            out.append(doc[start:tok.i + 1])
    return out


def people_forces(doc: Doc, skip: set[int], words: dict) -> list[Span]:
    """A people's or a region's forces that no state owns, named by the people's word and the
    forces together ("Karen forces overran the post", "Ossetian fighters", "Serb forces"): a capitalised
    word, no nationality of a state nor one of `not_peoples` ("Government forces", "Allied troops"),
    right before one of `people_force_heads` (data/generic.yaml), or an adjective before an armed noun (a
    proper noun compounded with one is a group's name, `modifying_names`: "Fano militiamen")."""
    refused = frozenset(words["not_peoples"]) | frozenset(nationalities())
    out = []
    heads, armed_nouns = frozenset(words["people_force_heads"]), frozenset(words["armed_nouns"])
    for noun in tokens_lemmatised(doc, heads | armed_nouns):
        word = doc[noun.i - 1] if noun.i > 0 else None
        if word is None or (noun.lemma_.lower() in armed_nouns and word.pos_ == "PROPN" and word.dep_ == "compound") \
                or word.lemma_.lower() in armed_nouns or word.head.i != noun.i or word.dep_ not in ("amod", "compound") \
                or not word.text[:1].isupper() or word.is_upper or word.pos_ not in ("PROPN", "ADJ") \
                or word.lower_ in refused or word.ent_type_ in TIME_LABELS \
                or (word.i > 0 and doc[word.i - 1].pos_ == "PROPN" and doc[word.i - 1].text[:1].isupper()) \
                or word.i in skip or noun.i in skip:
            continue
        out.append(doc[word.i:noun.i + 1])
    return out


def named_after_of(doc: Doc, armed: list[Token]) -> list[Span]:
    """Capitalised names after "fighters of" that the model did not tag whole: "Fighters of the
    Coalition of Patriots for Change (CPC)".  `armed`: the document's armed nouns, in text order."""
    out = []
    for tok in armed:
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1):
            start = prep.i + 1 + (doc[prep.i + 1].lower_ == "the" if prep.i + 1 < len(doc) else 0)
            end = start
            while end < len(doc) and (doc[end].text[:1].isupper() or (
                    doc[end].lower_ in NAME_JOINERS and end + 1 < len(doc) and doc[end + 1].text[:1].isupper())):
                end += 1
            if end - start >= 2 and doc[end - 1].text[:1].isupper():
                out.append(doc[start:end])
    return out


def armed_cue(root: Token, armed_nouns: frozenset[str], modifiers: frozenset[str],
              group_nouns: frozenset[str], titles: frozenset[str] = frozenset()) -> Token | None:
    """The word that says a name is an armed group's, or None: "fighters of X", "militants from
    X", "X rebels",
    "X, a faction of former FARC rebels", "X, an armed group", "the separatist group X", "the rebel X"."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in ("of", "from") and head.head.lemma_.lower() in armed_nouns:
        return head.head
    if root.dep_ == "compound" and head.lemma_.lower() in armed_nouns:
        return head
    if root.dep_ in ("appos", "compound") and head.lemma_.lower() in group_nouns and armed_kind(head, armed_nouns, modifiers):
        return head
    for child in root.children:
        if child.dep_ in ("amod", "compound") and child.i < root.i and child.lemma_.lower() in titles \
                and child.is_lower:
            return child  # "the rebel Rwandan Patriotic Front", "the separatist Ambazonia Defence Forces"
        if child.dep_ == "appos" and (child.lemma_.lower() in armed_nouns or (
                child.lemma_.lower() in group_nouns and armed_kind(child, armed_nouns, modifiers))):
            return armed_kind(child, armed_nouns, modifiers) or child
    return None


def deed_named(span: Span, words: dict) -> bool:
    """Whether a name may be a group's by its deeds alone: an acronym ("UNITA") or a name of two words or
    more, none a word for a state's or any army's men or units ("the Red Army", "the 57th Division" are
    states'; "the Tigers" is a short name of a group the text names in full)."""
    name = without_article(span)
    units = {*words["state_heads"], *words["police_heads"], *words["armed_heads"], *words["ground_deeds"]["units"]}
    national = name[0].lower_ in nationalities() or name[0].lower_ in world_country_names()  # "the Cambodian
    # People's Party's forces" are the state's
    deeds = words["ground_deeds"]
    civil = {*deeds["civil_words"], *words["armed_name_words"]["unarmed"]}  # "Royal Dutch Shell took control"
    civil_name = " ".join(t.lower_ for t in name) in deeds["civil_names"]  # "The ICRC entered Huambo"
    return (acronym(name.text) or len(name) >= 2 or plural_name(name[0])) and not national and not civil_name \
        and not any(t.lower_ in units or t.lower_ in civil for t in name)


def plural_name(tok: Token) -> bool:
    """A capitalised plural name of no people ("the Nationalists", "the Sandinistas", "the Volunteers"; not
    "the Americans", a state's men, nor "Rebels" opening a sentence): a side named by its deeds alone."""
    doc = tok.doc
    inside = (tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN") or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN")
    return tok.tag_ == "NNPS" and tok.text[:1].isupper() and not tok.is_upper and tok.lower_ not in demonyms() \
        and not {tok.lower_, tok.lemma_.lower()} & common_words() and not tok.is_sent_start \
        and not inside  # (a word of a longer name: "Medecins Sans Frontieres")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words of `generic.yaml` for any side's men, which a capital does not make a name ("Rebels", "Marines")."""
    words = load_yaml(packaged("generic.yaml"))
    out = {*words["armed_nouns"], *words["state_heads"], *words["police_heads"], *words["armed_heads"]}
    return frozenset(w for word in out for w in (word, word + "s"))


def deed_cue(root: Token, deeds: dict, places: set[int], group_nouns: frozenset[str]) -> Token | None:
    """The word that says a name is an armed group's by what it does with ground (`ground_deeds`):
    "UNITA took Huambo", "the town was overrun by the MPCI", "in the hands of UNITA", "UNITA's
    forces", "the UNITA movement took Huambo"; not "Reuters took a photograph" (the thing taken
    must be a place)."""
    if root.dep_ == "compound" and root.head.lemma_.lower() in group_nouns:
        root = root.head
    head = root.head
    if root.dep_ == "poss" and head.lower_ in deeds["forces"]:
        return head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in deeds["hands"]:
        return head.head
    verb, role = (head.head, "nsubjpass") if root.dep_ == "pobj" and head.lower_ == "by" else (head, "dobj")
    if (root.dep_ == "nsubj" or role == "nsubjpass") and verb.lemma_.lower() in deeds["verbs"] and any(
            c.dep_ == role and ground_taken(c, places, deeds["ground_nouns"]) for c in verb.children):
        return verb
    return None


def ground_taken(noun: Token, places: set[int], ground_nouns: list[str]) -> bool:
    """Whether the object of a verb of `ground_deeds` is a place: "took Huambo", "took the town of Huambo",
    "took control of Huambo" (not "took control of the Bonga field off Warri")."""
    if noun.i in places:
        return True
    return noun.lemma_.lower() in ground_nouns and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(o.dep_ == "pobj" and o.i in places for o in p.children)
        for p in noun.children)


def armed_name(span: Span, words: dict, places: set[int]) -> Token | None:
    """The word of a name that says by itself it is an armed group's (`armed_name_words`): "Liberation"
    before one of `liberation_heads` ("the Eritrean People's Liberation Front"; not "the Women's
    Liberation Network" or "the Liberation Party"), or one of its `heads` ending a name of three
    words or more ("the Kachin Independence Army") that opens with no nationality, place or
    `state_openers` word (not "the Lao People's Army", "the Zimbabwe National Army" or "the Royal Thai
    Army", a state's; nor "the Second Army Region").  Not a name with one of `unarmed` ("the Church
    Relief Army")."""
    name = without_article(span)
    names = words["armed_name_words"]
    if len(name) < 2 or not name[-1].text[:1].isupper() or any(t.lower_ in names["unarmed"] for t in name):
        return None
    last = name[-1].lower_
    if any(t.lower_ == "liberation" for t in name[:-1]) and last in names["liberation_heads"]:
        return next(t for t in name if t.lower_ == "liberation")
    opener = name[0].lower_ in nationalities() or name[0].lower_ in names["state_openers"] or name[0].i in places \
        or any(name[:k].text.lower() in world_country_names() for k in (1, 2, 3))
    return name[-1] if len(name) >= 3 and last in names["heads"] and not opener else None


@lru_cache(maxsize=1)
def world_country_names() -> frozenset[str]:
    """The world's country names, lower-cased ("zimbabwe", "sri lanka"), from GeoNames."""
    from frontlines.places.gazetteer import geonames_countries  # the places' data: read late

    return frozenset(c["name"].lower() for c in geonames_countries().values())


def armed_kind(noun: Token, armed_nouns: frozenset[str], modifiers: frozenset[str]) -> Token | None:
    """The armed word describing a group noun: "a guerrilla group", "a faction of FARC rebels"."""
    armed_words = modifiers | armed_nouns
    for t in noun.subtree:
        if t.i != noun.i and t.head.i == noun.i and t.dep_ in ("amod", "compound") and t.lemma_.lower() in armed_words:
            return t
        if t.dep_ == "pobj" and t.head.head.i == noun.i and t.head.lower_ == "of" and t.lemma_.lower() in armed_nouns:
            return t
    return None


def without_article(span: Span) -> Span:
    """A name without its leading "the"."""
    return span[1:] if len(span) > 1 and span[0].lower_ == "the" else span


def acronym_after(span: Span) -> Span | None:
    """The acronym a text gives right after a name: "the National Liberation Army, or ELN",
    "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)", "(PLA-K)"."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc):
        return None
    if doc[end].text == "(":
        start = end + 1
    elif doc[end].text == "," and doc[end + 1].lower_ == "or":
        start = end + 2
    else:
        return None
    stop = next((k for k in range(start, min(start + 4, len(doc))) if doc[k].text in (",", ")", ";", ".")), None)
    short = doc[start:stop] if stop is not None and stop > start else None
    return short if short is not None and acronym(short.text) else None


def acronym(word: str) -> bool:
    """An acronym: two to eight letters or digits, the letters all capitals ("ELN", "PLA-K")."""
    return 2 <= len(word) <= 8 and word.isupper() and word.replace("-", "").isalnum()


def mentions_of(doc: Doc, forms: list[tuple[str, ...]], taken: set[int], places: set[int]) -> list[Span]:
    """Every mention of any of the forms outside the tokens `taken` and not all of `places` (a name may
    open with a place: "Libya Dawn"): a name's words in any case, an acronym in its own capitals only."""
    lower = [t.lower_ for t in doc]
    starts: dict[str, list[int]] = {}
    for i, word in enumerate(lower):
        starts.setdefault(word, []).append(i)
    out = []
    for words in forms:
        exact, n = acronym("".join(words)), len(words)
        for start in starts.get(words[0].lower(), []):
            seq = doc[start:start + n]
            written = [t.text for t in seq] if exact else lower[start:start + n]
            span = range(start, start + n)
            if written == list(words) and not any(i in taken for i in span) and not all(i in places for i in span):
                out.append(seq)
    return sorted(out, key=lambda s: s.start)
