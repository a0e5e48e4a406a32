"""Choosing a passage of the text by keyboard (``v``): it grows by words and sentences, lit in the
text as it grows and said in a bar below, then becomes a claim, a mention, an entity or a bookmark."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing_tui.display import sanitize
from briefing_tui.widgets.key_footer import KeyFooter


class SelectionBar(ModalScreen[tuple[str, int, int] | None]):
    """A passage of the text chosen by keyboard, shown in the text as it grows (the view's
    ``selection`` overlay) and said in a bar below; the reader stays visible above. Dismisses with
    ``(what to make, start, end)``: ``claim``, ``mention``, ``entity`` or ``bookmark``; or None."""

    BINDINGS = [
        Binding("w,right", "grow('word', 1)", "Word +"),
        Binding("b,left", "grow('word', -1)", "Word −"),
        Binding("right_parenthesis,down", "grow('sentence', 1)", "Sentence +", key_display=")"),
        Binding("left_parenthesis,up", "grow('sentence', -1)", "Sentence −", key_display="("),
        Binding("c", "make('claim')", "Claim"),
        Binding("m", "make('mention')", "Mention…"),
        Binding("t", "make('entity')", "Entity…"),
        Binding("B", "make('bookmark')", "Bookmark…", key_display="B"),
        Binding("escape", "dismiss_none", "Cancel"),
    ]
    HELP_GROUP = "Selecting a passage"

    def __init__(self, view: Any, text: str, start: int, *, layer_only: bool = False) -> None:
        from briefing_tui.model.passages import word_at  # deferred: only when a passage is chosen

        super().__init__()
        self.layer_only = layer_only
        """The file is kept as it is: only a bookmark can be made (the other keys are not offered)."""
        self.view = view
        self.text = text
        self.span = word_at(text, start)

    def compose(self) -> ComposeResult:
        yield Static(id="selection-said")
        # every key whole: the ones back and the bookmark give way first in a narrow terminal
        yield KeyFooter(gives_way=("grow('word', -1)", "grow('sentence', -1)", "make('bookmark')"))

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        start, end = self.span
        passage = self.text[start:end]
        shown_text = passage if len(passage) <= 160 else passage[:80] + " … " + passage[-60:]
        said = sanitize(f"{len(passage)} characters: “{shown_text}”")
        self.query_one("#selection-said", Static).update(Content(said))
        self.view.set_overlay("selection", [self.span], 0)
        self.view.scroll_to_offset(end, center=False)

    def action_grow(self, unit: str, step: int) -> None:
        from briefing_tui.model import passages  # deferred: only when a passage is chosen

        move = {
            ("word", 1): passages.next_word,
            ("word", -1): passages.previous_word,
            ("sentence", 1): passages.next_sentence,
            ("sentence", -1): passages.previous_sentence,
        }[(unit, step)]
        self.span = move(self.text, *self.span)
        self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.layer_only and action == "make" and parameters != ("bookmark",))

    def action_make(self, what: str) -> None:
        self.view.clear_overlay("selection")
        if self.span[0] == self.span[1]:
            self.app.bell()
            return
        self.dismiss((what, *self.span))

    def action_dismiss_none(self) -> None:
        self.view.clear_overlay("selection")
        self.dismiss(None)
