"""The entities and timeline panes filter as you type, folding accents like search."""

from __future__ import annotations

from tests.ui.reader_support import main_screen, palette_settled, run_palette_command, seed_app, until

from briefing_tui.model.places import MentionPlace
from briefing_tui.widgets.entity_list import EntityList
from briefing_tui.widgets.timeline_list import TimelineList

SIZE = (120, 40)


def listed(widget) -> list[str]:
    return [o.id for o in widget._options if o.id]


async def test_entities_filter_folds_accents() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        await pilot.press("3")
        entities = pilot.app.screen.query_one(EntityList)
        await until(pilot, lambda: listed(entities))  # filled just after the first paint
        everyone = listed(entities)
        await pilot.press("slash", *"etats")
        shown = listed(entities)
        assert shown and len(shown) < len(everyone)
        doc = main_screen(pilot).doc
        names = {e.id: e.name for e in doc.entities}
        assert any("États" in names[i] for i in shown)
        await pilot.press("escape")
        assert listed(entities) == everyone


async def test_timeline_filters_after_slash_and_clears() -> None:
    async with seed_app().run_test(size=SIZE) as pilot:
        await pilot.press("4")
        timeline = pilot.app.screen.query_one(TimelineList)
        await until(pilot, lambda: listed(timeline))  # filled just after the first paint
        assert timeline.has_focus
        everything = listed(timeline)
        await pilot.press("slash", *"niamey")
        shown = listed(timeline)
        assert shown and len(shown) < len(everything)
        events = {e.id: e for e in main_screen(pilot).doc.events}
        assert all("Niamey" in events[i].label for i in shown)
        await pilot.press("backspace")
        assert timeline.filter_text == "niame"
        await pilot.press("escape")
        assert timeline.filter_text == "" and listed(timeline) == everything


async def test_go_to_entity_in_the_palette_folds_accents() -> None:
    from textual.command import CommandPalette

    async with seed_app().run_test(size=SIZE) as pilot:
        screen = main_screen(pilot)
        await run_palette_command(pilot, "go to entity")
        palette = pilot.app.screen
        assert isinstance(palette, CommandPalette)
        for char in "commandement des etats":
            await pilot.press(char if char != " " else "space")
        await palette_settled(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: pilot.app.screen is screen, what="the entity palette stayed open")
        here = screen.here()
        assert isinstance(here, MentionPlace)
        entity = screen.doc.entity(here.entity_id)
        assert entity is not None and "États-Unis" in entity.name
