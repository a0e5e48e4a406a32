"""Colours live in the stylesheets (styles/*.tcss, as component classes): none is written in Python,
so that a theme can change every one of them."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "briefing_tui"
COLOUR = re.compile(r"""["'](?:#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}|rgb\(\s*\d+\s*,)""")


def colours_written_in(text: str) -> list[str]:
    return [match.group(0) for match in COLOUR.finditer(text)]


def test_the_finder_sees_the_ways_a_colour_is_written() -> None:
    assert colours_written_in('style = "#ff8800"') == ['"#ff8800']
    assert colours_written_in("Style(color='#f80')") == ["'#f80"]
    assert colours_written_in('"rgb(10, 20, 30)"') == ['"rgb(10,']
    assert colours_written_in('"#1 of 3"  # a heading, not a colour') == []


def test_no_module_of_the_package_writes_a_colour() -> None:
    found = {
        str(path.relative_to(SRC)): colours
        for path in sorted(SRC.rglob("*.py"))
        if (colours := colours_written_in(path.read_text(encoding="utf-8")))
    }
    assert found == {}, f"colours belong in styles/*.tcss: {found}"
