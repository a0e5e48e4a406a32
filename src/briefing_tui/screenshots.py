"""The palette's "Screenshot": an SVG of the screen saved where it can be, the message saying where.

Textual's own command saves into the user's Downloads folder and, when there is none (a server, a
container), says only "Failed to save screenshot". Here the folders are tried in turn: Downloads
when it exists, then the current folder, then the reader's state folder (beside its crash logs,
``crash.log_dir``); a failure in every one says why.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from typing import Any

from textual import app as textual_app
from textual.app import App, SystemCommand

from briefing_tui.crash import log_dir
from briefing_tui.display import display_path


def folders() -> list[Path]:
    """Where a screenshot may go, in the order tried (each once)."""
    downloads = textual_app.user_downloads_path()
    tried = [downloads] if downloads.is_dir() else []
    with suppress(OSError):  # the current folder was removed meanwhile: there is none to save in
        tried.append(Path.cwd())
    tried.append(log_dir())
    return list(dict.fromkeys(tried))


def save_screenshot(app: App[Any]) -> None:
    """Save an SVG of the screen in the first of ``folders()`` that takes it, and say where (the
    reader's screen says it on its status line too); when none does, say why (the last error)."""
    error: OSError | None = None
    for folder in folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            saved = app.save_screenshot(path=str(folder))
        except OSError as exc:
            error = exc
            continue
        app.screen.notify(f"Saved to {display_path(Path(saved))}", title="Screenshot", markup=False)
        return
    why = error.strerror or str(error) if error is not None else "no folder to save it in"
    where = f" ({display_path(Path(error.filename))})" if error is not None and error.filename else ""
    app.screen.notify(f"Not saved: {why}{where}", title="Screenshot", severity="error", markup=False)


def system_commands(app: App[Any], commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's system commands, its "Screenshot" saving as ``save_screenshot`` does."""
    for command in commands:
        if command.title == "Screenshot":
            # after the palette has closed, as Textual's does: the screenshot is of the reader
            later = lambda: app.set_timer(0.1, lambda: save_screenshot(app))  # noqa: E731
            yield SystemCommand(command.title, command.help, later)
        else:
            yield command
