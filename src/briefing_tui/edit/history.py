"""Edits as replacements of whole annotations, so that each can be undone and redone exactly.

An annotation object is never changed in place: an edit puts a new object where the old one was
(``Step``), and undoing puts the old object back. A ``Revision`` is what one action of the person
does (rating a claim, removing an entity and every reference to it…), one or more steps, undone
and redone as one. Because objects are only replaced, "is this annotation as it was saved?" is
``current is saved``, and the history needs no copies of the document.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableSequence, Sequence
from dataclasses import dataclass, field
from typing import Any

from briefing_tui.model.claim_table import ClaimTable

__all__ = ["History", "Revision", "Step", "find"]


@dataclass(frozen=True, slots=True)
class Step:
    """In list ``kind``: ``before`` becomes ``after`` (None: added or removed) at position ``index``."""

    kind: str
    id: str
    before: Any
    after: Any
    index: int


@dataclass(frozen=True, slots=True)
class Revision:
    """One action of the person: its steps in order, and what to call it (``"rate C1"``)."""

    label: str
    steps: tuple[Step, ...]

    def inverse(self) -> Revision:
        steps = tuple(Step(s.kind, s.id, s.after, s.before, s.index) for s in reversed(self.steps))
        return Revision(f"undo {self.label}", steps)


def find(items: Sequence[Any], ident: str) -> int:
    """The position of the annotation ``ident`` in ``items``, or -1 (a table of claims reads its
    column of ids, making none of them)."""
    if isinstance(items, ClaimTable):
        return items.index_of(ident)
    for i, item in enumerate(items):
        if item.id == ident:
            return i
    return -1


def play(lists: dict[str, MutableSequence[Any]], revision: Revision) -> Iterator[Step]:
    """Make the steps of ``revision`` in ``lists``; yields each step once made."""
    for step in revision.steps:
        items = lists[step.kind]
        if step.before is None:
            items.insert(min(step.index, len(items)), step.after)
        else:
            at = find(items, step.id)
            if at < 0:
                raise LookupError(f"no {step.kind} '{step.id}'")
            if step.after is None:
                del items[at]
            else:
                items[at] = step.after
        yield step


@dataclass(slots=True)
class History:
    """Undo and redo stacks of revisions. Saving does not touch them: undo works across saves."""

    done: list[Revision] = field(default_factory=list)
    undone: list[Revision] = field(default_factory=list)

    def record(self, revision: Revision) -> None:
        self.done.append(revision)
        self.undone.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self.done)

    @property
    def can_redo(self) -> bool:
        return bool(self.undone)
