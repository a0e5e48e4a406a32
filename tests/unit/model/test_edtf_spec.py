"""Every example of the EDTF specification (Library of Congress, 2019), said and bounded.

The table holds each example of levels 0, 1 and 2 with the words the reader shows and the earliest
and latest day it can mean, then a few more forms (years before 1, the other seasons, qualifiers on
several parts). The bounds are checked against the ``edtf`` library wherever it computes them; the
few places where briefing decides otherwise are listed with the reason.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.model.dates import humanize, parse_edtf

# (EDTF, words, lower, upper)
LEVEL_0 = [
    ("1985-04-12", "12 Apr 1985", "1985-04-12", "1985-04-12"),
    ("1985-04", "April 1985", "1985-04-01", "1985-04-30"),
    ("1985", "1985", "1985-01-01", "1985-12-31"),
    ("1985-04-12T23:20:30", "12 Apr 1985, 23:20:30", "1985-04-12", "1985-04-12"),
    ("1985-04-12T23:20:30Z", "12 Apr 1985, 23:20:30 UTC", "1985-04-12", "1985-04-12"),
    ("1985-04-12T23:20:30-04", "12 Apr 1985, 23:20:30 UTC-04", "1985-04-12", "1985-04-12"),
    ("1985-04-12T23:20:30+04:30", "12 Apr 1985, 23:20:30 UTC+04:30", "1985-04-12", "1985-04-12"),
    ("1964/2008", "1964–2008", "1964-01-01", "2008-12-31"),
    ("2004-06/2006-08", "June 2004 – August 2006", "2004-06-01", "2006-08-31"),
    ("2004-02-01/2005-02-08", "1 Feb 2004 – 8 Feb 2005", "2004-02-01", "2005-02-08"),
    ("2004-02-01/2005-02", "1 Feb 2004 – February 2005", "2004-02-01", "2005-02-28"),
    ("2004-02-01/2005", "1 Feb 2004 – 2005", "2004-02-01", "2005-12-31"),
    ("2005/2006-02", "2005 – February 2006", "2005-01-01", "2006-02-28"),
]
LEVEL_1 = [
    ("Y170000002", "170,000,002", "170000002-01-01", "170000002-12-31"),
    ("Y-170000002", "170,000,003 BC", "-170000002-01-01", "-170000002-12-31"),
    ("2001-21", "spring 2001", "2001-03-01", "2001-05-31"),
    ("1984?", "1984?", "1984-01-01", "1984-12-31"),
    ("2004-06~", "c. June 2004", "2004-06-01", "2004-06-30"),
    ("2004-06-11%", "c. 11 Jun 2004?", "2004-06-11", "2004-06-11"),
    ("201X", "2010s", "2010-01-01", "2019-12-31"),
    ("20XX", "2000–2099", "2000-01-01", "2099-12-31"),
    ("2004-XX", "2004", "2004-01-01", "2004-12-31"),
    ("1985-04-XX", "April 1985", "1985-04-01", "1985-04-30"),
    ("1985-XX-XX", "a day in 1985", "1985-01-01", "1985-12-31"),
    ("1985-04-12/..", "from 12 Apr 1985", "1985-04-12", None),
    ("1985-04/..", "from April 1985", "1985-04-01", None),
    ("1985/..", "from 1985", "1985-01-01", None),
    ("../1985-04-12", "until 12 Apr 1985", None, "1985-04-12"),
    ("../1985-04", "until April 1985", None, "1985-04-30"),
    ("../1985", "until 1985", None, "1985-12-31"),
    ("1985-04-12/", "12 Apr 1985 – ?", "1985-04-12", None),
    ("1985-04/", "April 1985 – ?", "1985-04-01", None),
    ("1985/", "1985 – ?", "1985-01-01", None),
    ("/1985-04-12", "? – 12 Apr 1985", None, "1985-04-12"),
    ("/1985-04", "? – April 1985", None, "1985-04-30"),
    ("/1985", "? – 1985", None, "1985-12-31"),
    ("1984~/2004-06", "c. 1984 – June 2004", "1984-01-01", "2004-06-30"),
    ("1984/2004-06~", "1984 – c. June 2004", "1984-01-01", "2004-06-30"),
    ("1984~/2004~", "c. 1984 – c. 2004", "1984-01-01", "2004-12-31"),
    ("1984?/2004%", "1984? – c. 2004?", "1984-01-01", "2004-12-31"),
    ("1984-06?/2004-08?", "June 1984? – August 2004?", "1984-06-01", "2004-08-31"),
    ("1984-06-02?/2004-08-08~", "2 Jun 1984? – c. 8 Aug 2004", "1984-06-02", "2004-08-08"),
    ("1984-06-02?/", "2 Jun 1984? – ?", "1984-06-02", None),
    ("-1985", "1986 BC", "-1985-01-01", "-1985-12-31"),
]
LEVEL_2 = [
    ("Y-17E7", "170,000,001 BC", "-170000000-01-01", "-170000000-12-31"),
    ("1950S2", "1900–1999 (est. 1950)", "1900-01-01", "1999-12-31"),
    ("Y171010000S3", "171,000,000–171,999,999 (est. 171,010,000)", "171000000-01-01", "171999999-12-31"),
    ("Y3388E2S3", "338,000–338,999 (est. 338,800)", "338000-01-01", "338999-12-31"),
    ("2001-34", "Q2 2001", "2001-04-01", "2001-06-30"),
    ("[1667,1668,1670..1672]", "one of 1667, 1668 or 1670–1672", "1667-01-01", "1672-12-31"),
    ("[..1760-12-03]", "on or before 3 Dec 1760", None, "1760-12-03"),
    ("[1760-12..]", "on or after December 1760", "1760-12-01", None),
    (
        "[1760-01,1760-02,1760-12..]",
        "one of January 1760, February 1760 or December 1760 or later",
        "1760-01-01",
        None,
    ),
    ("[1667,1760-12]", "one of 1667 or December 1760", "1667-01-01", "1760-12-31"),
    ("[..1984]", "on or before 1984", None, "1984-12-31"),
    ("{1667,1668,1670..1672}", "all of 1667, 1668 and 1670–1672", "1667-01-01", "1672-12-31"),
    ("{1960,1961-12}", "all of 1960 and December 1961", "1960-01-01", "1961-12-31"),
    ("{..1984}", "all of 1984 and earlier", None, "1984-12-31"),
    ("2004?-06-11", "11 Jun 2004 (year uncertain)", "2004-06-11", "2004-06-11"),
    ("2004-06~-11", "11 Jun 2004 (year and month approximate)", "2004-06-11", "2004-06-11"),
    ("?2004-06-~11", "11 Jun 2004 (year uncertain, day approximate)", "2004-06-11", "2004-06-11"),
    ("2004-?06-11", "11 Jun 2004 (month uncertain)", "2004-06-11", "2004-06-11"),
    ("156X-12-25", "25 Dec, 1560s", "1560-12-25", "1569-12-25"),
    ("15XX-12-25", "25 Dec, 1500–1599", "1500-12-25", "1599-12-25"),
    ("XXXX-12-XX", "a day in December, year unknown", "0000-12-01", "9999-12-31"),
    ("1XXX-XX", "1000–1999", "1000-01-01", "1999-12-31"),
    ("1XXX-12", "December, 1000–1999", "1000-12-01", "1999-12-31"),
    ("1984-1X", "Oct–Dec 1984", "1984-10-01", "1984-12-31"),
    (
        "2004-06-~01/2004-06-~20",
        "1 Jun 2004 (day approximate) – 20 Jun 2004 (day approximate)",
        "2004-06-01",
        "2004-06-20",
    ),
    ("2004-06-XX/2004-07-03", "June 2004 – 3 Jul 2004", "2004-06-01", "2004-07-03"),
]
MORE = [
    ("-0999", "1000 BC", "-0999-01-01", "-0999-12-31"),
    ("0000", "1 BC", "0000-01-01", "0000-12-31"),
    ("0000-02-29", "29 Feb 1 BC", "0000-02-29", "0000-02-29"),  # year 0 is a leap year
    ("-0004-02-29", "29 Feb 5 BC", "-0004-02-29", "-0004-02-29"),
    ("-2005/-1999-02", "2006 BC – February 2000 BC", "-2005-01-01", "-1999-02-28"),
    ("-0100/0100", "101 BC – AD 100", "-0100-01-01", "0100-12-31"),
    ("2003-22", "summer 2003", "2003-06-01", "2003-08-31"),
    ("2000-23", "autumn 2000", "2000-09-01", "2000-11-30"),
    ("2010-24", "winter 2010", "2010-12-01", "2011-02-28"),
    ("2001-29", "spring 2001 (southern hemisphere)", "2001-09-01", "2001-11-30"),
    ("2001-26", "summer 2001 (northern hemisphere)", "2001-06-01", "2001-08-31"),
    ("2001-32", "winter 2001 (southern hemisphere)", "2001-06-01", "2001-08-31"),
    ("2001-36", "Q4 2001", "2001-10-01", "2001-12-31"),
    ("2001-37", "Jan–Apr 2001", "2001-01-01", "2001-04-30"),
    ("2001-41", "second half of 2001", "2001-07-01", "2001-12-31"),
    ("2004-%06", "June 2004 (month approximate and uncertain)", "2004-06-01", "2004-06-30"),
    ("2004-?06-?11", "11 Jun 2004 (month and day uncertain)", "2004-06-11", "2004-06-11"),
    ("?2004-%06", "June 2004 (year uncertain, month approximate and uncertain)", "2004-06-01", "2004-06-30"),
    ("2004?-~06-~04", "4 Jun 2004 (year uncertain, month and day approximate)", "2004-06-04", "2004-06-04"),
    ("?2004-?06-?11", "11 Jun 2004?", "2004-06-11", "2004-06-11"),  # every part: the whole date
    ("1560-XX-25", "day 25 of a month in 1560", "1560-01-25", "1560-12-25"),
    ("15XX-12-XX", "a day in December, 1500–1599", "1500-12-01", "1599-12-31"),
    ("XXXX-XX-23", "day 23 of a month, year unknown", "0000-01-23", "9999-12-23"),
    ("156X-02-29", "29 Feb, 1560s", "1560-02-29", "1568-02-29"),
    ("2024-04-1X", "a day in 10–19 Apr 2024", "2024-04-10", "2024-04-19"),
    ("2023-0X-31", "31 Jan, Mar, May, Jul or Aug 2023", "2023-01-31", "2023-08-31"),
    ("-1XXX", "2000–1001 BC", "-1999-01-01", "-1000-12-31"),
]
TABLE = LEVEL_0 + LEVEL_1 + LEVEL_2 + MORE

# Where briefing's bounds differ from the library's, and why.
LIBRARY_DIFFERS = {
    # Significant digits: "1950S2" is "some year between 1900 and 1999, estimated to be 1950"
    # (the specification's words); the library bounds it to the estimate alone.
    "1950S2": "the estimate only",
    "Y171010000S3": "the estimate only",
    "Y3388E2S3": "the estimate only",
    # Winter runs from December into the next year; the library takes December alone.
    "2010-24": "December only",
    # The library ends it on 29 Feb 1569, a day that does not exist (1569 is not a leap year).
    "156X-02-29": "a day that does not exist",
}
# Forms whose bounds the library does not compute: it raises on them.
LIBRARY_FAILS = {"1984-1X", "2024-04-1X", "2023-0X-31"}


@pytest.mark.parametrize(("text", "words", "lower", "upper"), TABLE, ids=[row[0] for row in TABLE])
def test_every_form_is_said_and_bounded(text: str, words: str, lower: str | None, upper: str | None) -> None:
    d = parse_edtf(text)
    assert humanize(d) == words
    assert (d.lower, d.upper) == (lower, upper)


def _library_bound(value: object) -> str | None:
    year = getattr(value, "tm_year", None)
    if year is None:  # an infinity: an open end
        return None
    sign = "-" if year < 0 else ""
    return f"{sign}{abs(year):04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("text", "words", "lower", "upper"), TABLE, ids=[row[0] for row in TABLE])
def test_bounds_agree_with_the_edtf_library(
    text: str, words: str, lower: str | None, upper: str | None
) -> None:
    from edtf import parse_edtf as library_parse

    if text in LIBRARY_FAILS:
        with pytest.raises(Exception):  # noqa: B017 - the library raises several kinds
            parsed = library_parse(text)
            parsed.lower_strict(), parsed.upper_strict()
        return
    parsed = library_parse(text)
    theirs = (_library_bound(parsed.lower_strict()), _library_bound(parsed.upper_strict()))
    if text in LIBRARY_DIFFERS:
        assert theirs != (lower, upper)
        return
    # An unknown end ("1985/") is not guessed here; the library guesses ten years.
    mine = parse_edtf(text)
    for ours, library in zip((mine.lower, mine.upper), theirs, strict=True):
        if ours is not None:
            assert ours == library


def test_the_table_holds_every_level() -> None:
    assert len(LEVEL_0) == 13 and len(LEVEL_1) == 31 and len(LEVEL_2) == 26
    assert len({row[0] for row in TABLE}) == len(TABLE)


@pytest.mark.parametrize(
    ("texts", "order"),
    [
        (
            ["2024", "-1985", "Y170000002", "0000", "Y-17E7", "1985"],
            ["Y-17E7", "-1985", "0000", "1985", "2024", "Y170000002"],
        ),
        (
            ["-0100/0100", "-0999", "../-2000", "[..1760-12-03]"],
            ["../-2000", "[..1760-12-03]", "-0999", "-0100/0100"],
        ),
    ],
)
def test_years_before_1_and_after_9999_sort_in_their_place(texts: list[str], order: list[str]) -> None:
    assert sorted(texts, key=lambda t: parse_edtf(t).sort_key) == order


def test_the_published_schema_accepts_every_form() -> None:
    import json
    import re

    from briefing_tui.resources import schema_dir

    schema = json.loads((schema_dir() / "briefing.schema.json").read_text(encoding="utf-8"))
    pattern = re.compile(schema["$defs"]["edtf"]["pattern"])
    assert [row[0] for row in TABLE if not pattern.search(row[0])] == []


def test_a_day_that_does_not_exist_before_year_1_is_named() -> None:
    with pytest.raises(ValueError, match=r"'-0001-02-29': February 2 BC has no day 29"):
        parse_edtf("-0001-02-29")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789X-/.~?%:TZ+YES[]{}, ", max_size=30))
def test_any_text_of_edtf_characters_parses_or_raises_value_error(text: str) -> None:
    try:
        d = parse_edtf(text)
    except ValueError:
        return
    assert humanize(d)
    assert d.lower is None or d.upper is None or d.sort_key[0] <= d.sort_key[1]


@pytest.mark.parametrize("text", ["Y1E99999999", "Y-9E19", "Y99999999999999999999"])
def test_a_year_too_far_away_is_refused_at_once(text: str) -> None:
    with pytest.raises(ValueError, match="the year is too far away to place"):
        parse_edtf(text)


def test_a_day_that_does_not_exist_in_year_0_is_named_in_bc() -> None:
    with pytest.raises(ValueError, match=r"'0000-02-30': February 1 BC has no day 30"):
        parse_edtf("0000-02-30")
