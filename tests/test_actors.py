"""Actors: the dictionary and its loader, nationality patterns, generic words in context."""
from __future__ import annotations

import pytest

from frontlines.actors.dictionary import parse_entries
from frontlines.errors import UsageError


def actor_of(report, text: str) -> str:
    """The canonical name of the actor a mention text belongs to."""
    for actor in report.actors:
        if any(m.text == text for m in actor.mentions):
            return actor.name
    raise AssertionError(f"no actor mention {text!r} in {[(a.name, [m.text for m in a.mentions]) for a in report.actors]}")


@pytest.mark.parametrize("text, mention, name", [
    ("BEIRUT — ISIS fighters fled as Daesh lost ground in Raqqa, Syria.", "Daesh", "Islamic State"),
    ("BEIRUT — The SDF advanced on Raqqa, Syria.", "SDF", "Syrian Democratic Forces"),
    ("MOSUL, Iraq — Iraqi troops advanced on the city of Mosul.", "Iraqi troops", "Military Forces of Iraq"),
    ("NIAMEY, Niger — Nigerien soldiers patrolled the town of Tillaberi.", "Nigerien soldiers", "Military Forces of Niger"),
    ("NAIROBI, Kenya — Kenyan police fired tear gas in Nairobi.", "Kenyan police", "Police Forces of Kenya"),
    ("BEIRUT — Iranian-backed militias moved into Deir ez-Zor, Syria.", "Iranian-backed militias", "Iranian-backed militias"),
    # a nationality of two words; a group's long name the model tags only by its acronym
    ("BANGUI — Central African soldiers, backed by UN peacekeepers, beat back the rebels on Wednesday.",
     "Central African soldiers", "Military Forces of the Central African Republic"),
    ("BANGUI — Fighters of the Coalition of Patriots for Change (CPC) attacked army positions at PK12.", "CPC",
     "Coalition of Patriots for Change"),
    # a community's name before "clan", "clansmen", "tribesmen": its militia, as ACLED names it, and no place
    ("MOGADISHU — Fighters of the Abgaal clan attacked a base near Balcad, Somalia.", "Abgaal clan",
     "Abgaal Clan Militia (Somalia)"),
    ("WABAG, Papua New Guinea — The Sikin and Kaekin clans ambushed a convoy near Wabag.", "Sikin and Kaekin clans",
     "Sikin Clan Militia (Papua New Guinea)"),
    ("MARIB, Yemen — Murad tribesmen clashed with Houthi fighters near Marib.", "Murad tribesmen",
     "Murad Tribal Militia (Yemen)"),
    # forces loyal to the president are the state's
    ("BUJUMBURA, Burundi — Forces loyal to the president held the airport on Friday.",
     "Forces loyal to the president", "Military Forces of Burundi"),
    # a nationality before a head of two words: border guards, air defences
    ("DUSHANBE, Tajikistan — Kyrgyz border guards fired on a Tajik post near Isfara on Friday.",
     "Kyrgyz border guards", "Military Forces of Kyrgyzstan"),
    ("SANAA, Yemen — Saudi air defences intercepted two drones over Jizan on Sunday.",
     "Saudi air defences", "Military Forces of Saudi Arabia"),
    # two nationalities before one head: each state's forces
    ("DUSHANBE, Tajikistan — Kyrgyz and Tajik troops clashed near Isfara on Friday.", "Kyrgyz",
     "Military Forces of Kyrgyzstan"),
    ("DUSHANBE, Tajikistan — Kyrgyz and Tajik troops clashed near Isfara on Friday.", "Tajik troops",
     "Military Forces of Tajikistan"),
])
def test_named_actors(extract, text, mention, name):
    assert actor_of(extract(text, published="2017-11-03"), mention) == name


def test_generic_words_resolve_in_context(extract):
    text = ("MOSUL, Iraq — The Islamic State lost the city of Mosul in Iraq on Monday. "
            "The militants fled west. The army said its units had cleared the Old City.")
    report = extract(text, published="2017-07-10")
    assert actor_of(report, "The militants") == "Islamic State"
    assert actor_of(report, "The army") == "Military Forces of Iraq"


def test_rebels_are_never_the_peacekeepers(extract):
    text = "BANGUI — UN peacekeepers patrolled the capital on Monday. The rebels attacked a checkpoint near Bimbo."
    assert actor_of(extract(text, published="2021-01-14"), "The rebels") != "United Nations"


def test_a_groups_name_takes_no_day(extract):
    text = ("Kidnappings followed, and by Sunday Druze gunmen and Bedouin fighters were fighting in the "
            "al-Maqous district of Sweida, Syria.")
    names = [a.name for a in extract(text, published="2025-07-17").actors]
    assert not any("Sunday" in n for n in names), names


def test_a_group_named_in_its_own_modifiers(extract):
    text = "TRIPOLI, Libya — Fighters aligned with the GNA stormed the town of Gharyan, Libya."
    assert actor_of(extract(text, published="2019-06-27"), "Fighters") == "Government of National Accord"


def test_dictionary_entries_from_a_user_file(extract, tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("- name: Northern Brigade\n  aliases: [the Brigade]\n  kind: rebel_group\n  country: LY\n")
    report = extract("TRIPOLI, Libya — The Brigade seized the town of Gharyan on Wednesday.",
                     published="2019-06-27", actor_files=(extra,))
    assert actor_of(report, "The Brigade") == "Northern Brigade"


@pytest.mark.parametrize("text, line, message", [
    ("- name: A\n  kind: rebel_group\n- name: B\n  kind: bandits\n", 3, "kind 'bandits'"),
    ("- name: A\n  kind: rebel_group\n- kind: state_forces\n", 3, "needs a 'name'"),
    ("- name: A\n  aliases: oops\n", 1, "'aliases' must be a list"),
    ("name: A\n", 1, "expected a list"),
    ("- name: A\n  kind: rebel_group\n  kind: state_forces\n", 3, "the key 'kind' twice"),
])
def test_malformed_dictionaries_name_the_line(text, line, message):
    with pytest.raises(UsageError, match=rf"mine.yaml: line {line}: .*{message}"):
        parse_entries(text, "mine.yaml")


def test_invalid_yaml_names_the_file():
    with pytest.raises(UsageError, match=r"mine.yaml: line \d+: not valid YAML"):
        parse_entries("- name: [unclosed\n", "mine.yaml")


def test_the_country_of_a_dateline_is_no_doer(extract):
    # the parser takes "Colombia" for the subject of "kidnapped"
    report = extract("BOGOTA, Colombia — ELN guerrillas kidnapped a farmer in Barrancas on Saturday.",
                     published="2023-10-30")
    kinds = {a.id: a.kind for a in report.actors}
    assert [kinds[e.actor1] for e in report.events] == ["rebel_group"]
    assert "Military Forces of Colombia" not in {a.name for a in report.actors}


def test_a_country_that_only_is_does_not_act(extract):
    report = extract("COLOMBO - Sri Lanka was under an indefinite curfew on Tuesday after supporters of the ruling "
                     "party attacked protesters in the capital.", published="2022-05-10")
    assert "Military Forces of Sri Lanka" not in {a.name for a in report.actors}
