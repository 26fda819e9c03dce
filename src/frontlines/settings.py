"""Settings: every mode and threshold of `settings.yaml`, read once and checked."""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources

from frontlines import yamlfile
from frontlines.yamlfile import load_yaml
from frontlines.errors import UsageError

EVENT_MODES = ("rules", "rules+model", "model")
CHOICES = {"new_event_where": ("no_trigger", "lexicon_silent"), "retype_into": ("any", "same_type")}


@dataclass(frozen=True)
class EventSettings:
    """How the events stage combines its trigger rules and its sentence classifier."""

    mode: str
    new_event_min: float
    new_event_beside_rules: float
    brief_max_sentences: int
    retype_min: float
    retype_rule_max: float
    drop_none_min: float
    coarse_drop_none_min: float
    coarse_retype_min: float
    new_event_where: str
    retype_into: str


def check_events(raw: dict, where: str) -> EventSettings:
    """The events section, each key known and of the right kind, or a one-line error naming it."""
    names = {f.name for f in fields(EventSettings)}
    unknown = set(raw) - names
    missing = names - set(raw)
    if unknown or missing:
        raise UsageError(f"{where}: events: unknown {sorted(unknown)} / missing {sorted(missing)}; "
                         f"the keys are {sorted(names)}")
    if raw["mode"] not in EVENT_MODES:
        raise UsageError(f"{where}: events.mode is {raw['mode']!r}; use one of {', '.join(EVENT_MODES)}")
    for name, choices in CHOICES.items():
        if raw[name] not in choices:
            raise UsageError(f"{where}: events.{name} is {raw[name]!r}; use one of {', '.join(choices)}")
    if not isinstance(raw["brief_max_sentences"], int) or raw["brief_max_sentences"] < 0:
        raise UsageError(f"{where}: events.brief_max_sentences is {raw['brief_max_sentences']!r}; give a whole number")
    for name in names - {"mode", "brief_max_sentences", *CHOICES}:
        if not isinstance(raw[name], (int, float)) or not 0 <= raw[name] <= 1:
            raise UsageError(f"{where}: events.{name} is {raw[name]!r}; give a probability between 0 and 1")
    return EventSettings(**raw)


@lru_cache(maxsize=1)
def settings() -> EventSettings:
    """The shipped settings, or the file `FRONTLINES_SETTINGS` names (to compare modes and
    thresholds without editing the package)."""
    import os
    from pathlib import Path

    other = os.environ.get("FRONTLINES_SETTINGS")
    path = Path(other) if other else resources.files("frontlines").joinpath("settings.yaml")
    try:
        raw = load_yaml(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yamlfile.YAMLError) as err:
        raise UsageError(f"{path}: cannot read the settings ({err}); fix the file or unset FRONTLINES_SETTINGS") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("events"), dict):
        raise UsageError(f"{path}: no `events:` section; copy the shipped settings.yaml and edit it")
    return check_events(raw["events"], str(path))
