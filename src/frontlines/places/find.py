"""Find the names in a parsed article that may be places, and what their context says.

Two sources: the model's GPE/LOC/FAC entities, and runs of capitalised words
that the gazetteer knows, because the small model tags towns like "Qaim" as
PERSON and "Bukamal" as ORG.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span as SpacySpan

from frontlines.letters import UPPER_LETTER, UPPER_LETTERS
from frontlines.nlp import doc_text, entities, sentence_start, tokens_where
from frontlines.yamlfile import load_yaml
from frontlines.model import Span
from frontlines.places.gazetteer import Entry, Gazetteer
from frontlines.places.kinds import kind_after, kind_length, place_words
from frontlines.places.names import ARABIC_ARTICLES, name_key

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})
GRAMMAR_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "PART"})  # words of grammar
TIME_NAMES = frozenset(n.lower() for n in [*calendar.day_name, *calendar.month_name] if n)
# Entity labels a place name is never part of ("Syrian" is NORP; "Friday" is DATE).
NEVER_PLACE = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Labels the small model gives to runs of names it cannot place, lists of towns among them
# ("Vardenis and Sotk" is a WORK_OF_ART): an item of such a list is no part of a title.
TITLE_LABELS = frozenset({"WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
# Labels of institutions, whose names may hold their place's ("the Kentucky State Police").
INSTITUTION_LABELS = frozenset({"ORG", "FAC"})
MAX_RUN = 6
NAME_KIND_WORDS = frozenset({"region", "oblast"})
# "Qasr bin Ghashir", "Gulf of Aden", the Persian ezafe of "Mazar-i-Sharif"
# and the Romance ones of "Mocimboa da Praia", "Ciudad del Este", "Bouar des Collines"
NAME_JOINERS = frozenset({"bin", "ibn", "bint", "bani", "de", "del", "of", "i", "e", "da", "do", "dos", "das",
                          "di", "du", "des", "la", "le", "y"})


@dataclass
class Candidate:
    """A name that may be a place, with the clues around it."""

    span: Span
    label: str | None              # the model's entity label, or None
    entries: list[Entry] = field(default_factory=list)
    loose: bool = False            # entries matched only on the skeleton key
    bare: bool = False             # entries matched by the name without its "Town" ("Orange Walk Town")
    want: str | None = None        # "admin1", "admin2", "city" or "not_city" from the words around it
    qualifier: str | None = None   # "Qaim, Iraq": the text of the qualifying name
    landmark: bool = False         # "Freedom Square": a site within a town
    locative: bool = False         # after "in", "at", "from" ...
    proper: bool = True            # tagged a proper noun ("Still, ..." at a sentence start is not)
    described: str | None = None   # "Abu Haraz, a village": the kind an apposition gives it
    dateline: bool = False         # the dateline's city ("BEIRUT —")
    respelling: bool = False       # "the town, also spelled Laukkaing": another name of the last place
    sentence: int = 0              # start offset of its sentence
    abbreviation: bool = False     # "Calif.", "U.S.": entries come from places/data/abbreviations.yaml
    part: bool = False             # "Cibitoke, a northern neighbourhood of the capital": a part of a town
    called_town: bool = False      # "the village of Tallousa": the text calls it a town
    village: bool = False          # ... and a small one: "the villages of Mansoura and ..."
    modifier: bool = False         # it modifies a noun: "the Yeysk plant", "Thai troops"
    scene: bool = False            # "In Roche-Bois, a man was shot": its sentence is set there (`opens_in`)
    of_a_site: bool = False        # "the Palace of Justice": it ends a site's name after "of" (`of_a_named_site`)
    speaker: bool = False          # "Washington said": a town that speaks is its government (`speaks`)


@dataclass(frozen=True)
class Abbreviation:
    """What an abbreviation stands for: a country (ISO code), a division of one (its name), or a
    region of the gazetteer (its name, no country)."""

    country: str | None
    division: str | None = None


OLDEST_AGE = 110  # a number above it after a name is no age


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, Abbreviation]:
    """Text as written → what it stands for, from `places/data/abbreviations.yaml`."""
    raw = load_yaml(resources.files("frontlines.places").joinpath("data/abbreviations.yaml").read_text("utf-8"))
    out = {text: Abbreviation(code) for code, texts in raw["countries"].items() for text in texts}
    for code, divisions in raw["divisions"].items():
        out.update({text: Abbreviation(code, name) for name, texts in divisions.items() for text in texts})
    out.update({text: Abbreviation(None, name) for name, texts in raw["regions"].items() for text in texts})
    return out


@lru_cache(maxsize=1)
def abbreviation_pattern() -> re.Pattern:
    """One pattern for every abbreviation, longest first, standing alone ("Va." not inside "W.Va.")."""
    texts = sorted(abbreviations(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(t) for t in texts) + r")(?![\w])")


def abbreviation_entries(text: str, gazetteer: Gazetteer) -> list[Entry]:
    """The gazetteer entry an abbreviation stands for ("Calif." → California, US)."""
    abbr = abbreviations().get(text)
    if abbr is None:
        return []
    if abbr.division is None:
        country = gazetteer.country(abbr.country)
        return [country] if country is not None else []
    found = gazetteer.by_name([abbr.division]).get(name_key(abbr.division), [])
    if abbr.country is None:
        return [e for e in found if e.feature in ("region", "water")][:1]
    return [e for e in found if e.feature == "admin1" and e.country_code == abbr.country][:1]


def add_abbreviations(doc: Doc, cands: dict[tuple[int, int], Candidate], gazetteer: Gazetteer) -> None:
    """Abbreviations as places: "Springfield, Ill.", "the U.S.", "N.J." (the small model tags some,
    as ORG or GPE, and misses others)."""
    taken = {i: key for key in cands for i in range(*key)}
    for m in abbreviation_pattern().finditer(doc_text(doc)):
        entries = abbreviation_entries(m.group(), gazetteer)
        if not entries:
            continue
        keys = {taken[i] for i in range(m.start(), m.end()) if i in taken}
        if any(cands[k].entries and not cands[k].abbreviation and (k[1] - k[0]) > len(m.group()) for k in keys):
            continue  # part of a longer known name
        for k in keys:
            del cands[k]
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        sentence = sentence_start(span) if span is not None else 0
        cands[(m.start(), m.end())] = Candidate(Span(m.group(), m.start(), m.end()), "GPE", entries,
                                                sentence=sentence, abbreviation=True, locative=True)
        taken.update({i: (m.start(), m.end()) for i in range(m.start(), m.end())})


# An ALL-CAPS dateline where a story starts, after a headline on the same line:
# "... for re-election. CROMWELL — The third Democrat", "ST. PAUL, Minn. —"
UPPER_WORD = f"{UPPER_LETTER}[{UPPER_LETTERS}.'’-]+"
CAPS_DATELINE = re.compile(rf"(?:^|(?<=[.!?\n]\s)|(?<=\n))({UPPER_WORD}(?: {UPPER_WORD}){{0,3}})"
                           rf"(?=(?:,? {UPPER_LETTER}[\w.]*(?: {UPPER_LETTER}[\w.]*)?)? ?(?:—|–|--|-(?= )|\(AP\)))")


def add_caps_datelines(doc: Doc, cands: dict[tuple[int, int], Candidate], gazetteer: Gazetteer) -> None:
    """ALL-CAPS datelines the reader did not see as the article's (a headline before them on the
    same line): the town the story is filed from, when the gazetteer knows it."""
    taken = {i for key in cands for i in range(*key)}
    for m in CAPS_DATELINE.finditer(doc_text(doc)):
        name = m.group(1).rstrip(".")
        end = m.start(1) + len(name)
        if (m.start(1), end) in cands:
            cands[(m.start(1), end)].dateline = True  # "SAN ANTONIO" is no acronym
            continue
        entries = [e for e in gazetteer.by_name([name]).get(name_key(name), []) if e.feature != "site"]
        if not entries or taken.intersection(range(m.start(1), end)):
            continue
        span = doc.char_span(m.start(1), m.start(1) + len(name), alignment_mode="expand")
        sentence = sentence_start(span) if span is not None else 0
        cands[(m.start(1), m.start(1) + len(name))] = Candidate(
            Span(name, m.start(1), m.start(1) + len(name)), "GPE", entries, sentence=sentence, dateline=True)


def is_capitalised(tok) -> bool:
    """A token that can start or continue a proper name."""
    return capitalised(tok.text)


def capitalised(text: str) -> bool:
    """A word that can start or continue a proper name."""
    return text[:1].isupper() and (text.isalpha() or "-" in text or "'" in text or "’" in text)


def name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Runs of capitalised tokens, joined by hyphens and Arabic articles ("Deir ez-Zor")."""
    runs, i, n = [], 0, len(doc)
    for first in tokens_where(doc, "ORTH", capitalised):  # the first words only: not every token read
        if first.i < i:
            continue  # inside the run before
        i, j = first.i, first.i + 1
        while j < n and sum(t.text != "-" for t in doc[i:j]) < MAX_RUN:  # words, not hyphens: "Saint-Laurent-du-Maroni"
            tok = doc[j]
            # a hyphen inside a name joins ("Deir ez-Zor"); a spaced dash does not ("BEN GUERDANE - Tunisian forces")
            joiner = (tok.text == "-" and not doc[j - 1].whitespace_) or tok.lower_ in ARABIC_ARTICLES \
                or tok.lower_ in NAME_JOINERS
            nxt = doc[j + 1] if j + 1 < n else None
            joiner = joiner or hyphened_word(doc, j)  # "Pointe-à-Pitre", "Rostov-on-Don"
            continues = nxt is not None and (is_capitalised(nxt) or nxt.text == "-" or (
                tok.text == "-" and (nxt.lower_ in NAME_JOINERS or hyphened_word(doc, j + 1))))  # "Mazar-i-Sharif"
            if is_capitalised(tok) or (joiner and continues):
                j += 1
            else:
                break
        start = article_before(doc, i)
        while start < j - 1 and doc[start].is_sent_start and doc[start].pos_ != "PROPN":
            start += 1  # "On Kimathi Street": a capital that only starts the sentence
        if not all(t.is_stop for t in doc[start:j]):  # "The ministry said": "The" names nothing
            runs.append((start, j))
        i = j
    return runs


def article_before(doc: Doc, i: int) -> int:
    """Where a name whose first capital is token i starts: at a lower-case Arabic article joined
    to it by a hyphen ("al-Qaryatayn", "el-Fasher"), else at i."""
    if 2 <= i < len(doc) and is_capitalised(doc[i]) and doc[i - 1].text == "-" \
            and doc[i - 2].lower_ in ARABIC_ARTICLES and doc[i - 2].is_lower \
            and not (doc[i - 2].whitespace_ or doc[i - 1].whitespace_):
        return i - 2
    return i


def hyphened_word(doc: Doc, j: int) -> bool:
    """Whether token j is a lower-case word held between two hyphens, with no space on either
    side, inside a name ("à" of "Pointe-à-Pitre", "on" of "Rostov-on-Don")."""
    return 0 < j < len(doc) - 1 and doc[j].is_alpha and doc[j].is_lower and doc[j - 1].text == "-" \
        and doc[j + 1].text == "-" and not (doc[j - 1].whitespace_ or doc[j].whitespace_)


def sub_spans(start: int, end: int) -> list[tuple[int, int]]:
    """Every sub-span of a run, longest first."""
    return [(a, a + size) for size in range(end - start, 0, -1) for a in range(start, end - size + 1)]


def gazetteer_spans(doc: Doc, gazetteer: Gazetteer) -> tuple[list[tuple[SpacySpan, list[Entry]]], list[SpacySpan]]:
    """The longest sub-spans of capitalised runs that the gazetteer knows, without overlaps;
    and the runs that are not known as a whole."""
    runs = [doc[s:e] for s, e in name_runs(doc)]
    names = [(run, *name) for run in runs for name in run_names(run, doc_text(doc))]
    found = gazetteer.by_name([text for *_, text in names])
    taken: set[int] = set()
    out = []
    for run, start, end, text in names:
        entries = found.get(name_key(text))
        if not entries:
            continue
        if end - start == 1 and start > run.start and doc[start].lower_ in place_words()["role_heads"]:
            continue  # "the Chief District Officer": a title, not Officer, Victoria
        if is_landmark(run) and end - start < len(run) and not any(e.feature == "country" for e in entries):
            continue  # "Kimathi Street" is a street, not the English village of Street ("the United
                      # States embassy" still names the United States)
        if not taken.intersection(range(start, end)):
            taken.update(range(start, end))
            out.append((doc[start:end], entries))
    whole = {(span.start, span.end) for span, _ in out}
    unknown = [r for r in runs if (r.start, r.end) not in whole]  # "Abu Haraz", where only "Abu" is known
    return out, unknown


def run_names(run: SpacySpan, text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each sub-span of a run that may be a name (`is_name_edge` at both
    ends), longest first; the texts cut from the document's, not from a spaCy span made for each."""
    toks = list(run)
    edge = [is_name_edge(t) for t in toks]
    opens = [e or opening_joiner(t) for e, t in zip(edge, toks)]
    # a word of grammar alone is no part of a longer name ("In" of "In Amenas" is no In Buri, Thailand,
    # though a whole name may be one, "the town of Same", and a town's in a title is one: "Side Mayor")
    return [(run.start + a, run.start + b, text[toks[a].idx:toks[b - 1].idx + len(toks[b - 1])])
            for a, b in sub_spans(0, len(toks)) if opens[a] and edge[b - 1]
            and not (b - a == 1 < len(toks) and toks[a].is_stop and grammatical(toks[a]))]


def opening_joiner(tok) -> bool:
    """A joining word written with a capital that opens a name ("La Paz", "Le Havre"; `opening_joiners`)."""
    return tok.text[:1].isupper() and tok.lower_ in place_words()["opening_joiners"]


def grammatical(tok) -> bool:
    """A word of grammar, by its tag or, where the model takes it for part of a name ("the In Amenas gas
    plant"), by the word itself (`grammar_words`)."""
    return tok.pos_ in GRAMMAR_POS or tok.lower_ in place_words()["grammar_words"]


def is_name_edge(tok) -> bool:
    """Whether a token can start or end a name (not a hyphen, not a joining word, not a lower-case
    Arabic article standing alone: "the bridge over the Orontes at Rastan" names Rastan, not "at
    Rastan", and "took Taloqan as fighters ..." names Taloqan, though both fold to those keys)."""
    if article_before(tok.doc, tok.i + 2) == tok.i:
        return True  # "al" of "al-Qaryatayn" opens the name it is joined to
    return tok.text != "-" and tok.lower_ not in NAME_JOINERS and tok.text not in ARABIC_ARTICLES and not (
        tok.is_lower and tok.i > 0 and tok.doc[tok.i - 1].text == "-")


def route_chain(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The names joined by hyphens around tokens start..end that name a way by the towns at its
    ends ("the Gusau-Funtua road", "the Kaduna-Abuja highway": no spaces around the hyphen, a
    route word after), as a token range; None when they do not."""
    first, last = start, end
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ \
            and not doc[first - 1].whitespace_ and is_capitalised(doc[first - 2]):
        first -= 2
    while last + 1 < len(doc) and doc[last].text == "-" and not doc[last - 1].whitespace_ \
            and not doc[last].whitespace_ and is_capitalised(doc[last + 1]):
        last += 2
    joined = any(t.text == "-" for t in doc[first:last])
    return (first, last) if joined and last < len(doc) and doc[last].lower_ in place_words()["route"] else None


def route_towns(doc: Doc, known: list[tuple[SpacySpan, list[Entry]]]) -> set[tuple[int, int]]:
    """The token ranges of the towns at the ends of ways named by them (`route_chain`).
    A way counts only when every name in it is a town by its own name: "the Pan-American highway"
    and "the Trans-Papua highway" join no towns called Pan or Trans."""
    own = {(span.start, span.end) for span, entries in known if own_entries(span, entries)}
    out = set()
    for span, _ in known:
        chain = route_chain(doc, span.start, span.end)
        if chain is None or chain == (span.start, span.end):
            continue
        hyphens = [t.i for t in doc[chain[0]:chain[1]] if t.text == "-"]
        parts = list(zip([chain[0]] + [i + 1 for i in hyphens], hyphens + [chain[1]]))
        if all(part in own for part in parts):
            out.add((span.start, span.end))
    return out


def extend_name(doc: Doc, span: SpacySpan, label: str | None = None, entries: list[Entry] | None = None) -> SpacySpan:
    """Take a following kind word into the name: "Antonivskyi bridge", "Kherson region", "Shan State";
    and a word of works for a name that is no town by its own name, nor a people's (`label`): "the Warski
    shipyard", but not "the Tucson courthouse", "a Hindu temple", nor "Insurgents in Helmand plant bombs"
    (the name must modify the word)."""
    words = place_words()
    if span.end < len(doc) and span[-1].lower_ not in words["division"]:
        nxt = doc[span.end]
        # "Shan State" and "Bokkos Local Government Area" are names; "Kherson region" renders an
        # oblast's name; "Anbar province" is a name and a word
        n = kind_after(doc, span.end, "division", any_case=True)
        if n and (nxt.text[:1].isupper() or nxt.lower_ in NAME_KIND_WORDS):
            return doc[span.start:span.end + n]
        if nxt.lower_ in words["landmark"] and not nxt.text[:1].isupper():
            return doc[span.start:span.end + 1]
        if nxt.lower_ in words["works"] and span[-1].head.i == nxt.i and label != "NORP" \
                and not any(e.feature == "city" and name_key(e.name) == name_key(span.text) for e in entries or ()):
            return doc[span.start:span.end + 1]
    return span


def apposition_kind(span: SpacySpan) -> str | None:
    """"Abu Haraz, a village on the river" → "settlement"; "Mitiga, the city's airport" → "landmark"."""
    words = place_words()
    for tok in span.root.children:
        if tok.dep_ == "appos" and tok.i > span.end:
            for kind in ("landmark", "settlement", "division"):
                if tok.lemma_.lower() in words[kind]:
                    return kind
    return None


def copula_kind(span: SpacySpan) -> str | None:
    """"Djibo is a town in northern Burkina Faso" → "settlement": what the sentence says the name is
    (the small model tags such subjects PERSON)."""
    words = place_words()
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.lemma_ != "be":
        return None
    for tok in root.head.children:
        if tok.dep_ == "attr":
            for kind in ("landmark", "settlement", "division"):
                if tok.lemma_.lower() in words[kind]:
                    return kind
    return None


def held_kind(span: SpacySpan) -> str | None:
    """"Kherrata was firmly held by the Legion" → "settlement": a name held, overrun or shelled by someone
    (`held_ground`, in the passive with its doer) is ground; not a person's: held under arrest, for ransom or
    by kidnappers (`held_people_preps`, `captors`), a full name or a titled one."""
    root = span.root
    verb = root.head
    words = place_words()
    if root.dep_ != "nsubjpass" or verb.lemma_.lower() not in words["held_ground"]:
        return None
    titled = span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in words["person_titles"]
    if titled or (root.ent_type_ == "PERSON" and len(span) > 1):
        return None  # a titled name or a person's full name: "Mr Keita had been held by gunmen"
    if any(c.dep_ == "prep" and c.lower_ in words["held_people_preps"] for c in verb.children):
        return None  # "Bishop had been held under house arrest by a faction": a person held
    doers = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return "settlement" if doers and not any(g.lemma_.lower() in words["captors"] for g in doers) else None


def named_by_the_compass(span: SpacySpan) -> bool:
    """Whether a name is a point of the compass and a word of `compass_parts`: "the East Side", "the West End"."""
    words = [t.lower_ for t in span if t.lower_ != "the"]
    return len(words) == 2 and words[0] in place_words()["compass"] and words[1] in place_words()["compass_parts"]


def town_part(doc: Doc, span: SpacySpan) -> bool:
    """Whether the words around a name make it a part of a town (`place_words` neighbourhood):
    "Cibitoke, a northern neighbourhood of the capital", "the neighbourhoods of Mohammadpur, Badda,
    Rampura and Jatrabari", "the Canapé-Vert neighbourhood" (not the town in "the Stockholm suburb of
    Husby")."""
    words = place_words()["neighbourhood"]
    if named_by_the_compass(span):
        return True
    if any(t.dep_ == "appos" and t.i > span.end and t.lemma_.lower() in words for t in span.root.children):
        return True
    if span.end < len(doc) and doc[span.end].lower_ in words:
        # "the Canapé-Vert neighbourhood"; but "the Stockholm suburb of Husby" names the town it is in
        return not (span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "of")
    i = span.start - 1
    while i >= 0 and (is_capitalised(doc[i]) or doc[i].text in (",", "and", "-")) and i > span.start - 16:
        i -= 1  # walk back over the list "X, Y and" to what introduces it
    if not (i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lemma_.lower() in words):
        return False
    # "the neighbourhood of Kinama" is one; "the eastern neighbourhoods of Rafah" are the town's,
    # "the neighbourhoods of Mohammadpur, Badda and Rampura" a list of them
    listed = i + 1 < span.start or (span.end < len(doc) and doc[span.end].text in (",", "and"))
    return doc[i - 1].lower_ in words or listed


def is_landmark(span: SpacySpan) -> bool:
    """A name whose head word is a kind of site ("Tawakal Hotel", "Old City", "Plaza del Torico"); not a
    town named with an article before such a word ("Le Port", `name_articles`)."""
    words = place_words()["landmark"] | place_words()["works"]
    named = any(t.lower_ not in place_words()["name_articles"] for t in span[:-1])
    return len(span) > 1 and ((named and span[-1].lower_ in words) or span.text.lower() in words
                              or kind_first(span.text))


def kind_first(name: str) -> bool:
    """Whether a name of several words opens with the kind of site it is (`landmark_first`): "Plaza del
    Torico", "Rue de Rivoli" (the town of Rue is not meant)."""
    first, _, rest = name.partition(" ")
    return bool(rest) and first.lower() in place_words()["landmark_first"]


def after_its_kind(span: SpacySpan) -> bool:
    """Whether a name ends the name of a site that opens with its kind (`landmark_first`): "San Francisco"
    in "the Avenida San Francisco", which the model tags apart, is the street's, not a town."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.text[:1].isupper() and before.lower_ in place_words()["landmark_first"]


def kind_before(doc: Doc, span: SpacySpan) -> str | None:
    """A kind of place named just before: "the bridge at Hantoub", "southern districts such as
    Ain Zara and Qasr bin Ghashir" (the first of a list takes the kind for all)."""
    words = place_words()
    i = span.start - 1
    while i >= 0 and (doc[i].dep_ in ("conj", "cc") or doc[i].text in (",", "and")) and i > span.start - 12:
        i -= 1  # walk back over the list "X, Y and" to what introduces it
    if i >= 1 and doc[i].lower_ == "as" and doc[i - 1].lower_ == "such":
        i -= 2
    elif i >= 0 and doc[i].lower_ in ("at", "in", "near"):
        i -= 1
    else:
        return None
    noun = doc[i] if i >= 0 else None
    if noun is None:
        return None
    lemma = noun.lemma_.lower()
    for kind in ("landmark", "settlement", "division"):
        if lemma in words[kind] or noun.lower_ in words[kind]:
            return "landmark" if kind == "landmark" else "settlement"
    return None


def context(doc: Doc, span: SpacySpan, cand: Candidate) -> None:
    """Read the words around a candidate: its kind, its qualifier, a locative preposition."""
    words = place_words()
    before = doc[span.start - 1] if span.start > 0 else None
    before2 = doc[span.start - 2] if span.start > 1 else None
    after = doc[span.end] if span.end < len(doc) else None
    ending = kind_length([t.text for t in span], "division", at_end=True, any_case=True)
    kind = span[len(span) - ending:] if 0 < ending < len(span) else \
        doc[span.end:span.end + kind_after(doc, span.end, "division")]
    town_after = after is not None and after.lower_ in {"town", "city", "village"}
    if not kind and before is not None and before.lower_ == "of" and before2 is not None \
            and before2.lower_ in words["division"] and not town_after:
        kind = doc[before2.i:before2.i + 1]  # "the province of Anbar"; not "the X district of Sweida city"
    if kind:  # "Kherson region", "Shan State", "Anbar province"; "Kanawha County", "Kauru local government area"
        words_ = [t.text for t in kind]
        cand.want = "admin2" if kind_length(words_, "division2", any_case=True) == len(words_) else "admin1"
    elif (before is not None and before.lower_ == "of" and before2 is not None
          and before2.lemma_.lower() in words["settlement"]) or town_after:  # "the villages of Mansoura and ..."
        cand.want = "city"
        # "the village of Tallousa": a town even where the gazetteer lacks it (a site then); not
        # "the industrial suburb of Al-Hawban", a part of a town the text may not name
        cand.called_town = not town_after and before2.lemma_.lower() not in words["neighbourhood"]
        cand.village = cand.called_town and before2.lemma_.lower() in words["village"]
    elif before is not None and before.lower_ == "the" and not cand.landmark:
        cand.want = "not_city"  # "the Dnipro", "the Tigris": rivers and regions take the article, towns rarely do
    if after is not None and after.text == "," and span.end + 1 < len(doc) and abbreviation_after(doc, span.end + 1):
        cand.qualifier = abbreviation_after(doc, span.end + 1)  # "Springfield, Ill."
    elif after is not None and after.text == "," and span.end + 1 < len(doc) and is_capitalised(doc[span.end + 1]):
        cand.qualifier = doc[span.end + 1].text
        nxt = span.end + 2
        while nxt < len(doc) and is_capitalised(doc[nxt]) and nxt - span.end < 4:
            cand.qualifier += " " + doc[nxt].text
            nxt += 1
    cand.respelling = (before is not None and before.lower_ == "spelled") or (
        before2 is not None and before2.lower_ == "known" and before.lower_ == "as" and span.start > 2
        and doc[span.start - 3].lower_ == "also")
    prep = before2 if before is not None and before.lower_ == "the" else before
    first = span.root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "holds Tal Afar ... as well as Hawija": the list's first item
    cand.of_a_site = of_a_named_site(doc, span)
    cand.locative = (prep is not None and prep.lower_ in words["locative"] and not cand.of_a_site) or (
        first.dep_ == "dobj" and first.head.lemma_.lower() in words["place_verbs"]) or (
        first.dep_ == "nsubjpass" and first.head.lemma_.lower() in words["taken_verbs"]
        and not any(c.lower_ in words["taken_as"] for c in first.head.children))  # not "Jackson was taken prisoner"


def of_a_named_site(doc: Doc, span: SpacySpan) -> bool:
    """Whether a name ends the name of a site after "of" whose head is one named for a thing or a
    person (`named_for_a_thing`, `dedicated`: "the Palace of Justice", "the Temple of Bel", "the
    Mosque of Omar"): that "of" says nothing of a place.  Other sites' "of" names their town ("the
    Port of Mukalla", "the Barracks of Amran"), and so does an institution's ("the University of
    Cincinnati", "the Museum of Raqqa").  A town named elsewhere in the text still holds the site
    (`resolve.named_after`)."""
    head = doc[span.start - 2] if span.start > 1 and doc[span.start - 1].lower_ == "of" else None
    return head is not None and head.text[:1].isupper() and not head.is_sent_start \
        and head.lower_ in place_words()["named_for_a_thing"] | place_words()["dedicated"]


def abbreviation_after(doc: Doc, i: int) -> str | None:
    """The abbreviation written from token `i` on ("W.Va." may be two tokens), if any."""
    text, known = doc[i].text, abbreviations()
    if text in known:
        return text
    if i + 1 < len(doc) and doc[i + 1].text == "." and not doc[i].whitespace_ and text + "." in known:
        return text + "."
    return None


def make_candidate(doc: Doc, span: SpacySpan, label: str | None, entries: list[Entry],
                   route: bool = False) -> Candidate:
    """A candidate for a spaCy span, with its context read.  `route`: the span is a town at one
    end of a way named by its towns ("the Colombo-Kandy road" names Kandy, not "Kandy road")."""
    if span[0].lower_ in ("the", "a", "an") and len(span) > 1:
        span = span[1:]  # "An Interior Ministry spokesman" at a sentence's start
    while len(span) > 1 and span[-1].is_punct and span[-1].text != ".":
        span = span[:-1]  # "PANAMA CITY -", as the model tags a dateline (not the stop of "St.")
    if not route and not any(e.feature == "country" for e in entries):
        span = extend_name(doc, span, label, entries)  # "the United States embassy" names the United States
    cand = Candidate(Span(span.text, span.start_char, span.end_char), label, entries,
                     sentence=sentence_start(span))
    cand.landmark = is_landmark(span)
    cand.described = apposition_kind(span) or kind_before(doc, span) or copula_kind(span) or held_kind(span)
    cand.proper = any(t.pos_ == "PROPN" for t in span) or not span[0].is_sent_start
    cand.part = town_part(doc, span)
    cand.modifier = modifies(span)
    cand.speaker = speaks(span)
    context(doc, span, cand)
    if route:  # the towns a way joins, by their own names
        cand.want, cand.entries = "city", own_entries(span, entries)
    return cand


def overlapping_entity(span: SpacySpan, by_token: dict[int, SpacySpan]) -> SpacySpan | None:
    """The named entity (if any) that shares a token with `span`, trimmed to its words."""
    for i in range(span.start, span.end):
        if i in by_token:
            ent = by_token[i]
            # from each end only: a run the model tags as one entity may be thousands of tokens long
            first = next((t.i for t in ent if t.is_alpha), None)
            if first is None:
                return ent
            last = next(ent[k].i for k in range(len(ent) - 1, -1, -1) if ent[k].is_alpha)
            return ent.doc[first:last + 1]
    return None


def entity_label(span: SpacySpan, by_token: dict[int, SpacySpan]) -> str | None:
    """The label of the entity a gazetteer span sits in, "" when it is only part of a longer
    non-place name ("State" in "Islamic State"), None when it is in no entity."""
    ent = overlapping_entity(span, by_token)
    if ent is None:
        return None
    label = by_token[ent.start].label_ if ent.start in by_token else by_token[span.start].label_
    if label not in PLACE_LABELS and ent.start < span.start and span.doc[span.start - 1].lower_ in place_words()["site_in"]:
        return None  # "Soroka Medical Center in Beersheba", tagged one organisation: the town is its own name
    if label in TITLE_LABELS and listed_in(span, ent, place_words()["list_joiners"]):
        return None  # "the villages around Vardenis and Sotk", tagged one WORK_OF_ART
    if label not in PLACE_LABELS and listed_in(span, ent, {","}):
        return None  # "downed over Lahore, Rawalpindi, Karachi": "Lahore, Rawalpindi," is one ORG
        # (by commas only: "the Science and Junior Classroom wing" names no town Junior)
    if label in INSTITUTION_LABELS and names_its_place(span, ent):
        return None  # "the Madison County Sheriff's Department", "the University of Toronto" name a place
    if (ent.start < span.start or ent.end > span.end) and label not in PLACE_LABELS:
        return ""
    if label == "NORP" and all(t.pos_ == "ADJ" for t in span):
        return ""  # "Syrian" is an adjective, not a place
    return label


def names_its_place(span: SpacySpan, ent: SpacySpan) -> bool:
    """Whether a name is the place of an institution the entity `ent` names: it opens the name of
    one whose head is an institution's word (`place_words` institution: "the Madison County
    Sheriff's Department", "Springfield City Council"), or ends one after "of" ("the University of
    Toronto").  Not "Galle Face Green", a park in Colombo, not Galle's."""
    doc = span.doc
    opens = ent.start + (ent[0].lower_ == "the") == span.start and ent.end > span.end \
        and doc[ent.end - 1].lower_ in place_words()["institution"]
    ends = ent.end == span.end and ent.start < span.start and doc[span.start - 1].lower_ == "of"
    return opens or ends


def listed_in(span: SpacySpan, ent: SpacySpan, joiners) -> bool:
    """Whether a name is one item of a list the entity `ent` runs over: one of `joiners` ("and",
    a comma) stands beside it inside the entity."""
    doc = span.doc
    return (ent.start < span.start and doc[span.start - 1].lower_ in joiners) or (
        ent.end > span.end and doc[span.end].lower_ in joiners)


def listed_towns(doc: Doc, known: list[tuple[SpacySpan, list[Entry]]], by_token: dict[int, SpacySpan],
                 countries: set[str]) -> set[int]:
    """The first tokens of known names that are the items of an entity the model tags as one
    name ("had entered Hirske and Zolote", one ORG): the entity is towns the gazetteer knows with
    a list's joiner between each two ("Hannah Town" is no list of Hannah and Town), and one of
    `countries` (those of the places the model found) has a town of each item's name ("Marks and
    Spencer in Leeds" names no two American towns)."""
    towns = {span.start: (span, entries) for span, entries in known}
    joiners = place_words()["list_joiners"]
    out: set[int] = set()
    for ent in {id(e): e for e in by_token.values()}.values():
        if ent.label_ in PLACE_LABELS:
            continue
        items, i, joined = [], ent.start, True
        while i < ent.end:
            if joined and i in towns and towns[i][0].end <= ent.end:
                items.append(towns[i])
                i, joined = towns[i][0].end, False
            elif items and doc[i].lower_ in joiners:
                i, joined = i + 1, True
            else:
                break
        towns_of = [{e.country_code for e in entries if e.feature == "city"} for _, entries in items]
        if i == ent.end and not joined and len(items) > 1 and set.intersection(countries, *towns_of):
            out.update(span.start for span, _ in items)
    return out


def own_entries(span: SpacySpan, entries: list[Entry], qualified: bool = False) -> list[Entry]:
    """The entries a site-worded name ("Third Precinct", "Grand Junction") can be: a site, or a town
    by its own name; GeoNames lists "Third Precinct" among the other names of Amherst,
    Massachusetts, and a police precinct is a site of the story's own town.  A name that is nothing but
    a kind ("the Old Town", `landmark`) is a part of the story's town, whatever town bears it, unless
    `qualified` ("Old Town, Maine")."""
    if without_the(span.text).lower() in place_words()["landmark"] and not qualified:
        return []
    return [e for e in entries if e.feature == "site" or name_key(e.name) == name_key(span.text)]


def find_candidates(doc: Doc, gazetteer: Gazetteer) -> list[Candidate]:
    """Every name in `doc` that may be a place, in text order."""
    by_token = {i: ent for ent in entities(doc) for i in range(ent.start, ent.end)}
    cands: dict[tuple[int, int], Candidate] = {}
    # a name is written with a capital: "the west bank of the Blue Nile" is no West Bank
    ents = [e for e in entities(doc) if e.label_ in PLACE_LABELS and any(t.text[:1].isupper() for t in e)]
    found = gazetteer.by_name([without_the(e.text) for e in ents])
    # a nationality is a place only where it names one ("in Somali"), never as a modifier ("Thai troops")
    ents = [e for e in ents if not is_nationality(e.text) or names_a_country(e, found) or (
        found.get(name_key(without_the(e.text))) and not modifies(e))]
    things = names_of_things(ents)
    ents = [e for e in ents if (found.get(name_key(without_the(e.text))) or e.text not in things)
            and not names_a_vessel(e) and not names_an_agency(e.text) and not after_its_kind(e)
            and not names_a_document(e)]  # "the Indo-Sri Lanka Accord", tagged a building
    for ent in ents:
        cand = make_candidate(doc, ent, ent.label_, found.get(name_key(without_the(ent.text)), []))
        if cand.landmark:
            cand.entries = []  # "the Old City" is a part of this story's town, not Jerusalem's
        cands[(cand.span.start, cand.span.end)] = cand
    known, unknown = gazetteer_spans(doc, gazetteer)
    routes = route_towns(doc, known)  # a pair the model tags as one place keeps it ("the Kaduna-Abuja" highway)
    by_start: dict[int, list[tuple[int, int]]] = {}  # indexed once: a long text has thousands of names
    for key in cands:
        by_start.setdefault(key[0], []).append(key)
    for span, entries in known:
        inside = [k for start in range(span.start_char, span.end_char) for k in by_start.get(start, [])
                  if k in cands and k[1] <= span.end_char and k != (span.start_char, span.end_char)]
        for key in inside:  # "Mazar-i-Sharif" where the model saw only "Mazar"
            del cands[key]
    covered = {i for c in cands.values() for i in range(c.span.start, c.span.end)}
    named_countries = {max(es, key=lambda e: e.population).country_code for es in found.values() if es}
    towns_listed = listed_towns(doc, known, by_token, named_countries)
    # a name the text gives a movement ("the Amal movement") is the movement's wherever it names its men ("Amal
    # gunmen"; but "fighting in Misrata" after "the Misrata faction" is the town)
    movements = {name_key(span.text) for span, entries in known if names_a_movement(span, entries)}
    for span, entries in known:
        route = (span.start, span.end) in routes  # "the Gusau-Funtua road", tagged one organisation
        label = None if route or span.start in towns_listed else entity_label(extend_name(doc, span), by_token)
        if label in TIME_LABELS and not any(t.like_num or t.lower_ in TIME_NAMES for t in doc[span.start:span.end]):
            label = None  # "In Moengo, in the east, ...", which the model takes for a date, names no day
        if covered.intersection(range(span.start_char, span.end_char)) or label == "" or label in NEVER_PLACE \
                or (is_nationality(span.text) and modifies(span) and not names_a_country(span, {name_key(span.text): entries})) \
                or dedication(span, label) or (name_key(span.text) in movements and names_mens_side(span)) \
                or names_a_vessel(span) or names_an_agency(span.text) \
                or names_a_document(span):  # "Accord" of "the Indo-Sri Lanka Accord"
            continue
        cand = make_candidate(doc, span, label, entries, route)
        if cand.landmark:
            cand.entries = own_entries(span, entries, cand.qualifier is not None)
        cands[(cand.span.start, cand.span.end)] = cand
    taken = {i for c in cands.values() for i in range(c.span.start, c.span.end)}
    for cand in unknown_candidates(doc, unknown, by_token):
        if not taken.intersection(range(cand.span.start, cand.span.end)):  # no known name overlaps it
            cands[(cand.span.start, cand.span.end)] = cand
            taken.update(range(cand.span.start, cand.span.end))
    spans = {key: doc.char_span(c.span.start, c.span.end, alignment_mode="expand") for key, c in cands.items()}
    known_tokens = {i for key, c in cands.items() if c.entries for i in range(spans[key].start, spans[key].end)}
    for key, cand in cands.items():
        span = spans[key]
        kind = kind_ending_a_list(span)
        if kind in place_words()["landmark"]:
            cand.landmark, cand.entries = True, []  # "Florence and Normandie avenues"
        elif kind in place_words()["listed_parts"] and names_the_gazetteer_lacks(span, known_tokens):
            # "the Nzeng-Ayong, Rio and PK8 districts": parts of the story's town, no Rio de Janeiro (but "the Bucha
            # and Irpin suburbs", towns all, keep their points)
            cand.landmark, cand.entries = True, [e for e in cand.entries if e.feature in ("admin1", "admin2")
                                                 and name_key(e.name) in (name_key(cand.span.text),
                                                                          name_key(f"{cand.span.text} {kind}"))]
    add_abbreviations(doc, cands, gazetteer)
    add_caps_datelines(doc, cands, gazetteer)
    starts = {c.span.start for c in cands.values()}
    text = doc_text(doc)
    return sorted((c for c in cands.values() if not kind_of_the_next(c, starts, text) and not given_an_age(doc, c)),
                  key=lambda c: c.span.start)


def given_an_age(doc: Doc, c: Candidate) -> bool:
    """Whether a name that is a clause's subject is followed by an age between commas, as a person's is:
    "Khan, 70, was arrested" (not a tally, "casualties in Kandahar, 14, Helmand, 9, and Kunduz, 4")."""
    span = doc.char_span(c.span.start, c.span.end, alignment_mode="expand")
    if span is None or span.end + 2 >= len(doc) or span.root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    comma, number, after = doc[span.end], doc[span.end + 1], doc[span.end + 2]
    return comma.text == "," and after.text == "," and number.text.isdigit() and 0 < int(number.text) < OLDEST_AGE


def names_the_gazetteer_lacks(span: SpacySpan, known_tokens: set[int]) -> bool:
    """Whether the list a name is one of holds a name the gazetteer does not know ("Nzeng-Ayong" and "PK8" of "the
    Nzeng-Ayong, Rio and PK8 districts"): `known_tokens` are those of the names it knows."""
    doc, joiners = span.doc, place_words()["list_joiners"]
    start, end = span.start, span.end
    while start > 0 and end - start < MAX_RUN and (doc[start - 1].lower_ in joiners
                                                   or doc[start - 1].text[:1].isupper()):
        start -= 1
    while end < len(doc) and end - start < MAX_RUN and (doc[end].lower_ in joiners or doc[end].text[:1].isupper()):
        end += 1
    return any(doc[i].text[:1].isupper() and i not in known_tokens for i in range(start, end))


def kind_ending_a_list(span: SpacySpan) -> str | None:
    """The plural kind of place that ends a list a name is one of, as its lemma: "avenue" for "at the corner
    of Florence and Normandie avenues" (two avenues, not Florence, Alabama, nor Normandy), "district" for "the
    Nzeng-Ayong, Rio and PK8 districts"."""
    doc, end = span.doc, span.end
    j = end
    joiners = place_words()["list_joiners"]
    while j < len(doc) and j - end < MAX_RUN and (doc[j].lower_ in joiners or doc[j].text[:1].isupper()):
        j += 1  # (a name of the list may hold figures: "PK8")
    if j < len(doc) and doc[j - 1].text[:1].isupper() and doc[j].tag_ == "NNS" and doc[j].is_lower:
        return doc[j].lemma_
    return None


def kind_of_the_next(c: Candidate, starts: set[int], text: str) -> bool:
    """Whether a site-worded name only says what kind of settlement the place named after it is: "the
    small Red Sea port of Midi" is Midi (`settlement`, written in lower case, then "of" and a name)."""
    last = c.span.text.split()[-1]
    after = c.span.end + len(" of ")
    return c.landmark and last.islower() and last in place_words()["settlement"] and after in starts \
        and text[c.span.end:after] == " of "


MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def dedication(span: SpacySpan, label: str) -> bool:
    """Whether a person's or saint's name is the one a building is dedicated to, not where it
    stands: "the chapel of St Peter and St Paul" in Cairo is not Saint Paul, Minnesota."""
    if label != "PERSON" and not span.text.startswith(("St ", "St. ", "Saint ")):
        return False
    word = span.root
    while word.dep_ == "conj" and word.head.i != word.i:
        word = word.head
    prep = word.head
    return word.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in place_words()["dedicated"]


def names_a_movement(span: SpacySpan, entries: list[Entry]) -> bool:
    """Whether a town's name only names the organisation or the document after it, with adjectives or names at
    most between: "the leader of the Haq movement" is no Haq, Iran, nor "the Badr Shi'ite political party"
    Badr, Egypt, nor "the Oslo Accords" Oslo (`place_words` organisations, documents; not "the Homs front",
    nor "the Khan Younis tunnel network"; a country or a state still is where its party is: "the Ohio Democratic
    Party")."""
    head = span.root.head
    between = span.doc[span.end:head.i] if head.i >= span.end else None
    if not (modifies(span) and between is not None and all(t.pos_ in ("ADJ", "PROPN") for t in between)):
        return False
    heads = {head.lemma_.lower(), head.lower_}
    return bool(heads & place_words()["documents"]) or (
        bool(heads & place_words()["organisations"]) and not any(e.feature in ("country", "admin1") for e in entries))


def names_a_document(span: SpacySpan) -> bool:
    """Whether a name ends with the word for a document, a deal or a law (`documents`): "the Indo-Sri Lanka Accord"."""
    return span[-1].lower_ in place_words()["documents"]


def names_a_vessel(span: SpacySpan) -> bool:
    """Whether a name is a ship's (`place_words` vessels): right after its kind ("the cruisers Chester and San
    Francisco", "the destroyer USS Cole") or aboard it (`vessel_preps`: "officers aboard the Florida"); not
    a place after a ship's clause ("a missile struck the ship, Ukraine said")."""
    words = place_words()
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    start = min(first.left_edge.i, span.start)
    before = span.doc[start - 1] if start > 0 and not span.doc[start].is_sent_start else None
    return (before is not None and before.lemma_.lower() in words["vessels"]) \
        or any(c.dep_ in ("compound", "amod") and c.i < span.start and c.lemma_.lower() in words["vessels"]
               for c in first.children) \
        or (first.dep_ == "appos" and first.head.lemma_.lower() in words["vessels"]) \
        or (first.dep_ == "pobj" and first.head.lower_ in words["vessel_preps"])


def names_mens_side(span: SpacySpan) -> bool:
    """Whether a name modifies a noun, itself or as one of a list that does ("Hezbollah and Amal gunmen")."""
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first.dep_ in MODIFIER_DEPS


def modifies(span: SpacySpan) -> bool:
    """Whether a name modifies a noun ("Thai troops", "the Thai side")."""
    return span.root.dep_ in MODIFIER_DEPS


def names_a_country(span: SpacySpan, found: dict) -> bool:
    """Whether a name is a country's as well as its nationality ("Myanmar forces")."""
    return any(e.feature == "country" for e in found.get(name_key(without_the(span.text)), []))


def is_nationality(text: str) -> bool:
    """Whether a name is a nationality adjective ("Ukrainian officials said", "South Vietnamese"), which the model
    may tag as a place: a person's or a side's nationality, never a place."""
    from frontlines.actors.dictionary import nationalities

    name = without_the(text).lower()
    *first, last = name.split() or [""]
    # after compass words too: "South Vietnamese troops", "North Korean"
    return name in nationalities() or (last in nationalities() and all(w in place_words()["compass"] for w in first))


def speaks(span: SpacySpan) -> bool:
    """Whether a name is the subject of a verb of speech ("the ministry said") or its source
    ("according to the ministry")."""
    head = span.root
    if head.dep_ == "nsubj":
        return head.head.lemma_.lower() in place_words()["speech"]
    if head.dep_ == "pobj" and head.head.lower_ == "to":
        return head.head.head.lemma_.lower() in place_words()["speech"]
    return False


def without_the(text: str) -> str:
    """"The United States" → "United States"."""
    return text[4:] if text[:4].lower() == "the " else text


def names_an_agency(text: str) -> bool:
    """Whether a name is a news agency's ("Xinhua", "SANA"; `news_agencies`, `agency_acronyms`)."""
    words = place_words()
    return without_the(text).lower() in words["news_agencies"] or text in words["agency_acronyms"]


def names_of_things(spans: list[SpacySpan]) -> set[str]:
    """Names that are no place: a scripture's or a feast's ("a Quran", "Easter": `place_words`
    not_places), or one that ends with a time word ("over the Easter weekend", time_heads)."""
    words = place_words()
    return {s.text for s in spans if s.text.lower() in words["not_places"] or s[-1].lower_ in words["time_heads"]}


def opens_in(run: SpacySpan) -> bool:
    """Whether a name the gazetteer lacks is where its sentence is set, told first: "In Roche-Bois, a
    musician was shot dead" (the model may tag it an organisation; not "In the UN, ...", nor a name the
    model tags a language or a people, nor an actor of the dictionary, "In Hamas, ...")."""
    doc, head = run.doc, run.root.head
    return run.root.dep_ == "pobj" and head.lower_ == "in" and head.is_sent_start and head.i == run.start - 1 \
        and run.end < len(doc) and doc[run.end].text == "," and not run.text.isupper() \
        and run.root.ent_type_ not in ("LANGUAGE", "NORP") and run.text.lower() not in actor_names()


@lru_cache(maxsize=1)
def actor_names() -> frozenset[str]:
    """The actor dictionary's names and aliases, lower case: "In Hamas, officials called for a strike" is
    no place."""
    from frontlines.actors.dictionary import shipped_entries  # the actors' data

    return frozenset(n.lower() for e in shipped_entries() for n in (e.name, *e.aliases))


def names_a_time(text: str) -> bool:
    """Whether a name is a day's or a month's ("Wednesday", "October"), in English."""
    return all(w.lower() in TIME_NAMES for w in text.split())


def unknown_candidates(doc: Doc, runs: list[SpacySpan], by_token: dict[int, SpacySpan]) -> list[Candidate]:
    """Runs the gazetteer does not know by exact name, kept when their context says "place":
    a site word ("Kimathi Street"), an apposition ("Abu Haraz, a village"), or "the town of X".
    Their entries are looked up later by skeleton key."""
    out = []
    things = names_of_things(runs)
    for run in runs:
        if is_nationality(run.text) or run.text in things or names_a_document(run):
            continue  # (nor "Accord" of "the Indo-Sri Lanka Accord")
        label = entity_label(run, by_token)
        if label in TIME_LABELS and names_a_time(run.text):
            continue  # "Zaria on Wednesday, the town where ...": a day is never a place
        cand = make_candidate(doc, run, label or None, [])
        if cand.landmark and run.root.ent_type_ == "ORG" and speaks(run):
            continue  # "Russia's Defence Ministry said": the ministry, not its building
        cand.scene = opens_in(run)
        if cand.landmark or cand.described or cand.want in ("city", "admin1", "admin2") or label in PLACE_LABELS \
                or cand.scene:
            out.append(cand)
        elif label not in NEVER_PLACE and label != "" and cand.proper and not run.text.isupper():
            cand.loose = True  # worth a skeleton look-up ("Gharian" for Gharyan), nothing more
            out.append(cand)
    return out
