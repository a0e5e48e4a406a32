"""The head of the text pane: title, metadata and the legend of mention styles and verdict glyphs."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from briefing_tui.model.types import RATINGS, Document
from briefing_tui.widgets.looks import Looks

LEGEND_TYPES = ["person", "organisation", "place", "date", "event", "other"]


def header_text(doc: Document, looks: Looks, position: tuple[int, int] | None = None) -> Text:
    """Title, then "publisher · date · language", then the legend; every document string sanitized."""
    # deferred: the reader's first frame draws its header from these lines, worked out beside it
    from briefing_tui.model.doc_meta import meta_line, title_line

    return header_of(title_line(doc), meta_line(doc, position), looks)


def header_of(title: str, meta: str, looks: Looks) -> Text:
    """The header of a document whose ``title`` and ``meta`` line are said (and sanitized) already."""
    out = Text(end="")
    out.append(title, style="bold")
    out.append("\n" + meta, style="dim")
    out.append("\n")
    out.append_text(legend(looks))
    return out


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

    def show_lines(self, title: str, meta: str, looks: Looks) -> None:
        """Show a header said already (``header_of``): the reader's first frame."""
        self.update(header_of(title, meta, looks))
