"""Going to an event, an entity or a claim from elsewhere (the palette, a link) highlights it in its
list, as choosing it in that list does."""

from __future__ import annotations

from tests.ui.reader_support import (
    choose_in_palette,
    drawn,
    reader_settled,
    run_palette_command,
    seed_app,
    until,
)
from textual.command import CommandPalette

from briefing_tui.widgets.entity_list import EntityList
from briefing_tui.widgets.timeline_list import TimelineList

SIZE = (120, 40)


async def choose(pilot, command: str, words: str) -> None:
    """``command`` in the palette, then the first of what it lists for ``words``."""
    await run_palette_command(pilot, command)
    await until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), what=f"{command} listed nothing")
    await choose_in_palette(pilot, words)


def highlighted(widget) -> str | None:
    option = widget.highlighted_option
    return option.id if option is not None else None


async def test_going_to_an_event_highlights_it_in_the_timeline() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        main = await reader_settled(pilot)
        timeline = main.query_one("#timeline", TimelineList)
        before = highlighted(timeline)
        await choose(pilot, "Go to event", "Coup")
        await until(
            pilot, lambda: main.detail == ("event", "coup-2023"), what=f"the claim pane shows {main.detail}"
        )
        assert before != "coup-2023"
        await until(
            pilot, lambda: highlighted(timeline) == "coup-2023", what=f"{highlighted(timeline)} highlighted"
        )
        await until(
            pilot, lambda: any("Coup in Niger" in line for line in drawn(pilot.app)), what="not in view"
        )


async def test_going_to_an_entity_highlights_it_in_the_entities_list() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        main = await reader_settled(pilot)
        entities = main.query_one("#entities", EntityList)
        await choose(pilot, "Go to entity", "Kurt")
        await until(
            pilot, lambda: main.detail == ("entity", "campbell"), what=f"the claim pane shows {main.detail}"
        )
        await until(
            pilot, lambda: highlighted(entities) == "campbell", what=f"{highlighted(entities)} highlighted"
        )
        # again, once the highlight has moved away in the list
        await pilot.press("3", "g")
        await until(pilot, lambda: highlighted(entities) != "campbell", what="g left the highlight")
        await choose(pilot, "Go to entity", "Kurt")
        await until(
            pilot, lambda: highlighted(entities) == "campbell", what=f"{highlighted(entities)} highlighted"
        )


async def test_going_to_a_claim_marks_it_in_the_claims_list() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        main = await reader_settled(pilot)
        await pilot.press("6")
        await until(pilot, lambda: main.claim_pane.claims_list is not None, what="no claims list")
        await choose(pilot, "Go to claim", "C9")
        await until(pilot, lambda: main.claim_id == "C9", what=f"the claim is {main.claim_id}")
        claims = main.claim_pane.claims_list
        await until(pilot, lambda: highlighted(claims) == "C9", what=f"{highlighted(claims)} highlighted")
