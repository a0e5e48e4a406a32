"""Filtering short strings (list rows) as the reader types, with the same folding as search."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from briefing_tui.search.fold import fold
from briefing_tui.search.query import _has_upper


@lru_cache(maxsize=65536)
def _folded(value: str, keep_case: bool) -> str:
    return fold(value, keep_case)


def text_filter(text: str) -> Callable[..., bool]:
    """A predicate true when one of the strings it is given holds ``text``.

    Accents, typography and ligatures are folded as in search; smart case: an upper-case letter in
    ``text`` makes the filter case-sensitive. An empty ``text`` accepts everything.
    """
    keep_case = _has_upper(text, regex=False)
    needle = _folded(text, keep_case)

    def accept(*values: str | None) -> bool:
        return not needle or any(needle in _folded(v, keep_case) for v in values if v)

    return accept


def needle_of(text: str) -> tuple[str, bool]:
    """What ``text_filter(text)`` looks for in a folded row: ``text`` folded, and whether case is
    kept (smart case); rows are folded alike by ``fold(row, keep_case)``."""
    keep_case = _has_upper(text, regex=False)
    return _folded(text, keep_case), keep_case


def fold_each(rows: list[str], keep_case: bool) -> list[str]:
    """Each of ``rows`` folded as ``needle_of`` folds (``fold(row, keep_case)``), all in one pass: a
    list's rows folded once, then searched with ``needle in row`` at each key."""
    folded = fold("\0".join(rows), keep_case).split("\0")  # folded a character at a time: at once
    if len(folded) != len(rows):  # a row holding a NUL: each folded on its own
        folded = [fold(row, keep_case) for row in rows]
    return folded
