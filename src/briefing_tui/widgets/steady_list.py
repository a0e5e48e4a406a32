"""An ``OptionList`` whose rows are measured at the width they are drawn at.

``OptionList`` measures the rows it is given at the width it has then, and keeps those heights. When
the rows overflow the pane its vertical scrollbar comes, the rows get narrower and a wrapped one needs
a line more; the list drew that row cut short (its last line missing, the scrollbar's thumb out of
place) until the next resize. Here the rows are measured again whenever the width has changed.

Measuring is also made cheap for the lists' ``Row`` prompts: a row counts the lines of its wrapped
cells without being drawn (``OptionList`` draws every row to count its lines), and keeps that
wrapping for when it is drawn. In a list that does not wrap (``text-wrap: nowrap``, the claims
list), a row of one line is one line high, known without cutting it to the width (``UnwrappedRow``).
"""

from __future__ import annotations

from rich.text import Text
from textual import (
    _widget_navigation,  # not exported; Textual is pinned to one release
    events,
)
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, RichVisual, Visual, visualize
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.widgets.rows import Row


class RowVisual(RichVisual):
    """A ``Row`` as Textual draws it, measured by the row itself."""

    def __init__(self, widget: OptionList, row: Row) -> None:
        super().__init__(widget, row)
        self.row = row

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.row.height(self._widget.app.console, width)


class UnwrappedRow(Visual):
    """A row of one line, in a list that does not wrap: one line high, whatever the width. Textual
    finds that out by cutting the row to the width (its cells counted one by one), for every row,
    each time the list's rows are set."""

    def __init__(self, visual: Visual) -> None:
        self.visual = visual

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self.visual.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.visual.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.visual.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        if rules.get("text_wrap", "wrap") == "nowrap":
            return 1
        return self.visual.get_height(rules, width)


class MeasuredRows(OptionList):
    """An ``OptionList`` whose ``Row`` prompts count their wrapped lines without being drawn
    (``RowVisual``): the lists, and the claim pane's links (a source cited by a hundred claims has
    a hundred, measured each time they are set)."""

    def _get_visual(self, option: Option) -> Visual:
        if option._visual is None and isinstance(option.prompt, Row):
            option._visual = RowVisual(self, option.prompt)
        return super()._get_visual(option)


class EndingOptionList(OptionList):
    """An ``OptionList`` whose ``j`` / ``k`` (down, up) stop at its last and first rows, as the text
    stops at its ends, where Textual's wrap round to the other end (the row highlighted then at the
    top, the list's heading scrolled out of view)."""

    def _step(self, step: _widget_navigation.Direction) -> None:
        """To the next row that can be chosen after (``step`` 1) or before (-1) the highlighted one;
        at the last (or first), the list's end (or top) comes into view and the highlight stays."""
        found = _widget_navigation.find_next_enabled_no_wrap(self.options, self.highlighted, step)
        if found is not None:
            self.highlighted = found
        elif step > 0:
            self.scroll_end(animate=False, immediate=True)
        else:
            self.scroll_home(animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)


class SteadyOptionList(MeasuredRows, EndingOptionList):
    """An ``OptionList`` that measures its rows again when its width changes (a scrollbar comes or goes)."""

    _measured_width = -1

    def _get_visual(self, option: Option) -> Visual:
        if option._visual is None and isinstance(option.prompt, Text) and "\n" not in option.prompt.plain:
            option._visual = UnwrappedRow(visualize(self, option.prompt, markup=self._markup))
        return super()._get_visual(option)

    def _expect_scrollbar(self) -> bool:
        """Show the vertical scrollbar before measuring rows that cannot fit (one line each at least),
        so that they are measured once, at the width they are drawn at."""
        region = self.scrollable_content_region
        if self._line_cache.lines or self.show_vertical_scrollbar or self.styles.overflow_y != "auto":
            return False
        if len(self.options) <= region.height:
            return False
        self.virtual_size = Size(region.width, len(self.options))
        self._scroll_update(self.virtual_size)
        return True

    def on_resize(self, event: events.Resize) -> None:
        # ``OptionList`` forgets every row's height and drawing at each resize. They hang on the
        # width only, which ``_update_lines`` watches: a resize that keeps it (the one after the
        # list's first layout, a taller pane) keeps them.
        event.prevent_default()

    def _forget_heights(self) -> None:
        self._line_cache.clear()
        self._option_render_cache.clear()  # kept by option and style, not width
        self.refresh()

    def _update_lines(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._measured_width and self._line_cache.lines:
            self._forget_heights()
        self._measured_width = width
        if self._expect_scrollbar():
            width = self._measured_width = self.scrollable_content_region.width
        super()._update_lines()  # may show or hide the scrollbar, and so change the width
        if self.scrollable_content_region.width != width:
            self._measured_width = self.scrollable_content_region.width
            self._forget_heights()
            super()._update_lines()

    def action_first(self) -> None:
        """To the first row that can be chosen, the rows above it in view too (the list's heading, its
        first group's title)."""
        super().action_first()
        self.scroll_home(animate=False, immediate=True)

    def action_last(self) -> None:
        """To the last row that can be chosen, the rows below it in view too (the "… 4,900 more" that
        says how to reach the rest of a long list)."""
        super().action_last()
        self.scroll_end(animate=False, immediate=True)

    def action_page_down(self) -> None:
        super().action_page_down()
        if self.highlighted is None:  # the page ended below the last row that can be chosen
            OptionList.action_last(self)  # (not a subclass's ends, which may move a window)
            self.scroll_end(animate=False, immediate=True)

    def action_page_up(self) -> None:
        super().action_page_up()
        if self.highlighted is None:  # the page ended above the first row that can be chosen
            OptionList.action_first(self)
            self.scroll_home(animate=False, immediate=True)
