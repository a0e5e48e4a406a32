"""The command line's parser of options: argparse, printing through the display boundary.

Imported only when a command has options to read (``cli``): ``briefing`` and ``briefing PATH...``,
the reader on plain paths, read them without it.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, NoReturn

from briefing_tui.console import Writer, stderr

if TYPE_CHECKING:
    from _typeshed import SupportsWrite


class Parser(argparse.ArgumentParser):
    """argparse printing through the display boundary: an argument error quotes what was typed."""

    def print_usage(self, file: SupportsWrite[str] | None = None) -> None:
        Writer(file).text(self.format_usage())

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        Writer(file).text(self.format_help())

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            stderr().text(message)
        sys.exit(status)
