"""The text's moving keys, for a screen that shows one scrolled body of text (help, the errors).

``j`` / ``k`` a line, ``space`` / ``b`` a page, ``g`` / ``G`` the top and the end: a person who
learned them in the text pane finds them here too (the arrows and page keys as well).
"""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer

SCROLL_KEYS: list[BindingType] = [
    Binding("j,down", "scroll(1)", show=False),
    Binding("k,up", "scroll(-1)", show=False),
    Binding("space,pagedown", "page(1)", show=False),
    Binding("b,pageup", "page(-1)", show=False),
    Binding("g,home", "end(False)", show=False),
    Binding("G,end", "end(True)", show=False),
]


class ScrollKeys:
    """A mixin for a ``Screen`` whose ``BINDINGS`` add ``SCROLL_KEYS``: they move ``scrolled()``."""

    def scrolled(self) -> ScrollableContainer:
        raise NotImplementedError

    def action_scroll(self, step: int) -> None:
        self.scrolled().scroll_relative(y=step, animate=False)

    def action_page(self, step: int) -> None:
        body = self.scrolled()
        if step > 0:
            body.scroll_page_down(animate=False)
        else:
            body.scroll_page_up(animate=False)

    def action_end(self, last: bool) -> None:
        body = self.scrolled()
        if last:
            body.scroll_end(animate=False, immediate=True)
        else:
            body.scroll_home(animate=False, immediate=True)
