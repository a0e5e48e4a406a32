"""A window of a long list's rows that the keys move: every row is reachable, a few hundred at once.

A Textual ``OptionList`` measures every row it holds, so a list of 25,000 claims or 5,000 events
holds a window of them around the row to keep in view, with a row before it ("… 1,200 earlier")
and one after it ("… 3,700 more"). The keys move the window: ``j`` / ``k`` (and the arrows) past its
last or first row go on to the next item, a page from its edge goes on past it, and ``g`` / ``G``
(``home`` / ``end``) go to the first and the last item of the whole list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from textual.widgets import OptionList


class Identified(Protocol):
    @property
    def id(self) -> str: ...


def window_start(items: Sequence[Identified], keep: str | None, size: int) -> int:
    """Where a window of ``size`` rows of ``items`` starts so that the item ``keep`` is about in its
    middle (0 when it is not listed, or when every item fits)."""
    if len(items) <= size:
        return 0
    at = next((i for i, item in enumerate(items) if item.id == keep), 0)
    return max(0, min(at - size // 2, len(items) - size))


class ListWindow(OptionList):
    """An ``OptionList`` that shows ``window_size()`` rows of a list of items: the subclass builds
    its rows (from ``window_start``) and calls ``remember_window``; ``show_window(keep)`` builds
    them again around the item ``keep``."""

    _window_items: Sequence[Identified] = ()
    _window_from = 0

    def remember_window(self, items: Sequence[Identified], start: int) -> None:
        """The items of the whole list (filtered), and the first of them with a row now."""
        self._window_items, self._window_from = items, start

    def window_size(self) -> int:
        """The rows of items shown at once."""
        raise NotImplementedError

    def show_window(self, keep: str) -> None:
        raise NotImplementedError

    def _edge(self, step: int) -> int | None:
        """The index of the window's last item (``step`` 1) or first (-1) when its row is the one
        highlighted and more items follow (or come before) it; else None."""
        option, items = self.highlighted_option, self._window_items
        edge = min(len(items), self._window_from + self.window_size()) - 1 if step > 0 else self._window_from
        if option is None or not 0 <= edge + step < len(items) or option.id != items[edge].id:
            return None
        return edge

    def _round_edge(self, step: int) -> None:
        """At the window's last row (``step`` 1) or first (-1), with more beyond: the window moves
        round the row highlighted."""
        edge = self._edge(step)
        if edge is not None:
            self.show_window(self._window_items[edge].id)

    def _move(self, step: int) -> bool:
        """The item after (or before) the window's edge, the window moved round it: True when it
        moved (the highlight would otherwise wrap round to the window's other end)."""
        edge = self._edge(step)
        if edge is None:
            return False
        self.show_window(self._window_items[edge + step].id)
        return True

    def action_cursor_down(self) -> None:
        if not self._move(1):
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if not self._move(-1):
            super().action_cursor_up()

    def action_page_down(self) -> None:
        self._round_edge(1)  # a page from the window's last row goes on past it
        super().action_page_down()
        self._round_edge(1)  # and the next page from where this one ended

    def action_page_up(self) -> None:
        self._round_edge(-1)
        super().action_page_up()
        self._round_edge(-1)

    def action_first(self) -> None:
        if self._window_from > 0:
            self.show_window(self._window_items[0].id)
        super().action_first()

    def action_last(self) -> None:
        if self._window_from + self.window_size() < len(self._window_items):
            self.show_window(self._window_items[-1].id)
        super().action_last()
