"""The text pane's public API, used by search and reload: overlays, paragraph filter, scrolling."""

from __future__ import annotations

from tests.ui.reader_support import main_screen, seed_app

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
        everything = view.line_count
        view.visible_paragraph_filter(lambda start, end: "Campbell" in text[start:end])
        await pilot.pause()
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
