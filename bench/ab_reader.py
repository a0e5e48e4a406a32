"""The reader's start-up in two or more checkouts side by side, their runs alternating.

Usage: ``python bench/ab_reader.py [--runs 10] [--large bench/out/large.yaml]
[--seed-only | --large-only] [--toolong TL] TREE [TREE ...]``

Each TREE is a checkout of this project (``git worktree add --detach /tmp/before REV`` makes one);
its ``src`` is put first on the path of the reader run from it. The machine's speed swings by some
10 % over half an hour here, more than most changes of start-up measured one after the other: run
by run, in turn, every tree sees the same machine; the trees take their turns in the opposite
order every other run (on this machine the order of a turn moved the medians by 30–100 ms,
whichever tree ran first). Prints, per tree, the medians (and every run) of the times
``bench_reader.py`` takes: on the large briefing, its title and text (the preview), every pane filled
and idle (no CPU for 0.5 s); on the seed, its title, every pane and the reader up (its footer of
keys), beside the minimal app run in the same turns (and toolong on the large briefing, when
``--toolong`` names its ``tl`` or ``tl`` is on the PATH: every pane and idle as ratios to its figures,
``toolong_anchor.py``); then, for each tree after the first, the
median of its runs' differences from the first tree's, run by run (paired: on a machine that swings
within a series, the differences of runs made in the same turn move less than the medians).

Figures only: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from arrivals import Arrivals, shown_then_idle  # noqa: E402  # beside this script
from bench_reader import (  # noqa: E402  # beside this script
    BRIEFING,
    PY,
    READER_UP,
    SEED_TITLE,
    first_paint,
    panes_filled,
    quartile,
    reader_up,
    text_ends,
)
from make_large import ensure_large  # noqa: E402  # beside this script
from tests.support.ptyterm import PtyTerm  # noqa: E402
from toolong_anchor import against_toolong, find_toolong, toolong_times  # noqa: E402  # beside this script


def _large(tree: Path, path: Path, first_words: str) -> tuple[float, float, float]:
    argv = [*BRIEFING, str(path)]
    with PtyTerm(argv, columns=120, lines=40, cwd=str(tree), env={"PYTHONPATH": str(tree / "src")}) as term:
        shown, filled, idle = shown_then_idle(
            term, "claims. Press ]", lambda text: first_words in text, panes_filled
        )
        term.send("q")
        term.wait_exit(10)
    return shown, filled, idle


def _seed(tree: Path) -> tuple[float, float, float]:
    argv = [*BRIEFING, str(tree / "seeds")]
    with PtyTerm(argv, columns=120, lines=40, cwd=str(tree), env={"PYTHONPATH": str(tree / "src")}) as term:
        arrivals = Arrivals(term, READER_UP)
        title = arrivals.until_text(SEED_TITLE)
        whole = arrivals.until(panes_filled)
        up = arrivals.until(reader_up)
        term.send("q")
        term.wait_exit(10)
    return title, whole, up


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:6.0f} ms  {sorted(round(v * 1000) for v in values)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--large", type=Path, default=ROOT / "bench" / "out" / "large.yaml")
    leave_out = parser.add_mutually_exclusive_group()
    leave_out.add_argument("--seed-only", action="store_true", help="leave the large briefing out")
    leave_out.add_argument("--large-only", action="store_true", help="leave the seed out")
    parser.add_argument("--toolong", help="toolong's tl, timed in each turn on the large briefing")
    args = parser.parse_args()
    trees = [tree.resolve() for tree in args.trees]
    for tree in trees:
        if not (tree / "src" / "briefing_tui").is_dir():
            parser.error(f"{tree} is not a checkout of this project")
        compileall.compile_dir(str(tree / "src" / "briefing_tui"), quiet=1)  # as installed
    large = ensure_large(args.large.resolve())
    first_words, _last_words, last_line = text_ends(large)
    toolong = None if args.seed_only else find_toolong(args.toolong)
    toolong_runs: dict[str, list[float]] = {"every pane filled": [], "idle": []}
    shown: dict[Path, list[float]] = {tree: [] for tree in trees}
    filled: dict[Path, list[float]] = {tree: [] for tree in trees}
    idle: dict[Path, list[float]] = {tree: [] for tree in trees}
    titles: dict[Path, list[float]] = {tree: [] for tree in trees}
    wholes: dict[Path, list[float]] = {tree: [] for tree in trees}
    ups: dict[Path, list[float]] = {tree: [] for tree in trees}
    minimal: list[float] = []
    for run in range(args.runs):
        minimal.append(first_paint([PY, str(ROOT / "bench" / "minimal_app.py")], "minimal app ready"))
        if toolong is not None:
            seen, rested = toolong_times(toolong, large, last_line)
            toolong_runs["every pane filled"].append(seen)
            toolong_runs["idle"].append(rested)
        for tree in trees if run % 2 == 0 else trees[::-1]:
            if not args.seed_only:
                text, pane, quiet = _large(tree, large, first_words)
                shown[tree].append(text)
                filled[tree].append(pane)
                idle[tree].append(quiet)
            if not args.large_only:
                title, whole, up = _seed(tree)
                titles[tree].append(title)
                wholes[tree].append(whole)
                ups[tree].append(up)
    m, low = statistics.median(minimal), quartile(minimal)
    print(f"medians of {args.runs} runs, alternating; minimal app {_ms(minimal)}")
    for tree in trees:
        print(f"{tree}:")
        if filled[tree]:
            print(f"  large, title and text     {_ms(shown[tree])}")
            print(f"  large, every pane filled  {_ms(filled[tree])}")
            print(f"  large, idle               {_ms(idle[tree])}")
            for figure, values in (("every pane filled", filled[tree]), ("idle", idle[tree])):
                if toolong_runs[figure]:
                    print(f"    {figure}: {against_toolong(figure, values, toolong_runs[figure])}")
        for label, values in (
            ("seed, title", titles[tree]),
            ("seed, every pane", wholes[tree]),
            ("seed, reader up", ups[tree]),
        ):
            if values:
                print(f"  {label:<24}  {_ms(values)}  {statistics.median(values) / m:4.2f}x minimal app")
        if wholes[tree]:
            print(
                f"  seed, first quartiles     title {quartile(titles[tree]) / low:4.2f}x, every pane"
                f" {quartile(wholes[tree]) / low:4.2f}x the minimal app's ({low * 1000:.0f} ms):"
                " the fast runs of each"
            )
    base = trees[0]
    after = {tree: [q - f for f, q in zip(filled[tree], idle[tree], strict=True)] for tree in trees}
    for tree in trees[1:]:
        print(f"{tree} against {base}, paired (the median of each run's difference, in the same turn):")
        for label, series in (
            ("large, title and text", shown),
            ("large, every pane filled", filled),
            ("large, idle", idle),
            ("large, every pane to idle", after),
            ("seed, title", titles),
            ("seed, every pane", wholes),
            ("seed, reader up", ups),
        ):
            if series[tree]:
                print(f"  {label:<26}{_paired(series[base], series[tree])}")


def _paired(before: list[float], now: list[float]) -> str:
    """The median of the runs' differences (``now`` minus ``before``, run by run), and the runs
    where ``now`` came sooner."""
    differences = [b - a for a, b in zip(before, now, strict=True)]
    sooner = sum(difference < 0 for difference in differences)
    median = statistics.median(differences) * 1000
    return f"{median:+6.0f} ms  (sooner in {sooner} of {len(differences)} runs)"


if __name__ == "__main__":
    main()
