"""The claim pane's keys: what it newly shows is shown from its top; s and o act on the source link
highlighted there (and y copies its address); j / k go down and up through what it shows, from link
to link, and stop at its ends."""

from __future__ import annotations

import webbrowser
from functools import partial

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
        cited = len(present(screen.state.current_claim()).sources)
        assert any(f"Source 1 of {cited}  {source.id}" in line for line in lines)
        assert any("Publisher: " in line for line in lines) == bool(source.publisher)


async def test_a_source_gone_to_from_its_claim_says_which_of_its_sources_it_is() -> None:
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press(*["right_square_bracket"] * 5, "2", "g")  # C2, which cites two sources
        claim = present(screen.state.current_claim())
        assert claim.id == "C2" and len(claim.sources) == 2
        first, second = (ref.source for ref in claim.sources)
        for key, said in (("s", f"Source 1 of 2  {first}"), ("s", f"Source 2 of 2  {second}"),
                          ("S", f"Source 1 of 2  {first}")):  # fmt: skip
            await pilot.press(key)
            await until(pilot, partial(shows, pilot, said), what=said)
        await pilot.press("ctrl+o", "ctrl+o", "ctrl+o")  # back to the claim
        await until(pilot, lambda: screen.detail == ("claim", "C2"), what="not back on C2")
        links = screen.query_one(DetailLinks)
        links.focus()
        await pilot.press("j", "enter")  # its second source's link, followed: not through s
        await until(pilot, lambda: screen.detail[0] == "source", what="no source shown")
        lines = drawn(pilot.app)
        assert any(f"Source 2 of 2  {second}" in line or f"Source 1 of 2  {first}" in line for line in lines)


def shows(pilot: Pilot, words: str) -> bool:
    return any(words in line for line in drawn(pilot.app))


def no_browser(*args: object, **kwargs: object) -> webbrowser.BaseBrowser:
    raise webbrowser.Error("could not locate runnable browser")


async def to_second_link(pilot: Pilot, links: DetailLinks) -> None:
    """``j`` down the claim pane (focused) to its second source's link."""
    for _ in range(60):
        await pilot.press("j")
        if links.highlighted == 1:
            break
    assert links.has_focus and links.highlighted == 1


@pytest.mark.parametrize("size", [WIDE, (80, 24)], ids=["120x40", "80x24"])
async def test_s_and_o_act_on_the_source_link_highlighted(monkeypatch: pytest.MonkeyPatch, size) -> None:
    monkeypatch.setattr(webbrowser, "get", no_browser)  # o copies the address it would open
    app = seed_app()
    async with app.run_test(size=size) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press(*["right_square_bracket"] * 5, "2", "g")  # C2
        claim = present(screen.state.current_claim())
        assert claim.id == "C2" and len(claim.sources) == 2
        await to_second_link(pilot, screen.query_one(DetailLinks))
        second = present(screen.state.nav.source(claim.sources[1].source))
        url = present(second.url or next(iter(second.mirrors), None))
        await pilot.press("o")
        await until(pilot, lambda: app.clipboard == url, what=f"o copied {app.clipboard!r}")
        app.copy_to_clipboard("")
        await pilot.press("y")  # and y copies it, as it copies the address of a source shown
        await until(pilot, lambda: app.clipboard == url, what=f"y copied {app.clipboard!r}")
        await pilot.press("s")
        assert screen.detail == ("source", second.id)
        await pilot.press("S")  # from the second source, the one before it
        assert screen.detail == ("source", claim.sources[0].source)


async def test_shift_s_on_a_source_link_goes_to_the_source_before_it() -> None:
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press(*["right_square_bracket"] * 5, "2", "g")  # C2: two sources
        claim = present(screen.state.current_claim())
        await to_second_link(pilot, screen.query_one(DetailLinks))
        await pilot.press("S")
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


async def test_j_and_k_go_through_what_the_pane_shows_and_stop_at_its_ends() -> None:
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await reader_ready(pilot)
        pane, links = screen.query_one(DetailPane), screen.query_one(DetailLinks)
        await pilot.press("right_square_bracket", "right_square_bracket", "2", "g")  # C3: one source
        await until(pilot, lambda: screen.claim_id == "C3" and links.has_focus and pane.max_scroll_y > 0)
        assert links.option_count == 1 and links.highlighted == 0
        for y in range(1, pane.max_scroll_y + 1):  # no link further: j scrolls a line
            await pilot.press("j")
            assert (pane.scroll_y, links.highlighted) == (y, 0)
        await pilot.press("j")  # at the end: nothing moves
        assert (pane.scroll_y, links.highlighted) == (pane.max_scroll_y, 0)
        source = present(screen.state.nav.source(present(screen.state.current_claim()).sources[0].source))
        area = pane.region
        inside = drawn(pilot.app)[area.y + 1 : area.bottom - 1]  # within its border and scrollbar
        shown = "".join(line[area.x + 1 : area.right - 2] for line in inside)
        assert "".join(present(source.note).split())[-20:] in "".join(shown.split())  # the link's end
        await pilot.press("k")
        assert pane.scroll_y == pane.max_scroll_y - 1


@pytest.mark.parametrize("size", [WIDE, (80, 24)], ids=["120x40", "80x24"])
async def test_j_moves_to_the_next_link_in_view_and_never_wraps_round(size) -> None:
    async with seed_app().run_test(size=size) as pilot:
        screen = await reader_ready(pilot)
        pane, links = screen.query_one(DetailPane), screen.query_one(DetailLinks)
        await pilot.press(*["right_square_bracket"] * 5, "2", "g")  # C2: two sources
        await until(pilot, lambda: screen.claim_id == "C2" and links.has_focus)
        for _ in range(60):  # down to the end: the second link, then the pane's last line
            await pilot.press("j")
            assert links.highlighted is not None
            if links.highlighted == 1 and pane.scroll_y == pane.max_scroll_y:
                break
        await pilot.press("j", "j")
        assert links.highlighted == 1 and pane.scroll_y == pane.max_scroll_y  # not back to the first
        for _ in range(60):  # and up to the top: the first link, then the claim above it
            await pilot.press("k")
            if pane.scroll_y == 0 and links.highlighted == 0:
                break
        await pilot.press("k")
        assert links.highlighted == 0 and pane.scroll_y == 0


@pytest.mark.parametrize("size", [WIDE, (80, 24)], ids=["120x40", "80x24"])
async def test_escape_goes_back_from_a_source_to_the_claim_that_cites_it(size: tuple[int, int]) -> None:
    async with seed_app().run_test(size=size) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press(*["right_square_bracket"] * 5, "2", "g")  # C2, which cites two sources
        first, second = (ref.source for ref in present(screen.state.current_claim()).sources)
        await pilot.press("s", "s")  # its second source
        await until(pilot, lambda: screen.detail == ("source", second), what="not on its second source")
        escape_says = lambda: screen.active_bindings["escape"].binding.description  # noqa: E731 - the keys panel's words
        assert "else Back to the claim from its source" in escape_says()
        await pilot.press("escape")
        await until(pilot, lambda: screen.detail == ("claim", "C2"), what="escape did not go back to C2")
        assert present(screen.state.current_claim()).id == "C2"
        assert "Back to the claim" not in escape_says()  # no source to go back from: not said
        await until(pilot, partial(shows, pilot, "Claim "), what="the claim pane does not show the claim")
        await pilot.press("ctrl+o")  # the jump list has it: back to the source left
        await until(pilot, lambda: screen.detail == ("source", second), what="ctrl+o did not return")
        await pilot.press("escape", "escape")  # the second escape has no source to leave: it does nothing
        await until(pilot, lambda: screen.detail == ("claim", "C2"), what="not on C2")
