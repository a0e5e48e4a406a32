"""The head of the text pane: title, metadata and the legend of mention styles and verdict glyphs."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from briefing_tui.display import sanitize
from briefing_tui.model.dates import parse_edtf, say_date
from briefing_tui.model.types import RATINGS, Document
from briefing_tui.widgets.looks import Looks

LEGEND_TYPES = ["person", "organisation", "place", "date", "event", "other"]


def header_text(doc: Document, looks: Looks, position: tuple[int, int] | None = None) -> Text:
    """Title, then "publisher · date · language", then the legend; every document string sanitized."""
    out = Text(end="")
    out.append(sanitize(doc.title or doc.id), style="bold")
    meta = []
    if doc.publisher:
        meta.append(sanitize(doc.publisher))
    meta.append(published_text(doc.published))
    if doc.language:
        meta.append(sanitize(doc.language))
    if doc.authors:
        meta.append(sanitize(", ".join(doc.authors)))
    if position is not None:
        meta.append(f"document {position[0]} of {position[1]}")
    out.append("\n" + " · ".join(meta), style="dim")
    out.append("\n")
    out.append_text(legend(looks))
    return out


def published_text(published: str | None) -> str:
    """The document's date as the header says it. An interval means the document carries no date
    and appeared between its ends: "undated, between 24 Apr 2024 and 19 May 2024"."""
    if not published:
        return "undated"
    try:
        date = parse_edtf(str(published))
    except ValueError:  # not EDTF: show it as written
        return sanitize(str(published))
    if not date.is_interval or (date.start is None and date.end is None):
        return sanitize(say_date(date))
    if date.start is not None and date.end is not None:
        return f"undated, between {say_date(date.start)} and {say_date(date.end)}"
    if date.start is not None:
        return f"undated, on or after {say_date(date.start)}"
    assert date.end is not None
    return f"undated, on or before {say_date(date.end)}"


def legend(looks: Looks) -> Text:
    """Mention styles by entity type, then verdict glyphs: readable without colour."""
    out = Text(end="")
    for kind in LEGEND_TYPES:
        out.append(kind, style=looks.entity(kind))
        out.append(" ")
    out.append(" │ ", style="dim")
    seen = set()
    for rating, info in RATINGS.items():
        if info.glyph in seen:
            continue
        seen.add(info.glyph)
        out.append(f"{info.glyph}", style=looks.rating(rating.value) + Style(bold=True))
        out.append(f"{info.label.split()[0]} ", style="dim")
    return out


class DocHeader(Static):
    """Shows ``header_text`` for the current document, with the looks of the text it heads."""

    def show(self, doc: Document, looks: Looks, position: tuple[int, int] | None = None) -> None:
        self.update(header_text(doc, looks, position))
