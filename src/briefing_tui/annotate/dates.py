"""Temporal expressions, French and English, to EDTF, resolved against the publication date.

« juillet 2023 » → ``2023-07``; « le 24 avril 2024 » → ``2024-04-24``; « du 29 avril au 3 mai » →
``2024-04-29/2024-05-03``; « mardi », « hier », « la semaine prochaine », « il y a un an » from the
publication date; « dans les prochains mois » → ``2024-04-24/..`` (open); « il y a un peu plus d'un
an » → ``2023~`` (approximate). A date with no year, or a relative one with no publication date, is
kept with no value. Durations (« six mois ») and recurrences (« tous les mercredis ») are not dates.

``tense(start)`` tells, where it can, whether the clause of the expression at ``start`` speaks of the
future: a bare weekday is then the next one, otherwise the last one.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import regex as re

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
NUMBERS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10,
}  # fmt: skip
SEASONS = {"printemps": 21, "été": 22, "ete": 22, "automne": 23, "hiver": 24,
           "spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}  # fmt: skip

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_NUM = "|".join(sorted(NUMBERS, key=len, reverse=True))
_DAY = r"(?:1er|premier|[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_UNIT = r"(?:jours?|semaines?|mois|ans?|années?|days?|weeks?|months?|years?)"


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # EDTF, or None when it cannot be resolved


def _iso(d: date) -> str:
    return d.isoformat()


def _day(value: str) -> int:
    return 1 if value.lower() in ("1er", "premier") else int(value)


def _closest_year(month: int, day: int | None, published: date | None) -> int | None:
    """A day or month with no year: the year that puts it nearest the publication date."""
    if published is None:
        return None
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            when = date(year, month, day or 15)
        except ValueError:
            continue
        if best is None or abs((when - published).days) < abs((best - published).days):
            best = when
    return best.year if best else None


def _safe_day(year: int, month: int, day: int) -> str | None:
    try:
        return _iso(date(year, month, day))
    except ValueError:
        return None


def _shift_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def _week(d: date) -> str:
    monday = d - timedelta(days=d.weekday())
    return f"{_iso(monday)}/{_iso(monday + timedelta(days=6))}"


Resolver = Callable[[re.Match[str], date | None, bool], str | None]
_RULES: list[tuple[re.Pattern[str], Resolver]] = []


def _rule(pattern: str) -> Callable[[Resolver], Resolver]:
    def register(resolve: Resolver) -> Resolver:
        _RULES.append((re.compile(pattern, re.IGNORECASE), resolve))
        return resolve

    return register


def _month(m: re.Match[str], name: str) -> int:
    return MONTHS[m.group(name).lower()]


# -- intervals ------------------------------------------------------------------------------------


@_rule(
    rf"(?<!\w)(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH}))?(?:\s+(?P<y1>{_YEAR}))?\s+(?:au|to|until|jusqu['’]au)\s+"
    rf"(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})(?:\s+(?P<y2>{_YEAR}))?(?!\w)"
)
def _day_to_day(m: re.Match[str], published: date | None, future: bool) -> str | None:
    month2 = _month(m, "m2")
    month1 = _month(m, "m1") if m.group("m1") else month2
    year2 = int(m.group("y2")) if m.group("y2") else _closest_year(month2, _day(m.group("d2")), published)
    if year2 is None:
        return None
    year1 = int(m.group("y1")) if m.group("y1") else (year2 if month1 <= month2 else year2 - 1)
    start = _safe_day(year1, month1, _day(m.group("d1")))
    end = _safe_day(year2, month2, _day(m.group("d2")))
    return f"{start}/{end}" if start and end and start <= end else None


@_rule(rf"(?<![\w-])(?P<d1>{_DAY})\s*[-–]\s*(?P<d2>{_DAY})\s+(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?(?!\w)")
def _days_of_month(m: re.Match[str], published: date | None, future: bool) -> str | None:
    month = _month(m, "m")
    year = int(m.group("y")) if m.group("y") else _closest_year(month, _day(m.group("d2")), published)
    if year is None:
        return None
    start, end = _safe_day(year, month, _day(m.group("d1"))), _safe_day(year, month, _day(m.group("d2")))
    return f"{start}/{end}" if start and end and start <= end else None


@_rule(rf"(?<!\w)(?:entre|between)\s+(?P<y1>{_YEAR})\s+(?:et|and)\s+(?P<y2>{_YEAR})(?!\w)")
def _years_between(m: re.Match[str], published: date | None, future: bool) -> str | None:
    return f"{m.group('y1')}/{m.group('y2')}" if m.group("y1") <= m.group("y2") else None


@_rule(rf"(?<![\w-])(?P<y1>{_YEAR})\s*[-–]\s*(?P<y2>{_YEAR})(?![\w-])")
def _year_range(m: re.Match[str], published: date | None, future: bool) -> str | None:
    return f"{m.group('y1')}/{m.group('y2')}" if m.group("y1") < m.group("y2") else None


# -- days, months, years --------------------------------------------------------------------------


@_rule(rf"(?<!\w)(?:(?P<wd>{_WEEKDAY})\s+)?(?P<d>{_DAY})\s+(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?(?!\w)")
def _day_month(m: re.Match[str], published: date | None, future: bool) -> str | None:
    month, day = _month(m, "m"), _day(m.group("d"))
    year = int(m.group("y")) if m.group("y") else _closest_year(month, day, published)
    return _safe_day(year, month, day) if year else None


@_rule(
    rf"(?<!\w)(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?:st|nd|rd|th)?"
    rf"(?:,?\s+(?P<y>{_YEAR}))?(?!\w)"
)
def _month_day(m: re.Match[str], published: date | None, future: bool) -> str | None:
    if m.group("m").lower() in ("may", "mars", "mai") and not (m.group("y") or m.group("wd")):
        return None  # « may 3 », « mars 12 »: too often not a date
    month, day = _month(m, "m"), _day(m.group("d"))
    year = int(m.group("y")) if m.group("y") else _closest_year(month, day, published)
    return _safe_day(year, month, day) if year else None


@_rule(r"(?<![\w/])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d\d)(?![\w/])")
def _numeric_day(m: re.Match[str], published: date | None, future: bool) -> str | None:
    return _safe_day(int(m.group("y")), int(m.group("m")), int(m.group("d")))


@_rule(r"(?<![\w-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])")
def _iso_day(m: re.Match[str], published: date | None, future: bool) -> str | None:
    return _safe_day(int(m.group("y")), int(m.group("m")), int(m.group("d")))


@_rule(rf"(?<!\w)(?P<m>{_MONTH})\s+(?:de\s+l['’]an\s+|of\s+)?(?P<y>{_YEAR})(?!\w)")
def _month_year(m: re.Match[str], published: date | None, future: bool) -> str | None:
    return f"{m.group('y')}-{_month(m, 'm'):02d}"


@_rule(
    rf"(?<!\w)(?P<s>printemps|été|ete|automne|hiver|spring|summer|autumn|fall|winter)\s+(?P<y>{_YEAR})(?!\w)"
)
def _season(m: re.Match[str], published: date | None, future: bool) -> str | None:
    return f"{m.group('y')}-{SEASONS[m.group('s').lower()]}"


@_rule(r"(?<!\w)(?P<s>printemps|été|automne|hiver)\s+(?P<rel>dernier|prochain)(?!\w)")
def _season_relative(m: re.Match[str], published: date | None, future: bool) -> str | None:
    """« l’été dernier »: the last such season that had ended at publication; « prochain »: the next
    one to begin. Seasons begin about the 21st of March, June, September and December."""
    if published is None:
        return None
    season = SEASONS[m.group("s").lower()]
    begins = {21: 3, 22: 6, 23: 9, 24: 12}[season]
    if m.group("rel").lower() == "prochain":
        year = published.year if published < date(published.year, begins, 21) else published.year + 1
        return f"{year}-{season}"
    year = published.year
    while _shift_months(date(year, begins, 21), 3) > published:  # that season had not ended yet
        year -= 1
    return f"{year}-{season}"


@_rule(rf"(?<!\w)(?P<m>{_MONTH})\s+(?P<rel>dernier|prochain)(?!\w)")
def _month_relative(m: re.Match[str], published: date | None, future: bool) -> str | None:
    if published is None:
        return None
    month = _month(m, "m")
    if m.group("rel").lower() == "dernier":
        year = published.year if month < published.month else published.year - 1
    else:
        year = published.year if month > published.month else published.year + 1
    return f"{year}-{month:02d}"


@_rule(rf"(?<=\b(?:en|depuis|dès|des|fin|début|mi-|in|since|until|jusqu['’]en)\s)(?P<m>{_MONTH})(?![\w-])")
def _bare_month(m: re.Match[str], published: date | None, future: bool) -> str | None:
    month = _month(m, "m")
    year = _closest_year(month, None, published)
    return f"{year}-{month:02d}" if year else None


@_rule(rf"(?<!\w)(?P<wd>{_WEEKDAY})(?:\s+(?P<rel>dernier|prochain))?(?!\w)")
def _weekday(m: re.Match[str], published: date | None, future: bool) -> str | None:
    if published is None:
        return None
    weekday = WEEKDAYS[m.group("wd").lower()]
    rel = (m.group("rel") or "").lower()
    ahead = (weekday - published.weekday()) % 7
    behind = (published.weekday() - weekday) % 7
    if rel == "prochain" or (future and not rel):
        return _iso(published + timedelta(days=ahead or 7 if rel else ahead))
    return _iso(published - timedelta(days=behind or (7 if rel else 0)))


@_rule(rf"(?<![\w/-])(?P<y>{_YEAR})(?![\w/-]|\s*(?:%|€|\$|euros|dollars|personnes|soldats|habitants|morts))")
def _year(m: re.Match[str], published: date | None, future: bool) -> str | None:
    return m.group("y")


# -- relative to the publication date -------------------------------------------------------------


_RELATIVE_DAYS = {
    "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1, "après-demain": 2,
    "yesterday": -1, "today": 0, "tomorrow": 1,
}  # fmt: skip


@_rule(
    r"(?<![\w-])(?P<w>avant-hier|après-demain|hier|aujourd['’]hui|demain|yesterday|today|tomorrow)(?![\w-])"
)
def _relative_day(m: re.Match[str], published: date | None, future: bool) -> str | None:
    if published is None:
        return None
    return _iso(published + timedelta(days=_RELATIVE_DAYS[m.group("w").lower().replace("’", "'")]))


@_rule(
    r"(?<!\w)(?P<unit>semaine|mois|année|an|week|month|year)\s+(?P<rel>dernière|dernier|prochaine|prochain|passée|passé)"
    r"|(?<!\w)(?P<rel2>cette|ce|this|last|next)\s+(?P<unit2>semaine|mois|année|week|month|year)(?:-ci)?(?!\w)"
)
def _relative_period(m: re.Match[str], published: date | None, future: bool) -> str | None:
    if published is None:
        return None
    unit = (m.group("unit") or m.group("unit2")).lower()
    rel = (m.group("rel") or m.group("rel2")).lower()
    step = (
        -1
        if rel in ("dernière", "dernier", "passée", "passé", "last")
        else 1
        if rel.startswith(("proch", "next"))
        else 0
    )
    if unit in ("semaine", "week"):
        return _week(published + timedelta(weeks=step))
    if unit in ("mois", "month"):
        return _shift_months(published, step).isoformat()[:7]
    return str(published.year + step)


@_rule(
    r"(?<!\w)(?:il y a|voici)\s+"
    rf"(?P<approx>(?:un peu )?(?:plus|moins) d['’]|près d['’]|près de\s+|environ\s+)?"
    rf"(?P<n>\d+|{_NUM})\s+(?P<unit>{_UNIT})(?!\w)"
    rf"|(?<!\w)(?P<n2>\d+|{_NUM})\s+(?P<unit2>{_UNIT})\s+ago(?!\w)"
)
def _ago(m: re.Match[str], published: date | None, future: bool) -> str | None:
    if published is None:
        return None
    raw = (m.group("n") or m.group("n2")).lower()
    n = int(raw) if raw.isdigit() else NUMBERS[raw]
    unit = (m.group("unit") or m.group("unit2")).lower()
    approx = "~" if m.group("approx") else ""
    if unit.startswith(("jour", "day")):
        return _iso(published - timedelta(days=n)) + approx
    if unit.startswith(("semaine", "week")):
        return _iso(published - timedelta(weeks=n)) + approx
    if unit.startswith(("mois", "month")):
        return _shift_months(published, -n).isoformat()[:7] + approx
    return str(published.year - n) + approx


@_rule(
    r"(?<!\w)(?:(?:dans|au cours de)\s+)?(?:les|des)\s+(?:prochain(?:e)?s\s+(?:semaines|mois|années|jours)"
    r"|(?:semaines|mois|années)\s+à\s+venir)(?!\w)"
    r"|(?<!\w)(?:in|over) the (?:coming|next) (?:days|weeks|months|years)"
)
def _coming(m: re.Match[str], published: date | None, future: bool) -> str | None:
    return f"{_iso(published)}/.." if published else None


@_rule(r"(?<!\w)(?:ces|au cours des) dernières années|(?<!\w)in recent years")
def _recent_years(m: re.Match[str], published: date | None, future: bool) -> str | None:
    return f"../{published.year}" if published else None


@_rule(rf"(?<!\w)(?:d['’]ici|within)\s+(?P<n>\d+|{_NUM})\s+(?P<unit>{_UNIT})(?!\w)")
def _within(m: re.Match[str], published: date | None, future: bool) -> str | None:
    if published is None:
        return None
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else NUMBERS[raw]
    unit = m.group("unit").lower()
    if unit.startswith(("jour", "day")):
        end = published + timedelta(days=n)
    elif unit.startswith(("semaine", "week")):
        end = published + timedelta(weeks=n)
    elif unit.startswith(("mois", "month")):
        end = _shift_months(published, n)
    else:
        end = _shift_months(published, 12 * n)
    return f"{_iso(published)}/{_iso(end)}"


_LEADING = re.compile(r"^(?:(?:les|la|le|ce|cette|ces|the)\s+|l['’])", re.IGNORECASE)
_RECURRING = re.compile(rf"(?:tous les|chaque|every|each)\s+(?:{_WEEKDAY})s?$", re.IGNORECASE)
_QUANTITY = re.compile(r"(?:plus de|moins de|près de|quelque|environ|about|over|than)\s*$", re.IGNORECASE)


def find_dates(
    text: str, published: date | None, tense: Callable[[int], bool] | None = None
) -> list[DateMention]:
    """Every temporal expression of ``text``, longest first where two overlap."""
    found: list[tuple[int, int, Resolver, re.Match[str]]] = []
    for pattern, resolve in _RULES:
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), resolve, match))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list[DateMention] = []
    for start, end, resolve, match in found:
        if any(not (end <= k.start or start >= k.end) for k in kept):
            continue
        before = text[max(0, start - 20) : start]
        if _QUANTITY.search(before) and resolve is _year:
            continue
        if _RECURRING.search(text[max(0, start - 12) : end]):
            continue
        future = bool(tense and tense(start))
        value = resolve(match, published, future)
        lead = _LEADING.match(text[start:end])
        start += len(lead.group()) if lead else 0
        kept.append(DateMention(start, end, text[start:end], value))
    return sorted(kept, key=lambda d: d.start)
