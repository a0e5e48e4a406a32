"""The claim pane's keys: what it newly shows is shown from its top; s and o act on the source link
highlighted there; j / k go down and up through what it shows, from link to link, and stop at its ends."""

from __future__ import annotations

import webbrowser

import pytest
from tests.support.checks import present
from tests.ui.reader_support import drawn, reader_ready, seed_app, until
from textual.pilot import Pilot

from briefing_tui.widgets.detail_pane import DetailLinks, DetailPane

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


def no_browser(*args: object, **kwargs: object) -> webbrowser.BaseBrowser:
    raise webbrowser.Error("could not locate runnable browser")


@pytest.mark.parametrize("size", [WIDE, (80, 24)], ids=["120x40", "80x24"])
async def test_s_and_o_act_on_the_source_link_highlighted(monkeypatch: pytest.MonkeyPatch, size) -> None:
    monkeypatch.setattr(webbrowser, "get", no_browser)  # o copies the address it would open
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press(*["right_square_bracket"] * 5, "2", "g", "j")  # C2, its second source
        claim = present(screen.state.current_claim())
        assert claim.id == "C2" and len(claim.sources) == 2
        links = screen.query_one(DetailLinks)
        assert links.has_focus and links.highlighted == 1
        second = present(screen.state.nav.source(claim.sources[1].source))
        url = present(second.url or next(iter(second.mirrors), None))
        await pilot.press("o")
        await until(pilot, lambda: app.clipboard == url, what=f"o copied {app.clipboard!r}")
        await pilot.press("s")
        assert screen.detail == ("source", second.id)
        await pilot.press("S")  # from the second source, the one before it
        assert screen.detail == ("source", claim.sources[0].source)


async def test_elsewhere_s_goes_on_through_the_claims_sources() -> None:
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press(
            *["right_square_bracket"] * 5, "2", "j", "1"
        )  # a link highlighted, the text focused
        claim = present(screen.state.current_claim())
        await pilot.press("s")
        assert screen.detail == ("source", claim.sources[0].source)
        await pilot.press("1", "s")
        assert screen.detail == ("source", claim.sources[1].source)
