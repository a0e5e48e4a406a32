"""Searching every document of a collection: hits with their document, line, column and context."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from briefing_tui.model.types import Collection, Document
from briefing_tui.search.match import Check, Matcher

ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Hit:
    """One match in one document. Offsets are code points of the document text.

    ``line`` and ``column`` are 1-based (column in code points). ``before``/``match``/``after``
    are raw document text (unsanitized: the display boundary cleans them).
    """

    document: Document
    start: int
    end: int
    line: int
    column: int
    before: str
    match: str
    after: str

    @property
    def document_id(self) -> str:
        return self.document.id


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
        self.length = len(text)

    def locate(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of ``offset``."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line_end(self, line: int) -> int:
        """Offset of the end of 1-based ``line`` (its newline excluded)."""
        return self.starts[line] - 1 if line < len(self.starts) else self.length


def context(text: str, start: int, end: int, index: LineIndex, width: int = 40) -> tuple[str, str, str]:
    """The text around ``[start, end)`` on its line, at most ``width`` characters each side."""
    line, _ = index.locate(start)
    line_start = index.starts[line - 1]
    line_end = max(index.line_end(line), end)
    left = max(line_start, start - width)
    right = min(line_end, end + width)
    before = text[left:start]
    after = text[end:right]
    if left > line_start:
        before = ELLIPSIS + before.lstrip()
    if right < line_end:
        after = after.rstrip() + ELLIPSIS
    match = text[start:end].replace("\n", " ")
    return before, match, after


def search_document(
    document: Document,
    matcher: Matcher,
    width: int = 40,
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
        before, match, after = context(document.text, start, end, index, width)
        hits.append(Hit(document, start, end, line, column, before, match, after))
    return hits


def search_documents(
    documents: Iterable[Document],
    matcher: Matcher,
    width: int = 40,
    check: Check | None = None,
    limit: int | None = None,
) -> Iterator[Hit]:
    """Hits of every document, document by document (``limit`` bounds the total)."""
    left = limit
    for document in documents:
        if check is not None:
            check()
        hits = search_document(document, matcher, width, check, left)
        yield from hits
        if left is not None:
            left -= len(hits)
            if left <= 0:
                return


def search_collection(
    collection: Collection,
    matcher: Matcher,
    width: int = 40,
    check: Check | None = None,
    limit: int | None = None,
) -> list[Hit]:
    """Every hit in every loaded document of ``collection``."""
    return list(search_documents(collection.documents, matcher, width, check, limit))
