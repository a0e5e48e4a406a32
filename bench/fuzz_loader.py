"""Fuzz the loader: at least 100,000 inputs, and any exception other than LoadError is a failure.

Usage:
    python bench/fuzz_loader.py [--runs 100000] [--seed 1]     # mutational, deterministic
    python bench/fuzz_loader.py --atheris [--runs 100000]       # coverage-guided (atheris/libFuzzer)

The mutational mode starts from real files: the seed briefing, every committed hostile case
(tests/hostile/cases/*.yaml), small briefings cut from the seed (the head with one entity, claim,
event or source), and a few hand-written YAML edge cases. Each input is one of them changed 1 to 8
times: bytes flipped, ranges deleted or duplicated, YAML tokens inserted (anchors, aliases, tags,
merge keys, brackets, tabs, BOMs, NULs, bidi controls, numbers in YAML 1.1 forms, bad dates…),
two files spliced, or the end cut off. Every input goes through ``load_bytes``; the run counts the
inputs, the documents loaded, the LoadErrors, and fails loudly (exit 1, the input written to
bench/out/fuzz-crash-N.yaml) on any other exception or on a LoadError that reports an internal error.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TOKENS = [
    b"&a ", b"*a", b"!!python/object:os.system ", b"!tag ", b"<<: ", b"{", b"}", b"[", b"]", b": ", b"- ",
    b"\n", b"\n  ", b"\t", b"'", b'"', b"\\", b"#", b"%YAML 1.1\n", b"---\n", b"...\n", b"\xef\xbb\xbf",
    b"\x00", b"\xff", b"\xc3", b"\xe2\x80\xae", b"\x1b[2J", b"~", b"null", b"true", b"NO", b"on", b"012",
    b"1:20", b"0x1F", b"-1", b"99999999999999999999", b"2024-13-45", b"2024-04-29/2024-05-03", b"../..",
    b"|-\n", b">\n", b"? ", b"[[3, 8]]", b"{start: 9, end: 2}", b"{quote: Niger}", b"{exact: '', start: 0}",
    b"id: x\n", b"sources: [S-x]\n", b"rating: partly\n", b"date: 202X\n", b"document: elsewhere\n",
]  # fmt: skip
EXTRA = [
    b"",
    b"format: 1\nid: x\ntitle: T\nlanguage: fr\ntext: Le Niger.\n",
    b"format: 1\nid: x\ntitle: T\nlanguage: fr\ntext: |-\n  Le Niger. Le Niger.\nentities:\n"
    b"  - {id: n, name: N, type: place, mentions: [[3, 8], {quote: Niger}, {quote: Nigel}, [9, 2]]}\n",
    b"[" * 900 + b"]" * 900,
    b"a: &x [*x]\n",
]


def _corpus() -> list[bytes]:
    seed = (ROOT / "seeds" / "niger-us-withdrawal.yaml").read_bytes()
    files = [seed, *EXTRA]
    files += [p.read_bytes() for p in sorted((ROOT / "tests" / "hostile" / "cases").glob("*.yaml"))]
    head, _, rest = seed.partition(b"\nentities:")
    for section in (b"entities:", b"claims:", b"events:", b"sources:"):
        i = seed.find(b"\n" + section)
        if i < 0:
            continue
        body = seed[i + 1 :]
        items = body.split(b"\n  - ")
        if len(items) > 1:
            files.append(head + b"\n" + items[0] + b"\n  - " + items[1].split(b"\n\n")[0] + b"\n")
    return [f for f in files if len(f) < 200_000]


def _mutate(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    raw = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(7)
        i = rng.randint(0, len(raw))
        if op == 0 and raw:
            raw[min(i, len(raw) - 1)] = rng.randrange(256)
        elif op == 1:
            del raw[i : i + rng.randint(1, 64)]
        elif op in (2, 3):
            raw[i:i] = rng.choice(TOKENS)
        elif op == 4 and raw:
            j = min(len(raw), i + rng.randint(1, 256))
            raw[i:i] = raw[i:j]
        elif op == 5:
            other = rng.choice(corpus)
            k = rng.randint(0, len(other))
            raw = raw[:i] + other[k : k + rng.randint(1, 400)]
        else:
            raw = raw[: rng.randint(0, len(raw))]
    return bytes(raw)


def _check(data: bytes, counts: dict[str, int]) -> None:
    from briefing_tui.model import LoadError, load_bytes

    try:
        load_bytes(data, "fuzz.yaml")
    except LoadError as exc:
        if any(p.code == "internal" for p in exc.problems) or not exc.problems:
            raise AssertionError(f"LoadError without a real problem: {exc}") from None
        counts["load_error"] += 1
        return
    counts["loaded"] += 1


def _fail(n: int, data: bytes) -> int:
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    path = out / f"fuzz-crash-{n}.yaml"
    path.write_bytes(data)
    traceback.print_exc()
    print(f"FAIL: input {n} raised something other than LoadError; written to {path}", file=sys.stderr)
    return 1


def mutational(runs: int, seed: int) -> int:
    rng = random.Random(seed)
    corpus = _corpus()
    counts = {"loaded": 0, "load_error": 0}
    start = time.perf_counter()
    for n in range(runs):
        base = rng.choice(corpus) if rng.random() < 0.9 else corpus[0]
        data = base if n < len(corpus) else _mutate(rng, base, corpus)
        try:
            _check(data, counts)
        except Exception:
            return _fail(n, data)
        if n and n % 20_000 == 0:
            print(f"  {n:,} inputs, {time.perf_counter() - start:.0f} s", flush=True)
    seconds = time.perf_counter() - start
    print(
        f"{runs:,} inputs from {len(corpus)} real files in {seconds:.0f} s ({runs / seconds:,.0f}/s): "
        f"{counts['loaded']:,} loaded, {counts['load_error']:,} LoadError, 0 other exceptions"
    )
    return 0


def with_atheris(runs: int) -> int:
    import atheris

    with atheris.instrument_imports():
        from briefing_tui.model import LoadError, load_bytes  # noqa: F401

    counts = {"loaded": 0, "load_error": 0}

    def one(data: bytes) -> None:
        _check(data, counts)

    corpus_dir = HERE / "out" / "fuzz-corpus"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    for n, data in enumerate(_corpus()):
        (corpus_dir / f"seed-{n}.yaml").write_bytes(data)
    atheris.Setup([sys.argv[0], f"-runs={runs}", "-max_len=65536", str(corpus_dir)], one)
    atheris.Fuzz()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--atheris", action="store_true", help="coverage-guided fuzzing with atheris")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    return with_atheris(args.runs) if args.atheris else mutational(args.runs, args.seed)


if __name__ == "__main__":
    raise SystemExit(main())
