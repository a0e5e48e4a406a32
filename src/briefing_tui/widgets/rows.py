"""List rows with a hanging indent: a fixed column (mark, date, number) and text that wraps beside it."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text


class Row:
    """A rich renderable row for an ``OptionList`` prompt, with its plain text kept for tests and search."""

    def __init__(self, *cells: tuple[Text, int | None], wrap_fixed: bool = False) -> None:
        """``cells`` are ``(text, width)``; width None is the wrapping column (one at most).

        ``wrap_fixed`` lets text wrap inside the fixed-width columns too (long dates).
        """
        self.cells = cells
        self.wrap_fixed = wrap_fixed
        self.plain = "".join(text.plain for text, _ in cells)

    def __str__(self) -> str:
        return self.plain

    def __rich__(self) -> Table:
        grid = Table.grid(padding=(0, 1 if len(self.cells) > 1 else 0))
        for _text, width in self.cells:
            if width is None:
                grid.add_column(ratio=1, overflow="fold")
            else:
                grid.add_column(width=width, no_wrap=not self.wrap_fixed)
        grid.add_row(*(text for text, _ in self.cells))
        return grid
