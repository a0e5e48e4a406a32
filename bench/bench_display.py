"""Speed of the display boundary: sanitize per visible line and over whole texts, display_url per address.

Usage: python bench/bench_display.py
Prints the median of several runs; the reader sanitizes only the visible lines, so the per-line figure
is the one that matters for a key press; the whole-text figures bound a one-off pass.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from briefing_tui.addresses import display_url
from briefing_tui.display import sanitize

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "seeds" / "000_795bd620279ba71d.txt").read_text(encoding="utf-8")


def _median(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    line = ARTICLE[:200]
    per_line = _median(lambda: [sanitize(line) for _ in range(1000)], 5) / 1000
    print(f"sanitize, a 200-character line:        {per_line * 1e6:8.1f} µs")
    emoji_line = "Le Niger 🇳🇪 ❤️ 👩‍👩‍👧 中文 « citation » \u200b" * 4
    per_emoji = _median(lambda: [sanitize(emoji_line) for _ in range(1000)], 5) / 1000
    print(f"sanitize, a line of emoji and CJK:     {per_emoji * 1e6:8.1f} µs")
    big = (ARTICLE * 4500)[:10_000_000]
    print(
        f"sanitize, 10 MB of French text:        {_median(lambda: sanitize(big, multiline=True), 3):8.2f} s"
    )
    mixed = ((ARTICLE + " ❤️ 👨‍👩‍👧 中文 ") * 4000)[:10_000_000]
    print(
        f"sanitize, 10 MB with emoji sequences:  {_median(lambda: sanitize(mixed, multiline=True), 3):8.2f} s"
    )
    urls = ["https://www.state.gov/on-the-withdrawal/", "https://аррӏе.com/", "https://bücher.de/x"]
    per_url = _median(lambda: [display_url(u) for u in urls * 300], 5) / 900
    print(f"display_url, one address:              {per_url * 1e6:8.1f} µs")


if __name__ == "__main__":
    main()
