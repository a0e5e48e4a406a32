"""Writing what import and export make: stdout, or a file that is never overwritten without --force."""

from __future__ import annotations

import os
import stat
import sys
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


def _mode_for(path: Path) -> int:
    """The permissions the file gets: those of the file it replaces, else what the umask allows."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_text(path: Path, text: str) -> None:
    """Write ``text`` atomically: a half-written file never replaces a whole one.

    The text goes to a temporary file beside ``path``, flushed to disk, then renamed over it; the
    file gets the permissions a plain ``open()`` would give it (the umask), or keeps its own.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: the folder {folder} does not exist")
    if path.exists() and not path.is_file():
        raise OutputError(f"{path}: not a regular file; write the output to a file")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot make a file in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _silence_stdout() -> None:
    """After a failed write to stdout, point it at /dev/null so that the exit's flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def emit(text: str, out: str | None, force: bool, inputs: list[Path]) -> None:
    """Write to stdout (no ``-o`` or ``-o -``) or to the file ``out``."""
    if out in (None, "-"):
        writer = stdout()
        try:
            writer.data(text)  # exact to a pipe; through the display boundary on a terminal
            writer.flush()
        except BrokenPipeError:
            raise  # the reader is gone: the command ends as a closed pipe ends it (``cli.main``)
        except OSError as exc:
            _silence_stdout()
            raise OutputError(f"standard output: cannot write: {exc.strerror or exc}") from None
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
