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
    ("BANGUI — Fighters of the Central African Patriotic Movement (MPC) attacked army positions at PK12.", "MPC",
     "Central African Patriotic Movement"),
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
    # the army's own police are the military (ACLED)
    ("PARAMARIBO, Suriname — Military police detained two reporters in Paramaribo on Tuesday.", "Military police",
     "Military Forces of Suriname"),
    # but Brazil's state police are called military police
    ("SAO PAULO, Brazil — Military police fired tear gas at students in Sao Paulo on Tuesday.", "Military police",
     "Police Forces of Brazil"),
    # a people's name alone, as a side of a war, is its state's forces
    ("TEHRAN — Khorramshahr was taken by the Iraqis on 26 October 1980.", "the Iraqis", "Military Forces of Iraq"),
    ("PORT MORESBY — The Japanese still hold Buna and Gona.", "The Japanese", "Military Forces of Japan"),
    # what a side leaves behind, its warships and its mountain troops name its forces
    ("PORT MORESBY — A patrol clashed with a Japanese rearguard near Oivi.", "Japanese rearguard",
     "Military Forces of Japan"),
    ("HARSTAD — British destroyers attacked the German cruisers in the harbour.", "German cruisers",
     "Military Forces of Germany"),
    ("HARSTAD — German mountain troops still hold the line near Bjornfjell.", "German mountain troops",
     "Military Forces of Germany"),
    # a state's unit named by whose it is
    ("HOMS — Government artillery shelled nearby Talbiseh on Thursday night.", "Government artillery",
     "Military Forces of Syria"),
    # a name the dictionary lacks that says it is an armed group's; not a state's army named by its people
    ("KHARTOUM — The port was captured by the Eritrean People's Liberation Front on Saturday.",
     "Eritrean People's Liberation Front", "Eritrean People's Liberation Front"),
])
def test_named_actors(extract, text, mention, name):
    assert actor_of(extract(text, published="2017-11-03"), mention) == name


def test_a_states_army_named_by_its_people_is_no_armed_group(extract):
    """"the Lao People's Army" is Laos's army, not a group of its own as "the Caprivi Liberation Army" and "the
    Hmong Chao Fa Army" (no dictionary names them) are."""
    report = extract("VIENTIANE — The Lao People's Army regained control of the checkpoint on Monday. The Hmong "
                     "Chao Fa Army said it had taken a post near Long Cheng. The Caprivi Liberation Army has not "
                     "spoken.",
                     published="2000-07-05")
    assert sorted(a.name for a in report.actors if a.kind == "rebel_group") == [
        "Caprivi Liberation Army", "Hmong Chao Fa Army"], report.actors
    # a state's army named by its country; a party, a network and a charity are no armed groups
    report = extract("HARARE — Soldiers of the Zimbabwe National Army opened fire on protesters in Harare on "
                     "Wednesday. Police in Bulawayo arrested 20 members of the Liberation Party. The Women's "
                     "Liberation Network held a rally. Volunteers of the Church Relief Army handed out food.",
                     published="2019-01-20")
    assert not [a.name for a in report.actors if a.kind == "rebel_group"], report.actors
    assert not [a for a in report.actors if a.name == "Lao People's Army"], report.actors


def test_a_peoples_word_before_a_noun_is_no_side(extract):
    """"the Japanese people", "the British public": the people's word modifies a noun, no forces."""
    report = extract("LONDON — The British public and the Japanese people watched the talks on Friday.",
                     published="1982-05-26")
    assert not [a.name for a in report.actors if a.name.startswith("Military Forces")], report.actors


def test_one_state_one_actor_whatever_it_is_called(extract):
    """"Sudan's armed forces" and "Sudanese warplanes" are one actor, by ACLED's name."""
    report = extract("JUBA — Sudan's armed forces moved into Heglig on Friday. Sudanese warplanes bombed Bentiu on "
                     "Thursday.", published="2012-04-21")
    assert actor_of(report, "Sudan's armed forces") == actor_of(report, "Sudanese warplanes") == "Military Forces of Sudan"


def test_words_of_two_nationalities_crossed_name_none(extract):
    """"East" (East Timorese) and "African" (South African) make no nationality: no state's forces."""
    report = extract("MOGADISHU — East African troops patrolled the port on Wednesday.", published="2017-11-03")
    assert not [m.text for a in report.actors for m in a.mentions if "African" in m.text]


@pytest.mark.parametrize("text, label, matched", [
    # a run of modifiers longer than any pattern's fixed tokens: the window reaches back over all of it
    ("BAGHDAD — Iraqi security special federal riot regular elite national rocket troops advanced on Mosul.",
     "state", "Iraqi security special federal riot regular elite national rocket troops"),
    ("JUBA — South Sudanese army border guards fired on the crowd.", "state", "South Sudanese army border guards"),
    ("DUSHANBE — Kyrgyz and Tajik troops clashed near Isfara.", "state pair", "Kyrgyz and Tajik troops"),
    # and the longest pattern ("{1,3}" names on each side of "and") whole
    ("WABAG — The Sikin Yama Tol and Kaekin Ambo Wai clans ambushed a convoy.", "identity",
     "Sikin Yama Tol and Kaekin Ambo Wai clans"),
    ("BEIRUT — Iranian-backed militias moved into Deir ez-Zor.", "backed", "Iranian-backed militias"),
])
def test_actor_patterns_match_in_their_windows(text, label, matched):
    """The patterns run only over the windows that end with a head word, and find there the
    longest match they find over the whole text."""
    from frontlines.actors import matchers
    from frontlines.actors.patterns import pattern_matches
    from frontlines.nlp import load_model

    nlp = load_model()
    doc = nlp(text)
    found = [doc[start:end].text for name, start, end in pattern_matches(doc, matchers(nlp).patterns) if name == label]
    assert max(found, key=len) == matched


# Groups of every region, each found by an alias newsrooms use and named as ACLED names it.
@pytest.mark.parametrize("text, mention, name", [
    # the Bosnian war's sides
    ("VARES, Bosnia — HVO troops burned the village of Stupni Do on Saturday.", "HVO",
     "HVO: Croatian Defence Council"),
    ("SARAJEVO, Bosnia — Bosnian Serb forces shelled Sarajevo on Friday.", "Bosnian Serb forces",
     "VRS: Army of Republika Srpska"),
    # the Sahel, Lake Chad, Cameroon, Nigeria
    ("KIDAL, Mali — The CMA seized the town of Anefis on Friday.", "CMA", "CMA: Coordination of Azawad Movements"),
    ("TIMBUKTU, Mali — AQIM fighters attacked a convoy near Timbuktu on Monday.", "AQIM fighters",
     "AQIM: Al Qaeda in the Islamic Maghreb"),
    ("MOPTI, Mali — Members of Dan Na Ambassagou burned a village near Bankass on Sunday.", "Dan Na Ambassagou",
     "Dan Na Ambassagou"),
    ("DJIBO, Burkina Faso — VDP volunteers repelled an attack on Djibo on Tuesday.", "VDP volunteers",
     "VDP: Volunteers for the Defense of the Homeland"),
    ("N'DJAMENA, Chad — FACT rebels advanced on the town of Mao in Chad on Sunday.", "FACT rebels",
     "FACT: Front for Change and Concord in Chad"),
    ("MAIDUGURI, Nigeria — Members of the Civilian JTF repelled an attack on Konduga on Friday.", "Civilian JTF",
     "CJTF: Civilian Joint Task Force"),
    ("OWERRI, Nigeria — IPOB militants attacked a police station in Owerri on Monday.", "IPOB militants",
     "IPOB: Indigenous People of Biafra"),
    ("JOS, Nigeria — Fulani militiamen attacked a village near Bokkos, Nigeria, on Sunday.", "Fulani militiamen",
     "Fulani Ethnic Militia (Nigeria)"),
    ("BAMENDA, Cameroon — A priest was seized by Ambazonian separatists near Bamenda on Sunday.",
     "Ambazonian separatists", "Ambazonian Separatists"),
    # the Horn, Sudan, South Sudan
    ("NEKEMTE, Ethiopia — Oromo Liberation Army fighters attacked a bus near Nekemte on Monday.",
     "Oromo Liberation Army", "OLA: Oromo Liberation Army"),
    ("KADUGLI, Sudan — SPLM-N rebels shelled Kadugli on Sunday.", "SPLM-N rebels",
     "SPLM-N: Sudan People's Liberation Movement-North"),
    ("JUBA, South Sudan — SPLA-IO forces attacked a base in Nasir on Tuesday.", "SPLA-IO forces",
     "SPLM/A-IO: Sudan People's Liberation Movement/Army-In Opposition"),
    ("JUBA, South Sudan — The SSPDF recaptured the town of Nasir on Tuesday.", "SSPDF", "Military Forces of South Sudan"),
    # the Central African Republic, the Great Lakes, Mozambique
    ("BANGUI — Fighters of the CPC attacked army positions at Bimbo, Central African Republic.", "CPC",
     "CPC: Coalition of Patriots for Change"),
    ("BOUAR, Central African Republic — Anti-balaka militias attacked the town of Bouar on Monday.",
     "Anti-balaka militias", "Anti-Balaka"),
    ("BUNIA, Congo — CODECO militiamen attacked a camp near Djugu on Monday.", "CODECO militiamen",
     "CODECO: Cooperative for the Development of Congo"),
    ("GOMA, Congo — FDLR rebels attacked M23 positions near Sake on Monday.", "FDLR rebels",
     "FDLR: Democratic Forces for the Liberation of Rwanda"),
    ("PEMBA, Mozambique — Insurgents of the Islamic State Mozambique Province attacked Macomia on Friday.",
     "Islamic State Mozambique Province", "Islamic State Mozambique Province"),
    # Libya, the Middle East
    ("TRIPOLI, Libya — The Rada Special Deterrence Force clashed with a rival militia in Tripoli on Monday.",
     "Rada Special Deterrence Force", "Rada Special Deterrence Force"),
    ("BAGHDAD — Kataib Hezbollah fired rockets at a base near Baghdad, Iraq, on Friday.", "Kataib Hezbollah",
     "Kata'ib Hezbollah"),
    ("DIYARBAKIR, Turkey — PKK militants attacked a police post near Diyarbakir on Monday.", "PKK militants",
     "PKK: Kurdistan Workers' Party"),
    ("BEIRUT — Islamic Revolutionary Guard Corps units fired missiles at Erbil, Iraq, on Sunday.",
     "Islamic Revolutionary Guard Corps", "Military Forces of Iran"),
    ("ADEN, Yemen — AQAP militants attacked a Security Belt checkpoint in Abyan on Monday.", "AQAP militants",
     "AQAP: Al Qaeda in the Arabian Peninsula"),
    ("IDLIB, Syria — Fighters of Hurras al-Din attacked army positions near Idlib on Monday.", "Hurras al-Din",
     "Hurras al-Din"),
    # South and Central Asia, South-East Asia
    ("PESHAWAR, Pakistan — The Pakistani Taliban attacked a checkpoint near Bannu on Tuesday.", "Pakistani Taliban",
     "TTP: Tehrik-i-Taliban Pakistan"),
    ("QUETTA, Pakistan — BLA militants attacked a Frontier Corps post in Turbat on Monday.", "Frontier Corps",
     "Military Forces of Pakistan"),
    ("RAIPUR, India — Maoist rebels ambushed a patrol in Bijapur, Chhattisgarh, on Saturday.", "Maoist rebels",
     "CPI (Maoist): Communist Party of India (Maoist)"),
    ("DHAKA, Bangladesh — The Rapid Action Battalion arrested six men in Dhaka on Monday.", "Rapid Action Battalion",
     "Police Forces of Bangladesh"),
    ("MYAWADDY, Myanmar — KNLA troops overran a junta base near Myawaddy on Monday.", "KNLA troops",
     "KNLA: Karen National Liberation Army"),
    ("COTABATO, Philippines — BIFF militants attacked an army outpost in Maguindanao on Monday.", "BIFF militants",
     "BIFF: Bangsamoro Islamic Freedom Fighters"),
    ("JAYAPURA, Indonesia — The West Papua National Liberation Army attacked a post in Intan Jaya, Papua.",
     "West Papua National Liberation Army", "TPNPB: West Papua National Liberation Army"),
    # Europe and the Caucasus
    ("DONETSK, Ukraine — DPR forces shelled Avdiivka on Monday.", "DPR forces", "DPR: Donetsk People's Republic"),
    ("SKOPJE, North Macedonia — The National Liberation Army attacked a police station in Tetovo on Friday.",
     "National Liberation Army", "NLA: National Liberation Army"),
    # Latin America and the Caribbean
    ("BOGOTA, Colombia — ELN guerrillas kidnapped two soldiers in Arauca on Saturday.", "ELN guerrillas",
     "ELN: National Liberation Army"),
    ("BOGOTA, Colombia — The National Liberation Army attacked a police station in Arauca on Friday.",
     "National Liberation Army", "ELN: National Liberation Army"),
    ("TUMACO, Colombia — Fighters of the Segunda Marquetalia clashed with the army near Tumaco on Friday.",
     "Segunda Marquetalia", "Segunda Marquetalia"),
    ("MEDELLIN, Colombia — The Clan del Golfo attacked police in Antioquia on Thursday.", "Clan del Golfo",
     "AGC: Gaitanist Self-Defense Forces of Colombia"),
    ("CULIACAN, Mexico — Gunmen from the Sinaloa Cartel and the Jalisco New Generation Cartel fought on Tuesday.",
     "Jalisco New Generation Cartel", "CJNG: Jalisco New Generation Cartel"),
    ("SAN SALVADOR, El Salvador — Police arrested 30 MS-13 members in San Miguel on Monday.", "MS-13 members",
     "MS-13: Mara Salvatrucha"),
    ("PORT-AU-PRINCE, Haiti — Gang members of Gran Grif attacked Petite-Riviere de l'Artibonite on Monday.",
     "Gran Grif", "Gran Grif"),
    ("PORT-AU-PRINCE, Haiti — Kenyan-led police mission officers patrolled Port-au-Prince on Monday.",
     "Kenyan-led police mission", "MSS: Multinational Security Support Mission"),
    ("GUAYAQUIL, Ecuador — Members of Los Choneros attacked a prison in Guayaquil on Monday.", "Los Choneros",
     "Los Choneros"),
])
def test_groups_of_every_region(extract, text, mention, name):
    assert actor_of(extract(text, published="2024-05-01"), mention) == name


# An alias that names another group, or nothing, outside the countries of `only_in`.
@pytest.mark.parametrize("text, mention, name", [
    ("TOKYO — The NPA said officers arrested a man in Osaka, Japan, on Monday.", "NPA", "NPA: New People's Army"),
    ("BEIJING — The CPC said it would hold a plenum in Beijing, China, in October.", "CPC",
     "CPC: Coalition of Patriots for Change"),
    ("LONDON — The EPL season opened in Manchester, England, on Saturday.", "EPL", "EPL: Popular Liberation Army"),
    ("JAKARTA, Indonesia — The DPR passed a law in Jakarta on Monday.", "DPR", "DPR: Donetsk People's Republic"),
])
def test_an_alias_does_not_fire_outside_its_countries(extract, text, mention, name):
    report = extract(text, published="2024-05-01")
    assert name not in {a.name for a in report.actors}


def test_the_national_liberation_army_is_the_story_countrys():
    """"National Liberation Army" is the ELN only where the ELN fights, the NLA only in North Macedonia."""
    from frontlines.actors.dictionary import load_dictionary

    entries = load_dictionary().entries
    holders = {name: e.only_in for name, e in entries.items()
               if "national liberation army" in {a.lower() for a in e.aliases}}
    assert set(holders) == {"ELN: National Liberation Army", "NLA: National Liberation Army"}
    assert not set(holders["ELN: National Liberation Army"]) & set(holders["NLA: National Liberation Army"])


@pytest.mark.parametrize("text, mention, name", [
    ("SAN SALVADOR, El Salvador — Salvadoran soldiers patrolled Soyapango on Monday.", "Salvadoran soldiers",
     "Military Forces of El Salvador"),
    ("ADEN, Yemen — Emirati troops left the port of Mukalla on Monday.", "Emirati troops",
     "Military Forces of the United Arab Emirates"),
    ("SEOUL — North Korean troops fired on a South Korean guard post near Cheorwon, South Korea, on Monday.",
     "North Korean troops", "Military Forces of North Korea"),
    # "NO" quoted in nationalities.yaml: YAML reads a bare NO as false, which left the nationality countryless
    ("OSLO — Norwegian troops patrolled the border near Kirkenes, Norway, on Monday.", "Norwegian troops",
     "Military Forces of Norway"),
    ("MBABANE — Swazi police dispersed a march in Mbabane, Eswatini, on Friday.", "Swazi police",
     "Police Forces of eSwatini"),
    # ACLED's "the Netherlands", not GeoNames' "The Netherlands"
    ("THE HAGUE — Dutch police arrested 20 rioters in The Hague on Saturday.", "Dutch police",
     "Police Forces of the Netherlands"),
    # a state's forces named by the country's possessive, as by its nationality
    ("BEIRUT — Syria's army shelled Maarat al-Numan on Sunday.", "Syria's army", "Military Forces of Syria"),
    ("JUBA — South Sudan's army shelled rebel positions near Malakal on Sunday.", "South Sudan's army",
     "Military Forces of South Sudan"),
    ("CONAKRY — Guinea’s special forces stormed the presidential palace in Conakry on Sunday.",
     "Guinea’s special forces", "Military Forces of Guinea"),
    ("NAIROBI — Kenya's police fired tear gas at protesters in Kisumu on Tuesday.", "Kenya's police",
     "Police Forces of Kenya"),
    # a state's territorial defence, named by its nationality
    ("LJUBLJANA — Slovenian Territorial Defence units took the border post at Holmec on Friday.",
     "Slovenian Territorial Defence units", "Military Forces of Slovenia"),
    # (a country of two words, whose first two words name no nationality)
    ("SEOUL — South Korea's fighter jets fired warning shots near Baengnyeong Island on Monday.",
     "South Korea's fighter jets", "Military Forces of South Korea"),
])
def test_nationalities_of_every_state(extract, text, mention, name):
    assert actor_of(extract(text, published="2024-05-01"), mention) == name


def test_a_crowd_is_named_by_acleds_spelling_of_its_country(extract):
    report = extract("MACAU — Rioters burned the municipal office in Taipa on Saturday.", published="1966-12-05")
    assert "Rioters (Macau)" in {a.name for a in report.actors}, report.actors


def test_every_nationality_names_a_country():
    from frontlines.actors.dictionary import acled_country_names, country_codes, nationalities

    known = set(country_codes()) | set(acled_country_names()["names"])  # former states are named there
    assert {k: v for k, v in nationalities().items() if v not in known} == {}


def test_generic_words_resolve_in_context(extract):
    text = ("MOSUL, Iraq — The Islamic State lost the city of Mosul in Iraq on Monday. "
            "The militants fled west. The army said its units had cleared the Old City.")
    report = extract(text, published="2017-07-10")
    assert actor_of(report, "The militants") == "Islamic State"
    assert actor_of(report, "The army") == "Military Forces of Iraq"


def test_rebels_are_never_the_peacekeepers(extract):
    text = "BANGUI — UN peacekeepers patrolled the capital on Monday. The rebels attacked a checkpoint near Bimbo."
    assert actor_of(extract(text, published="2021-01-14"), "The rebels") != "United Nations"


@pytest.mark.parametrize("text, mention", [
    ("MARIB, Yemen - Armed tribesmen overran an army post near Marib on Monday.", "Armed tribesmen"),
    ("CORK, Ireland - The Irregulars burned the barracks at Fermoy on Monday.", "The Irregulars"),
])
def test_irregulars_and_armed_tribesmen_are_an_armed_side(extract, text, mention):
    """Irregulars and armed tribesmen named alone are armed men of a side the story has (else an
    unidentified group), and what they do is coded with them as its doer."""
    report = extract(text, published="2020-05-12")
    assert actor_of(report, mention).startswith("Unidentified Armed Group")
    assert {a.id: a.name for a in report.actors}[report.events[0].actor1] == actor_of(report, mention)


@pytest.mark.parametrize("text, mention", [
    ("SANAA, Yemen - Tribesmen blocked the main road into Sanaa on Monday to protest power cuts.", "Tribesmen"),
    ("ABIDJAN - Ouattara partisans marched through Abidjan on Monday.", "Ouattara partisans"),
])
def test_tribesmen_and_partisans_alone_are_no_armed_group(extract, text, mention):
    report = extract(text, published="2020-05-12")
    named = [a.name for a in report.actors if any(m.text in (mention, mention.split()[-1]) for m in a.mentions)]
    assert not any(n.startswith("Unidentified Armed Group") or n == mention for n in named), named
    assert report.events and report.events[0].event_type == "Protests"


def test_a_groups_name_takes_no_day(extract):
    text = ("Kidnappings followed, and by Sunday Druze gunmen and Bedouin fighters were fighting in the "
            "al-Maqous district of Sweida, Syria.")
    names = [a.name for a in extract(text, published="2025-07-17").actors]
    assert not any("Sunday" in n for n in names), names


@pytest.mark.parametrize("text, mention", [
    ("MYAWADDY, Myanmar - Karen forces overran an army post near Myawaddy on Monday.", "Karen forces"),
    ("TSKHINVALI, Georgia - Ossetian fighters attacked a Georgian post near Tskhinvali on Monday.", "Ossetian fighters"),
    ("SARAJEVO - Serb forces took Srebrenica on Monday after a five-day assault.", "Serb forces"),
    ("ZAGREB - Serb irregulars overran Vukovar on Monday after a long siege.", "Serb irregulars"),
])
def test_a_peoples_forces_no_state_owns_are_an_armed_group(extract, text, mention):
    """A people's word that names no state's nationality before "forces", "troops", or an armed noun
    it modifies: the people's armed group, named as the text names it, which takes the town."""
    report = extract(text, published="2020-05-12")
    assert actor_of(report, mention) == mention
    taker = {a.id: a.name for a in report.actors}[report.events[0].actor1]
    assert taker == mention


@pytest.mark.parametrize("text, mention, name", [
    ("ZARIA, Nigeria - Government forces retook Zaria on Monday.", "Government forces", "Military Forces of Nigeria"),
    ("GOMA, Congo - Rebel forces took Goma on Monday.", "Rebel forces",
     "Unidentified Armed Group (Democratic Republic of Congo)"),
    ("MAIDUGURI, Nigeria - Unidentified gunmen attacked a market in Maiduguri on Monday.", "gunmen",
     "Unidentified Armed Group (Nigeria)"),
    ("SANAA, Yemen - Tribal militiamen attacked an oil pipeline near Marib on Monday.", "Tribal militiamen",
     "Unidentified Armed Group (Yemen)"),
    ("ZARIA, Nigeria - Armed forces retook Zaria on Monday.", "Armed forces", "Military Forces of Nigeria"),
    ("BANGUI - Mutinous troops seized the radio station in Bangui on Monday.", "Mutinous troops",
     "Mutiny of Military Forces of the Central African Republic"),
    # the state's side of any war, not Syria's
    ("TRIPOLI, Libya - Pro-government forces retook Sirte on Monday.", "Pro-government forces",
     "Military Forces of Libya"),
])
def test_words_that_open_a_forces_name_are_no_people(extract, text, mention, name):
    assert actor_of(extract(text, published="2020-05-12"), mention) == name


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


def test_a_group_called_rebel_before_its_name_is_an_armed_group(extract):
    text = ("KIGALI - The capital fell on Monday to the rebel Rwandan Patriotic Front, whose fighters walked into "
            "the last government-held districts.")
    actors = {a.name: a.kind for a in extract(text, published="1994-07-05").actors}
    assert actors.get("Rwandan Patriotic Front") == "rebel_group", actors


def test_a_union_called_militant_is_no_armed_group(extract):
    text = ("DETROIT - Members of the militant Teamsters Local 299 blocked the gates of a Ford plant in Detroit on "
            "Monday, and police arrested 12 strikers.")
    kinds = {a.kind for a in extract(text, published="2024-10-10").actors}
    assert "rebel_group" not in kinds, kinds


def test_a_crowd_word_inside_a_name_is_no_crowd(extract):
    # "People" of "the Yugoslav People's Army" is the army's name, not civilians who shelled a town
    report = extract("ZAGREB - The Yugoslav People's Army shelled Osijek on Tuesday, the defence ministry said. "
                     "People fled the town on Monday.", published="1991-11-20")
    names = {a.id: a.name for a in report.actors}
    assert [names.get(e.actor1 or "") for e in report.events if "shelled" in e.evidence.text] \
        == ["Military Forces of Yugoslavia"]
    assert [m.text for a in report.actors if a.kind == "civilians" for m in a.mentions] == ["People"]


@pytest.mark.parametrize("text, mention", [
    ("ADDIS ABABA - Dessie was captured by the federal army on Friday, the government said.", "federal army"),
    ("DAMASCUS - Regime troops shelled the village on Friday, activists said.", "Regime troops"),
    ("BUKOBA - A Tanzanian column pushed north towards the border on Friday, officials said.", "Tanzanian column"),
    ("BAGHDAD - Iraqi patrols came under fire near Falluja on Monday.", "Iraqi patrols"),
    # one patrol or convoy of a nation's forces, as their patrols are
    ("BANGUI - A French patrol fired on a car near the airport on Monday.", "French patrol"),
    ("NDJAMENA - A Chadian convoy came under fire near Abeche on Monday.", "Chadian convoy"),
])
def test_a_states_forces_named_by_whose_they_are(extract, text, mention):
    # "the federal army", "regime troops": the story's state forces, though no nationality names them
    report = extract(text, published="2021-12-03")
    names = {report_actor.name for report_actor in report.actors
             for m in report_actor.mentions if m.text == mention}
    assert names and all(n.startswith("Military Forces of") for n in names), [(a.name, [m.text for m in a.mentions]) for a in report.actors]


@pytest.mark.parametrize("text", [
    "BEIRUT (Reuters) - Anti-regime forces captured the town of Khan Sheikhoun on Sunday, a war monitor said.",
])
def test_forces_against_the_state_are_not_its_forces(extract, text):
    report = extract(text, published="2024-05-01")
    assert not [a.name for a in report.actors if a.name.startswith("Military Forces of")], \
        [(a.name, [m.text for m in a.mentions]) for a in report.actors]


@pytest.mark.parametrize("text, mention, name", [
    # a kind of force after "anti-" is still that force; "loyalist" gunmen are no state's
    ("NAIROBI, Kenya - Anti-riot squads fired tear gas on Monday to disperse opposition supporters in Kibera, "
     "police said.", "riot squads", "Police Forces of Kenya"),
    ("BELFAST - Loyalist commandos shot dead two Catholic men in north Belfast on Saturday, police said.",
     "commandos", None),
])
def test_what_anti_and_loyalist_do_not_make_a_foe_or_a_state(extract, text, mention, name):
    report = extract(text, published="2024-05-01")
    found = {a.name for a in report.actors for m in a.mentions if mention in m.text}
    assert (found == {name}) if name else not any(n.startswith("Military Forces of") for n in found), found


@pytest.mark.parametrize("text, place, group", [
    # a name no dictionary lists is a group's by what it does with ground
    ("HARGEISA - The SNM took Burao on Saturday after a night of fighting, residents said.", "Burao", "SNM"),
    ("HARGEISA - Burao was overrun by the SNM on Saturday, residents said.", "Burao", "SNM"),
    ("LUANDA - The FLEC movement seized Buco-Zau on Sunday, officials said.", "Buco Zau", "FLEC"),
    # a council that takes a town is an armed group's (not an aid agency's or a company's)
    ("BENGHAZI, Libya - The Mujahideen Shura Council took Derna on Monday after a day of fighting, residents said.",
     "Darnah", "Mujahideen Shura Council"),
    # a passive the model parses but tags as a noun ("overrun" NN)
    ("MOGADISHU, Somalia - Fighting raged in northern Somalia on Tuesday. Hargeisa was overrun by the SNM on "
     "Wednesday, diplomats said.", "Hargeysa", "SNM"),
])
def test_a_group_named_by_its_deeds_on_the_ground(extract, text, place, group):
    report = extract(text, published="1988-06-01")
    names = {a.id: a.name for a in report.actors}
    places = {p.id: p.name for p in report.places}
    takers = [names.get(e.actor1 or "") for e in report.events if places.get(e.place) == place]
    assert takers and all(group in (t or "") for t in takers), (takers, names)


def test_reuters_taking_pictures_is_no_group(extract):
    report = extract("HARGEISA - AFP took pictures in Burao on Saturday.", published="1988-06-01")
    assert not [a.name for a in report.actors if "AFP" in a.name]


@pytest.mark.parametrize("text", [
    # aid agencies and companies enter towns and take control of things too
    "LUANDA - The ICRC entered Huambo on Monday with food for the city's hospitals, officials said.",
    "LUANDA - Medecins Sans Frontieres entered Kuito on Tuesday, its staff said.",
    "LAGOS - Royal Dutch Shell took control of the Bonga field off Warri on Monday, the company said.",
    "GOMA - The World Food Programme entered Kiwanja on Tuesday to distribute food, officials said.",
    "GOMA - The Associated Press entered Bunagana with a convoy of journalists on Tuesday.",
])
def test_an_agency_or_a_company_entering_a_town_is_no_group(extract, text):
    report = extract(text, published="1994-06-01")
    kinds = [(a.name, a.kind) for a in report.actors if a.kind in ("rebel_group", "political_militia")]
    assert not kinds, kinds


def test_the_invaders_are_the_side_the_text_says_invaded(extract):
    """Foreign troops named beside the invasion are not its invaders when the text says who invaded."""
    report = extract("KAMPALA, Uganda - Rwandan Patriotic Front rebels invaded northern Rwanda from Uganda on Monday. "
                     "Ugandan troops sealed the border on Tuesday. The invaders were pushed back near Byumba by "
                     "Rwandan government troops on Wednesday, officials said.", published="1990-10-05")
    found = {a.name for a in report.actors for m in a.mentions if m.text.lower() == "the invaders"}
    assert found == {"Rwandan Patriotic Front"}, found
    names = {a.id: a.name for a in report.actors}
    fights = {(e.sub_event_type, names.get(e.actor2 or "")) for e in report.events if "pushed back" in e.evidence.text}
    assert fights == {("Armed clash", "Rwandan Patriotic Front")}, fights


def test_forces_loyal_to_a_named_president_are_the_states(extract):
    report = extract("ADEN - Forces loyal to President Abd-Rabbu Mansour Hadi said they had taken the small "
                     "Red Sea port of Mokha on Tuesday after three days of fighting.", published="2017-02-08")
    names = {a.id: a.name for a in report.actors}
    places = {p.id: (p.name, p.country_code) for p in report.places}
    coded = [(e.sub_event_type, places.get(e.place), names.get(e.actor1 or "")) for e in report.events]
    assert ("Government regains territory", ("Mocha", "YE"), "Military Forces of Yemen") in coded, coded
    mentions = [m.text for a in report.actors for m in a.mentions]
    assert "Forces loyal to President Abd-Rabbu Mansour Hadi" in mentions, mentions


def test_mutineers_are_a_side_of_their_own(extract):
    report = extract("BANGUI - Mutineers took over the radio station and the barracks in Bambari on Thursday. "
                     "Loyal troops shelled their positions on Friday, the defence ministry said.",
                     published="1996-05-20")
    names = {a.id: a.name for a in report.actors}
    taken = [(e.sub_event_type, names.get(e.actor1 or "")) for e in report.events if "took over" in e.evidence.text]
    assert taken and all(t == ("Non-state actor overtakes territory",
                               "Mutiny of Military Forces of the Central African Republic") for t in taken), taken


@pytest.mark.parametrize("text, published, expected", [
    # "the invaders" are the foreign army the story names, else its armed group
    ("KAMPALA - Tanzanian troops crossed the border on Monday. The invaders shelled Masaka on Tuesday, "
     "residents said.", "1979-02-20", "Military Forces of Tanzania"),
    ("SANTO DOMINGO - The rebels of the FLN took Dajabon on Sunday. The invaders entered Montecristi on "
     "Monday without meeting resistance.", "1963-11-20", "FLN"),
])
def test_the_invaders_are_the_invading_side(extract, text, published, expected):
    report = extract(text, published=published)
    found = {a.name for a in report.actors for m in a.mentions if m.text.lower() == "the invaders"}
    assert found and all(expected in name for name in found), found


def test_soldiers_fired_on_by_no_one_named_are_fired_on_by_the_storys_group(extract):
    report = extract("LUANDA - UNITA took Huambo on Saturday after a long siege. A column of soldiers that left "
                     "the city on Saturday night came under fire on Sunday near Caala, survivors said.",
                     published="1993-03-09")
    names = {a.id: a.name for a in report.actors}
    fired = [names.get(e.actor1 or "") for e in report.events if "under fire" in e.evidence.text]
    assert fired == ["UNITA"], fired


def test_an_explosives_team_is_the_polices(extract):
    report = extract("MANDERA, Kenya - Police said three men were arrested at a roadblock on Saturday night. A grenade "
                     "found in their car in Mandera was made safe by an explosives team. Officials gave no more details. More "
                     "news will follow.", published="2016-01-17")
    names = {a.id: a.name for a in report.actors}
    made_safe = [names.get(e.actor1 or "") for e in report.events if e.sub_event_type == "Disrupted weapons use"]
    assert made_safe == ["Police Forces of Kenya"], made_safe


def test_forces_loyal_to_a_person_no_actor_names_are_a_side_of_their_own(extract):
    """"Forces loyal to Alassane Ouattara" are a side named by whom they follow (not the state's, nor an
    unidentified group); "forces loyal to President Gbagbo" are the state's, and "troops loyal to General Phoumi"
    a part of its army."""
    report = extract("ABIDJAN — Forces loyal to Alassane Ouattara entered Yamoussoukro on Wednesday without meeting "
                     "resistance. Forces loyal to President Laurent Gbagbo shelled Abobo the same day.",
                     published="2011-03-31")
    assert actor_of(report, "Forces loyal to Alassane Ouattara") == "Forces loyal to Alassane Ouattara"
    assert actor_of(report, "Forces loyal to President Laurent Gbagbo") == "Military Forces of Ivory Coast"
    report = extract("VIENTIANE — Troops loyal to General Phoumi Nosavan entered Vientiane on Friday.",
                     published="1960-12-17")
    assert "Troops loyal to General Phoumi Nosavan" not in {a.name for a in report.actors}


@pytest.mark.parametrize("text, mention, name", [
    ("IPOH, Malaya - A patrol clashed with a party of terrorists near Ipoh on Sunday.", "A patrol",
     "Military Forces of Malaysia"),
    ("IPOH, Malaya - A patrol clashed with a party of terrorists near Ipoh on Sunday.", "terrorists",
     "Unidentified Armed Group (Malaysia)"),
    ("KABUL - Militants ambushed an army patrol near Ghazni on Sunday.", "an army patrol",
     "Military Forces of Afghanistan"),
    ("BOGOTA - Paramilitaries killed four farmers near Turbo on Sunday.", "Paramilitaries",
     "Unidentified Armed Group (Colombia)"),
    ("ALGIERS - Special forces stormed the gas plant near In Amenas on Sunday.", "Special forces",
     "Military Forces of Algeria"),
    ("MANILA - Loyal troops recaptured Villamor Air Base from the mutineers on Saturday.", "Loyal troops",
     "Military Forces of the Philippines"),
    ("BAMAKO - Militants attacked the gendarmerie in Kati on Sunday.", "the gendarmerie", "Police Forces of Mali"),
    ("GROZNY - Interior troops fought rebels near Grozny on Sunday.", "Interior troops", "Military Forces of Russia"),
])
def test_what_a_state_calls_its_men_and_its_foes(extract, text, mention, name):
    """A patrol, a convoy, special forces the text gives no owner are the state's; "terrorists" and
    "paramilitaries" are an armed group's (the one named before them, else unidentified)."""
    assert actor_of(extract(text, published="2020-05-12"), mention) == name


def test_terrorists_after_a_named_group_are_that_group(extract):
    report = extract("KUALA LUMPUR - Guerrillas of the Malayan Races Liberation Army ambushed a convoy near Raub on "
                     "Sunday. "
                     "On Monday a patrol clashed with a party of terrorists near Bentong, and one terrorist was "
                     "killed.", published="1951-10-08")
    clash = next(e for e in report.events if e.sub_event_type == "Armed clash" and e.date == "1951-10-08")
    names = {a.id: a.name for a in report.actors}
    assert {names[clash.actor1], names[clash.actor2]} == {"Military Forces of Malaysia", "Malayan Races Liberation Army"}


def test_a_label_in_quotation_marks_names_no_side(extract):
    """The army's word for the people it killed is no armed group of the story."""
    report = extract('COLOMBO - Soldiers shot dead 51 civilians in Thirunelveli on Sunday, Tamil MPs said. The army '
                     'said those killed had been "terrorists" caught in crossfire.', published="1983-07-27")
    assert "terrorists" not in {m.text for a in report.actors for m in a.mentions}


def test_a_holiday_before_an_armed_noun_names_no_group(extract):
    """"On New Year's Day guerrilla guns shelled Konitsa": the day is a date, not a group called Day."""
    report = extract("IOANNINA - On New Year's Day guerrilla guns shelled Konitsa for several hours.", published="1948-01-05")
    assert "Day" not in {a.name for a in report.actors}
    assert [e.sub_event_type for e in report.events] == ["Shelling/artillery/missile attack"]


def test_a_name_written_as_common_words_is_no_actor(extract):
    """"an independent Islamic state" is a state declared, not the Islamic State; "the rebels" of the story
    are not made the group's."""
    report = extract("MAKHACHKALA, Russia - Rebels overran police posts in Dagestan on Saturday. On Tuesday a council of "
                     "the rebels declared an independent Islamic state in the region.", published="1999-08-13")
    assert "Islamic State" not in {a.name for a in report.actors}
    report = extract("RAQQA, Syria - Islamic State fighters attacked an army post in Raqqa on Tuesday.",
                     published="2017-08-13")
    assert actor_of(report, "Islamic State") == "Islamic State"


def test_forces_loyal_to_one_person_are_one_side_whatever_they_are_called(extract):
    report = extract("ABIDJAN - Forces loyal to Alassane Ouattara entered Yamoussoukro on Wednesday. Troops loyal to "
                     "Alassane Ouattara shelled Abobo the same day.", published="2011-04-01")
    assert actor_of(report, "Forces loyal to Alassane Ouattara") == actor_of(report, "Troops loyal to Alassane Ouattara")


@pytest.mark.parametrize("text, mention, name", [
    # the other names news gives a country name its forces too (country_names.yaml short_names)
    ("GOMA - Congo's army said M23 rebels attacked Sake on Monday.", "Congo's army",
     "Military Forces of the Democratic Republic of Congo"),
    ("YANGON - Burma's army shelled villages near Hpakant on Monday.", "Burma's army", "Military Forces of Myanmar"),
    ("ABIDJAN - Côte d'Ivoire's army retook Bouaké on Monday.", "Côte d'Ivoire's army", "Military Forces of Ivory Coast"),
])
def test_a_countrys_other_names_before_its_army(extract, text, mention, name):
    assert actor_of(extract(text, published="2023-03-10"), mention) == name


@pytest.mark.parametrize("text, mention, name", [
    # an army's unit named by its number is a state's, the one its nationality or possessor names
    ("AMMAN - The column was stopped by the 40th Armoured Brigade near Ramtha on Monday.", "40th Armoured Brigade",
     "Military Forces of Jordan"),
    ("LA PAZ - A company of the 2nd Ranger Battalion cornered the band near Vallegrande on Sunday.",
     "2nd Ranger Battalion", "Military Forces of Bolivia"),
    ("KYIV - Ukraine's 93rd Mechanised Brigade shelled Russian positions near Bakhmut on Monday.",
     "Ukraine's 93rd Mechanised Brigade", "Military Forces of Ukraine"),
    ("IDLIB - The Free Syrian Army's 13th Division attacked a checkpoint near Idlib on Sunday.", "13th Division",
     "Free Syrian Army"),
    # a rebel rearguard is the rebels'
    ("SEOUL - A rebel rearguard fought troops near Kwangyang on Monday.", "rebel rearguard",
     "Unidentified Armed Group (South Korea)"),
])
def test_an_armys_numbered_units(extract, text, mention, name):
    assert actor_of(extract(text, published="2020-05-12"), mention) == name


def test_a_count_of_battalions_is_no_unit(extract):
    report = extract("KABUL - Two battalion commanders were killed near Ghazni on Sunday.", published="2020-05-12")
    assert not [m.text for a in report.actors for m in a.mentions if "battalion" in m.text.lower()]


@pytest.mark.parametrize("text", [
    "MAIDUGURI - Boko Haram fighters attacked a military base in Monguno on Tuesday.",
    "MAIDUGURI - Boko Haram fighters attacked an army post in Monguno on Tuesday.",
])
def test_an_army_site_attacked_is_the_armys(extract, text):
    """The men of an army's base, post or camp attacked are the state's, the attack's second side."""
    report = extract(text + " Shops stayed shut. Officials gave no figures. Trains ran late.", published="2022-03-10")
    names = {a.id: a.name for a in report.actors}
    assert [(e.sub_event_type, names.get(e.actor1 or ""), names.get(e.actor2 or "")) for e in report.events] \
        == [("Armed clash", "Boko Haram", "Military Forces of Nigeria")]


@pytest.mark.parametrize("text, name", [
    # a capitalised plural that takes ground is a side of its own; a people's, a state's men, or a generic word is not
    ("SAN JUAN - Police were on alert. The Nationalists had seized Jayuya on Monday.", "Nationalists"),
    ("MANAGUA - Police were on alert. The Sandinistas captured Esteli on Monday.", "Sandinistas"),
    ("MANILA - Police were on alert. The Americans took Manila on Monday.", "Military Forces of the United States"),
    ("IPOH - Police were on alert. The Rebels took Ipoh on Monday.", "Unidentified Armed Group (Malaysia)"),
])
def test_a_side_named_by_a_plural_that_takes_ground(extract, text, name):
    report = extract(text + " Shops stayed shut. Officials gave no figures.", published="2020-05-12")
    names = {a.id: a.name for a in report.actors}
    assert [names.get(e.actor1 or "") for e in report.events if e.event_type in ("Battles", "Strategic developments")] \
        == [name]


@pytest.mark.parametrize("text, mention, name", [
    # "Fighters" opening a sentence is the noun, not a name; the group after it may open with a place's name
    ("TRIPOLI - Fighters of Libya Dawn, a coalition of militias, took Tripoli International Airport on Saturday "
     "after weeks of fighting with the Zintani brigades.", "Libya Dawn", "Libya Dawn"),
    ("BANGUI - Militants of the Return Reclamation Rehabilitation attacked a village near Bocaranga on Saturday.",
     "Return Reclamation Rehabilitation", "Return Reclamation Rehabilitation"),
])
def test_fighters_of_a_group_opening_a_sentence(extract, text, mention, name):
    assert actor_of(extract(text, published="2024-05-01"), mention) == name


def test_a_names_then_entry_without_its_last_day_is_an_error_naming_the_file(monkeypatch):
    from frontlines.actors import dictionary
    from frontlines.errors import FrontlinesError

    shipped = dictionary.packaged
    monkeypatch.setattr(dictionary, "packaged", lambda name: shipped(name).replace(
        'CD: [{name: Zaire, from: "1971-10-27", until: "1997-05-17"}]', 'CD: [{name: Zaire, from: "1971-10-27"}]'))
    dictionary.acled_country_names.cache_clear()
    try:
        with pytest.raises(FrontlinesError, match="country_names.yaml: names_then: CD"):
            dictionary.acled_country_names()
    finally:
        dictionary.acled_country_names.cache_clear()
