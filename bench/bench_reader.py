"""Speed of the reader, measured in a real pseudo-terminal (PtyTerm: a pty and a pyte screen).

Usage: ``python bench/bench_reader.py [--runs 5] [--keys 20] [--large bench/out/large.yaml] [--source]
[--toolong TL]``

Prints, for a 120x40 terminal, every figure beside its anchor measured in the same run, as a ratio
(medians; the runs of the reader and of its anchors alternate, so that they see the same load):

- the seed: first paint of the minimal app (``bench/minimal_app.py``: a Static and a Footer) and of
  the reader (its title), and the whole reader (every pane filled: "N claims. Press ]" in the claim
  pane and the first rows of the entities and timeline lists);
- the large briefing (10 MB, 100,000 annotations; made by ``bench/make_large.py`` when missing):
  title and text on screen, every pane filled (as for the seed), and idle (the last moment the
  process used CPU before 0.5 s without, after every pane was filled: the text is wrapped and its
  marks indexed in the background after the first paint; read every 10 ms by a thread of the bench
  from the start, ``cpu_watch.py``, so that the bench's own parse of the frames never delays it),
  with no key pressed, and both as ratios to toolong's (the log viewer the aims were set against,
  run on the same file in the same turn: ``toolong_anchor.py``; ``--toolong`` names its ``tl``,
  else ``tl`` on the PATH is run, else the ratios are left out); then, in another run, ``G``
  pressed as soon as the
  reader's text appears (while the text is still wrapping), to the text's last words on screen,
  beside ``less`` on the same file (its first ``G``) and the same key pressed once the reader is
  idle (after ``g``); and whether the text pane then moved when the
  wrapping ended (it should not; the side panes beside it may fill in meanwhile);
- the repaint time of ``]`` (next claim) and ``space`` (page down) pressed as soon as the reader's
  text appears, from the key to the first and to the last byte of the frames it causes, and to
  the last frame that changed what the screen shows, median and worst of ``--keys`` presses; and
  of ``j`` pressed again and again from the moment the large briefing's title and text show (its
  preview), those pressed before every pane was filled (while the file still loads);
- a folder of 1,000 copies of the seed: its document list on screen, every file read (cold) and
  with their outlines kept from the run before (warm), beside the minimal app;
- peak memory (VmHWM) per MB of text, on the large briefing and on the folder, and how much of it
  the reader takes with the seed open (its screen, modules and styles: what any document costs).

Bytecode: textual, rich and PyYAML run from the bytecode compiled when they were installed, and
so does an installed ``briefing`` (pip compiles a wheel's modules). A checkout run with
``PYTHONDONTWRITEBYTECODE=1`` instead compiles every ``briefing_tui`` module from source at each
start (some 50 ms here), which the minimal app (one small file) hardly pays. So the package is
byte-compiled first, as installed; ``--source`` removes that bytecode and measures the other case.

Start-up figures are the time the bytes that show a thing had reached the terminal (``Arrivals``:
the output is read as it comes and replayed on pyte's screen, whose own parse, some 1 ms per KB in
pure Python, is left out: a terminal people use parses a frame in a fraction of a millisecond);
the time pyte showed it is printed beside, for comparison.

Figures only: nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import compileall
import functools
import os
import re
import select
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from arrivals import ESCAPES, Arrivals, shown_then_idle  # noqa: E402  # beside this script
from cpu_watch import cpu_seconds  # noqa: E402  # beside this script
from make_large import ensure_large  # noqa: E402  # beside this script
from tests.support.ptyterm import PtyTerm  # noqa: E402
from toolong_anchor import against_toolong, find_toolong, toolong_times  # noqa: E402  # beside this script

SEED_TITLE = "Les enjeux du retrait des troupes"
MINIMAL_THEN = 0.181
"""The minimal app's first paint here when the aims in seconds were set."""
PY = sys.executable
# ``briefing`` as its installed script runs it (``-m briefing_tui`` adds runpy's imports)
BRIEFING = [PY, "-c", "from briefing_tui.cli import program; program()"]


@functools.cache  # measured once: every figure of memory is beside the same one (it moves by 0.1 MB)
def minimal_memory_mb() -> float:
    """The peak memory of the minimal app: what Python and Textual take before any document."""
    with PtyTerm([PY, str(ROOT / "bench" / "minimal_app.py")], columns=120, lines=40, cwd=str(ROOT)) as term:
        term.wait_for("minimal app ready", timeout=30)
        peak = peak_memory_mb(term.pid)
        term.send("q")
        term.wait_exit(10)
    return peak


SEED_PEAKS: list[float] = []
"""The reader's peak memory with the seed open (``bench_seed``): its screen, modules and styles,
what any document costs before its own size counts."""


def memory_line(peak: float, base: float, text_mb: float, file_mb: float) -> str:
    extra = peak - base
    per_text, per_file = extra / text_mb, extra / file_mb
    line = (
        f"  peak memory {peak:.1f} MB (minimal app {base:.1f} MB): {extra:.1f} MB more,"
        f" {per_text:.2f} MB per MB of text (target 5), {per_file:.1f} per MB of file"
    )
    if SEED_PEAKS:
        seed = median(SEED_PEAKS)
        line += (
            f"\n    of which the reader on the seed takes {seed - base:.1f} MB; the rest,"
            f" {peak - seed:.1f} MB, is {(peak - seed) / text_mb:.1f} MB per MB of text"
        )
    return line


def first_paint(argv: list[str], needle: str) -> float:
    """Seconds until the bytes that show ``needle`` had reached the terminal (``Arrivals``)."""
    with PtyTerm(argv, columns=120, lines=40, cwd=str(ROOT)) as term:
        arrived = Arrivals(term, needle, timeout=30).until_text(needle)
        term.send("q")
        term.wait_exit(10)
        return arrived


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


def until_shown(term: PtyTerm, words: str, start: float, timeout: float = 60) -> tuple[float, float]:
    """Seconds from ``start`` until ``words`` reach the terminal (in the bytes written since, escape
    sequences taken out; the screen's time when they come split by one), and until the emulated
    screen shows them: the second adds pyte's parse of every frame written meanwhile (pure Python,
    some 1 ms per KB), which a real terminal does in a fraction of that."""
    pattern = re.compile(rb"\s+".join(re.escape(word.encode()) for word in words.split()))
    since, raw_at = len(term.raw), None
    deadline = start + timeout
    while time.perf_counter() < deadline:
        if words in term.text():
            seen_at = time.perf_counter() - start
            return (seen_at if raw_at is None else raw_at), seen_at
        if not select.select([term.fd], [], [], 0.02)[0]:
            continue
        try:
            data = os.read(term.fd, 65536)
        except OSError:
            break
        term.raw += data
        if raw_at is None and pattern.search(ESCAPES.sub(b"", bytes(term.raw[since:]))):
            raw_at = time.perf_counter() - start
        term.stream.feed(data)
    raise TimeoutError(f"{words!r} not on screen after {timeout}s")


def text_pane_rows(term: PtyTerm) -> list[str]:
    """The rows of the text pane (the box at the top left), without the side panes beside it that
    fill in meanwhile: what must not move when the wrapping ends."""
    rows = term.text().splitlines()
    right = rows[0].find("╮") + 1 if rows else 0
    return [row[: right or None] for row in rows[6:38]]


def panes_filled(text: str) -> bool:
    """Whether every pane shows what it holds: the claim pane its claims ("N claims. Press ]"), and
    the entities and timeline lists their first rows (a list fills a frame or two after the text)."""
    rows = text.splitlines()
    if "claims. Press ]" not in text:
        return False
    for title in ("Entities", "Timeline"):
        at = next((i for i, row in enumerate(rows) if f" {title} ─" in row), None)
        if at is None or at + 1 >= len(rows):
            return False
        box = rows[at].rfind("╭")
        if not rows[at + 1][box:].strip("│ ╰─╯"):
            return False
    return True


READER_UP = "Quit"
"""A word of the reader's footer of keys, which its first look leaves blank."""


def reader_up(text: str) -> bool:
    """Whether the reader itself is on screen: its footer of keys drawn (the first look, which shows
    every pane before it, keeps the keys pressed meanwhile for the reader)."""
    rows = text.rstrip("\n").splitlines()
    return bool(rows) and READER_UP in rows[-1]


def summary(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"median {statistics.median(ms):7.1f} ms   worst {max(ms):7.1f} ms   (n={len(ms)})"


def wait_idle(term: PtyTerm, quiet: float = 0.5, timeout: float = 120) -> None:
    """Wait until the process has used no CPU for ``quiet`` seconds from now (before a key or a
    reading of memory; the figure of idle is ``CpuWatch``'s, which looks from the program's start)."""
    last_cpu, last_busy = cpu_seconds(term.pid), time.perf_counter()
    deadline = last_busy + timeout
    while time.perf_counter() < deadline:
        term.pump(0.05)
        cpu = cpu_seconds(term.pid)
        if cpu != last_cpu:
            last_cpu, last_busy = cpu, time.perf_counter()
        elif time.perf_counter() - last_busy >= quiet:
            return


def quartile(values: list[float]) -> float:
    """The first quartile: the time of the faster runs, whichever group of speed the others fell in."""
    return statistics.quantiles(values, n=4)[0] if len(values) > 1 else values[0]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ms(value: float) -> str:
    return f"{value * 1000:7.0f} ms"


def text_ends(path: Path) -> tuple[str, str, str]:
    """The first words of a briefing's text, its last words, and the last line of the file."""
    sys.path.insert(0, str(ROOT / "src"))
    from briefing_tui.model.text_only import load_text

    text = load_text(path).text
    last_line = path.read_text(encoding="utf-8").rstrip("\n").rsplit("\n", 1)[-1].strip()
    return " ".join(text.split()[:2]), " ".join(text.split()[-3:]), last_line


PANE_KEYS = ("3", "2", "4", "1") * 3
"""Pane keys pressed on the seed once it is idle, each run (entities, claim, timeline, text), timed
from their second press."""


def bench_seed(runs: int) -> float:
    """The seed's first paint: the minimal app's line, the reader's title (its first look: the text
    in the reader's layout), and the whole reader (every pane filled), when their bytes reached the
    terminal, and the reader itself (its footer of keys drawn). Returns the minimal app's time (the
    anchor of the other figures)."""
    minimal, title, whole, up = [], [], [], []
    switches: list[tuple[float, float, float]] = []
    switch_bytes: list[int] = []
    for _ in range(runs):  # alternate, so both see the same machine load
        minimal.append(first_paint([PY, str(ROOT / "bench" / "minimal_app.py")], "minimal app ready"))
        with PtyTerm([*BRIEFING, str(ROOT / "seeds")], columns=120, lines=40, cwd=str(ROOT)) as term:
            arrivals = Arrivals(term, READER_UP)
            title.append(arrivals.until_text(SEED_TITLE))
            whole.append(arrivals.until(panes_filled))
            up.append(arrivals.until(reader_up))
            arrivals.rest()
            wait_idle(term)
            SEED_PEAKS.append(peak_memory_mb(term.pid))
            for i, key in enumerate(PANE_KEYS):
                written = len(term.raw)
                timed = repaint(term, key)
                if i >= 4:  # each key's first press builds what its pane shows
                    switches.append(timed)
                    switch_bytes.append(len(term.raw) - written)
                time.sleep(0.1)
            term.send("q")
            term.wait_exit(10)
    print(f"seed, medians of {runs} runs (the bytes that show it received by the terminal):")
    m = median(minimal)
    print(f"  minimal app    {ms(m)}   {[round(x * 1000) for x in minimal]}")
    for label, values, target in (("reader title", title, 1.3), ("whole reader", whole, 1.5)):
        value = median(values)
        print(f"  {label:<14} {ms(value)}   {value / m:5.2f}x minimal app  (target <= {target}x)")
    value = median(up)
    print(f"  reader up      {ms(value)}   {value / m:5.2f}x minimal app  (its footer of keys drawn)")
    low = quartile(minimal)
    print(
        f"  first quartiles: minimal app {ms(low).strip()}, title {quartile(title) / low:4.2f}x, whole reader"
        f" {quartile(whole) / low:4.2f}x (the fast runs of each, as the machine's speed comes in two groups)"
    )
    print(f"  pane switched (3 2 4 1, idle), first byte  {summary([s[0] for s in switches])}")
    print(f"  pane switched, screen settled          {summary([s[2] for s in switches])}")
    print(
        f"  pane switched, bytes written           median {statistics.median(switch_bytes) / 1000:.1f} KB"
        f"   largest {max(switch_bytes) / 1000:.1f} KB (the emulator here parses some 1 ms per KB)"
    )
    base, seed = minimal_memory_mb(), median(SEED_PEAKS)
    print(f"  peak memory    {seed:.1f} MB: {seed - base:.1f} MB above the minimal app's")
    return m


def bench_large(path: Path, runs: int, keys: int, minimal: float, toolong: str | None = None) -> None:
    first_words, last_words, last_line = text_ends(path)
    size_mb = path.stat().st_size / 1e6
    text_mb = _text_megabytes(path)
    shown, reader, panes, idle, g_keys, g_raw, idle_g, less_g, moved, memory = ([] for _ in range(10))
    toolong_shown: list[float] = []
    toolong_idle: list[float] = []
    for _ in range(runs):
        if toolong is not None:  # in the same turn as the reader: the same machine
            seen, rested = toolong_times(toolong, path, last_line)
            toolong_shown.append(seen)
            toolong_idle.append(rested)
        # no key pressed: the frames of a key would come before those that fill the panes
        with PtyTerm([*BRIEFING, str(path)], columns=120, lines=40, cwd=str(ROOT)) as term:
            text_at, panes_at, idle_at = shown_then_idle(
                term, "claims. Press ]", lambda text: first_words in text, panes_filled
            )
            shown.append(text_at)
            panes.append(panes_at)
            idle.append(idle_at)
            memory.append(peak_memory_mb(term.pid))
            term.send("q")
            term.wait_exit(10)
        with PtyTerm([*BRIEFING, str(path)], columns=120, lines=40, cwd=str(ROOT)) as term:
            reader.append(term.wait_for("· fr", timeout=120))  # the reader's own header: its text is up
            start = time.perf_counter()
            term.send("G")
            raw_at, seen_at = until_shown(term, last_words, start)
            g_raw.append(raw_at)
            g_keys.append(seen_at)
            term.wait_quiet(0.05)  # the frame that showed them is whole
            bottom = text_pane_rows(term)
            wait_idle(term)
            moved.append(text_pane_rows(term) != bottom)
            term.send("g")  # the same key once idle: back to the top, then G again
            term.wait_for(first_words, timeout=30)
            term.wait_quiet(0.05)
            start = time.perf_counter()
            term.send("G")
            term.wait_for(last_words, timeout=30)
            idle_g.append(time.perf_counter() - start)
            term.send("q")
            term.wait_exit(10)
        with PtyTerm(["less", str(path)], columns=120, lines=40, cwd=str(ROOT)) as term:
            term.wait_for("format: 1", timeout=30)
            start = time.perf_counter()
            term.send("G")
            term.wait_for(last_line[:60], timeout=60)
            less_g.append(time.perf_counter() - start)
            term.send("q")
            term.wait_exit(10)
    print(f"large ({size_mb:.1f} MB file, {text_mb:.1f} MB of text), medians of {runs} runs:")
    print(f"  title and text (preview)    {ms(median(shown))}  {median(shown) / minimal:5.2f}x minimal app")
    for label, values, target in (
        ("every pane filled", panes, "1 s"),
        ("idle (no CPU for 0.5 s)", idle, "2 s"),
    ):
        value = median(values)
        print(f"  {label:<27} {ms(value)}  {value / minimal:5.2f}x minimal app  (target {target})")
        if toolong_shown:
            theirs = toolong_shown if label == "every pane filled" else toolong_idle
            print(f"  {'':<27} {against_toolong(label.split(' (')[0], values, theirs)}")
    if not toolong_shown:
        print("  toolong: not found (--toolong, or tl on the PATH): no ratio to it")
    print(
        f"  G at once, text's end shown {ms(median(g_keys))}  {median(g_keys) / median(less_g):5.2f}x less"
        f" (less's first G {ms(median(less_g)).strip()}), {median(g_keys) / median(idle_g):5.2f}x the same"
        f" key once idle ({ms(median(idle_g)).strip()}); target 100 ms; worst {ms(max(g_keys)).strip()}"
    )
    print(
        f"  G at once, the same words reaching the terminal {ms(median(g_raw))} (worst"
        f" {ms(max(g_raw)).strip()}): the rest is the emulator's parse of the frames meanwhile"
    )
    print(f"  text moved when wrapping ended after G: {sum(moved)} of {runs}")
    print(memory_line(median(memory), minimal_memory_mb(), text_mb, size_mb))
    with PtyTerm([*BRIEFING, str(path)], columns=120, lines=40, cwd=str(ROOT)) as term:
        term.wait_for("· fr", timeout=120)  # keys at once: the annotations may still be loading
        claims = [repaint(term, "]") for _ in range(keys)]
        term.send("1")
        pages = [repaint(term, " ") for _ in range(keys)]
        term.send("q")
        term.wait_exit(10)
    loading = keys_while_loading(path, first_words, keys)
    print(f"  ] next claim, first byte      {summary([c[0] for c in claims])}")
    print(f"  ] next claim, screen settled  {summary([c[2] for c in claims])}")
    print(f"  space page down, first byte   {summary([p[0] for p in pages])}")
    print(f"  space page down, settled      {summary([p[2] for p in pages])}")
    if loading:
        print(f"  j while loading, first byte   {summary(loading)}")
    else:
        print("  j while loading: the panes were filled before the first key")


def keys_while_loading(path: Path, first_words: str, keys: int) -> list[float]:
    """The first byte of ``j``'s frames, pressed ``keys`` times in a row from the moment the large
    file's title and text show (its preview), for the presses made before every pane was filled."""
    times = []
    with PtyTerm([*BRIEFING, str(path)], columns=120, lines=40, cwd=str(ROOT)) as term:
        term.wait_for(first_words, timeout=120)
        for _ in range(keys):
            loading = not panes_filled(term.text())
            first, _last, _settled = repaint(term, "j", quiet=0.03)
            if loading:
                times.append(first)
        term.send("q")
        term.wait_exit(10)
    return times


def _text_megabytes(path: Path) -> float:
    from briefing_tui.model.text_only import load_text

    return len(load_text(path).text.encode("utf-8")) / 1e6


def bench_folder(runs: int) -> None:
    seed = (ROOT / "seeds" / "niger-us-withdrawal.yaml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "folder"
        folder.mkdir()
        past = time.time() - 60  # settled: old enough for the cache to keep their outlines
        for i in range(1000):
            body = seed.replace("id: niger-us-withdrawal\n", f"id: copy-{i:04d}\n", 1)
            body = re.sub(r"^title: .*$", f'title: "Copie {i:04d}"', body, count=1, flags=re.M)
            path = folder / f"copy-{i:04d}.yaml"
            path.write_text(body, encoding="utf-8")
            os.utime(path, (past, past))
        text_mb = 1000 * _text_megabytes(folder / "copy-0000.yaml")
        file_mb = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
        cache = Path(tmp) / "cache"  # the outlines kept: emptied before each cold run
        minimal: list[float] = []
        shown: dict[str, list[float]] = {"cold": [], "warm": []}
        peaks: dict[str, list[float]] = {"cold": [], "warm": []}
        for _ in range(runs):
            minimal.append(first_paint([PY, str(ROOT / "bench" / "minimal_app.py")], "minimal app ready"))
            shutil.rmtree(cache, ignore_errors=True)
            for case in ("cold", "warm"):  # the first run fills the cache, the second reads it
                with PtyTerm(
                    [*BRIEFING, str(folder)],
                    columns=120,
                    lines=40,
                    cwd=str(ROOT),
                    env={"XDG_CACHE_HOME": str(cache)},
                ) as term:
                    arrivals = Arrivals(term, "claims. Press ]", timeout=60)
                    shown[case].append(arrivals.until_text("Copie 0001"))
                    peaks[case].append(peak_memory_mb(term.pid))
                    term.send("q")
                    term.wait_exit(10)
        m = median(minimal)
        print(f"folder of 1,000 seed copies ({text_mb:.1f} MB of text), medians of {runs} runs:")
        said = {"warm": "outlines kept from before (warm)", "cold": "every file read (cold)"}
        for case in ("warm", "cold"):
            at = median(shown[case])
            print(
                f"  document list shown, {said[case]}: {ms(at)}  {at / m:5.2f}x minimal app"
                f" ({ms(m).strip()}) target 0.5 s ({0.5 / MINIMAL_THEN:4.2f}x the minimal app's"
                f" {MINIMAL_THEN * 1000:.0f} ms when set)"
            )
        base = minimal_memory_mb()
        for case in ("warm", "cold"):
            print(f"  {case}: " + memory_line(median(peaks[case]), base, text_mb, file_mb).strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=20)
    parser.add_argument("--large", type=Path, default=ROOT / "bench" / "out" / "large.yaml")
    parser.add_argument("--source", action="store_true", help="measure without the package's bytecode")
    parser.add_argument("--seed-only", action="store_true", help="measure the seed alone")
    parser.add_argument("--toolong", help="toolong's tl, the anchor of the large briefing")
    args = parser.parse_args()
    print(prepare_bytecode(args.source))
    print(f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}")
    minimal = bench_seed(args.runs)
    if args.seed_only:
        return
    toolong = find_toolong(args.toolong)
    bench_large(ensure_large(args.large), max(1, args.runs // 2), args.keys, minimal, toolong)
    bench_folder(max(1, args.runs // 2))


if __name__ == "__main__":
    main()
