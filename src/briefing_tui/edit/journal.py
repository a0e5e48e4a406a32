"""Unsaved edits kept in the state folder, so that a crash or a killed terminal loses none of them.

``keep(session)`` (``Journal.attach`` calls it after every edit) writes the annotations that are not
saved yet, each as the YAML the file would hold, to ``$XDG_STATE_HOME/briefing/unsaved/`` (beside
the crash logs, ``crash.log_dir``), one file per document, atomically. A save that leaves nothing
unsaved removes it. At the next start, ``pending()`` lists what is waiting, and ``restore(entry)``
opens the file and makes those edits again, as one edit the person can undo. An entry left for the
start after (``set_aside``) is renamed, so that the edits made meanwhile, kept under the file's own
name, neither overwrite it nor remove it when they are saved.

The journal is read as the file is: each annotation through the hardened parser and the loader's
own checks, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from briefing_tui.crash import unsaved_dir, unsaved_file
from briefing_tui.edit import render
from briefing_tui.edit.atomic import write_atomic
from briefing_tui.edit.history import Revision, Step, find
from briefing_tui.edit.merge import Conflict, same
from briefing_tui.edit.render import KINDS, Annotation
from briefing_tui.edit.session import Session, in_layer
from briefing_tui.model.anchoring import Anchorer
from briefing_tui.model.build import Builder
from briefing_tui.model.safe_yaml import MappingNode, Problems, compose
from briefing_tui.model.types import Document

__all__ = ["Pending", "discard", "journal_dir", "keep", "pending", "restore", "set_aside"]

MAX_JOURNAL_BYTES = 64 * 1024 * 1024


def journal_dir() -> Path:
    return unsaved_dir()


def journal_file(path: Path) -> Path:
    return unsaved_file(path)  # named as the reader looks for it at start (``crash.unsaved_kept``)


def keep(session: Session) -> Path | None:
    """Write the session's unsaved annotations to the journal (or remove it when none is left).

    The journal of a session saved under another path (``Session.save_as``) goes with it: the edits
    kept for the file it left would, restored, write its old version over what the file holds now.
    Returns the journal's path, or None when nothing is kept or it could not be written (the
    session goes on: the journal is a safety net, never a reason to stop).
    """
    target = journal_file(session.path)
    left = session.journal_path
    if left is not None and left != target:  # saved under another path: nothing is kept for the old
        with contextlib.suppress(OSError):
            left.unlink()
        session.journal_path = None
    changes = [c for c in session.changes()]
    marks = [b for b in session.bookmarks]
    if not changes and not session.modified:
        with contextlib.suppress(OSError):
            target.unlink()
        session.journal_path = None
        return None
    entries = []
    for change in changes:
        items = session.lists[change.kind]
        at = find(items, change.id)
        entries.append(
            {
                "kind": change.kind,
                "id": change.id,
                "after": items[at - 1].id if at > 0 else None,  # what it follows in the session
                "yaml": _yaml(change.new, session),
                "base": _yaml(session.saved_version(change.kind, change.id), session),  # see restore
            }
        )
    data = {
        "version": 1,
        "path": str(Path(session.path).absolute()),
        "saved": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "file_sha256": hashlib.sha256(session.saved.data).hexdigest(),
        "notes_only": session.notes_only,  # the file was not to be written: restored so again
        "changes": entries,
        "bookmarks": [[b.id, b.start, b.end, b.label] for b in marks],
    }
    if not _write(target, data):
        return None
    session.journal_path = target
    return target


def _write(target: Path, data: dict[str, Any]) -> bool:
    """Write a journal entry (atomically: a stop mid-write leaves the one before); False when it
    could not be written."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    except OSError:
        return False
    return True


def _yaml(obj: Annotation | None, session: Session) -> str | None:
    return None if obj is None else render.dump(render.item_data(obj, session.doc.text))


def attach(session: Session) -> None:
    """Keep the journal of ``session`` up to date after each of its edits, undos, redos and saves."""
    session.on_change.append(keep)


@dataclass(frozen=True, slots=True)
class Pending:
    """Unsaved edits waiting in the journal."""

    journal: Path
    path: Path
    saved: str
    count: int
    same_file: bool
    """Whether the file is still the one the edits were made on (else they are merged as on a reload)."""
    notes_only: bool = False
    """Whether the edits were made notes-only (``--notes-only``, a read-only file, notes beside it):
    restored, they go to the sidecar again, never into the file."""


def pending() -> list[Pending]:
    """What the journal holds, newest first."""
    out = []
    folder = journal_dir()
    try:
        files = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return []
    for file in files:
        data = _read(file)
        if data is None:
            continue
        path = Path(str(data.get("path", "")))
        try:
            same = hashlib.sha256(path.read_bytes()).hexdigest() == data.get("file_sha256")
        except OSError:
            same = False
        changes = data.get("changes")
        marks = data.get("bookmarks")
        count = (len(changes) if isinstance(changes, list) else 0) + (
            len(marks) if isinstance(marks, list) else 0
        )
        notes_only = data.get("notes_only") is True
        out.append(Pending(file, path, str(data.get("saved", "")), count, same, notes_only))
    return out


def _read(file: Path) -> dict[str, Any] | None:
    try:
        if file.stat().st_size > MAX_JOURNAL_BYTES:
            return None
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("version") == 1 else None


def discard(entry: Pending) -> None:
    with contextlib.suppress(OSError):
        entry.journal.unlink()


def set_aside(entry: Pending) -> Pending:
    """Leave ``entry`` for the next start: renamed when it has the file's own name (``NAME-N.json``),
    so that the journal of the edits made from now on, under that name, leaves it alone. The entry
    as it is now (the same when it could not be renamed: it is then overwritten at the next edit)."""
    own = journal_file(entry.path)
    if entry.journal != own:
        return entry
    aside = _aside_name(own)
    if aside is None:
        return entry
    try:
        entry.journal.rename(aside)  # same folder: atomic
    except OSError:
        return entry
    return replace(entry, journal=aside)


def _aside_name(own: Path) -> Path | None:
    """A free name for an entry left for the next start beside the file's own (``NAME-N.json``)."""
    for n in range(1, 1000):
        aside = own.with_name(f"{own.stem}-{n}.json")
        if not aside.exists():
            return aside
    return None


def parse_annotation(kind: str, text: str, doc: Document) -> Annotation | None:
    """One annotation from the YAML the file would hold, read by the loader's rules (None: refused)."""
    problems = Problems("journal")
    node = compose(text, problems)
    if node is None or not isinstance(node, MappingNode):
        return None
    builder = Builder(doc.path, text, problems)
    builder.anchorer = Anchorer(doc.text)
    builder.text_length = len(doc.text)
    read = {
        "entity": builder.entity,
        "event": builder.event,
        "claim": builder.claim,
        "source": builder.source,
    }
    obj = read[kind](node)
    return None if problems.has_errors else obj


def restore(
    entry: Pending, *, notes_only: bool = False, into: Session | None = None
) -> tuple[Session, list[str], Pending | None]:
    """Open the file of ``entry`` and make its unsaved edits again (one edit, undoable).

    The session is notes-only when ``notes_only`` says so or the edits were made notes-only: edits
    meant for the sidecar never reach the file, whatever the reader was started with this time.
    Edits made for the file that a notes-only session cannot hold (new annotations, removals,
    changes beyond notes, ratings and marks) are not made: they stay kept for the next start, as an
    entry set aside, to be restored when the file is opened for writing.
    With ``into`` (a session already open on the file: edits of it set aside, then more kept), the
    edits are made in it. An annotation the file (or the sidecar) changed since the edit was made
    (unlike the ``base`` it was made on, and unlike the edit) becomes a conflict of the session, as
    on a reload: ``save`` shows both sides, never writes over the file's version unasked. An entry
    set aside goes once its edits are in the session's own journal.
    Returns the session, what could not be restored, and the entry that keeps what was left for a
    session that writes the file (None when nothing was). Raises ``LoadError`` when the file does
    not load.
    """
    if into is not None and entry.notes_only and not into.notes_only:
        return into, [f"edits made notes-only, kept until the edits of {entry.path.name} are saved"], None
    session = into or Session.open(entry.path, notes_only=notes_only or entry.notes_only)
    if into is None:
        attach(session)  # saving the restored edits clears the journal
    skipped: list[str] = []
    data = _read(entry.journal) or {}
    steps, conflicts = _steps(session, data, skipped)
    kept = None
    if session.notes_only and not all(in_layer(s) for s in steps):
        left = {(s.kind, s.id) for s in steps if not in_layer(s)}
        steps = [s for s in steps if in_layer(s)]
        kept = _keep_for_the_file(entry, data, left, whole=not steps)
        if kept is None:  # they could not be kept apart: nothing is made, the entry stays whole
            skipped.append("the edits the file alone can hold could not be kept apart; all stay kept")
            steps, kept = [], set_aside(entry)
        for key in left:
            conflicts.pop(key, None)
    made = _make_again(session, steps, conflicts, skipped)
    aside = entry.journal != journal_file(session.path)
    if made and aside and (keep(session) is not None or not session.modified):
        discard(entry)  # kept under the file's own name now (or nothing is left unsaved)
    return session, skipped, kept


def _keep_for_the_file(
    entry: Pending, data: dict[str, Any], left: set[tuple[str, str]], *, whole: bool
) -> Pending | None:
    """Keep the edits ``left`` of ``entry`` (its ``data``) for a session that writes the file: the
    entry itself, set aside, when it holds nothing else (``whole``), else a new entry set aside with
    them alone. None when it could not be written."""
    if whole:
        kept = set_aside(entry)
        return kept if kept.journal != journal_file(entry.path) else None
    changes = [
        c for c in data.get("changes") or [] if isinstance(c, dict) and (c.get("kind"), c.get("id")) in left
    ]
    rest = {key: value for key, value in data.items() if key not in ("changes", "bookmarks")}
    rest.update(changes=changes, notes_only=False)  # the bookmarks are restored now, not again
    aside = _aside_name(journal_file(entry.path))
    if aside is None or not _write(aside, rest):
        return None
    return Pending(aside, entry.path, entry.saved, len(changes), entry.same_file)


def _steps(
    session: Session, data: dict[str, Any], skipped: list[str]
) -> tuple[list[Step], dict[tuple[str, str], Conflict]]:
    """The steps that make the edits of a journal entry (``data``) again in ``session``, and the
    conflicts they meet; what cannot be made is added to ``skipped``."""
    steps: list[Step] = []
    conflicts: dict[tuple[str, str], Conflict] = {}
    lists = session.lists
    scratch = {k: list(v) for k, v in lists.items()}
    for change in data.get("changes") or []:
        if (
            not isinstance(change, dict)
            or change.get("kind") not in KINDS
            or not isinstance(change.get("id"), str)
        ):
            skipped.append("an entry of the journal that is not an edit")
            continue
        kind, ident = change["kind"], change["id"]
        items = scratch[kind]
        at = find(items, ident)
        obj = None
        if change.get("yaml") is not None:
            obj = parse_annotation(kind, str(change["yaml"]), session.doc)
            if obj is None or obj.id != ident:
                skipped.append(f"{kind} {ident}: its saved version does not read back")
                continue
        if (found := _conflict(change, items[at] if at >= 0 else None, obj, session.doc)) is not None:
            conflicts[(kind, ident)] = found
        if obj is None:
            if at >= 0:
                steps.append(Step(kind, ident, items[at], None, at))
                del items[at]
            continue
        if at >= 0:
            steps.append(Step(kind, ident, items[at], obj, at))
            items[at] = obj
        else:
            after = change.get("after")
            place = find(items, after) + 1 if isinstance(after, str) else 0
            steps.append(Step(kind, ident, None, obj, place))
            items.insert(place, obj)
    marks = data.get("bookmarks")
    kept = {str(m[0]) for m in marks if isinstance(m, list) and m} if isinstance(marks, list) else None
    for old in list(scratch["bookmark"]):  # the journal holds every bookmark: one removed stays removed
        if kept is not None and old.id not in kept:
            steps.append(Step("bookmark", old.id, old, None, find(scratch["bookmark"], old.id)))
            scratch["bookmark"].remove(old)
    for mark in marks if isinstance(marks, list) else []:
        if isinstance(mark, list) and len(mark) == 4 and find(scratch["bookmark"], str(mark[0])) < 0:
            ident, start, end, label = mark
            if type(start) is int and type(end) is int and 0 <= start < end <= len(session.doc.text):
                bookmark = render.Bookmark(str(ident), start, end, str(label))
                place = sum(
                    1 for b in scratch["bookmark"] if (b.start, b.end) < (start, end)
                )  # in text order
                steps.append(Step("bookmark", bookmark.id, None, bookmark, place))
                scratch["bookmark"].insert(place, bookmark)
    return steps, conflicts


def _make_again(
    session: Session, steps: list[Step], conflicts: dict[tuple[str, str], Conflict], skipped: list[str]
) -> bool:
    """Make ``steps`` in ``session`` as one edit, ``conflicts`` with them. Whether an edit was made."""
    if not steps:
        return False
    revision = Revision("restore unsaved edits", tuple(steps))
    session.conflicts.update(conflicts)  # before the edit: the journal it writes keeps their base
    try:
        session.apply(revision)
    except ValueError as exc:  # not one of them is made: the entry stays as it is
        skipped.append(str(exc))
        for key in conflicts:
            del session.conflicts[key]
        return False
    return True


def _conflict(change: dict[str, Any], theirs: Any, mine: Any, doc: Document) -> Conflict | None:
    """The edit ``change`` (made ``mine`` again) meets ``theirs``, the annotation as saved now: a
    conflict when both changed it since the ``base`` the edit was made on (an entry written before
    bases were kept has none: nothing is compared)."""
    if "base" not in change:
        return None
    base = change["base"]
    before = parse_annotation(change["kind"], str(base), doc) if base is not None else None
    if same(before, theirs) or same(theirs, mine):
        return None
    return Conflict(change["kind"], change["id"], before, mine, theirs)
