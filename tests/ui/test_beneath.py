"""A screen left beneath an opaque one has nothing drawn again on it; beneath one that lets it show
(a dialog's), what it draws shows through (``screens/beneath.py``)."""

from __future__ import annotations

from tests.ui.reader_support import until
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from briefing_tui.screens.beneath import Beneath


class Under(Beneath):
    def compose(self) -> ComposeResult:
        yield Static("beneath", id="under")


class Over(Screen[None]):
    DEFAULT_CSS = "Over { background: #102030; }"

    def compose(self) -> ComposeResult:
        yield Static("over")


class Dialog(ModalScreen[None]):
    DEFAULT_CSS = "Dialog { background: #10203080; }"

    def compose(self) -> ComposeResult:
        yield Static("dialog")


class Stack(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.under = Under()

    def on_mount(self) -> None:
        self.push_screen(self.under)


async def _asked_of_the_top(app: Stack, under: Beneath) -> bool:
    """Whether the screen on top is asked to draw again what ``under`` asks to draw."""
    top = app.screen
    top._repaint_required = False
    top._exchange_repaint_regions()
    under._compositor._dirty_regions.add(Region(0, 0, 10, 1))  # its Static asks to be drawn again
    under._compositor_refresh()
    return bool(top._repaint_required or top._repaint_regions)


async def test_beneath_an_opaque_screen_nothing_is_drawn_again_and_beneath_a_dialog_it_shows() -> None:
    app = Stack()
    async with app.run_test(size=(40, 10)) as pilot:
        under = app.under
        await until(pilot, lambda: app.screen is under, what="no screen beneath")
        await app.push_screen(Over())
        await until(pilot, lambda: isinstance(app.screen, Over), what="nothing over it")
        await pilot.pause()
        assert under in app._background_screens  # Textual counts it as seen through the one on top
        assert not await _asked_of_the_top(app, under)
        assert not under._compositor._dirty_regions
        app.pop_screen()
        await app.push_screen(Dialog())
        await until(pilot, lambda: isinstance(app.screen, Dialog), what="no dialog")
        await pilot.pause()
        assert await _asked_of_the_top(app, under)  # seen through the dialog: drawn there
