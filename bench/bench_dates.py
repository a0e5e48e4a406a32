"""Dates: the cost of parsing and saying the EDTF dates a briefing uses every day.

Usage: ``python bench/bench_dates.py [--repeat 30] [--n 2000]``

Prints CPU microseconds a date (best of ``--repeat`` runs of ``--n`` dates; CPU time, since the
wall clock of a shared machine varies more than the figures compared) for ``parse_edtf``,
``humanize`` and ``sort_key`` on everyday forms (day, month, year, qualified, decade, intervals,
open ends), then the same for a few rarer forms (level 2, long years, sets). Asserts nothing about
time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from briefing_tui.model.dates import humanize, parse_edtf  # noqa: E402

EVERYDAY = [
    "2024-04-25",
    "2023-07",
    "2024",
    "2023-07-26~",
    "2024?",
    "202X",
    "2024-04-29/2024-05-03",
    "2024-04-24/..",
    "../2024",
    "2023/2024",
]
RARE = ["156X-12-25", "2004-?06-~11", "[1667,1668,1670..1672]", "Y-17E7", "1950S2", "-1985", "2001-34"]


def _best(fn, items: list, n: int, repeat: int) -> float:
    """Best time of ``repeat`` runs, in microseconds an item."""
    work = (items * (n // len(items) + 1))[:n]
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for item in work:
            fn(item)
        best = min(best, time.process_time() - start)
    return best / n * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    for name, texts in (("everyday", EVERYDAY), ("rare", RARE)):
        n = args.n if name == "everyday" else max(args.n // 10, len(texts))
        parsed = []
        for t in texts:
            try:
                parsed.append(parse_edtf(t))
            except ValueError:
                print(f"  {t}: not parsed")
        print(f"{name} ({len(texts)} forms, {n} dates a run)")
        print(f"  parse_edtf  {_best(parse_edtf, texts, n, args.repeat):8.2f} µs a date")
        print(f"  humanize    {_best(humanize, parsed, n, args.repeat):8.2f} µs a date")
        print(f"  sort_key    {_best(lambda d: d.sort_key, parsed, n, args.repeat):8.2f} µs a date")


if __name__ == "__main__":
    main()
