"""Markup and control sequences in a document are shown literally and never act."""

from __future__ import annotations

from pathlib import Path

from tests.ui.reader_support import run_palette_command
from textual.command import CommandPalette

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.detail_pane import DetailPane
from briefing_tui.widgets.doc_header import DocHeader
from briefing_tui.widgets.text_view import TextView

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "reader" / "hostile.yaml"


def hostile_app() -> BriefingApp:
    collection = load_paths([HOSTILE])
    assert not collection.failed
    return BriefingApp([HOSTILE], collection=collection)


async def test_hostile_strings_show_literally_and_run_nothing() -> None:
    app = hostile_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        header = str(screen.query_one(DocHeader).visual)
        assert "[bold]Title[/] [@click=app.quit]x[/] [sic]" in header
        assert "\x1b" not in header and "␛]52;c;aGVsbG8=␇" in header and "␛[2J" in header

        view = screen.query_one(TextView)
        lines = [view.render_line(y).text for y in range(view.size.height)]
        shown = "\n".join(lines)
        assert "[@click=app.quit]click me[/]" in shown and "[bold]text[/]" in shown and "[sic]" in shown
        assert "\x1b" not in shown and "\x07" not in shown

        # Clicking the would-be link selects the claim; it does not quit.
        y = next(i for i, line in enumerate(lines) if "click me" in line)
        x = lines[y].index("[@click")
        await pilot.click(TextView, offset=(x + 2, y))
        assert screen.claim_id == "C1"
        assert not app._exit

        detail = screen.query_one(DetailPane).body_text
        assert "[bold]gloss[/] [sic]" in detail and "[@click=app.quit]why[/]" in detail
        await pilot.press("s")
        detail = screen.query_one(DetailPane).body_text
        assert "[@click=app.quit]Source title[/] [sic] ␛]52;c;aGVsbG8=␇" in detail
        assert "[@click=app.quit]passage ␛[2J" in detail
        assert "\x1b" not in detail

        await pilot.press("3", "enter")
        assert screen.entity_id == "e1"
        assert "[@click=app.quit]Name[/] ␛[2J" in screen.query_one(DetailPane).body_text

        await run_palette_command(pilot, "Go to entity")
        assert isinstance(app.screen, CommandPalette)  # the entities to choose from
        await pilot.press("escape")
        await pilot.press("4", "down", "down", "enter")  # the background event
        assert screen.detail == ("event", "ev1")
        assert "[@click=app.quit]Event[/] ␛]52" in screen.query_one(DetailPane).body_text
        await pilot.press("question_mark", "escape")
        assert not app._exit
        assert app.return_code is None
