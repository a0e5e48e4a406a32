"""The help screen's box lies over the reader's panes with one border: its bottom is not drawn just
above the panes' own bottom border (which showed through under it: two bottom borders stacked)."""

from __future__ import annotations

import pytest
from tests.ui.reader_support import drawn, reader_ready, seed_app, until

from briefing_tui.screens.help import HelpScreen


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (100, 30), (80, 30)], ids=str)
async def test_the_help_box_has_one_bottom_border(size: tuple[int, int]) -> None:
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        await reader_ready(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        box = app.screen.query_one("#help-body")
        await until(pilot, lambda: "Keys of the reader" in "\n".join(drawn(app)), what="no help drawn")
        lines, region = drawn(app), box.region
        assert lines[region.bottom - 1][region.x] == "╰"
        below = lines[region.bottom][region.x : region.right] if region.bottom < len(lines) else ""
        assert not below.startswith(("╰─", "──")), f"a border under the help's: {below[:20]!r}"
        status = lines[-2]  # the status line stays in view under it
        assert "claims" in status
