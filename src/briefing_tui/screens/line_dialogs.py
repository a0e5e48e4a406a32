"""The dialogs of one line: a bookmark's label (``bookmarks.LabelDialog``), and where to save a
document instead when its file cannot be written or is kept as it is on disk (``PathDialog``).

Saving elsewhere writes a new file: the name offered is one where nothing is yet, and a path
already taken (the document's own file among them) is refused in the dialog, which stays open and
says why, so that nobody's file is written over by a "save as".
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Input, Static

from briefing_tui.display import sanitize
from briefing_tui.screens.checking_dialogs import Dialog
from briefing_tui.widgets.safe_input import FormInput


class LineDialog(Dialog):
    """One line to answer: ``title``, a ``label`` saying the keys, the line (``value`` at first, in a
    ``FormInput`` of id ``field``). ``enter`` or ``ctrl+s`` dismisses with ``answer(line)``, unless
    ``refused(line)`` says why not: that is said in the dialog, under the line, and it stays open."""

    typing: str | None = None
    """The line changed from ``value`` named for the quit question (``Dialog.typed``); None: the
    line is not work of its own that quitting would lose (a path to save to)."""

    def __init__(self, title: str, label: str, value: str = "", *, field: str) -> None:
        super().__init__()
        self.title_text, self.label, self.value, self.field = title, label, value, field

    def compose(self) -> ComposeResult:
        with Vertical(id="check-dialog", classes="-small"):
            yield Static(Content(sanitize(self.title_text)), id="check-title")
            yield Static(self.label, classes="check-label")
            yield FormInput(self.value, id=self.field)
            yield Static(id="line-problem", classes="check-problem")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(f"#{self.field}", FormInput).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_done()

    def action_done(self) -> None:
        line = self.query_one(f"#{self.field}", FormInput).value
        if problem := self.refused(line):
            self.query_one("#line-problem", Static).update(Content(sanitize(problem)))
            self.app.bell()
            return
        self.dismiss(self.answer(line))

    def typed(self) -> str | None:
        return self.typing if self.query_one(f"#{self.field}", FormInput).value != self.value else None

    def refused(self, line: str) -> str | None:
        return None

    def answer(self, line: str) -> object:
        return line


class PathDialog(LineDialog):
    """Where to save instead (the file was deleted or cannot be written, or the person keeps the
    file on disk as it is): ``path`` offered at first, a file that does not exist yet. A path where
    something already is (the original file among them) is refused in the dialog: saving elsewhere
    never replaces a file. Dismisses with the path typed, or None."""

    def __init__(self, title: str, path: str, original: Path) -> None:
        label = "Save as a new file (enter or ctrl+s: save; escape: keep the edits unsaved)"
        super().__init__(title, label, sanitize(path), field="save-path")
        self.original = original

    def refused(self, line: str) -> str | None:
        return taken(Path(line.strip()).expanduser(), self.original) if line.strip() else None

    def answer(self, line: str) -> str | None:
        return line.strip() or None


def taken(path: Path, original: Path) -> str | None:
    """Why saving elsewhere may not write ``path`` (None: nothing is there yet): the original file,
    or any file, folder or link already there, is never replaced."""
    name = sanitize(str(path))
    if os.path.abspath(path) == os.path.abspath(original) or (
        path.exists() and original.exists() and path.samefile(original)
    ):
        return f"{name} is the file itself, which stays as it is: choose a new name"
    if path.exists() or path.is_symlink():
        return f"{name} already exists and is not replaced: choose a new name"
    return None


def fresh_path(path: Path) -> Path:
    """A name beside ``path`` that holds nothing yet: ``NAME.mine.yaml``, else ``NAME.mine-2.yaml``…"""
    for n in itertools.count(1):
        mine = path.with_name(f"{path.stem}.mine{'' if n == 1 else f'-{n}'}{path.suffix}")
        if not mine.exists() and not mine.is_symlink():
            return mine
    raise AssertionError("unreachable")  # pragma: no cover
