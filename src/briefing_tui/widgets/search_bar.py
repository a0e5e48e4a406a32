"""The incremental search bar of the text pane: a query line, its toggles, the counter and messages.

The bar only edits the query; it posts ``Changed`` on each edit or toggle (coalesced), ``Submitted``
on enter and ``Closed`` on escape. The screen runs the search and tells the bar what to show
(``show_count``, ``show_message``). Nothing here is parsed as markup: the status line is a ``Text``.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static

from briefing_tui.display import sanitize
from briefing_tui.search.query import Query
from briefing_tui.widgets.safe_input import SafeInput

HISTORY_SIZE = 100
TOGGLES = (("exact", "^T", "exact"), ("word", "^G", "word"), ("regex", "^R", "regex"))


class SearchInput(SafeInput):
    """The query line. Up/down walk the history; ctrl+t / ctrl+g / ctrl+r toggle exact / word / regex."""

    HELP_GROUP = "Search bar"
    BINDINGS = [
        # Input's editing keys, unchanged but without descriptions: the help lists the bar's own keys
        *(
            Binding(b.key, b.action, "", show=False, priority=b.priority)
            for cls in reversed(Input.__mro__)
            for b in cls.__dict__.get("BINDINGS", [])
            if isinstance(b, Binding) and b.key != "enter"
        ),
        Binding("enter", "submit", "Keep search", key_display="⏎"),
        Binding("escape", "close", "Close search"),
        Binding("up", "history(-1)", "Earlier query", show=False),
        Binding("down", "history(1)", "Later query", show=False),
        Binding("ctrl+t", "toggle_flag('exact')", "Exact", key_display="^T"),
        Binding("ctrl+g", "toggle_flag('word')", "Whole word", key_display="^G"),
        Binding("ctrl+r", "toggle_flag('regex')", "Regex", key_display="^R"),
    ]

    async def action_submit(self) -> None:
        await super().action_submit()
        self.app.set_focus(None)  # keys typed right after enter act on the text, not on the query

    async def _on_key(self, event: events.Key) -> None:
        focused = self.screen.focused is self  # has_focus follows only once the Blur arrives
        if focused and await self._act_on(event.key):
            # The input's own keys (enter, backspace, the arrows, the toggles...) act here, in the
            # order typed, not once they have bubbled up to the app's bindings: an edit typed right
            # before enter is made before the query is kept, and the keys behind enter, already
            # queued here, find the focus gone.
            event.stop()
            event.prevent_default()
            return
        if not focused and event.is_printable:
            # already on its way here when enter took the focus away: hand it back to the app
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        await super()._on_key(event)

    async def _act_on(self, key: str) -> bool:
        """Run this input's own binding of ``key``, if it has one that acts now; whether one did."""
        for binding in self._bindings.key_to_bindings.get(key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                return True
        return False

    def action_close(self) -> None:
        bar = self.parent
        if isinstance(bar, SearchBar):
            bar.close()

    def action_history(self, step: int) -> None:
        bar = self.parent
        if isinstance(bar, SearchBar):
            bar.history_step(step)

    def action_toggle_flag(self, flag: str) -> None:
        bar = self.parent
        if isinstance(bar, SearchBar):
            bar.toggle(flag)


class SearchBar(Horizontal):
    """``/`` in the text pane: ``open``, ``close``, ``current_query``, ``show_count``, ``show_message``."""

    DEFAULT_CSS = """
    SearchBar { height: 1; dock: bottom; display: none; background: $panel; }
    SearchBar.-open { display: block; }
    SearchBar > Static.prompt { width: 2; color: $accent; text-style: bold; }
    SearchBar > SearchInput { width: 1fr; height: 1; border: none; padding: 0; background: $panel; }
    SearchBar > SearchInput:focus { border: none; background-tint: $foreground 0%; }
    SearchBar > #search-status { width: 50%; height: 1; padding: 0 0 0 1; }
    """

    class Changed(Message):
        """The query or a toggle changed (frequent: the latest replaces a pending one)."""

        def __init__(self, query: Query) -> None:
            self.query = query
            super().__init__()

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, SearchBar.Changed)

    class Submitted(Message):
        """Enter: keep the matches, give the keys back to the text."""

        def __init__(self, query: Query) -> None:
            self.query = query
            super().__init__()

    class Closed(Message):
        """Escape: the search is over; its highlights go."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.flags: dict[str, bool] = {"exact": False, "word": False, "regex": False}
        self.history: list[str] = []
        self._history_pos: int | None = None
        self._count = ""
        self._message = ""
        self._message_error = False
        self._filter = False
        # made here, not in ``compose``: the bar answers as soon as it is made, mounted or not yet
        self._input = SearchInput(placeholder="search the text", id="search-input")
        self._status_line = Static("", id="search-status")

    def compose(self) -> ComposeResult:
        yield Static("/", classes="prompt")
        yield self._input
        yield self._status_line

    # public API -------------------------------------------------------------------------------

    @property
    def input(self) -> SearchInput:
        return self._input

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    @property
    def current_query(self) -> Query:
        return Query(self.input.value, **self.flags)

    def open(self, text: str | None = None) -> None:
        """Show the bar and give it the keys; ``text`` replaces the query when given.

        Opening a closed bar starts a new, empty query (up brings the last one back); opening it
        while its matches are shown edits the query.
        """
        was_open = self.is_open
        self.add_class("-open")
        self._history_pos = None
        if text is None and not was_open:
            text = ""
        if text is not None and text != self.input.value:
            self.input.value = text
        # At once, not once the keys already read have passed (what ``focus()`` waits for): what is
        # typed right after / goes into the query (``TextPane``'s / is run as the app reads the key).
        self.screen.set_focus(self.input)
        self.input.action_end()
        self._render_status()

    def close(self) -> None:
        """Hide the bar and tell the screen (escape)."""
        self.remember(self.input.value)
        self.remove_class("-open")
        self.post_message(self.Closed())

    def remember(self, text: str) -> None:
        """Put ``text`` at the end of the history (once)."""
        if not text:
            return
        if text in self.history:
            self.history.remove(text)
        self.history.append(text)
        del self.history[:-HISTORY_SIZE]
        self._history_pos = None

    def history_step(self, step: int) -> None:
        """Up (-1) brings back earlier queries, down (+1) later ones, then an empty line."""
        if not self.history:
            return
        pos = len(self.history) if self._history_pos is None else self._history_pos
        pos = max(0, min(len(self.history), pos + step))
        self._history_pos = pos
        self.input.value = self.history[pos] if pos < len(self.history) else ""
        self.input.action_end()

    def toggle(self, flag: str) -> None:
        self.flags[flag] = not self.flags[flag]
        self._render_status()
        self.post_message(self.Changed(self.current_query))

    def show_count(self, current: int | None, total: int, *, capped: bool = False) -> None:
        """The counter: ``3/14``, ``0/14`` before the first step, ``no match`` or ``14+``."""
        more = "+" if capped else ""
        if not self.input.value:
            self._count = ""
        elif total == 0:
            self._count = "no match"
        else:
            self._count = f"{0 if current is None else current + 1:,}/{total:,}{more}"
        self._message, self._message_error = "", False
        self._render_status()

    def show_message(self, message: str, *, error: bool = False) -> None:
        """A notice (``search wrapped``) or an error (a bad regular expression) in the bar."""
        self._message, self._message_error = message, error
        if error:
            self._count = ""
        self._render_status()

    def set_filter(self, on: bool) -> None:
        self._filter = on
        self._message, self._message_error = "", False
        self._render_status()

    @property
    def count(self) -> str:
        """The counter as shown: ``3/14``, ``no match``, or empty."""
        return self._count

    @property
    def status_text(self) -> str:
        """What the status part of the bar says (for tests)."""
        return self._status().plain

    # internals --------------------------------------------------------------------------------

    def _status(self) -> Text:
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        if self._message:
            text.append(sanitize(self._message), "bold red" if self._message_error else "bold yellow")
            text.append("  ")
        if self._count:
            text.append(self._count, "bold")
            text.append("  ")
        if self._filter:
            text.append("& filter ", "reverse bold")
            text.append(" ")
        crowded = bool(self._message or self._filter)  # the toggles off leave room (the footer has them)
        for flag, key, label in TOGGLES:
            on = self.flags[flag]
            if on or not crowded:
                text.append(f"{key} {label}", "reverse bold" if on else "dim")
                text.append(" ")
        if self.current_query.keep_case:
            text.append("Aa", "bold")
        return text

    def _render_status(self) -> None:
        # a fixed-size status line: no layout pass on each keystroke (said before the bar is
        # mounted too: it shows what it was told once it is)
        self._status_line.update(self._status(), layout=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._render_status()
        self.post_message(self.Changed(self.current_query))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.remember(event.value)
        self.post_message(self.Submitted(self.current_query))
