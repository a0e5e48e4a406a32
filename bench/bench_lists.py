"""Measure the reader's lists on a large briefing (headless, 120x40): filling them, and a filter key.

Usage: ``python bench/bench_lists.py [--large bench/out/large.yaml]``

Prints figures; asserts nothing about time. The large file (10 MB, 100,000 annotations: 2,000
entities, 5,000 events, 25,000 claims; made by bench/make_large.py when missing) is opened in the
reader. Figures:

- the first filling of the entities and of the timeline list (building, measuring and listing their
  rows, as the reader does just after its first frame), and the drawing of what they show;
- a key typed in each list's filter (the list built again for ``a``, then ``an``, alternately), the
  first key apart for the claims list (typed as soon as the list is shown: it folds what the list
  has not folded ahead of the 25,000 claims' texts); then, in the claims list, a name and a word
  typed a letter at a time (``TYPED``: the rows change at each key).

The anchor is ``]``'s action run in the same reader (the next claim's place worked out, the claim
pane and the text told what to draw): a list's key should cost about as much as the reader's
everyday key. Filters run on the screen's thread: their figures are what a key waits for.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from make_large import ensure_large  # noqa: E402  # beside this script

from briefing_tui.app import BriefingApp  # noqa: E402
from briefing_tui.files import load_paths  # noqa: E402
from briefing_tui.widgets.claim_list import ClaimList  # noqa: E402
from briefing_tui.widgets.entity_list import EntityList  # noqa: E402
from briefing_tui.widgets.timeline_list import TimelineList  # noqa: E402

KEYS = ("a", "an") * 4
TYPED = tuple("Bazoum-1"[:n] for n in range(1, 9)) + tuple("retrait"[:n] for n in range(1, 8))
"""A name typed into the claims list's filter a letter at a time, then a word (each key narrows the
list, and the rows change), as a person types them."""
VERBOSE = False


def timed(record: list[float], method: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        result = method(*args, **kwargs)
        record.append(time.perf_counter() - start)
        return result

    return call


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


async def until(pilot: Any, condition: Callable[[], bool], seconds: float = 60.0) -> None:
    deadline = time.perf_counter() + seconds
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit("the reader did not get there in time")
        await pilot.pause(0.02)


def filter_keys(widget: Any, keys: tuple[str, ...] = KEYS) -> list[float]:
    """Seconds to build ``widget`` again for each filter of ``keys``."""
    spent = []
    for typed in keys:
        widget.filter_text = typed
        start = time.perf_counter()
        widget.refilter()
        spent.append(time.perf_counter() - start)
    widget.filter_text = ""
    widget.refilter()
    return spent


async def run(path: Path) -> None:
    collection = load_paths([path])
    gc.freeze()  # as ``briefing`` does once a document is loaded: no full collection walks it again
    fills: dict[str, list[float]] = {"entities": [], "timeline": []}
    EntityList.set_entities = timed(fills["entities"], EntityList.set_entities)  # type: ignore[method-assign]
    TimelineList.set_events = timed(fills["timeline"], TimelineList.set_events)  # type: ignore[method-assign]
    app = BriefingApp([path], collection=collection)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: bool(fills["entities"]) and bool(fills["timeline"]))
        await pilot.pause(0.3)
        screen = app.screen
        entities, timeline = screen.query_one(EntityList), screen.query_one(TimelineList)
        keys = {"entities": filter_keys(entities), "timeline": filter_keys(timeline)}
        await pilot.press("6")
        await until(
            pilot, lambda: bool(screen.query(ClaimList)) and screen.query_one(ClaimList).option_count > 0
        )
        claims = screen.query_one(ClaimList)
        keys["claims"] = filter_keys(claims)
        keys["claims, typed"] = filter_keys(claims, TYPED)
        await pilot.press("1")
        anchor = []
        for _ in range(len(KEYS)):
            start = time.perf_counter()
            await screen.run_action("next_claim(1)")  # what ] does, without the test pilot's own waits
            anchor.append(time.perf_counter() - start)
    print(f"lists of {path.name} (headless 120x40):")
    for name in ("entities", "timeline"):
        print(f"  {name:<9} list filled, first time   {ms(fills[name][0])}")
    print(f"  ] (next claim), its action, median  {ms(statistics.median(anchor))}  (the anchor)")
    if VERBOSE:
        print({name: [round(x * 1000, 1) for x in spent] for name, spent in keys.items()})
    for name, spent in keys.items():
        rest = spent[1:] if name == "claims" else spent
        first = f"; first key {ms(spent[0]).strip()}" if name == "claims" else ""
        print(
            f"  {name:<15} filter key, median {ms(statistics.median(rest))}  worst {ms(max(rest))}"
            f"  {statistics.median(rest) / statistics.median(anchor):5.2f}x ]{first}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=Path, default=ROOT / "bench" / "out" / "large.yaml")
    parser.add_argument("--each", action="store_true", help="print every filter key's time too")
    args = parser.parse_args()
    global VERBOSE
    VERBOSE = args.each
    asyncio.run(run(ensure_large(args.large)))


if __name__ == "__main__":
    main()
