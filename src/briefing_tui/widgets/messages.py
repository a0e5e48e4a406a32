"""Messages any pane may post to the reader screen."""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget

from briefing_tui.model.places import Place


class JumpRequested(Message):
    """Go to ``place``: the screen records the place left in the jump list and moves the reader there.

    Posted by the panes (a click in the text, a choice in a list or a link of the claim pane, a
    search match); the screen's one handler moves every pane.
    """

    def __init__(self, place: Place) -> None:
        self.place = place
        super().__init__()


class FocusRequested(Message):
    """Give the focus back to ``target`` (what had it before a search bar, say), bringing its pane
    forward first in a narrow terminal."""

    def __init__(self, target: Widget) -> None:
        self.target = target
        super().__init__()
