"""``briefing search`` on many files: the last of them read and folded in a child process.

Reading a briefing for its text and folding it (``model.text_only``, ``search.fold.build``) is most
of what a search of files the cache does not hold costs. From ``commands.search.APART_FROM`` such
files, on a system that forks with a core to spare (``child.spare_core``), a child reads the last
``SHARE`` of them while this process reads, searches and prints the first ones; the child's answers
are then taken in order, as if each file were read here at its turn. Nothing is printed in the child.

The child leaves out a file larger than ``LARGEST`` bytes, and every file once the files it read
reach ``HELD`` bytes: this process reads those at their turn, one at a time, as it reads any file without
a child. A file the child could not read is answered by its first problem, as this process would
say it. A child that fails, or sends anything unexpected, answers for no file: each is read here.
The output is the same in every case; only the time differs.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from briefing_tui.child import Child, spare_core

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing_tui.search import Folded
    from briefing_tui.search.fold_cache import Identity

__all__ = ["HELD", "LARGEST", "SHARE", "Read", "ReadApart"]

SHARE = 0.5
"""The part of the files read by the child. This process also searches and prints every file, but
the child reads each of its files more slowly (the memory pages it writes to are copied first, at
the fork's expense): half balances the two."""
LARGEST = 4 << 20
"""Bytes of a file above which the child leaves it to this process (its text would be held twice)."""
HELD = 64 << 20
"""Bytes of files the child reads at most (their texts and folded copies are held for its answer);
the files past it are read here."""

Read = tuple[str, str, "Folded | None"] | str
"""A file as read: its document id, its text and its folded copy (None when not asked for); or,
when it could not be read, what is wrong with it, as the message ``briefing search`` prints."""


class ReadApart:
    """The answers of a child that read some of the files, taken one file at a time."""

    def __init__(self, files: list[str], read: Callable[[str], Read]) -> None:
        self._apart = frozenset(files)
        self._child = Child(partial(_read_all, files, read))
        self._answer: dict[str, tuple[Identity, Read]] | None = None

    @classmethod
    def of(cls, files: list[str], read: Callable[[str], Read]) -> ReadApart | None:
        """For ``files`` (those to read, in order): the child started on their last ``SHARE``, on a
        system with a core to spare; else None."""
        if not spare_core():
            return None
        return cls(files[len(files) - int(len(files) * SHARE) :], read)

    def take(self, path: str, stamp: Identity | None) -> Read | None:
        """The child's answer for ``path`` (given once), or None when it did not read it. With the
        file's ``stamp`` as this process found it (``search.fold_cache.identity``): None as well when
        the child found another before it read the file (what it read may not be what the stamp
        stands for, and is not to be cached under it)."""
        if path not in self._apart:
            return None
        if self._answer is None:
            self._answer = self._child.unpickled(dict) or {}
        found = self._answer.pop(path, None)
        if found is None or (stamp is not None and found[0] != stamp):
            return None
        return found[1]

    def end(self) -> None:
        """Stop a child whose answers are no longer wanted (a search cut short)."""
        self._child.end()


def _read_all(files: list[str], read: Callable[[str], Read]) -> bytes:
    # deferred: in the child, after it is forked (the parent never unpickles before it needs to)
    import pickle

    # deferred: as pickle (the cache's identity of a file, which ``take`` compares)
    from briefing_tui.search.fold_cache import identity

    answers: dict[str, tuple[Identity, Read]] = {}
    held = 0
    for path in files:
        stamp = identity(path)
        if stamp is None:
            continue  # not a regular file, or out of reach: the parent says what is wrong with it
        size = stamp[2]
        if size > LARGEST or held + size > HELD:
            continue
        answers[path] = stamp, read(path)
        held += size
    return pickle.dumps(answers, protocol=pickle.HIGHEST_PROTOCOL)
