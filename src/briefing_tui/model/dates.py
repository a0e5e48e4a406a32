"""EDTF dates: parse them, bound them for sorting, and say them the way a person would.

The forms a briefing uses (EDTF level 0 and 1: day, month or year precision, the qualifiers
``~`` approximate, ``?`` uncertain and ``%`` both, ``X`` unspecified digits, intervals ``a/b``,
open ends ``a/..`` and ``../b``, unknown ends ``a/`` and ``/b``) are parsed here directly. Any other
valid EDTF (seasons, level 2 qualifiers on single components, long years, sets) goes to the
``edtf`` library, imported only then: it costs about 85 ms to import and 3–6 ms per date, which
would be most of the time spent loading a briefing with a few dozen dates.
"""

from __future__ import annotations

import calendar
import re
from itertools import islice, product

from briefing_tui.model.types import EdtfDate

__all__ = ["EdtfDate", "humanize", "parse_edtf"]

_DATE = re.compile(r"(?P<y>[0-9X]{4})(?:-(?P<m>[0-9X]{2})(?:-(?P<d>[0-9X]{2}))?)?(?P<q>[~?%])?")
_MONTHS = [
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
_SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
_MAX_LEN = 200


def _fits(pattern: str, value: int) -> bool:
    digits = f"{value:0{len(pattern)}d}"
    return all(p in ("X", d) for p, d in zip(pattern, digits, strict=True))


def _years(pattern: str, *, reverse: bool, limit: int = 400) -> list[int]:
    """The first ``limit`` years matching ``pattern`` in order, generated digit by digit.

    Scanning ``range(0, 10000)`` for ``XXXX`` cost 30 ms a date; this costs microseconds.
    """
    digits = "9876543210" if reverse else "0123456789"
    choices = [digits if p == "X" else p for p in pattern]
    return [int("".join(combo)) for combo in islice(product(*choices), limit)]


def _bound(y: str, m: str | None, d: str | None, *, upper: bool) -> str:
    """The earliest (or latest) real day matching the pattern, as ``YYYY-MM-DD``."""
    if "X" not in y and (m is None or "X" not in m) and (d is None or "X" not in d):
        year, month = int(y), int(m) if m else (12 if upper else 1)
        if d:
            return f"{y}-{month:02d}-{d}"
        last = calendar.monthrange(year, month)[1] if year > 0 else 31 if month != 2 else 29
        return f"{y}-{month:02d}-{(last if upper else 1):02d}"
    months = [mm for mm in range(1, 13) if m is None or _fits(m, mm)]
    if upper:
        months.reverse()
    for year in _years(y, reverse=upper):
        for month in months:
            last = calendar.monthrange(year, month)[1] if year > 0 else 31 if month != 2 else 29
            days = [dd for dd in range(1, last + 1) if d is None or _fits(d, dd)]
            if days:
                return f"{year:04d}-{month:02d}-{(days[-1] if upper else days[0]):02d}"
    raise ValueError("no real day matches it")


def _check_fields(text: str, y: str, m: str | None, d: str | None) -> None:
    if m is not None and "X" not in m and not 1 <= int(m) <= 12:
        raise ValueError(f"{text!r}: month {m} does not exist (01 to 12)")
    if d is not None and "X" not in d:
        if not 1 <= int(d) <= 31:
            raise ValueError(f"{text!r}: day {d} does not exist (01 to 31)")
        if m is not None and "X" not in m and "X" not in y:
            last = calendar.monthrange(int(y), int(m))[1] if int(y) > 0 else 29
            if int(d) > last:
                raise ValueError(f"{text!r}: {_MONTHS[int(m)]} {int(y)} has no day {int(d)}")


def _precision(y: str, m: str | None, d: str | None) -> str:
    if d is not None and "X" not in d and m is not None and "X" not in m:
        return "day"
    if m is not None and "X" not in m:
        return "month"
    if "X" not in y:
        return "year"
    if y[:3].isdigit() and y[3] == "X":
        return "decade"
    if y[:2].isdigit() and y[2:] == "XX":
        return "century"
    return "unspecified"


def _single(text: str) -> EdtfDate:
    match = _DATE.fullmatch(text)
    if match is None:
        return _library(text)
    y, m, d, q = match["y"], match["m"], match["d"], match["q"] or ""
    if "X" in y and (m or d) and not y.replace("X", "").isdigit() and y != "XXXX":
        return _library(text)
    if m is not None and d is None and m.isdigit() and 21 <= int(m) <= 41:
        return _library(text)  # a season
    _check_fields(text, y, m, d)
    try:
        lower = _bound(y, m, d, upper=False)
        upper = _bound(y, m, d, upper=True)
    except ValueError:
        raise ValueError(f"{text!r}: no real day matches it") from None
    return EdtfDate(
        text,
        lower,
        upper,
        approximate=q in ("~", "%"),
        uncertain=q in ("?", "%"),
        precision=_precision(y, m, d),
    )


def _iso(value: object) -> str | None:
    year = getattr(value, "tm_year", None)
    if year is None:  # +/- infinity: an open end
        return None
    year = min(max(year, 0), 9999)
    return f"{year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"  # type: ignore[attr-defined]


def _library(text: str) -> EdtfDate:
    """Any other valid EDTF, through the ``edtf`` library (imported only when needed)."""
    try:
        from edtf import parse_edtf as library_parse

        parsed = library_parse(text)
        lower, upper = _iso(parsed.lower_strict()), _iso(parsed.upper_strict())
    except Exception:  # the library raises several kinds; all mean "not a date we understand"
        raise ValueError(f"{text!r} is not an EDTF date") from None
    if lower is not None and upper is not None and lower > upper:
        raise ValueError(f"{text!r} ends before it starts")
    return EdtfDate(
        text,
        lower,
        upper,
        approximate="~" in text or "%" in text,
        uncertain="?" in text or "%" in text,
        is_interval="/" in text,
    )


def parse_edtf(text: str) -> EdtfDate:
    """Parse an EDTF date or interval.

    Args:
        text: for example ``2024-04-25``, ``2023-07~``, ``202X``, ``2024-04-29/2024-05-03``,
            ``2024-04-24/..``.

    Returns:
        The date with ISO ``lower``/``upper`` bounds (``None`` for an open or unknown end).

    Raises:
        ValueError: with a message that says what is wrong.
    """
    if not isinstance(text, str):
        raise ValueError(f"an EDTF date must be text, not {type(text).__name__}")
    if text == "":
        raise ValueError("the date is empty")
    if len(text) > _MAX_LEN:
        raise ValueError(f"the date is {len(text)} characters long; EDTF dates are short")
    if text != text.strip():
        raise ValueError(f"{text!r} has spaces around it")
    if "/" not in text:
        return _single(text)
    if text.count("/") != 1:
        raise ValueError(f"{text!r} has more than one '/'; an interval is START/END")
    a, b = text.split("/")
    if a in ("", "..") and b in ("", ".."):
        raise ValueError(f"{text!r}: an interval needs at least one known end")
    start = None if a in ("", "..") else _single(a)
    end = None if b in ("", "..") else _single(b)
    if (start is not None and start.is_interval) or (end is not None and end.is_interval):
        raise ValueError(f"{text!r}: an interval cannot hold an interval")
    if start is not None and end is not None and start.lower and end.upper and start.lower > end.upper:
        raise ValueError(f"{text!r} ends before it starts ({b} is before {a})")
    return EdtfDate(
        text,
        start.lower if start else None,
        end.upper if end else None,
        approximate=bool((start and start.approximate) or (end and end.approximate)),
        uncertain=bool((start and start.uncertain) or (end and end.uncertain)),
        is_interval=True,
        open_start=a == "..",
        open_end=b == "..",
        unknown_start=a == "",
        unknown_end=b == "",
        start=start,
        end=end,
    )


def _ymd(d: EdtfDate) -> tuple[int, int, int] | None:
    match = _DATE.fullmatch(d.text)
    if match is None or d.lower is None:
        return None
    year, month, day = (int(x) for x in d.lower.split("-"))
    return year, month, day


def _qualify(core: str, d: EdtfDate) -> str:
    if d.approximate and d.uncertain:
        return f"c. {core}?"
    if d.approximate:
        return f"c. {core}"
    if d.uncertain:
        return f"{core}?"
    return core


def _plain(d: EdtfDate) -> str:
    """A single date without its qualifiers."""
    season = re.fullmatch(r"(\d{4})-(2[1-4])", d.text.rstrip("~?%"))
    if season:
        return f"{_SEASONS[int(season[2])]} {season[1]}"
    ymd = _ymd(d)
    if ymd is None:
        return d.text.rstrip("~?%")
    year, month, day = ymd
    if d.precision == "day":
        return f"{day} {_MONTHS[month][:3]} {year}"
    if d.precision == "month":
        return f"{_MONTHS[month]} {year}"
    if d.precision == "year":
        return str(year)
    if d.precision == "decade":
        return f"{year}s"
    if d.precision == "century":
        return f"{year}–{year + 99}"
    return d.text.rstrip("~?%")


def _range(a: EdtfDate, b: EdtfDate) -> str:
    ya, yb = _ymd(a), _ymd(b)
    plain = not (a.approximate or a.uncertain or b.approximate or b.uncertain)
    if plain and ya and yb and a.precision == b.precision:
        if a.precision == "day" and ya[0] == yb[0]:
            if ya[1] == yb[1]:
                return f"{ya[2]}–{yb[2]} {_MONTHS[ya[1]][:3]} {ya[0]}"
            return f"{ya[2]} {_MONTHS[ya[1]][:3]} – {yb[2]} {_MONTHS[yb[1]][:3]} {ya[0]}"
        if a.precision == "month" and ya[0] == yb[0]:
            return f"{_MONTHS[ya[1]]} – {_MONTHS[yb[1]]} {ya[0]}"
        if a.precision == "year":
            return f"{ya[0]}–{yb[0]}"
    return f"{humanize(a)} – {humanize(b)}"


def humanize(d: EdtfDate) -> str:
    """Say the date as a person would: "July 2023", "25 Apr 2024", "29 Apr – 3 May 2024",
    "from 24 Apr 2024", "until 2024", "c. 2024", "2024?", "2020s"."""
    if not d.is_interval:
        return _qualify(_plain(d), d)
    if d.start is None and d.end is None:
        return d.text
    if d.start is None:
        assert d.end is not None
        return f"until {humanize(d.end)}" if d.open_start else f"? – {humanize(d.end)}"
    if d.end is None:
        return f"from {humanize(d.start)}" if d.open_end else f"{humanize(d.start)} – ?"
    return _range(d.start, d.end)
