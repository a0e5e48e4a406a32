"""The keys shared by the lists that filter (entities, timeline, claims).

One rule in every list, as in ``less``: ``/`` starts the filter, the characters typed then go into it,
``enter`` keeps it and ``escape`` clears it; both end the typing. Outside the filter a letter means what
it means in every pane (``q`` quits, ``s`` goes to the source, ``j``/``k`` move, ``g``/``G`` the ends,
space and ``b`` page).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType

from briefing_tui.display import sanitize

if TYPE_CHECKING:
    from textual.widgets import OptionList
    from textual.widgets.option_list import Option

TYPING_ACTIONS = frozenset({"keep_filter", "clear_filter", "erase"})
"""The list's actions that work while a filter is typed (the footer shows only those then)."""


LIST_MOVES: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "First", show=False),
    Binding("G", "last", "Last", show=False),
    Binding("space", "page_down", "Page Down", show=False),
    Binding("b", "page_up", "Page Up", show=False),
]
"""The keys that move in every list of the reader, as in the text: down, up, to the first, to the
last, a page down and up (while a filter is typed, space and b are characters of it: ``on_key``)."""


class TypeToFilter:
    """A mixin for an ``OptionList``: ``/`` starts ``filter_text``; while ``typing``, characters add to
    it and backspace erases; enter keeps it, escape clears it. Each change calls ``refilter()``,
    which the list defines."""

    FILTER_CHARS = " "
    FILTER_BINDINGS: list[BindingType] = [
        Binding("slash", "start_filter", "Filter", key_display="/"),
        *LIST_MOVES,
        Binding("enter", "keep_filter", "Keep filter"),
        Binding("backspace", "erase", "Erase filter", show=False),
        Binding("escape", "clear_filter", "Clear filter"),
    ]
    filter_text: str = ""
    typing: bool = False

    @staticmethod
    def bindings(choose: str) -> list[BindingType]:
        """The filter's keys, then enter (when no filter is typed) doing ``choose``."""
        return [*TypeToFilter.FILTER_BINDINGS, Binding("enter", "select", choose, show=False)]

    def refilter(self) -> None:
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in TYPING_ACTIONS:
            # enter selects a row and escape goes up to the screen, unless a filter is typed or set
            return self.typing or (action != "keep_filter" and bool(self.filter_text))
        return not self.typing

    def _set_typing(self, typing: bool) -> None:
        self.typing = typing
        self.refilter()
        option_list = cast("OptionList", self)
        if typing:  # the prompt is the list's first row: in view however far the list was scrolled
            option_list.scroll_home(animate=False, immediate=True)
        else:  # and the row highlighted in view again once the typing ends
            option_list.scroll_to_highlight()
        option_list.screen.refresh_bindings()

    def on_key(self, event: events.Key) -> None:
        # Here rather than only through the bindings: a binding runs once the key has bubbled up to
        # the app, and the keys typed right after it (a paste, a fast typist) must find the filter open.
        if not self.typing:
            if event.key == "slash":
                self._take(event)
                self.action_start_filter()
            return
        if event.key in ("enter", "escape"):
            self._take(event)
            self.action_keep_filter() if event.key == "enter" else self.action_clear_filter()
            return
        if event.key == "backspace":  # in the order typed, with the characters around it
            self._take(event)
            self.action_erase()
            return
        char = event.character
        if not event.is_printable or not char or char in "\t\r\n":
            return
        self._take(event)
        if char.isalnum() or char in self.FILTER_CHARS or char in "/.:_":
            self.filter_text += char
            self.refilter()

    @staticmethod
    def _take(event: events.Key) -> None:
        event.stop()
        event.prevent_default()

    def on_paste(self, event: events.Paste) -> None:
        """A paste while the filter is typed adds its first line (drawn through the display boundary)."""
        if self.typing and event.text:
            event.stop()
            self.filter_text += event.text.splitlines()[0] if event.text.splitlines() else ""
            self.refilter()

    def action_start_filter(self) -> None:
        self._set_typing(True)

    def action_keep_filter(self) -> None:
        self._set_typing(False)

    def action_erase(self) -> None:
        if self.filter_text:
            self.filter_text = self.filter_text[:-1]
            self.refilter()

    def action_clear_filter(self) -> None:
        self.filter_text = ""
        self._set_typing(False)

    def filter_head(self) -> Text:
        """The row that shows the filter as typed (sanitized), above the rows it lets through."""
        cursor = "▏" if self.typing else ""
        return Text.assemble(("filter: ", "dim"), (sanitize(self.filter_text) + cursor, "bold"))

    @property
    def filter_shown(self) -> bool:
        """Whether the list shows its filter row (a filter is set or being typed)."""
        return bool(self.filter_text) or self.typing

    def show_options(self, options: list[Option], keep: str | None) -> None:
        """Show ``options``, highlighting ``keep`` where it is still listed, else the first row."""
        option_list = cast("OptionList", self)
        option_list.set_options(options)
        if keep is not None:
            try:
                option_list.highlighted = option_list.get_option_index(keep)
                return
            except Exception:  # filtered out, or no longer listed
                pass
        option_list.action_first()
