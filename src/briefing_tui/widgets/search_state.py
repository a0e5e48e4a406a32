"""The state of the text pane's search (``TextSearch.state``): its matches, the current one, and
where the reader last went by a jump, from which ``n`` / ``N`` go on when no match is current."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_tui.search.query import Query


@dataclass
class SearchState:
    query: Query | None = None  # the query whose matches are shown
    matches: list[tuple[int, int]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    index: int | None = None  # the current match
    capped: bool = False
    generation: int = 0  # the newest search started; older results are dropped
    anchor: int = 0  # where an incremental search starts looking
    filter: bool = False
    pending_index: int | None = None  # set the current match at this offset when results arrive
    window: tuple[int, int] = (0, -1)  # text offsets whose matches are painted
    busy: bool = False  # a search is running: n / N wait for it
    started: Query | None = None  # the query of the newest search started
    pending_steps: list[int] = field(default_factory=list)
    watching: bool = False
    place: tuple[int, int] | None = None  # the span (end -1: an offset) the reader last jumped to

    def match_of(self, span: tuple[int, int] | None) -> int | None:
        """The index of the match that is exactly ``span``, or None."""
        if span is None:
            return None
        i = bisect_left(self.starts, span[0])
        return i if i < len(self.matches) and self.matches[i] == span else None

    def step_from(self, offset: int, step: int) -> int:
        """The match ``n`` (``step`` 1) goes to from ``offset`` with no match current: the first
        starting there or after; ``N`` (-1): the last starting before it. Both wrap."""
        i = bisect_left(self.starts, offset)
        return i % len(self.matches) if step > 0 else (i - 1) % len(self.matches)
