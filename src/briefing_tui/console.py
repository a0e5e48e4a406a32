"""What the command line prints: every character bound for standard output or error passes here.

The commands print document strings (ids, quotes, ratings), file names and messages that quote
them. ``Writer`` is the display boundary of the command line, as ``display.sanitize`` is the
reader's: nothing a document holds reaches a terminal as a control character.

- ``line(*parts)`` prints one line. Each ``str`` part is untrusted: sanitized on one line, so that
  a newline in it shows as ``␊`` and cannot forge a line of its own. A ``Styled`` part is coloured
  by the program (``search --color``), the only escape sequences a command ever sends.
- ``problem(p)`` prints a loader ``Problem`` as ``FILE:LINE:COL: severity: message`` and its hint
  line (``display.display_problem``).
- ``text(block)`` prints text the program made over several lines (help, usage): sanitized, its
  newlines kept.
- ``data(text)`` prints data (an export, the schema): left exact for a pipe or a file, where
  another program reads it; passed through the boundary, like ``text``, when the stream is a
  terminal, where a person reads it.

``stdout()`` and ``stderr()`` make writers onto the current ``sys.stdout``/``sys.stderr``, looked up
at each write (so a redirected stream is honoured). A command prints only through these writers;
``tests/hostile/test_commands_hostile.py`` runs each command on the hostile corpus to hold it to that.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from briefing_tui.display import PLAIN, display_problem, sanitize

TYPE_CHECKING = False  # typing's, without importing typing: see briefing_tui.named_tuple
if TYPE_CHECKING:
    from typing import NamedTuple, Protocol
else:
    from briefing_tui.named_tuple import NamedTuple

# Select Graphic Rendition codes of the program's own colours (grep's palette).
STYLES: dict[str, str] = {
    "path": "35",
    "number": "32",
    "match": "1;31",
    "sep": "36",
    "error": "1;31",
    "warning": "1;33",
}
RESET = "\x1b[0m"
# The exit status of a command whose reader closed the pipe: 128 + SIGPIPE, as a shell reports grep
# or cat ended by it (a number, not ``signal.SIGPIPE``, which Windows lacks).
PIPE_CLOSED = 141


class Styled(NamedTuple):
    """A piece of a line that the program colours; its text is sanitized like any other.

    A named tuple rather than a dataclass: ``dataclasses`` costs every command some 10 ms to import.
    """

    kind: str
    text: str


Part = str | Styled


if TYPE_CHECKING:

    class Stream(Protocol):
        """Where a writer writes: a text stream (``flush`` and ``isatty`` are used when it has them)."""

        def write(self, text: str, /) -> object: ...


def clean(value: str, _plain=PLAIN.fullmatch) -> str:  # noqa: ANN001 (a bound method, looked up once)
    """One untrusted string for one line of a terminal: controls and newlines become stand-ins."""
    return value if _plain(value) else sanitize(value)  # most lines need no sanitizing: checked fast


def clean_text(value: str) -> str:
    """A block of several lines for a terminal: controls become stand-ins, newlines are kept."""
    return sanitize(value, multiline=True)


def is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):  # a closed or detached stream
        return False


class Writer:
    """Prints to one stream through the display boundary.

    Args:
        stream: where to write; None means ``sys.stdout`` (or ``sys.stderr`` when ``error``),
            looked up at each write.
        error: the default stream is standard error.
        colour: ``Styled`` parts get their colour (otherwise they are plain text).
        prefix: put before every ``line`` (such as ``"briefing export: "``); a program string.
    """

    def __init__(
        self, stream: Stream | None = None, *, error: bool = False, colour: bool = False, prefix: str = ""
    ) -> None:
        self._stream = stream
        self._error = error
        self.colour = colour
        self.prefix = prefix

    @property
    def stream(self) -> Stream:
        if self._stream is not None:
            return self._stream
        return sys.stderr if self._error else sys.stdout

    def with_prefix(self, prefix: str) -> Writer:
        """The same stream and colour, another prefix."""
        return Writer(self._stream, error=self._error, colour=self.colour, prefix=prefix)

    def render(self, *parts: Part) -> str:
        """The line ``line`` would print, without its prefix and newline."""
        out: list[str] = []
        for part in parts:
            if isinstance(part, Styled):
                shown = clean(part.text)
                code = STYLES.get(part.kind)
                out.append(f"\x1b[{code}m{shown}{RESET}" if self.colour and code and shown else shown)
            else:
                out.append(clean(part))
        return "".join(out)

    def line(self, *parts: Part) -> None:
        """Print one line made of ``parts`` (each ``str`` untrusted, sanitized on one line)."""
        self.stream.write(f"{clean(self.prefix)}{self.render(*parts)}\n")

    def lines(self, values: Iterable[str]) -> None:
        """Print each value as a ``line`` of its own."""
        for value in values:
            self.line(value)

    def problem(self, problem: object) -> None:
        """Print a loader ``Problem``: ``FILE:LINE:COL: severity: message``, then its hint line."""
        self.stream.write(display_problem(problem) + "\n")

    def problems(self, problems: Iterable[object]) -> None:
        for problem in problems:
            self.problem(problem)

    def text(self, block: str) -> None:
        """Print a block of several lines made by the program (help, usage): sanitized, newlines kept."""
        self.stream.write(clean_text(block))

    def data(self, text: str) -> None:
        """Print data: exact to a pipe or a file; to a terminal, through the boundary like ``text``."""
        stream = self.stream
        stream.write(clean_text(text) if is_terminal(stream) else text)

    def flush(self) -> None:
        flush = getattr(self.stream, "flush", None)
        if flush is not None:
            flush()


def stdout(*, colour: bool = False, prefix: str = "") -> Writer:
    """A writer onto standard output."""
    return Writer(colour=colour, prefix=prefix)


def stderr(prefix: str = "") -> Writer:
    """A writer onto standard error, for messages (``prefix`` such as ``"briefing search: "``)."""
    return Writer(error=True, prefix=prefix)


def silence() -> None:
    """Point standard output and error at /dev/null, after a write to a closed pipe.

    What is still buffered then goes nowhere, so that the flush at exit cannot fail a second time
    (and print "Exception ignored" on a stream that may be the closed pipe itself).
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    for stream in (sys.stdout, sys.stderr):
        # closed, detached or no file at all (a test's capture): nothing to point elsewhere
        try:  # noqa: SIM105 (contextlib is not imported on the commands' path)
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError, AttributeError):
            pass
    os.close(devnull)
