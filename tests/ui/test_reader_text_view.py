"""The text pane's public API, used by search and reload: overlays, paragraph filter, scrolling."""

from __future__ import annotations

from tests.ui.reader_support import drawn, main_screen, reader_settled, seed_app, until
from textual.pilot import Pilot

from briefing_tui.screens.main import MainScreen


async def test_overlay_paints_and_clears() -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = main_screen(pilot)
        assert isinstance(screen, MainScreen)
        view = screen.text_view
        start = screen.doc.text.index("Niamey")
        line = view.line_of(start) - int(view.scroll_offset.y)
        plain = view.render_line(line)
        view.set_overlay("search", [(start, start + 6)], current=0)
        painted = view.render_line(line)
        assert painted.text == plain.text  # same characters, other styles
        assert list(painted) != list(plain)
        view.clear_overlay("search")
        assert list(view.render_line(line)) == list(plain)


async def test_paragraph_filter_hides_paragraphs_and_keeps_offsets() -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        view = main_screen(pilot).text_view
        text = view.text
        await until(pilot, lambda: view.wrapping_done, what="the text was not wrapped")
        everything = view.line_count
        view.visible_paragraph_filter(lambda start, end: "Campbell" in text[start:end])
        await until(pilot, lambda: view.wrapping_done, what="the filtered text was not wrapped")
        shown = [view.render_line(y).text for y in range(view.line_count)]
        assert view.line_count < everything
        assert any("Campbell" in line for line in shown)
        assert not any("En conclusion" in line for line in shown)
        view.visible_paragraph_filter(None)
        assert view.line_count == everything


async def test_scroll_to_offset_centres_the_line() -> None:
    async with seed_app().run_test(size=(80, 24)) as pilot:
        view = main_screen(pilot).text_view
        offset = view.text.index("En conclusion")
        view.scroll_to_offset(offset)
        first, last = view.visible_range()
        assert first <= offset <= last
        view.scroll_to_offset(0, center=False)
        assert view.scroll_offset.y == 0


async def test_wide_characters_land_on_their_cells() -> None:
    from pathlib import Path

    from briefing_tui.app import BriefingApp
    from briefing_tui.model import Collection, Document

    text = "日本語のテキストと絵文字😀が混ざった長い行です。" * 6
    doc = Document(path=Path("wide.yaml"), id="wide", title="幅の広い文字", language="ja", text=text)
    app = BriefingApp([Path("wide.yaml")], collection=Collection(documents=[doc]))
    async with app.run_test(size=(80, 24)) as pilot:
        view = main_screen(pilot).text_view
        width = view.scrollable_content_region.width
        for y in range(min(view.line_count, 5)):
            strip = view.render_line(y)
            assert strip.cell_length == width  # nothing spills over the edge
        assert "".join(view.text[s:e] for s, e in zip(view._starts, view._ends, strict=True)) == text


async def steady(pilot: Pilot) -> list[str]:
    """The screen once two frames in a row are drawn the same."""
    last: list[list[str] | None] = [None]  # the frame seen at the step before

    def same() -> bool:
        now = drawn(pilot.app)
        kept, last[0] = now == last[0], now
        return kept

    await until(pilot, same, what="the screen did not settle")
    return drawn(pilot.app)


async def test_a_resize_and_back_leaves_the_text_as_it_was() -> None:
    """At 80x24 on the 12th claim, a resize to 120x40 and back: every line once, the same place.

    The width changes reach the compositor before the text pane's Resize event: the text was
    wrapped again in the middle of a frame, its first line drawn from the old scroll offset and
    kept (the first line twice) until a key drew the pane again; and the wide pane, which ends
    sooner, held the scroll short of the reader's line, so the way back lost the place.
    """
    async with seed_app().run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        view = screen.text_view
        await until(pilot, lambda: screen._panes_ready, what="the side panes were not mounted")
        await pilot.press(*["]"] * 12)
        await until(pilot, lambda: view.scroll_offset.y > 0, what="claim 12 is not scrolled to")
        await reader_settled(pilot)
        before = await steady(pilot)
        narrow_width, top = view.size.width, view.top_offset
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: not screen.narrow and view.size.width != narrow_width)
        await until(pilot, lambda: "2 Claim" in drawn(pilot.app)[0], what="the wide layout was not drawn")
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: screen.narrow and view.size.width == narrow_width)
        await until(pilot, lambda: drawn(pilot.app) == before, what="not drawn as before the resizes")
        assert view.top_offset == top
        await pilot.press("j", "k")  # the pane drawn again from scratch shows the same
        await until(pilot, lambda: drawn(pilot.app) == before, what="drawn again otherwise")
