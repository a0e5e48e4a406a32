"""List rows with a hanging indent: fixed columns (mark, date, number) and text that wraps beside them.

A small renderable instead of a rich ``Table``: an ``OptionList`` measures every row, and a table
costs several times more to lay out than wrapping one ``Text``.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions
from rich.text import Text


class Row:
    """A rich renderable row for an ``OptionList`` prompt; ``plain`` keeps its text for tests."""

    def __init__(self, *cells: tuple[Text, int | None], wrap_fixed: bool = False) -> None:
        """``cells`` are ``(text, width)``; width None is the wrapping column (one at most).

        ``wrap_fixed`` lets text wrap inside the fixed-width columns too (long dates).
        """
        self.cells = cells
        self.wrap_fixed = wrap_fixed
        self.plain = "".join(text.plain for text, _ in cells)
        self._wrapped: tuple[int, list[tuple[list[Text], int]]] | None = None

    def __str__(self) -> str:
        return self.plain

    def _columns(self, console: Console, width: int) -> list[tuple[list[Text], int]]:
        """Each cell's lines at ``width`` and the cell's width; the last width's are kept."""
        if self._wrapped is not None and self._wrapped[0] == width:
            return self._wrapped[1]
        gaps = len(self.cells) - 1
        fixed = sum(w for _, w in self.cells if w is not None)
        flexible = max(1, width - fixed - gaps)
        columns: list[tuple[list[Text], int]] = []
        for text, cell_width in self.cells:
            size = flexible if cell_width is None else cell_width
            if (cell_width is None or self.wrap_fixed) and ("\n" in text.plain or text.cell_len > size):
                lines = list(text.wrap(console, size, overflow="fold"))
            elif cell_width is None or self.wrap_fixed:
                lines = [text]  # fits: nothing to wrap (drawing copies it)
            else:
                line = text.copy()
                line.truncate(size, overflow="ellipsis")
                lines = [line]
            columns.append((lines or [Text()], size))
        self._wrapped = (width, columns)
        return columns

    def height(self, console: Console, width: int) -> int:
        """How many lines the row takes at ``width``, without drawing it (the wrapping is kept for that)."""
        return max(len(lines) for lines, _ in self._columns(console, width))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        columns = self._columns(console, options.max_width)
        gaps = len(self.cells) - 1
        height = max(len(lines) for lines, _ in columns)
        for y in range(height):
            out = Text(end="\n")  # every line ends in a newline: Textual counts them for the height
            for i, (lines, size) in enumerate(columns):
                piece = lines[y].copy() if y < len(lines) else Text()
                piece.end = ""
                piece.rstrip()
                piece.pad_right(max(0, size - piece.cell_len))
                out.append_text(piece)
                if i < gaps:
                    out.append(" ")
            out.rstrip()
            yield out
