"""The document list, shown when a collection holds several documents."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.visual import RichVisual, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.display import sanitize
from briefing_tui.model.places import TextPlace
from briefing_tui.model.types import Document
from briefing_tui.widgets.looks import Looks
from briefing_tui.widgets.messages import JumpRequested
from briefing_tui.words import plural


class OneLine(RichVisual):
    """A document's line in the list: one line whatever its width (a long title ends in an ellipsis),
    so it is not drawn to be measured. ``OptionList`` draws every option to count its lines, and
    keeps what it drew: for a thousand documents, a third of a second and some 3 MB."""

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1


class DocumentList(OptionList):
    BINDINGS = [Binding("enter", "select", "Open the document", show=False)]
    """The documents of the collection; enter (or a click) opens one."""

    HELP_GROUP = "Documents pane"

    _current: str | None = None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.options)  # one line each (``OneLine``)

    def _get_visual(self, option: Option) -> Visual:
        if option._visual is None and isinstance(option.prompt, Text):  # every prompt here is a Text
            option._visual = OneLine(self, option.prompt)
        return super()._get_visual(option)

    def set_documents(self, documents: list[Document], current: str | None, failed: int = 0) -> None:
        self._current = current
        options = []
        for doc in documents:
            mark = "▶ " if doc.id == current else "  "
            prompt = Text.assemble(
                (mark, "bold"),
                (sanitize(doc.title or doc.id), "bold" if mark.strip() else ""),
                no_wrap=True,
                overflow="ellipsis",
            )
            options.append(Option(prompt, id=f"doc:{doc.id}"))
        if failed:
            message = f"  {plural(failed, 'file')} failed to load: press e"
            options.append(
                Option(
                    Text(message, style=Looks(self).mark("failed"), no_wrap=True, overflow="ellipsis"),
                    disabled=True,
                )
            )
        self.set_options(options)
        if current is not None:
            self.highlighted = self.get_option_index(f"doc:{current}")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        doc_id = event.option.id.removeprefix("doc:") if event.option.id else None
        if doc_id is not None and doc_id != self._current:
            self.post_message(JumpRequested(TextPlace(doc_id)))
