"""``briefing schema``: print the JSON Schema of the briefing format (for editors and other tools)."""

from __future__ import annotations

import argparse
import sys

SCHEMA_FILE = "briefing.schema.json"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write the schema to FILE instead")


def run(args: argparse.Namespace) -> int:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.resources import schema_dir

    path = schema_dir() / SCHEMA_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        sys.stderr.write(f"briefing schema: cannot read the schema: {exc.strerror or exc}\n")
        return 1
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as out:
                out.write(text)
        except OSError as exc:
            sys.stderr.write(f"briefing schema: cannot write {args.output}: {exc.strerror or exc}\n")
            return 1
        return 0
    sys.stdout.write(text)
    return 0
