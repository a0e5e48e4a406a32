"""The reader's pane layout: which panes show, which one is active, and moving between them (a mixin).

The main screen owns the ``pane`` and ``narrow`` reactives and the key bindings; this part of it
lays the panes out for the terminal's size (in a small one, one pane at a time with a bar naming
them), follows the focus into the active pane and moves the focus with tab, shift+tab and 1-5.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.reactive import reactive
    from textual.screen import Screen
    from textual.widget import Widget

    from briefing_tui.model.types import Collection

    _ScreenBase = Screen[None]
else:
    _ScreenBase = object

PANES = ["text", "claim", "entities", "timeline", "documents"]
PANE_TITLES = {"text": "Text", "claim": "Claim", "entities": "Entities", "timeline": "Timeline",
               "documents": "Documents"}  # fmt: skip
FOCUS_TARGETS = {"text": "#text", "claim": "#detail-links", "entities": "#entities", "timeline": "#timeline",
                 "documents": "#documents"}  # fmt: skip
NARROW_WIDTH = 100
NARROW_HEIGHT = 30


class PaneBar(Static):
    """In a small terminal only one pane shows at a time: this line says which, and how to switch."""


class PaneLayout(_ScreenBase):
    """Mixed into ``MainScreen``: the pane layout, the active pane and the pane keys' actions."""

    # provided by the screen
    collection: Collection
    pane: reactive[str]
    narrow: reactive[bool]
    _panes_mounted: bool

    def on_resize(self) -> None:
        if self._panes_mounted:
            self._update_layout()

    def _update_layout(self) -> None:
        width, height = self.app.size
        self.narrow = width < NARROW_WIDTH or height < NARROW_HEIGHT
        self._apply_panes()

    def watch_narrow(self) -> None:
        self.set_class(self.narrow, "-narrow")

    def watch_pane(self) -> None:
        self._apply_panes()
        self.refresh_bindings()

    def _apply_panes(self) -> None:
        several = len(self.collection.documents) > 1
        for name in PANES:
            node = self.query_one(f"#{name}-pane")
            node.set_class(name == self.pane, "-active")
            if name == "documents" and not several:
                node.display = False
            elif self.narrow:
                node.display = name == self.pane
            else:
                node.display = True
        self.query_one("#side").display = not self.narrow or self.pane != "text"
        self.query_one("#text-pane").display = not self.narrow or self.pane == "text"
        self._update_pane_bar()

    def _update_pane_bar(self) -> None:
        bar = self.query_one(PaneBar)
        bar.display = self.narrow
        if self.narrow:
            line = Text(end="")
            for i, name in enumerate(self._pane_names()):
                style = "reverse bold" if name == self.pane else "dim"
                line.append(f" {PANES.index(name) + 1} {PANE_TITLES[name]} ", style=style)
                if i < len(self._pane_names()) - 1:
                    line.append(" ")
            line.append("   tab: next pane", style="dim")
            bar.update(line)

    def _pane_names(self) -> list[str]:
        return [p for p in PANES if p != "documents" or len(self.collection.documents) > 1]

    def on_descendant_focus(self, event: object) -> None:
        if not self._panes_mounted:  # the first frame: the text pane has the focus
            return
        focused = self.focused
        for name in PANES:
            pane = self.query_one(f"#{name}-pane")
            if focused is not None and (focused is pane or pane in focused.ancestors):
                if self.pane != name:
                    self.pane = name
                return

    def action_cycle_pane(self, step: int) -> None:
        names = self._pane_names()
        index = names.index(self.pane) if self.pane in names else 0
        self._focus_pane(names[(index + step) % len(names)])

    def action_pane(self, name: str) -> None:
        if name in self._pane_names():
            self._focus_pane(name)

    def _focus_pane(self, name: str) -> None:
        self.pane = name
        self._apply_panes()
        target: Widget = self.query_one(FOCUS_TARGETS[name])
        self.set_focus(target)
