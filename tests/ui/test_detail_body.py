"""The claim pane: its body as tall as its text, wrapped whole, shown from its top; the pane scrolls."""

from __future__ import annotations

import re

import pytest
from tests.support.looks import PlainLooks
from tests.ui.reader_support import SEEDS, drawn, main_screen, reader_ready, seed_app, until

from briefing_tui.files import load_paths
from briefing_tui.model import SourceRef
from briefing_tui.model.navigation import Navigator
from briefing_tui.widgets.detail_pane import DetailBody, DetailLinks, DetailPane
from briefing_tui.widgets.detail_text import source_prompt


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)  # long addresses are folded across lines


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_every_claim_shows_verdict_explanation_and_every_source_by_keyboard(size) -> None:
    async with seed_app().run_test(size=size) as pilot:
        screen = main_screen(pilot)
        pane = screen.query_one(DetailPane)
        body, links = screen.query_one(DetailBody), screen.query_one(DetailLinks)
        await pilot.press("2")  # the links take the focus; G brings the last one into view
        await until(pilot, lambda: links.has_focus)
        for claim in screen.state.nav.claims:
            await pilot.press("right_square_bracket")

            # the body is whole: as tall as its wrapped text, it never hides a line
            def whole(claim_id: str = claim.id) -> bool:
                return screen.claim_id == claim_id and body.region.height == body.virtual_size.height > 1

            await until(pilot, whole)
            text = pane.body_text
            assert f"Sources ({len(claim.sources)})" in text
            if claim.verdict is not None and claim.verdict.explanation:
                assert "Why: " in text
            await pilot.press("G")
            await until(pilot, lambda: pane.scroll_y == pane.max_scroll_y)
            if claim.sources:
                assert links.highlighted == len(claim.sources) - 1
                assert links.region.bottom <= pane.region.bottom
            await pilot.press("g")
            await until(pilot, lambda: pane.scroll_y == 0)


async def test_a_source_row_shows_every_mirror_and_its_note() -> None:
    collection = load_paths([SEEDS])
    nav = Navigator(collection.documents[0], collection)
    for source in nav.doc.sources:
        row = _squeezed(source_prompt(nav, SourceRef(source.id), 1, False, PlainLooks()).plain)
        for mirror in source.mirrors:
            assert _squeezed(mirror) in row
        if source.note:
            assert _squeezed(source.note) in row


async def test_a_long_entry_is_wrapped_whole_at_80x24() -> None:
    async with seed_app().run_test(size=(80, 24)) as pilot:
        screen = main_screen(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "s")
        body = screen.query_one(DetailBody)
        await until(pilot, lambda: body.virtual_size.height > 1 and screen.detail[0] == "source")
        lines = [body.render_line(y).text for y in range(body.virtual_size.height)]
        assert all(len(line) <= body.scrollable_content_region.width for line in lines)
        assert _squeezed("".join(lines)) == _squeezed(screen.query_one(DetailPane).body_text)


async def test_the_next_claim_is_shown_from_its_top() -> None:
    async with seed_app().run_test(size=(80, 24)) as pilot:
        screen = main_screen(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket", "s")
        pane = screen.query_one(DetailPane)
        await until(pilot, lambda: pane.max_scroll_y > 3)
        assert screen.detail == ("source", "S-state-0424")  # a long entry: it scrolls
        pane.scroll_to(y=3, animate=False, immediate=True)
        assert pane.scroll_y == 3
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: pane.scroll_y == 0)
        assert screen.query_one(DetailPane).body_text.startswith("Claim ")


def test_a_source_row_shows_the_original_address_or_the_copy_that_o_opens() -> None:
    collection = load_paths([SEEDS])
    nav = Navigator(collection.documents[0], collection)
    original = source_prompt(nav, SourceRef("S-africom-101"), 1, False, PlainLooks()).plain
    assert "https://www.africom.mil/pressrelease/35519/" in _squeezed(original) and "(copy)" not in original
    copy = source_prompt(nav, SourceRef("S-africom-end"), 1, False, PlainLooks()).plain
    assert "https://allafrica.com/stories/202409160276.html(copy)" in _squeezed(copy)


def test_a_claim_row_without_a_gloss_cuts_its_long_quote_after_a_word_with_an_ellipsis() -> None:
    from briefing_tui.model.types import AnchorStatus, Span
    from briefing_tui.widgets.detail_text import ROW_QUOTE_LIMIT, claim_prompt

    collection = load_paths([SEEDS])
    nav = Navigator(collection.documents[0], collection)
    claim = nav.claims[1]
    text = nav.doc.text
    start = text.index("La situation actuelle")
    claim.gloss, claim.span = "", Span(start, start + 300, AnchorStatus.EXACT)
    shown = claim_prompt(nav, claim, PlainLooks()).cells[1][0].plain
    quote = shown.removeprefix(f"{claim.id} ")
    assert quote.endswith("…") and len(quote) <= ROW_QUOTE_LIMIT
    kept = quote.removesuffix("…")
    assert text[start:].startswith(kept) and text[start + len(kept)] == " "  # a whole word last


async def test_a_resize_to_80x24_and_back_keeps_the_claim_pane_at_its_top() -> None:
    """At 120x40 the 12th claim shows from its verdict; at 80x24 the claim pane hides; back at
    120x40 it shows from the same place (its links list, shown again, scrolled the pane down to the
    first source)."""
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        pane = screen.query_one(DetailPane)
        await pilot.press(*["right_square_bracket"] * 12)
        await until(pilot, lambda: "Claim 12 of 15" in pane.body_text)
        assert pane.scroll_y == 0 and pane.max_scroll_y > 0  # a claim longer than the pane
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: screen.narrow and not pane.display)
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: not screen.narrow and pane.display and pane.size.height > 0)
        await until(pilot, lambda: "╭─ 2 Claim" in drawn(pilot.app)[0], what="the claim pane is not back")
        assert pane.scroll_y == 0
        assert any("Claim 12 of 15" in line for line in drawn(pilot.app))
