"""Shared helpers of the hostile-input tests."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"
BRIEFING = Path(sys.executable).parent / "briefing"
MANIFEST: dict[str, dict] = json.loads((CASES / "MANIFEST.json").read_text(encoding="utf-8"))
PROBLEM_LINE = re.compile(rb"^.+:\d+:\d+: (error|warning): .+$", re.MULTILINE)
# Bytes a document may never get to a terminal: ESC, C1 controls (UTF-8 encoded), bidi controls, BEL.
UNSAFE_OUTPUT = re.compile(
    rb"\x1b|\x07|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]|\xe2\x80\x8b|\xd8\x9c"
)


def cases(*categories: str) -> list[str]:
    return sorted(name for name, info in MANIFEST.items() if not categories or info["category"] in categories)
