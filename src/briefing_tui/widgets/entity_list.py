"""The entities pane: entities grouped by type with their mention counts; ``/`` filters."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.display import sanitize
from briefing_tui.model.navigation import Navigator
from briefing_tui.model.span_list import anchored_positions
from briefing_tui.model.types import Entity
from briefing_tui.widgets.drafts import DRAFT_CLASS, DraftMarks
from briefing_tui.widgets.list_window import ListWindow, hidden_rows
from briefing_tui.widgets.looks import Looks
from briefing_tui.widgets.messages import JumpRequested
from briefing_tui.widgets.rows import Row
from briefing_tui.widgets.steady_list import SteadyOptionList
from briefing_tui.widgets.type_filter import TypeToFilter

LIMIT = 40  # rows per type at once: a list measures every row; the keys move each type's window


class EntityList(DraftMarks, TypeToFilter, ListWindow, SteadyOptionList):
    """Entities by type. Enter (or a click) goes to one; ``/`` filters the list."""

    HELP_GROUP = "Entities pane"
    ANNOTATION_KIND = "entity"
    BINDINGS = TypeToFilter.bindings("Select the entity")
    COMPONENT_CLASSES = {DRAFT_CLASS}  # drafted annotations: dimmed (reader.tcss)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._nav: Navigator | None = None
        self._groups: dict[str, list[Entity]] = {}
        self._selected: str | None = None
        self._starts: dict[str, int] = {}  # each type's first entity with a row (its window)
        self._folded: dict[bool, dict[str, str]] = {}  # by kept case: each entity's haystack, folded
        self.filter_text = ""

    def set_entities(self, nav: Navigator, selected: str | None = None) -> None:
        """List the entities of ``nav``'s document, ``selected`` marked."""
        self._nav = nav
        self._groups = nav.entities_by_type()
        self._selected = selected
        self._folded = {}
        self._rebuild()

    def set_selected(self, entity_id: str | None) -> None:
        self._selected = entity_id
        self._rebuild(keep=entity_id)

    def _matcher(self) -> Callable[[Entity], bool]:
        """Whether an entity passes the filter (its name, aliases or id hold it): made once a rebuild.
        Each entity's haystack is folded once, at the first key typed, and kept until the entities
        change."""
        if not self.filter_text:
            return lambda _entity: True
        # deferred: the search package is not needed for the first frame
        from briefing_tui.search.filter import fold_each, needle_of  # accents, quotes, ligatures folded

        needle, keep_case = needle_of(self.filter_text)
        folded = self._folded.get(keep_case)
        if folded is None:
            every = [entity for members in self._groups.values() for entity in members]
            # A typed filter never holds a line break, so it cannot match across two names.
            hays = ["\n".join(x for x in (e.name, *e.aliases, e.id) if x) for e in every]
            folded = self._folded[keep_case] = dict(
                zip([e.id for e in every], fold_each(hays, keep_case), strict=True)
            )
        return lambda entity: needle in folded.get(entity.id, "")

    def _rebuild(self, keep: str | None = None) -> None:
        highlighted = keep or (self.highlighted_option.id if self.highlighted_option is not None else None)
        options: list[Option] = []
        if self.filter_shown:
            options.append(Option(self.filter_head(), disabled=True))
        matches = self._matcher()
        windows = []
        for kind, members in self._groups.items():
            shown = [e for e in members if matches(e)]
            if not shown:
                continue
            heading = Looks(self).mark("heading")
            head = Text(f"{sanitize(kind).capitalize()} ({len(shown):,})", style=heading, end="")
            options.append(Option(head, disabled=True))
            start = self._starts[kind] = self.start_of(shown, highlighted, self._starts.get(kind, 0))
            windows.append((shown, start))
            options += hidden_rows(start, "earlier")
            window = shown[start : start + LIMIT]
            for entity in window:
                mark = "●" if entity.id == self._selected else " "
                count = sum(1 for _ in anchored_positions(entity.mentions))
                name = Text(sanitize(entity.name), style=Looks(self).entity(entity.type))
                prompt = Row(
                    (Text(mark, style="bold"), 1),
                    (self.mark_draft(name) if entity.draft else name, None),
                    (Text(f"×{count}", style="dim"), 4),
                )
                options.append(Option(prompt, id=entity.id))
            options += hidden_rows(len(shown) - start - len(window), "more: / filters")
        if len(options) == (1 if self.filter_shown else 0):
            empty = "no entity matches" if self.filter_text else "no entities"  # as the timeline says
            options.append(Option(Text(empty, style="dim italic"), disabled=True))
        self.remember_windows(*windows)
        self.show_options(options, highlighted)

    def refilter(self) -> None:
        self._rebuild()

    def window_size(self) -> int:
        return LIMIT

    def show_window(self, keep: str) -> None:
        self._rebuild(keep=keep)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entity = self._nav.entity(event.option.id) if self._nav is not None and event.option.id else None
        if self._nav is not None and entity is not None:
            self.post_message(JumpRequested(self._nav.location_of(entity)))
