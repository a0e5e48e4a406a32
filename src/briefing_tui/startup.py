"""What ``briefing`` reads before the reader starts (pure: no textual).

A small collection loads in a few milliseconds: it is read before the first paint, so that the
reader's first screen is the document, and so that when nothing at all can be opened the errors are
printed like ``validate`` prints them, without entering full screen (``ReadBeside``: in a child
process, while this one imports the reader). A larger one is read by the reader behind a loading
screen or a preview; a single large file is read here once and most of its claims built in a
child process meanwhile (``ClaimsBeside``).
"""

from __future__ import annotations

import marshal
import os
import pickle
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.child import Child, Shared, spare_core
from briefing_tui.display import display_path
from briefing_tui.model.file_bytes import YAML_SUFFIXES, read_file
from briefing_tui.model.types import Collection, Document, LoadError, Problem, Severity
from briefing_tui.record import record
from briefing_tui.reload import Stamp

if TYPE_CHECKING:
    from briefing_tui.model.build import Builder
    from briefing_tui.model.claim_table import ClaimTable
    from briefing_tui.model.split_load import ReadApart
    from briefing_tui.model.text_aside import Found, TextAside
    from briefing_tui.widgets.text_lines import Marks, Mentions

SMALL = 256 * 1024  # bytes of YAML read at once before the first paint
OUTLINED = 32 << 20  # bytes of YAML of several files outlined before the first paint (about 0.1 s)
_READ_SUFFIXES = (*YAML_SUFFIXES, ".txt", ".ann")


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


def load_if_small(
    paths: list[Path], apart: bool = False, cached: bool = True, ahead: Callable[[Ahead], None] | None = None
) -> Collection | None:
    """The collection of ``paths`` when it is small enough to read before the first paint, else None.

    Several files up to ``OUTLINED`` are read as outlines (``outlines``); ``apart``, ``cached`` and
    ``ahead`` as there.
    """
    size = total_size(paths)
    if size < SMALL:
        # deferred: kept off start-up: needed only when this runs
        from briefing_tui.files import load_paths

        return load_paths(list(paths), siblings=True)
    if size < OUTLINED and len(files := briefing_files(paths)) > 1:  # several files
        return outlines(paths, files, apart, cached, ahead)
    return None


def outlines(
    paths: list[Path],
    files: list[Path],
    apart: bool = False,
    cached: bool = True,
    ahead: Callable[[Ahead], None] | None = None,
) -> Collection:
    """The briefing ``files`` of ``paths`` as outlines (their titles; each document is read whole
    when it is opened), those outlined before taken from the cache unless ``cached`` is False
    (``model.outline_cache``); ``apart``: the others, when many, half here and half in a child
    process (``OutlinedApart``), when there is a core to spare; ``ahead`` is given the first rows of
    the list (``Ahead``) before the others are read."""
    # deferred: kept off start-up: needed only when this runs
    from briefing_tui.files import load_file
    from briefing_tui.model.outline import open_outlines
    from briefing_tui.model.outline_cache import KeptOutlines, outline_cache

    kept = KeptOutlines(outline_cache(cached))
    split = OutlinedApart.of(kept.missing(files)) if apart else None
    if split is not None:
        kept.outline = split
    read_ahead: dict[Path, Document] = {}  # the first file, read whole for its first look: once

    def whole(path: Path) -> Document:
        return read_ahead.pop(path, None) or load_file(path)

    if ahead is not None:
        try:
            read_ahead[files[0]] = load_file(files[0])
            ahead(Ahead.of(read_ahead[files[0]], files, kept))
        except LoadError:  # said when every file is read
            pass
    collection = open_outlines(list(paths), kept, whole)
    kept.save()
    return collection


def read_paths(paths: list[Path], cached: bool = True, read: ReadApart | None = None) -> Collection:
    """The collection of ``paths`` as the reader opens it behind its loading screen, or with ``O``:
    several briefing files as outlines (``outlines``: each read whole when it is opened; ``cached``
    as there), else the one file whole (``read``: its bytes, read already) with the briefings beside
    it that its sources point into."""
    if len(files := briefing_files(paths)) > 1:
        return outlines(paths, files, cached=cached)
    # deferred: kept off start-up: needed only when this runs
    from briefing_tui.files import load_paths

    return load_paths(list(paths), siblings=True, read=read)


def briefing_files(paths: list[Path]) -> list[Path]:
    """The briefing files ``paths`` name (more than one: a collection worth outlining)."""
    # deferred: kept off start-up: needed only when this runs
    from briefing_tui.files import briefing_files

    return [file for path in paths for file in briefing_files(path)]


def failures(collection: Collection, paths: list[Path]) -> dict[str, list[Problem]]:
    """Why nothing of ``paths`` could be opened, file by file."""
    if collection.failed:
        return collection.failed
    where = str(paths[0]) if paths else "."
    problem = Problem(where, 1, 1, Severity.ERROR, "no briefing file (*.yaml) found")
    return {", ".join(str(p) for p in paths): [problem]}


# The reader's first frame ------------------------------------------------------------------------


@record
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
    def of(cls, collection: Collection, documents: int | None = None) -> Opening:
        """The first look of ``collection``'s first document, of ``documents`` (default: the
        collection's)."""
        # deferred: kept off start-up: needed only when this runs
        from briefing_tui.model.doc_meta import meta_line, title_line
        from briefing_tui.model.navigation import reading_order
        from briefing_tui.widgets.text_lines import marks_of

        doc = collection.documents[0]
        documents = len(collection.documents) if documents is None else documents
        mentions, claims = marks_of(doc, reading_order(doc.claims))  # as the reader marks them
        position = (1, documents) if documents > 1 else None
        return cls(title_line(doc), meta_line(doc, position), doc.text, mentions, claims, len(doc.claims),
                   documents)  # fmt: skip


@record
class Ahead:
    """The first rows of a folder's list and the first look of its first document (read whole),
    made before the folder's other files are read (``ReadBeside.ahead``): the first look comes
    while they are."""

    opening: Opening
    rows: list[Document]
    """The outlines of the first documents: the rows the first look lists."""
    files: int
    """The folder's briefing files: its list's length, as far as it is known before they are read."""

    @classmethod
    def of(cls, first: Document, files: list[Path], outline: Callable[[Path], Document]) -> Ahead:
        """The first rows of ``files``, the first of which is ``first`` (``outline`` makes the
        outlines); ``LoadError`` when a file of them cannot be read: the list is then shown once
        every file is."""
        rows = list(map(outline, files[:FIRST_ROWS]))  # the first one's too: all a row needs
        return cls(Opening.of(Collection([first]), len(files)), rows, len(files))


FIRST_ROWS = 5
"""The rows of the documents list at most that the first look shows (``#documents`` in
styles/reader.tcss): the rows said ahead."""


Stamps = dict[Path, Stamp | None]
"""Each file read, as ``stat`` saw it when it was read (None: gone)."""


def stamps_of(collection: Collection) -> Stamps:
    """The stamps of the files ``collection`` was read from (its documents and its failed files)."""
    paths = {*(Path(d.path) for d in collection.documents), *map(Path, collection.failed)}
    return {path: Stamp.of(path) for path in paths}


@record
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

    def __init__(self, paths: list[Path], cached: bool = True) -> None:
        self._child = Child(partial(_read_already, paths, cached), ahead=True)

    def answered(self) -> bool:
        """Whether the child is done reading, or has said the first rows of a folder ahead:
        ``ahead()`` would not wait for it to read."""
        return self._child.ready()

    def ahead(self) -> Ahead | None:
        """The first rows of a folder of many files, said before the child reads the others; None
        when it says none (a small collection, a file of them that cannot be read): ``result()``
        then has it all."""
        return self._child.unpickled(Ahead, ahead=True)

    def result(self) -> ReadAlready | None:
        return self._child.unpickled(ReadAlready)

    @staticmethod
    def can(paths: list[Path]) -> bool:
        """Whether ``paths`` are read beside: what ``load_if_small`` reads (a small collection, or
        the outlines of many files), on a system that forks. The child tells a single large file
        (read by the reader, behind its preview) by answering nothing."""
        return hasattr(os, "fork") and total_size(paths) < OUTLINED


def _read_already(
    paths: list[Path], cached: bool = True, say: Callable[[bytes], None] = lambda _: None
) -> bytes:
    def ahead(first: Ahead) -> None:
        say(pickle.dumps(first, protocol=pickle.HIGHEST_PROTOCOL))

    collection = load_if_small(paths, apart=True, cached=cached, ahead=ahead)
    if collection is None or not collection.documents:
        return b""
    stamps = stamps_of(collection) if not collection.outlines else {}
    return pickle.dumps(
        ReadAlready(Opening.of(collection), collection, stamps), protocol=pickle.HIGHEST_PROTOCOL
    )


class OutlinedApart:
    """The outlines of many files, the second half of them made in a child process while this one
    makes the first half's: a thousand briefings are outlined in some two thirds of the time on a
    machine with a core to spare. Called with each file in turn, as ``open_outlines`` asks for
    them: a file of the second half is answered from the child (its answer waited for then), or
    outlined here when the child failed, as any file is without it."""

    def __init__(self, files: list[Path]) -> None:
        self._apart = set(files)
        self._child = Child(partial(_outlines_of, files))
        self._answer: dict[Path, Document | list[Problem]] | None = None

    def __call__(self, file: Path) -> Document:
        # deferred: imported when outlines are read, by the loader's own import
        from briefing_tui.model.outline import outline_file

        if file not in self._apart:
            return outline_file(file)
        if self._answer is None:
            self._answer = self._child.unpickled(dict) or {}
        found = self._answer.pop(file, None)
        if isinstance(found, list):
            raise LoadError(found)
        return outline_file(file) if found is None else found

    @classmethod
    def of(cls, files: list[Path]) -> OutlinedApart | None:
        """For ``OUTLINED_APART_FROM`` files or more, on a system that forks with a core to spare."""
        if len(files) < OUTLINED_APART_FROM or not spare_core():
            return None
        return cls(files[len(files) // 2 :])


OUTLINED_APART_FROM = 64
"""Files of a collection from which half of their outlines are made in a child process."""


def _outlines_of(files: list[Path]) -> bytes:
    # deferred: in the child, after it is forked
    from briefing_tui.model.outline import outline_file

    made: dict[Path, Document | list[Problem]] = {}
    for file in files:
        try:
            made[file] = outline_file(file)
        except LoadError as exc:
            made[file] = exc.problems
    return pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)


class ClaimsBeside:
    """A single large briefing file, read here once, its claims built in a child process from the
    same bytes (``model.split_load``) while this one shows its preview and builds the rest.

    It is what the loader takes (``load_paths(..., read=)``: ``split_load.ReadApart``); ``stamps``
    the file as it was read, where the reader's live reload starts from; ``end()`` once loaded (the
    child is gone by then, unless its answer was not needed)."""

    def __init__(self, path: Path, data: bytes, stamp: Stamp | None) -> None:
        self.path = path
        self._data: list[bytes] | None = [data]
        self._shared = Shared(len(data) + 64)  # the text the child sets aside (with what is left)
        self._child = Child(partial(_claims_part, data, path, self._shared), ahead=True)
        self.stamps: Stamps = {path: stamp}
        self.meanwhile: Callable[[Callable[[], bool]], None] = lambda until: None
        """Done while the child's answer has not begun to come (``take``), until it has
        (``app.import_reader``: the reader's modules imported)."""

    def bytes_once(self) -> list[bytes] | None:
        data, self._data = self._data, None
        return data

    def set_aside(self, held: list[bytes]) -> tuple[bytes | None, TextAside | None]:
        """The text of the file's bytes (``held``) set aside as the child set it aside, first thing,
        for both (at 10 MB, 0.15 s less here); set aside here when it did not."""
        # deferred: by the loading worker, which has imported the loader already
        from briefing_tui.model.text_aside import aside_from, decoded, set_text_aside

        found = _shared_aside(self._child.ahead())
        if found is None:
            self._shared.close()
            return set_text_aside(held)
        rest_length, text_length, shared = found

        def use(parts: list[memoryview]) -> tuple[bytes, list[str] | None]:
            held.clear()  # the file's bytes, freed
            return parts[0].tobytes(), decoded(parts[1])

        made = self._shared.taken([rest_length, text_length], use)  # (the memory let go, then joined)
        return set_text_aside(held) if made is None else aside_from(*made, shared)

    def take(self, builder: Builder, first: int, passed: Callable[[], None]) -> ClaimTable | None:
        # deferred: by the loading worker, which has imported the loader already
        from briefing_tui.model.split_load import read_frames, take_answer

        self.meanwhile(self._child.ready)
        return take_answer(self._child.frames(read_frames), builder, first, passed)

    def end(self) -> None:
        self._data = None
        self._shared.close()
        self._child.end()

    @classmethod
    def of(cls, paths: list[Path]) -> ClaimsBeside | None:
        """For a single briefing file (YAML) of ``SPLIT_FROM`` bytes or more, on a system that forks
        with a core to spare."""
        if len(paths) != 1 or paths[0].suffix.lower() not in YAML_SUFFIXES or not spare_core():
            return None
        path = paths[0]
        stamp = Stamp.of(path)  # before reading: a change made while it is read is reloaded
        if stamp is None or stamp.size < SPLIT_FROM:
            return None
        data = read_file(path, _Unsaid())  # a file that cannot be read is read by the loader, which says why
        return None if data is None else cls(path, data, stamp)


def _claims_part(data: bytes, path: Path, memory: Shared, say: Callable[[bytes], None]) -> bytes:
    # Below the reader's priority: keys pressed while the file loads come first. At the reader's
    # own, the child's answer came a little sooner (the 10 MB bench file idle 56 ms sooner, its
    # panes 16 ms, in 12 runs), and those keys later: j pressed on its preview as ``bench_reader.py``
    # presses it, two series of some 110 presses, median 32 and 27 ms rather than 28 and 24, the
    # worst 111 and 86 ms rather than 80 and 57.
    os.nice(5)
    # deferred: in the child, after it is forked
    from briefing_tui.model.split_load import claims_part
    from briefing_tui.model.text_aside import set_text_aside

    def share(rest: bytes, text: bytes, found: Found) -> None:
        lengths = memory.put(rest, text)
        if lengths is not None:
            say(marshal.dumps((*lengths, found)))

    def set_aside(held: list[bytes]) -> tuple[bytes | None, TextAside | None]:
        try:  # the reader waits for it: said before the claims are built
            return set_text_aside(held, share)
        finally:
            say(b"")  # (when nothing was shared: the reader sets the text aside itself)

    return claims_part(data, display_path(str(path)), path, set_aside)


def _shared_aside(said: bytes) -> tuple[int, int, Found] | None:
    """What the child said of the text it set aside (``_claims_part``): the lengths of what is left
    and of the text, in the memory it shares, and the rest of what it found; None when it shared
    none (our own child's bytes, never a file's)."""
    if not said:
        return None
    try:
        rest_length, text_length, (line, indent, lines_out, clip) = marshal.loads(said)
    except (ValueError, TypeError, EOFError):
        return None
    values = (rest_length, text_length, line, indent, lines_out)
    if not all(type(value) is int and value >= 0 for value in values) or type(clip) is not bool:
        return None
    return rest_length, text_length, (line, indent, lines_out, clip)


class _Unsaid:
    def error(self, at: None, message: str, hint: str = "", code: str = "") -> None:
        pass


SPLIT_FROM = 1 << 20
"""Bytes of a single file from which its claims are built in a child process (``ClaimsBeside``)."""
