"""A large file's claims built apart (in another process), while the rest of the file is built here.

The claims are most of a large briefing's annotations: building them is a third of its load. The
reader forks once when it opens a single large file (``startup.ClaimsBeside``): the child builds
the claims of the later pieces of their list (``pieces_here`` may leave the first ones to the
parent: ``HERE``, none now) from the same bytes, as the loader builds them (the same ``Builder``,
the file read in the same pieces), and sends them back (``claims_part``: plain values,
``marshal``led, a group at a time); the parent builds everything else meanwhile, then its share of
the claims, and takes the child's in after them (``claims_with``, ``take_answer``): their ids
declared in file order (a duplicate reported where the loader reports it), their references kept to
be checked with all the others, their problems added. The answer comes in frames, one group of
claims each, and each frame is freed once taken in; the parent frees the pieces the child read
before it takes them in. The child's claims are not made there: they are kept as the child encoded
them, a table of compressed rows beside the columns the reader reads of every claim
(``claim_table``), each made when it is read.

Whatever is unusual (a file not read in pieces, a document with no text, no list of claims, a
child that fails, answers nothing or read other pieces), the parent builds the claims itself: the
Document is always the one ``load_document`` gives (``tests/unit/test_split_load.py`` compares them
file by file).
"""

from __future__ import annotations

import gc
import marshal
from collections.abc import Callable, MutableSequence
from dataclasses import replace
from io import BytesIO
from pathlib import Path
from typing import Any, Protocol

from briefing_tui.model.build import Builder
from briefing_tui.model.claim_table import ClaimTable, Row, encode_group, quick_row, row_of
from briefing_tui.model.pieces import LazySequence, Whole, compose_in_pieces
from briefing_tui.model.quick_items import QuickClaim
from briefing_tui.model.safe_yaml import Node, Problems, decode
from briefing_tui.model.text_aside import TextAside, set_text_aside
from briefing_tui.model.types import (
    Claim,
    Problem,
    Severity,
)

__all__ = ["ReadApart", "claims_part", "claims_with", "frames_of", "read_frames", "take_answer"]

Place = tuple[str, str, int, int]
"""An id declared: the id, its kind, line and column."""
Refs = tuple[list[str], str, bytes]
"""The ids referred to, and their places (``Builder.refs``, ``Builder.ref_places``: its type code
and bytes)."""


class _ClaimsBuilder(Builder):
    """The Builder, its ids noted rather than declared: only the parent, which builds everything
    else, knows every id. So every reference is kept (none is to an id declared here), for the
    parent to check with its own."""

    def __init__(self, path: Path, source: str, problems: Problems) -> None:
        super().__init__(path, source, problems)
        self.declared: list[Place] = []

    def declare_at(self, ident: str, line: int, column: int, kind: str) -> None:
        self.declared.append((ident, kind, line, column))


SetAside = Callable[[list[bytes]], tuple[bytes | None, TextAside | None]]
"""How a file's text is set aside (``text_aside.set_text_aside``)."""


def claims_part(data: bytes, label: str, path: Path, set_aside: SetAside = set_text_aside) -> bytes:
    """The claims of the briefing file ``data`` (named ``label``), built as ``load_document`` builds
    them and encoded for ``take_answer`` (``frames_of`` splits it); empty when they cannot be built
    apart. ``set_aside``: how its text is set aside (``text_aside.set_text_aside``, which may share
    it with the reader)."""
    problems = Problems(label)
    rest, aside = set_aside([data])  # as the loader reads it (``loader._load``)
    if rest is None:  # (a text that is not UTF-8: the loader says where)
        return b""
    source = decode(rest, problems)
    del rest
    if source is None:
        return b""
    enabled = gc.isenabled()
    gc.disable()  # a hundred thousand objects that live until sent (see ``loader._load``)
    try:
        root, _drain = compose_in_pieces(source, problems, aside)
        builder = _ClaimsBuilder(path, source, problems)
        del source
        head = builder.head(root)
        node = head[0].get("claims") if head is not None else None
        if not isinstance(node, LazySequence):
            return b""
        pieces = node.pieces
        first = pieces_here(len(pieces))  # read by the parent
        pieces.skip(first)
        before, declared = len(problems.items), builder.declared
        ahead = declared[:]  # ids declared before the claims (a claim's are sent with it)
        items: list[tuple[Row | None, list[Place]]] = []
        for n in pieces.read():
            noted = len(declared)
            if type(n) is QuickClaim:  # its row made at once, no claim made (as ``Builder.claim``)
                items.append((quick_row(n, *builder.take_quick(n)), declared[noted:]))
                continue
            claim = builder.claim(n)
            items.append((None if claim is None else row_of(claim), declared[noted:]))
    except Whole:
        return b""
    finally:
        if enabled:
            gc.enable()
    found = [_problem(p) for p in problems.items[before:]]
    refs = (builder.refs, builder.ref_places.typecode, builder.ref_places.tobytes())
    # in groups, each the ids its items declare and its claims as the parent keeps them, encoded
    # and compressed (``claim_table``): the parent makes a claim only when it is read
    groups = [marshal.dumps(_group(items[at : at + GROUP])) for at in range(0, len(items), GROUP)]
    frames = [marshal.dumps((VERSION, first, len(groups), ahead)), *groups, marshal.dumps((refs, found))]
    return b"".join(len(frame).to_bytes(FRAME_LENGTH, "little") + frame for frame in frames)


def _group(items: list[tuple[Row | None, list[Place]]]) -> tuple[list[list[Place]], tuple[Any, ...] | None]:
    """A group of items of the list of claims, encoded: the ids each declared, and its claims (the
    items that are one) as a group of the parent's table (``encode_group``; None when none is)."""
    rows = [row for row, _ in items if row is not None]
    return [declared for _, declared in items], encode_group(rows) if rows else None


FRAME_LENGTH = 8
"""The bytes that give each frame's length before it (``claims_part``)."""


def read_frames(read: Callable[[int], bytes]) -> list[bytes]:
    """``claims_part``'s answer, its frames apart, read a frame at a time (``read(n)``: its next
    ``n`` bytes, fewer at its end: the child's pipe, ``child.Child.frames``); empty when it is
    not whole (a child cut short)."""
    frames = []
    while head := read(FRAME_LENGTH):
        length = int.from_bytes(head, "little")
        if len(head) < FRAME_LENGTH or length <= 0:
            return []
        frame = read(length)
        if len(frame) < length:
            return []
        frames.append(frame)
    return frames


def frames_of(answer: bytes) -> list[bytes]:
    """``claims_part``'s answer held whole (tests, ``bench/bench_load.py``), its frames apart, as
    ``read_frames`` reads them."""
    return read_frames(BytesIO(answer).read)


GROUP = 1000
"""Claims encoded together (``claims_part``)."""


HERE = 0.0
"""The share of a large file's claims the reader's process builds itself, the first ones: none. Read
without the parser (``quick_items``), the child builds them all sooner than the reader has built the
rest of the file and shown its preview (the 10 MB bench file: every pane filled in 1,147 ms against
1,248 ms with 15 % built here, 8 alternating runs), and the reader keeps none of them as objects."""


def pieces_here(pieces: int) -> int:
    """How many of the claims' ``pieces`` the parent reads (the first ones); the child reads the rest."""
    return int(pieces * HERE)


def claims_with(read: ReadApart, builder: Builder, node: Node | None) -> MutableSequence[Claim] | None:
    """The claims of ``node`` (``Builder.document``'s ``claims_apart``): the first pieces built here,
    the rest taken from ``read``'s child, or built here after all when it answers nothing; None
    when they are not read in pieces (the Builder builds them)."""
    if not isinstance(node, LazySequence):
        return None
    pieces = node.pieces
    first = pieces_here(len(pieces))
    claims = [c for n in pieces.read(first) if (c := builder.claim(n))]
    taken = read.take(builder, first, pieces.skip)  # the pieces read there freed before their claims come
    if taken is None:
        claims += [c for n in pieces.read() if (c := builder.claim(n))]
        return claims
    return ClaimTable.after(claims, taken)  # the child's kept as it sent them, made when read


VERSION = 5
"""Of the encoding: a parent only takes what a child of its own version encoded."""


# A problem as plain values, in the order of its constructor's fields (a claim: ``claim_table.row_of``).


def _problem(p: Problem) -> tuple[Any, ...]:
    return (p.path, p.line, p.column, p.severity.value, p.message, p.hint, p.code)


SEVERITIES = {s.value: s for s in Severity}


def _problem_of(values: tuple[Any, ...]) -> Problem:
    path, line, column, severity, message, hint, code = values
    return Problem(path, line, column, SEVERITIES[severity], message, hint, code)


class ReadApart(Protocol):
    """A file's bytes, read already, and its claims being built apart from them (``startup``).

    The loader takes the bytes once (``bytes_once``: in a list, which it empties so that they are
    freed once decoded; None the next time), has their text set aside (``set_aside``: as
    ``text_aside.set_text_aside`` does, or taken from the child, which has done it already), then
    the claims from the piece ``first`` on (``take``: None has the loader build them itself;
    ``passed`` is called once the answer is known whole, before it is taken in, for the pieces read
    there to be freed)."""

    path: Path

    def bytes_once(self) -> list[bytes] | None: ...

    def set_aside(self, held: list[bytes]) -> tuple[bytes | None, TextAside | None]: ...

    def take(self, builder: Builder, first: int, passed: Callable[[], None]) -> ClaimTable | None: ...


def take_answer(
    frames: list[bytes], builder: Builder, first: int, passed: Callable[[], None] = lambda: None
) -> ClaimTable | None:
    """The claims ``claims_part`` answered (its ``frames``), from the piece ``first`` on, taken in by
    ``builder`` as if it had built them after its events: their ids declared at their places in the
    file, as written, their references kept to be checked with all the others, their problems
    added. None when it answered nothing, or built from another piece (a file that changed between
    the reads). Each frame is freed once taken in (the list is emptied)."""
    if len(frames) < 2:
        return None
    version, part_first, count, ahead = marshal.loads(frames[0])  # our own child's answer, never a file's
    if version != VERSION or part_first != first or len(frames) != count + 2:
        return None
    passed()
    builder.declare_all(ahead)
    claims = ClaimTable()
    for at in range(1, count + 1):
        declared_each, group = marshal.loads(frames[at])
        frames[at] = b""  # each group's bytes freed once read
        builder.declare_all([place for declared in declared_each for place in declared])
        if group is not None:
            claims.add_group(*group)
    refs, found = marshal.loads(frames[-1])
    frames.clear()
    problems = builder.problems
    label = problems.label  # as the file is named here
    for problem in map(_problem_of, found):
        problems.items.append(problem if problem.path == label else replace(problem, path=label))
    idents, typecode, places = refs  # checked with the others, in the same order
    if typecode != builder.ref_places.typecode:
        raise ValueError(typecode)  # pragma: no cover - one program, one build
    builder.refs.extend(idents)
    builder.ref_places.frombytes(places)
    return claims
