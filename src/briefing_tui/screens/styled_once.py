"""A screen styled once when it is first shown, not twice.

Textual styles every widget of a screen as it mounts, then, when the screen is pushed and resumes,
styles them all again (``ScreenResume.refresh_styles``), which is for a screen coming back to the
top after the app's styles may have changed under it. Shown for the first time, nothing has: its
widgets were styled a moment before. On the reader's screen and its first look, that second pass
was a third of all the styling done while they are built (``tests/ui/test_styled_once.py`` counts
it).
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen


class StyledOnce(Screen[None]):
    """A ``Screen`` whose first resume keeps the styles it was mounted with; later ones restyle."""

    _resumed_before = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._resumed_before:
            self._resumed_before = True
            event.refresh_styles = False
        super()._on_screen_resume(event)
