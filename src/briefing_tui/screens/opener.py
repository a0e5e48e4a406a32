"""Opening a source's web address in the browser, after saying which host it is."""

from __future__ import annotations

import threading
import webbrowser

from textual.screen import Screen

from briefing_tui.addresses import display_url


def open_address(screen: Screen[None], url: str) -> None:
    """Open ``url`` in the browser (in a thread; never through a shell), or say why not.

    A look-alike host, a user name or control characters: nothing is opened, the notice says why.
    """
    shown = display_url(url)
    if not shown.openable:
        why = "\n".join(shown.warnings)
        screen.notify(f"Not opened: {shown.text}\n{why}", severity="warning", markup=False)
        return
    threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
    screen.notify(f"Opening {shown.text}", markup=False)
