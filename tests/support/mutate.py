"""A file changed a few lines at a time, for tests that read a changed file two ways and compare."""

from __future__ import annotations

import random
from collections.abc import Sequence

__all__ = ["mutate_lines"]


def mutate_lines(rng: random.Random, data: bytes, tokens: Sequence[bytes], changes: int = 4) -> bytes:
    """``data`` changed 1 to ``changes`` times, a line at a time: a line deleted, another copied in,
    one of ``tokens`` inserted in a line or written over one of its characters, a line cut short,
    or two lines swapped. A line of UTF-8 is changed between its characters."""
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, changes)):
        at = rng.randrange(len(lines))
        kind = rng.randrange(6)
        if kind == 0 and len(lines) > 1:
            del lines[at]
        elif kind == 1:
            lines.insert(at, lines[rng.randrange(len(lines))])
        elif kind in (2, 3):
            line = lines[at].decode("utf-8", "surrogateescape")
            cut = rng.randrange(len(line) + 1)
            token = rng.choice(tokens).decode("utf-8", "surrogateescape")
            lines[at] = (line[:cut] + token + line[cut + (kind == 3) :]).encode("utf-8", "surrogateescape")
        elif kind == 4:
            lines[at] = lines[at][: rng.randrange(len(lines[at]) + 1)]
        else:
            lines[at], lines[-1 - at] = lines[-1 - at], lines[at]
    return b"\n".join(lines)
