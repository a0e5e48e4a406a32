"""The outlines of a folder's briefings kept on disk: opening the folder again reads one file, not a thousand.

A folder of a thousand briefings is listed by their outlines (``model.outline``), each read from its
file: some 0.25 ms a file, most of the time to its list. The folder's entry, in the cache folder of
folded texts (``search.fold_cache``, with its rules: a private folder, an entry written whole then
renamed, ``--no-cache`` to leave it alone) holds for each file outlined its name, its identity
(device, inode, size, modification and change times) and its top-level fields: id, title, language,
format, date, publisher, address, authors and note.

A file is taken from the entry only while it has the identity it had when it was outlined; any
other is outlined again, and the entry written again. An outline with warnings, with fields kept
from an import, or with annotations (a brat pair is read whole) is never kept: it is read each time,
its warnings said again. A file changed less than ``SETTLE_NS`` ago is not kept either. The entry
trusts nothing it reads: anything not exactly in its format and the whole entry is ignored.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing_tui import __version__
from briefing_tui.model.empty_lists import listed
from briefing_tui.model.outline import outline_file
from briefing_tui.model.outlined import Outline, outline_of
from briefing_tui.model.types import Document
from briefing_tui.search.fold_cache import MAX_ENTRY, SETTLE_NS, FoldCache, Identity, cache_folder, identity

__all__ = ["KeptOutlines", "outline_cache"]

MAGIC = b"briefing outlines of a folder 1\n"
KIND = b"\0outlines"
_STRINGS = ("id", "title", "language", "format", "publisher", "note")
_OR_NONE = ("published", "url")
_SHARED = frozenset(("language", "format", "publisher", "note", "published", "url"))
_EMPTY = ("entities", "events", "claims", "sources", "problems", "extra")
"""What an outline kept has none of (its annotations, its warnings, its fields kept from an import)."""

_Member = tuple[Identity, dict[str, Any]]


def outline_cache(cached: bool = True) -> FoldCache | None:
    """Where outlines are kept (the cache folder of folded texts), or None (``--no-cache``)."""
    return FoldCache(cache_folder(), __version__) if cached else None


class KeptOutlines:
    """Outlines through the cache: ``__call__(file)`` is the file's outline, from its folder's entry
    when the file is as it was, else made by ``outline`` (``outline_file``) and kept; ``save()``
    writes what changed. With no cache (None), every outline is made by ``outline``."""

    def __init__(self, cache: FoldCache | None, outline: Callable[[Path], Document] | None = None) -> None:
        self.cache = cache
        self.outline = outline or outline_file
        self._folders: dict[Path, _Folder] = {}
        self._identities: dict[Path, Identity | None] = {}
        self._values: dict[str | None, str | None] = {}

    def missing(self, files: list[Path]) -> list[Path]:
        """The files of ``files`` that their folder's entry does not hold as they are now."""
        return [file for file in files if self._member(file) is None]

    def __call__(self, file: Path) -> Document:
        member = self._member(file)
        if member is not None:
            self._folder(file).kept[file.name] = member
            return self._shared(outline_of(Document(path=file, text="", **member[1])))
        ident = self._identity(file)
        document = self.outline(file)  # raises LoadError: nothing kept
        if self.cache is not None and ident is not None and _keepable(document):
            settled = time.time_ns() - ident[3] >= SETTLE_NS
            if settled and identity(file) == ident:  # unchanged while it was read
                folder = self._folder(file)
                folder.kept[file.name] = (ident, _fields(document))
                folder.changed = True
        return self._shared(document)

    def _shared(self, document: Document) -> Document:
        """``document`` holding the one string of each value its folder's documents share (a language,
        a publisher, a note), rather than a string of its own: the same, in less memory."""
        if isinstance(document, Outline):
            values = self._values
            for key in _SHARED:
                value = getattr(document, key)
                object.__setattr__(document, key, values.setdefault(value, value))
        return document

    def save(self) -> None:
        """Write again each folder's entry that changed (files outlined again, or gone)."""
        for folder in {id(folder): folder for folder in self._folders.values()}.values():
            folder.save()

    def _member(self, file: Path) -> _Member | None:
        if self.cache is None:
            return None
        member = self._folder(file).members.get(file.name)
        return member if member is not None and member[0] == self._identity(file) else None

    def _identity(self, file: Path) -> Identity | None:
        if file not in self._identities:
            self._identities[file] = identity(file)
        return self._identities[file]

    def _folder(self, file: Path) -> _Folder:
        folder = self._folders.get(file.parent)
        if folder is None:
            assert self.cache is not None
            where = os.path.abspath(file.parent)
            folder = next((f for f in self._folders.values() if f.where == where), None)  # named otherwise
            self._folders[file.parent] = folder = folder or _Folder(self.cache, where)
        return folder


class _Folder:
    """One folder's entry: the members read from it, and those kept this time."""

    def __init__(self, cache: FoldCache, where: str) -> None:
        self.cache = cache
        self.where = where
        self.members: dict[str, _Member] = {}
        self.kept: dict[str, _Member] = {}
        self.changed = False
        try:
            data = cache.read(where, False, KIND)
            self.members = _parse(data, cache.version, where) if data is not None else {}
        except (OSError, ValueError, TypeError, KeyError, RecursionError, MemoryError):
            self.members = {}

    def save(self) -> None:
        if not self.changed and self.kept.keys() == self.members.keys():
            return
        files = [
            [name, list(ident), *(values[key] for key in _KEYS)]
            for name, (ident, values) in self.kept.items()
        ]
        head = {"version": self.cache.version, "path": self.where, "files": files}
        try:
            line = json.dumps(head, ensure_ascii=True).encode("ascii")
        except (ValueError, UnicodeError):
            return
        if len(line) < MAX_ENTRY - len(MAGIC):
            self.cache.write(self.where, False, KIND, (MAGIC, line, b"\n"))


_KEYS = (*_STRINGS, *_OR_NONE, "authors")


def _keepable(document: Document) -> bool:
    return not any(listed(document, name) for name in _EMPTY)  # an outline's empty lists left unmade


def _fields(document: Document) -> dict[str, Any]:
    return {key: list(listed(document, key)) if key == "authors" else getattr(document, key) for key in _KEYS}


def _parse(data: bytes, version: str, where: str) -> dict[str, _Member]:
    """The members of an entry, checked; none at all when anything in it is not in its format."""
    if not data.startswith(MAGIC) or not data.endswith(b"\n"):
        return {}
    head = json.loads(data[len(MAGIC) : -1].decode("ascii"))
    if not isinstance(head, dict) or head.get("version") != version or head.get("path") != where:
        return {}
    files = head.get("files")
    if not isinstance(files, list):
        return {}
    members: dict[str, _Member] = {}
    for item in files:
        member = _member(item)
        if member is None or item[0] in members:
            return {}
        members[item[0]] = member
    return members


def _member(item: object) -> _Member | None:
    """``[name, identity, id, title, language, format, publisher, note, published, url, authors]``."""
    if not (isinstance(item, list) and len(item) == 2 + len(_KEYS)):
        return None
    name, ident, *values = item
    if not (isinstance(name, str) and name not in ("", ".", "..") and "/" not in name and "\0" not in name):
        return None
    if not (isinstance(ident, list) and len(ident) == 5 and all(type(n) is int and n >= 0 for n in ident)):
        return None
    found = dict(zip(_KEYS, values, strict=True))
    if not all(isinstance(found[key], str) for key in _STRINGS):
        return None
    if not all(found[key] is None or isinstance(found[key], str) for key in _OR_NONE):
        return None
    authors = found["authors"]
    if not (isinstance(authors, list) and all(isinstance(author, str) for author in authors)):
        return None
    if not found["id"]:
        return None
    return (ident[0], ident[1], ident[2], ident[3], ident[4]), found
