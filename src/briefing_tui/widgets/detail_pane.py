"""The claim pane: the current claim with its verdict and sources, or a source, event or entity.

The body is rich ``Text`` built from sanitized strings (never markup), drawn by ``DetailBody`` (a
fixed-size Line API view); below it a list of links (the claim's sources, a source's citing claims,
...) that enter follows.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.addresses import display_url, name_warnings
from briefing_tui.display import sanitize
from briefing_tui.model.dates import say_date
from briefing_tui.model.navigation import Navigator
from briefing_tui.model.types import AnchorStatus, Claim, Entity, Event, Source, SourceRef, Span
from briefing_tui.widgets.drafts import DRAFT_CLASS, DRAFT_NOTE, DraftMarks
from briefing_tui.widgets.labels import rating_label
from briefing_tui.widgets.rows import Row
from briefing_tui.widgets.text_view import RATING_COLOURS, type_style
from briefing_tui.words import plural

QUOTE_LIMIT = 400
WARN = "italic #ffaf5f"


def _field(out: Text, label: str, value: str | None, style: str = "") -> None:
    if value:
        out.append(f"{label}: ", style="dim")
        out.append(sanitize(str(value)), style=style)
        out.append("\n")


def _address(out: Text, url: str, style: str) -> None:
    """An address with its host in punycode, and a warning when the host mixes scripts or looks like one."""
    shown = display_url(url)
    out.append(shown.text, style=style)
    for warning in shown.warnings:
        out.append(f"\n⚠ {warning}", style=WARN)


def _unverified(out: Text, names: list[str]) -> None:
    if names:
        out.append("⚠ unverified: ", style=WARN)
        out.append(sanitize(", ".join(str(n) for n in names)), style=WARN)
        out.append("\n")


def _anchor(out: Text, span: Span) -> None:
    if span.status is AnchorStatus.ORPHAN:
        out.append("⚠ orphan: this claim's quote was not found in the text\n", style=WARN)
    elif span.status is not AnchorStatus.EXACT:
        out.append(f"⚠ anchor {span.status.value}: placed by approximate match\n", style=WARN)


def _quote(text: str, span: Span) -> str:
    quote = text[span.start : span.end] if span.anchored else span.selector.exact or ""
    if len(quote) > QUOTE_LIMIT:
        quote = quote[: QUOTE_LIMIT - 1] + "…"
    return quote


def claim_text(nav: Navigator, claim: Claim) -> Text:
    """What the claim pane shows for a claim (everything but its source links)."""
    glyph, label, rating = rating_label(claim)
    position = nav.claim_position(claim.id)
    out = Text(end="")
    out.append(f"Claim {(position or 0) + 1} of {len(nav.claims)}", style="bold")
    out.append(f"  {sanitize(claim.id)}\n", style="dim")
    colour = RATING_COLOURS.get(rating, "#afafaf")
    out.append(f"{glyph} {label}\n", style=f"bold {colour}")
    _anchor(out, claim.span)
    out.append("“", style="dim")
    out.append(sanitize(_quote(nav.doc.text, claim.span)), style="italic")
    out.append("”\n", style="dim")
    _field(out, "Says", claim.gloss)
    if claim.verdict is not None:
        _field(out, "Why", claim.verdict.explanation)
        _field(out, "Reviewed", claim.verdict.reviewed, "dim")
    _unverified(out, claim.unverified)
    _field(out, "Note", claim.note, "dim")
    out.append(f"Sources ({len(claim.sources)})", style="bold")
    out.append("  s: go to source · o: open address" if claim.sources else "  none", style="dim")
    return out


def source_text(nav: Navigator, source: Source, ref: SourceRef | None = None) -> Text:
    """A source's entry: title, publisher, author, date, address, the passage that bears on the claim."""
    out = Text(end="")
    out.append("Source  ", style="bold")
    out.append(f"{sanitize(source.id)}\n", style="dim")
    out.append(sanitize(source.title or "(untitled)"), style="bold")
    out.append("\n")
    _field(out, "Publisher", source.publisher)
    _field(out, "Author", source.author)
    for name in (source.title, source.publisher, source.author):
        for warning in name_warnings(name or ""):  # a name that passes for another
            out.append(f"⚠ {warning}\n", style=WARN)
    if source.date:
        _field(out, "Date", say_date(source.date))
    _field(out, "Kind", source.kind)
    doubt = "url" in source.unverified or "address" in source.unverified
    if source.url:
        out.append("Address: ", style="dim")
        _address(out, source.url, "underline")
        out.append("  (unverified)\n" if doubt else "\n")
    elif doubt:  # the original's address was looked for and not found
        out.append("Address: ", style="dim")
        out.append("original not found (unverified)\n", style=WARN)
    for mirror in source.mirrors:
        out.append("Mirror: ", style="dim")
        _address(out, mirror, "underline")
        out.append("\n")
    if source.document:
        _field(out, "Document", source.document)
    if source.entity:
        entity = nav.entity(source.entity)
        _field(out, "Speaker", entity.name if entity else source.entity)
    if ref is not None and ref.passage:
        out.append("Passage: ", style="dim")
        out.append(f"“{sanitize(ref.passage)}”\n", style="italic")
    if ref is not None and ref.stance.value != "supports":
        _field(out, "Stance", ref.stance.value)
    _unverified(out, [u for u in source.unverified if u not in ("url", "address")])
    _field(out, "Note", source.note, "dim")
    citing = nav.citing_claims(source.id)
    out.append(f"Cited by {plural(len(citing), 'claim')}", style="bold")
    out.append("  enter: go to claim" if citing else "", style="dim")
    return out


def event_text(nav: Navigator, event: Event) -> Text:
    out = Text(end="")
    out.append("Event  ", style="bold")
    out.append("background (not in the text)\n" if event.background else "in the text\n", style="dim")
    said = say_date(event.date)
    out.append(sanitize(said), style="bold #ffaf5f")
    named = "approximate" in said or "uncertain" in said  # a qualifier on one part is named already
    if (event.date.approximate or event.date.uncertain) and not named:
        out.append("  (approximate)" if event.date.approximate else "  (uncertain)", style=WARN)
    out.append(f"  [{sanitize(event.date.text)}]\n", style="dim")
    out.append(sanitize(event.label) + "\n")
    names = [nav.entity(e).name if nav.entity(e) else e for e in event.entities]  # type: ignore[union-attr]
    _field(out, "Involves", ", ".join(names))
    _unverified(out, event.unverified)
    _field(out, "Note", event.note, "dim")
    out.append(f"Sources ({len(event.sources)})", style="bold")
    return out


def entity_text(nav: Navigator, entity: Entity) -> Text:
    out = Text(end="")
    out.append(sanitize(entity.name), style=type_style(entity.type))
    out.append(f"  {sanitize(entity.type)}\n", style="dim")
    _field(out, "Also", ", ".join(entity.aliases))
    _field(out, "About", entity.description)
    wikidata = entity.wikidata or entity.wikidata_status
    _field(out, "Wikidata", wikidata, WARN if wikidata in ("unverified",) else "")
    count = len(nav.mentions(entity.id))
    out.append(f"{plural(count, 'mention')}  ", style="dim")
    out.append("> / <: next / previous mention\n", style="dim")
    _unverified(out, entity.unverified)
    out.append(f"Claims involving it ({len(nav.entity_claims(entity.id))})", style="bold")
    return out


def source_prompt(nav: Navigator, ref: SourceRef, number: int, current: bool) -> Row:
    """A source of a claim as a list row: title, then publisher · date, address and passage."""
    source = nav.source(ref.source)
    head = Text(("▶" if current else " ") + f"{number}.", style="bold" if current else "dim")
    out = Text(end="")
    if source is None:
        out.append(f"{sanitize(ref.source)} (not in the sources)", style=WARN)
        return Row((head, 3), (out, None))
    out.append(sanitize(source.title or source.id), style="bold")
    details = " · ".join(x for x in (source.publisher, say_date(source.date) if source.date else "") if x)
    if details:
        out.append("\n" + sanitize(details), style="dim")
    if source.url:
        out.append("\n")
        _address(out, source.url, "underline dim")
        if "url" in source.unverified:
            out.append(" (unverified)", style=WARN)
    elif source.mirrors:  # the original's address was not found: the copy that o opens
        out.append("\n")
        _address(out, source.mirrors[0], "underline dim")
        out.append(" (copy)", style=WARN)
    if ref.passage:
        out.append("\n“" + sanitize(ref.passage) + "”", style="italic")
    return Row((head, 3), (out, None))


def claim_prompt(nav: Navigator, claim: Claim) -> Row:
    glyph, _label, rating = rating_label(claim)
    out = Text(end="")
    out.append(f"{sanitize(claim.id)} ", style="bold")
    out.append(sanitize(claim.gloss or _quote(nav.doc.text, claim.span)[:80]))
    return Row((Text(glyph, style=RATING_COLOURS.get(rating, "")), 2), (out, None))


class DetailBody(ScrollView):
    """The pane's text, wrapped once per width and drawn line by line.

    The stylesheet keeps the scrollbar's column (``scrollbar-gutter: stable``), so the width the text
    is wrapped to does not depend on whether it scrolls.

    Its size is set by the stylesheet and never follows its content, so showing another claim
    repaints these lines without laying out the screen again (an auto-height body moved the links
    below it and cost extra frames per jump). Longer text scrolls.
    """

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
        self._wrap(self.scrollable_content_region.width, layout=False)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

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


class DetailPane(DraftMarks, Vertical):
    """Shows one thing in full (``kind`` claim, source, event or entity) with a list of links."""

    COMPONENT_CLASSES = {DRAFT_CLASS}

    class LinkChosen(Message):
        """A link was chosen: ``kind`` is claim, source or event; ``index`` its place in the list."""

        def __init__(self, kind: str, ref: str, index: int) -> None:
            self.kind, self.ref, self.index = kind, ref, index
            super().__init__()

    def compose(self) -> ComposeResult:
        yield DetailBody(
            Text("No claim selected: press ] for the first claim.", style="dim"), id="detail-scroll"
        )
        yield DetailLinks(id="detail-links")

    @property
    def body_text(self) -> str:
        """The plain text of the body (for tests and the palette)."""
        return self.query_one(DetailBody).text.plain

    def show(self, body: Text, links: list[tuple[str, str, Row]], highlight: int | None = None) -> None:
        """Show ``body`` and the ``links`` ``(kind, ref, prompt)``."""
        self.query_one(DetailBody).update(body)
        links_list = self.query_one(DetailLinks)
        links_list.set_options(
            [Option(prompt, id=f"{i}:{kind}:{ref}") for i, (kind, ref, prompt) in enumerate(links)]
        )
        if links:
            links_list.highlighted = highlight if highlight is not None else 0

    def show_claim(self, nav: Navigator, claim: Claim, current_source: int | None = None) -> None:
        links = [
            ("source", ref.source, source_prompt(nav, ref, i + 1, i == current_source))
            for i, ref in enumerate(claim.sources)
        ]
        self.show(self._drafted(claim_text(nav, claim), claim.draft), links, current_source)

    def show_source(self, nav: Navigator, source: Source, ref: SourceRef | None = None) -> None:
        links = [("claim", c.id, claim_prompt(nav, c)) for c in nav.citing_claims(source.id)]
        self.show(source_text(nav, source, ref), links)

    def show_event(self, nav: Navigator, event: Event) -> None:
        links = [
            ("source", r.source, source_prompt(nav, r, i + 1, False)) for i, r in enumerate(event.sources)
        ]
        self.show(self._drafted(event_text(nav, event), event.draft), links)

    def show_entity(self, nav: Navigator, entity: Entity) -> None:
        links = [("claim", c.id, claim_prompt(nav, c)) for c in nav.entity_claims(entity.id)]
        self.show(self._drafted(entity_text(nav, entity), entity.draft), links)

    def _drafted(self, body: Text, draft: bool) -> Text:
        """A drafted annotation: a first line saying so, and the rest dimmed."""
        if not draft:
            return body
        return Text.assemble(
            Text(DRAFT_NOTE, style=self.draft_style()), self.mark_draft(body, label=False), end=""
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            index, kind, ref = event.option.id.split(":", 2)
            self.post_message(self.LinkChosen(kind, ref, int(index)))


class DetailLinks(OptionList):
    """The links of the claim pane (sources of a claim, claims citing a source...)."""

    HELP_GROUP = "Claim pane"

    # The list's place on screen does not depend on how many lines its links take (it fills what the
    # body leaves), so a new set of links scrolls and repaints without a layout of the whole screen.
    virtual_size = Reactive(Size(0, 0), layout=False)
