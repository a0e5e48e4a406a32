"""Speed of the reader, measured in a real pseudo-terminal (PtyTerm: a pty and a pyte screen).

Usage: ``python bench/bench_reader.py [--runs 5] [--keys 20] [--large bench/out/large.yaml] [--source]``

Prints, for a 120x40 terminal:

- first paint of the minimal app (``bench/minimal_app.py``: a Static and a Footer) and of the reader
  on the seed, both started as ``python ...`` in the same run, and their ratio;
- on the large briefing (10 MB, 100,000 annotations; made by ``bench/make_large.py`` when missing):
  time to the first screen with the title and text, and to the full reader with its annotations;
- the repaint time of ``]`` (next claim) and ``space`` (page down): from the key to the first and
  to the last byte of the frames it causes, and to the last frame that changed what the screen
  shows (characters or their colours and attributes: Textual may send later frames that rewrite
  the same cells), median and worst of ``--keys`` presses;
- the reader's peak memory (VmHWM) on the large briefing.

Bytecode: textual, rich and PyYAML run from the bytecode compiled when they were installed, and
so does an installed ``briefing`` (pip compiles a wheel's modules). A checkout run with
``PYTHONDONTWRITEBYTECODE=1`` instead compiles every ``briefing_tui`` module from source at each
start (some 50 ms here), which the minimal app (one small file) hardly pays. So the package is
byte-compiled first, as installed; ``--source`` removes that bytecode and measures the other case.

Figures only: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import compileall
import os
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


def first_paint(argv: list[str], needle: str) -> tuple[float, float]:
    """Seconds until ``needle`` reaches the terminal (raw bytes), and until pyte shows it on screen.

    The first is what a terminal sees; the second adds the time pyte (pure Python) takes to parse
    the frame, which grows with the frame's size and styles.
    """
    with PtyTerm(argv, columns=120, lines=40, cwd=str(ROOT)) as term:
        raw, wanted = None, needle.encode()
        deadline = time.perf_counter() + 30
        while raw is None and time.perf_counter() < deadline:
            if wanted in term.raw:
                raw = time.perf_counter() - term.started
            else:
                term.pump(0.002)
        seconds = term.wait_for(needle, timeout=30)
        term.send("q")
        term.wait_exit(10)
        return raw if raw is not None else float("inf"), seconds


def prepare_bytecode(source: bool) -> str:
    """Byte-compile the package as an installed wheel is, or (``source``) remove its bytecode."""
    package = ROOT / "src" / "briefing_tui"
    if source:
        for pyc in package.rglob("__pycache__/*.pyc"):
            pyc.unlink(missing_ok=True)
        return "briefing_tui compiled from source at each start (no bytecode)"
    compileall.compile_dir(str(package), quiet=1)
    return "briefing_tui byte-compiled first, as installed (--source: without)"


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cells(term: PtyTerm) -> list[list[tuple[object, ...]]]:
    """What the screen shows: every cell's character, colours and attributes."""
    buffer, width = term.screen.buffer, term.columns
    return [[tuple(buffer[y][x]) for x in range(width)] for y in range(term.lines)]


def repaint(term: PtyTerm, key: str, quiet: float = 0.06) -> tuple[float, float, float]:
    """Seconds from sending ``key`` to the first and to the last byte of the frames it causes
    (the last: no byte for ``quiet`` seconds after it), and to the last byte that changed the
    screen."""
    before = len(term.raw)
    shown = cells(term)
    start = time.perf_counter()
    term.send(key)
    first = last = settled = None
    deadline = start + 5
    while time.perf_counter() < deadline:
        if term.pump(quiet if last is not None else 0.5):
            last = time.perf_counter()
            first = first or last
            now = cells(term)
            if now != shown:
                shown, settled = now, last
        elif last is not None or len(term.raw) > before:
            break
    if first is None or last is None:
        return float("inf"), float("inf"), float("inf")
    return first - start, last - start, (settled or last) - start


def summary(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"median {statistics.median(ms):7.1f} ms   worst {max(ms):7.1f} ms   (n={len(ms)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=20)
    parser.add_argument("--large", type=Path, default=ROOT / "bench" / "out" / "large.yaml")
    parser.add_argument("--source", action="store_true", help="measure without the package's bytecode")
    args = parser.parse_args()
    print(prepare_bytecode(args.source))
    print(f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}")

    minimal, reader = [], []
    for _ in range(args.runs):  # alternate, so both see the same machine load
        minimal.append(first_paint([PY, str(ROOT / "bench" / "minimal_app.py")], "minimal app ready"))
        reader.append(first_paint([PY, "-m", "briefing_tui", str(ROOT / "seeds")], SEED_TITLE))
    for index, what in ((0, "bytes on the terminal"), (1, "shown by pyte")):
        m = statistics.median(run[index] for run in minimal)
        r = statistics.median(run[index] for run in reader)
        print(f"first paint ({what}):")
        print(f"  minimal app   : median {m * 1000:7.1f} ms  {[round(x[index] * 1000) for x in minimal]}")
        print(f"  reader on seed: median {r * 1000:7.1f} ms  {[round(x[index] * 1000) for x in reader]}")
        print(f"  ratio reader / minimal: {r / m:.2f}x  (target <= 1.3x)")

    if not args.large.exists():
        print(f"making {args.large} ...")
        subprocess.run([PY, str(ROOT / "bench" / "make_large.py"), str(args.large)], check=True)
    size_mb = args.large.stat().st_size / 1e6
    with PtyTerm([PY, "-m", "briefing_tui", str(args.large)], columns=120, lines=40, cwd=str(ROOT)) as term:
        preview = term.wait_for("A large generated briefing", timeout=60)
        print(f"large ({size_mb:.1f} MB file): title and text on screen after {preview * 1000:7.1f} ms")
        full = term.wait_for("claims. Press ]", timeout=120)
        print(f"large: reader with every annotation after {full * 1000:7.1f} ms")
        term.wait_quiet(1.0, timeout=30)  # the text is wrapped in the background after the first paint
        claims = [repaint(term, "]") for _ in range(args.keys)]
        print(f"large: ] next claim, first byte     {summary([c[0] for c in claims])}")
        print(f"large: ] next claim, frame complete {summary([c[1] for c in claims])}")
        print(f"large: ] next claim, screen settled {summary([c[2] for c in claims])}")
        term.send("1")
        term.wait_quiet(0.3)
        pages = [repaint(term, " ") for _ in range(args.keys)]
        print(f"large: space page down, first byte     {summary([p[0] for p in pages])}")
        print(f"large: space page down, frame complete {summary([p[1] for p in pages])}")
        print(f"large: space page down, screen settled {summary([p[2] for p in pages])}")
        print(f"large: peak memory (VmHWM) {peak_memory_mb(term.pid):.0f} MB  (target < 400 MB)")
        term.send("q")
        term.wait_exit(10)


if __name__ == "__main__":
    main()
