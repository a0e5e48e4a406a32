"""A list row counts its own lines, as many as it draws, at any width."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.text import Text

from briefing_tui.widgets.rows import Row


def drawn_lines(row: Row, console: Console, width: int) -> list[str]:
    lines = console.render_lines(row, console.options.update_width(width), pad=False)
    return ["".join(segment.text for segment in line) for line in lines]


@pytest.mark.parametrize("width", [22, 24, 31, 44, 80])
def test_row_height_is_the_number_of_lines_it_draws(width: int) -> None:
    console = Console(width=120)
    row = Row(
        (Text("●"), 1),
        (Text("29 Apr – 3 May 2024"), 12),
        (Text("Coup in Niger; President Bazoum detained, then held in his residence"), None),
        (Text("×12"), 4),
        wrap_fixed=True,
    )
    height = row.height(console, width)
    assert height == len(drawn_lines(row, console, width))
    assert height == len(drawn_lines(row, console, width))  # drawn again from what was measured


def test_row_measured_at_one_width_draws_at_another() -> None:
    console = Console(width=120)
    row = Row((Text(" "), 1), (Text("Kathleen FitzGibbon arrives in Niamey"), None))
    assert row.height(console, 60) == 1
    assert drawn_lines(row, console, 20) == ["  Kathleen", "  FitzGibbon arrives", "  in Niamey"]


def test_a_cell_that_fits_keeps_its_styles_and_its_line() -> None:
    console = Console(width=120)
    name = Text.assemble(("Ken", "italic"), " Ekman")
    row = Row((Text("●", style="bold"), 1), (name, None), (Text("×1"), 4))
    assert row.height(console, 30) == 1
    (line,) = console.render_lines(row, console.options.update_width(30), pad=False)
    assert "".join(segment.text for segment in line) == "● " + "Ken Ekman".ljust(30 - 1 - 4 - 2) + " ×1"
    styled = [segment for segment in line if segment.text == "Ken"]
    assert styled and styled[0].style is not None and styled[0].style.italic
