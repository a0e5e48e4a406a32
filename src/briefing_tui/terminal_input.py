"""What the terminal sends, read whatever its bytes, and keys pressed again.

Textual's drivers decode the terminal's bytes as strict UTF-8: a byte that is not UTF-8 (a terminal set
to Latin-1, a key sent with its eighth bit set) stops the driver's input thread with a traceback, and the
reader then takes no key. ``lenient(driver)`` has the driver's decoder replace such a byte instead
(U+FFFD: no key of the reader is bound to it, an input shows it as �), for the driver the app is about
to start, and its parser read a bracketed paste whole (``WholePastes``): Textual's sends what follows
an ESC inside a paste as keys, ahead of the paste (``A ESC [31mB`` arrived as ``^[31mBA``).
``press_again(app, keys)`` sends keys kept while the reader was not up yet (its first
look, a large file's preview) as the terminal would have.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import events
from textual._xterm_parser import XTermParser

if TYPE_CHECKING:
    from textual.app import App
    from textual.message import Message

DECODER_FACTORY = "getincrementaldecoder"
"""The name under which Textual's terminal drivers import the codec lookup they make their decoder with."""
PARSER = "XTermParser"
"""The name under which Textual's terminal drivers import the parser they read the terminal with."""
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"


class WholePastes(XTermParser):
    """Textual's parser, but a bracketed paste is cut out of what the terminal sends before it parses
    the rest, and comes as one ``Paste`` of exactly what was pasted (NUL left out, as Textual does).

    Textual's parser keeps the characters of a paste one by one, but reads an ESC in it as the start of
    a sequence that it then sends as keys, before the paste. A paste's end marker cut between two
    reads is waited for; a start marker cut between two reads (a terminal writes it with the text)
    is left to Textual's own handling."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._paste: list[str] | None = None  # the paste being received, None outside one
        self._tail = ""  # the end of the last read, which may begin the end marker

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of the input
            yield from super().feed(data)
            return
        data, self._tail = self._tail + data, ""
        while data:
            if self._paste is None:
                start = data.find(PASTE_START)
                if start < 0:
                    yield from super().feed(data)
                    return
                if start:
                    yield from super().feed(data[:start])
                self._paste, data = [], data[start + len(PASTE_START) :]
                continue
            end = data.find(PASTE_END)
            if end < 0:
                kept = next((k for k in range(len(PASTE_END) - 1, 0, -1) if data.endswith(PASTE_END[:k])), 0)
                self._paste.append(data[: len(data) - kept])
                self._tail = data[len(data) - kept :]
                return
            self._paste.append(data[:end])
            yield events.Paste("".join(self._paste).replace("\x00", ""))
            self._paste, data = None, data[end + len(PASTE_END) :]


def lenient(driver: type) -> None:
    """Have ``driver`` (a Textual driver class) replace the bytes it cannot decode, rather than stop,
    and read a bracketed paste whole."""
    module = sys.modules.get(driver.__module__)
    if module is not None and getattr(module, DECODER_FACTORY, None) is codecs.getincrementaldecoder:
        setattr(module, DECODER_FACTORY, _replacing)
    if module is not None and getattr(module, PARSER, None) is XTermParser:
        setattr(module, PARSER, WholePastes)


def _replacing(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
    """The incremental decoder of ``encoding``, made to replace what it cannot decode."""
    return partial(codecs.getincrementaldecoder(encoding), errors="replace")


def press_again(app: App[Any], keys: Iterable[tuple[str, str | None]]) -> None:
    """Send ``keys`` (``(key, character)``), in order, as the terminal's own: from the app, which a
    key sent by a widget is not (it would stop bubbling at that widget, short of the screen's keys)."""
    for key, character in keys:
        event = events.Key(key, character)
        event.set_sender(app)
        app.post_message(event)
