"""List filters fold like search."""

from __future__ import annotations

import pytest

from briefing_tui.search.filter import text_filter


@pytest.mark.parametrize(
    ("typed", "row", "expected"),
    [
        ("etats", "Commandement des États-Unis pour l’Afrique", True),
        ("l'afrique", "Commandement des États-Unis pour l’Afrique", True),
        ("coeur", "Un cœur", True),
        ("Niger", "niger", False),
        ("niger", "Niger", True),
        ("", "anything", True),
        ("xyz", "Niger", False),
    ],
)
def test_filter_folds_and_uses_smart_case(typed: str, row: str, expected: bool) -> None:
    assert text_filter(typed)(row) is expected


def test_any_of_several_strings_and_none_skipped() -> None:
    accept = text_filter("fitz")
    assert accept(None, "Kathleen FitzGibbon")
    assert not accept(None, "", "Ekman")
