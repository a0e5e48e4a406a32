"""A screen styled once when it is first shown, not twice.

Textual styles every widget of a screen as it mounts, then, when the screen is pushed and resumes,
styles them all again (``ScreenResume.refresh_styles``), which is for a screen coming back to the
top after the app's styles may have changed under it. Shown for the first time, nothing has: its
widgets were styled a moment before. On the reader's screen and its first look, that second pass
was a third of all the styling done while they are built (``tests/ui/test_styled_once.py`` counts
it).

Shown for the first time, it is also drawn once: its first layout draws the whole screen, every
widget new to it, with what its widgets asked to have drawn until then. Textual would then draw the
whole screen again (its resume asks for it after the layout) and each widget again (each asked
before the layout drew it), with nothing changed: a second frame as large as the first, there when
the first key is answered.

A focus moved draws what it changes, not the whole screen: Textual's ``focused`` asks for the
screen whole at every change, though the widgets losing and taking the focus are styled again and
draw themselves (and the panes marked for it, as their classes change).
"""

from __future__ import annotations

from typing import Self

from textual import events
from textual.geometry import Region, Size
from textual.screen import Screen
from textual.widget import Widget


class StyledOnce(Screen[None]):
    """A ``Screen`` whose first resume keeps the styles it was mounted with; later ones restyle.
    Shown, it is laid out and drawn whole once: the whole screen is not asked for again at once."""

    _resumed_before = False
    _showing = False  # between this handler and the end of Textual's own for the first resume
    _drawn_whole = False  # the layout of the first resume drew the screen whole
    _focusing = False  # within ``set_focus``

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        self._focusing = True
        try:
            super().set_focus(widget, scroll_visible, from_app_focus)
        finally:
            self._focusing = False

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual's own handler (``Screen._on_screen_resume``) runs after this one, as handlers run
        # up the class tree: calling it here too would run it twice.
        if not self._resumed_before:
            self._resumed_before = True
            event.refresh_styles = False
            self._showing = True

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        # ``_layout_widgets``, ``_layout_required``: not exported; Textual is pinned to one release
        whole = not (scroll and not self._layout_widgets)  # the screen reflowed, not only scrolled
        laid = [w for w, _ in self._compositor.layers if not w._layout_required] if whole else []
        super()._refresh_layout(size, scroll)
        for widget in laid:
            # Given its new size, a widget asks to be laid out again (its ``virtual_size``): a
            # second layout of the whole screen, and a frame, for what this one just placed. One
            # that scrolls may have to show or hide its scrollbars: that one is laid out again.
            if widget._layout_required and not widget.is_scrollable:
                widget._layout_required = False
        # ``_batch_count``, ``_compositor``: not exported; Textual is pinned to one release
        if self._showing and self.is_current and not self.app._batch_count:
            # New to the layout, the screen and all its widgets were just drawn whole: so was what
            # was asked of the whole screen before (its focus set as it resumed, its styles).
            self._drawn_whole = True
            for widget in (self, *self._compositor.visible_widgets):  # each drawn as it is now
                widget._repaint_required = False  # not exported; Textual is pinned to one release
                widget._exchange_repaint_regions()

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        # Textual's resume ends by asking for the whole screen again: on the first, the layout just
        # drew it all, with nothing changed since.
        if self._showing and not (regions or layout or recompose):
            self._showing = False
            drawn, self._drawn_whole = self._drawn_whole, False
            if drawn:
                return self
        if self._focusing and not (regions or layout or recompose):
            return self  # the focus moved: the widgets it leaves and takes are drawn again
        if layout and not regions and self._resumed_before and not self._showing:
            # Laid out again once shown (its widgets mounted, one grown): what moves is drawn by the
            # layout, what changed by the widget that changed. The whole screen is not drawn again.
            repaint = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
