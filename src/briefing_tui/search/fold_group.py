"""The cache's entry for a folder: the folded texts of all its small briefings in one file.

Searching a folder of a thousand documents again should cost one read, not a thousand: the folder's
entry (in the same cache folder as the files' entries, see :mod:`briefing_tui.search.fold_cache`)
holds the names of the folder's briefing files as they were listed, the folder's own identity
(device, inode, modification and change times) when they were, and for each file under
``MEMBER_MAX`` characters its identity, document id, folded copy and text, one after the other.

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
    _records,
    _standins,
    identity,
    stat_of,
)

TYPE_CHECKING = False  # typing's, without importing typing: see briefing_tui.named_tuple
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

__all__ = ["MEMBER_MAX", "FolderEntry"]

MAGIC = b"briefing folded texts of a folder 1\n"
KIND = b"\0folder"
MEMBER_MAX = 1 << 20
"""Files with a longer text keep an entry of their own: rewriting them with the folder costs too much."""
GROUP_MAX = 1 << 26
"""At most this many bytes of folded copies and texts in a folder's entry; the files past it get their own."""

_Member = tuple[Identity, Entry]


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
        self._keep(name, member)
        return member[1]

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
        self.size += 2 * member[1].copy.length

    def save(self) -> None:
        """Write the folder's entry again if anything in it changed."""
        if self.names is None or not (self.changed or self.kept.keys() != self.members.keys()):
            return
        settled = self.stamp is not None and time.time_ns() - self.stamp[2] >= SETTLE_NS
        items = []
        chunks = [b""]
        try:
            for name, (ident, entry) in self.kept.items():
                folded = entry.copy.text.encode("utf-8")
                text = entry.raw()
                records = [list(r) for r in entry.copy.records]
                items.append([name, list(ident), entry.id, entry.copy.length, len(folded), len(text)])
                items[-1] += [records, entry.copy.standins]
                chunks += [folded, text]
            head = {
                "version": self.cache.version,
                "path": self.where,
                "keep_case": self.keep_case,
                "folder": list(self.stamp) if settled and self.stamp is not None else None,
                "names": self.names,
                "files": items,
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
        stamp, names, items = head.get("folder"), head.get("names"), head.get("files")
        if stamp is not None and not _ints(stamp, 4):
            return
        if not (isinstance(names, list) and all(_name(n) for n in names) and isinstance(items, list)):
            return
        members: dict[str, _Member] = {}
        at = end + 1
        for item in items:
            member = _member(item, data, at)
            if member is None or item[0] in members:
                return
            members[item[0]] = member
            at += item[4] + item[5]
        if at != len(data):
            return
        self.old_stamp, self.names, self.members = stamp, names, members


def _member(item: object, data: bytes, at: int) -> _Member | None:
    """One file of the entry, checked.

    ``[name, identity, id, length, folded bytes, text bytes, records, standins]``.
    """
    if not (isinstance(item, list) and len(item) == 8):
        return None
    name, ident, doc_id, length, folded_bytes, text_bytes, records, standins = item
    if not (
        _name(name) and isinstance(doc_id, str) and _int(length) and _int(folded_bytes) and _int(text_bytes)
    ):
        return None
    if not _ints(ident, 5):
        return None
    if at + folded_bytes + text_bytes > len(data):
        return None
    folded = data[at : at + folded_bytes].decode("utf-8")
    checked = _records(records, len(folded), length)
    if checked is None or not _standins(standins) or len(folded) + len(checked) != length:
        return None
    copy = Folded(folded, length, checked, dict(standins))
    text = data[at + folded_bytes : at + folded_bytes + text_bytes]
    return (ident[0], ident[1], ident[2], ident[3], ident[4]), Entry(doc_id, copy, text)


def _int(value: object) -> bool:
    return type(value) is int and 0 <= value < 1 << 63


def _ints(value: object, count: int) -> bool:
    """A list of ``count`` whole numbers from 0 up."""
    return isinstance(value, list) and len(value) == count and all(_int(n) for n in value)


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
