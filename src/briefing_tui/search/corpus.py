"""Searching every document of a collection: hits with their document, line, column and context."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from briefing_tui.search.match import Check, Matcher

if TYPE_CHECKING:  # annotations only: ``LineIndex`` and ``context`` serve the command line without the model
    from briefing_tui.model.types import Collection, Document

ELLIPSIS = "…"


class Hit(NamedTuple):
    """One match in one document. Offsets are code points of the document text.

    ``line`` and ``column`` are 1-based (column in code points). The context is computed when asked
    for (a results list only shows a screenful), as raw document text: the display boundary cleans it.
    """

    document: Document
    start: int
    end: int
    line: int
    column: int

    @property
    def document_id(self) -> str:
        return self.document.id

    def context(self, width: int = 40) -> tuple[str, str, str]:
        """``(before, match, after)``: the match and up to ``width`` characters each side on its line."""
        return context(self.document.text, self.start, self.end, width)


class LineIndex:
    """Where each line of a text starts, for turning offsets into line and column."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.starts = starts

    def locate(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of ``offset``."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def context(text: str, start: int, end: int, width: int = 40) -> tuple[str, str, str]:
    """The text around ``[start, end)`` on its line, at most ``width`` characters each side."""
    left = max(0, start - width)
    newline = text.rfind("\n", left, start)
    cut_left = newline < 0 and left > 0 and text[left - 1] != "\n"
    if newline >= 0:
        left = newline + 1
    right = min(len(text), end + width)
    newline = text.find("\n", end, right)
    cut_right = newline < 0 and right < len(text) and text[right] != "\n"
    if newline >= 0:
        right = newline
    before = text[left:start]
    after = text[end:right]
    if cut_left:
        before = ELLIPSIS + before.lstrip()
    if cut_right:
        after = after.rstrip() + ELLIPSIS
    match = text[start:end].replace("\n", " ")
    return before, match, after


def search_document(
    document: Document,
    matcher: Matcher,
    check: Check | None = None,
    limit: int | None = None,
) -> list[Hit]:
    """Every hit of ``matcher`` in one document."""
    spans = matcher.find_all(document.text, check=check, limit=limit)
    if not spans:
        return []
    index = LineIndex(document.text)
    hits = []
    for start, end in spans:
        line, column = index.locate(start)
        hits.append(Hit(document, start, end, line, column))
    return hits


def search_documents(
    documents: Iterable[Document],
    matcher: Matcher,
    check: Check | None = None,
    limit: int | None = None,
) -> Iterator[Hit]:
    """Hits of every document, document by document (``limit`` bounds the total)."""
    left = limit
    for document in documents:
        if check is not None:
            check()
        hits = search_document(document, matcher, check, left)
        yield from hits
        if left is not None:
            left -= len(hits)
            if left <= 0:
                return


def search_collection(
    collection: Collection,
    matcher: Matcher,
    check: Check | None = None,
    limit: int | None = None,
) -> list[Hit]:
    """Every hit in every loaded document of ``collection``."""
    return list(search_documents(collection.documents, matcher, check, limit))
