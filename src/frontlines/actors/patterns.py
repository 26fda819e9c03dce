"""The actor patterns: a nationality's forces ("Iraqi troops", "Kyrgyz and Tajik border guards"),
militias backed by a state ("Iranian-backed militias") and a community's militia ("the Abgaal
clan"), matched by spaCy's Matcher.

The Matcher takes a step for each pattern at every token it is run on.  Every pattern ends with
a word of a short list (a head: "troops", "police", "clan") and holds at most `reach` tokens
beside its runs of modifiers ("government", "security"), so it is run only over the windows
that end with such a word, not over the whole document: the same matches, at a fraction of the cost.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from frontlines.nlp import token_values, tokens_where

# The label of the patterns for a nationality of `size` words ("state 2": "South Sudanese troops"),
# whose words are token sets: `pattern_matches` keeps a match only where they name one nationality.
LONGER_NATIONALITY = "{label} {size}"
# After "the <people>", a word of these parts of speech makes the people's word a modifier.
NAME_GOES_ON = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


@dataclass
class ActorPatterns:
    """The compiled patterns, and what bounds their matches."""

    matcher: Matcher
    nationalities: dict[str, str]
    demonyms: dict[str, str]   # "iraqis" → "IQ": "the Iraqis" alone are Iraq's forces
    peoples_doings: frozenset[str]  # verbs of a people as a people ("the Americans said"): no side acting
    ends: frozenset[str]       # the words, in lower case, a pattern ends with
    modifiers: frozenset[str]  # the words of the patterns' open-ended runs ("OP": "*")
    reach: int                 # the most tokens a pattern matches besides those runs


def build_patterns(vocab: Vocab, nationalities: dict[str, str], generic: dict,
                   demonyms: dict[str, str]) -> ActorPatterns:
    """The patterns of the nationalities' forces (heads from `generic.yaml`), the peoples' ("the
    Iraqis"), the backed militias and the communities' militias."""
    specs: list[tuple[str, list[list[dict]]]] = []
    modifiers = {"LOWER": {"IN": generic["modifiers"]}, "OP": "*"}
    # "Iraqi troops": a nationality of one word; "Central African soldiers": of more, a token set for
    # each word, under a label that says how many (`LONGER_NATIONALITY`), not a pattern for each
    # nationality: each pattern costs a step at every token.  Which words stand together is checked
    # in `pattern_matches`
    one_word = {"LOWER": {"IN": [n for n in nationalities if " " not in n]}}
    longer: dict[int, list[list[str]]] = {}
    for n in nationalities:
        if " " in n:
            longer.setdefault(len(n.split()), []).append(n.split())
    longer_words = {size: [{"LOWER": {"IN": sorted({words[k] for words in names})}} for k in range(size)]
                    for size, names in sorted(longer.items())}
    for label, heads in (("state", generic["state_heads"]), ("police", generic["police_heads"])):
        # a head of one word ("troops") or two ("border guards", "air defences"): two token sets, not a pattern
        # for each head
        pairs = [h.split() for h in heads if " " in h]
        head_words = [[{"LOWER": {"IN": [h for h in heads if " " not in h]}}],
                      [{"LOWER": {"IN": sorted({a for a, _ in pairs})}}, {"LOWER": {"IN": sorted({b for _, b in pairs})}}]]
        if label == "state":  # "Ukraine's 93rd Mechanised Brigade"
            head_words.append(numbered_unit(generic["numbered_units"]))
        specs.append((label, [[one_word, modifiers, *head] for head in head_words]))
        for size, token_sets in longer_words.items():
            specs.append((LONGER_NATIONALITY.format(label=label, size=size),
                          [[*token_sets, modifiers, *head] for head in head_words]))
        # "Kyrgyz and Tajik border guards": two states' forces, split in `named_spans` (nationalities of one
        # word: a pattern for each pair of longer ones would cost every document for a rare phrase)
        specs.append((f"{label} pair", [[one_word, {"LOWER": "and"}, one_word, modifiers, *head] for head in head_words]))
    specs.append(("backed", [[{"IS_TITLE": True}, {"ORTH": "-"}, {"LOWER": "backed"},
                              {"LOWER": {"IN": ["militias", "militia", "forces", "groups", "rebels", "fighters"]}}]]))
    # "the Ambulin clan", "Sikin clansmen", "Murad tribesmen": a community's militia (ACLED's identity militias)
    community = {"IS_TITLE": True, "IS_STOP": False, "POS": "PROPN", "OP": "{1,3}"}  # bounded: "Aleppo " * 100,000
    identity_noun = {"LOWER": {"IN": list(generic["identity_nouns"])}}
    specs.append(("identity", [[community, identity_noun], [community, {"LOWER": "and"}, community, identity_noun]]))
    specs.append(("people", [[{"LOWER": "the"}, {"LOWER": {"IN": list(demonyms)}}]]))
    matcher = Matcher(vocab)
    for label, patterns in specs:
        matcher.add(label, patterns)
    every = [p for _, patterns in specs for p in patterns]
    return ActorPatterns(matcher, nationalities, demonyms, frozenset(generic["peoples_doings"]), frozenset(w for p in every for w in words_of(p[-1])),
                         frozenset(w for p in every for t in p if t.get("OP") == "*" for w in words_of(t)),
                         max(bounded_length(p) for p in every))


def numbered_unit(units: dict) -> list[dict]:
    """The tokens of an army's unit named by an ordinal: "40th Armoured Brigade", "Second Army" (not a count,
    "40 battalions", "two battalion commanders": a cardinal's tag is CD)."""
    return [{"LIKE_NUM": True, "IS_DIGIT": False, "TAG": {"NOT_IN": ["CD"]}}, {"LOWER": {"IN": units["kinds"]}, "OP": "{0,3}"},
            {"LOWER": {"IN": units["heads"]}}]


def words_of(token: dict) -> list[str]:
    """The lower-case words a pattern's token matches (its LOWER: a word or a set of them); a pattern
    must end with one, and its open-ended runs must be of such tokens, for `windows` to find them."""
    lower = token.get("LOWER")
    if lower is None:
        raise ValueError(f"an actor pattern must end with, and repeat, only LOWER tokens: {token}")
    return [lower] if isinstance(lower, str) else list(lower["IN"])


def bounded_length(pattern: list[dict]) -> int:
    """The most tokens a pattern matches besides its open-ended runs ("OP": "*"): a token with
    "{1,3}" counts 3."""
    n = 0
    for token in pattern:
        op = token.get("OP")
        if op == "*":
            continue
        if op in ("+", "{,}") or (op and op.startswith("{") and op.endswith(",}")):
            raise ValueError(f"an actor pattern's repeated token must be '*' or bounded: {token}")
        n += int(op.strip("{}").split(",")[-1]) if op and op.startswith("{") else 1
    return n


def pattern_matches(doc: Doc, patterns: ActorPatterns) -> list[tuple[str, int, int]]:
    """(label, start, end) of every match of the actor patterns in `doc`, matched once per document
    (the places stage and the actors stage both ask).  A match of a nationality of several words
    (`LONGER_NATIONALITY`) is kept where its words name one ("South Sudanese troops", not "South
    Korean" crossed with "Sudanese"), under its label ("state")."""
    key = ("frontlines_actor_patterns", id(patterns))
    if key not in doc.user_data:
        found: dict[tuple[str, int, int], None] = {}
        for first, last in windows(doc, patterns):
            for match_id, start, end in patterns.matcher(doc[first:last]):
                start, end = start + first, end + first  # the Matcher counts from the window's start
                label = doc.vocab.strings[match_id]
                head, _, size = label.rpartition(" ")
                if size.isdigit():
                    if " ".join(t.lower_ for t in doc[start:start + int(size)]) not in patterns.nationalities:
                        continue
                    label = head
                if label == "people" and not a_side_acting(doc[start:end], end, patterns.peoples_doings):
                    continue  # "the Japanese army", "kidnapped the Americans": a people, no side acting
                found.setdefault((label, start, end))
        doc.user_data[key] = list(found)
    return doc.user_data[key]


def a_side_acting(span, end: int, peoples_doings: frozenset[str]) -> bool:
    """Whether "the <people>" names a side that acts: a subject (not of `peoples_doings`, nor of "took to the
    streets"), an agent ("taken by the Iraqis"), or what a town fell to ("fell to the Japanese"); not a word
    that modifies a noun after it ("the Japanese army"), nor people acted on ("kidnapped the Americans")."""
    doc, word = span.doc, span[-1]
    if end < len(doc) and doc[end].pos_ in NAME_GOES_ON:
        return False
    if word.dep_ == "nsubj":  # not "the Lebanese took to the streets", "the Americans said"
        return word.head.lemma_.lower() not in peoples_doings and not any(
            c.dep_ == "prep" and c.lower_ == "to" and any(o.lemma_.lower() == "street" for o in c.children)
            for c in word.head.children)
    return word.dep_ == "pobj" and (word.head.dep_ == "agent" or (word.head.lower_ == "to"
                                                                   and word.head.head.lemma_ == "fall"))


def windows(doc: Doc, patterns: ActorPatterns) -> list[tuple[int, int]]:
    """Token ranges [first, last) that hold every match: from each word a pattern ends with, back
    over `reach` - 1 other tokens and every modifier among and before them; overlapping ones joined."""
    found, strings = token_values(doc, "LOWER")
    lowers = found.tolist()
    modifier = {h for h, s in strings.items() if s in patterns.modifiers}
    out: list[tuple[int, int]] = []
    for tok in tokens_where(doc, "LOWER", patterns.ends.__contains__):
        first, left = tok.i, patterns.reach - 1
        while first > 0 and (left > 0 or lowers[first - 1] in modifier):
            left -= lowers[first - 1] not in modifier
            first -= 1
        while out and first <= out[-1][1]:
            first = min(first, out.pop()[0])
        out.append((first, tok.i + 1))
    return out
