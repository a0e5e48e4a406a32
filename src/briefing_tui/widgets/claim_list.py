"""The claims list: every claim of the document in text order, the current one marked; ``/`` filters.

It lives in the claim pane, above the current claim's detail, and is built the first time it is
shown (never before the first paint). Rows reuse the claim pane's claim rows (verdict glyph, id,
gloss or the start of the quote), one line each; the filter folds accents and typography like
search, and also matches the verdict's words ("outdated", "partly supported").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Container, Sequence

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

LIMIT = 200  # rows shown at once: a list measures every row; the window follows the current claim


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
        self._haystacks: dict[str, str] = {}
        self._folded: dict[bool, tuple[str, list[int]]] = {}  # by kept case: every haystack, folded
        self._matching: Container[str] = set()  # claims that pass the filter
        self._rows: set[str] = set()  # claims with a row now (a window of the matching ones)

    @property
    def current(self) -> str | None:
        """The claim marked as current."""
        return self._current

    def set_claims(self, nav: Navigator, current: str | None) -> None:
        """List the claims of ``nav``'s document, ``current`` marked and highlighted."""
        self._nav, self._current = nav, current
        self._haystacks, self._folded = {}, {}
        self._rebuild(keep=current)

    def set_current(self, claim_id: str | None) -> None:
        """Mark ``claim_id`` as the current claim and bring it into view (``]`` / ``[`` follow).

        Only the two rows whose mark changes are redrawn, unless the claim is outside the rows shown
        (a long list shows a window of them): then the window moves.
        """
        nav, old = self._nav, self._current
        if claim_id == old or nav is None:
            return
        self._current = claim_id
        if claim_id is not None and claim_id in self._matching and claim_id not in self._rows:
            self._rebuild(keep=claim_id)
            return
        for changed in (old, claim_id):
            claim = nav.claim(changed) if changed in self._rows else None
            if claim is not None:
                self.replace_option_prompt(claim.id, self._row(nav, claim))
        if claim_id in self._rows:
            self.highlighted = self.get_option_index(claim_id)

    def _haystack(self, claim: Claim) -> str:
        """What the filter looks in: gloss, quote, verdict words and id (one string, kept)."""
        hay = self._haystacks.get(claim.id)
        if hay is None and self._nav is not None:
            span = claim.span
            quote = self._nav.doc.text[span.start : span.end] if span.anchored else span.selector.exact
            _glyph, label, rating = rating_label(claim)
            # A typed filter never holds a line break, so it cannot match across two fields.
            hay = "\n".join(x for x in (claim.gloss, quote, label, rating, claim.id) if x)
            self._haystacks[claim.id] = hay
        return hay or ""

    def _filtered(self, claims: Sequence[Claim]) -> Sequence[Claim]:
        """The claims (all of the document's) whose haystack holds the filter, folded as search folds.

        The folded haystacks are kept joined in one string, so that a key typed in the filter costs one
        scan of it rather than a test per claim (25,000 in the 10 MB bench file).
        """
        # deferred: the search package is not needed for the first frame
        from briefing_tui.search.filter import needle_of  # accents, quotes, ligatures folded
        from briefing_tui.search.fold import fold

        needle, keep_case = needle_of(self.filter_text)
        if not needle:
            return claims
        kept = self._folded.get(keep_case)
        if kept is None:
            hays = [self._haystack(claim) for claim in claims]
            pieces = fold("\0".join(hays), keep_case).split("\0")  # folded a character at a time: at once
            if len(pieces) != len(hays):  # a haystack holding a NUL: each folded on its own
                pieces = [fold(hay, keep_case) for hay in hays]
            starts, at = [], 0
            for piece in pieces:
                starts.append(at)
                at += len(piece) + 1
            kept = self._folded[keep_case] = ("\0".join(pieces), starts)  # a filter never holds a NUL
        joined, starts = kept
        found: list[Claim] = []
        at = joined.find(needle)
        while at != -1:
            index = bisect_right(starts, at) - 1
            found.append(claims[index])
            if index + 1 >= len(starts):
                break
            at = joined.find(needle, starts[index + 1])
        return found

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
        find = nav.claim_position if claims is nav.claims else None  # (found by its id: none made)
        start = self.start_of(claims, keep, find=find)  # LIMIT rows at once, the claim to keep among them
        options += hidden_rows(start, "earlier")
        window = claims[start : start + LIMIT]
        for claim in window:
            options.append(Option(self._row(nav, claim), id=claim.id))
        self._matching = nav.claim_ids if claims is nav.claims else {c.id for c in claims}
        self._rows = {c.id for c in window}
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
