"""The pure packages never import textual: checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "briefing_tui.model",
        "briefing_tui.search",
        "briefing_tui.formats",
        "briefing_tui.display",
        "briefing_tui.edit.journal",
        "briefing_tui.edit.sidecar",
    ],
)
def test_pure_package_does_not_import_textual(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "from briefing_tui.model import load_paths\n"
        "from briefing_tui.resources import seeds_dir\n"
        "load_paths([seeds_dir()])\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
