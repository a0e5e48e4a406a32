"""The claims list: every claim of the document in text order, the current one marked; ``/`` filters.

It lives in the claim pane, above the current claim's detail, and is built the first time it is
shown (never before the first paint). Rows reuse the claim pane's claim rows (verdict glyph, id,
gloss or the start of the quote), one line each; the filter folds accents and typography like
search, and also matches the verdict's words ("outdated", "partly supported").

A large document's haystacks are made and folded ahead, a slice at a time while the list waits for
keys (a table's from its rows, no claim kept); the filter then makes only the claims it lists
(``Found``), and a row shown by the key before is not made again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import partial
from typing import overload

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.model.navigation import Navigator
from briefing_tui.model.types import Claim
from briefing_tui.widgets.detail_text import claim_prompt
from briefing_tui.widgets.drafts import DRAFT_CLASS, DRAFT_LABEL, DraftMarks
from briefing_tui.widgets.labels import rating_label
from briefing_tui.widgets.list_window import ListWindow, hidden_rows
from briefing_tui.widgets.looks import Looks
from briefing_tui.widgets.messages import JumpRequested
from briefing_tui.widgets.steady_list import SteadyOptionList
from briefing_tui.widgets.type_filter import TypeToFilter

LIMIT = 100  # rows shown at once: a list measures every row; the window follows the current claim
HAYSTACKS_AT_ONCE = 1_000
"""Claims whose haystacks are made and folded in one slice while the list waits for keys
(``_haystacks_ahead``): a large document's first key typed in the filter made all 25,000 at once,
in 0.35 s, and folded them in 50 ms more."""
HAYSTACK_PAUSE = 0.001


class ClaimList(DraftMarks, TypeToFilter, ListWindow, SteadyOptionList):
    """Claims in text order. Enter (or a click) goes to one; ``/`` filters the list."""

    HELP_GROUP = "Claims list"
    ANNOTATION_KIND = "claim"
    BINDINGS = TypeToFilter.bindings("Go to the claim")
    FILTER_CHARS = " -'’"
    COMPONENT_CLASSES = {DRAFT_CLASS}  # drafted annotations: dimmed (reader.tcss)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.filter_text = ""
        self._nav: Navigator | None = None
        self._current: str | None = None
        self._ahead = 0  # claims whose haystacks are folded (``_made``), in the order they are made
        self._made: dict[bool, list[str]] = {False: [], True: []}  # by kept case
        self._folded: dict[bool, list[str]] = {}  # by kept case: every haystack, folded, in the list's order
        self._matching: Callable[[str], bool] = frozenset[str]().__contains__  # passes the filter?
        self._rows: dict[str, tuple[Claim, Option]] = {}  # claims with a row now (a window of the matching)

    @property
    def current(self) -> str | None:
        """The claim marked as current."""
        return self._current

    def set_claims(self, nav: Navigator, current: str | None) -> None:
        """List the claims of ``nav``'s document, ``current`` marked and highlighted."""
        self._nav, self._current = nav, current
        self._made, self._folded, self._ahead = {False: [], True: []}, {}, 0
        self._rows = {}  # (the looks may have changed: every row is made again)
        self._rebuild(keep=current)
        if len(nav.claims) > HAYSTACKS_AT_ONCE:
            self.set_timer(HAYSTACK_PAUSE, partial(self._haystacks_ahead, nav))

    def _haystacks_ahead(self, nav: Navigator | None, whole: bool = False) -> None:
        """The filter's haystacks made and folded (both ways: case kept or not) a slice at a time
        while the list waits for keys (or all that are left, ``whole``), before the filter asks for
        them; a table's in its own order, each block decoded once and no claim kept
        (``ClaimTable.peek``). Only the folded haystacks are kept."""
        if nav is None or nav is not self._nav:
            return
        # deferred: the search package is not needed for the first frame
        from briefing_tui.search.filter import fold_each  # accents, quotes, ligatures folded

        claims = nav.claims
        table = getattr(claims, "table", None)  # a table's, in reading order (``claim_table``, not imported)
        while self._ahead < len(claims):
            start = self._ahead
            stop = self._ahead = min(start + HAYSTACKS_AT_ONCE, len(claims))
            made = table.peek(start, stop) if table is not None else claims[start:stop]
            hays = [self._haystack(claim) for claim in made]
            for keep_case, folded in self._made.items():
                folded += fold_each(hays, keep_case)
            if not whole:
                if stop < len(claims):
                    self.set_timer(HAYSTACK_PAUSE, partial(self._haystacks_ahead, nav))
                return

    def set_current(self, claim_id: str | None) -> None:
        """Mark ``claim_id`` as the current claim and bring it into view (``]`` / ``[`` follow).

        Only the two rows whose mark changes are redrawn, unless the claim is outside the rows shown
        (a long list shows a window of them): then the window moves.
        """
        nav, old = self._nav, self._current
        if claim_id == old or nav is None:
            return
        self._current = claim_id
        if claim_id is not None and self._matching(claim_id) and claim_id not in self._rows:
            self._rebuild(keep=claim_id)
            return
        for changed in (old, claim_id):
            claim = nav.claim(changed) if changed in self._rows else None
            if claim is not None:
                self.replace_option_prompt(claim.id, self._row(nav, claim))
        if claim_id in self._rows:
            self.highlighted = self.get_option_index(claim_id)

    def _haystack(self, claim: Claim) -> str:
        """What the filter looks in: gloss, quote, verdict words and id (one string)."""
        if self._nav is None:
            return ""
        span = claim.span
        quote = self._nav.doc.text[span.start : span.end] if span.anchored else span.selector.exact
        _glyph, label, rating = rating_label(claim)
        # A typed filter never holds a line break, so it cannot match across two fields.
        return "\n".join(x for x in (claim.gloss, quote, label, rating, claim.id) if x)

    def _filtered(self, claims: Sequence[Claim]) -> Sequence[Claim] | Found:
        """The claims (all of the document's) whose haystack holds the filter, folded as search folds.

        The folded haystacks are kept (made ahead, ``_haystacks_ahead``), so that a key typed in the
        filter costs one ``in`` per claim (25,000 in the 10 MB bench file: a few milliseconds); the
        claims found are made only when their rows are (``Found``).
        """
        # deferred: the search package is not needed for the first frame
        from briefing_tui.search.filter import needle_of  # accents, quotes, ligatures folded

        needle, keep_case = needle_of(self.filter_text)
        if not needle or self._nav is None:
            return claims
        folded = self._folded.get(keep_case)
        if folded is None:
            self._haystacks_ahead(self._nav, whole=True)
            made, order = self._made[keep_case], _order_of(claims)  # made in the table's order
            folded = self._folded[keep_case] = made if order is None else [made[row] for row in order]
        places = [at for at, hay in enumerate(folded) if needle in hay]
        return Found(claims, places, self._nav.claim_position)

    def _rebuild(self, keep: str | None = None) -> None:
        nav = self._nav
        if nav is None:
            return
        if keep is None and self.highlighted_option is not None:
            keep = self.highlighted_option.id
        claims: Sequence[Claim] = nav.claims  # (a large document's claims: made as their rows are)
        options: list[Option] = []
        if self.filter_text:
            claims = self._filtered(claims)
        if self.filter_shown:
            head = self.filter_head()
            options.append(Option(Text.assemble(head, (f"  {len(claims):,} of {len(nav.claims):,}", "dim")),
                                  disabled=True))  # fmt: skip
        # a claim's place found by its id (none made): among all, or among those the filter holds
        find = claims.position if isinstance(claims, Found) else nav.claim_position
        start = self.start_of(claims, keep, find=find)  # LIMIT rows at once, the claim to keep among them
        options += hidden_rows(start, "earlier")
        window = claims[start : start + LIMIT]
        made, rows = self._rows, {}
        for claim in window:  # a row the key before showed is kept (measured once: most of a key's time)
            kept = made.get(claim.id)  # (an edit replaces the claim: its row is made again)
            option = (
                kept[1]
                if kept is not None and kept[0] is claim
                else Option(self._row(nav, claim), id=claim.id)
            )
            rows[claim.id] = (claim, option)
            options.append(option)
        self._matching = claims.holds if isinstance(claims, Found) else nav.claim_ids.__contains__
        self._rows = rows
        self.remember_windows((claims, start))
        options += hidden_rows(len(claims) - start - len(window), "more: / filters")
        if not claims:
            empty = "no claim matches" if self.filter_text else "This document has no claims."
            options.append(Option(Text(empty, style="dim italic"), disabled=True))
        self.show_options(options, keep)

    def _row(self, nav: Navigator, claim: Claim) -> Text:
        """One line per claim (cut with an ellipsis) so that a short pane still lists several."""
        # one line: the stylesheet gives the list text-wrap: nowrap and text-overflow: ellipsis
        line = Text("▶" if claim.id == self._current else " ", style="bold", end="")
        for column, (cell, width) in enumerate(claim_prompt(nav, claim, Looks(self)).cells):  # as a Row
            line.append(" ")
            line.append_text(cell)
            if width is not None:
                line.append(" " * max(0, width - cell.cell_len))
            if column == 0 and claim.draft:  # after the glyph: the end of a long row is cut off
                line.append(f" {DRAFT_LABEL}", style="italic")
        if claim.draft:
            line.stylize(self.draft_style(), 1)
        return line

    def refilter(self) -> None:
        self._rebuild()

    def window_size(self) -> int:
        return LIMIT

    def show_window(self, keep: str) -> None:
        self._rebuild(keep=keep)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        claim = self._nav.claim(event.option.id) if self._nav is not None and event.option.id else None
        if self._nav is not None and claim is not None:
            self.post_message(JumpRequested(self._nav.location_of(claim)))


def _order_of(claims: Sequence[Claim]) -> Sequence[int] | None:
    """A table's rows in reading order (``claim_table.ClaimsInOrder``, not imported here); None when
    ``claims`` are in reading order already."""
    return getattr(claims, "order", None) if getattr(claims, "table", None) is not None else None


class Found(Sequence[Claim]):
    """The claims the filter holds (their ``places`` among ``claims``, in order), each made only when
    read (a window of them has rows); their places found by id through ``place`` (a claim's place
    among ``claims``)."""

    def __init__(
        self, claims: Sequence[Claim], places: list[int], place: Callable[[str], int | None]
    ) -> None:
        self._claims, self._places, self._place = claims, places, place

    def __len__(self) -> int:
        return len(self._places)

    @overload
    def __getitem__(self, index: int) -> Claim: ...
    @overload
    def __getitem__(self, index: slice) -> list[Claim]: ...
    def __getitem__(self, index: int | slice) -> Claim | list[Claim]:
        if isinstance(index, slice):
            return [self._claims[place] for place in self._places[index]]
        return self._claims[self._places[index]]

    def position(self, ident: str | None) -> int | None:
        """The place of the claim ``ident`` among those found, None when it is not one."""
        place = self._place(ident or "")
        if place is None:
            return None
        at = bisect_left(self._places, place)
        return at if at < len(self._places) and self._places[at] == place else None

    def holds(self, ident: str) -> bool:
        """Whether the claim ``ident`` is one of those found."""
        return self.position(ident) is not None
