"""What happens when the reader meets an error it did not expect: a short message and a log, never a mess.

Textual restores the terminal when an exception escapes a handler, then prints a full traceback with
local variables, which can hold document text and fill the screen. ``CrashReporting`` (mixed into the
App) writes that traceback to a log file instead and leaves one short, sanitized message on stderr:

    briefing: an unexpected error stopped the reader: KeyError: 'x'
      the details are in /home/me/.local/state/briefing/crash-20261127-221500.log

SIGTERM and SIGHUP end the reader the way ``q`` does, so that the terminal is restored then too.
``BRIEFING_FAULT=ready`` (or ``timer``) makes the reader raise on purpose, for the tests of this path.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from briefing_tui.display import display_path, sanitize

FAULT_VARIABLE = "BRIEFING_FAULT"


class InjectedFault(RuntimeError):
    """Raised on purpose when ``BRIEFING_FAULT`` is set (tests of the crash path)."""


def log_dir() -> Path:
    """Where crash logs go: ``$XDG_STATE_HOME/briefing`` (``~/.local/state/briefing``)."""
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(state) / "briefing"


def unsaved_dir() -> Path:
    """The journal of unsaved edits (``edit.journal``): beside the crash logs."""
    return log_dir() / "unsaved"


def unsaved_file(path: Path) -> Path:
    """Where the journal keeps the unsaved edits of the file ``path`` (``edit.journal``): one file
    named by its absolute path's digest."""
    import hashlib  # deferred: only where the journal is read or written

    digest = hashlib.sha256(str(Path(path).absolute()).encode("utf-8", "surrogateescape")).hexdigest()
    return unsaved_dir() / f"{digest[:24]}.json"


def unsaved_kept(paths: Iterable[Path]) -> bool:
    """Whether the journal holds unsaved edits of one of the files ``paths``: a look at its folder,
    then at the names of each file's entries (its own, and those set aside for the next start,
    ``NAME-N.json``), without importing the edit package (edits of other files are offered back when
    those are opened)."""
    try:
        if not any(unsaved_dir().glob("*.json")):
            return False
        return any(any(unsaved_dir().glob(f"{unsaved_file(path).stem}*.json")) for path in paths)
    except OSError:
        return False


def write_crash_log(error: BaseException) -> Path | None:
    """Write the traceback of ``error`` to a new log file; None when no file could be written."""
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    stamp = time.strftime("%Y%m%d-%H%M%S")
    header = f"briefing crash {stamp}\npython {sys.version.split()[0]}\nargv {sys.argv!r}\n\n"
    for folder in (log_dir(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"briefing-crash-{stamp}-{os.getpid()}.log"
            path.write_text(header + text, encoding="utf-8", errors="backslashreplace")
            return path
        except OSError:
            continue
    return None


def crash_message(error: BaseException, log: Path | None, command: str = "") -> str:
    """The short message for the terminal. The error's text may quote a document: it is sanitized.

    ``command`` names the command that stopped (``"briefing export"``); empty: the reader.
    """
    what = sanitize(f"{type(error).__name__}: {error}")
    if len(what) > 300:
        what = what[:299] + "…"
    where = f"the details are in {display_path(log)}" if log else "no log could be written"
    head = (
        f"{command}: stopped by an unexpected error"
        if command
        else "briefing: an unexpected error stopped the reader"
    )
    return f"{head}: {what}\n  {where}\n"


def report_crash(error: BaseException, command: str = "") -> int:
    """For errors outside the App's message loop: log, print the short message, return the exit status."""
    # deferred: kept off start-up: needed only when this runs
    from briefing_tui.console import stderr

    stderr().text(crash_message(error, write_crash_log(error), command))
    return 1


class CrashReporting:
    """Mixed into the App before ``App``: replaces Textual's exit traceback by the short message.

    Relies on ``App._handle_exception`` and ``App._exit_renderables`` of the pinned Textual version
    (tests/e2e/test_hostile_pty.py checks the whole path in a real terminal).
    """

    crash_log: Path | None = None
    _crash_error: BaseException | None = None

    def _handle_exception(self, error: Exception) -> None:
        first = self._crash_error is None
        if first:
            self._crash_error = error
            self.crash_log = write_crash_log(error)
        super()._handle_exception(error)  # type: ignore[misc]
        from rich.text import Text

        renderables: list[Any] = self._exit_renderables  # type: ignore[attr-defined]
        message = crash_message(self._crash_error or error, self.crash_log).rstrip("\n")
        renderables[:] = [Text(message, end="")]
        # lines that the terminal wraps itself, so that the log's path is never cut by a line end
        self.error_console.soft_wrap = True  # type: ignore[attr-defined]

    def on_ready(self) -> None:
        _exit_on_signals(self)
        fault = os.environ.get(FAULT_VARIABLE, "")
        if fault == "ready":
            raise InjectedFault(f"{FAULT_VARIABLE}=ready \x1b]0;not-a-title\x07")
        if fault == "timer":
            self.set_timer(0.3, _raise_from_timer)  # type: ignore[attr-defined]


ENDED_AFTER = 10.0
"""Seconds a reader told to end by SIGTERM or SIGHUP has to end as ``q`` ends it, before it ends at
once: after a hangup its terminal is gone, and Textual's shutdown can then wait for ever to write
to it (its queue of writes full), with the event loop that would hear the signal blocked."""


def _exit_on_signals(app: Any) -> None:
    """SIGTERM and SIGHUP end the reader like ``q``: the terminal is restored (Python's default just
    dies). The handler is Python's own, run in the main thread even while it is blocked: it asks
    the app to exit on its event loop, and ends the process ``ENDED_AFTER`` seconds later if the
    app has not ended by then."""
    import asyncio
    import contextlib
    import signal
    import threading

    loop = asyncio.get_running_loop()

    def ended(signum: int, _frame: object) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is closed: the reader is ending already
            loop.call_soon_threadsafe(app.exit, None, 128 + signum)
        threading.Thread(target=_end_after, args=(ENDED_AFTER, 128 + signum), daemon=True).start()

    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None:  # (no SIGHUP on Windows)
            with contextlib.suppress(ValueError, OSError):  # not the main thread: keep the default
                signal.signal(signum, ended)


def _end_after(seconds: float, status: int) -> None:
    """End the process with ``status`` after ``seconds``, whatever it is doing (a daemon thread: a
    process that ends first ends it too)."""
    time.sleep(seconds)
    os._exit(status)


def _raise_from_timer() -> None:
    raise InjectedFault(f"{FAULT_VARIABLE}=timer")
