"""Random checking sessions: edits, undos, redos, saves, changes made on disk by someone else, reloads,
and crashes followed by restoring the journal.

After every save, the file loads (through the hardened loader) as the document the session shows,
and every line of the file that belongs to no annotation the save wrote is byte for byte as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Set as AbstractSet
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from tests.unit.edit.support import FIXTURES, SEED, assert_only_touched, assert_reads_back

from briefing_tui.edit import journal, ops
from briefing_tui.edit.render import KINDS, doc_facets
from briefing_tui.edit.session import ConflictError, Session
from briefing_tui.model.types import Rating, Stance

WORDS = st.lists(
    st.sampled_from(
        [
            *"ab Zé’«»:#-'\"\n\t{}[]*&!%@`|>,?\x1b\x85\u2028\ufeff\r\u202e",
            "Niger",
            "true",
            "1",
            " # x",
            "\n\n",
            "- ",
        ]
    ),
    max_size=12,
).map("".join)
TODAY = date(2026, 12, 5)


class EditMachine(RuleBasedStateMachine):
    source = SEED
    notes_only = False

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="briefing-edit-"))
        self.path = self.folder / self.source.name
        shutil.copyfile(self.source, self.path)
        self.state_home = os.environ.get("XDG_STATE_HOME")
        os.environ["XDG_STATE_HOME"] = str(self.folder / "state")
        self.session = Session.open(self.path, notes_only=self.notes_only)
        journal.attach(self.session)

    def teardown(self) -> None:
        if self.state_home is None:
            os.environ.pop("XDG_STATE_HOME", None)
        else:
            os.environ["XDG_STATE_HOME"] = self.state_home
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def doc(self):  # noqa: ANN201
        return self.session.doc

    def pick(self, data: st.DataObject, kind: str | None = None):  # noqa: ANN201
        kinds = [k for k in KINDS if ops.lists(self.doc)[k]] if kind is None else [kind]
        if not kinds or not ops.lists(self.doc)[kinds[0]]:
            return None
        chosen = data.draw(st.sampled_from(kinds))
        return chosen, data.draw(st.sampled_from(ops.lists(self.doc)[chosen]))

    def passage(self, data: st.DataObject) -> tuple[int, int]:
        text = self.doc.text
        start = data.draw(st.integers(0, len(text) - 2))
        end = data.draw(st.integers(start + 1, min(len(text), start + 60)))
        return start, end

    def try_apply(self, make) -> None:  # noqa: ANN001
        with contextlib.suppress(ops.EditError):  # refused: bad input, or what notes-only mode cannot keep
            self.session.apply(make())

    # -- edits -----------------------------------------------------------------------------------------

    @precondition(lambda self: bool(self.doc.claims))
    @rule(data=st.data(), rating=st.sampled_from(list(Rating)), why=WORDS)
    def rate(self, data: st.DataObject, rating: Rating, why: str) -> None:
        claim = data.draw(st.sampled_from(self.doc.claims))
        self.try_apply(lambda: ops.rate_claim(self.doc, claim.id, rating, why, TODAY))

    @precondition(lambda self: any(c.verdict for c in self.doc.claims))
    @rule(data=st.data())
    def unrate(self, data: st.DataObject) -> None:
        claim = data.draw(st.sampled_from([c for c in self.doc.claims if c.verdict]))
        self.try_apply(lambda: ops.remove_verdict(self.doc, claim.id))

    @rule(data=st.data(), note=WORDS)
    def note(self, data: st.DataObject, note: str) -> None:
        picked = self.pick(data)
        if picked:
            self.try_apply(lambda: ops.set_note(self.doc, picked[0], picked[1].id, note))

    @rule(data=st.data(), verified=st.booleans())
    def verify(self, data: st.DataObject, verified: bool) -> None:
        picked = self.pick(data)
        if picked:
            self.try_apply(lambda: ops.set_verified(self.doc, picked[0], picked[1].id, verified))

    @rule(data=st.data())
    def make_claim(self, data: st.DataObject) -> None:
        start, end = self.passage(data)
        self.try_apply(lambda: ops.make_claim(self.doc, start, end))

    @rule(data=st.data(), kind=st.sampled_from(["person", "place", "custom-type"]))
    def make_entity(self, data: st.DataObject, kind: str) -> None:
        start, end = self.passage(data)
        self.try_apply(lambda: ops.make_entity(self.doc, start, end, kind))

    @precondition(lambda self: bool(self.doc.entities))
    @rule(data=st.data())
    def mention(self, data: st.DataObject) -> None:
        entity = data.draw(st.sampled_from(self.doc.entities))
        start, end = self.passage(data)
        self.try_apply(lambda: ops.add_mention(self.doc, entity.id, start, end))

    @precondition(lambda self: any(e.mentions for e in self.doc.entities))
    @rule(data=st.data())
    def unmention(self, data: st.DataObject) -> None:
        entity = data.draw(st.sampled_from([e for e in self.doc.entities if e.mentions]))
        index = data.draw(st.integers(0, len(entity.mentions) - 1))
        self.try_apply(lambda: ops.remove_mention(self.doc, "entity", entity.id, index))

    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        picked = self.pick(data)
        if picked:
            self.try_apply(lambda: ops.remove_annotation(self.doc, picked[0], picked[1].id))

    @precondition(lambda self: bool(self.doc.claims) and bool(self.doc.sources))
    @rule(data=st.data(), stance=st.sampled_from(list(Stance)))
    def attach(self, data: st.DataObject, stance: Stance) -> None:
        claim = data.draw(st.sampled_from(self.doc.claims))
        source = data.draw(st.sampled_from(self.doc.sources))
        self.try_apply(lambda: ops.attach_source(self.doc, "claim", claim.id, source.id, stance))

    @precondition(lambda self: bool(self.doc.claims))
    @rule(data=st.data(), title=WORDS, when=st.sampled_from(["", "2024-04", "2024~", "bad"]))
    def new_source(self, data: st.DataObject, title: str, when: str) -> None:
        claim = data.draw(st.sampled_from(self.doc.claims))
        self.try_apply(
            lambda: ops.attach_new_source(
                self.doc, "claim", claim.id, title, "Pub", when, "https://example.org/a"
            )
        )

    @precondition(lambda self: bool(ops.drafts(self.doc)))
    @rule(data=st.data(), accept=st.booleans())
    def review(self, data: st.DataObject, accept: bool) -> None:
        kind, ident = data.draw(st.sampled_from(ops.drafts(self.doc)))
        self.try_apply(lambda: (ops.accept_draft if accept else ops.reject_draft)(self.doc, kind, ident))

    @rule()
    def undo(self) -> None:
        self.session.undo()

    @rule()
    def redo(self) -> None:
        self.session.redo()

    # -- saving, the disk, reloading -------------------------------------------------------------------

    @rule(data=st.data())
    def save(self, data: st.DataObject) -> None:
        self.session.check_disk()
        if self.session.conflicts:
            with pytest.raises(ConflictError) as raised:
                self.session.save()
            for conflict in raised.value.conflicts:  # both sides are given, to choose from
                assert conflict.mine is self.session.current(conflict.kind, conflict.id)
                assert conflict.theirs is None or conflict.theirs.id == conflict.id
        for conflict in list(self.session.conflicts.values()):
            self.session.resolve(conflict.kind, conflict.id, data.draw(st.sampled_from(["mine", "theirs"])))
        before = self.path.read_text(encoding="utf-8-sig")
        touched = {(c.kind, c.id) for c in self.session.changes()}
        self.session.save()
        self.check_saved(before, touched)
        assert not self.session.modified

    def check_saved(self, before: str, touched: AbstractSet[tuple[str, str]]) -> None:
        assert_reads_back(self.path, self.doc)
        assert_only_touched(before, self.path.read_text(encoding="utf-8-sig"), touched)

    @rule(data=st.data(), note=WORDS)
    def someone_else_edits(self, data: st.DataObject, note: str) -> None:
        other = Session.open(self.path)
        kinds = [k for k in KINDS if ops.lists(other.doc)[k]]
        if not kinds:
            return
        kind = data.draw(st.sampled_from(kinds))
        target = data.draw(st.sampled_from(ops.lists(other.doc)[kind]))
        other.apply(ops.set_note(other.doc, kind, target.id, "theirs: " + note))
        other.save()
        self.session.check_disk()

    @precondition(lambda self: not self.session.modified and not self.session.conflicts)
    @rule()
    def reload(self) -> None:
        again = Session.open(self.path, notes_only=self.notes_only)
        if not self.notes_only:
            assert_reads_back(self.path, again.doc)
        self.session = again
        journal.attach(again)

    @rule(data=st.data())
    def bookmark(self, data: st.DataObject) -> None:
        start, end = self.passage(data)
        with contextlib.suppress(ops.EditError):
            self.session.add_bookmark(start, end, "b")

    @precondition(lambda self: self.session.modified and not self.session.conflicts)
    @rule()
    def crash_and_restore(self) -> None:
        """The reader stops without saving; the next start restores the journal."""
        [entry] = journal.pending()
        restored, skipped, _ = journal.restore(entry, notes_only=self.notes_only)
        assert skipped == []
        assert doc_facets(restored.doc) == doc_facets(self.session.doc)
        assert [(b.start, b.end) for b in restored.bookmarks] == [
            (b.start, b.end) for b in self.session.bookmarks
        ]
        self.session = restored

    @invariant()
    def nothing_saved_means_the_file_as_it_was(self) -> None:
        if not self.session.modified and not self.session.conflicts:
            assert self.path.read_bytes() == self.session.saved.data


class OddStylesMachine(EditMachine):
    source = FIXTURES / "odd.yaml"


class NotesOnlyMachine(EditMachine):
    """``--notes-only``: the file is never written; the sidecar gives the session's document back."""

    notes_only = True

    def check_saved(self, before: str, touched: AbstractSet[tuple[str, str]]) -> None:
        assert self.path.read_text(encoding="utf-8-sig") == before
        again = Session.open(self.path, notes_only=True)
        assert doc_facets(again.doc) == doc_facets(self.doc)
        assert [(b.start, b.end) for b in again.bookmarks] == [
            (b.start, b.end) for b in self.session.bookmarks
        ]


SETTINGS = settings(
    max_examples=int(os.environ.get("BRIEFING_EDIT_EXAMPLES", "15")),
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestSeedSessions = EditMachine.TestCase
TestSeedSessions.settings = SETTINGS
TestOddStylesSessions = OddStylesMachine.TestCase
TestOddStylesSessions.settings = SETTINGS
TestNotesOnlySessions = NotesOnlyMachine.TestCase
TestNotesOnlySessions.settings = SETTINGS
