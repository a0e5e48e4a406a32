"""The claim pane's keys: what it newly shows is shown from its top; s and o act on the source link
highlighted there; j / k go down and up through what it shows, from link to link, and stop at its ends."""

from __future__ import annotations

import pytest
from tests.support.checks import present
from tests.ui.reader_support import drawn, reader_ready, seed_app, until
from textual.pilot import Pilot

from briefing_tui.widgets.detail_pane import DetailPane

WIDE = (120, 40)


async def settled(pilot: Pilot) -> None:
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


@pytest.mark.parametrize("claims", [4, 2], ids=["C1", "C3"])
async def test_a_source_gone_to_is_shown_from_its_top(claims: int) -> None:
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await reader_ready(pilot)
        pane = screen.query_one(DetailPane)
        await pilot.press(*["right_square_bracket"] * claims, "s")
        await until(pilot, lambda: screen.detail[0] == "source")
        await settled(pilot)
        assert pane.scroll_y == 0
        source = present(screen.state.nav.source(screen.detail[1]))
        lines = drawn(pilot.app)
        assert any(f"Source  {source.id}" in line for line in lines)
        assert any("Publisher: " in line for line in lines) == bool(source.publisher)
