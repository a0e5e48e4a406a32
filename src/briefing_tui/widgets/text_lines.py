"""The lines of the text pane: a paragraph wrapped to the pane's width, and the claim marks of its gutter."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, MutableSequence
from itertools import accumulate
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


def wrap_plain(
    text: str, start: int, end: int, width: int, starts: MutableSequence[int], ends: MutableSequence[int]
) -> None:
    """``text[start:end]``, a paragraph of characters one cell wide, wrapped as ``wrap_paragraph``
    says, its lines appended to ``starts``/``ends``: ``wrap_paragraph``'s path for such a paragraph,
    and the text pane's for a ``PLAIN`` one, read straight off the text (``text_wrap``)."""
    width = max(1, width)
    rfind, pos = text.rfind, start
    while end - pos > width:
        cut = rfind(" ", pos, pos + width + 1)
        starts.append(pos)
        if cut <= pos:
            ends.append(pos + width)
            pos += width
        else:
            ends.append(cut)
            pos = cut + 1
    starts.append(pos)
    ends.append(end)


def wrap_paragraph(text: str, start: int, width: int) -> list[tuple[int, int]]:
    """Wrap one paragraph (no newline) of the sanitized ``text`` to ``width`` cells.

    Breaks after spaces when it can, inside words when a word is longer than the line; a wide
    character never straddles the edge. Returns ``(start, end)`` offsets, ``start`` added.

    A line ends before the first character that would take it past ``width`` cells (never before
    its own first character): at that character when it is a space (dropped), else after the line's
    last space but its first one (dropped), else at that character, or one before it when that
    character is Chinese or Japanese closing punctuation (``NO_LINE_START``) or the one before it an
    opening bracket (``NO_LINE_END``), and the line keeps a character. Each line is found from the
    cells the paragraph takes up to each character, without a step in Python per character.
    """
    width = max(1, width)
    n = len(text)
    if n == 0:
        return [(start, start)]
    cells = None if text.isascii() and text.isprintable() else text.translate(_CELLS).encode("ascii")
    if cells is None or (b"\x00" not in cells and b"\x02" not in cells):  # one cell per character
        starts: list[int] = []
        ends: list[int] = []
        wrap_plain(text, 0, n, width, starts, ends)
        return [(start + s, start + e) for s, e in zip(starts, ends, strict=True)]
    lines: list[tuple[int, int]] = []
    rfind = text.rfind
    pos = 0
    upto = list(accumulate(cells, initial=0))  # upto[i]: the cells of text[:i]
    while True:
        over = bisect_right(upto, upto[pos] + width, pos + 2)  # text[over - 1] is past the edge
        if over > n:
            break
        at = over - 1
        if text[at] == " ":
            lines.append((start + pos, start + at))
            pos = at + 1
        else:
            space = rfind(" ", pos + 1, at)
            if space > pos:
                lines.append((start + pos, start + space))
                pos = space + 1
            else:
                # 。 never starts a line, 「 never ends one: the character before goes down with it
                if at - 1 > pos and (text[at] in NO_LINE_START or text[at - 1] in NO_LINE_END):
                    at -= 1
                lines.append((start + pos, start + at))
                pos = at
        if pos >= n:
            break
    lines.append((start + pos, start + n))
    return lines


NO_LINE_START = frozenset("、。，．：；？！）」』】〕〉》｝］〙〗〟")
"""Closing punctuation of Chinese and Japanese (each two cells wide), which never starts a line."""
NO_LINE_END = frozenset("（「『【〔〈《｛［〘〖〝")
"""Opening brackets of Chinese and Japanese (each two cells wide), which never end a line."""


class _CellWidths(dict[int, str]):
    """A table for ``str.translate``: each character's width in cells, as rich measures it (0, 1
    or 2), as the character of that code. A character's width is looked up the first time it is
    met; ``KEPT_WIDTHS`` of them are kept (a text of every character would otherwise fill it)."""

    def __missing__(self, code: int) -> str:
        width = chr(get_character_cell_size(chr(code)))
        if len(self) < KEPT_WIDTHS:
            self[code] = width
        return width


KEPT_WIDTHS = 8192
_CELLS = _CellWidths()


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
