"""Measure saving a large briefing after one edit.

Usage: ``python bench/bench_edit_save.py [--runs 5] [--large bench/out/large.yaml]``

Prints figures; asserts nothing about time. The large file (10 MB, 100,000 annotations, made by
bench/make_large.py when missing) is copied to a temporary folder and opened as a checking session.
Then, ``--runs`` times, one claim in the middle of the file is rated (a different rating each time)
and the session saved; the figures are the median (min–max) of:

- ``apply``: making the edit in the session (the model only: what a repaint waits for first);
- ``patch``: writing the changed claim into the file's text (finding it, composing it alone);
- ``save``: the whole ``Session.save``: the file read again and compared (changed on disk?), the
  patch, the bytes encoded, and the atomic write (temporary file, fsync, rename, fsync of the folder).

After each save, the bytes between the first and the last byte that changed are counted: the
rating's few lines, however large the file.

Anchors from the same run: reading the file's bytes, and ``write_atomic`` of the same bytes with no
edit (what any safe save of 10 MB costs on this disk). Opening the session is printed too.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from make_large import ensure_large  # beside this script

HERE = Path(__file__).resolve().parent


def _figures(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"median {statistics.median(ms):8.1f} ms  (min {min(ms):.1f}, max {max(ms):.1f})"


def _common(a: bytes, b: bytes) -> int:
    """The length of the common prefix of ``a`` and ``b`` (by halving: memcmp does the work)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def _changed_window(old: bytes, new: bytes) -> int:
    """How many bytes of ``new`` lie between its first and last byte unlike ``old``."""
    head = _common(old, new)
    tail = _common(old[head:][::-1], new[head:][::-1])
    return len(new) - head - tail


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--large", type=Path, default=HERE / "out" / "large.yaml")
    args = parser.parse_args()
    ensure_large(args.large)

    from briefing_tui.edit import ops
    from briefing_tui.edit.atomic import write_atomic
    from briefing_tui.edit.session import Session
    from briefing_tui.model.types import Rating

    folder = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        path = folder / "large.yaml"
        shutil.copyfile(args.large, path)
        size = path.stat().st_size
        started = time.perf_counter()
        session = Session.open(path)
        opened = time.perf_counter() - started
        claims = session.doc.claims
        items = sum(len(v) for v in session.saved.ids.values())
        print(f"file: {size / 1e6:.1f} MB, {items:,} entities, events, claims and sources")
        print(f"open session (load + sidecar): {opened * 1000:8.1f} ms")

        reads, writes, applies, patches, saves = [], [], [], [], []
        windows: list[int] = []
        ratings = list(Rating)
        for run in range(args.runs):
            started = time.perf_counter()
            data = path.read_bytes()
            reads.append(time.perf_counter() - started)
            started = time.perf_counter()
            write_atomic(path, data)
            writes.append(time.perf_counter() - started)

            claim = claims[len(claims) // 2 + run]
            started = time.perf_counter()
            session.apply(
                ops.rate_claim(session.doc, claim.id, ratings[run % len(ratings)], "bench", date.today())
            )
            applies.append(time.perf_counter() - started)
            started = time.perf_counter()
            session.text_to_save()
            patches.append(time.perf_counter() - started)
            started = time.perf_counter()
            session.save()
            saves.append(time.perf_counter() - started)
            windows.append(_changed_window(data, path.read_bytes()))
        print(f"anchor: read the file        {_figures(reads)}")
        print(f"anchor: write_atomic, no edit {_figures(writes)}")
        print(f"apply one rating             {_figures(applies)}")
        print(f"patch the text               {_figures(patches)}")
        print(f"save after one edit          {_figures(saves)}   (goal < 1000 ms)")
        print(f"bytes between the first and the last changed byte of each save: {windows}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
