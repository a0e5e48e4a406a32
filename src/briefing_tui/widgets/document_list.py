"""The document list, shown when a collection holds several documents."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.text import Text
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, RichVisual, Visual
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing_tui.display import sanitize
from briefing_tui.model.places import TextPlace
from briefing_tui.model.types import Document
from briefing_tui.widgets.looks import Looks
from briefing_tui.widgets.messages import JumpRequested
from briefing_tui.widgets.steady_list import EndingOptionList
from briefing_tui.widgets.type_filter import TypeToFilter
from briefing_tui.words import plural


class OneLine(Visual):
    """A document's line in the list: one line whatever its width (a long title ends in an ellipsis),
    so it is not drawn to be measured. ``OptionList`` draws every option to count its lines, and
    keeps what it drew: for a thousand documents, a third of a second and some 3 MB.

    It holds its prompt (the title, or a line already made) and makes the line the first time it is
    drawn: a thousand lines made at once were a third of a megabyte, for the twenty on screen."""

    def __init__(self, widget: Widget, prompt: str | Text, current: bool = False) -> None:
        self._widget = widget
        self._prompt = prompt
        self._current = current
        self._drawn: RichVisual | None = None

    @property
    def made(self) -> bool:
        """Whether the line was made (it was drawn, or measured)."""
        return self._drawn is not None

    def _line(self) -> RichVisual:
        if self._drawn is None:
            prompt = self._prompt
            if not isinstance(prompt, Text):
                bold = "bold" if self._current else ""
                mark = "▶ " if self._current else "  "
                prompt = Text.assemble((mark, "bold"), (prompt, bold), no_wrap=True, overflow="ellipsis")
            self._drawn = RichVisual(self._widget, prompt)
        return self._drawn

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._line().render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self._line().get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1


class DocumentList(TypeToFilter, EndingOptionList):
    """The documents of the collection; enter (or a click) opens one; ``/`` filters the list (by
    title or id), as every list does."""

    BINDINGS = TypeToFilter.bindings("Open the document")
    HELP_GROUP = "Documents pane"
    FILTER_CHARS = " -'’"

    _current: str | None = None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.filter_text = ""
        self._documents: list[Document] = []
        self._failed = 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.options)  # one line each (``OneLine``)

    def _get_visual(self, option: Option) -> Visual:
        if option._visual is None:  # every prompt here is a title (``set_documents``) or a Text
            prompt = option.prompt
            current = option.id is not None and option.id == f"doc:{self._current}"
            option._visual = OneLine(self, prompt if isinstance(prompt, Text) else str(prompt), current)
        return super()._get_visual(option)

    def set_documents(self, documents: list[Document], current: str | None, failed: int = 0) -> None:
        """List ``documents``, the one shown (``current``) highlighted; when the document highlighted
        has left the list (it failed as it was opened), the highlight stays where it was, on the
        document that took its place (or the last one), for the next to be chosen from there."""
        option, row = self.highlighted_option, self.highlighted
        left = (
            option is not None
            and option.id is not None
            and option.id.removeprefix("doc:") not in {doc.id for doc in documents}
        )
        self._current, self._documents, self._failed = current, documents, failed
        self._rebuild(None if current is None else f"doc:{current}")
        if left and row is not None:
            rows = [i for i, listed in enumerate(self.options) if listed.id is not None]  # the documents
            if rows:
                self.highlighted = next((i for i in rows if i >= row), rows[-1])

    def _rebuild(self, keep: str | None) -> None:
        documents = self._documents
        options = []
        if self.filter_shown:
            options.append(Option(self.filter_head(), disabled=True))
        if self.filter_text:
            # deferred: the search package is not needed for the first frame
            from briefing_tui.search.filter import text_filter  # accents, quotes, ligatures folded

            accept = text_filter(self.filter_text)
            documents = [doc for doc in documents if accept(doc.title or "", doc.id)]
            if not documents:
                options.append(Option(Text("no document matches", style="dim italic"), disabled=True))
        titles = Counter(doc.title or doc.id for doc in self._titled())
        for doc in documents:  # the title, sanitized; its line is made when drawn (``_get_visual``)
            title = doc.title or doc.id  # after its file's name when another document has the same
            shown = f"{Path(doc.path).name} · {title}" if titles[title] > 1 else title  # seen when cut
            options.append(Option(sanitize(shown), id=f"doc:{doc.id}"))
        if self._failed:
            message = f"  {plural(self._failed, 'file')} failed to load: press e"
            options.append(
                Option(
                    Text(message, style=Looks(self).mark("failed"), no_wrap=True, overflow="ellipsis"),
                    disabled=True,
                )
            )
        self.show_options(options, keep)

    def _titled(self) -> list[Document]:
        """The documents whose titles tell whether a title is shown after its file's name."""
        return self._documents

    def refilter(self) -> None:
        option = self.highlighted_option
        self._rebuild(option.id if option is not None else None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        doc_id = event.option.id.removeprefix("doc:") if event.option.id else None
        if doc_id is not None and doc_id != self._current:
            self.post_message(JumpRequested(TextPlace(doc_id)))


class FirstRows(DocumentList):
    """The list as the reader first shows it, holding only its first ``rows`` documents: the same rows
    drawn, with the scroll bar of the whole list, for a fraction of what a thousand documents cost.
    It is never scrolled (the first look shows it, not focusable, until the reader comes)."""

    def __init__(self, rows: int, *, id: str | None = None) -> None:  # noqa: A002 - the widget's id
        super().__init__(id=id)
        self._rows = rows
        self._every: list[Document] = []
        self._whole = 0

    def set_documents(
        self, documents: list[Document], current: str | None, failed: int = 0, whole: int | None = None
    ) -> None:
        """As the whole list's; ``whole``: how many documents it has (``documents`` are its first ones,
        when its other files are still being read)."""
        self._every = documents
        count = len(documents) if whole is None else whole
        self._whole = count + (1 if failed else 0)  # the whole list's rows, its failed files' too
        super().set_documents(documents[: self._rows], current, failed)

    def _titled(self) -> list[Document]:
        return self._every  # a title shared with a document further down is shown after its file's name

    def _update_lines(self) -> None:
        super()._update_lines()
        lines = self._line_cache.lines  # not exported; Textual is pinned to one release
        if lines and len(lines) < self._whole:  # rows never drawn: as many as the whole list's
            lines.extend([lines[-1]] * (self._whole - len(lines)))
            super()._update_lines()  # its size now the whole list's
