"""The actor dictionary: canonical names, aliases, kinds, countries; from YAML files users extend."""
from __future__ import annotations

import difflib
import re
from dataclasses import astuple, dataclass, field, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path

from frontlines.cache import compiled
from frontlines.errors import FrontlinesError, UsageError
from frontlines.yamlfile import load_yaml, unique_keys_loader

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a day of country_names.yaml's names_then

FIELDS = ("name", "aliases", "kind", "country", "only_in")
KINDS = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces",
                   "protesters", "rioters", "civilians", "other"})


@dataclass
class ActorEntry:
    """One dictionary entry."""

    name: str
    kind: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    only_in: list[str] = field(default_factory=list)


@dataclass
class ActorDictionary:
    """All entries by canonical name, and nationality adjectives to country codes."""

    entries: dict[str, ActorEntry]
    nationalities: dict[str, str]


def parse_entries(text: str, source: str) -> list[ActorEntry]:
    """Entries from a YAML text; a malformed one raises a UsageError naming the file and line."""
    import yaml

    loader = unique_keys_loader()(text)  # one pass: the nodes give each actor's line, the data its fields
    try:
        nodes = loader.get_single_node()
        documents = loader.construct_document(nodes) if nodes is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise UsageError(f"{source}: {where}not valid YAML ({getattr(exc, 'problem', None) or 'syntax error'})") from None
    finally:
        loader.dispose()
    if nodes is None:
        return []
    if not isinstance(nodes, yaml.SequenceNode):
        raise UsageError(f"{source}: line 1: expected a list of actors (lines starting with '- name:')")
    return [entry_of(node, data, source) for node, data in zip(nodes.value, documents)]


def entry_of(node, data, source: str) -> ActorEntry:
    """One actor from its YAML node and data, every field checked; errors name the file and line."""
    line = node.start_mark.line + 1
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        raise UsageError(f"{source}: line {line}: each actor needs a 'name'")
    for key_node, _ in node.value:
        if key_node.value not in FIELDS:
            close = difflib.get_close_matches(str(key_node.value), FIELDS, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "the fields are " + ", ".join(FIELDS)
            raise UsageError(f"{source}: line {key_node.start_mark.line + 1}: unknown field {key_node.value!r}; {hint}")
    kind = data.get("kind", "other")
    if kind not in KINDS:
        raise UsageError(f"{source}: line {line}: kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    aliases = data.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise UsageError(f"{source}: line {line}: 'aliases' must be a list of names, e.g. [Wagner, PMC Wagner]")
    only_in = data.get("only_in") or []
    if not isinstance(only_in, list) or not all(isinstance(c, str) for c in only_in):
        raise UsageError(f"{source}: line {line}: 'only_in' must be a list of country codes, e.g. [SY, IQ]")
    country = data.get("country")
    for code in ([country] if country is not None else []) + only_in:
        if not isinstance(code, str) or code not in country_codes():
            raise UsageError(f"{source}: line {line}: {code!r} is not an ISO 3166-1 alpha-2 country code "
                             "(SY, IQ, ML)")
    return ActorEntry(data["name"], kind, country, aliases, only_in)


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The country codes GeoNames knows."""
    from frontlines.places.gazetteer import geonames_countries

    return frozenset(geonames_countries())


def packaged(name: str) -> str:
    """The text of a data file shipped in `actors/data`."""
    return resources.files("frontlines.actors").joinpath(f"data/{name}").read_text("utf-8")


def load_dictionary(extra: tuple[Path, ...] = ()) -> ActorDictionary:
    """The shipped dictionary, with entries from `extra` files added or overriding by name
    (read once per set of files: `load_dictionary()` and `load_dictionary(())` are one)."""
    return dictionary_with(tuple(Path(p) for p in extra))


@lru_cache(maxsize=8)
def dictionary_with(extra: tuple[Path, ...]) -> ActorDictionary:
    """`load_dictionary`, cached on the files' paths."""
    entries = {e.name: e for e in shipped_entries()}
    for path in extra:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise UsageError(f"{path}: cannot read the actors file ({exc.strerror})") from None
        except UnicodeDecodeError as exc:
            line = text_line(Path(path).read_bytes(), exc.start)
            raise UsageError(f"{path}: line {line}: not UTF-8 text (byte {exc.object[exc.start]:#04x}); "
                             "save the actors file as UTF-8") from None
        for entry in parse_entries(text, str(path)):
            take_over(entries, entry)
    return ActorDictionary(entries, nationalities() | country_possessives())


def shipped_entries() -> list[ActorEntry]:
    """The entries of the shipped `actors.yaml`, parsed and checked once per version of the file
    (kept compiled in the cache: `frontlines.cache`)."""
    text = packaged("actors.yaml")
    rows = compiled("actors", text, lambda: [astuple(e) for e in parse_entries(text, "actors.yaml")],
                    shape=",".join(f.name for f in fields(ActorEntry)))
    return [ActorEntry(*row) for row in rows]


@lru_cache(maxsize=1)
def acled_country_names() -> dict:
    """`country_names.yaml`: ACLED's spelling of a country where GeoNames' differs ("names", ISO code
    → name), the names that take "the" in a state's forces ("with_the"), other names news gives a
    country ("short_names") and the names states bore in their day ("names_then"); a "names_then" entry
    without a name or with a day not written "YYYY-MM-DD" is an error naming the file and the country."""
    data = load_yaml(packaged("country_names.yaml"))
    for code, spans in (data.get("names_then") or {}).items():
        for span in spans:
            if not isinstance(span, dict) or not span.get("name") \
                    or not all(DAY.fullmatch(str(span.get(k, "0000-01-01"))) for k in ("from", "until")) \
                    or "until" not in span:
                raise FrontlinesError(f"country_names.yaml: names_then: {code}: each entry needs a name, until: "
                                      f"\"YYYY-MM-DD\" and optionally from: \"YYYY-MM-DD\" (quoted), got {span!r}")
    return {"names": dict(data["names"]), "with_the": frozenset(data["with_the"]),
            "short_names": dict(data.get("short_names", {})), "names_then": dict(data.get("names_then", {}))}


def names_on(names: dict[str, str], published: str | None) -> dict[str, str]:
    """Country names as a story of the day `published` ("YYYY-MM-DD...") gives them: the name of that day
    where `country_names.yaml` lists one ("Zaire" in 1978), else today's."""
    if not published:
        return names
    day = published[:10]
    then = {code: span["name"] for code, spans in acled_country_names()["names_then"].items() for span in spans
            if str(span.get("from", "0000-01-01")) <= day < str(span["until"])}
    return names | then if then else names


@lru_cache(maxsize=1)
def nationalities() -> dict[str, str]:
    """Nationality adjective, lower-cased ("ukrainian") → its country's ISO code, from
    `nationalities.yaml`."""
    return {k.lower(): v for k, v in load_yaml(packaged("nationalities.yaml")).items()}


@lru_cache(maxsize=1)
def country_possessives() -> dict[str, str]:
    """A country's name with its possessive, as the tokens of a nationality ("syria 's") → its ISO code:
    "Syria's army", "Guinea's special forces" are that state's forces, as "Syrian troops" are."""
    from frontlines.places.gazetteer import geonames_countries  # the places' data: read late

    names = {code: c["name"] for code, c in geonames_countries().items()} | acled_country_names()["names"]
    named = {name: code for code, name in names.items()} | acled_country_names()["short_names"]
    return {f"{name.lower()} {mark}": code for name, code in named.items() for mark in ("'s", "’s")}


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """A people's name, lower-cased ("iraqis") → its state's ISO code, from `demonyms.yaml`: "the
    Iraqis" alone are Iraq's forces."""
    return {k.lower(): v for k, v in load_yaml(packaged("demonyms.yaml")).items()}


def text_line(data: bytes, offset: int) -> int:
    """The line number of a byte offset."""
    return data.count(b"\n", 0, offset) + 1


def take_over(entries: dict[str, ActorEntry], entry: ActorEntry) -> None:
    """Add a user's entry, which takes its names from the entries before it: an earlier entry
    loses the aliases the new one claims, and one whose own name it claims is replaced (so
    "Wagner PMC" with the alias "Wagner Group" is one actor, not two)."""
    claimed = {n.casefold() for n in [entry.name, *entry.aliases]}
    for name in [n for n, e in entries.items() if n != entry.name and n.casefold() in claimed]:
        del entries[name]
    for other in entries.values():
        other.aliases = [a for a in other.aliases if a.casefold() not in claimed]
    entries[entry.name] = entry
