"""The text pane: a document's text wrapped to the pane, drawn line by line from the model's spans.

A ``ScrollView`` on Textual's Line API: ``render_line(y)`` builds only the visible lines. The text is
wrapped by its base, ``WrappedText`` (``widgets/text_wrap.py``): a line index computed once per
width, lazily.
Document strings are sanitized one line at a time (one-for-one, so offsets stay valid).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip

from briefing_tui.display import sanitize
from briefing_tui.model.types import Claim
from briefing_tui.widgets.looks import Looks
from briefing_tui.widgets.span_index import SpanIndex
from briefing_tui.widgets.text_lines import GUTTER, gutter_segments
from briefing_tui.widgets.text_wrap import WrappedText


class TextView(WrappedText):
    """The wrapped text of one document with its mentions, claims and highlight layers.

    The screen tells it what to show (``set_document``, ``set_current``, ``set_selected``,
    ``set_overlay``); it posts ``SpanClicked`` when a mention or claim is clicked.
    """

    HELP_GROUP = "Text pane"
    # The moves are priority bindings: the app runs them as soon as it reads the key, rather than
    # once the key has passed through the queue of every pane above this one, which can be busy
    # (while the reader is still filling its lists, for instance). Only the focused chain's
    # priority bindings are read, so they act only while the text has the focus, as before.
    BINDINGS = [
        Binding("j,down", "line(1)", "Down", show=False, priority=True),
        Binding("k,up", "line(-1)", "Up", show=False, priority=True),
        Binding("space,pagedown", "page(1)", "Page down", show=False, priority=True),
        Binding("b,pageup", "page(-1)", "Page up", show=False, priority=True),
        Binding("g,home", "top", "Top", show=False, priority=True),
        Binding("G,end", "bottom", "Bottom", show=False, priority=True),
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
        self._mentions: SpanIndex[tuple[str, str]] = SpanIndex()  # (type, entity id)
        self._claims: SpanIndex[Claim] = SpanIndex()
        self._current: tuple[int, int] | None = None
        self._current_claim: str | None = None
        self._selected: SpanIndex[None] = SpanIndex()
        self._lit_claims: frozenset[str] = frozenset()
        self._overlays: dict[str, tuple[SpanIndex[int], int | None, Style, Style]] = {}
        self._pending_offset: tuple[int, bool] | None = None
        self._pending_end = False  # the text's end, to show once laid out (``scroll_to_end``)
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
        claims: Iterable[tuple[int, int, Claim]],
    ) -> None:
        """Show a new text.

        ``mentions`` are ``(start, end, type, entity_id)``, ``claims`` ``(start, end, claim)``.
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

    @property
    def marks(self) -> tuple[SpanIndex[tuple[str, str]], SpanIndex[Claim]]:
        """The indexes of the mentions and of the claims' marks shown."""
        return self._mentions, self._claims

    def set_marks(self, mentions: SpanIndex[tuple[str, str]], claims: SpanIndex[Claim]) -> None:
        """The mentions and claims of the text shown, indexed elsewhere (a large text's, in a worker)."""
        self._mentions, self._claims = mentions, claims
        self._changed()

    def replace_mark(self, start: int, end: int, claim: Claim) -> bool:
        """A claim's mark changed (its rating): the lines are drawn again; False when it is not here."""
        if not self._claims.replace(start, end, lambda old: old.id == claim.id, claim):
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
            self._pending_offset, self._pending_end = (offset, center), False
            return
        self.scroll_to_place(offset, center)

    def scroll_to_end(self) -> None:
        """Show the text's end as ``G`` does, once the view is laid out if it is not yet."""
        if self.size.width == 0:
            self._pending_offset, self._pending_end = None, True
            return
        self.action_bottom()

    def percent(self) -> int:
        """How far down the text the reader is, in percent. A hidden view (another pane in front of a
        narrow terminal) is not laid out: it scrolls to the place it was sent to once shown again
        (``scroll_to_offset``), and this says where that place will be, not where it was left."""
        height, top = self.container_size.height, self.max_scroll_y  # both kept while it is hidden
        if top <= 0:  # the whole text shows (or the pane has no size yet: the top)
            return 100 if height and self.virtual_size.height else 0
        y = self.scroll_offset.y
        if self._pending_end:
            y = top
        elif self._pending_offset is not None and height:
            offset, center = self._pending_offset
            y = self.line_of(offset) - (height // 2 if center else 0)
        return round(100 * max(0, min(y, top)) / top)

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

    def on_resize(self, event: events.Resize) -> None:
        if self._text_width() != self._wrap_width or not self._starts:
            self._rewrap(keep_top=bool(self._starts))
        elif (place := self._reader_place())[1]:  # a place gone to, centred: again in the new height
            self.scroll_to_place(*place)  # (the search bar opened or closed, the terminal resized)
        if self._pending_offset is not None:
            offset, center = self._pending_offset
            self._pending_offset = None
            self.call_after_refresh(self.scroll_to_offset, offset, center=center)
        if self._pending_end:
            self._pending_end = False
            self.call_after_refresh(self.action_bottom)

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
        number = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        line = self._line(number)
        base = self._base_style()
        if line is None:
            return Strip.blank(width, base)
        key = (number, width)
        strip = self._cache.get(key)
        if strip is None:
            start, end = line
            strip = self._build_line(start, end, width, base)
            self._cache[key] = strip
        return strip

    def _build_line(self, start: int, end: int, width: int, base: Style) -> Strip:
        line = Text(sanitize(self._text[start:end]), style=base, end="")
        marks = self._claims.overlapping(start, max(end, start + 1))
        gutter = gutter_segments(marks, self._current_claim, start, end, base, self._look)
        lit = self._lit_claims
        for s, e, claim in self._claims.overlapping(start, end):
            if claim.id in lit:
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
            s, e, claim = claims[0]
            self.post_message(self.SpanClicked(s, e, claim_id=claim.id))

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
