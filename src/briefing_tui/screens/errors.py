"""The error view: files that failed to load, as ``FILE:LINE:COL: message`` lines."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefing_tui.display import sanitize
from briefing_tui.model.types import Problem
from briefing_tui.screens.scroll_keys import SCROLL_KEYS, ScrollKeys
from briefing_tui.widgets.looks import Looks
from briefing_tui.words import plural


def errors_text(failed: dict[str, list[Problem]], can_close: bool, looks: Looks) -> Text:
    out = Text(end="")
    count = len(failed)
    out.append(
        f"{plural(count, 'file')} could not be opened\n",
        style=looks.mark("error") + Style(bold=True),
    )
    if can_close:
        out.append("The other documents are open: escape goes back to them.\n", style="dim")
    else:
        out.append("Nothing could be opened. q quits.\n", style="dim")
    for path, problems in failed.items():
        out.append(f"\n{sanitize(path)}\n", style="bold")
        for problem in problems:
            # Problem.format() gives FILE:LINE:COL: severity: message (and a hint line)
            colour = looks.mark("error") if problem.severity.value == "error" else looks.mark("warn")
            lines = sanitize(problem.format(), multiline=True).split("\n")
            out.append("  " + lines[0] + "\n", style=colour)
            for extra in lines[1:]:
                out.append("  " + extra + "\n", style="dim")
    return out


class ErrorsText(Static):
    """The problems, drawn once the stylesheet's looks are known."""

    def __init__(self, failed: dict[str, list[Problem]], can_close: bool) -> None:
        super().__init__(id="errors-text")
        self._failed, self._can_close = failed, can_close

    def on_mount(self) -> None:
        self.update(errors_text(self._failed, self._can_close, Looks(self)))


class ErrorScreen(ScrollKeys, Screen[None]):
    """Shows every problem of the files that failed; the rest of the collection stays usable."""

    BINDINGS = [
        Binding("escape", "close", "Back to the documents"),
        Binding("q", "app.quit", "Quit"),
        *SCROLL_KEYS,  # as in the text: a line, a page, the top and the end
    ]

    def __init__(self, failed: dict[str, list[Problem]], *, can_close: bool) -> None:
        super().__init__()
        self.failed = failed
        self.can_close = can_close

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="errors-body"):
            yield ErrorsText(self.failed, self.can_close)
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close":
            return self.can_close
        return True

    def action_close(self) -> None:
        self.dismiss()

    def scrolled(self) -> VerticalScroll:
        return self.query_one("#errors-body", VerticalScroll)


class LoadingScreen(Screen[None]):
    """Shown while the collection loads (in a worker), so that the first paint is immediate."""

    BINDINGS = [Binding("q", "app.quit", "Quit")]

    def __init__(self, label: str) -> None:
        super().__init__()
        self._label = label

    def compose(self) -> ComposeResult:
        yield Static(Text.assemble(("briefing", "bold"), ("  loading ", "dim"), (sanitize(self._label), "")),
                     id="loading")  # fmt: skip
        yield Footer()
