"""The display boundary: every document string passes through here before it reaches the screen.

Document text is untrusted. ``sanitize`` replaces every character that could act on a terminal or
reorder what is shown (C0/C1 controls, ESC, DEL, bidi controls, lone surrogates, line and paragraph
separators) with a visible stand-in, ONE character for ONE character, so that offsets into the
sanitized string are the offsets into the original. ``safe_text`` wraps the result in a rich
``Text`` so that nothing in a document is ever parsed as markup.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.style import Style
    from rich.text import Text

REPLACEMENT = "\ufffd"
BIDI_STAND_IN = "\u21c4"  # ⇄
BIDI_CONTROLS = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))


def _table(multiline: bool) -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        table[code] = chr(0x2400 + code)  # control pictures: ␀ … ␛ … ␟
    table[0x09] = " "  # a tab is shown as one space: layout stays put, nothing hidden
    if multiline:
        del table[0x0A]
    table[0x7F] = "\u2421"  # ␡
    for code in range(0x80, 0xA0):
        table[code] = REPLACEMENT
    for code in BIDI_CONTROLS:
        table[code] = BIDI_STAND_IN
    table[0x2028] = "\u2424"  # ␤ line separator
    table[0x2029] = "\u00b6"  # ¶ paragraph separator
    for code in range(0xD800, 0xE000):
        table[code] = REPLACEMENT
    return table


_LINE_TABLE = _table(multiline=False)
_TEXT_TABLE = _table(multiline=True)


def sanitize(value: str, *, multiline: bool = False) -> str:
    """Return ``value`` with every unsafe character replaced one-for-one by a visible stand-in.

    Args:
        value: any string from a document or a file name.
        multiline: keep ``\\n`` (for the document text); otherwise newlines become ``␊``.
    """
    return value.translate(_TEXT_TABLE if multiline else _LINE_TABLE)


def safe_text(value: str, style: str | Style = "", *, multiline: bool = False) -> Text:
    """A rich ``Text`` holding the sanitized string: never parsed as markup."""
    from rich.text import Text

    return Text(sanitize(value, multiline=multiline), style=style, end="")


@lru_cache(maxsize=1)
def unsafe_codepoints() -> frozenset[int]:
    """Every code point ``sanitize`` replaces (for tests)."""
    return frozenset(_LINE_TABLE)
