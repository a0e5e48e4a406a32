"""What a thread worker found, handed back to the reader's thread only while it can still be shown.

A thread (a file read again, a search, marks indexed, a file opened for editing) may end after the
pane or screen that asked for it has left, or while the reader is stopping and its widgets are
being removed: its result then has nowhere to go, and showing it would look for widgets that are
gone. ``call_back`` runs the callback on the app's thread only if its node is still there then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.message_pump import MessagePump


def still_there(node: MessagePump) -> bool:
    """True while ``node`` (a widget, a screen or the app) is in the running app."""
    return node.is_attached and node.app.is_running


def if_still_there(node: MessagePump, callback: Callable[..., object], *args: Any) -> None:
    """Run ``callback(*args)`` if ``node`` is still there (on the app's thread)."""
    if still_there(node):
        callback(*args)


def call_back(node: MessagePump, callback: Callable[..., object], *args: Any) -> None:
    """From a thread worker: run ``callback(*args)`` on the app's thread, once, if ``node`` is still
    there when it comes to run; set aside otherwise. Returns when it has run or been set aside."""
    node.app.call_from_thread(if_still_there, node, callback, *args)
