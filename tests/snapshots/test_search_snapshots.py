"""Snapshots of search (fixed size, dark theme, no clock, no cursor blink)."""

from __future__ import annotations

from tests.ui.reader_support import reader_settled, results_settled, search_settled, seed_app
from textual.pilot import Pilot

from briefing_tui.screens.search_results import SearchResultsScreen


async def _search(pilot: Pilot, keys: list[str]) -> None:
    await pilot.press(*keys)
    if isinstance(pilot.app.screen, SearchResultsScreen):
        await results_settled(pilot)
    else:
        await search_settled(pilot)
        await reader_settled(pilot)
    await pilot.wait_for_scheduled_animations()


def test_highlighted_matches(snap_compare) -> None:
    """After /etats-unis: every "États-Unis" of the text on a dark amber background, the first one
    (the current match) in bright amber; the search bar at the foot of the text pane says 1/6 with
    the exact/word/regex toggles off."""

    async def run_before(pilot: Pilot) -> None:
        await _search(pilot, ["slash", *"etats", "minus", *"unis"])

    assert snap_compare(seed_app(), terminal_size=(120, 40), run_before=run_before)


def test_second_match_after_enter_and_n(snap_compare) -> None:
    """After /niamey, enter and n: the second "Niamey" is the current one (reverse), the bar says 2/3
    and the text pane has the keys back."""

    async def run_before(pilot: Pilot) -> None:
        await _search(pilot, ["slash", *"niamey", "enter", "n"])

    assert snap_compare(seed_app(), terminal_size=(120, 40), run_before=run_before)


def test_filter_mode(snap_compare) -> None:
    """After /niamey, enter and &: only the paragraphs holding "Niamey" are shown; the bar shows
    the "& filter" mark next to the counter."""

    async def run_before(pilot: Pilot) -> None:
        await _search(pilot, ["slash", *"niamey", "enter", "ampersand"])

    assert snap_compare(seed_app(), terminal_size=(120, 40), run_before=run_before)


def test_results_screen(snap_compare) -> None:
    """F after /niger: the results screen lists every hit of "niger" with the document id, line:column
    and the context, the match in amber, the first hit under the cursor once the list has focus."""

    async def run_before(pilot: Pilot) -> None:
        await _search(pilot, ["slash", *"niger", "enter", "F"])
        await _search(pilot, ["down"])

    assert snap_compare(seed_app(), terminal_size=(120, 40), run_before=run_before)
