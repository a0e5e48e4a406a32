"""The usual shapes of a generated file are read at once (``Fields.mapping``, ``SpanReader._positions``,
``FieldReader._plain_source_refs``, ``VerdictReader``): what is not quite that shape is read in full and
reported as always, whether it comes first or after one of the usual shape."""

from __future__ import annotations

import pytest
from tests.unit.model.support import HEAD, load, problems

from briefing_tui.model import Rating, Verdict


def _mentions(written: str) -> str:
    return (
        HEAD
        + f"entities:\n  - id: n\n    name: Niger\n    type: place\n    mentions: [[31, 36], {written}]\n"
    )


def _span(written: str) -> str:
    return HEAD + f"claims:\n  - id: c\n    span: {written}\n"


NUMBERS = [
    (
        "[+3, 8]",
        ["11:27: error: a mention of entity 'n' start must be a whole number, found '+3'"],
        ["9:12: error: the span of claim 'c' start must be a whole number, found '+3'"],
    ),
    (
        "[03, 8]",
        ["11:27: error: a mention of entity 'n' start must be a number; '03' has a leading zero"],
        ["9:12: error: the span of claim 'c' start must be a number; '03' has a leading zero"],
    ),
    (
        "[3_0, 40]",
        ["11:27: error: a mention of entity 'n' start must be a whole number, found '3_0'"],
        ["9:12: error: the span of claim 'c' start must be a whole number, found '3_0'"],
    ),
    (
        "[-0, 8]",
        ["11:27: error: a mention of entity 'n' start must be a whole number ≥ 0, found -0"],
        ["9:12: error: the span of claim 'c' start must be a whole number ≥ 0, found -0"],
    ),
    (
        "[٣, 8]",
        ["11:27: error: a mention of entity 'n' start must be a whole number, found '٣'"],
        ["9:12: error: the span of claim 'c' start must be a whole number, found '٣'"],
    ),
    (
        "[3, 8000]",
        ["11:26: error: span 3–8000 is outside the text (0–44)"],
        ["9:11: error: span 3–8000 is outside the text (0–44)"],
    ),
    (
        "[8, 3]",
        ["11:26: error: span ends before it starts (start 8 > end 3)"],
        ["9:11: error: span ends before it starts (start 8 > end 3)"],
    ),
    (
        "[3, 1e1]",
        ["11:30: error: a mention of entity 'n' end must be a whole number, found '1e1'"],
        ["9:15: error: the span of claim 'c' end must be a whole number, found '1e1'"],
    ),
    (
        '[3, "8"]',
        ["11:30: error: a mention of entity 'n' end must be a whole number, found \"8\""],
        ["9:15: error: the span of claim 'c' end must be a whole number, found \"8\""],
    ),
    (
        "[3, 0x8]",
        ["11:30: error: a mention of entity 'n' end must be a whole number, found '0x8'"],
        ["9:15: error: the span of claim 'c' end must be a whole number, found '0x8'"],
    ),
    (
        "[3, 1234567890123456]",
        ["11:26: error: span 3–1234567890123456 is outside the text (0–44)"],
        ["9:11: error: span 3–1234567890123456 is outside the text (0–44)"],
    ),
]


@pytest.mark.parametrize(("written", "as_mention", "as_span"), NUMBERS)
def test_a_position_not_written_plainly_is_reported(
    written: str, as_mention: list[str], as_span: list[str]
) -> None:
    assert problems(_mentions(written)) == as_mention
    assert problems(_span(written)) == as_span


def _verdicts(second: str) -> str:
    first = "{rating: false, explanation: x, reviewed: 2026-02-03}"
    return (
        HEAD
        + f"claims:\n  - id: c\n    span: [3, 8]\n    verdict: {first}\n"
        + f"  - id: d\n    span: [3, 8]\n    verdict: {second}\n"
    )


VERDICTS = [
    (
        "{rating: false, explanation: x, reviewed: 2026-02-30}",
        ["13:56: error: reviewed '2026-02-30' is not a date (YYYY-MM-DD)"],
    ),
    (
        "{rating: false, rating: false}",
        ["13:30: error: duplicate key 'rating' in a verdict (first at 13:15)"],
    ),
    ("{rating: null}", ["13:23: error: rating must be text, found nothing (null)"]),
    ("{rating: 'false', explanation: ~}", ["13:45: error: explanation must be text, found nothing (null)"]),
    ("{rating: bogus}", ["13:23: error: unknown rating 'bogus'"]),
]


@pytest.mark.parametrize(("second", "expected"), VERDICTS)
def test_a_verdict_after_a_usual_one_is_read_in_full(second: str, expected: list[str]) -> None:
    assert problems(_verdicts(second)) == expected


def test_the_same_verdict_written_twice_gives_two_equal_verdicts_of_their_own() -> None:
    doc = load(_verdicts("{explanation: x, reviewed: 2026-02-03, rating: false}"))
    first, second = (c.verdict for c in doc.claims)
    assert first == Verdict(Rating.FALSE, "x", "2026-02-03", line=10, column=14)
    assert second == Verdict(Rating.FALSE, "x", "2026-02-03", line=13, column=14)
    assert doc.problems == []


def _citations(second: str) -> str:
    return (
        HEAD
        + "claims:\n  - id: c\n    span: [3, 8]\n    sources: [s]\n"
        + f"  - id: d\n    span: [3, 8]\n    sources: {second}\nsources:\n  - id: s\n"
    )


CITATIONS = [
    ("[s, s]", ["13:18: warning: source 's' is cited twice by claim 'd'"]),
    ("[s, null]", ["13:18: error: a source of claim 'd' must be text, found nothing (null)"]),
    ("[s, 's']", ["13:18: warning: source 's' is cited twice by claim 'd'"]),
    ("[s, {source: s}]", ["13:18: warning: source 's' is cited twice by claim 'd'"]),
    ("[s, t]", ["13:18: error: unknown source 't'"]),
]


@pytest.mark.parametrize(("second", "expected"), CITATIONS)
def test_sources_cited_after_a_usual_citation_are_read_in_full(second: str, expected: list[str]) -> None:
    assert problems(_citations(second)) == expected
