"""Resolve the dates a text gives, absolute or relative, against the publication date.

"Friday" is the most recent Friday on or before publication; "Nov. 7" is the
last Nov. 7 on or before it ("Nov. 7 last year" the one of the year before);
"last week", "early January", "in 2015" and "just weeks after" are dates with
a coarser precision.  Durations ("for 2½ years", "more than six years of war")
are not dates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from frontlines.yamlfile import load_yaml

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTH_ABBR = {m[:3]: i for m, i in MONTHS.items()} | {"sept": 9}
MONTH_RE = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
NUMBER_WORDS = {"a few": 3, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": 3, "several": 3}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652, "century": 36524}
UNIT_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "year", "century": "year"}
PART_OF_MONTH = {"early": 5, "mid": 15, "late": 25, "end of": 28, "beginning of": 3}

# "8 July last year", "in March this year": the year the date falls in, counted from publication
REL_YEAR = r"(?:,?\s+(?P<rel>last|this)\s+year(?!['’]s))?"
PATTERNS = [
    ("month_day", re.compile(rf"\b{MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
                             rf"{REL_YEAR}\b")),
    ("day_month", re.compile(rf"\b(?P<day>\d{{1,2}})\s+{MONTH_RE}(?:\s+(?P<year>\d{{4}}))?{REL_YEAR}\b")),
    ("month_rel_year", re.compile(rf"\b(?:in\s+)?{MONTH_RE}\s+(?P<rel>last|this)\s+year\b(?!['’]s)")),
    ("part_month", re.compile(rf"\b(?P<part>early|mid|late|end of|beginning of)[\s-]+{MONTH_RE}(?:\s+(?P<year>\d{{4}}))?\b")),
    ("month_year", re.compile(rf"\b(?:in\s+)?{MONTH_RE}\s+(?:of\s+)?(?P<year>\d{{4}})\b")),
    # "on the 7th": a day of the month of publication, or of the month before (not "the 7th Division")
    ("day_of_month", re.compile(r"\b(?:(?:on|since|until|by)\s+)?the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b(?!\s*[a-z0-9])")),
    ("weekday", re.compile(r"\b(?P<last>last\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")),
    ("yesterday", re.compile(r"\b(?P<word>yesterday|today|tonight|this morning|last night)\b")),
    ("weekend", re.compile(r"\b(?P<which>the|this|last)\s+weekend\b")),
    ("ago", re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several)\s+(?P<unit>day|week|month|year|decade)s?\s+(?:ago|earlier|before)\b")),
    # "a century ago", "decades ago": history, told by how long ago it was
    ("ago", re.compile(r"\b(?:(?P<n>a|one|two|three|few|several)\s+)?(?P<unit>decade|centur)(?:y|ies|s)?\s+ago\b")),
    ("last_unit", re.compile(r"\b(?P<which>last|earlier this|this|late last|early last)\s+(?P<unit>week|month|year)\b")),
    ("weeks_after", re.compile(r"\b(?:just\s+)?(?P<unit>days|weeks|months)\s+(?:after|before|earlier|ago)\b")),
    ("month_only", re.compile(rf"\b(?:in|since|last|this)\s+{MONTH_RE}\b(?!\s+\d)")),
    ("year", re.compile(r"\b(?:in|since|of|by|until|till|before|after|around|during)\s+(?P<year>(?:19|20)\d{2})\b")),
]


@dataclass(frozen=True)
class Resolved:
    """A resolved date and how precise it is."""

    day: date
    precision: str  # day | week | month | year
    relative: bool = False  # counted from another date the text gave ("a day later")


def month_number(text: str) -> int | None:
    """1..12 for a month name or abbreviation."""
    text = text.lower().rstrip(".")
    return MONTHS.get(text) or MONTH_ABBR.get(text[:4] if text.startswith("sept") else text[:3])


def on_or_before(published: date, month: int, day: int, year: str | None) -> date | None:
    """The date of `month`/`day` in `year`, or its last occurrence on or before publication."""
    try:
        if year:
            return date(int(year), month, day)
        candidate = date(published.year, month, day)
        return candidate if candidate <= published else date(published.year - 1, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def named_days() -> tuple[dict[str, tuple[int, int] | int], re.Pattern]:
    """The days named for what falls on them (`data/named_days.yaml`: a (month, day), or the days after
    Easter Sunday), and a pattern of their names, the longest first ("christmas eve" before "christmas"),
    with the year that may follow."""
    raw = load_yaml(resources.files("frontlines").joinpath("data/named_days.yaml").read_text("utf-8"))
    days = {name: int(when["easter"]) if isinstance(when, dict) else (int(when[0]), int(when[1]))
            for name, when in raw.items()}
    names = "|".join(re.escape(n) for n in sorted(days, key=len, reverse=True))
    return days, re.compile(rf"\b(?P<name>{names})(?:,?\s+(?P<year>\d{{4}}))?\b")


def resolve_named_day(low: str, published: date) -> Resolved | None:
    """The day a name of a day gives ("on New Year's Day", "Christmas Eve 1989", "Good Friday"), or None."""
    days, pattern = named_days()
    m = pattern.search(low.replace("’", "'"))
    if m is None:
        return None
    when = days[m["name"]]
    eastern = low[:m.start()].split()[-1:] in (["orthodox"], ["coptic"], ["ethiopian"], ["eritrean"], ["eastern"])
    found = after_easter(published, when, m["year"], eastern) if isinstance(when, int) else \
        on_or_before(published, *when, m["year"])
    return Resolved(found, "day") if found else None


def after_easter(published: date, days: int, year: str | None, eastern: bool = False) -> date:
    """The day `days` after Easter Sunday of `year` (the Orthodox churches' Easter if `eastern`: "Orthodox Easter
    Sunday"), or its last occurrence on or before publication."""
    method = EASTER_ORTHODOX if eastern else EASTER_WESTERN
    if year:
        return easter(int(year), method) + timedelta(days=days)
    found = easter(published.year, method) + timedelta(days=days)
    return found if found <= published else easter(published.year - 1, method) + timedelta(days=days)


def resolve_phrase(text: str, published: date) -> Resolved | None:
    """The date a phrase names, relative to `published`; None for no date or a duration."""
    low = " ".join(text.lower().split())
    named = resolve_named_day(low, published)
    if named is not None:
        return named
    for name, pattern in PATTERNS:
        m = pattern.search(low)
        if m:
            resolved = RESOLVERS[name](m, published)
            if resolved is not None:
                return resolved
    return None


def dateline_day(words: str, published: date) -> date | None:
    """The day a dateline names ("May 10.", "Friday."), if it is within a week before publication: the
    story's today, which a morning paper prints a day later ("BANGKOK, April 17 - The capital fell
    today", published on the 18th)."""
    said = resolve_phrase(words, published)
    if said is None or said.precision != "day" or said.relative or not 0 <= (published - said.day).days <= 7:
        return None
    return said.day


def _month_day(m, published):
    month = month_number(m["mon"])
    day = on_or_before(published, month, int(m["day"]), m["year"] or said_year(m, published)) if month else None
    return Resolved(day, "day") if day else None


def _day_of_month(m, published):
    day = int(m["day"])
    month, year = (published.month, published.year) if day <= published.day else (
        (published.month - 2) % 12 + 1, published.year - (published.month == 1))
    try:
        return Resolved(date(year, month, day), "day")
    except ValueError:
        return None


def said_year(m, published) -> str | None:
    """The year "last year" or "this year" after a date names, counted from publication, else None."""
    rel = m["rel"] if "rel" in m.groupdict() else None
    return None if rel is None else str(published.year - (rel == "last"))


def _month_rel_year(m, published):
    month = month_number(m["mon"])
    return Resolved(date(int(said_year(m, published)), month, 15), "month") if month else None


def _part_month(m, published):
    month = month_number(m["mon"])
    day = on_or_before(published, month, PART_OF_MONTH[m["part"]], m["year"]) if month else None
    return Resolved(day, "week") if day else None


def _month_year(m, published):
    month = month_number(m["mon"])
    return Resolved(date(int(m["year"]), month, 15), "month") if month else None


def _weekday(m, published):
    back = (published.weekday() - WEEKDAYS.index(m["wd"])) % 7
    if m["last"] and back <= 1:  # "last Tuesday" written on a Wednesday is a week before yesterday
        back += 7
    return Resolved(published - timedelta(days=back), "day")


def _yesterday(m, published):
    return Resolved(published - timedelta(days=1 if m["word"] in ("yesterday", "last night") else 0), "day")


def _weekend(m, published):
    """"Over the weekend": its Sunday, the last before the day of publication; written on a weekend's
    day, that day ("last weekend" then the Sunday before)."""
    weekday = published.weekday()
    on_the_weekend = weekday >= 5 and m["which"] != "last"
    return Resolved(published - timedelta(days=0 if on_the_weekend else weekday + 1), "day")


def _ago(m, published):
    n = NUMBER_WORDS["few"] if m["n"] is None else int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
    unit = "century" if m["unit"] == "centur" else m["unit"]
    return Resolved(published - timedelta(days=n * UNIT_DAYS[unit]), UNIT_PRECISION[unit])


def _last_unit(m, published):
    unit, which = m["unit"], m["which"]
    if which == "this" or which == "earlier this":
        back = {"week": 3, "month": 10, "year": 120}[unit]
    else:
        back = UNIT_DAYS[unit]
    return Resolved(published - timedelta(days=back), UNIT_PRECISION[unit])


def _weeks_after(m, published):
    back = {"days": 3, "weeks": 21, "months": 60}[m["unit"]]
    return Resolved(published - timedelta(days=back), "week" if m["unit"] != "months" else "month")


def _month_only(m, published):
    month = month_number(m["mon"])
    if not month:
        return None
    year = published.year if month <= published.month else published.year - 1
    return Resolved(date(year, month, 15), "month")


def _year(m, published):
    year = int(m["year"])
    return Resolved(date(year, 7, 2), "year") if year <= published.year else None


RESOLVERS = {"month_day": _month_day, "day_month": _month_day, "part_month": _part_month,
             "month_year": _month_year, "month_rel_year": _month_rel_year, "weekday": _weekday,
             "yesterday": _yesterday, "weekend": _weekend,
             "ago": _ago, "last_unit": _last_unit, "weeks_after": _weeks_after, "month_only": _month_only,
             "year": _year, "day_of_month": _day_of_month}


COUNTS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))  # "a few" before "a"
ANCHORED = re.compile(
    rf"\b(?:(?:(?P<n>{COUNTS}|\d+)\s+)?(?P<unit>day|week)s?\s+(?P<dir>later|after|earlier|before)"
    rf"|(?P<nights>{COUNTS}|\d+)\s+nights?\s+(?P<ndir>later|after|earlier|before)"
    r"|(?P<hours>\d+)\s+hours\s+(?P<hdir>later|after|earlier|before)"
    r"|the\s+(?P<word>next|following|previous|preceding)\s+(?P<unit2>day|week)|the\s+day\s+(?P<dir2>before|after)"
    r"|(?P<same>(?:that|the\s+same)\s+(?:day|night|morning|afternoon|evening)|(?<!\d\s)(?:hours|minutes)\s+later)"
    r"|the\s+(?P<next>next|following)\s+(?:morning|afternoon|evening|night)"
    r"|the\s+(?P<prev>previous|preceding)\s+(?:morning|afternoon|evening|night)|the\s+(?P<before>night|evening)\s+before)\b")


def resolve_anchored(text: str, anchor: date, vague: bool = True) -> Resolved | None:
    """"A day later", "the previous day", "two days after", "weeks after" (a few): a date counted
    from `anchor`, the last date the text gave before.  With `vague` False, a count without a
    number ("a few weeks after") is left unresolved: it is counted only from a date its own
    sentence gives."""
    m = ANCHORED.search(" ".join(text.lower().split()))
    if not m or (not vague and m["unit"] and m["n"] in (None, "a few", "few", "several")):
        return None
    if m["next"] or m["prev"] or m["before"]:  # "the next morning", "the previous night", "the night before"
        return Resolved(anchor + timedelta(days=1 if m["next"] else -1), "day", True)
    if m["same"]:  # "that night", "the same day", "hours later"
        return Resolved(anchor, "day", True)
    if m["nights"]:  # "three nights later" (not "Thursday night after ...")
        n = int(m["nights"]) if m["nights"].isdigit() else NUMBER_WORDS[m["nights"]]
        return Resolved(anchor + timedelta(days=n if m["ndir"] in ("later", "after") else -n), "day", True)
    if m["hours"]:  # "48 hours later": whole days
        sign = 1 if m["hdir"] in ("later", "after") else -1
        return Resolved(anchor + timedelta(days=sign * (int(m["hours"]) // 24)), "day", True)
    if m["dir2"]:
        return Resolved(anchor + timedelta(days=-1 if m["dir2"] == "before" else 1), "day", True)
    if m["word"]:
        sign = 1 if m["word"] in ("next", "following") else -1
        return Resolved(anchor + timedelta(days=sign * UNIT_DAYS[m["unit2"]]), "day", True)
    n = NUMBER_WORDS["few"] if m["n"] is None else int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
    sign = 1 if m["dir"] in ("later", "after") else -1
    return Resolved(anchor + timedelta(days=sign * n * UNIT_DAYS[m["unit"]]), "day", True)
