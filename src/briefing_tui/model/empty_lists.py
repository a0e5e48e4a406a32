"""List attributes that hold no list until one is needed. Pure: stdlib only.

Most claims and events list no entity and nothing unverified, and most entities no alias: a large
file has tens of thousands of such lists, each an empty list object of its own (56 bytes) if
made at once. A field given ``NOT_YET`` holds None instead; reading it makes the empty list and
keeps it, so that what is appended to it stays; setting it sets it. Everything else reads the
attribute as the list it always is (``claim.entities``), equality and pickling included. A listed
document (``outlined.Outline``) keeps its lists, and its ``extra`` dict, the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["NOT_YET", "listed", "made_when_read"]

NOT_YET: Any = None
"""The default of such a field, and what the loader gives it when the file lists nothing."""

_SLOTS: dict[tuple[type, str], Any] = {}
"""Each such field's own slot (its member descriptor), by class and name."""


def made_when_read(cls: type, *names: str, make: Callable[[], Any] = list) -> None:
    """Make the slotted attributes ``names`` of ``cls`` (its own slots or a base class's) lists, or
    what ``make`` makes, made when first read."""
    for name in names:
        slot = next(c.__dict__[name] for c in cls.__mro__ if name in c.__dict__)
        _SLOTS[cls, name] = slot

        def read(obj: object, slot: Any = slot) -> Any:
            value = slot.__get__(obj)
            if value is None:
                value = make()
                slot.__set__(obj, value)
            return value

        setattr(cls, name, property(read, slot.__set__, doc=f"``{name}``: made when first read."))


def listed(obj: object, name: str) -> Sequence[Any]:
    """What ``obj.name`` lists, read without making the list when it holds none yet (a navigator
    that scans every claim for an entity should not give each claim a list)."""
    slot = _SLOTS.get((type(obj), name))
    if slot is None:
        return getattr(obj, name)  # type: ignore[no-any-return]
    return slot.__get__(obj) or ()
