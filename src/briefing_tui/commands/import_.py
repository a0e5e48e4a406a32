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

from briefing_tui.formats import IMPORTERS as FORMATS


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=FORMATS, help="the format of FILE")
    parser.add_argument("file", type=Path, metavar="FILE", help="brat: the .txt; others: the .json")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--text", type=Path, metavar="TEXT", help="the plain text the annotations are on")
    where.add_argument("--onto", type=Path, metavar="BRIEFING", help="a briefing to add the annotations to")
    parser.add_argument(
        "-o", "--output", metavar="OUT.yaml", help="where to write the briefing (default or -: stdout)"
    )
    parser.add_argument("--force", action="store_true", help="replace OUT.yaml if it exists")


def _load(args: argparse.Namespace):  # noqa: ANN202
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.model import load_document

    base = load_document(args.onto) if args.onto is not None else None
    if args.format == "brat":
        # deferred: imported when the command runs, not when its options are read
        from briefing_tui.formats.brat import import_brat

        txt = args.file.with_suffix(".txt") if args.file.suffix == ".ann" else args.file
        return import_brat(txt)
    if args.format == "w3c":
        # deferred: imported when the command runs, not when its options are read
        from briefing_tui.formats.w3c import import_w3c

        return import_w3c(args.file, args.text or Path(""), base)
    if args.format == "claimreview":
        # deferred: imported when the command runs, not when its options are read
        from briefing_tui.formats.claimreview import import_claimreview

        return import_claimreview(args.file, args.text, base)
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.formats.timelinejs import import_timelinejs

    return import_timelinejs(args.file, args.text, base)


def run(args: argparse.Namespace) -> int:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.commands._output import OutputError, emit, say, say_problems
    from briefing_tui.model import LoadError

    if args.format == "w3c" and args.text is None and args.onto is None:
        say("briefing import: ", ["w3c needs the annotated text: --text FILE.txt or --onto BRIEFING.yaml"])
        return 2
    if args.format == "brat" and (args.text is not None or args.onto is not None):
        say("briefing import: ", ["brat reads the .txt beside the .ann: --text and --onto do not apply"])
        return 2
    if args.text is not None and args.text.suffix.lower() in (".yaml", ".yml"):
        say("briefing import: ", [f"{args.text} is a briefing: use --onto to add the annotations to it"])
        return 2
    for path in (args.file, args.text, args.onto):
        if path is not None and not path.exists():
            say("briefing import: ", [f"{path}: no such file"])
            return 1
    try:
        doc = _load(args)
    except LoadError as exc:
        say_problems(exc.problems)
        return 1
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.formats.yaml_writer import dump_document

    say_problems(doc.problems)
    inputs = [p for p in (args.file, args.text, args.onto, args.file.with_suffix(".ann")) if p is not None]
    try:
        emit(dump_document(doc), args.output, args.force, inputs)
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
        say("briefing import: ", [f"wrote {args.output} ({counts})"])
    return 0
