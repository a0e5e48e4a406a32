"""``briefing [PATH...]``: open briefings in the reader."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH",
        help="briefing files or folders (default: the bundled seed briefing)",
    )


def run(args: argparse.Namespace) -> int:
    from briefing_tui.resources import seeds_dir

    paths = list(args.paths) or [seeds_dir()]
    missing = [p for p in paths if not p.exists()]
    if missing:
        for p in missing:
            sys.stderr.write(f"briefing: {p}: no such file or folder\n")
        return 1
    from briefing_tui.app import BriefingApp

    app = BriefingApp(paths)
    app.run()
    return app.return_code or 0
