"""A document of a large collection listed before it is read: its text is read when first asked for.

A folder of a thousand briefings is listed by their titles (``model.outline``); holding every text
from the start took more memory than the reader itself (2.4 MB of text, some 5 MB as Python
strings). An ``Outline`` keeps its fields but its text, which is read from its file the first time
it is wanted (a search of every document, a source pointing into it) and then kept; opening the
document reads it whole instead (``outline.complete``).

Its lists (entities, claims...: a text read alone lists none) and its ``extra`` are made when first
read (``empty_lists``, as a claim's lists are): a thousand outlines held seven thousand empty ones.

The text is the one ``text_only.load_text`` reads, as the file is then. A file that can no longer be
read (moved, broken since it was listed) gives an empty text: nothing is found in it, and the
reader's live reload says what became of it. Pure: no user interface.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from briefing_tui.model.empty_lists import NOT_YET, listed, made_when_read
from briefing_tui.model.types import Document, LoadError

__all__ = ["Outline", "outline_of"]

_TEXT = Document.__dict__["text"]
"""The slot that holds a document's text (``Outline.text`` stands in front of it)."""

_LISTS = ("authors", "entities", "events", "claims", "sources", "problems")
_MADE_WHEN_READ = {*_LISTS, "extra"}
"""The fields an outline holds None in until they are read (then an empty list, or dict)."""


class Outline(Document):
    """A Document whose text is read from its file when first read here (``outline_of``)."""

    __slots__ = ()

    @property  # type: ignore[override]  # a field of Document, read when first wanted here
    def text(self) -> str:
        try:
            return str(_TEXT.__get__(self, Outline))
        except AttributeError:
            text = _read_text(self)
            _TEXT.__set__(self, text)
            return text

    @text.setter
    def text(self, value: str) -> None:
        _TEXT.__set__(self, value)

    @property
    def text_read(self) -> bool:
        """Whether the text is held (read, or given)."""
        try:
            _TEXT.__get__(self, Outline)
        except AttributeError:
            return False
        return True

    def __getstate__(self) -> list[Any]:  # pickled without reading the text or making a list
        return [_held(self, f.name) for f in fields(self)]

    def __setstate__(self, state: list[Any]) -> None:
        for f, value in zip(fields(self), state, strict=True):
            if f.name != "text" or value is not None:
                object.__setattr__(self, f.name, value)


made_when_read(Outline, *_LISTS)
made_when_read(Outline, "extra", make=dict)


def _held(outline: Outline, name: str) -> Any:
    """What the field ``name`` of ``outline`` holds, read without making it: None for a text not read
    yet, or a list (a dict) not made."""
    if name == "text":
        return _TEXT.__get__(outline, Outline) if outline.text_read else None
    if name in _MADE_WHEN_READ:
        return listed(outline, name) or None
    return getattr(outline, name)


def outline_of(document: Document) -> Outline:
    """``document`` (its top-level fields) as an Outline that holds no text until it is read."""
    outline = Outline.__new__(Outline)
    for f in fields(document):
        value = getattr(document, f.name)
        if f.name != "text":  # an empty list (dict): made when read
            object.__setattr__(outline, f.name, NOT_YET if f.name in _MADE_WHEN_READ and not value else value)
    return outline


def _read_text(outline: Outline) -> str:
    # deferred: the text-only reader, needed only when a listed document's text is first wanted
    from briefing_tui.model.text_only import load_text

    try:
        return load_text(outline.path).text
    except (LoadError, OSError):
        return ""
