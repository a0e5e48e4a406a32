"""The pane bar: in a small terminal one pane shows at a time; this line says which, and how to switch."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widgets import Static

from briefing_tui.widgets.looks import Looks

PANES = ["text", "claim", "entities", "timeline", "documents"]
PANE_TITLES = {"text": "Text", "claim": "Claim", "entities": "Entities", "timeline": "Timeline",
               "documents": "Documents"}  # fmt: skip

NARROW_WIDTH = 100
NARROW_HEIGHT = 30


def too_small(size: Size) -> bool:
    """In a terminal this small one pane shows at a time."""
    return size.width < NARROW_WIDTH or size.height < NARROW_HEIGHT


def pane_names(documents: int) -> list[str]:
    """The panes a collection of ``documents`` documents shows: the documents pane only for several."""
    return [name for name in PANES if name != "documents" or documents > 1]


def pane_title(name: str) -> str:
    """The title of a pane's border: its key and its name ("2 Claim")."""
    return f"{PANES.index(name) + 1} {PANE_TITLES[name]}"


class PaneBar(Static):
    """One line naming the panes, the active one stands out."""

    _shown: tuple[list[str], str, bool] | None = None

    def on_mount(self) -> None:  # another theme: drawn again with its looks
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._redraw())

    def _redraw(self) -> None:
        if self._shown is not None:
            self.show_panes(*self._shown)

    def show_panes(self, names: list[str], active: str, shown: bool = True) -> None:
        """Name the panes ``names``, ``active`` standing out; ``shown`` False hides the bar."""
        self._shown = (names, active, shown)
        self.display = shown
        if not shown:
            return
        line, muted = Text(end=""), Looks(self).mark("muted")
        for i, name in enumerate(names):
            line.append(f" {pane_title(name)} ", style="reverse bold" if name == active else muted)
            if i < len(names) - 1:
                line.append(" ")
        line.append("   tab: next pane", style=muted)
        self.update(line)
