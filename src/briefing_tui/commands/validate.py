"""``briefing validate PATH...``: check briefing files and print their problems like a compiler.

Each problem is one ``FILE:LINE:COL: error|warning: message`` line followed by a ``hint:`` line.
A file without errors gets one summary line (its id, what it holds, how many warnings). Exit
status: 0 when every file is valid, 1 otherwise (``--strict``: warnings count too), 2 on a usage
error. ``--format json`` prints one JSON object for machines.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


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
    return {
        "entities": len(getattr(document, "entities", [])),
        "mentions": sum(len(e.mentions) for e in getattr(document, "entities", [])),
        "claims": len(getattr(document, "claims", [])),
        "events": len(getattr(document, "events", [])),
        "sources": len(getattr(document, "sources", [])),
    }


def _plural(n: int, word: str) -> str:
    many = word[:-1] + "ies" if word.endswith("y") else word + "s"
    return f"{n} {word}" if n == 1 else f"{n} {many}"


def run(args: argparse.Namespace) -> int:
    from briefing_tui.display import display_path, display_problem, sanitize
    from briefing_tui.files import load_paths
    from briefing_tui.model import Document, Problem, Severity

    collection = load_paths(list(args.paths))
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
        entry: dict[str, object] = {"path": display_path(path), "valid": valid}
        if document is not None:
            entry["id"] = getattr(document, "id", "")
            entry["counts"] = _counts(document)
        entry["problems"] = [p.to_json() for p in problems]
        files.append(entry)

    out = sys.stdout
    if args.format == "json":
        json.dump({"valid": ok, "files": files}, out, ensure_ascii=True, indent=2)
        out.write("\n")
        return 0 if ok else 1

    for (path, document, problems), entry in zip(results, files, strict=True):
        for problem in problems:
            out.write(display_problem(problem) + "\n")
        if document is None:
            errors = sum(1 for p in problems if p.severity is Severity.ERROR)
            out.write(f"{display_path(path)}: invalid: {_plural(errors, 'error')}\n")
            continue
        counts = entry["counts"]
        assert isinstance(counts, dict)
        warnings = len(problems)
        out.write(
            f"{display_path(path)}: {'ok' if entry['valid'] else 'invalid (strict)'}: "
            f"id {sanitize(str(entry['id']))}, {_plural(counts['entities'], 'entity')}"
            f" ({_plural(counts['mentions'], 'mention')}), {_plural(counts['claims'], 'claim')}, "
            f"{_plural(counts['events'], 'event')}, {_plural(counts['sources'], 'source')}, "
            f"{_plural(warnings, 'warning')}\n"
        )
    return 0 if ok else 1
