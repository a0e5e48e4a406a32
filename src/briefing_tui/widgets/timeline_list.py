"""The timeline pane: events sorted by date, those in the text set apart from background ones."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.display import sanitize
from briefing_tui.model.dates import say_date
from briefing_tui.model.types import Event
from briefing_tui.widgets.drafts import DRAFT_CLASS, DraftMarks
from briefing_tui.widgets.labels import date_marks
from briefing_tui.widgets.rows import Row
from briefing_tui.widgets.type_filter import TypeToFilter

LIMIT = 100  # rows per group: a list measures every row, so a huge timeline shows its start


class TimelineList(DraftMarks, TypeToFilter, OptionList):
    """Events by date; enter (or a click) chooses one; letters typed here filter the list."""

    COMPONENT_CLASSES = {DRAFT_CLASS}

    HELP_GROUP = "Timeline pane"
    BINDINGS = TypeToFilter.FILTER_BINDINGS
    FILTER_CHARS = " -'"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.filter_text = ""
        self._events: list[Event] = []
        self._lit: set[str] | frozenset[str] = frozenset()

    class EventChosen(Message):
        """An event was chosen (enter or click)."""

        def __init__(self, event_id: str) -> None:
            self.event_id = event_id
            super().__init__()

    def set_events(self, events: list[Event], lit: set[str] | frozenset[str] = frozenset()) -> None:
        """Show ``events`` (already sorted); ``lit`` events (involving the selected entity) are marked ●."""
        from briefing_tui.search.filter import text_filter  # folded like search

        self._events, self._lit = events, lit
        keep = self.highlighted_option.id if self.highlighted_option is not None else None
        options: list[Option] = []
        if self.filter_text:
            accept = text_filter(self.filter_text)
            events = [e for e in events if accept(e.label, say_date(e.date), e.date.text, e.id)]
            options.append(Option(self.filter_head(), disabled=True))
        groups = [("In the text", [e for e in events if not e.background]),
                  ("Background", [e for e in events if e.background])]  # fmt: skip
        width = min(12, max((len(say_date(e.date)) for e in events), default=1))
        for title, members in groups:
            if not members:
                continue
            options.append(Option(Text(f"{title} ({len(members)})", style="bold dim"), disabled=True))
            for event in members[:LIMIT]:
                marks = date_marks(event.date)
                label = Text(sanitize(event.label), style="" if not event.background else "italic")
                if event.unverified:
                    label.append(" (unverified)", style="italic #ffaf5f")
                if event.draft:
                    self.mark_draft(label)
                prompt = Row(
                    (Text("●" if event.id in lit else " ", style="bold"), 1),
                    (Text(say_date(event.date), style="bold" if not event.background else ""), width),
                    (Text(marks, style="bold #ffaf5f"), 2),
                    (label, None),
                    wrap_fixed=True,
                )
                options.append(Option(prompt, id=event.id))
            if len(members) > LIMIT:
                more = f"  … {len(members) - LIMIT} more: ctrl+p “Go to event…” lists them all"
                options.append(Option(Text(more, style="dim italic"), disabled=True))
        if len(options) == (1 if self.filter_text else 0):
            empty = "no event matches" if self.filter_text else "no events"
            options.append(Option(Text(empty, style="dim italic"), disabled=True))
        self.show_options(options, keep)

    def refilter(self) -> None:
        self.set_events(self._events, self._lit)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.EventChosen(event.option.id))
