"""Type to filter: the keys shared by the lists that filter as you type (entities, timeline, claims)."""

from __future__ import annotations

from textual import events
from textual.binding import Binding, BindingType


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
