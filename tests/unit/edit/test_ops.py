"""The edits a person makes while checking: what they change, and what they refuse, with a message."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from tests.support.checks import present
from tests.unit.edit.support import FIXTURES, SEED, assert_reads_back

from briefing_tui.edit import ops
from briefing_tui.edit.session import Session
from briefing_tui.model import load_document
from briefing_tui.model.types import Rating, Stance

TODAY = date(2026, 12, 5)


@pytest.fixture
def session(tmp_path: Path) -> Session:
    path = tmp_path / "seed.yaml"
    shutil.copyfile(SEED, path)
    return Session.open(path)


@pytest.fixture
def odd(tmp_path: Path) -> Session:
    path = tmp_path / "odd.yaml"
    shutil.copyfile(FIXTURES / "odd.yaml", path)
    return Session.open(path)


def test_rating_sets_the_verdict_reviewed_today(session: Session) -> None:
    session.apply(ops.rate_claim(session.doc, "C2", "outdated", "Superseded.\n", TODAY))
    verdict = present(present(session.doc.claim("C2")).verdict)
    assert (verdict.rating, verdict.explanation, verdict.reviewed) == (
        Rating.OUTDATED,
        "Superseded.",
        "2026-12-05",
    )
    session.apply(ops.remove_verdict(session.doc, "C2"))
    assert present(session.doc.claim("C2")).verdict is None


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: ops.rate_claim(d, "C1", "true"), "'true' is not a rating of the scale"),
        (lambda d: ops.rate_claim(d, "nope", "false"), "there is no claim 'nope'"),
        (lambda d: ops.make_claim(d, 5, 5), "is not inside the text"),
        (lambda d: ops.make_claim(d, 0, 10**9), "is not inside the text"),
        (lambda d: ops.make_entity(d, 0, 5, "two words"), "an entity type is one word"),
        (lambda d: ops.make_entity(d, 0, 5, "person", entity_id="niger"), "'niger' is not a free id"),
        (lambda d: ops.add_mention(d, "niger", 49, 54), "already a mention"),
        (lambda d: ops.attach_source(d, "claim", "C1", "S-nope"), "there is no source 'S-nope'"),
        (lambda d: ops.attach_source(d, "claim", "C2", "S-cnsp-0316", "agrees"), "is not a stance"),
        (
            lambda d: ops.attach_new_source(d, "claim", "C1", "T", date_text="2024-02-30"),
            "the date '2024-02-30'",
        ),
        (lambda d: ops.attach_new_source(d, "claim", "C1", "T", url="javascript:alert(1)"), "cannot be used"),
        (lambda d: ops.attach_new_source(d, "claim", "C1", "T", url="https://pаypal.com/"), "mixed scripts"),
        (lambda d: ops.attach_new_source(d, "claim", "C1", "T", url="https://a@b.example/"), "user name"),
        (lambda d: ops.attach_new_source(d, "claim", "C1", "  "), "needs a title"),
        (lambda d: ops.accept_draft(d, "claim", "C1"), "is not a draft"),
        (lambda d: ops.set_note(d, "claim", "C1", "a \ud800 b"), "not valid Unicode"),
        (lambda d: ops.rate_claim(d, "C1", "false", "\udcff"), "not valid Unicode"),
    ],
)
def test_bad_edits_are_refused_with_a_message(session: Session, make, message: str) -> None:  # noqa: ANN001
    with pytest.raises(ops.EditError, match=message):
        make(session.doc)
    assert not session.modified


def test_a_passage_becomes_a_claim_a_mention_or_an_entity(session: Session) -> None:
    text = session.doc.text
    start = text.index("Kurt M. Campbell")
    end = start + len("Kurt M. Campbell")
    numbered = len(session.doc.claims)  # the seed's claims are C1 to Cn
    session.apply(ops.make_claim(session.doc, start, end, gloss="A visit"))
    session.apply(ops.make_entity(session.doc, start, end, "person"))
    entity = session.doc.entities[-1]
    assert (entity.id, entity.name, entity.type) == ("kurt-m-campbell", "Kurt M. Campbell", "person")
    session.apply(ops.add_mention(session.doc, "niger", text.index("Niamey"), text.index("Niamey") + 6))
    assert session.doc.claims[-1].id == f"C{numbered + 1}" and session.doc.claims[-1].gloss == "A visit"
    niger = present(session.doc.entity("niger"))
    again = niger.mentions[-1]
    with pytest.raises(
        ops.EditError, match=f"already a mention of {niger.name} \\(niger\\)"
    ):  # its name said
        ops.add_mention(session.doc, "niger", again.start, again.end)
    session.save()
    assert_reads_back(session.path, session.doc)


def test_a_new_source_is_checked_and_attached_with_its_stance(session: Session) -> None:
    session.apply(
        ops.attach_new_source(
            session.doc,
            "claim",
            "C1",
            "Senate vote",
            "US Senate",
            "2023-07~",
            "https://www.senate.gov/x",
            "context",
        )
    )
    source = session.doc.sources[-1]
    assert (source.id, source.date, source.url) == ("S-senate-vote", "2023-07~", "https://www.senate.gov/x")
    assert present(session.doc.claim("C1")).sources[-1].stance is Stance.CONTEXT
    session.undo()
    assert session.doc.sources[-1].id != "S-senate-vote" and not session.modified


def test_a_passage_of_another_document_becomes_a_source(session: Session) -> None:
    other = load_document(FIXTURES / "odd.yaml")
    session.apply(ops.attach_passage(session.doc, "claim", "C1", other, 4, 12, "contradicts"))
    source = session.doc.sources[-1]
    assert source.span is not None
    assert (source.document, source.span.exact, source.span.start) == ("odd-styles", "minister", 4)
    text = session.text_to_save()
    assert "document: odd-styles" in text and "span: {exact: minister, start: 4, end: 12}" in text


def test_removing_an_entity_removes_the_references_to_it(session: Session) -> None:
    revision = session.apply(ops.remove_annotation(session.doc, "entity", "niger"))
    assert len(revision.steps) > 1
    assert not any("niger" in c.entities for c in session.doc.claims)
    session.undo()
    assert any("niger" in c.entities for c in session.doc.claims) and not session.modified


def test_verified_marks_and_notes_on_any_annotation(session: Session) -> None:
    session.apply(ops.set_verified(session.doc, "source", "S-state-0424", False))
    session.apply(ops.set_note(session.doc, "entity", "niger", "Checked the QID."))
    session.save()
    doc = load_document(session.path)
    assert present(doc.source("S-state-0424")).unverified == ["*"]
    assert present(doc.entity("niger")).note == "Checked the QID."


def test_drafts_are_reviewed_one_by_one_or_all_of_a_kind(odd: Session) -> None:
    doc = odd.doc
    odd.apply(ops.make_claim(doc, 0, 3))
    assert ops.drafts(doc) == [("claim", "c-rose")]
    odd.apply(ops.accept_draft(doc, "claim", "c-rose"))
    assert ops.drafts(doc) == []
    odd.undo()
    odd.apply(ops.reject_all(doc, "claim"))
    assert doc.claim("c-rose") is None and ops.drafts(doc, "claim") == []
    with pytest.raises(ops.EditError, match="no drafted claim is left"):
        ops.accept_all(doc, "claim")
    odd.undo()
    assert len(ops.drafts(doc, "claim")) == 1
    odd.apply(ops.accept_all(doc, "claim"))
    odd.save()
    assert not present(load_document(odd.path).claim("c-rose")).draft


def test_undo_and_redo_step_through_the_history(session: Session) -> None:
    for note in ("one", "two", "three"):
        session.apply(ops.set_note(session.doc, "claim", "C1", note))
    assert present(session.undo()).label == "note on C1"
    assert present(session.doc.claim("C1")).note == "two"
    session.redo()
    assert present(session.doc.claim("C1")).note == "three"
    while session.undo():
        pass
    assert not session.modified and session.redo() is not None


def test_draft_is_read_as_a_boolean_only() -> None:
    from briefing_tui.model import LoadError, load_bytes

    head = "format: 1\nid: d\ntitle: T\nlanguage: en\ntext: abc def\nclaims:\n  - id: c\n    span: [0, 3]\n"
    assert load_bytes((head + "    draft: true\n").encode(), "d.yaml").claims[0].draft
    assert not load_bytes(head.encode(), "d.yaml").claims[0].draft
    with pytest.raises(LoadError, match="draft must be true or false"):
        load_bytes((head + "    draft: yes\n").encode(), "d.yaml")
