"""The search's current match follows the reader's jumps: back, forward, a go-to, a hit of every document."""

from __future__ import annotations

from tests.ui.reader_support import (
    COLLECTION,
    SEEDS,
    main_screen,
    results_settled,
    run_palette_command,
    search_settled,
    seed_app,
    until,
)

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.model.places import ClaimPlace
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.hit_list import HitList

SIZE = (120, 40)


async def search_for(pilot, text: str) -> None:
    await pilot.press("slash", *text)
    await search_settled(pilot)
    await pilot.press("enter")


def current(screen: MainScreen) -> int | None:
    return screen.text_pane.search.index


async def test_back_and_forward_make_the_match_gone_to_the_current_one() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        bar = screen.text_pane.bar
        await search_for(pilot, "niger")
        total = len(screen.search_matches)
        assert total == 10 and bar.count == "1/10"
        for _ in range(6):
            await pilot.press("n")
        assert current(screen) == 6 and bar.count == "7/10"
        await pilot.press("ctrl+o", "ctrl+o")
        assert screen.here().start == screen.search_matches[4][0]
        assert current(screen) == 4 and bar.count == "5/10"
        await pilot.press("n")
        assert current(screen) == 5 and bar.count == "6/10"
        assert screen.here().start == screen.search_matches[5][0]
        await pilot.press("ctrl+o", "alt+right")  # forward again, to match 6
        assert current(screen) == 5 and bar.count == "6/10"
        await pilot.press("N")
        assert current(screen) == 4 and bar.count == "5/10"


async def test_back_through_the_matches_counts_down() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        bar = screen.text_pane.bar
        await search_for(pilot, "niger")
        await pilot.press("n", "n", "n")
        assert bar.count == "4/10"
        for shown in ("3/10", "2/10", "1/10"):
            await pilot.press("ctrl+o")
            assert bar.count == shown
            assert screen.search_matches[current(screen)][0] == screen.here().start


async def test_after_a_jump_elsewhere_n_goes_on_from_the_place_gone_to() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        bar = screen.text_pane.bar
        await search_for(pilot, "niger")
        starts = [start for start, _ in screen.search_matches]
        claims = [c for c in screen.state.nav.claims if c.span.anchored]
        between = [c for c in claims if starts[2] < c.span.start < starts[-1] and c.span.start not in starts]
        claim = between[-1]
        screen.jump_to(ClaimPlace(screen.doc.id, claim.id))
        await pilot.pause()
        assert current(screen) is None and bar.count == "0/10"  # not on a match
        after = next(i for i, start in enumerate(starts) if start >= claim.span.start)
        await pilot.press("n")
        assert current(screen) == after and bar.count == f"{after + 1}/10"
        screen.jump_to(ClaimPlace(screen.doc.id, claim.id))
        await pilot.pause()
        await pilot.press("N")
        assert current(screen) == after - 1


async def test_forward_to_a_hit_of_another_document_counts_it() -> None:
    paths = [COLLECTION / "a-main.yaml", COLLECTION / "b-statement.yaml", SEEDS]
    async with BriefingApp(paths, collection=load_paths(paths)).run_test(size=SIZE) as pilot:
        main = main_screen(pilot)
        bar = main.text_pane.bar
        await pilot.press("F", *"niamey")
        results = await results_settled(pilot)
        hit_list = results.query_one(HitList)
        target = next(h for h in hit_list.hits if h.document.id != main.doc.id)
        await pilot.press("down")
        while hit_list.current is not target:
            await pilot.press("down")
        await pilot.press("enter")
        await until(pilot, lambda: pilot.app.screen is main, what="the results screen stayed")
        await search_settled(pilot)
        hit_at = main.search_matches.index((target.start, target.end))
        assert current(main) == hit_at
        await pilot.press("ctrl+o")
        await until(pilot, lambda: main.doc.id != target.document.id)
        await search_settled(pilot)
        await pilot.press("alt+right")
        await until(pilot, lambda: main.doc.id == target.document.id)
        await search_settled(pilot)
        total = len(main.search_matches)
        assert current(main) == hit_at and bar.count == f"{hit_at + 1}/{total}"


async def test_a_match_gone_to_while_maximized_shows_when_the_pane_is_restored() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        view = screen.text_view
        await search_for(pilot, "niamey")
        await pilot.press("n", "n")  # the last match, the text scrolled down
        assert current(screen) == 2 and view.scroll_offset.y > 0
        await run_palette_command(pilot, "maximize")
        await until(pilot, lambda: screen.maximized is view, what="the text was not maximized")
        await pilot.press("n")  # wraps to the first match
        assert current(screen) == 0
        await pilot.press("escape")
        await until(pilot, lambda: screen.maximized is None, what="the text stayed maximized")
        first = screen.search_matches[0][0]
        await until(pilot, lambda: view.visible_range()[0] <= first < view.visible_range()[1],
                    what=f"match 1 out of view: {view.visible_range()}")  # fmt: skip
        status = screen.status_line
        await until(pilot, lambda: status.caught_up, what="the status line did not catch up")
        assert "/niamey 1/3  │ 0%" in status.plain
