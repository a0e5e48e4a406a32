"""Saving writes the edits into the file's own text: every other byte stays as the person wrote it."""

from __future__ import annotations

import difflib
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from tests.support.checks import present
from tests.unit.edit.support import FIXTURES, SEED, assert_only_touched, assert_reads_back

from briefing_tui.edit import ops
from briefing_tui.edit.session import ConflictError, SaveError, Session
from briefing_tui.model import load_document
from briefing_tui.model.types import Rating

TODAY = date(2026, 12, 5)


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    path = tmp_path / "seed.yaml"
    shutil.copyfile(SEED, path)
    return path


def write(tmp_path: Path, text: str, name: str = "doc.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


SMALL = """format: 1
id: small
title: Small
language: en
text: |-
  Alpha beta gamma delta.
claims:
  - id: c1
    span: [0, 5]   # Alpha
"""


def test_saving_without_edits_writes_nothing(seed: Path) -> None:
    before = seed.stat()
    session = Session.open(seed)
    assert session.save() is None
    assert seed.read_bytes() == SEED.read_bytes()
    assert seed.stat().st_mtime_ns == before.st_mtime_ns


def test_an_edit_undone_leaves_the_file_byte_identical(seed: Path) -> None:
    session = Session.open(seed)
    session.apply(ops.rate_claim(session.doc, "C1", Rating.FALSE, "no", TODAY))
    session.undo()
    assert not session.modified
    session.save()
    assert seed.read_bytes() == SEED.read_bytes()


def test_rating_a_claim_changes_only_its_verdict_lines(seed: Path) -> None:
    session = Session.open(seed)
    later = date(2027, 1, 2)  # another day than the seed's review
    session.apply(ops.rate_claim(session.doc, "C1", "misleading", "Two lines\nof reasons", later))
    session.save()
    old, new = SEED.read_text(encoding="utf-8").splitlines(), seed.read_text(encoding="utf-8").splitlines()
    diff = list(difflib.ndiff(old, new))  # in order: a line equal to one elsewhere still counts
    removed = [line[2:] for line in diff if line.startswith("- ")]
    added = [line[2:] for line in diff if line.startswith("+ ")]
    verdict_words = ("rating", "explanation", "Confirmed", "presented", "reviewed")
    assert all(any(word in line for word in verdict_words) for line in removed), removed
    assert added == [
        "      rating: misleading",
        "      explanation: |-",
        "        Two lines",
        "        of reasons",
        "      reviewed: 2027-01-02",
    ]
    assert [line for line in old if line.lstrip().startswith("#")] == [
        line for line in new if line.lstrip().startswith("#")
    ]
    assert_reads_back(seed, session.doc)


def test_a_value_keeps_the_comment_after_it(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        SMALL.replace("    span: [0, 5]   # Alpha\n", "    span: [0, 5]   # Alpha\n    note: old  # why\n"),
    )
    session = Session.open(path)
    session.apply(ops.set_note(session.doc, "claim", "c1", "new"))
    session.save()
    assert "    note: new  # why\n" in path.read_text(encoding="utf-8")


def test_a_new_key_goes_where_the_format_puts_it(tmp_path: Path) -> None:
    path = write(tmp_path, SMALL + "    note: kept last\n")
    session = Session.open(path)
    session.apply(ops.rate_claim(session.doc, "c1", "supported", "", TODAY))
    session.save()
    text = path.read_text(encoding="utf-8")
    assert text.index("verdict:") < text.index("note: kept last")
    assert text.startswith(SMALL)  # the span and its comment untouched


def test_crlf_and_byte_order_mark_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + SMALL.replace("\n", "\r\n").encode("utf-8"))
    session = Session.open(path)
    session.apply(ops.set_note(session.doc, "claim", "c1", "a\nb"))
    session.apply(ops.make_claim(session.doc, 6, 10))
    session.save()
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert_reads_back(path, session.doc)


def test_a_flow_list_of_claims_gets_its_new_claim_in_flow_style(tmp_path: Path) -> None:
    text = SMALL.replace(
        "claims:\n  - id: c1\n    span: [0, 5]   # Alpha\n", "claims: [{id: c1, span: [0, 5]}]  # flow\n"
    )
    path = write(tmp_path, text)
    session = Session.open(path)
    session.apply(ops.make_claim(session.doc, 6, 10))
    session.apply(ops.set_note(session.doc, "claim", "c1", "n"))
    session.save()
    saved = path.read_text(encoding="utf-8")
    assert (
        "claims: [{id: c1, span: [0, 5], note: n}, {id: C1, span: {exact: beta, start: 6, end: 10}}]  # flow"
        in saved
    )
    assert_reads_back(path, session.doc)


def test_a_document_without_entities_gets_the_list(tmp_path: Path) -> None:
    path = write(tmp_path, SMALL)
    session = Session.open(path)
    session.apply(ops.make_entity(session.doc, 11, 16, "place"))
    session.save()
    assert path.read_text(encoding="utf-8").startswith(SMALL)
    assert_reads_back(path, session.doc)
    assert load_document(path).entities[0].name == "gamma"


def test_odd_styles_keep_everything_untouched(tmp_path: Path) -> None:
    path = tmp_path / "odd.yaml"
    shutil.copyfile(FIXTURES / "odd.yaml", path)
    session = Session.open(path)
    session.apply(ops.add_mention(session.doc, "agency", 0, 3))
    session.apply(ops.set_note(session.doc, "claim", "c-fell", "checked"))
    session.apply(ops.accept_draft(session.doc, "claim", "c-rose"))
    keys = {(c.kind, c.id) for c in session.changes()}
    session.save()
    before = (FIXTURES / "odd.yaml").read_text(encoding="utf-8")
    after = path.read_text(encoding="utf-8")
    assert_only_touched(before, after, keys)
    assert (
        "- {id: agency, name: Stats Office, type: organisation, mentions: [{quote: Stats Office}, {exact: The"
        in after
    )
    assert "draft: true" not in after
    assert "      explanation: >-\n        Fell by 3 points" in after  # the verdict was not touched
    assert_reads_back(path, session.doc)


def test_removing_a_source_removes_its_references(seed: Path) -> None:
    session = Session.open(seed)
    users = [c.id for c in session.doc.claims if any(r.source == "S-state-0424" for r in c.sources)]
    assert users
    session.apply(ops.remove_annotation(session.doc, "source", "S-state-0424"))
    session.save()
    doc = load_document(seed)
    assert doc.source("S-state-0424") is None
    assert not any(r.source == "S-state-0424" for c in doc.claims for r in c.sources)


def test_undo_and_redo_work_across_saves(seed: Path) -> None:
    session = Session.open(seed)
    session.apply(ops.set_note(session.doc, "claim", "C1", "first"))
    session.save()
    session.undo()
    assert session.modified
    session.save()
    assert present(load_document(seed).claim("C1")).note == present(load_document(SEED).claim("C1")).note
    session.redo()
    session.save()
    assert present(load_document(seed).claim("C1")).note == "first"


def test_a_symlink_is_written_through_and_said(tmp_path: Path, seed: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(seed)
    session = Session.open(link)
    session.apply(ops.set_note(session.doc, "claim", "C1", "via link"))
    written = session.save()
    assert written is not None and written.through_link == link and written.path == seed.resolve()
    assert link.is_symlink()
    assert present(load_document(seed).claim("C1")).note == "via link"


def test_the_mode_of_the_file_is_kept(seed: Path) -> None:
    seed.chmod(0o640)
    session = Session.open(seed)
    session.apply(ops.set_note(session.doc, "claim", "C1", "x"))
    session.save()
    assert seed.stat().st_mode & 0o777 == 0o640
    assert not [p for p in seed.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_deleted_file_keeps_the_edits_and_saves_elsewhere(seed: Path, tmp_path: Path) -> None:
    session = Session.open(seed)
    session.apply(ops.set_note(session.doc, "claim", "C1", "kept"))
    seed.unlink()
    with pytest.raises(SaveError) as raised:
        session.save()
    assert raised.value.code == "deleted"
    assert session.modified
    elsewhere = tmp_path / "elsewhere.yaml"
    session.save_as(elsewhere)
    assert present(load_document(elsewhere).claim("C1")).note == "kept"
    assert not session.modified and session.path == elsewhere


def test_a_file_broken_on_disk_is_not_overwritten_unless_asked(seed: Path) -> None:
    session = Session.open(seed)
    session.apply(ops.set_note(session.doc, "claim", "C1", "mine"))
    seed.write_text("id: [broken", encoding="utf-8")
    with pytest.raises(SaveError) as raised:
        session.save()
    assert raised.value.code == "invalid" and raised.value.problems
    assert seed.read_text(encoding="utf-8") == "id: [broken"
    session.save(overwrite=True)
    assert present(load_document(seed).claim("C1")).note == "mine"


def test_edits_elsewhere_on_disk_are_merged(seed: Path) -> None:
    mine, theirs = Session.open(seed), Session.open(seed)
    mine.apply(ops.set_note(mine.doc, "claim", "C1", "mine"))
    theirs.apply(ops.set_note(theirs.doc, "claim", "C2", "theirs"))
    theirs.apply(ops.make_claim(theirs.doc, 0, 5))
    theirs.save()
    state = mine.check_disk()
    assert state.state == "merged" and state.merged == 2
    assert present(mine.doc.claim("C2")).note == "theirs"
    mine.save()
    doc = load_document(seed)
    assert (present(doc.claim("C1")).note, present(doc.claim("C2")).note) == ("mine", "theirs")
    assert_reads_back(seed, mine.doc)


@pytest.mark.parametrize("keep", ["mine", "theirs"])
def test_the_same_annotation_edited_on_disk_is_a_conflict_to_choose(seed: Path, keep: str) -> None:
    mine, theirs = Session.open(seed), Session.open(seed)
    mine.apply(ops.set_note(mine.doc, "claim", "C1", "mine"))
    theirs.apply(ops.set_note(theirs.doc, "claim", "C1", "theirs"))
    theirs.save()
    on_disk = seed.read_bytes()
    with pytest.raises(ConflictError) as raised:
        mine.save()
    [conflict] = raised.value.conflicts
    assert conflict.mine is not None and conflict.theirs is not None
    assert (conflict.mine.note, conflict.theirs.note) == ("mine", "theirs")
    assert seed.read_bytes() == on_disk  # nothing overwritten
    mine.resolve("claim", "C1", keep)  # type: ignore[arg-type]
    mine.save()
    assert present(load_document(seed).claim("C1")).note == keep


def test_a_full_disk_keeps_the_old_file_and_the_edits(seed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing_tui.edit import atomic

    def full(folder: Path, name: str) -> tuple[int, str]:
        return os.open("/dev/full", os.O_WRONLY), str(folder / f".{name}.never-created.tmp")

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    monkeypatch.setattr(atomic, "_open_temp", full)
    session = Session.open(seed)
    session.apply(ops.set_note(session.doc, "claim", "C1", "unsaved"))
    with pytest.raises(SaveError) as raised:
        session.save()
    assert raised.value.code == "unwritable" and "disk is full" in str(raised.value)
    assert seed.read_bytes() == SEED.read_bytes()
    assert session.modified and present(session.doc.claim("C1")).note == "unsaved"


def test_a_session_on_the_readers_document_edits_that_document(seed: Path) -> None:
    from briefing_tui.files import load_paths

    collection = load_paths([seed])
    [doc] = collection.documents
    claims = doc.claims
    session = Session.for_document(doc)
    session.apply(ops.set_note(doc, "claim", "C1", "seen by the panes"))
    assert (
        session.doc is doc and doc.claims is claims and present(doc.claim("C1")).note == "seen by the panes"
    )
    session.save()
    assert present(load_document(seed).claim("C1")).note == "seen by the panes"


def test_a_session_on_a_document_changed_since_it_was_shown_takes_the_file(seed: Path) -> None:
    doc = load_document(seed)
    other = Session.open(seed)
    other.apply(ops.set_note(other.doc, "claim", "C2", "changed meanwhile"))
    other.save()
    session = Session.for_document(doc)
    assert (
        session.doc is doc and present(doc.claim("C2")).note == "changed meanwhile" and not session.modified
    )


def test_a_file_made_read_only_after_opening_is_not_replaced(
    seed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_tui.edit import session as session_module

    session = Session.open(seed)
    session.apply(ops.set_note(session.doc, "claim", "C1", "kept"))
    real = session_module.os.access
    monkeypatch.setattr(
        session_module.os, "access", lambda p, mode: False if Path(p) == seed else real(p, mode)
    )
    with pytest.raises(SaveError, match="read-only") as raised:
        session.save()
    assert raised.value.code == "unwritable" and session.modified
    assert seed.read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize(
    "note", ["esc \x1b[31m", "nul \x00", "bidi \u202e", "nel \x85", "ls \u2028", "bom \ufeff", "cr\r\nlf"]
)
def test_notes_with_control_characters_read_back_exactly(seed: Path, note: str) -> None:
    session = Session.open(seed)
    session.apply(ops.set_note(session.doc, "claim", "C1", note))
    session.save()
    assert present(load_document(seed).claim("C1")).note == note


def test_a_new_claim_is_set_apart_by_a_blank_line_as_its_neighbours_are(seed: Path) -> None:
    session = Session.open(seed)
    session.apply(ops.make_claim(session.doc, 0, 20, claim_id="C-new"))
    session.save()
    lines = seed.read_text(encoding="utf-8").splitlines()
    at = lines.index("  - id: C-new")
    assert lines[at - 1] == "", lines[at - 3 : at + 1]
    assert lines[at - 2].strip(), "one blank line, not two"
    assert_reads_back(seed, session.doc)


def test_removing_a_folded_last_key_keeps_the_blank_line_after_its_item(seed: Path) -> None:
    before = seed.read_text(encoding="utf-8")
    session = Session.open(seed)
    session.apply(ops.set_note(session.doc, "source", "S-state-0424", ""))
    session.save()
    after = seed.read_text(encoding="utf-8")
    assert "almost word for word" not in after
    lines = after.splitlines()
    assert lines[lines.index("  - id: S-voa-0424") - 1] == ""
    # only the note's lines went
    removed = [line for line in difflib.ndiff(before.splitlines(), lines) if line.startswith("- ")]
    assert len(removed) == 4 and removed[0] == "-     note: >-", removed
    assert not [line for line in difflib.ndiff(before.splitlines(), lines) if line.startswith("+ ")]


@pytest.mark.parametrize(("kind", "ident"), [("claim", "C13"), ("source", "S-state-0424")])
def test_a_removal_saved_then_undone_and_saved_gives_the_file_back(seed: Path, kind: str, ident: str) -> None:
    session = Session.open(seed)
    session.apply(ops.remove_annotation(session.doc, kind, ident))  # type: ignore[arg-type]
    session.save()
    assert f"id: {ident}\n" not in seed.read_text(encoding="utf-8")
    session.undo()
    session.save()
    # its comments, block scalars, quoting and the blank lines around it, as they were
    assert seed.read_bytes() == SEED.read_bytes()
    session.redo()
    session.save()
    session.undo()
    session.save()
    assert seed.read_bytes() == SEED.read_bytes()


def test_an_edit_saved_then_undone_and_saved_gives_the_annotation_its_lines_back(seed: Path) -> None:
    session = Session.open(seed)
    session.apply(ops.rate_claim(session.doc, "C13", Rating.FALSE, "Changed.", TODAY))
    session.apply(ops.set_note(session.doc, "source", "S-voa-0424", "Changed too."))
    session.save()
    assert "Changed too." in seed.read_text(encoding="utf-8")
    session.undo()
    session.undo()
    session.save()
    # the folded explanation and note, and the comment inside the claim, as they were written
    assert seed.read_bytes() == SEED.read_bytes()


def test_a_folded_explanation_edited_stays_folded(seed: Path) -> None:
    before = seed.read_text(encoding="utf-8")
    session = Session.open(seed)
    old = present(present(session.doc.claim("C13")).verdict).explanation
    longer = old + " A second look found the meeting reported by two outlets the next day, and no denial."
    session.apply(ops.rate_claim(session.doc, "C13", Rating.PARTLY_SUPPORTED, longer, date(2026, 12, 5)))
    session.save()
    after = seed.read_text(encoding="utf-8")
    lines = after.splitlines()
    at = lines.index("      explanation: >-", before.splitlines().index("  - id: C13"))
    body = lines[at + 1 : lines.index("      reviewed: 2026-12-05", at)]
    assert len(body) == 3 and all(line.startswith("        ") and len(line) <= 104 for line in body), body
    assert present(present(load_document(seed).claim("C13")).verdict).explanation == longer
    assert_reads_back(seed, session.doc)
