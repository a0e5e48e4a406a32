"""List filters fold like search."""

from __future__ import annotations

import pytest

from briefing_tui.search.filter import fold_each, needle_of, text_filter
from briefing_tui.search.fold import fold


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


ROWS = ["Commandement des États-Unis", "un cœur\0caché", "", "L’AFRIQUE", "İstanbul ﬁn", "niger\nNiamey"]


@pytest.mark.parametrize("keep_case", [False, True])
def test_rows_folded_at_once_are_each_row_folded(keep_case: bool) -> None:
    assert fold_each(ROWS, keep_case) == [fold(row, keep_case) for row in ROWS]  # a NUL among them too
    assert fold_each(ROWS[2:4], keep_case) == [fold(row, keep_case) for row in ROWS[2:4]]


@pytest.mark.parametrize("typed", ["etats", "coeur", "l'afrique", "AFRIQUE", "istanbul", "fin", "y", "zz"])
def test_a_needle_in_rows_folded_at_once_finds_what_text_filter_accepts(typed: str) -> None:
    needle, keep_case = needle_of(typed)
    found = [needle in row for row in fold_each(ROWS, keep_case)]
    assert found == [text_filter(typed)(row) for row in ROWS]
