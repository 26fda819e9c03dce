"""Date resolution against the publication date, table-driven."""
from __future__ import annotations

from datetime import date

import pytest

from frontlines.dates import resolve_anchored, resolve_phrase

PUBLISHED = date(2017, 11, 3)  # a Friday


@pytest.mark.parametrize("phrase, day, precision", [
    ("Friday", "2017-11-03", "day"),
    ("on Tuesday", "2017-10-31", "day"),
    # "last" names the week before: on a Friday, "last Thursday" is not yesterday (that is "on Thursday")
    ("last Thursday", "2017-10-26", "day"),
    ("last Tuesday", "2017-10-31", "day"),
    ("yesterday", "2017-11-02", "day"),
    # "over the weekend": its Sunday, as coders date it (the scorer's day of tolerance takes in the Saturday)
    ("over the weekend", "2017-10-29", "day"),
    ("Oct. 31", "2017-10-31", "day"),
    ("Nov. 7", "2016-11-07", "day"),          # a day later in the year than publication: last year's
    ("June 21, 2014", "2014-06-21", "day"),
    ("14 October 2017", "2017-10-14", "day"),
    ("two days ago", "2017-11-01", "day"),
    # history told by how long ago it was
    ("a decade ago", "2007-11-04", "year"),
    ("a century ago", "1917-11-04", "year"),
    ("last week", "2017-10-27", "week"),
    ("early January", "2017-01-05", "week"),
    ("in May 2014", "2014-05-15", "month"),
    ("last month", "2017-10-04", "month"),
    ("just weeks after", "2017-10-13", "week"),
    ("in 2015", "2015-07-02", "year"),
    ("until 2009", "2009-07-02", "year"),
    # a date with its year counted from publication: not the last such day before it
    ("on 8 October last year", "2016-10-08", "day"),
    ("on October 8 last year", "2016-10-08", "day"),
    ("in March last year", "2016-03-15", "month"),
    ("on 2 March this year", "2017-03-02", "day"),
    # a day named for what falls on it: its last occurrence, or the year given
    ("on Christmas Eve", "2016-12-24", "day"),
    ("on New Year's Day 2010", "2010-01-01", "day"),
    ("on May Day", "2017-05-01", "day"),
    # ... or counted from Easter, which moves with the years (Easter Sunday 2017 was 16 April)
    ("on Good Friday", "2017-04-14", "day"),
    ("on Easter Monday 1916", "1916-04-24", "day"),
    # ... the Orthodox churches' Easter when they are named (Orthodox Easter 2017 fell on 16 April too; 2016's on 1 May)
    ("on Orthodox Easter Sunday 2016", "2016-05-01", "day"),
])
def test_resolved(phrase, day, precision):
    found = resolve_phrase(phrase, PUBLISHED)
    assert (found.day.isoformat(), found.precision) == (day, precision)


@pytest.mark.parametrize("phrase", ["2½ years", "more than six years of war", "for three months"])
def test_durations_are_not_dates(phrase):
    assert resolve_phrase(phrase, PUBLISHED) is None


@pytest.mark.parametrize("phrase, day", [
    ("a day later", "2017-11-04"), ("the previous day", "2017-11-02"), ("two days earlier", "2017-11-01"),
    ("the next day", "2017-11-04"), ("a few weeks after", "2017-11-24"),
    ("three nights later", "2017-11-06"), ("48 hours later", "2017-11-05"), ("72 hours earlier", "2017-10-31"),
])
def test_anchored_to_the_last_date(phrase, day):
    assert resolve_anchored(phrase, PUBLISHED).day.isoformat() == day


def test_a_night_of_the_week_counts_no_days():
    assert resolve_anchored("on Thursday night after gunmen took the checkpoints", PUBLISHED) is None


@pytest.mark.parametrize("text, day, precision", [
    # the month of "that year" is in the year the story gave last, not the publication's
    ("In July 2014 the group declared a caliphate, weeks after its fighters swept into Mosul in June of that year.",
     "2014-06", "month"),
    # what happened "a few weeks after" another date is counted from it
    ("The leader spoke in Raqqa in July 2014, a few weeks after his fighters captured Mosul.", "2014-06", "month"),
])
def test_history_told_against_an_earlier_date_keeps_its_year(extract, text, day, precision):
    events = extract(text, published="2017-07-10").events
    assert [(e.date[:7], e.date_precision) for e in events] == [(day, precision)]


@pytest.mark.parametrize("phrase, published, day", [
    ("over the weekend", date(2024, 5, 6), "2024-05-05"),   # a Monday: the Sunday before
    ("over the weekend", date(2024, 5, 4), "2024-05-04"),   # a Saturday: that day
    ("last weekend", date(2024, 5, 4), "2024-04-28"),       # a Saturday: the Sunday before
    ("last weekend", date(2024, 5, 5), "2024-04-28"),       # a Sunday: the Sunday before
])
def test_the_weekend_is_its_sunday(phrase, published, day):
    assert resolve_phrase(phrase, published).day.isoformat() == day


@pytest.mark.parametrize("sentence, dates", [
    # "twelve weeks after": the clause after it that much before the day the sentence gives
    ("A flag was raised over the council building in Zaria on Saturday morning, twelve weeks after armed men "
     "took over the town.", ["2019-06-01"]),
    # "on Saturday, three days after ...": the recogniser's one entity is two dates
    ("Troops entered Zaria on Saturday, three days after the rebels shelled the police station.",
     ["2019-08-24", "2019-08-21"]),
    ("The rebels seized Zaria on Saturday, 10 days after they shelled the police station.",
     ["2019-08-24", "2019-08-14"]),
    # a weekday and its calendar date are one date
    ("Rebels seized the regional parliament in Zaria on Thursday, Feb. 27, 2014, and raised their flag.",
     ["2014-02-27"]),
    # ... where the recogniser cuts them apart at the comma
    ("On Thursday, 15 August, shells fell on a crowded market in Zaria, killing at least 25 people.", ["2019-08-15"]),
    # the night of a day is that day
    ("Riots broke out in Zaria on the night of Tuesday 20 August and spread on Wednesday.", ["2019-08-20"]),
    # a counted-from clause that names its own day happened that day, a mine's as its verb's
    ("The ambush came two days after a goods train was derailed by a mine near Zaria on Tuesday.", ["2019-08-27"]),
    ("The curfew came two days after gunmen attacked the police station in Zaria on Tuesday.", ["2019-08-27"]),
    # ... not a day of a clause inside it
    ("The curfew came a day after soldiers clashed with rebels in Zaria, the town they had entered on Tuesday.",
     ["2019-08-25", "2019-08-27"]),
])
def test_weeks_after_counts_back_from_the_sentences_day(extract, sentence, dates):
    opening = "KADUNA - Gunmen killed five villagers near Kaduna on Monday, police said. "
    report = extract(opening + sentence, published="2019-08-30")
    assert [e.date for e in report.events if e.evidence.start >= len(opening)] == dates


@pytest.mark.parametrize("text, published, day", [
    # the model tags "New Year's Day" as an event, "Boxing Day" as nothing: the named day dates the sentence
    ("HAVANA - Rebels took Santa Clara on New Year's Day after four days of fighting.", "1959-01-02", "1959-01-01"),
    ("BUCHAREST - On Boxing Day, troops fired on protesters in Timisoara, killing dozens.", "1989-12-28", "1989-12-26"),
    # a named day that modifies a noun says what the rally was, not when
    ("ISTANBUL - Police dispersed a May Day rally in Istanbul on Saturday with tear gas. May Day is traditionally "
     "marked by unions gathering in Taksim Square.", "2021-05-10", "2021-05-08"),
])
def test_a_named_day_dates_its_sentence(extract, text, published, day):
    events = extract(text, published=published).events
    assert [e.date for e in events] == [day]


@pytest.mark.parametrize("text, published, day", [
    # a morning paper prints the day before's wire: its "today" is the dateline's day
    ("BANGKOK, April 17 - Khmer Rouge fighters captured Phnom Penh today after a five-year war.", "1975-04-18",
     "1975-04-17"),
    ("NAIROBI, Friday.--Police arrested 200 suspects in Kiambu this morning.", "1953-03-28", "1953-03-27"),
    ("NAIROBI, Friday.\nPolice arrested 200 suspects in Kiambu this morning.", "1953-03-28", "1953-03-27"),
    # a dateline day weeks before publication is no "today" (an archive's date, a typing slip): publication stands
    ("BANGKOK, April 17 - Khmer Rouge fighters captured Phnom Penh today after a five-year war.", "1975-05-20",
     "1975-05-20"),
])
def test_a_dated_dateline_is_the_storys_today(extract, text, published, day):
    assert [e.date for e in extract(text, published=published).events] == [day]


@pytest.mark.parametrize("text, day", [
    # background told later is no date of the news before it
    ("Troops fired on a march in Kidal, killing four. The unrest began on January 16, when miners stopped work.",
     "1905-01-23"),
    ("Troops fired on a march in Kidal, killing four. The unrest began on January 21, when miners stopped work.",
     "1905-01-23"),
    # a day of the news, named by its weekday, told later dates the lede
    ("Troops fired on a march in Kidal, killing four. Residents said the shooting began on Sunday afternoon.",
     "1905-01-22"),
    ("Troops fired on a march in Kidal, killing four. Residents said the shooting began on Thursday.",
     "1905-01-19"),
])
def test_the_storys_first_date_dates_the_lede_only_if_it_is_news(extract, text, day):
    events = extract(text, published="1905-01-23").events
    assert events and events[0].date == day, [(e.sub_event_type, e.date) for e in events]


@pytest.mark.parametrize("text, expected", [
    # a relative clause on a noun the event does not act on dates that noun, not the event
    ("TUNIS - Protesters rallied in Tunis on Tuesday, reviving the chant that rang a decade ago.",
     [("Peaceful protest", "2019-08-27")]),
    # history told by how long ago it was is no news
    ("KADUNA - Local elders in Zaria recalled how the militia burned the village a decade ago.", []),
])
def test_what_a_decade_ago_dates(extract, text, expected):
    events = extract(text, published="2019-08-30").events
    assert [(e.sub_event_type, e.date) for e in events if e.factuality in ("asserted", "reported")] == expected


def test_a_day_counted_from_a_noun_dates_the_noun_not_the_verb(extract):
    """"killed ... on Tuesday night, two days after an attack on a market": the killing was on Tuesday."""
    report = extract("KHARTOUM - Gunmen killed five villagers near Kassala on Tuesday night, two days after an attack "
                     "on a market in Gedaref. Shops stayed shut. Officials gave no figures.", published="2022-03-10")
    assert [(e.sub_event_type, e.date) for e in report.events if e.sub_event_type == "Attack"] \
        == [("Attack", "2022-03-08")]


@pytest.mark.parametrize("text, day", [
    ("KHARTOUM - Gunmen killed five villagers near Kassala on the 7th.", "2022-03-07"),
    ("KHARTOUM - Gunmen killed five villagers near Kassala on the 21st.", "2022-02-21"),   # after publication: last month's
])
def test_a_day_of_the_month_by_its_ordinal(extract, text, day):
    report = extract(text + " Shops stayed shut. Officials gave no figures.", published="2022-03-10")
    assert [e.date for e in report.events if e.sub_event_type == "Attack"] == [day]


def test_a_paragraph_opening_hours_later_is_on_the_last_day_told(extract):
    """"... at dawn on Monday. // About an hour later, the car was fired on. His bodyguards returned fire":
    both on Monday, not on the day of publication the story's lede opens with."""
    report = extract("DILI - The president was in a coma in a hospital on Wednesday after being shot in an attack on "
                     "his home near Dili at dawn on Monday.\n\nAbout an hour later, the car of the prime minister was "
                     "fired on as it left his house at Balibar, south of Dili. His bodyguards returned fire and he "
                     "escaped unhurt.", published="2008-02-13")
    assert {e.date for e in report.events if "Balibar" in e.evidence.text or "bodyguards" in e.evidence.text} \
        == {"2008-02-11"}
