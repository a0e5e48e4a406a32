"""Writing what import and export make: stdout, or a file that is never overwritten without --force."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.console import stderr, stdout

if TYPE_CHECKING:
    from briefing_tui.model import Problem


class OutputError(Exception):
    """A file could not be written; the message says why."""


def check_free(paths: list[Path], force: bool, inputs: list[Path]) -> None:
    """Refuse to replace an existing file without ``force``, and an input file ever."""
    resolved = {p.resolve() for p in inputs if p.exists()}
    for path in paths:
        if path.exists() and path.resolve() in resolved:
            raise OutputError(f"{path}: this is an input file; write the output elsewhere")
        if path.exists() and not force:
            raise OutputError(f"{path} exists; use --force to replace it")
        if path.exists() and path.is_dir():
            raise OutputError(f"{path} is a folder")


def write_text(path: Path, text: str) -> None:
    """Write ``text`` atomically: a half-written file never replaces a whole one."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: the folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def emit(text: str, out: str | None, force: bool, inputs: list[Path]) -> None:
    """Write to stdout (no ``-o`` or ``-o -``) or to the file ``out``."""
    if out in (None, "-"):
        writer = stdout()
        writer.data(text)  # exact to a pipe; through the display boundary on a terminal
        writer.flush()
        return
    path = Path(out)
    check_free([path], force, inputs)
    write_text(path, text)


def say(prefix: str, lines: list[str]) -> None:
    """Messages to standard error, one line each, sanitized (they may quote the document)."""
    stderr(prefix).lines(lines)


def say_problems(problems: list[Problem]) -> None:
    """Loader problems to standard error, as ``validate`` prints them."""
    stderr().problems(problems)
