"""Merging the file as someone else saved it with the session's unsaved edits.

Pure functions over annotation lists: ``merge`` takes every annotation the session did not change
from the file, keeps every one it did, and finds the conflicts (both sides changed the same
annotation since the last save, compared by meaning); ``reference_conflicts`` finds the references
to an annotation one side removed; ``dangling_steps`` drops such references once the person chose.
The session applies what they return (``Session.check_disk``, ``Session.resolve``).
"""

from __future__ import annotations

from collections.abc import MutableSequence
from dataclasses import dataclass, field
from typing import Any, Literal

from briefing_tui.edit import render
from briefing_tui.edit.history import Step, find
from briefing_tui.edit.ops import _without_reference
from briefing_tui.edit.render import KINDS, Annotation, Kind
from briefing_tui.model.types import Claim, Event, Problem, Source

__all__ = [
    "Conflict",
    "ConflictError",
    "DiskState",
    "Merged",
    "dangling_steps",
    "merge",
    "reference_conflicts",
]

Key = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Conflict:
    """One annotation changed both in the session and on disk since the last save.

    ``base`` is what both started from, ``mine`` the session's, ``theirs`` the file's (None: removed).
    """

    kind: Kind
    id: str
    base: Annotation | None
    mine: Annotation | None
    theirs: Annotation | None


class ConflictError(Exception):
    def __init__(self, conflicts: list[Conflict]) -> None:
        names = ", ".join(f"{c.kind} {c.id}" for c in conflicts[:5])
        super().__init__(f"changed on disk and here: {names}; choose which to keep")
        self.conflicts = conflicts


@dataclass(frozen=True, slots=True)
class DiskState:
    """What ``check_disk`` found: ``unchanged``, ``merged`` (others' edits taken in), ``conflicts``,
    ``deleted`` or ``invalid`` (with the problems of the file)."""

    state: Literal["unchanged", "merged", "conflicts", "deleted", "invalid"]
    merged: int = 0
    conflicts: tuple[Conflict, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass(slots=True)
class Merged:
    """The lists as merged, the file's version of each unsaved annotation, the conflicts found, and
    how many annotations the file changed."""

    lists: dict[str, MutableSequence[Any]]
    objects: dict[Key, Any]
    conflicts: dict[Key, Conflict] = field(default_factory=dict)
    count: int = 0


def same(a: Any, b: Any) -> bool:
    """Whether two versions of an annotation (None: absent) mean the same."""
    if a is None or b is None:
        return a is b
    return a is b or render.facets(a) == render.facets(b)


def merge(
    mine: dict[str, MutableSequence[Any]],
    theirs: dict[str, MutableSequence[Any]],
    unsaved: list[Key],
    saved: dict[Key, Any],
    text_changed: bool,
) -> Merged:
    """The file's lists ``theirs`` merged with the session's ``mine`` (``unsaved``: keys changed)."""
    result = Merged({}, {})
    for kind, ident in unsaved:
        base = saved[(kind, ident)]
        current = _get(mine[kind], ident)
        other = _get(theirs[kind], ident)
        result.objects[(kind, ident)] = other
        if not (same(other, base) and not text_changed) and not same(other, current):
            result.conflicts[(kind, ident)] = Conflict(kind, ident, base, current, other)  # type: ignore[arg-type]
    for kind in KINDS:
        mine_list = mine[kind]
        merged = list(theirs[kind])
        for obj in merged:
            if (kind, obj.id) not in result.objects:
                old = _get(mine_list, obj.id)
                result.count += old is None or not same(old, obj)
        for key in [k for k in unsaved if k[0] == kind]:
            current = _get(mine_list, key[1])
            at = find(merged, key[1])
            if current is None:
                if at >= 0:
                    del merged[at]
            elif at >= 0:
                merged[at] = current
            else:  # new here: after the nearest annotation before it that the file has
                before = find(mine_list, key[1]) - 1
                while before >= 0 and find(merged, mine_list[before].id) < 0:
                    before -= 1
                place = find(merged, mine_list[before].id) + 1 if before >= 0 else 0
                merged.insert(place, current)
        result.count += sum(
            1 for obj in mine_list if (kind, obj.id) not in result.objects and find(merged, obj.id) < 0
        )
        result.lists[kind] = merged
    return result


def _get(items: MutableSequence[Any], ident: str) -> Any:
    at = find(items, ident)
    return items[at] if at >= 0 else None


def _have(lists: dict[str, MutableSequence[Any]]) -> dict[str, set[str]]:
    return {"entity": {e.id for e in lists["entity"]}, "source": {s.id for s in lists["source"]}}


def references(obj: Annotation, target: str) -> set[str]:
    """The ids of the entities (``target`` "entity") or sources ``obj`` refers to."""
    if target == "entity":
        if isinstance(obj, Claim | Event):
            return set(obj.entities)
        return {obj.entity} if isinstance(obj, Source) and obj.entity else set()
    return {r.source for r in obj.sources} if isinstance(obj, Claim | Event) else set()


def reference_conflicts(
    lists: dict[str, MutableSequence[Any]],
    objects: dict[Key, Any],
    saved: dict[Key, Any],
    conflicts: dict[Key, Conflict],
) -> None:
    """A merge whose two sides are each valid may leave a reference to what the other removed: the
    unsaved annotations concerned (the one referring, the one removed) become conflicts too."""
    have = _have(lists)
    for kind in KINDS:
        for obj in lists[kind]:
            for target in ("entity", "source"):
                for missing in references(obj, target) - have[target]:
                    for key in ((kind, obj.id), (target, missing)):
                        if key in objects and key not in conflicts:
                            current = _get(lists[key[0]], key[1])
                            conflicts[key] = Conflict(key[0], key[1], saved.get(key), current, objects[key])  # type: ignore[arg-type]


def dangling_steps(lists: dict[str, MutableSequence[Any]], notes: list[str]) -> list[Step]:
    """Steps dropping every reference to an entity or source the lists no longer hold (said in ``notes``)."""
    have = _have(lists)
    steps = []
    for kind in KINDS:
        for at, obj in enumerate(lists[kind]):
            new = obj
            for target in ("entity", "source"):
                for missing in references(new, target) - have[target]:
                    new = _without_reference(new, target, missing)
                    notes.append(
                        f"{kind} {obj.id}: its reference to the removed {target} {missing} is dropped"
                    )
            if new is not obj:
                steps.append(Step(kind, obj.id, obj, new, at))
    return steps
