"""The list of search hits across documents: one line per hit, drawn only where visible (Line API).

Each line shows the document, the line and column of the hit and its context, the match in bold
reverse. Thousands of hits cost nothing until they scroll into view: the context of a hit is built
when its line is drawn.
"""

from __future__ import annotations

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

from briefing_tui.display import sanitize
from briefing_tui.search.corpus import Hit
from briefing_tui.widgets.looks import Looks


class HitList(ScrollView, can_focus=True):
    """Hits, a cursor on one of them; enter or a click posts ``Chosen``."""

    HELP_GROUP = "Search results"
    BINDINGS = [
        Binding("enter", "choose", "Open"),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup,b", "page(-1)", "Page up", show=False),
        Binding("home,g", "edge(-1)", "First", show=False),
        Binding("end,G", "edge(1)", "Last", show=False),
    ]
    DEFAULT_CSS = "HitList { background: $surface; }"

    class Chosen(Message):
        def __init__(self, hit: Hit) -> None:
            self.hit = hit
            super().__init__()

    class LeftTop(Message):
        """Up on the first hit: the query line may take the keys back."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hits: list[Hit] = []
        self.cursor = 0
        self._doc_width = 8
        self._where_width = 9  # "line:column" and a space after it
        self._cache: LRUCache[tuple[int, int, bool], Strip] = LRUCache(512)

    def set_hits(self, hits: list[Hit]) -> None:
        """Show ``hits`` (the cursor goes back to the first)."""
        self.hits = hits
        self.cursor = 0
        ids = {hit.document.id for hit in hits[:2000]}
        self._doc_width = min(24, max((len(i) for i in ids), default=8))
        where = max((len(f"{hit.line}:{hit.column}") for hit in hits), default=0)
        self._where_width = max(9, where + 1)  # every row's text starts in one column, after a space
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(hits))
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    @property
    def current(self) -> Hit | None:
        return self.hits[self.cursor] if 0 <= self.cursor < len(self.hits) else None

    def line_text(self, number: int, width: int = 120) -> Text:
        """The line of hit ``number`` as styled text fitting ``width`` cells (document strings sanitized).

        The context is shared out so that the match sits in the middle of what is left.
        """
        hit = self.hits[number]
        room = width - self._doc_width - 1 - self._where_width - min(hit.end - hit.start, width // 2)
        before, match, after = hit.context(max(4, room // 2))
        doc = sanitize(hit.document.id)
        if len(doc) > self._doc_width:
            doc = doc[: self._doc_width - 1] + "…"
        looks = Looks(self)
        return Text.assemble(
            (doc.ljust(self._doc_width), looks.mark("document")),
            " ",
            (f"{hit.line}:{hit.column}".ljust(self._where_width), looks.mark("where")),
            sanitize(before),
            (sanitize(match), looks.mark("match-current")),
            sanitize(after),
            no_wrap=True,
            overflow="ellipsis",
            end="",
        )

    def render_line(self, y: int) -> Strip:
        number = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if number >= len(self.hits):
            return Strip.blank(width, base)
        selected = number == self.cursor
        cursor = Looks(self).mark("cursor")
        key = (number, width, selected)
        strip = self._cache.get(key)
        if strip is None:
            text = self.line_text(number, width)
            text.truncate(width, overflow="ellipsis")
            if selected:
                text.stylize(cursor + Style(bold=self.has_focus))
            segments = [
                Segment(s.text, base + s.style if s.style else base) for s in text.render(self.app.console)
            ]
            strip = Strip(segments).adjust_cell_length(width, base + (cursor if selected else Style()))
            self._cache[key] = strip
        return strip

    def _move_to(self, number: int) -> None:
        if not self.hits:
            return
        self.cursor = max(0, min(len(self.hits) - 1, number))
        self._cache.clear()
        height = self.scrollable_content_region.height
        top = int(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)
        self.refresh()

    def action_move(self, step: int) -> None:
        if step < 0 and self.cursor == 0:
            self.post_message(self.LeftTop())
            return
        self._move_to(self.cursor + step)

    def action_page(self, step: int) -> None:
        self._move_to(self.cursor + step * max(1, self.scrollable_content_region.height - 1))

    def action_edge(self, step: int) -> None:
        self._move_to(0 if step < 0 else len(self.hits) - 1)

    def action_choose(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self.current))

    def on_click(self, event: events.Click) -> None:
        where = event.get_content_offset(self)
        if where is None:
            return
        number = int(self.scroll_offset.y) + where.y
        if number < len(self.hits):
            event.stop()
            self._move_to(number)
            self.action_choose()

    def on_focus(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._cache.clear()
        self.refresh()
