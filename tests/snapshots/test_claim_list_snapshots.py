"""Snapshots of the claims list (key 6) on the seed (fixed size, dark theme, no clock, no cursor blink)."""

from __future__ import annotations

from tests.ui.reader_support import reader_settled, seed_app
from textual.pilot import Pilot


async def _settle(pilot: Pilot) -> None:
    await reader_settled(pilot)


def test_claims_list_120x40(snap_compare) -> None:
    """After ] ] 6: the claim pane, taller, lists every claim on one line each (verdict glyph, id,
    gloss cut with an ellipsis), the second (C3) marked ▶ and highlighted; below a rule, its detail
    and sources. Entities and timeline stay visible, shorter."""
    assert snap_compare(
        seed_app(), press=["right_square_bracket"] * 2 + ["6"], terminal_size=(120, 40), run_before=_settle
    )


def test_claims_list_filtered_80x24(snap_compare) -> None:
    """A small terminal, after ] 6, / and typing "outdated": the pane bar with Claim active, the
    filter line "filter: outdated▏  3 of 15" (the bar: still typing), the three outdated claims
    (⌛ C8, ⌛ C15, ⌛ C12), the first claim's detail below, and a footer of the keys that work
    while typing (enter, escape)."""
    assert snap_compare(
        seed_app(),
        press=["right_square_bracket", "6", "slash", *"outdated"],
        terminal_size=(80, 24),
        run_before=_settle,
    )
