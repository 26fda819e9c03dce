"""YAML data files: parsed with libyaml's loader where PyYAML has it (a tenth of the time of the
pure-Python one), once per version of a file's text (`frontlines.cache.compiled`): a start that
finds every file compiled neither parses one nor imports PyYAML."""
from __future__ import annotations

from typing import Any

from frontlines.cache import compiled


def safe_loader():
    """PyYAML's safe loader class, libyaml's where it is there (imports PyYAML)."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def __getattr__(name: str):
    # `yamlfile.YAMLError`, for an `except` clause: PyYAML is imported when an error is there to
    # match, not at every start.
    if name == "YAMLError":
        import yaml

        return yaml.YAMLError
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_yaml(text: str) -> Any:
    """The data of a YAML text, safely (no Python objects), as `yaml.safe_load` gives it; a fresh
    copy at each call."""
    return compiled("yaml", text, lambda: parse_yaml(text))


def parse_yaml(text: str) -> Any:
    """The data of a YAML text, parsed now."""
    import yaml

    return yaml.load(text, Loader=safe_loader())


def load_word_lists(text: str, path: str) -> dict[str, frozenset[str]]:
    """A data file of named word lists, each checked to be a list of words: YAML reads a bare
    on, no, yes or off as true or false, which would never match a word."""
    raw = load_yaml(text)
    bad = [k for k, v in raw.items() if not isinstance(v, list) or not all(isinstance(w, str) for w in v)]
    if bad:
        raise ValueError(f"{path}: {', '.join(bad)} must each be a list of words "
                         "(quote words YAML reads otherwise, such as \"on\")")
    return {k: frozenset(v) for k, v in raw.items()}
