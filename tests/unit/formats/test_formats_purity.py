"""The formats package is pure: importing every importer and exporter never imports textual."""

from __future__ import annotations

import subprocess
import sys

MODULES = [
    "briefing_tui.formats",
    "briefing_tui.formats.brat",
    "briefing_tui.formats.brat_export",
    "briefing_tui.formats.w3c",
    "briefing_tui.formats.w3c_export",
    "briefing_tui.formats.claimreview",
    "briefing_tui.formats.timelinejs",
    "briefing_tui.formats.timelinejs_export",
    "briefing_tui.formats.markdown",
    "briefing_tui.formats.html_report",
    "briefing_tui.formats.yaml_writer",
    "briefing_tui.formats.registry",
    "briefing_tui.formats.json_out",
    "briefing_tui.files",
    "briefing_tui.commands.import_",
    "briefing_tui.commands.export",
]


def test_formats_never_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in MODULES)
        + "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith(('textual.', 'rich.'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_registry_is_cheap_to_import() -> None:
    code = (
        "import sys, briefing_tui.formats\n"
        "print(sorted(m for m in sys.modules if m.startswith('briefing_tui.formats')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['briefing_tui.formats', 'briefing_tui.formats.registry']"
