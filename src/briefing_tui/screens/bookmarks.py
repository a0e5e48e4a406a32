"""Bookmarks in the reader: ``B`` marks a place of the text, ``'`` lists the marks to go to one.

A bookmark is a passage of the document shown, with an optional label: the passage that stands
out (the current claim, a mention, a search match), or the passage chosen with ``v`` (``B`` in the
selection bar). It is an edit of the checking session (``Session.add_bookmark``: undone with
``u``), saved by ``ctrl+s`` always to the sidecar beside the file (``edit/sidecar.py``: the format
has no place for it), and loaded back with the session when the document is opened again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.widgets import Input, OptionList

from briefing_tui.edit import ops
from briefing_tui.edit.history import Revision
from briefing_tui.model.places import TextPlace
from briefing_tui.screens.checking_dialogs import ChoiceDialog
from briefing_tui.screens.line_dialogs import LineDialog

Options = list[tuple[str, str]]
"""``(bookmark id, what the list shows)``."""

if TYPE_CHECKING:
    from briefing_tui.edit.render import Bookmark
    from briefing_tui.screens.checking import Checking


def excerpt(text: str, start: int, end: int, width: int = 60) -> str:
    """The passage ``start:end`` of ``text`` on one line, shortened in its middle past ``width``."""
    passage = " ".join(text[start:end].split())
    return passage if len(passage) <= width else passage[: width - 25] + " … " + passage[-20:]


def bookmark_here(checking: Checking) -> None:
    """``B``: bookmark the passage that stands out, after asking for a label (may stay empty)."""
    span = checking.reader.state.span
    if span is None or span[0] >= span[1]:
        checking.say("Nothing to bookmark here: go to a claim (]) or choose a passage (v), then B")
        checking.reader.app.bell()
        return
    ask_label(checking, *span)


def ask_label(checking: Checking, start: int, end: int) -> None:
    """Ask for the bookmark's label, then bookmark ``start:end`` of the document shown."""
    text = checking.reader.state.doc.text

    def labelled(label: str | None) -> None:
        if label is not None:
            add(checking, start, end, label.strip())

    checking.reader.app.push_screen(LabelDialog(excerpt(text, start, end)), labelled)


def add(checking: Checking, start: int, end: int, label: str) -> None:
    session = checking.session()
    if session is None:
        return
    _said(checking, lambda: session.add_bookmark(start, end, label))


def _said(checking: Checking, edit: Callable[[], Revision]) -> None:
    try:
        revision = edit()
    except ops.EditError as exc:
        checking.say(str(exc), error=True)
        return
    checking.say(revision.label)
    checking.reader.refresh_bindings()


def list_bookmarks(checking: Checking) -> None:
    """``'``: the bookmarks of the document shown, filtered by typing; ``enter`` goes to one,
    ``delete`` (in the list) removes one."""
    session = checking.session()
    if session is None:
        return
    if not session.bookmarks:
        checking.say("No bookmarks in this document: B bookmarks the passage that stands out")
        return
    doc = session.doc

    def options() -> list[tuple[str, str]]:
        return [(b.id, _label(doc.text, b)) for b in session.bookmarks]

    def remove(ident: str) -> list[tuple[str, str]]:
        _said(checking, lambda: session.remove_bookmark(ident))
        return options()

    def chosen(ident: str | None) -> None:
        mark = next((b for b in session.bookmarks if b.id == ident), None)
        if mark is not None and doc is checking.reader.state.doc:
            checking.reader.jump_to(TextPlace(doc.id, mark.start, mark.end))

    checking.reader.app.push_screen(BookmarkList(options(), remove), chosen)


def _label(text: str, mark: Bookmark) -> str:
    passage = f"“{excerpt(text, mark.start, mark.end)}”"
    return f"{mark.label} — {passage}" if mark.label else passage


class LabelDialog(LineDialog):
    """The label of a new bookmark (one line; empty: none). Dismisses with it, or None."""

    typing = "the bookmark label being typed"

    def __init__(self, passage: str) -> None:
        label = "Label (may stay empty; enter or ctrl+s: bookmark; escape: cancel)"
        super().__init__(f"Bookmark “{passage}”", label, field="bookmark-label")


class BookmarkList(ChoiceDialog):
    """The bookmarks, filtered by what is typed; ``enter`` chooses one, ``delete`` in the list
    removes the one highlighted (the list stays open)."""

    BINDINGS = [Binding("delete", "remove", "Remove bookmark")]

    def __init__(self, options: Options, remove: Callable[[str], Options]) -> None:
        title = "Bookmarks (type to filter; enter: go there; delete in the list: remove)"
        super().__init__(title, options, filtered=True)
        self._remove = remove

    def action_remove(self) -> None:
        choices = self.query_one("#check-choices", OptionList)
        if choices.highlighted is None:
            self.app.bell()
            return
        ident = choices.get_option_at_index(choices.highlighted).id
        if ident is None:
            return
        at = choices.highlighted
        self.options = self._remove(ident)
        typed = self.query_one("#check-filter", Input).value
        choices.clear_options()
        choices.add_options(self._options(typed))
        choices.highlighted = min(at, choices.option_count - 1) if choices.option_count else None

    def check_action(self, action: str, parameters: tuple[Any, ...]) -> bool | None:
        if action == "remove":  # in the filter, delete deletes a character
            return isinstance(self.focused, OptionList)
        return True
