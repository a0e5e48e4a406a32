"""Write src/briefing_tui/_unicode_tables.py from this Python's unicodedata.

Run ``python tests/hostile/gen_unicode_tables.py`` after a Python upgrade brings a newer Unicode version.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src" / "briefing_tui" / "_unicode_tables.py"


def ranges(categories: set[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = None
    for cp in range(0x110001):
        inside = cp < 0x110000 and unicodedata.category(chr(cp)) in categories
        if inside and start is None:
            start = cp
        elif not inside and start is not None:
            out.append((start, cp - 1))
            start = None
    return out


def _fmt(pairs: list[tuple[int, int]]) -> str:
    rows = [f"    (0x{a:04X}, 0x{b:04X})," for a, b in pairs]
    return "(\n" + "\n".join(rows) + "\n)"


def main() -> None:
    text = (
        '"""Unicode ranges for the display boundary. generated: tests/hostile/gen_unicode_tables.py."""\n\n'
        f'UNICODE_VERSION = "{unicodedata.unidata_version}"\n\n'
        "# General category Cf (format characters: invisible, they change how text around them is shown).\n"
        f"FORMAT_RANGES = {_fmt(ranges({'Cf'}))}\n\n"
        "# General categories Mn and Me (combining marks: drawn on the character before them).\n"
        f"MARK_RANGES = {_fmt(ranges({'Mn', 'Me'}))}\n"
    )
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
