"""The one JSON writer of the exporters: output that is safe in a terminal and inside an HTML page."""

from __future__ import annotations

import json

# Characters a JSON string may hold raw but that must not reach a terminal (C1 controls, bidi
# controls, line separators) or close a <script> block when the JSON-LD is embedded in a page.
# They can only occur inside JSON strings, where \uXXXX means the same character.
_JSON_ESCAPES = {
    code: f"\\u{code:04x}"
    for code in (
        ord("<"), ord(">"), ord("&"), 0x7F, *range(0x80, 0xA0), 0x061C, 0x200E, 0x200F,
        *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029,
    )
}  # fmt: skip


def dump_json(data: object) -> str:
    """``data`` as indented JSON text ending in a newline, with the characters above escaped."""
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_JSON_ESCAPES) + "\n"
