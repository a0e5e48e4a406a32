"""Every text input of the reader draws what was typed or pasted through the display boundary,
and keeps it as written.

Textual's ``Input`` draws its value as it is: a pasted C1 control (U+009B, the one-byte CSI), an
``ESC ] 0;…BEL`` title sequence or a bidi override would reach the terminal raw. ``safe_value`` is
what an input shows instead: the value with ``sanitize``'s visible stand-ins, one for one, so the
cursor and the selection keep their places. The value itself is what was typed or pasted: a search
may look for any character, and a field that is saved keeps what the person wrote (docs/security.md,
"Inputs"); only a character that cannot be written as UTF-8 is refused, when the field is used.

Textual's inputs also drop a key whose character Python does not count as printable: an emoji
joiner, a bidi override, an emoji newer than Python's Unicode tables. ``takes`` is the reader's
rule instead, for every input (``SafeInput`` and ``SafeTextArea``): any one character but a control.

The reader's own inputs (the search bar, the search of every document, the path to open) are
``SafeInput``, the fields of the checking dialogs and a bookmark's label ``FormInput`` (one line:
a paste is kept up to its first line break); the command palette's input is Textual's, so
``guard_inputs`` gives every ``Input`` of the running app the same drawing (it is called once, when
the app starts).
"""

from __future__ import annotations

import re
import unicodedata

from rich.text import Text
from textual import events
from textual.suggester import SuggestionReady
from textual.widgets import Input

from briefing_tui.display import sanitize


def safe_value(self: Input) -> Text:
    """The value as drawn: through the display boundary (bullets for a password)."""
    if self.password:
        return Text("•" * len(self.value), no_wrap=True, overflow="ignore", end="")
    text = Text(sanitize(self.value), no_wrap=True, overflow="ignore", end="")
    return self.highlighter(text) if self.highlighter is not None else text


def takes(event: events.Key) -> bool:
    """Whether an input takes ``event``'s character as typed: one character that is not a control
    (C0, C1: they come with keys such as ctrl+a) nor half a surrogate pair (never valid text)."""
    char = event.character
    return char is not None and len(char) == 1 and unicodedata.category(char) not in ("Cc", "Cs")


class SafeInput(Input):
    """An ``Input`` that draws its value through the display boundary, and its completion too.

    Textual draws the rest of a suggestion (the file name the path input would complete to) as it
    is: a name holding ESC or a new line reached the terminal raw. The suggestion drawn is the
    sanitized one (the same length); accepting it (right, tab) gives the name itself."""

    _suggested = ""
    """The suggestion as made (``_suggestion`` holds it as drawn)."""

    @property
    def _value(self) -> Text:
        return safe_value(self)

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable or not takes(event):
            return  # Input's own handler, next in line, takes it or leaves it to the bindings
        event.stop()
        event.prevent_default()
        assert event.character is not None
        if self.selection.is_empty:
            self.insert_text_at_cursor(event.character)
        else:
            self.replace(event.character, *self.selection)

    async def _on_suggestion_ready(self, event: SuggestionReady) -> None:
        event.prevent_default()  # not Input's handler, which keeps the suggestion to draw as it is
        if event.value == self.value:
            self._suggested = event.suggestion
            self._suggestion = sanitize(event.suggestion)

    def action_cursor_right(self, select: bool = False) -> None:
        if not select and self.cursor_at_end and self._suggestion:
            self._suggestion = self._suggested  # accepted as made, not as drawn
        super().action_cursor_right(select)


class FormInput(SafeInput):
    """A field of a form whose value is saved in a file (a source's title, a bookmark's label, a
    path): what is pasted is kept as pasted up to its first line break (CR or LF, as a terminal sends
    one), every other character included (a line separator, a bidi override, ESC: drawn as stand-ins),
    where Textual's ``Input`` cut it at whatever ``str.splitlines`` counts as a break."""

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        if event.text:
            line = re.split("[\r\n]", event.text, maxsplit=1)[0]
            if self.selection.is_empty:
                self.insert_text_at_cursor(line)
            else:
                self.replace(line, *self.selection)


def guard_inputs() -> None:
    """Draw every ``Input`` (the command palette's too) through the display boundary."""
    Input._value = property(safe_value)  # type: ignore[assignment,method-assign]
