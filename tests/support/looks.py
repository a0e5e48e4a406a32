"""Looks with no style at all, for testing what the panes say (their words) without an app."""

from __future__ import annotations

from rich.style import Style

from briefing_tui.widgets.looks import Looks


class PlainLooks(Looks):
    """Every component style is the null style: the text is what is asserted, not its colours."""

    def __init__(self) -> None:  # no widget to ask: nothing is styled
        pass

    def _style(self, name: str) -> Style:
        return Style()
