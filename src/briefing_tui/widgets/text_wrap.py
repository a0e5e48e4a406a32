"""The text pane's lines: a document's text wrapped to the pane, paragraph by paragraph, into a line
index (offsets into the text) computed once per width, lazily: the first screen is wrapped at once,
the rest in small steps after the first paint (a few milliseconds each, between keys). ``End``
pressed while it wraps, or a place nearer the end than the lines done, wraps the end first, numbered
from an estimate and renumbered without moving when the rest is done. ``TextView`` draws these lines.
"""

from __future__ import annotations

import time
from array import array
from bisect import bisect_right
from collections.abc import Callable, MutableSequence
from dataclasses import dataclass

from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from briefing_tui.display import PLAIN, kept, sanitize
from briefing_tui.model.span_list import INT
from briefing_tui.widgets.text_lines import GUTTER, wrap_paragraph, wrap_plain

WRAP_STEP = 16 * 1024  # characters wrapped at a time: 0.2 ms of plain text, 2 ms of Chinese, 3-4 ms sanitized
WRAP_SLICE = 0.012
"""Seconds of wrapping per turn of the event loop: a key waits about this long. Each turn costs some
3 ms besides (a timer, the virtual size set again): with 4 ms, the 10 MB bench briefing's text took 50
turns and came to rest some 0.6 s after its panes were filled, for 0.38 s of work; with 12 ms (and
``text_pane.INDEX_SLICE`` too), 0.47–0.58 s (medians of 16 runs, 0.68–0.73 s with 4 ms)."""
LOADING_SLICE = 0.004
"""``WRAP_SLICE`` of a text shown while more work goes on (the preview, while its file loads in a
thread that shares the interpreter; the first look, while the reader's screen is built): that work
and the keys pressed meanwhile come first."""
WRAP_PAUSE = 0.001
"""Seconds between two slices: the event loop's turn, where a key is read and answered. Not 0 (Textual's
timer divides by its interval). With 5 ms, the 10 MB bench briefing came to rest a median 558 ms after
its panes were filled; with 1 ms (and ``text_pane.INDEX_PAUSE`` too), 463 ms (8 pairs of runs)."""
TAIL_CHARS = 16 * 1024  # characters wrapped at the end of a text still wrapping when End is pressed
# A paragraph made only of ``PLAIN`` characters (one cell wide, kept as they are by the display
# boundary) is wrapped straight from the text, without ``sanitize`` or measuring cells; one made only
# of ``kept()`` characters (Chinese, Japanese... kept as they are too) is measured but not sanitized.


@dataclass(slots=True)
class _Tail:
    """The last lines of a text still wrapping, numbered from an estimate (``base``) until all are wrapped."""

    start: int  # the offset of the paragraph it starts with
    base: int  # the line number of its first line
    starts: list[int]
    ends: list[int]


class WrappedText(ScrollView, can_focus=True):
    """A focusable scroll view over a text wrapped to its width (the line index of ``TextView``): ``_line(n)``
    is the ``(start, end)`` of line ``n``, wrapping what it takes; ``line_of(offset)`` the reverse."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.wrap_slice = WRAP_SLICE
        """Seconds of wrapping per turn of the event loop (``LOADING_SLICE`` on a screen shown while more
        work goes on: the preview, the first look)."""
        self._text = ""
        self._filter: Callable[[int, int], bool] | None = None
        # the lines' offsets, in arrays of 32-bit integers (a 10 MB text has some 150,000 lines)
        self._starts: array[int] = array(INT)
        self._ends: array[int] = array(INT)
        self._tail: _Tail | None = None  # the end of the text, wrapped ahead of the rest (End pressed)
        self._height = 0  # the virtual height: every line once wrapped, an estimate until then
        self._wrap_width = 0
        self._wrap_pos = 0
        self._wrap_done = True
        self._wrap_scheduled = False
        self._drawn = False  # whether a frame was drawn since the text was last wrapped anew
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(1024)  # the lines drawn
        # (offset, y, centred): the reader's place at that y, the top line's or a place gone to
        self._kept_place: tuple[int, int, bool] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        # The screen can be drawn at a new width before the Resize event reaches the widget: the
        # text is wrapped again before any line of the frame is drawn. Wrapped from ``render_line``,
        # the first line came from the old scroll offset, and the lines that the new offset marked
        # for drawing again were marked clean once the frame was done (a line twice until a key).
        if self.scrollable_content_region.width > GUTTER and self._wrap_width != self._text_width():
            self._rewrap(keep_top=True)
        self._drawn = True
        y = int(self.scroll_offset.y)
        if self._kept_place is None or self._kept_place[1] != y:
            self._kept_place = (self.top_offset, y, False)
        return super().render_lines(crop)

    def _reader_place(self) -> tuple[int, bool]:
        """Where the reader is: the offset last drawn at the top, or the place last scrolled to
        (``scroll_to_place``; True: centred), unless scrolled since.

        A resize that leaves fewer lines than the scroll offset pulls the offset back before the
        text is wrapped again, and a wider pane holds it short of the top it kept: a resize back
        finds the reader's place again, and a place gone to meanwhile (where the whole text showed,
        nothing scrolled) is found there.
        """
        kept, y = self._kept_place, int(self.scroll_offset.y)
        if kept is not None and (kept[1] == y or self.max_scroll_y <= y < kept[1]):
            return kept[0], kept[2]
        return self.top_offset, False

    # wrapping -------------------------------------------------------------------------------

    def line_of(self, offset: int) -> int:
        """The wrapped line holding ``offset``, wrapped from the nearer of the lines done and the end's.

        While the text wraps, an offset far ahead and nearer the end (a claim or a match there) is
        reached as ``End`` is: the end is wrapped back to its paragraph, numbered from the estimate.
        """
        ahead = offset - self._wrap_pos
        if not self._wrap_done and ahead > TAIL_CHARS:
            tail = self._tail
            if tail is None and len(self._text) - offset < ahead:
                self._start_tail(offset)
            elif tail is not None and tail.start - ahead < offset < tail.start:
                self._grow_tail(offset=offset)
        tail = self._tail
        if tail is not None and offset >= tail.start:
            return tail.base + max(0, bisect_right(tail.starts, offset) - 1)
        self._wrap_until(offset=offset)
        return max(0, bisect_right(self._starts, offset) - 1)

    @property
    def top_offset(self) -> int:
        """The text offset at the top of the pane."""
        line = self._line(int(self.scroll_offset.y))
        return line[0] if line else 0

    def _text_width(self) -> int:
        return max(1, self.scrollable_content_region.width - GUTTER)

    def _rewrap(self, keep_top: bool) -> None:
        place = self._reader_place() if keep_top and self._starts else (0, False)
        self._kept_place = None
        self._drawn = False
        self._starts, self._ends, self._tail = array(INT), array(INT), None
        if self.scrollable_content_region.width <= GUTTER:  # no size yet: wrap when there is one
            self._wrap_width, self._wrap_pos, self._wrap_done = 0, 0, False
            self._cache.clear()
            return
        self._wrap_pos = 0
        self._wrap_done = False
        self._wrap_width = self._text_width()
        self._cache.clear()
        height = max(self.scrollable_content_region.height, 1)
        self._wrap_until(lines=height * 2)  # and up to the top kept, or its end, by ``line_of``
        self._resize_virtual(force=True)
        if keep_top:
            self.scroll_to_place(*place)
        self._schedule_wrap()

    def scroll_to_place(self, offset: int, center: bool) -> None:
        """Scroll the line holding ``offset`` to the top, or the middle (``center``), without animation;
        a rewrap (a resize, a filter) brings it back the same way."""
        y = self.line_of(offset) - (self.scrollable_content_region.height // 2 if center else 0)
        self.scroll_to(y=max(0, y), animate=False, immediate=True, force=True)
        self._kept_place = (offset, int(self.scroll_offset.y), center)

    def _line(self, number: int) -> tuple[int, int] | None:
        """The ``(start, end)`` of line ``number``, wrapping what it takes; None past the last line."""
        if number < 0:
            return None
        while number >= len(self._starts):
            tail = self._tail
            if tail is not None and number >= tail.base:
                i = number - tail.base
                return (tail.starts[i], tail.ends[i]) if i < len(tail.starts) else None
            if self._wrap_done or self._wrap_width == 0:
                return None
            if tail is not None and number - len(self._starts) > tail.base - number:
                self._grow_tail(number)  # nearer the end: wrap backwards from the end's lines
            else:
                self._wrap_until(lines=number + 1)
        return self._starts[number], self._ends[number]

    def _wrap_until(self, *, offset: int = 0, lines: int = 0) -> None:
        """Wrap paragraphs until ``offset`` is passed and at least ``lines`` lines exist."""
        if self._wrap_done or self._wrap_width == 0:
            return
        while not self._wrap_done and (self._wrap_pos <= offset or len(self._starts) < lines):
            self._wrap_chars(max(WRAP_STEP, offset - self._wrap_pos + 1))

    def _wrap_chars(self, budget: int) -> None:
        tail = self._tail
        stop = tail.start if tail is not None else len(self._text) + 1
        pos = self._wrap_pos
        self._wrap_pos = self._wrap_range(pos, min(pos + budget, stop), self._starts, self._ends)
        if self._wrap_pos >= stop:
            if tail is not None:
                self._join_tail(tail)
            self._wrap_done = True
            self._resize_virtual(force=True)

    def _wrap_range(
        self, pos: int, limit: int, starts: MutableSequence[int], ends: MutableSequence[int]
    ) -> int:
        """Wrap the paragraphs starting in ``[pos, limit)`` onto ``starts``/``ends``: the next start."""
        text, width, keep = self._text, self._wrap_width, self._filter
        n = len(text)
        find, plain = text.find, PLAIN.fullmatch
        while pos < limit:
            nl = find("\n", pos)
            end = n if nl < 0 else nl
            if keep is None or keep(pos, end):
                if plain(text, pos, end):
                    wrap_plain(text, pos, end, width, starts, ends)
                else:
                    paragraph = text[pos:end] if kept().fullmatch(text, pos, end) else sanitize(text[pos:end])
                    for s, e in wrap_paragraph(paragraph, pos, width):
                        starts.append(s)
                        ends.append(e)
            if nl < 0:
                return n + 1
            pos = nl + 1
        return pos

    def _estimate(self) -> int:
        """The number of lines the whole text will have, from the lines per character so far."""
        done, pos = len(self._starts), self._wrap_pos
        if self._wrap_done:
            return done
        left = len(self._text) + 1 - pos
        return done + (left * done + pos - 1) // max(1, pos)

    def _resize_virtual(self, *, force: bool = False) -> None:
        """Give the scroll area its height: exact once wrapped, an estimate until then.

        Each change lays the screen out again: while wrapping, only a change of over 2 % is applied.
        """
        if self._wrap_done:
            height = len(self._starts)
        elif self._tail is not None:
            height = self._tail.base + len(self._tail.starts)
        else:
            height = self._estimate()
        if force or abs(height - self._height) * 50 > self._height:
            self._set_height(height)

    def _set_height(self, height: int) -> None:
        """Give the scroll area ``height`` lines.

        While the scrollbar shows before and after, the pane keeps its size on screen: only the
        scrollbar is drawn again, and the screen is not laid out again (as a change of
        ``virtual_size`` otherwise does, which costs a frame of every pane).
        """
        self._height = height
        size = Size(self.scrollable_content_region.width, height)
        if size == self.virtual_size:
            return
        shown = self.scrollable_content_region.height
        if self.show_vertical_scrollbar and self.virtual_size.height > shown and height > shown:
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)
        else:
            self.virtual_size = size

    def _start_tail(self, offset: int | None = None) -> bool:
        """Wrap the end of the text ahead of the rest, numbered from the estimate, from the paragraph
        holding ``offset`` or before; False if not worth it."""
        text = self._text
        window = max(TAIL_CHARS, 4 * self.scrollable_content_region.area)
        limit = len(text) - window if offset is None else min(offset, len(text) - window)
        start = text.rfind("\n", self._wrap_pos, max(self._wrap_pos, limit)) + 1
        if start <= self._wrap_pos or self._wrap_done or self._wrap_width == 0:
            return False  # little is left, a long last paragraph (as quick to wrap on), or no size yet
        starts: list[int] = []
        ends: list[int] = []
        self._wrap_range(start, len(text) + 1, starts, ends)
        done = len(self._starts)
        gap = ((start - self._wrap_pos) * done + self._wrap_pos - 1) // max(1, self._wrap_pos)
        self._tail = _Tail(start, done + gap, starts, ends)
        self._resize_virtual(force=True)
        return True

    def _grow_tail(self, number: int | None = None, *, offset: int | None = None) -> None:
        """Wrap backwards from the tail until line ``number`` is in it (a block of paragraphs at a
        time), or the paragraph holding ``offset`` (in one block)."""
        tail = self._tail
        while (
            tail is not None
            and self._tail is tail
            and (number < tail.base if number is not None else offset is not None and offset < tail.start)
        ):
            floor = self._wrap_pos
            limit = tail.start - 1 - 4 * WRAP_STEP if offset is None else min(offset, tail.start - 1)
            start = self._text.rfind("\n", floor, max(floor, limit)) + 1
            if start <= floor:
                self._wrap_until(offset=tail.start)  # what is left joins head and tail
                return
            starts: list[int] = []
            ends: list[int] = []
            self._wrap_range(start, tail.start, starts, ends)
            base = max(len(self._starts) + 1, tail.base - len(starts))
            self._shift_tail(tail, base - (tail.base - len(starts)))
            tail.start, tail.base = start, base
            tail.starts[:0], tail.ends[:0] = starts, ends

    def _shift_tail(self, tail: _Tail, delta: int) -> None:
        """Renumber the tail's lines by ``delta``; if they are on screen, scroll with them (nothing moves)."""
        if not delta:
            return
        y = int(self.scroll_offset.y)
        if y >= tail.base:
            self._set_height(max(self._height, tail.base + len(tail.starts) + delta))
            self.scroll_to(y=y + delta, animate=False, immediate=True, force=True)
        self._cache.clear()

    def _join_tail(self, tail: _Tail) -> None:
        """The rest is wrapped up to the tail: its lines take their real numbers."""
        delta = len(self._starts) - tail.base
        y = int(self.scroll_offset.y)
        self._starts.extend(tail.starts)
        self._ends.extend(tail.ends)
        self._tail = None
        self._cache.clear()
        if delta and y >= len(self._starts) - len(tail.starts) - delta:
            self._set_height(len(self._starts))
            self.scroll_to(y=max(0, y + delta), animate=False, immediate=True, force=True)

    def _schedule_wrap(self) -> None:
        if not self._wrap_done and not self._wrap_scheduled and self.is_mounted:
            self._wrap_scheduled = True
            self.set_timer(WRAP_PAUSE, self._wrap_tick)

    def _wrap_tick(self) -> None:
        self._wrap_scheduled = False
        if self._wrap_done or self._wrap_width == 0:
            return
        # the first frame of a text wrapped anew comes first: short slices until it is drawn
        deadline = time.perf_counter() + (
            self.wrap_slice if self._drawn else min(self.wrap_slice, LOADING_SLICE)
        )
        self._wrap_chars(WRAP_STEP)
        while not self._wrap_done and time.perf_counter() < deadline:
            self._wrap_chars(WRAP_STEP)
        self._resize_virtual()
        self._schedule_wrap()
