"""What a document's header says under its title: publisher, date, language, authors (pure).

Every document string is sanitized here: the reader's header and its first frame draw these words
as they are.
"""

from __future__ import annotations

from briefing_tui.display import sanitize
from briefing_tui.model.dates import parse_edtf, say_date
from briefing_tui.model.types import Document


def title_line(doc: Document) -> str:
    """The document's title (its id when it has none)."""
    return sanitize(doc.title or doc.id)


def meta_line(doc: Document, position: tuple[int, int] | None = None) -> str:
    """ "publisher · date · language · authors", and "document 2 of 5" at ``position`` in a collection."""
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
    return " · ".join(meta)


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
