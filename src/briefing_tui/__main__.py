"""Allow ``python -m briefing_tui``."""

from briefing_tui.cli import program

program()
