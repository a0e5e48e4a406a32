"""Speed of the reader, measured in a real pseudo-terminal (PtyTerm: a pty and a pyte screen).

Usage: ``python bench/bench_reader.py [--runs 5] [--keys 20] [--large bench/out/large.yaml]``

Prints, for a 120x40 terminal:

- first paint of the minimal app (``bench/minimal_app.py``: a Static and a Footer) and of the reader
  on the seed, both started as ``python ...`` in the same run, and their ratio;
- on the large briefing (10 MB, 100,000 annotations; made by ``bench/make_large.py`` when missing):
  time to the first screen with the title and text, and to the full reader with its annotations;
- the repaint time of ``]`` (next claim) and ``space`` (page down): from the key to the changed
  screen, median and worst of ``--keys`` presses;
- the reader's peak memory (VmHWM) on the large briefing.

Figures only: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.ptyterm import PtyTerm  # noqa: E402

SEED_TITLE = "Les enjeux du retrait des troupes"
PY = sys.executable


def first_paint(argv: list[str], needle: str) -> float:
    with PtyTerm(argv, columns=120, lines=40, cwd=str(ROOT)) as term:
        seconds = term.wait_for(needle, timeout=30)
        term.send("q")
        term.wait_exit(10)
        return seconds


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def repaint(term: PtyTerm, key: str, changed: object) -> float:
    """Seconds from sending ``key`` until ``changed(before, after)`` holds for the screen text."""
    before = term.text()
    start = time.perf_counter()
    term.send(key)
    deadline = start + 5
    while time.perf_counter() < deadline:
        term.pump(0.002)
        if changed(before, term.text()):  # type: ignore[operator]
            return time.perf_counter() - start
    return float("inf")


def summary(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"median {statistics.median(ms):7.1f} ms   worst {max(ms):7.1f} ms   (n={len(ms)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=20)
    parser.add_argument("--large", type=Path, default=ROOT / "bench" / "out" / "large.yaml")
    args = parser.parse_args()

    minimal, reader = [], []
    for _ in range(args.runs):  # alternate, so both see the same machine load
        minimal.append(first_paint([PY, str(ROOT / "bench" / "minimal_app.py")], "minimal app ready"))
        reader.append(first_paint([PY, "-m", "briefing_tui", str(ROOT / "seeds")], SEED_TITLE))
    m, r = statistics.median(minimal), statistics.median(reader)
    print(f"first paint, minimal app   : median {m * 1000:7.1f} ms  {[round(x * 1000) for x in minimal]}")
    print(f"first paint, reader on seed: median {r * 1000:7.1f} ms  {[round(x * 1000) for x in reader]}")
    print(f"ratio reader / minimal     : {r / m:.2f}x  (target <= 1.3x)")

    if not args.large.exists():
        print(f"making {args.large} ...")
        subprocess.run([PY, str(ROOT / "bench" / "make_large.py"), str(args.large)], check=True)
    size_mb = args.large.stat().st_size / 1e6
    with PtyTerm([PY, "-m", "briefing_tui", str(args.large)], columns=120, lines=40, cwd=str(ROOT)) as term:
        preview = term.wait_for("A large generated briefing", timeout=60)
        print(f"large ({size_mb:.1f} MB file): title and text on screen after {preview * 1000:7.1f} ms")
        full = term.wait_for("claims. Press ]", timeout=120)
        print(f"large: reader with every annotation after {full * 1000:7.1f} ms")
        term.wait_quiet(0.5, timeout=10)
        claims = [repaint(term, "]", lambda a, b: a != b) for _ in range(args.keys)]
        print(f"large: ] next claim repaint  {summary(claims)}")
        term.send("1")
        term.wait_quiet(0.3)
        pages = [repaint(term, " ", lambda a, b: a != b) for _ in range(args.keys)]
        print(f"large: space page-down repaint {summary(pages)}")
        print(f"large: peak memory (VmHWM) {peak_memory_mb(term.pid):.0f} MB  (target < 400 MB)")
        term.send("q")
        term.wait_exit(10)


if __name__ == "__main__":
    main()
