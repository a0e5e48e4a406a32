"""Check that reading a file in pieces gives exactly what reading it whole gives, on mutated files.

Usage: ``python bench/fuzz_pieces.py [--runs 10000] [--seed 1]``

The loader reads a file in pieces (``briefing_tui.model.pieces``), items in the usual shape without
the parser (``model.quick_items``), and falls back to reading it whole when the pieces cannot be
trusted. Each input here is a real file (the seed briefing 60 % of the time, as written, with its
mentions as flow lists of compact positions, or with its annotations in the usual shape of
generated files, else a hostile case)
changed 1 to 3 times: YAML line structure inserted (item and key lines, comments, line separators
that libyaml counts as line breaks, CR, tabs, quotes, brackets, anchors, tags, lists of positions),
ranges deleted or duplicated. Every input is loaded both ways; the Documents (or the problems of the
LoadError) must be equal. Prints the counts; exits 1, with the input written to
bench/out/pieces-diff-N.yaml, on the first difference.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TOKENS = [
    b"\n  - ", b"\n- ", b"\n", b'"', b"'", b"[", b"]", b"{", b"}", b"#", b"&a ", b"*a", b"!!str ", b"\r",
    b"\r\n", b"\xe2\x80\xa8", b"\xc2\x85", b"\xe2\x80\xa9  - a\n", b"\t", b"\n\t", b"|\n", b"---\n",
    b"claims:\n", b": ", b"  ", b"-", b"\n    ", b"\nsources:\n", b"\n  -\n", b"#\xe2\x80\xa8", b" #",
    b"\n#", b"\n  #", b"? ", b"\nentities:\n", b"\nsources: #x\n", b"\nextra:\n  a: [1, 2]\n",
    b"\n    mentions: [[3, 8], [31, 36]]\n", b"mentions: [[", b"\n      mentions: [[1, 2]]", b"[[0, 99999]]",
]  # fmt: skip


def _flow_seed(seed: bytes) -> bytes:
    """The seed with each mentions list written as one flow list of compact positions on one line
    (read aside by ``model.flow_pairs``), as generated files write them."""
    from briefing_tui.model import load_bytes
    from briefing_tui.model.types import Entity, Event

    doc = load_bytes(seed, "seed.yaml")
    things: list[Entity | Event] = [*doc.entities, *doc.events]
    lists = iter(
        "[" + ", ".join(f"[{s.start}, {s.end}]" for s in thing.mentions if s.anchored) + "]"
        for thing in things
        if thing.mentions
    )
    block = re.compile(rb"^(    mentions:)\n(?:      - .*\n|      #.*\n)+", re.MULTILINE)
    return block.sub(lambda m: m.group(1) + b" " + next(lists).encode() + b"\n", seed)


def _usual_seed(seed: bytes) -> bytes:
    """The seed with its entities, events and claims written in the usual shape of generated files
    (a line to a key, positions as ``[S, E]``, lists and the verdict in flow style: read without
    the parser by ``model.quick_items``), its text and sources as they are."""
    import json

    from briefing_tui.model import load_bytes

    doc = load_bytes(seed, "seed.yaml")
    first = min(seed.index(b"\n" + key + b":") for key in (b"entities", b"events", b"claims")) + 1
    sources = seed[seed.index(b"\nsources:") + 1 :]

    def quoted(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    def spans(spans: object) -> str:
        return "[" + ", ".join(f"[{s.start}, {s.end}]" for s in spans if s.anchored) + "]"  # type: ignore[attr-defined]

    out = ["entities:"]
    for e in doc.entities:
        out += [
            f"  - id: {e.id}",
            f"    name: {quoted(e.name)}",
            f"    type: {e.type}",
            f"    mentions: {spans(e.mentions)}",
        ]
    out.append("events:")
    for v in doc.events:
        out += [f"  - id: {v.id}", f"    label: {quoted(v.label)}", f"    date: {quoted(v.date.text)}"]
        out.append(f"    mentions: {spans(v.mentions)}")
        if v.entities:
            out.append(f"    entities: [{', '.join(v.entities)}]")
        if v.sources:
            out.append(f"    sources: [{', '.join(r.source for r in v.sources)}]")
    out.append("claims:")
    for c in doc.claims:
        out += [f"  - id: {c.id}", f"    span: [{c.span.start}, {c.span.end}]"]
        if c.entities:
            out.append(f"    entities: [{', '.join(c.entities)}]")
        if c.sources:
            out.append(f"    sources: [{', '.join(r.source for r in c.sources)}]")
        if c.verdict is not None:
            said = f"rating: {c.verdict.rating.value}, explanation: {quoted(c.verdict.explanation)}"
            out.append(f"    verdict: {{{said}, reviewed: {c.verdict.reviewed}}}")
    return seed[:first] + "\n".join(out).encode() + b"\n" + sources


def _outcome(data: bytes) -> object:
    from briefing_tui.model import LoadError, load_bytes

    try:
        return load_bytes(data, "f.yaml", path=Path("f.yaml"))
    except LoadError as exc:
        return [p.format() for p in exc.problems]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    import briefing_tui.model.pieces as pieces

    seed = (ROOT / "seeds" / "niger-us-withdrawal.yaml").read_bytes()
    corpus = [seed, _flow_seed(seed), _usual_seed(seed)]
    corpus += [p.read_bytes() for p in sorted((ROOT / "tests" / "hostile" / "cases").glob("*.yaml"))]
    rng = random.Random(args.seed)
    start = time.perf_counter()
    in_pieces = 0
    for n in range(args.runs):
        raw = bytearray(corpus[rng.randrange(3)] if rng.random() < 0.6 else rng.choice(corpus))
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(max(1, len(raw)))
            roll = rng.random()
            if roll < 0.5:
                raw[i:i] = rng.choice(TOKENS)
            elif roll < 0.8:
                del raw[i : i + rng.randint(1, 20)]
            else:
                raw[i:i] = raw[i : min(len(raw), i + rng.randint(1, 300))]
        data = bytes(raw)
        first = _outcome(data)
        bound = pieces.MIN_BYTES
        pieces.MIN_BYTES = 1 << 62
        try:
            second = _outcome(data)
        finally:
            pieces.MIN_BYTES = bound
        if first != second:
            out = HERE / "out" / f"pieces-diff-{n}.yaml"
            out.parent.mkdir(exist_ok=True)
            out.write_bytes(data)
            print(f"FAIL: input {n} reads differently in pieces; written to {out}", file=sys.stderr)
            return 1
        try:
            text = data.decode("utf-8")
            pieces.compose_in_pieces(text, pieces.Problems("f.yaml"))[1]()
            in_pieces += 1
        except (pieces.Whole, UnicodeDecodeError):
            pass
    seconds = time.perf_counter() - start
    print(
        f"{args.runs:,} inputs in {seconds:.0f} s: read the same in pieces and whole "
        f"({in_pieces:,} of them could be read in pieces)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
