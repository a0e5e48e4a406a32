"""One fork: a child process that does some work and sends back its answer, as bytes, through a pipe.

``briefing`` does what it can in a child while it imports the reader or reads a file (``startup``:
the collection read beside, the outlines made apart, a large file's claims): a machine has more
than one core. The child leaves without any cleanup and
prints nothing; whatever goes wrong in it, its answer is empty and the work is done here instead.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from typing import BinaryIO, TypeVar

__all__ = ["ANSWER_WITHIN", "Child", "Shared", "spare_core"]


class Child:
    """One fork: the child runs ``work`` and sends its bytes through a pipe, then leaves without
    running any cleanup (nor printing anything: a failure is an empty answer). ``answer()`` waits
    for them (empty: none); ``end()`` stops a child whose answer is no longer wanted."""

    def __init__(self, work: Callable[..., bytes], ahead: bool = False) -> None:
        self._read, write = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the child
            status = 1
            try:
                os.close(self._read)
                with os.fdopen(write, "wb") as out:
                    if ahead:
                        say = _Ahead(out)
                        data = work(say)
                        say(b"")  # nothing was said ahead: it is said empty
                    else:
                        data = work()
                    if data:
                        out.write(data)
                        status = 0
            finally:
                os._exit(status)
        os.close(write)
        self._answered = False
        self._ahead: bytes | None = None if ahead else b""

    def ready(self) -> bool:
        """Whether the child has begun to send its answer (made whole first), or has ended."""
        try:
            return self._answered or bool(select.select([self._read], [], [], 0)[0])
        except (OSError, ValueError):  # closed
            return True

    def unpickled(self, kind: type[A], ahead: bool = False) -> A | None:
        """The child's answer (``ahead``: what it said ahead of it), pickled by our own child (never
        a file's), when it is a ``kind``; None when it failed or answered anything else."""
        data = self.ahead() if ahead else self.answer()
        try:
            made = pickle.loads(data) if data else None
        except (ValueError, TypeError, EOFError, pickle.UnpicklingError):
            return None
        return made if isinstance(made, kind) else None

    def ahead(self) -> bytes:
        """What a child made with ``ahead=True`` said ahead of its answer (its ``work`` is given a
        function to say it with, once), as soon as it is said; empty when it said nothing, or failed
        (its answer is then empty too)."""
        if self._ahead is None:
            self._ahead = b""
            if not self._answered:
                deadline = time.monotonic() + ANSWER_WITHIN
                try:
                    head = self._up_to(_LENGTH, deadline)
                    size = int.from_bytes(head, "little") if len(head) == _LENGTH else -1
                    said = self._up_to(size, deadline) if size > 0 else b""
                    if size < 0 or len(said) < size:
                        raise EOFError
                except (OSError, EOFError):  # cut short, or not within the deadline: as one that fails
                    self._answered = True
                    self._stop()
                    return b""
                self._ahead = said
        return self._ahead

    def answer(self) -> bytes:
        """The child's bytes once it has sent them all; empty when it failed, or did not answer
        within ``ANSWER_WITHIN`` seconds (it is then stopped: the work is done here instead)."""
        return self._collect(lambda read: read(_ALL), b"")

    def frames(self, split: Callable[[Callable[[int], bytes]], list[bytes]]) -> list[bytes]:
        """The child's answer in frames, as ``split`` reads them from the pipe
        (``split_load.read_frames``), kept apart as they come: the answer is never held whole
        besides them. Empty as ``answer()`` is, and when ``split`` finds the answer cut short."""
        return self._collect(split, [])

    def _collect(self, take: Callable[[Callable[[int], bytes]], T], empty: T) -> T:
        """What ``take`` makes of the answer, read through the function it is given (the next ``n``
        bytes, fewer at the answer's end), once the child has ended well; else ``empty``."""
        self.ahead()  # read first, when it is there
        if self._answered:
            return empty
        self._answered = True
        deadline = time.monotonic() + ANSWER_WITHIN
        try:
            taken = take(lambda size: self._up_to(size, deadline))
            os.close(self._read)
            _pid, status = os.waitpid(self._pid, 0)
        except OSError:  # unreadable, or not within the deadline: stopped, as one that does not answer
            self._stop()
            return empty
        return taken if status == 0 else empty

    def _up_to(self, size: int, deadline: float) -> bytes:
        """The next ``size`` bytes of the answer, fewer at its end; TimeoutError past ``deadline``."""
        parts = []
        missing = size
        while missing:
            ready, _, _ = select.select([self._read], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError
            chunk = os.read(self._read, min(missing, 1 << 20))
            if not chunk:
                break
            parts.append(chunk)
            missing -= len(chunk)
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def end(self) -> None:
        if not self._answered:
            self._answered = True
            self._stop()

    def _stop(self) -> None:
        try:
            os.kill(self._pid, signal.SIGKILL)
            os.close(self._read)
            os.waitpid(self._pid, 0)
        except OSError:
            pass


class _Ahead:
    """Says what a child says ahead of its answer, once: its length, then itself."""

    def __init__(self, out: BinaryIO) -> None:
        self._out: BinaryIO | None = out

    def __call__(self, data: bytes) -> None:
        if self._out is not None:
            self._out.write(len(data).to_bytes(_LENGTH, "little") + data)
            self._out.flush()
            self._out = None


class Shared:
    """Memory a child writes and this process reads, without a pipe between them: an anonymous
    mapping made before the fork, with room for ``size`` bytes. The child puts its bytes there at
    once (``put``), where a pipe would have it wait until they are read; this process takes them
    (``taken``) and lets the memory go. Memory that cannot be mapped holds nothing."""

    def __init__(self, size: int) -> None:
        # deferred: only a large file's load shares memory with its child
        import mmap

        try:
            self._map: mmap.mmap | None = mmap.mmap(-1, max(1, size))
        except (OSError, ValueError, OverflowError):
            self._map = None

    def put(self, *parts: bytes) -> tuple[int, ...] | None:
        """In the child: ``parts`` one after the other from the start; their lengths, or None when
        they do not fit (nothing is put)."""
        memory = self._map
        if memory is None or sum(map(len, parts)) > len(memory):
            return None
        at = 0
        for part in parts:
            memory[at : at + len(part)] = part
            at += len(part)
        return tuple(map(len, parts))

    def taken(self, lengths: list[int], use: Callable[[list[memoryview]], T]) -> T | None:
        """What ``use`` makes of the parts the child put (their ``lengths``, as ``put`` gave them),
        which it must not keep; the memory is then let go. None, without ``use``, when the lengths
        do not fit in it."""
        memory = self._map
        if memory is None or min(lengths, default=0) < 0 or sum(lengths) > len(memory):
            self.close()
            return None
        try:
            with memoryview(memory) as whole:
                parts, at = [], 0
                for length in lengths:
                    parts.append(whole[at : at + length])
                    at += length
                try:
                    return use(parts)
                finally:
                    for part in parts:
                        part.release()
        finally:
            self.close()

    def close(self) -> None:
        memory, self._map = self._map, None
        if memory is not None:
            memory.close()


_LENGTH = 8
"""The bytes that give the length of what a child says ahead."""

ANSWER_WITHIN = 30.0
"""Seconds a child is waited for at most (one that hangs never holds the reader back for good)."""

T = TypeVar("T")
A = TypeVar("A")

_ALL = 1 << 62
"""Bytes asked for to read an answer to its end."""


def spare_core() -> bool:
    """Whether this system forks and this process may run on more than one core."""
    if not hasattr(os, "fork"):
        return False
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else range(os.cpu_count() or 1)
    return len(cores) > 1
