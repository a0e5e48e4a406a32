"""``briefing [PATH...]``: open briefings in the reader."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="briefing files or folders (default: the bundled seed briefing)",
    )


def run(args: argparse.Namespace) -> int:
    # deferred: ``configure`` runs for ``--help`` too; what the command needs is imported when it runs
    from briefing_tui.display import display_path
    from briefing_tui.resources import seeds_dir

    paths = list(args.paths) or [seeds_dir()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        for p in missing:
            sys.stderr.write(f"briefing: {display_path(p)}: no such file or folder\n")
        return 1
    import gc

    # Start-up builds hundreds of thousands of objects that live as long as the process (modules,
    # classes, styles, the collection): collecting them before the first frame only delays it.
    # The app freezes them and turns the collector back on once the first frame is on screen.
    gc.disable()
    # deferred: textual is imported only when the reader opens
    from briefing_tui.app import BriefingApp

    app = BriefingApp(paths)
    try:
        app.run()
    except Exception as exc:  # outside the App's own handling (start-up, driver): still a short message
        # deferred: only when the reader crashed
        from briefing_tui.crash import report_crash

        return report_crash(exc)
    finally:
        gc.enable()
    return app.return_code or 0
