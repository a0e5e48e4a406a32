"""A checking session on one briefing file: edits, undo and redo, saving, and the file changing on disk.

The session holds the Document the reader shows (``doc``) and the file as it was last read or
written (``data``). Edits replace annotation objects (``history``); what differs from the file is
found by identity: an annotation is unsaved when the object in ``doc`` is not the one that was
there at the last save. Saving writes those annotations into the file's own text
(``patch.patch_text``) and the file atomically (``atomic.write_atomic``); nothing else of the
file changes. Before writing, the file on disk is read again: when someone else changed it, their
changes are taken in and ours are written over them, unless both changed the same annotation: then
``save`` raises ``ConflictError`` and the person chooses with ``resolve``.
"""

from __future__ import annotations

import os
from collections.abc import MutableSequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from briefing_tui.edit import disk, ops, render
from briefing_tui.edit.atomic import SaveError, WriteError, Written, write_atomic
from briefing_tui.edit.disk import Saved, decode, read
from briefing_tui.edit.history import History, Revision, Step, find, play
from briefing_tui.edit.merge import Conflict, ConflictError, DiskState
from briefing_tui.edit.patch import Change, Lines, changes, patch_text
from briefing_tui.edit.render import KINDS, Annotation, Bookmark, Kind
from briefing_tui.edit.sidecar import kept_reason, load_layer, save_layer, writable
from briefing_tui.edit.splice import SpliceError
from briefing_tui.model.loader import YAML_SUFFIXES, label_of, load_bytes
from briefing_tui.model.safe_yaml import BOM
from briefing_tui.model.types import Document, LoadError, Problem, Severity

__all__ = ["Conflict", "ConflictError", "DiskState", "SaveError", "Session"]

VERIFY_BYTES = 4 * 1024 * 1024
"""Up to this size, the text about to be written is loaded again and compared with the session first."""
SIDECAR_FIELDS = frozenset(("note", "verdict", "unverified"))
"""What a sidecar keeps of an annotation (with bookmarks): the person's own layer."""


class Session:
    """Edits to one briefing, and their saving. See ``briefing_tui.edit`` for the whole API."""

    def __init__(self, doc: Document, data: bytes, *, notes_only: bool = False) -> None:
        self.doc = doc
        self.path = Path(doc.path)
        self.notes_only = notes_only
        self.history = History()
        self.bookmarks: list[Bookmark] = []
        self.conflicts: dict[tuple[str, str], Conflict] = {}
        self.saved = Saved(data, decode(data), self._ids())
        self.journal_path: Path | None = None
        self.layer_problems: list[str] = []
        """What could not be read of the sidecar (for the person)."""
        self.kept_layer: list[dict[str, Any]] = []
        """Items of the sidecar this session does not edit (notes kept beside a file now opened for
        writing): written back as they were."""
        self.foreign = False
        """The file is not briefing YAML (an import): it is never read again nor written."""
        self._layer_mark: dict[tuple[str, str], Any] = {}
        """What the sidecar holds: bookmarks, and in notes-only mode the annotations of the layer."""
        self.on_change: list[Any] = []
        self._lines_seen: Lines = {}
        """The lines of the annotations saves replaced or removed (``patch_text``'s ``kept``): one an
        undo brings back is written as it was, its comments and style with it."""
        self._seeing: Lines = {}
        self._differs = False
        """Callables called with the session after each edit, undo, redo and save (the journal, the UI)."""

    # -- opening -------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, notes_only: bool = False) -> Session:
        """Load ``path`` through the hardened loader. Raises ``LoadError`` as ``load_document`` does."""
        session = cls._load(Path(path), notes_only)
        load_layer(session)
        return session

    @classmethod
    def _load(cls, path: Path, notes_only: bool) -> Session:
        try:
            data = read(path)
        except FileNotFoundError:
            missing = Problem(
                label_of(path), 1, 1, Severity.ERROR, "no such file", "check the path", "file-missing"
            )
            raise LoadError([missing]) from None
        doc = load_bytes(data, label_of(path), path=path)
        return cls(doc, data, notes_only=notes_only or not writable(path))

    @classmethod
    def for_document(cls, doc: Document, *, notes_only: bool = False) -> Session:
        """A session on a Document the reader already shows (``doc.path`` is read again).

        The session edits ``doc`` itself, so that the panes holding it see every edit. When the file
        changed since ``doc`` was loaded, ``doc`` takes the file's text and annotations first, as
        the live reload would. Raises ``LoadError`` when the file no longer loads.
        """
        return cls.read_for(doc, notes_only=notes_only).adopt(doc)

    @classmethod
    def read_for(cls, doc: Document, *, notes_only: bool = False) -> Session:
        """The slow half of ``for_document`` (reading and loading the file again: seconds for a
        10 MB briefing), which only reads ``doc``: it may run in a thread. ``adopt`` ends it."""
        path = Path(doc.path)
        if path.suffix.lower() not in YAML_SUFFIXES:  # an imported file (brat…): only the layer is kept
            try:
                data = read(path)
            except FileNotFoundError:
                data = b""
            session = cls(doc, data, notes_only=True)
            session.foreign = True
            return session
        session = cls._load(path, notes_only)
        session._differs = not render.same_document(session.doc, doc)
        if not session._differs:  # the file's objects are not needed: freed here, bit by bit
            fresh, session.doc = session.doc, doc
            for items in ops.lists(fresh).values():
                while items:
                    del items[-1000:]
        return session

    def adopt(self, doc: Document) -> Session:
        """The session made by ``read_for`` edits ``doc`` from now on (in the reader's thread)."""
        fresh = self.doc
        if fresh is not doc and self._differs:
            doc.text = fresh.text
            doc.problems = fresh.problems
            for name, items in ops.lists(fresh).items():
                ops.lists(doc)[name][:] = items
        self.doc = doc  # the reader's own objects (sources resolved in the collection…)
        load_layer(self)
        return self

    def _ids(self) -> dict[Kind, list[str]]:
        return {kind: [a.id for a in self.lists[kind]] for kind in KINDS}

    @property
    def lists(self) -> dict[str, MutableSequence[Any]]:
        return {**ops.lists(self.doc), "bookmark": self.bookmarks}

    # -- editing -------------------------------------------------------------------------------------

    def apply(self, revision: Revision) -> Revision:
        """Make ``revision`` (from ``ops``) and record it for undo. Raises ``EditError`` when refused."""
        if self.notes_only:
            self._check_layer_only(revision)
        self._play(revision)
        self.history.record(revision)
        self._changed()
        return revision

    def undo(self) -> Revision | None:
        """Undo the last edit (across saves too); returns it, or None when there is nothing to undo."""
        if not self.history.done:
            return None
        revision = self.history.done.pop()
        self._play(revision.inverse())
        self.history.undone.append(revision)
        self._changed()
        return revision

    def redo(self) -> Revision | None:
        if not self.history.undone:
            return None
        revision = self.history.undone.pop()
        self._play(revision)
        self.history.done.append(revision)
        self._changed()
        return revision

    def _play(self, revision: Revision) -> None:
        objects = self.saved.objects
        for step in play(self.lists, revision):
            objects.setdefault((step.kind, step.id), step.before)

    def _changed(self) -> None:
        for callback in list(self.on_change):
            callback(self)

    def _check_layer_only(self, revision: Revision) -> None:
        if not all(in_layer(step) for step in revision.steps):
            raise ops.EditError(kept_reason(self.foreign))

    def add_bookmark(self, start: int, end: int, label: str = "") -> Revision:
        ops.span_of(self.doc, start, end)
        ident = f"b{start}-{end}"
        if find(self.bookmarks, ident) >= 0:
            raise ops.EditError("this passage is already bookmarked")
        at = sum(1 for b in self.bookmarks if (b.start, b.end) < (start, end))
        step = Step("bookmark", ident, None, Bookmark(ident, start, end, label), at)
        return self.apply(Revision("bookmark", (step,)))

    def remove_bookmark(self, ident: str) -> Revision:
        at = find(self.bookmarks, ident)
        if at < 0:
            raise ops.EditError("no such bookmark")
        return self.apply(
            Revision("remove bookmark", (Step("bookmark", ident, self.bookmarks[at], None, at),))
        )

    # -- what is unsaved -----------------------------------------------------------------------------

    def current(self, kind: str, ident: str) -> Any:
        items = self.lists[kind]
        at = find(items, ident)
        return items[at] if at >= 0 else None

    def unsaved(self) -> list[tuple[str, str]]:
        """The annotations (and bookmarks) that differ from what is saved (the file, or the sidecar)."""
        mark = self._layer_mark
        objects = self.saved.objects
        if len(objects) <= 8:
            return [key for key, obj in objects.items() if self.current(*key) is not mark.get(key, obj)]
        lists = self.lists
        now = {kind: {a.id: a for a in lists[kind]} for kind in {k for k, _ in objects}}
        return [key for key, obj in objects.items() if now[key[0]].get(key[1]) is not mark.get(key, obj)]

    def file_object(self, kind: str, ident: str) -> Any:
        """The annotation as the file has it (None: not in the file)."""
        key = (kind, ident)
        return self.saved.objects[key] if key in self.saved.objects else self.current(kind, ident)

    def saved_version(self, kind: str, ident: str) -> Any:
        """What an edited annotation started from: as saved (the sidecar's version in notes-only
        mode, else the file's; None: absent), or, in a conflict not settled, what both sides did."""
        key = (kind, ident)
        if key in self.conflicts:
            return self.conflicts[key].base
        return self._layer_mark.get(key, self.file_object(kind, ident))

    def unsaved_layer(self) -> list[tuple[str, str]]:
        """The annotations unlike the file's, whether or not the sidecar holds them (in notes-only
        mode: the notes, verdicts and marks of the person's layer)."""
        return [
            key
            for key, obj in self.saved.objects.items()
            if key[0] != "bookmark" and self.current(*key) is not obj
        ]

    def layer_saved(self) -> None:
        """The sidecar now holds the layer: bookmarks (and in notes-only mode, annotations) are saved."""
        for key in self.saved.objects:
            if key[0] == "bookmark" or self.notes_only:
                self._layer_mark[key] = self.current(*key)

    def layer_keys(self) -> list[tuple[str, str]]:
        """The bookmarks and annotations the sidecar holds as saved."""
        return list(self._layer_mark)

    def load_layer_steps(self, revision: Revision) -> None:
        """Apply what the sidecar holds, as saved (not an edit to undo)."""
        self._play(revision)
        self.layer_saved()

    @property
    def modified(self) -> bool:
        return bool(self.unsaved())

    def changes(self) -> list[Change]:
        """The unsaved annotations as the file must change, in the session's order (``patch.changes``)."""
        return changes(self.lists, self.saved.ids, self.saved.objects, set(self.unsaved()))

    # -- saving --------------------------------------------------------------------------------------

    def text_to_save(self) -> str:
        """The file's text with the session's annotations written in (``SaveError`` when it cannot be)."""
        try:
            seen: Lines = {}
            self._seeing = seen  # kept once written (``_saved``)
            args = (self.saved.text, self.saved.ids, self.changes(), self.doc.text)
            return patch_text(*args, self._lines_seen, seen)
        except SpliceError as exc:
            raise SaveError("shape", f"{label_of(self.path)}: cannot write the changes: {exc}") from None

    def _encoded(self, text: str) -> bytes:
        try:
            body = text.encode("utf-8")
        except UnicodeEncodeError:
            raise SaveError(
                "verify", "the changes hold text that is not valid Unicode; nothing was written"
            ) from None
        return (BOM if self.saved.data.startswith(BOM) else b"") + body

    def save(self, *, overwrite: bool = False) -> Written | None:
        """Write the unsaved edits into the file (None when there were none to write).

        Raises:
            ConflictError: the same annotations changed on disk; ``resolve`` each, then save again.
            SaveError: nothing written (deleted or unwritable file, invalid file on disk…).
        """
        if self.notes_only:
            if self.conflicts:  # the layer would hide what the file now says: the person chooses
                raise ConflictError(self.pending_conflicts())
            layer = save_layer(self)
            self._changed()
            return layer
        if not overwrite:
            state = self.check_disk()
            if state.state == "deleted":
                raise SaveError("deleted", f"{label_of(self.path)} was deleted: save it elsewhere")
            if state.state == "invalid":
                raise SaveError(
                    "invalid",
                    f"{label_of(self.path)} was changed on disk and no longer loads: "
                    "save elsewhere, or overwrite it",
                    list(state.problems),
                )
        if self.conflicts:
            raise ConflictError(self.pending_conflicts())
        if self.path.exists() and not os.access(self.path, os.W_OK):
            # A rename would replace it all the same: a read-only file is the person's "do not write".
            raise SaveError("unwritable", f"{label_of(self.path)} is read-only: save it elsewhere")
        written = None
        if any(kind != "bookmark" for kind, _ in self.unsaved()) or (overwrite and not self.path.exists()):
            text = self.text_to_save()
            data = self._encoded(text)
            self._verify(data)
            try:
                written = write_atomic(self.path, data)
            except WriteError as exc:
                raise SaveError("unwritable", str(exc)) from None
            self._saved(data, text)
        if any(kind == "bookmark" for kind, _ in self.unsaved()):
            save_layer(self)
        self._changed()
        return written

    def save_as(self, path: str | Path) -> Written:
        """Write the session's version to ``path`` (a deleted or unwritable file); the session follows it."""
        self._layer_mark = {k: v for k, v in self._layer_mark.items() if k[0] == "bookmark"}
        text = self.text_to_save()
        data = self._encoded(text)
        self._verify(data)
        try:
            written = write_atomic(Path(path), data)
        except WriteError as exc:
            raise SaveError("unwritable", str(exc)) from None
        self.path = Path(path)
        self.doc.path = self.path
        self._saved(data, text)
        self.notes_only = False
        self._layer_mark = {k: v for k, v in self._layer_mark.items() if k[0] == "bookmark"}
        self._changed()
        return written

    def _verify(self, data: bytes) -> None:
        """What is about to be written must load, through the hardened loader, as the session's model."""
        if len(data) > VERIFY_BYTES:
            return
        try:
            again = load_bytes(data, label_of(self.path), path=self.path)
        except LoadError as exc:
            raise SaveError(
                "verify", "the changes would not load back; nothing was written", exc.problems
            ) from None
        if render.doc_facets(again) != render.doc_facets(self.doc):
            raise SaveError("verify", "the changes would not read back as shown; nothing was written")

    def _saved(self, data: bytes, text: str) -> None:
        self._lines_seen.update(self._seeing)
        self._seeing = {}
        bookmarks = {k: v for k, v in self.saved.objects.items() if k[0] == "bookmark"}
        self.saved = Saved(data, text, self._ids(), bookmarks)

    # -- the file changed on disk --------------------------------------------------------------------

    def check_disk(self) -> DiskState:
        """Read the file again; take in what others changed, and find the annotations both changed."""
        return disk.check_disk(self)

    def pending_conflicts(self) -> list[Conflict]:
        """The conflicts not settled yet, ``mine`` being the session's version now."""
        return [replace(c, mine=self.current(c.kind, c.id)) for c in self.conflicts.values()]

    def resolve(self, kind: Kind, ident: str, keep: Literal["mine", "theirs"]) -> list[str]:
        """Settle a conflict: keep the session's version, or take the file's (an edit that can be undone).

        Returns what else had to change for the file to stay valid: references to an annotation
        that one side removed are dropped, and said.
        """
        return disk.resolve(self, kind, ident, keep)


def in_layer(step: Step) -> bool:
    """Whether a notes-only session can make ``step``: a bookmark, or a change of an annotation's
    note, rating or verification mark only (never a new annotation, a removal, a span or a link)."""
    if step.kind == "bookmark":
        return True
    return (
        step.before is not None
        and step.after is not None
        and not (_differs(step.before, step.after) - SIDECAR_FIELDS)
    )


def _differs(a: Annotation, b: Annotation) -> set[str]:
    fa, fb = render.facets(a), render.facets(b)
    return {k for k in fa.keys() | fb.keys() if fa.get(k) != fb.get(k)}
