"""The claim pane's body: a fixed place on screen, its text wrapped whole, shown from its top."""

from __future__ import annotations

import re

from tests.support.looks import PlainLooks
from tests.ui.reader_support import SEEDS, seed_app

from briefing_tui.files import load_paths
from briefing_tui.model import SourceRef
from briefing_tui.model.navigation import Navigator
from briefing_tui.widgets.detail_pane import DetailBody, DetailLinks, DetailPane
from briefing_tui.widgets.detail_text import source_prompt


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)  # long addresses are folded across lines


async def test_the_body_and_links_keep_their_place_from_claim_to_claim() -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = pilot.app.screen
        await pilot.press("right_square_bracket")
        await pilot.pause()
        body, links = screen.query_one(DetailBody), screen.query_one(DetailLinks)
        place = (body.region, links.region)
        shown = set()
        for _ in range(6):  # claims of different lengths and numbers of sources
            await pilot.press("right_square_bracket")
            await pilot.pause()
            shown.add(screen.query_one(DetailPane).body_text)
            assert (body.region, links.region) == place
        assert len(shown) == 6


async def test_a_long_entry_is_wrapped_whole_at_80x24() -> None:
    async with seed_app().run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        await pilot.press("right_square_bracket", "right_square_bracket", "s")
        await pilot.pause()
        body = screen.query_one(DetailBody)
        assert body.virtual_size.height > body.scrollable_content_region.height  # it scrolls
        lines = [body.render_line(y).text for y in range(body.virtual_size.height)]
        assert all(len(line) <= body.scrollable_content_region.width for line in lines)
        assert _squeezed("".join(lines)) == _squeezed(screen.query_one(DetailPane).body_text)


async def test_the_next_claim_is_shown_from_its_top() -> None:
    async with seed_app().run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket", "s")
        await pilot.pause()
        assert screen.detail == ("source", "S-state-0424")  # a long entry: it scrolls
        body = screen.query_one(DetailBody)
        body.scroll_to(y=3, animate=False, immediate=True)
        assert body.scroll_y == 3
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert body.scroll_y == 0
        assert screen.query_one(DetailPane).body_text.startswith("Claim ")


def test_a_source_row_shows_the_original_address_or_the_copy_that_o_opens() -> None:
    collection = load_paths([SEEDS])
    nav = Navigator(collection.documents[0], collection)
    original = source_prompt(nav, SourceRef("S-africom-101"), 1, False, PlainLooks()).plain
    assert "https://www.africom.mil/pressrelease/35519/" in _squeezed(original) and "(copy)" not in original
    copy = source_prompt(nav, SourceRef("S-africom-end"), 1, False, PlainLooks()).plain
    assert "https://allafrica.com/stories/202409160276.html(copy)" in _squeezed(copy)
