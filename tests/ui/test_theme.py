"""Themes: ctrl+p → "Theme" switches to a light one, and every pane draws with its looks."""

from __future__ import annotations

from rich.style import Style
from tests.ui.reader_support import main_screen, run_palette_command, seed_app

from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.detail_pane import DetailBody
from briefing_tui.widgets.labels import rating_label
from briefing_tui.widgets.looks import Looks


async def test_the_palette_switches_to_the_light_theme_and_the_panes_follow() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(pilot)
        assert isinstance(screen, MainScreen) and app.theme == "textual-dark"
        await pilot.press("right_square_bracket")
        dark = Looks(screen.text_view).entity("person")
        await run_palette_command(pilot, "theme", settle=0.3)
        for char in "textual-light":
            await pilot.press(char)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "textual-light" and app.screen is screen
        light = Looks(screen.text_view).entity("person")
        assert light.color != dark.color and light.bold  # another ink, the same attribute
        claim = screen.state.current_claim()
        assert claim is not None
        verdict = Looks(screen.claim_pane).rating(rating_label(claim)[2])
        body = screen.claim_pane.query_one(DetailBody).text  # drawn again with the light looks
        assert any(isinstance(s.style, Style) and s.style.color == verdict.color for s in body.spans)
