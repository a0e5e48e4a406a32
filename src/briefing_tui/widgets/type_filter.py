"""Type to filter: the keys shared by the lists that filter as you type (entities, timeline, claims)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType

from briefing_tui.display import sanitize

if TYPE_CHECKING:
    from textual.widgets import OptionList
    from textual.widgets.option_list import Option


class TypeToFilter:
    """A mixin for an ``OptionList``: letters typed add to ``filter_text``, backspace erases,
    escape clears; each change calls ``refilter()``, which the list defines.

    Digits are left to the screen (they switch panes); ``FILTER_CHARS`` are taken too once a filter
    has begun (a space between two words, a hyphen, an apostrophe).
    """

    FILTER_CHARS = " "
    FILTER_BINDINGS: list[BindingType] = [
        Binding("backspace", "erase", "Erase filter", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]
    filter_text: str = ""

    def refilter(self) -> None:
        raise NotImplementedError

    def on_key(self, event: events.Key) -> None:
        char = event.character
        if char and len(char) == 1 and (char.isalpha() or (char in self.FILTER_CHARS and self.filter_text)):
            event.stop()
            event.prevent_default()
            self.filter_text += char
            self.refilter()

    def action_erase(self) -> None:
        if self.filter_text:
            self.filter_text = self.filter_text[:-1]
            self.refilter()

    def action_clear_filter(self) -> None:
        if self.filter_text:
            self.filter_text = ""
            self.refilter()

    def filter_head(self) -> Text:
        """The row that shows the filter as typed (sanitized), above the rows it lets through."""
        return Text.assemble(("filter: ", "dim"), (sanitize(self.filter_text), "bold"))

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
