"""``briefing search QUERY PATH...``: print every hit like grep, ``PATH:LINE:COLUMN: context``.

LINE and COLUMN point into the document text (1-based, columns in characters), as the reader shows
it. Matching folds accents, case and typography like the reader's ``/``. Exit status as grep: 0 when
something matched, 1 when nothing did, 2 on a usage error, a bad regular expression, or a file that
could not be searched while nothing matched.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

RESET = "\x1b[0m"
COLOURS = {"path": "\x1b[35m", "number": "\x1b[32m", "match": "\x1b[1;31m", "sep": "\x1b[36m"}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", help="what to look for")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="briefing files or folders")
    parser.add_argument("-e", "--regex", action="store_true", help="QUERY is a regular expression")
    parser.add_argument(
        "-s", "--case-sensitive", action="store_true", help="case matters (default: smart case)"
    )
    parser.add_argument("-i", "--ignore-case", action="store_true", help="case never matters")
    parser.add_argument("-w", "--word", action="store_true", help="match whole words only")
    parser.add_argument(
        "-x", "--exact", action="store_true", help="no folding: accents, ligatures and quotes must match"
    )
    parser.add_argument("-c", "--count", action="store_true", help="print the number of hits per document")
    parser.add_argument("--ids", action="store_true", help="name documents by their id, not their path")
    parser.add_argument(
        "-C", "--context", type=int, default=40, metavar="N", help="characters of context each side (40)"
    )
    parser.add_argument(
        "--color", "--colour", choices=("auto", "always", "never"), default="auto",
        help="colour the output: auto (a terminal without NO_COLOR), always or never",
    )  # fmt: skip
    parser.add_argument(
        "--timeout", type=float, default=10.0, metavar="S",
        help="longest a regular expression may run on one document, in seconds (10)",
    )  # fmt: skip


def use_colour(choice: str, stream: object = None) -> bool:
    """Colour for ``auto`` only on a terminal and when ``NO_COLOR`` is unset or empty."""
    if choice != "auto":
        return choice == "always"
    stream = sys.stdout if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


def _paint(kind: str, text: str, colour: bool) -> str:
    return f"{COLOURS[kind]}{text}{RESET}" if colour and text else text


def run(args: argparse.Namespace) -> int:
    from briefing_tui.display import sanitize
    from briefing_tui.files import load_paths
    from briefing_tui.search import Matcher, Query, SearchError
    from briefing_tui.search.corpus import search_document

    err = sys.stderr
    if not args.query:
        err.write("briefing search: the query is empty\n")
        return 2
    if args.context < 0 or args.timeout <= 0:
        err.write("briefing search: --context must be >= 0 and --timeout > 0\n")
        return 2
    case = True if args.case_sensitive else (False if args.ignore_case else None)
    query = Query(args.query, exact=args.exact, word=args.word, regex=args.regex, case_sensitive=case)
    try:
        matcher = Matcher(query, timeout=args.timeout)
    except SearchError as exc:
        err.write(f"briefing search: {exc}\n")
        return 2
    colour = use_colour(args.color)
    out = sys.stdout
    failed = False
    matched = False
    for path in args.paths:
        if not path.exists():
            err.write(f"briefing search: {sanitize(str(path))}: no such file or folder\n")
            failed = True
            continue
        collection = load_paths([path])
        for bad, problems in collection.failed.items():
            first = problems[0].format() if problems else "could not be loaded"
            err.write(f"briefing search: {sanitize(bad)}: cannot search: {sanitize(first)}\n")
            failed = True
        for document in collection.documents:
            name = sanitize(document.id if args.ids else str(document.path))
            try:
                if args.count:
                    count = matcher.count(document.text)
                    matched = matched or count > 0
                    out.write(f"{_paint('path', name, colour)}{_paint('sep', ':', colour)}{count}\n")
                    continue
                hits = search_document(document, matcher)
            except SearchError as exc:
                err.write(f"briefing search: {name}: {exc}\n")
                failed = True
                continue
            matched = matched or bool(hits)
            head = _paint("path", name, colour) + _paint("sep", ":", colour)
            for hit in hits:
                where = f"{_paint('number', str(hit.line), colour)}{_paint('sep', ':', colour)}"
                where += f"{_paint('number', str(hit.column), colour)}{_paint('sep', ':', colour)}"
                before, text, after = hit.context(args.context)
                body = sanitize(before) + _paint("match", sanitize(text), colour) + sanitize(after)
                out.write(f"{head}{where} {body}\n")
    out.flush()
    if matched:
        return 0
    return 2 if failed else 1
