"""EDTF dates: parse them, bound them for sorting, and say them the way a person would.

Every form of the EDTF specification (Library of Congress, 2019: levels 0, 1 and 2) is read here.
The forms a briefing uses every day (a day, month or year, the qualifiers ``~`` approximate, ``?``
uncertain and ``%`` both, ``X`` unspecified digits, intervals ``a/b``, open ends ``a/..`` and
``../b``, unknown ends ``a/`` and ``/b``) take a short path of a few microseconds. The rarer forms
(a qualifier on one part, long and negative years, significant digits, seasons, times, sets) are
read part by part in ``edtf_forms``; sets are built here from their dates. The ``edtf`` library is
the reference the tests check these bounds against: it is not used at run time, since it costs
about 85 ms to import and 3–6 ms a date, and cannot say which part a qualifier is on.

Bounds are ISO ``YYYY-MM-DD`` strings whose year may be signed or longer than four digits; they
are never clamped, and ``EdtfDate.sort_key`` compares them as numbers. How dates are said is in
``date_words``; ``say_date`` is the one function that every place showing a date calls.
"""

from __future__ import annotations

import re

from briefing_tui.model.date_words import humanize
from briefing_tui.model.edtf_forms import MONTHS, Year, days_in, edge, iso, read_single
from briefing_tui.model.types import EdtfDate

__all__ = ["EdtfDate", "humanize", "parse_edtf", "say_date"]

_DATE = re.compile(r"(?P<y>[0-9X]{4})(?:-(?P<m>[0-9X]{2})(?:-(?P<d>[0-9X]{2}))?)?(?P<q>[~?%])?")
_MAX_LEN = 200


def _bound(y: str, m: str | None, d: str | None, *, upper: bool) -> str:
    """The earliest (or latest) real day matching the pattern, as ``YYYY-MM-DD``."""
    if "X" not in y and (m is None or "X" not in m) and (d is None or "X" not in d):
        year, month = int(y), int(m) if m else (12 if upper else 1)
        if d:
            return f"{y}-{month:02d}-{d}"
        return f"{y}-{month:02d}-{(days_in(year, month) if upper else 1):02d}"
    known = 0 if "X" in y else int(y)
    return iso(edge(Year(y, False, known, known), m, d, upper=upper))


def _check_fields(text: str, y: str, m: str | None, d: str | None) -> None:
    if m is not None and "X" not in m and not 1 <= int(m) <= 12:
        raise ValueError(f"{text!r}: month {m} does not exist (01 to 12)")
    if d is not None and "X" not in d:
        if not 1 <= int(d) <= 31:
            raise ValueError(f"{text!r}: day {d} does not exist (01 to 31)")
        if m is not None and "X" not in m and "X" not in y and int(d) > days_in(int(y), int(m)):
            year = str(int(y)) if int(y) else "1 BC"  # EDTF's year 0
            raise ValueError(f"{text!r}: {MONTHS[int(m)]} {year} has no day {int(d)}")


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
    season = match is not None and match["m"] and match["m"].isdigit() and 21 <= int(match["m"]) <= 41
    if match is None or (season and not match["d"]):
        return _rare(text)  # a season, a qualifier on one part, a long or negative year, a time
    y, m, d, q = match["y"], match["m"], match["d"], match["q"] or ""
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


def _rare(text: str) -> EdtfDate:
    single = read_single(text)
    if single.season is not None:
        precision = "season"
    elif single.year.digits.isdigit() and len(single.year.digits) == 4 and single.year.significant is None:
        precision = _precision(single.year.digits, single.month, single.day)
    else:
        precision = "year" if single.month is None else "unspecified"
    return EdtfDate(
        text,
        iso(single.lower),
        iso(single.upper),
        approximate=any(single.approximate),
        uncertain=any(single.uncertain),
        precision=precision,
    )


def _span(text: str, a: str, b: str) -> EdtfDate:
    """``a/b`` (or a set's ``a..b``, ``..b``, ``a..``): an interval between two single dates."""
    start = None if a in ("", "..") else _single(a)
    end = None if b in ("", "..") else _single(b)
    if start is not None and end is not None and start.sort_key[0] > end.sort_key[1]:
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


def _set(text: str) -> EdtfDate:
    """``[a,b,c..d]`` (one of them) or ``{a,b}`` (all of them); ``..a`` first or ``a..`` last."""
    items = [item.strip() for item in text[1:-1].split(",")]
    if "" in items:
        raise ValueError(f"{text!r}: a set lists dates separated by commas")
    members = []
    for i, item in enumerate(items):
        if item.startswith(".."):
            if i != 0 or item == "..":
                raise ValueError(f"{text!r}: only the first date of a set can start with '..'")
            members.append(_span(item, "..", item[2:]))
        elif item.endswith(".."):
            if i != len(items) - 1:
                raise ValueError(f"{text!r}: only the last date of a set can end with '..'")
            members.append(_span(item, item[:-2], ".."))
        elif ".." in item:
            a, _, b = item.partition("..")
            members.append(_span(item, a, b))
        else:
            members.append(_single(item))
    lower = None if members[0].open_start else min(members, key=lambda m: m.sort_key[0]).lower
    upper = None if members[-1].open_end else max(members, key=lambda m: m.sort_key[1]).upper
    return EdtfDate(
        text,
        lower,
        upper,
        approximate=any(m.approximate for m in members),
        uncertain=any(m.uncertain for m in members),
        members=tuple(members),
        every=text.startswith("{"),
    )


def parse_edtf(text: str) -> EdtfDate:
    """Parse an EDTF date, interval or set, of any level of the specification.

    Args:
        text: for example ``2024-04-25``, ``2023-07~``, ``202X``, ``2024-04-29/2024-05-03``,
            ``2024-04-24/..``, ``-1985``, ``2004-?06-~11``, ``[1667,1668,1670..1672]``.

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
    if text[0] + text[-1] in ("[]", "{}"):
        return _set(text)
    if "/" not in text:
        return _single(text)
    if text.count("/") != 1:
        raise ValueError(f"{text!r} has more than one '/'; an interval is START/END")
    a, b = text.split("/")
    if a in ("", "..") and b in ("", ".."):
        raise ValueError(f"{text!r}: an interval needs at least one known end")
    return _span(text, a, b)


def say_date(value: EdtfDate | str) -> str:
    """The words for a date, or the text as written when it is not an EDTF date; never raises.

    Every place that shows a date (the timeline, the claim pane, the header, the reports and the
    TimelineJS export) calls this one function, so that a date reads the same everywhere.
    """
    try:
        if isinstance(value, EdtfDate):
            return humanize(value)
        return humanize(parse_edtf(str(value)))
    except Exception:  # a date the model cannot word: its text is still exact
        return value.text if isinstance(value, EdtfDate) else str(value)
