"""Every text input of the reader draws what was typed or pasted through the display boundary.

Textual's ``Input`` draws its value as it is: a pasted C1 control (U+009B, the one-byte CSI), an
``ESC ] 0;…BEL`` title sequence or a bidi override would reach the terminal raw. ``safe_value`` is
what an input shows instead: the value with ``sanitize``'s visible stand-ins, one for one, so the
cursor and the selection keep their places. The value itself is unchanged (a search may look for
any character).

The reader's own inputs (the search bar, the search of every document, the path to open) are
``SafeInput``; the command palette's input is Textual's, so ``guard_inputs`` gives every ``Input``
of the running app the same drawing (it is called once, when the app starts).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Input

from briefing_tui.display import sanitize


def safe_value(self: Input) -> Text:
    """The value as drawn: through the display boundary (bullets for a password)."""
    if self.password:
        return Text("•" * len(self.value), no_wrap=True, overflow="ignore", end="")
    text = Text(sanitize(self.value), no_wrap=True, overflow="ignore", end="")
    return self.highlighter(text) if self.highlighter is not None else text


class SafeInput(Input):
    """An ``Input`` that draws its value through the display boundary."""

    @property
    def _value(self) -> Text:
        return safe_value(self)


def guard_inputs() -> None:
    """Draw every ``Input`` (the command palette's too) through the display boundary."""
    Input._value = property(safe_value)  # type: ignore[assignment,method-assign]
