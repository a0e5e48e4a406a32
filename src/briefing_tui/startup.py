"""What ``briefing`` reads before the reader starts (pure: no textual).

A small collection loads in a few milliseconds: it is read before the first paint, so that the
reader's first screen is the document, and so that when nothing at all can be opened the errors are
printed like ``validate`` prints them, without entering full screen. A larger one is read by the
reader behind a loading screen.
"""

from __future__ import annotations

from pathlib import Path

from briefing_tui.model.types import Collection, Problem, Severity

SMALL = 256 * 1024  # bytes of YAML read at once before the first paint
OUTLINED = 32 << 20  # bytes of YAML of several files outlined before the first paint (about 0.1 s)
_READ_SUFFIXES = (".yaml", ".yml", ".txt", ".ann")


def total_size(paths: list[Path]) -> int:
    """The bytes the loader would read for ``paths``; ``SMALL`` when that cannot be told."""
    total = 0
    for path in paths:
        try:
            if path.is_dir():
                total += sum(f.stat().st_size for f in path.glob("*.y*ml"))
            elif path.suffix.lower() in _READ_SUFFIXES:
                total += path.stat().st_size  # anything else is refused by its name, unread
        except OSError:
            return SMALL  # unreadable: let the worker and the error view deal with it
    return total


def load_if_small(paths: list[Path]) -> Collection | None:
    """The collection of ``paths`` when it is small enough to read before the first paint, else None.

    Several files up to ``OUTLINED`` are read as outlines (their titles and texts; each document is
    read whole when it is opened).
    """
    size = total_size(paths)
    if size < SMALL:
        # deferred: kept off start-up: needed only when this runs
        from briefing_tui.files import load_paths

        return load_paths(list(paths), siblings=True)
    if size < OUTLINED and several_files(paths):
        # deferred: kept off start-up: needed only when this runs
        from briefing_tui.model.outline import open_outlines

        return open_outlines(list(paths))
    return None


def several_files(paths: list[Path]) -> bool:
    """Whether ``paths`` name more than one briefing file (a collection worth outlining)."""
    # deferred: kept off start-up: needed only when this runs
    from briefing_tui.files import briefing_files

    return sum(len(briefing_files(path)) for path in paths) > 1


def failures(collection: Collection, paths: list[Path]) -> dict[str, list[Problem]]:
    """Why nothing of ``paths`` could be opened, file by file."""
    if collection.failed:
        return collection.failed
    where = str(paths[0]) if paths else "."
    problem = Problem(where, 1, 1, Severity.ERROR, "no briefing file (*.yaml) found")
    return {", ".join(str(p) for p in paths): [problem]}
