"""Messages any pane may post to the reader screen."""

from __future__ import annotations

from textual.message import Message

from briefing_tui.model.places import Place


class JumpRequested(Message):
    """Go to ``place``: the screen records the place left in the jump list and moves the reader there.

    Posted by the panes (a click in the text, a choice in a list or a link of the claim pane, a
    search match); the screen's one handler moves every pane.
    """

    def __init__(self, place: Place) -> None:
        self.place = place
        super().__init__()
