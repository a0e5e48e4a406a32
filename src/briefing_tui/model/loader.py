"""The loader: briefing files to Documents, trusting nothing.

``load_document(path)`` and ``load_bytes(data, path_label)`` return a Document or raise
``LoadError`` carrying every problem of the file (errors and warnings, in file order); no other
exception ever escapes, whatever the bytes. A Document that loads keeps its warnings (fuzzy or
ambiguous anchors, orphans, unknown keys…) in ``Document.problems``.

``load_paths(paths)`` opens files and folders as one Collection: a folder contributes its
``*.yaml``/``*.yml`` files and the ``*.txt`` files that have a ``.ann`` beside them (brat, through
``briefing_tui.formats.open_foreign``); other files are skipped. Sources that point into another
document of the collection (``document`` + ``span``) are resolved once every file is loaded; with
``siblings=True`` the documents they name are first looked for beside the files (``siblings``). A
source whose document is not open is a warning: the file opens, that source leads nowhere.
"""

from __future__ import annotations

import gc
import stat
from pathlib import Path

from briefing_tui.display import display_path
from briefing_tui.model.anchoring import Anchorer
from briefing_tui.model.build import Builder
from briefing_tui.model.files import YAML_SUFFIXES
from briefing_tui.model.files import briefing_files as _files
from briefing_tui.model.pieces import Whole, compose_in_pieces
from briefing_tui.model.safe_yaml import Problems, compose, decode, read_file
from briefing_tui.model.siblings import add_siblings
from briefing_tui.model.types import Collection, Document, LoadError, Problem, Severity

__all__ = [
    "YAML_SUFFIXES",
    "duplicate_id",
    "empty_folder",
    "label_of",
    "load_bytes",
    "load_document",
    "load_paths",
]


def label_of(path: str | Path) -> str:
    """A path as shown in messages: controls, bidi controls and undecodable bytes escaped (``\\x1b``)."""
    return display_path(str(path))


def _finish(problems: Problems, document: Document | None) -> Document:
    ordered = problems.sorted()
    if document is None or problems.has_errors:
        if not any(p.severity is Severity.ERROR for p in ordered):  # pragma: no cover - defensive
            ordered.append(Problem(problems.label, 1, 1, Severity.ERROR, "the document could not be read"))
        raise LoadError(ordered)
    document.problems = ordered
    return document


def _load(data: bytes | list[bytes], label: str, path: Path) -> Document:
    """Load from bytes; given them in a list, the list is emptied so that they are freed once decoded."""
    problems = Problems(label)
    source = decode(data.pop() if isinstance(data, list) else data, problems)
    del data
    if source is None:
        return _finish(problems, None)
    enabled = gc.isenabled()
    # A large file makes a million nodes and objects that all live until the end: left on, the
    # cycle collector would rescan them again and again (measured: 5.5 s instead of 1.5 s).
    gc.disable()
    try:
        try:
            document = _in_pieces(source, problems, path)
        except Whole:
            problems = Problems(label)  # what the pieces found is found again, with the rest
            root = compose(source, problems)
            document = None if root is None else Builder(path, source, problems).document(root)
            del root  # freed now by reference counting (a tree has no cycles), before the collector is back
    finally:
        if len(source) >= PROMOTE_CHARS:
            _to_oldest_generation()
        if enabled:
            gc.enable()
    return _finish(problems, document)


PROMOTE_CHARS = 1 << 20
"""From this size on, a loaded document's objects are put in the oldest generation at once."""


def _to_oldest_generation() -> None:
    """Put the objects just made (a large document has half a million) straight into the oldest generation.

    Left in the youngest, the collector's next young collections would scan them all (0.2 s each
    on the large bench file, at the first allocation after loading) only to find they live on. In
    the oldest generation they are scanned only by full collections, as old objects are. Freezing
    and at once unfreezing moves them there without scanning; skipped when something else froze
    objects on purpose (unfreezing would undo that). This moves every young object of the process,
    so it is done for large files only: for a small one the young collections cost nothing.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def _in_pieces(source: str, problems: Problems, path: Path) -> Document | None:
    """A large file read piece by piece (``pieces``), or ``Whole`` when it must be read at once."""
    root, drain = compose_in_pieces(source, problems)
    document = Builder(path, source, problems).document(root)
    drain()
    return document


def _internal(label: str, exc: BaseException) -> LoadError:
    message = f"internal error while reading this file ({type(exc).__name__})"
    return LoadError([Problem(label, 1, 1, Severity.ERROR, message, "please report this file", "internal")])


def load_bytes(data: bytes, path_label: str, *, path: Path | None = None) -> Document:
    """Load a briefing from bytes. ``path_label`` names it in problems; ``path`` is kept on the Document."""
    try:
        return _load(data, path_label, path if path is not None else Path(path_label))
    except LoadError:
        raise
    except Exception as exc:  # the promise: nothing but LoadError escapes
        raise _internal(path_label, exc) from None


def load_document(path: str | Path) -> Document:
    """Load one briefing YAML file; raises ``LoadError`` with every problem of the file."""
    path = Path(path)
    label = label_of(path)
    try:
        problems = Problems(label)
        data = read_file(path, problems)
        if data is None:
            return _finish(problems, None)
        owned = [data]  # only ``_load`` holds the bytes: freed once decoded
        del data
        return _load(owned, label, path)
    except LoadError:
        raise
    except Exception as exc:
        raise _internal(label, exc) from None


def _open_foreign(path: Path) -> Document:
    try:
        # deferred: kept off start-up: needed only when this runs
        from briefing_tui.formats import open_foreign
    except ImportError:
        raise LoadError(
            [
                Problem(
                    label_of(path),
                    1,
                    1,
                    Severity.ERROR,
                    f"unsupported file type {path.suffix or '(no suffix)'}",
                    "open a briefing .yaml file",
                    "file-type",
                )
            ]
        ) from None
    return open_foreign(path)


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _load_any(path: Path) -> Document:
    if path.suffix.lower() in YAML_SUFFIXES or not _regular(path):
        return load_document(path)  # which refuses, with its message, what is not a regular file
    try:
        return _open_foreign(path)
    except LoadError:
        raise
    except Exception as exc:
        raise _internal(label_of(path), exc) from None


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
    return Problem(label_of(path), 1, 1, Severity.ERROR, message, hint, "dup-doc")


def load_paths(paths: list[str | Path] | list[Path] | list[str], *, siblings: bool = False) -> Collection:
    """Open files and folders as one Collection; files that fail keep their problems in ``failed``.

    With ``siblings``, the briefings beside the files that their sources point into are loaded too,
    each with a line in ``Collection.notices``.
    """
    collection = Collection()
    for given in paths:
        given = Path(given)
        files = _files(given)
        if given.is_dir() and not files:
            collection.failed[str(given)] = [empty_folder(given)]
        for file in files:
            try:
                collection.documents.append(_load_any(file))
            except LoadError as exc:
                collection.failed[str(file)] = exc.problems
    if siblings:
        add_siblings(collection, _load_any)
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
            hint = "open the folder holding both documents, or correct the id"
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
