"""The error view: files that failed to load, as ``FILE:LINE:COL: message`` lines."""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefing_tui.display import sanitize
from briefing_tui.model.types import Problem
from briefing_tui.screens.beneath import Beneath
from briefing_tui.screens.scroll_keys import SCROLL_KEYS, ScrollKeys
from briefing_tui.widgets.looks import Looks
from briefing_tui.words import plural


def error_lines(
    failed: dict[str, list[Problem]], can_close: bool, looks: Looks, first: str | None = None
) -> list[tuple[int, Text]]:
    """The error view's lines, each with the indentation its wrapped rest keeps (a problem's
    continuation stays under it, never at the file names' column). Every file that failed is listed;
    ``first``, a file that failed just now as its document was opened, comes first and is named."""
    count = len(failed)
    head = Text(f"{plural(count, 'file')} could not be opened", style=looks.mark("error") + Style(bold=True))
    if can_close:
        then = Text("The other documents are open: escape goes back to them.", style="dim")
    else:
        then = Text("Nothing could be opened. q quits.", style="dim")
    out = [(0, head), (0, then)]
    if first in failed:
        out.append((0, Text(f"Opened just now, it failed: {sanitize(first)} (first below).", style="dim")))
        failed = {first: failed[first]} | failed
    for path, problems in failed.items():
        out += [(0, Text("")), (0, Text(sanitize(path), style="bold"))]
        for problem in problems:
            # Problem.format() gives FILE:LINE:COL: severity: message (and a hint line)
            colour = looks.mark("error") if problem.severity.value == "error" else looks.mark("warn")
            lines = sanitize(problem.format(), multiline=True).split("\n")
            out.append((2, Text(lines[0], style=colour)))
            out += [(4, Text(extra.strip(), style="dim")) for extra in lines[1:]]
    return out


def plain_text(lines: list[tuple[int, Text]]) -> str:
    """The error view's ``lines`` as plain text, each at its indentation."""
    return "\n".join(" " * indent + line.plain for indent, line in lines)


class ErrorsText(Static):
    """The problems, drawn once the stylesheet's looks are known."""

    def __init__(self, failed: dict[str, list[Problem]], can_close: bool, first: str | None = None) -> None:
        super().__init__(id="errors-text")
        self._failed, self._can_close, self._first = failed, can_close, first
        self.plain = ""
        """What it shows, as plain text."""

    def on_mount(self) -> None:
        lines = error_lines(self._failed, self._can_close, Looks(self), self._first)
        self.plain = plain_text(lines)
        self.update(Group(*(Padding(line, (0, 0, 0, indent)) for indent, line in lines)))


class ErrorScreen(ScrollKeys, Screen[None]):
    """Shows every problem of the files that failed; the rest of the collection stays usable."""

    BINDINGS = [
        Binding("escape", "close", "Back to reading"),
        Binding("q", "app.quit", "Quit"),
        *SCROLL_KEYS,  # as in the text: a line, a page, the top and the end
    ]

    def __init__(
        self, failed: dict[str, list[Problem]], *, can_close: bool, first: str | None = None
    ) -> None:
        super().__init__()
        self.failed = failed
        self.can_close = can_close
        self.first = first
        """A file that failed just now as its document was opened: listed first."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="errors-body"):
            yield ErrorsText(self.failed, self.can_close, self.first)
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close":
            return self.can_close
        return True

    def action_close(self) -> None:
        self.dismiss()

    def scrolled(self) -> VerticalScroll:
        return self.query_one("#errors-body", VerticalScroll)


class LoadingScreen(Beneath):
    """Shown while the collection loads (in a worker), so that the first paint is immediate."""

    BINDINGS = [Binding("q", "app.quit", "Quit")]

    def __init__(self, label: str) -> None:
        super().__init__()
        self._label = label
        self.pressed: list[tuple[str, str | None]] = []
        """The keys pressed here, ``(key, character)``, for the screen that follows to act on."""

    def on_key(self, event: events.Key) -> None:
        # Every key but the app's own (quit) is kept, as the preview and the first look keep them:
        # one typed right after the command reaches the screen that can answer it.
        if event.key in self.active_bindings:
            return
        self.pressed.append((event.key, event.character))
        event.stop()
        event.prevent_default()

    def compose(self) -> ComposeResult:
        yield Static(Text.assemble(("briefing", "bold"), ("  loading ", "dim"), (sanitize(self._label), "")),
                     id="loading")  # fmt: skip
        yield Footer()
