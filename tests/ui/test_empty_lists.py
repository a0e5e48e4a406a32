"""A list with nothing in it says so plainly ("no entities", "no events"); "no entity matches" is
said only while a filter is on."""

from __future__ import annotations

import pytest
from tests.ui.reader_support import COLLECTION, drawn, reader_ready, seed_app, until

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.widgets.entity_list import EntityList
from briefing_tui.widgets.timeline_list import TimelineList

BARE = COLLECTION / "b-statement.yaml"  # a text with no claims, entities or events


def rows(widget: EntityList | TimelineList) -> list[str]:
    return [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_a_document_without_entities_says_no_entities(size: tuple[int, int]) -> None:
    app = BriefingApp([BARE], collection=load_paths([BARE]))
    async with app.run_test(size=size) as pilot:
        screen = await reader_ready(pilot)
        entities, timeline = screen.query_one(EntityList), screen.query_one(TimelineList)
        assert rows(entities) == ["no entities"]
        assert rows(timeline) == ["no events"]
        await pilot.press("3")
        await until(pilot, lambda: any("no entities" in line for line in drawn(app)), what="not drawn")
        assert not any("matches" in line for line in drawn(app))


async def test_a_filter_that_keeps_no_entity_says_no_entity_matches() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        entities = screen.query_one(EntityList)
        await pilot.press("3", "slash", *"zzqx")
        await until(pilot, lambda: "no entity matches" in rows(entities), what=f"{rows(entities)}")
        await pilot.press("escape")
        await until(pilot, lambda: "no entity matches" not in rows(entities))
        assert "no entities" not in rows(entities)
