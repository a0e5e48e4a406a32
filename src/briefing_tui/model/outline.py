"""Large collections: every document listed at once, read for its text when searched and whole when opened.

``open_outlines(paths)`` reads each briefing with ``text_only.load_text``: its id, title and other
top-level fields, enough to list it, at a fraction of a full load. Such an outline
(``model.outlined``) holds no text until its text is wanted (searching it, following a source into
it), when the text is read from its file. It lacks its annotations; ``complete`` loads the file
whole when the document is opened, puts the result in its place and anchors its sources into the
other documents, as ``load_paths`` does for every file at once. A file whose annotations are wrong is
found out then: it leaves the documents for ``Collection.failed``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefing_tui.files import briefing_files, duplicate_id, empty_folder, link, load_file
from briefing_tui.model.outlined import outline_of
from briefing_tui.model.text_only import load_text
from briefing_tui.model.types import Collection, Document, LoadError

__all__ = ["complete", "open_outlines", "outline_file"]


def outline_file(file: Path) -> Document:
    """The outline of one briefing file; ``LoadError`` when it cannot be listed."""
    return outline_of(load_text(file))  # its text read again when wanted


def open_outlines(
    paths: list[Path],
    outline: Callable[[Path], Document] = outline_file,
    whole: Callable[[Path], Document] = load_file,
) -> Collection:
    """The files and folders of ``paths`` as a Collection of outlines (the first one complete: read by
    ``whole``), each file's made by ``outline`` (``outline_file``; or one that has them made apart,
    or kept, ``startup``)."""
    collection = Collection()
    first: dict[str, Path] = {}
    for given in paths:
        files = briefing_files(given)
        if given.is_dir() and not files:
            collection.failed[str(given)] = [empty_folder(given)]
        for file in files:
            try:
                document = outline(file)
            except LoadError as exc:
                collection.failed[str(file)] = exc.problems
                continue
            if document.id in first:
                collection.failed[str(file)] = [duplicate_id(document.id, file, first[document.id])]
                continue
            first[document.id] = file
            collection.documents.append(document)
            collection.outlines[document.id] = document
    while collection.documents and complete(collection, collection.documents[0], whole) is None:
        pass  # the reader opens on the first document that loads
    return collection


def complete(
    collection: Collection, outline: Document, whole: Callable[[Path], Document] = load_file
) -> Document | None:
    """Load the file of ``outline`` whole (``whole``) and put it in its place; None (and ``failed``)
    if it fails."""
    if collection.outlines.get(outline.id) is not outline:
        return outline
    del collection.outlines[outline.id]
    index = collection.documents.index(outline)
    try:
        document = whole(outline.path)
    except LoadError as exc:
        del collection.documents[index]
        collection.failed[str(outline.path)] = exc.problems
        return None
    collection.documents[index] = document
    by_id = {d.id: d for d in collection.documents if d is not document}
    if document.id in by_id:  # changed on disk since it was listed
        first = by_id[document.id].path
        del collection.documents[index]
        collection.failed[str(document.path)] = [duplicate_id(document.id, document.path, first)]
        return None
    by_id[document.id] = document
    return document if link(collection, document, by_id) else None
