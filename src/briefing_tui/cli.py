"""Command line: ``briefing [PATH...]`` opens the reader; ``briefing COMMAND ...`` runs a command.

Each command lives in ``briefing_tui.commands.<name>`` and provides ``configure(parser)`` and
``run(args) -> int``. Nothing heavy is imported before a command is chosen, so start-up stays fast.
Everything printed goes through ``briefing_tui.console`` (usage and argument errors too, which may
quote what was typed); an error no command expected is one short line and a log (``crash``).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from briefing_tui import __version__
from briefing_tui.console import PIPE_CLOSED, Writer, silence, stderr, stdout

if TYPE_CHECKING:
    from _typeshed import SupportsWrite


class _Parser(argparse.ArgumentParser):
    """argparse printing through the display boundary: an argument error quotes what was typed."""

    def print_usage(self, file: SupportsWrite[str] | None = None) -> None:
        Writer(file).text(self.format_usage())

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        Writer(file).text(self.format_help())

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            stderr().text(message)
        sys.exit(status)


COMMANDS: dict[str, tuple[str, str]] = {
    # name: (module, one-line help)
    "open": ("briefing_tui.commands.open", "open briefings in the reader (the default command)"),
    "validate": ("briefing_tui.commands.validate", "check briefing files and print their problems"),
    "schema": ("briefing_tui.commands.schema", "print the JSON Schema of the briefing format"),
    "search": ("briefing_tui.commands.search", "search briefings from the command line, like grep"),
    "import": ("briefing_tui.commands.import_", "import annotations made in another format"),
    "export": ("briefing_tui.commands.export", "export a briefing to another format"),
    "annotate": ("briefing_tui.commands.annotate", "draft a briefing from an article, for review"),
}


def _parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    module_name, help_text = COMMANDS[name]
    module = importlib.import_module(module_name)
    prog = "briefing" if name == "open" else f"briefing {name}"
    parser = _Parser(prog=prog, description=help_text)
    module.configure(parser)  # type: ignore[attr-defined]
    return parser, module


def _top_help() -> str:
    lines = [
        "usage: briefing [--notes-only] [--no-cache] [PATH ...]",
        "       briefing COMMAND [ARGS ...]",
        "",
        "A terminal reader for annotated news briefings. With no PATH, opens the bundled seed briefing.",
        "",
        "  --notes-only  never change the files: your notes, ratings, marks and bookmarks go",
        "                beside each one (FILE.notes.jsonld), shown again at the next open",
        "  --no-cache    read every file of a folder again, without the titles kept of them",
        "",
        "commands:",
    ]
    lines += [f"  {name:<10} {help_text}" for name, (_, help_text) in COMMANDS.items()]
    lines += ["", "Run 'briefing COMMAND --help' for a command's options.", ""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command ``argv`` (default: the program's arguments) and return its exit status.

    A reader that closes the pipe early (``briefing validate bad/ | head -1``) ends every command as
    it ends grep or cat: status 141, and nothing more said. The streams are flushed here, so that the
    interpreter's own flush at exit cannot meet the closed pipe after the status is decided.
    """
    try:
        status = _main(list(sys.argv[1:] if argv is None else argv))
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None: started with the stream closed
                stream.flush()
    except BrokenPipeError:
        silence()  # what is still buffered goes nowhere, without a second error at exit
        return PIPE_CLOSED
    return status


def _main(args: list[str]) -> int:
    _never_fail_to_encode()
    if args and args[0] in ("-h", "--help"):
        stdout().text(_top_help())
        return 0
    if args and args[0] == "--version":
        stdout().line(f"briefing {__version__}")
        return 0
    name = args[0] if args and args[0] in COMMANDS else "open"
    if args and args[0] == name:
        args = args[1:]
    parser, module = _parser(name)
    try:
        parsed = parser.parse_args(args)
    except SystemExit as exc:  # argparse: 2 on a usage error, 0 after --help
        return int(exc.code or 0)
    try:
        return int(module.run(parsed))  # type: ignore[attr-defined]
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise  # a closed pipe, not a defect: ``main`` ends the command
    except Exception as exc:  # a defect: one short sanitized line and a log, never a traceback
        # deferred: only when a command crashed
        from briefing_tui.crash import report_crash

        return report_crash(exc, "" if name == "open" else f"briefing {name}")


def _never_fail_to_encode() -> None:
    """A character the terminal's encoding lacks is written as an escape, not an exception."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a closed or detached stream: leave it
                reconfigure(errors="backslashreplace")


if __name__ == "__main__":
    raise SystemExit(main())
