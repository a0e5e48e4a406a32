"""``briefing schema``: print the JSON Schema of the briefing format (for editors and other tools)."""

from __future__ import annotations

import argparse

SCHEMA_FILE = "briefing.schema.json"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write the schema to FILE instead")


def run(args: argparse.Namespace) -> int:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.console import stderr, stdout
    from briefing_tui.display import display_path
    from briefing_tui.resources import schema_dir

    err = stderr("briefing schema: ")
    path = schema_dir() / SCHEMA_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        err.line(f"cannot read the schema: {exc.strerror or exc}")
        return 1
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as out:
                out.write(text)
        except OSError as exc:
            err.line(f"cannot write {display_path(args.output)}: {exc.strerror or exc}")
            return 1
        return 0
    stdout().data(text)
    return 0
