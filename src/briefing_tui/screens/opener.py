"""Opening a source's web address in the browser, after saying which host it is; copying instead when
no browser opens (over SSH, or with only a text browser that would take over the terminal). Copying
what the claim pane shows (``y``)."""

from __future__ import annotations

import threading
import webbrowser
from typing import TYPE_CHECKING, Any, Protocol

from briefing_tui.addresses import display_url
from briefing_tui.display import sanitize

if TYPE_CHECKING:
    from textual.app import App


class Sayer(Protocol):
    """What opening asks of the screen: notices, and the app's clipboard."""

    def notify(self, message: str, *, severity: str = ..., markup: bool = ...) -> None: ...

    @property
    def app(self) -> App[Any]: ...


def graphical_open(url: str) -> bool:
    """Open ``url`` in a graphical browser; False when there is none. A text browser (lynx, w3m...)
    is not used: started from here it would draw over the reader."""
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        return False
    text_browser = isinstance(browser, webbrowser.GenericBrowser)
    if text_browser and not isinstance(browser, webbrowser.BackgroundBrowser):
        return False
    try:
        return bool(browser.open(url))
    except OSError:
        return False


def open_address(screen: Sayer, url: str) -> None:
    """Open ``url`` in the browser (in a thread; never through a shell), or say why not.

    A look-alike host, a user name or control characters: nothing is opened, the notice says why.
    When no browser opens, the address is copied (OSC 52) and the notice says so.
    """
    shown = display_url(url)
    if not shown.openable:
        why = "\n".join(shown.warnings)
        screen.notify(f"Not opened: {shown.text}\n{why}", severity="warning", markup=False)
        return
    app = screen.app

    def run() -> None:
        if not graphical_open(url):
            app.call_from_thread(no_browser)

    def no_browser() -> None:
        app.copy_to_clipboard(url)
        screen.notify(f"No browser opened: address copied, {shown.text}", severity="warning", markup=False)

    threading.Thread(target=run, daemon=True).start()
    screen.notify(f"Opening {shown.text}", markup=False)


def copy_shown(screen: Sayer, copied: tuple[str, str] | None) -> None:
    """Copy ``copied`` (the text, and what it is: "the address"...) to the terminal's clipboard (OSC 52,
    sent on this key only) and say what was copied, or that there is nothing to copy."""
    if copied is None:
        screen.notify("Nothing to copy: go to a claim (]), an entity or a source, then y", markup=False)
        return
    text, what = copied
    screen.app.copy_to_clipboard(text)
    shown = sanitize(text if len(text) <= 60 else text[:59] + "…")
    screen.notify(f"Copied {what}: {shown}", markup=False)
