"""``briefing [PATH...]``: open briefings in the reader.

When nothing of PATH can be opened (a file that is not a briefing, an empty folder), the problems
are printed as ``validate`` prints them and the exit status is 1, without entering full screen.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_tui.model.types import Problem


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="briefing files or folders (default: the bundled seed briefing)",
    )


def _nothing_opened(failed: dict[str, list[Problem]]) -> int:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.console import stderr

    err = stderr()
    for problems in failed.values():
        err.problems(problems)
    err.with_prefix("briefing: ").line("nothing could be opened")
    return 1


def run(args: argparse.Namespace) -> int:
    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.console import stderr
    from briefing_tui.display import display_path
    from briefing_tui.resources import seeds_dir

    paths = list(args.paths) or [seeds_dir()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        err = stderr("briefing: ")
        for p in missing:
            err.line(display_path(p), ": no such file or folder")
        return 1
    import gc

    # deferred: imported when the command runs, not when its options are read
    from briefing_tui.startup import failures, load_if_small

    # Start-up builds hundreds of thousands of objects that live as long as the process (modules,
    # classes, styles, the collection): collecting them before the first frame only delays it.
    # The app freezes them and turns the collector back on once the first frame is on screen.
    gc.disable()
    try:
        collection = load_if_small(paths)  # a large one is read by the reader, behind a loading screen
        if collection is not None and not collection.documents:
            return _nothing_opened(failures(collection, paths))
        # deferred: imported when the command runs, not when its options are read
        from briefing_tui.app import BriefingApp

        app = BriefingApp(paths, collection=collection)
        try:
            app.run()
        except Exception as exc:  # outside the App's own handling (start-up, driver): still a short message
            # deferred: imported when the command runs, not when its options are read
            from briefing_tui.crash import report_crash

            return report_crash(exc)
    finally:
        gc.enable()
    if app.collection is not None and not app.collection.documents:
        return _nothing_opened(failures(app.collection, paths))
    return app.return_code or 0
