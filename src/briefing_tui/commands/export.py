"""``briefing export FORMAT BRIEFING.yaml [-o OUT]``: write a briefing in another format.

Single-file formats go to stdout with no ``-o`` (or ``-o -``); brat writes ``OUT.txt`` and
``OUT.ann``. An existing file is never replaced without ``--force``, an input file never.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing_tui.formats import registry


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=registry.exporters(), help="the format to write")
    parser.add_argument(
        "briefing", type=Path, metavar="BRIEFING", help="a briefing YAML file (or a brat .txt)"
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="where to write (default or -: stdout; brat: OUT.txt + OUT.ann)"
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    parser.add_argument(
        "--author", metavar="NAME", help="claimreview: the organisation that reviewed the claims"
    )
    parser.add_argument(
        "--notes",
        action="store_true",
        help="w3c: add the notes, ratings, verification marks and bookmarks the reader keeps beside "
        "the briefing (BRIEFING.notes.jsonld)",
    )


def run(args: argparse.Namespace) -> int:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.commands._output import OutputError, check_free, emit, say, say_problems, write_text
    from briefing_tui.files import load_file
    from briefing_tui.formats.common import ExportRefused
    from briefing_tui.formats.registry import ExportOptions
    from briefing_tui.model import LoadError
    from briefing_tui.words import plural

    if not args.briefing.exists():
        say("briefing export: ", [f"{args.briefing}: no such file"])
        return 1
    try:
        doc = load_file(args.briefing)
    except LoadError as exc:
        say_problems(exc.problems)
        return 1
    fmt = registry.get(args.format)
    assert fmt.exporter is not None  # the parser offers only formats that export
    layer: tuple[dict[str, object], ...] = ()
    if args.notes:
        from briefing_tui.edit.sidecar import sidecar_items, sidecar_path  # deferred: only with --notes

        if fmt.name != "w3c":
            said = f"--notes: only w3c holds the notes; {fmt.name} leaves them out"
            say("briefing export: warning: ", [said])
        elif not sidecar_path(args.briefing).is_file():
            say("briefing export: warning: ", [f"--notes: no notes beside {args.briefing}"])
        layer = tuple(sidecar_items(args.briefing))
    try:
        exported = fmt.exporter(doc, ExportOptions(author=args.author, layer=layer))
    except ExportRefused as exc:
        say("briefing export: ", [f"{args.briefing}: {exc}"])
        return 1
    try:
        if len(exported.files) > 1 and args.output in (None, "-"):
            suffixes = " and ".join(f"OUT{suffix}" for suffix, _ in exported.files)
            files = plural(len(exported.files), "file")
            say("briefing export: ", [f"{fmt.name} writes {files}: give -o OUT ({suffixes} are written)"])
            return 2
        if len(exported.files) > 1:
            out = Path(args.output)
            known = {suffix for suffix, _ in exported.files}
            stem = out.with_suffix("") if out.suffix in known else out
            targets = [(Path(f"{stem}{suffix}"), text) for suffix, text in exported.files]
            check_free([path for path, _ in targets], args.force, [args.briefing])
            for path, text in targets:
                write_text(path, text)
        else:
            emit(exported.files[0][1], args.output, args.force, [args.briefing])
    except OutputError as exc:
        say("briefing export: ", [str(exc)])
        return 1
    say("briefing export: warning: ", list(exported.warnings))
    return 0
