"""The one quote finder: occurrences, and the prefix then the suffix choosing among them."""

from __future__ import annotations

import pytest

from briefing_tui.model.quotes import find_quote, in_context, occurrences

TEXT = "le chat dort. un chat noir. le chat noir dort."


def test_occurrences_overlap_and_stop_at_the_limit() -> None:
    assert occurrences("aaaa", "aa") == [0, 1, 2]
    assert occurrences("aaaa", "aa", limit=2) == [0, 1]
    assert occurrences("abc", "") == []


@pytest.mark.parametrize(
    ("prefix", "suffix", "expected"),
    [
        (None, None, [3, 17]),  # two occurrences at least: ambiguous
        ("un ", None, [17]),
        ("le ", None, [3, 31]),
        ("le ", " noir", [31]),  # the prefix narrows first, then the suffix
        (None, " dort", [3]),
        ("nowhere ", None, [3, 17, 31]),  # a context no occurrence has is ignored
    ],
)
def test_find_quote_lets_the_context_choose(
    prefix: str | None, suffix: str | None, expected: list[int]
) -> None:
    assert find_quote(TEXT, "chat", prefix, suffix) == expected


def test_a_quote_not_in_the_text_is_not_found() -> None:
    assert find_quote(TEXT, "chien", "le ", None) == []


def test_in_context_keeps_a_single_hit_whatever_the_context() -> None:
    assert in_context(TEXT, "chat", [17], "le ", " dort") == [17]
