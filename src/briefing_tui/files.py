"""Reading files: which files are briefings, and opening files and folders as one Collection.

This layer sits above the model and the formats: a briefing file is YAML (read by the model's
loader) or a file that a registered format opens directly (a brat ``.txt`` with its ``.ann``).
``briefing_files`` is the one answer to "which files are briefings"; ``load_paths`` reads them.
Sources that point into another document of the collection (``document`` + ``span``) are
resolved once every file is loaded.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.formats.registry import ImportSource, opener_for
from briefing_tui.model.anchoring import Anchorer
from briefing_tui.model.fields import suggest
from briefing_tui.model.loader import YAML_SUFFIXES, internal_error, label_of, load_document
from briefing_tui.model.siblings import add_siblings
from briefing_tui.model.types import Collection, Document, LoadError, Problem, Severity

if TYPE_CHECKING:
    from briefing_tui.model.split_load import ReadApart

__all__ = [
    "briefing_files",
    "duplicate_id",
    "empty_folder",
    "is_briefing_file",
    "link",
    "load_file",
    "load_paths",
]


def is_briefing_file(path: Path, *, in_folder: bool = False) -> bool:
    """Whether ``path`` names a briefing: YAML, or a file a registered format opens."""
    return path.suffix.lower() in YAML_SUFFIXES or opener_for(path, in_folder=in_folder) is not None


def natural_order(path: Path) -> tuple[list[tuple[int, int | str]], str]:
    """A file's place in its folder as a person counts: ``d2`` before ``d10``, case aside."""
    parts = _DIGITS.split(path.name)  # the digits at the odd places: each part compares with its like
    return [(0, int(part)) if at % 2 else (1, part.casefold()) for at, part in enumerate(parts)], path.name


_DIGITS = re.compile(r"(\d+)")


def briefing_files(path: str | Path) -> list[Path]:
    """The briefing files ``path`` stands for: a folder's briefings (in ``natural_order``), or the
    file itself."""
    path = Path(path)
    if not path.is_dir():
        return [path]
    try:
        children = sorted(path.iterdir(), key=natural_order)
    except OSError:
        return [path]  # reading it will report the problem
    return [child for child in children if is_briefing_file(child, in_folder=True)]


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def load_file(path: str | Path, read: ReadApart | None = None) -> Document:
    """One briefing file as a Document, whatever its format; raises ``LoadError`` only. ``read``:
    a YAML file's bytes read already, its claims built apart (``model.split_load``)."""
    path = Path(path)
    fmt = opener_for(path) if _regular(path) else None
    if fmt is None or fmt.importer is None:
        suffix = path.suffix.lower()
        if suffix not in YAML_SUFFIXES and _regular(path):  # refused by its name, unread
            raise LoadError([_refused(path, suffix)])
        return load_document(path, read)  # which refuses, with its message, what is not a regular file
    try:
        return fmt.importer(ImportSource(path))
    except LoadError:
        raise
    except Exception as exc:  # the promise: nothing but LoadError escapes (RecursionError, MemoryError too)
        raise internal_error(label_of(path), exc) from None


def _refused(path: Path, suffix: str) -> Problem:
    """The problem of a file no format reads by its name. A ``.txt`` is one only with its ``.ann``:
    without it, it is most often a plain article, which ``briefing annotate`` makes a briefing of."""
    label = label_of(path)
    if suffix == ".txt":
        message = (
            f"no {label_of(path.with_suffix('.ann').name)} beside it: a brat document is a .txt and its .ann"
        )
        hint = f"to draft a briefing from a plain article: briefing annotate {label}"
        return Problem(label, 1, 1, Severity.ERROR, message, hint, "no-ann")
    message = f"unknown file kind {suffix or '(no suffix)'}: expected briefing YAML or brat .txt + .ann"
    return Problem(label, 1, 1, Severity.ERROR, message)


def empty_folder(path: Path) -> Problem:
    """The problem of a folder holding no briefing file."""
    hint = "a folder is opened for its .yaml and .yml files (and brat .txt with .ann)"
    return Problem(
        label_of(path), 1, 1, Severity.ERROR, "no briefing files in this folder", hint, "empty-folder"
    )


def duplicate_id(doc_id: str, path: Path, first: Path) -> Problem:
    """The problem of the document at ``path`` whose id the document at ``first`` already has."""
    message = f"document id '{doc_id}' is already used by {label_of(first)}"
    hint = "give each document of a collection its own id"
    return Problem(label_of(path), *_id_place(path), Severity.ERROR, message, hint, "dup-doc")


def _id_place(path: Path) -> tuple[int, int]:
    """The line and column of a briefing file's top-level ``id:`` value (1, 1 when not found among
    its first lines: another format, or an id written otherwise)."""
    try:
        with path.open("rb") as file:
            for number, line in enumerate(file, 1):
                if number > ID_LINES:
                    break
                found = _ID_LINE.match(line)
                if found:
                    return number, found.end() + 1
    except OSError:
        pass
    return 1, 1


ID_LINES = 2000
"""Lines of a file looked through for its ``id:`` (a duplicate's place; only said, never read)."""
_ID_LINE = re.compile(rb"id:[ \t]+(?=\S)")


def load_paths(
    paths: list[str | Path] | list[Path] | list[str], *, siblings: bool = False, read: ReadApart | None = None
) -> Collection:
    """Open files and folders as one Collection; files that fail keep their problems in ``failed``.

    With ``siblings``, the briefings beside the files that their sources point into are loaded too,
    each with a line in ``Collection.notices``. ``read``: one file's bytes, read already (``load_file``).
    """
    collection = Collection()
    for given in paths:
        given = Path(given)
        files = briefing_files(given)
        if given.is_dir() and not files:
            collection.failed[str(given)] = [empty_folder(given)]
        for file in files:
            try:
                collection.documents.append(load_file(file, read))
            except LoadError as exc:
                collection.failed[str(file)] = exc.problems
    if siblings:
        add_siblings(collection, load_file)
    _link(collection)
    return collection


def _fail(collection: Collection, document: Document, problems: list[Problem]) -> None:
    collection.documents.remove(document)
    collection.failed[str(document.path)] = sorted(
        document.problems + problems, key=lambda p: (p.line, p.column)
    )


def _link(collection: Collection) -> None:
    """Duplicate document ids, and sources pointing into other documents of the collection."""
    by_id: dict[str, Document] = {}
    for document in list(collection.documents):
        first = by_id.get(document.id)
        if first is None:
            by_id[document.id] = document
            continue
        _fail(collection, document, [duplicate_id(document.id, document.path, first.path)])
    for document in list(collection.documents):
        link(collection, document, by_id)


def link(collection: Collection, document: Document, by_id: dict[str, Document]) -> bool:
    """Anchor the sources of ``document`` that point into other documents (``by_id``).

    Returns False when that fails: the document then leaves the collection for ``failed``.
    """
    label = label_of(document.path)
    found: list[Problem] = []
    for source in document.sources:
        if source.document is None:
            continue
        target = by_id.get(source.document)
        at = (source.line, source.column)
        if target is None:  # the file still opens; this source leads nowhere
            hint = suggest(source.document, frozenset(by_id)) or (
                "open the folder holding both documents, or correct the id"
            )
            message = f"source '{source.id}' points into document '{source.document}', which is not open"
            found.append(Problem(label, *at, Severity.WARNING, message, hint, "dangling-document"))
            continue
        if source.span is None:
            continue
        anchorer = Anchorer(target.text)
        source.target = anchorer.anchor(source.span)
        for note in anchorer.notes:
            message = f"source '{source.id}' in document '{target.id}': {note.message}"
            found.append(Problem(label, *at, note.severity, message, note.hint, note.code))
    if any(p.severity is Severity.ERROR for p in found):
        _fail(collection, document, found)
        return False
    if found:
        document.problems = sorted(document.problems + found, key=lambda p: (p.line, p.column))
    return True
