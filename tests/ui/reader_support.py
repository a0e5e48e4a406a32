"""Shared set-up of the reader's Pilot tests: the app on the seed or on the reader fixture collection."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.command import CommandList, CommandPalette

from briefing_tui.app import BriefingApp
from briefing_tui.files import load_paths
from briefing_tui.screens.main import MainScreen
from briefing_tui.screens.search_results import SearchResultsScreen
from briefing_tui.widgets.key_footer import KeyFooter
from briefing_tui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App
    from textual.pilot import Pilot

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
COLLECTION = ROOT / "tests" / "fixtures" / "reader" / "collection"
GATHERING = CommandPalette._GATHER_COMMANDS_GROUP  # the palette's worker that lists the commands


def main_screen(pilot: Pilot) -> MainScreen:
    """The screen shown now, which must be the reader's main screen."""
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen), f"the screen shown is a {type(screen).__name__}"
    return screen


def footer_labels(screen: Any) -> list[str]:
    """Each key on the screen's footer as it reads there (``^o Back``), the palette's last."""
    return [f"{key.key_display} {key.description}" for key in screen.query_one(KeyFooter).shown_keys()]


def seed_app() -> BriefingApp:
    return BriefingApp([SEEDS], collection=load_paths([SEEDS]))


def collection_app() -> BriefingApp:
    return BriefingApp([COLLECTION], collection=load_paths([COLLECTION]))


async def run_palette_command(pilot: Pilot, words: str) -> None:
    """Open the command palette, type ``words`` and choose the first command offered; return once the
    palette has closed (or given way to the palette the command opens)."""
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), what="no command palette")
    await choose_in_palette(pilot, words)


async def choose_in_palette(pilot: Pilot, words: str) -> None:
    """Type ``words`` in the palette open now and choose the first thing it offers; return once the
    palette has closed (or given way to the palette the choice opens)."""
    palette = pilot.app.screen
    for char in words:
        await pilot.press(char if char != " " else "space")
    await palette_settled(pilot)
    await pilot.press("enter")
    await until(pilot, lambda: pilot.app.screen is not palette, what=f"{words!r} left the palette open")


def _palette_settled(app: App[object]) -> bool:
    palette = app.screen
    if not isinstance(palette, CommandPalette):
        return False
    gathering = any(
        worker.node is palette and worker.group == GATHERING and not worker.is_finished
        for worker in app.workers
    )
    commands = palette.query_one(CommandList)
    return not gathering and commands.option_count > 0 and commands.highlighted is not None


async def palette_settled(pilot: Pilot) -> None:
    """Wait until the open palette has listed the commands for what is typed, the first highlighted."""
    await until(pilot, lambda: _palette_settled(pilot.app), what="the palette listed no command")


async def until(pilot: Pilot, condition: Callable[[], object], seconds: float = 5.0, what: str = "") -> None:
    """Wait until ``condition()`` is true, letting the app run; fail after ``seconds``."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(what or "the reader did not get there in time")


def drawn(app: App[Any]) -> list[str]:
    """The screen as the terminal has it: what each widget last drew (their line caches included)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def search_settled(pilot: Pilot) -> None:
    """Wait until the text pane's search has run the bar's query to its end (its matches and count
    painted, or its message shown)."""
    screen = main_screen(pilot)
    search, bar = screen.text_pane.search.state, screen.query_one(SearchBar)
    await until(
        pilot,
        lambda: search.started == bar.current_query and not search.busy,
        what=f"the search for {bar.current_query.text!r} did not finish",
    )


async def results_settled(pilot: Pilot) -> SearchResultsScreen:
    """Wait until the results screen (``F``) shows the results (or the message) of what is typed now."""
    await until(pilot, lambda: isinstance(pilot.app.screen, SearchResultsScreen), what="no results screen")
    screen = pilot.app.screen
    assert isinstance(screen, SearchResultsScreen)
    await until(pilot, lambda: not screen.searching, what="the search of every document did not finish")
    return screen


async def reader_ready(pilot: Pilot) -> MainScreen:
    """Wait until the reader's screen is up with every pane mounted and its lists filled."""
    app = pilot.app

    def ready() -> bool:  # every pane mounted, the entities and timeline lists filled
        screen = app.screen
        if not isinstance(screen, MainScreen) or not screen._panes_ready:
            return False
        return screen.panes.lists_filled_for is screen.state.doc

    await until(pilot, ready, what="the reader's panes were not all mounted and filled")
    assert isinstance(app.screen, MainScreen)
    return app.screen


async def reader_settled(pilot: Pilot) -> MainScreen:
    """Wait until the reader is still: every pane mounted, the side lists filled for the document
    shown, the text wrapped to its end, no worker running and the status line caught up (what a
    snapshot is taken of)."""
    screen = await reader_ready(pilot)

    def still() -> bool:
        filled = screen.panes.lists_filled_for is screen.state.doc
        working = any(worker.is_running for worker in pilot.app.workers)
        said = screen.status_line.caught_up  # a search's query and count, said within 0.25 s
        return filled and screen.text_view.wrapping_done and not working and said

    await until(pilot, still, what="the reader did not settle")
    await pilot.wait_for_scheduled_animations()
    return screen
