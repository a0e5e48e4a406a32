"""``O``: open another file or folder from inside the reader, with the path completed as it is typed.

The path is typed in a ``SafeInput`` (drawn through the display boundary); the file system suggests
the rest of a name (``tab`` or ``→`` takes it). Enter loads the path in a thread as the reader opens
one at start (a folder's files as outlines, ``startup.read_paths``) and the reader shows it; when
nothing in it can be opened the reader stays and says why.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Footer, Input, Static

from briefing_tui.display import display_path, display_problem, sanitize
from briefing_tui.startup import read_paths
from briefing_tui.widgets.from_thread import call_back
from briefing_tui.widgets.safe_input import SafeInput

if TYPE_CHECKING:
    from briefing_tui.model.types import Collection
    from briefing_tui.screens.main import MainScreen

LISTING_LIMIT = 2000  # names read from one folder when completing (a huge folder stays quick)
CHOICES_SHOWN = 8  # names listed when several go on from what is typed
HELP = "tab completes · enter opens · escape cancels"


def candidates(value: str) -> list[str]:
    """The names of ``value``'s folder that start with its last part and go beyond it (a folder's
    ends with ``/``; hidden ones only when the part starts with a dot), in order."""
    if not value:
        return []
    folder, prefix = os.path.split(os.path.expanduser(value))
    try:
        with os.scandir(folder or ".") as entries:
            first = zip(range(LISTING_LIMIT), entries, strict=False)
            names = sorted(e.name + ("/" if e.is_dir() else "") for _, e in first)
    except OSError:
        return []
    hidden = prefix.startswith(".")
    return [n for n in names if n.startswith(prefix) and n != prefix and (hidden or not n.startswith("."))]


def complete_path(value: str) -> str | None:
    """``value`` completed as a shell completes it: with the one name that starts with its last
    part, else with what all such names share beyond it; None when that is nothing (``candidates``
    then lists the choices)."""
    found = candidates(value)
    prefix = os.path.split(os.path.expanduser(value))[1]
    shared = found[0] if len(found) == 1 else os.path.commonprefix(found)
    if len(shared) <= len(prefix):
        return None
    return value[: len(value) - len(prefix)] + shared


class PathSuggester(Suggester):
    """Suggests the rest of a file or folder name from the file system."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


class PathInput(SafeInput):
    BINDINGS = [
        Binding("tab", "cursor_right", "Complete the name", priority=True),
        Binding("enter", "submit", "Open", key_display="⏎"),
    ]


class OpenPathScreen(ModalScreen[Path | None]):
    """Asks for a path to open; dismisses with it (None: escape)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]
    DEFAULT_CSS = """
    OpenPathScreen { align: center top; }
    #open-box { width: 90; max-width: 100%; height: auto; margin-top: 2; border: round $accent;
                background: $surface; padding: 0 1; }
    #open-help { color: $text-muted; }
    """

    def __init__(self, start: str = "") -> None:
        super().__init__()
        self._start = start

    def compose(self) -> ComposeResult:
        with Vertical(id="open-box"):
            yield Static("Open a file or folder", id="open-title")
            yield PathInput(value=self._start, placeholder="path", suggester=PathSuggester(), id="open-input")
            yield Static(HELP, id="open-help")
        yield Footer()  # this dialog's keys, not the reader's beneath it

    def on_input_changed(self, event: Input.Changed) -> None:
        """Several names go on from what is typed: they are listed below it, as a shell lists them."""
        found = candidates(event.value) if complete_path(event.value) is None else []
        choices = " ".join(sanitize(name) for name in found[:CHOICES_SHOWN])
        more = f" … {len(found) - CHOICES_SHOWN:,} more" if len(found) > CHOICES_SHOWN else ""
        self.query_one("#open-help", Static).update(Content(f"{choices}{more}" if len(found) > 1 else HELP))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        self.dismiss(Path(os.path.expanduser(value)) if value else None)


def ask_and_open(screen: MainScreen) -> None:
    """Ask for a path; load it in a thread; the reader shows what it holds, or says why nothing."""
    screen.app.push_screen(OpenPathScreen(), partial(_open, screen))


def _open(screen: MainScreen, path: Path | None) -> None:
    if path is not None:
        screen.say(f"Opening {display_path(str(path))}…")
        screen.run_worker(partial(_load, screen, path), thread=True, exclusive=True, group="open")


def _load(screen: MainScreen, path: Path) -> None:
    # A folder as at start: its files as outlines, each read whole when it is opened, kept in the
    # cache unless the reader was started with --no-cache.
    collection = read_paths([path], cached=getattr(screen.app, "cached", True))
    call_back(screen, _loaded, screen, path, collection)


def _loaded(screen: MainScreen, path: Path, collection: Collection) -> None:
    if collection.documents:  # the reader shows it (and the files that failed, as at start)
        screen.app.show_collection(collection)  # type: ignore[attr-defined]
        return
    problems = [p for found in collection.failed.values() for p in found]
    why = display_problem(problems[0]) if problems else "no briefing found there"
    screen.notify(f"Nothing opened from {display_path(str(path))}: {why}", severity="error", markup=False)
