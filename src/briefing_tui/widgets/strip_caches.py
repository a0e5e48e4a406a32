"""Textual's strips, each made with no cache until it uses one.

A ``Strip`` is one line of a widget or of the screen. Textual gives each strip seven small caches
(of its crops, styles, divisions...) as it is made. Most strips never use any: those the compositor
cuts a line into at every widget's edge, those a widget keeps to draw again. The reader's screen holds
some 3,000 strips: their 20,000 empty caches were a quarter of what the reader took above Textual
itself (2.8 MB of 12 with the seed open), and making them cost time at every frame.

``caches_when_used()`` has each strip make a cache the first time it uses it, of the size Textual
gives it; a strip then keeps it, as before. Nothing else changes: what a strip caches, and when.
It reads Textual's own strip to learn which attributes are caches, and of what size; a strip that is
not made as this version of Textual makes it is left as it is (``applied()`` says which).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.segment import Segment
from textual.cache import FIFOCache
from textual.strip import Strip

__all__ = ["applied", "caches_when_used"]

_PLAIN = {"_render_cache": None, "_link_ids": None, "_cell_count": None}
"""What a new strip holds besides its segments, length and caches (in the version this was made for)."""
_applied = False


def applied() -> bool:
    """Whether strips make their caches when first used (False: Textual's strip was not as expected)."""
    return _applied


def caches_when_used() -> bool:
    """Have every strip made from now on make a cache when it first uses it. Done once; True if done."""
    global _applied
    if _applied:
        return True
    sizes = _cache_sizes(Strip)
    if sizes is None:
        return False
    for name, size in sizes.items():
        setattr(Strip, name, _made_when_used(Strip.__dict__[name], size))
    Strip.__init__ = _init  # type: ignore[method-assign]
    _applied = True
    return True


def _cache_sizes(strip_class: type[Any]) -> dict[str, int] | None:
    """Each cache of a new strip, by attribute, with its size; None if it holds anything unexpected."""
    probe = strip_class([])
    sizes: dict[str, int] = {}
    plain: dict[str, Any] = {}
    for name in strip_class.__slots__:
        if name in ("_segments", "_cell_length"):
            continue
        value = getattr(probe, name, _UNSET)
        if type(value) is FIFOCache and type(strip_class.__dict__.get(name)).__name__ == "member_descriptor":
            sizes[name] = value._maxsize
        else:
            plain[name] = value
    return sizes if sizes and plain == _PLAIN else None


_UNSET = object()


def _made_when_used(slot: Any, size: int) -> property:
    """The attribute of ``slot``: the strip's cache, made (of ``size``) the first time it is read."""

    def read(strip: Strip) -> FIFOCache[Any, Any]:
        try:
            return slot.__get__(strip, Strip)  # type: ignore[no-any-return]
        except AttributeError:  # not made yet
            cache: FIFOCache[Any, Any] = FIFOCache(size)
            slot.__set__(strip, cache)
            return cache

    return property(read, slot.__set__)


def _init(self: Strip, segments: Iterable[Segment], cell_length: int | None = None) -> None:
    # A strip as Textual makes it, but for its caches (made when first read).
    self._segments = list(segments)
    self._cell_length = cell_length
    self._render_cache = None
    self._link_ids = None
    self._cell_count = None
