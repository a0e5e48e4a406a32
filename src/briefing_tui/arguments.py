"""The command line's parser of options: argparse, printing through the display boundary.

Imported only when a command has options to read (``cli``): ``briefing`` and ``briefing PATH...``,
the reader on plain paths, read them without it.
"""

from __future__ import annotations

import argparse
import os
import sys

from briefing_tui.console import Writer, stderr

TYPE_CHECKING = False  # typing's, without importing typing: see briefing_tui.named_tuple
if TYPE_CHECKING:
    from typing import Any, NoReturn

    from _typeshed import SupportsWrite


class Parser(argparse.ArgumentParser):
    """argparse printing through the display boundary: an argument error quotes what was typed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def print_usage(self, file: SupportsWrite[str] | None = None) -> None:
        Writer(file).text(self.format_usage())

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        Writer(file).text(self.format_help())

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            stderr().text(message)
        sys.exit(status)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's own, as wide as the terminal, measured without importing ``shutil`` (which
    argparse does for each option it is given: some 3 ms of every command's start)."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        super().__init__(
            prog, indent_increment, max_help_position, _columns() - 2 if width is None else width
        )


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` says it: ``COLUMNS``, else the width of
    the terminal on standard output, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80
