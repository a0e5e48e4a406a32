"""The documents a file's sources point into, found beside it when the file is opened alone.

A source may be another document of the collection (``document: statement``). Opened alone, one
file of a collection would leave such sources with nothing to lead to; ``add_siblings`` looks in
the file's own folder for the briefings that hold the missing ids, loads them into the collection
and says so in ``Collection.notices``. A file's id is read from its top-level ``id:`` line without
loading it (``peek_id``); the load confirms it. What cannot be found stays missing: the loader then
marks those sources as unreachable, with a warning, and the file still opens.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from briefing_tui.display import display_path
from briefing_tui.model.loader import YAML_SUFFIXES
from briefing_tui.model.types import Collection, Document, LoadError

PEEK_BYTES = 4 << 20  # an id further down than this is not looked for
_ID_LINE = re.compile(rb"""^id:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#'"][^\s#]*))[ \t]*(?:#.*)?\r?$""")


def peek_id(path: Path) -> str | None:
    """The id on a top-level ``id:`` line of a regular file, None when there is none in its head."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None  # a FIFO or a device is never read
        with os.fdopen(fd, "rb", closefd=False) as handle:
            read = 0
            for line in handle:
                read += len(line)
                if line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                found = _ID_LINE.match(line.rstrip(b"\n"))
                if found:
                    raw = next(g for g in found.groups() if g is not None)
                    return raw.decode("utf-8", "replace")
                if read > PEEK_BYTES:
                    return None
    except OSError:
        return None
    finally:
        os.close(fd)
    return None


def missing_ids(collection: Collection) -> dict[str, list[Document]]:
    """Ids of documents that sources point into but that are not open, with the documents pointing."""
    open_ids = {d.id for d in collection.documents}
    wanted: dict[str, list[Document]] = {}
    for document in collection.documents:
        for source in document.sources:
            if source.document is not None and source.document not in open_ids:
                pointing = wanted.setdefault(source.document, [])
                if document not in pointing:
                    pointing.append(document)
    return wanted


def add_siblings(collection: Collection, load: Callable[[Path], Document]) -> None:
    """Load into ``collection`` the briefings beside its files that its sources point into.

    Args:
        collection: the documents opened so far; gains the siblings and a notice for each.
        load: loads one file (raises ``LoadError``).

    Files already open or already failed are not read again; a sibling's own sources are followed
    the same way.
    """
    seen = {_key(d.path) for d in collection.documents} | {_key(Path(p)) for p in collection.failed}
    while True:
        wanted = missing_ids(collection)
        folders = sorted({d.path.parent for docs in wanted.values() for d in docs})
        added = False
        for folder in folders:
            for candidate in _briefings(folder):
                key = _key(candidate)
                if key in seen or peek_id(candidate) not in wanted:
                    continue
                seen.add(key)
                try:
                    document = load(candidate)
                except LoadError:
                    continue  # not what it seemed; its sources stay unreachable
                if document.id not in wanted or collection.document(document.id) is not None:
                    continue
                collection.documents.append(document)
                collection.notices.append(_notice(document, wanted[document.id]))
                added = True
        if not added:
            return


def _notice(document: Document, pointing: list[Document]) -> str:
    names = ", ".join(display_path(d.path.name) for d in pointing)
    return f"also opened {display_path(document.path.name)} (document '{document.id}', cited by {names})"


def _briefings(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix.lower() in YAML_SUFFIXES)
    except OSError:
        return []


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path)
