"""Search in the text pane (``TextPane.search``): incremental search, ``n``/``N``, the filter ``&``.

It runs in an exclusive thread worker that the next keystroke cancels (checked between chunks),
paints the matches as the text view's ``search`` overlay and steps through them, each step a
``JumpRequested``. The screen's keys call its public methods."""

from __future__ import annotations

from bisect import bisect_left
from functools import partial
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from briefing_tui.model.places import SearchPlace
from briefing_tui.widgets.from_thread import call_back
from briefing_tui.widgets.messages import FocusRequested, JumpRequested
from briefing_tui.widgets.search_state import SearchState

if TYPE_CHECKING:
    from textual.widget import Widget

    from briefing_tui.search.match import Matcher
    from briefing_tui.search.query import Query
    from briefing_tui.widgets.search_bar import SearchBar
    from briefing_tui.widgets.text_pane import TextPane
    from briefing_tui.widgets.text_view import TextView

OVERLAY = "search"
LIMIT = 100_000  # matches painted in one document; the counter says "100000+" beyond
REGEX_TIMEOUT = 2.0  # seconds; the worker runs it with the interpreter released
WINDOW = 100_000  # characters each side of the view whose matches are painted
PREVIEW = 64_000  # in documents longer than this, the matches around the view are painted at once


class TextSearch:
    """The text pane's search (see the module's docstring)."""

    def __init__(self, pane: TextPane) -> None:
        self.pane = pane
        self.state = SearchState()
        self.came_from: Widget | None = None
        """What had the focus when a search key was pressed: escape in the bar gives it back."""

    @property
    def text_view(self) -> TextView:
        return self.pane.view

    @property
    def search_bar(self) -> SearchBar:
        return self.pane.bar

    @property
    def matches(self) -> list[tuple[int, int]]:  # the matches painted in the text
        return self.state.matches

    @property
    def index(self) -> int | None:
        return self.state.index

    # the keys ----------------------------------------------------------------------------------

    def open(self) -> None:
        """``/``: open the search bar; the search starts from the top of the pane."""
        state = self.state
        view = self.text_view
        start, end = view.visible_range()
        current = state.matches[state.index][0] if state.index is not None else -1
        state.anchor = current if start <= current <= end else view.top_offset
        self.search_bar.open()

    @property
    def has_search(self) -> bool:
        """Whether there is a search for ``n`` / ``N`` to step through (run, running or typed)."""
        bar = self.pane.bar_made  # not made for the question: nothing typed if it was not
        typed = bar is not None and bool(bar.current_query.text)
        return self.state.query is not None or self.state.busy or typed

    def next(self, step: int) -> None:
        """``n`` / ``N``: the next or previous match, wrapping with a notice; each step is a jump."""
        state = self.state
        bar = self.search_bar
        typed = bar.current_query
        if not state.busy and typed.text and typed != state.query and not state.matches:
            self._search_start(typed, move=True)  # n right behind the query: search it first
        if state.busy:  # typed before the results came: taken when they come
            state.pending_steps.append(step)
            return
        if not state.matches:
            if state.query is not None:  # with no search at all the key is refused (``has_search``)
                self.pane.app.bell()
                bar.show_count(None, 0)  # says "no match"
            return
        n = len(state.matches)
        wrapped = ""
        if state.index is None:  # from the place last jumped to while it is in view, else the top
            start, end = self.text_view.visible_range()
            at = state.place[0] if state.place is not None and start <= state.place[0] <= end else -1
            index = state.step_from(at if at >= 0 else self.text_view.top_offset, step)
        else:
            index = state.index + step
            if index >= n:
                wrapped = "search wrapped to the top"
            elif index < 0:
                wrapped = "search wrapped to the bottom"
            index %= n
        self._search_set_current(index)
        start, end = state.matches[index]
        self.pane.post_message(JumpRequested(SearchPlace(self.pane.doc_id, start, end)))
        if not bar.is_open:
            bar.add_class("-open")
        bar.show_count(index, n, capped=state.capped)
        if wrapped:
            bar.show_message(wrapped)  # in the bar, where the eyes are: a toast would cover it

    def follow(self, span: tuple[int, int] | None, offset: int) -> None:
        """The reader went to ``offset`` by a jump (``span``: the place's): a match of the search
        there becomes the current one; else none is, and ``n`` / ``N`` go on from there."""
        state = self.state
        state.place = span if span is not None else (offset, -1)
        if state.busy or not state.matches:  # the results, when they come, take the place
            return
        index = state.match_of(state.place)
        if index != state.index:
            self._search_set_current(index)
            self.search_bar.show_count(index, len(state.matches), capped=state.capped)

    def toggle_filter(self) -> None:
        """``&``: show only the paragraphs holding a match; again (or escape) shows every paragraph."""
        state = self.state
        if state.filter:
            self._search_filter_off()
            return
        if not state.matches:
            self.pane.app.bell()
            bar = self.search_bar
            if not bar.is_open:
                bar.add_class("-open")
            bar.show_message("& filter: search for something first (/)")
            return
        state.filter = True
        self._search_apply_filter()
        self.search_bar.set_filter(True)

    def shows(self, offset: int) -> bool:
        """Whether the text at ``offset`` is shown: always, but with ``&`` on only in a paragraph
        holding a match (the filter's rule, ``_search_apply_filter``)."""
        if not self.state.filter:
            return True
        text, starts = self.pane.text, self.state.starts
        start, end = text.rfind("\n", 0, offset) + 1, text.find("\n", offset)
        i = bisect_left(starts, start)
        return i < len(starts) and starts[i] <= (end if end >= 0 else len(text))

    def filter_off(self, why: str) -> None:
        """Show every paragraph again, saying ``why`` in the bar (a place the filter hid was gone to)."""
        self._search_filter_off()
        self.search_bar.show_message(why)

    def escape(self) -> bool:
        """Escape in the text: leave filter mode first, then clear the search; False when neither."""
        state = self.state
        bar = self.search_bar
        if state.filter:
            self._search_filter_off()
        elif state.matches or bar.is_open:
            bar.close()
        else:
            return False
        return True

    # what the bar says ------------------------------------------------------------------------

    def changed(self, query: Query) -> None:
        """The query was edited: search it (not once the bar is closed: an edit typed right before
        escape, in one burst of keys, comes after it)."""
        if not self.search_bar.is_open:
            return
        if query != self.state.started:  # n may have started it already
            self._search_start(query, move=True)

    def submitted(self) -> None:
        """Enter in the bar: back to the text, at the current match."""
        state = self.state
        self.text_view.focus()
        if state.index is not None and state.matches:
            start, end = state.matches[state.index]
            self.pane.post_message(JumpRequested(SearchPlace(self.pane.doc_id, start, end)))

    def closed(self) -> None:
        """Escape in the bar: no more matches, and the focus back where it was when it opened."""
        self.clear()
        back, self.came_from = self.came_from, None
        bar = self.search_bar
        if back is not None and back.is_attached and back.can_focus and back not in bar.walk_children():
            self.pane.post_message(FocusRequested(back))
        else:
            self.text_view.focus()

    def clear(self) -> None:
        """Forget the matches: no highlights, no filter."""
        state = self.state
        state.generation += 1
        state.busy = False
        state.started = None
        state.pending_steps.clear()
        if state.filter:
            self._search_filter_off()
        state.query, state.matches, state.starts, state.index = None, [], [], None
        state.window, state.place = (0, -1), None
        self.text_view.clear_overlay(OVERLAY)

    def document_shown(self) -> None:
        """A new document is shown: search it for the same query (without moving)."""
        state = self.state
        state.filter = False
        self.search_bar.set_filter(False)
        state.matches, state.starts, state.index = [], [], None
        state.window, state.place = (0, -1), None
        if self.search_bar.is_open and self.search_bar.input.value:
            self._search_start(self.search_bar.current_query, move=False)

    # running ----------------------------------------------------------------------------------

    def _search_start(self, query: Query, *, move: bool, at: int | None = None) -> None:
        state = self.state
        state.generation += 1
        state.busy = False
        state.started = query
        bar = self.search_bar
        if not query.text:
            state.query, state.matches, state.starts, state.index = None, [], [], None
            self.text_view.clear_overlay(OVERLAY)
            if state.filter:
                self._search_filter_off()
            bar.show_count(None, 0)
            return
        # The search modules are imported when a search first runs: start-up does not need them.
        from briefing_tui.search.match import Matcher
        from briefing_tui.search.query import SearchError

        try:
            matcher = Matcher(query, timeout=REGEX_TIMEOUT)
        except SearchError as exc:
            bar.show_message(str(exc), error=True)
            return
        state.pending_index = at
        state.busy = True
        if len(self.pane.text) > PREVIEW:
            self._search_preview(matcher, move)
        work = partial(self._search_worker, matcher, self.pane.text, self.pane.doc_id, state.generation, move)
        self.pane.run_worker(work, thread=True, exclusive=True, group="search", exit_on_error=False,
                             description="search")  # fmt: skip

    def _search_preview(self, matcher: Matcher, move: bool) -> None:
        """Paint the matches around the view at once, before the whole long document is searched."""
        state = self.state
        view = self.text_view
        top, bottom = view.visible_range()
        spans = matcher.find_between(self.pane.text, top - PREVIEW // 2, bottom + PREVIEW // 2)
        if not spans:
            return
        starts = [s for s, _ in spans]
        index = None
        if move:
            i = bisect_left(starts, state.anchor)
            index = i if i < len(spans) and spans[i][0] < bottom else None
        view.set_overlay(OVERLAY, spans, index)
        state.window = (0, -1)  # the full results repaint

    def _search_worker(self, matcher: Matcher, text: str, doc_id: str, generation: int, move: bool) -> None:
        # deferred: the search package is imported when a search first runs
        from briefing_tui.search.query import SearchCancelled, SearchError

        worker = get_current_worker()

        def check() -> None:
            if worker.is_cancelled:
                raise SearchCancelled

        try:
            spans = matcher.find_all(text, check=check, limit=LIMIT + 1)
        except SearchCancelled:
            return
        except SearchError as exc:
            call_back(self.pane, self._search_failed, generation, str(exc))
            return
        if not worker.is_cancelled:
            call_back(self.pane, self._search_done, generation, doc_id, matcher.query, spans, move)

    def _search_failed(self, generation: int, message: str) -> None:
        state = self.state
        if generation == state.generation:
            state.busy = False
            state.pending_steps.clear()
            self.search_bar.show_message(message, error=True)

    def _search_done(
        self, generation: int, doc_id: str, query: Query, spans: list[tuple[int, int]], move: bool
    ) -> None:
        state = self.state
        if generation != state.generation or doc_id != self.pane.doc_id:
            return
        state.capped = len(spans) > LIMIT
        del spans[LIMIT:]
        state.query, state.matches = query, spans
        state.starts = [s for s, _ in spans]
        index = None
        if spans and state.pending_index is not None:
            index = min(bisect_left(state.starts, state.pending_index), len(spans) - 1)
        elif spans and move:
            index = bisect_left(state.starts, state.anchor) % len(spans)
        elif spans:  # the same search in the document gone to: the match jumped to, if one is
            index = state.match_of(state.place)
        state.pending_index = None
        state.index = index
        view = self.text_view
        if index is not None:
            start, end = view.visible_range()
            if not start <= spans[index][0] < end:
                view.scroll_to_offset(spans[index][0])
        self._search_paint(force=True)
        self.search_bar.show_count(index, len(spans), capped=state.capped)
        if state.filter:
            if spans:
                self._search_apply_filter()
            else:
                self._search_filter_off()
        state.busy = False
        steps, state.pending_steps = state.pending_steps, []
        for step in steps:
            self.next(step)

    def _search_set_current(self, index: int | None) -> None:
        state = self.state
        state.index = index
        self._search_paint(force=True)

    def _search_paint(self, force: bool = False) -> None:
        """Paint the matches near the view only: a few hundred spans, however many matches there are.

        The painted window follows the view (scrolling past its edge repaints), so a document with
        100,000 matches costs the same per keystroke as one with ten.
        """
        state = self.state
        view = self.text_view
        if not state.watching:
            state.watching = True
            self.pane.watch(view, "scroll_y", self._search_scrolled, init=False)
        if not state.matches:
            view.clear_overlay(OVERLAY)
            state.window = (0, -1)
            return
        top, bottom = view.visible_range()
        lo, hi = state.window
        if not force and lo <= max(0, top - WINDOW // 4) and bottom + WINDOW // 4 <= hi:
            return
        lo, hi = max(0, top - WINDOW), bottom + WINDOW
        if state.index is not None:
            current = state.matches[state.index][0]
            lo, hi = min(lo, current), max(hi, current + 1)
        first = bisect_left(state.starts, lo)
        last = bisect_left(state.starts, hi)
        index = state.index - first if state.index is not None and first <= state.index < last else None
        state.window = (lo, hi)
        view.set_overlay(OVERLAY, state.matches[first:last], index)

    def _search_scrolled(self, _value: object = None) -> None:
        if self.state.matches:
            self._search_paint()

    def _search_apply_filter(self) -> None:
        starts = list(self.state.starts)
        last = [False]  # paragraphs are asked in order: an empty one follows the one before

        def keep(start: int, end: int) -> bool:
            if start == end:  # a blank line shown after a shown paragraph keeps them apart
                return last[0]
            i = bisect_left(starts, start)
            last[0] = i < len(starts) and starts[i] <= end
            return last[0]

        self.text_view.visible_paragraph_filter(keep)

    def _search_filter_off(self) -> None:
        state = self.state
        state.filter = False
        self.text_view.visible_paragraph_filter(None)
        self.search_bar.set_filter(False)
        if state.index is not None and state.matches:
            self.text_view.scroll_to_offset(state.matches[state.index][0])

    def resume(self, query: Query, at: int) -> None:
        """Show ``query`` in the bar and its matches, the current one at the offset ``at`` (a hit
        chosen among the results of every document)."""
        bar = self.search_bar
        bar.flags.update(exact=query.exact, word=query.word, regex=query.regex)
        with bar.input.prevent(type(bar.input).Changed):
            bar.input.value = query.text
        bar.add_class("-open")
        bar.remember(query.text)
        self._search_start(query, move=True, at=at)
        self.text_view.focus()
