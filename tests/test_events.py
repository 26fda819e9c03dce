"""Events: each trigger family, active and passive, factuality, dates and ACLED's one-event rule."""
from __future__ import annotations

import pytest


def coded(report) -> list[tuple]:
    """(sub-type, actor1, actor2, place, date, factuality) for each event."""
    actors = {a.id: a.name for a in report.actors}
    places = {p.id: p.name for p in report.places}
    return [(e.sub_event_type, actors.get(e.actor1), actors.get(e.actor2), places.get(e.place), e.date, e.factuality)
            for e in report.events]


CASES = [
    # capture by a government, active, attributed
    ("BEIRUT — Syrian government forces drove Islamic State militants from Deir ez-Zor on Friday, the army said.",
     "2017-11-03",
     ("Government regains territory", "Military Forces of Syria", "Islamic State", "Deir ez-Zor", "2017-11-03", "reported")),
    # capture by a non-state group, passive with an agent
    ("BAMAKO, Mali — Government forces were driven out of Kidal by CSP rebels on Tuesday.",
     "2023-11-15",
     ("Non-state actor overtakes territory", "Permanent Strategic Framework", "Military Forces of Mali", "Kidal",
      "2023-11-14", "asserted")),
    ("NAIROBI, Kenya — The Rapid Support Forces seized Wad Madani in Sudan on Monday.",
     "2023-12-20",
     ("Non-state actor overtakes territory", "Rapid Support Forces", None, "Wad Medani", "2023-12-18", "asserted")),
    # withdrawal
    ("KYIV, Ukraine — Russian forces withdrew from Kherson on Friday.",
     "2022-11-11",
     ("Non-violent transfer of territory", "Military Forces of Russia", None, "Kherson", "2022-11-11", "asserted")),
    # remote violence
    ("BEIRUT — Russian warplanes bombed Idlib, Syria, on Tuesday.",
     "2017-11-03",
     ("Air/drone strike", "Military Forces of Russia", None, "Idlib", "2017-10-31", "asserted")),
    ("KYIV, Ukraine — Ukrainian artillery shelled Nova Kakhovka on Sunday.",
     "2022-11-11",
     ("Shelling/artillery/missile attack", "Military Forces of Ukraine", None, "Nova Kakhovka", "2022-11-06", "asserted")),
    ("MOGADISHU, Somalia — A car bomb exploded in Mogadishu on Saturday. Al-Shabaab said it carried out the attack.",
     "2022-10-30",
     ("Remote explosive/landmine/IED", "Al Shabaab", None, "Mogadishu", "2022-10-29", "asserted")),
    # protests and riots
    ("NAIROBI, Kenya — Thousands of protesters marched in Mombasa on Tuesday.",
     "2024-06-25",
     ("Peaceful protest", "Protesters (Kenya)", None, "Mombasa", "2024-06-25", "asserted")),
    ("NAIROBI, Kenya — Protests in Eldoret turned violent on Tuesday as demonstrators burned cars.",
     "2024-06-25",
     ("Violent demonstration", "Rioters (Kenya)", None, "Eldoret", "2024-06-25", "asserted")),
]


@pytest.mark.parametrize("text, published, expected", CASES)
def test_each_family(extract, text, published, expected):
    assert expected in coded(extract(text, published=published))


@pytest.mark.parametrize("text, factuality, told_as_fact", [
    ("BAMAKO, Mali — The army never took control of Kidal, Mali.", "negated",
     "BAMAKO, Mali — The army took control of Kidal, Mali."),
    ("BEIRUT — The militants could seize Bukamal, Syria, within days.", "hypothetical",
     "BEIRUT — The militants seized Bukamal, Syria, on Tuesday."),
    ("KHARTOUM, Sudan — The RSF plans to attack Sennar, Sudan.", "hypothetical",
     "KHARTOUM, Sudan — The RSF attacked Sennar, Sudan."),
    ("BEIRUT — The developments set the stage for a battle between the army and the Islamic State for Bukamal, "
     "Syria.", "hypothetical",
     "BEIRUT — The army fought a battle with the Islamic State for Bukamal, Syria, on Tuesday."),
    ("MAIDUGURI, Nigeria — ISWAP said its fighters had overrun an army position in Damboa, Nigeria, on "
     "Wednesday. The army denied the claim.", "negated",
     "MAIDUGURI, Nigeria — ISWAP said its fighters had overrun an army position in Damboa, Nigeria, on Wednesday."),
    ("TRIPOLI, Libya — The LNA's campaign to seize Tripoli, Libya, stalled.", "hypothetical",
     "TRIPOLI, Libya — The LNA seized Tripoli, Libya."),
    # what is "no longer" so was undone
    ("BAMAKO, Mali — Rebels no longer attack the villages near Gao, Mali, the army said on Friday.", "negated",
     "BAMAKO, Mali — Rebels attacked the villages near Gao, Mali, the army said on Friday."),
    # what was done "without" is what was not done
    ("DAKAR, Senegal — Soldiers moved without firing a shot into a rebel camp near Bignona, Senegal, on Tuesday.",
     "negated", "DAKAR, Senegal — Soldiers fired on a rebel camp near Bignona, Senegal, on Tuesday."),
    ("NAIROBI, Kenya — Activists urged supporters to return on Thursday, and some called for a march on "
     "Mombasa, Kenya.", "hypothetical",
     "NAIROBI, Kenya — Thousands of protesters marched in Mombasa, Kenya, on Thursday."),
])
def test_what_did_not_happen_is_not_an_event(extract, text, factuality, told_as_fact):
    """The same event told as fact is coded (so the rule is not merely silent), and told
    negated or as a plan it is not an event that happened."""
    assert [e for e in extract(told_as_fact, published="2017-11-03").events if e.factuality in ("asserted", "reported")]
    events = extract(text, published="2017-11-03").events
    assert not [e for e in events if e.factuality in ("asserted", "reported")]
    assert all(e.factuality == factuality for e in events)


@pytest.mark.parametrize("text", [
    "KHARTOUM, Sudan — The army did not resist, and RSF fighters seized Sennar, Sudan, on Tuesday.",
    "COLOMBO, Sri Lanka — On Tuesday, thousands of students marched peacefully through Kandy, Sri Lanka, to the "
    "university; police did not stop them.",
    # "next to" is where, not when
    "KANO, Nigeria — A suicide bomber blew himself up inside the chapel next to the main cathedral in Kano, "
    "Nigeria, on Wednesday, killing 29 worshippers.",
])
def test_what_happened_is_not_read_as_denied_or_planned(extract, text):
    """A clause with its own subject beside a negated one, or parted from it by a semicolon, tells
    what happened: the other clause's "not" is not its own; "next to" a place is no "next" week."""
    events = extract(text, published="2022-05-10").events
    assert events and all(e.factuality == "asserted" for e in events)


@pytest.mark.parametrize("text", [
    "ZAGREB — The minister said he would punish the gunmen who killed five villagers near Knin on Monday.",
    "MOGADISHU — Elders fear that the militants, who attacked a hotel in Kismayo on Friday, could strike again.",
])
def test_what_a_relative_clause_tells_of_its_noun_happened(extract, text):
    """A relative clause tells what is so of its noun, whatever the clause around it plans or fears."""
    events = extract(text, published="2022-05-10").events
    assert events and all(e.factuality in ("asserted", "reported") for e in events), events


def test_a_country_that_says_whose_the_speaker_is_is_not_where(extract):
    """"Ukraine's military said Russian aircraft had dropped bombs on the town": Ukraine says whose the speaker
    is, not where the bombs fell (the story's town, not a country, which codes no event)."""
    text = ("KRAMATORSK, Ukraine — Russian forces took full control of the town of Avdiivka on Saturday. The final "
            "days were chaotic. Ukraine's military said Russian aircraft had dropped more than 60 glide bombs on the "
            "town on Thursday alone.")
    strikes = [e for e in coded(extract(text, published="2024-02-18")) if e[0] == "Air/drone strike"]
    assert [e[1:3] for e in strikes] == [("Military Forces of Russia", None)] and strikes[0][3] != "Ukraine"


@pytest.mark.parametrize("text", [
    "LAGOS, Nigeria — Officials denied that soldiers shelled Zaria, Nigeria, on Sunday and that militiamen "
    "looted the market there.",
    "LAGOS, Nigeria — Troops did not fire on the crowd in Kano, Nigeria, on Sunday, and nor did police arrest anyone.",
])
def test_a_denial_above_two_clauses_denies_both(extract, text):
    events = extract(text, published="2022-05-10").events
    assert events and all(e.factuality == "negated" for e in events)


def test_one_event_per_town_in_a_list(extract):
    text = "NAIROBI, Kenya — Smaller demonstrations were reported in Nyeri, Kakamega and Garissa on Tuesday."
    places = [e[3] for e in coded(extract(text, published="2024-06-25"))]
    assert sorted(places) == ["Garissa", "Kakamega", "Nyeri"]


def test_two_sentences_on_one_capture_are_one_event(extract):
    text = ("BAMAKO, Mali — Malian troops took control of Kidal on Tuesday. "
            "\"Our forces have seized Kidal,\" the army said on Tuesday.")
    events = coded(extract(text, published="2023-11-15"))
    assert len(events) == 1 and events[0][0] == "Government regains territory"


def test_fatalities_attach_to_the_event(extract):
    text = "MOGADISHU, Somalia — Two car bombs exploded in Mogadishu on Saturday, killing at least 100 people."
    report = extract(text, published="2022-10-30")
    assert report.events[0].fatalities == 100
    assert any(q.category == "killed" and q.value == 100 and q.approximate for q in report.quantities)


@pytest.mark.parametrize("text, dead", [
    # the number of who did it is no toll; the number of whom it was done to is
    ("NAIROBI, Kenya — A member of parliament was shot dead by two gunmen outside his home in Nairobi on Tuesday.",
     None),
    ("NAIROBI, Kenya — Two people were shot dead by police in Nairobi on Tuesday.", 2),
])
def test_the_dead_are_counted_not_their_killers(extract, text, dead):
    report = extract(text, published="2008-01-30")
    assert [e.fatalities for e in report.events] == [dead], report.events


def test_the_sample_reads_like_an_analysts_notes(extract):
    from conftest import SAMPLE
    from frontlines.summary import summarise

    notes = summarise(extract(SAMPLE.read_text(), published="2017-11-03"))
    assert "2017-11-03  Government regains territory: Military Forces of Syria vs Islamic State at Deir ez-Zor" in notes
    assert "Government regains territory: Military Forces of Iraq vs Islamic State at Al Qā’im" in notes
    assert "Non-state actor overtakes territory: Syrian Democratic Forces vs Islamic State at Ar Raqqah" in notes
    assert "Ālbū Kamāl [" not in notes.split("Places")[0] and " at Ālbū Kamāl" not in notes


def test_what_follows_after_happened_earlier(extract):
    text = ("NAIROBI, Kenya — The RSF attacked El Fasher, Sudan, on Monday. The attack came a day after RSF "
            "artillery shelled the Abu Shouk camp in El Fasher.")
    dates = {e.sub_event_type: e.date for e in extract(text, published="2024-12-10").events}
    assert dates["Shelling/artillery/missile attack"] == "2024-12-08"


@pytest.mark.parametrize("text, negated", [
    # what failed did not happen; what a failure did not stop did
    ("KIDAL - Rebels failed to take Kidal on Monday, residents said.", True),
    ("KINGSTON - Police failed to stop the looting of shops in Kingston on Tuesday.", False),
])
def test_what_failed_did_not_happen(extract, text, negated):
    facts = [e.factuality for e in extract(text, published="2024-05-01").events]
    assert (not any(f in ("asserted", "reported") for f in facts)) == negated, facts


def test_riots_on_two_days_in_one_town_are_two_events(extract):
    # ACLED codes one event per day: two nights of rioting are two (a town taken, told twice a day apart, is one)
    text = ("KADUNA - Gunmen killed five villagers near Kaduna on Monday, police said. The attackers fled on "
            "motorbikes. Residents buried the dead on Tuesday. Rioters burned cars and threw stones at police in "
            "Zaria on Sunday. On Monday night rioters again burned shops and threw stones at police in Zaria.")
    report = extract(text, published="2024-03-06")
    riots = [e.date for e in report.events if e.sub_event_type == "Violent demonstration"]
    assert riots == ["2024-03-03", "2024-03-04"]


def test_a_fight_the_day_after_a_taking_is_no_part_of_it(extract):
    # the fighting of a capture comes on its day or the day before; an attack on the town the next night is a fight
    text = ("KADUNA - Troops retook Zaria from the rebels on Sunday after heavy fighting, the army said. A rebel attack "
            "on the town on Monday night was repelled, officers said. Residents said the streets were quiet on "
            "Tuesday. Shops reopened on Wednesday.")
    report = extract(text, published="2024-03-07")
    coded = sorted((e.sub_event_type, e.date) for e in report.events)
    assert coded == [("Armed clash", "2024-03-04"), ("Government regains territory", "2024-03-03")]


def test_a_toll_told_again_the_next_day_is_no_second_bombing(extract):
    text = ("BAGHDAD - A car bomb exploded in a crowded market in Baghdad's Sadr City district on Monday, killing 35 "
            "people, police said. On Tuesday, police said the death toll from the car bomb had risen to 41. The "
            "report could not be independently verified. Officials declined to comment further.")
    report = extract(text, published="2024-05-01")
    assert [e.sub_event_type for e in report.events] == ["Remote explosive/landmine/IED"]



def test_troops_who_marched_into_a_town_took_it_and_a_crowd_that_marched_protested(extract):
    report = extract("PORT MORESBY — Australian troops marched into Kokoda on Monday morning. In Port Moresby, "
                     "students marched to Parliament House on Monday.", published="1942-11-04")
    got = {(sub, a1, place) for sub, a1, _, place, _, _ in coded(report)}
    assert ("Non-state actor overtakes territory", "Military Forces of Australia", "Kokoda") in got, got
    assert not any(sub == "Peaceful protest" and place == "Kokoda" for sub, _, place in got), got


def test_units_that_bombarded_troops_shelled_them(extract):
    report = extract("RABAT — The Polisario Front said its units had bombarded Moroccan troops near Mahbes on "
                     "Friday.", published="2020-11-16")
    assert ("Shelling/artillery/missile attack", "Polisario Front", "Military Forces of Morocco") in {
        e[:3] for e in coded(report)}, coded(report)


def test_a_withdrawal_on_a_day_counted_back_to_the_capture_is_dated_on_its_day(extract):
    """"withdrew on Friday, ten days after seizing it": the withdrawal on Friday, the capture ten days before."""
    report = extract("JUBA — South Sudan's army withdrew from Bentiu on Friday, ten days after seizing it.",
                     published="2012-04-21")
    got = {(sub, date) for sub, _, _, _, date, _ in coded(report)}
    assert ("Non-violent transfer of territory", "2012-04-20") in got, got
    assert not any(sub == "Non-violent transfer of territory" and date == "2012-04-10" for sub, date in got), got


def test_the_words_of_a_speaker_abroad_place_no_fight_there(extract):
    """"Fidel Castro said in Havana that the Cubans fought": not a fight in Havana; "In Bosaso, police said they
    had detained 17 men": detained in Bosaso."""
    report = extract("ST. GEORGE'S, Grenada — Fidel Castro said in Havana that the Cubans \"fought to the last man\".",
                     published="1983-10-28")
    assert not any(place == "Havana" for *_, place, _, _ in coded(report)), coded(report)
    report = extract("GAROWE, Somalia — In Bosaso, police said on Sunday they had detained 17 men.", published="2025-02-03")
    assert ("Arrests", "Bosaso") in {(e[0], e[3]) for e in coded(report)}, coded(report)


def test_the_city_of_the_sentence_before_is_the_one_it_tells_of(extract):
    """"Sukhumi fell ..., after fighting that broke the ceasefire signed in Sochi. ... the port in the city
    centre": Sukhumi's."""
    report = extract("ZUGDIDI, Georgia — Sukhumi, the capital of Abkhazia, fell to Abkhaz separatist forces on Monday, "
                     "after fighting that broke the ceasefire signed in Sochi on 27 July. On Tuesday Abkhaz fighters "
                     "drove Georgian troops out of the port in the city centre. The head of the local administration "
                     "was taken prisoner there. His fate was unknown last night.", published="1993-09-28")
    places = {place for sub, *_, place, _, _ in coded(report) if sub.endswith("territory")}
    assert "Sochi" not in places and places, coded(report)


def test_where_people_went_is_not_the_scene_they_tell_of(extract):
    report = extract("KABUL - Afghan forces regained control of Ghazni on Tuesday after five days of fighting. "
                     "Residents who reached Kabul described fighters going from house to house. Two men were dragged "
                     "from a pharmacy near the main bazaar on Saturday and shot dead, a shopkeeper said.",
                     published="2018-08-15")
    # (the killing is not placed at Kabul, where the witnesses went; with no town of its own it is not coded)
    assert not any(sub == "Attack" and place == "Kabul" for sub, *_, place, _, _ in coded(report)), coded(report)
    # but a town the sentence's own actors reached is where they are
    report = extract("NAIROBI - A convoy of aid trucks reached Garissa on Tuesday. Gunmen ambushed it, killing two "
                     "drivers.", published="2024-05-01")
    assert any(place == "Garissa" for *_, place, _, _ in coded(report)), coded(report)


def test_a_person_taken_prisoner_is_no_place_taken(extract):
    report = extract("MONROVIA, Liberia - Fighting continued in Liberia on Sunday. Jackson was taken prisoner by the "
                     "rebels near Gbarnga. Kakata was taken by the rebels on Saturday.", published="1993-05-10")
    assert "Jackson County" not in {p.name for p in report.places}, [p.name for p in report.places]
    assert [place for sub, *_, place, _, _ in coded(report) if sub.endswith("territory")] == ["Kakata"], coded(report)


def test_the_town_a_name_is_called_is_that_town(extract):
    """"drove Islamic State out of Kobani, the Syrian border town ...": Kobani, not the town last named."""
    report = extract("SURUC, Turkey - Police in Istanbul dispersed a Kurdish march on Sunday. On Monday YPG fighters "
                     "drove Islamic State out of Kobani, the Syrian border town that the militants had besieged "
                     "since September. Commanders said the last streets were being cleared of mines. Thousands of refugees "
                     "waited at the border to go home.", published="2015-01-27")
    takings = [place for sub, *_, place, _, _ in coded(report) if sub.endswith("territory")]
    assert takings and "Istanbul" not in takings, coded(report)


def test_they_who_say_they_took_a_town_are_the_speakers_not_the_last_side_named(extract):
    """"The mutineers' supporters said that they had taken Gabu": not the Senegalese troops named before."""
    report = extract("BISSAU — Senegalese troops still hold the airport. The mutineers' supporters said on Sunday "
                     "that they had taken Gabu without a fight.", published="1998-06-24")
    actors = {a.id: a.name for a in report.actors}
    assert not [c for c in report.control if actors.get(c.controller) == "Military Forces of Senegal"
                and c.place != "p1" and "Gab" in next(p.name for p in report.places if p.id == c.place)], report.control


def test_in_a_war_of_two_states_a_state_takes_ground_from_the_other(extract):
    """Abyei taken by the SPLA is taken from Sudan's army, not from a rebel front the story names once."""
    report = extract("JUBA — Abyei was taken by the SPLA on 10 April after clashes with Sudanese troops. Sudanese "
                     "troops shelled Abyei on Friday. Sudanese warplanes bombed Bentiu on Thursday. In South "
                     "Kordofan, the Sudanese army said it had repulsed an attack by rebels of the Sudan "
                     "Revolutionary Front on its garrison at Talodi on Wednesday.", published="2012-04-21")
    takings = [(a1, a2) for sub, a1, a2, place, _, _ in coded(report) if sub.endswith("territory") and place == "Abyei"]
    assert takings and all(a2 == "Military Forces of Sudan" for _, a2 in takings), takings


@pytest.mark.parametrize("text", [
    # words sent, not shells; a parade, not a taking
    "GENEVA - Reporters bombarded the Syrian delegation with questions at the peace talks on Monday.",
    "MOSCOW - Thousands of Russian troops marched into Red Square on Thursday for the Victory Day parade.",
])
def test_no_attack_and_no_taking_in_figures_of_speech_and_parades(extract, text):
    report = extract(text, published="2024-05-10")
    assert not [e for e in coded(report) if e[0] in ("Shelling/artillery/missile attack", "Air/drone strike",
                                                       "Non-state actor overtakes territory",
                                                       "Government regains territory", "Armed clash")], coded(report)


@pytest.mark.parametrize("text", [
    # what a government declares or imposes to keep order
    "BAMENDA - The army declared a curfew in Bamenda on Monday.",
    "ADDIS ABABA - Authorities imposed a state of emergency in Tigray on Friday.",
    "TEHRAN - Martial law was declared at six o'clock on Friday morning in Tehran and eleven other cities.",
    "KINGSTON - A dusk-to-dawn curfew was imposed on the Kingston area on Sunday.",
    # what hits or strikes decides the kind: floods and earthquakes are no attack
    "DHAKA - Floods hit the Rangpur and Dinajpur districts on Monday.",
    "MANILA - A typhoon hit the town of Tacloban on Monday, killing 30 people.",
    "ANKARA - An earthquake struck the town of Elazig on Friday, killing 20 people.",
])
def test_measures_and_forces_of_nature_are_no_events(extract, text):
    """A curfew, a state of emergency, a flood: no ACLED event, by the rules or the classifier."""
    assert coded(extract(text, published="2024-05-10")) == []


def test_what_a_participle_says_of_its_noun_places_it_but_who_called_a_rally_did_not_rally(extract):
    """"the peace agreement signed in Nairobi": there, not in the town the sentence is about; "a rally called by
    the government" is the protesters', not the government's."""
    report = extract("KAMPALA - The fall of Kampala ends the peace agreement signed in Nairobi on December 17 by "
                     "the two sides. Shops stayed shut in the city centre.", published="1986-01-27")
    assert [(e[0], e[3]) for e in coded(report) if e[0] == "Agreement"] == [("Agreement", "Nairobi")], coded(report)
    report = extract("CARACAS - Oil workers in red shirts filled the Avenida Bolivar on Tuesday in a rally called by "
                     "the government. Shops stayed shut in the city centre.", published="2014-02-19")
    assert [e[1] for e in coded(report) if e[0] == "Peaceful protest"] == ["Protesters (Venezuela)"], coded(report)
    # nor who stopped it, nor where it was heard
    report = extract("BAMAKO - A protest broken up by police drew hundreds in Gao on Monday. Shops stayed shut.",
                     published="2024-05-10")
    assert not [e for e in coded(report) if e[1] == "Police Forces of Mali"], coded(report)
    report = extract("BAMAKO - The explosion, heard in Bamako, killed 20 people in Gao on Monday. Shops stayed shut.",
                     published="2024-05-10")
    assert {e[3] for e in coded(report)} == {"Gao"}, coded(report)


def test_who_was_dressed_as_police_is_no_policeman(extract):
    """"A gunman dressed as a police officer opened fire": no police fired (but "served as a police officer" was one)."""
    report = extract("OSLO - A gunman dressed as a police officer opened fire at a youth camp on the island of Utoya "
                     "on Friday. Shops stayed shut.", published="2011-07-23")
    assert not [a.name for a in report.actors if a.name.startswith("Police Forces")], coded(report)
    report = extract("OSLO - A man who served as a police officer for ten years opened fire at a youth camp on the "
                     "island of Utoya on Friday. Shops stayed shut.", published="2011-07-23")
    assert [a.name for a in report.actors if a.name.startswith("Police Forces")], coded(report)


def test_armed_men_who_stormed_a_television_studio_attacked_civilians(extract):
    report = extract("COLOMBO - On Tuesday, armed men stormed the studios of a private television network in Depanama "
                     "and set fire to its main control room. Shops stayed shut.", published="2009-01-10")
    assert "Attack" in [e[0] for e in coded(report)] and "Armed clash" not in [e[0] for e in coded(report)], \
        coded(report)


def test_shops_looted_by_no_one_named_are_looters_not_the_storys_armed_group(extract):
    """"Stores were broken into and stripped": looting by a crowd (Rioters), not by the group the story is about."""
    report = extract("PORT OF SPAIN - Jamaat al Muslimeen gunmen still held the parliament. Stores on Frederick Street "
                     "were broken into and stripped on Saturday. Officials gave no figures.", published="1990-07-29")
    assert [(e[0], e[1]) for e in coded(report) if e[3] == "Frederick Street"] == [
        ("Looting/property destruction", "Rioters (Trinidad and Tobago)")], coded(report)


def test_a_word_of_nature_within_the_subject_is_not_what_hit(extract):
    report = extract("BAMAKO - Rebels fleeing the floods hit an army post near Gao on Monday.", published="2024-05-10")
    assert "Other" not in [e[0] for e in coded(report)], coded(report)


def test_the_town_a_road_comes_from_is_no_scene_but_the_town_it_leads_to_is_near_it(extract):
    """"fighting along the road from Juba": not in Juba; "stopped drivers on the road to Bosaso": near Bosaso."""
    report = extract("BOR - The army drove out rebels after fighting along the road from Juba on Saturday. Shops "
                     "stayed shut.", published="2014-01-19")
    assert [e[3] for e in coded(report)] == ["Bor"], coded(report)
    report = extract("GAROWE - On Wednesday, gunmen stopped four lorry drivers on the road to Bosaso and took them "
                     "away. Shops stayed shut.", published="2025-02-03")
    assert [e[3] for e in coded(report)] == ["Bosaso"], coded(report)


def test_a_people_acted_on_are_no_side_and_allies_named_together_are_no_foes(extract):
    """"Gunmen kidnapped the Americans": no army of theirs; "Saudi and Emirati forces" fight the Houthis, not
    each other, and Yemen's army's foe is the Houthis."""
    report = extract("LAGOS - Gunmen kidnapped the Americans from a hotel in Port Harcourt on Monday. The Americans "
                     "were oil workers.", published="2024-05-01")
    assert not [a.name for a in report.actors if a.name.startswith("Military Forces of the United States")], \
        report.actors
    report = extract("ADEN - Saudi and Emirati forces captured the port of Mocha from Houthi rebels on Monday. Saudi "
                     "jets struck Houthi positions near Taiz. Emirati troops secured the harbour. Saudi officers "
                     "said the advance would go on. Yemeni government forces captured the village of Dhubab on "
                     "Tuesday.", published="2024-05-01")
    dhubab = [(a1, a2) for sub, a1, a2, place, _, _ in coded(report) if place.startswith("Dhub")]
    assert dhubab and all(a2 != "Military Forces of Saudi Arabia" for _, a2 in dhubab), coded(report)


def test_words_said_across_a_border_tell_of_that_town(extract):
    """"Turkish officials said in Suruc that mortar rounds had hit a school": at Suruc (no capital)."""
    report = extract("KOBANI, Syria - Islamic State militants shelled Kurdish fighters in Kobani on Monday. Turkish "
                     "officials said in Suruc that mortar rounds had hit a school, wounding four children.",
                     published="2014-10-07")
    assert any(place == "Suruç" for _, _, _, place, _, _ in coded(report)), coded(report)


def test_a_people_that_protests_and_a_paragraph_that_opens_with_also_are_read(extract):
    """"The Lebanese took to the streets": protesters, not Lebanon's army; "ALSO: Two soldiers were killed when
    a roadside bomb hit their vehicle": an event, not a line of links."""
    report = extract("BEIRUT - The Lebanese took to the streets of Beirut on Sunday to protest a new tax. Thousands of "
                     "demonstrators blocked roads with burning tyres. Police fired tear gas near the government "
                     "headquarters. The protests were the largest in years. The prime minister gave his partners 72 "
                     "hours.", published="2019-10-21")
    assert not [a.name for a in report.actors if any(m.text == "The Lebanese" for m in a.mentions)], report.actors
    report = extract("KABUL - Taliban fighters attacked a police checkpoint in Ghazni province overnight, killing six "
                     "officers, officials said.\nALSO: Two soldiers were killed when a roadside bomb hit their vehicle "
                     "in Helmand province on Tuesday, the defence ministry said.\nThe attacks came as envoys met in "
                     "Doha. Officials said the talks would resume next week.", published="2024-05-01")
    assert any(sub == "Remote explosive/landmine/IED" for sub, *_ in coded(report)), coded(report)


def test_a_states_own_troops_marching_into_its_capital_take_nothing(extract):
    report = extract("KIGALI, Rwanda - Government troops marched into Kigali on Monday for the independence "
                     "anniversary, watched by thousands of residents. The president took the salute at the national "
                     "stadium. The soldiers carried new rifles. Diplomats said the display was meant to reassure. "
                     "Rebels still hold positions in the north.", published="1990-07-03")
    assert not [e for e in coded(report) if e[0].endswith("territory")], coded(report)


def test_soldiers_taken_prisoner_and_a_task_taken_over_are_no_ground_taken(extract):
    """"relatives of soldiers captured at Mariupol gathered" (a participle the model takes for the main
    verb) and "took over the patrolling of Apatzingán" take no town; the relatives who gathered protested."""
    report = extract("KYIV - In Kyiv on Sunday, several hundred relatives of soldiers captured at Mariupol in 2022 "
                     "gathered on the Maidan to call for their release. The talks on an exchange have stalled. "
                     "Officials gave no date. The relatives said they would return next week.", published="2025-02-10")
    assert not [e for e in coded(report) if e[0].endswith("territory")], coded(report)
    report = extract("MORELIA, Mexico - Relatives of soldiers captured at Tepalcatepec gathered outside the state "
                     "legislature in Morelia on Monday to demand their release. Officials said nothing else. The "
                     "weather was cold. It rained.", published="2014-01-14")
    assert [(e[0], e[1], e[3]) for e in coded(report)] == [("Peaceful protest", "Protesters (Mexico)", "Morelia")], \
        coded(report)
    report = extract("APATZINGAN, Mexico - Federal police took over the patrolling of Apatzingán from the municipal "
                     "force on Tuesday. The town was calm. Shops reopened in the centre. Residents said they hoped "
                     "the army would stay.", published="2014-01-15")
    assert not [e for e in coded(report) if e[0].endswith("territory")], coded(report)


def test_bombers_of_a_nation_that_struck_are_its_aircraft_and_a_source_is_no_scene(extract):
    """"Italian bombers based on Majorca struck the port district of the city ..., according to the
    Generalitat": an air strike by Italy's forces on Barcelona; "a day after Soviet bombers struck the
    Finnish capital": the day before; not "Palestinian bombers attacked a bus"."""
    report = extract("BARCELONA - The city has not been spared. On 30 January Italian bombers based on Majorca struck "
                     "the port district of the city, killing more than 150 people, according to the Generalitat. "
                     "Food is short. Queues form before dawn.", published="1938-02-23")
    assert ("Air/drone strike", "Military Forces of Italy", None, "Barcelona", "1938-01-30", "reported") \
        in coded(report), coded(report)
    report = extract("HELSINKI - Fires were still burning in the Töölö district on Friday night, a day after Soviet "
                     "bombers struck the Finnish capital without a declaration of war. The government resigned. "
                     "Schools were closed. Queues formed at the banks.", published="1939-12-02")
    assert [(e[0], e[1], e[4]) for e in coded(report)] == [
        ("Air/drone strike", "Military Forces of the Soviet Union", "1939-11-30")], coded(report)
    report = extract("COLOMBO - Sri Lankan bombers struck rebel positions near Jaffna on Monday, the air force said. "
                     "Officials said nothing else. It rained. Schools were shut.", published="1997-10-20")
    assert [(e[0], e[1]) for e in coded(report)] == [("Air/drone strike", "Military Forces of Sri Lanka")], \
        coded(report)


def test_fire_from_a_place_fell_elsewhere(extract):
    """"under artillery fire from the heights of La Muela": the town was shelled, not La Muela."""
    report = extract("TERUEL - Nationalist troops entered Teruel on Tuesday. Throughout Monday the town was under "
                     "artillery fire from the heights of La Muela, and shells fell in the Plaza del Torico until after "
                     "dark. Officials said nothing else. The weather was cold.", published="1938-02-23")
    shelled = [e for e in coded(report) if e[0] == "Shelling/artillery/missile attack"]
    assert shelled and all(e[3] != "La Muela" for e in shelled), coded(report)


def test_its_troops_are_the_speakers_country_and_a_crowd_is_its_places(extract):
    """"Russia's defence ministry said its troops had liberated Toretsk": Russia's; protesters in Buenos Aires
    in a story from Stanley are Argentina's; a crowd that gathered and was pushed back met force."""
    report = extract("KRAMATORSK - Russia's defence ministry said on Saturday that its troops had completely liberated "
                     "Toretsk, a coal-mining town in the Donetsk region. Officials in Kyiv did not comment. The "
                     "weather was cold. Shops were shut.", published="2025-02-10")
    assert [(e[0], e[1]) for e in coded(report)] == [
        ("Non-state actor overtakes territory", "Military Forces of Russia")], coded(report)
    report = extract("STANLEY, Falkland Islands - British troops entered Stanley on Monday. In Buenos Aires, news of "
                     "the surrender brought thousands to the Plaza de Mayo on Monday night. Police fired tear gas to "
                     "clear the square. The junta has not declared the war over.", published="1982-06-15")
    assert ("Protest with intervention", "Protesters (Argentina)") in [(e[0], e[1]) for e in coded(report)], \
        coded(report)
    report = extract("PATTANI - Gunmen attacked an army post on Wednesday. As the standoff at the mosque went on, "
                     "several hundred residents gathered on the road outside it. They were pushed back by troops with "
                     "shields and batons in the early afternoon. The army said the area was calm.",
                     published="2004-04-29")
    assert "Protest with intervention" in [e[0] for e in coded(report)], coded(report)


def test_strikes_carried_out_by_a_side_are_its_own(extract):
    """"Seven air strikes were carried out near Ramadi on Monday by the US-led coalition": the coalition's."""
    report = extract("BAGHDAD - Seven air strikes were carried out near Ramadi on Monday by the US-led coalition, "
                     "destroying vehicles and a bridge, the coalition said. Islamic State fighters still hold the "
                     "city centre. Thousands of residents have fled. Aid agencies asked for access.",
                     published="2015-05-19")
    assert [(e[0], e[1]) for e in coded(report) if e[0] == "Air/drone strike"] == [
        ("Air/drone strike", "US-led coalition")], coded(report)


def test_neighbours_of_the_new_readings_keep_their_old_ones(extract):
    """What the readings of bombers, fire from a place, a source, tasks taken over, a gathering and a day
    counted back must leave alone: suicide bombers, the shooter named after "from", the town a governor
    speaks for, a headquarters taken, troops that gathered, a day after a noun."""
    report = extract("JERUSALEM - Two Palestinian bombers struck a crowded bus in central Jerusalem on Sunday, killing "
                     "19 people. Police sealed off the area. Hospitals appealed for blood. The government met.",
                     published="1996-02-26")
    assert "Air/drone strike" not in [e[0] for e in coded(report)], coded(report)
    report = extract("KRAMATORSK - Civilians in Toretsk were wounded by shelling from Russian troops on Tuesday, "
                     "officials said. Russian drones struck energy facilities overnight, according to Odesa "
                     "governor Oleh Kiper. Schools were shut. Trains ran late.", published="2024-06-12")
    assert ("Shelling/artillery/missile attack", "Military Forces of Russia") in [(e[0], e[1]) for e in coded(report)]
    assert "Odesa" in [e[3] for e in coded(report) if e[0] == "Air/drone strike"], coded(report)
    report = extract("JUBA - In Malakal, rebel forces took over the security headquarters on Tuesday after government "
                     "troops withdrew. Thousands fled to the UN base. Aid agencies asked for access. The army said "
                     "it would retake the town.", published="2013-12-19")
    assert [e for e in coded(report) if e[0].endswith("territory") and e[1].startswith("Unidentified")
            and e[5] != "hypothetical"], coded(report)
    report = extract("KANDAHAR - Several hundred troops gathered near the airport on Monday ahead of a new offensive. "
                     "They were pushed back by Taliban fighters after a brief clash. Officials said nothing else. It "
                     "rained.", published="2010-06-08")
    assert "Protest with intervention" not in [e[0] for e in coded(report)], coded(report)
    report = extract("KHARTOUM - Rebels captured the port of Massawa on Saturday after a three-day battle. Ethiopian "
                     "jets bombed the town of Massawa a day after its fall. Officials said nothing else. It rained.",
                     published="1990-02-14")
    assert [e[4] for e in coded(report) if e[0] == "Air/drone strike"] == ["1990-02-11"], coded(report)


def test_the_speakers_own_army_police_and_aircraft(extract):
    """"A spokesman for the French army in Niger said its soldiers": France's, the actor its subject names;
    "Croatia's interior ministry said its special police": Croatia's police, in 1991 too; "Ethiopian MiG
    fighters" are Ethiopia's aircraft, no armed men."""
    report = extract("NIAMEY - A spokesman for the French army in Niger said its soldiers had clashed with gunmen near "
                     "Tillaberi on Thursday. Officials said nothing else. It rained. Schools were shut.",
                     published="2023-05-20")
    assert [(e[0], e[1]) for e in coded(report)] == [("Armed clash", "Military Forces of France")], coded(report)
    report = extract("ZAGREB - Croatia's interior ministry said its special police had retaken Pakrac on Friday. "
                     "Officials said nothing else. It rained. Schools were shut.", published="1991-05-04")
    assert [e[1] for e in coded(report)] == ["Police Forces of Croatia"], coded(report)
    report = extract("KHARTOUM - Rebels captured the port of Massawa on Saturday. Ethiopian MiG fighters bombed Massawa "
                     "on Sunday, killing 50 civilians. The Eritrean People's Liberation Front said it would advance. "
                     "Officials said nothing else.", published="1990-02-14")
    assert ("Air/drone strike", "Military Forces of Ethiopia") in [(e[0], e[1]) for e in coded(report)], coded(report)


def test_a_town_lost_is_taken_by_the_other_side(extract):
    """"The Indian army lost Tawang": taken from the army by the side the story has it fight; "lost their
    lives" and "lost contact" take nothing."""
    report = extract("TEZPUR - Chinese troops attacked Bomdila on Sunday. The Indian army lost Tawang on Friday "
                     "after three weeks of resistance. Soldiers in the town lost their lives. Officials gave no "
                     "figures. Reporters could not reach the front.", published="1962-11-20")
    taken = [(e[0], e[1], e[2]) for e in coded(report) if e[0] in ("Non-state actor overtakes territory",
                                                                    "Government regains territory")]
    assert taken == [("Non-state actor overtakes territory", "Military Forces of China", "Military Forces of India")], \
        coded(report)


def test_a_town_lost_to_a_named_side_is_that_sides_and_a_bare_passive_loss_is_no_event(extract):
    """"lost Manbij to the Syrian Democratic Forces": the SDF took it; "Walong was lost" says neither who lost
    it nor to whom (not the army that reports the loss as its taker)."""
    report = extract("BEIRUT - The Islamic State group lost Manbij to the Syrian Democratic Forces on Friday, monitors "
                     "said. Fighting went on in the villages to the south. Officials gave no figures. Reporters could "
                     "not reach the town.", published="2016-08-20")
    assert [(e[0], e[1], e[2], e[3]) for e in coded(report)][:1] == [
        ("Non-state actor overtakes territory", "Syrian Democratic Forces", "Islamic State", "Manbij")], coded(report)
    report = extract("NEW DELHI - Chinese troops pressed south across the mountains on Friday, officials said. Walong "
                     "was lost on Thursday after three weeks of resistance, the defence ministry admitted. Officials "
                     "gave no figures. Reporters could not reach the front.", published="1962-11-23")
    assert not [e for e in coded(report) if e[0].endswith("territory")], coded(report)
    # the passive with its taker: "Kunduz was lost to the Taliban" ("to" is no destination here)
    report = extract("KABUL - Kunduz was lost to the Taliban on Sunday after days of fighting, officials said. Officials "
                     "gave no figures. Reporters could not reach the town.", published="2021-08-09")
    assert [(e[0], e[1], e[3]) for e in coded(report)] == [
        ("Non-state actor overtakes territory", "Taliban", "Kunduz")], coded(report)


def test_a_killing_by_a_weapon_in_the_passive_is_no_accident(extract):
    """A passive's doer that is a weapon is no subject that makes a killing an accident ("a gas container
    exploded"): "killed by poison gas"; but a doer that is an accident's or an animal is ("killed by an
    explosion at a fireworks factory", "killed by a crocodile")."""
    report = extract("IDLIB, Syria - Dozens of civilians were killed by poison gas in Khan Shaykhun on Tuesday, doctors "
                     "said. Two children were killed by shrapnel in Saraqib on Wednesday. Three workers were killed "
                     "by an explosion at a fireworks factory in Idlib on Thursday. Two fishermen were killed by a "
                     "crocodile near Jisr al-Shughur on Friday. Officials gave no figures.", published="2017-04-08")
    assert [e[3] for e in coded(report) if e[0] == "Attack"] == ["Khān Shaykhūn", "Saraqib"], coded(report)


def test_a_taker_that_left_its_own_bases_took_the_town_by_force(extract):
    report = extract("BANGUI - Seleka rebels left their bases in Ndele and captured Bria on Monday, officials said. "
                     "Residents fled into the bush. Officials gave no figures. Reporters could not reach the town.",
                     published="2013-01-10")
    assert [e[0] for e in coded(report) if e[3] == "Bria"] == ["Non-state actor overtakes territory"], coded(report)


def test_a_withdrawal_joined_to_anothers_entry_is_still_a_peaceful_transfer(extract):
    report = extract("BANGUI - Government soldiers withdrew from Bria on Saturday and Seleka rebels entered the town "
                     "on Sunday, officials said. Residents stayed indoors. Officials gave no figures. Reporters could "
                     "not reach the town.", published="2013-01-10")
    assert [e[0] for e in coded(report) if e[3] == "Bria"] == ["Non-violent transfer of territory"], coded(report)


def test_armed_men_who_walked_into_a_town_to_kill_raided_it(extract):
    report = extract("BENI, Congo - ADF fighters walked into Oicha on Sunday night and hacked 15 civilians to death "
                     "with machetes, officials said. Residents fled into the bush. Officials gave no more figures. "
                     "Reporters could not reach the town.", published="2019-11-20")
    assert [e[0] for e in coded(report)] == ["Attack"], coded(report)


@pytest.mark.parametrize("text", [
    "Members of parliament stood in silence in the Commons in London on Monday for the victims of the bombing.",
    "Players and fans at Old Trafford in Manchester stood in silence for a minute before the match on Saturday.",
    "Thousands of fans stood in silence at Anfield in Liverpool on Saturday before the match.",
])
def test_a_silence_kept_by_no_crowd_is_no_protest(extract, text):
    report = extract(text + " Officials gave no figures. The match went ahead. Reporters were present. More "
                     "events are planned.", published="2017-05-25")
    assert not [e for e in coded(report) if e[0] == "Peaceful protest"], coded(report)


@pytest.mark.parametrize("text, sub_type", [
    ("MOGADISHU, Somalia - Soldiers fired on armed supporters of the former mayor in Afgoye on Monday, sparking a "
     "two-hour gun battle.", "Armed clash"),
    ("BAIDOA, Somalia - Police opened fire on supporters of a former militia commander who were protesting his "
     "arrest in Baidoa on Monday, killing two.", "Excessive force against protesters"),
    ("HARARE - Police opened fire on opposition supporters in Harare on Monday, killing two.",
     "Excessive force against protesters"),
])
def test_fire_on_supporters_is_on_a_crowd_unless_they_are_a_commanders(extract, text, sub_type):
    report = extract(text + " Officials gave no more figures. Reporters could not reach the area. More news will "
                     "follow.", published="2007-05-25")
    assert [e[0] for e in coded(report)] == [sub_type], coded(report)


@pytest.mark.parametrize("text, sub_types", [
    # police and the press who scuffle fight no war
    ("NAIROBI - Scuffles between police and reporters were seen outside the tallying centre in Nairobi on Monday.", []),
    # a plural event noun opening a sentence after a dateline is no name
    ("DHAKA - Clashes between students and police broke out in Dhaka on Sunday.", ["Violent demonstration"]),
])
def test_who_scuffled_or_clashed_says_what_it_was(extract, text, sub_types):
    report = extract(text + " Officials gave no figures. Reporters were present. More news will follow.",
                     published="2013-05-25")
    assert [e[0] for e in coded(report)] == sub_types, coded(report)


def test_a_nationality_inside_a_companys_name_is_no_army(extract):
    report = extract("LUANDA, Angola - UNITA rebels shelled Kuito on Monday, officials said. Royal Dutch Shell took "
                     "control of the Bonga field off Warri after the contract was signed. Officials gave no figures. "
                     "Reporters could not reach the town.", published="1994-06-01")
    assert not [a.name for a in report.actors if "Netherlands" in a.name], report.actors
    assert [e[0] for e in coded(report)] == ["Shelling/artillery/missile attack"], coded(report)


def test_roads_blocked_by_snow_or_vehicles_are_no_protest(extract):
    report = extract("ADEN - Separatist forces took the port on Thursday. Most shops remained shut and the main roads "
                     "were blocked by armoured vehicles. In the north, roads were blocked by snow. Officials gave no "
                     "figures. Aid agencies asked for access.", published="2019-08-30")
    assert not [e for e in coded(report) if e[0] == "Peaceful protest"], coded(report)


@pytest.mark.parametrize("text, published, place", [
    # the takers found no one to fight: a non-violent transfer
    ("PORT MORESBY - Australian troops marched into Kokoda on Monday morning and found the village empty; not a shot "
     "was fired.", "1942-11-04", "Kokoda"),
    ("PORT MORESBY - Australian troops marched into Kokoda on Monday morning and found the village and its airfield "
     "empty.", "1942-11-04", "Kokoda"),
    ("PORT MORESBY - Australian troops entered Kokoda on Monday and found it deserted.", "1942-11-04", "Kokoda"),
    # armed men walked in after the other side's soldiers left
    ("ADDIS ABABA - Rebel fighters walked into Gondar on Monday, hours after federal soldiers left the city.",
     "2021-06-30", "Gonder"),
])
def test_a_place_entered_with_no_one_to_fight_changed_hands_without_a_fight(extract, text, published, place):
    report = extract(text + " Officials gave no figures. Reporters could not reach the area. The government did "
                     "not comment. Aid groups asked for access.", published=published)
    assert [e[0] for e in coded(report) if e[3] == place] == ["Non-violent transfer of territory"], coded(report)


def test_a_clash_that_left_men_dead_is_no_withdrawal(extract):
    report = extract("ADDIS ABABA - Rebels took Dessie on Monday after a clash that left five soldiers dead. Officials "
                     "gave no figures. Reporters could not reach the area. The government did not comment. Aid "
                     "groups asked for access.", published="2021-06-30")
    assert [e[0] for e in coded(report) if e[3] == "Dessie"] == ["Non-state actor overtakes territory"], coded(report)


@pytest.mark.parametrize("text, published", [
    # a crowd's silence is its protest
    ("LISBON - Several thousand people stood in silence in Praca do Comercio in Lisbon on Tuesday evening.",
     "1961-12-20"),
    ("DERRY - On Monday thousands walked in silence behind black flags in Strabane.", "1972-02-01"),
    # death words in a banner's words or in mourning are the crowd's cause, not force it met
    ("PHNOM PENH - On Monday about 200 monks walked in silence to the royal palace in Phnom Penh carrying banners "
     "that read \"Stop killing Khmers\". They were watched by police but not stopped.", "1997-07-08"),
    ("APIA - Some 200 women sat in silence outside the Court House in Apia on Wednesday in mourning for the dead. "
     "Police watched them but did not interfere.", "1930-01-03"),
])
def test_a_silent_crowd_is_a_peaceful_protest(extract, text, published):
    report = extract(text + " Officials gave no figures. Reporters could not reach the area. The government did "
                     "not comment.", published=published)
    assert [e[0] for e in coded(report)] == ["Peaceful protest"], coded(report)


@pytest.mark.parametrize("text, sub", [
    # shots into the air warn; they are no lethal force
    ("BUJUMBURA - Hundreds of demonstrators gathered in Musaga on Friday. Police fired tear gas and shots in the air "
     "to scatter them, and several people were detained.", "Protest with intervention"),
    ("BUJUMBURA - Police fired shots into the crowd in Musaga on Friday, killing two demonstrators.",
     "Excessive force against protesters"),
    # an attempt to disperse a crowd is an intervention, whether or not it worked
    ("TASHKENT - Thousands gathered in the square outside the central bazaar in Nukus on Friday afternoon. Police "
     "tried to disperse the crowd with batons and stun grenades.", "Protest with intervention"),
])
def test_how_much_force_a_crowd_met(extract, text, sub):
    report = extract(text + " Officials gave no figures. Reporters could not reach the area. The government did "
                     "not comment.", published="2015-05-16")
    happened = [e for e in report.events if e.factuality in ("asserted", "reported")]
    assert [e.sub_event_type for e in happened] == [sub], coded(report)



@pytest.mark.parametrize("sentence, sub_type", [
    # aircraft named by their make strafe; rockets from the air are an air strike
    ("RAF Spitfires strafed ELAS positions on the hills above Kaisariani on Wednesday.", "Air/drone strike"),
    ("Indian MiGs rocketed Government House in Dacca on Tuesday.", "Air/drone strike"),
    ("Helicopter gunships rocketed rebel positions around Kaisariani on Saturday.", "Air/drone strike"),
    # houses and shops stripped were looted, whoever did it
    ("Shops in Ermou Street in Athens were stripped on Tuesday night.", "Looting/property destruction"),
])
def test_old_words_of_war_and_plunder_are_events(extract, sentence, sub_type):
    report = extract("ATHENS - Fighting went on in the city this week, officials said. " + sentence +
                     " Officials gave no figures. Reporters could not reach the area.", published="1944-12-07")
    assert [e.sub_event_type for e in report.events if e.evidence.text.startswith(sentence[:20])] == [sub_type], \
        coded(report)


def test_a_general_stripped_of_his_rank_is_no_looting(extract):
    report = extract("ATHENS - Fighting went on in the city this week, officials said. The general was stripped of "
                     "his rank in Athens on Tuesday. Officials gave no figures. Reporters could not reach the area.",
                     published="1944-12-07")
    assert not [e for e in coded(report) if e[0] == "Looting/property destruction"], coded(report)


def test_shops_looted_by_no_one_named_are_looting_not_the_crowds_riot(extract):
    report = extract("LAGOS, June 3 - Protesters burned tyres and blocked roads in Ikeja on Monday, demanding the "
                     "release of a detained activist. On Monday night, shops in the Oshodi market were looted.",
                     published="2024-06-03")
    subs = {e[0]: e[3] for e in coded(report)}
    assert subs.get("Violent demonstration") == "Ikeja" and subs.get("Looting/property destruction") == "Oshodi", \
        coded(report)


def test_a_fight_between_two_sides_is_theirs_not_the_clauses_it_hangs_from(extract):
    """"The mayor declared a curfew as fighting between the army and the ELN went on": the sides are those
    "between" names, not the mayor (whose clause the fighting only hangs from)."""
    text = ("BOGOTA - The mayor of Tibu declared a curfew on Monday as fighting between the army and the ELN went on "
            "in the town. Shops stayed shut. Officials gave no figures.")
    assert ("Armed clash", "Military Forces of Colombia", "ELN: National Liberation Army", "Tibú") in \
        [e[:4] for e in coded(extract(text, published="2024-05-08"))]
