"""Windows of a long list's rows that the keys move: every row is reachable, a few hundred at once.

A Textual ``OptionList`` measures every row it holds, so a list of 25,000 claims or 5,000 events
holds a window of them around the row to keep in view, with a row before it ("… 1,200 earlier")
and one after it ("… 3,700 more"); the entities list holds one window per type. The keys move a
window: ``j`` / ``k`` (and the arrows) past its last or first row go on to the next item, a page
from its edge goes on past it, and ``g`` / ``G`` (``home`` / ``end``) go to the first item of the
first window's list and the last of the last one's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist


class Identified(Protocol):
    @property
    def id(self) -> str: ...


def window_start(
    items: Sequence[Identified],
    keep: str | None,
    size: int,
    now: int = 0,
    centre: bool = False,
    find: Callable[[str | None], int | None] | None = None,
) -> int:
    """Where a window of ``size`` rows of ``items`` starts: where it starts ``now`` when the item
    ``keep`` is in it (or not listed), else (or when ``centre`` is asked) so that ``keep`` is about in
    its middle; 0 when every item fits. ``find``: the place of an item by its id, when ``items``
    has a faster way than reading each (a large document's claims: without making them)."""
    if len(items) <= size:
        return 0
    now = max(0, min(now, len(items) - size))
    if find is not None:
        at = find(keep)
    else:
        at = next((i for i, item in enumerate(items) if item.id == keep), None)
    if at is None or (not centre and now <= at < now + size):
        return now
    return max(0, min(at - size // 2, len(items) - size))


def hidden_rows(count: int, said: str) -> list[Option]:
    """The row that says how many items a window leaves out before or after it ("… 1,200 earlier",
    "… 3,700 more: / filters"), when it leaves any out."""
    return [Option(Text(f"  … {count:,} {said}", style="dim italic"), disabled=True)] if count > 0 else []


class ListWindow(OptionList):
    """An ``OptionList`` that shows ``window_size()`` rows of each of its lists of items, in order:
    the subclass builds the rows (from ``start_of``, with ``hidden_rows`` around them) and calls
    ``remember_windows``; ``show_window(keep)`` builds them again, the window of the item ``keep``
    round it."""

    _windows: Sequence[tuple[Sequence[Identified], int]] = ()
    _centring = False

    ANNOTATION_KIND = ""
    """What the rows' ids name ("claim", "entity", "event"; "": something else), for the keys that
    act on the row highlighted (``delete``)."""

    def highlighted_annotation(self) -> tuple[str, str] | None:
        """``(kind, id)`` of the annotation whose row is highlighted, if any."""
        option = self.highlighted_option
        if not self.ANNOTATION_KIND or option is None or option.id is None:
            return None
        return self.ANNOTATION_KIND, option.id

    def remember_windows(self, *windows: tuple[Sequence[Identified], int]) -> None:
        """Each list's items (filtered), and the first of them with a row now."""
        self._windows = windows

    def start_of(
        self,
        items: Sequence[Identified],
        keep: str | None,
        now: int | None = None,
        find: Callable[[str | None], int | None] | None = None,
    ) -> int:
        """Where the window of ``items`` is to start (``window_start``, ``window_size()`` rows): from
        ``now``, by default where the first window starts now; centred on ``keep`` while a key moves
        the window to it."""
        if now is None:
            now = self._windows[0][1] if self._windows else 0
        return window_start(items, keep, self.window_size(), now, self._centring, find)

    def _centre_on(self, keep: str) -> None:
        self._centring = True
        try:
            self.show_window(keep)
        finally:
            self._centring = False

    def bring(self, item_id: str) -> None:
        """Highlight the row of ``item_id``, gone to from elsewhere (the palette, a link, the text) as
        when it is chosen here; a window that leaves it out moves round it. An item the list's
        filter hides keeps the highlight where it is."""
        try:
            self.highlighted = self.get_option_index(item_id)
        except OptionDoesNotExist:
            if any(item.id == item_id for items, _ in self._windows for item in items):
                self._centre_on(item_id)

    def window_size(self) -> int:
        """The rows of items a window shows at once."""
        raise NotImplementedError

    def show_window(self, keep: str) -> None:
        raise NotImplementedError

    def _edge(self, step: int) -> tuple[Sequence[Identified], int] | None:
        """The list and the index of its window's last item (``step`` 1) or first (-1) when its row is
        the one highlighted and more items of that list follow (or come before) it; else None."""
        option = self.highlighted_option
        if option is None:
            return None
        for items, start in self._windows:
            edge = min(len(items), start + self.window_size()) - 1 if step > 0 else start
            if 0 <= edge + step < len(items) and option.id == items[edge].id:
                return items, edge
        return None

    def _round_edge(self, step: int) -> None:
        """At a window's last row (``step`` 1) or first (-1), with more beyond: the window moves
        round the row highlighted."""
        found = self._edge(step)
        if found is not None:
            items, edge = found
            self._centre_on(items[edge].id)

    def _move(self, step: int) -> bool:
        """The item after (or before) a window's edge, the window moved round it: True when it moved
        (the highlight would otherwise leave that list, or wrap round to the top)."""
        found = self._edge(step)
        if found is None:
            return False
        items, edge = found
        self._centre_on(items[edge + step].id)
        return True

    def action_cursor_down(self) -> None:
        if not self._move(1):
            super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if not self._move(-1):
            super().action_cursor_up()

    def action_page_down(self) -> None:
        if self._move(1):  # from a window's last row: on past it
            return
        super().action_page_down()
        self._round_edge(1)  # a page ending on a window's last row: the next goes on from there

    def action_page_up(self) -> None:
        if self._move(-1):
            return
        super().action_page_up()
        self._round_edge(-1)

    def action_first(self) -> None:
        if self._windows and self._windows[0][1] > 0:
            self._centre_on(self._windows[0][0][0].id)
        super().action_first()

    def action_last(self) -> None:
        if self._windows:
            items, start = self._windows[-1]
            if start + self.window_size() < len(items):
                self._centre_on(items[-1].id)
        super().action_last()
