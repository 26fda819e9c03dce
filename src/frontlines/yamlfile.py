"""YAML data files, read with libyaml's loader where PyYAML has it (a tenth of the time of the
pure-Python one: the data files are read at every start)."""
from __future__ import annotations

from typing import Any

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The data of a YAML text, safely (no Python objects), as `yaml.safe_load` gives it."""
    return yaml.load(text, Loader=SAFE_LOADER)
