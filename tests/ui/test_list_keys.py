"""The keys that move in every list, as in the text: space and b page, j and k stop at the list's
ends, and ``/`` shows its filter's prompt at once, however far the list is scrolled."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import pytest
from tests.ui.reader_support import collection_app, drawn, main_screen, reader_ready, seed_app, until
from textual.pilot import Pilot
from textual.widgets import OptionList

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.screens.help import collect_bindings
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets.claim_list import ClaimList
from briefing_tui.widgets.document_list import DocumentList
from briefing_tui.widgets.entity_list import EntityList
from briefing_tui.widgets.timeline_list import TimelineList
from briefing_tui.widgets.type_filter import TypeToFilter

LISTS = [("3", EntityList), ("4", TimelineList), ("6", ClaimList)]
IDS = ["entities", "timeline", "claims"]
ListKind = TypeVar("ListKind", bound=OptionList)


async def collection_reader(pilot: Pilot[Any]) -> MainScreen:
    """The reader on the collection of several documents, past the list of files with errors."""
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(pilot.app.screen, MainScreen))
    return await reader_ready(pilot)


async def focused_list(pilot: Pilot[Any], key: str, kind: type[ListKind]) -> ListKind:
    """The list that the key ``key`` brings forward, once it has the focus."""
    await pilot.press(key)
    listing = main_screen(pilot).query_one(kind)
    await until(pilot, lambda: listing.has_focus, what=f"{key} did not focus the list")
    return listing


@pytest.mark.parametrize(("key", "kind"), LISTS, ids=IDS)
async def test_space_and_b_page_in_every_list_but_type_a_space_in_its_filter(
    key: str, kind: type[EntityList | TimelineList | ClaimList]
) -> None:
    async with seed_app().run_test(size=(80, 24)) as pilot:
        await reader_ready(pilot)
        listing = await focused_list(pilot, key, kind)
        await pilot.press("g")
        first = listing.highlighted
        assert first is not None
        await pilot.press("space")
        await until(pilot, lambda: (listing.highlighted or 0) > first + 2, what="space did not page down")
        await pilot.press("b")
        await until(pilot, lambda: listing.highlighted == first, what="b did not page back up")
        await pilot.press("slash", "a", "space", "b")
        assert listing.typing and listing.filter_text == "a b"


async def test_space_and_b_page_in_the_documents_list(tmp_path: Path) -> None:
    for n in range(30):
        text = f"id: d{n:02}\ntitle: Document {n:02}\nlanguage: en\ntext: Text {n}.\n"
        (tmp_path / f"d{n:02}.yaml").write_text(text, encoding="utf-8")
    app = BriefingApp([tmp_path], collection=load_paths([tmp_path]))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await reader_ready(pilot)
        await pilot.press("5")
        listing = screen.query_one(DocumentList)
        await until(pilot, lambda: listing.has_focus)
        await pilot.press("g")
        first = listing.highlighted
        assert first is not None and len(listing.options) > listing.size.height
        await pilot.press("space")
        await until(pilot, lambda: (listing.highlighted or 0) > first, what="space did not page down")
        await pilot.press("b")
        await until(pilot, lambda: listing.highlighted == first, what="b did not page back up")


@pytest.mark.parametrize(("key", "kind"), LISTS, ids=IDS)
async def test_j_and_k_stop_at_the_ends_of_a_list(
    key: str, kind: type[EntityList | TimelineList | ClaimList]
) -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        await reader_ready(pilot)
        listing = await focused_list(pilot, key, kind)
        await pilot.press("G")
        last = listing.highlighted
        await pilot.press("j", "down")
        assert listing.highlighted == last  # no wrap to the first row
        await until(pilot, lambda: listing.scroll_y == listing.max_scroll_y, what="the end is not shown")
        await pilot.press("g")
        first = listing.highlighted
        await pilot.press("k", "up")
        assert listing.highlighted == first
        await until(pilot, lambda: listing.scroll_y == 0, what="the top is not shown")


async def test_j_and_k_stop_at_the_ends_of_the_documents_list() -> None:
    async with collection_app().run_test(size=(120, 40)) as pilot:
        screen = await collection_reader(pilot)
        await pilot.press("5")
        listing = screen.query_one(DocumentList)
        await until(pilot, lambda: listing.has_focus)
        await pilot.press("G")
        last = listing.highlighted
        await pilot.press("j")
        assert listing.highlighted == last
        await pilot.press("g")
        first = listing.highlighted
        await pilot.press("k")
        assert listing.highlighted == first


def prompt_shown(listing: TypeToFilter) -> bool:
    """Whether the list's filter prompt is drawn inside the list's region."""
    region = listing.region  # type: ignore[attr-defined]
    lines = drawn(listing.app)[region.y : region.bottom]  # type: ignore[attr-defined]
    return any("filter:" in line[region.x : region.right] for line in lines)


@pytest.mark.parametrize(("key", "kind"), LISTS, ids=IDS)
async def test_slash_shows_the_filter_prompt_in_a_scrolled_list(
    key: str, kind: type[EntityList | TimelineList | ClaimList]
) -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        listing = await focused_list(pilot, key, kind)
        await pilot.press("G")
        await until(pilot, lambda: listing.scroll_y > 0, what="the list did not scroll")
        await pilot.press("slash")
        assert listing.typing
        await until(pilot, lambda: prompt_shown(listing), what="no filter prompt in view")
        await pilot.press("escape")  # an empty filter cleared: the row highlighted is in view again
        assert not listing.typing and screen.focused is listing
        await until(pilot, lambda: listing.scroll_y == listing.max_scroll_y, what="the row left the view")


async def test_help_says_space_and_b_page_in_every_list() -> None:
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        every_list = dict(collect_bindings(screen)["Every list"])
        assert every_list["pgdn / space"] == "Page Down" and every_list["pgup / b"] == "Page Up"


async def test_help_lists_the_search_bar_keys_before_the_bar_is_made() -> None:
    """The search bar is made when the search first needs it: the help lists its keys from the
    start, as it does those of the claims list."""
    async with seed_app().run_test(size=(120, 40)) as pilot:
        screen = await reader_ready(pilot)
        assert screen.text_pane.bar_made is None
        search_bar = dict(collect_bindings(screen)["Search bar"])
        assert search_bar["⏎"] == "Keep search" and search_bar["esc"] == "Close search"
        assert search_bar["^R"] == "Regex"
