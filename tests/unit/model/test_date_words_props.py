"""For any valid EDTF date, the words never name a year, month or day outside its bounds."""

from __future__ import annotations

import re

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from briefing_tui.model.dates import humanize, parse_edtf
from briefing_tui.model.types import EdtfDate

_MONTH_WORDS = {m[:3]: i for i, m in enumerate(
    ["", "January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"]) if m}  # fmt: skip
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+"
_SYNTAX = re.compile(r"[X\[\]{}/%~]|\.\.|\dS\d|Y-?\d|\dE\d|\d-\d")

qualifier = st.sampled_from(["", "", "", "~", "?", "%"])


@st.composite
def year(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["four", "four", "four", "long", "exponent"]))
    if kind == "four":
        digits = list(f"{draw(st.integers(0, 9999)):04d}")
        for i in range(4):
            if draw(st.integers(0, 5)) == 0:
                digits[i] = "X"
        sign = "-" if draw(st.integers(0, 4)) == 0 else ""
        return sign + "".join(digits)
    sign = draw(st.sampled_from(["", "-"]))
    if kind == "long":
        return f"Y{sign}{draw(st.integers(10_000, 10**12))}"
    return f"Y{sign}{draw(st.integers(1, 999))}E{draw(st.integers(1, 9))}"


@st.composite
def single(draw: st.DrawFn) -> str:
    y = draw(year())
    parts = draw(st.integers(1, 3)) if not y.startswith("Y") else 1
    if parts == 1:
        if "X" not in y and draw(st.booleans()):
            y += f"S{draw(st.integers(1, 6))}"
        return draw(qualifier) + y + draw(qualifier)
    month = draw(
        st.one_of(
            st.integers(1, 12).map(lambda m: f"{m:02d}"),
            st.sampled_from(["XX", "0X", "1X", "X1", "X2"]),
            st.integers(21, 41).map(str),
        )
    )
    if parts == 2 or int(month.replace("X", "0") or 0) > 12:
        return f"{draw(qualifier)}{y}{draw(qualifier)}-{draw(qualifier)}{month}{draw(qualifier)}"
    day = draw(
        st.one_of(
            st.integers(1, 31).map(lambda d: f"{d:02d}"),
            st.sampled_from(["XX", "0X", "1X", "2X", "3X", "X9"]),
        )
    )
    return (
        f"{draw(qualifier)}{y}{draw(qualifier)}-{draw(qualifier)}{month}{draw(qualifier)}"
        f"-{draw(qualifier)}{day}{draw(qualifier)}"
    )


@st.composite
def edtf(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["single", "single", "interval", "set"]))
    if kind == "single":
        return draw(single())
    if kind == "interval":
        start = draw(st.one_of(single(), st.sampled_from(["", ".."])))
        end = draw(st.one_of(single(), st.sampled_from(["", ".."])))
        return f"{start}/{end}"
    members = draw(st.lists(single(), min_size=1, max_size=4))
    if len(members) > 1 and draw(st.booleans()):
        members[0] = f"{members[0]}..{members[1]}"
        del members[1]
    if draw(st.booleans()):
        members[0] = ".." + members[0] if ".." not in members[0] else members[0]
    open_, close = draw(st.sampled_from([("[", "]"), ("{", "}")]))
    return open_ + ",".join(members) + close


def _named(words: str) -> tuple[list[int], list[int], list[int], list[tuple[int, int]]]:
    """The years, months and days the words name, and the decades ("1560s") they give."""
    text = re.sub(r"\d{2}:\d{2}:\d{2}|UTC[+-]\d{2}(?::\d{2})?|Q\d", " ", words)
    days = [int(d) for d in re.findall(rf"\b(\d{{1,2}})\b(?=(?:(?:, | or |–)\d{{1,2}})* {_MONTH})", text)]
    days += [int(d) for d in re.findall(r"\bday (\d{1,2}) of", text)]
    text = re.sub(rf"\b\d{{1,2}}\b(?=(?:(?:, | or |–)\d{{1,2}})* {_MONTH})|\bday \d{{1,2}} of", " ", text)
    months = [_MONTH_WORDS[m[:3]] for m in re.findall(_MONTH, text)]
    decades = [(int(d), int(d) + 9) for d in re.findall(r"(\d+0)s\b", text)]
    text = re.sub(r"\d+0s\b", " ", text)
    years = []
    for first, last, bc in re.findall(rf"({_NUMBER})(?:–({_NUMBER}))?( BC)?", text):
        for n in filter(None, (first, last)):
            value = int(n.replace(",", ""))
            years.append(1 - value if bc else value)
    return years, months, days, decades


def _ymd(iso: str | None, default: tuple[float, int, int]) -> tuple[float, int, int]:
    if iso is None:
        return default
    y, m, d = iso.rsplit("-", 2)
    return int(y), int(m), int(d)


def _check(d: EdtfDate) -> None:
    """The words of ``d`` name no year, month or day outside its bounds; an interval's and a set's
    dates each keep to their own bounds (a start written "19XX" is said as 1900–1999 even when the
    interval ends in 1950)."""
    if d.is_interval:
        for end in (d.start, d.end):
            if end is not None:
                _check(end)
        return
    words = humanize(d)
    assert not _SYNTAX.search(words), f"{d.text!r} said {words!r}: EDTF syntax shown"
    if d.members:
        for member in d.members:
            _check(member)
        return
    low = _ymd(d.lower, (float("-inf"), 1, 1))
    high = _ymd(d.upper, (float("inf"), 12, 31))
    years, months, days, decades = _named(words)
    said = f"{d.text!r} said {words!r}"
    for y in years:
        assert low[0] <= y <= high[0], f"{said}: year {y} is outside its bounds"
    for first, last in decades:
        assert first <= low[0] and high[0] <= last, f"{said}: not all in the {first}s"
    if low[0] == high[0]:
        for m in months:
            assert low[1] <= m <= high[1], f"{said}: month {m} is outside its bounds"
        if low[1] == high[1]:
            for day in days:
                assert low[2] <= day <= high[2], f"{said}: day {day} is outside its bounds"


@settings(max_examples=600, deadline=None)
@given(edtf())
@example("156X-12-25")
@example("[..1760-12-03]")
@example("Y-17E7")
@example("2023-0X-31")
@example("1950S2")
@example("-0100/0100")
def test_words_never_name_a_day_outside_the_bounds(text: str) -> None:
    try:
        d = parse_edtf(text)
    except ValueError:
        assume(False)
        return
    _check(d)
