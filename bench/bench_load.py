"""Measure loading and anchoring: the seed briefing, and a generated 10 MB / 100,000-annotation one.

Usage: ``python bench/bench_load.py [--runs 30] [--large bench/out/large.yaml]``

Prints figures; asserts nothing about time. For the seed: the median (and min/max) of ``--runs``
loads in one process after a first load, and the first load in a fresh process (imports included).
For the large file (made by bench/make_large.py when missing): the two parts of its load when its
claims are built apart (``model.split_load``, as the reader reads a single large file: the claims in
a child process, which sets the text aside and shares it, the rest in the reader's), one after the
other in a fresh process; wall time of
``load_document`` in a fresh process, then peak memory in another fresh process: tracemalloc's peak
of Python allocations during the load; and the peak resident size (ru_maxrss) of the timed
process, which includes the interpreter and the file's bytes. CPU time is printed too: on a shared
machine it varies less.
Last, the size of the objects each list of annotations holds once loaded (``gc.get_referents``).

Each large measurement is made twice in the same run: as the loader reads files (in pieces, see
``briefing_tui.model.pieces``), and read whole (the node tree of the whole file at once, as a file
that is not in the shape of pieces is read). A third child only reads and decodes the file, to show
what the text itself costs: the loader's own cost is the difference.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "seeds" / "niger-us-withdrawal.yaml"


def _child(kind: str, path: str) -> dict[str, float]:
    import resource

    if kind.endswith("-whole"):
        import briefing_tui.model.pieces as pieces

        pieces.MIN_BYTES = 1 << 62  # every file is read whole
        kind = kind.removesuffix("-whole")
    if kind == "text":
        from briefing_tui.model.safe_yaml import Problems, decode, read_file

        text = decode(read_file(Path(path), Problems(path)) or b"", Problems(path))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6
        return {"rss": rss, "chars": len(text or "")}

    if kind == "apart":  # as the reader loads a single large file: its claims built in a child
        from briefing_tui.model.loader import label_of, load_document

        sys.path.insert(0, str(HERE.parent))  # the tests' helpers
        from tests.support.read_apart import ReadApart, built_apart

        data = Path(path).read_bytes()
        start, cpu = time.perf_counter(), time.process_time()
        answer, shared = built_apart(data, label_of(path), Path(path))  # its text shared, as the child does
        child, child_cpu = time.perf_counter() - start, time.process_time() - cpu

        start, cpu = time.perf_counter(), time.process_time()
        # the bytes read, the text the child shared, its answer
        load_document(path, ReadApart(Path(path), data, answer, shared))
        parent, parent_cpu = time.perf_counter() - start, time.process_time() - cpu
        return {"child": child, "child_cpu": child_cpu, "parent": parent, "parent_cpu": parent_cpu,
                "answer_mb": len(answer) / 1e6}  # fmt: skip
    if kind == "cold":
        start = time.perf_counter()
        from briefing_tui.model import load_document

        load_document(path)
        return {"seconds": time.perf_counter() - start}
    from briefing_tui.model import load_document

    if kind == "objects":
        return _objects(load_document(path))
    if kind == "time":
        start, cpu = time.perf_counter(), time.process_time()
        doc = load_document(path)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        annotations = sum(len(e.mentions) for e in doc.entities) + len(doc.claims) + len(doc.events)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6
        return {"seconds": seconds, "cpu": cpu, "annotations": annotations, "text": len(doc.text), "rss": rss}
    import tracemalloc

    tracemalloc.start()
    load_document(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"tracemalloc_peak_mb": peak / 1e6}


def _objects(doc: object) -> dict[str, float]:
    """Megabytes of the objects reachable from each list of annotations (``sys.getsizeof`` of each
    object found by ``gc.get_referents``, once; classes, modules, functions and enum members left
    out: they are shared), and how many of them are lists and ints."""
    # deferred: only this child walks the objects
    import enum
    import gc
    import types

    shared = (type, enum.Enum, types.ModuleType, types.FunctionType, types.BuiltinFunctionType)
    out: dict[str, float] = {}
    for name in ("entities", "events", "claims", "sources"):
        seen: set[int] = set()
        stack: list[object] = [getattr(doc, name)]
        size = lists = ints = 0
        while stack:
            obj = stack.pop()
            if id(obj) in seen or isinstance(obj, shared):
                continue
            seen.add(id(obj))
            size += sys.getsizeof(obj)
            lists += type(obj) is list
            ints += type(obj) is int
            stack.extend(gc.get_referents(obj))
        out |= {f"{name}_mb": size / 1e6, f"{name}_lists": lists, f"{name}_ints": ints}
    return out


def _in_child(kind: str, path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--large", type=Path, default=HERE / "out" / "large.yaml")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(*args.child)))
        return

    from briefing_tui.model import load_document

    load_document(SEED)
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        load_document(SEED)
        times.append((time.perf_counter() - start) * 1000)
    cold = _in_child("cold", SEED)["seconds"] * 1000
    print(
        f"seed ({SEED.stat().st_size:,} bytes): median {statistics.median(times):.1f} ms "
        f"over {args.runs} loads (min {min(times):.1f}, max {max(times):.1f}); "
        f"first load in a fresh process {cold:.0f} ms with imports"
    )

    if not args.large.exists():
        sys.path.insert(0, str(HERE))
        from make_large import generate

        generate(args.large, 10.0, 100_000, 1)
    text = _in_child("text", args.large)
    print(
        f"large ({args.large.stat().st_size / 1e6:.1f} MB file): reading and decoding it alone, "
        f"ru_maxrss {text['rss']:.0f} MB"
    )
    apart = _in_child("apart", args.large)
    print(
        f"large with its claims built apart, as the reader reads a single large file: the child's part"
        f" {apart['child']:.2f} s ({apart['child_cpu']:.2f} s of CPU; {apart['answer_mb']:.1f} MB sent),"
        f" the rest with the claims taken in {apart['parent']:.2f} s ({apart['parent_cpu']:.2f} s of CPU);"
        f" the two run at once on two cores"
    )
    for how, suffix in (("in pieces", ""), ("whole", "-whole")):
        timed = _in_child("time" + suffix, args.large)
        memory = _in_child("memory" + suffix, args.large)
        print(
            f"large read {how} ({timed['text'] / 1e6:.1f} M code points of text, "
            f"{timed['annotations']:,.0f} annotations): load+anchor {timed['seconds']:.2f} s "
            f"({timed['cpu']:.2f} s of CPU); tracemalloc peak {memory['tracemalloc_peak_mb']:.0f} MB, "
            f"ru_maxrss {timed['rss']:.0f} MB (a run without tracemalloc), "
            f"{timed['rss'] - text['rss']:.0f} MB over reading the file"
        )
    objects = _in_child("objects", args.large)
    print(
        "large, the annotations' objects once loaded: "
        + "; ".join(
            f"{name} {objects[name + '_mb']:.1f} MB ({objects[name + '_lists']:,.0f} lists, "
            f"{objects[name + '_ints']:,.0f} ints)"
            for name in ("entities", "events", "claims", "sources")
        )
    )


if __name__ == "__main__":
    main()
