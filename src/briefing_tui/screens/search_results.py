"""Search across every open document: a query line, a summary, and every hit with its context.

The search runs in an exclusive thread worker as you type (the next keystroke cancels it). Choosing
a hit dismisses the screen with ``(hit, query)``: the reader opens the document there.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from briefing_tui.display import sanitize
from briefing_tui.model.types import Document
from briefing_tui.search.corpus import Hit, search_documents
from briefing_tui.search.match import Matcher
from briefing_tui.search.query import Query, SearchCancelled, SearchError
from briefing_tui.widgets.from_thread import call_back
from briefing_tui.widgets.hit_list import HitList
from briefing_tui.widgets.key_footer import KeyFooter
from briefing_tui.widgets.safe_input import SafeInput
from briefing_tui.words import noun

LIMIT = 10_000  # hits listed; the summary says "10,000+" beyond
REGEX_TIMEOUT = 5.0


class ResultsInput(SafeInput):
    """The query line of the results screen (same toggles as the search bar)."""

    HELP_GROUP = "Search results"
    BINDINGS = [
        Binding("ctrl+t", "screen.toggle_flag('exact')", "Exact", key_display="^T"),
        Binding("ctrl+g", "screen.toggle_flag('word')", "Whole word", key_display="^G"),
        Binding("ctrl+r", "screen.toggle_flag('regex')", "Regex", key_display="^R"),
        Binding("down", "screen.to_list", "Hits", show=False),
    ]


class SearchResultsScreen(Screen[tuple[Hit, Query] | None]):
    """Every hit in every document. Escape goes back; enter on a hit opens it."""

    HELP_GROUP = "Search results"
    AUTO_FOCUS = "#results-input"
    BINDINGS = [Binding("escape", "close", "Back")]
    DEFAULT_CSS = """
    SearchResultsScreen { layout: vertical; }
    #results-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    #results-input { height: 3; margin: 0 1; }
    #results-status { height: 1; padding: 0 1; color: $text-muted; }
    #results-list { height: 1fr; }
    """

    def __init__(
        self, documents: list[Document], text: str = "", flags: dict[str, bool] | None = None
    ) -> None:
        super().__init__()
        self.documents = documents
        self.initial = text
        self.flags = {"exact": False, "word": False, "regex": False, **(flags or {})}
        self.hits: list[Hit] = []
        self.generation = 0
        self.started: Query | None = None  # the query of the newest search
        self.shown: Query | None = None  # the query whose results (or message) the screen shows
        self.status = ""

    def compose(self) -> ComposeResult:
        count = len(self.documents)
        title = f"Search all {count} documents" if count > 1 else "Search the document"
        yield Static(Text(title, end=""), id="results-title")
        yield ResultsInput(value=self.initial, placeholder=f"search {self._what}", id="results-input")
        yield Static("", id="results-status")
        yield HitList(id="results-list")
        yield KeyFooter()

    @property
    def _what(self) -> str:
        """What is searched, in the words of the screen's title: the document, or every document."""
        return "every document" if len(self.documents) > 1 else "the document"

    def on_mount(self) -> None:
        self._start()

    @property
    def query_value(self) -> Query:
        return Query(self.query_one(ResultsInput).value, **self.flags)

    # actions ------------------------------------------------------------------------------------

    def action_close(self) -> None:
        self.dismiss(None)

    def action_toggle_flag(self, flag: str) -> None:
        self.flags[flag] = not self.flags[flag]
        self._start()

    def action_to_list(self) -> None:
        self.query_one(HitList).focus()

    # searching ----------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        hits = self.query_one(HitList)
        if hits.hits:
            hits.focus()

    def on_hit_list_left_top(self, event: HitList.LeftTop) -> None:
        self.query_one(ResultsInput).focus()

    def on_hit_list_chosen(self, event: HitList.Chosen) -> None:
        event.stop()
        self.dismiss((event.hit, self.query_value))

    @property
    def searching(self) -> bool:
        """Whether the results shown are not yet those of what is typed now (a search is running)."""
        return self.shown != self.query_value

    def _show_status(self, text: str, style: str = "") -> None:
        self.shown = self.started  # only the newest search's results and messages are shown
        self.status = text
        # a message may quote the query (a bad regular expression's character name): sanitized
        self.query_one("#results-status", Static).update(Text(sanitize(text), style=style, end=""))

    def _start(self) -> None:
        self.generation += 1
        query = self.started = self.query_value
        flags = " ".join(name for name, on in self.flags.items() if on)
        self.query_one(ResultsInput).border_title = flags or None
        if not query.text:
            self.query_one(HitList).set_hits([])
            self._show_status(f"type to search {self._what} (^T exact, ^G word, ^R regex)")
            return
        try:
            matcher = Matcher(query, timeout=REGEX_TIMEOUT)
        except SearchError as exc:
            self._show_error(str(exc))
            return
        self._search(matcher, self.generation)

    @work(thread=True, exclusive=True, group="search-all", exit_on_error=False, description="search all")
    def _search(self, matcher: Matcher, generation: int) -> None:
        worker = get_current_worker()

        def check() -> None:
            if worker.is_cancelled:
                raise SearchCancelled

        try:
            hits = list(search_documents(self.documents, matcher, check=check, limit=LIMIT + 1))
        except SearchCancelled:
            return
        except SearchError as exc:
            call_back(self, self._failed, generation, str(exc))
            return
        if not worker.is_cancelled:
            call_back(self, self._done, generation, hits)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self._show_error(message)

    def _show_error(self, message: str) -> None:
        """A query that cannot run: its message, and no hits (those listed were another query's)."""
        self.hits = []
        self.query_one(HitList).set_hits([])
        self._show_status(message, "bold red")

    def _done(self, generation: int, hits: list[Hit]) -> None:
        if generation != self.generation:
            return
        capped = len(hits) > LIMIT
        del hits[LIMIT:]
        self.hits = hits
        self.query_one(HitList).set_hits(hits)
        if not hits:
            self._show_status("no match", "bold")
            return
        docs = len({hit.document.id for hit in hits})
        more = "+" if capped else ""
        hit_word = noun(len(hits), "hit")
        where = f" in {docs} of {len(self.documents)} documents" if len(self.documents) > 1 else ""
        self._show_status(f"{len(hits):,}{more} {hit_word}{where}  (down: the hits, enter: open)")
