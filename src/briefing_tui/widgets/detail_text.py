"""What the claim pane says about a claim, a source, an event or an entity: rich ``Text`` built from
sanitized strings (never markup), and the rows of its list of links."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from briefing_tui.addresses import display_url, name_warnings
from briefing_tui.display import sanitize
from briefing_tui.model.dates import say_date
from briefing_tui.model.navigation import Navigator
from briefing_tui.model.types import AnchorStatus, Claim, Entity, Event, Source, SourceRef, Span, Stance
from briefing_tui.widgets.labels import rating_label
from briefing_tui.widgets.looks import Looks
from briefing_tui.widgets.rows import Row
from briefing_tui.words import plural

QUOTE_LIMIT = 400  # characters of a claim's quote in the claim pane
ROW_QUOTE_LIMIT = 80  # in a claim's row (a source's citing claims, an entity's, the claims list)


MULTILINE = frozenset({"Says", "Why", "Note", "About"})
"""The fields written in paragraphs (a note, an explanation): their line breaks are kept."""


def _field(out: Text, label: str, value: str | None, style: str | Style = "") -> None:
    if value:
        out.append(f"{label}: ", style="dim")
        out.append(sanitize(str(value), multiline=label in MULTILINE), style=style)
        out.append("\n")


def _address(out: Text, url: str, style: str, looks: Looks) -> None:
    """An address with its host in punycode, and a warning when the host mixes scripts or looks like one."""
    shown = display_url(url)
    out.append(shown.text, style=style)
    for warning in shown.warnings:
        out.append(f"\n⚠ {warning}", style=looks.mark("warn"))


def _unverified(out: Text, names: list[str], looks: Looks) -> None:
    if names:  # "*": the whole of it, said so rather than as the mark written in the file
        fields = [str(n) for n in names if n != "*"]
        whole = "⚠ unverified as a whole" + (", and: " if fields else "")
        out.append(whole if "*" in names else "⚠ unverified: ", style=looks.mark("warn"))
        out.append(sanitize(", ".join(fields)), style=looks.mark("warn"))
        out.append("\n")


def _anchor(out: Text, span: Span, looks: Looks) -> None:
    if span.status is AnchorStatus.ORPHAN:
        out.append("⚠ orphan: this claim's quote was not found in the text\n", style=looks.mark("warn"))
    elif span.status is not AnchorStatus.EXACT:
        out.append(f"⚠ anchor {span.status.value}: placed by approximate match\n", style=looks.mark("warn"))


def _stance(out: Text, stance: Stance | None, looks: Looks) -> None:
    """A source's stance on a claim, in words, when it is not the default: "[contradicts] ",
    "[context] " (as the Markdown export writes it)."""
    if stance is not None and stance is not Stance.SUPPORTS:
        out.append(f"[{stance.value}]", style=looks.mark(stance.value))
        out.append(" ")


def _quote(text: str, span: Span, limit: int = QUOTE_LIMIT) -> str:
    """The span's quote, a longer one cut to ``limit`` characters with "…" (after a word when one
    ends in its last quarter)."""
    quote = text[span.start : span.end] if span.anchored else span.selector.exact or ""
    if len(quote) > limit:
        cut = quote[: limit - 1]
        space = cut.rfind(" ", limit * 3 // 4)
        quote = (cut[:space] if space > 0 else cut).rstrip() + "…"
    return quote


def claim_text(nav: Navigator, claim: Claim, looks: Looks) -> Text:
    """What the claim pane shows for a claim (everything but its source links)."""
    glyph, label, rating = rating_label(claim)
    position = nav.claim_position(claim.id)
    out = Text(end="")
    out.append(f"Claim {(position or 0) + 1:,} of {len(nav.claims):,}", style="bold")
    out.append(f"  {sanitize(claim.id)}\n", style="dim")
    out.append(f"{glyph} {label}\n", style=looks.rating(rating) + Style(bold=True))
    _anchor(out, claim.span, looks)
    out.append("“", style="dim")
    out.append(sanitize(_quote(nav.doc.text, claim.span)), style="italic")
    out.append("”\n", style="dim")
    _field(out, "Says", claim.gloss)
    if claim.verdict is not None:
        _field(out, "Why", claim.verdict.explanation)
        _field(out, "Reviewed", claim.verdict.reviewed, "dim")
    _unverified(out, claim.unverified, looks)
    _field(out, "Note", claim.note, "dim")
    out.append(f"Sources ({len(claim.sources)})", style="bold")
    out.append("  s: go to source · o: open address" if claim.sources else "  none", style="dim")
    return out


def source_text(
    nav: Navigator, source: Source, ref: SourceRef | None, looks: Looks, of: tuple[int, int] | None = None
) -> Text:
    """A source's entry: title, publisher, author, date, address, the passage that bears on the claim
    (``of``: reached from it, which of its sources it is, of how many)."""
    out = Text(end="")
    out.append(f"Source {of[0]} of {of[1]}  " if of is not None else "Source  ", style="bold")
    out.append(f"{sanitize(source.id)}\n", style="dim")
    out.append(sanitize(source.title or "(untitled)"), style="bold")
    out.append("\n")
    _field(out, "Publisher", source.publisher)
    _field(out, "Author", source.author)
    for name in (source.title, source.publisher, source.author):
        for warning in name_warnings(name or ""):  # a name that passes for another
            out.append(f"⚠ {warning}\n", style=looks.mark("warn"))
    if source.date:
        _field(out, "Date", say_date(source.date))
    _field(out, "Kind", source.kind)
    doubt = "url" in source.unverified or "address" in source.unverified
    if source.url:
        out.append("Address: ", style="dim")
        _address(out, source.url, "underline", looks)
        out.append("  (unverified)\n" if doubt else "\n")
    elif doubt:  # the original's address was looked for and not found
        out.append("Address: ", style="dim")
        out.append("original not found (unverified)\n", style=looks.mark("warn"))
    for mirror in source.mirrors:
        out.append("Mirror: ", style="dim")
        _address(out, mirror, "underline", looks)
        out.append("\n")
    if source.document:
        _field(out, "Document", source.document)
    if source.entity:
        entity = nav.entity(source.entity)
        _field(out, "Speaker", entity.name if entity else source.entity)
    if ref is not None and ref.passage:
        out.append("Passage: ", style="dim")
        out.append(f"“{sanitize(ref.passage)}”\n", style="italic")
    if ref is not None and ref.stance is not Stance.SUPPORTS:
        _field(out, "Stance", ref.stance.value, looks.mark(ref.stance.value))
    _unverified(out, [u for u in source.unverified if u not in ("url", "address")], looks)
    _field(out, "Note", source.note, "dim")
    citing = nav.citing_claims(source.id)
    out.append(f"Cited by {plural(len(citing), 'claim')}", style="bold")
    out.append("  enter: go to claim" if citing else "", style="dim")
    return out


def event_text(nav: Navigator, event: Event, looks: Looks) -> Text:
    out = Text(end="")
    out.append("Event  ", style="bold")
    out.append("background (not in the text)\n" if event.background else "in the text\n", style="dim")
    said = say_date(event.date)
    out.append(sanitize(said), style=looks.mark("date"))
    named = "approximate" in said or "uncertain" in said  # a qualifier on one part is named already
    if (event.date.approximate or event.date.uncertain) and not named:
        out.append("  (approximate)" if event.date.approximate else "  (uncertain)", style=looks.mark("warn"))
    out.append(f"  [{sanitize(event.date.text)}]\n", style="dim")
    out.append(sanitize(event.label) + "\n")
    names = [nav.entity(e).name if nav.entity(e) else e for e in event.entities]  # type: ignore[union-attr]
    _field(out, "Involves", ", ".join(names))
    _unverified(out, event.unverified, looks)
    _field(out, "Note", event.note, "dim")
    out.append(f"Sources ({len(event.sources)})", style="bold")
    return out


def entity_text(nav: Navigator, entity: Entity, looks: Looks) -> Text:
    out = Text(end="")
    out.append(sanitize(entity.name), style=looks.entity(entity.type))
    out.append(f"  {sanitize(entity.type)}\n", style="dim")
    _field(out, "Also", ", ".join(entity.aliases))
    _field(out, "About", entity.description)
    wikidata = entity.wikidata or entity.wikidata_status
    _field(out, "Wikidata", wikidata, looks.mark("warn") if wikidata in ("unverified",) else "")
    count = len(nav.mentions(entity.id))
    out.append(f"{plural(count, 'mention')}  ", style="dim")
    out.append("> / <: next / previous mention\n", style="dim")
    _unverified(out, entity.unverified, looks)
    out.append(f"Claims involving it ({len(nav.entity_claims(entity.id))})", style="bold")
    return out


def source_prompt(nav: Navigator, ref: SourceRef, number: int, current: bool, looks: Looks) -> Row:
    """A source of a claim as a list row: its stance when it does not support the claim, its title,
    then publisher · date, address and passage."""
    source = nav.source(ref.source)
    head = Text(("▶" if current else " ") + f"{number}.", style="bold" if current else "dim")
    out = Text(end="")
    if source is None:
        _stance(out, ref.stance, looks)
        out.append(f"{sanitize(ref.source)} (not in the sources)", style=looks.mark("warn"))
        return Row((head, 3), (out, None))
    _stance(out, ref.stance, looks)
    out.append(sanitize(source.title or source.id), style="bold")
    details = " · ".join(x for x in (source.publisher, say_date(source.date) if source.date else "") if x)
    if details:
        out.append("\n" + sanitize(details), style="dim")
    if source.url:
        out.append("\n")
        _address(out, source.url, "underline dim", looks)
        if "url" in source.unverified:
            out.append(" (unverified)", style=looks.mark("warn"))
    for i, mirror in enumerate(source.mirrors):  # every copy; the first opens when there is no original
        out.append("\n")
        _address(out, mirror, "underline dim", looks)
        out.append(" (copy)" if not source.url and i == 0 else " (mirror)", style=looks.mark("warn"))
    if ref.passage:
        out.append("\n“" + sanitize(ref.passage) + "”", style="italic")
    if source.note:
        out.append("\nNote: " + sanitize(source.note, multiline=True), style="dim")
    return Row((head, 3), (out, None))


def claim_prompt(nav: Navigator, claim: Claim, looks: Looks, source_id: str | None = None) -> Row:
    """A claim as a list row: its verdict's glyph, its id and what it says; with ``source_id`` (a
    source's citing claims), first the stance it takes on that source when it is not the default."""
    glyph, _label, rating = rating_label(claim)
    out = Text(end="")
    if source_id is not None:
        _stance(out, next((r.stance for r in claim.sources if r.source == source_id), None), looks)
    out.append(f"{sanitize(claim.id)} ", style="bold")
    out.append(sanitize(claim.gloss or _quote(nav.doc.text, claim.span, ROW_QUOTE_LIMIT)))
    return Row((Text(glyph, style=looks.rating(rating) if rating else ""), 2), (out, None))
