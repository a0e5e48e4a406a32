"""Themes: ctrl+p → "Theme" switches to a light one, and every pane draws with its looks."""

from __future__ import annotations

from rich.style import Style
from tests.ui.reader_support import main_screen, palette_settled, run_palette_command, seed_app, until

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
        await run_palette_command(pilot, "theme")
        for char in "textual-light":
            await pilot.press(char if char != "-" else "minus")
        await palette_settled(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen, what="the theme palette stayed open")
        assert app.theme == "textual-light"
        light = Looks(screen.text_view).entity("person")
        assert light.color != dark.color and light.bold  # another ink, the same attribute
        claim = screen.state.current_claim()
        assert claim is not None
        verdict = Looks(screen.claim_pane).rating(rating_label(claim)[2])

        def body_in_light_looks() -> bool:  # the claim pane drawn again with the light looks
            body = screen.claim_pane.query_one(DetailBody).text
            return any(isinstance(s.style, Style) and s.style.color == verdict.color for s in body.spans)

        await until(pilot, body_in_light_looks, what="the claim pane kept the dark looks")
