"""Which language a document is in: frontlines reads English, and says so of anything else.

py3langid (a naive Bayes model shipped in its wheel, offline, ~0.2 ms a text) is asked
only about texts long enough to judge, and a text counts as foreign only when the
model is confident: a short English note full of Arabic names must still be read.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

MIN_LETTERS = 100        # fewer letters than this: too short to judge, read as English (no English
                         # sentence of the dev and extra articles, 60 letters or more, is misjudged)
MIN_CONFIDENCE = 0.95    # the model's probability that the text is in its top language
SAMPLE_CHARS = 20_000    # the language of a long text is judged on its beginning
# English words that other languages written in Latin letters hardly use.  Where they make up
# this share of a text's words, it is English without asking the model (which takes 0.7 s to
# load, a third of a cold start).
ENGLISH_WORDS = frozenset("the of and to that is was for with by from which this were have has said their "
                          "they had been who would after its".split())
ENGLISH_SHARE = 0.15
WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def identifier():
    """py3langid's identifier with probabilities, loaded once (about 0.7 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def language_names() -> dict[str, str]:
    """ISO 639 code → English name, from `read/data/languages.tsv`."""
    raw = resources.files("frontlines.read").joinpath("data/languages.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in raw.splitlines() if line and not line.startswith("#"))
    return {code: name for code, name in rows}


def foreign_language(text: str) -> str | None:
    """The name of the language `text` is confidently written in when that is not English, else None."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    words = WORD.findall(sample.lower())
    if sum(w in ENGLISH_WORDS for w in words) >= ENGLISH_SHARE * len(words):
        return None
    code, probability = identifier().classify(sample)
    if code == "en" or probability < MIN_CONFIDENCE:
        return None
    return f"{language_names().get(code, code)} ({code})"
