"""The rarer single EDTF dates, read into the parts that their words and bounds need.

Level 2 qualifiers on one part (``2004-?06-~11``), unspecified digits anywhere (``156X-12-25``,
``1XXX-12``, ``1984-1X``), years before 1 (``-1985``), long years (``Y170000002``, ``Y-17E7``),
significant digits (``1950S2``), seasons and sub-year groupings (``2001-21`` … ``2001-41``) and
times (``1985-04-12T23:20:30Z``). A reading says which digits are unspecified and which part each
qualifier is on, and gives the earliest and latest day the date can mean as ``(year, month, day)``.

Years are plain integers, unbounded, numbered as ISO 8601 and EDTF number them: year 0 is 1 BC,
-1 is 2 BC. The calendar is the proleptic Gregorian one throughout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice, product

from briefing_tui.record import record

Day = tuple[int, int, int]
MONTHS = [
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

_SINGLE = re.compile(
    r"(?P<yp>[~?%])?(?P<y>-?[0-9X]{4}|Y-?[0-9]+(?:E[0-9]+)?)(?:S(?P<s>[0-9]+))?(?P<ys>[~?%])?"
    r"(?:-(?P<mp>[~?%])?(?P<m>[0-9X]{2})(?P<ms>[~?%])?"
    r"(?:-(?P<dp>[~?%])?(?P<d>[0-9X]{2})(?P<ds>[~?%])?)?)?"
    r"(?:T(?P<t>[0-9]{2}:[0-9]{2}:[0-9]{2})(?P<z>Z|[+-][0-9]{2}(?::[0-9]{2})?)?)?"
)
# Season and grouping codes: the months they cover, the last one possibly in the next year (13+).
SEASON_MONTHS: dict[int, tuple[int, int]] = {
    21: (3, 5),  # spring
    22: (6, 8),  # summer
    23: (9, 11),  # autumn
    24: (12, 14),  # winter: December to February
    25: (3, 5),  # the same four in the northern hemisphere
    26: (6, 8),
    27: (9, 11),
    28: (12, 14),
    29: (9, 11),  # and in the southern hemisphere
    30: (12, 14),
    31: (3, 5),
    32: (6, 8),
    33: (1, 3),  # quarters
    34: (4, 6),
    35: (7, 9),
    36: (10, 12),
    37: (1, 4),  # quadrimesters
    38: (5, 8),
    39: (9, 12),
    40: (1, 6),  # semesters
    41: (7, 12),
}
PARTS = ("year", "month", "day")


@record
class Year:
    """A year as written: its digits (``X`` where unspecified), its sign, and the years it spans."""

    digits: str  # "1985", "156X"; the whole number for a long year
    negative: bool
    lowest: int  # the years it can be, when no digit is unspecified (more than one: ``S``)
    highest: int
    significant: int | None = None  # ``1950S2``: two significant digits
    estimate: int | None = None  # the year written before ``S``

    @property
    def unspecified(self) -> bool:
        return "X" in self.digits

    def values(self, *, upper: bool, limit: int = 400) -> Iterator[int]:
        """The years it can be, from the earliest (or the latest), generated digit by digit."""
        if not self.unspecified:
            yield self.highest if upper else self.lowest
            return
        reverse = upper != self.negative  # the latest negative year has the smallest digits
        choices = [("9876543210" if reverse else "0123456789") if c == "X" else c for c in self.digits]
        for combo in islice(product(*choices), limit):
            value = int("".join(combo))
            if value or not self.negative:  # "-0000" is not a year: year 0 has no sign
                yield -value if self.negative else value


@record
class Single:
    """One date (not an interval, not a set) read part by part."""

    text: str
    year: Year
    month: str | None  # two characters as written (``X`` where unspecified), or a season code
    day: str | None
    approximate: tuple[bool, bool, bool]  # year, month, day
    uncertain: tuple[bool, bool, bool]
    time: str  # "23:20:30" or ""
    zone: str  # "", "Z", "+04:30"
    lower: Day
    upper: Day

    @property
    def season(self) -> int | None:
        return int(self.month) if self.month and self.month.isdigit() and int(self.month) > 12 else None

    @property
    def parts(self) -> int:
        """How many parts are written: 1 (year), 2 (year and month or season) or 3."""
        return 1 + (self.month is not None) + (self.day is not None)


def leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def fits(pattern: str, value: int) -> bool:
    """Whether ``value`` (written with as many digits as ``pattern``) matches it digit by digit."""
    digits = f"{value:0{len(pattern)}d}"
    return len(digits) == len(pattern) and all(p in ("X", d) for p, d in zip(pattern, digits, strict=True))


def edge(year: Year, month: str | None, day: str | None, *, upper: bool) -> Day:
    """The earliest (or latest) real day matching the parts; ValueError when none does."""
    months = [m for m in range(1, 13) if month is None or fits(month, m)]
    if upper:
        months.reverse()
    for y in year.values(upper=upper):
        for m in months:
            days = [d for d in range(1, days_in(y, m) + 1) if day is None or fits(day, d)]
            if days:
                return (y, m, days[-1] if upper else days[0])
    raise ValueError("no real day matches it")


def _year(text: str, written: str, significant: str | None) -> Year:
    negative = written.startswith(("-", "Y-"))
    body = written.lstrip("Y").lstrip("-")
    if written.startswith("Y"):
        mantissa, _, exponent = body.partition("E")
        if not exponent and len(mantissa) <= 4:
            raise ValueError(f"{text!r}: a year after 'Y' has more than four digits")
        if len(mantissa.lstrip("0")) + int(exponent or "0") > 19:  # checked before 10**exponent is built
            raise ValueError(f"{text!r}: the year is too far away to place")
        value = int(mantissa) * 10 ** int(exponent or "0")
        if value > 10**18:
            raise ValueError(f"{text!r}: the year is too far away to place")
        digits = str(value)
    else:
        digits, value = body, (0 if "X" in body else int(body))
    if negative and "X" not in digits and value == 0:
        raise ValueError(f"{text!r}: year zero has no sign")
    signed = -value if negative else value
    if significant is None:
        return Year(digits, negative, signed, signed)
    if "X" in digits:
        raise ValueError(f"{text!r}: significant digits need a year written in full")
    s = int(significant)
    if s < 1:
        raise ValueError(f"{text!r}: 'S' needs at least one significant digit")
    free = max(len(digits) - s, 0)
    low = int(digits[: len(digits) - free] + "0" * free)
    high = int(digits[: len(digits) - free] + "9" * free)
    lowest, highest = (-high, -low) if negative else (low, high)
    return Year(digits, negative, lowest, highest, significant=s, estimate=signed)


def _qualifiers(match: re.Match[str]) -> tuple[tuple[bool, bool, bool], tuple[bool, bool, bool]]:
    """Per part: a qualifier before a part is on that part; after it, on it and the parts before it."""
    marks = ["", "", ""]
    for i, part in enumerate("ymd"):
        if match[f"{part}p"]:
            marks[i] += match[f"{part}p"]
        if match[f"{part}s"]:
            for j in range(i + 1):
                marks[j] += match[f"{part}s"]
    approximate = tuple(("~" in q or "%" in q) for q in marks)
    uncertain = tuple(("?" in q or "%" in q) for q in marks)
    return approximate, uncertain  # type: ignore[return-value]


def _check(text: str, match: re.Match[str]) -> None:
    y, m, d = match["y"], match["m"], match["d"]
    if y.startswith("Y") and m is not None:
        raise ValueError(f"{text!r}: a year written with 'Y' stands alone (no month or day)")
    if match["s"] is not None and m is not None:
        raise ValueError(f"{text!r}: significant digits ('S') are for a year alone")
    if m is not None and m.isdigit() and int(m) > 12:
        if int(m) not in SEASON_MONTHS:
            raise ValueError(f"{text!r}: month {m} does not exist (01 to 12)")
        if d is not None:
            raise ValueError(f"{text!r}: a season has no day")
    elif m is not None and not any(fits(m, month) for month in range(1, 13)):
        raise ValueError(f"{text!r}: month {m} does not exist (01 to 12)")
    if d is not None and not any(fits(d, day) for day in range(1, 32)):
        raise ValueError(f"{text!r}: day {d} does not exist (01 to 31)")
    if m is not None and m.isdigit() and int(m) > 12 and "X" in y:
        raise ValueError(f"{text!r}: a season needs a year written in full")
    if match["t"] is not None:
        if d is None or "X" in match.group(0).split("T")[0] or re.search(r"[~?%]", text):
            raise ValueError(f"{text!r}: a time goes with a full date and no qualifier")
        hour, minute, second = (int(x) for x in match["t"].split(":"))
        if hour > 23 or minute > 59 or second > 59:
            raise ValueError(f"{text!r}: {match['t']} is not a time of day")


def read_single(text: str) -> Single:
    """Read one EDTF date of any level; ValueError with a message that says what is wrong."""
    match = _SINGLE.fullmatch(text)
    if match is None:
        raise ValueError(f"{text!r} is not an EDTF date")
    _check(text, match)
    year = _year(text, match["y"], match["s"])
    month, day = match["m"], match["d"]
    approximate, uncertain = _qualifiers(match)
    if month is not None and month.isdigit() and int(month) > 12:
        first, last = SEASON_MONTHS[int(month)]
        start = next(year.values(upper=False))
        end = next(year.values(upper=True)) + (last > 12)
        lower, upper = (start, first, 1), (end, (last - 1) % 12 + 1, 0)
        upper = (upper[0], upper[1], days_in(upper[0], upper[1]))
    else:
        try:
            lower = edge(year, month, day, upper=False)
            upper = edge(year, month, day, upper=True)
        except ValueError:
            if day is not None and "X" not in f"{year.digits}{month}{day}":
                y = str(year.lowest) if year.lowest >= 1 else f"{1 - year.lowest} BC"
                raise ValueError(f"{text!r}: {MONTHS[int(month or 1)]} {y} has no day {int(day)}") from None
            raise ValueError(f"{text!r}: no real day matches it") from None
    return Single(
        text,
        year,
        month,
        day,
        approximate,
        uncertain,
        match["t"] or "",
        match["z"] or "",
        lower,
        upper,
    )


def iso(day: Day) -> str:
    """``(year, month, day)`` as ISO ``YYYY-MM-DD``; a year before 0 with a minus sign."""
    year, month, d = day
    sign = "-" if year < 0 else ""
    return f"{sign}{abs(year):04d}-{month:02d}-{d:02d}"
