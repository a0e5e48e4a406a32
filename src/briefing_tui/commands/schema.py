"""``briefing schema [-o FILE] [--force]``: print the JSON Schema of the briefing format (for editors
and other tools).

``-o FILE`` writes it to a file instead, by the rule of ``export`` and ``import``: ``-o -`` is
standard output, and an existing file is never replaced without ``--force``.
"""

from __future__ import annotations

import argparse

SCHEMA_FILE = "briefing.schema.json"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the schema to FILE instead (default or -: stdout)"
    )
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.commands._output import OutputError, emit, say
    from briefing_tui.resources import schema_dir

    path = schema_dir() / SCHEMA_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        say("briefing schema: ", [f"cannot read the schema: {exc.strerror or exc}"])
        return 1
    try:
        emit(text, args.output, args.force, [path])  # the installed schema itself is never written over
    except OutputError as exc:
        say("briefing schema: ", [str(exc)])
        return 1
    return 0
