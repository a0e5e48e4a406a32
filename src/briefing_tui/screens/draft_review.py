"""Reviewing drafts (``draft: true``, proposed by ``briefing annotate``): stepping through them in
the file's order (``D``), accepting or rejecting the one shown (``A`` / ``X``), and accepting or
rejecting every draft of its type at once (``T``, after a choice that says how many). Each review
is one edit made by ``Checking.edit``, undone by ``u``.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from briefing_tui.edit import ops
from briefing_tui.edit.render import Kind
from briefing_tui.screens.notes_layer import file_edits_refused, refuses_file_edits
from briefing_tui.words import plural

if TYPE_CHECKING:
    from briefing_tui.screens.checking import Checking


def left_said(checking: Checking) -> str:
    """How many drafts are left to review, by type: ``3 drafts left: 2 entities, 1 event``."""
    left = ops.drafts(checking.reader.state.doc)
    if not left:
        return "every draft reviewed"
    counts = Counter(kind for kind, _ in left)
    by_kind = ", ".join(plural(n, kind) for kind, n in counts.items())
    return f"{plural(len(left), 'draft')} left: {by_kind}"


def next_draft(checking: Checking) -> None:
    """Go to the drafted annotation after the one shown (in file order, wrapping), and say how
    many are left to review."""
    state = checking.reader.state
    left = ops.drafts(state.doc)
    if not left:
        checking.say("No draft left to review")
        return
    here = state.annotated()
    at = left.index(here) + 1 if here in left else 0  # type: ignore[arg-type]
    kind, ident = left[at % len(left)]
    obj = checking.find(kind, ident)
    if obj is not None:
        checking.reader.jump_to(state.nav.location_of(obj))
        keys = f"A accepts, X rejects, T all {kind} drafts"
        if (why := file_edits_refused(checking, state.doc)) is not None:
            keys = f"A, X and T cannot act here: {why}"
        checking.say(f"Draft {kind} {ident}: {plural(len(left), 'draft')} left to review ({keys})")


def review_draft(checking: Checking, accept: bool) -> None:
    """Accept (the annotation stays, ``draft`` goes) or reject (it is removed) the draft shown;
    then on to the next draft."""
    target = checking.annotation()
    if target is None:
        return
    kind, ident, obj = target
    if not getattr(obj, "draft", False):
        checking.say(f"{kind} {ident} is not a draft")
        return
    review = ops.accept_draft if accept else ops.reject_draft
    if checking.edit(lambda doc: review(doc, kind, ident)) is not None:  # type: ignore[arg-type]
        if ops.drafts(checking.reader.state.doc):
            next_draft(checking)
        else:
            checking.say("Every draft reviewed")


def review_all(checking: Checking) -> None:
    """``T``: every draft of the shown draft's type accepted or rejected, as one edit, once the
    person has chosen in a list that says how many; then what is left is said."""
    from briefing_tui.screens.checking_dialogs import ChoiceDialog  # deferred: only when asked

    target = checking.annotation()
    if target is None:
        return
    kind, ident, obj = target
    if not getattr(obj, "draft", False):
        checking.say(f"{kind} {ident} is not a draft: D goes to the next one")
        return
    if refuses_file_edits(checking):
        return
    count = len(ops.drafts(checking.reader.state.doc, kind))  # type: ignore[arg-type]

    def chosen(what: str | None) -> None:
        if what in ("accept", "reject"):
            review_kind(checking, kind, what == "accept")  # type: ignore[arg-type]

    options = [
        ("accept", f"Accept all {plural(count, f'drafted {kind}')} (they stay, without draft)"),
        (
            "reject",
            f"Reject all {plural(count, f'drafted {kind}')} (they are removed, with every reference to them)",
        ),
        ("cancel", "Cancel"),
    ]
    checking.reader.app.push_screen(ChoiceDialog(f"All {plural(count, f'drafted {kind}')}", options), chosen)


def review_kind(checking: Checking, kind: Kind, accept: bool) -> None:
    """Accept or reject every draft of ``kind`` (one edit), and say what is left."""
    review = ops.accept_all if accept else ops.reject_all
    if checking.edit(lambda doc: review(doc, kind)) is not None:
        checking.say(f"{'Accepted' if accept else 'Rejected'} the {kind} drafts; {left_said(checking)}")
