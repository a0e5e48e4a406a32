"""``briefing import FORMAT FILE ...``: make a briefing YAML file from annotations of another tool.

- ``brat FILE.txt`` (the ``FILE.ann`` beside it);
- ``w3c ANNOTATIONS.json --text FILE.txt`` or ``--onto BRIEFING.yaml``;
- ``claimreview FILE.json`` and ``timelinejs FILE.json``: onto ``--text``/``--onto``, or, with
  neither, a new document made from the JSON itself.

Bad input is reported as ``FILE:LINE:COL: error: message`` (a JSON path for JSON files), exit 1.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing_tui.formats import registry
from briefing_tui.model.loader import YAML_SUFFIXES


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=registry.importers(), help="the format of FILE")
    parser.add_argument("file", type=Path, metavar="FILE", help="brat: the .txt; others: the .json")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--text", type=Path, metavar="TEXT", help="the plain text the annotations are on")
    where.add_argument("--onto", type=Path, metavar="BRIEFING", help="a briefing to add the annotations to")
    parser.add_argument(
        "-o", "--output", metavar="OUT.yaml", help="where to write the briefing (default or -: stdout)"
    )
    parser.add_argument("--force", action="store_true", help="replace OUT.yaml if it exists")


def run(args: argparse.Namespace) -> int:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.commands._output import OutputError, emit, say, say_problems
    from briefing_tui.formats.onto import Before, join_onto
    from briefing_tui.formats.registry import ImportSource
    from briefing_tui.model import LoadError, load_bytes, load_document

    fmt = registry.get(args.format)
    if fmt.needs_text and args.text is None and args.onto is None:
        say(
            "briefing import: ",
            [f"{fmt.name} needs the annotated text: --text FILE.txt or --onto BRIEFING.yaml"],
        )
        return 2
    if not fmt.text_options and (args.text is not None or args.onto is not None):
        say(
            "briefing import: ",
            [f"{fmt.name} reads the text beside its file: --text and --onto do not apply"],
        )
        return 2
    if args.text is not None and args.text.suffix.lower() in YAML_SUFFIXES:
        say("briefing import: ", [f"{args.text} is a briefing: use --onto to add the annotations to it"])
        return 2
    for path in (args.file, args.text, args.onto):
        if path is not None and not path.exists():
            say("briefing import: ", [f"{path}: no such file"])
            return 1
    try:
        onto = load_document(args.onto) if args.onto is not None else None
        before = Before.of(onto) if onto is not None else None
        assert fmt.importer is not None  # the parser offers only formats that import
        doc = fmt.importer(ImportSource(args.file, args.text, onto))
    except LoadError as exc:
        say_problems(exc.problems)
        return 1
    # what the briefing has already is joined, not copied (an export of it imported back adds nothing)
    joined = join_onto(doc, before, args.file) if before is not None else None
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.formats.yaml_writer import dump_document

    say_problems(doc.problems)
    text = dump_document(doc)
    try:  # what is written must be a briefing the reader opens: checked before anything is written
        load_bytes(text.encode("utf-8"), str(args.output or "the imported briefing"))
    except LoadError as exc:
        say_problems([p for p in exc.problems if p.severity.value == "error"])
        say("briefing import: ", ["the result would not be a valid briefing; nothing was written"])
        return 1
    inputs = [p for p in (args.file, args.text, args.onto, args.file.with_suffix(".ann")) if p is not None]
    try:
        emit(text, args.output, args.force, inputs)
    except OutputError as exc:
        say("briefing import: ", [str(exc)])
        return 1
    if args.output not in (None, "-"):
        # deferred: imported when the command runs, not when its options are read
        from briefing_tui.words import plural

        counts = ", ".join(
            plural(len(items), word)
            for items, word in ((doc.entities, "entity"), (doc.events, "event"), (doc.claims, "claim"))
        )
        onto_said = f"; onto {args.onto}: {joined.summary()}" if joined is not None else ""
        say("briefing import: ", [f"wrote {args.output} ({counts}){onto_said}"])
    if args.onto is not None:  # the briefing is written as the format writer writes one
        kept = "its comments, quoting and line breaks are not kept (the file itself is unchanged)"
        say("briefing import: ", [f"warning: {args.onto} is written anew, not edited: {kept}"])
    return 0
