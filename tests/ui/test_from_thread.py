"""A thread's result comes back to the reader's thread only while what asked for it is still there."""

from __future__ import annotations

import asyncio
import shutil
import threading
from pathlib import Path

import pytest
from tests.support.checks import present
from tests.ui.checking_support import SEED, SIZE, app_on, reader
from tests.ui.reader_support import until
from textual.app import App, ComposeResult
from textual.widgets import Static

from briefing_tui.files import load_paths
from briefing_tui.reload import Change, FileChange, Outcome, ReloadResult
from briefing_tui.widgets.from_thread import call_back, if_still_there


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    path = tmp_path / "niger-us-withdrawal.yaml"
    shutil.copy(SEED, path)
    return path


class Two(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("kept", id="kept")
        yield Static("removed", id="removed")


async def test_a_result_runs_on_the_app_thread_while_its_widget_is_there_and_not_after() -> None:
    ran: list[tuple[str, int]] = []

    def record(name: str) -> None:
        ran.append((name, threading.get_ident()))

    app = Two()
    async with app.run_test() as pilot:
        kept, removed = app.query_one("#kept"), app.query_one("#removed")
        await removed.remove()
        await asyncio.to_thread(call_back, kept, record, "kept")
        await asyncio.to_thread(call_back, removed, record, "removed")
        await pilot.pause()
    assert ran == [("kept", threading.get_ident())]  # the app's thread; the removed widget's set aside


async def test_a_reload_that_ends_once_the_reader_shows_other_files_is_set_aside(
    seed: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.yaml"
    shutil.copy(SEED, other)
    app = app_on(seed)
    async with app.run_test(size=SIZE) as pilot:
        old = reader(pilot)
        app.show_collection(load_paths([other]))
        await until(pilot, lambda: reader(pilot) is not old, what="the other files shown")
        seed.unlink()  # read in the old reader's thread, which ends only now
        await asyncio.to_thread(old.live_reload._load, [FileChange(seed, Change.DELETED)])
        assert not old.collection.failed and not present(app.collection).failed
        assert reader(pilot).doc.path == other


async def test_a_reload_that_ends_while_the_reader_stops_is_set_aside(seed: Path) -> None:
    app = app_on(seed)
    async with app.run_test(size=SIZE) as pilot:
        screen = reader(pilot)
    # what the thread found reaches the app's thread as the reader's widgets are being removed
    # (in the app's context, as a call from a thread runs there)
    with app._context():
        if_still_there(screen, screen.live_reload.apply_all, [ReloadResult(seed, Outcome.DELETED)])
    assert not screen.collection.failed
