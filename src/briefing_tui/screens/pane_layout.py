"""Which of the reader's panes is in front, and whether the terminal is so small that one pane shows
at a time (the pane bar then names them and says how to switch)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_tui.model.places import PassagePlace, Place, SourcePlace, SpeakerPlace
from briefing_tui.reader_state import shown_key
from briefing_tui.widgets.pane_bar import too_small

if TYPE_CHECKING:
    from textual.geometry import Size

    from briefing_tui.reader_state import Move
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

    def pane_for(self, place: Place, move: Move, shown_before: tuple[str, str]) -> str | None:
        """The pane that comes forward once the reader has gone to ``place`` (None: the one in front).

        A claim's source shows in the claim pane, at any size. In a narrow terminal the result of a
        move must not stay hidden: the pane in front stays when it shows what changed (the text moved,
        or the claim pane shows another thing than ``shown_before``); else the text comes forward when
        it moved (another document, a span scrolled to), the claim pane when it shows something.
        """
        match place:
            case SourcePlace(claim_id=claim_id) if claim_id:
                return "claim"
            case SpeakerPlace() | PassagePlace() if place.claim_id and self.narrow:
                return "text"
        if not self.narrow:
            return None
        moved = move.opened or move.scroll_to is not None
        shown = move.shown is not None and shown_key(move.shown) != shown_before
        if (self.pane == "text" and moved) or (self.pane == "claim" and shown):
            return None
        name = "text" if moved else "claim" if move.shown is not None else None
        return name if name != self.pane else None

    def next_pane(self, step: int) -> str:
        """The pane after the one in front (``step`` -1: before), wrapping."""
        names = self.panes.pane_names()
        return names[(names.index(self.pane) + step) % len(names)]
