"""EDTF dates: parsing, bounds for sorting, and how they are said."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.model.dates import humanize, parse_edtf


@pytest.mark.parametrize(
    ("text", "lower", "upper"),
    [
        ("2023-07-26", "2023-07-26", "2023-07-26"),
        ("2023-07", "2023-07-01", "2023-07-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023", "2023-01-01", "2023-12-31"),
        ("2023-07-26~", "2023-07-26", "2023-07-26"),
        ("2023-07?", "2023-07-01", "2023-07-31"),
        ("2024%", "2024-01-01", "2024-12-31"),
        ("202X", "2020-01-01", "2029-12-31"),
        ("20XX", "2000-01-01", "2099-12-31"),
        ("2024-XX", "2024-01-01", "2024-12-31"),
        ("2024-04-XX", "2024-04-01", "2024-04-30"),
        ("2024-XX-1X", "2024-01-10", "2024-12-19"),
        ("2024-04-29/2024-05-03", "2024-04-29", "2024-05-03"),
        ("2024-04-24/..", "2024-04-24", None),
        ("../2024", None, "2024-12-31"),
        ("2024-04-24/", "2024-04-24", None),
        ("/2024-05", None, "2024-05-31"),
    ],
)
def test_bounds(text: str, lower: str | None, upper: str | None) -> None:
    d = parse_edtf(text)
    assert (d.lower, d.upper) == (lower, upper)
    assert d.text == text


def test_qualifiers_set_flags() -> None:
    assert parse_edtf("2024~").approximate and not parse_edtf("2024~").uncertain
    assert parse_edtf("2024?").uncertain and not parse_edtf("2024?").approximate
    both = parse_edtf("2024%")
    assert both.approximate and both.uncertain


def test_interval_ends() -> None:
    d = parse_edtf("2024-04-24/..")
    assert d.is_interval and d.open_end and not d.open_start and d.start and d.end is None
    d = parse_edtf("2024-04-24/")
    assert d.unknown_end and not d.open_end
    d = parse_edtf("../2024")
    assert d.open_start and d.end is not None and d.end.precision == "year"


def test_sort_key_orders_by_lower_bound() -> None:
    texts = ["2024-05", "2023-07-26", "../2020", "2024-04-29/2024-05-03", "202X"]
    ordered = sorted(texts, key=lambda t: parse_edtf(t).sort_key)
    assert ordered == ["../2020", "202X", "2023-07-26", "2024-04-29/2024-05-03", "2024-05"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the date is empty"),
        ("2024-13", "'2024-13': month 13 does not exist (01 to 12)"),
        ("2023-02-29", "'2023-02-29': February 2023 has no day 29"),
        ("2024-04-32", "'2024-04-32': day 32 does not exist (01 to 31)"),
        (
            "2024-05-03/2024-04-29",
            "'2024-05-03/2024-04-29' ends before it starts (2024-04-29 is before 2024-05-03)",
        ),
        ("../..", "'../..': an interval needs at least one known end"),
        ("2024/2025/2026", "'2024/2025/2026' has more than one '/'; an interval is START/END"),
        ("yesterday", "'yesterday' is not an EDTF date"),
        ("1:20", "'1:20' is not an EDTF date"),
        (" 2024", "' 2024' has spaces around it"),
        ("2024-02-3X", "'2024-02-3X': no real day matches it"),
    ],
)
def test_bad_dates_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_edtf(text)
    assert str(info.value) == message


def test_not_text_is_refused() -> None:
    with pytest.raises(ValueError, match="must be text, not int"):
        parse_edtf(2024)  # type: ignore[arg-type]


def test_other_valid_edtf_goes_to_the_library() -> None:
    season = parse_edtf("2024-21")  # spring 2024
    assert season.lower is not None and season.lower.startswith("2024-")
    assert humanize(season) == "spring 2024"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2023-07", "July 2023"),
        ("2024-04-25", "25 Apr 2024"),
        ("2024", "2024"),
        ("2024-04-29/2024-05-03", "29 Apr – 3 May 2024"),
        ("2024-05-15/2024-05-19", "15–19 May 2024"),
        ("2023-12-29/2024-01-03", "29 Dec 2023 – 3 Jan 2024"),
        ("2024-04/2024-06", "April – June 2024"),
        ("2023/2024", "2023–2024"),
        ("2024-04-24/..", "from 24 Apr 2024"),
        ("../2024", "until 2024"),
        ("2024-04-24/", "24 Apr 2024 – ?"),
        ("/2024", "? – 2024"),
        ("2024~", "c. 2024"),
        ("2024?", "2024?"),
        ("2024%", "c. 2024?"),
        ("2023-07-26~", "c. 26 Jul 2023"),
        ("202X", "2020s"),
        ("19XX", "1900–1999"),
        ("2024-04-XX", "April 2024"),
        ("2023~/2024", "c. 2023 – 2024"),
    ],
)
def test_humanize(text: str, said: str) -> None:
    assert humanize(parse_edtf(text)) == said


_day = st.dates(min_value=__import__("datetime").date(1000, 1, 1))


@settings(max_examples=200, deadline=None)
@given(_day, st.sampled_from(["day", "month", "year"]), st.sampled_from(["", "~", "?", "%"]))
def test_bounds_agree_with_the_edtf_library(day, precision, qualifier) -> None:
    from edtf import parse_edtf as library_parse

    text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]
    text += qualifier
    ours = parse_edtf(text)
    theirs = library_parse(text)
    lo, hi = theirs.lower_strict(), theirs.upper_strict()
    assert ours.lower == f"{lo.tm_year:04d}-{lo.tm_mon:02d}-{lo.tm_mday:02d}"
    assert ours.upper == f"{hi.tm_year:04d}-{hi.tm_mon:02d}-{hi.tm_mday:02d}"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789X-/.~?%:T Z", max_size=30))
def test_any_text_parses_or_raises_value_error(text: str) -> None:
    try:
        d = parse_edtf(text)
    except ValueError:
        return
    humanize(d)
    if d.lower is not None and d.upper is not None:
        assert d.sort_key[0] <= d.sort_key[1]  # as numbers: "-1999-01-01" is before "-1000-12-31"
