"""In a narrow terminal (one pane at a time) an action brings forward the pane where its result is:
the text for a jump into the text, the claim pane for what it shows; the status line says where the
text is even while it is hidden. At 120x40 every pane shows and none comes forward."""

from __future__ import annotations

from tests.support.checks import present
from tests.ui.reader_support import drawn, main_screen, reader_ready, run_palette_command, seed_app, until
from textual.pilot import Pilot

from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.entity_list import EntityList
from briefing_tui.widgets.timeline_list import TimelineList

NARROW, WIDE = (80, 24), (120, 40)


def shown_panes(screen: MainScreen) -> list[str]:
    names = ("text", "claim", "entities", "timeline")
    return [name for name in names if screen.query_one(f"#{name}-pane").display]


async def in_front(pilot: Pilot, name: str) -> None:
    """Wait until the pane ``name`` alone shows, with the focus, and is drawn."""
    screen = main_screen(pilot)
    await until(pilot, lambda: screen.pane == name and shown_panes(screen) == [name],
                what=f"{screen.pane} in front, not {name}")  # fmt: skip
    assert screen.panes.pane_of(screen.focused) == name
    await until(pilot, lambda: screen.query_one(f"#{name}-pane").region.width == 80)


async def choose(pilot: Pilot, widget: TimelineList | EntityList, option_id: str) -> None:
    widget.highlighted = widget.get_option_index(option_id)
    await pilot.press("enter")


async def test_an_entity_chosen_brings_the_text_forward_at_its_first_mention() -> None:
    async with seed_app().run_test(size=NARROW) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press("3", "j", "j", "enter")
        entity_id = present(screen.entity_id)
        mentions = screen.state.nav.mentions(entity_id)
        assert screen.state.span == mentions[0]
        await in_front(pilot, "text")
        start, end = screen.text_view.visible_range()
        assert start <= mentions[0][0] < end  # the text shows the mention it moved to
        assert "●" not in "".join(drawn(pilot.app))  # the entities pane is hidden
        await pilot.press("3", "greater_than_sign")  # the next mention: the text again
        assert screen.state.span == mentions[1 % len(mentions)]
        await in_front(pilot, "text")
        await pilot.press("3", "less_than_sign")
        assert screen.state.span == mentions[0]
        await in_front(pilot, "text")


async def test_a_timeline_event_brings_forward_the_text_or_the_claim_pane() -> None:
    async with seed_app().run_test(size=NARROW) as pilot:
        screen = await reader_ready(pilot)
        timeline = screen.query_one(TimelineList)
        await pilot.press("4")
        in_text = next(e for e in screen.state.nav.timeline() if not e.background)
        await choose(pilot, timeline, in_text.id)
        assert screen.state.span == (in_text.mentions[0].start, in_text.mentions[0].end)
        await in_front(pilot, "text")
        await pilot.press("4")
        await choose(pilot, timeline, "coup-2023")  # a background event: its sources, in the claim pane
        assert screen.detail == ("event", "coup-2023")
        await in_front(pilot, "claim")
        assert any("background (not in the text)" in line for line in drawn(pilot.app))


async def test_the_palettes_go_to_entity_from_the_timeline_brings_the_text_forward() -> None:
    async with seed_app().run_test(size=NARROW) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press("4")
        await run_palette_command(pilot, "go to entity")
        await run_palette_command(pilot, "niger")
        await until(pilot, lambda: screen.entity_id == "niger")
        await in_front(pilot, "text")


async def test_a_pane_that_shows_the_result_stays_in_front() -> None:
    async with seed_app().run_test(size=NARROW) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press("2", "right_square_bracket", "right_square_bracket")  # the claim pane shows them
        await until(pilot, lambda: screen.detail[0] == "claim")
        assert screen.pane == "claim"
        await pilot.press("1", "right_square_bracket")  # the text moves to it
        assert screen.pane == "text"


async def test_at_120x40_no_pane_comes_forward() -> None:
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press("3", "j", "j", "enter")
        assert screen.entity_id is not None
        await pilot.press("greater_than_sign")
        timeline = screen.query_one(TimelineList)
        await pilot.press("4")
        await choose(pilot, timeline, "coup-2023")
        assert screen.detail == ("event", "coup-2023")
        assert screen.pane == "timeline" and timeline.has_focus
        assert shown_panes(screen) == ["text", "claim", "entities", "timeline"]


async def test_the_percentage_is_where_the_text_is_while_it_is_hidden() -> None:
    async with seed_app().run_test(size=NARROW) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press("2", *["right_square_bracket"] * 10)
        await until(
            pilot, lambda: screen.claim_id is not None and "claim 10 of 15" in screen.status_line.plain
        )
        assert screen.pane == "claim"
        await until(pilot, lambda: screen.status_line.caught_up)
        hidden = screen.status_line.plain
        await pilot.press("1")
        view = screen.text_view
        await until(pilot, lambda: view.size.height > 0 and view.scroll_offset.y > 0)
        await until(pilot, lambda: screen.status_line.caught_up)
        percent = round(100 * view.scroll_offset.y / view.max_scroll_y)
        assert f"│ {percent}%" in screen.status_line.plain
        assert hidden == screen.status_line.plain
