"""The timeline pane: one chronology of the events, those in the text marked ▸ and the background
ones in italics."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.display import sanitize
from briefing_tui.model.dates import say_date
from briefing_tui.model.navigation import Navigator
from briefing_tui.model.types import Event
from briefing_tui.widgets.drafts import DRAFT_CLASS, DraftMarks
from briefing_tui.widgets.labels import date_marks
from briefing_tui.widgets.list_window import ListWindow, hidden_rows
from briefing_tui.widgets.looks import Looks
from briefing_tui.widgets.messages import JumpRequested
from briefing_tui.widgets.rows import Row
from briefing_tui.widgets.steady_list import SteadyOptionList
from briefing_tui.widgets.type_filter import TypeToFilter
from briefing_tui.words import plural

LIMIT = 100  # rows at once: a list measures every row; the window moves with the keys (list_window)


def date_cell(said: str, width: int, *, bold: bool) -> Text:
    """A date in a column ``width`` wide: a range too long for it breaks after its dash ("29 Apr –"
    above "3 May 2024"), never inside one of its ends."""
    if len(said) > width and " – " in said:
        start, end = said.split(" – ", 1)
        said = f"{start} –\n{end}"
    return Text(said, style="bold" if bold else "")


class TimelineList(DraftMarks, TypeToFilter, ListWindow, SteadyOptionList):
    """Events by date; enter (or a click) chooses one; ``/`` filters the list."""

    HELP_GROUP = "Timeline pane"
    ANNOTATION_KIND = "event"
    BINDINGS = TypeToFilter.bindings("Go to the event")
    FILTER_CHARS = " -'"
    COMPONENT_CLASSES = {DRAFT_CLASS}  # drafted annotations: dimmed (reader.tcss)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.filter_text = ""
        self._nav: Navigator | None = None
        self._events: list[Event] = []
        self._lit: set[str] | frozenset[str] = frozenset()
        self._folded: dict[bool, list[str]] = {}  # by kept case: each event's haystack, folded
        self._folded_of: list[Event] | None = None  # the events they are of

    def set_events(self, nav: Navigator, lit: set[str] | frozenset[str] = frozenset()) -> None:
        """Show the timeline of ``nav``'s document; ``lit`` events (involving the selected entity) are
        marked ●."""
        self._nav = nav
        self._show(nav.timeline(), lit)

    def _show(self, events: list[Event], lit: set[str] | frozenset[str], keep: str | None = None) -> None:
        self._events, self._lit = events, lit
        if keep is None and self.highlighted_option is not None:
            keep = self.highlighted_option.id
        options: list[Option] = []
        if self.filter_text:
            events = self._filtered(events)
        if self.filter_shown:
            options.append(Option(self.filter_head(), disabled=True))
        looks = Looks(self)
        start = self.start_of(events, keep)
        shown = events[start : start + LIMIT]  # the date column is as wide as the dates listed need
        width = min(12, max((len(say_date(e.date)) for e in shown), default=1))
        if events:  # one chronology: the events of the text marked ▸ (bold), the background ones in italics
            in_text = sum(not e.background for e in events)
            head = Text(
                f"{plural(len(events), 'event')} by date · ▸ {in_text:,} in the text",
                style=looks.mark("heading"),
            )
            options.append(Option(head, disabled=True))
        options += hidden_rows(start, "earlier")
        for event in shown:
            marks = date_marks(event.date)
            label = Text(sanitize(event.label), style="" if not event.background else "italic")
            if event.unverified:
                label.append(" (unverified)", style=looks.mark("warn"))
            if event.draft:
                self.mark_draft(label)
            prompt = Row(
                (Text("●" if event.id in lit else " ", style="bold"), 1),
                (Text("▸" if not event.background else " ", style="bold"), 1),
                (date_cell(say_date(event.date), width, bold=not event.background), width),
                (Text(marks, style=looks.mark("date")), 2),
                (label, None),
                wrap_fixed=True,
            )
            options.append(Option(prompt, id=event.id))
        options += hidden_rows(len(events) - start - len(shown), "more: / filters")
        self.remember_windows((events, start))
        if len(options) == (1 if self.filter_shown else 0):
            empty = "no event matches" if self.filter_text else "no events"
            options.append(Option(Text(empty, style="dim italic"), disabled=True))
        self.show_options(options, keep)

    def _filtered(self, events: list[Event]) -> list[Event]:
        """The events whose label, date (as said and as written) or id holds the filter, folded as
        search folds. Each event's haystack is folded once, at the first key typed, and kept until
        the events change: a key then costs one ``in`` per event (5,000 in the 10 MB bench file)."""
        # deferred: the search package is not needed for the first frame
        from briefing_tui.search.filter import fold_each, needle_of  # folded like search

        needle, keep_case = needle_of(self.filter_text)
        if not needle:
            return events
        if events is not self._folded_of:
            self._folded, self._folded_of = {}, events
        folded = self._folded.get(keep_case)
        if folded is None:
            # A typed filter never holds a line break, so it cannot match across two fields.
            hays = ["\n".join(x for x in (e.label, say_date(e.date), e.date.text, e.id) if x) for e in events]
            folded = self._folded[keep_case] = fold_each(hays, keep_case)
        return [event for event, hay in zip(events, folded, strict=True) if needle in hay]

    def refilter(self) -> None:
        self._show(self._events, self._lit)

    def window_size(self) -> int:
        return LIMIT

    def show_window(self, keep: str) -> None:
        self._show(self._events, self._lit, keep)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        found = self._nav.event(event.option.id) if self._nav is not None and event.option.id else None
        if self._nav is not None and found is not None:
            self.post_message(JumpRequested(self._nav.location_of(found)))
