"""Stepping through an entity's mentions (``>`` / ``<``) says which of how many stands out."""

from __future__ import annotations

from tests.support.checks import present
from tests.ui.reader_support import reader_ready, seed_app, until


async def test_the_status_line_says_which_mention_of_how_many() -> None:
    async with seed_app().run_test(size=(80, 24)) as pilot:
        screen = await reader_ready(pilot)
        entity = next(e for e in screen.state.doc.entities if len(screen.state.nav.mentions(e.id)) > 2)
        screen.select_entity(entity.id)
        count = len(screen.state.nav.mentions(entity.id))
        await pilot.press("greater_than_sign")
        await until(
            pilot,
            lambda: f"{entity.name} 1/{count}" in screen.status_line.plain,
            what=screen.status_line.plain,
        )
        await pilot.press("greater_than_sign")
        await until(pilot, lambda: f"{entity.name} 2/{count}" in screen.status_line.plain)
        await pilot.press("less_than_sign", "less_than_sign")  # back past the first: the last
        await until(pilot, lambda: f"{entity.name} {count}/{count}" in screen.status_line.plain)
        assert present(screen.state.mention_position())[1:] == (count, count)
