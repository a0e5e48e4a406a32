"""What ``briefing`` reads before the reader starts (pure: no textual).

A small collection loads in a few milliseconds: it is read before the first paint, so that the
reader's first screen is the document, and so that when nothing at all can be opened the errors are
printed like ``validate`` prints them, without entering full screen. A larger one is read by the
reader behind a loading screen.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.model.types import Collection, Problem, Severity
from briefing_tui.reload import Stamp

if TYPE_CHECKING:
    from briefing_tui.widgets.text_lines import Marks, Mentions

SMALL = 256 * 1024  # bytes of YAML read at once before the first paint
OUTLINED = 32 << 20  # bytes of YAML of several files outlined before the first paint (about 0.1 s)
_READ_SUFFIXES = (".yaml", ".yml", ".txt", ".ann")


def total_size(paths: list[Path]) -> int:
    """The bytes the loader would read for ``paths``; ``SMALL`` when that cannot be told."""
    total = 0
    for path in paths:
        try:
            if path.is_dir():
                total += sum(f.stat().st_size for f in path.glob("*.y*ml"))
            elif path.suffix.lower() in _READ_SUFFIXES:
                total += path.stat().st_size  # anything else is refused by its name, unread
        except OSError:
            return SMALL  # unreadable: let the worker and the error view deal with it
    return total


def load_if_small(paths: list[Path]) -> Collection | None:
    """The collection of ``paths`` when it is small enough to read before the first paint, else None.

    Several files up to ``OUTLINED`` are read as outlines (their titles and texts; each document is
    read whole when it is opened).
    """
    size = total_size(paths)
    if size < SMALL:
        # deferred: kept off start-up: needed only when this runs
        from briefing_tui.files import load_paths

        return load_paths(list(paths), siblings=True)
    if size < OUTLINED and several_files(paths):
        # deferred: kept off start-up: needed only when this runs
        from briefing_tui.model.outline import open_outlines

        return open_outlines(list(paths))
    return None


def several_files(paths: list[Path]) -> bool:
    """Whether ``paths`` name more than one briefing file (a collection worth outlining)."""
    # deferred: kept off start-up: needed only when this runs
    from briefing_tui.files import briefing_files

    return sum(len(briefing_files(path)) for path in paths) > 1


def failures(collection: Collection, paths: list[Path]) -> dict[str, list[Problem]]:
    """Why nothing of ``paths`` could be opened, file by file."""
    if collection.failed:
        return collection.failed
    where = str(paths[0]) if paths else "."
    problem = Problem(where, 1, 1, Severity.ERROR, "no briefing file (*.yaml) found")
    return {", ".join(str(p) for p in paths): [problem]}


# The reader's first frame ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Opening:
    """What the reader's first frame shows of the first document: its header (said and sanitized
    already), its text and the marks on it, as plain values."""

    title: str
    meta: str
    text: str
    mentions: Mentions
    claims: Marks
    claim_count: int
    documents: int

    @classmethod
    def of(cls, collection: Collection) -> Opening:
        """The first look of ``collection``'s first document."""
        # deferred: kept off start-up: needed only when this runs
        from briefing_tui.model.doc_meta import meta_line, title_line
        from briefing_tui.widgets.text_lines import marks_of

        doc, documents = collection.documents[0], len(collection.documents)
        mentions, claims = marks_of(doc, doc.claims)
        position = (1, documents) if documents > 1 else None
        return cls(title_line(doc), meta_line(doc, position), doc.text, mentions, claims, len(doc.claims),
                   documents)  # fmt: skip


Stamps = dict[Path, Stamp | None]
"""Each file read, as ``stat`` saw it when it was read (None: gone)."""


def stamps_of(collection: Collection) -> Stamps:
    """The stamps of the files ``collection`` was read from (its documents and its failed files)."""
    paths = {*(Path(d.path) for d in collection.documents), *map(Path, collection.failed)}
    return {path: Stamp.of(path) for path in paths}


@dataclass(frozen=True, slots=True)
class ReadAlready:
    """A collection read in a child process, the first look of its first document and the stamps
    of its files, where the reader's live reload starts from (``ReadBeside.result``)."""

    opening: Opening
    collection: Collection
    stamps: Stamps


class ReadBeside:
    """Reads a small collection in a child process while this one imports the reader: the two take
    about as long, and a machine has more than one core. ``result()`` is the child's answer (the
    collection, pickled through a pipe between the two processes of one program), or None when
    nothing could be opened or the child failed: the collection is then read here, and its errors
    printed, as without it. A file changed after the child read it is reloaded by the reader's
    live reload, as any change is (once it has settled: never half written).
    """

    def __init__(self, paths: list[Path]) -> None:
        self._read, write = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the child: read, answer, and leave without running any cleanup
            status = 1
            try:
                os.close(self._read)
                collection = load_if_small(paths)
                if collection is not None and collection.documents:
                    stamps = stamps_of(collection) if not collection.outlines else {}
                    read = ReadAlready(Opening.of(collection), collection, stamps)
                    with os.fdopen(write, "wb") as out:
                        pickle.dump(read, out, protocol=pickle.HIGHEST_PROTOCOL)
                    status = 0
            finally:
                os._exit(status)
        os.close(write)

    def result(self) -> ReadAlready | None:
        try:
            with os.fdopen(self._read, "rb") as answer:
                data = answer.read()
            _pid, status = os.waitpid(self._pid, 0)
            if status != 0 or not data:
                return None
            read = pickle.loads(data)  # our own child's answer, never a file's
        except (OSError, ValueError, TypeError, EOFError, pickle.UnpicklingError):
            return None
        return read if isinstance(read, ReadAlready) else None

    @staticmethod
    def can(paths: list[Path]) -> bool:
        """Whether ``paths`` are read beside: what ``load_if_small`` reads (a small collection, or
        the outlines of many files), on a system that forks. The child tells a single large file
        (read by the reader, behind its preview) by answering nothing."""
        return hasattr(os, "fork") and total_size(paths) < OUTLINED
