"""EDTF dates said in plain English: the words every place that shows a date uses.

"25 Apr 2024", "July 2023", "29 Apr – 3 May 2024", "from 24 Apr 2024", "c. 2024", "2024?",
"2020s"; unspecified digits as such ("25 Dec, 1560s", "a day in December, year unknown",
"Oct–Dec 1984"); a qualifier on one part named on that part ("11 Jun 2004 (day approximate)");
sets as "one of …" / "all of …" ("on or after 25 Apr 2024"); years before 1 as BC (EDTF's year 0
is 1 BC, -1985 is 1986 BC) and years beyond 9999 with thousands separators ("170,000,002").
The words never name a year, month or day outside the date's bounds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing_tui.model.edtf_forms import MONTHS, Single, Year, days_in, fits, read_single
from briefing_tui.model.types import EdtfDate

_PLAIN = re.compile(r"-?[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?[~?%]?")
_SHORT = [m[:3] for m in MONTHS]
_SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
_GROUPS = {
    37: "Jan–Apr",
    38: "May–Aug",
    39: "Sep–Dec",
    40: "first half of",
    41: "second half of",
}


def _number(n: int) -> str:
    return f"{n:,}" if n > 9999 else str(n)


def year_words(year: int) -> str:
    """A year as people write it: ``2024``, ``170,000,002``; year 0 is ``1 BC``, -1985 ``1986 BC``."""
    return _number(year) if year >= 1 else f"{_number(1 - year)} BC"


def years_words(first: int, last: int) -> str:
    """From one year to another: ``1900–1999``, ``2000–1001 BC``, ``44 BC – AD 14``."""
    if first == last:
        return year_words(first)
    if first >= 1:
        return f"{_number(first)}–{_number(last)}"
    if last <= 0:
        return f"{_number(1 - first)}–{_number(1 - last)} BC"
    return f"{year_words(first)} – AD {year_words(last)}"


def _listed(words: list[str], conjunction: str = "or") -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def _choices(values: list[int], name: list[str] | None = None) -> str:
    """``10–19`` for a run, ``1, 11, 21 or 31`` otherwise; month numbers as names when given."""
    said = [name[v] if name else str(v) for v in values]
    if len(values) > 2 and values[-1] - values[0] == len(values) - 1:
        return f"{said[0]}–{said[-1]}"
    return _listed(said)


def _qualify(core: str, approximate: bool, uncertain: bool) -> str:
    return f"{'c. ' if approximate else ''}{core}{'?' if uncertain else ''}"


# --- single dates ----------------------------------------------------------------------------------


def _year_phrase(s: Single) -> str | None:
    """The year part: None when no digit of it is known."""
    year: Year = s.year
    if year.significant is not None:
        assert year.estimate is not None
        return f"{years_words(year.lowest, year.highest)} (est. {year_words(year.estimate)})"
    if not year.unspecified:
        return year_words(year.lowest)
    if set(year.digits) == {"X"} and not year.negative:
        return None
    decade = year.digits[:3].isdigit() and int(year.digits[:3]) >= 100 and not year.negative
    return f"{year.digits[:3]}0s" if decade else years_words(s.lower[0], s.upper[0])


def _months(s: Single) -> list[int]:
    """The months the month part can be, given the day part and (when known) the year."""
    assert s.month is not None
    year = s.year.lowest if not s.year.unspecified else 0  # 0 is a leap year: every day fits
    return [
        m
        for m in range(1, 13)
        if fits(s.month, m) and (s.day is None or any(fits(s.day, d) for d in range(1, days_in(year, m) + 1)))
    ]


def _days(s: Single, months: list[int]) -> list[int]:
    assert s.day is not None
    year = s.year.lowest if not s.year.unspecified else 0
    longest = max(days_in(year, m) for m in months)
    return [d for d in range(1, longest + 1) if fits(s.day, d)]


def _date_phrase(s: Single) -> str:
    year = _year_phrase(s)
    exact = not s.year.unspecified and s.year.significant is None
    if s.month is None:
        return year or "year unknown"
    tail = f" {year}" if exact else f", {year or 'year unknown'}"
    months = _months(s)
    month_known = len(months) == 1
    if s.day is None:
        if len(months) == 12:
            return year or "year unknown"
        return f"{MONTHS[months[0]] if month_known else _choices(months, _SHORT)}{tail}"
    days = _days(s, months)
    month = _choices(months, _SHORT)
    if len(months) == 12:  # the month is not known
        if len(days) == 1:
            return f"day {days[0]} of a month" + (f" in {year}" if year else ", year unknown")
        return f"a day in {year}" if year else "a day, year unknown"
    if len(days) == 1:
        return f"{days[0]} {month}{tail}"
    if len(days) >= 28:  # any day of the month
        if month_known and exact:
            return f"{MONTHS[months[0]]}{tail}"
        return f"a day in {MONTHS[months[0]] if month_known else month}{tail}"
    return f"a day in {_choices(days)} {month}{tail}" if month_known else f"a day in {month}{tail}"


def _season_phrase(s: Single) -> str:
    code, year = s.season, _year_phrase(s)
    assert code is not None and year is not None
    if code in _SEASONS:
        return f"{_SEASONS[code]} {year}"
    if code <= 32:
        hemisphere = "northern" if code <= 28 else "southern"
        name = ["spring", "summer", "autumn", "winter"][(code - 25) % 4]  # southern spring: Sep–Nov
        return f"{name} {year} ({hemisphere} hemisphere)"
    if code <= 36:
        return f"Q{code - 32} {year}"
    return f"{_GROUPS[code]} {year}"


def _part_notes(s: Single) -> str:
    """Which part carries which qualifier: "year uncertain, day approximate"."""
    names = ["year", "season" if s.season else "month", "day"][: s.parts]
    groups: dict[str, list[str]] = {"uncertain": [], "approximate": [], "approximate and uncertain": []}
    for name, a, u in zip(names, s.approximate, s.uncertain, strict=False):
        if a or u:
            groups["approximate and uncertain" if a and u else "approximate" if a else "uncertain"].append(
                name
            )
    return ", ".join(f"{_listed(parts, 'and')} {word}" for word, parts in groups.items() if parts)


def _single_words(s: Single) -> str:
    core = _season_phrase(s) if s.season else _date_phrase(s)
    if s.time:
        zone = "" if not s.zone else " UTC" if s.zone == "Z" else f" UTC{s.zone}"
        core = f"{core}, {s.time}{zone}"
    a, u = s.approximate[: s.parts], s.uncertain[: s.parts]
    if (all(a) or not any(a)) and (all(u) or not any(u)):  # the whole date, as "c. 2024?"
        return _qualify(core, all(a), all(u))
    return f"{core} ({_part_notes(s)})"


@lru_cache(maxsize=2048)
def _read(text: str) -> Single:
    return read_single(text)


def _plain_ymd(d: EdtfDate) -> tuple[int, int, int] | None:
    """Year, month, day of an everyday date (no unspecified digit), else None."""
    if d.is_interval or d.members or d.lower is None or not _PLAIN.fullmatch(d.text):
        return None
    if d.precision not in ("day", "month", "year"):
        return None
    year, month, day = d.lower.rsplit("-", 2)
    return int(year), int(month), int(day)


def _plain(d: EdtfDate, ymd: tuple[int, int, int]) -> str:
    year, month, day = ymd
    if d.precision == "day":
        return f"{day} {_SHORT[month]} {year_words(year)}"
    if d.precision == "month":
        return f"{MONTHS[month]} {year_words(year)}"
    return year_words(year)


# --- intervals and sets ----------------------------------------------------------------------------


def _range(a: EdtfDate, b: EdtfDate) -> str:
    ya, yb = _plain_ymd(a), _plain_ymd(b)
    plain = not (a.approximate or a.uncertain or b.approximate or b.uncertain)
    if plain and ya and yb and a.precision == b.precision:
        if a.precision == "day" and ya[0] == yb[0]:
            if ya[1] == yb[1]:
                return f"{ya[2]}–{yb[2]} {_SHORT[ya[1]]} {year_words(ya[0])}"
            return f"{ya[2]} {_SHORT[ya[1]]} – {yb[2]} {_SHORT[yb[1]]} {year_words(ya[0])}"
        if a.precision == "month" and ya[0] == yb[0]:
            return f"{MONTHS[ya[1]]} – {MONTHS[yb[1]]} {year_words(ya[0])}"
        if a.precision == "year":
            return years_words(ya[0], yb[0])
    return f"{humanize(a)} – {humanize(b)}"


def _member(d: EdtfDate, every: bool) -> str:
    if not d.is_interval:
        return humanize(d)
    if d.start is None:
        assert d.end is not None
        return f"{humanize(d.end)} {'and' if every else 'or'} earlier"
    if d.end is None:
        return f"{humanize(d.start)} {'and' if every else 'or'} later"
    return _range(d.start, d.end)


def _set_words(d: EdtfDate) -> str:
    first = d.members[0]
    if not d.every and len(d.members) == 1 and first.is_interval:
        if first.start is None and first.end is not None:
            return f"on or before {humanize(first.end)}"
        if first.end is None and first.start is not None:
            return f"on or after {humanize(first.start)}"
    words = [_member(m, d.every) for m in d.members]
    return f"{'all' if d.every else 'one'} of {_listed(words, 'and' if d.every else 'or')}"


def humanize(d: EdtfDate) -> str:
    """Say the date as a person would: "July 2023", "25 Apr 2024", "29 Apr – 3 May 2024",
    "from 24 Apr 2024", "until 2024", "c. 2024", "2024?", "2020s", "25 Dec, 1560s",
    "one of 1667, 1668 or 1670–1672", "1986 BC"."""
    if d.members:
        return _set_words(d)
    if not d.is_interval:
        ymd = _plain_ymd(d)
        if ymd is not None:
            return _qualify(_plain(d, ymd), d.approximate, d.uncertain)
        return _single_words(_read(d.text))
    if d.start is None and d.end is None:
        return d.text
    if d.start is None:
        assert d.end is not None
        return f"until {humanize(d.end)}" if d.open_start else f"? – {humanize(d.end)}"
    if d.end is None:
        return f"from {humanize(d.start)}" if d.open_end else f"{humanize(d.start)} – ?"
    return _range(d.start, d.end)
