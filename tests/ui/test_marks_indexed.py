"""A large document's marks (its mentions and claims) are indexed off the screen's thread: in the
loading thread for the first document (``text_pane.prepare``), else in a thread worker; either way the
text pane ends with the same marks as a small document's, indexed at once."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from tests.ui.reader_support import SEEDS, until

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.screens.main import MainScreen
from briefing_tui.widgets import text_pane
from briefing_tui.widgets.text_view import TextView

SIZE = (120, 40)


Marks = tuple[list[tuple[int, int, Any]], list[tuple[int, int, Any]]]


def marks(view: TextView) -> Marks:
    return view._mentions.spans, view._claims.spans


async def marks_indexed_at_once() -> Marks:
    async with BriefingApp([SEEDS], collection=load_paths([SEEDS])).run_test(size=SIZE) as pilot:
        return marks(pilot.app.screen.query_one(TextView))


async def test_a_large_documents_marks_come_from_a_worker_and_are_the_same() -> None:
    expected = await marks_indexed_at_once()
    assert expected[0] and expected[1]
    threads: list[threading.Thread] = []
    index = text_pane._indexes

    def indexes(*args: object) -> object:
        threads.append(threading.current_thread())
        return index(*args)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text_pane, "MARKS_AT_ONCE", 0)  # the seed counts as large
        patch.setattr(text_pane, "_indexes", indexes)
        async with BriefingApp([SEEDS], collection=load_paths([SEEDS])).run_test(size=SIZE) as pilot:
            view = pilot.app.screen.query_one(TextView)
            await until(pilot, lambda: view._claims.spans, what="the marks were not indexed")
            assert marks(view) == expected
    assert threads and threading.main_thread() not in threads


async def test_marks_prepared_while_loading_are_shown_once() -> None:
    expected = await marks_indexed_at_once()
    collection = load_paths([SEEDS])
    prepared = text_pane.prepare(collection)

    class PreparedApp(BriefingApp):  # as the loading worker hands the reader a large document
        def get_default_screen(self) -> MainScreen:
            return MainScreen(collection, prepared)

    def indexes(*args: object) -> object:
        raise AssertionError("the marks were indexed again")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text_pane, "MARKS_AT_ONCE", 0)  # the seed counts as large
        patch.setattr(text_pane, "_indexes", indexes)
        async with PreparedApp([SEEDS], collection=collection).run_test(size=SIZE) as pilot:
            screen = pilot.app.screen
            assert isinstance(screen, MainScreen)
            assert marks(screen.query_one(TextView)) == expected
            assert screen.text_pane._prepared is None  # taken: an edit changes the document in place
            assert screen.state is prepared.state  # its navigator too: the claims' order is not made again


async def test_the_timeline_is_sorted_while_loading_and_not_again() -> None:
    collection = load_paths([SEEDS])
    prepared = text_pane.prepare(collection)
    timeline = prepared.state.nav._timeline  # sorted in the loading thread (5,000 events: some 20 ms)
    assert timeline is not None and len(timeline) == len(collection.documents[0].events)

    class PreparedApp(BriefingApp):
        def get_default_screen(self) -> MainScreen:
            return MainScreen(collection, prepared)

    async with PreparedApp([SEEDS], collection=collection).run_test(size=SIZE) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        await until(pilot, lambda: screen.panes.lists_filled_for is not None, what="the lists did not fill")
        assert screen.state.nav.timeline() is timeline
