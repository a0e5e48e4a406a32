"""A session's file on disk: the file as last read or written (``Saved``), and reading it again when
it changed under the session (``check_disk``): what others changed is taken in (``merge.merge``),
the annotations both sides changed become conflicts, settled one by one (``resolve``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from briefing_tui.edit import merge, ops
from briefing_tui.edit.atomic import SaveError
from briefing_tui.edit.history import Revision, Step, find
from briefing_tui.edit.merge import DiskState
from briefing_tui.edit.render import KINDS, Kind
from briefing_tui.model.loader import label_of, load_bytes
from briefing_tui.model.safe_yaml import BOM, Problems, read_file
from briefing_tui.model.types import Document, LoadError

if TYPE_CHECKING:
    from briefing_tui.edit.session import Session


@dataclass(slots=True)
class Saved:
    """The file as last read or written, and the annotations as they are in it."""

    data: bytes
    text: str
    ids: dict[Kind, list[str]]
    objects: dict[tuple[str, str], Any] = field(default_factory=dict)
    """Each annotation touched since, as it is in the file (None: not in the file)."""


def decode(data: bytes) -> str:
    return data[len(BOM) :].decode("utf-8") if data.startswith(BOM) else data.decode("utf-8")


def read(path: Path) -> bytes:
    problems = Problems(label_of(path))
    data = read_file(path, problems)
    if data is None:
        if any(p.code == "file-missing" for p in problems.items):
            raise FileNotFoundError(path)
        raise SaveError("unreadable", problems.items[0].message, problems.items)
    return data


def check_disk(session: Session) -> DiskState:
    """Read the file again; take in what others changed, and find the annotations both changed."""
    if session.foreign:
        return DiskState("unchanged")
    try:
        data = read(session.path)
    except FileNotFoundError:
        return DiskState("deleted")
    if data == session.saved.data:
        return (
            DiskState("conflicts", conflicts=tuple(session.pending_conflicts()))
            if session.conflicts
            else DiskState("unchanged")
        )
    try:
        theirs = load_bytes(data, label_of(session.path), path=session.path)
    except LoadError as exc:
        return DiskState("invalid", problems=tuple(exc.problems))
    merged = _merge(session, theirs, data)
    if session.conflicts:
        return DiskState("conflicts", merged, tuple(session.pending_conflicts()))
    return DiskState("merged", merged)


def _merge(session: Session, theirs: Document, data: bytes) -> int:
    text_changed = theirs.text != session.doc.text
    their_lists = ops.lists(theirs)
    unsaved = session.unsaved_layer()  # every annotation unlike the file's (in notes-only mode too)
    result = merge.merge(session.lists, their_lists, unsaved, session.saved.objects, text_changed)
    for kind, items in result.lists.items():
        session.lists[kind][:] = items
    session.conflicts.update(result.conflicts)
    merge.reference_conflicts(session.lists, result.objects, session.saved.objects, session.conflicts)
    if text_changed:
        session.doc.text = theirs.text
    session.doc.problems = theirs.problems
    # What the sidecar holds stays compared with the session: bookmarks, and the annotations of the
    # layer the file did not change, as the file now has them (one undone since it was saved beside
    # the file is still unsaved, though the session's version is the file's).
    layer = {key: session.current(*key) for key in session.layer_keys() if key[0] != "bookmark"}
    bookmarks = {k: v for k, v in session.saved.objects.items() if k[0] == "bookmark"}
    objects = {**layer, **result.objects, **bookmarks}
    session.saved = Saved(data, decode(data), {k: [a.id for a in their_lists[k]] for k in KINDS}, objects)
    session._changed()
    return result.count


def resolve(session: Session, kind: Kind, ident: str, keep: Literal["mine", "theirs"]) -> list[str]:
    """Settle a conflict: keep the session's version, or take the file's (an edit that can be undone).

    Returns what else had to change for the file to stay valid: references to an annotation
    that one side removed are dropped, and said.
    """
    conflict = session.conflicts.pop((kind, ident))
    current = session.current(kind, ident)
    chosen = current if keep == "mine" else conflict.theirs
    steps: list[Step] = []
    if chosen is not current:
        items = session.lists[kind]
        if chosen is None:
            steps.append(Step(kind, ident, current, None, find(items, ident)))
        elif current is None:
            steps.append(Step(kind, ident, None, chosen, len(items)))
        else:
            steps.append(Step(kind, ident, current, chosen, find(items, ident)))
        session._play(Revision("", tuple(steps)))
    notes: list[str] = []
    repairs = merge.dangling_steps(session.lists, notes)
    session._play(Revision("", tuple(repairs)))
    steps += repairs
    if steps:
        session.history.record(Revision(f"keep {keep} for {ident}", tuple(steps)))
    session._changed()
    return notes
