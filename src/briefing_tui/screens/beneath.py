"""A screen the reader comes over and leaves beneath it: the first look, the preview of a large file,
the loading screen.

Textual counts the screen just beneath the top one as seen through it, whatever the top one is, and
passes what that screen's widgets ask to draw up to the top screen, which draws those regions again.
The reader's screen is opaque and hides the one beneath whole: what is asked of it then (its widgets
settling after its last frame, as the reader is built over it) is dropped instead. Beneath a screen
that lets it show (a dialog's), it is drawn as Textual draws it.
"""

from __future__ import annotations

from textual.screen import Screen

__all__ = ["Beneath"]


class Beneath(Screen[None]):
    """A ``Screen`` drawn only while nothing opaque is over it."""

    def _compositor_refresh(self) -> None:
        top = self.app.screen
        if top is not self and top.styles.background.a == 1:  # hidden whole: nothing to draw
            self._compositor._dirty_regions.clear()  # not exported; Textual is pinned to one release
            self._dirty_widgets.clear()
            return
        super()._compositor_refresh()
