"""The entities and timeline panes filter as you type, folding accents like search."""

from __future__ import annotations

from tests.ui.reader_support import (
    collection_app,
    main_screen,
    palette_settled,
    run_palette_command,
    seed_app,
    until,
)

from briefing_tui.model.dates import say_date
from briefing_tui.model.places import MentionPlace, TextPlace
from briefing_tui.search.filter import text_filter
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


async def test_the_entities_filter_holds_each_entity_whose_name_alias_or_id_holds_it() -> None:
    """Each entity's haystack is folded once and kept while its entities are listed: the entities
    listed are those ``text_filter`` accepts one by one, for each filter typed."""
    async with seed_app().run_test(size=SIZE) as pilot:
        await pilot.press("3")
        entities = pilot.app.screen.query_one(EntityList)
        await until(pilot, lambda: listed(entities))
        doc = main_screen(pilot).doc
        for typed in ("etats", "Etats", "fitz", "US", "us", "a", "zzz"):
            await pilot.press("slash", *typed, "enter")
            accept = text_filter(typed)
            expected = {e.id for e in doc.entities if accept(e.name, *e.aliases, e.id)}
            assert set(listed(entities)) == expected, typed
            await pilot.press("escape")


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


async def test_the_timeline_filter_holds_each_event_whose_label_date_or_id_holds_it_in_each_document() -> (
    None
):
    """Each event's haystack is folded once and kept while its events are shown: the events listed are
    those ``text_filter`` accepts one by one, for each filter typed and in another document too."""
    async with collection_app().run_test(size=SIZE) as pilot:
        await pilot.press("escape")  # past the list of files with errors
        screen = main_screen(pilot)
        await pilot.press("4")
        timeline = screen.query_one(TimelineList)
        await until(pilot, lambda: listed(timeline))

        def expected(typed: str) -> list[str]:
            accept = text_filter(typed)
            events = screen.state.nav.timeline()
            return [e.id for e in events if accept(e.label, say_date(e.date), e.date.text, e.id)]

        for typed in ("2023", "Niger", "niger", "EV", "ev", "zzz"):
            await pilot.press("slash", *typed, "enter")
            assert listed(timeline) == expected(typed), typed
            await pilot.press("escape")
        await pilot.press("slash", *"20", "enter")
        first = screen.doc
        assert len(listed(timeline)) == 2
        for doc in [d for d in screen.collection.documents if d is not first] + [first]:
            screen.jump_to(TextPlace(doc.id))
            await until(pilot, lambda doc=doc: screen.doc is doc)  # type: ignore[misc]
            await until(pilot, lambda: listed(timeline) == expected("20"), what="this document's events")
            assert timeline.filter_text == "20"
        assert len(listed(timeline)) == 2


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
