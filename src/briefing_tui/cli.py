"""Command line: ``briefing [PATH...]`` opens the reader; ``briefing COMMAND ...`` runs a command.

Each command lives in ``briefing_tui.commands.<name>`` and provides ``configure(parser)`` and
``run(args) -> int``. Nothing heavy is imported before a command is chosen, so start-up stays fast.
Everything printed goes through ``briefing_tui.console`` (usage and argument errors too, which may
quote what was typed); an error no command expected is one short line and a log (``crash``).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from briefing_tui import __version__
from briefing_tui.console import PIPE_CLOSED, silence, stdout

TYPE_CHECKING = False  # typing's, without importing typing: see briefing_tui.named_tuple
if TYPE_CHECKING:
    import argparse
    from typing import NoReturn


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


def _parser(name: str) -> tuple[argparse.ArgumentParser, ModuleType]:
    # deferred: only a command with options to read needs argparse (0.3 MB and a few ms at each start)
    from briefing_tui.arguments import Parser

    module_name, help_text = COMMANDS[name]
    module = importlib.import_module(module_name)
    prog = "briefing" if name == "open" else f"briefing {name}"
    parser = Parser(prog=prog, description=help_text)
    module.configure(parser)
    return parser, module


READ_PLAINLY = frozenset({"open", "search"})
"""Commands whose module reads simple options without argparse: the reader on plain paths, and the
search, which people run again and again."""


def read_args(name: str, args: list[str]) -> tuple[ModuleType, object] | int:
    """The command ``name``'s module and its options read from ``args``, or the exit status when
    they cannot be (a usage error: 2; ``--help``: 0). The commands of ``READ_PLAINLY`` read the
    options people usually write as their parser would, without it (their module's ``plain``)."""
    if name in READ_PLAINLY:
        module = importlib.import_module(COMMANDS[name][0])
        read = module.plain(args)
        if read is not None:
            return module, read
    parser, module = _parser(name)
    try:
        return module, parser.parse_args(args)
    except SystemExit as exc:  # argparse: 2 on a usage error, 0 after --help
        return int(exc.code or 0)


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


LEAVE_AT_ONCE = frozenset({"search"})
"""Commands after which the program ends at once (``program``), its output flushed, without tearing
the interpreter down: some 10–20 ms of every run, which a grep-like command run again and again
feels. Each closes what it writes as it goes (the search's cache entries are written whole and
closed), and registers nothing to run at exit."""


def program() -> NoReturn:
    """The ``briefing`` program: ``main`` on its arguments, then the process ends with its status."""
    args = sys.argv[1:]
    status = main(args)
    if args and args[0] in LEAVE_AT_ONCE:
        os._exit(status)  # ``main`` flushed the output (or found the pipe closed and silenced it)
    sys.exit(status)


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
    read = read_args(name, args)
    if isinstance(read, int):
        return read
    module, parsed = read
    try:
        return int(module.run(parsed))
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
            try:  # noqa: SIM105 (contextlib is not imported on the commands' path)
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or detached stream: leave it
                pass


if __name__ == "__main__":
    program()
