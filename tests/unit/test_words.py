"""Counted nouns agree with their count everywhere: "1 claim", "2 claims", never "1 claims"."""

from __future__ import annotations

import pytest

from briefing_tui.words import noun, plural, plural_of


@pytest.mark.parametrize(
    ("word", "many"),
    [
        ("claim", "claims"),
        ("entity", "entities"),
        ("key", "keys"),  # a vowel before the y
        ("match", "matches"),
        ("box", "boxes"),
        ("address", "addresses"),
        ("wish", "wishes"),
        ("hit", "hits"),
    ],
)
def test_the_plural_follows_the_english_rules(word: str, many: str) -> None:
    assert plural_of(word) == many


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, "0 claims"),
        (1, "1 claim"),
        (2, "2 claims"),
        (11, "11 claims"),
        (-1, "-1 claims"),
        (1000, "1,000 claims"),
        (25000, "25,000 claims"),
        (1234567, "1,234,567 claims"),
    ],
)
def test_only_exactly_one_is_singular(count: int, expected: str) -> None:
    assert plural(count, "claim") == expected


def test_an_irregular_plural_is_given() -> None:
    assert plural(1, "person", "people") == "1 person"
    assert plural(3, "person", "people") == "3 people"
    assert noun(2, "mention") == "mentions" and noun(1, "mention") == "mention"


def test_the_status_line_counts_a_large_documents_claims_with_their_thousands_apart() -> None:
    from briefing_tui.widgets.status_line import Status, status_text

    shown = status_text(Status("A large briefing", 40, (12345, 25000, "✔", "supported", "supported"))).plain
    assert "claim 12,345 of 25,000 ✔ supported" in shown
    assert "25,000 claims: ] for the first" in status_text(Status("A large briefing", 0, claims=25000)).plain
