"""What the terminal sends, read whatever its bytes, and keys pressed again.

Textual's drivers decode the terminal's bytes as strict UTF-8: a byte that is not UTF-8 (a terminal set
to Latin-1, a key sent with its eighth bit set) stops the driver's input thread with a traceback, and the
reader then takes no key. ``lenient(driver)`` has the driver's decoder replace such a byte instead
(U+FFFD: no key of the reader is bound to it, an input shows it as �), for the driver the app is about
to start. ``press_again(app, keys)`` sends keys kept while the reader was not up yet (its first
look, a large file's preview) as the terminal would have.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.app import App

DECODER_FACTORY = "getincrementaldecoder"
"""The name under which Textual's terminal drivers import the codec lookup they make their decoder with."""


def lenient(driver: type) -> None:
    """Have ``driver`` (a Textual driver class) replace the bytes it cannot decode, rather than stop."""
    module = sys.modules.get(driver.__module__)
    if module is not None and getattr(module, DECODER_FACTORY, None) is codecs.getincrementaldecoder:
        setattr(module, DECODER_FACTORY, _replacing)


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
