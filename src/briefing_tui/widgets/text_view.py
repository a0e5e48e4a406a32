"""The text pane: a document's text wrapped to the pane, drawn line by line from the model's spans.

A ``ScrollView`` on Textual's Line API: ``render_line(y)`` builds only the visible lines. The text is
wrapped paragraph by paragraph into a line index (offsets into the text) computed once per width,
lazily: the first screen is wrapped at once, the rest in small steps after the first paint.
Document strings are sanitized one line at a time (one-for-one, so offsets stay valid).
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing_tui.display import PLAIN, sanitize
from briefing_tui.widgets.looks import Looks
from briefing_tui.widgets.span_index import SpanIndex
from briefing_tui.widgets.text_lines import GUTTER, Mark, gutter_segments, wrap_paragraph

WRAP_STEP = 64 * 1024  # characters wrapped at a time after the first paint (well under 10 ms)
WRAP_SLICE = 0.008  # seconds of wrapping per turn of the event loop: keys wait at most this long
TAIL_CHARS = 64 * 1024  # characters wrapped at the end of a text still wrapping when End is pressed
# A paragraph made only of ``PLAIN`` characters (one cell wide, kept as they are by the display
# boundary) is wrapped straight from the text, without ``sanitize`` or measuring cells.


def wrap_plain(text: str, start: int, end: int, width: int, starts: list[int], ends: list[int]) -> None:
    """``wrap_paragraph`` of ``text[start:end]`` when it is all ``PLAIN``, appended to ``starts``/``ends``.

    The same breaks as ``wrap_paragraph``'s one-cell-per-character path, read off the text itself.
    """
    width = max(1, width)
    rfind, pos = text.rfind, start
    while end - pos > width:
        cut = rfind(" ", pos, pos + width + 1)
        starts.append(pos)
        if cut <= pos:
            ends.append(pos + width)
            pos += width
        else:
            ends.append(cut)
            pos = cut + 1
    starts.append(pos)
    ends.append(end)


@dataclass(slots=True)
class _Tail:
    """The last lines of a text still wrapping, numbered from an estimate (``base``) until all are wrapped."""

    start: int  # the offset of the paragraph it starts with
    base: int  # the line number of its first line
    starts: list[int]
    ends: list[int]


class TextView(ScrollView, can_focus=True):
    """The wrapped text of one document with its mentions, claims and highlight layers.

    The screen tells it what to show (``set_document``, ``set_current``, ``set_selected``,
    ``set_overlay``); it posts ``SpanClicked`` when a mention or claim is clicked.
    """

    HELP_GROUP = "Text pane"
    BINDINGS = [
        Binding("j,down", "line(1)", "Down", show=False),
        Binding("k,up", "line(-1)", "Up", show=False),
        Binding("space,pagedown", "page(1)", "Page down", show=False),
        Binding("b,pageup", "page(-1)", "Page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
        Binding("enter", "screen.go_source", "Source", show=False),
    ]

    DEFAULT_CSS = """
    TextView { background: $surface; padding: 0 1 0 0; overflow-x: hidden; }
    """

    class SpanClicked(Message):
        """A mention of the entity ``entity_id``, or else the claim ``claim_id``, was clicked."""

        def __init__(
            self, start: int, end: int, *, entity_id: str | None = None, claim_id: str | None = None
        ):
            self.start, self.end = start, end
            self.entity_id, self.claim_id = entity_id, claim_id
            super().__init__()

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = ""
        self._mentions: SpanIndex[tuple[str, str]] = SpanIndex()  # (type, entity id)
        self._claims: SpanIndex[Mark] = SpanIndex()
        self._current: tuple[int, int] | None = None
        self._current_claim: str | None = None
        self._selected: SpanIndex[None] = SpanIndex()
        self._lit_claims: frozenset[str] = frozenset()
        self._overlays: dict[str, tuple[SpanIndex[int], int | None, Style, Style]] = {}
        self._filter: Callable[[int, int], bool] | None = None
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._tail: _Tail | None = None  # the end of the text, wrapped ahead of the rest (End pressed)
        self._height = 0  # the virtual height: every line once wrapped, an estimate until then
        self._wrap_width = 0
        self._wrap_pos = 0
        self._wrap_done = True
        self._wrap_scheduled = False
        self._pending_offset: tuple[int, bool] | None = None
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._base: Style | None = None  # the pane's own style, computed once per style change
        self._looks: dict[str, Style] = {}  # the component classes' styles, once per style change

    # public API -----------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    @property
    def line_count(self) -> int:
        """Lines wrapped so far (all of them once wrapping is done)."""
        return len(self._starts)

    @property
    def wrapping_done(self) -> bool:
        return self._wrap_done

    def set_document(
        self,
        text: str,
        mentions: Iterable[tuple[int, int, str, str]],
        claims: Iterable[tuple[int, int, Mark]],
    ) -> None:
        """Show a new text.

        ``mentions`` are ``(start, end, type, entity_id)``, ``claims`` ``(start, end, Mark)``.
        """
        self._text = text
        self._mentions = SpanIndex((s, e, (t, ref)) for s, e, t, ref in mentions)
        self._claims = SpanIndex(claims)
        self._current = None
        self._current_claim = None
        self._selected = SpanIndex()
        self._lit_claims = frozenset()
        self._overlays.clear()
        self._rewrap(keep_top=False)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()  # a text with as many lines at the same scroll position changes no size

    def replace_mark(self, start: int, end: int, mark: Mark) -> bool:
        """A claim's mark changed (its rating): the lines are drawn again; False when it is not here."""
        if not self._claims.replace(start, end, lambda old: old.claim_id == mark.claim_id, mark):
            return False
        self._cache.clear()
        self.refresh()
        return True

    def set_current(self, span: tuple[int, int] | None, claim_id: str | None = None) -> None:
        """The span that stands out (the current claim or mention); ``claim_id`` marks its gutter."""
        self._current = span if span and span[0] >= 0 else None
        self._current_claim = claim_id
        self._changed()

    def set_selected(self, spans: Iterable[tuple[int, int]], lit_claims: Iterable[str] = ()) -> None:
        """Highlight every mention of the selected entity and light up the claims involving it."""
        self._selected = SpanIndex((s, e, None) for s, e in spans)
        self._lit_claims = frozenset(lit_claims)
        self._changed()

    def set_overlay(
        self,
        name: str,
        spans: list[tuple[int, int]],
        current: int | None = None,
        *,
        style: Style | None = None,
        current_style: Style | None = None,
    ) -> None:
        """Paint a highlight layer ``name`` (search matches...) over the text; set again, it is replaced.

        ``spans`` are ``(start, end)`` offsets; the one at index ``current`` is painted with
        ``current_style`` (default: the stylesheet's ``mark--match`` and ``mark--match-current``).
        """
        index = SpanIndex((s, e, i) for i, (s, e) in enumerate(spans))
        self._overlays[name] = (
            index,
            current,
            style or self._look("mark", "match"),
            current_style or self._look("mark", "match-current"),
        )
        self._changed()

    def clear_overlay(self, name: str) -> None:
        """Remove a highlight layer (nothing happens when there is none)."""
        if self._overlays.pop(name, None) is not None:
            self._changed()

    def visible_paragraph_filter(self, predicate: Callable[[int, int], bool] | None) -> None:
        """Show only the paragraphs ``(start, end)`` for which ``predicate`` is true (None: all)."""
        self._filter = predicate
        self._rewrap(keep_top=True)

    def scroll_to_offset(self, offset: int, *, center: bool = True) -> None:
        """Scroll so that the line holding ``offset`` is visible (centred by default), without animation."""
        if self.size.width == 0:
            self._pending_offset = (offset, center)
            return
        y = self.line_of(offset)
        if center:
            y -= self.scrollable_content_region.height // 2
        self.scroll_to(y=max(0, y), animate=False, immediate=True, force=True)

    def line_of(self, offset: int) -> int:
        """The wrapped line holding ``offset`` (wraps far enough to know)."""
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

    def visible_range(self) -> tuple[int, int]:
        """Text offsets of the first and last visible lines."""
        y = int(self.scroll_offset.y)
        first = self._line(y)
        if first is None:
            return 0, 0
        last = None
        for number in range(y + self.scrollable_content_region.height - 1, y - 1, -1):
            last = self._line(number)
            if last is not None:
                break
        return first[0], (last or first)[1]

    # wrapping -------------------------------------------------------------------------------

    def _text_width(self) -> int:
        return max(1, self.scrollable_content_region.width - GUTTER)

    def _rewrap(self, keep_top: bool) -> None:
        top = self.top_offset if keep_top and self._starts else 0
        self._starts, self._ends, self._tail = [], [], None
        if self.scrollable_content_region.width <= GUTTER:  # no size yet: wrap when there is one
            self._wrap_width, self._wrap_pos, self._wrap_done = 0, 0, False
            self._cache.clear()
            return
        self._wrap_pos = 0
        self._wrap_done = False
        self._wrap_width = self._text_width()
        self._cache.clear()
        height = max(self.scrollable_content_region.height, 1)
        self._wrap_until(offset=top, lines=height * 2)
        self._resize_virtual(force=True)
        if keep_top:
            self.scroll_to(y=self.line_of(top), animate=False, immediate=True, force=True)
        self._schedule_wrap()

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

    def _wrap_range(self, pos: int, limit: int, starts: list[int], ends: list[int]) -> int:
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
                    for s, e in wrap_paragraph(sanitize(text[pos:end]), pos, width):
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
            self._height = height
            self.virtual_size = Size(self.scrollable_content_region.width, height)

    def _start_tail(self) -> bool:
        """Wrap the end of the text ahead of the rest, numbered from the estimate; False if not worth it."""
        text = self._text
        window = max(TAIL_CHARS, 4 * self.scrollable_content_region.area)
        start = text.rfind("\n", self._wrap_pos, max(self._wrap_pos, len(text) - window)) + 1
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

    def _grow_tail(self, number: int) -> None:
        """Wrap backwards from the tail, a paragraph block at a time, until line ``number`` is in it."""
        tail = self._tail
        while tail is not None and self._tail is tail and number < tail.base:
            floor = self._wrap_pos
            start = self._text.rfind("\n", floor, max(floor, tail.start - 1 - WRAP_STEP)) + 1
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
            height = max(self._height, tail.base + len(tail.starts) + delta)
            self._height = height
            self.virtual_size = Size(self.scrollable_content_region.width, height)
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
            self._height = len(self._starts)
            self.virtual_size = Size(self.scrollable_content_region.width, self._height)
            self.scroll_to(y=max(0, y + delta), animate=False, immediate=True, force=True)

    def _schedule_wrap(self) -> None:
        if not self._wrap_done and not self._wrap_scheduled and self.is_mounted:
            self._wrap_scheduled = True
            self.set_timer(0.005, self._wrap_tick)

    def _wrap_tick(self) -> None:
        self._wrap_scheduled = False
        if self._wrap_done or self._wrap_width == 0:
            return
        deadline = time.perf_counter() + WRAP_SLICE
        self._wrap_chars(WRAP_STEP)
        while not self._wrap_done and time.perf_counter() < deadline:
            self._wrap_chars(WRAP_STEP)
        self._resize_virtual()
        self._schedule_wrap()

    def on_resize(self, event: events.Resize) -> None:
        if self._text_width() != self._wrap_width or not self._starts:
            self._rewrap(keep_top=bool(self._starts))
        if self._pending_offset is not None:
            offset, center = self._pending_offset
            self._pending_offset = None
            self.call_after_refresh(self.scroll_to_offset, offset, center=center)

    # drawing --------------------------------------------------------------------------------

    def _changed(self) -> None:
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        self._base = None
        self._looks.clear()
        self._cache.clear()
        super().notify_style_update()

    def _look(self, kind: str, name: str) -> Style:
        key = f"{kind}:{name}"
        style = self._looks.get(key)
        if style is None:
            looks = Looks(self)
            style = looks.entity(name) if kind == "entity" else getattr(looks, kind)(name)
            self._looks[key] = style
        return style

    def _base_style(self) -> Style:
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def render_line(self, y: int) -> Strip:
        scroll_y = int(self.scroll_offset.y)
        number = scroll_y + y
        width = self.scrollable_content_region.width
        if width > GUTTER and self._wrap_width != self._text_width():
            self._rewrap(keep_top=True)  # the width changed before a resize reached us
        line = self._line(number)
        base = self._base_style()
        if line is None:
            return Strip.blank(width, base)
        key = (number, width)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._build_line(*line, width, base)
            self._cache[key] = strip
        return strip

    def _build_line(self, start: int, end: int, width: int, base: Style) -> Strip:
        line = Text(sanitize(self._text[start:end]), style=base, end="")
        marks = self._claims.overlapping(start, max(end, start + 1))
        gutter = gutter_segments(marks, self._current_claim, start, end, base, self._look)
        lit = self._lit_claims
        for s, e, mark in self._claims.overlapping(start, end):
            if mark.claim_id in lit:
                line.stylize(self._look("mark", "lit-claim"), max(s, start) - start, min(e, end) - start)
        for s, e, (kind, _ref) in self._mentions.overlapping(start, end):
            line.stylize(self._look("entity", kind), max(s, start) - start, min(e, end) - start)
        for s, e, _ in self._selected.overlapping(start, end):
            line.stylize(self._look("mark", "selected"), max(s, start) - start, min(e, end) - start)
        for index, current, style, current_style in self._overlays.values():
            for s, e, i in index.overlapping(start, end):
                line.stylize(
                    current_style if i == current else style, max(s, start) - start, min(e, end) - start
                )
        if self._current is not None:
            s, e = self._current
            if s < end and e > start or s == e == start:
                line.stylize(self._look("mark", "current"), max(s, start) - start, min(e, end) - start)
        # every segment gets a style: the NO_COLOR filter reads each segment's colour
        rendered = line.render(self.app.console)
        segments = [*gutter, *(Segment(text, style or base) for text, style, _ in rendered)]
        return Strip(segments).adjust_cell_length(width, base)

    # mouse and keys -------------------------------------------------------------------------

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under a point of the content area, or None."""
        line = self._line(int(self.scroll_offset.y) + y)
        if line is None or x < GUTTER:
            return None
        start, end = line
        column = x - GUTTER
        cells = 0
        for i, char in enumerate(sanitize(self._text[start:end])):
            cells += get_character_cell_size(char)
            if cells > column:
                return start + i
        return None

    def on_click(self, event: events.Click) -> None:
        where = event.get_content_offset(self)
        if where is None:
            return
        offset = self.offset_at(where.x, where.y)
        if offset is None:
            return
        event.stop()
        mentions = self._mentions.at(offset)
        if mentions:
            s, e, (_kind, ref) = mentions[0]
            self.post_message(self.SpanClicked(s, e, entity_id=ref))
            return
        claims = self._claims.at(offset)
        if claims:
            s, e, mark = claims[0]
            self.post_message(self.SpanClicked(s, e, claim_id=mark.claim_id))

    def action_line(self, step: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + step, animate=False, immediate=True)

    def action_page(self, step: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        target = int(self.scroll_offset.y) + step * height
        self._line(target + height)  # wrapped up to the page after, so the scroll area reaches it
        self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        # While the text is still wrapping, its end is wrapped first and placed at the estimated
        # line; the lines take their real numbers when the rest is done, scrolled with (no jump).
        if self._tail is None and not self._start_tail():
            self._wrap_until(offset=len(self._text))
        self.scroll_to(y=self._height, animate=False, immediate=True, force=True)
