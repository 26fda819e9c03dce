"""Actors: who is named in the article, from the dictionary, nationality patterns and generic words.

Generic words are resolved in context: "the army" is the state forces of the
article's main country; "the militants" is the last armed group named before
(or, in a lede, the first one named just after).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span as SpacySpan
from spacy.util import filter_spans

from frontlines.actors.described import described_groups
from frontlines.actors.dictionary import (ActorDictionary, ActorEntry, acled_country_names, demonyms, load_dictionary,
                                         packaged)
from frontlines.actors.patterns import ActorPatterns, build_patterns, numbered_unit, pattern_matches
from frontlines.model import Actor, Place, Span, main_country
from frontlines.nlp import tokens_written, tokens_where
from frontlines.yamlfile import load_yaml

ARMED = frozenset({"rebel_group", "political_militia", "identity_militia", "external_forces"})
# what "the militants", "fighters" or "gunmen" may stand for: not peacekeepers or a foreign army
NON_STATE_ARMED = frozenset({"rebel_group", "political_militia", "identity_militia"})
ARMED_SIDES = NON_STATE_ARMED | {"state_forces", "external_forces"}
MUTINY = "Mutiny of "  # the start of a mutiny's name: soldiers who act as a side of their own


def standing_armed(actor: Actor) -> bool:
    """Whether an actor is a non-state armed group that a story's unclaimed violence may be laid to: not
    a mutiny, whose soldiers act where the text says they do ("a grenade was thrown at a patrol" in a
    story of a failed coup is no mutineers')."""
    return actor.kind in NON_STATE_ARMED and not actor.name.startswith(MUTINY)
LOOKAHEAD_SENTENCES = 2
DATELINE_ENDS = frozenset({"—", "–", "-", ":"})  # the dash or colon that ends a dateline ("KABUL — Gunmen ...")
ALLEGIANCE = frozenset({"loyal", "align", "allied", "ally", "affiliate", "affiliated", "link", "linked", "back",
                        "backed", "tie", "aligned", "belong", "loyalist"})


@dataclass
class ActorMention:
    """An actor named at tokens [start, end) of the parsed document."""

    actor: str      # the Actor's id
    start: int
    end: int


@dataclass
class Matchers:
    """Compiled matchers for one dictionary and one spaCy vocabulary."""

    by_lower: PhraseMatcher
    by_orth: PhraseMatcher
    generic: PhraseMatcher
    units: Matcher         # `numbered_units`: "the 40th Armoured Brigade", the state's
    patterns: ActorPatterns
    dictionary: ActorDictionary
    generic_words: dict


@lru_cache(maxsize=8)
def matchers(nlp: Language, extra: tuple[Path, ...] = ()) -> Matchers:
    """Build the matchers once per model and dictionary."""
    dictionary = load_dictionary(extra)
    generic = load_yaml(packaged("generic.yaml"))
    by_lower, by_orth = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
    for entry in dictionary.entries.values():
        for alias in [entry.name, *entry.aliases]:
            acronym = alias.replace(".", "").isupper() and len(alias) <= 6
            (by_orth if acronym else by_lower).add(entry.name, [nlp.make_doc(alias)])
    words = PhraseMatcher(nlp.vocab, attr="LOWER")
    for group, phrases in generic["words"].items():
        words.add(group, [nlp.make_doc(p) for p in phrases])
    words.add("state", [nlp.make_doc(p) for p in state_aircraft(generic)])
    words.add("state", [nlp.make_doc(f"{owner} {head}") for owner in generic["state_unit_owners"]
                        for head in generic["state_unit_heads"]])
    words.add("armed", [nlp.make_doc(p) for p in armed_units(generic)])
    patterns = build_patterns(nlp.vocab, dictionary.nationalities, generic, demonyms())
    return Matchers(by_lower, by_orth, words, numbered_units(nlp, generic["numbered_units"]), patterns, dictionary,
                    generic)


def numbered_units(nlp: Language, units: dict) -> Matcher:
    """A matcher of an army's units named by an ordinal ("the 40th Armoured Brigade", "the Second Army"),
    as `state` generic words; not a count ("40 battalions")."""
    matcher = Matcher(nlp.vocab)
    matcher.add("state", [numbered_unit(units)])
    return matcher


def state_aircraft(generic: dict) -> list[str]:
    """"government aircraft", "army attack helicopters", "air force drones": a state's aircraft
    named by who flies them (`state_aircraft_owners` before `state_aircraft`)."""
    owners = [*generic["state_aircraft_owners"], "air force"]
    return [f"{owner} {attack}{craft}" for owner in owners for attack in ("", "attack ")
            for craft in generic["state_aircraft"]]


def alias_tokens(doc: Doc, nlp: Language, extra: tuple[Path, ...] = ()) -> set[int]:
    """Tokens inside a dictionary actor's name ("Fano", "Wagner", "Jubaland forces") or a community's
    militia ("the Sikin clan"): the places stage leaves them alone, though a town of that name
    exists somewhere.  So are the one-word
    generic actors that open a sentence ("KABUL — Gunmen attacked ..." is no site called Gunmen;
    "arrested in Police, a town near Szczecin" is Police, Poland)."""
    m = matchers(nlp, extra)
    named = {i for _, start, end in dictionary_matches(doc, m) for i in range(start, end)}
    named |= {i for label, start, end in pattern_matches(doc, m.patterns) if label == "identity" for i in range(start, end)}
    return named | {start for _, start, end in m.generic(doc) if end == start + 1 and opens_a_sentence(doc[start])}


def opens_a_sentence(tok) -> bool:
    """Whether a word opens its sentence, or the text after a dateline ("KABUL — Gunmen ...")."""
    return tok.is_sent_start or (tok.i > 0 and tok.doc[tok.i - 1].text in DATELINE_ENDS)


def dictionary_matches(doc: Doc, m: Matchers) -> list[tuple[int, int, int]]:
    """(entry name id, start, end) of every dictionary alias in `doc`, matched once per document."""
    key = ("frontlines_actor_matches", id(m))
    if key not in doc.user_data:
        doc.user_data[key] = [match for matcher in (m.by_lower, m.by_orth) for match in matcher(doc)]
    return doc.user_data[key]


def state_name(country_name: str, police: bool = False) -> str:
    """ACLED's name for a country's state forces: "Military Forces of Iraq", "Police Forces of Kenya",
    "Military Forces of the Central African Republic"; "Police Forces" in a story that names no country."""
    forces = "Police Forces" if police else "Military Forces"
    if not country_name:
        return forces
    article = "the " if country_name in acled_country_names()["with_the"] else ""
    return f"{forces} of {article}{country_name}"


@lru_cache(maxsize=1)
def sovereigns() -> tuple[dict[str, str], frozenset[str]]:
    """Dependent territories and their sovereign states, and the territories whose police are the
    sovereign's (data/sovereigns.yaml)."""
    data = load_yaml(packaged("sovereigns.yaml"))
    return data["sovereigns"], frozenset(data["sovereigns_police"])


def forces_country(code: str, police: bool = False) -> str:
    """The country whose forces act in `code`: a dependent territory's sovereign for its troops ("Military
    Forces of the United Kingdom" in the Falklands), and for its police where they are the sovereign's
    (France's overseas territories); else the country itself."""
    owners, police_too = sovereigns()
    return owners.get(code, code) if not police or code in police_too else code


def crowd_name(kind: str, country_name: str) -> str:
    """ACLED's name for a crowd: "Protesters (Kenya)", "Civilians (Mali)"."""
    return f"{kind.capitalize()} ({country_name})" if country_name else kind.capitalize()


def unidentified_name(country_name: str) -> str:
    """ACLED's "Unidentified Armed Group (<Country>)"."""
    return f"Unidentified Armed Group ({country_name})" if country_name else "Unidentified Armed Group"


class ActorRegistry:
    """Actors of one report, created on first mention, ids in order of first mention."""

    def __init__(self, country_names: dict[str, str]):
        self.actors: dict[str, Actor] = {}
        self.country_names = country_names

    def get(self, name: str, kind: str, country: str | None) -> Actor:
        """The actor of that canonical name, created if new."""
        if name not in self.actors:
            self.actors[name] = Actor(f"a{len(self.actors) + 1}", name, kind, country)
        return self.actors[name]

    def state(self, country: str | None, police: bool = False) -> Actor | None:
        """The state forces (or police) of a country, by ACLED's naming; a dependent territory's are its
        sovereign's (`forces_country`)."""
        if not country:
            return None
        country = forces_country(country, police)
        return self.get(state_name(self.country_names.get(country, country), police), "state_forces", country)

    def mutiny(self, country: str | None) -> Actor:
        """ACLED's "Mutiny of Military Forces of <Country>": soldiers in revolt, a side apart from their state's."""
        return self.get(f"{MUTINY}{state_name(self.country_names.get(country or '', country or ''))}",
                        "rebel_group", country)

    def unidentified(self, country: str | None) -> Actor:
        """ACLED's "Unidentified Armed Group (<Country>)"."""
        return self.get(unidentified_name(self.country_names.get(country or "", country or "")), "rebel_group", country)

    def crowd(self, kind: str, country: str | None) -> Actor:
        """Protesters, rioters or civilians of a country."""
        return self.get(crowd_name(kind, self.country_names.get(country or "", country or "")), kind, country)


def find_actors(doc: Doc, nlp: Language, places: list[Place], country_names: dict[str, str],
                extra: tuple[Path, ...] = ()) -> tuple[list[Actor], list[ActorMention]]:
    """The actors named in `doc` and each mention's token span."""
    m = matchers(nlp, extra)
    country = main_country(places)
    registry = ActorRegistry(country_names)
    named = [(span, entry) for span, entry in named_spans(doc, m, country) if not opposed_to(span)]
    mentions: list[ActorMention] = []
    taken: set[int] = set()
    for span, entry in named:
        actor = entry_actor(registry, entry, span, m, country)
        mentions.append(ActorMention(actor.id, span.start, span.end))
        taken.update(range(span.start, span.end))
    place_tokens = {i for p in places for x in p.mentions
                    for i in token_range(doc, x.start, x.end)}
    for group in described_groups(doc, taken, place_tokens, m.generic_words):
        actor = registry.get(group.name, group.kind, country)
        for span in group.spans:
            mentions.append(ActorMention(actor.id, span.start, span.end))
            taken.update(range(span.start, span.end))
    for span in loyal_forces(doc, taken | place_tokens, frozenset(m.generic_words["loyal_heads"]),
                             frozenset(m.generic_words["military_ranks"])):
        militia = span.root.lemma_.lower().startswith("militia")
        # one side however its men are called: "Forces loyal to X" and "troops loyal to X" alike
        person = span[next(i for i, t in enumerate(span) if t.lower_ == "to") + 1:]
        actor = registry.get(f"{'Militia' if militia else 'Forces'} loyal to {person.text}",
                             "political_militia" if militia else "rebel_group", country)
        mentions.append(ActorMention(actor.id, span.start, span.end))
        taken.update(range(span.start, span.end))
    for span, code in countries_acting(doc, places):
        if not taken.intersection(range(span.start, span.end)):
            actor = registry.state(code)
            mentions.append(ActorMention(actor.id, span.start, span.end))
            taken.update(range(span.start, span.end))
    for mention in name_head_mentions(doc, mentions, taken, frozenset(m.generic_words["name_heads"])):
        mentions.append(mention)
        taken.update(range(mention.start, mention.end))
    makes = frozenset(m.generic_words["aircraft_makes"])  # "MiG fighters" are planes, no armed men
    disguises = frozenset(m.generic_words["disguise_verbs"])
    generic = [with_the_leaders_name(s) for s in filter_spans([*m.generic(doc, as_spans=True),
                                                               *m.units(doc, as_spans=True)])
               if not taken.intersection(range(s.start, s.end)) and not a_names_possessor(s)
               and not opposed_to(s, state_owners()) and not (s.start > 0 and doc[s.start - 1].lower_ in makes)
               and not scare_quoted(s) and not disguised_as(s, disguises)]
    every_place = sorted((m.start, p.country_code) for p in places if p.country_code for m in p.mentions)
    mentions += generic_mentions(doc, generic, mentions, registry, country, place_countries(places, doc), every_place)
    by_id = {a.id: a for a in registry.actors.values()}
    for mention in sorted(mentions, key=lambda x: x.start):
        span = doc[mention.start:mention.end]
        by_id[mention.actor].mentions.append(Span(span.text, span.start_char, span.end_char))
    actors = sorted((a for a in registry.actors.values() if a.mentions), key=lambda a: a.mentions[0].start)
    new_id = {a.id: f"a{n}" for n, a in enumerate(actors, start=1)}
    for actor in actors:
        actor.id = new_id[actor.id]
    for mention in mentions:
        mention.actor = new_id[mention.actor]
    return actors, sorted(mentions, key=lambda x: x.start)


QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})


def disguised_as(span, verbs: frozenset[str]) -> bool:
    """Whether a generic word says what someone was dressed as, not who they were: "a gunman dressed as a police
    officer", "men disguised as soldiers", "posing as policemen" (`disguise_verbs`)."""
    doc, i = span.doc, span.start - 1  # by the words, not the parse ("as" may be parsed as a clause's mark)
    if i >= 0 and doc[i].lower_ in ("a", "an", "the"):
        i -= 1
    return i >= 1 and doc[i].lower_ == "as" and doc[i - 1].lemma_.lower() in verbs


def scare_quoted(span) -> bool:
    """Whether a generic word stands alone in quotation marks: a label someone gave, no side named
    ("The army said those killed had been "terrorists" caught in crossfire")."""
    doc = span.doc
    return span.start > 0 and span.end < len(doc) and doc[span.start - 1].text in QUOTE_MARKS \
        and doc[span.end].text in QUOTE_MARKS


LEADER_TITLES = frozenset({"president", "minister"})  # a state's leaders: "forces loyal to President Hadi"


def loyal_forces(doc: Doc, taken: set[int], heads: frozenset[str], ranks: frozenset[str] = frozenset()) -> list:
    """Forces named by the person they follow, whom no actor names: "Forces loyal to Alassane Ouattara",
    "fighters loyal to the warlord Abdi Hassan" (a `loyal_heads` word, "loyal to", a person's name)."""
    out = []
    for loyal in tokens_written(doc, "loyal"):
        head = loyal.head
        to = next((c for c in loyal.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        person = next((o for o in to.children if o.dep_ == "pobj"), None) if to is not None else None
        if head.lemma_.lower() not in heads or person is None or person.ent_type_ != "PERSON" \
                or not head.i < loyal.i < person.i:
            continue
        span = doc[head.i:person.i + 1]
        if any(t.lower_.rstrip(".") in LEADER_TITLES | ranks for t in doc[to.i:person.i]):
            continue  # "forces loyal to President Gbagbo" are the state's (`words` of generic.yaml); "troops loyal
            # to General Phoumi" a part of its army
        if not taken.intersection(range(span.start, span.end)):
            out.append(span)
    return out


def with_the_leaders_name(span):
    """A generic phrase that ends in a leader's title, with the name that follows it: "Forces loyal to
    President Abd-Rabbu Mansour Hadi" (the words after "president" are the mention's too)."""
    doc, end = span.doc, span.end
    if span[-1].lower_ not in LEADER_TITLES:
        return span
    while end < len(doc) and (doc[end].pos_ == "PROPN" and doc[end].ent_type_ in ("PERSON", "") or (
            doc[end].text == "-" and not doc[end - 1].whitespace_ and end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN")):
        end += 1
    return SpacySpan(doc, span.start, end, label=span.label) if end > span.end else span


def name_head_mentions(doc: Doc, named: list[ActorMention], taken: set[int], heads: frozenset[str]) -> list[ActorMention]:
    """"The council" after "the Southern Transitional Council", "the movement" after "the Free Aceh
    Movement": "the" and the last word of a name of several words named before (one of `name_heads`)
    stand for that name's actor, the one last named, when the word heads its phrase ("the council said",
    not "the council chairman", "the movement's supporters").  A name the dictionary lacks that ends with
    the word ("the Free Patriotic Movement") is the one then meant, whose actor is unknown."""
    in_names = {i for x in named for i in range(x.start, x.end)}
    by_end = sorted((x for x in named if x.end - x.start >= 2 and doc[x.end - 1].lower_ in heads), key=lambda x: x.end)
    last_named: dict[str, ActorMention | None] = {}
    out, k = [], 0
    for tok in tokens_where(doc, "LOWER", heads.__contains__):
        while k < len(by_end) and by_end[k].end <= tok.i:
            last_named[doc[by_end[k].end - 1].lower_] = by_end[k]
            k += 1
        if tok.is_title and tok.i not in in_names and tok.i > 0 and doc[tok.i - 1].is_title \
                and doc[tok.i - 1].lower_ != "the":
            last_named[tok.lower_] = None  # "the Free Patriotic Movement", a name of no known actor
            continue
        antecedent = last_named.get(tok.lower_)
        heads_its_phrase = tok.dep_ not in ("compound", "poss") and not (tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "POS")
        if antecedent is not None and heads_its_phrase and tok.i not in taken and tok.i > 0 \
                and doc[tok.i - 1].lower_ == "the":
            out.append(ActorMention(antecedent.actor, tok.i - 1, tok.i + 1))
    return out


def token_range(doc: Doc, start_char: int, end_char: int) -> range:
    """The tokens a character span covers."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def countries_acting(doc: Doc, places: list[Place]) -> list[tuple]:
    """Countries named as doers: "Russia said it had finished pulling its forces back".
    Each stands for its state forces.  ("Sudan's paramilitary RSF" is no doer: no possessives.)"""
    out = []
    for place in places:
        if place.feature != "country":
            continue
        for m in place.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or in_dateline(span) or span.root.head.lemma_.lower() in state_verbs():
                continue  # "Sri Lanka was under an indefinite curfew": a country that is, not one that acts
            if span.root.dep_ in ("nsubj", "nsubjpass") or (span.root.dep_ == "pobj" and span.root.head.lower_ == "by"):
                out.append((span, place.country_code))
    return out





def state_verbs() -> frozenset[str]:
    """Verbs whose subject only is, not acts (`state_verbs` in events/data/words.yaml)."""
    from frontlines.events.triggers import event_words

    return event_words()["state_verbs"]


def in_dateline(span) -> bool:
    """Whether a name is the country of a dateline, "BOGOTA, Colombia — The ELN kidnapped ...",
    "KABUL, Afghanistan (Reuters) -", which the parser may take for the sentence's subject."""
    doc = span.doc
    after = doc[span.end].text if span.end < len(doc) else ""
    return span.start >= 2 and doc[span.start - 1].text == "," and (after in DATELINE_ENDS or after == "(")


def named_spans(doc: Doc, m: Matchers, country: str | None) -> list[tuple]:
    """Dictionary and pattern matches, longest first, as (span, entry or pattern label)."""
    found = []
    for match_id, start, end in dictionary_matches(doc, m):
        entry = m.dictionary.entries[doc.vocab.strings[match_id]]
        if entry.kind in ("external_forces", "state_forces") and backs_what_follows(
                doc, end, m.generic_words["backing_words"]):
            continue  # "Libya's UN-backed unity government": the government acts, not the UN
        if lowered_name(doc[start:end], entry):
            continue  # "declared an independent Islamic state": a state, not the Islamic State
        if not entry.only_in or country in entry.only_in:
            found.append((doc[start:end], entry))
    for label, start, end in pattern_matches(doc, m.patterns):
        if label.endswith(" pair"):  # "Kyrgyz and Tajik border guards": "Kyrgyz" and "Tajik border guards"
            joint = next(t.i for t in doc[start:end] if t.lower_ == "and")
            label = label.removesuffix(" pair")
            found += [(doc[start:joint], label), (doc[joint + 1:end], label)]
        else:
            found.append((doc[start:end], label))
    spans = filter_spans([s for s, _ in found])
    keep = {(s.start, s.end) for s in spans}
    seen, out = set(), []
    for span, what in sorted(found, key=lambda t: (t[0].start, isinstance(t[1], str))):
        key = (span.start, span.end)
        if key in keep and key not in seen:
            seen.add(key)
            out.append((span, what))
    return out


def lowered_name(span, entry) -> bool:
    """Whether a name of several words matched whatever its case opens with no proper noun and goes on
    with a word in lower case where each of the entry's spellings capitalises it: a phrase of common words
    ("an independent Islamic state" for "Islamic State"; not a headline in capitals, nor "the Islamic State
    group", which the entry spells so, nor "the Seleka rebel coalition", a name written loosely)."""
    if len(span) < 2 or span[0].pos_ == "PROPN":
        return False
    spellings = [a.split() for a in (entry.name, *entry.aliases) if len(a.split()) == len(span)
                 and a.lower() == span.text.lower()]
    written = [t.text for t in span]
    return bool(spellings) and all(any(w[:1].isupper() and t[:1].islower() for w, t in zip(a, written))
                                   for a in spellings)


def backs_what_follows(doc: Doc, end: int, backing: list[str]) -> bool:
    """Whether a name ending at token `end` is joined by a hyphen to a word of `backing` (generic.yaml
    `backing_words`): "UN-backed", "Iranian-supported", "UN-recognised"."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in backing


def entry_actor(registry: ActorRegistry, what, span, m: Matchers, country: str | None) -> Actor:
    """The actor for a dictionary entry or a pattern match (a nationality's forces, a
    community's militia in the article's main country)."""
    dictionary = m.dictionary
    if isinstance(what, ActorEntry):
        return registry.get(what.name, what.kind, what.country)
    if what == "identity":
        where = registry.country_names.get(country or "", country or "")
        first = next((t.i for t in span if t.lower_ == "and"), span[-1].i)  # "the Sikin and Kaekin clans": Sikin's
        militia = f"{span.doc[span.start:first].text} {m.generic_words['identity_nouns'][span[-1].lower_]}"
        return registry.get(f"{militia} ({where})" if where else militia, "identity_militia", country)
    if what == "backed":
        sponsor = dictionary.nationalities.get(span[0].lower_)
        return registry.get(f"{span[0].text}-backed militias", "political_militia", sponsor)
    if what == "people":  # "the Iraqis": Iraq's forces
        return registry.state(m.patterns.demonyms[span[-1].lower_])
    # the nationality the span opens with, longest first: "south sudanese", "united states 's", "iraqi"
    country = next(code for size in range(len(span), 0, -1)
                   if (code := dictionary.nationalities.get(" ".join(t.lower_ for t in span[:size]))))
    return registry.state(country, police=(what == "police"))


def armed_units(generic: dict) -> list[str]:
    """"rebel forces", "a rebel column", "separatist units": a non-state armed group's men
    (`armed_unit_modifiers` before `armed_heads`)."""
    return [f"{modifier} {head}" for modifier in generic["armed_unit_modifiers"] for head in generic["armed_heads"]]


class ByStart:
    """Mentions kept sorted by their first token, for range look-ups: a scan of every mention
    for each generic word is quadratic on a long document."""

    def __init__(self, mentions: list[ActorMention]):
        self.items = sorted(mentions, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]

    def add(self, mention: ActorMention) -> None:
        """Insert a mention after those that start at the same token."""
        k = bisect_right(self.starts, mention.start)
        self.starts.insert(k, mention.start)
        self.items.insert(k, mention)

    def between(self, lo: int, hi: int) -> list[ActorMention]:
        """The mentions that start at a token in [lo, hi), in order."""
        return self.items[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def last_before(self, token: int) -> ActorMention | None:
        """The last mention that ends at or before `token`."""
        for k in range(bisect_left(self.starts, token) - 1, -1, -1):
            if self.items[k].end <= token:
                return self.items[k]
        return None


def place_countries(places: list[Place], doc: Doc | None = None) -> list[tuple[int, str]]:
    """(offset, country code) of every mention of a town, site or division, in text order: where
    things happen.  A country's name is left out: it often says where a speaker is ("speaking
    from Mauritania") or whose side is meant; so is a town that stands for its government ("angry at
    Moscow's influence", `names_its_government`) or where words were said ("said in Damascus that")."""
    def its_government(m) -> bool:
        span = doc.char_span(m.start, m.end, alignment_mode="expand") if doc is not None else None
        return span is not None and (names_its_government(span.root) or where_words_were_said(span.root))
    return sorted((m.start, p.country_code) for p in places
                  if p.country_code and p.feature in LOCAL_FEATURES for m in p.mentions if not its_government(m))


def where_words_were_said(tok) -> bool:
    """Whether a town is where a speaker said what the sentence goes on to tell: "spokesmen said in
    Damascus that their fighters had pulled back" (a verb with a clause of its words after the town)."""
    prep = tok.head
    verb = prep.head
    return tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in ("in", "from", "at") \
        and verb.pos_ == "VERB" and prep.i > verb.i and any(c.dep_ == "ccomp" and c.i > prep.i for c in verb.children)


def names_its_government(tok) -> bool:
    """Whether a town's name stands for its government: the owner of one of `government_nouns` in
    generic.yaml ("protesters angry at Moscow's influence"; not "Kabul's airport"), or who does one of
    its `government_acts` ("Paris decided to intervene", "a defeat that prompted Paris to intervene")."""
    acts = government_acts()
    return (tok.dep_ == "poss" and tok.head.lemma_.lower() in government_nouns()) \
        or (tok.dep_ == "nsubj" and tok.head.lemma_.lower() in acts) \
        or (tok.dep_ == "dobj" and any(c.dep_ == "xcomp" and c.lemma_.lower() in acts for c in tok.head.children))


@lru_cache(maxsize=1)
def government_nouns() -> frozenset[str]:
    """`government_nouns` of generic.yaml."""
    return frozenset(load_yaml(packaged("generic.yaml"))["government_nouns"])


@lru_cache(maxsize=1)
def government_acts() -> frozenset[str]:
    """`government_acts` of generic.yaml: what a town's name does when it stands for its government."""
    return frozenset(load_yaml(packaged("generic.yaml"))["government_acts"])


@lru_cache(maxsize=1)
def police_heads() -> frozenset[str]:
    """`police_heads` of generic.yaml: the words that name a country's police ("police", "gendarmes")."""
    return frozenset(load_yaml(packaged("generic.yaml"))["police_heads"])


@lru_cache(maxsize=1)
def state_owners() -> frozenset[str]:
    """`state_unit_owners` of generic.yaml and "government": whose forces a generic phrase names."""
    return frozenset(load_yaml(packaged("generic.yaml"))["state_unit_owners"]) | {"government"}


@lru_cache(maxsize=1)
def armed_modifiers() -> frozenset[str]:
    """`armed_modifiers` of generic.yaml: the words that make a thing an armed group's ("rebel", "guerrilla")."""
    return frozenset(load_yaml(packaged("generic.yaml"))["armed_modifiers"])


LOCAL_FEATURES = frozenset({"city", "site", "admin1", "admin2"})


def local_country(span, countries: list[tuple[int, str]], default: str | None) -> str | None:
    """The country of the place named nearest a generic phrase in its sentence ("rebels swept
    into Hama, forcing government troops to pull out" under a Turkish dateline: Syria's troops),
    else the story's."""
    sent = span.sent
    here = [(abs(offset - span.start_char), code) for offset, code in countries
            if sent.start_char <= offset < sent.end_char]
    return min(here)[1] if here else default


def a_names_possessor(span) -> bool:
    """A generic word that is part of a name: "the Yugoslav People's Army", "the People's Liberation Army"
    (written with a capital inside its sentence, before a possessive and another capitalised word)."""
    doc, last = span.doc, span[-1]
    return last.is_title and not span[0].is_sent_start and last.i + 2 < len(doc) \
        and doc[last.i + 1].lower_ in ("'s", "’s") and doc[last.i + 2].is_title


def opposed_to(span, owners: frozenset[str] = frozenset()) -> bool:
    """Whether an actor's name, or a generic phrase that opens with one of `owners` ("regime forces",
    "government troops"), follows "anti-": "anti-regime forces", "anti-junta troops", "anti-Taliban
    militias" are their foes, not their forces (not "anti-riot squads", police; "Anti-Balaka" is a
    name whole)."""
    doc = span.doc
    after_anti = span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ == "anti"
    return after_anti and (not owners or span[0].lower_ in owners)


def generic_mentions(doc: Doc, spans, named: list[ActorMention], registry: ActorRegistry,
                     story_country: str | None, countries: list[tuple[int, str]] = (),
                     every_place: list[tuple[int, str]] = ()) -> list[ActorMention]:
    """Mentions for generic words, each resolved to an actor in context; an actor of no named
    side belongs to the country of the place named nearest it in its sentence (`countries`: the
    mentions of towns and divisions, where things happen) or, for "its troops", the country its
    speaker's name holds (`every_place`: the mentions of every place, countries too)."""
    kinds = {a.id: a.kind for a in registry.actors.values()}
    armed = ByStart([x for x in named if kinds.get(x.actor) in NON_STATE_ARMED])
    rebels = ByStart([x for x in armed.items if kinds.get(x.actor) == "rebel_group"])
    sentence_starts = [s.start for s in doc.sents]
    out: list[ActorMention] = []
    by_id = {a.id: a for a in registry.actors.values()}
    order = {id(m): k for k, m in enumerate(named)}
    named_by_start, known = ByStart(named), ByStart(named)
    for span in spans:
        group = doc.vocab.strings[span.label]
        country = local_country(span, countries, story_country)
        actor = modifier_actor(span, named_by_start, order, by_id)
        speakers = speakers_country(span, every_place) if actor is None and group in ("state", "police") \
            and governing_subject(span, known) is None else None
        if speakers is not None:  # "Russia's defence ministry said its troops had ...", "its special police"
            actor = registry.state(speakers, police=group == "police")
        actor = actor or possessor(doc, span, known, by_id)
        if actor is not None:
            pass  # "Fighters aligned with the GNA"; "its troops" after "the MNDAA said"
        elif group == "state":
            actor = registry.state(country)
        elif group == "police":
            actor = registry.state(country, police=True)
        elif group == "invaders":
            actor = invader_named(doc, named_by_start, by_id, span.start) or foreign_forces(
                named_by_start, by_id, country) or armed_antecedent(
                doc, span, armed, rebels, by_id, sentence_starts) or registry.unidentified(country)
        elif group == "mutineers":
            actor = registry.mutiny(country)
        elif group == "armed":
            # "Islamist insurgents attacked ..." with no group named near: ACLED's unidentified group
            actor = armed_antecedent(doc, span, armed, rebels, by_id, sentence_starts) or registry.unidentified(country)
        else:
            actor = registry.crowd(group, country)
        if actor is not None:
            out.append(ActorMention(actor.id, span.start, span.end))
            known.add(out[-1])
            by_id[actor.id] = actor
    return out


def modifier_actor(span, named: ByStart, order: dict[int, int], by_id: dict[str, Actor]) -> Actor | None:
    """The named actor inside a generic phrase's own modifiers: "fighters loyal to X", "a militia
    allied with X", "fighters of the commander X", "X militiamen" are X; "a group battling X" is not.
    `order` ranks the mentions as they were found: the first found wins."""
    inside = {t.i for child in span.root.children
              if (child.dep_ == "prep" and child.lower_ == "of") or child.lemma_.lower() in ALLEGIANCE
              or (child.dep_ == "compound" and child.i < span.start)  # "Fano militiamen"
              for t in child.subtree}
    if not inside:
        return None
    found = [m for m in named.between(min(inside), max(inside) + 1) if m.start in inside]
    return by_id[min(found, key=lambda m: order[id(m)]).actor] if found else None


def possessor(doc: Doc, span, named: ByStart, by_id: dict[str, Actor]) -> Actor | None:
    """"its troops", "their fighters": the actor last named before, in this sentence or the one before;
    "the Free Syrian Army's 13th Division": the actor named before the possessive."""
    if span.start > 0 and doc[span.start - 1].lower_ in ("'s", "’s"):
        owner = named.last_before(span.start - 1)
        return by_id[owner.actor] if owner is not None and owner.end == span.start - 1 else None
    first = doc[span.start - 1] if span.start > 0 and span[0].lower_ not in ("its", "their") else span[0]
    if first.lower_ not in ("its", "their"):
        return None
    speaker = governing_subject(span, named)
    if speaker is not None:  # "An armed group ... said its fighters captured": the group that said it
        return by_id[speaker.actor]
    start = span.sent.start
    here = named.between(start, span.start)
    if here:
        return by_id[here[-1].actor]
    if start == 0:
        return None
    previous = doc[start - 1].sent
    # "The MNDAA ... announced the capture. It said its troops had overrun ...": the last subject
    inside = named.between(previous.start, previous.end)
    subjects = [x for x in inside if doc[x.start:x.end].root.dep_ in ("nsubj", "nsubjpass")]
    pick = (subjects or inside)
    return by_id[pick[0 if subjects else -1].actor] if pick else None


def speakers_country(span, countries: list[tuple[int, str]]) -> str | None:
    """The country named in the subject of the verb that "its troops" are reported under, when that
    subject names no actor: "Russia's defence ministry said its troops had liberated Toretsk"."""
    owned = span[0].lower_ == "its" or any(c.dep_ == "poss" and c.lower_ == "its" for c in span.root.children)
    subject = reporting_subject(span) if owned else None
    if subject is None:
        return None
    first, last = subject[0].idx, subject[-1].idx + len(subject[-1])
    return next((code for offset, code in countries if first <= offset < last), None)


def reporting_subject(span) -> SpacySpan | None:
    """The subject phrase of the verb a phrase is reported under ("X said its ..."), if any."""
    tok = span.root
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        subjects = [c for c in tok.children if c.dep_ == "nsubj" and not (span.start <= c.i < span.end)]
        if tok.pos_ == "VERB" and subjects:
            inside = [t.i for t in subjects[-1].subtree]
            return span.doc[min(inside):max(inside) + 1]
    return None


def governing_subject(span, known: ByStart) -> ActorMention | None:
    """The actor that is the subject of the verb a phrase is reported under ("X said its ...")."""
    # the whole subject phrase: the model can take a dateline ("BANGKOK — An armed group") for the
    # subject and the group for its apposition
    subject = reporting_subject(span)
    found = known.between(subject.start, subject.end) if subject is not None else []
    return found[0] if found else None


def invader_named(doc: Doc, named: ByStart, by_id: dict[str, Actor], before: int) -> Actor | None:
    """The armed side named, before token `before`, as the subject of one of `invading_verbs` (generic.yaml):
    "RPF rebels invaded northern Rwanda ... Ugandan troops sealed the border ... The invaders were pushed
    back" are the RPF's."""
    for mention in reversed(named.between(0, before)):
        root = doc[mention.start:mention.end].root
        while root.dep_ in ("compound", "poss") and root.head.i != root.i:
            root = root.head  # "RPF rebels", "Iraq's army"
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in invading_verbs() \
                and by_id[mention.actor].kind in ARMED_SIDES:
            return by_id[mention.actor]
    return None


@lru_cache(maxsize=1)
def invading_verbs() -> frozenset[str]:
    """`invading_verbs` of generic.yaml: what the side "the invaders" name did."""
    return frozenset(load_yaml(packaged("generic.yaml"))["invading_verbs"])


def foreign_forces(named: ByStart, by_id: dict[str, Actor], country: str | None) -> Actor | None:
    """The forces of a state other than `country` that the story names most, if any: "the invaders" in
    a story of a foreign army's invasion."""
    counts = Counter(m.actor for m in named.items if by_id[m.actor].kind in ("state_forces", "external_forces")
                     and by_id[m.actor].country_code not in (country, None))
    return by_id[counts.most_common(1)[0][0]] if counts else None


def armed_antecedent(doc: Doc, span, armed: ByStart, rebels: ByStart, by_id: dict[str, Actor],
                     sentence_starts: list[int]) -> Actor | None:
    """The armed group a generic word points to: the last one named before it, else one named
    within the next two sentences (a lede's "An ethnic armed group ... The MNDAA ...")."""
    # "the militants" are the rebels, not the militias named on the government's side
    before = rebels.last_before(span.start) or armed.last_before(span.start)
    if before is not None:
        return by_id[before.actor]
    here = max(bisect_right(sentence_starts, span.start) - 1, 0)
    limit_sentence = min(here + LOOKAHEAD_SENTENCES, len(sentence_starts) - 1)
    limit = sentence_starts[limit_sentence + 1] if limit_sentence + 1 < len(sentence_starts) else len(doc)
    after = armed.between(span.end, limit)
    return by_id[after[0].actor] if after else None
