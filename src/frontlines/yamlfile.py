"""YAML data files, read with libyaml's loader where PyYAML has it (a tenth of the time of the
pure-Python one: the data files are read at every start)."""
from __future__ import annotations

from typing import Any

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The data of a YAML text, safely (no Python objects), as `yaml.safe_load` gives it."""
    return yaml.load(text, Loader=SAFE_LOADER)


def load_word_lists(text: str, path: str) -> dict[str, frozenset[str]]:
    """A data file of named word lists, each checked to be a list of words: YAML reads a bare
    on, no, yes or off as true or false, which would never match a word."""
    raw = load_yaml(text)
    bad = [k for k, v in raw.items() if not isinstance(v, list) or not all(isinstance(w, str) for w in v)]
    if bad:
        raise ValueError(f"{path}: {', '.join(bad)} must each be a list of words "
                         "(quote words YAML reads otherwise, such as \"on\")")
    return {k: frozenset(v) for k, v in raw.items()}
