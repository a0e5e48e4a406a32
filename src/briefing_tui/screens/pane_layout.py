"""Which of the reader's panes is in front, and whether the terminal is so small that one pane shows
at a time (the pane bar then names them and says how to switch)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_tui.model.places import PassagePlace, Place, SourcePlace, SpeakerPlace
from briefing_tui.widgets.pane_bar import too_small

if TYPE_CHECKING:
    from textual.geometry import Size

    from briefing_tui.widgets.pane_bar import PaneBar
    from briefing_tui.widgets.reader_panes import ReaderPanes


class PaneLayout:
    """The layout of ``panes``, named on ``bar``: ``pane`` is in front, ``narrow`` shows it alone."""

    def __init__(self, panes: ReaderPanes, bar: PaneBar) -> None:
        self.panes, self.bar = panes, bar
        self.pane = "text"
        self.narrow = False

    def fit(self, size: Size) -> bool:
        """Lay the panes out for a terminal of ``size``; True when it shows one pane at a time."""
        self.narrow = too_small(size)
        self.apply()
        return self.narrow

    def apply(self) -> None:
        """Show the panes as ``pane`` and ``narrow`` say (after a change of either, or of the panes)."""
        self.panes.lay_out(self.pane, self.narrow)
        self.bar.show_panes(self.panes.pane_names(), self.pane, self.narrow)

    def bring(self, name: str) -> bool:
        """Bring the pane ``name`` in front; True when another one was."""
        if name == self.pane:
            return False
        self.pane = name
        self.apply()
        return True

    def pane_for(self, place: Place) -> str | None:
        """The pane that comes forward when a pane asks to go to ``place`` (None: the one in front)."""
        match place:  # a claim's source: its entry is in the claim pane, the others in the text
            case SourcePlace(claim_id=claim_id) if claim_id:
                return "claim"
            case SpeakerPlace() | PassagePlace() if place.claim_id and self.narrow:
                return "text"
        return None

    def next_pane(self, step: int) -> str:
        """The pane after the one in front (``step`` -1: before), wrapping."""
        names = self.panes.pane_names()
        return names[(names.index(self.pane) + step) % len(names)]
