"""The claim pane: the current claim with its verdict and sources, or a source, event or entity.

The body is rich ``Text`` built from sanitized strings (never markup), drawn by ``DetailBody`` (a
Line API view as tall as its text); below it a list of links (the claim's sources, a source's citing
claims, ...) that enter follows. Both grow to their content; the pane scrolls when they pass its
height (j / k from the links go through it link by link, else line by line; space / b / g / G page
and go to its ends; the highlighted link is kept in view).
"""

from __future__ import annotations

from typing import cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.model.navigation import Navigator
from briefing_tui.model.places import Place, SourcePlace, SourceWay
from briefing_tui.model.types import Claim
from briefing_tui.reader_state import ClaimShown, EntityShown, EventShown, Shown, SourceShown
from briefing_tui.widgets.claim_list import ClaimList
from briefing_tui.widgets.detail_text import (
    claim_prompt,
    claim_text,
    entity_text,
    event_text,
    source_prompt,
    source_text,
)
from briefing_tui.widgets.drafts import DRAFT_CLASS, DRAFT_NOTE, DraftMarks
from briefing_tui.widgets.labels import no_claim_shown
from briefing_tui.widgets.looks import Looks
from briefing_tui.widgets.messages import JumpRequested
from briefing_tui.widgets.rows import Row
from briefing_tui.widgets.steady_list import MeasuredRows


class DetailBody(ScrollView):
    """The pane's text, wrapped once per width and drawn line by line, as tall as its text (the
    stylesheet gives it ``height: auto``; the pane around it scrolls)."""

    def __init__(self, text: Text, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = text
        self._lines: list[Strip] = []
        self._wrapped_width = -1

    @property
    def text(self) -> Text:
        return self._text

    def update(self, text: Text) -> None:
        """Show ``text`` from its top."""
        self._text = text
        self._wrap(self.scrollable_content_region.width)
        self.scroll_to(0, 0, animate=False, immediate=True)
        if isinstance(self.parent, DetailPane):
            self.parent.scroll_home(animate=False, immediate=True)
        self.refresh(layout=True)

    def _wrap(self, width: int, layout: bool = True) -> None:
        if width <= 2 or not self.is_mounted:
            self._lines, self._wrapped_width = [], -1
            return
        console = self.app.console
        options = console.options.update_width(width - 2)
        pad = Strip.blank(1)
        self._lines = [
            Strip.join([pad, Strip(line)]) for line in console.render_lines(self._text, options, pad=False)
        ]
        self._wrapped_width = width
        virtual = Size(width, len(self._lines))
        if virtual == self.virtual_size:
            return
        if layout:
            self.virtual_size = virtual
        else:  # the size on screen stays: only the scrollbar follows the new length
            self.set_reactive(Widget.virtual_size, virtual)
            self._scroll_update(virtual)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if width != self._wrapped_width:
            self._wrap(width, layout=False)
        return max(1, len(self._lines))

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._wrapped_width:
            self._wrap(self.scrollable_content_region.width)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self._wrapped_width != width:
            self._wrap(width)
        index = y + self.scroll_offset.y
        line = self._lines[index] if 0 <= index < len(self._lines) else Strip.blank(0)
        return line.crop_extend(0, width, None).apply_style(self.rich_style)


class DetailPane(DraftMarks, VerticalScroll, can_focus=False):
    """The claim pane: shows one thing in full (a claim, source, event or entity) with a list of links.

    It owns the cycling through the current claim's sources (``s``) and the claims list above the
    detail (``6``); a link chosen here becomes a ``JumpRequested``.
    """

    COMPONENT_CLASSES = {DRAFT_CLASS}  # drafted annotations: dimmed (reader.tcss)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.shown: Shown | None = None
        self.source_index: int | None = None
        """The current claim's source gone to last by ``s`` (or its link), None before the first."""
        self._cycled: tuple[str, str] | None = None  # (document, claim) that ``source_index`` belongs to

    def compose(self) -> ComposeResult:
        yield DetailBody(
            Text("No claim selected: press ] for the first claim.", style="dim"), id="detail-scroll"
        )
        yield DetailLinks(id="detail-links")

    @property
    def body_text(self) -> str:
        """The plain text of the body (for tests and the palette)."""
        return self.query_one(DetailBody).text.plain

    @property
    def claims_list(self) -> ClaimList | None:
        """The claims list, once it has been shown."""
        found = self.query("#claims")
        return cast("ClaimList", found.first()) if found else None

    def show(self, body: Text, links: list[tuple[str, str, Row]], highlight: int | None = None) -> None:
        """Show ``body`` and the ``links`` ``(kind, ref, prompt)``."""
        self.query_one(DetailBody).update(body)
        links_list = self.query_one(DetailLinks)
        links_list.set_options(
            [Option(prompt, id=f"{i}:{kind}:{ref}") for i, (kind, ref, prompt) in enumerate(links)]
        )
        if links:
            links_list.quiet = True  # a new thing is shown from its top, not from its first link
            links_list.highlighted = highlight if highlight is not None else 0
            links_list.quiet = False
        self.scroll_home(animate=False, immediate=True)

    def show_document(self, nav: Navigator) -> None:
        """A document is shown afresh: nothing in full yet (the sources gone to are remembered: ``s``
        goes on through a claim's sources when one of them is in another document)."""
        self.shown = None
        self._show_nothing(nav)
        if self.claims_list is not None:
            self.claims_list.set_claims(nav, None)

    def _show_nothing(self, nav: Navigator) -> None:
        self.show(no_claim_shown(len(nav.claims)), [])

    def restyle(self, nav: Navigator, claim_id: str | None) -> None:
        """The theme changed: draw what is shown again with the new looks."""
        self.show_item(self.shown) if self.shown is not None else self._show_nothing(nav)
        if self.claims_list is not None:
            self.claims_list.set_claims(nav, claim_id)

    def show_item(self, shown: Shown) -> None:
        """Show a claim, source, event or entity in full."""
        self.shown = shown
        looks = Looks(self)
        match shown:
            case ClaimShown(nav=nav, claim=claim):
                if (nav.doc.id, claim.id) != self._cycled:
                    self.source_index, self._cycled = None, (nav.doc.id, claim.id)
                links = [
                    ("source", ref.source, source_prompt(nav, ref, i + 1, False, looks))
                    for i, ref in enumerate(claim.sources)
                ]
                self.show(self._drafted(claim_text(nav, claim, looks), claim.draft), links)
            case SourceShown(nav=nav, source=source, ref=ref, of=of):
                citing = nav.citing_claims(source.id)
                links = [("claim", c.id, claim_prompt(nav, c, looks, source.id)) for c in citing]
                self.show(source_text(nav, source, ref, looks, of), links)
            case EventShown(nav=nav, event=event):
                links = [
                    ("source", r.source, source_prompt(nav, r, i + 1, False, looks))
                    for i, r in enumerate(event.sources)
                ]
                self.show(self._drafted(event_text(nav, event, looks), event.draft), links)
            case EntityShown(nav=nav, entity=entity):
                links = [("claim", c.id, claim_prompt(nav, c, looks)) for c in nav.entity_claims(entity.id)]
                self.show(self._drafted(entity_text(nav, entity, looks), entity.draft), links)

    def _drafted(self, body: Text, draft: bool) -> Text:
        """A drafted annotation: a first line saying so, and the rest dimmed."""
        if not draft:
            return body
        return Text.assemble(
            Text(DRAFT_NOTE, style=self.draft_style()), self.mark_draft(body, label=False), end=""
        )

    def next_source(
        self, nav: Navigator, claim: Claim, index: int | None = None, step: int = 1
    ) -> SourceWay | None:
        """Where the claim's next source leads (``step`` -1: the previous one; the first, or the last,
        at first; ``index``: that one; when the links have the focus, the one whose link is highlighted,
        or with -1 the one before it), or None when it has none. The source counts as gone to: ``s``
        again takes the one after it, wherever it is."""
        targets = nav.source_targets(claim)
        if not targets:
            return None
        key = (nav.doc.id, claim.id)
        shown = self.shown.claim.id if isinstance(self.shown, ClaimShown) else None
        if index is None and shown == claim.id and (lit := self.highlighted_source()) is not None:
            index = lit if step > 0 else lit - 1  # on a claim's source link: s that one, S the one before
        if index is None:
            fresh = self.source_index is None or self._cycled != key
            index = (0 if step > 0 else -1) if fresh else (self.source_index or 0) + step
        self.source_index, self._cycled = index % len(targets), key
        return targets[self.source_index].place

    def highlighted_source(self) -> int | None:
        """The source whose link is highlighted, by its number among the sources shown (from 0), when
        the links have the focus (None: they do not, or the link is not a source's)."""
        links = self.query_one(DetailLinks)
        option = links.highlighted_option if links.has_focus else None
        parts = option.id.split(":", 2) if option is not None and option.id else []
        return int(parts[0]) if len(parts) == 3 and parts[1] == "source" else None

    def address(self, claim: Claim | None) -> str | None:
        """The web address of the source shown, or whose link is highlighted in the focused links (for
        a claim, else of the source gone to last), if any."""
        source, chosen = None, self.highlighted_source()
        match self.shown:
            case SourceShown(source=shown_source):
                source = shown_source
            case ClaimShown(nav=nav, claim=cited) | EventShown(nav=nav, event=cited) if chosen is not None:
                source = nav.source(cited.sources[chosen].source) if chosen < len(cited.sources) else None
            case ClaimShown(nav=nav) if claim is not None and claim.sources:
                gone = self.source_index if self._cycled == (nav.doc.id, claim.id) else None
                source = nav.source(claim.sources[gone or 0].source)
        addresses = [source.url, *source.mirrors] if source is not None else []
        # the original's address, or a copy's when the original was not found
        return next((u for u in addresses if u and u.lower().startswith(("http://", "https://"))), None)

    def yank(self) -> tuple[str, str] | None:
        """What ``y`` copies from what is shown, and what it is: a source's address (its title when it
        has none), a claim's quote, an entity's name, an event's label; with a source's link
        highlighted in the focused links, that source's address (as ``s`` and ``o`` take it)."""
        if self.highlighted_source() is not None and (address := self.address(None)) is not None:
            return address, "the address of the source highlighted"
        match self.shown:
            case SourceShown(source=source):
                url = next((u for u in [source.url, *source.mirrors] if u), None)
                return (url, "the address") if url else (source.title or source.id, "the source's title")
            case ClaimShown(nav=nav, claim=claim):
                quote = nav.doc.text[claim.span.start : claim.span.end] if claim.span.anchored else ""
                return quote or claim.span.selector.exact or claim.gloss or claim.id, "the claim's quote"
            case EntityShown(entity=entity):
                return entity.name, "the name"
            case EventShown(event=event):
                return event.label, "the event"
        return None

    def toggle_claims_list(self, nav: Navigator, claim_id: str | None) -> bool:
        """Show the claims list (built on first use: the first frame stays light), or hide it when it
        has the focus. True when it shows."""
        claims = self.claims_list
        if claims is None:
            claims = ClaimList(id="claims")
            self.mount(claims, before=0)
            claims.set_claims(nav, claim_id)
        if claims.display and claims.has_focus:
            claims.display = False
            self.remove_class("-with-list")
            return False
        claims.display = True
        self.add_class("-with-list")
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not event.option.id or event.option_list is not self.query_one(DetailLinks):
            return
        index, kind, ref = event.option.id.split(":", 2)
        place: Place | None = None
        match self.shown:
            case ClaimShown(nav=nav, claim=claim) if kind == "source":
                place = self.next_source(nav, claim, int(index))
            case ClaimShown(nav=nav) | SourceShown(nav=nav) | EventShown(nav=nav) | EntityShown(nav=nav):
                if kind == "source":
                    place = SourcePlace(nav.doc.id, ref)
                else:
                    cited = nav.claim(ref)
                    place = nav.location_of(cited) if cited is not None else None
        if place is not None:
            self.post_message(JumpRequested(place))


class DetailLinks(MeasuredRows):
    """The links of the claim pane (sources of a claim, claims citing a source...)."""

    HELP_GROUP = "Claim pane"
    BINDINGS = [
        Binding("enter", "select", "Follow the link (a source, a claim)", show=False),
        Binding("j,down", "line(1)", "Down: the next link in view, else a line", show=False),
        Binding("k,up", "line(-1)", "Up: the previous link in view, else a line", show=False),
        Binding("space,pagedown", "scroll_pane(1)", "Page down", show=False),
        Binding("b,pageup", "scroll_pane(-1)", "Page up", show=False),
        Binding("g,home", "pane_end(-1)", "Top", show=False),
        Binding("G,end", "pane_end(1)", "Bottom", show=False),
    ]

    quiet = False
    """True while the pane shows a new thing: the highlight moves without scrolling the pane."""

    _scrolled_for: int | None = None  # the link the pane was scrolled to (or shown with) last

    def _pane(self) -> DetailPane | None:
        return self.parent if isinstance(self.parent, DetailPane) else None

    def highlighted_reference(self) -> tuple[str, str, str] | None:
        """``(kind, id, source id)``: the claim or event shown and the source whose link is
        highlighted, if one is (for ``delete``, which then detaches that source)."""
        pane, option = self._pane(), self.highlighted_option
        parts = option.id.split(":", 2) if option is not None and option.id else []
        if pane is None or len(parts) != 3 or parts[1] != "source":
            return None
        match pane.shown:
            case ClaimShown(claim=claim):
                return "claim", claim.id, parts[2]
            case EventShown(event=event):
                return "event", event.id, parts[2]
        return None

    def action_line(self, step: int) -> None:
        """Down (``step`` 1) or up through what the pane shows, as in every pane: to the next link when
        it is in view (the highlight follows it), else a line further; at the pane's end (or top)
        nothing moves, where the list's own keys went from link to link only, and wrapped round."""
        pane, highlighted = self._pane(), self.highlighted
        if pane is None:
            return
        target = highlighted + step if highlighted is not None else -1
        line = self._index_to_line.get(target) if 0 <= target < self.option_count else None
        if line is not None:  # the link's first line (going down) or last (going up), in the pane
            edge = self.virtual_region.y + line + (0 if step > 0 else self._heights[target] - 1)
            if pane.scroll_y <= edge < pane.scroll_y + pane.scrollable_content_region.height:
                self.highlighted = target
                return
        pane.scroll_to(y=pane.scroll_y + step, animate=False, immediate=True)

    def action_scroll_pane(self, step: int) -> None:
        if (pane := self._pane()) is not None:
            pane.scroll_page_down(animate=False) if step > 0 else pane.scroll_page_up(animate=False)

    def action_pane_end(self, step: int) -> None:
        if (pane := self._pane()) is None:
            return
        if step > 0:
            self.action_last()
            pane.scroll_end(animate=False, immediate=True)
        else:
            self.action_first()
            pane.scroll_home(animate=False, immediate=True)

    def scroll_to_highlight(self, top: bool = False) -> None:
        """The list is as tall as its links: the pane around it scrolls the highlighted one into view."""
        super().scroll_to_highlight(top)
        pane, highlighted = self._pane(), self.highlighted
        if pane is None or highlighted is None or not self.is_mounted:
            return
        if self.quiet or highlighted == self._scrolled_for:
            # A new thing shown from its top; or the same link, the list shown again (a terminal
            # grown back past the narrow size): the pane keeps its place.
            self._scrolled_for = highlighted
            return
        self._scrolled_for = highlighted
        y = self._index_to_line.get(highlighted)
        if y is None:
            return
        top_y = self.virtual_region.y + y
        pane.scroll_to_region(Region(0, top_y, 1, self._heights[highlighted]), animate=False, immediate=True)
