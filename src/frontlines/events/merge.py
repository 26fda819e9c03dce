"""Merging: ACLED's one event per type, place, day and actor pair, and the events that are
parts of others (the fighting in a capture, the dead of a shelling)."""
from __future__ import annotations

from datetime import date

from frontlines.events.arguments import Index
from frontlines.events.triggers import event_words
from frontlines.model import HAPPENED, Event
from frontlines.context import km

SAME_PLACE_KM = 10.0
DEADLY_FORCE = "Excessive force against protesters"
PROTEST_GRAVITY = {"Peaceful protest": 0, "Protest with intervention": 1, DEADLY_FORCE: 2}
SEPARATELY = event_words()["separately"]
INTERCEPTIONS = event_words()["interceptions"]
ENDED_IN_PEACE = event_words()["ended_in_peace"]
PROTEST_NOUNS = frozenset({"march", "rally", "protest", "demonstration", "gathering", "procession", "vigil", "sit-in"})
NEXT_TELLING = 300  # characters after a sentence in which the next one is looked for


def merge(events: list[Event], index: Index, text: str = "") -> list[Event]:
    """One event per type, place, day and actor pair; the first sentence stays the evidence.
    A site and its town are one location ("the Zobe junction" in Mogadishu).  `text`: the document's."""
    kept: list[Event] = []
    for e in events:
        same = next((k for k in kept if merge_kind(k) == merge_kind(e) and same_place(k.place, e.place, index)
                     and close_dates(k, e) and scored(k) == scored(e) and same_sides(k, e)
                     and not told_apart(k, e, text)), None)
        if same is None:
            kept.append(e)
        else:
            if graver(e, same) and e.sub_event_type == DEADLY_FORCE:
                # a march or intervention lists the crowd first, deadly force the force: take the force's order
                same.actor1, same.actor2 = e.actor1 or same.actor2, e.actor2 or same.actor1
            if graver(e, same):  # "Thousands marched in Goma. Police fired tear gas to stop them"
                same.sub_event_type, same.plover = e.sub_event_type, e.plover
            if same.sub_event_type == "Armed clash" and e.sub_event_type in TAKING and same.evidence == e.evidence:
                # "drove the fighters back from Mosul, retaking Bazwaya": the fight told was the taking's
                same.sub_event_type, same.plover, same.place = e.sub_event_type, e.plover, e.place
                same.actor1, same.actor2 = e.actor1 or same.actor1, e.actor2 or same.actor2
            else:
                same.actor1, same.actor2 = same.actor1 or e.actor1, same.actor2 or e.actor2
            same.fatalities = same.fatalities if same.fatalities is not None else e.fatalities
    for n, e in enumerate(kept, start=1):
        e.id = f"e{n}"
    return kept


def same_sides(a: Event, b: Event) -> bool:
    """Whether two events' actors may be the same pair: slot by slot, or either way round for a clash
    ("soldiers and militants exchanged fire in a gunfight"). A place taken from one side on one day
    is one change of hands, whichever ally is named as the taker ("recaptured by Rwandan and
    Mozambican troops"; "has been liberated", a Rwandan spokesman said)."""
    if compatible(a.actor1, b.actor1) and (compatible(a.actor2, b.actor2) or a.sub_event_type in TAKING):
        return True
    if a.sub_event_type == b.sub_event_type in TAKING and compatible(a.actor2, b.actor2):
        return True
    return a.sub_event_type == b.sub_event_type == "Armed clash" and {a.actor1, a.actor2} == {b.actor1, b.actor2}


def told_apart(a: Event, b: Event, text: str = "") -> bool:
    """Whether the text sets two protest events apart ("In a separate incident, police fired tear gas"),
    or tells one a protest that passed in peace and the other not ("The march ended without incident")."""
    if not (a.event_type == b.event_type == "Protests" and a.evidence != b.evidence):
        return False
    return any(w.strip(",.;:").lower() in SEPARATELY for e in (a, b) for w in e.evidence.text.split()) or (
        a.sub_event_type != b.sub_event_type and any(
            e.sub_event_type == "Peaceful protest" and ended_in_peace(e, text) for e in (a, b)))


def graver(a: Event, b: Event) -> bool:
    """Whether a protest event tells of more force used on the crowd than another of the same
    protest: one event is coded at its gravest (its evidence stays the first sentence, as for any merge)."""
    return a.event_type == b.event_type == "Protests" and \
        PROTEST_GRAVITY.get(a.sub_event_type, 0) > PROTEST_GRAVITY.get(b.sub_event_type, 0)


def merge_kind(e: Event) -> str:
    """What events must share to be one: their event type, or for strategic developments, whose
    sub-types are unlike acts, their sub-type ("arrested two men and recovered two landmines" is
    an arrest and a seizure of weapons)."""
    return e.sub_event_type if e.event_type == "Strategic developments" else e.event_type


def close_dates(a: Event, b: Event) -> bool:
    """The same day, or within two days for the same change of hands by the same side ("took control
    of Kidal on Tuesday" and the president's "have today seized Kidal") or the same bombing or killing
    told again with its toll (`tolls_again`: "On Tuesday, police said the death toll had risen to 41");
    fights, riots, protests and arrests on two days are two events, as ACLED codes them."""
    if a.date == b.date:
        return True
    told_again = a.sub_event_type in (*TAKING, TRANSFER) or (a.sub_event_type in TOLD_AGAIN and tolls_again(a, b))
    if a.date is None or b.date is None or a.sub_event_type != b.sub_event_type or a.actor1 != b.actor1 \
            or not told_again:
        return False
    return abs((date.fromisoformat(a.date) - date.fromisoformat(b.date)).days) <= 2


TRANSFER = "Non-violent transfer of territory"
PART_OF_RIOT = ("Attack", DEADLY_FORCE, "Protest with intervention")
FORCE_ON_CROWDS = (DEADLY_FORCE, "Protest with intervention")
NEXT_SENTENCE = 2  # characters between one sentence's end and the next's start (a space, a paragraph break)
TAKING = ("Government regains territory", "Non-state actor overtakes territory")
# one bombing or killing whose toll is told again the next day (not air strikes or shelling, day after day)
TOLD_AGAIN = ("Remote explosive/landmine/IED", "Suicide bomb", "Attack")
TOLL_AGAIN = event_words()["toll_again"]


def transfers_in_one_sentence(events: list[Event]) -> list[Event]:
    """One sentence that has one side leave a place and the other take it tells of one change of
    hands, the side that takes over as actor1 and the side that left as actor2: a transfer ("the
    UN convoy pulled out of the Kidal camp and CSP fighters occupied the base"), or a capture
    when the sentence tells of fighting ("swept into Hama after days of fighting, forcing the
    army to pull out"); a taking fought for and another change on another day are two ("seized it on Friday,
    but loyal troops took it back on Saturday after the rebel officers slipped out"; but "withdrew on Saturday
    and rebels entered the town on Sunday" is one)."""
    out: list[Event] = []
    for e in events:
        twin = next((k for k in out if k.evidence == e.evidence and k.place == e.place and k.actor1 != e.actor1
                     and (k.date == e.date or not {k.sub_event_type, e.sub_event_type} & set(TAKING))
                     and {k.sub_event_type, e.sub_event_type} <= {TRANSFER, *TAKING}
                     and TRANSFER in (k.sub_event_type, e.sub_event_type)), None)
        if twin is None:
            out.append(e)
            continue
        taker, leaver = taker_and_leaver(twin, e)
        if taker.sub_event_type not in TAKING:  # a capture the rules kept a capture was fought for
            twin.event_type, twin.sub_event_type, twin.plover = "Strategic developments", TRANSFER, "RETREAT"
        else:
            twin.event_type, twin.sub_event_type, twin.plover = taker.event_type, taker.sub_event_type, taker.plover
        twin.actor1, twin.actor2 = taker.actor1, leaver.actor1
    return out


def taker_and_leaver(first: Event, second: Event) -> tuple[Event, Event]:
    """Of two events of one sentence's transfer, the one whose actor1 took over and the one whose
    actor1 left: the capture's subject took over, as did a capture that already names the other
    as the side that left ("took Avdiivka after Ukraine's troops withdrew"); between two
    withdrawal words, the side named second."""
    for taker, leaver in ((first, second), (second, first)):
        if taker.sub_event_type in TAKING:
            return taker, leaver
    for taker, leaver in ((first, second), (second, first)):
        if taker.actor2 is not None and taker.actor2 == leaver.actor1:
            return taker, leaver
    return second, first


def scored(e: Event) -> bool:
    """Whether an event happened (asserted or reported)."""
    return e.factuality in HAPPENED


def near(a: str | None, b: str | None, index: Index) -> bool:
    """Two place ids at the same location."""
    if a == b:
        return True
    if a is None or b is None:
        return False
    pa, pb = index.places[a], index.places[b]
    return km((pa.lat, pa.lon), (pb.lat, pb.lon)) <= SAME_PLACE_KM


def same_place(a: str | None, b: str | None, index: Index) -> bool:
    """Two place ids one event may stand at (a site and its town), not two towns the gazetteer knows,
    however near: "retook Staromaiorske on 27 July and Urozhaine on 16 August" are two takings."""
    if a is not None and b is not None and a != b \
            and index.places[a].feature == index.places[b].feature == "city":
        return False
    return near(a, b, index)


def compatible(a: str | None, b: str | None) -> bool:
    """Two actor slots that may name the same actor."""
    return a is None or b is None or a == b


def intercepted(event: Event) -> bool:
    """Whether a disrupted weapons use is an interception ("shot down a drone"), not weapons seized
    ("laid down their arms" is no interception)."""
    return any(phrase in event.evidence.text.lower() for phrase in INTERCEPTIONS)


def strike_damage(events: list[Event]) -> list[Event]:
    """The dead of a shelling or a bombing are its fatalities, not an attack of their own ("Shells crashed
    into Sake, killing six civilians"), and the houses it set on fire its damage ("shells fell on the
    island, setting dozens of houses on fire"): dropped before merging, while each event still has its
    own sentence (a strike merged into an earlier one of the same town and day keeps that one's)."""
    remote = {e.evidence for e in events if e.event_type == "Explosions/Remote violence"}
    return [e for e in events if not (e.evidence in remote and (
        e.event_type == "Violence against civilians" or e.sub_event_type == "Looting/property destruction"))]


def subsume_parts(events: list[Event], index: Index, text: str = "") -> list[Event]:
    """Events that are parts of others (`text`: the document's, where a telling goes on).  The fighting in
    a capture is part of the capture: drop an armed clash at the place of a territory event, on its day
    or the day before ("stormed the town ... after hours of clashes, held it"; not "a second attack on
    the town the next night was repelled")."""
    captures = [e for e in events if e.event_type == "Battles" and e.sub_event_type != "Armed clash" and scored(e)]
    kept = [e for e in events if not (e.sub_event_type == "Armed clash" and any(
        near(c.place, e.place, index) and fought_for(e.date, c.date) for c in captures))]
    # weapons an armed group seized where it fought, took a place or had its enemy surrender are its
    # spoils ("took full control of El Adde and seized vehicles and weapons"); ACLED's disrupted
    # weapons use is weapons kept from their users
    kept = [e for e in kept if not (e.sub_event_type == "Disrupted weapons use" and e.actor1 is not None
                                    and index.actors[e.actor1].kind != "state_forces" and not intercepted(e) and any(
        e.actor1 in (c.actor1, c.actor2) and c is not e and near(c.place, e.place, index)
        and close_days(c.date, e.date, 1) for c in events))]
    # a garrison's surrender told with the taking of its town is part of that taking ("Falam was taken by the
    # alliance on Monday when the last garrison in the town surrendered")
    kept = [e for e in kept if not (e.sub_event_type == "Agreement" and "surrender" in e.evidence.text.lower() and any(
        c.evidence == e.evidence and c.sub_event_type in (*TAKING, TRANSFER) and near(c.place, e.place, index)
        for c in kept))]
    # a change of hands told again without its fighting, by the same taker from the same side on the same day, is the taking
    # fought for ("recaptured Kirkuk from the rebels on Thursday ... their fighters had pulled back from the city
    # and government troops had entered it")
    kept = [e for e in kept if not (e.sub_event_type == TRANSFER and e.actor2 is not None and any(
        c.sub_event_type in TAKING and (c.actor1, c.actor2) == (e.actor1, e.actor2) and c.date == e.date
        and c.factuality in HAPPENED and near(c.place, e.place, index) for c in kept))]
    # what a crowd burns or loots is part of its riot ("Demonstrators burned vehicles and set fire to offices")
    # (not one denied, "its units had not used live ammunition", nor one only wanted: "a crowd that
    # demanded weapons to fight the rebels was dispersed")
    crowds = [e for e in kept if e.event_type in ("Riots", "Protests") and scored(e)]
    kept = [e for e in kept if not (e.sub_event_type == "Looting/property destruction" and any(
        c.evidence == e.evidence for c in crowds))]
    # and so are the arms taken in its riot ("a crowd broke into the jail ... and carried away guns")
    kept = [e for e in kept if not (e.sub_event_type == "Disrupted weapons use" and any(
        c.evidence == e.evidence and c.event_type == "Riots" for c in crowds))]
    # force used on a riot, and its dead, are part of it: ACLED codes one violent demonstration
    # ("students and party activists fought running battles ...; three people were killed")
    riots = [c for c in crowds if c.sub_event_type == "Violent demonstration"]
    kept = [e for e in kept if not (e.sub_event_type in PART_OF_RIOT and any(
        r.evidence == e.evidence and near(r.place, e.place, index) for r in riots))]
    # and so is force on a crowd at the riot's place that day, told in the next sentence
    # ("Demonstrators threw rocks. Security forces responded with tear gas and water cannons")
    kept = [e for e in kept if not (e.sub_event_type in FORCE_ON_CROWDS and any(
        r.place == e.place and r.date == e.date and 0 <= e.evidence.start - r.evidence.end <= NEXT_SENTENCE
        for r in riots))]
    # force on a protest where deadly force was used on it that day is that event, coded at its
    # gravest ("security forces broke up protests, killing two. Police fired tear gas")
    deadly = [c for c in crowds if c.sub_event_type == DEADLY_FORCE]
    kept = [e for e in kept if not (e.sub_event_type == "Protest with intervention" and any(
        near(c.place, e.place, index) and c.date == e.date for c in deadly))]
    # ... and deadly force told again ("... when security forces broke up protests. Police fired tear
    # gas and live rounds") is the first telling's
    kept = [e for e in kept if not (e.sub_event_type == DEADLY_FORCE and any(
        c is not e and c.evidence.start < e.evidence.start and near(c.place, e.place, index) and c.date == e.date
        for c in deadly))]
    # and a killing told as deadly force on a protest is that force ("police shot dead a student during a protest")
    kept = [e for e in kept if not (e.event_type == "Violence against civilians" and any(
        c.evidence == e.evidence and c.sub_event_type == DEADLY_FORCE for c in deadly))]
    # protesters arrested where the force broke up their protest are ACLED's protest with
    # intervention, not arrests of their own ("police dispersed the crowd, detaining six")
    forced = [c for c in crowds if c.sub_event_type in FORCE_ON_CROWDS]
    # the dead told with no killer in the sentence after force on a crowd are its dead: deadly force
    # ("riot police fired rubber bullets and tear gas at protesters. Two men were killed")
    for e in [e for e in kept if e.sub_event_type == "Attack" and e.actor1 is None]:
        force = next((c for c in forced if near(c.place, e.place, index) and c.date == e.date
                      and 0 <= e.evidence.start - c.evidence.end <= NEXT_SENTENCE), None)
        if force is not None:
            if force.sub_event_type != DEADLY_FORCE:  # a protest's event lists the crowd first (crowd_as_actor1);
                # deadly force lists the force first
                force.actor1, force.actor2 = force.actor2, force.actor1
            force.sub_event_type, force.plover = DEADLY_FORCE, "ASSAULT"
            force.fatalities = force.fatalities if force.fatalities is not None else e.fatalities
            kept.remove(e)
    kept = [e for e in kept if not (e.sub_event_type == "Arrests" and of_the_crowd(e, index) and any(
        c.evidence == e.evidence and near(c.place, e.place, index) for c in forced))]
    # a rally told in the sentence of its riot or its dispersal is that event ("clashed with police
    # during an opposition rally"), and so is a march where force was used on a crowd that day
    # ("the shooting began when worshippers marched toward a police station")
    kept = [e for e in kept if not (e.sub_event_type == "Peaceful protest" and any(
        c.evidence == e.evidence and near(c.place, e.place, index) and c.sub_event_type != e.sub_event_type
        for c in crowds))]
    kept = [e for e in kept if not (e.sub_event_type == "Peaceful protest" and any(
        near(c.place, e.place, index) and c.date == e.date and not told_apart(c, e, text) for c in forced))]
    for n, e in enumerate(kept, start=1):
        e.id = f"e{n}"
    return kept


def ended_in_peace(protest: Event, text: str) -> bool:
    """Whether a protest's sentence, or the one after it when that one opens on the protest ("The march
    ended without incident"), says it passed in peace (`ended_in_peace` in words.yaml)."""
    after = text[protest.evidence.end:protest.evidence.end + NEXT_TELLING].lstrip()
    told = [protest.evidence.text.lower()]
    first, _, rest = after.partition(" ")
    if first == "The" and rest.split(" ", 1)[0].lower().strip(",") in PROTEST_NOUNS:
        told.append(after.split(". ")[0].lower())
    return any(phrase in t for t in told for phrase in ENDED_IN_PEACE)


def of_the_crowd(arrests: Event, index: Index) -> bool:
    """Whether an arrest took people the text names as a crowd or as people ("arresting 20
    protesters", "arrested 53 people at a peaceful demonstration"; not "arrested three bandits",
    nor people it does not name)."""
    taken = index.actors.get(arrests.actor2 or "")
    return taken is not None and taken.kind in ("protesters", "rioters", "civilians")


def fought_for(fight: str | None, taking: str | None) -> bool:
    """Whether a fight's day may be the fighting for a taking: its day or the day before."""
    if fight is None or taking is None:
        return False
    return 0 <= (date.fromisoformat(taking) - date.fromisoformat(fight)).days <= 1


def tolls_again(a: Event, b: Event) -> bool:
    """Whether one of two tellings gives a toll again ("the death toll from the car bomb had risen to
    41", words.yaml `toll_again`)."""
    return any(w in e.evidence.text.lower() for e in (a, b) for w in TOLL_AGAIN)


def close_days(a: str | None, b: str | None, days: int) -> bool:
    """Two ISO dates at most `days` apart (unknown dates are not close)."""
    if a is None or b is None:
        return False
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= days
