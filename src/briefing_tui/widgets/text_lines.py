"""The lines of the text pane: a paragraph wrapped to the pane's width, and the claim marks of its gutter."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style

from briefing_tui.model.span_list import anchored_positions
from briefing_tui.widgets.labels import rating_label

if TYPE_CHECKING:
    from briefing_tui.model.types import Claim, Document


Mentions = list[tuple[int, int, str, str]]
Marks = list[tuple[int, int, "Claim"]]
"""The claims marked in the text, ``(start, end, claim)``: the claim itself is the mark (a mark of
its own for each of a large text's 25,000 claims took 1.4 MB), read as it is drawn (``rating_label``)."""


def claim_marks(claims: Iterable[Claim]) -> Marks:
    """The marks of ``claims`` that have a place in the text."""
    return list(each_claim_mark(claims))


def each_claim_mark(claims: Iterable[Claim]) -> Iterator[tuple[int, int, Claim]]:
    """``claim_marks``, one at a time."""
    for claim in claims:
        span = claim.span
        if span.anchored:
            yield span.start, span.end, claim


def marks_of(doc: Document, claims: Iterable[Claim]) -> tuple[Mentions, Marks]:
    """The mentions ``(start, end, entity type, entity id)`` of ``doc`` and the marks of ``claims``
    that have a place in its text."""
    mentions = [(s, e, m.type, m.id) for m in doc.entities for s, e in anchored_positions(m.mentions)]
    return mentions, claim_marks(claims)


def wrap_paragraph(text: str, start: int, width: int) -> list[tuple[int, int]]:
    """Wrap one paragraph (no newline) of the sanitized ``text`` to ``width`` cells.

    Breaks after spaces when it can, inside words when a word is longer than the line; a wide
    character never straddles the edge. Returns ``(start, end)`` offsets, ``start`` added.
    """
    width = max(1, width)
    n = len(text)
    if n == 0:
        return [(start, start)]
    lines: list[tuple[int, int]] = []
    if cell_len(text) == n:  # one cell per character: the fast path
        pos = 0
        while n - pos > width:
            cut = text.rfind(" ", pos, pos + width + 1)
            if cut <= pos:
                lines.append((start + pos, start + pos + width))
                pos += width
            else:
                lines.append((start + pos, start + cut))
                pos = cut + 1
        lines.append((start + pos, start + n))
        return lines
    pos = 0
    used = 0
    last_space = -1
    i = pos
    while i < n:
        char = text[i]
        size = get_character_cell_size(char)
        if used + size > width and i > pos:
            if char == " ":
                lines.append((start + pos, start + i))
                pos = i + 1
                i = pos
            elif last_space > pos:
                lines.append((start + pos, start + last_space))
                pos = last_space + 1
                i = pos
            else:
                lines.append((start + pos, start + i))
                pos = i
            used = 0
            last_space = -1
            continue
        if char == " ":
            last_space = i
        used += size
        i += 1
    lines.append((start + pos, start + n))
    return lines


GUTTER = 2
"""Cells left of the text: a claim's verdict glyph, then a space."""


def gutter_segments(
    marks: Iterable[tuple[int, int, Claim]],
    current_claim: str | None,
    start: int,
    end: int,
    base: Style,
    look: Callable[[str, str], Style],
) -> list[Segment]:
    """The gutter of the line ``start``-``end``: the verdict glyph where a claim starts, a bar along the
    rest of it (heavy and bold for the current one). ``marks`` are the claims overlapping the line;
    ``look(kind, name)`` gives a look of the stylesheet (``("rating", "false")``, ``("mark", "current")``).
    """
    best: tuple[int, str, Style] = (-1, " ", base)
    for s, _e, claim in marks:
        current = claim.id == current_claim
        shown, _label, rating = rating_label(claim)
        colour = look("rating", rating) + Style(bold=current)
        if start <= s < max(end, start + 1):
            rank, glyph = 1, shown
        else:
            rank, glyph = 0, "┃" if current else "│"
        rank += 2 if current else 0
        if rank > best[0]:
            style = base + colour + (look("mark", "current") if current and rank == 3 else Style())
            best = (rank, glyph, style)
    _, glyph, style = best
    return [Segment(glyph, style), Segment(" " * max(0, GUTTER - cell_len(glyph)), base)]
