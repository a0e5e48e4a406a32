"""Bookmarks in the reader: ``B`` marks the passage that stands out (or the one chosen with ``v``)
with a label, ``'`` lists them (filtered by typing) to go to one or remove it (``delete``); ``ctrl+s``
keeps them beside the file, never in it, and they are back at the next open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.checks import present
from tests.ui.checking_support import BASE, SEED, SIZE, app_on, reader
from tests.ui.reader_support import until
from textual.pilot import Pilot
from textual.widgets import OptionList

from briefing_tui.edit.sidecar import sidecar_items, sidecar_path
from briefing_tui.model.places import TextPlace
from briefing_tui.screens.bookmarks import BookmarkList, LabelDialog
from briefing_tui.screens.main import MainScreen
from briefing_tui.screens.selection_bar import SelectionBar


async def label(pilot: Pilot[Any], text: str) -> None:
    await until(pilot, lambda: isinstance(pilot.app.screen, LabelDialog), what="the label asked")
    await pilot.press(*[c if c != " " else "space" for c in text], "enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))


async def test_B_bookmarks_the_current_claim_saved_beside_the_file_and_back_at_the_next_open(
    seed: Path,
) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        claim = present(screen.state.current_claim())
        await pilot.press("B")
        await label(pilot, "ask the embassy")
        marks = screen.checking.sessions[seed].bookmarks
        assert [(m.start, m.end, m.label) for m in marks] == [
            (claim.span.start, claim.span.end, "ask the embassy")
        ]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not screen.checking.modified, what="saved")
    assert seed.read_bytes() == SEED.read_bytes()  # a bookmark is never written into the file
    items = sidecar_items(seed)
    assert [item["id"].startswith(f"{BASE}:bookmark:") for item in items] == [True]
    assert items[0]["body"][0]["value"] == "ask the embassy"

    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await until(pilot, lambda: seed in screen.checking.sessions, what="the layer opened at start")
        await pilot.press("apostrophe")
        await until(pilot, lambda: isinstance(pilot.app.screen, BookmarkList), what="the list")
        await pilot.press(*"emb", "enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        assert screen.state.last == TextPlace(screen.doc.id, claim.span.start, claim.span.end)
        assert screen.state.span == (claim.span.start, claim.span.end)
        assert not screen.checking.modified


async def test_delete_in_the_list_removes_a_bookmark_and_the_sidecar_goes_with_the_last(seed: Path) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("right_square_bracket", "B")
        await label(pilot, "")
        await pilot.press("right_square_bracket", "B")
        await label(pilot, "second")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: len(sidecar_items(seed)) == 2, what="both saved")
        await pilot.press("apostrophe")
        await until(pilot, lambda: isinstance(pilot.app.screen, BookmarkList))
        await pilot.press("delete")  # in the filter, it deletes a character: nothing removed
        assert len(screen.checking.sessions[seed].bookmarks) == 2
        await pilot.press("down", "delete")
        choices = pilot.app.screen.query_one(OptionList)
        assert len(screen.checking.sessions[seed].bookmarks) == 1 and choices.option_count == 1
        await pilot.press("delete", "escape")
        await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
        assert screen.checking.sessions[seed].bookmarks == []
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not sidecar_path(seed).exists(), what="the empty layer removed")
        await pilot.press("u")  # undone: the last one is back, to save again
        assert len(screen.checking.sessions[seed].bookmarks) == 1
    assert seed.read_bytes() == SEED.read_bytes()


async def test_B_in_the_selection_bookmarks_the_passage_chosen_and_nothing_stands_out_says_so(
    seed: Path,
) -> None:
    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        await pilot.press("B")  # nothing stands out at the top of the text
        await until(pilot, lambda: "Nothing to bookmark" in str(screen.status_line.render()), what="said")
        assert isinstance(pilot.app.screen, MainScreen)
        await pilot.press("right_square_bracket", "v")
        await until(pilot, lambda: isinstance(pilot.app.screen, SelectionBar))
        bar = pilot.app.screen
        assert isinstance(bar, SelectionBar)
        span = bar.span
        await pilot.press("w", "w")
        grown = bar.span
        assert grown != span
        await pilot.press("B")
        await label(pilot, "two words")
        marks = screen.checking.sessions[seed].bookmarks
        assert [(m.start, m.end, m.label) for m in marks] == [(*grown, "two words")]


async def test_help_and_the_palette_list_the_bookmark_keys(seed: Path) -> None:
    from briefing_tui.palette import ReaderCommands
    from briefing_tui.screens.help import HelpScreen

    async with app_on(seed).run_test(size=SIZE) as pilot:
        screen = reader(pilot)
        helps = {title: help for title, _, help in ReaderCommands(screen).commands(screen)}
        assert helps["Bookmark this passage"] == "key: B"
        assert helps["Bookmarks"] == "key: '"
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        lines = help_screen.text.plain.splitlines()
        assert any(line.split() == ["B", "Bookmark", "this", "passage"] for line in lines)
        assert any(line.split() == ["'", "Bookmarks"] for line in lines)
