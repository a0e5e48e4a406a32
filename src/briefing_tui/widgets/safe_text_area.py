"""A multi-line input that keeps what is typed or pasted as written and shows it through the display boundary.

Textual's ``TextArea`` draws its text as it is, and splits it into lines at every character that
``str.splitlines`` counts as a break (a line separator, NEL, a form feed…), each saved again as
``\\n``. ``SafeTextArea`` holds its text in a ``ShownDocument`` instead: lines are split at ``\\n``
only and kept exactly as typed or pasted, so ``text`` is what the person wrote (an emoji joiner, a
flag, a bidi override included), while everything Textual measures and draws (``lines``,
``get_line``, ``get_size``) is the line through ``sanitize``, tabs kept. A stand-in takes the place
of one character, so every column Textual counts on what it draws is a column of the text itself.
A key is taken by the rule of every input (``safe_input.takes``).
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len
from textual import events
from textual.document._document import Document, EditResult, Location
from textual.document._document_navigator import DocumentNavigator
from textual.document._wrapped_document import WrappedDocument
from textual.geometry import Size
from textual.widgets import TextArea

from briefing_tui.display import sanitize
from briefing_tui.widgets.safe_input import takes


@lru_cache(maxsize=1024)
def shown_line(line: str) -> str:
    """One line as an input draws it: the display boundary's stand-ins, tabs kept (Textual lays them out)."""
    return "\t".join(sanitize(part) for part in line.split("\t"))


def pasted(text: str) -> str:
    """A paste's text with its line breaks as ``\\n``: a terminal sends a new line as CR (or CR LF)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class ShownDocument(Document):
    """A document that keeps its text exactly and shows each line through the display boundary.

    ``text`` and ``get_text_range`` (what is saved, copied, undone) are the text as written;
    ``lines``, ``get_line``, ``[i]`` and ``get_size`` (what is drawn and measured) are the shown lines,
    each as long as the line it shows."""

    def __init__(self, text: str) -> None:
        super().__init__("")
        self._lines = text.split("\n")

    @property
    def lines(self) -> list[str]:
        return [shown_line(line) for line in self._lines]

    def __getitem__(self, line_index: int | slice) -> str | list[str]:  # type: ignore[override]
        if isinstance(line_index, slice):
            return [shown_line(line) for line in self._lines[line_index]]
        return shown_line(self._lines[line_index])

    def get_size(self, tab_width: int) -> Size:
        widths = [cell_len(shown_line(line).expandtabs(tab_width)) for line in self._lines]
        return Size(max(widths, default=0), len(self._lines))

    def replace_range(self, start: Location, end: Location, text: str) -> EditResult:
        """Textual's edit, with the text inserted split at ``\\n`` only (every other character kept)."""
        (top_row, top_column), (bottom_row, bottom_column) = sorted((start, end))
        lines = self._lines
        replaced = self.get_text_range((top_row, top_column), (bottom_row, bottom_column))
        before = lines[top_row][:top_column] if top_row < len(lines) else ""
        after = lines[bottom_row][bottom_column:] if bottom_row < len(lines) else ""
        inserted = text.split("\n")
        inserted[0] = before + inserted[0]
        column = len(inserted[-1])
        inserted[-1] += after
        lines[top_row : bottom_row + 1] = inserted
        return EditResult((top_row + len(inserted) - 1, column), replaced)


class SafeTextArea(TextArea):
    """A multi-line input that saves what is typed or pasted as written and draws it through the
    display boundary (``ShownDocument``): a pasted ESC, bidi override or emoji joiner is kept in
    ``text`` and shown as its stand-in. It opens with its cursor after the text it holds: what is
    typed adds to an explanation or a note."""

    def on_mount(self) -> None:
        self.move_cursor(self.document.end)

    def _set_document(self, text: str, language: str | None) -> None:
        super()._set_document("", None)  # Textual's own set-up, then the document that keeps the text
        self.document = ShownDocument(text)
        self.wrapped_document = WrappedDocument(self.document, tab_width=self.indent_width)
        self.navigator = DocumentNavigator(self.wrapped_document)

    async def _on_key(self, event: events.Key) -> None:
        if self.read_only or event.is_printable or not takes(event):
            return  # TextArea's own handler, next in line, takes it or leaves it to the bindings
        event.stop()
        event.prevent_default()
        assert event.character is not None
        self._replace_via_keyboard(event.character, *self.selection)

    async def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        if self.read_only:
            return
        if result := self._replace_via_keyboard(pasted(event.text), *self.selection):
            self.move_cursor(result.end_location)
            self.focus()
