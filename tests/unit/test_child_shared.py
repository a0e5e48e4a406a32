"""Memory a child writes and its parent reads without a pipe (``child.Shared``)."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from briefing_tui.child import Child, Shared

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="a child needs os.fork")


def putting(memory: Shared, *parts: bytes) -> Callable[[Callable[[bytes], None]], bytes]:
    def work(say: Callable[[bytes], None]) -> bytes:
        lengths = memory.put(*parts)
        say(repr(lengths).encode())
        return b"done"

    return work


def test_what_the_child_puts_is_read_here_and_the_memory_let_go() -> None:
    memory = Shared(64)
    child = Child(putting(memory, b"what is left", "le texte, é".encode()), ahead=True)
    assert child.ahead() == b"(12, 12)"  # said once put: the parent need not wait for the rest
    kept: list[memoryview] = []

    def use(parts: list[memoryview]) -> tuple[bytes, str]:
        kept.extend(parts)
        return parts[0].tobytes(), str(parts[1], "utf-8")

    assert memory.taken([12, 12], use) == (b"what is left", "le texte, é")
    assert child.answer() == b"done"
    with pytest.raises(ValueError, match="released"):  # the parts handed to ``use`` were released
        kept[0].tobytes()
    assert memory.taken([12, 12], use) is None  # let go: nothing more to take
    memory.close()  # (again: nothing)


def test_parts_that_do_not_fit_are_not_put() -> None:
    memory = Shared(8)
    child = Child(putting(memory, b"12345", b"6789"), ahead=True)
    assert child.ahead() == b"None"
    assert child.answer() == b"done"


@pytest.mark.parametrize("lengths", [[9], [5, 4], [-1, 3]], ids=["too-long", "together-too-long", "negative"])
def test_lengths_that_do_not_fit_are_not_used(lengths: list[int]) -> None:
    memory = Shared(8)
    used: list[object] = []
    assert memory.taken(lengths, used.append) is None
    assert used == []


def test_memory_that_cannot_be_mapped_holds_nothing() -> None:
    memory = Shared(1 << 62)  # more than any system maps
    assert memory.put(b"x") is None
    assert memory.taken([1], lambda parts: parts) is None
