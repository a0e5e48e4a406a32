"""Where the bundled styles, seeds and schema live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    # Installed wheel: force-included under briefing_tui/_data/. Checkout: repository root.
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent / name


def styles_dir() -> Path:
    """The folder holding the .tcss stylesheets."""
    return _data_dir("styles")


def seeds_dir() -> Path:
    """The folder holding the bundled seed briefing(s)."""
    return _data_dir("seeds")


def schema_dir() -> Path:
    """The folder holding the JSON Schema of the briefing format."""
    return _data_dir("schema")
