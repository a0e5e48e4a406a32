"""``briefing validate PATH...``: check briefing files and print their problems like a compiler.

Each problem is one ``FILE:LINE:COL: error|warning: message`` line followed by a ``hint:`` line.
A file without errors gets one summary line (its id, what it holds, how many warnings). Exit
status: 0 when every file is valid, 1 otherwise (``--strict``: warnings count too), 2 on a usage
error. ``--format json`` prints one JSON object for programs, with the files' exact names (the
text shows them as ``display_path`` makes them printable).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_tui.model import Problem


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="briefing files or folders")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for machines",
    )
    parser.add_argument("--strict", action="store_true", help="warnings make a file invalid too")


def _counts(document: object) -> dict[str, int]:
    kinds = ("entities", "claims", "events", "sources")
    return {
        "entities": len(getattr(document, "entities", [])),
        "mentions": sum(len(e.mentions) for e in getattr(document, "entities", [])),
        "claims": len(getattr(document, "claims", [])),
        "events": len(getattr(document, "events", [])),
        "sources": len(getattr(document, "sources", [])),
        # annotations drafted by `briefing annotate` and not yet reviewed
        "drafts": sum(1 for kind in kinds for a in getattr(document, kind, []) if a.draft),
    }


def _drafts(n: int) -> str:
    """Said only when there are some, so that a reviewed briefing reads as before."""
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.words import plural

    return f"{plural(n, 'draft')} to review, " if n else ""


def _problem_json(problem: Problem, path: str) -> dict[str, object]:
    """A problem for ``--format json``: with the file's exact name, not the one shown to people.

    The loader labels a problem with its file's name made printable (``display_path``: a control
    written as the four characters ``\\x1b``), which would make two names read the same; a program
    gets the name itself (``json.dumps`` writes its controls as ``\\u001b``).
    """
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.display import display_path

    data = problem.to_json()
    if data["path"] == display_path(path):
        data["path"] = path
    return data


def run(args: argparse.Namespace) -> int:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.console import stderr, stdout
    from briefing_tui.display import display_path
    from briefing_tui.files import load_paths
    from briefing_tui.model import Document, Severity
    from briefing_tui.words import plural

    collection = load_paths(list(args.paths), siblings=True)
    results: list[tuple[str, Document | None, list[Problem]]] = []
    for loaded in collection.documents:
        results.append((str(loaded.path), loaded, loaded.problems))
    for path, problems in collection.failed.items():
        results.append((path, None, problems))
    results.sort(key=lambda r: r[0])

    ok = True
    files = []
    for path, document, problems in results:
        warnings = sum(1 for p in problems if p.severity is Severity.WARNING)
        valid = document is not None and not (args.strict and warnings)
        ok = ok and valid
        entry: dict[str, object] = {"path": path, "valid": valid}
        if document is not None:
            entry["id"] = getattr(document, "id", "")
            entry["counts"] = _counts(document)
        entry["problems"] = [_problem_json(p, path) for p in problems]
        files.append(entry)

    stderr("briefing validate: ").lines(collection.notices)  # documents opened for a file's sources
    out = stdout()
    if args.format == "json":
        out.data(json.dumps({"valid": ok, "files": files}, ensure_ascii=True, indent=2) + "\n")
        return 0 if ok else 1

    for (path, document, problems), entry in zip(results, files, strict=True):
        out.problems(problems)
        if document is None:
            errors = sum(1 for p in problems if p.severity is Severity.ERROR)
            out.line(display_path(path), f": invalid: {plural(errors, 'error')}")
            continue
        counts = entry["counts"]
        assert isinstance(counts, dict)
        out.line(
            display_path(path),
            f": {'ok' if entry['valid'] else 'invalid (strict)'}: id ",
            str(entry["id"]),
            f", {plural(counts['entities'], 'entity')} ({plural(counts['mentions'], 'mention')}), "
            f"{plural(counts['claims'], 'claim')}, {plural(counts['events'], 'event')}, "
            f"{plural(counts['sources'], 'source')}, {_drafts(counts['drafts'])}"
            f"{plural(len(problems), 'warning')}",
        )
    return 0 if ok else 1
