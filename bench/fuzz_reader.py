"""Drive the reader over many generated hostile documents: every key on every pane, nothing may raise.

Usage: python bench/fuzz_reader.py [--documents 200] [--seed 1]

Documents come from bench/fuzz_hostile.py's generator; each is opened headless (Textual's Pilot,
100x30) and given the key sequence of tests/ui/test_hostile_reader.py plus random keys. Any
exception stops the run (exit 1) with the input written to bench/out/fuzz-reader-N.yaml.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import fuzz_hostile  # noqa: E402
from tests.ui.test_hostile_reader import KEYS  # noqa: E402

from briefing_tui.app import BriefingApp  # noqa: E402
from briefing_tui.model import LoadError  # noqa: E402
from briefing_tui.model.loader import load_bytes  # noqa: E402
from briefing_tui.model.types import Collection  # noqa: E402

EXTRA_KEYS = ["j", "k", "space", "b", "n", "N", "o", "e", "5", "shift+tab", "alt+right", "up", "home", "end"]


async def _drive(document: object, keys: list[str]) -> None:
    app = BriefingApp([Path("hostile.yaml")], collection=Collection(documents=[document]))  # type: ignore[list-item]
    async with app.run_test(size=(100, 30)) as pilot:
        for key in keys:
            await pilot.press(key)
        await pilot.pause()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started, tried, refused, presses = time.perf_counter(), 0, 0, 0
    while tried < args.documents:
        data = fuzz_hostile.make_input(rng)
        try:
            document = load_bytes(data, "hostile.yaml")
        except LoadError:
            refused += 1
            continue
        tried += 1
        keys = KEYS + [rng.choice(KEYS + EXTRA_KEYS) for _ in range(15)]
        try:
            asyncio.run(_drive(document, keys))
        except Exception:
            return fuzz_hostile.keep_failure(data, f"fuzz-reader-{tried}.yaml", f"document {tried} failed")
        presses += len(keys)
    elapsed = time.perf_counter() - started
    print(
        f"{tried:,} documents ({refused:,} more refused by the loader), {presses:,} key presses "
        f"in {elapsed:.0f} s: 0 exceptions"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
