"""``briefing export FORMAT BRIEFING.yaml [-o OUT]``: write a briefing in another format.

Single-file formats go to stdout with no ``-o`` (or ``-o -``); brat writes ``OUT.txt`` and
``OUT.ann``. An existing file is never replaced without ``--force``, an input file never.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from briefing_tui.formats import EXPORTERS as FORMATS


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=FORMATS, help="the format to write")
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


# Characters a JSON string may hold raw but that must not reach a terminal (C1 controls, bidi
# controls, line separators) or close a <script> block when the JSON-LD is embedded in a page.
# They can only occur inside JSON strings, where \uXXXX means the same character.
_JSON_ESCAPES = {
    code: f"\\u{code:04x}"
    for code in (
        ord("<"), ord(">"), ord("&"), 0x7F, *range(0x80, 0xA0), 0x061C, 0x200E, 0x200F,
        *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029,
    )
}  # fmt: skip


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2).translate(_JSON_ESCAPES) + "\n"


def _render(fmt: str, doc, author: str | None) -> tuple[str, list[str]]:  # noqa: ANN001
    if fmt == "w3c":
        # deferred: imported when the command runs, not when its options are read
        from briefing_tui.formats.w3c_export import export_w3c

        data, warnings = export_w3c(doc)
        return _json(data), warnings
    if fmt == "claimreview":
        # deferred: imported when the command runs, not when its options are read
        from briefing_tui.formats.claimreview import export_claimreview

        reviews, warnings = export_claimreview(doc, author)
        return _json(reviews), warnings
    if fmt == "timelinejs":
        # deferred: imported when the command runs, not when its options are read
        from briefing_tui.formats.timelinejs import export_timelinejs

        timeline, warnings = export_timelinejs(doc)
        return _json(timeline), warnings
    if fmt == "markdown":
        # deferred: imported when the command runs, not when its options are read
        from briefing_tui.formats.markdown import export_markdown

        return export_markdown(doc), []
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.formats.html_report import export_html

    return export_html(doc), []


def _open(path: Path):  # noqa: ANN202
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.formats import is_foreign, open_foreign
    from briefing_tui.model import load_document

    return open_foreign(path) if is_foreign(path) else load_document(path)


def run(args: argparse.Namespace) -> int:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.commands._output import OutputError, check_free, emit, say, say_problems, write_text
    from briefing_tui.model import LoadError

    if not args.briefing.exists():
        say("briefing export: ", [f"{args.briefing}: no such file"])
        return 1
    try:
        doc = _open(args.briefing)
    except LoadError as exc:
        say_problems(exc.problems)
        return 1
    try:
        if args.format == "brat":
            if args.output in (None, "-"):
                say(
                    "briefing export: ",
                    ["brat writes two files: give -o OUT (OUT.txt and OUT.ann are written)"],
                )
                return 2
            # deferred: imported when the command runs, not when its options are read
            from briefing_tui.formats.brat_export import export_brat

            text, ann, warnings = export_brat(doc)
            out = Path(args.output)
            stem = out.with_suffix("") if out.suffix in (".txt", ".ann") else out
            txt_path, ann_path = Path(f"{stem}.txt"), Path(f"{stem}.ann")
            check_free([txt_path, ann_path], args.force, [args.briefing])
            write_text(txt_path, text)
            write_text(ann_path, ann)
        else:
            rendered, warnings = _render(args.format, doc, args.author)
            emit(rendered, args.output, args.force, [args.briefing])
    except OutputError as exc:
        say("briefing export: ", [str(exc)])
        return 1
    say("briefing export: warning: ", warnings)
    return 0
