"""The cache's entry for a folder: the folded texts of all its small briefings in one file.

Searching a folder of a thousand documents again should cost one read, not a thousand: the folder's
entry (in the same cache folder as the files' entries, see :mod:`briefing_tui.search.fold_cache`)
holds the names of the folder's briefing files as they were listed, the folder's own identity
(device, inode, modification and change times) when they were, and for each file under
``MEMBER_MAX`` characters its identity, document id, folded copy and text, one after the other.
Its head holds the files' names, ids and numbers as lists side by side, not as a list per file: a
thousand files are parsed and checked as a few long lists (a few milliseconds of a warm search).

A search of the folder lists it again only when the folder's identity has changed (a file added,
removed or renamed changes it), and takes a file from the entry only while the file has the identity
it had when it was read: every file is still looked at (one ``stat`` each), and a changed one is
read again. The entry is written again, whole, when anything in it changed. It trusts nothing it
reads: an entry not exactly in its format is ignored whole, as a file's entry is.
"""

from __future__ import annotations

import json
import os
import stat
import time

from briefing_tui.search.fold import Folded
from briefing_tui.search.fold_cache import (
    MAX_ENTRY,
    SETTLE_NS,
    Entry,
    FoldCache,
    Identity,
    _standins,
    folded_copy,
    identity,
    stat_of,
)

TYPE_CHECKING = False  # typing's, without importing typing: see briefing_tui.named_tuple
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

__all__ = ["MEMBER_MAX", "FolderEntry"]

MAGIC = b"briefing folded texts of a folder 2\n"
KIND = b"\0folder"
MEMBER_MAX = 1 << 20
"""Files with a longer text keep an entry of their own: rewriting them with the folder costs too much."""
GROUP_MAX = 1 << 26
"""At most this many bytes of folded copies and texts in a folder's entry; the files past it get their own."""


class _Stored:
    """A file of the folder's entry as read: its id, its numbers and the bytes of its copy and text.

    It is made an ``Entry`` (its copy decoded and checked) when the file is searched, and the copy
    is let go with the search of that file: the thousand copies of a folder are never all held as
    strings at once (which cost a warm search some 8 ms of new memory and of the collector's work).
    """

    __slots__ = ("folded", "id", "length", "records", "standins", "text")

    def __init__(
        self, doc_id: str, folded: memoryview, text: memoryview, length: int, records: object, standins: dict
    ) -> None:
        self.id = doc_id
        self.folded = folded
        self.text = text
        self.length = length
        self.records = records  # as read: checked when made an entry
        self.standins = standins

    def entry(self) -> Entry | None:
        """The file's entry; None when its bytes are not what the head says they are."""
        copy = folded_copy(self.folded, self.length, self.records, self.standins)
        return None if copy is None else Entry(self.id, copy, self.text)


_Member = tuple[Identity, "Entry | _Stored"]
_NONE: dict[str, str] = {}  # the stand-ins of most files (read only: an entry's copy gets its own)
_NO_RECORDS: list[list[int]] = []  # the records of most files (read only: checked into a list of their own)


class FolderEntry:
    """One search of one folder through its entry: files listed and read from it, changes kept."""

    def __init__(self, cache: FoldCache, folder: str | Path, keep_case: bool) -> None:
        self.cache = cache
        self.folder = folder
        self.keep_case = keep_case
        self.where = os.path.abspath(folder)
        self.stamp = _folder_stamp(folder)
        self.names: list[str] | None = None
        self.old_stamp: list[int] | None = None
        self.members: dict[str, _Member] = {}
        self.kept: dict[str, _Member] = {}
        self.size = 0
        self.changed = False
        try:
            data = cache.read(self.where, keep_case, KIND)
            if data is not None:
                self._parse(data)
        except (OSError, ValueError, TypeError, KeyError, RecursionError, MemoryError):
            self.names, self.old_stamp, self.members = None, None, {}

    def files(self) -> list[str] | None:
        """The folder's briefing files as listed before, if the folder has not changed since; else None."""
        if self.names is None or self.stamp is None or self.old_stamp != list(self.stamp):
            return None
        return [os.path.join(self.folder, name) for name in self.names]

    def listed(self, files: list[str]) -> None:
        """The folder's briefing files, listed again."""
        self.names = [os.path.basename(file) for file in files]
        self.changed = True

    def get(self, name: str, ident: Identity | None) -> Entry | None:
        """The entry of the file ``name`` if the folder's entry holds it with identity ``ident``."""
        member = self.members.get(name)
        if member is None or ident is None or member[0] != ident:
            return None
        held = member[1]
        entry = held.entry() if isinstance(held, _Stored) else held
        if entry is None:  # not what the entry says: the file is read again, and the entry written anew
            self.changed = True
            return None
        self._keep(name, member)
        return entry

    def add(self, path: str | Path, ident: Identity | None, doc_id: str, text: str, copy: Folded) -> bool:
        """Take the file just read into the entry; False when it is not for the folder's entry."""
        if len(text) > MEMBER_MAX or self.size > GROUP_MAX:
            return False
        if ident is not None and time.time_ns() - ident[3] >= SETTLE_NS and identity(path) == ident:
            self._keep(os.path.basename(os.fspath(path)), (ident, Entry(doc_id, copy, text)))
            self.changed = True
        return True  # a file too recent for the cache is left out, and not given an entry of its own

    def _keep(self, name: str, member: _Member) -> None:
        self.kept[name] = member
        held = member[1]
        self.size += 2 * (held.length if isinstance(held, _Stored) else held.copy.length)

    def save(self) -> None:
        """Write the folder's entry again if anything in it changed."""
        if self.names is None or not (self.changed or self.kept.keys() != self.members.keys()):
            return
        settled = self.stamp is not None and time.time_ns() - self.stamp[2] >= SETTLE_NS
        files: list[str] = []
        ids: list[str] = []
        numbers: list[int] = []
        folds: list[list[object]] = []
        chunks = [b""]
        try:
            for name, (ident, held) in self.kept.items():
                if isinstance(held, _Stored):  # as it was read (and checked, when it was searched)
                    folded, text, length = bytes(held.folded), bytes(held.text), held.length
                    records, standins = held.records, held.standins
                else:
                    folded, text, length = held.copy.text.encode("utf-8"), held.raw(), held.copy.length
                    records, standins = [list(r) for r in held.copy.records], held.copy.standins
                if records or standins:
                    folds.append([len(files), records, standins])
                files.append(name)
                ids.append(held.id)
                numbers += [*ident, length, len(folded), len(text)]
                chunks += [folded, text]
            head = {
                "version": self.cache.version,
                "path": self.where,
                "keep_case": self.keep_case,
                "folder": list(self.stamp) if settled and self.stamp is not None else None,
                "names": self.names,
                "files": files,
                "ids": ids,
                "numbers": numbers,
                "folds": folds,
            }
            chunks[0] = MAGIC + json.dumps(head, ensure_ascii=True).encode("ascii") + b"\n"
        except (ValueError, UnicodeError):
            return
        self.cache.write(self.where, self.keep_case, KIND, tuple(chunks))

    def _parse(self, data: bytes) -> None:
        if not data.startswith(MAGIC):
            return
        end = data.find(b"\n", len(MAGIC), MAX_ENTRY)
        if end < 0:
            return
        head: dict[str, Any] = json.loads(data[len(MAGIC) : end].decode("utf-8"))
        if not isinstance(head, dict) or head.get("version") != self.cache.version:
            return
        if head.get("path") != self.where or head.get("keep_case") is not self.keep_case:
            return
        stamp, names = head.get("folder"), head.get("names")
        if stamp is not None and not _ints(stamp, 4):
            return
        if not (isinstance(names, list) and all(_name(n) for n in names)):
            return
        members = _members(head, set(names), data, end + 1)
        if members is not None:
            self.old_stamp, self.names, self.members = stamp, names, members


def _members(head: dict[str, Any], names: set[str], data: bytes, at: int) -> dict[str, _Member] | None:
    """The entry's files, checked: each a name listed once, its identity, id, sizes and copy.

    ``files``, ``ids`` and ``numbers`` (identity, length, folded bytes and text bytes: eight per
    file) are lists side by side; ``folds`` holds ``[file, records, standins]`` for the few files
    whose folded copy has records or stand-ins. The copies and texts follow the head, in order.
    """
    files, ids, numbers, folds = head.get("files"), head.get("ids"), head.get("numbers"), head.get("folds")
    if not (isinstance(files, list) and isinstance(ids, list) and isinstance(numbers, list)):
        return None
    if not isinstance(folds, list) or len(ids) != len(files) or len(numbers) != 8 * len(files):
        return None
    if not (_all(files, str) and _all(ids, str) and _counts(numbers)):
        return None
    if len(set(files)) != len(files) or not names.issuperset(files):
        return None
    if at + sum(numbers[6::8]) + sum(numbers[7::8]) != len(data):
        return None
    extra: dict[int, list[Any]] = {}
    for item in folds:
        if not (isinstance(item, list) and len(item) == 3 and type(item[0]) is int):
            return None
        if not 0 <= item[0] < len(files) or item[0] in extra or not _standins(item[2]):
            return None
        extra[item[0]] = item
    members: dict[str, _Member] = {}
    view = memoryview(data)
    for index, name in enumerate(files):
        first = 8 * index
        length, folded_bytes, text_bytes = numbers[first + 5 : first + 8]
        records, standins = (extra[index][1], extra[index][2]) if index in extra else (_NO_RECORDS, _NONE)
        folded, text = view[at : at + folded_bytes], view[at + folded_bytes : at + folded_bytes + text_bytes]
        stored = _Stored(ids[index], folded, text, length, records, standins)
        members[name] = (tuple(numbers[first : first + 5]), stored)  # type: ignore[misc]
        at += folded_bytes + text_bytes
    return members


def _all(values: list[Any], kind: type) -> bool:
    """Every value of the type ``kind`` itself (not a subclass: ``True`` is no number here)."""
    return set(map(type, values)) <= {kind}


def _counts(values: list[Any]) -> bool:
    """Every value a whole number from 0 up, below 2**63 (checked over the list at once)."""
    return _all(values, int) and (not values or (min(values) >= 0 and max(values) < 1 << 63))


def _ints(value: object, count: int) -> bool:
    """A list of ``count`` whole numbers from 0 up."""
    return isinstance(value, list) and len(value) == count and _counts(value)


def _name(value: object) -> bool:
    """A plain file name: no separator, not ``.`` nor ``..``, no NUL."""
    return (
        isinstance(value, str)
        and value not in ("", ".", "..")
        and "/" not in value
        and "\0" not in value
        and (os.altsep is None or os.altsep not in value)
        and os.sep not in value
    )


def _folder_stamp(folder: str | Path) -> tuple[int, int, int, int] | None:
    """A folder's device, inode, modification and change times; None when it is not a folder."""
    info = stat_of(folder, stat.S_ISDIR)
    if info is None:
        return None
    return (info.st_dev, info.st_ino, info.st_mtime_ns, info.st_ctime_ns)
