"""Measure the repaint after a checking edit on a large briefing, in the reader (headless, 120x40).

Usage: ``python bench/bench_edit_repaint.py [--runs 10] [--large bench/out/large.yaml]``

Prints figures; asserts nothing about time. The large file (10 MB, 100,000 annotations, made by
bench/make_large.py when missing) is copied to a temporary folder and opened in the reader; a claim
in the middle of the text is made current. Then, ``--runs`` times, the claim is rated (the rating
key's action without its dialog: ``Checking.edit`` with ``ops.rate_claim``, a different rating each
time) and the figure is the time from the action until the screen has drawn the result (the edit
made in the session, the navigator and the claim's mark taken in, the claim pane and the text drawn
again). The same for undo (``u``'s action). Every figure starts at the action, as a key's handler
would call it.

Anchors from the same run: ``]`` (next claim) from the same place, the reader's everyday key, and the
repaint that builds every mark and list again (what an edit that moves annotations, or a merge with
the file on disk, costs). The first edit (the checking session opened in a thread: the key's own
time, the longest stall of the event loop meanwhile, the time until the edit is made) and writing
the journal of unsaved edits (in a thread, after the frame; each figure above waits for it to end)
are printed too.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import shutil
import statistics
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from make_large import ensure_large  # beside this script
from textual.app import App

from briefing_tui.app import BriefingApp
from briefing_tui.edit import journal, ops
from briefing_tui.files import load_paths
from briefing_tui.model.types import Rating
from briefing_tui.screens.main import MainScreen

HERE = Path(__file__).resolve().parent


RATINGS = [Rating.MISLEADING, Rating.FALSE, Rating.SUPPORTED, Rating.OUTDATED]


def _figures(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"median {statistics.median(ms):7.1f} ms  (min {min(ms):.1f}, max {max(ms):.1f})"


async def _drawn(app: App[Any]) -> None:
    """Until the screen has processed its messages and drawn what changed."""
    await app._animator.wait_until_complete()
    for _ in range(2):
        event = asyncio.Event()
        app.call_after_refresh(event.set)
        await event.wait()


async def _journal_written(screen: MainScreen) -> None:
    """Until the journal of the last edit is written (in its thread, after the frame): each figure
    is then the key's alone, as for a person whose keys come a tenth of a second apart."""
    while screen.checking.journals.busy:
        await asyncio.sleep(0.005)


async def first_edit(screen: MainScreen, claim_id: str) -> None:
    """The first editing key (``x``'s action) opens the session in a thread: how long the key's
    handler held the reader, the longest stall of its event loop meanwhile (sampled every 10 ms),
    and the time until the edit was made. Then it is undone."""
    started = time.perf_counter()
    screen.checking.toggle_verified()
    held = time.perf_counter() - started
    stall = 0.0
    while screen.checking.session(create=False) is None or not screen.checking.modified:
        tick = time.perf_counter()
        await asyncio.sleep(0.01)
        stall = max(stall, time.perf_counter() - tick - 0.01)
    done = time.perf_counter() - started
    print(f"first edit (x): the key's handler           {held * 1000:8.1f} ms")
    print(f"first edit: longest event-loop stall         {stall * 1000:8.1f} ms")
    print(f"first edit: until made (session opened)      {done * 1000:8.1f} ms")
    screen.action_check("undo")
    await _drawn(screen.app)


async def measure(path: Path, runs: int) -> None:
    collection = load_paths([path])
    gc.freeze()  # as the reader does with what it read, once it shows it (``BriefingApp._show``)
    app = BriefingApp([path], collection=collection)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.pause()
        middle = screen.state.nav.claims[len(screen.state.nav.claims) // 2]
        screen.jump_to(screen.state.nav.location_of(middle))
        await _drawn(app)
        await first_edit(screen, middle.id)

        edits, undos, nexts, rebuilds = [], [], [], []
        for i in range(runs):
            rating = RATINGS[i % len(RATINGS)]
            started = time.perf_counter()
            screen.checking.edit(
                partial(ops.rate_claim, claim_id=middle.id, rating=rating, explanation="bench")
            )
            await _drawn(app)
            edits.append(time.perf_counter() - started)
            await _journal_written(screen)
            started = time.perf_counter()
            screen.action_check("undo")
            await _drawn(app)
            undos.append(time.perf_counter() - started)
            await _journal_written(screen)
            started = time.perf_counter()
            screen.action_next_claim(1)
            await _drawn(app)
            nexts.append(time.perf_counter() - started)
            screen.jump_to(screen.state.nav.location_of(middle))
            await _drawn(app)
        for _ in range(max(1, runs // 3)):
            started = time.perf_counter()
            screen.state.edited([], moved=True)
            screen.panes.edited(True, [])
            await _drawn(app)
            rebuilds.append(time.perf_counter() - started)
        session = screen.checking.session()
        assert session is not None
        kept = []
        for _ in range(3):
            started = time.perf_counter()
            journal.keep(session)
            kept.append(time.perf_counter() - started)
        claims = len(screen.state.nav.claims)
        print(f"document: {len(screen.state.doc.text):,} characters, {claims:,} claims")
        print(f"rate a claim, until drawn:                  {_figures(edits)}")
        print(f"undo (u), until drawn:                      {_figures(undos)}")
        print(f"anchor: next claim (]), until drawn:        {_figures(nexts)}")
        print(f"the journal of unsaved edits (a thread):    {_figures(kept)}")
        print(f"anchor: every mark and list built again:    {_figures(rebuilds)}")
        screen.checking.sessions.clear()  # nothing to ask on the way out
        app.exit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--large", type=Path, default=HERE / "out" / "large.yaml")
    args = parser.parse_args()
    ensure_large(args.large)
    with tempfile.TemporaryDirectory(prefix="briefing-repaint-") as folder:
        path = Path(folder) / "large.yaml"
        shutil.copyfile(args.large, path)
        asyncio.run(measure(path, args.runs))


if __name__ == "__main__":
    main()
