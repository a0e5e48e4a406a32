"""The document list, shown when a collection holds several documents."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.display import sanitize
from briefing_tui.model.places import TextPlace
from briefing_tui.model.types import Document
from briefing_tui.widgets.looks import Looks
from briefing_tui.widgets.messages import JumpRequested


class DocumentList(OptionList):
    """The documents of the collection; enter (or a click) opens one."""

    HELP_GROUP = "Documents pane"

    _current: str | None = None

    def set_documents(self, documents: list[Document], current: str | None, failed: int = 0) -> None:
        self._current = current
        options = []
        for doc in documents:
            mark = "▶ " if doc.id == current else "  "
            prompt = Text.assemble(
                (mark, "bold"), (sanitize(doc.title or doc.id), "bold" if mark.strip() else "")
            )
            options.append(Option(prompt, id=f"doc:{doc.id}"))
        if failed:
            line = Text(f"  {failed} file(s) failed to load: press e", style=Looks(self).mark("failed"))
            options.append(Option(line, disabled=True))
        self.set_options(options)
        if current is not None:
            self.highlighted = self.get_option_index(f"doc:{current}")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        doc_id = event.option.id.removeprefix("doc:") if event.option.id else None
        if doc_id is not None and doc_id != self._current:
            self.post_message(JumpRequested(TextPlace(doc_id)))
