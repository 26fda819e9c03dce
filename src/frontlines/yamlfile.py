"""YAML data files: parsed with libyaml's loader where PyYAML has it (a tenth of the time of the
pure-Python one), once per version of a file's text (`frontlines.cache.compiled`): a start that
finds every file compiled neither parses one nor imports PyYAML."""
from __future__ import annotations

from functools import lru_cache
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
    """The data of a YAML text, parsed now; a key given twice in one mapping is an error (YAML
    would keep the last silently, and the first entry would never work)."""
    import yaml

    return yaml.load(text, Loader=unique_keys_loader())


@lru_cache(maxsize=1)
def unique_keys_loader():
    """The safe loader, refusing a mapping that gives a key twice."""
    import yaml

    class UniqueKeysLoader(safe_loader()):
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if not isinstance(key, (str, int, float, bool)):
                    continue  # (an unhashable key is PyYAML's own error to give)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        "while reading a mapping", node.start_mark,
                        f"found the key {key!r} twice; YAML keeps only the last: merge the two", key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return UniqueKeysLoader


def load_word_lists(text: str, path: str) -> dict[str, frozenset[str]]:
    """A data file of named word lists, each checked to be a list of words: YAML reads a bare
    on, no, yes or off as true or false, which would never match a word."""
    raw = load_yaml(text)
    bad = [k for k, v in raw.items() if not isinstance(v, list) or not all(isinstance(w, str) for w in v)]
    if bad:
        raise ValueError(f"{path}: {', '.join(bad)} must each be a list of words "
                         "(quote words YAML reads otherwise, such as \"on\")")
    return {k: frozenset(v) for k, v in raw.items()}
